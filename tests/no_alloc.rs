//! Lookups, and decoding payloads whose strings need no unescaping, allocate nothing.
//! `allocation_counter` installs a counting global allocator in this test binary; it counts per
//! thread, so parallel tests do not disturb each other.

use allocation_counter::measure;
use minierr::alipay::{Api, TradePayResult};
use minierr::alipay_plus::{AnyResultCode, ResultCode};
use minierr::wx::{AnyErrno, Category, Errno, Subcategory};
use minierr::{Action, open_platform};

fn assert_no_alloc(what: &str, f: impl FnOnce()) {
    // The transport vocabularies' automaton is built once, on first use; what is measured is
    // every use after that.
    minierr::transport::warm_up();
    let info = measure(f);
    assert_eq!(
        info.count_total, 0,
        "{what} allocated {} times",
        info.count_total
    );
}

#[test]
fn lookups_allocate_nothing() {
    assert_no_alloc("catalog lookups", || {
        for code in [0, 5, 1003, 600002, 1500102, 1500199, 2004012, u32::MAX] {
            let errno = std::hint::black_box(AnyErrno::new(code));
            std::hint::black_box((errno.category().name_zh(), errno.subcategory().name_en()));
            if let Some(known) = errno.known() {
                std::hint::black_box((known.err_msg(), known.message_en(), known.action()));
            }
        }
        std::hint::black_box(Errno::from_message("url not in domain list"));
        std::hint::black_box(Errno::all_with_exact_message(
            "mdns resolve system error:-3",
        ));
        std::hint::black_box(Errno::all_with_exact_message("no such message at all"));
        std::hint::black_box((
            Category::of(1504003).name_en(),
            Subcategory::of(1000).note(),
        ));
        std::hint::black_box(ResultCode::from_code("PARAM_ILLEGAL"));
        std::hint::black_box(AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT").is_known());
        std::hint::black_box(open_platform::Code::from_code(4004));
        std::hint::black_box(open_platform::Code::from_message("ID为42的用户已被禁用"));
        std::hint::black_box(Api::from_name("my.uploadFile"));
        std::hint::black_box(Api::UploadFile.error(Some(4), Some("无权限调（N22106）。")));
        std::hint::black_box(TradePayResult::from_code("6004"));
        std::hint::black_box(Action::Retry.description());
    });
}

#[cfg(feature = "json")]
#[test]
fn borrowed_decoding_allocates_nothing() {
    let payloads = [
        r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#,
        r#"{"errMsg":"request:fail url not in domain list"}"#,
        r#"{"errMsg":"x:fail y","errno":1509999,"extra":{"a":[1,2,{"b":null}]}}"#,
        r#"{"error":14,"errorMessage":"JSON parse data error","status":13,"data":"x"}"#,
        r#"{"error":13,"errorMessage":"超时。"}"#,
        r#"{"resultCode":"6004","memo":"","result":""}"#,
        r#"{"result":{"resultCode":"PARAM_ILLEGAL","resultStatus":"F","resultMessage":"Illegal parameters."}}"#,
        r#"{"resultCode":"PAYMENT_COUNT_EXCEED_LIMIT","resultStatus":"F"}"#,
        r#"{"code":4004,"msg":"签名无效","data":null}"#,
        r#"{"code":"4999","message":"新错误"}"#,
        r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 697832c4-31bfe4c2-64edb600"}"#,
        r#"{"errcode":45011,"errmsg":"API minute-quota reach limit  mustslower  retry next minute hint: [ab12]"}"#,
    ];
    for payload in payloads {
        assert_no_alloc(payload, || {
            let d = minierr::decode(payload.as_bytes()).expect("decodes");
            std::hint::black_box((d.action(), d.name(), d.message(), d.code()));
        });
    }
    assert_no_alloc("per-platform decoders", || {
        let fail: minierr::wx::Fail = serde_json::from_str(payloads[0]).unwrap();
        std::hint::black_box((fail.api(), fail.reason(), fail.action()));
        let fail: minierr::alipay::Fail = serde_json::from_str(payloads[3]).unwrap();
        std::hint::black_box(fail.error_for(Api::Request));
        // Without a code the message is tried on the APIs it can name.
        for message in [
            r#"{"errorMessage":"can not find page:pages/a when execute navigateTo for url pages/a"}"#,
            r#"{"errorMessage":"[40164] invalid ip 1.2.3.4, not in whitelist"}"#,
        ] {
            let fail: minierr::alipay::Fail = serde_json::from_str(message).unwrap();
            std::hint::black_box(fail.infer_api());
        }
        let result: minierr::alipay_plus::ApiResult = serde_json::from_str(payloads[6]).unwrap();
        std::hint::black_box(result.decide(minierr::alipay_plus::CallKind::Idempotent));
        let response: open_platform::Response = serde_json::from_str(payloads[8]).unwrap();
        std::hint::black_box(response.action());
    });
    assert_no_alloc("server responses, suffixes split", || {
        for payload in &payloads[10..12] {
            let response = minierr::wx::server::Response::from_json_str(payload).unwrap();
            let parts = response.errmsg_parts();
            std::hint::black_box((parts.reason(), parts.rid(), parts.hint(), parts.advice()));
            std::hint::black_box((response.action_for("getAccessToken"), response.retry_hint()));
            std::hint::black_box(minierr::wx::server::Errcode::from_message(parts.reason()));
        }
    });
    assert_no_alloc("gateway answers, wrapped and bare", || {
        for payload in [
            r#"{"alipay_trade_refund_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误","refund_fee":"0.00"},"sign":"abc"}"#,
            r#"{"error_response":{"code":"20000","msg":"Service Currently Unavailable","sub_code":"aop.ACQ.SYSTEM_ERROR"}}"#,
            r#"{"code":"40002","msg":"Invalid Arguments","subCode":"invalid-signature","subMsg":"验签出错"}"#,
        ] {
            let response = minierr::alipay::gateway::Response::from_json_str(payload).unwrap();
            std::hint::black_box((
                response.action(minierr::alipay_plus::CallKind::Idempotent),
                response.resolved_sub_code(),
                response.is_method("alipay.trade.refund"),
                response.retry_hint(),
            ));
            let d = minierr::decode(payload.as_bytes()).expect("decodes");
            std::hint::black_box((d.action(), d.name(), d.message_en()));
        }
    });
    assert_no_alloc("WeChat reasons recovered and classed", || {
        for payload in [
            r#"{"errMsg":"downloadFile: fail url not in domain list"}"#,
            r#"{"errMsg":"collection.get:fail operateWXData:fail Invalid Scope."}"#,
            r#"{"errMsg":"request:fail -118:net::ERR_CONNECTION_TIMED_OUT"}"#,
            r#"{"errMsg":"getLocation:fail:Auth Denied"}"#,
            r#"{"errMsg":"getLocation:fail system permission denied"}"#,
            r#"{"errMsg":"showToast:fail parameter error: parameter.title should be String instead of Undefined;"}"#,
        ] {
            let fail = minierr::wx::Fail::from_json_str(payload).unwrap();
            std::hint::black_box((fail.resolved_errno(), fail.reason_class(), fail.action()));
        }
        // A quote in JSON is an escape, which a borrowed decode cannot keep; the text itself
        // is looked up in place.
        let fail = minierr::wx::Fail::new(r#"request:fail invalid url "/coming_soon?start=0""#);
        std::hint::black_box(fail.resolved_errno());
    });
    assert_no_alloc("legacy errCode and Cloud texts resolved", || {
        for payload in [
            r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001}"#,
            r#"{"errMsg":"connectWifi:fail password error Wi-Fi","errCode":"12002"}"#,
            r#"{"errMsg":"requestSubscribeMessage:fail can only be invoked by user TAP gesture."}"#,
            r#"{"errCode":-501007,"errMsg":"subscribeMessage.send:fail Invalid request param"}"#,
            r#""Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 3e7e, cloud function service error code -504002, error message boom; at cloud.callFunction api;""#,
            r#""没有权限，请先开通云开发或者云托管""#,
        ] {
            let d = minierr::decode(payload.as_bytes()).expect("decodes");
            std::hint::black_box((d.action(), d.name(), d.code(), d.sub_code(), d.err_code()));
        }
        let fail = minierr::wx::Fail::new("INNERERRCODE:-1, ERRMSG:未知错误").with_err_code(10001);
        std::hint::black_box(fail.legacy_code_in(minierr::wx::legacy::Family::InnerAudio));
        let cloud = minierr::wx::cloud::Fail::new(
            "cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment not found (callId: 1-2) (trace: x)",
        );
        std::hint::black_box((cloud.reason(), cloud.call_id(), cloud.action()));
    });
    assert_no_alloc("from_json readers", || {
        for payload in &payloads[0..3] {
            let fail = minierr::wx::Fail::from_json_str(payload).unwrap();
            std::hint::black_box(fail.action());
        }
        for payload in &payloads[3..6] {
            let fail = minierr::alipay::Fail::from_json_slice(payload.as_bytes()).unwrap();
            std::hint::black_box(fail.infer_api());
        }
        for payload in &payloads[6..8] {
            let result = minierr::alipay_plus::ApiResult::from_json_str(payload).unwrap();
            std::hint::black_box(result.is_success());
        }
        for payload in &payloads[8..10] {
            let response = open_platform::Response::from_json_slice(payload.as_bytes()).unwrap();
            std::hint::black_box(response.action());
        }
    });
}

/// A WeChat Pay APIv3 body with nothing to unescape is read and decided without allocating,
/// `detail` included (issue 21).
#[test]
#[cfg(feature = "json")]
fn wechat_pay_v3_bodies_allocate_nothing() {
    use minierr::CallKind;
    use minierr::wx::pay::{Api, Response};
    let bodies = [
        r#"{"code":"SYSTEM_ERROR","message":"系统错误"}"#,
        r#"{"code":"ORDER_NOT_EXIST","message":"订单不存在"}"#,
        r#"{"code":"PARAM_ERROR","message":"输入源“/body/amount/total”映射到值字段“总金额”字符串规则校验失败，值不能为空","detail":{"field":"/amount/total","location":"body","value":"","issue":"must not be empty"}}"#,
        r#"{"code":"SOMETHING_NEW","message":"a code newer than the catalog"}"#,
    ];
    assert_no_alloc("WeChat Pay v3 bodies", || {
        for body in bodies {
            let response = Response::from_json_str(body).expect("a v3 body");
            std::hint::black_box((
                response.action_for(Api::V3JsapiOrder),
                response.action(CallKind::MovesMoney),
                response.field_path(),
                response.detail().and_then(|d| d.field()),
            ));
        }
    });
}

#[test]
fn the_counter_counts() {
    let info = measure(|| {
        std::hint::black_box(String::from("allocates"));
    });
    assert_eq!(
        info.count_total, 1,
        "the allocator is installed and counting"
    );
}
