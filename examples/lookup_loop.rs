//! One million numeric lookups, for an instruction count that does not depend on machine load:
//!
//! ```text
//! cargo build --release --example lookup_loop
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.base target/release/examples/lookup_loop base
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.hit  target/release/examples/lookup_loop hit
//! callgrind_annotate /tmp/cg.hit | grep 'PROGRAM TOTALS'
//! ```
//!
//! Instructions per lookup = (total of a mode − total of `base`) / 1 000 000. Modes: `base`
//! (the same loop without the lookup), `hit` and `miss` (`wx::Errno::from_code`), `open-hit`
//! (`open_platform::Code::from_code`). `errmsg-hit` and `errmsg-miss` run
//! `wx::Errno::all_with_err_msg` on the catalog's errMsgs and on the same with `!` appended; their
//! loop picks strings, so subtracting `base` leaves a few instructions of loop in their count.

use std::hint::black_box;
use std::process::ExitCode;

const LOOKUPS: usize = 1_000_000;

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let wx_codes: Vec<u32> = minierr::wx::Errno::all()
        .map(minierr::wx::Errno::code)
        .collect();
    let op_codes: Vec<u32> = minierr::open_platform::Code::all()
        .map(minierr::open_platform::Code::code)
        .collect();
    // 1024 inputs spread over the catalog (hits), and the first unknown code after each (misses).
    let spread = |codes: &[u32]| -> Vec<u32> {
        (0..1024).map(|i| codes[(i * 7919) % codes.len()]).collect()
    };
    let (hits, op_hits) = (spread(&wx_codes), spread(&op_codes));
    let misses: Vec<u32> = hits
        .iter()
        .map(|&c| {
            (c + 1..)
                .find(|&n| minierr::wx::Errno::from_code(n).is_none())
                .unwrap_or(c)
        })
        .collect();
    let mut found = 0usize;
    match mode.as_str() {
        "base" => {
            for i in 0..LOOKUPS {
                found += usize::from(black_box(hits[i & 1023]) != 0);
            }
        }
        "hit" | "miss" => {
            let input = if mode == "hit" { &hits } else { &misses };
            for i in 0..LOOKUPS {
                found += usize::from(
                    minierr::wx::Errno::from_code(black_box(input[i & 1023])).is_some(),
                );
            }
        }
        "open-hit" => {
            for i in 0..LOOKUPS {
                found += usize::from(
                    minierr::open_platform::Code::from_code(black_box(op_hits[i & 1023])).is_some(),
                );
            }
        }
        "errmsg-hit" => {
            let msgs: Vec<String> = minierr::wx::Errno::all()
                .map(|e| e.err_msg().to_owned())
                .filter(|m| !m.is_empty() && !m.contains('%'))
                .collect();
            for i in 0..LOOKUPS {
                let m = black_box(msgs[(i * 7919) % msgs.len()].as_str());
                found += minierr::wx::Errno::all_with_err_msg(m).len();
            }
        }
        "errmsg-miss" => {
            let msgs: Vec<String> = minierr::wx::Errno::all()
                .map(|e| format!("{}!", e.err_msg()))
                .filter(|m| !m.contains('%'))
                .collect();
            for i in 0..LOOKUPS {
                let m = black_box(msgs[(i * 7919) % msgs.len()].as_str());
                found += minierr::wx::Errno::all_with_err_msg(m).len();
            }
        }
        _ => {
            eprintln!("usage: lookup_loop base|hit|miss|open-hit|errmsg-hit|errmsg-miss");
            return ExitCode::from(2);
        }
    }
    println!("{mode}: {found} of {LOOKUPS} found");
    ExitCode::SUCCESS
}
