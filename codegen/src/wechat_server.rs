//! `data/wechat_server_errcode.tsv` → `src/wx/server/generated.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::normalize::normalized;
use crate::render::{
    Variant, catalog_attrs, enum_decl, from_code_match, hint_consts, para, phf_map,
    retry_hint_expr, struct_literal, variant_tables,
};
use crate::table::{Row, Table, TableError};
use crate::wechat::action_variant;
use crate::{header, lit, require_unique};

const FILE: &str = "wechat_server_errcode.tsv";
pub(crate) const COLUMNS: &[&str] = &[
    "code",
    "name",
    "only_for",
    "action",
    "retry_hint",
    "errmsg",
    "aliases",
    "message_zh",
    "message_en",
    "reliability",
    "apis",
    "source",
    "note",
];

const ENUM_HEADER: &str = r#"
/// A WeChat server API `errcode`: one variant for each code of the reference table.
///
/// The discriminant is the code itself, so `errcode as i64` and [`Errcode::code`] agree. A code
/// the catalog does not know is not an `Errcode`; keep it losslessly with
/// [`AnyErrcode`](super::AnyErrcode), which [`Response`](super::Response) uses.
///
/// ```
/// use minierr::wx::server::{Errcode, Reliability};
///
/// let code = Errcode::from_code(40029).expect("in the catalog");
/// assert_eq!(code, Errcode::InvalidCode);
/// assert_eq!(code.errmsg(), "invalid code");
/// assert_eq!(code.reliability(), Reliability::Official);
/// assert_eq!(Errcode::from_code(40999), None);
/// ```
"#;

/// One row of the table, as the generator reads it.
struct Entry {
    code: i64,
    name: String,
    only_for: Vec<String>,
    action: &'static str,
    retry_hint: String,
    errmsg: String,
    aliases: Vec<String>,
    message_zh: String,
    message_en: String,
    reliability: &'static str,
    apis: String,
    source: String,
    note: String,
    /// The step came from [`action_by_rule`](crate::server_rule::action_by_rule).
    by_rule: bool,
}

