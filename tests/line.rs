//! `minierr::line::decode_line` on the log lines of the real-world set: each entry's `raw` text
//! (what the reporter pasted: a timestamp, a label, an exception around the payload) must give
//! the same answer as its cleaned `payload`, and every text form has a case.
#![cfg(feature = "json")]

mod support;

use minierr::line::{Found, LineError, decode_line};
use minierr::{Action, DecodeOptions, Platform, RawCode};

fn answer(d: &minierr::Diagnosis<'_>) -> (Platform, Option<String>, Option<Action>) {
    (d.platform(), d.code().map(|c| c.to_string()), d.action())
}

#[test]
fn raw_lines_answer_as_their_cleaned_payloads() {
    let path = support::fixtures_dir().join("reference/real-world/dev-payloads.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = DecodeOptions::new();
    let (mut compared, mut same) = (0, 0);
    let mut differing = Vec::new();
    let mut differ = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let entry: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let Some(raw) = entry["raw"].as_str().filter(|r| !r.is_empty()) else {
            continue;
        };
        let payload = serde_json::to_string(&entry["payload"]).expect("re-serialises");
        let Ok(clean) = minierr::decode_str(&payload) else {
            continue;
        };
        // A multi-line paste (PHP var_dump, a pretty-printed object) is not a log line.
        if raw.contains('\n') {
            continue;
        }
        let first = raw;
        compared += 1;
        let expected = answer(&clean);
        match decode_line(first, &options) {
            Ok((_, d)) if answer(&d) == expected => same += 1,
            other => {
                differing.push(index + 1);
                differ.push(format!(
                    "  line {}: {first:?}\n    want {expected:?}\n    got  {:?}",
                    index + 1,
                    other.as_ref().map(|(f, d)| (f.as_str(), answer(d)))
                ))
            }
        }
    }
    eprintln!(
        "raw lines answered as their payloads: {same}/{compared}\n{}",
        differ.join("\n")
    );
    assert!(
        compared >= 40,
        "the set has raw lines to compare ({compared})"
    );
    // A line's payload is what the line holds: its answer must be the cleaned payload's. (Line
    // 95, an Alipay App SDK result a console printed as a JavaScript literal, `{resultStatus:
    // 4000, result: {<gateway JSON>}, memo: }`, was once answered as the gateway JSON nested in
    // it.)
    const EXPECTED_DIFFERENT: &[usize] = &[];
    assert_eq!(
        differing,
        EXPECTED_DIFFERENT,
        "{same}/{compared}:\n{}",
        differ.join("\n")
    );
}

