//! `data/wechat_legacy_families.tsv`, `data/wechat_legacy_codes.tsv` and
//! `data/wechat_legacy_wrappers.tsv` → `src/wx/legacy/generated.rs`.

use std::fmt::Write as _;
use std::path::Path;

use crate::render::{Variant, catalog_attrs, enum_decl, message_index, para, struct_literal};
use crate::table::{Table, TableError};
use crate::{header, lit, require_unique};

const FAMILIES: &str = "wechat_legacy_families.tsv";
const CODES: &str = "wechat_legacy_codes.tsv";
const WRAPPERS: &str = "wechat_legacy_wrappers.tsv";

const FAMILY_COLUMNS: &[&str] = &[
    "family",
    "name",
    "apis",
    "api_substrings",
    "any_api",
    "description",
    "reference_key",
    "every_failure",
    "every_failure_source",
];

const CODE_COLUMNS: &[&str] = &[
    "family",
    "err_code",
    "name",
    "action",
    "errno",
    "err_msg",
    "message_zh",
    "message_en",
    "reliability",
    "source",
    "note",
];

const FAMILY_HEADER: &str = r#"
/// The API family a legacy `errCode` belongs to: the same number means different things in
/// different families (10001 is Bluetooth's "not available", a subscription's "no template IDs"
/// and an audio "system error").
///
/// ```
/// use minierr::wx::legacy::Family;
/// assert_eq!(Family::of_api("openBluetoothAdapter"), Some(Family::Bluetooth));
/// assert_eq!(Family::of_api("requestSubscribeMessage"), Some(Family::SubscribeMessage));
/// assert_eq!(Family::of_api("request"), None);
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,
    strum::EnumCount, strum::IntoStaticStr,
)]
#[non_exhaustive]
"#;

const CODE_HEADER: &str = r#"
/// A legacy per-API `errCode` or documented message: one variant for each row of the
/// reference's per-API tables, keyed by [`Family`] and code (or message).
///
/// ```
/// use minierr::wx::legacy::{Code, Family};
/// let code = Code::find(Family::SubscribeMessage, 20001).expect("in the catalog");
/// assert_eq!(code, Code::SubscribeMessageNoTemplateData);
/// assert_eq!(code.err_msg(), "No template data return, verify the template id exist");
/// assert_eq!(Code::find(Family::Bluetooth, 10001), Some(Code::BluetoothNotAvailable));
/// ```
"#;

struct Family {
    key: String,
    name: String,
    apis: Vec<String>,
    substrings: Vec<String>,
    any_api: bool,
    description: String,
    /// The step the family's page gives every failure (`wx.checkSession`: a failure means the
    /// session key expired), with the page.
    every_failure: Option<(&'static str, String)>,
}

struct Entry {
    family: usize,
    err_code: Option<i64>,
    name: String,
    action: Option<&'static str>,
    errno: Option<u32>,
    err_msg: String,
    message_zh: String,
    message_en: String,
    reliability: &'static str,
    source: String,
    note: String,
}

fn words(cell: &str) -> Vec<String> {
    cell.split_whitespace().map(str::to_owned).collect()
}

fn read_families(data: &Path) -> Result<Vec<Family>, TableError> {
    let table = Table::read(&data.join(FAMILIES), FAMILY_COLUMNS)?;
    let mut families = Vec::new();
    for row in table.rows() {
        families.push(Family {
            key: row.required("family")?.to_owned(),
            name: crate::wechat::variant_name(&row)?.to_owned(),
            apis: words(row.get("apis")),
            substrings: words(row.get("api_substrings")),
            any_api: match row.get("any_api") {
                "" => false,
                "any" => true,
                other => return Err(row.error(format!("any_api {other:?} must be empty or `any`"))),
            },
            description: row.required("description")?.to_owned(),
            every_failure: match row.get("every_failure") {
                "" if row.get("every_failure_source").is_empty() => None,
                "" => return Err(row.error("every_failure_source without an every_failure step")),
                spelled => {
                    let action = crate::wechat::ACTIONS
                        .iter()
                        .find(|(snake, _)| *snake == spelled)
                        .map(|(_, camel)| *camel)
                        .ok_or_else(|| row.error(format!("unknown every_failure {spelled:?}")))?;
                    Some((action, row.required("every_failure_source")?.to_owned()))
                }
            },
        });
    }
    require_unique(
        table.name(),
        "family",
        families.iter().map(|f| f.key.as_str()),
    )?;
    require_unique(
        table.name(),
        "name",
        families.iter().map(|f| f.name.as_str()),
    )?;
    Ok(families)
}

fn read_codes(data: &Path, families: &[Family]) -> Result<Vec<Entry>, TableError> {
    let table = Table::read(&data.join(CODES), CODE_COLUMNS)?;
    let mut entries = Vec::new();
    for row in table.rows() {
        let key = row.required("family")?;
        let family = families
            .iter()
            .position(|f| f.key == key)
            .ok_or_else(|| row.error(format!("family {key:?} is not in {FAMILIES}")))?;
        let parse = |column: &str| -> Result<Option<i64>, TableError> {
            match row.get(column) {
                "" => Ok(None),
                text => text
                    .parse()
                    .map(Some)
                    .map_err(|_| row.error(format!("{column} {text:?} is not an integer"))),
            }
        };
        let err_code = parse("err_code")?;
        let errno = parse("errno")?
            .map(|n| u32::try_from(n).map_err(|_| row.error("errno out of range")))
            .transpose()?;
        let err_msg = row.get("err_msg").to_owned();
        if err_msg.contains('%') && !crate::wechat::template_is_valid(&err_msg) {
            return Err(row.error(format!("{err_msg:?} has a `%` that is not `%s` or `%d`")));
        }
        entries.push(Entry {
            family,
            err_code,
            name: crate::wechat::variant_name(&row)?.to_owned(),
            action: crate::wechat::optional_action(&row)?,
            errno,
            err_msg,
            message_zh: row.get("message_zh").to_owned(),
            message_en: row.required("message_en")?.to_owned(),
            reliability: crate::wechat_server::reliability(&row)?,
            source: row.required("source")?.to_owned(),
            note: row.get("note").to_owned(),
        });
    }
    require_unique(
        table.name(),
        "name",
        entries.iter().map(|e| e.name.as_str()),
    )?;
    let keys: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            e.err_code
                .map(|c| format!("{} {c}", families[e.family].key))
        })
        .collect();
    require_unique(
        table.name(),
        "family and err_code",
        keys.iter().map(String::as_str),
    )?;
    Ok(entries)
}

