//! One hundred thousand payload decodes, for instruction counts that do not depend on machine
//! load: the ratio of a `minierr` mode to its `-value` mode is the decoding speed-up free of the
//! noise a shared machine puts into criterion's timings.
//!
//! ```text
//! cargo build --release --example decode_loop
//! for mode in base wechat wechat-value alipayplus alipayplus-value; do
//!   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$mode target/release/examples/decode_loop $mode
//!   callgrind_annotate /tmp/cg.$mode | grep 'PROGRAM TOTALS'
//! done
//! ```
//!
//! Instructions per payload = (total of a mode − total of `base`) / 100 000. `wechat` and
//! `alipayplus` decode with `from_json_str` and take the action; the `-value` modes parse a
//! `serde_json::Value` and look the code up in a `HashMap`, as code without minierr would.

use std::collections::HashMap;
use std::hint::black_box;
use std::process::ExitCode;

use minierr::openapi::{ApiResult, CallKind, ResultCode};
use minierr::wx;
use serde_json::Value;

const DECODES: usize = 100_000;

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    // 64 payloads of each kind spread over the catalog; one in sixteen has a code it lacks.
    let errnos: Vec<wx::Errno> = wx::Errno::all().collect();
    let wechat: Vec<String> = (0..64)
        .map(|i| {
            let e = errnos[(i * 7919) % errnos.len()];
            let code = if i % 16 == 0 { 1_509_999 } else { e.code() };
            format!(
                r#"{{"errMsg":"someApi:fail {}","errCode":10001,"errno":{code}}}"#,
                e.err_msg()
            )
        })
        .collect();
    let codes: Vec<ResultCode> = ResultCode::all().collect();
    let alipayplus: Vec<String> = (0..64)
        .map(|i| {
            let code = codes[(i * 7919) % codes.len()];
            let text = if i % 16 == 0 { "RISK_REJECT" } else { code.code() };
            format!(
                r#"{{"result":{{"resultCode":"{text}","resultStatus":"{}","resultMessage":"{}"}}}}"#,
                code.documented_status(),
                code.result_message()
            )
        })
        .collect();
    let wx_map: HashMap<u64, wx::Errno> =
        errnos.iter().map(|e| (u64::from(e.code()), *e)).collect();
    let plus_map: HashMap<&str, ResultCode> = codes.iter().map(|c| (c.code(), *c)).collect();

    // Each mode runs the same loop over its payloads; only the body differs.
    let run = |payloads: &[String], decode: &dyn Fn(&str) -> bool| {
        (0..DECODES)
            .filter(|&i| decode(black_box(payloads[i & 63].as_str())))
            .count()
    };
    let decided = match mode.as_str() {
        "base" => run(&wechat, &|p| !p.is_empty()),
        "wechat" => run(&wechat, &|p| {
            wx::Fail::from_json_str(p).is_ok_and(|fail| fail.action().is_some())
        }),
        "wechat-value" => run(&wechat, &|p| {
            serde_json::from_str::<Value>(p).is_ok_and(|v| {
                let errno = v.get("errno").and_then(Value::as_u64);
                v.get("errMsg").is_some() && errno.and_then(|n| wx_map.get(&n)).is_some()
            })
        }),
        "alipayplus" => run(&alipayplus, &|p| {
            ApiResult::from_json_str(p).is_ok_and(|r| {
                black_box(r.action(CallKind::MovesMoney));
                true
            })
        }),
        "alipayplus-value" => run(&alipayplus, &|p| {
            serde_json::from_str::<Value>(p).is_ok_and(|v| {
                let result = &v["result"];
                let code = result.get("resultCode").and_then(Value::as_str);
                black_box(result.get("resultStatus").and_then(Value::as_str));
                black_box(code.and_then(|c| plus_map.get(c)));
                true
            })
        }),
        _ => {
            eprintln!("usage: decode_loop base|wechat|wechat-value|alipayplus|alipayplus-value");
            return ExitCode::from(2);
        }
    };
    println!("{mode}: {decided} of {DECODES} decided");
    ExitCode::SUCCESS
}
