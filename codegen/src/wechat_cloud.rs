//! `data/wechat_cloud_codes.tsv` → `src/wx/cloud/generated.rs`.

use std::path::Path;

use crate::render::{
    Variant, catalog_attrs, enum_decl, from_code_match, hint_consts, message_index, para,
    retry_hint_expr, struct_literal, variant_tables,
};
use crate::table::{Table, TableError};
use crate::{header, lit, require_unique};

const FILE: &str = "wechat_cloud_codes.tsv";
const COLUMNS: &[&str] = &[
    "code",
    "name",
    "action",
    "retry_hint",
    "label",
    "messages",
    "message_zh",
    "message_en",
    "reliability",
    "where",
    "source",
    "note",
];

const ENUM_HEADER: &str = r#"
/// A WeChat Cloud `errCode`: one variant for each code of the reference table.
///
/// The discriminant is the code itself, so `code as i64` and [`Code::code`] agree. A code the
/// catalog does not know is not a `Code`; keep it losslessly with [`AnyCode`](super::AnyCode),
/// which [`Fail`](super::Fail) uses.
///
/// ```
/// use minierr::wx::cloud::{Code, Reliability};
///
/// let code = Code::from_code(-502005).expect("in the catalog");
/// assert_eq!(code, Code::DatabaseCollectionNotFound);
/// assert_eq!(code.label(), "database collection not exists");
/// assert_eq!(code.reliability(), Reliability::Official);
/// assert_eq!(Code::from_code(-502999), None);
/// ```
"#;

struct Entry {
    code: i64,
    name: String,
    /// `None` for a wrapper code, whose action is the wrapped error's.
    action: Option<&'static str>,
    retry_hint: String,
    label: String,
    messages: Vec<String>,
    message_zh: String,
    message_en: String,
    reliability: &'static str,
    location: String,
    source: String,
    note: String,
}

fn read(data: &Path) -> Result<Vec<Entry>, TableError> {
    let table = Table::read(&data.join(FILE), COLUMNS)?;
    let mut entries = Vec::new();
    for row in table.rows() {
        let text = row.required("code")?;
        let code: i64 = text
            .parse()
            .map_err(|_| row.error(format!("code {text:?} is not an integer")))?;
        let label = row.get("label").to_owned();
        let messages = crate::wechat::spellings(&row, "messages", &label)?;
        if label.is_empty() && row.get("message_zh").is_empty() && messages.is_empty() {
            return Err(row.error("a code needs a label, a Chinese text or a runtime message"));
        }
        entries.push(Entry {
            code,
            name: crate::wechat::variant_name(&row)?.to_owned(),
            action: crate::wechat::optional_action(&row)?,
            retry_hint: retry_hint_expr(&row)?,
            label,
            messages,
            message_zh: row.get("message_zh").to_owned(),
            message_en: row.required("message_en")?.to_owned(),
            reliability: crate::wechat_server::reliability(&row)?,
            location: row.required("where")?.to_owned(),
            source: row.required("source")?.to_owned(),
            note: row.get("note").to_owned(),
        });
    }
    let codes: Vec<String> = entries.iter().map(|e| e.code.to_string()).collect();
    require_unique(table.name(), "code", codes.iter().map(String::as_str))?;
    require_unique(
        table.name(),
        "name",
        entries.iter().map(|e| e.name.as_str()),
    )?;
    Ok(entries)
}

fn variant(e: &Entry) -> Variant {
    let label = if e.label.is_empty() {
        "no SDK label".to_owned()
    } else {
        format!("label `{}`", e.label)
    };
    let mut docs = vec![
        format!(
            "`{}` · {label} · {} · {} source",
            e.code,
            para(&e.location),
            e.reliability.to_lowercase()
        ),
        para(&e.message_zh),
        format!("{}.", para(&e.message_en)),
        match e.action {
            Some(action) => format!("Next step: [`Action::{action}`]."),
            None => "Next step: the wrapped error's; the code alone decides nothing.".to_owned(),
        },
    ];
    docs.retain(|d| !d.is_empty());
    if !e.note.is_empty() {
        docs.push(format!("Note: {}", para(&e.note)));
    }
    let mut aliases = vec![e.code.to_string(), e.label.clone()];
    aliases.extend(e.messages.iter().filter(|m| !m.contains('%')).cloned());
    Variant {
        discriminant: Some(e.code),
        name: e.name.clone(),
        docs,
        aliases,
        info: struct_literal(
            "CodeInfo",
            &[
                ("label", lit(&e.label)),
                ("message_zh", lit(&e.message_zh)),
                ("message_en", lit(&e.message_en)),
                (
                    "action",
                    e.action
                        .map_or_else(|| "None".to_owned(), |a| format!("Some(Action::{a})")),
                ),
                ("retry_hint", e.retry_hint.clone()),
                ("reliability", format!("Reliability::{}", e.reliability)),
                ("location", lit(&e.location)),
                ("source", lit(&e.source)),
                ("note", lit(&e.note)),
            ],
        ),
    }
}

