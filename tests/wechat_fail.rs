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
        (r#"{"errMsg":"getLocation:fail auth deny"}"#, None),
        (r#"{"errMsg":"x:fail system permission denied"}"#, None),
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
