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

/// The rows of a reference table in `tests/fixtures/reference/`, read with nothing but
/// `split('\t')` so that the check stays independent of the crate's own table reader: for each
/// row, the cells of `columns`, in that order, passed to `row`. Panics if the file or a column
/// is missing, or a row is short: a test must not pass without its evidence.
pub fn reference<T>(file: &str, columns: &[&str], row: impl Fn(&[&str]) -> T) -> Vec<T> {
    let path = fixtures_dir().join("reference").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let at: Vec<usize> = columns
        .iter()
        .map(|name| {
            header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{file} has no column {name}"))
        })
        .collect();
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let picked: Vec<&str> = at
                .iter()
                .map(|&i| {
                    *cells
                        .get(i)
                        .unwrap_or_else(|| panic!("{file}: short row {line:?}"))
                })
                .collect();
            row(&picked)
        })
        .collect()
}
