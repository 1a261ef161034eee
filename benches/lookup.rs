//! minierr against the path a user would write without it, measured in the same run.
//!
//! Every iteration handles a batch of 1024 inputs; compare rows within a group. `cargo bench
//! --bench lookup -- --noplot`, or add a filter such as `decode` for one group. The README's
//! Performance section lists the ratios of a run on the project machine.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use minierr::alipay::{Api, JsapiError, NavigationError};
use minierr::alipay_plus::ResultCode;
use minierr::{open_platform, wx};

mod support;
use support::{BATCH, Kind, Maps, SplitMix};

/// Near misses around the known codes (90 %) and anything in u32 (10 %).
fn misses(rng: &mut SplitMix, known: &[u32], is_known: impl Fn(u32) -> bool) -> Vec<u32> {
    let mut out = Vec::with_capacity(BATCH);
    while out.len() < BATCH {
        let candidate = if rng.next() % 10 == 0 {
            rng.next() as u32
        } else {
            rng.pick(known).wrapping_add(1 + (rng.next() % 7) as u32)
        };
        if !is_known(candidate) {
            out.push(candidate);
        }
    }
    out
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
        .sample_size(30)
}

/// A numeric catalog: its name, its codes, and whether minierr knows a code.
type Catalog = (&'static str, Vec<u32>, fn(u32) -> bool);

/// Code → variant for the two numeric catalogs and Alipay's per-API codes.
fn code_to_variant(c: &mut Criterion) {
    let mut rng = SplitMix(7);
    let wx_codes: Vec<u32> = wx::Errno::all().map(wx::Errno::code).collect();
    let op_codes: Vec<u32> = open_platform::Code::all()
        .map(open_platform::Code::code)
        .collect();
    let catalogs: [Catalog; 2] = [
        ("wx_errno", wx_codes, |c| wx::Errno::from_code(c).is_some()),
        ("open_platform", op_codes, |c| {
            open_platform::Code::from_code(c).is_some()
        }),
    ];
    for (name, codes, is_known) in catalogs {
        let hits = rng.batch(&codes);
        let misses = misses(&mut rng, &codes, is_known);
        let map: HashMap<u32, usize> = codes.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        for (kind, inputs) in [("hit", &hits), ("miss", &misses)] {
            let mut group = c.benchmark_group(format!("code_to_variant/{name}/{kind}"));
            group.throughput(Throughput::Elements(BATCH as u64));
            group.bench_function("minierr", |b| {
                b.iter(|| {
                    for &code in inputs {
                        if name == "wx_errno" {
                            black_box(wx::Errno::from_code(black_box(code)));
                        } else {
                            black_box(open_platform::Code::from_code(black_box(code)));
                        }
                    }
                })
            });
            group.bench_function("std_hashmap", |b| {
                b.iter(|| {
                    for &code in inputs {
                        black_box(map.get(&black_box(code)));
                    }
                })
            });
            group.bench_function("binary_search", |b| {
                b.iter(|| {
                    for &code in inputs {
                        black_box(sorted.binary_search(&black_box(code)).ok());
                    }
                })
            });
            group.finish();
        }
    }

    // Alipay codes mean something per API: (api, code) → variant.
    let pairs: Vec<(Api, i64)> = Api::all()
        .flat_map(|api| api.errors().map(move |e| (api, e)))
        .filter_map(|(api, e)| e.code().split('/').next()?.parse().ok().map(|c| (api, c)))
        .collect();
    let hits = rng.batch(&pairs);
    let mut map: HashMap<(Api, i64), Vec<JsapiError>> = HashMap::new();
    for api in Api::all() {
        for e in api.errors() {
            for code in e.code().split('/').filter_map(|c| c.parse().ok()) {
                map.entry((api, code)).or_default().push(e);
            }
        }
    }
    let mut group = c.benchmark_group("code_to_variant/alipay_api_code/hit");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for &(api, code) in &hits {
                black_box(black_box(api).error(Some(black_box(code)), None));
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for &(api, code) in &hits {
                black_box(map.get(&(black_box(api), black_box(code))));
            }
        })
    });
    group.finish();
}

