//! The `from_json_str` / `from_json_slice` decoders and `minierr::decode` read common payloads
//! without serde. Whatever they return must be exactly what serde_json gives for the same text:
//! the same value, or the same error. Inputs are generated as JSON text, not through
//! `serde_json::Value`, so they include what a serialiser never writes: whitespace everywhere,
//! `-0`, leading zeros, escapes, duplicate keys, trailing commas and cut-off text.
#![cfg(feature = "json")]

use std::fmt::Debug;

use minierr::alipay;
use minierr::open_platform;
use minierr::openapi::ApiResult;
use minierr::wx;
use proptest::prelude::*;
use serde::Deserialize;

const KEYS: &[&str] = &[
    r#""errMsg""#,
    r#""errCode""#,
    r#""errno""#,
    r#""error""#,
    r#""errorMessage""#,
    r#""status""#,
    r#""resultCode""#,
    r#""resultStatus""#,
    r#""resultMessage""#,
    r#""result""#,
    r#""code""#,
    r#""msg""#,
    r#""message""#,
    r#""data""#,
    r#""errmsg""#,
    r#""err\u004dsg""#,
    r#""""#,
];

const SCALARS: &[&str] = &[
    r#""request:fail url not in domain list""#,
    r#""someApi:fail time out""#,
    r#""F""#,
    r#""U""#,
    r#""SU""#,
    r#""""#,
    r#""PARAM_ILLEGAL""#,
    r#""SUCCESS""#,
    r#""签名无效""#,
    r#""用户取消授权""#,
    r#""a\"b""#,
    r#""a\u00e9""#,
    "\"tab\there\"",
    r#""600002""#,
    r#""-3""#,
    "0",
    "-0",
    "1",
    "-1",
    "01",
    "1.0",
    "1e2",
    "-",
    "5",
    "600002",
    "1509999",
    "4004",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "null",
    "true",
    "false",
    "nul",
];

const WHITESPACE: &[&str] = &["", "", "", " ", "\n", "\r\n\t"];

/// Bits of text inserted by the mutations.
const SPLINTERS: &[&str] = &[
    "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "0", "-", ".", "e", "null", "\u{feff}", "x",
];

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(items)
}

/// `"key":value` with whitespace around the parts.
fn entry(
    key: impl Strategy<Value = String>,
    value: impl Strategy<Value = String>,
) -> impl Strategy<Value = String> {
    (
        pick(WHITESPACE),
        key,
        pick(WHITESPACE),
        value,
        pick(WHITESPACE),
    )
        .prop_map(|(before, key, after, value, end)| format!("{before}{key}{after}:{value}{end}"))
}

fn object(entries: impl Strategy<Value = Vec<String>>) -> impl Strategy<Value = String> {
    entries.prop_map(|entries| format!("{{{}}}", entries.join(",")))
}

/// Any value, nested up to three deep.
fn value() -> BoxedStrategy<String> {
    pick(SCALARS)
        .prop_map(str::to_owned)
        .prop_recursive(3, 24, 5, |inner| {
            prop_oneof![
                3 => object(prop::collection::vec(entry(pick(KEYS).prop_map(str::to_owned), inner.clone()), 0..5)),
                1 => prop::collection::vec(inner, 0..3).prop_map(|v| format!("[{}]", v.join(","))),
            ]
        })
        .boxed()
}

/// A field of a platform's payload: usually present, usually with a value of the kind the
/// platform sends, sometimes with anything at all.
fn field(key: &'static str, typical: BoxedStrategy<String>) -> BoxedStrategy<Option<String>> {
    let value = prop_oneof![9 => typical, 1 => value()];
    prop::option::weighted(0.8, entry(Just(format!("\"{key}\"")), value)).boxed()
}

fn typical(values: &'static [&'static str]) -> BoxedStrategy<String> {
    pick(values).prop_map(str::to_owned).boxed()
}

const MESSAGES: &[&str] = &[
    r#""request:fail url not in domain list""#,
    r#""getLocation:fail auth deny""#,
    r#""用户取消授权""#,
    r#""签名无效""#,
    r#""Illegal parameters.""#,
    r#""x:fail \"quoted\"""#,
    "null",
];
const INTEGERS: &[&str] = &[
    "5",
    "600002",
    "1509999",
    "4004",
    "14",
    "200",
    "0",
    "4294967296",
    "-1",
    r#""600002""#,
    "null",
];
const STATUS: &[&str] = &[
    r#""F""#, r#""U""#, r#""S""#, r#""A""#, r#""Z""#, r#""""#, r#""SU""#, "null",
];
const RESULT_CODES: &[&str] = &[
    r#""PARAM_ILLEGAL""#,
    r#""SUCCESS""#,
    r#""RISK_REJECT""#,
    r#""6004""#,
    "null",
];