pub(crate) fn reliability(row: &Row<'_>) -> Result<&'static str, TableError> {
    match row.required("reliability")? {
        "official" => Ok("Official"),
        "secondary" => Ok("Secondary"),
        "tertiary" => Ok("Tertiary"),
        other => Err(row.error(format!(
            "reliability {other:?} must be official, secondary or tertiary"
        ))),
    }
}

fn read(data: &Path) -> Result<Vec<Entry>, TableError> {
    let table = Table::read(&data.join(FILE), COLUMNS)?;
    let mut entries: Vec<Entry> = Vec::new();
    for row in table.rows() {
        let text = row.required("code")?;
        let code: i64 = text
            .parse()
            .map_err(|_| row.error(format!("code {text:?} is not an integer")))?;
        let only_for: Vec<String> = row
            .get("only_for")
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        // A per-API row follows its code's main row and repeats no name.
        let name = if only_for.is_empty() {
            crate::wechat::variant_name(&row)?.to_owned()
        } else {
            match entries
                .iter()
                .find(|e| e.code == code && e.only_for.is_empty())
            {
                Some(main) if row.get("name").is_empty() => main.name.clone(),
                Some(_) => return Err(row.error("a per-API row leaves `name` empty")),
                None => return Err(row.error("a per-API row must follow its code's main row")),
            }
        };
        let retry_hint = retry_hint_expr(&row)?;
        let errmsg = row.get("errmsg").to_owned();
        let aliases = crate::wechat::spellings(&row, "aliases", &errmsg)?;
        entries.push(Entry {
            code,
            name,
            only_for,
            action: action_variant(&row)?,
            retry_hint,
            errmsg,
            aliases,
            // Some codes are known only by their English errmsg.
            message_zh: row.get("message_zh").to_owned(),
            message_en: row.required("message_en")?.to_owned(),
            reliability: reliability(&row)?,
            apis: row.get("apis").to_owned(),
            source: row.required("source")?.to_owned(),
            note: row.get("note").to_owned(),
            by_rule: false,
        });
    }
    let main: Vec<&Entry> = entries.iter().filter(|e| e.only_for.is_empty()).collect();
    let codes: Vec<String> = main.iter().map(|e| e.code.to_string()).collect();
    require_unique(table.name(), "code", codes.iter().map(String::as_str))?;
    require_unique(table.name(), "name", main.iter().map(|e| e.name.as_str()))?;
    entries.extend(read_open(data)?);
    // One namespace in ascending order, as the server table alone was; a per-API row stays
    // after its code's main row (the sort is stable).
    entries.sort_by_key(|e| e.code);
    let main: Vec<&Entry> = entries.iter().filter(|e| e.only_for.is_empty()).collect();
    let codes: Vec<String> = main.iter().map(|e| e.code.to_string()).collect();
    let both = format!("{FILE} and {OPEN_FILE}");
    require_unique(&both, "code", codes.iter().map(String::as_str))?;
    require_unique(&both, "name", main.iter().map(|e| e.name.as_str()))?;
    Ok(entries)
}

const OPEN_FILE: &str = "wechat_open_errcode.tsv";
const OPEN_COLUMNS: &[&str] = &[
    "code",
    "name",
    "action",
    "errmsg",
    "aliases",
    "message_zh",
    "message_en",
    "reliability",
    "apis",
    "source",
    "note",
];

/// The open platform's codes: the same namespace, the same enum. A row whose action is `rule`
/// takes the step [`action_by_rule`](crate::server_rule::action_by_rule) derives from its
/// text, and a rule-derived back-off retries `later`.
fn read_open(data: &Path) -> Result<Vec<Entry>, TableError> {
    let table = Table::read(&data.join(OPEN_FILE), OPEN_COLUMNS)?;
    let mut entries = Vec::new();
    for row in table.rows() {
        let text = row.required("code")?;
        let code: i64 = text
            .parse()
            .map_err(|_| row.error(format!("code {text:?} is not an integer")))?;
        let errmsg = row.get("errmsg").to_owned();
        let message_zh = row.get("message_zh").to_owned();
        if errmsg.is_empty() && message_zh.is_empty() {
            return Err(row.error("a code needs its errmsg or its Chinese text"));
        }
        let aliases = crate::wechat::spellings(&row, "aliases", &errmsg)?;
        let (action, by_rule) = match row.required("action")? {
            "rule" => (
                crate::server_rule::action_by_rule(&errmsg, &message_zh),
                true,
            ),
            _ => (action_variant(&row)?, false),
        };
        let retry_hint = if by_rule && action == "Backoff" {
            "Some(crate::RetryHint::Later)".to_owned()
        } else {
            "None".to_owned()
        };
        let note = row.get("note");
        let note = if by_rule {
            let derived = "Step derived by rule from the text (codegen/src/server_rule.rs), not reviewed by hand.";
            if note.is_empty() {
                derived.to_owned()
            } else {
                format!("{note} {derived}")
            }
        } else {
            note.to_owned()
        };
        entries.push(Entry {
            code,
            name: crate::wechat::variant_name(&row)?.to_owned(),
            only_for: Vec::new(),
            action,
            retry_hint,
            errmsg,
            aliases,
            message_zh,
            message_en: row.required("message_en")?.to_owned(),
            reliability: reliability(&row)?,
            apis: row.get("apis").to_owned(),
            source: row.required("source")?.to_owned(),
            note,
            by_rule,
        });
    }
    Ok(entries)
}

fn info_literal(e: &Entry) -> String {
    struct_literal(
        "ErrcodeInfo",
        &[
            ("errmsg", lit(&e.errmsg)),
            (
                "aliases",
                format!(
                    "&[{}]",
                    e.aliases
                        .iter()
                        .map(|a| lit(a))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
            ("message_zh", lit(&e.message_zh)),
            ("message_en", lit(&e.message_en)),
            ("action", format!("Action::{}", e.action)),
            ("by_rule", e.by_rule.to_string()),
            ("retry_hint", e.retry_hint.clone()),
            ("reliability", format!("Reliability::{}", e.reliability)),
            ("apis", lit(&e.apis)),
            ("source", lit(&e.source)),
            ("note", lit(&e.note)),
        ],
    )
}

fn variant(e: &Entry, per_api: &[&Entry]) -> Variant {
    let errmsg = if e.errmsg.is_empty() {
        "errmsg: none shown in the sources".to_owned()
    } else {
        format!("errmsg `{}`", e.errmsg)
    };
    let mut docs = vec![
        format!(
            "`{}` · {errmsg} · {} source",
            e.code,
            e.reliability.to_lowercase()
        ),
        para(&e.message_zh),
        format!("{}.", para(&e.message_en)),
        format!("Next step: [`Action::{}`].", e.action),
    ];
    for other in per_api {
        docs.push(format!(
            "On {}: {}. Next step: [`Action::{}`].",
            other
                .only_for
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", "),
            para(&other.message_en),
            other.action
        ));
    }
    if !e.note.is_empty() {
        docs.push(format!("Note: {}", para(&e.note)));
    }
    let mut aliases = vec![e.code.to_string(), e.errmsg.clone()];
    aliases.extend(e.aliases.iter().filter(|a| !a.contains('%')).cloned());
    Variant {
        discriminant: Some(e.code),
        name: e.name.clone(),
        docs,
        aliases,
        info: info_literal(e),
    }
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let entries = read(data)?;
    let main: Vec<&Entry> = entries.iter().filter(|e| e.only_for.is_empty()).collect();
    let per_api = |code: i64| -> Vec<&Entry> {
        entries
            .iter()
            .filter(|e| e.code == code && !e.only_for.is_empty())
            .collect()
    };
    let variants: Vec<Variant> = main.iter().map(|e| variant(e, &per_api(e.code))).collect();

    let mut out = header(&[&format!("data/{FILE}"), &format!("data/{OPEN_FILE}")]);
    out.push_str("\nuse super::{ApiMeaning, ErrcodeInfo, Reliability};\nuse crate::Action;\n");
    hint_consts(&mut out, entries.iter().map(|e| e.retry_hint.as_str()));
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(Some("i64"))),
        "Errcode",
        &variants,
    );
    from_code_match(&mut out, FILE, "Errcode", "i64", &variants)?;
    variant_tables(&mut out, "Errcode", "ErrcodeInfo", &variants);

    out.push_str("\n/// The meanings a code has on particular APIs, in table order; empty for most codes.\npub(super) const fn api_meanings(variant: Errcode) -> &'static [ApiMeaning] {\n    match variant {\n");
    for e in &main {
        let rows = per_api(e.code);
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "        Errcode::{} => &[", e.name);
        for row in rows {
            let apis: Vec<String> = row.only_for.iter().map(|a| lit(a)).collect();
            let info = info_literal(row).replace('\n', "\n            ");
            let _ = writeln!(
                out,
                "            ApiMeaning {{\n                only_for: &[{}],\n                info: {info},\n            }},",
                apis.join(", ")
            );
        }
        out.push_str("        ],\n");
    }
    out.push_str("        _ => &[],\n    }\n}\n");

    // errmsgs and their documented other spellings, by normal form; templates apart.
    let mut index: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut templates: Vec<(String, &str)> = Vec::new();
    for e in &main {
        for message in std::iter::once(&e.errmsg).chain(&e.aliases) {
            if message.is_empty() {
                continue;
            }
            let key = normalized(message);
            if message.contains("%s") || message.contains("%d") {
                templates.push((key, &e.name));
            } else {
                let names = index.entry(key).or_default();
                if !names.contains(&e.name.as_str()) {
                    names.push(&e.name);
                }
            }
        }
    }
    let entries: Vec<(String, String)> = index
        .iter()
        .map(|(key, names)| {
            let slice: Vec<String> = names.iter().map(|n| format!("Errcode::{n}")).collect();
            (key.clone(), format!("&[{}]", slice.join(", ")))
        })
        .collect();
    out.push_str("\n/// Every errmsg and documented other spelling, in normal form, to the codes that use it, in\n/// code order.\n");
    phf_map(&mut out, "ERRMSG_INDEX", "&'static [Errcode]", &entries);
    let _ = writeln!(
        out,
        "\n/// The errmsgs with `%s`/`%d` placeholders, in normal form, each with its literal start.\npub(crate) static ERRMSG_TEMPLATES: [crate::catalog::Template<Errcode>; {}] = [",
        templates.len()
    );
    for (template, name) in &templates {
        let start = template.split('%').next().unwrap_or("");
        let _ = writeln!(
            out,
            "    crate::catalog::Template {{ start: {}, template: {}, codes: &[Errcode::{name}] }},",
            lit(start),
            lit(template)
        );
    }
    out.push_str("];\n");
    Ok(crate::GeneratedFile {
        path: "src/wx/server/generated.rs",
        contents: out,
    })
}
