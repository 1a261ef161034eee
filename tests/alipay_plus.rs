//! Alipay+ OpenAPI results: the seed's table and the decision rules.

use minierr::Action;
use minierr::alipay_plus::{AnyResultCode, ApiResult, CallKind, ResultCode, ResultStatus};

mod support;

/// (resultCode, resultStatus, resultMessage) for every row of seed 002's common-code table.
fn seed_rows() -> Vec<(String, String, String)> {
    let text = support::seed("002_");
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let is_code = line.len() > 3 && line.bytes().all(|b| b.is_ascii_uppercase() || b == b'_');
        if is_code && matches!(lines.get(i + 1), Some(&("S" | "F" | "U"))) {
            rows.push((
                line.to_string(),
                lines[i + 1].to_string(),
                lines[i + 2].to_string(),
            ));
        }
    }
    rows
}

#[test]
fn every_seed_row_is_in_the_catalog() {
    let rows = seed_rows();
    assert_eq!(rows.len(), 7, "the seed's common table has seven codes");
    for (code, status, message) in &rows {
        let known = ResultCode::from_code(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(known.code(), code);
        assert_eq!(known.documented_status().to_string(), *status, "{code}");
        assert_eq!(known.result_message(), message, "{code}");
        assert!(known.remedy_en().is_some_and(|r| !r.is_empty()) && !known.message_zh().is_empty());
    }
    assert_eq!(ResultCode::all().count(), 8, "the seven plus SUCCESS");
    assert_eq!(ResultCode::from_code("SUCCESS"), Some(ResultCode::Success));
}

#[test]
fn every_code_round_trips() {
    for code in ResultCode::all() {
        assert_eq!(ResultCode::from_code(code.code()), Some(code));
        assert_eq!(AnyResultCode::new(code.code()), AnyResultCode::Known(code));
        // Display is every catalog's one form: the code first, then its message.
        assert!(code.to_string().starts_with(code.code()), "{code}");
        assert!(code.to_string().contains(code.result_message()), "{code}");
    }
}

fn result(code: &str, status: Option<char>) -> ApiResult<'_> {
    ApiResult::new(code, status.map(ResultStatus::from_char), None)
}

#[test]
fn decisions_follow_the_rules() {
    use Action::*;
    use CallKind::*;
    let cases = [
        ("SUCCESS", Some('S'), Idempotent, Success),
        ("ACCEPT", Some('A'), MovesMoney, Reconcile),
        ("UNKNOWN_EXCEPTION", Some('U'), Idempotent, Retry),
        ("UNKNOWN_EXCEPTION", Some('U'), MovesMoney, Reconcile),
        ("PAYMENT_IN_PROCESS", Some('U'), MovesMoney, Reconcile),
        ("PAYMENT_IN_PROCESS", Some('U'), Idempotent, Retry),
        ("EXPIRED_ACCESS_TOKEN", Some('F'), MovesMoney, Refresh),
        ("EXPIRED_ACCESS_TOKEN", Some('U'), Idempotent, Refresh),
        (
            "REQUEST_TRAFFIC_EXCEED_LIMIT",
            Some('F'),
            Idempotent,
            Backoff,
        ),
        (
            "REQUEST_TRAFFIC_EXCEED_LIMIT",
            Some('U'),
            MovesMoney,
            Backoff,
        ),
        ("REQUEST_TRAFFIC_EXCEED_LIMIT", None, Idempotent, Backoff),
        ("PARAM_ILLEGAL", Some('F'), Idempotent, FixRequest),
        ("INVALID_API", Some('F'), Idempotent, FixRequest),
        ("ACCESS_DENIED", Some('F'), Idempotent, FixConfig),
        ("PROCESS_FAIL", Some('F'), Idempotent, GiveUp),
        ("RISK_REJECT", Some('F'), Idempotent, GiveUp),
        ("UNKNOWN_EXCEPTION", Some('F'), Idempotent, GiveUp),
        ("USER_NOT_EXIST", None, Idempotent, GiveUp),
        ("UNKNOWN_EXCEPTION", None, Idempotent, Retry),
        ("UNKNOWN_EXCEPTION", None, MovesMoney, Reconcile),
        ("PARAM_ILLEGAL", None, Idempotent, FixRequest),
        ("SUCCESS", Some('X'), Idempotent, GiveUp),
        ("PROCESS_FAIL", Some('S'), MovesMoney, Success),
    ];
    for (code, status, call, expected) in cases {
        let r = result(code, status);
        let decision = r.decide(call);
        assert_eq!(
            decision.action, expected,
            "{code} {status:?} {call:?}: {}",
            decision.reason
        );
        assert!(decision.reason.ends_with('.'), "{}", decision.reason);
    }
    let odd = result("SUCCESS", Some('X')).decide(CallKind::Idempotent);
    assert!(odd.reason.contains("unrecognised resultStatus"));
}

