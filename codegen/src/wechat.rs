//! `data/wechat_errno.tsv` + `data/wechat_categories.tsv` → `src/wx/generated.rs`.

use std::fmt::Write as _;
use std::path::Path;

use crate::render::{
    Variant, catalog_attrs, enum_decl, from_code_match, message_index, para, struct_literal,
    variant_tables,
};
use crate::table::{Row, Table, TableError};
use crate::{header, lit, require_unique};

const ERRNO_FILE: &str = "wechat_errno.tsv";
const CATEGORY_FILE: &str = "wechat_categories.tsv";
const ALIAS_FILE: &str = "wechat_err_msg_aliases.tsv";
const ALIAS_COLUMNS: &[&str] = &["alias", "code", "reliability", "source", "note"];
const ERRNO_COLUMNS: &[&str] = &[
    "code",
    "name",
    "action",
    "retry_hint",
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
    retry_hint: String,
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

/// The `action` cell where a row may have none of its own: `inner` (a wrapper, whose wrapped
/// error decides) is `None`.
pub(crate) fn optional_action(row: &Row<'_>) -> Result<Option<&'static str>, TableError> {
    if row.required("action")? == "inner" {
        Ok(None)
    } else {
        action_variant(row).map(Some)
    }
}

pub(crate) fn variant_name<'t>(row: &Row<'t>) -> Result<&'t str, TableError> {
    variant_name_in(row, "name")
}

/// The value of `column`, checked to be an UpperCamelCase ASCII variant name.
pub(crate) fn variant_name_in<'t>(row: &Row<'t>, column: &str) -> Result<&'t str, TableError> {
    let name = row.required(column)?;
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
            retry_hint: crate::render::retry_hint_expr(&row)?,
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

/// A row's other spellings of a message, in `column` and separated by ` | `, each `%`
/// checked along with the row's main message `first`.
pub(crate) fn spellings(
    row: &Row<'_>,
    column: &str,
    first: &str,
) -> Result<Vec<String>, TableError> {
    let spellings: Vec<String> = row
        .get(column)
        .split(" | ")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    for message in std::iter::once(first).chain(spellings.iter().map(String::as_str)) {
        if message.contains('%') && !template_is_valid(message) {
            return Err(row.error(format!("{message:?} has a `%` that is not `%s` or `%d`")));
        }
    }
    Ok(spellings)
}

pub(crate) fn template_is_valid(err_msg: &str) -> bool {
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
        &format!("data/{ALIAS_FILE}"),
        &format!("data/{WRAPPER_FILE}"),
        &format!("data/{}", crate::wechat_reasons::CLASS_FILE),
        &format!("data/{}", crate::wechat_reasons::PATTERN_FILE),
    ]);
    out.push_str(
        "\nuse super::{ErrnoInfo, GroupInfo, Naming, ReasonClassInfo, ReasonMatch};\nuse crate::Action;\n",
    );
    crate::render::hint_consts(&mut out, entries.iter().map(|e| e.retry_hint.as_str()));
    let variants: Vec<Variant> = entries.iter().map(variant).collect();
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(Some("u32"))),
        "Errno",
        &variants,
    );
    from_code_match(&mut out, ERRNO_FILE, "Errno", "u32", &variants)?;
    variant_tables(&mut out, "Errno", "ErrnoInfo", &variants);
    let messages: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.err_msg.as_str(), e.name.as_str()))
        .collect();
    message_index(
        &mut out,
        ERRNO_FILE,
        "ERR_MSG",
        "catalog errMsgs",
        "Errno",
        &messages,
    )?;
    let aliases = read_aliases(data, &entries)?;
    let aliases: Vec<(&str, &str)> = aliases
        .iter()
        .map(|(alias, name)| (alias.as_str(), name.as_str()))
        .collect();
    message_index(
        &mut out,
        ALIAS_FILE,
        "ALIAS",
        "runtime aliases of documented errMsgs",
        "Errno",
        &aliases,
    )?;
    render_groups(&mut out, &groups);
    render_wrappers(data, &entries, &mut out)?;
    crate::wechat_reasons::render(data, &mut out)?;
    Ok(crate::GeneratedFile {
        path: "src/wx/generated.rs",
        contents: out,
    })
}

const ENUM_HEADER: &str = r#"
/// A known WeChat mini-program `errno`: one variant for each code of the official list.
///
/// The discriminant is the code itself, so `errno as u32` and [`Errno::code`] agree, and with the
/// `serde` feature an `Errno` (de)serialises as that integer. A code the catalog does not know is
/// not an `Errno`; keep it losslessly with [`AnyErrno`](super::AnyErrno), which
/// [`Fail`](super::Fail) uses.
///
/// ```
/// use minierr::wx::Errno;
///
/// let errno = Errno::from_code(1500102).expect("in the catalog");
/// assert_eq!(errno, Errno::BluetoothAdapterNotAvailable);
/// assert_eq!(errno.code(), 1500102);
/// assert_eq!(Errno::from_code(1500199), None);
/// ```
"#;

