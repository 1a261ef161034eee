//! `data/wechat_errno.tsv` + `data/wechat_categories.tsv` → `src/wx/generated.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::table::{Row, Table, TableError};
use crate::{doc_text, header, lit, require_unique};

const ERRNO_FILE: &str = "wechat_errno.tsv";
const CATEGORY_FILE: &str = "wechat_categories.tsv";
const ERRNO_COLUMNS: &[&str] = &[
    "code",
    "name",
    "action",
    "err_msg",
    "message_zh",
    "message_en",
    "note",
];
const CATEGORY_COLUMNS: &[&str] = &[
    "category",
    "subcategory",
    "naming",
    "name_zh",
    "name_en",
    "note",
];

/// The `minierr::Action` variants, as spelled in the tables.
pub(crate) const ACTIONS: &[(&str, &str)] = &[
    ("success", "Success"),
    ("retry", "Retry"),
    ("backoff", "Backoff"),
    ("refresh", "Refresh"),
    ("reconcile", "Reconcile"),
    ("ask_user", "AskUser"),
    ("fix_request", "FixRequest"),
    ("fix_config", "FixConfig"),
    ("give_up", "GiveUp"),
];

struct Entry {
    code: u32,
    name: String,
    action: &'static str,
    err_msg: String,
    message_zh: String,
    message_en: String,
    note: String,
}

struct Group {
    category: u16,
    subcategory: Option<u8>,
    naming: &'static str,
    name_zh: String,
    name_en: String,
    note: String,
}

pub(crate) fn action_variant(row: &Row<'_>) -> Result<&'static str, TableError> {
    let spelled = row.required("action")?;
    ACTIONS
        .iter()
        .find(|(snake, _)| *snake == spelled)
        .map(|(_, camel)| *camel)
        .ok_or_else(|| {
            row.error(format!(
                "unknown action {spelled:?}; expected one of {:?}",
                ACTIONS.iter().map(|(s, _)| *s).collect::<Vec<_>>()
            ))
        })
}

pub(crate) fn variant_name<'t>(row: &Row<'t>) -> Result<&'t str, TableError> {
    let name = row.required("name")?;
    let mut chars = name.chars();
    let starts_upper = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    if !starts_upper || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(row.error(format!("variant name {name:?} is not UpperCamelCase ASCII")));
    }
    Ok(name)
}

fn read_entries(data: &Path) -> Result<Vec<Entry>, TableError> {
    let table = Table::read(&data.join(ERRNO_FILE), ERRNO_COLUMNS)?;
    let mut entries = Vec::new();
    for row in table.rows() {
        let code_text = row.required("code")?;
        let code: u32 = code_text
            .parse()
            .map_err(|_| row.error(format!("code {code_text:?} is not a u32")))?;
        let err_msg = row.get("err_msg");
        if err_msg.contains('%') && !template_is_valid(err_msg) {
            return Err(row.error(format!(
                "errMsg {err_msg:?} has a `%` that is not `%s` or `%d`"
            )));
        }
        entries.push(Entry {
            code,
            name: variant_name(&row)?.to_owned(),
            action: action_variant(&row)?,
            err_msg: err_msg.to_owned(),
            message_zh: row.required("message_zh")?.to_owned(),
            message_en: row.required("message_en")?.to_owned(),
            note: row.get("note").to_owned(),
        });
    }
    if !entries.windows(2).all(|w| w[0].code < w[1].code) {
        return Err(TableError::new(
            table.name(),
            0,
            "rows must be in strictly ascending code order",
        ));
    }
    require_unique(
        table.name(),
        "name",
        entries.iter().map(|e| e.name.as_str()),
    )?;
    Ok(entries)
}

fn template_is_valid(err_msg: &str) -> bool {
    let mut rest = err_msg;
    while let Some(at) = rest.find('%') {
        match rest.get(at + 1..at + 2) {
            Some("s") | Some("d") => rest = &rest[at + 2..],
            _ => return false,
        }
    }
    true
}