fn family_variant(f: &Family) -> Variant {
    let mut docs = vec![format!("{}.", para(&f.description))];
    if f.any_api {
        docs.push("Its messages can come from any API.".to_owned());
    }
    if let Some((action, source)) = &f.every_failure {
        docs.push(format!(
            "Its page gives every failure one meaning: next step [`Action::{action}`] \
             where no code or reason class reads it (<{source}>)."
        ));
    }
    Variant {
        discriminant: None,
        name: f.name.clone(),
        docs,
        aliases: vec![f.key.clone()],
        info: String::new(),
    }
}

fn code_variant(e: &Entry, families: &[Family]) -> Variant {
    let family = &families[e.family];
    let key = match (e.err_code, e.err_msg.is_empty()) {
        (Some(code), _) => format!("errCode `{code}`"),
        (None, false) => format!("errMsg `{}`", e.err_msg),
        (None, true) => "no errCode or errMsg of its own".to_owned(),
    };
    let mut docs = vec![
        format!(
            "{} · {key} · {} source",
            para(&family.description),
            e.reliability.to_lowercase()
        ),
        para(&e.message_zh),
        format!("{}.", para(&e.message_en)),
    ];
    if let Some(errno) = e.errno {
        docs.push(format!("errno equivalent: `{errno}`."));
    }
    docs.push(match e.action {
        Some(action) => format!("Next step: [`Action::{action}`]."),
        None => "Next step: none of its own; the message says what failed.".to_owned(),
    });
    docs.retain(|d| !d.is_empty());
    if !e.note.is_empty() {
        docs.push(format!("Note: {}", para(&e.note)));
    }
    let mut aliases = vec![e.err_msg.clone()];
    if let Some(code) = e.err_code {
        aliases.push(code.to_string());
    }
    aliases.retain(|a| !a.contains('%'));
    Variant {
        discriminant: None,
        name: e.name.clone(),
        docs,
        aliases,
        info: struct_literal(
            "CodeInfo",
            &[
                ("family", format!("Family::{}", family.name)),
                (
                    "err_code",
                    e.err_code
                        .map_or_else(|| "None".to_owned(), |c| format!("Some({c})")),
                ),
                ("err_msg", lit(&e.err_msg)),
                (
                    "errno",
                    e.errno
                        .map_or_else(|| "None".to_owned(), |n| format!("Some({n})")),
                ),
                ("message_zh", lit(&e.message_zh)),
                ("message_en", lit(&e.message_en)),
                (
                    "action",
                    e.action
                        .map_or_else(|| "None".to_owned(), |a| format!("Some(Action::{a})")),
                ),
                ("reliability", format!("Reliability::{}", e.reliability)),
                ("source", lit(&e.source)),
                ("note", lit(&e.note)),
            ],
        ),
    }
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let families = read_families(data)?;
    let entries = read_codes(data, &families)?;
    let mut out = header(&[
        &format!("data/{FAMILIES}"),
        &format!("data/{CODES}"),
        &format!("data/{WRAPPERS}"),
    ]);
    out.push_str("\nuse super::{CodeInfo, FamilyInfo, Reliability};\nuse crate::Action;\n");

    let family_variants: Vec<Variant> = families.iter().map(family_variant).collect();
    enum_decl(&mut out, FAMILY_HEADER, "Family", &family_variants);
    let _ = writeln!(
        out,
        "\n/// Every family, in table order.\npub(super) const FAMILIES: [Family; {}] = [",
        families.len()
    );
    for f in &families {
        let _ = writeln!(out, "    Family::{},", f.name);
    }
    out.push_str("];\n\n/// A family's row.\npub(super) const fn family_info(family: Family) -> &'static FamilyInfo {\n    match family {\n");
    for f in &families {
        let list = |items: &[String]| items.iter().map(|a| lit(a)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            out,
            "        Family::{} => &FamilyInfo {{ key: {}, apis: &[{}], any_api: {}, description: {}, every_failure: {} }},",
            f.name,
            lit(&f.key),
            list(&f.apis),
            f.any_api,
            lit(&f.description),
            f.every_failure
                .as_ref()
                .map_or_else(|| "None".to_owned(), |(a, _)| format!("Some(Action::{a})"))
        );
    }
    out.push_str("    }\n}\n");
    // The substrings of every family in one list, in table order, so that the first that an
    // API's name contains belongs to the first family that claims the name.
    out.push_str(
        "\n/// Every family's API-name substrings, in table order.\npub(super) const API_SUBSTRINGS: &[(&str, Family)] = &[\n",
    );
    for f in &families {
        for s in &f.substrings {
            let _ = writeln!(out, "    ({}, Family::{}),", lit(s), f.name);
        }
    }
    out.push_str("];");
    let mut api_entries: Vec<(String, String)> = Vec::new();
    for f in &families {
        for api in &f.apis {
            if api_entries.iter().any(|(a, _)| a == api) {
                return Err(TableError::new(
                    FAMILIES,
                    0,
                    format!("API {api:?} is in two families"),
                ));
            }
            api_entries.push((api.clone(), format!("Family::{}", f.name)));
        }
    }
    out.push_str("\n/// Every API a family names exactly, to its family.\n");
    crate::render::phf_map(&mut out, "API_FAMILY", "Family", &api_entries);

    let variants: Vec<Variant> = entries.iter().map(|e| code_variant(e, &families)).collect();
    enum_decl(
        &mut out,
        &format!("{CODE_HEADER}{}", catalog_attrs(None)),
        "Code",
        &variants,
    );
    crate::render::variant_tables(&mut out, "Code", "CodeInfo", &variants);
    out.push_str("\n/// The code a family gives a number, or `None`.\npub(super) const fn find(family: Family, err_code: i64) -> Option<Code> {\n    match (family, err_code) {\n");
    for e in &entries {
        if let Some(code) = e.err_code {
            let _ = writeln!(
                out,
                "        (Family::{}, {code}) => Some(Code::{}),",
                families[e.family].name, e.name
            );
        }
    }
    out.push_str("        _ => None,\n    }\n}\n");
    let messages: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.err_msg.as_str(), e.name.as_str()))
        .collect();
    message_index(
        &mut out,
        CODES,
        "MESSAGE",
        "errMsg reasons",
        "Code",
        &messages,
    )?;
    render_wrappers(data, &entries, &families, &mut out)?;
    Ok(crate::GeneratedFile {
        path: "src/wx/legacy/generated.rs",
        contents: out,
    })
}

