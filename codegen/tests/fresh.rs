//! The committed generated code must be exactly what the generator renders from `data/`.

use std::path::Path;

#[test]
fn generated_code_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let files = minierr_codegen::render_all(&root).unwrap_or_else(|e| panic!("{e}"));
    assert!(!files.is_empty());
    let mut stale = Vec::new();
    for file in &files {
        let committed = std::fs::read_to_string(root.join(file.path)).unwrap_or_default();
        assert!(
            file.contents.starts_with("// @generated"),
            "{} lacks the @generated marker",
            file.path
        );
        if committed != file.contents {
            stale.push(file.path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run `cargo run -p minierr-codegen` and commit the result"
    );
}