fn read_groups(data: &Path) -> Result<Vec<Group>, TableError> {
    let table = Table::read(&data.join(CATEGORY_FILE), CATEGORY_COLUMNS)?;
    let mut groups = Vec::new();
    for row in table.rows() {
        let two_digits = |column: &str| -> Result<Option<u8>, TableError> {
            let text = row.get(column);
            if text.is_empty() {
                return Ok(None);
            }
            if text.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error(format!("{column} {text:?} must be two digits")));
            }
            Ok(text.parse().ok())
        };
        let category =
            two_digits("category")?.ok_or_else(|| row.error("category must not be empty"))?;
        let naming = match row.required("naming")? {
            "upstream" => "Upstream",
            "former_upstream" => "FormerUpstream",
            "unnamed" => "Unnamed",
            other => return Err(row.error(format!("unknown naming {other:?}"))),
        };
        let named = naming != "Unnamed";
        let (zh, en) = (row.get("name_zh"), row.get("name_en"));
        if named == (zh.is_empty() || en.is_empty()) {
            return Err(row.error("named groups need name_zh and name_en; unnamed ones neither"));
        }
        groups.push(Group {
            category: u16::from(category),
            subcategory: two_digits("subcategory")?,
            naming,
            name_zh: zh.to_owned(),
            name_en: en.to_owned(),
            note: row.get("note").to_owned(),
        });
    }
    let keys: Vec<String> = groups
        .iter()
        .map(|g| format!("{:02}/{:?}", g.category, g.subcategory))
        .collect();
    require_unique(
        table.name(),
        "category+subcategory",
        keys.iter().map(String::as_str),
    )?;
    Ok(groups)
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let entries = read_entries(data)?;
    let groups = read_groups(data)?;
    for e in &entries {
        let (cat, sub) = ((e.code / 100_000) as u16, ((e.code / 1000) % 100) as u8);
        if !groups
            .iter()
            .any(|g| g.category == cat && g.subcategory == Some(sub))
        {
            return Err(TableError::new(
                CATEGORY_FILE,
                0,
                format!("code {} needs a row for {cat:02}/{sub:02}", e.code),
            ));
        }
    }

    let mut out = header(&[
        &format!("data/{ERRNO_FILE}"),
        &format!("data/{CATEGORY_FILE}"),
    ]);
    out.push_str("\nuse super::{ErrnoInfo, GroupInfo, Naming};\nuse crate::Action;\n");
    render_enum(&mut out, &entries);
    render_tables(&mut out, &entries)?;
    render_err_msg_maps(&mut out, &entries);
    render_groups(&mut out, &groups);
    Ok(crate::GeneratedFile {
        path: "src/wx/generated.rs",
        contents: out,
    })
}

fn render_enum(out: &mut String, entries: &[Entry]) {
    let _ = write!(
        out,
        r#"
/// A known WeChat mini-program `errno`: one variant for each of the {n} codes of the official list.
///
/// The discriminant is the code itself, so `errno as u32` and [`Errno::code`] agree, and with the
/// `serde` feature an `Errno` (de)serialises as that integer. A code the catalog does not know is
/// not an `Errno`; keep it losslessly with [`AnyErrno`](super::AnyErrno), which [`Fail`](super::Fail) uses.
///
/// ```
/// use minierr::wx::Errno;
///
/// let errno = Errno::from_code(1500102).expect("in the catalog");
/// assert_eq!(errno, Errno::BluetoothAdapterNotAvailable);
/// assert_eq!(errno.code(), 1500102);
/// assert_eq!(Errno::from_code(1500199), None);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
    strum::EnumIter, strum::EnumCount, strum::IntoStaticStr,
)]
#[cfg_attr(feature = "serde", derive(serde_repr::Serialize_repr, serde_repr::Deserialize_repr))]
#[repr(u32)]
#[non_exhaustive]
pub enum Errno {{
"#,
        n = entries.len()
    );
    for e in entries {
        let msg = if e.err_msg.is_empty() {
            "errMsg: none listed upstream".to_owned()
        } else {
            format!("errMsg `{}`", e.err_msg)
        };
        let _ = writeln!(out, "    /// `{}` · {msg}", e.code);
        let _ = writeln!(out, "    ///");
        let _ = writeln!(out, "    /// {}", doc_text(&e.message_zh));
        let _ = writeln!(out, "    ///");
        let _ = writeln!(out, "    /// {}.", doc_text(&e.message_en));
        let _ = writeln!(out, "    ///");
        let _ = writeln!(out, "    /// Next step: [`Action::{}`].", e.action);
        if !e.note.is_empty() {
            let _ = writeln!(out, "    ///");
            let _ = writeln!(out, "    /// Note: {}", doc_text(&e.note));
        }
        let _ = writeln!(out, "    #[doc(alias = \"{}\")]", e.code);
        if !e.err_msg.is_empty() && !e.err_msg.contains(['"', '\'']) {
            let _ = writeln!(out, "    #[doc(alias = {})]", lit(&e.err_msg));
        }
        let _ = writeln!(out, "    {} = {},", e.name, e.code);
    }
    out.push_str("}\n");
}

/// The smallest modulus under which every code lands in its own slot. `code % m` is a few
/// instructions, so lookups cost one division-by-constant and two loads, hits and misses alike.
fn slot_modulus(codes: &[u32]) -> Option<u32> {
    let n = u32::try_from(codes.len()).ok()?;
    (n.max(1)..=u32::from(u16::MAX)).find(|&m| {
        let mut seen = vec![false; m as usize];
        codes
            .iter()
            .all(|&c| !std::mem::replace(&mut seen[(c % m) as usize], true))
    })
}