fn variant(e: &Entry) -> Variant {
    let err_msg = if e.err_msg.is_empty() {
        "errMsg: none listed upstream".to_owned()
    } else {
        format!("errMsg `{}`", e.err_msg)
    };
    let mut docs = vec![
        format!("`{}` · {err_msg}", e.code),
        para(&e.message_zh),
        format!("{}.", para(&e.message_en)),
        format!("Next step: [`Action::{}`].", e.action),
    ];
    if !e.note.is_empty() {
        docs.push(format!("Note: {}", para(&e.note)));
    }
    let info = struct_literal(
        "ErrnoInfo",
        &[
            ("err_msg", lit(&e.err_msg)),
            ("message_zh", lit(&e.message_zh)),
            ("message_en", lit(&e.message_en)),
            ("action", format!("Action::{}", e.action)),
            ("retry_hint", e.retry_hint.clone()),
            ("note", lit(&e.note)),
        ],
    );
    Variant {
        discriminant: Some(i64::from(e.code)),
        name: e.name.clone(),
        docs,
        aliases: vec![e.code.to_string(), e.err_msg.clone()],
        info,
    }
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

/// (alias, variant name) for every row of the alias table, in code order; each alias is a
/// runtime wording with a source, and its code must be in the errno table.
fn read_aliases(data: &Path, entries: &[Entry]) -> Result<Vec<(String, String)>, TableError> {
    let table = Table::read(&data.join(ALIAS_FILE), ALIAS_COLUMNS)?;
    let mut aliases = Vec::new();
    for row in table.rows() {
        let alias = row.required("alias")?;
        if alias.contains('%') {
            return Err(row.error("an alias is literal text, without %s or %d"));
        }
        let text = row.required("code")?;
        let entry = text
            .parse::<u32>()
            .ok()
            .and_then(|code| entries.iter().find(|e| e.code == code))
            .ok_or_else(|| row.error(format!("code {text:?} is not in {ERRNO_FILE}")))?;
        // An alias is looked up before the errMsgs, so one that is another code's errMsg takes
        // that text from it: only the platform's own page pairing the text with this code (the
        // privacy guide pairs 101102's `privacy permission is not authorized` with errno 104)
        // may do that.
        let key = crate::normalize::normalized(alias);
        let reliability = row.required("reliability")?;
        if let Some(owner) = entries
            .iter()
            .find(|e| crate::normalize::normalized(&e.err_msg) == key)
            .filter(|_| reliability != "official")
        {
            return Err(row.error(format!(
                "{alias:?} is {}'s errMsg: only an official page that pairs it with code {} \
                 may take it",
                owner.code, entry.code
            )));
        }
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every alias needs a source URL"));
        }
        aliases.push((entry.code, alias.to_owned(), entry.name.clone()));
    }
    aliases.sort_by_key(|(code, ..)| *code);
    Ok(aliases
        .into_iter()
        .map(|(_, alias, name)| (alias, name))
        .collect())
}

const WRAPPER_FILE: &str = "wechat_errno_wrappers.tsv";

/// `data/wechat_errno_wrappers.tsv` → `Errno::wraps_reason`: the codes that only say a layer
/// failed and leave the detail to the errMsg.
fn render_wrappers(data: &Path, entries: &[Entry], out: &mut String) -> Result<(), TableError> {
    let table = Table::read(
        &data.join(WRAPPER_FILE),
        &["code", "name", "source", "note"],
    )?;
    let mut names = Vec::new();
    for row in table.rows() {
        let code: u32 = row
            .required("code")?
            .parse()
            .map_err(|_| row.error("code is not an integer"))?;
        let name = row.required("name")?;
        if !entries.iter().any(|e| e.code == code && e.name == name) {
            return Err(row.error(format!("{code} {name} is not a row of {ERRNO_FILE}")));
        }
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every row needs a source URL"));
        }
        names.push(name.to_owned());
    }
    require_unique(WRAPPER_FILE, "name", names.iter().map(String::as_str))?;
    crate::render::variant_predicate(
        out,
        "Errno",
        "wraps_reason",
        &[
            "Whether the code only says which layer failed and leaves the detail to the errMsg",
            "(`data/wechat_errno_wrappers.tsv`): then a reason class found in the errMsg decides",
            "the next step instead of the code, and a detail there that no class reads leaves the",
            "step unknown: the code's own step holds only beside its own text.",
        ],
        &names,
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
