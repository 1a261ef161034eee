//! `data/alipayplus_result_codes.tsv` → `src/alipay_plus/generated.rs`.

use std::path::Path;

use crate::render::{Variant, catalog_attrs, enum_decl, para, struct_literal};
use crate::table::{Table, TableError};
use crate::wechat::{action_variant, variant_name};
use crate::wechat_server::reliability;
use crate::{header, lit, require_unique};

const FILE: &str = "alipayplus_result_codes.tsv";
const COLUMNS: &[&str] = &[
    "result_code",
    "name",
    "status",
    "action",
    "retry_hint",
    "result_message",
    "message_en",
    "further_action",
    "message_zh",
    "further_action_zh",
    "apis",
    "reliability",
    "source",
    "note",
];

const ENUM_HEADER: &str = r#"
/// An Alipay+ Mini Program OpenAPI `resultCode`: the common table's, the authorization and
/// payment APIs' own, and `SUCCESS`.
///
/// Codes no source lists are kept by [`AnyResultCode::new`](super::AnyResultCode::new) as
/// [`AnyResultCode::Unknown`](super::AnyResultCode::Unknown), with their exact text.
///
/// ```
/// use minierr::alipay_plus::ResultCode;
///
/// assert_eq!(ResultCode::from_code("PARAM_ILLEGAL"), Some(ResultCode::ParamIllegal));
/// assert_eq!(ResultCode::ParamIllegal.code(), "PARAM_ILLEGAL");
/// assert_eq!(ResultCode::from_code("param_illegal"), None);
/// ```
"#;

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let table = Table::read(&data.join(FILE), COLUMNS)?;
    let mut variants = Vec::new();
    let mut codes = Vec::new();
    for row in table.rows() {
        let code = row.required("result_code")?;
        if !code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
            return Err(row.error(format!("resultCode {code:?} is not UPPER_SNAKE_CASE")));
        }
        let status = match row.required("status")? {
            "S" => "Success",
            "F" => "Failed",
            "U" => "Unknown",
            "A" => "Accepted",
            other => return Err(row.error(format!("status {other:?} is not S, F, U or A"))),
        };
        let action = action_variant(&row)?;
        let name = variant_name(&row)?;
        // A code's copies may give no English resultMessage; the English description is
        // then minierr's, and every code has one.
        let (message, message_en, further) = (
            row.get("result_message"),
            row.required("message_en")?,
            row.required("further_action")?,
        );
        let (message_zh, further_zh) = (
            row.required("message_zh")?,
            row.required("further_action_zh")?,
        );
        let note = row.get("note");
        let apis = row.required("apis")?;
        let mut docs = vec![
            format!(
                "`{code}` · resultStatus `{}` · {} source · {}",
                row.get("status"),
                row.get("reliability"),
                para(apis)
            ),
            format!("{} {}", para(message_en), para(further)),
            format!("{}{}", para(message_zh), para(further_zh)),
            format!("Next step: [`Action::{action}`]."),
        ];
        if !note.is_empty() {
            docs.push(format!("Note: {}", para(note)));
        }
        let retry_hint = crate::render::retry_hint_expr(&row)?;
        let info = struct_literal(
            "ResultCodeInfo",
            &[
                ("result_code", lit(code)),
                ("status", format!("ResultStatus::{status}")),
                ("action", format!("Action::{action}")),
                ("retry_hint", retry_hint),
                ("result_message", lit(message)),
                ("message_en", lit(message_en)),
                ("further_action", lit(further)),
                ("message_zh", lit(message_zh)),
                ("further_action_zh", lit(further_zh)),
                ("apis", lit(apis)),
                (
                    "reliability",
                    format!("Reliability::{}", reliability(&row)?),
                ),
                ("source", lit(row.required("source")?)),
                ("note", lit(note)),
            ],
        );
        codes.push((code.to_owned(), name.to_owned()));
        variants.push(Variant {
            discriminant: None,
            name: name.to_owned(),
            docs,
            aliases: vec![code.to_owned()],
            info,
        });
    }
    require_unique(FILE, "result_code", codes.iter().map(|(c, _)| c.as_str()))?;
    require_unique(FILE, "name", codes.iter().map(|(_, n)| n.as_str()))?;

    let mut out = header(&[&format!("data/{FILE}")]);
    out.push_str(
        "\nuse super::{ResultCodeInfo, ResultStatus};\nuse crate::{Action, Reliability};\n",
    );
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(None)),
        "ResultCode",
        &variants,
    );

    crate::render::variant_tables(&mut out, "ResultCode", "ResultCodeInfo", &variants);

    let entries: Vec<(String, String)> = codes
        .iter()
        .map(|(code, name)| (code.clone(), format!("ResultCode::{name}")))
        .collect();
    out.push_str("\n/// Every catalog `resultCode` to its variant.\n");
    crate::render::phf_map(&mut out, "RESULT_CODES", "ResultCode", &entries);
    Ok(crate::GeneratedFile {
        path: "src/alipay_plus/generated.rs",
        contents: out,
    })
}
