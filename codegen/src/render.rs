//! Rendering pieces shared by the catalogs: the enum declaration, the code and row matches, and
//! the message index.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::normalize::normalized;
use crate::retry_hint::RetryHint;
use crate::table::{Row, TableError};
use crate::{doc_text, lit};

/// One enum variant as the generator sees it.
pub(crate) struct Variant {
    /// The numeric code, for `#[repr(u32)]` catalogs; `None` for string-keyed ones.
    pub(crate) discriminant: Option<i64>,
    pub(crate) name: String,
    /// Rustdoc paragraphs, already in markdown (run plain text through [`doc_text`]).
    pub(crate) docs: Vec<String>,
    /// `#[doc(alias)]` values: the code and the machine string, so rustdoc search finds either.
    pub(crate) aliases: Vec<String>,
    /// A Rust expression for the variant's info row.
    pub(crate) info: String,
}

/// The attributes every catalog enum carries, after its docs: comparison and hashing, strum's
/// count and name, `#[non_exhaustive]`, and for an enum whose discriminants are its numeric
/// codes `#[repr(u32)]` (or `i64`) with `serde_repr`'s integer serialisation (its `Deserialize` is written
/// beside the enum, so that an unknown number's error names the type that keeps it).
pub(crate) fn catalog_attrs(repr: Option<&str>) -> String {
    let mut attrs = String::from(
        "#[derive(\n    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,\n    strum::EnumCount, strum::IntoStaticStr,\n)]\n",
    );
    if let Some(repr) = repr {
        let _ = writeln!(
            attrs,
            "#[cfg_attr(feature = \"serde\", derive(serde_repr::Serialize_repr))]\n#[repr({repr})]"
        );
    }
    attrs.push_str("#[non_exhaustive]\n");
    attrs
}

/// A paragraph of plain catalog text for rustdoc.
pub(crate) fn para(text: &str) -> String {
    doc_text(text)
}

/// `pub enum Name { ... }` with every variant's docs and aliases; `header` holds the enum's own
/// docs and attributes, verbatim.
pub(crate) fn enum_decl(out: &mut String, header: &str, name: &str, variants: &[Variant]) {
    out.push_str(header);
    let _ = writeln!(out, "pub enum {name} {{");
    for v in variants {
        for (i, paragraph) in v.docs.iter().enumerate() {
            if i > 0 {
                out.push_str("    ///\n");
            }
            for line in paragraph.lines() {
                let _ = writeln!(out, "    /// {line}");
            }
        }
        for alias in &v.aliases {
            // rustdoc rejects quotes in an alias, and an alias equal to the name.
            if !alias.is_empty() && !alias.contains(['"', '\'']) && *alias != v.name {
                let _ = writeln!(out, "    #[doc(alias = {})]", lit(alias));
            }
        }
        match v.discriminant {
            Some(d) => {
                let _ = writeln!(out, "    {} = {d},", v.name);
            }
            None => {
                let _ = writeln!(out, "    {},", v.name);
            }
        }
    }
    out.push_str("}\n");
}

/// For a catalog whose discriminants are its codes: `from_code`, a `match` from the code to the
/// variant, `None` for any other number. rustc compiles it to a search as good as a table's,
/// and a new row adds one arm.
pub(crate) fn from_code_match(
    out: &mut String,
    file: &str,
    enum_name: &str,
    code_type: &str,
    variants: &[Variant],
) -> Result<(), TableError> {
    let _ = writeln!(
        out,
        "\n/// The variant whose code is `code`, or `None` if the catalog does not list it.\n#[inline]\npub(super) const fn from_code(code: {code_type}) -> Option<{enum_name}> {{\n    match code {{"
    );
    for v in variants {
        let code = v
            .discriminant
            .ok_or_else(|| TableError::new(file, 0, "every variant needs a numeric code"))?;
        let _ = writeln!(out, "        {code} => Some({enum_name}::{}),", v.name);
    }
    out.push_str("        _ => None,\n    }\n}\n");
    Ok(())
}

/// `ALL`, every variant in catalog order, and `info`, a `match` from each variant to its row.
/// A `match self` covers every variant or does not compile, so no lookup can miss.
pub(crate) fn variant_tables(
    out: &mut String,
    enum_name: &str,
    info_type: &str,
    variants: &[Variant],
) {
    named_variant_tables(out, enum_name, info_type, variants, "ALL", "info");
}

/// [`variant_tables`] with the two items named, for a file that holds two catalogs.
pub(crate) fn named_variant_tables(
    out: &mut String,
    enum_name: &str,
    info_type: &str,
    variants: &[Variant],
    all_name: &str,
    info_name: &str,
) {
    let _ = writeln!(
        out,
        "\n/// Every variant, in catalog order.\npub(super) const {all_name}: [{enum_name}; {}] = [",
        variants.len()
    );
    for v in variants {
        let _ = writeln!(out, "    {enum_name}::{},", v.name);
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "\n/// The catalog row of a variant.\npub(super) const fn {info_name}(variant: {enum_name}) -> &'static {info_type} {{\n    match variant {{"
    );
    for v in variants {
        let body = v.info.replace('\n', "\n        ");
        let _ = writeln!(out, "        {enum_name}::{} => &{body},", v.name);
    }
    out.push_str("    }\n}\n");
}