/// One real line per form, from the set's raw fields and the issue's examples.
/// (line, form, platform, code, action).
type Case = (&'static str, Found, Platform, Option<i64>, Option<Action>);

const FORMS: &[Case] = &[
    (
        r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#,
        Found::Json,
        Platform::Wechat,
        Some(600002),
        Some(Action::FixConfig),
    ),
    (
        r#""getUserInfo:fail auth deny""#,
        Found::Json,
        Platform::Wechat,
        Some(103),
        Some(Action::AskUser),
    ),
    (
        r#"2026-11-30 10:02:11 ERROR pay failed {"errMsg":"requestPayment:fail cancel"}"#,
        Found::JsonObject,
        Platform::Wechat,
        Some(1),
        Some(Action::AskUser),
    ),
    (
        r#"h5公众号授权经常行报错{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: UdICunNre-o_pNZa ]"}"#,
        Found::JsonObject,
        Platform::WechatServer,
        Some(40029),
        Some(Action::Refresh),
    ),
    (
        "VM315:1 Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.",
        Found::WxCloudText,
        Platform::WechatCloud,
        Some(-502005),
        Some(Action::FixConfig),
    ),
    (
        "调试错误，请回到请求来源地，重新发起请求。 错误代码 invalid-signature 错误原因: 验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配",
        Found::GatewayText,
        Platform::AlipayGateway,
        None,
        Some(Action::FixConfig),
    ),
    (
        "扫码支付下单Get Alipay API Error:Insufficient Permissions - isv.self-invoke-forbidden",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40006),
        Some(Action::FixConfig),
    ),
    (
        "wechatpy.exceptions.WeChatClientException: Error code: 40003, message: invalid openid rid: 6302e9ee-763afa00-0dae2ea0",
        Found::ServerText,
        Platform::WechatServer,
        Some(40003),
        Some(Action::FixRequest),
    ),
    (
        "【微信错误 errcode=40029, errmsg=invalid code】",
        Found::ServerText,
        Platform::WechatServer,
        Some(40029),
        Some(Action::Refresh),
    ),
    (
        "[40164] invalid ip 120.244.112.8 ipv6 ::ffff:120.244.112.8, not in whitelist rid: 5fa26c60-1a0ebdd5-32fd1cd0",
        Found::ServerText,
        Platform::WechatServer,
        Some(40164),
        Some(Action::FixConfig),
    ),
    (
        "WxErrCode != 0, resp: {41001 access_token missing rid: 637df9e4-4cd673ce-10c42658}",
        Found::ServerText,
        Platform::WechatServer,
        Some(41001),
        Some(Action::FixRequest),
    ),
    (
        "微信 POST 请求发生错误！错误代码：45009，说明：reach max api daily quota limit hint: [nl1a8a02641530!]",
        Found::ServerText,
        Platform::WechatServer,
        Some(45009),
        Some(Action::Backoff),
    ),
    (
        "微信端返回错误：appid missing rid: 6312cfb8-0d23d03a-67a424e5。错误代码：41002",
        Found::ServerText,
        Platform::WechatServer,
        Some(41002),
        Some(Action::FixRequest),
    ),
    (
        "Request Error: 48001, api unauthorized rid: 686f417f-150898e8-04370525",
        Found::ServerText,
        Platform::WechatServer,
        Some(48001),
        Some(Action::FixConfig),
    ),
    (
        "Business Failed[40004] 交易不存在[ACQ.TRADE_NOT_EXIST]",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40004),
        Some(Action::FixRequest),
    ),
    // A code before its older errmsg, which the sources document (45009 `api freq out of
    // limit`, the 2019 open-platform table).
    (
        "WeixinAuthorize::ValidAccessTokenException (45009: api freq out of limit(接口调用超过限制).):",
        Found::ServerText,
        Platform::WechatServer,
        Some(45009),
        Some(Action::Backoff),
    ),
    // The gateway's public msg after its bracketed code is the gateway's too
    // (alipay_gateway.tsv 40004 Business Failed, 40001 Missing Required Arguments). 40004 is
    // only the envelope of a business error: without its sub_code, no step.
    (
        "AlipayException: [40004] Business Failed",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40004),
        None,
    ),
    (
        "Exception: [40001] Missing Required Arguments",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40001),
        Some(Action::FixRequest),
    ),
    // The Alipay Android SDK's PayResult.toString(), each value braced (the official demo's
    // class; alipay_jsapi_errors.tsv my.tradePay 6001 用户中途取消: AskUser).
    (
        "pay result: resultStatus={6001};memo={用户取消};result={}",
        Found::Fields,
        Platform::Alipay,
        Some(6001),
        Some(Action::AskUser),
    ),
    // …with the gateway answer braced in `result`, whose step is the cause's
    // (alipay_gateway.tsv isv.missing-signature-config: fix_config).
    (
        r#"resultStatus={4000};memo={};result={{"alipay_trade_app_pay_response":{"code":"40003","msg":"Insufficient Conditions","sub_code":"isv.missing-signature-config","sub_msg":"应用未配置对应签名算法的公钥或者证书"}}}"#,
        Found::Fields,
        Platform::Alipay,
        Some(4000),
        Some(Action::FixConfig),
    ),
    // The Ruby wechat gem: the errmsg with its hint, then its own code in parentheses.
    (
        "Wechat::ResponseError: invalid code, hints: [ req_id: je7q.a0244th27 ](40029)",
        Found::ServerText,
        Platform::WechatServer,
        Some(40029),
        Some(Action::Refresh),
    ),
    // A bracketed number beside no gateway msg and before no sub_code is not the gateway's:
    // 40001 with `invalid credential` is the WeChat server's (wechat_server_errcode.tsv 40001).
    (
        "MpException: [40001] invalid credential",
        Found::ServerText,
        Platform::WechatServer,
        Some(40001),
        Some(Action::Refresh),
    ),
    (
        "errCode: -5, errMsg: mediaError",
        Found::Fields,
        Platform::Wechat,
        None,
        None,
    ),
    (
        r#"Uncaught (in promise) {errMsg: "sendSocketMessage:fail webSocket is not connected", errCode: 10001}"#,
        Found::Fields,
        Platform::Wechat,
        None,
        None,
    ),
    (
        r#"array(2) { ["errcode"]=> int(50002) ["errmsg"]=> string(44) "user limited rid: 69ccd8cf-16c138bf-069f3aab" }"#,
        Found::Fields,
        Platform::WechatServer,
        Some(50002),
        Some(Action::GiveUp),
    ),
    (
        "{resultStatus: 6001, result: , memo: 用户取消}",
        Found::Fields,
        Platform::Alipay,
        Some(6001),
        Some(Action::AskUser),
    ),
    (
        "my.request报错：JSON parse data error",
        Found::AlipayText,
        Platform::Alipay,
        Some(14),
        Some(Action::FixRequest),
    ),
    // https://github.com/Luncher/alipay/issues/14: an SDK's `{code, data, message}` around the
    // gateway's answer; the SDK's -1 is no open-platform code, the nested answer is Alipay's.
    (
        r#"{"code":"-1","data":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在","buyer_pay_amount":"0.00","invoice_amount":"0.00","out_trade_no":"117814570259111501","point_amount":"0.00","receipt_amount":"0.00"},"message":"error"}"#,
        Found::Json,
        Platform::AlipayGateway,
        Some(40004),
        Some(Action::FixRequest),
    ),
    // https://github.com/kuif/xcx/issues/1: an errmsg with the server's `rid:` and no errcode.
    (
        "access_token missing rid: 66739825-3646610c-1b890536",
        Found::ServerText,
        Platform::WechatServer,
        Some(41001),
        Some(Action::FixRequest),
    ),
    // https://github.com/fzlee/alipay/issues/20: a Python 2 dict of the gateway's answer.
    (
        r#"{u'alipay_trade_query_response': {u'msg': u'Invalid Arguments', u'sub_code': u'isv.invalid-app-id', u'code': u'40002', u'sub_msg': u'\u65e0\u6548\u7684AppID\u53c2\u6570'}}"#,
        Found::Fields,
        Platform::AlipayGateway,
        Some(40002),
        Some(Action::FixConfig),
    ),
    // https://github.com/babyinbook/preview/issues/84: paid already; never pay again.
    (
        "交易已经支付 错误码：TRADE_HAS_SUCCESS",
        Found::GatewayText,
        Platform::AlipayGateway,
        None,
        Some(Action::Reconcile),
    ),
    // https://github.com/crmeb/crmeb_java/issues/23: WeChat's number with its own errmsg, in
    // Chinese text, is no Alipay page's `错误代码 <sub_code>`.
    (
        "小程序微信登录失败 错误代码 40029 invalid code",
        Found::ServerText,
        Platform::WechatServer,
        Some(40029),
        Some(Action::Refresh),
    ),
    // https://github.com/jasondu/wxa-plugin-canvas/issues/205: an errMsg quoted in prose with
    // Markdown emphasis; the marks after it are the writer's (the cause was the avatar domain
    // missing from the trusted list).
    (
        "但是运行体验版的时候出现“**downloadFile: fail url not in domain list**”。",
        Found::WxErrMsg,
        Platform::Wechat,
        Some(600002),
        Some(Action::FixConfig),
    ),
    // An errMsg quoted in prose with curly single quotes: the closing quote is the writer's,
    // not the documented reason's (the subscription prompt must be opened from a tap).
    (
        "提示 ‘requestSubscribeMessage:fail can only be invoked by user TAP gesture.’ 是什么原因",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::FixRequest),
    ),
    // wechat-miniprogram/minigame-unity-webgl-transform#267: an errMsg retyped with Chinese
    // input's full-width colon (the CDN host was missing from the downloadFile domains).
    (
        "浏览器和微信开发者工具运行正常，上传之后扫码运行提示 downloadFile：fail url not in domain list",
        Found::WxErrMsg,
        Platform::Wechat,
        Some(600002),
        Some(Action::FixConfig),
    ),
    // uniCloud's uni-id passes a server answer on in the client's field names
    // (dcloudio/uni-template-login#9): an errMsg with no `api:fail`, but with the server's
    // `rid:`, beside a positive errCode is the server's answer, 40013 an appid the app is
    // configured with.
    (
        "微信登录报错errCode: 40013 | errMsg: invalid appid rid: 601baa04-348de44a-4e7042bc",
        Found::Fields,
        Platform::WechatServer,
        Some(40013),
        Some(Action::FixConfig),
    ),
    // A short label run into Chinese prose is the prose's word: the OAuth code a log names
    // before the gateway's answer is not the answer's `code` (a line of our own making).
    (
        "获取code: 4b203fe6c11548bcabd8da5bb087a83b, 换取token失败 {'code': '40002', 'msg': 'Invalid Arguments', 'sub_code': 'isv.code-invalid'}",
        Found::Fields,
        Platform::AlipayGateway,
        Some(40002),
        Some(Action::Refresh),
    ),
    // An errMsg is one line: in a JSON log's string, an escaped line break and the stack trace
    // after it are not its reason (a line of our own making; Tencent Cloud's function runtime
    // reports a thrown error so, with the trace in `stackTrace`).
    (
        r#"{"level":"error","stack":"requestPayment:fail cancel\n    at Object.fail (app.js:1:2)"}"#,
        Found::WxErrMsg,
        Platform::Wechat,
        Some(1),
        Some(Action::AskUser),
    ),
    // The old requestPayment shape printed as a JavaScript literal (a WeChat community thread
    // shows one): its `err_code` is read as JSON reads it, and -1 takes its legacy row's step.
    (
        r#"{err_desc: "Invalid payment situation", err_code: "-1", errMsg: "requestPayment:fail"}"#,
        Found::Fields,
        Platform::Wechat,
        None,
        Some(Action::FixRequest),
    ),
    // A short label run into Chinese is read where no copy of it stands on its own.
    (
        "支付宝返回code: 40004, msg: Business Failed, sub_code: ACQ.TRADE_NOT_EXIST, sub_msg: 交易不存在",
        Found::Fields,
        Platform::AlipayGateway,
        Some(40004),
        Some(Action::FixRequest),
    ),
    // The break escaped as `\r\n`, or escaped twice (a JSON string inside another).
    (
        r#"{"level":"error","stack":"requestPayment:fail cancel\r\n    at Object.fail (app.js:1:2)"}"#,
        Found::WxErrMsg,
        Platform::Wechat,
        Some(1),
        Some(Action::AskUser),
    ),
    (
        r#"log: "requestPayment:fail cancel\\n    at Object.fail (app.js:1:2)""#,
        Found::WxErrMsg,
        Platform::Wechat,
        Some(1),
        Some(Action::AskUser),
    ),
    // An errMsg a thread numbered as a list item (wendux/fly#210, the iOS wording of a lost
    // connection): the number is the writer's, not the API's name.
    (
        "1.request:fail 似乎已断开与互联网的连接。",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::Retry),
    ),
    (
        "2.request:fail 请求超时。",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::Retry),
    ),
    // The WeChat DevTools' console message for a domain missing from the server-domain list
    // (dyq086/wepy-mall#72; before 2018 with no list named, ZCLegendary/WXNews#1): the
    // runtime's wording, which names no errno.
    (
        "VM11 asdebug.js:1 http://127.0.0.1:10096 不在以下 request 合法域名列表中，请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::FixConfig),
    ),
    (
        "asdebug.js:1  http://c.m.163.com//nc/article/headline/T1348647853363/0-40.html 不在以下合法域名列表中，请参考文档：https://mp.weixin.qq.com/debug/wxadoc/dev/api/network-request.html",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::FixConfig),
    ),
    // Today's DevTools append `(env: …)` after the link; the message ends before it.
    (
        "VM11 asdebug.js:1 http://127.0.0.1:10096 不在以下 request 合法域名列表中，请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html(env: Windows,mp,1.06.2412050; lib: 3.8.7)",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::FixConfig),
    ),
    // The message ends at the list's name when no link follows: what comes after a space is
    // the app's own text (numbered console lines pasted as one).
    (
        "1. https://example.api.lncld.net 不在以下 request 合法域名列表中 2.request:fail url not in domain list 3.VM136:1 Error: Request has been terminated",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::FixConfig),
    ),
    // A gateway success the log cut short (yansongda/laravel-pay#57): the wrapper and 10000
    // Success are the gateway's. A refund's success cut before its fund_change is looked up.
    (
        r#"2020-04-26 23:51:14 > yansongda.pay.DEBUG > Result Of Alipay Api {"alipay_fund_trans_uni_transfer_response":{"code":"10000","msg":"Success","order_id":"***********","out_biz_no":"1587916273_chengzhuan_test","pay"#,
        Found::Fields,
        Platform::AlipayGateway,
        Some(10000),
        Some(Action::Success),
    ),
    (
        r#"refund: {"alipay_trade_refund_response": {"code":"10000","msg":"Success","trade_no":"20"#,
        Found::Fields,
        Platform::AlipayGateway,
        Some(10000),
        Some(Action::Reconcile),
    ),
    (
        r#"refund: {"alipay_trade_refund_response":{"code":"10000","msg":"Success","buyer_logon_id":"k***","fund_change":"Y","gmt_refund_pay":"2023-12-10 21:1"#,
        Found::Fields,
        Platform::AlipayGateway,
        Some(10000),
        Some(Action::Success),
    ),
    (
        "[wx] request:fail timeout",
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        Some(Action::Retry),
    ),
    (
        r#"请问"getImageInfo:fail invalid"是什么错，图片链接错误吗"#,
        Found::WxErrMsg,
        Platform::Wechat,
        None,
        None,
    ),
    // A WeCom errmsg without its errcode: the `more info` link names the code
    // (https://github.com/jxxghp/MoviePilot/issues/479 printed this one).
    (
        "ERROR: wechat.py - 发送请求失败，错误信息：not allow operate another agent with this accesstoken., hint: [1693989761612132943518721], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=301002",
        Found::ServerText,
        Platform::Wecom,
        Some(301002),
        Some(Action::FixConfig),
    ),
    // A Cloud API's own `api:fail` is Cloud's, with or without a code, in any form.
    (
        "document.get:fail document with _id 10002 does not exist",
        Found::WxErrMsg,
        Platform::WechatCloud,
        None,
        None,
    ),
    (
        r#"{"errMsg":"collection.get:fail timeout"}"#,
        Found::Json,
        Platform::WechatCloud,
        None,
        Some(Action::Retry),
    ),
    (
        "fail: {errMsg: cloud.callFunction:fail timeout}",
        Found::Fields,
        Platform::WechatCloud,
        None,
        Some(Action::Retry),
    ),
    // A server errmsg with its rid and the quote the app printed after it, and with the
    // server's older `hints: [ req_id: … ]` suffix (jpush/jshare-react-native#34).
    (
        "invalid credential, access_token is invalid or not latest rid: 630ecbee-28894bea-0ee8d49c'",
        Found::ServerText,
        Platform::WechatServer,
        Some(40001),
        Some(Action::Refresh),
    ),
    (
        "java.lang.Throwable: invalid appsecret, view more at http://t.cn/RAEkdVq, hints: [ req_id: hI0889th36 ]",
        Found::ServerText,
        Platform::WechatServer,
        Some(40125),
        Some(Action::FixConfig),
    ),
    // An errmsg several codes share (40003, 87081, 90007) whose steps agree: the step, no
    // code (https://github.com/w7corp/easywechat/issues/517).
    (
        r"PHP Fatal error:  Uncaught EasyWeChat\Core\Exceptions\HttpException: invalid openid hint: [YTFzja0249ge10] in /var/www/html/vendor/overtrue/wechat/src/Core/AbstractAPI.php:235",
        Found::ServerText,
        Platform::WechatServer,
        None,
        Some(Action::FixRequest),
    ),
    // And the oldest, `hint: [ … ]` straight after the errmsg, which may follow the app's own
    // Chinese words without a label; WeCom's `, hint: [ … ]` is not the server's.
    (
        "调用jsapi_ticket出现reach max api daily quota limit hint: [VAB1bA0573vr20](45009)",
        Found::ServerText,
        Platform::WechatServer,
        Some(45009),
        Some(Action::Backoff),
    ),
    // The app's words may end with an ASCII colon and no space (a thread's title).
    (
        "调用时报:api unauthorized rid: 69a70460-6bf4a67d-1d99f982",
        Found::ServerText,
        Platform::WechatServer,
        Some(48001),
        Some(Action::FixConfig),
    ),
    // In Markdown's backticks, as a thread quotes it (zoujingli/WeChatDeveloper#29).
    (
        "`component ticket is invalid hint: [f7sdKA0009hb96]`",
        Found::ServerText,
        Platform::WechatServer,
        Some(61006),
        Some(Action::Refresh),
    ),
    // A CSV cell's doubled quotes leave the errMsg field empty: the errMsg is found as text.
    (
        r#"{""errMsg"":""downloadFile:fail url not in domain list""}"#,
        Found::WxErrMsg,
        Platform::Wechat,
        Some(600002),
        Some(Action::FixConfig),
    ),
    // Alipay gateway answers as SDKs print them: camel-cased fields in a console literal
    // (alipay/alipay-sdk-nodejs-all#109), a public msg with its sub_code after any label, and
    // a public msg with its sub_msg beside Alipay's diagnosis link.
    (
        "{   code: '40002',   msg: 'Invalid Arguments',   subCode: 'isv.invalid-signature',   subMsg: '验签出错' }",
        Found::Fields,
        Platform::AlipayGateway,
        Some(40002),
        Some(Action::FixConfig),
    ),
    (
        "get result error:Invalid Arguments - isv.invalid-signature",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40002),
        Some(Action::FixConfig),
    ),
    // The official Java SDK's demo joins msg, sub_code and sub_msg with ` , `
    // (https://github.com/alipay/alipay-sdk-java-all/issues/30).
    (
        "错误信息: Invalid Arguments  , invalid-signature  , 验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40002),
        Some(Action::FixConfig),
    ),
    (
        "Insufficient Permissions : 接口调用权限不足，解决方案：https://open.alipay.com/api/errCheck?traceId=0b27",
        Found::GatewayText,
        Platform::AlipayGateway,
        Some(40006),
        Some(Action::FixConfig),
    ),
    // Chinese input's full-width colon after a field name (AlipayDocs/open-docs FAQ
    // code_40001 isv.missing-encrypt-key): the encryption key is the app's configuration.
    (
        r#"{code：40001,msg:"Missing Required Arguments"，subCode:"isv.missing-encrypt-key",subMsg:"缺少加密配置" }"#,
        Found::Fields,
        Platform::AlipayGateway,
        Some(40001),
        Some(Action::FixConfig),
    ),
    // A body retyped through Chinese input, its quotes curly (node-webot/co-wechat-api#99).
    (
        "会返回错误码42001，错误信息： { “errcode”: 42001, “errmsg”: “access_token expired” }",
        Found::Fields,
        Platform::WechatServer,
        Some(42001),
        Some(Action::Refresh),
    ),
    // An Alipay JSAPI failure as a console prints it; the AlipayDocs FAQ page error:1 says the
    // IDE's simulator does not support the API: nothing to fix in the call, use a device.
    (
        r#"{error: 1, errorMessage: "该接口暂不支持"}"#,
        Found::Fields,
        Platform::Alipay,
        Some(1),
        Some(Action::GiveUp),
    ),
    // WeCom's errmsg after a bare `errmsg:` label runs on past its commas to the link that
    // names the code (zyh94946/wx-msg-push-tencent#8); 60020 is an IP WeCom does not trust.
    (
        r"Send msg return errcode, errcode: 60020 errmsg: not allow to access from your ip, hint: [1662317178339603627481038], from ip: 114.132.235.244, more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
        Found::Fields,
        Platform::Wecom,
        Some(60020),
        Some(Action::FixConfig),
    ),
    // Without an `errmsg` key, the text after the errcode carries WeCom's `from ip:`
    // (Micro-sheep/wechat_work#3): WeCom's errmsg, and 60020 is WeCom's untrusted IP.
    (
        "errcode: 60020, 'not allow to access from your ip, hint: [16557994246266***], from ip: 101.43.**",
        Found::Fields,
        Platform::Wecom,
        Some(60020),
        Some(Action::FixConfig),
    ),
    // A message a logger quoted: read as the string alone would be (a documented Alipay
    // errorMessage, here my.request's), or through its text (a server errmsg with its hints).
    (
        r#"2026-11-30 10:02:00 ERROR call failed "JSON parse data error""#,
        Found::JsonString,
        Platform::Alipay,
        Some(14),
        Some(Action::FixRequest),
    ),
    (
        r#"2026-11-30 10:02:00 ERROR call failed "api unauthorized, hints: [ req_id: dIaOLa0186s154 ]""#,
        Found::JsonString,
        Platform::WechatServer,
        Some(48001),
        Some(Action::FixConfig),
    ),
    // And a message inside an app's own object that fits no platform
    // (songquanpeng/message-pusher#116 re-wraps the server's errmsg as `message`).
    (
        r#"{"message":"access_token missing rid: 65138ae5-06b6a80c-4ab74a42","success":false}"#,
        Found::JsonString,
        Platform::WechatServer,
        Some(41001),
        Some(Action::FixRequest),
    ),
    // The same server texts as whole-line JSON strings (the real-world set's payloads).
    (
        r#""[40164] invalid ip 120.244.112.8 ipv6 ::ffff:120.244.112.8, not in whitelist rid: 5fa26c60-1a0ebdd5-32fd1cd0""#,
        Found::Json,
        Platform::WechatServer,
        Some(40164),
        Some(Action::FixConfig),
    ),
    // A structured log's object that fits no platform, with the payload escaped in a string.
    (
        r#"{"level":"error","msg":"{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}"}"#,
        Found::Fields,
        Platform::WechatServer,
        Some(40001),
        Some(Action::Refresh),
    ),
    // Nor is an app's `error` holding the server's errmsg with its `rid:`
    // (openshiye/edgeone-webhook-pusher#47): the errmsg is read as text.
    (
        r#"{"openId":"oNrGb3McTSpmXPl-SwkjCS8xDQYk","success":false,"error":"response out of time limit or subscription is canceled rid: 69c77387-46d5d5f7-1649860c","errorCode":45015}"#,
        Found::JsonString,
        Platform::WechatServer,
        Some(45015),
        // The user must write to the account again before it may answer.
        Some(Action::AskUser),
    ),
    // Nor one holding WeCom's errmsg with its hint and link (sunnoy/openclaw-plugin-wecom#82:
    // the user id sent was wrong).
    (
        r#"ERROR [wecom] WeCom: Agent API fallback failed (sendText) {"userId":"0630","error":"agent send text failed: 81013 user & party & tag all invalid, hint: [1772787551486503791331285], from ip: 222.88.153.2, more info at https://open.work.weixin.qq.com/devtool/query?e=81013"}"#,
        Found::ServerText,
        Platform::Wecom,
        Some(81013),
        Some(Action::FixRequest),
    ),
    // Fields typed with Chinese input: a full-width comma between them, and a message whose
    // closing quote was left off (alipay_jsapi_errors.tsv my.request 20: 请求url不支持http,请使用https).
    (
        r#"error:20，errorMessage:"请求url不支持http,请使用https 。"#,
        Found::Fields,
        Platform::Alipay,
        Some(20),
        Some(Action::FixRequest),
    ),
    // WeCom's JS-SDK adds a `hint` with its code page's link beside the errMsg
    // (wecom_errcode.tsv 40093: jsapi签名错误).
    (
        r#"{"errMsg":"agentConfig:fail","err_Info":"fail","hint":"Hint: '1700000000:abcdefghijk:40093'. More info at https://open.work.weixin.qq.com/devtool/query?e=40093"}"#,
        Found::Json,
        Platform::Wecom,
        Some(40093),
        Some(Action::FixRequest),
    ),
    // Its older versions put the link in `err_Info`.
    (
        r#"Object { errCode: 2, err_Info: "invalid signature more info at https://open.work.weixin.qq.com/devtool/query?e=40093", errMsg: "config:fail" }"#,
        Found::Fields,
        Platform::Wecom,
        Some(40093),
        Some(Action::FixRequest),
    ),
    // A WeCom server answer after a client failure on the same line is another call's: its
    // link, in its errmsg, says nothing of the client failure.
    (
        r#"{"errMsg":"request:fail timeout"} token: {"errcode":40001,"errmsg":"invalid credential, hint: [1597733128_47_64fcadb1aaaaaaaaaaaaaaaa], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"}"#,
        Found::JsonObject,
        Platform::Wechat,
        None,
        Some(Action::Retry),
    ),
    // The same link in the app's own words is no WeCom answer.
    (
        r#"{"errMsg":"agentConfig:fail","note":"see https://open.work.weixin.qq.com/devtool/query?e=40093"}"#,
        Found::Json,
        Platform::Wechat,
        None,
        None,
    ),
    // A logger's `error` field holding WeChat's errMsg is no Alipay code.
    (
        r#"{"time":"2026-12-05T10:00:00Z","error":"getLocation:fail auth deny"}"#,
        Found::WxErrMsg,
        Platform::Wechat,
        Some(103),
        Some(Action::AskUser),
    ),
];

