//! A fixed amount of work per mode, for instruction counts under callgrind that machine load
//! cannot move. `benches/instructions.sh` runs every mode and prints the per-operation counts
//! and the ratios against the baselines; run this binary by hand for one mode:
//!
//! ```text
//! cargo build --release --example instructions
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg target/release/examples/instructions errno-hit
//! ```
//!
//! Every mode does `ops` operations (printed), and `base` does the same loop with no operation;
//! instructions per operation = (total of the mode − total of `base`) / ops.

use std::collections::HashMap;
use std::hint::black_box;
use std::process::ExitCode;

use minierr::{open_platform, wx};

#[path = "../benches/support/mod.rs"]
mod support;
use support::{BATCH, Kind, Maps, SplitMix};

const LOOKUPS: usize = 1_000_000;
const PAYLOADS: usize = 100_000;

/// The modes, with what each runs; `base` is the loop alone.
const MODES: &[(&str, &str)] = &[
    ("base", "the loop alone, subtracted from every other mode"),
    ("errno-hit", "wx::Errno::from_code on catalog codes"),
    (
        "errno-miss",
        "wx::Errno::from_code on codes the catalog lacks",
    ),
    (
        "errno-hashmap-hit",
        "HashMap<u32, Errno>::get on catalog codes",
    ),
    (
        "errno-hashmap-miss",
        "HashMap<u32, Errno>::get on codes the catalog lacks",
    ),
    ("errno-bsearch-hit", "binary search in the sorted codes"),
    (
        "open-hit",
        "open_platform::Code::from_code on catalog codes",
    ),
    (
        "errmsg-hit",
        "wx::Errno::all_with_err_msg on catalog errMsgs (phf)",
    ),
    (
        "errmsg-hashmap-hit",
        "HashMap<&str, Vec<Errno>>::get on the same",
    ),
    (
        "errmsg-miss",
        "wx::Errno::all_with_err_msg on errMsgs with `!` appended",
    ),
    (
        "errmsg-hashmap-miss",
        "HashMap<&str, Vec<Errno>>::get on the same",
    ),
    (
        "base-<kind>",
        "the payload loop alone, subtracted from the payload modes",
    ),
    (
        "decode-<kind>",
        "the payload type's from_json_str, then its action",
    ),
    ("decode-any-<kind>", "minierr::decode_str, then the action"),
    (
        "derive-<kind>",
        "a #[derive(Deserialize)] struct with borrowed fields + HashMap",
    ),
    ("value-<kind>", "serde_json::Value + HashMap"),
];