/// A message index (`crate::catalog::MessageIndex`) from each literal message, in normal form
/// and as spelled, to every variant that uses it, and the messages with `%s`/`%d` placeholders,
/// in normal form. `prefix` names the two statics (`{prefix}_INDEX`, `{prefix}_TEMPLATES`). Fails if two
/// spellings share a normal form: the exact lookups assume one spelling per key.
pub(crate) fn message_index(
    out: &mut String,
    file: &str,
    prefix: &str,
    what: &str,
    enum_name: &str,
    messages: &[(&str, &str)],
) -> Result<(), TableError> {
    let mut exact: BTreeMap<String, (&str, Vec<&str>)> = BTreeMap::new();
    let mut templates = Vec::new();
    for &(message, name) in messages.iter().filter(|(m, _)| !m.is_empty()) {
        let key = normalized(message);
        if message.contains("%s") || message.contains("%d") {
            templates.push((key, name));
            continue;
        }
        let (spelling, names) = exact.entry(key).or_insert((message, Vec::new()));
        if *spelling != message {
            return Err(TableError::new(
                file,
                0,
                format!("{spelling:?} and {message:?} have the same normal form"),
            ));
        }
        names.push(name);
    }
    // Each message under its normal form, and under its own spelling where that differs, so
    // that text sent exactly as documented is found in one probe. A spelling that differs from
    // its normal form is not normal, so it can never shadow another message's normal key.
    let mut entries: Vec<(String, String)> = Vec::new();
    for (key, (spelling, names)) in &exact {
        let slice: Vec<String> = names.iter().map(|n| format!("{enum_name}::{n}")).collect();
        let value = format!("&[{}]", slice.join(", "));
        if spelling != key {
            entries.push(((*spelling).to_owned(), value.clone()));
        }
        entries.push((key.clone(), value));
    }
    let _ = writeln!(
        out,
        "\n/// Literal {what} (no `%s`/`%d`), in normal form, to every code that uses them, in code order."
    );
    phf_map(
        out,
        &format!("{prefix}_INDEX"),
        &format!("&'static [{enum_name}]"),
        &entries,
    );
    let _ = writeln!(
        out,
        "\n/// The {what} with `%s`/`%d` placeholders, in normal form, each with its literal start.\npub(crate) static {prefix}_TEMPLATES: [crate::catalog::Template<{enum_name}>; {}] = [",
        templates.len()
    );
    for (template, name) in &templates {
        let start = template.split('%').next().unwrap_or("");
        let _ = writeln!(
            out,
            "    crate::catalog::Template {{ start: {}, template: {}, codes: &[{enum_name}::{name}] }},",
            lit(start),
            lit(template)
        );
    }
    out.push_str("];\n");
    Ok(())
}

/// A `phf::Map` static named `name` from each key to a value expression of `value_type`, built
/// by `phf_codegen`.
pub(crate) fn phf_map(
    out: &mut String,
    name: &str,
    value_type: &str,
    entries: &[(String, String)],
) {
    let mut map = phf_codegen::Map::new();
    for (key, value) in entries {
        map.entry(key.as_str(), value.as_str());
    }
    let _ = writeln!(
        out,
        "pub(crate) static {name}: phf::Map<&'static str, {value_type}> = {};",
        map.build()
    );
}

/// A function named `name` from each key, byte for byte, to a value expression of
/// `value_type`: a `match` on the length, then on the text. For a small catalog whose codes
/// are read from every body, this beats hashing the key (`phf`'s SipHash-13 at 128 bits):
/// most lengths hold one to six codes, and a wrong length is ruled out with no comparison.
/// Keys are sorted, so a new row adds one line.
pub(crate) fn str_match(
    out: &mut String,
    name: &str,
    value_type: &str,
    entries: &[(String, String)],
) {
    let mut by_len: BTreeMap<usize, Vec<&(String, String)>> = BTreeMap::new();
    for entry in entries {
        by_len.entry(entry.0.len()).or_default().push(entry);
    }
    let _ = write!(
        out,
        "pub(crate) fn {name}(key: &str) -> Option<{value_type}> {{\n    Some(match key.len() {{\n"
    );
    for (len, group) in &mut by_len {
        group.sort();
        let _ = writeln!(out, "        {len} => match key {{");
        for (key, value) in group.iter() {
            let _ = writeln!(out, "            {} => {value},", lit(key));
        }
        out.push_str("            _ => return None,\n        },\n");
    }
    out.push_str("        _ => return None,\n    })\n}\n");
}

