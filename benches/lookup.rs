//! minierr against the path a user would write without it, in the same run.
//!
//! Each iteration handles a batch of 1024 inputs; read the ratios between rows of one group.
//! `cargo bench --bench lookup`, or `cargo bench --bench lookup -- wx_decode` for one group.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use minierr::wx::{Errno, Fail};

const BATCH: usize = 1024;

/// A small deterministic generator, so every run measures the same inputs.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn catalog() -> Vec<Errno> {
    Errno::all().collect()
}

fn hit_codes(rng: &mut SplitMix) -> Vec<u32> {
    let all = catalog();
    (0..BATCH).map(|_| rng.pick(&all).code()).collect()
}

/// Mostly near misses inside the populated ranges, some anywhere in u32.
fn miss_codes(rng: &mut SplitMix) -> Vec<u32> {
    let all = catalog();
    let mut out = Vec::with_capacity(BATCH);
    while out.len() < BATCH {
        let candidate = if rng.next() % 10 == 0 {
            rng.next() as u32
        } else {
            rng.pick(&all)
                .code()
                .wrapping_add(1 + (rng.next() % 7) as u32)
        };
        if Errno::from_code(candidate).is_none() {
            out.push(candidate);
        }
    }
    out
}

fn code_lookup(c: &mut Criterion) {
    let mut rng = SplitMix(7);
    let hits = hit_codes(&mut rng);
    let misses = miss_codes(&mut rng);
    let map: HashMap<u32, Errno> = Errno::all().map(|e| (e.code(), e)).collect();
    let sorted: Vec<(u32, Errno)> = Errno::all().map(|e| (e.code(), e)).collect();

    for (label, inputs) in [("hit", &hits), ("miss", &misses)] {
        let mut group = c.benchmark_group(format!("wx_code_to_variant/{label}"));
        group.throughput(Throughput::Elements(BATCH as u64));
        group.bench_function("minierr_from_code", |b| {
            b.iter(|| {
                for &code in inputs {
                    black_box(Errno::from_code(black_box(code)));
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
        group.bench_function("binary_search_vec", |b| {
            b.iter(|| {
                for &code in inputs {
                    let code = black_box(code);
                    black_box(
                        sorted
                            .binary_search_by_key(&code, |(c, _)| *c)
                            .ok()
                            .map(|i| sorted[i].1),
                    );
                }
            })
        });
        group.finish();
    }
}

fn err_msg_lookup(c: &mut Criterion) {
    let mut rng = SplitMix(11);
    let literal: Vec<Errno> = Errno::all()
        .filter(|e| !e.err_msg().is_empty() && !e.err_msg().contains('%'))
        .collect();
    // Owned copies, so neither side can compare pointers to the static literals.
    let inputs: Vec<String> = (0..BATCH)
        .map(|_| rng.pick(&literal).err_msg().to_owned())
        .collect();
    let mut map: HashMap<&str, Vec<Errno>> = HashMap::new();
    for e in &literal {
        map.entry(e.err_msg()).or_default().push(*e);
    }

    let mut group = c.benchmark_group("wx_err_msg_to_variants");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr_phf", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(Errno::all_with_err_msg(black_box(s.as_str())));
            }
        })
    });
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for s in &inputs {
                black_box(map.get(black_box(s.as_str())));
            }
        })
    });
    group.finish();
}

fn message_lookup(c: &mut Criterion) {
    let mut rng = SplitMix(13);
    let all = catalog();
    let inputs: Vec<Errno> = (0..BATCH).map(|_| rng.pick(&all)).collect();
    let map: HashMap<u32, &str> = Errno::all().map(|e| (e.code(), e.message_en())).collect();

    let mut group = c.benchmark_group("wx_variant_to_message");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr_message_en", |b| {
        b.iter(|| {
            for &e in &inputs {
                black_box(black_box(e).message_en());
            }
        })
    });
    group.bench_function("std_hashmap_by_code", |b| {
        b.iter(|| {
            for &e in &inputs {
                black_box(map.get(&black_box(e).code()));
            }
        })
    });
    group.finish();
}

fn decode_fail(c: &mut Criterion) {
    let mut rng = SplitMix(17);
    let all = catalog();
    let payloads: Vec<String> = (0..BATCH)
        .map(|i| {
            let e = rng.pick(&all);
            // One in sixteen carries a code newer than the catalog.
            let code = if i % 16 == 0 { 1_509_999 } else { e.code() };
            format!(
                r#"{{"errMsg":"someApi:fail {}","errCode":10001,"errno":{code}}}"#,
                e.err_msg()
            )
        })
        .collect();
    let map: HashMap<u32, Errno> = Errno::all().map(|e| (e.code(), e)).collect();

    let mut group = c.benchmark_group("wx_decode_fail");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("minierr_fail", |b| {
        b.iter(|| {
            for p in &payloads {
                let fail: Fail = serde_json::from_str(black_box(p)).unwrap();
                black_box(fail.errno().and_then(|c| c.known()));
            }
        })
    });
    group.bench_function("serde_json_value_hashmap", |b| {
        b.iter(|| {
            for p in &payloads {
                let value: serde_json::Value = serde_json::from_str(black_box(p)).unwrap();
                let errno = value
                    .get("errno")
                    .and_then(serde_json::Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
                    .and_then(|n| map.get(&n));
                black_box((
                    value.get("errMsg").and_then(|m| m.as_str()).map(str::len),
                    errno,
                ));
            }
        })
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(700))
        .measurement_time(Duration::from_secs(2))
        .sample_size(40)
}

criterion_group! {
    name = benches;
    config = config();
    targets = code_lookup, err_msg_lookup, message_lookup, decode_fail
}
criterion_main!(benches);
