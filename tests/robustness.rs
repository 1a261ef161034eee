//! Whatever a client sends, decoding never panics, never loses a raw value, and says what was
//! wrong. Property tests over every public decoding entry point.
#![cfg(feature = "json")]

use minierr::alipay;
use minierr::alipay_plus::{ApiResult, ResultCode};
use minierr::open_platform;
use minierr::wx;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Runs every decoder on `bytes`; none may panic. Returns the error texts.
fn decode_everything(bytes: &[u8]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut note = |r: Result<(), String>| {
        if let Err(e) = r {
            errors.push(e);
        }
    };
    note(
        serde_json::from_slice::<wx::Fail>(bytes)
            .map(|f| {
                let _ = (
                    f.api(),
                    f.reason(),
                    f.resolved_errno(),
                    f.action(),
                    f.errno_candidates(),
                    f.to_string(),
                );
            })
            .map_err(|e| e.to_string()),
    );
    note(
        serde_json::from_slice::<alipay::Fail>(bytes)
            .map(|f| {
                for api in alipay::Api::all() {
                    let _ = f.error_for(api);
                }
                let _ = f.infer_api();
            })
            .map_err(|e| e.to_string()),
    );
    note(
        serde_json::from_slice::<ApiResult>(bytes)
            .map(|r| {
                let _ = (
                    r.decide(minierr::alipay_plus::CallKind::Idempotent),
                    r.to_string(),
                );
            })
            .map_err(|e| e.to_string()),
    );
    note(
        serde_json::from_slice::<open_platform::Response>(bytes)
            .map(|r| {
                let _ = (r.action(), r.code().to_string());
            })
            .map_err(|e| e.to_string()),
    );
    note(
        minierr::decode(bytes)
            .map(|d| {
                let _ = (
                    d.action(),
                    d.name(),
                    d.code(),
                    d.message_en(),
                    d.remedy_en(),
                    d.category(),
                );
                let _ = serde_json::to_string(&d);
            })
            .map_err(|e| e.to_string()),
    );
    // The serde-free readers must agree with serde_json on any bytes, not just not panic.
    let same = |fast: Result<String, String>, serde: Result<String, String>| {
        assert_eq!(fast, serde, "{:?}", String::from_utf8_lossy(bytes));
    };
    let text = |r: Result<String, serde_json::Error>| r.map_err(|e| e.to_string());
    same(
        text(wx::Fail::from_json_slice(bytes).map(|f| format!("{f:?}"))),
        text(serde_json::from_slice::<wx::Fail>(bytes).map(|f| format!("{f:?}"))),
    );
    same(
        text(alipay::Fail::from_json_slice(bytes).map(|f| format!("{f:?}"))),
        text(serde_json::from_slice::<alipay::Fail>(bytes).map(|f| format!("{f:?}"))),
    );
    same(
        text(ApiResult::from_json_slice(bytes).map(|r| format!("{r:?}"))),
        text(serde_json::from_slice::<ApiResult>(bytes).map(|r| format!("{r:?}"))),
    );
    same(
        text(open_platform::Response::from_json_slice(bytes).map(|r| format!("{r:?}"))),
        text(serde_json::from_slice::<open_platform::Response>(bytes).map(|r| format!("{r:?}"))),
    );
    errors
}

/// A decoder run for its error text.
type ErrorOf = Box<dyn Fn(&[u8]) -> Option<String>>;

/// Any JSON value, nested a few levels, with strings that include escapes and non-ASCII text.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
        "[0-9]{1,25}".prop_map(Value::from),
        Just(Value::from("-1")),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: [&str; 14] = [
    "errMsg",
    "errno",
    "errCode",
    "error",
    "errorMessage",
    "status",
    "resultCode",
    "resultStatus",
    "resultMessage",
    "result",
    "code",
    "msg",
    "message",
    "data",
];

