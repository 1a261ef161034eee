//! Alipay+ OpenAPI results: the seed's table, the reference's, and the decision rules.

use std::collections::BTreeMap;

use minierr::alipay_plus::{AnyResultCode, ApiResult, CallKind, ResultCode, ResultStatus};
use minierr::{Action, Reliability};

mod support;

/// One row of the reference table, read with nothing but `split('\t')`.
struct Row {
    api: String,
    status: String,
    code: String,
    message: String,
    reliability: String,
}

fn reference() -> Vec<Row> {
    support::reference(
        "alipayplus_openapi_result_codes.tsv",
        &[
            "api",
            "resultStatus",
            "resultCode",
            "resultMessage_or_desc",
            "reliability",
        ],
        |c| Row {
            api: c[0].to_owned(),
            status: c[1].to_owned(),
            code: c[2].to_owned(),
            message: c[3].to_owned(),
            reliability: c[4].to_owned(),
        },
    )
}

/// The one spelling left out: a copy cut `REQUEST_TRAFFIC_EXCEED_LIMIT` short, and no other
/// source sends it. The full code's note must say so.
const CUT_SHORT: &str = "REQUEST_TRAFFIC_EXCEED_LIMI";

#[test]
fn every_reference_row_is_in_the_catalog() {
    let rows = reference();
    assert_eq!(rows.len(), 114, "the reference table has 114 rows");
    // The best reliability any row gives a code is the catalog's.
    let mut best: BTreeMap<&str, &str> = BTreeMap::new();
    for row in &rows {
        if row.code == CUT_SHORT {
            assert!(!AnyResultCode::new(CUT_SHORT).is_known());
            let note = ResultCode::RequestTrafficExceedLimit
                .note()
                .unwrap_or_default();
            assert!(note.contains(CUT_SHORT), "{note}");
            continue;
        }
        let known =
            ResultCode::from_code(&row.code).unwrap_or_else(|| panic!("{} missing", row.code));
        assert_eq!(known.code(), row.code);
        // The seed gives throttling F, the copies U: the seed wins, and the note says so.
        if known == ResultCode::RequestTrafficExceedLimit {
            assert_eq!(row.status, "U");
            assert_eq!(known.documented_status(), ResultStatus::Failed);
            assert!(known.note().is_some_and(|n| n.contains(" U")));
        } else {
            assert_eq!(
                known.documented_status().to_string(),
                row.status,
                "{}",
                row.code
            );
        }
        // The API the row is listed under, by its path.
        let path = row.api.split_whitespace().next().unwrap_or_default();
        assert!(
            known.apis().contains(path),
            "{}: {} lacks {path}",
            row.code,
            known.apis()
        );
        let label = row
            .reliability
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let entry = best.entry(known.code()).or_insert(label);
        if label == "secondary" {
            *entry = label;
        }
    }
    for (code, label) in &best {
        let known = ResultCode::from_code(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(known.reliability().as_str(), *label, "{code}");
    }
    // Every catalog code is the reference's but the seed's, which the seed test checks.
    assert_eq!(
        best.len(),
        ResultCode::COUNT,
        "codes in the catalog but not the reference"
    );
    // A code the seed does not hold keeps a copy's English resultMessage byte for byte, and
    // none only where every copy's text is Spanish or missing.
    let seed: Vec<String> = seed_rows().into_iter().map(|(code, ..)| code).collect();
    for code in ResultCode::all().filter(|c| *c != ResultCode::Success) {
        if seed.iter().any(|s| s == code.code()) {
            continue;
        }
        let copies: Vec<&str> = rows
            .iter()
            .filter(|r| r.code == code.code() && !r.message.is_empty())
            .map(|r| r.message.as_str())
            .collect();
        let machine = code.result_message();
        if machine.is_empty() {
            assert!(
                copies.iter().all(|m| m.starts_with("(es)")),
                "{code:?}: {copies:?}"
            );
        } else {
            assert!(
                copies.contains(&machine),
                "{code:?}: {machine:?} is none of {copies:?}"
            );
        }
    }
}

#[test]
fn every_code_has_a_step_a_remedy_and_both_languages() {
    for code in ResultCode::all() {
        assert!(
            code.remedy_en().is_some_and(|r| r.ends_with('.')),
            "{code:?}"
        );
        assert!(
            code.remedy_zh().is_some_and(|r| r.ends_with('。')),
            "{code:?}"
        );
        assert!(!code.message_en().is_empty(), "{code:?}");
        assert!(!code.message_zh().is_empty(), "{code:?}");
        assert!(
            !code.source().is_empty() && !code.apis().is_empty(),
            "{code:?}"
        );
        // No official page was found for any of these tables.
        assert_ne!(code.reliability(), Reliability::Official, "{code:?}");
        // Where a remedy or description is minierr's, the note says so.
        if !code.source().starts_with("seed 002") && code != ResultCode::Success {
            assert!(
                code.note().is_some_and(|n| n.contains("minierr's")),
                "{code:?}"
            );
        }
    }
}

/// Money-moving safety: a status that leaves the outcome open (`U`, `A`) is never repeated
/// blindly on a payment, whatever the code, and neither is a code whose documented status is
/// one of those, sent without a letter. Throttling and an expired token are the two codes that
/// decide under any letter (the seed and the copies disagree on throttling's letter; an
/// expired token was refused, so nothing was spent).
#[test]
fn open_outcomes_are_reconciled_on_a_payment() {
    let any_letter = [
        ResultCode::RequestTrafficExceedLimit,
        ResultCode::ExpiredAccessToken,
    ];
    for code in ResultCode::all().filter(|c| !any_letter.contains(c)) {
        for status in [ResultStatus::Unknown, ResultStatus::Accepted] {
            let action =
                ApiResult::new(code.code(), Some(status), None).action(CallKind::MovesMoney);
            assert_eq!(action, Action::Reconcile, "{code:?} {status:?}");
        }
        if matches!(
            code.documented_status(),
            ResultStatus::Unknown | ResultStatus::Accepted
        ) {
            let bare = ApiResult::new(code.code(), None, None).action(CallKind::MovesMoney);
            assert_eq!(bare, Action::Reconcile, "{code:?} without a status");
        }
    }
}

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
    assert_eq!(
        ResultCode::all().count(),
        39,
        "the seven, SUCCESS and 31 API-specific codes"
    );
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
        // The API-specific codes, each by its meaning in the payment and token pages.
        ("RISK_REJECT", Some('F'), MovesMoney, AskUser),
        ("USER_BALANCE_NOT_ENOUGH", Some('F'), MovesMoney, AskUser),
        ("INSUFFICIENT_BALANCE", Some('F'), MovesMoney, AskUser),
        ("USER_NOT_EXIST", None, Idempotent, AskUser),
        ("REPEAT_REQ_INCONSISTENT", Some('F'), MovesMoney, Reconcile),
        ("ORDER_STATUS_INVALID", Some('F'), MovesMoney, Reconcile),
        ("PAYMENT_IN_PROCESS", None, MovesMoney, Reconcile),
        ("ACCEPT", None, MovesMoney, Reconcile),
        ("INVALID_ACCESS_TOKEN", Some('F'), MovesMoney, Refresh),
        ("INVALID_ACCESS_TOKEN", Some('U'), MovesMoney, Reconcile),
        ("AUTH_CODE_ALREADY_USED", Some('F'), MovesMoney, Reconcile),
        ("USED_CODE", Some('F'), Idempotent, Refresh),
        ("INVALID_REFRESH_TOKEN", Some('F'), Idempotent, AskUser),
        ("PARTNER_NOT_EXIST", Some('F'), MovesMoney, FixConfig),
        ("CURRENCY_NOT_SUPPORT", Some('F'), MovesMoney, FixRequest),
        // Codes no source lists: the letter decides, and F gives no way forward.
        ("PAYMENT_COUNT_EXCEED_LIMIT", Some('F'), Idempotent, GiveUp),
        ("PAYMENT_COUNT_EXCEED_LIMIT", None, Idempotent, GiveUp),
        (CUT_SHORT, Some('U'), MovesMoney, Reconcile),
        ("UNKNOWN_EXCEPTION", Some('F'), Idempotent, GiveUp),
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
    let json =
        r#"{"resultCode":"PAYMENT_COUNT_EXCEED_LIMIT","resultStatus":"P","resultMessage":"x"}"#;
    let r: ApiResult = serde_json::from_str(json).unwrap();
    assert_eq!(r.result_code().raw(), "PAYMENT_COUNT_EXCEED_LIMIT");
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
