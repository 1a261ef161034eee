//! Decoding WeChat fail payloads: the seed's example, real-looking variants, and bad input.
#![cfg(feature = "serde")]

use minierr::Action;
use minierr::wx::{AnyErrno, Errno, Fail};

fn decode(json: &str) -> Fail<'_> {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn decode_error(json: &str) -> String {
    match serde_json::from_str::<Fail>(json) {
        Ok(fail) => panic!("{json} decoded as {fail:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_seed_example_decodes() {
    let fail = decode(
        r#"{"errMsg": "openBluetoothAdapter:fail:not available", "errCode": 10001, "errno": 1500102}"#,
    );
    assert_eq!(fail.err_msg(), "openBluetoothAdapter:fail:not available");
    assert_eq!(fail.api(), Some("openBluetoothAdapter"));
    assert_eq!(fail.reason(), "not available");
    assert_eq!(fail.err_code(), Some(10001));
    assert_eq!(
        fail.errno(),
        Some(AnyErrno::Known(Errno::BluetoothAdapterNotAvailable))
    );
    assert_eq!(fail.action(), Some(Action::AskUser));
}

#[test]
fn err_msg_splits_at_fail_whatever_the_separator() {
    let cases = [
        (
            "request:fail url not in domain list",
            Some("request"),
            "url not in domain list",
        ),
        (
            "getLocation:fail auth deny",
            Some("getLocation"),
            "auth deny",
        ),
        (
            "connectWifi:fail:fail to connect wifi:time out",
            Some("connectWifi"),
            "fail to connect wifi:time out",
        ),
        ("login:fail", Some("login"), ""),
        // Some runtimes put a space after the colon.
        (
            "canvasToTempFilePath: fail canvas is empty",
            Some("canvasToTempFilePath"),
            "canvas is empty",
        ),
        // A wrapper reporting the failure of the API it called: the inner reason is the one.
        (
            "collection.get:fail operateWXData:fail invalid scope",
            Some("collection.get"),
            "invalid scope",
        ),
        // `fail` must be a word of its own.
        ("x:failed to open", Some("x"), "failed to open"),
        (
            "navigateTo:fail page \"pages/x\" is not found",
            Some("navigateTo"),
            "page \"pages/x\" is not found",
        ),
        ("something odd", None, "something odd"),
    ];
    for (err_msg, api, reason) in cases {
        let fail = Fail::new(err_msg);
        assert_eq!((fail.api(), fail.reason()), (api, reason), "{err_msg}");
    }
}

#[test]
fn strings_are_borrowed_when_the_input_allows() {
    let json = r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#;
    let fail: Fail = serde_json::from_str(json).unwrap();
    let start = json.as_ptr() as usize;
    let inside = fail.err_msg().as_ptr() as usize;
    assert!(
        inside > start && inside < start + json.len(),
        "errMsg points into the input"
    );

    // An escape forces a copy; the value is still right.
    let escaped: Fail = serde_json::from_str(r#"{"errMsg":"a:fail \"quoted\""}"#).unwrap();
    assert_eq!(escaped.reason(), "\"quoted\"");
}

#[test]
fn an_unknown_errno_survives_a_round_trip() {
    let json =
        r#"{"errMsg":"openBluetoothAdapter:fail:new thing","errCode":10099,"errno":1500199}"#;
    let fail = decode(json);
    let code = fail.errno().unwrap();
    assert_eq!(code.raw(), 1500199);
    assert_eq!(code.known(), None);
    assert_eq!(code.category().code(), 15);
    assert_eq!(code.subcategory().code(), 0);
    assert_eq!(
        fail.action(),
        None,
        "minierr does not guess for unknown codes"
    );
    assert_eq!(serde_json::to_string(&fail).unwrap(), json);
    assert_eq!(decode(&serde_json::to_string(&fail).unwrap()), fail);
}

#[test]
fn known_payloads_serialise_back_to_the_same_numbers() {
    for errno in Errno::all() {
        let json = format!(r#"{{"errMsg":"x:fail y","errno":{}}}"#, errno.code());
        let fail = decode(&json);
        assert_eq!(fail.errno(), Some(AnyErrno::Known(errno)));
        assert_eq!(serde_json::to_string(&fail).unwrap(), json);
    }
}

#[test]
fn errno_alone_serialises_as_its_integer() {
    assert_eq!(
        serde_json::to_string(&Errno::UrlNotInDomainList).unwrap(),
        "600002"
    );
    assert_eq!(
        serde_json::from_str::<Errno>("1500102").unwrap(),
        Errno::BluetoothAdapterNotAvailable
    );
    // Errno is the closed catalog: an unknown integer is an error there (AnyErrno keeps it).
    assert!(serde_json::from_str::<Errno>("1500199").is_err());
    assert_eq!(
        serde_json::from_str::<AnyErrno>("1500199").unwrap().raw(),
        1500199
    );
    assert_eq!(
        serde_json::to_string(&minierr::Action::AskUser).unwrap(),
        "\"ask_user\""
    );
}

#[test]
fn a_missing_errno_is_recovered_from_the_err_msg() {
    let cases = [
        (
            r#"{"errMsg":"request:fail url not in domain list"}"#,
            Some(Errno::UrlNotInDomainList),
        ),
        (
            r#"{"errMsg":"uploadFile:fail time out"}"#,
            Some(Errno::Timeout),
        ),
        (
            r#"{"errMsg":"startLocalServiceDiscovery:fail mdns resolve system error:-3"}"#,
            Some(Errno::MdnsResolveSystemError),
        ),
        (
            r#"{"errMsg":"createInferenceSession:fail model path invalid : /tmp/m.onnx"}"#,
            Some(Errno::InvalidModelPath),
        ),
        (
            r#"{"errMsg":"openBluetoothAdapter:fail not init"}"#,
            Some(Errno::BluetoothAdapterNotInitialized),
        ),
        (
            r#"{"errMsg":"downloadFile: fail url not in domain list"}"#,
            Some(Errno::UrlNotInDomainList),
        ),
        (
            r#"{"errMsg":"requestGlobalPayment:fail request end"}"#,
            Some(Errno::GlobalPaymentOutcomeUnknown),
        ),
        // Runtime wordings documented for a code: the alias table (issue 12).
        (
            r#"{"errMsg":"getLocation:fail auth deny"}"#,
            Some(Errno::JsapiUserAuthorizeDenied),
        ),
        (
            r#"{"errMsg":"saveImageToPhotosAlbum:fail:auth denied"}"#,
            Some(Errno::JsapiUserAuthorizeDenied),
        ),
        (
            r#"{"errMsg":"getPhoneNumber:fail user deny"}"#,
            Some(Errno::JsapiUserAuthorizeDenied),
        ),
        // Documented errMsgs in another case, with a value echoed after them.
        (
            r#"{"errMsg":"request:fail invalid url \"/coming_soon?start=0&count=3\""}"#,
            Some(Errno::InvalidUrl),
        ),
        // A documented errMsg followed by the runtime's `key=value` diagnostics.
        (
            r#"{"errMsg":"requestPayment:fail jsapi has no permission, event=requestPayment, runningState=trial, permissionMsg=permission ok, jsapiPermissionMsg=no permission"}"#,
            Some(Errno::JsapiNoPermission),
        ),
        // A comma that does not start such diagnostics keeps the reason whole.
        (
            r#"{"errMsg":"requestPayment:fail jsapi has no permission, please retry"}"#,
            None,
        ),
        (r#"{"errMsg":"getLocation:fail something new"}"#, None),
        // Two codes share the alias: no single answer.
        (
            r#"{"errMsg":"getUserInfo:fail please go to mp to announce your privacy usage"}"#,
            None,
        ),
        (r#"{"errMsg":"x:fail system permission denied"}"#, None),
        // The errno page's device subcategories are their sections' own: Wi-Fi's 1505020
        // `unknown error` is a Wi-Fi API's, never a Bluetooth one's, and NFC's 1504200 `user
        // is not authorized` an NFC API's.
        (
            r#"{"errMsg":"connectWifi:fail unknown error"}"#,
            Some(Errno::WifiConnectUnknownError),
        ),
        (
            r#"{"errMsg":"writeBLECharacteristicValue:fail unknown error"}"#,
            None,
        ),
        (
            r#"{"errMsg":"startDiscovery:fail user is not authorized"}"#,
            Some(Errno::NfcUserNotAuthorized),
        ),
        (
            r#"{"errMsg":"startBluetoothDevicesDiscovery:fail user is not authorized"}"#,
            None,
        ),
        (
            r#"{"errMsg":"createBLEConnection:fail need pin"}"#,
            Some(Errno::BluetoothPinRequired),
        ),
        // `system error` is the file system's 1300201 on the errno page, and also Bluetooth's
        // 10008, iBeacon's 11005 and the 1v1 chat's -30000 on their own pages: with no API, the
        // errMsg names none of them. With one it names its own.
        (r#"{"errMsg":"system error"}"#, None),
        (r#"{"errCode":10008,"errMsg":"system error"}"#, None),
        (
            r#"{"errMsg":"readFile:fail system error"}"#,
            Some(Errno::FileSystemCallFailed),
        ),
        // Other pages repeating a general code's text (cancel) say nothing, and a family's own
        // page (Wi-Fi's legacy `user denied`) agrees with its section's errno.
        (
            r#"{"errMsg":"requestMidasPayment:fail cancel","errCode":1}"#,
            Some(Errno::Cancel),
        ),
        (
            r#"{"errCode":12007,"errMsg":"user denied"}"#,
            Some(Errno::WifiUserDenied),
        ),
        // An errCode that is the errno itself (the FileError codes are) settles the family.
        (
            r#"{"errCode":1300201,"errMsg":"system error"}"#,
            Some(Errno::FileSystemCallFailed),
        ),
    ];
    for (json, expected) in cases {
        let fail = decode(json);
        assert_eq!(fail.errno(), None);
        assert_eq!(
            fail.resolved_errno().and_then(|c| c.known()),
            expected,
            "{json}"
        );
    }
    let shared = decode(r#"{"errMsg":"x:fail system permission denied"}"#);
    assert_eq!(shared.errno_candidates().len(), 2);
    // errno 0 is success: beside an `api:fail` errMsg, the errMsg decides.
    let zero = decode(r#"{"errMsg":"requestPayment:fail cancel","errno":0}"#);
    assert_eq!(
        zero.resolved_errno().and_then(|c| c.known()),
        Some(Errno::Cancel)
    );
    assert_eq!(
        decode(r#"{"errMsg":"request:ok","errno":0}"#).action(),
        Some(Action::Success)
    );
    // Every page that documents `system error` says to retry: the step stands without a code.
    let system = decode(r#"{"errCode":11005,"errMsg":"system error"}"#);
    assert_eq!(
        (system.resolved_errno(), system.action()),
        (None, Some(Action::Retry))
    );
    // Not from an API whose own page documents no `system error`: the getPhoneNumber button
    // has a page (user deny, no permission) but no errno section, and the pages that agree on
    // retrying are other families' (Bluetooth, iBeacon, the file system).
    for json in [
        r#"{"errMsg":"getPhoneNumber:fail system error"}"#,
        r#"{"errMsg":"getPhoneNumber:fail:system error"}"#,
    ] {
        let fail = decode(json);
        assert_eq!(
            (fail.resolved_errno(), fail.action()),
            (None, None),
            "{json}"
        );
    }
    // The general codes are every API's, so they still speak for it: `system permission
    // denied` is errno 3's (general: the user's refusal) and 1107013's (another section's).
    let general = decode(r#"{"errMsg":"getPhoneNumber:fail system permission denied"}"#);
    assert_eq!(general.action(), Some(Action::AskUser));
}

/// An errCode beside the documented message of another code of its family only: the two
/// contradict each other, and neither names the failure (wechat_jsapi_errcode_more.tsv:
/// requestSubscribeMessage 20001 is `No template data return, …`, 20004 the main switch).
#[test]
fn an_err_code_contradicted_by_its_err_msg_names_nothing() {
    let contradicted = decode(
        r#"{"errMsg":"requestSubscribeMessage:fail:No template data return, verify the template id exist","errCode":20004}"#,
    );
    assert_eq!(
        (contradicted.legacy_code(), contradicted.action()),
        (None, None)
    );
    let agreeing = decode(
        r#"{"errMsg":"requestSubscribeMessage:fail:No template data return, verify the template id exist","errCode":20001}"#,
    );
    assert_eq!(
        agreeing.legacy_code(),
        Some(minierr::wx::legacy::Code::SubscribeMessageNoTemplateData)
    );
    // A message no row documents leaves the errCode standing.
    let unknown_words =
        decode(r#"{"errMsg":"requestSubscribeMessage:fail:something else","errCode":20004}"#);
    assert_eq!(
        unknown_words.legacy_code(),
        Some(minierr::wx::legacy::Code::SubscribeMessageMainSwitchOff)
    );
    // An older wording with no number of its own is the same failure as the errCode's
    // (wechat_jsapi_errcode_more.tsv: FileSystemManager's legacy `fail no such file or
    // directory, open ${filePath}`, errno 1300002).
    let older = decode(
        r#"{"errMsg":"readFile:fail no such file or directory, open wxfile://usr/a.txt","errCode":1300002}"#,
    );
    assert_eq!(
        older.resolved_errno().and_then(|e| e.known()),
        Some(minierr::wx::Errno::NoSuchFileOrDirectory)
    );
    // An older wording of another errno is a different failure: `permission denied` is
    // 1300013's (and 1302001's), not 1300002's; `not a directory %s` is 1300020's.
    for contradicted in [
        r#"{"errMsg":"readFile:fail permission denied","errCode":1300002}"#,
        r#"{"errMsg":"readdir:fail not a directory /a","errCode":1300002}"#,
    ] {
        let fail = decode(contradicted);
        assert_eq!(
            (fail.resolved_errno(), fail.action()),
            (None, None),
            "{contradicted}"
        );
    }
    // Wi-Fi's 12010 is documented to carry the reason in its errMsg.
    let carrier = decode(r#"{"errMsg":"connectWifi:fail:password error Wi-Fi","errCode":12010}"#);
    assert_eq!(
        carrier.legacy_code(),
        Some(minierr::wx::legacy::Code::WifiSystemInternalError)
    );
}

#[test]
fn the_payload_errno_wins_over_the_err_msg() {
    let fail = decode(r#"{"errMsg":"request:fail time out","errno":600002}"#);
    assert_eq!(
        fail.resolved_errno(),
        Some(AnyErrno::Known(Errno::UrlNotInDomainList))
    );
}

#[test]
fn numbers_sent_as_strings_and_nulls_are_accepted() {
    let fail = decode(r#"{"errMsg":"request:fail","errno":"600002","errCode":"-1"}"#);
    assert_eq!(
        fail.errno(),
        Some(AnyErrno::Known(Errno::UrlNotInDomainList))
    );
    assert_eq!(fail.err_code(), Some(-1));
    let nulls =
        decode(r#"{"errMsg":"request:fail","errno":null,"errCode":null,"extra":{"a":[1]}}"#);
    assert_eq!((nulls.errno(), nulls.err_code()), (None, None));
}

#[test]
fn bad_input_is_an_error_that_names_the_problem() {
    let cases = [
        ("{}", "missing field `errMsg`"),
        (r#"{"errno":5}"#, "missing field `errMsg`"),
        (r#"{"errMsg":5}"#, "invalid type: integer `5`"),
        (r#"{"errMsg":"a","errno":-1}"#, "expected a WeChat errno"),
        (
            r#"{"errMsg":"a","errno":4294967296}"#,
            "expected a WeChat errno",
        ),
        (r#"{"errMsg":"a","errno":1.5}"#, "expected a WeChat errno"),
        (r#"{"errMsg":"a","errno":"12a"}"#, "expected a WeChat errno"),
        (r#"{"errMsg":"a","errno":true}"#, "expected a WeChat errno"),
        (r#"{"errMsg":"a","errCode":"x"}"#, "expected an errCode"),
        (
            r#"{"errMsg":"a","errno":1,"errno":2}"#,
            "duplicate field `errno`",
        ),
        (r#"{"errMsg":"a""#, "EOF"),
        ("[1,2]", "invalid type: sequence"),
        ("", "EOF"),
    ];
    for (json, needle) in cases {
        let message = decode_error(json);
        assert!(
            message.contains(needle),
            "{json}: {message:?} lacks {needle:?}"
        );
    }
}

#[test]
fn display_shows_the_message_and_the_code() {
    let fail = decode(r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#);
    assert_eq!(
        fail.to_string(),
        "request:fail url not in domain list (errno 600002 url not in domain list: The URL's domain is not in the mini program's list of trusted domains)"
    );
}

/// Reasons that name no catalog code, as real runtimes send them, and the class each one falls
/// in. Every expected class comes from what the message says, not from minierr's table.
#[test]
fn reasons_without_a_code_are_classed_and_unknown_ones_are_not() {
    use minierr::wx::ReasonClass::{self, *};
    let cases: [(&str, Option<ReasonClass>, Option<Action>); 31] = [
        // A call refused for coming too soon after the last (wx.getLocation's 30 seconds).
        (
            "getLocation:fail 频繁调用会增加电量损耗,可考虑使用 wx.onLocationChange 监听地理位置变化",
            Some(CallRateLimit),
            Some(Action::Backoff),
        ),
        // Chromium's connection errors, as WeChat's cronet stack passes them through.
        (
            "request:fail -118:net::ERR_CONNECTION_TIMED_OUT",
            Some(Network),
            Some(Action::Retry),
        ),
        (
            "request:fail errcode:-105 cronet_error_code:-105 error_msg:net::ERR_NAME_NOT_RESOLVED",
            Some(Network),
            Some(Action::Retry),
        ),
        (
            "uploadFile:fail -106:net::ERR_INTERNET_DISCONNECTED",
            Some(Network),
            Some(Action::Retry),
        ),
        ("request:fail timeout", Some(Network), Some(Action::Retry)),
        // The Android runtime's timeout, with the networkTimeout it waited or an app's text.
        (
            "request:fail socket time out timeout:60000",
            Some(Network),
            Some(Action::Retry),
        ),
        (
            "request:fail socket time out :3000",
            Some(Network),
            Some(Action::Retry),
        ),
        // A scope the user never granted: the app must ask, with or without Android's colon.
        (
            "getUserInfo:fail scope unauthorized",
            Some(ScopeNotGranted),
            Some(Action::AskUser),
        ),
        (
            "getUserInfo:fail:scope unauthorized",
            Some(ScopeNotGranted),
            Some(Action::AskUser),
        ),
        // A canvas exported before it was drawn, or that the export could not find.
        (
            "canvasToTempFilePath: fail canvas is empty",
            Some(CanvasNotDrawn),
            Some(Action::FixRequest),
        ),
        (
            "canvasToTempFilePath:fail:canvasId do not exist",
            Some(CanvasNotDrawn),
            Some(Action::FixRequest),
        ),
        // The DevTools' wording of a domain missing from the server-domain list.
        (
            "不在以下 uploadFile 合法域名列表中，请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html",
            Some(DomainNotListed),
            Some(Action::FixConfig),
        ),
        // Certificate and TLS failures are the server's configuration.
        (
            "request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID",
            Some(Tls),
            Some(Action::FixConfig),
        ),
        (
            "request:fail errcode:-202 cronet error code:-202 error msg:net::ERR_CERT_AUTHORITY_INVALID",
            Some(Tls),
            Some(Action::FixConfig),
        ),
        (
            "request:fail ssl version or cipher mismatch",
            Some(Tls),
            Some(Action::FixConfig),
        ),
        // The Android runtime's own wording, and the network page's TLS rule as it reads it.
        (
            "request:fail ssl hand shake error",
            Some(Tls),
            Some(Action::FixConfig),
        ),
        (
            "request:fail 小程序要求的 TLS 版本必须大于等于 1.2。",
            Some(Tls),
            Some(Action::FixConfig),
        ),
        // errno 1025 and 1026 without the word that tells them apart: both are declared in
        // the MP console, so the step is known though the code is not.
        (
            "openBluetoothAdapter:fail appid privacy api banned",
            Some(UndeclaredApi),
            Some(Action::FixConfig),
        ),
        (
            "request:fail -3:net::ERR_ABORTED",
            Some(Aborted),
            Some(Action::GiveUp),
        ),
        // The base library's argument check and navigation misuse are the caller's mistakes.
        (
            "showToast:fail parameter error: parameter.title should be String instead of Undefined;",
            Some(ArgumentCheck),
            Some(Action::FixRequest),
        ),
        (
            "navigateTo:fail:can not navigate to a tab bar page",
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        (
            "redirectTo:fail can not redirectTo a tabbar page",
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        // And the other way round: switchTab opens only a tab-bar page.
        (
            "switchTab:fail can not switch to no-tabBar page",
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        // A path that is no page of the app, quoted or not: missing from app.json's pages, or
        // relative where it must start with `/` (https://cnblogs.com/zjfjava/p/10953059.html,
        // https://blog.csdn.net/SSophia/article/details/127791333).
        (
            r#"navigateTo:fail page "pages/warn/warn" is not found"#,
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        (
            "navigateTo:fail page /pages/XXXX/XXXX is not found",
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        // switchTab's wording for a url the runtime finds among no declared page
        // (https://github.com/Tencent/wepy/issues/943).
        (
            r#"switchTab:fail url "pages/tabBar/class/class" is not in app.json"#,
            Some(NavigationMisuse),
            Some(Action::FixRequest),
        ),
        // Other texts about a page are not a path the app lacks.
        ("navigateTo:fail pages limit exceeded", None, None),
        // Nothing to go on: unknown stays unknown.
        ("request:fail ", None, None),
        ("request:fail abort", None, None),
        ("request:fail -2:net::ERR_FAILED", None, None),
        // A documented errMsg is a code, and the code answers.
        (
            "request:fail url not in domain list",
            None,
            Some(Action::FixConfig),
        ),
    ];
    for (err_msg, class, action) in cases {
        let fail = Fail::new(err_msg);
        assert_eq!(
            (fail.reason_class(), fail.action()),
            (class, action),
            "{err_msg}"
        );
    }
    // A code sent with the payload wins over the reason's class.
    let fail = Fail::new("request:fail parameter error: require packageName or packageNameArray");
    assert_eq!(
        fail.resolved_errno().and_then(|c| c.known()),
        Some(Errno::PackageNameRequired)
    );
    assert_eq!(fail.reason_class(), None);
}

/// Every row of the pattern table has a source and a class the class table defines, and every
/// class has at least one pattern; read from the tables themselves, not through minierr.
#[test]
fn every_reason_pattern_has_a_source_and_a_class() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let classes =
        std::fs::read_to_string(root.join("wechat_reason_classes.tsv")).expect("class table");
    let patterns =
        std::fs::read_to_string(root.join("wechat_reason_patterns.tsv")).expect("pattern table");
    let class_names: Vec<&str> = classes
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap_or(""))
        .collect();
    assert!(class_names.len() >= 5, "{class_names:?}");
    let mut used = std::collections::BTreeSet::new();
    let mut rows = 0;
    for line in patterns.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 5, "{line}");
        assert!(class_names.contains(&cells[0]), "{line}");
        assert!(cells[3].starts_with("https://"), "source of {line}");
        used.insert(cells[0]);
        rows += 1;
    }
    assert!(rows >= 8, "{rows} pattern rows");
    // The transport vocabularies name classes by their snake_case name (the class table's
    // second column).
    for file in [
        "transport_wechat.tsv",
        "transport_chromium.tsv",
        "transport_apple.tsv",
        "transport_java.tsv",
        "transport_node.tsv",
    ] {
        let table = std::fs::read_to_string(root.join(file)).expect("transport table");
        for line in table.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 7, "{file}: {line}");
            assert!(cells[5].starts_with("https://"), "{file}: source of {line}");
            if let Some(row) = classes
                .lines()
                .skip(1)
                .map(|l| l.split('\t').collect::<Vec<_>>())
                .find(|c| c.get(1) == Some(&cells[4]))
            {
                used.insert(row[0]);
            } else {
                assert_eq!(cells[4], "none", "{file}: class of {line}");
            }
        }
    }
    for class in &class_names {
        assert!(used.contains(class), "{class} has no pattern");
        let parsed: minierr::wx::ReasonClass = minierr::wx::ReasonClass::all()
            .find(|c| format!("{c:?}") == *class)
            .unwrap_or_else(|| panic!("{class} is a ReasonClass"));
        assert_eq!(parsed.name().parse(), Ok(parsed));
    }
}

/// An errMsg whose API is in another runtime's namespace (ByteDance's `tt`, Baidu's `swan`,
/// QQ's `qq`; each runtime's API reference names its APIs so) is that runtime's: WeChat's
/// errno for the same words does not apply, and only a transport failure, which reads the same
/// on every runtime, has a step. WeChat's own `wx.` and a bare API stay WeChat's.
#[cfg(feature = "json")]
#[test]
fn another_runtimes_namespace_takes_no_wechat_code() {
    use minierr::wx::ForeignRuntime;
    // (errMsg, runtime, step)
    let cases: &[(&str, Option<ForeignRuntime>, Option<Action>)] = &[
        (
            "tt.request:fail url not in domain list",
            Some(ForeignRuntime::Douyin),
            None,
        ),
        (
            "tt.login:fail auth deny",
            Some(ForeignRuntime::Douyin),
            None,
        ),
        (
            "swan.request:fail -118:net::ERR_CONNECTION_TIMED_OUT",
            Some(ForeignRuntime::Baidu),
            Some(Action::Retry),
        ),
        (
            "qq.getUserInfo:fail auth deny",
            Some(ForeignRuntime::Qq),
            None,
        ),
        (
            "wx.request:fail url not in domain list",
            None,
            Some(Action::FixConfig),
        ),
        ("getUserInfo:fail auth deny", None, Some(Action::AskUser)),
    ];
    for &(err_msg, runtime, step) in cases {
        let json = format!(r#"{{"errMsg":"{err_msg}"}}"#);
        for fail in [Fail::new(err_msg), decode(&json)] {
            assert_eq!(fail.foreign_runtime(), runtime, "{err_msg}");
            assert_eq!(fail.action(), step, "{err_msg}");
            if runtime.is_some() {
                assert_eq!(fail.resolved_errno(), None, "{err_msg}");
            }
        }
        // The same in a log line.
        let (_, d) = minierr::line::decode_line(err_msg, &minierr::DecodeOptions::default())
            .unwrap_or_else(|e| panic!("{err_msg}: {e}"));
        assert_eq!(d.action(), step, "{err_msg}");
        assert_eq!(d.code().is_none(), runtime.is_some(), "{err_msg}");
    }
    // Cloud's namespaced APIs are WeChat's own.
    let cloud = "cloud.callFunction:fail Error: errCode: -404011 cloud function execution error";
    assert_eq!(Fail::new(cloud).foreign_runtime(), None);
    let (_, d) = minierr::line::decode_line(cloud, &minierr::DecodeOptions::default())
        .unwrap_or_else(|e| panic!("{cloud}: {e}"));
    assert_eq!(d.platform(), minierr::Platform::WechatCloud);
    assert_eq!(d.code(), Some(minierr::RawCode::Number(-404011)));
}

/// wx.checkSession's page gives every failure one meaning: the session key has expired, and
/// the next step is a new wx.login (调用失败说明 session_key 已过期). A reason class still
/// reads what it names (a timeout is the network's), and success stays success.
#[test]
fn a_check_session_failure_is_an_expired_session() {
    for json in [
        r#"{"errMsg":"checkSession:fail session time out, need relogin"}"#,
        r#"{"errMsg":"checkSession:fail"}"#,
    ] {
        assert_eq!(decode(json).action(), Some(Action::Refresh), "{json}");
    }
    assert_eq!(
        decode(r#"{"errMsg":"checkSession:fail timeout"}"#).action(),
        Some(Action::Retry)
    );
    assert_eq!(
        decode(r#"{"errMsg":"checkSession:ok"}"#).action(),
        Some(Action::Success)
    );
    // Another API's failure with the same words is not read so.
    assert_eq!(
        decode(r#"{"errMsg":"login:fail session time out, need relogin"}"#).action(),
        None
    );
}

/// The privacy guide pairs `privacy permission is not authorized` with errno 104 (表2), and the
/// runtime sends it so; the errno table gives the same text to 101102, which no runtime sample
/// carries. Without an errno the text is 104's; an errno sent says which it is.
#[test]
fn the_privacy_refusal_is_errno_104_as_the_privacy_guide_pairs_it() {
    let fail = Fail::new("chooseMedia:fail privacy permission is not authorized");
    assert_eq!(
        fail.errno_candidates(),
        &[Errno::JsapiUserAuthorizeCanceled]
    );
    assert_eq!(fail.action(), Some(Action::AskUser));
    #[cfg(feature = "json")]
    {
        let d = minierr::decode_str(
            r#"{"errMsg":"chooseMedia:fail privacy permission is not authorized"}"#,
        )
        .expect("decodes");
        assert_eq!(d.code().map(|c| c.to_string()).as_deref(), Some("104"));
    }
    // An errno sent names the code, whatever the alias says.
    #[cfg(feature = "json")]
    {
        let d = minierr::decode_str(
            r#"{"errMsg":"getLocation:fail privacy permission is not authorized","errno":101102}"#,
        )
        .expect("decodes");
        assert_eq!(d.code().map(|c| c.to_string()).as_deref(), Some("101102"));
        assert_eq!(d.action(), Some(Action::AskUser));
    }
    // The errno table's own lookup is unchanged: the text is 101102's errMsg.
    assert_eq!(
        Errno::all_with_message("privacy permission is not authorized"),
        &[Errno::PrivacyPermissionNotAuthorized]
    );
}

/// A failure errno beside an errMsg that reports success (`api:ok`) contradicts it, as errno 0
/// beside `api:fail` does: the errno is kept, and no step is taken from a payload that says
/// both. errno 0 with `api:ok` is a success.
#[test]
fn a_failure_errno_beside_an_ok_err_msg_takes_no_step() {
    let fail = Fail::new("notifyBLECharacteristicValueChange:ok").with_errno(1_509_000);
    assert_eq!(
        fail.resolved_errno(),
        Some(AnyErrno::Known(Errno::UnknownBleError))
    );
    assert_eq!(fail.action(), None);
    assert_eq!(
        Fail::new("request:ok").with_errno(0).action(),
        Some(Action::Success)
    );
    // The same errno beside a failure keeps its step.
    let failed = Fail::new("notifyBLECharacteristicValueChange:fail").with_errno(1_509_000);
    assert!(failed.action().is_some());
}

/// A code whose page leaves the cause to the errMsg (`data/wechat_errno_wrappers.tsv`) keeps
/// its own step only beside its own text: a detail that no reason class reads is a cause
/// nothing here knows, so the failure takes no step. The code itself is kept either way.
#[test]
fn a_code_that_leaves_the_cause_to_the_err_msg_takes_no_step_for_an_unread_one() {
    let cases: &[(&str, u32, Errno, Option<Action>)] = &[
        (
            "writeBLECharacteristicValue:fail:system error, writeCharacteristic fail",
            1_500_104,
            Errno::SystemBluetoothCallFailed,
            None,
        ),
        (
            "notifyBLECharacteristicValueChange:fail:no descriptor",
            1_500_104,
            Errno::SystemBluetoothCallFailed,
            None,
        ),
        (
            "writeBLECharacteristicValue:fail",
            1_500_104,
            Errno::SystemBluetoothCallFailed,
            Some(Action::Retry),
        ),
        (
            "connectWifi:fail:system internal error",
            1_505_032,
            Errno::WifiSystemInternalError,
            Some(Action::Retry),
        ),
        (
            "connectWifi:fail:system internal error, code 7",
            1_505_032,
            Errno::WifiSystemInternalError,
            None,
        ),
        // The generic text of the API's legacy family is no detail: Bluetooth's `system error`
        // (10008) says no more than the code.
        (
            "writeBLECharacteristicValue:fail:system error",
            1_500_104,
            Errno::SystemBluetoothCallFailed,
            Some(Action::Retry),
        ),
        // A class the detail does name decides, as for any wrapper.
        (
            "request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID",
            600_001,
            Errno::CronetComponentError,
            Some(Action::FixConfig),
        ),
        // A Chromium error whose owner leaves the step open (no class) decides nothing.
        (
            "request:fail -356:net::ERR_QUIC_PROTOCOL_ERROR",
            600_001,
            Errno::CronetComponentError,
            None,
        ),
    ];
    for &(err_msg, errno, known, action) in cases {
        let fail = Fail::new(err_msg).with_errno(errno);
        assert_eq!(
            fail.resolved_errno(),
            Some(AnyErrno::Known(known)),
            "{err_msg}"
        );
        assert_eq!(fail.action(), action, "{err_msg}");
    }
    // A code that names its cause keeps its step whatever detail follows (1509004: the
    // characteristic does not support the operation).
    let named = Fail::new("notifyBLECharacteristicValueChange:fail:property not support")
        .with_errno(1_509_004);
    assert_eq!(named.action(), Some(Action::FixRequest));
}

/// The legacy codes that leave the cause to the errMsg (`data/wechat_legacy_wrappers.tsv`:
/// Wi-Fi's 12010, whose page asks for the errMsg's reason to be printed, and Bluetooth's
/// catch-all 10008) follow the errno wrappers' rule: beside a detail no reason class reads,
/// the step is unknown; beside their own text, or none, theirs holds; a class decides.
#[test]
fn a_legacy_code_that_leaves_the_cause_to_the_err_msg_takes_no_step_for_an_unread_one() {
    use minierr::wx::legacy::Code;
    let cases: &[(&str, i64, Code, Option<Action>)] = &[
        (
            "connectWifi:fail invalid WPA/WPA2 Passphrase.",
            12010,
            Code::WifiSystemInternalError,
            None,
        ),
        (
            "connectWifi:fail:system internal error",
            12010,
            Code::WifiSystemInternalError,
            Some(Action::Retry),
        ),
        (
            "writeBLECharacteristicValue:fail:system error, writeCharacteristic fail",
            10008,
            Code::BluetoothSystemError,
            None,
        ),
        (
            "writeBLECharacteristicValue:fail:system error",
            10008,
            Code::BluetoothSystemError,
            Some(Action::Retry),
        ),
        (
            "writeBLECharacteristicValue:fail",
            10008,
            Code::BluetoothSystemError,
            Some(Action::Retry),
        ),
        // A class the detail names decides, here one whose step is not the code's.
        (
            "writeBLECharacteristicValue:fail parameter error: parameter.value should be ArrayBuffer instead of String;",
            10008,
            Code::BluetoothSystemError,
            Some(Action::FixRequest),
        ),
    ];
    for &(err_msg, err_code, known, action) in cases {
        let fail = Fail::new(err_msg).with_err_code(err_code);
        assert_eq!(fail.legacy_code(), Some(known), "{err_msg}");
        assert_eq!(fail.action(), action, "{err_msg}");
    }
    assert!(Code::WifiSystemInternalError.wraps_reason());
    // A legacy code that names its cause is no wrapper: 12002, the wrong Wi-Fi password.
    assert!(!Code::WifiWrongPassword.wraps_reason());
    let named = Fail::new("connectWifi:fail password error Wi-Fi, code 3").with_err_code(12002);
    assert_eq!(named.action(), Some(Action::AskUser));
}
