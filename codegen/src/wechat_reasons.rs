//! `data/wechat_reason_classes.tsv` + `data/wechat_reason_patterns.tsv` → the `ReasonClass`
//! part of `src/wx/generated.rs`.

use std::fmt::Write as _;
use std::path::Path;

use crate::render::para;
use crate::table::{Table, TableError};
use crate::wechat::{action_variant, variant_name_in};
use crate::{lit, require_unique};

pub(crate) const CLASS_FILE: &str = "wechat_reason_classes.tsv";
pub(crate) const PATTERN_FILE: &str = "wechat_reason_patterns.tsv";
const CLASS_COLUMNS: &[&str] = &["class", "name", "action", "description_en", "note"];
const PATTERN_COLUMNS: &[&str] = &["class", "match", "pattern", "source", "note"];

struct Class {
    variant: String,
    name: String,
    action: &'static str,
    description_en: String,
    note: String,
}

/// Appends the `ReasonClass` enum, its rows and the ordered pattern list to `out`.
pub(crate) fn render(data: &Path, out: &mut String) -> Result<(), TableError> {
    let table = Table::read(&data.join(CLASS_FILE), CLASS_COLUMNS)?;
    let mut classes = Vec::new();
    for row in table.rows() {
        classes.push(Class {
            variant: variant_name_in(&row, "class")?.to_owned(),
            name: snake_name(&row)?.to_owned(),
            action: action_variant(&row)?,
            description_en: row.required("description_en")?.to_owned(),
            note: row.get("note").to_owned(),
        });
    }
    require_unique(
        CLASS_FILE,
        "class",
        classes.iter().map(|c| c.variant.as_str()),
    )?;
    require_unique(CLASS_FILE, "name", classes.iter().map(|c| c.name.as_str()))?;

    let table = Table::read(&data.join(PATTERN_FILE), PATTERN_COLUMNS)?;
    let mut patterns = Vec::new();
    for row in table.rows() {
        let class = row.required("class")?;
        if !classes.iter().any(|c| c.variant == class) {
            return Err(row.error(format!("class {class:?} is not in {CLASS_FILE}")));
        }
        let matching = match row.required("match")? {
            "prefix" => "Prefix",
            "contains" => "Contains",
            other => {
                return Err(row.error(format!(
                    "match {other:?} must be \"prefix\" or \"contains\""
                )));
            }
        };
        let pattern = row.required("pattern")?;
        // Reasons are matched in their normal form, so a pattern in any other form never matches.
        if !crate::normalize::is_normal(pattern) {
            return Err(row.error(format!(
                "pattern {pattern:?} is not in normal form (lower case, single spaces, no final stop)"
            )));
        }
        if row.required("source")?.is_empty() {
            return Err(row.error("every pattern needs a source"));
        }
        patterns.push((class.to_owned(), matching, pattern.to_owned()));
    }
    require_unique(
        PATTERN_FILE,
        "pattern",
        patterns.iter().map(|(_, _, p)| p.as_str()),
    )?;

    out.push_str(ENUM_HEADER);
    out.push_str("pub enum ReasonClass {\n");
    for c in &classes {
        let _ = writeln!(out, "    /// {}.", para(&c.description_en));
        out.push_str("    ///\n");
        let _ = writeln!(
            out,
            "    /// `{}` · next step: [`Action::{}`].",
            c.name, c.action
        );
        if !c.note.is_empty() {
            out.push_str("    ///\n");
            let _ = writeln!(out, "    /// {}", para(&c.note));
        }
        let _ = writeln!(out, "    {},", c.variant);
    }
    out.push_str("}\n\nimpl ReasonClass {\n");
    out.push_str("    /// Every class, in table order.\n");
    out.push_str("    pub const ALL: &'static [ReasonClass] = &[\n");
    for c in &classes {
        let _ = writeln!(out, "        ReasonClass::{},", c.variant);
    }
    out.push_str("    ];\n\n");
    out.push_str("    pub(super) const fn row(self) -> ReasonClassInfo {\n        match self {\n");
    for c in &classes {
        let _ = writeln!(
            out,
            "            ReasonClass::{} => ReasonClassInfo {{ name: {}, action: Action::{}, description_en: {} }},",
            c.variant,
            lit(&c.name),
            c.action,
            lit(&c.description_en)
        );
    }
    out.push_str("        }\n    }\n}\n\n");
    out.push_str(
        "/// The reason patterns, most specific first: the first that matches a reason's normal\n/// form names its class.\npub(super) static REASON_PATTERNS: &[(ReasonMatch, &str, ReasonClass)] = &[\n",
    );
    for (class, matching, pattern) in &patterns {
        let _ = writeln!(
            out,
            "    (ReasonMatch::{matching}, {}, ReasonClass::{class}),",
            lit(pattern)
        );
    }
    out.push_str("];\n");
    Ok(())
}

fn snake_name<'t>(row: &crate::table::Row<'t>) -> Result<&'t str, TableError> {
    let name = row.required("name")?;
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err(row.error(format!("name {name:?} is not snake_case ASCII")));
    }
    Ok(name)
}

const ENUM_HEADER: &str = r#"
/// What a failure's reason says when it names no catalog code: a family of runtime messages
/// (network failures, TLS failures, the base library's argument check, navigation misuse) that
/// still decides the next step.
///
/// [`Fail::action`](super::Fail::action) falls back to the class only when neither errno, nor a
/// server errcode, nor the errMsg names a code; a reason that matches no pattern has no class,
/// and no action. Each pattern is a row of `data/wechat_reason_patterns.tsv`, with its source.
///
/// ```
/// use minierr::{wx::ReasonClass, Action};
///
/// let class = ReasonClass::of("-118:net::ERR_CONNECTION_TIMED_OUT");
/// assert_eq!(class, Some(ReasonClass::Network));
/// assert_eq!(class.map(ReasonClass::action), Some(Action::Retry));
/// assert_eq!(ReasonClass::of("something new"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
"#;