/// Objects built from the platforms' real field names, each holding any value.
fn payload_like() -> impl Strategy<Value = Value> {
    prop::collection::vec((prop::sample::select(FIELDS.to_vec()), any_json()), 0..6).prop_map(
        |fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        decode_everything(&bytes);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(&bytes);
        decode_everything(&with_bom);
    }

    #[test]
    fn arbitrary_json_with_real_field_names_never_panics(value in payload_like()) {
        let text = value.to_string();
        decode_everything(text.as_bytes());
        // The same object with a duplicated field and a trailing extra one.
        if let Some((key, v)) = value.as_object().and_then(|o| o.iter().next()) {
            let dup = format!("{{{k}:{v},{rest}", k = json!(key), rest = &text[1..]);
            decode_everything(dup.as_bytes());
        }
    }

    #[test]
    fn decode_names_a_platform_whose_fields_the_payload_has(value in payload_like()) {
        use minierr::Platform;
        let text = value.to_string();
        let Ok(d) = minierr::decode(text.as_bytes()) else {
            return Ok(());
        };
        // The evidence each platform's shape needs, read from the object's keys (the README's
        // field table), not from minierr's detector.
        let Some(object) = value.as_object() else {
            return Ok(());
        };
        let has = |key: &str| object.contains_key(key);
        let evidence = match d.platform() {
            Platform::Wechat | Platform::WechatCloud => has("errMsg") || has("errno") || has("detail"),
            // A Cloud openapi failure is the server's answer, carried in errMsg.
            Platform::WechatServer => has("errcode") || has("errmsg") || has("errMsg"),
            Platform::Alipay => ["error", "errorMessage", "resultCode", "resultStatus"].iter().any(|k| has(k)),
            Platform::AlipayPlus => has("result") || has("resultCode"),
            Platform::OpenPlatform => has("code"),
            Platform::AlipayGateway => has("code") || has("sub_code") || object.keys().any(|k| k.ends_with("_response")),
            _ => false,
        };
        prop_assert!(evidence, "{} decoded as {}", text, d.platform());
        // The platform's own decoder accepts what detection gave it.
        prop_assert!(minierr::decode_as(text.as_bytes(), d.platform(), &minierr::DecodeOptions::new()).is_ok() || d.platform() == Platform::WechatServer, "{}", text);
    }

    #[test]
    fn wrong_types_are_errors_that_name_the_field(bad in prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        prop::collection::vec(any::<i8>(), 0..3).prop_map(|v| json!(v)),
        any::<f64>().prop_filter("finite, not integral", |f| f.is_finite() && f.fract() != 0.0).prop_map(Value::from),
        Just(json!({"nested": true})),
    ]) {
        let cases: [(Value, &str, ErrorOf); 5] = [
            (json!({"errMsg": "x", "errno": bad}), "WeChat errno", Box::new(|b| serde_json::from_slice::<wx::Fail>(b).err().map(|e| e.to_string()))),
            (json!({"errMsg": "x", "errCode": bad}), "errCode", Box::new(|b| serde_json::from_slice::<wx::Fail>(b).err().map(|e| e.to_string()))),
            (json!({"error": 1, "status": bad}), "status", Box::new(|b| serde_json::from_slice::<alipay::Fail>(b).err().map(|e| e.to_string()))),
            (json!({"resultCode": "X", "resultStatus": bad}), "resultStatus", Box::new(|b| serde_json::from_slice::<ApiResult>(b).err().map(|e| e.to_string()))),
            (json!({"code": bad, "msg": "m"}), "code as", Box::new(|b| serde_json::from_slice::<open_platform::Response>(b).err().map(|e| e.to_string()))),
        ];
        for (payload, field, decoder) in cases {
            let text = payload.to_string();
            let err = decoder(text.as_bytes());
            prop_assert!(err.as_ref().is_some_and(|e| e.contains(field)), "{text}: {err:?} lacks {field:?}");
        }
        // A wrong-typed string field names itself too.
        if !bad.is_string() {
            for (payload, field) in [
                (json!({"errMsg": bad}), "errMsg as a string"),
                (json!({"errorMessage": bad}), "errorMessage as a string"),
                (json!({"resultCode": bad}), "resultCode as a string"),
            ] {
                let text = payload.to_string();
                let wx_or_alipay: Vec<String> = decode_everything(text.as_bytes());
                prop_assert!(wx_or_alipay.iter().any(|e| e.contains(field)), "{text}: {wx_or_alipay:?}");
            }
        }
    }

    #[test]
    fn any_errno_round_trips(code in any::<u32>(), as_string in any::<bool>()) {
        let sent = if as_string { json!(code.to_string()) } else { json!(code) };
        let text = json!({"errMsg": "a:fail b", "errno": sent}).to_string();
        let fail: wx::Fail = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(fail.errno().map(|c| c.raw()), Some(code));
        let again = serde_json::to_string(&fail).unwrap();
        prop_assert_eq!(again.clone(), format!(r#"{{"errMsg":"a:fail b","errno":{code}}}"#));
        prop_assert_eq!(serde_json::from_str::<wx::Fail>(&again).unwrap(), fail);
    }

    #[test]
    fn any_open_platform_code_round_trips(code in any::<i64>()) {
        let text = format!(r#"{{"code":{code},"msg":"m"}}"#);
        let response: open_platform::Response = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(response.code().raw(), code);
        prop_assert_eq!(serde_json::to_string(&response).unwrap(), text);
    }

    #[test]
    fn any_result_code_round_trips(code in ".{0,40}", status in "[A-Z]") {
        let text = json!({"resultCode": code, "resultStatus": status}).to_string();
        let result: ApiResult = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(result.result_code().raw(), code.as_str());
        prop_assert_eq!(result.result_code().is_known(), ResultCode::from_code(&code).is_some());
        let again = serde_json::to_string(&result).unwrap();
        prop_assert_eq!(serde_json::from_str::<ApiResult>(&again).unwrap(), result);
        prop_assert_eq!(again, text);
    }

    #[test]
    fn any_alipay_error_value_round_trips(error in prop_oneof![
        any::<i64>().prop_map(Value::from),
        ".{0,30}".prop_map(Value::from),
    ], message in ".{0,30}") {
        let text = json!({"error": error, "errorMessage": message}).to_string();
        let fail: alipay::Fail = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(serde_json::to_string(&fail).unwrap(), text);
    }

    #[test]
    fn long_strings_decode(len in 0usize..200_000) {
        let reason = "x".repeat(len);
        let text = json!({"errMsg": format!("request:fail {reason}")}).to_string();
        let fail: wx::Fail = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(fail.reason().len(), len);
        prop_assert!(fail.resolved_errno().is_none());
    }
}

#[test]
fn known_codes_serialise_to_exactly_the_text_they_came_from() {
    for errno in wx::Errno::all() {
        assert_eq!(
            serde_json::to_string(&errno).unwrap(),
            errno.code().to_string()
        );
    }
    for code in ResultCode::all() {
        let text = format!(r#"{{"resultCode":"{code}","resultStatus":"F"}}"#);
        let result: ApiResult = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_string(&result).unwrap(), text);
    }
    for code in open_platform::Code::all() {
        let text = format!(r#"{{"code":{}}}"#, code.code());
        let response: open_platform::Response = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_string(&response).unwrap(), text);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    for payload in [
        format!(r#"{{"errMsg":"a","extra":{nested}}}"#),
        format!(r#"{{"error":1,"data":{nested}}}"#),
        format!(r#"{{"result":{nested}}}"#),
        format!(r#"{{"code":1,"data":{nested}}}"#),
    ] {
        let errors = decode_everything(payload.as_bytes());
        assert!(
            errors.iter().any(|e| e.contains("recursion limit")),
            "{errors:?}"
        );
    }
}

#[test]
fn invalid_utf8_is_an_error() {
    let payload = b"{\"errMsg\":\"request:fail \xff\xfe\",\"errno\":5}";
    assert!(serde_json::from_slice::<wx::Fail>(payload).is_err());
    let err = minierr::decode(payload).unwrap_err().to_string();
    assert!(err.contains("UTF-8") || err.contains("unicode"), "{err}");
}

/// Pieces of the lines the text forms read (hosts, SDK labels, statuses, codes and their
/// messages) and of the lines they must not (a program's own words), to join at random.
const LINE_PIECES: &[&str] = &[
    "POST",
    "https://api.mch.weixin.qq.com/v3/refund/domestic/refunds",
    "https://qyapi.weixin.qq.com/cgi-bin/gettoken",
    "HTTP/1.1 500",
    "HTTP/2 401",
    "com.wechat.pay.contrib.apache.httpclient.SignatureExec",
    "status code[401]",
    "request:fail",
    "navigateTo:fail",
    "timeout",
    "errcode",
    "40001",
    "42001",
    "invalid credential",
    "invalid openid",
    "access_token超时，请检查access_token的有效期",
    "rid:",
    "hint: [abc]",
    "my.request",
    "Invalid Arguments",
    "invalid-signature",
    "Error:",
    "TypeError:",
    "签名错误",
    "at Payment._parse (x)",
    "SYSTEMERROR",
    "INFO",
    "served",
    "in",
    "96",
    "ms",
    "-",
    ",",
    ":",
    "=",
    "page",
    "/pages/x",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// In a debug build, `decode_line` checks every line its first look rules out against every
    /// text form, and panics if a form would have read it: lines made of the forms' own pieces
    /// find any form the look misses.
    #[test]
    #[cfg_attr(not(debug_assertions), ignore = "the check is a debug assertion in decode_line")]
    fn the_first_look_never_rules_out_a_line_a_form_reads(
        pieces in prop::collection::vec(prop::sample::select(LINE_PIECES.to_vec()), 1..8),
        joiner in prop::sample::select(vec![" ", " ", ": "]),
    ) {
        let line = pieces.join(joiner);
        let _ = minierr::line::decode_line(&line, &minierr::DecodeOptions::new());
    }
}

/// Lines made of one mark repeated, each a shape that once made a text form search the rest of
/// the line from every copy of its mark, so that time grew with the square of the line's
/// length (a 1 MB line of `my.` took over 30 s, one of `_` as long). Each is 48 KB here, inside
/// the part of a line the text forms read, so the forms themselves are what is exercised:
/// each is read in one pass, as before its answer. `benches/pathological.sh` measures them.
#[test]
fn a_mark_repeated_across_a_line_gives_the_answer_it_gave_when_short() {
    use minierr::line::{LineError, decode_line};
    let options = minierr::DecodeOptions::new();
    let repeat = |unit: &str, before: &str, after: &str| {
        let copies = 48_000 / unit.len();
        format!("{before}{}{after}", unit.repeat(copies))
    };
    let no_payload = [
        repeat("[", "", ""),
        repeat(" [", "", ""),
        repeat(": [", "", ""),
        repeat("hint: [", "", ""),
        repeat("my.", "", ""),
        repeat("code:“ ", "", ""),
        repeat("code: string(", "", ""),
        repeat(" x] =>", "[errcode] =>", ""),
        repeat("a\\\"", "x \"", ""),
        repeat("a\\\"", "x \"", "\tz"),
        repeat("\\\"", "x ", "\\x end"),
        repeat("_", "", ""),
        repeat("SYSTEM_ERROR ", "", ""),
        repeat("40001 ,", "", ""),
    ];
    for line in &no_payload {
        assert!(
            matches!(decode_line(line, &options), Err(LineError::NoPayload)),
            "{}…",
            line.get(..40).unwrap_or(line)
        );
    }
    // A long identifier run before many full-width `：fail`s is no API's name; a JSON errMsg
    // has no 64 KiB bound, so this one is longer.
    let run = format!(
        r#"{{"errMsg":"{}-{}"}}"#,
        "a".repeat(100_000),
        "：fail ".repeat(10_000)
    );
    let found = decode_line(&run, &options).map(|(_, d)| (d.platform(), d.action()));
    assert_eq!(found.ok(), Some((minierr::Platform::Wechat, None)));
    assert!(matches!(
        decode_line(&repeat(",my.request", "x ", ""), &options),
        Err(LineError::NoPayload)
    ));
    // Shapes with a payload keep its answer: the code sent, however long the message.
    let cloud = repeat("s:fail -1 ", "errCode: -501000 | errMsg: ", "");
    let advice = repeat(
        "a, ",
        r#"{"errcode":40001,"errmsg":""#,
        r#"see https://x"}"#,
    );
    for (line, code) in [(&cloud, "-501000"), (&advice, "40001")] {
        let found = decode_line(line, &options).map(|(_, d)| d.code().map(|c| c.to_string()));
        assert_eq!(found.ok().flatten().as_deref(), Some(code));
    }
}

/// The text forms read a line's first [`MAX_TEXT_FORM_BYTES`](minierr::line::MAX_TEXT_FORM_BYTES);
/// a JSON object is found anywhere in it.
#[test]
fn text_forms_read_the_start_of_a_long_line() {
    use minierr::line::{Found, LineError, MAX_TEXT_FORM_BYTES, decode_line};
    let options = minierr::DecodeOptions::new();
    let filler = |bytes: usize| "x ".repeat(bytes / 2);
    let text = "errcode: 40001, errmsg: invalid credential";
    let early = format!("{text} {}", filler(MAX_TEXT_FORM_BYTES));
    let late = format!("{} {text}", filler(MAX_TEXT_FORM_BYTES));
    let json_late = format!(
        r#"{} {{"errcode":40001,"errmsg":"invalid credential"}}"#,
        filler(MAX_TEXT_FORM_BYTES)
    );
    let found = |line: &str| {
        decode_line(line, &options).map(|(found, d)| (found, d.code().map(|c| c.to_string())))
    };
    assert_eq!(
        found(&early).ok(),
        Some((Found::Fields, Some("40001".to_owned())))
    );
    assert!(matches!(found(&late), Err(LineError::NoPayload)));
    // A quoted message is read whole, wherever it ends.
    let quoted = format!(
        r#"call failed "api unauthorized, hints: [ req_id: abc ] {}""#,
        filler(MAX_TEXT_FORM_BYTES)
    );
    assert_eq!(
        found(&quoted).ok(),
        Some((Found::JsonString, Some("48001".to_owned())))
    );
    assert_eq!(
        found(&json_late).ok(),
        Some((Found::JsonObject, Some("40001".to_owned())))
    );
}