#[test]
fn each_form_is_found() {
    let options = DecodeOptions::new();
    for &(line, form, platform, code, action) in FORMS {
        let (found, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        let code_number = d.code().map(|c| match c {
            RawCode::Number(n) => n,
            RawCode::Text(t) => t.parse().unwrap_or(i64::MIN),
        });
        assert_eq!(
            (found, d.platform(), code_number, d.action()),
            (form, platform, code, action),
            "{line}"
        );
    }
}

/// A v3 body cut off inside its message, which JSON escaped: `\u…` is Chinese, not the English
/// message of another REST API, so the code still speaks (wechat_pay_errcode.tsv NO_AUTH:
/// fix_config). A Windows path's backslash is no escaped Chinese: that body stays another
/// API's.
#[test]
fn a_pay_body_cut_inside_its_escaped_message_keeps_its_code() {
    let line = r#"{"code":"NO_AUTH","message":"\u5f53\u524d\u5546\u6237\u53f7\u6ca1\u6709\u76f8\u5173\u6743\u9650\"#;
    let (found, d) =
        decode_line(line, &DecodeOptions::new()).unwrap_or_else(|e| panic!("{line}: {e}"));
    assert_eq!(
        (
            found,
            d.platform(),
            d.code().map(|c| c.to_string()),
            d.action()
        ),
        (
            Found::Fields,
            Platform::WechatPay,
            Some("NO_AUTH".to_owned()),
            Some(Action::FixConfig)
        )
    );
    // The same cut body from another REST API, whose English message holds a Windows path.
    let other = r#"{"code":"NO_AUTH","message":"cannot read C:\\users\\a.json"#;
    assert!(
        decode_line(other, &DecodeOptions::new())
            .map_or(true, |(_, d)| d.platform() != Platform::WechatPay),
        "{other}"
    );
}

/// A full-width comma ends a number or a code typed with Chinese input, never Chinese words:
/// the merchant's own account named after the comma keeps a v2 NOTENOUGH the merchant's to fix
/// (wechat_pay_errcode.tsv NOTENOUGH on a refund: 帐号余额不足，请到商户平台充值).
#[test]
fn a_full_width_comma_does_not_cut_chinese_words() {
    let line = "{return_code=SUCCESS, result_code=FAIL, err_code=NOTENOUGH, err_code_des=帐号余额不足，请到商户平台充值后再重试}";
    let (_, d) = decode_line(line, &DecodeOptions::new()).unwrap_or_else(|e| panic!("{line}: {e}"));
    assert_eq!(
        (d.platform(), d.action()),
        (Platform::WechatPay, Some(Action::FixConfig)),
        "{line}"
    );
}

/// An ASCII comma between Chinese characters is the sentence's, not the end of a bare value:
/// Go's `map[…]` print of a v2 answer keeps REFUND_FEE_MISMATCH's whole text, which sends an
/// INVALID_REQUEST to that row's step (wechat_pay_errcode.tsv: 订单金额或退款金额与之前请求
/// 不一致，请核实后再试, reconcile). A comma before the next field still ends the value.
#[test]
fn an_ascii_comma_inside_chinese_words_does_not_end_a_value() {
    let options = DecodeOptions::new();
    let go = "map[err_code:INVALID_REQUEST err_code_des:订单金额或退款金额与之前请求不一致,请核实后再试 result_code:FAIL return_code:SUCCESS]";
    let (_, d) = decode_line(go, &options).unwrap_or_else(|e| panic!("{go}: {e}"));
    assert_eq!(
        (d.platform(), d.action()),
        (Platform::WechatPay, Some(Action::Reconcile)),
        "{go}"
    );
    let java = "{err_code=SYSTEMERROR,err_code_des=系统错误,return_code=SUCCESS,result_code=FAIL}";
    let (_, d) = decode_line(java, &options).unwrap_or_else(|e| panic!("{java}: {e}"));
    assert_eq!(
        d.code().map(|c| c.to_string()),
        Some("SYSTEMERROR".to_owned()),
        "{java}"
    );
    assert_eq!(d.message(), Some("系统错误"), "{java}");
}

/// A backslash before a letter is a Windows path's, not an escaped line break: the errMsg keeps
/// it whole.
#[test]
fn a_windows_path_does_not_end_an_err_msg() {
    let line = r#"readFile:fail no such file or directory "C:\new\file.txt""#;
    let (_, d) = decode_line(line, &DecodeOptions::new()).expect("decodes");
    assert_eq!(
        d.reason(),
        Some(r#"no such file or directory "C:\new\file.txt""#)
    );
}

#[test]
fn lines_without_a_payload_say_so() {
    let options = DecodeOptions::new();
    for line in [
        "",
        "INFO server started on :8080",
        "[2026-11-30 10:02:11] GET /health 200",
        "my.request is called with a url",
        // A host, an address and a version before `:fail` are no numbered list item.
        "163.com:fail connection refused",
        "10.0.0.1:fail connection refused",
        "1.2.request:fail timeout",
        // A number with text that is not its documented errmsg is nobody's code.
        "登录失败 错误代码 40029 请稍后再试",
        // An errmsg several codes share names none of them, `rid:` or not
        // (https://github.com/JeffreySu/WeiXinMPSDK/issues/2723), and a `rid:` alone is nothing.
        "invalid code hint: [1heE9_I2e-BD1ACa] rid: 63427e24-51acfb44-180d5ea5",
        "hello world rid: 66739825-3646610c-1b890536",
        "it said hello hint: [abc]",
        // WeCom's comma before its hint: not the WeChat server's suffix.
        "获取失败：invalid credential, hint: [1651], from ip: 198.51.100.2",
        // WeChat Pay's SYSTEM_ERROR after a label is not Alipay's ACQ.SYSTEM_ERROR.
        "下单失败 错误码：SYSTEM_ERROR",
        // JSX's `resultStatus={…}` is no App SDK result, nor a logger's unformatted placeholder.
        "<Result resultStatus={status} memo={memo} />",
        "pay done: resultStatus={2}, memo={3}",
        // Nor in brackets after a gateway number with no gateway msg.
        "Exception[40004] x[SYSTEM_ERROR]",
        // A bracketed code before another code's errmsg (40001's) is neither code.
        "[40004] invalid credential, access_token is invalid or not latest",
        // A public msg with no sub_code, in a line that does not name Alipay, or Business
        // Failed, whose step is its missing sub_code's.
        "Invalid Arguments : name must not be empty",
        "Invalid Arguments , name must not be empty",
        "Business Failed : 交易不存在, see https://opendocs.alipay.com",
        // WeCom's error-code page linked in prose, not after its errmsg's `more info at`.
        "see https://open.work.weixin.qq.com/devtool/query?e=40014 for what it means",
        // Quoted words that are no platform's message.
        r#"user "alice" said "hello""#,
        // Before a full-width colon only a reference API's name counts: prose is no errMsg.
        "报错：fail to load",
        "myHelper：fail to load",
        // A gateway failure cut before its sub_code, and an app's own wrapper, say nothing.
        r#"x {"alipay_trade_query_response":{"code":"40004","msg":"Business Fai"#,
        r#"x {"my_app_response":{"code":"10000","msg":"OK","da"#,
        r#"x {"my_app_response":{"code":"10000","da"#,
        // The DevTools' words need their list: a sentence between them is prose.
        "这个域名不在以下几个我们讨论过的合法域名列表中",
        // A runtime that copied the words but links its own pages is not WeChat.
        "http://127.0.0.1 不在以下 request 合法域名列表中，请参考文档：https://q.qq.com/wiki/develop/miniprogram/frame/basic_ability/basic_network.html",
    ] {
        assert!(
            matches!(decode_line(line, &options), Err(LineError::NoPayload)),
            "{line:?}"
        );
    }
    // JSON that fits no platform and holds no text form is the decoder's own error, escaped
    // quotes in a string or not.
    for line in [r#"{"foo":1}"#, r#"{"foo":"a \"quoted\" word"}"#] {
        assert!(
            matches!(
                decode_line(line, &options),
                Err(LineError::Decode(minierr::DecodeError::UnknownShape { .. }))
            ),
            "{line}"
        );
    }
    // A wrapper around a nested success is not that success: the wrapper's own code stands.
    let (_, wrapped) = decode_line(
        r#"{"code":"-1","message":"验签失败","data":{"code":"10000","msg":"Success"}}"#,
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(wrapped.platform(), Platform::OpenPlatform);
    // A cloud function runtime's exception (Tencent SCF: errorCode, errorMessage, stackTrace;
    // https://github.com/qi19901212/Garbage/issues/5) is no Alipay JSAPI's fail object, though
    // it shares `errorMessage`.
    assert!(matches!(
        decode_line(
            r#"{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"Cannot find module 'request-promise'"}"#,
            &options
        ),
        Err(LineError::Decode(minierr::DecodeError::UnknownShape { .. }))
    ));
}

/// A cloud function's exception as its caller receives it (Tencent SCF's `{errorCode,
/// errorMessage, stackTrace}`) is read for what the function threw: the stack trace's first
/// line. wx-server-sdk throws a server API's failure as `errCode: <errcode> | errMsg:
/// openapi.<api>:fail <errmsg>`; read as the envelope's text instead, the errMsg was found
/// without the code before it, and `invalid code` alone is shared by codes with different
/// steps. The frames under the first line are not the message.
#[test]
fn a_function_runtime_exception_is_read_for_the_error_it_threw() {
    let options = DecodeOptions::new();
    let server = [
        r#"{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"Error: errCode: 40029 | errMsg: openapi.phonenumber.getPhoneNumber:fail invalid code rid: 66821dee-3b3e623c-7c5c2efe\n    at callWXOpenAPI (/var/user/node_modules/wx-server-sdk/index.js:2390:31)","statusCode":430}"#,
        // After a timestamp, with Windows line breaks.
        r#"2024-07-01 10:00:00 ERROR {"errorCode": 1, "errorMessage": "user code exception caught", "stackTrace": "Error: errCode: 40029 | errMsg: openapi.phonenumber.getPhoneNumber:fail invalid code\r\n    at callWXOpenAPI (index.js:2390:31)"}"#,
    ];
    for line in server {
        let (_, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(d.platform(), Platform::WechatServer, "{line}");
        assert_eq!(d.code(), Some(RawCode::Number(40029)), "{line}");
        // Issue 13: a login code that is invalid is renewed (wx.login again).
        assert_eq!(d.action(), Some(Action::Refresh), "{line}");
        let view = d.view();
        assert!(
            view.err_msg.is_some_and(|m| !m.contains("callWXOpenAPI")),
            "the frames are not the errmsg: {line}"
        );
    }
    // A Cloud code in the stack keeps its reading, without the frames.
    let cloud = r#"{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"Error: errCode: -501001 resource system error | errMsg: urlscheme.generate:fail Environment not found\n    at callGeneralOpenAPI (/var/user/node_modules/wx-server-sdk/index.js:425:19)"}"#;
    let (_, d) = decode_line(cloud, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.platform(), Platform::WechatCloud);
    assert_eq!(d.code(), Some(RawCode::Number(-501001)));
    assert!(
        d.view()
            .err_msg
            .is_some_and(|m| !m.contains("callGeneralOpenAPI"))
    );
    // The whole line still gives the stack's answer its context: a WeChat Pay refund's
    // frequency limit may already have been accepted, so it is looked up, not resent blind.
    let refund = r#"{"errorCode":1,"errorMessage":"POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds failed","stackTrace":"WxPayException(customErrorMsg=频率限制, returnCode=null, returnMsg=null, resultCode=null, errCode=FREQUENCY_LIMITED, errCodeDes=频率限制, xmlString=null)\n\tat com.example.Pay.refund(Pay.java:42)"}"#;
    let (_, d) = decode_line(refund, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.platform(), Platform::WechatPay);
    assert_eq!(d.action(), Some(Action::Reconcile));
    // After another object that fits no platform (the request a log printed first).
    let after_request = r#"req {"phone_code":"0a1b"} resp {"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"Error: errCode: 40029 | errMsg: openapi.phonenumber.getPhoneNumber:fail invalid code\n    at callWXOpenAPI (index.js:2390:31)"}"#;
    let (_, d) = decode_line(after_request, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.code(), Some(RawCode::Number(40029)));
    // A logger that writes ASCII only escapes the SDK's Chinese labels (WxJava's `错误代码：`,
    // `错误信息：`), which the server SDK text form reads: the stack is read unescaped.
    let escaped = r#"{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"me.chanjar.weixin.common.error.WxErrorException: \u9519\u8bef\u4ee3\u7801\uff1a40029, \u9519\u8bef\u4fe1\u606f\uff1ainvalid code\n\tat me.chanjar.weixin.common.api.WxServiceImpl.execute(WxServiceImpl.java:295)"}"#;
    let plain =
        "me.chanjar.weixin.common.error.WxErrorException: 错误代码：40029, 错误信息：invalid code";
    let (_, from_escaped) = decode_line(escaped, &options).unwrap_or_else(|e| panic!("{e}"));
    let (_, from_plain) = decode_line(plain, &options).unwrap_or_else(|e| panic!("{e}"));
    for d in [&from_escaped, &from_plain] {
        assert_eq!(
            (d.platform(), d.code(), d.action()),
            (
                Platform::WechatServer,
                Some(RawCode::Number(40029)),
                Some(Action::Refresh)
            )
        );
    }
    assert!(
        from_escaped
            .view()
            .err_msg
            .is_some_and(|m| !m.contains("WxServiceImpl")),
        "the frames are not the errmsg"
    );
    // The cloud console prints the envelope with WeChat's own keys, so it fits a WeChat fail
    // object, whose errMsg is the runtime's and names nothing: what it threw is read instead
    // (85400: the long-lived scheme quota, the server table's give-up).
    let console = r#"{"errCode":1,"errMsg":"user code exception caught","stackTrace":"Error: errCode: 85400 | errMsg: openapi.urlscheme.generate:fail reach max long time quota limit rid: 621435ad-47c443c9-24240d31\n at callWXOpenAPI (/var/user/node_modules/wx-server-sdk/index.js:2390:31)"}"#;
    for line in [console, &format!("ERROR RequestId:6c82 Result:{console}")] {
        let (_, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (d.platform(), d.code(), d.action()),
            (
                Platform::WechatServer,
                Some(RawCode::Number(85400)),
                Some(Action::GiveUp)
            ),
            "{line}"
        );
    }
    // Where the stack names nothing, the fail object stays what it is.
    let (_, plain) = decode_line(
        r#"{"errCode":1,"errMsg":"user code exception caught","stackTrace":"TypeError: x is undefined\n at main"}"#,
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((plain.platform(), plain.action()), (Platform::Wechat, None));
    // A stack that names no platform's failure leaves the envelope unknown.
    assert!(matches!(
        decode_line(
            r#"{"errorCode":1,"errorMessage":"user code exception caught","stackTrace":"TypeError: Cannot read properties of undefined (reading 'openid')\n    at exports.main (index.js:8:20)"}"#,
            &options
        ),
        Err(LineError::Decode(minierr::DecodeError::UnknownShape { .. }))
    ));
}

/// Lines from structured logs and backends' envelopes: a logger's `error` field with text in it
/// is no Alipay `error` code, and a success envelope around a failure it passes on does not
/// hide it. The JS-SDK's `config:invalid url domain` is the account's domain setting.
#[test]
fn log_fields_and_envelopes_do_not_hide_the_payload() {
    let options = DecodeOptions::new();
    let cases: &[(&str, Platform, Action)] = &[
        (
            r#"{"level":"error","msg":"wx login failed","error":"{\"errcode\":40029,\"errmsg\":\"invalid code, rid: 6512\"}"}"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        (
            r#"{"severity":"ERROR","message":"login failed","error":"Error code: 40163, message: code been used"}"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        (
            r#"{"code":200,"msg":"success","data":{"errcode":40029,"errmsg":"invalid code, rid: 6512"}}"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        // The envelope passes the answer on as text: escaped JSON in a string, or an HTTP
        // client's message quoting the body it got (Guzzle's `resulted in a … response:`).
        (
            r#"{"code":500,"msg":"{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"}"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        // An errMsg body escaped into a string is that body, not an errMsg whose API is
        // `{"errMsg":"requestPayment`; likewise after an app's own words.
        (
            r#"{"code":500,"msg":"{\"errMsg\":\"requestPayment:fail cancel\"}"}"#,
            Platform::Wechat,
            Action::AskUser,
        ),
        (
            r#"{"code":500,"msg":"支付失败: {\"errMsg\":\"requestPayment:fail cancel\"}"}"#,
            Platform::Wechat,
            Action::AskUser,
        ),
        (
            r#""{\"errMsg\":\"requestPayment:fail cancel\"}""#,
            Platform::Wechat,
            Action::AskUser,
        ),
        (
            r#"{"success":false,"code":500,"message":"Client error: `GET https:\/\/api.mch.weixin.qq.com\/v3\/certificates` resulted in a `401 Unauthorized` response:\n{\"code\":\"SIGN_ERROR\",\"message\":\" 签名信息错误，验签失败\"}\n"}"#,
            Platform::WechatPay,
            Action::FixConfig,
        ),
        (
            r#"{"errMsg":"config:invalid url domain"}"#,
            Platform::Wechat,
            Action::FixConfig,
        ),
        // wx.request's success result: the request reached the server, whose body failed.
        (
            r#"{"data":{"errcode":43002,"errmsg":"require POST method rid: 662fb1b5-3b7b9004-4d6d046f"},"header":{"Content-Type":"text/plain"},"statusCode":200,"cookies":[],"errMsg":"request:ok"}"#,
            Platform::WechatServer,
            Action::FixRequest,
        ),
        // Alipay's own text code and numbers in strings are still its `error`.
        (
            r#"{"error":"already top of navigation"}"#,
            Platform::Alipay,
            Action::FixRequest,
        ),
    ];
    assert_platform_and_step(cases, &options);
    // A success wrapped in a success envelope stays a success, whatever failures it lists
    // deeper (WeCom's batch results list an errcode for each item).
    let listed = r#"{"code":200,"msg":"success","data":{"errcode":0,"errmsg":"ok","list":[{"errcode":40003,"errmsg":"invalid openid"}]}}"#;
    let (_, d) = decode_line(listed, &options).expect("decodes");
    assert_eq!(d.action(), Some(Action::Success), "{listed}");
    // So does a client call's success around a body that succeeded too, a success result
    // that holds no answer of a server (no `statusCode`: wx.getStorage's), and one whose
    // `data` only lists results.
    for fine in [
        r#"{"data":{"errcode":0,"errmsg":"ok"},"statusCode":200,"errMsg":"request:ok"}"#,
        r#"{"data":{"errcode":40001,"errmsg":"invalid credential"},"errMsg":"getStorage:ok"}"#,
        r#"{"data":{"ok":3,"failed":[{"errcode":43101,"errmsg":"user refuse to accept the msg"}]},"statusCode":200,"errMsg":"request:ok"}"#,
    ] {
        let (_, d) = decode_line(fine, &options).expect("decodes");
        assert_eq!(
            (d.platform(), d.action()),
            (Platform::Wechat, Some(Action::Success)),
            "{fine}"
        );
    }
    for escaped in [
        r#"{"code":200,"msg":"ok","data":"{\"errcode\":0,\"errmsg\":\"ok\"}"}"#,
        // Escaped batch results: one entry's failure is not the call's.
        r#"{"code":200,"msg":"success","data":"[{\"errcode\":0,\"errmsg\":\"ok\"},{\"errcode\":40003,\"errmsg\":\"invalid openid\"}]"}"#,
    ] {
        let (_, d) = decode_line(escaped, &options).expect("decodes");
        assert_eq!(
            (d.platform(), d.action()),
            (Platform::OpenPlatform, Some(Action::Success)),
            "{escaped}"
        );
    }
    // Spring's error body and OAuth's are no Alipay payload.
    for line in [
        r#"{"timestamp":"2024-01-01T00:00:00","status":500,"error":"Internal Server Error","path":"/x"}"#,
        r#"{"error":"invalid_grant","error_description":"Bad credentials"}"#,
    ] {
        let platform = decode_line(line, &options).ok().map(|(_, d)| d.platform());
        assert_ne!(platform, Some(Platform::Alipay), "{line}");
    }
}

/// A line that logs a success and then a failure (a request and its response, a query and a
/// refund) reports the failure; a success alone, or with objects that say nothing, stands. A
/// WeChat server body with its `rid:` stays WeChat's beside a WeCom link elsewhere on the line.
#[test]
fn a_failure_after_a_success_is_what_the_line_reports() {
    let options = DecodeOptions::new();
    let cases: &[(&str, Platform, Action)] = &[
        (
            r#"2024-01-01 ERROR req={"errcode":0,"errmsg":"ok"} resp={"errcode":40029,"errmsg":"invalid code, rid: 6576d1a8-1b2c3d4e-5f6a7b8c"}"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        (
            r#"{"alipay_trade_query_response":{"code":"10000","msg":"Success"}} {"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}}"#,
            Platform::AlipayGateway,
            Action::Reconcile,
        ),
        (
            r#"{"errcode":0,"errmsg":"ok"} {"trace":1}"#,
            Platform::WechatServer,
            Action::Success,
        ),
        (
            r#"x {"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 6576d1a8-1b2c3d4e-5f6a7b8c"} see https://open.work.weixin.qq.com/devtool/query?e=40001"#,
            Platform::WechatServer,
            Action::Refresh,
        ),
        // WxJava's WeCom client prints WeCom's Chinese text, which says whose 48002 it is.
        (
            "me.chanjar.weixin.common.error.WxErrorException: 错误代码：48002, 错误信息：API接口无权限调用",
            Platform::Wecom,
            Action::FixConfig,
        ),
        // WeChat's older text, which is WeCom's too for a number both mean alike, stays WeChat's.
        (
            "me.chanjar.weixin.common.error.WxErrorException: 错误代码：-1, 错误信息：系统繁忙",
            Platform::WechatServer,
            Action::Retry,
        ),
    ];
    assert_platform_and_step(cases, &options);
    // A known failure with no step of its own (40004 with a sub_code minierr does not know
    // yet) is still the failure the line reports, not the success before it.
    let line = r#"{"alipay_trade_query_response":{"code":"10000","msg":"Success"}} {"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SOMETHING_NEW"}}"#;
    let (_, d) = decode_line(line, &options).expect("decodes");
    assert_eq!(
        (d.platform(), d.code().map(|c| c.to_string()), d.action()),
        (Platform::AlipayGateway, Some("40004".to_owned()), None),
        "{line}"
    );
}

/// Each line's platform and step, as a table of cases gives them.
fn assert_platform_and_step(cases: &[(&str, Platform, Action)], options: &DecodeOptions) {
    for &(line, platform, action) in cases {
        let (_, d) = decode_line(line, options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (d.platform(), d.action()),
            (platform, Some(action)),
            "{line}"
        );
    }
}

/// An app's own `{code, msg}` that passes a WeChat server answer on in its two fields is the
/// server's answer: the msg carries the server's own suffix (`rid:`, the older hints), which
/// the open platform's messages never do, and the code is the errcode that documents the
/// errmsg (the server table: 48001 `api unauthorized`, 40029 `invalid code`). Without the
/// suffix, or with a code the errmsg is not, the object stays the open platform's, unknown.
#[test]
fn a_server_answer_passed_on_as_code_and_msg_is_the_servers() {
    let options = DecodeOptions::new();
    let cases = [
        (
            r#"{"code":"48001","msg":"api unauthorized rid: 64a2acfb-39b8ab86-1cd28664"}"#,
            48001,
            Action::FixConfig,
        ),
        // `invalid code` alone is shared by codes with different steps; the code settles it.
        (
            r#"{"code":40029,"message":"invalid code, rid: 64a2acfb-39b8ab86-1cd28664"}"#,
            40029,
            Action::Refresh,
        ),
        (
            r#"{"code":40029,"msg":"invalid code hint: [fCbXNA0528vr65]"}"#,
            40029,
            Action::Refresh,
        ),
    ];
    for (line, code, action) in cases {
        let (_, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (d.platform(), d.code(), d.action()),
            (
                Platform::WechatServer,
                Some(RawCode::Number(code)),
                Some(action)
            ),
            "{line}"
        );
    }
    for line in [
        r#"{"code":40029,"msg":"invalid code"}"#,
        r#"{"code":"48001","msg":"invalid code rid: 64a2acfb-39b8ab86-1cd28664"}"#,
        r#"{"code":500,"msg":"api unauthorized rid: 64a2acfb-39b8ab86-1cd28664"}"#,
    ] {
        let (_, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (d.platform(), d.action()),
            (Platform::OpenPlatform, None),
            "{line}"
        );
    }
    // Where the caller names the open platform, its JSON stays the open platform's.
    let (_, named) = minierr::line::decode_line_as(
        r#"{"code":"48001","msg":"api unauthorized rid: 64a2acfb-39b8ab86-1cd28664"}"#,
        Platform::OpenPlatform,
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(named.platform(), Platform::OpenPlatform);
}

/// A pasted errMsg whose opening quote was cut off with the start of the line ends at the
/// object's next field (`", errno: 112`), not at the end of the line: a quote, a comma and a
/// field name with its colon are an object's punctuation. A quote inside a reason stays.
#[test]
fn an_err_msg_cut_from_an_object_ends_at_the_next_field() {
    let options = DecodeOptions::new();
    let cases: &[(&str, Platform, Action)] = &[
        (
            r#"chooseAddress:fail api scope is not declared in the privacy agreement", errno: 112"#,
            Platform::Wechat,
            Action::FixConfig,
        ),
        (
            r#"chooseAddress:fail api scope is not declared in the privacy agreement","errno":112}"#,
            Platform::Wechat,
            Action::FixConfig,
        ),
    ];
    assert_platform_and_step(cases, &options);
    let (_, d) = decode_line(
        r#"chooseAddress:fail api scope is not declared in the privacy agreement", errno: 112"#,
        &options,
    )
    .expect("decodes");
    assert_eq!(d.code(), Some(RawCode::Number(112)));
    // A quoted value inside a reason stays, and only the first quote can close a cut-off one.
    for (line, reason) in [
        (
            r#"navigateTo:fail page "pages/a/a" is not found"#,
            r#"page "pages/a/a" is not found"#,
        ),
        (
            r#"uploadFile:fail server said "x", then "y", code: 5"#,
            r#"server said "x", then "y", code: 5"#,
        ),
    ] {
        let (_, d) = decode_line(line, &options).expect("decodes");
        assert_eq!(d.reason(), Some(reason), "{line}");
    }
}

/// Alipay's support articles and many logs write a gateway sub_code beside its sub_msg in
/// parentheses (`报错ACQ.TRADE_NOT_EXIST(交易不存在)`, https://developer.aliyun.com/article/710933).
/// A namespaced sub_code the tables know is the gateway's alone, so the pair is read as a
/// gateway answer with no API: each step below is the sub_code's own row in the tables.
/// A bare name the tables know is also another platform's (WeChat Pay sends `SYSTEM_ERROR`
/// and `PARAM_ERROR`), and a namespaced name they do not know names nothing.
#[test]
fn a_gateway_sub_code_beside_its_message_in_parentheses_is_read() {
    let options = DecodeOptions::new();
    let cases: [(&str, &str, Option<&str>, Action); 4] = [
        (
            "退款失败：ACQ.SELLER_BALANCE_NOT_ENOUGH(卖家余额不足)",
            "ACQ.SELLER_BALANCE_NOT_ENOUGH",
            Some("卖家余额不足"),
            Action::FixConfig,
        ),
        (
            "条码支付报错:支付授权码无效（ACQ.PAYMENT_AUTH_CODE_INVALID）。",
            "ACQ.PAYMENT_AUTH_CODE_INVALID",
            Some("支付授权码无效"),
            Action::AskUser,
        ),
        (
            "查询会员信息提示 aop.invalid-auth-token(无效的访问令牌 )",
            "aop.invalid-auth-token",
            Some("无效的访问令牌"),
            Action::Refresh,
        ),
        // An earlier parenthesis that holds no sub_code is passed over.
        (
            "pay(order 42) failed: ACQ.TRADE_NOT_EXIST(交易不存在)",
            "ACQ.TRADE_NOT_EXIST",
            Some("交易不存在"),
            Action::FixRequest,
        ),
    ];
    for (line, sub_code, sub_msg, action) in cases {
        let (found, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(found, Found::GatewayText, "{line}");
        let minierr::Diagnosis::AlipayGateway(response, _) = &d else {
            panic!("{line}: {d:?}");
        };
        assert_eq!(response.sub_code_sent(), Some(sub_code), "{line}");
        assert_eq!(response.sub_msg(), sub_msg, "{line}");
        assert_eq!(
            (d.platform(), d.action()),
            (Platform::AlipayGateway, Some(action)),
            "{line}"
        );
    }
    // An all-ASCII line with no other mark is still looked at.
    let (found, d) = decode_line("isv.app-call-limited(App call limited)", &options)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found, Found::GatewayText);
    assert_eq!(d.platform(), Platform::AlipayGateway);
    // English prose before the parenthesis is the writer's, not a sub_msg.
    let (_, d) = decode_line(
        "This error (ACQ.TRADE_NOT_EXIST) means the order was not found",
        &options,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let minierr::Diagnosis::AlipayGateway(response, _) = &d else {
        panic!("{d:?}");
    };
    assert_eq!(response.sub_code_sent(), Some("ACQ.TRADE_NOT_EXIST"));
    assert_eq!(response.sub_msg(), None);
    // A line of many opening marks and one closing mark is read, and answers, once.
    let long = format!("错 ACQ.{}(ACQ.TRADE_NOT_EXIST)", "(".repeat(50_000));
    let (_, d) = decode_line(&long, &options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.platform(), Platform::AlipayGateway);
    for line in [
        "下单失败 SYSTEM_ERROR(系统繁忙)",
        "PARAM_ERROR(参数错误)",
        "ACQ.NOT_A_REAL_CODE(不存在的错误)",
        // No parenthesis: a name in prose is no answer.
        "see ACQ.TRADE_NOT_EXIST for details",
        // An empty pair holds no sub_msg.
        "ACQ.TRADE_NOT_EXIST()",
    ] {
        let platform = decode_line(line, &options).ok().map(|(_, d)| d.platform());
        assert_ne!(platform, Some(Platform::AlipayGateway), "{line}");
    }
}
