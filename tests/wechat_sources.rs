//! Checks the WeChat catalog against an independent parse of the project's source documents:
//! seed `003_*.txt` (which codes exist) and `reference/wechat_errno.tsv` (the platform's exact
//! errMsg and its 7-digit split). They live in `../shared` beside the checkout; CI sets
//! `MINIERR_REQUIRE_SHARED=1` so that a missing copy fails instead of skipping.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use minierr::wx::{Category, Errno, Subcategory};

mod support;
use support::fixtures_dir;

/// (code, the rest of the seed line) for every row of the seed's errno table.
fn seed_rows(shared: &Path) -> Vec<(u32, String)> {
    let seed = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("003_"))
        .expect("seed 003 exists");
    let text = std::fs::read_to_string(seed).unwrap();
    let (_, table) = text
        .split_once("errno errMsg meaning")
        .expect("the seed's table header");
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (code, rest) = line.split_once(' ').unwrap_or((line, ""));
            (
                code.parse().unwrap_or_else(|_| panic!("seed row {line:?}")),
                rest.to_owned(),
            )
        })
        .collect()
}

struct Reference {
    err_msg: String,
    cat_l1: String,
    cat_l2: String,
}

fn reference_rows(shared: &Path) -> BTreeMap<u32, Reference> {
    let text = std::fs::read_to_string(shared.join("reference/wechat_errno.tsv")).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (code, l1, l2, up, alt) = (
        col("errno"),
        col("cat_l1"),
        col("cat_l2"),
        col("errMsg_upstream"),
        col("alt_errMsg_B"),
    );
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            // The reference README: where the editions differ, prefer B (mini-program).
            let err_msg = if cells[alt].is_empty() {
                cells[up]
            } else {
                cells[alt]
            };
            (
                cells[code].parse().unwrap(),
                Reference {
                    err_msg: err_msg.to_owned(),
                    cat_l1: cells[l1].to_owned(),
                    cat_l2: cells[l2].to_owned(),
                },
            )
        })
        .collect()
}

#[test]
fn every_seed_and_reference_code_is_in_the_catalog_and_nothing_else() {
    let shared = fixtures_dir();
    let seed: BTreeSet<u32> = seed_rows(&shared).into_iter().map(|(c, _)| c).collect();
    assert_eq!(seed.len(), 274, "the seed lists 274 codes");
    let reference: BTreeSet<u32> = reference_rows(&shared).into_keys().collect();
    assert_eq!(reference.len(), 295, "the reference lists 295 codes");
    assert!(
        seed.is_subset(&reference),
        "every seed code is in the reference"
    );
    // The reference adds the mini-program edition's newer codes (1032-1036, 703001-703016).
    assert_eq!(reference.difference(&seed).count(), 21);
    let catalog: BTreeSet<u32> = Errno::all().map(Errno::code).collect();
    assert_eq!(catalog, reference);
}

#[test]
fn every_reference_err_msg_is_kept_byte_for_byte() {
    let shared = fixtures_dir();
    for (code, row) in reference_rows(&shared) {
        let errno = Errno::from_code(code).unwrap_or_else(|| panic!("{code} is in the catalog"));
        assert_eq!(errno.err_msg(), row.err_msg, "errMsg of {code}");
    }
}

#[test]
fn err_msg_is_the_upstream_spelling_byte_for_byte() {
    let shared = fixtures_dir();
    let reference = reference_rows(&shared);
    let mut recased = 0;
    for (code, seed_rest) in seed_rows(&shared) {
        let errno = Errno::from_code(code).unwrap();
        let upstream = &reference[&code].err_msg;
        assert_eq!(errno.err_msg(), upstream, "errMsg of {code}");
        // The seed's machine translation keeps the words but not always the case.
        if !upstream.is_empty() {
            let seed_prefix = seed_rest.get(..upstream.len()).unwrap_or("");
            assert!(
                seed_prefix.eq_ignore_ascii_case(upstream),
                "{code}: seed {seed_rest:?} vs upstream {upstream:?}"
            );
            if seed_prefix != upstream {
                recased += 1;
            }
        }
    }
    assert_eq!(
        recased, 85,
        "the reference README counts 85 recased errMsgs"
    );
}

#[test]
fn digits_split_as_the_reference_says() {
    let shared = fixtures_dir();
    for (code, row) in reference_rows(&shared) {
        let errno = Errno::from_code(code).unwrap_or_else(|| panic!("{code} is in the catalog"));
        assert_eq!(
            format!("{:02}", errno.category().code()),
            row.cat_l1,
            "{code}"
        );
        assert_eq!(
            format!("{:02}", errno.subcategory().code()),
            row.cat_l2,
            "{code}"
        );
        assert_eq!(errno.category(), Category::of(code));
        assert_eq!(errno.subcategory(), Subcategory::of(code));
    }
}
