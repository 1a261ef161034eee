//! The source documents the tests check the catalogs against, as copied into `tests/fixtures/`
//! (see its README). They ship with the tests, so no test can skip for want of them;
//! `tests/fixtures_are_current.rs` checks, where `../shared` is present, that they still equal it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `tests/fixtures`, holding `seeds/` and `reference/` as the project's `shared/` lays them out.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The text of the seed whose file name starts with `prefix` (`"003_"`). Panics if it is not
/// there: a test that reads a seed must not pass without it.
pub fn seed(prefix: &str) -> String {
    let dir = fixtures_dir().join("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} is unreadable: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    std::fs::read_to_string(path).expect("the seed is UTF-8")
}