fn usage() -> ExitCode {
    eprintln!("usage: instructions MODE, where MODE is one of:");
    for (mode, what) in MODES {
        eprintln!("  {mode:<22} {what}");
    }
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    eprintln!("and <kind> is one of {}", kinds.join(", "));
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mode = std::env::args().nth(1).unwrap_or_default();
    // The transport vocabularies' automaton is built once per process, on first use; every mode,
    // the baselines included, builds it here, so the per-operation counts are steady-state ones
    // and the difference of two modes does not carry it.
    minierr::transport::warm_up();
    let mut rng = SplitMix(7);
    let codes: Vec<u32> = wx::Errno::all().map(wx::Errno::code).collect();
    let hits = rng.batch(&codes);
    let misses: Vec<u32> = hits
        .iter()
        .map(|&c| {
            (c + 1..)
                .find(|&n| wx::Errno::from_code(n).is_none())
                .unwrap_or(c)
        })
        .collect();
    let op_codes: Vec<u32> = open_platform::Code::all()
        .map(open_platform::Code::code)
        .collect();
    let op_hits = rng.batch(&op_codes);
    // Owned copies, so neither side can compare pointers to the static literals.
    let err_msgs: Vec<String> = wx::Errno::all()
        .map(wx::Errno::err_msg)
        .filter(|m| !m.is_empty() && !m.contains('%'))
        .map(str::to_owned)
        .collect();
    let msg_hits = rng.batch(&err_msgs);
    let msg_misses: Vec<String> = msg_hits.iter().map(|m| format!("{m}!")).collect();

    let mut found = 0usize;
    let count = |found: &mut usize, some: bool| *found += usize::from(some);
    let ops = match mode.as_str() {
        "base" => {
            for i in 0..LOOKUPS {
                count(&mut found, black_box(hits[i % BATCH]) != 0);
            }
            LOOKUPS
        }
        "errno-hit" | "errno-miss" => {
            let input = if mode == "errno-hit" { &hits } else { &misses };
            for i in 0..LOOKUPS {
                count(
                    &mut found,
                    wx::Errno::from_code(black_box(input[i % BATCH])).is_some(),
                );
            }
            LOOKUPS
        }
        "errno-hashmap-hit" | "errno-hashmap-miss" => {
            let map: HashMap<u32, wx::Errno> = wx::Errno::all().map(|e| (e.code(), e)).collect();
            let input = if mode == "errno-hashmap-hit" {
                &hits
            } else {
                &misses
            };
            for i in 0..LOOKUPS {
                count(
                    &mut found,
                    black_box(map.get(&black_box(input[i % BATCH]))).is_some(),
                );
            }
            LOOKUPS
        }
        "errno-bsearch-hit" => {
            let mut sorted = codes.clone();
            sorted.sort_unstable();
            for i in 0..LOOKUPS {
                count(
                    &mut found,
                    sorted.binary_search(&black_box(hits[i % BATCH])).is_ok(),
                );
            }
            LOOKUPS
        }
        "open-hit" => {
            for i in 0..LOOKUPS {
                let code = black_box(op_hits[i % BATCH]);
                count(&mut found, open_platform::Code::from_code(code).is_some());
            }
            LOOKUPS
        }
        "errmsg-hit" | "errmsg-miss" => {
            let input = if mode == "errmsg-hit" {
                &msg_hits
            } else {
                &msg_misses
            };
            for i in 0..LOOKUPS {
                let text = black_box(input[i % BATCH].as_str());
                count(
                    &mut found,
                    !wx::Errno::all_with_exact_message(text).is_empty(),
                );
            }
            LOOKUPS
        }
        "errmsg-hashmap-hit" | "errmsg-hashmap-miss" => {
            let mut map: HashMap<&str, Vec<wx::Errno>> = HashMap::new();
            for e in wx::Errno::all() {
                map.entry(e.err_msg()).or_default().push(e);
            }
            let input = if mode == "errmsg-hashmap-hit" {
                &msg_hits
            } else {
                &msg_misses
            };
            for i in 0..LOOKUPS {
                count(
                    &mut found,
                    black_box(map.get(black_box(input[i % BATCH].as_str()))).is_some(),
                );
            }
            LOOKUPS
        }
        "recover-base" | "recover-errno" | "recover-errmsg" | "recover-errcode"
        | "recover-cloud" => {
            // Failures built from the catalogs: errno sent; the same reasons as a runtime
            // spells them (space after the colon, capitalised, a full stop) without errno;
            // legacy errCodes with their API; Cloud Error texts with their diagnostics.
            let with_errno: Vec<wx::Fail<'static>> = wx::Errno::all()
                .filter(|e| !e.err_msg().is_empty() && !e.err_msg().contains('%'))
                .map(|e| wx::Fail::new(format!("someApi:fail {}", e.err_msg())).with_errno(e))
                .collect();
            let runtime: Vec<wx::Fail<'static>> = with_errno
                .iter()
                .map(|f| {
                    let reason = f.reason();
                    let mut spelled = reason[..1].to_uppercase();
                    spelled.push_str(&reason[1..]);
                    wx::Fail::new(format!("someApi: fail {spelled}."))
                })
                .collect();
            let legacy: Vec<wx::Fail<'static>> = wx::legacy::Code::all()
                .filter_map(|c| {
                    let api = match c.family() {
                        wx::legacy::Family::Bluetooth => "openBluetoothAdapter",
                        wx::legacy::Family::Wifi => "connectWifi",
                        wx::legacy::Family::Beacon => "startBeaconDiscovery",
                        wx::legacy::Family::SubscribeMessage => "requestSubscribeMessage",
                        _ => return None,
                    };
                    Some(
                        wx::Fail::new(format!("{api}:fail {}", c.err_msg()))
                            .with_err_code(c.err_code()?),
                    )
                })
                .collect();
            let cloud: Vec<wx::cloud::Fail<'static>> = wx::cloud::Code::all()
                .map(|c| {
                    wx::cloud::Fail::new(format!(
                        "Error: cloud.callFunction:fail Error: errCode: {} {} | errMsg: inner text (callId: 1-2) (trace: x)",
                        c.code(),
                        c.label()
                    ))
                })
                .collect();
            let pick = |all: &[wx::Fail<'static>]| -> Vec<wx::Fail<'static>> {
                (0..BATCH)
                    .map(|i| all[(i * 7919) % all.len()].clone())
                    .collect()
            };
            let (errno_batch, runtime_batch, legacy_batch) =
                (pick(&with_errno), pick(&runtime), pick(&legacy));
            let cloud_batch: Vec<&wx::cloud::Fail<'static>> = (0..BATCH)
                .map(|i| &cloud[(i * 7919) % cloud.len()])
                .collect();
            for i in 0..LOOKUPS {
                let some = match mode.as_str() {
                    "recover-base" => !black_box(&errno_batch[i % BATCH]).err_msg().is_empty(),
                    "recover-errno" => black_box(&errno_batch[i % BATCH]).action().is_some(),
                    "recover-errmsg" => black_box(&runtime_batch[i % BATCH]).action().is_some(),
                    "recover-errcode" => black_box(&legacy_batch[i % BATCH]).action().is_some(),
                    _ => black_box(cloud_batch[i % BATCH]).action().is_some(),
                };
                count(&mut found, some);
            }
            LOOKUPS
        }
        other => {
            let Some((how, kind)) = Kind::ALL.iter().find_map(|k| {
                let how = other.strip_suffix(k.name())?.strip_suffix('-')?;
                Some((how, *k))
            }) else {
                return usage();
            };
            let payloads = kind.payloads(&mut rng);
            let maps = Maps::new();
            let decode: &dyn Fn(&str) -> Option<minierr::Action> = match how {
                "base" => &|p| (!p.is_empty()).then_some(minierr::Action::Retry),
                "decode" => &|p| kind.minierr(p),
                "decode-any" => &|p| kind.minierr_decode(p),
                "derive" => &|p| maps.derive(kind, p),
                "value" => &|p| maps.value(kind, p),
                _ => return usage(),
            };
            for i in 0..PAYLOADS {
                count(
                    &mut found,
                    decode(black_box(payloads[i % BATCH].as_str())).is_some(),
                );
            }
            PAYLOADS
        }
    };
    println!("mode {mode}: {ops} ops, {found} found");
    ExitCode::SUCCESS
}