/// `data/wechat_legacy_wrappers.tsv` → `Code::wraps_reason`: the legacy codes that, like the
/// errno wrappers, only say a layer failed and leave the detail to the errMsg.
fn render_wrappers(
    data: &Path,
    entries: &[Entry],
    families: &[Family],
    out: &mut String,
) -> Result<(), TableError> {
    let table = Table::read(
        &data.join(WRAPPERS),
        &["family", "err_code", "name", "source", "note"],
    )?;
    let mut names = Vec::new();
    for row in table.rows() {
        let family = row.required("family")?;
        let err_code: i64 = row
            .required("err_code")?
            .parse()
            .map_err(|_| row.error("err_code is not an integer"))?;
        let name = row.required("name")?;
        let listed = entries.iter().any(|e| {
            families[e.family].key == family && e.err_code == Some(err_code) && e.name == name
        });
        if !listed {
            return Err(row.error(format!(
                "{family} {err_code} {name} is not a row of {CODES}"
            )));
        }
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every row needs a source URL"));
        }
        names.push(name.to_owned());
    }
    require_unique(WRAPPERS, "name", names.iter().map(String::as_str))?;
    crate::render::variant_predicate(
        out,
        "Code",
        "wraps_reason",
        &[
            "Whether the code only says which layer failed and leaves the detail to the errMsg",
            "(`data/wechat_legacy_wrappers.tsv`), as the errno wrappers do",
            "([`Errno::wraps_reason`](crate::wx::Errno::wraps_reason)): beside a detail that no",
            "reason class reads, its step is unknown.",
        ],
        &names,
    );
    Ok(())
}
