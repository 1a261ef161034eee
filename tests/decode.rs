//! `minierr::decode`: platform detection, real-client input, and agreement with the
//! per-platform decoders on every sample payload.
#![cfg(feature = "json")]

use minierr::alipay::{self, Api};
use minierr::alipay_plus::{ApiResult, CallKind};
use minierr::{
    Action, DIAGNOSIS_JSON_KEYS, DecodeError, DecodeOptions, Diagnosis, Platform, decode,
    decode_str, decode_with, open_platform, wx,
};

const SAMPLE: &str = include_str!("../examples/data/payloads.jsonl");

/// One payload of each platform, with the answer its platform's page gives (the reference row
/// named beside it, `../shared/reference/`), not the library's. The test below it checks that
/// `decode` reads each sample as the platform's own type does; this one checks the answers.
#[test]
fn decode_answers_what_the_platforms_pages_say() {
    let cases: [(&str, Platform, &str, Action, &str); 13] = [
        (
            r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 6581b4a1-0d3e2f4b-1a2b3c4d"}"#,
            Platform::WechatServer,
            "40001",
            Action::Refresh,
            "wechat_server_errcode.tsv 40001: refresh",
        ),
        (
            r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6581b4a1-0d3e2f4b-1a2b3c4d"}"#,
            Platform::WechatServer,
            "45009",
            Action::Backoff,
            "wechat_server_errcode.tsv 45009: backoff",
        ),
        (
            r#"{"errcode":40029,"errmsg":"invalid code, rid: 6581b4a1-0d3e2f4b-1a2b3c4d"}"#,
            Platform::WechatServer,
            "40029",
            Action::Refresh,
            "the reference infers fix_request; code2Session's page says to get a new code, the choice data/wechat_server_errcode.tsv documents",
        ),
        (
            r#"{"errcode":40001,"errmsg":"invalid credential, hint: [1700000000_1_abcdef], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"}"#,
            Platform::Wecom,
            "40001",
            Action::FixConfig,
            "wecom_errcode.tsv 40001: 不合法的secret参数, a different meaning from WeChat's",
        ),
        (
            r#"{"errMsg":"agentConfig:not match any reliable domain. more info at https://open.work.weixin.qq.com/devtool/query?e=80001"}"#,
            Platform::Wecom,
            "80001",
            Action::FixConfig,
            "wecom_errcode.tsv 80001: 可信域名不正确，或者无ICP备案; WeCom's JS-SDK answers in errMsg and its link names the code",
        ),
        (
            r#"{"errCode":-501000,"errMsg":"cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment not found"}"#,
            Platform::WechatCloud,
            "-501000",
            Action::FixConfig,
            "wechat_cloud_errcode.tsv -501000: fix_config",
        ),
        (
            r#"{"errCode":-501007,"errMsg":"invalid parameters"}"#,
            Platform::WechatCloud,
            "-501007",
            Action::FixRequest,
            "wechat_cloud_errcode.tsv -501007: invalid parameters, fix_request; no client API sends a six-digit negative errCode",
        ),
        (
            r#"{"alipay_trade_pay_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"},"sign":"x"}"#,
            Platform::AlipayGateway,
            "40004",
            Action::Reconcile,
            "alipay_gateway.tsv ACQ.SYSTEM_ERROR on alipay.trade.pay: reconcile",
        ),
        (
            r#"{"code":"SYSTEM_ERROR","message":"系统错误"}"#,
            Platform::WechatPay,
            "SYSTEM_ERROR",
            Action::Reconcile,
            "wechat_pay_errcode.tsv SYSTEM_ERROR on the JSAPI order: reconcile (the call unknown, it may be one)",
        ),
        (
            r#"{"code":"NOT_ENOUGH","message":"用户账户余额不足"}"#,
            Platform::WechatPay,
            "NOT_ENOUGH",
            Action::AskUser,
            "wechat_pay_errcode.tsv NOT_ENOUGH on the JSAPI order: ask_user",
        ),
        (
            r#"{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U","resultMessage":"An API calling is failed, which is caused by unknown reasons."}}"#,
            Platform::AlipayPlus,
            "UNKNOWN_EXCEPTION",
            Action::Reconcile,
            "alipayplus_openapi_result_codes.tsv: resultStatus U, the outcome unknown",
        ),
        (
            r#"{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F","resultMessage":"A general business failure occurred. Don't retry."}}"#,
            Platform::AlipayPlus,
            "PROCESS_FAIL",
            Action::GiveUp,
            "alipayplus_openapi_result_codes.tsv PROCESS_FAIL: F, don't retry",
        ),
        (
            r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#,
            Platform::Wechat,
            "600002",
            Action::FixConfig,
            "wechat_errno.tsv 600002: url not in domain list, a console setting",
        ),
    ];
    for (payload, platform, code, action, source) in cases {
        let d = decode_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(d.platform(), platform, "{source}");
        assert_eq!(
            d.code().map(|c| c.to_string()).as_deref(),
            Some(code),
            "{source}"
        );
        assert_eq!(d.action(), Some(action), "{source}");
    }
}