/// String → variant: WeChat errMsg, Alipay+ resultCode, Alipay errorMessage.
fn string_to_variant(c: &mut Criterion) {
    let mut rng = SplitMix(11);
    // Owned copies, so neither side can compare pointers to the static literals.
    let err_msgs: Vec<String> = wx::Errno::all()
        .map(wx::Errno::err_msg)
        .filter(|m| !m.is_empty() && !m.contains('%'))
        .map(str::to_owned)
        .collect();
    let result_codes: Vec<String> = ResultCode::all().map(|c| c.code().to_owned()).collect();
    // Messages as documented, which both sides can find. The page-not-found rows match a
    // template whatever the page; they are measured on their own below with another page in
    // them, as payloads carry them, since a map cannot find those at all.
    let is_template =
        |e: &JsapiError| matches!(e, JsapiError::Navigation(_, NavigationError::PageNotFound));
    let messages: Vec<(Api, String)> = Api::all()
        .flat_map(|api| api.errors().map(move |e| (api, e)))
        .filter(|(_, e)| !is_template(e))
        .map(|(api, e)| (api, e.message_zh().to_owned()))
        .filter(|(api, m)| api.error(None, Some(m)).is_some())
        .collect();
    let filled: Vec<(Api, String)> = Api::all()
        .flat_map(|api| api.errors().map(move |e| (api, e)))
        .filter(|(_, e)| is_template(e))
        .map(|(api, e)| (api, e.message_zh().replace("index/index", "order/detail")))
        .filter(|(api, m)| api.error(None, Some(m)).is_some())
        .collect();
    assert_eq!(filled.len(), 4, "one page-not-found row per routing API");

    let mut wx_map: HashMap<&str, Vec<wx::Errno>> = HashMap::new();
    for e in wx::Errno::all() {
        wx_map.entry(e.err_msg()).or_default().push(e);
    }
    let rc_map: HashMap<&str, ResultCode> = ResultCode::all().map(|c| (c.code(), c)).collect();
    let msg_map: HashMap<(Api, &str), JsapiError> = Api::all()
        .flat_map(|api| api.errors().map(move |e| ((api, e.message_zh()), e)))
        .collect();

    let hits = rng.batch(&err_msgs);
    let misses: Vec<String> = hits.iter().map(|m| format!("{m}!")).collect();
    for (kind, inputs) in [("hit", &hits), ("miss", &misses)] {
        let mut group = c.benchmark_group(format!("string_to_variant/wx_err_msg/{kind}"));
        group.throughput(Throughput::Elements(BATCH as u64));
        group.bench_function("minierr", |b| {
            b.iter(|| {
                for m in inputs {
                    black_box(wx::Errno::all_with_exact_message(black_box(m)));
                }
            })
        });
        group.bench_function("std_hashmap", |b| {
            b.iter(|| {
                for m in inputs {
                    black_box(wx_map.get(black_box(m.as_str())));
                }
            })
        });
        group.finish();
    }

    let inputs = rng.batch(&result_codes);
    let mut group = c.benchmark_group("string_to_variant/alipayplus_result_code/hit");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for code in &inputs {
                black_box(ResultCode::from_code(black_box(code)));
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for code in &inputs {
                black_box(rc_map.get(black_box(code.as_str())));
            }
        })
    });
    group.finish();

    let inputs = rng.batch(&messages);
    let mut group = c.benchmark_group("string_to_variant/alipay_error_message/hit");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for (api, m) in &inputs {
                black_box(api.error(None, Some(black_box(m))));
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for (api, m) in &inputs {
                black_box(msg_map.get(&(*api, black_box(m.as_str()))));
            }
        })
    });
    group.finish();

    let inputs = rng.batch(&filled);
    let mut group = c.benchmark_group("string_to_variant/alipay_error_message/template");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for (api, m) in &inputs {
                black_box(api.error(None, Some(black_box(m))));
            }
        })
    });
    group.finish();
}

/// Variant → message and remedy.
fn variant_to_text(c: &mut Criterion) {
    let mut rng = SplitMix(13);
    let errnos: Vec<wx::Errno> = wx::Errno::all().collect();
    let jsapi: Vec<JsapiError> = Api::all().flat_map(Api::errors).collect();
    let wx_inputs = rng.batch(&errnos);
    let js_inputs = rng.batch(&jsapi);
    let wx_map: HashMap<u32, &str> = errnos.iter().map(|e| (e.code(), e.message_en())).collect();
    let js_map: HashMap<JsapiError, &str> = jsapi
        .iter()
        .map(|e| (*e, e.remedy_en().unwrap_or_default()))
        .collect();

    let mut group = c.benchmark_group("variant_to_text/wx_message_en");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for &e in &wx_inputs {
                black_box(black_box(e).message_en());
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for &e in &wx_inputs {
                black_box(wx_map.get(&black_box(e).code()));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("variant_to_text/alipay_remedy_en");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr", |b| {
        b.iter(|| {
            for &e in &js_inputs {
                black_box(black_box(e).remedy_en());
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for e in &js_inputs {
                black_box(js_map.get(black_box(e)));
            }
        })
    });
    group.finish();
}

/// Payload → decision, typed and borrowed, against `serde_json::Value` plus a `HashMap`.
/// Payload → action for each kind: minierr's payload type, `minierr::decode`, the typed
/// `#[derive(Deserialize)]` struct a user would write, and `serde_json::Value`.
fn decode(c: &mut Criterion) {
    let mut rng = SplitMix(17);
    let maps = Maps::new();
    for kind in Kind::ALL {
        let payloads = kind.payloads(&mut rng);
        let mut group = c.benchmark_group(format!("decode/{}", kind.name()));
        group.throughput(Throughput::Elements(BATCH as u64));
        group.bench_function("minierr", |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(kind.minierr(black_box(p)));
                }
            })
        });
        group.bench_function("minierr_decode_any", |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(kind.minierr_decode(black_box(p)));
                }
            })
        });
        group.bench_function("derive_struct_hashmap", |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(maps.derive(kind, black_box(p)));
                }
            })
        });
        group.bench_function("serde_json_value_hashmap", |b| {
            b.iter(|| {
                for p in &payloads {
                    black_box(maps.value(kind, black_box(p)));
                }
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = code_to_variant, string_to_variant, variant_to_text, decode
}
criterion_main!(benches);
