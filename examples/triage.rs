//! Triage a log of WeChat fail payloads: one JSON object per line, one diagnosis per line.
//!
//! ```text
//! cargo run --example triage -- examples/data/wechat_fails.jsonl
//! ```
//!
//! Lines that are not fail payloads are reported with their line number and skipped (the sample
//! log has three on purpose); the exit status is 2 only if the file cannot be read.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;

use minierr::Action;
use minierr::wx::{AnyErrno, Errno, Fail};

const DEFAULT_LOG: &str = "examples/data/wechat_fails.jsonl";

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_LOG.to_owned());
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("cannot open {path}: {e}");
            return ExitCode::from(2);
        }
    };

    let mut by_action: BTreeMap<String, usize> = BTreeMap::new();
    let mut bad_lines = 0;
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let number = index + 1;
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                eprintln!("{path}:{number}: unreadable: {e}");
                bad_lines += 1;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        match Fail::from_json_str(&line) {
            Ok(fail) => {
                let action = fail.action();
                let label = action.map_or("unknown", Action::as_str).to_owned();
                *by_action.entry(label).or_default() += 1;
                println!("{number:>3}  {}", diagnose(&fail));
            }
            Err(e) => {
                bad_lines += 1;
                println!("{number:>3}  not a WeChat fail payload: {e}");
            }
        }
    }

    println!();
    for (action, count) in &by_action {
        println!("{count:>5}  {action}");
    }
    if bad_lines > 0 {
        println!("{bad_lines:>5}  lines skipped");
    }
    ExitCode::SUCCESS
}

/// One line: what the API said, which code that is, and what to do about it.
fn diagnose(fail: &Fail<'_>) -> String {
    let api = fail.api().unwrap_or("?");
    let origin = if fail.errno().is_some() {
        "errno"
    } else {
        "from errMsg"
    };
    match fail.resolved_errno() {
        Some(AnyErrno::Known(errno)) => format!(
            "{api}: {origin} {} {} [{}] -> {}: {}",
            errno.code(),
            errno.name(),
            errno.subcategory(),
            errno.action(),
            errno.message_en(),
        ),
        Some(AnyErrno::Unknown(unknown)) => format!(
            "{api}: errno {} is newer than this catalog [{}] -> decide from the reason {:?}",
            unknown.raw(),
            AnyErrno::Unknown(unknown).subcategory(),
            fail.reason(),
        ),
        None => match fail.errno_candidates() {
            [] => format!(
                "{api}: no errno and an errMsg outside the catalog: {:?}",
                fail.reason()
            ),
            candidates => format!(
                "{api}: no errno; errMsg fits {}",
                candidates
                    .iter()
                    .map(|e: &Errno| e.code().to_string())
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        },
    }
}
