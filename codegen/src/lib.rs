//! Generates minierr's catalog code from the hand-edited tables in `data/`.
//!
//! The tables are the single source of truth; everything under `src/**/generated.rs` is derived
//! from them by [`render_all`]. `cargo run -p minierr-codegen` rewrites the files, and minierr's
//! test `generated_code_is_fresh` fails when a committed file differs from what this crate renders.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod alipay;
mod alipay_gateway;
mod alipayplus;
#[path = "../../src/normalize.rs"]
#[allow(dead_code, unexpected_cfgs)]
mod normalize;
mod open_platform;
mod render;
#[path = "../../src/retry_hint.rs"]
#[allow(dead_code, unexpected_cfgs)]
mod retry_hint;
mod server_rule;
mod table;
#[path = "../../src/template.rs"]
#[allow(dead_code)]
mod template;
mod transport;
mod wechat;
mod wechat_api_families;
mod wechat_cloud;
mod wechat_legacy;
mod wechat_pay;
mod wechat_reasons;
mod wechat_server;
mod wecom;

pub use table::{Table, TableError};

/// One generated file: its path relative to the repository root, and its full contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the repository root, with `/` separators.
    pub path: &'static str,
    /// The complete text the file must hold.
    pub contents: String,
}

/// Reads every table under `root/data` and renders every generated file, each `phf` index in
/// a file of its own (see [`split_indexes`]).
pub fn render_all(root: &Path) -> Result<Vec<GeneratedFile>, TableError> {
    let mut files = Vec::new();
    for file in render_catalogs(root)? {
        files.extend(split_indexes(file));
    }
    Ok(files)
}

/// Moves every `phf` map of a generated file, with its doc comment, into a sibling file
/// `<stem>_index.rs` that the main file `include!`s at its end. A `phf` map is emitted in hash
/// order, so adding one key rewrites all of it; kept apart, a new row changes a few lines of the
/// main file and leaves the rewrite in a file a reviewer can skip.
fn split_indexes(file: GeneratedFile) -> Vec<GeneratedFile> {
    let mut main = String::new();
    let mut index = String::new();
    let mut pending_docs = String::new();
    let mut in_map = false;
    for line in file.contents.split_inclusive('\n') {
        if in_map {
            index.push_str(line);
            if line.starts_with("};") {
                in_map = false;
            }
            continue;
        }
        if line.starts_with("///") {
            pending_docs.push_str(line);
            continue;
        }
        let starts_map = line.contains(": phf::Map<") && line.contains("static ");
        if starts_map {
            index.push('\n');
            index.push_str(&pending_docs);
            index.push_str(line);
            in_map = !line.trim_end().ends_with(';');
        } else {
            main.push_str(&pending_docs);
            main.push_str(line);
        }
        pending_docs.clear();
    }
    main.push_str(&pending_docs);
    if index.is_empty() {
        return vec![file];
    }
    let stem = file.path.trim_end_matches(".rs");
    let index_path: &'static str = Box::leak(format!("{stem}_index.rs").into_boxed_str());
    let index_name = index_path.rsplit('/').next().unwrap_or(index_path);
    let first_line = file.contents.lines().next().unwrap_or_default();
    let _ = write!(
        main,
        "\n// The `phf` indexes, apart so that a new row's diff stays local to this file.\ninclude!(\"{index_name}\");\n"
    );
    let index = format!(
        "{first_line}\n// Do not edit by hand: edit the table and regenerate. Included by `{}`.\n{index}",
        file.path.rsplit('/').next().unwrap_or(file.path)
    );
    vec![
        GeneratedFile {
            path: file.path,
            contents: main,
        },
        GeneratedFile {
            path: index_path,
            contents: index,
        },
    ]
}