/// One platform's fields (each maybe missing), a few unrelated ones, in any order.
fn platform_object(fields: Vec<BoxedStrategy<Option<String>>>) -> BoxedStrategy<String> {
    let extra_value = prop_oneof![3 => pick(SCALARS).prop_map(str::to_owned), 1 => value()];
    let extra = prop::collection::vec(entry(pick(KEYS).prop_map(str::to_owned), extra_value), 0..3);
    object(
        (fields, extra)
            .prop_map(|(fields, extra)| {
                fields
                    .into_iter()
                    .flatten()
                    .chain(extra)
                    .collect::<Vec<_>>()
            })
            .prop_shuffle(),
    )
    .boxed()
}

fn alipayplus_result() -> BoxedStrategy<String> {
    platform_object(vec![
        field("resultCode", typical(RESULT_CODES)),
        field("resultStatus", typical(STATUS)),
        field("resultMessage", typical(MESSAGES)),
    ])
}

/// Objects shaped like each platform's payloads, and some like none.
fn payload_object() -> impl Strategy<Value = String> {
    prop_oneof![
        platform_object(vec![
            field("errMsg", typical(MESSAGES)),
            field("errno", typical(INTEGERS)),
            field("errCode", typical(INTEGERS)),
        ]),
        platform_object(vec![
            field("error", typical(INTEGERS)),
            field("errorMessage", typical(MESSAGES)),
            field("status", typical(INTEGERS)),
            field("resultCode", typical(RESULT_CODES)),
        ]),
        alipayplus_result(),
        platform_object(vec![
            field("result", alipayplus_result()),
            field("traceId", typical(MESSAGES))
        ]),
        platform_object(vec![
            field("code", typical(INTEGERS)),
            field("msg", typical(MESSAGES)),
            field("message", typical(MESSAGES)),
            field("data", value()),
        ]),
        object(prop::collection::vec(
            entry(pick(KEYS).prop_map(str::to_owned), value()),
            0..6
        )),
    ]
}

/// A payload-shaped object, sometimes surrounded by whitespace and sometimes damaged.
fn payload_text() -> impl Strategy<Value = String> {
    (
        pick(WHITESPACE),
        payload_object(),
        pick(WHITESPACE),
        prop::option::weighted(
            0.2,
            (any::<prop::sample::Index>(), 0usize..3, pick(SPLINTERS)),
        ),
    )
        .prop_map(|(before, body, after, damage)| {
            let mut text = format!("{before}{body}{after}");
            if let Some((at, cut, splinter)) = damage {
                let mut start = at.index(text.len() + 1);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + cut).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(start..end, splinter);
            }
            text
        })
}

/// The fast decoder's answer must be serde_json's.
fn same_as_serde<'a, T>(
    text: &'a str,
    fast: fn(&'a str) -> Result<T, serde_json::Error>,
    fast_slice: fn(&'a [u8]) -> Result<T, serde_json::Error>,
) -> Result<(), TestCaseError>
where
    T: Deserialize<'a> + PartialEq + Debug,
{
    let expected = serde_json::from_str::<T>(text).map_err(|e| e.to_string());
    let got = fast(text).map_err(|e| e.to_string());
    prop_assert_eq!(&got, &expected, "{}", text);
    let got = fast_slice(text.as_bytes()).map_err(|e| e.to_string());
    prop_assert_eq!(&got, &expected, "{}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn fast_decoders_give_serdes_answer(text in payload_text()) {
        same_as_serde(&text, wx::Fail::from_json_str, wx::Fail::from_json_slice)?;
        same_as_serde(&text, alipay::Fail::from_json_str, alipay::Fail::from_json_slice)?;
        same_as_serde(&text, ApiResult::from_json_str, ApiResult::from_json_slice)?;
        same_as_serde(
            &text,
            open_platform::Response::from_json_str,
            open_platform::Response::from_json_slice,
        )?;
    }

    #[test]
    fn decode_gives_the_platform_decoders_answer_on_any_text(text in payload_text()) {
        let options = minierr::DecodeOptions::new();
        if let Ok(diagnosis) = minierr::decode(text.as_bytes()) {
            let careful = minierr::decode_as(text.as_bytes(), diagnosis.platform(), &options).ok();
            prop_assert_eq!(careful.as_ref(), Some(&diagnosis), "{}", text);
        }
    }
}

/// A sample of what the generator makes, so a change that made it produce only garbage (and the
/// properties above vacuous) shows up. Counts on the deterministic seed are 44, 131 and 182.
#[test]
fn the_generator_makes_mostly_valid_payloads() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = payload_text();
    let (mut wx_ok, mut plus_ok, mut decoded) = (0, 0, 0);
    for _ in 0..1000 {
        let text = strategy.new_tree(&mut runner).unwrap().current();
        wx_ok += usize::from(wx::Fail::from_json_str(&text).is_ok());
        plus_ok += usize::from(ApiResult::from_json_str(&text).is_ok());
        decoded += usize::from(minierr::decode(text.as_bytes()).is_ok());
    }
    assert!(wx_ok >= 30, "only {wx_ok} of 1000 are WeChat fail objects");
    assert!(plus_ok >= 90, "only {plus_ok} of 1000 are Alipay+ results");
    assert!(decoded >= 120, "only {decoded} of 1000 decode");
}