const CLOUDBASE_FILE: &str = "wechat_cloudbase_codes.tsv";
const CLOUDBASE_COLUMNS: &[&str] = &[
    "cloudbase_code",
    "code",
    "action",
    "message_zh",
    "message_en",
    "source",
    "note",
];

const CLOUDBASE_HEADER: &str = r#"
/// A CloudBase (云开发) error code: the string code CloudBase's services, its HTTP API and its
/// SDKs send, one variant for each code of `data/wechat_cloudbase_codes.tsv`.
///
/// Some name a Cloud `errCode` ([`CloudbaseCode::cloud_code`]: `DATABASE_PERMISSION_DENIED` is
/// -502003), whose row then decides; the others have a row of their own.
///
/// ```
/// use minierr::wx::cloud::{CloudbaseCode, Code};
/// use minierr::Action;
///
/// assert_eq!(CloudbaseCode::from_code("FUNCTION_NOT_FOUND"), Some(CloudbaseCode::FunctionNotFound));
/// assert_eq!(CloudbaseCode::FunctionNotFound.action(), Some(Action::FixConfig));
/// assert_eq!(CloudbaseCode::DatabasePermissionDenied.cloud_code(), Some(Code::DatabasePermissionDenied));
/// // The SDKs' misspelling INVALIID_ENV is kept beside the pages' INVALID_ENV: both are -501005.
/// assert_eq!(CloudbaseCode::from_code("INVALIID_ENV").and_then(CloudbaseCode::cloud_code), Some(Code::InvalidEnv));
/// assert_eq!(CloudbaseCode::from_code("invalid_env"), None);
/// ```
"#;