/// Every catalog's generated file, whole.
fn render_catalogs(root: &Path) -> Result<Vec<GeneratedFile>, TableError> {
    let data = root.join("data");
    Ok(vec![
        wechat::render(&data)?,
        alipay::render(&data)?,
        alipayplus::render(&data)?,
        open_platform::render(&data)?,
        wechat_server::render(&data)?,
        wechat_cloud::render(&data)?,
        wechat_legacy::render(&data)?,
        alipay_gateway::render(&data)?,
        transport::render(&data)?,
        wechat_api_families::render(&data)?,
        wechat_pay::render(&data)?,
        wecom::render(&data)?,
    ])
}

/// Writes the rendered files under `root`, returning the paths that changed.
pub fn write_all(root: &Path) -> Result<Vec<PathBuf>, Box<dyn std::error::Error>> {
    let mut changed = Vec::new();
    for file in render_all(root)? {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != file.contents {
            std::fs::write(&path, &file.contents)?;
            changed.push(path);
        }
    }
    Ok(changed)
}

/// The first line of every generated file; tools and reviewers key on `@generated`.
pub(crate) fn header(sources: &[&str]) -> String {
    format!(
        "// @generated by `cargo run -p minierr-codegen` from {}.\n// Do not edit by hand: edit the table and regenerate.\n",
        sources.join(" and ")
    )
}

/// Escapes text for a rustdoc line: the catalog texts hold `[`, `<` and `*`, which markdown
/// would read as links, HTML or emphasis, and bare URLs, which rustdoc warns about.
pub(crate) fn doc_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '*' | '`' | '_' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    wrap_urls(&out)
}

fn wrap_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut rest = text;
    while let Some(start) = rest.find("https://") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        // A URL ends at white space, a closing bracket, a quote, or an angle bracket (escaped
        // above as `&lt;`/`&gt;`).
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | '）' | '"' | '\''))
            .unwrap_or(tail.len());
        let end = ["&gt;", "&lt;"]
            .iter()
            .filter_map(|mark| tail[..end].find(mark))
            .min()
            .unwrap_or(end);
        // A sentence's closing mark after a URL is the sentence's, as GitHub's autolinks read it.
        let end = tail[..end]
            .trim_end_matches(['.', ',', ';', ':', '。', '，', '；'])
            .len();
        // The escaping above put backslashes before `_` and `#`; a URL must keep them raw.
        let url = tail[..end].replace('\\', "");
        let _ = write!(out, "<{url}>");
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// A string literal for generated Rust source.
pub(crate) fn lit(text: &str) -> String {
    format!("{text:?}")
}

/// Checks that every value of `column` is unique, naming the duplicates.
pub(crate) fn require_unique<'a>(
    file: &str,
    column: &str,
    values: impl IntoIterator<Item = &'a str>,
) -> Result<(), TableError> {
    let mut seen = BTreeSet::new();
    let mut dupes = BTreeMap::new();
    for v in values {
        if !seen.insert(v) {
            *dupes.entry(v).or_insert(1) += 1;
        }
    }
    if dupes.is_empty() {
        Ok(())
    } else {
        Err(TableError::new(
            file,
            0,
            format!("column `{column}` must be unique; repeated: {dupes:?}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_text_escapes_markdown_and_wraps_urls() {
        assert_eq!(doc_text("a [%s] <0"), "a \\[%s\\] &lt;0");
        assert_eq!(
            doc_text("see (https://example.com/a_b#c) now"),
            "see (<https://example.com/a_b#c>) now"
        );
        assert_eq!(
            doc_text("see https://a.b/c. Next, https://a.b/d, and"),
            "see <https://a.b/c>. Next, <https://a.b/d>, and"
        );
        assert_eq!(
            doc_text(r#"at "https://a.b/c?e=1" <https://a.b/d>;"#),
            r#"at "<https://a.b/c?e=1>" &lt;<https://a.b/d>&gt;;"#
        );
    }

    #[test]
    fn rendering_is_deterministic() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let first = render_all(&root).expect("tables parse");
        let second = render_all(&root).expect("tables parse");
        assert_eq!(first, second);
    }
}
