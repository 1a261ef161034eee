//! `data/wecom_errcode.tsv` → `src/wecom/generated.rs`.

use std::path::Path;

use crate::render::{
    Variant, catalog_attrs, enum_decl, from_code_match, para, struct_literal, variant_tables,
};
use crate::table::{Table, TableError};
use crate::wechat::action_variant;
use crate::wechat_server::reliability;
use crate::{header, lit, require_unique};

const FILE: &str = "wecom_errcode.tsv";
const COLUMNS: &[&str] = &[
    "code",
    "name",
    "action",
    "errmsg",
    "message_zh",
    "message_en",
    "reliability",
    "same_number_in_wechat",
    "source",
    "note",
];

const ENUM_HEADER: &str = r#"
/// A WeCom (企业微信) server API `errcode`: one variant for each code of the reference table.
///
/// The discriminant is the code itself. WeCom answers in WeChat's `{errcode, errmsg}` shape,
/// but the numbers are its own: [`Errcode::wechat`] says whether WeChat's server uses the same
/// number for the same thing. A code the catalog does not know is kept by
/// [`AnyErrcode`](super::AnyErrcode).
///
/// ```
/// use minierr::wecom::Errcode;
/// use minierr::Action;
///
/// let code = Errcode::from_code(40001).expect("in the catalog");
/// assert_eq!(code.action(), Action::FixConfig);
/// assert_eq!(Errcode::from_code(40999), None);
/// ```
"#;

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let table = Table::read(&data.join(FILE), COLUMNS)?;
    let mut variants = Vec::new();
    let mut codes = Vec::new();
    for row in table.rows() {
        let text = row.required("code")?;
        let code: i64 = text
            .parse()
            .map_err(|_| row.error(format!("code {text:?} is not an integer")))?;
        let name = crate::wechat::variant_name(&row)?;
        let message_zh = row.required("message_zh")?;
        let errmsg = row.get("errmsg");
        let by_rule = row.required("action")? == "rule";
        let action = if by_rule {
            crate::server_rule::action_by_rule(errmsg, message_zh)
        } else {
            action_variant(&row)?
        };
        let wechat = match row.required("same_number_in_wechat")? {
            "same" => "WechatNumber::Same",
            "different" => "WechatNumber::Different",
            "absent" => "WechatNumber::Absent",
            other => {
                return Err(row.error(format!(
                    "same_number_in_wechat {other:?} is not same, different or absent"
                )));
            }
        };
        let retry_hint = if action == "Backoff" {
            "Some(crate::RetryHint::Later)"
        } else {
            "None"
        };
        let note = row.get("note");
        let message_en = row.required("message_en")?;
        let mut docs = vec![
            format!(
                "`{code}` · {} source · WeChat's server: {}",
                row.get("reliability"),
                row.get("same_number_in_wechat")
            ),
            para(message_zh),
            format!("{}.", para(message_en)),
            format!(
                "Next step: [`Action::{action}`]{}.",
                if by_rule {
                    " (by rule from the text)"
                } else {
                    ""
                }
            ),
        ];
        if !note.is_empty() {
            docs.push(format!("Note: {}", para(note)));
        }
        let info = struct_literal(
            "ErrcodeInfo",
            &[
                ("errmsg", lit(errmsg)),
                ("message_zh", lit(message_zh)),
                ("message_en", lit(message_en)),
                ("action", format!("Action::{action}")),
                ("by_rule", by_rule.to_string()),
                ("retry_hint", retry_hint.to_owned()),
                (
                    "reliability",
                    format!("Reliability::{}", reliability(&row)?),
                ),
                ("wechat", wechat.to_owned()),
                ("source", lit(row.required("source")?)),
                ("note", lit(note)),
            ],
        );
        codes.push(text.to_owned());
        variants.push(Variant {
            discriminant: Some(code),
            name: name.to_owned(),
            docs,
            aliases: vec![text.to_owned(), errmsg.to_owned()],
            info,
        });
    }
    require_unique(FILE, "code", codes.iter().map(String::as_str))?;
    require_unique(FILE, "name", variants.iter().map(|v| v.name.as_str()))?;

    let mut out = header(&[&format!("data/{FILE}")]);
    out.push_str("\nuse super::{ErrcodeInfo, WechatNumber};\nuse crate::{Action, Reliability};\n");
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(Some("i64"))),
        "Errcode",
        &variants,
    );
    from_code_match(&mut out, FILE, "Errcode", "i64", &variants)?;
    variant_tables(&mut out, "Errcode", "ErrcodeInfo", &variants);
    Ok(crate::GeneratedFile {
        path: "src/wecom/generated.rs",
        contents: out,
    })
}