fn render_tables(out: &mut String, entries: &[Entry]) -> Result<(), TableError> {
    let n = entries.len();
    let codes: Vec<u32> = entries.iter().map(|e| e.code).collect();
    let modulus = slot_modulus(&codes).ok_or_else(|| {
        TableError::new(
            ERRNO_FILE,
            0,
            "no slot modulus below 65536 separates the codes",
        )
    })?;
    let mut slots = vec![u16::MAX; modulus as usize];
    for (index, code) in codes.iter().enumerate() {
        slots[(code % modulus) as usize] = index as u16;
    }
    let _ = writeln!(
        out,
        "\n/// Every catalog code in ascending order; `INFO[i]` is the row of `SORTED_ERRNOS[i]`."
    );
    let _ = writeln!(out, "pub(crate) static SORTED_ERRNOS: [Errno; {n}] = [");
    for e in entries {
        let _ = writeln!(out, "    Errno::{},", e.name);
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// No two codes are equal modulo this: `SLOTS[code % SLOT_MODULUS]` is the code's index, or\n/// `u16::MAX` for a slot no code uses. The generator picks the smallest such modulus.\npub(crate) const SLOT_MODULUS: u32 = {modulus};\n"
    );
    let _ = writeln!(out, "pub(crate) static SLOTS: [u16; {modulus}] = [");
    for chunk in slots.chunks(16) {
        let cells: Vec<String> = chunk.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "    {},", cells.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(out, "pub(crate) static INFO: [ErrnoInfo; {n}] = [");
    for e in entries {
        out.push_str("    ErrnoInfo {\n");
        let _ = writeln!(out, "        err_msg: {},", lit(&e.err_msg));
        let _ = writeln!(out, "        message_zh: {},", lit(&e.message_zh));
        let _ = writeln!(out, "        message_en: {},", lit(&e.message_en));
        let _ = writeln!(out, "        action: Action::{},", e.action);
        let _ = writeln!(out, "        note: {},", lit(&e.note));
        out.push_str("    },\n");
    }
    out.push_str("];\n");
    Ok(())
}

fn render_err_msg_maps(out: &mut String, entries: &[Entry]) {
    // Several codes share an errMsg (`system permission denied` is 3 and 1107013), so each key
    // maps to every code that uses it, in code order.
    let mut exact: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut templates = Vec::new();
    for e in entries.iter().filter(|e| !e.err_msg.is_empty()) {
        if e.err_msg.contains('%') {
            templates.push(e);
        } else {
            exact
                .entry(e.err_msg.as_str())
                .or_default()
                .push(e.name.as_str());
        }
    }
    let mut map = phf_codegen::Map::<&str>::new();
    for (msg, names) in &exact {
        let slice: Vec<String> = names.iter().map(|n| format!("Errno::{n}")).collect();
        map.entry(msg, format!("&[{}]", slice.join(", ")));
    }
    let _ = writeln!(
        out,
        "\n/// Literal catalog errMsgs (no `%s`/`%d`) to every code that uses them.\npub(crate) static ERR_MSG_EXACT: phf::Map<&'static str, &'static [Errno]> = {};",
        map.build()
    );
    let _ = writeln!(
        out,
        "\n/// Catalog errMsgs with `%s`/`%d` placeholders, matched piece by piece.\npub(crate) static ERR_MSG_TEMPLATES: [(&str, &[Errno]); {}] = [",
        templates.len()
    );
    for e in templates {
        let _ = writeln!(out, "    ({}, &[Errno::{}]),", lit(&e.err_msg), e.name);
    }
    out.push_str("];\n");
}

fn render_groups(out: &mut String, groups: &[Group]) {
    let arm = |g: &Group| {
        format!(
            "Some(&GroupInfo {{ naming: Naming::{}, name_zh: {}, name_en: {}, note: {} }})",
            g.naming,
            lit(&g.name_zh),
            lit(&g.name_en),
            lit(&g.note)
        )
    };
    out.push_str("\n/// The first-level category table (digits 1-2).\n");
    out.push_str("pub(crate) const fn category_info(category: u16) -> Option<&'static GroupInfo> {\n    match category {\n");
    for g in groups.iter().filter(|g| g.subcategory.is_none()) {
        let _ = writeln!(out, "        {} => {},", g.category, arm(g));
    }
    out.push_str("        _ => None,\n    }\n}\n");
    out.push_str("\n/// The second-level category table (digits 3-4 within digits 1-2).\n");
    out.push_str("pub(crate) const fn subcategory_info(category: u16, subcategory: u8) -> Option<&'static GroupInfo> {\n    match (category, subcategory) {\n");
    for g in groups {
        if let Some(sub) = g.subcategory {
            let _ = writeln!(out, "        ({}, {}) => {},", g.category, sub, arm(g));
        }
    }
    out.push_str("        _ => None,\n    }\n}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_modulus_separates_codes() {
        assert_eq!(slot_modulus(&[0, 1, 2]), Some(3));
        assert_eq!(slot_modulus(&[0, 3]), Some(2));
        assert_eq!(slot_modulus(&[5]), Some(1));
    }

    #[test]
    fn templates_accept_only_s_and_d() {
        assert!(template_is_valid("mdns resolve system error:%d"));
        assert!(template_is_valid(
            "data type [%s] for input tensor [%s] is unsupported"
        ));
        assert!(!template_is_valid("100% done"));
        assert!(!template_is_valid("trailing %"));
    }
}