/// `HELLO_WORLD` → `HelloWorld`.
fn upper_camel(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

/// `data/wechat_cloudbase_codes.tsv` → `CloudbaseCode`, its rows and its `phf` index, and
/// `Code::from_cloudbase_code` and `Code::cloudbase_code`: the CloudBase names of Cloud codes,
/// as CloudBase SDKs print them.
fn render_cloudbase(data: &Path, entries: &[Entry], out: &mut String) -> Result<(), TableError> {
    use std::fmt::Write as _;
    let table = Table::read(&data.join(CLOUDBASE_FILE), CLOUDBASE_COLUMNS)?;
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut variants = Vec::new();
    let mut names = Vec::new();
    for row in table.rows() {
        let name = row.required("cloudbase_code")?;
        if !name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            return Err(row.error(format!("{name:?} is not an upper-case CloudBase code")));
        }
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every row needs a source URL"));
        }
        let cloud = match row.get("code") {
            "" => None,
            code => {
                let code: i64 = code
                    .parse()
                    .map_err(|_| row.error("code is not an integer"))?;
                let variant = entries
                    .iter()
                    .find(|e| e.code == code)
                    .ok_or_else(|| row.error(format!("{code} is not a row of {FILE}")))?;
                Some(variant.name.clone())
            }
        };
        let action = match (row.get("action"), &cloud) {
            ("", _) => None,
            (_, Some(_)) => {
                return Err(row.error(
                    "a code that names a Cloud errCode takes that row's step: leave action empty",
                ));
            }
            _ => Some(crate::wechat::action_variant(&row)?),
        };
        if cloud.is_none() && row.get("message_en").is_empty() {
            return Err(row.error("a code of its own needs message_en"));
        }
        if let Some(variant) = &cloud {
            pairs.push((name.to_owned(), variant.clone()));
        }
        let rust_name = upper_camel(name);
        let mut docs = vec![format!("`{name}`")];
        // A code that names a Cloud errCode takes that row's texts and step; the page's own
        // wording is shown as such.
        let page = if cloud.is_some() {
            "CloudBase's page: "
        } else {
            ""
        };
        if !row.get("message_en").is_empty() {
            docs.push(para(&format!("{page}{}", row.get("message_en"))));
        }
        if !row.get("message_zh").is_empty() {
            docs.push(para(&format!("{page}{}", row.get("message_zh"))));
        }
        if let Some(variant) = &cloud {
            docs.push(format!(
                "Its Cloud errCode is [`Code::{variant}`], whose row gives the texts and the step."
            ));
        }
        if !row.get("note").is_empty() {
            docs.push(para(&format!("Note: {}", row.get("note"))));
        }
        docs.push(format!("Source: <{}>", row.required("source")?));
        variants.push(Variant {
            discriminant: None,
            name: rust_name.clone(),
            docs,
            aliases: vec![name.to_owned()],
            info: struct_literal(
                "CloudbaseInfo",
                &[
                    ("code", lit(name)),
                    (
                        "cloud_code",
                        cloud
                            .as_ref()
                            .map_or_else(|| "None".to_owned(), |v| format!("Some(Code::{v})")),
                    ),
                    (
                        "action",
                        action.map_or_else(|| "None".to_owned(), |a| format!("Some(Action::{a})")),
                    ),
                    ("message_zh", lit(row.get("message_zh"))),
                    ("message_en", lit(row.get("message_en"))),
                    ("source", lit(row.required("source")?)),
                    ("note", lit(row.get("note"))),
                ],
            ),
        });
        names.push((name.to_owned(), format!("CloudbaseCode::{rust_name}")));
    }
    require_unique(
        CLOUDBASE_FILE,
        "cloudbase_code",
        names.iter().map(|(n, _)| n.as_str()),
    )?;
    enum_decl(
        out,
        &format!("{CLOUDBASE_HEADER}{}", catalog_attrs(None)),
        "CloudbaseCode",
        &variants,
    );
    crate::render::named_variant_tables(
        out,
        "CloudbaseCode",
        "CloudbaseInfo",
        &variants,
        "CLOUDBASE_ALL",
        "cloudbase_info",
    );
    out.push_str("\n/// Every CloudBase code, byte for byte, to its variant.\n");
    crate::render::phf_map(out, "CLOUDBASE_CODES", "CloudbaseCode", &names);

    out.push_str("\nimpl Code {\n");
    out.push_str("    /// The code CloudBase names so (`DATABASE_PERMISSION_DENIED` is -502003), byte for byte,\n    /// official misspellings (`INVALIID_ENV`) included.\n    #[must_use]\n    pub fn from_cloudbase_code(name: &str) -> Option<Code> {\n        match name {\n");
    for (name, variant) in &pairs {
        let _ = writeln!(out, "            {} => Some(Code::{variant}),", lit(name));
    }
    out.push_str("            _ => None,\n        }\n    }\n\n");
    out.push_str("    /// CloudBase's name for the code, where it has one: the first row's where two spell it.\n    #[must_use]\n    pub const fn cloudbase_code(self) -> Option<&'static str> {\n        match self {\n");
    let mut seen_variants: Vec<&str> = Vec::new();
    for (name, variant) in &pairs {
        if seen_variants.contains(&variant.as_str()) {
            continue;
        }
        seen_variants.push(variant);
        let _ = writeln!(out, "            Code::{variant} => Some({}),", lit(name));
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    Ok(())
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let mut entries = read(data)?;
    entries.sort_by_key(|e| e.code);
    let variants: Vec<Variant> = entries.iter().map(variant).collect();

    let mut out = header(&[&format!("data/{FILE}"), &format!("data/{CLOUDBASE_FILE}")]);
    out.push_str("\nuse super::{CloudbaseInfo, CodeInfo, Reliability};\nuse crate::Action;\n");
    hint_consts(&mut out, entries.iter().map(|e| e.retry_hint.as_str()));
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(Some("i64"))),
        "Code",
        &variants,
    );
    from_code_match(&mut out, FILE, "Code", "i64", &variants)?;
    variant_tables(&mut out, "Code", "CodeInfo", &variants);

    // The SDK labels, the runtime messages and the Chinese texts: a bare message is any of them.
    let mut messages: Vec<(&str, &str)> = Vec::new();
    for e in &entries {
        for m in std::iter::once(&e.label)
            .chain(&e.messages)
            .chain(std::iter::once(&e.message_zh))
        {
            if !messages.contains(&(m.as_str(), e.name.as_str())) {
                messages.push((m, &e.name));
            }
        }
    }
    message_index(&mut out, FILE, "MESSAGE", "messages", "Code", &messages)?;
    render_cloudbase(data, &entries, &mut out)?;
    Ok(crate::GeneratedFile {
        path: "src/wx/cloud/generated.rs",
        contents: out,
    })
}
