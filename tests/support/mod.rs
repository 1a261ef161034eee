//! Finding the project's source documents (`../shared`) for the tests that parse them.

#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared` beside the checkout (or `MINIERR_SHARED_DIR`), if it holds the seeds. CI sets
/// `MINIERR_REQUIRE_SHARED=1`, which turns a missing copy into a failure instead of a skip.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MINIERR_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("seeds").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("MINIERR_REQUIRE_SHARED").is_none(),
        "MINIERR_REQUIRE_SHARED is set but {} has no seeds/",
        dir.display()
    );
    eprintln!("skipping: no shared/ source documents at {}", dir.display());
    None
}

/// The text of the seed whose file name starts with `prefix` (`"003_"`).
pub fn seed(prefix: &str) -> Option<String> {
    let dir = shared_dir()?.join("seeds");
    let path = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()));
    Some(std::fs::read_to_string(path).expect("the seed is UTF-8"))
}
