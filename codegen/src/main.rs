//! `cargo run -p minierr-codegen`: regenerates every `src/**/generated.rs` from `data/`.
//! `cargo run -p minierr-codegen -- --check` only reports stale files and exits 1 if any.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let check = std::env::args().skip(1).any(|a| a == "--check");
    if check {
        return match minierr_codegen::render_all(&root) {
            Ok(files) => {
                let stale: Vec<_> = files
                    .iter()
                    .filter(|f| {
                        std::fs::read_to_string(root.join(f.path)).ok().as_deref()
                            != Some(f.contents.as_str())
                    })
                    .map(|f| f.path)
                    .collect();
                if stale.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    eprintln!(
                        "stale generated files (run `cargo run -p minierr-codegen`): {stale:?}"
                    );
                    ExitCode::FAILURE
                }
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match minierr_codegen::write_all(&root) {
        Ok(changed) if changed.is_empty() => {
            println!("generated files are up to date");
            ExitCode::SUCCESS
        }
        Ok(changed) => {
            for path in changed {
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
