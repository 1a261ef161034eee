//! `data/open_platform_codes.tsv` → `src/open_platform/generated.rs`.

use std::path::Path;

use crate::render::{
    Variant, catalog_attrs, enum_decl, from_code_match, message_index, para, struct_literal,
    variant_tables,
};
use crate::table::{Table, TableError};
use crate::wechat::{action_variant, variant_name};
use crate::{header, lit, require_unique};

const FILE: &str = "open_platform_codes.tsv";
const COLUMNS: &[&str] = &[
    "code",
    "name",
    "group",
    "action",
    "retry_hint",
    "message_zh",
    "message_en",
    "note",
];

const ENUM_HEADER: &str = r#"
/// A business status code of the open platform: the JSON `code` of an HTTP 200 response.
///
/// The discriminant is the code. These numbers are this platform's own: 500001 here is not
/// WeChat's 500001, so the two never meet in one type.
///
/// ```
/// use minierr::open_platform::{Code, Group};
///
/// let code = Code::from_code(4004).expect("in the catalog");
/// assert_eq!(code, Code::InvalidSignature);
/// assert_eq!(code.message_zh(), "签名无效");
/// assert_eq!(code.group(), Group::Common);
/// ```
"#;

struct Row {
    code: u32,
    name: String,
    message_zh: String,
    variant: Variant,
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let table = Table::read(&data.join(FILE), COLUMNS)?;
    let mut rows = Vec::new();
    for row in table.rows() {
        let text = row.required("code")?;
        let code: u32 = text
            .parse()
            .map_err(|_| row.error(format!("code {text:?} is not a u32")))?;
        let group = match row.required("group")? {
            "common" => "Common",
            "custom" => "Custom",
            "platform" => "Platform",
            other => return Err(row.error(format!("unknown group {other:?}"))),
        };
        let action = action_variant(&row)?;
        let retry_hint = crate::render::retry_hint_expr(&row)?;
        let name = variant_name(&row)?.to_owned();
        let (zh, en, note) = (
            row.required("message_zh")?,
            row.required("message_en")?,
            row.get("note"),
        );
        if zh.matches("%s").count() != en.matches("%s").count() {
            return Err(row.error("message_zh and message_en need the same number of %s"));
        }
        let mut docs = vec![
            format!("`{code}` · {group} business code"),
            para(zh),
            format!("{}.", para(en)),
            format!("Next step: [`Action::{action}`]."),
        ];
        if !note.is_empty() {
            docs.push(format!("Note: {}", para(note)));
        }
        let info = struct_literal(
            "CodeInfo",
            &[
                ("group", format!("Group::{group}")),
                ("message_zh", lit(zh)),
                ("message_en", lit(en)),
                ("action", format!("Action::{action}")),
                ("retry_hint", retry_hint),
                ("note", lit(note)),
            ],
        );
        rows.push(Row {
            code,
            name: name.clone(),
            message_zh: zh.to_owned(),
            variant: Variant {
                discriminant: Some(i64::from(code)),
                name,
                docs,
                aliases: vec![code.to_string()],
                info,
            },
        });
    }
    // The seed lists codes by group, not by number; the index wants them ascending.
    rows.sort_by_key(|r| r.code);
    let codes: Vec<String> = rows.iter().map(|r| r.code.to_string()).collect();
    require_unique(FILE, "code", codes.iter().map(String::as_str))?;
    require_unique(FILE, "name", rows.iter().map(|r| r.name.as_str()))?;

    let mut out = header(&[&format!("data/{FILE}")]);
    out.push_str("\nuse super::{CodeInfo, Group};\nuse crate::Action;\n");
    let messages: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.message_zh.clone(), r.name.clone()))
        .collect();
    let variants: Vec<Variant> = rows.into_iter().map(|r| r.variant).collect();
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(Some("u32"))),
        "Code",
        &variants,
    );
    from_code_match(&mut out, FILE, "Code", "u32", &variants)?;
    variant_tables(&mut out, "Code", "CodeInfo", &variants);
    let messages: Vec<(&str, &str)> = messages
        .iter()
        .map(|(m, n)| (m.as_str(), n.as_str()))
        .collect();
    message_index(
        &mut out,
        FILE,
        "MESSAGE",
        "Chinese messages",
        "Code",
        &messages,
    )?;
    Ok(crate::GeneratedFile {
        path: "src/open_platform/generated.rs",
        contents: out,
    })
}