/// WeCom's link in an errMsg names the code only after WeCom's own `more info at`: a link in
/// the app's words is not WeCom's answer.
#[test]
fn a_wecom_link_in_prose_is_no_wecom_answer() -> Result<(), DecodeError> {
    let d = decode_str(
        r#"{"errMsg":"agentConfig:fail see https://open.work.weixin.qq.com/devtool/query?e=80001"}"#,
    )?;
    assert_eq!(d.platform(), Platform::Wechat);
    Ok(())
}

/// Cloud's codes are the table's ranges (-401001 to -605101); another service's six-digit
/// negative code beside an errMsg is no Cloud answer.
#[test]
fn only_clouds_own_ranges_make_an_err_code_clouds() {
    let cloud =
        decode_str(r#"{"errCode":-604101,"errMsg":"function has no permission to call this API"}"#)
            .expect("decodes");
    assert_eq!(cloud.platform(), Platform::WechatCloud);
    let other = decode_str(r#"{"errCode":-100013,"errMsg":"service suspended"}"#).expect("decodes");
    assert_eq!(other.platform(), Platform::Wechat);
    assert_eq!(other.action(), None);
}

#[test]
fn decode_agrees_with_the_platform_decoders_on_every_sample() {
    let mut decoded = 0;
    for (number, line) in SAMPLE.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        let Ok(diagnosis) = decode_str(line) else {
            continue;
        };
        decoded += 1;
        match &diagnosis {
            Diagnosis::Wx(fail) => {
                // A bare JSON string is a message: the fail object's errMsg alone.
                let direct = match serde_json::from_str::<String>(line) {
                    Ok(text) => wx::Fail::new(text),
                    Err(_) => serde_json::from_str::<wx::Fail>(line).unwrap(),
                };
                assert_eq!(*fail, direct, "line {number}");
                assert_eq!(diagnosis.action(), fail.action());
            }
            Diagnosis::WxCloud(fail) => {
                let direct = wx::cloud::Fail::from_json_str(line).unwrap();
                assert_eq!(*fail, direct, "line {number}");
                assert_eq!(diagnosis.action(), fail.action());
            }
            Diagnosis::WxServer(response) => {
                let direct = wx::server::Response::from_json_str(line).unwrap();
                assert_eq!(*response, direct, "line {number}");
            }
            Diagnosis::AlipayGateway(response, _) => {
                let direct = alipay::gateway::Response::from_json_str(line).unwrap();
                assert_eq!(*response, direct, "line {number}");
            }
            Diagnosis::Alipay(d) => {
                let fail: alipay::Fail = serde_json::from_str(line).unwrap();
                assert_eq!(d.fail(), &fail, "line {number}");
                if let Some(api) = d.api() {
                    assert_eq!(d.error(), fail.error_for(api), "line {number}");
                }
            }
            Diagnosis::AlipayPlus(result, call) => {
                assert_eq!(*result, serde_json::from_str::<ApiResult>(line).unwrap());
                assert_eq!(diagnosis.action(), Some(result.action(*call)));
            }
            Diagnosis::OpenPlatform(response) => {
                let direct: open_platform::Response = serde_json::from_str(line).unwrap();
                assert_eq!(*response, direct, "line {number}");
            }
            _ => unreachable!("a new platform needs a case here"),
        }
    }
    assert!(decoded >= 38, "{decoded} sample payloads decoded");
}

#[test]
fn shapes_pick_the_platform() {
    let cases = [
        (r#"{"errMsg":"x:fail y"}"#, Platform::Wechat),
        (r#"{"errno":5,"errMsg":"x"}"#, Platform::Wechat),
        (r#"{"error":14}"#, Platform::Alipay),
        (
            r#"{"errorMessage":"already top of navigation"}"#,
            Platform::Alipay,
        ),
        (
            r#"{"resultCode":"9000","result":"","memo":""}"#,
            Platform::Alipay,
        ),
        (
            r#"{"resultCode":"X","resultStatus":"F"}"#,
            Platform::AlipayPlus,
        ),
        (
            r#"{"result":{"resultCode":"X","resultStatus":"U"}}"#,
            Platform::AlipayPlus,
        ),
        (r#"{"code":4004,"msg":"签名无效"}"#, Platform::OpenPlatform),
        (
            r#"{"code":"200","message":"ok","data":[]}"#,
            Platform::OpenPlatform,
        ),
    ];
    for (json, platform) in cases {
        assert_eq!(decode_str(json).unwrap().platform(), platform, "{json}");
    }
}

#[test]
fn real_client_input_is_accepted() {
    let bom = b"\xEF\xBB\xBF{\"errMsg\":\"request:fail\",\"errno\":\"600002\"}";
    let d = decode(bom).unwrap();
    assert_eq!(d.name(), Some("UrlNotInDomainList"));
    let spaced = decode_str(
        "  \n {\"code\" : \"4004\" , \"msg\" : \"签名无效\", \"extra\": {\"a\": [1, 2]} } \n",
    )
    .unwrap();
    assert_eq!(spaced.name(), Some("InvalidSignature"));
}

#[test]
fn an_api_fail_err_msg_is_wechat_whatever_else_the_object_has() {
    // uni-app adds its own `code` (and WeChat's legacy errCode) beside the errMsg.
    let d = decode_str(
        r#"{"errMsg":"requestPayment:fail [payment微信:-1]General errors","errCode":-100,"code":-100}"#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::Wechat);
    assert_eq!(d.api(), Some("requestPayment"));
    // The old payment shape's err_code and err_desc do not make it another platform either.
    let d = decode_str(
        r#"{"errMsg":"requestPayment:fail","err_code":"FAIL","err_desc":"x","code":"1"}"#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::Wechat);
    // Space after the colon, as some runtimes send it.
    let d =
        decode_str(r#"{"errMsg":"downloadFile: fail url not in domain list"}"#).expect("decodes");
    assert_eq!(
        (d.platform(), d.name()),
        (Platform::Wechat, Some("UrlNotInDomainList"))
    );
    // A numeric `code` is uni-app App's (WeChat sends `code` only as wx.login's string): the
    // shape stays WeChat's, but its text is not read as a WeChat errMsg.
    let d = decode_str(r#"{"errMsg":"downloadFile: fail url not in domain list","code":7}"#)
        .expect("decodes");
    assert_eq!(
        (d.platform(), d.name(), d.action()),
        (Platform::Wechat, None, None)
    );
}

/// A server answer some wrappers (uniCloud's uni-id) pass on as `{errCode, errMsg}`: a positive
/// errCode beside an errMsg that is no `api:fail` message but the server's, by its `rid:` or by
/// being that number's documented errmsg. Neither alone makes it the server's.
#[test]
fn a_server_answer_in_client_field_names_is_the_servers() {
    for body in [
        r#"{"errCode":40013,"errMsg":"invalid appid rid: 601baa04-348de44a-4e7042bc"}"#,
        r#"{"errCode":40013,"errMsg":"invalid appid"}"#,
    ] {
        let d = decode_str(body).expect("decodes");
        assert_eq!(
            (d.platform(), d.name(), d.action()),
            (
                Platform::WechatServer,
                Some("InvalidAppid"),
                Some(Action::FixConfig)
            ),
            "{body}"
        );
    }
    for body in [
        // Words no code documents, and no rid.
        r#"{"errCode":40013,"errMsg":"something else"}"#,
        // A short number beside its documented words is any HTTP stack's.
        r#"{"errCode":404,"errMsg":"404 not found"}"#,
        // A client failure with its legacy errCode.
        r#"{"errCode":10001,"errMsg":"openBluetoothAdapter:fail not available"}"#,
        r#"{"errCode":40013,"errMsg":"login:fail invalid appid"}"#,
    ] {
        let d = decode_str(body).expect("decodes");
        assert_eq!(d.platform(), Platform::Wechat, "{body}");
    }
}

#[test]
fn a_component_event_logged_whole_decodes_from_its_detail() {
    // A button's getPhoneNumber event: the fail object is `e.detail`.
    let d = decode_str(
        r#"{"type":"getphonenumber","timeStamp":1873,"detail":{"errMsg":"getPhoneNumber:fail user deny"}}"#,
    )
    .expect("decodes");
    assert_eq!(
        (d.platform(), d.api()),
        (Platform::Wechat, Some("getPhoneNumber"))
    );
    assert_eq!(d.message(), Some("getPhoneNumber:fail user deny"));
    // A detail without errMsg is no WeChat failure.
    assert!(matches!(
        decode_str(r#"{"detail":{"value":"x"}}"#),
        Err(DecodeError::UnknownShape { .. })
    ));
}

#[test]
fn shapes_that_fit_none_or_several_are_reported() {
    match decode_str(r#"{"foo":1,"bar":2}"#) {
        Err(DecodeError::UnknownShape { keys }) => assert_eq!(keys, ["foo", "bar"]),
        other => panic!("{other:?}"),
    }
    match decode_str(r#"{"errMsg":"x","code":1}"#) {
        Err(DecodeError::AmbiguousShape { platforms }) => {
            assert_eq!(platforms, [Platform::Wechat, Platform::OpenPlatform]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        decode_str("[1]"),
        Err(DecodeError::NotAnObject(_))
    ));
    assert!(matches!(
        decode(b"\xff\xfe"),
        Err(DecodeError::NotAnObject(_))
    ));
    let err = decode_str(r#"{"errMsg":"x","errno":-5}"#).unwrap_err();
    assert!(matches!(
        err,
        DecodeError::Invalid {
            platform: Platform::Wechat,
            ..
        }
    ));
    assert!(err.to_string().contains("WeChat errno"), "{err}");
}

#[test]
fn alipay_codes_need_or_infer_the_api() {
    let payload = r#"{"error":40006,"errorMessage":"ISV权限不足"}"#.as_bytes();
    let d = decode(payload).unwrap();
    assert_eq!(d.api(), None);
    assert!(!d.is_known());
    assert_eq!(
        d.candidate_apis(),
        [Api::GetPhoneNumber, Api::GetOpenUserInfo]
    );
    let d = decode_with(
        payload,
        &DecodeOptions::new().alipay_api(Api::GetOpenUserInfo),
    )
    .unwrap();
    assert_eq!(d.api(), Some("my.getOpenUserInfo"));
    assert_eq!(d.action(), Some(Action::FixConfig));
    assert!(d.candidate_apis().is_empty());
}

#[test]
fn the_call_kind_decides_unknown_alipay_plus_outcomes() {
    let payload = br#"{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}}"#;
    assert_eq!(decode(payload).unwrap().action(), Some(Action::Reconcile));
    let idempotent = DecodeOptions::new().call_kind(CallKind::Idempotent);
    assert_eq!(
        decode_with(payload, &idempotent).unwrap().action(),
        Some(Action::Retry)
    );
}

#[test]
fn the_json_view_has_the_documented_keys() {
    for line in SAMPLE.lines() {
        let Ok(d) = decode_str(line.trim_start_matches('\u{feff}')) else {
            continue;
        };
        let value = serde_json::to_value(&d).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = DIAGNOSIS_JSON_KEYS.to_vec();
        expected.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, expected, "{line}");
    }
    let d = decode_str(r#"{"errMsg":"startHCE:fail","errno":1504003}"#).unwrap();
    let value = serde_json::to_value(&d).unwrap();
    assert_eq!(value["platform"], "wechat");
    assert_eq!(value["code"], 1504003);
    assert_eq!(value["category"]["code"], 15);
    assert_eq!(value["subcategory"]["name_en"], "NFC");
    assert_eq!(value["action"], "ask_user");
    assert_eq!(value["status"], serde_json::Value::Null);
}

/// A payload kept as a string holds an SDK's or a logger's rendering (the real-world set's
/// server entries are such strings): `decode` reads it with the text forms a log line is read
/// with, so that it means the same whichever way it arrives.
#[test]
fn a_string_payload_is_read_with_the_line_forms() {
    let cases = [
        // wechatpy's exception text; 48001 is `api unauthorized` in the server's table.
        (
            r#""Error code: 48001, message: api unauthorized rid: 65d38b69-62497c5f-7e6c18da""#,
            Platform::WechatServer,
            48001,
            Action::FixConfig,
        ),
        // WxJava's text of a body; 41001 is `access_token missing`, fixed in the request.
        (
            r#""WxErrCode != 0, resp: {41001 access_token missing rid: 637df9e4-4cd673ce-10c42658}""#,
            Platform::WechatServer,
            41001,
            Action::FixRequest,
        ),
        // An errmsg alone with the server's older hints suffix: the one code it documents.
        (
            r#""api unauthorized, hints: [ req_id: dIaOLa0186s154 ]""#,
            Platform::WechatServer,
            48001,
            Action::FixConfig,
        ),
        // Senparc's Chinese text of a body (JeffreySu/WeiXinMPSDK#185): its `错误代码：` label
        // is the SDK's, not the Alipay gateway page's `错误代码 <sub_code>`.
        (
            r#""微信请求发生错误！错误代码：42001，说明：access_token expired""#,
            Platform::WechatServer,
            42001,
            Action::Refresh,
        ),
        // A Laravel log line kept as a string, the body escaped inside it before EasyWeChat's
        // exception (overtrue/laravel-wechat#367, cut after the exception's message): read as
        // the line itself would be.
        (
            r#""{\"errcode\":40164,\"errmsg\":\"invalid ip 101.45.43.1 ipv6 ::ffff:101.45.43.1, not in whitelist hint: [jotvMa01143580]\"} {\"exception\":\"[object] (EasyWeChat\\\\Kernel\\\\Exceptions\\\\HttpException(code: 0): Request access_token fail\"}""#,
            Platform::WechatServer,
            40164,
            Action::FixConfig,
        ),
    ];
    for (payload, platform, code, action) in cases {
        let d = minierr::decode_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(d.platform(), platform, "{payload}");
        assert_eq!(d.code(), Some(minierr::RawCode::Number(code)), "{payload}");
        assert_eq!(d.action(), Some(action), "{payload}");
    }
    // A string that is no platform's message is still an error that says so.
    let err = minierr::decode_str(r#""hello, world""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("the text is no failure message"),
        "{err}"
    );
}

/// A string escaped into a string: a second logger's escaping of the first one's line is read
/// too (two levels), deeper ones are not unescaped again.
#[test]
fn escaped_strings_are_read_two_levels_deep() -> Result<(), serde_json::Error> {
    let body = r#"{"errcode":40164,"errmsg":"invalid ip 101.45.43.1, not in whitelist rid: 6551b8c5-2c1b8a7e-1c2f6b38"}"#;
    let mut payload = serde_json::to_string(body)?;
    for level in 1..=3 {
        let decoded = minierr::decode_str(&payload);
        if level <= 2 {
            let d = decoded.unwrap_or_else(|e| panic!("level {level}: {e}"));
            assert_eq!(d.platform(), Platform::WechatServer, "level {level}");
            assert_eq!(
                d.code(),
                Some(minierr::RawCode::Number(40164)),
                "level {level}"
            );
        } else {
            assert!(
                matches!(decoded, Err(DecodeError::UnknownText { .. })),
                "level {level}: {decoded:?}"
            );
        }
        payload = serde_json::to_string(&payload)?;
    }
    Ok(())
}

/// A string escaped into itself twenty times over 8 KB of text: each level used to be read
/// twice by the level above it, so this took about 2^20 readings of the text (minutes in a
/// release build); bounded, it is a few. It must end, with an error that the text is no
/// failure message.
#[test]
fn a_string_escaped_many_times_ends_with_an_error() -> Result<(), serde_json::Error> {
    let mut payload = format!("the request was refused {}", "x".repeat(8 * 1024));
    for _ in 0..20 {
        payload = serde_json::to_string(&payload)?;
    }
    assert!(payload.len() > 2_000_000, "{}", payload.len());
    let decoded = minierr::decode_str(&payload);
    assert!(
        matches!(decoded, Err(DecodeError::UnknownText { .. })),
        "{:?}",
        decoded.map(|d| d.platform())
    );
    let line = minierr::line::decode_line(&payload, &DecodeOptions::new());
    assert!(line.is_err(), "{:?}", line.map(|(found, _)| found));
    Ok(())
}