/// The Rust expression for a row's `retry_hint` cell (`None` when empty), checked with the
/// library's own parser. A duration is built by a call, which a `&Row { .. }` in a `match` arm
/// cannot hold, so it is named by a constant that [`hint_consts`] declares.
pub(crate) fn retry_hint_expr(row: &Row<'_>) -> Result<String, TableError> {
    let text = row.get("retry_hint");
    if text.is_empty() {
        return Ok("None".to_owned());
    }
    match RetryHint::parse(text) {
        Some(RetryHint::After(delay)) => Ok(format!("AFTER_{}S", delay.as_secs())),
        Some(RetryHint::NextDay { utc_offset_seconds }) => Ok(format!(
            "Some(crate::RetryHint::NextDay {{ utc_offset_seconds: {utc_offset_seconds} }})"
        )),
        Some(RetryHint::Later) => Ok("Some(crate::RetryHint::Later)".to_owned()),
        None => Err(row.error(format!(
            "retry_hint {text:?} must be empty, `after Ns`, `next day UTC+H` or `later`"
        ))),
    }
}

/// The `AFTER_{n}S` constants that the given [`retry_hint_expr`] expressions use.
pub(crate) fn hint_consts<'e>(out: &mut String, exprs: impl IntoIterator<Item = &'e str>) {
    let mut seconds: Vec<u64> = exprs
        .into_iter()
        .filter_map(|e| e.strip_prefix("AFTER_")?.strip_suffix('S')?.parse().ok())
        .collect();
    seconds.sort_unstable();
    seconds.dedup();
    for s in seconds {
        let _ = writeln!(
            out,
            "\nconst AFTER_{s}S: Option<crate::RetryHint> = Some(crate::RetryHint::After(std::time::Duration::from_secs({s})));"
        );
    }
}

/// A struct literal for an info row: `Type { field: value, ... }` with values already rendered.
pub(crate) fn struct_literal(type_name: &str, fields: &[(&str, String)]) -> String {
    let mut s = format!("{type_name} {{\n");
    for (field, value) in fields {
        let _ = writeln!(s, "        {field}: {value},");
    }
    s.push_str("    }");
    s
}

/// `impl ty { docs  pub const fn fn_name(self) -> bool { matches!(self, ty::A | ty::B) } }`:
/// a predicate over the variants a table lists (`false` for every variant when it lists none).
pub(crate) fn variant_predicate(
    out: &mut String,
    ty: &str,
    fn_name: &str,
    docs: &[&str],
    names: &[String],
) {
    let _ = write!(out, "\nimpl {ty} {{\n");
    for line in docs {
        let _ = writeln!(out, "    /// {line}");
    }
    let _ = write!(
        out,
        "    #[must_use]\n    pub const fn {fn_name}(self) -> bool {{\n        matches!(self"
    );
    for (i, name) in names.iter().enumerate() {
        let sep = if i == 0 { ", " } else { " | " };
        let _ = write!(out, "{sep}{ty}::{name}");
    }
    if names.is_empty() {
        out.push_str(", _ if false");
    }
    out.push_str(")\n    }\n}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogs will hold thousands of messages that differ only in the middle
    /// (`file size exceeds 10M limit` / `…20M limit`): the index must take them all.
    #[test]
    fn message_index_takes_ten_thousand_keys_with_long_shared_ends() {
        let prefix = "uploadFile:fail file size exceeds ".repeat(3);
        let suffix = " limit, please retry with a smaller file".repeat(3);
        let keys: Vec<String> = (0..10_000)
            .map(|i| format!("{prefix}{i}M{suffix}"))
            .collect();
        let messages: Vec<(&str, &str)> = keys.iter().map(|k| (k.as_str(), "V")).collect();
        let mut out = String::new();
        message_index(&mut out, "synthetic.tsv", "SYN", "messages", "E", &messages)
            .expect("distinct keys index");
        for key in ["10M", "20M", "9999M"] {
            let spelled = format!("{prefix}{key}{suffix}");
            let normal = normalized(&spelled);
            assert_ne!(
                spelled, normal,
                "the keys spell `uploadFile` with a capital"
            );
            for literal in [format!("({spelled:?}, "), format!("({normal:?}, ")] {
                assert_eq!(out.matches(&literal).count(), 1, "{literal}");
            }
        }
        // Each message under its spelling and its normal form.
        assert_eq!(out.matches("&[E::V]").count(), 20_000);
    }

    #[test]
    fn message_index_rejects_two_spellings_of_one_normal_form() {
        let mut out = String::new();
        let err = message_index(
            &mut out,
            "t.tsv",
            "X",
            "m",
            "E",
            &[("Time out", "A"), ("time out.", "B")],
        )
        .expect_err("one key, two spellings");
        assert!(err.to_string().contains("same normal form"), "{err}");
    }

    #[test]
    fn from_code_is_one_arm_per_code() {
        let variant = |code, name: &str| Variant {
            discriminant: Some(code),
            name: name.to_owned(),
            docs: Vec::new(),
            aliases: Vec::new(),
            info: String::new(),
        };
        let mut out = String::new();
        from_code_match(
            &mut out,
            "t.tsv",
            "E",
            "u32",
            &[variant(5, "A"), variant(1500102, "B")],
        )
        .expect("numeric codes");
        assert!(out.contains(
            "        5 => Some(E::A),\n        1500102 => Some(E::B),\n        _ => None,"
        ));
    }
}
