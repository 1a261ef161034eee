//! The copies under `tests/fixtures/` must equal the project's `shared/` documents. Ignored by a
//! plain `cargo test` (the published package has no `../shared`); CI runs it with `--ignored`.

use std::path::{Path, PathBuf};

fn shared_dir() -> PathBuf {
    std::env::var_os("MINIERR_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            let sub = path.strip_prefix(dir).expect("below dir").to_owned();
            files.extend(files_under(&path).into_iter().map(|f| sub.join(f)));
        } else {
            files.push(path.strip_prefix(dir).expect("below dir").to_owned());
        }
    }
    files
}

#[test]
#[ignore = "needs ../shared"]
fn fixtures_equal_the_shared_documents() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let shared = shared_dir();
    assert!(
        shared.join("seeds").is_dir(),
        "{} has no seeds/: this test needs the project's shared documents",
        shared.display()
    );
    let copies: Vec<PathBuf> = files_under(&fixtures)
        .into_iter()
        .filter(|f| {
            f.extension()
                .is_some_and(|e| e == "txt" || e == "tsv" || e == "jsonl")
        })
        // tests/fixtures/transport/ holds the project's own independent lists, not copies.
        .filter(|f| f.starts_with("seeds") || f.starts_with("reference"))
        .collect();
    assert_eq!(
        copies.len(),
        18,
        "five seeds, eleven reference tables and the two real-world sets: {copies:?}"
    );
    for copy in &copies {
        let ours = std::fs::read(fixtures.join(copy)).expect("the copy is readable");
        let theirs = std::fs::read(shared.join(copy))
            .unwrap_or_else(|e| panic!("{} in shared: {e}", copy.display()));
        assert!(
            ours == theirs,
            "tests/fixtures/{} differs from shared/{0}: copy it again",
            copy.display()
        );
    }
}