#[cfg(feature = "serde")]
#[test]
fn results_decode_bare_and_enveloped() {
    let bare = r#"{"resultCode":"PARAM_ILLEGAL","resultStatus":"F","resultMessage":"Illegal parameters."}"#;
    let enveloped = format!(r#"{{"extendInfo":{{"a":1}},"result":{bare},"accessToken":"t"}}"#);
    let a: ApiResult = serde_json::from_str(bare).unwrap();
    let b: ApiResult = serde_json::from_str(&enveloped).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.result_code(), &ResultCode::ParamIllegal);
    assert_eq!(a.result_message(), Some("Illegal parameters."));
    assert_eq!(serde_json::to_string(&a).unwrap(), bare);

    // Borrowed: the message points into the input.
    let start = bare.as_ptr() as usize;
    let msg = a.result_message().unwrap().as_ptr() as usize;
    assert!(msg > start && msg < start + bare.len());
}

#[cfg(feature = "serde")]
#[test]
fn unknown_codes_and_letters_are_kept() {
    let json = r#"{"resultCode":"USER_BALANCE_NOT_ENOUGH","resultStatus":"P","resultMessage":"x"}"#;
    let r: ApiResult = serde_json::from_str(json).unwrap();
    assert_eq!(r.result_code().raw(), "USER_BALANCE_NOT_ENOUGH");
    assert!(!r.result_code().is_known());
    assert_eq!(r.result_status().map(ResultStatus::letter), Some('P'));
    assert_eq!(serde_json::to_string(&r).unwrap(), json);
    assert_eq!(r.action(CallKind::Idempotent), Action::GiveUp);
}

#[cfg(feature = "serde")]
#[test]
fn bad_results_are_errors_that_name_the_problem() {
    let cases = [
        ("{}", "missing field `resultCode`"),
        (r#"{"resultStatus":"F"}"#, "missing field `resultCode`"),
        (r#"{"resultCode":5}"#, "resultCode as a string"),
        (
            r#"{"resultCode":"X","resultStatus":"FAILED"}"#,
            "not a single letter",
        ),
        (
            r#"{"resultCode":"X","resultStatus":1}"#,
            "resultStatus as a one-letter string",
        ),
        (
            r#"{"resultCode":"X","resultMessage":[]}"#,
            "resultMessage as a string",
        ),
        (
            r#"{"result":{"resultCode":"X"},"resultCode":"Y"}"#,
            "both a \"result\" object",
        ),
        (r#"{"result":"SUCCESS"}"#, "an Alipay+ result object"),
        (
            r#"{"resultCode":"X","resultCode":"Y"}"#,
            "duplicate field `resultCode`",
        ),
        ("[]", "an Alipay+ result object"),
    ];
    for (json, needle) in cases {
        let err = serde_json::from_str::<ApiResult>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{json}: {err:?} lacks {needle:?}");
    }
}
