//! `data/alipay_gateway_codes.tsv`, `data/alipay_gateway_sub_codes.tsv` and
//! `data/alipay_gateway_prefix_rules.tsv` → `src/alipay/gateway/generated.rs`.

use std::fmt::Write as _;
use std::path::Path;

use crate::render::{
    Variant, catalog_attrs, enum_decl, hint_consts, named_variant_tables, para, phf_map,
    retry_hint_expr, struct_literal, variant_tables,
};
use crate::table::{Row, Table, TableError};
use crate::wechat::{action_variant, variant_name};
use crate::{header, lit, require_unique};

const CODE_FILE: &str = "alipay_gateway_codes.tsv";
const SUB_CODE_FILE: &str = "alipay_gateway_sub_codes.tsv";
const RULE_FILE: &str = "alipay_gateway_prefix_rules.tsv";
const CODE_COLUMNS: &[&str] = &[
    "code",
    "name",
    "msg",
    "msg_zh",
    "action",
    "retry_hint",
    "message_en",
    "source",
    "note",
];
const SUB_CODE_COLUMNS: &[&str] = &[
    "code",
    "sub_code",
    "name",
    "only_for",
    "apis",
    "action",
    "retry_hint",
    "outcome",
    "sub_msg_zh",
    "message_en",
    "solution_zh",
    "reliability",
    "source",
    "note",
];
const RULE_COLUMNS: &[&str] = &["kind", "prefix", "source", "note"];
const METHOD_FILE: &str = "alipay_gateway_methods.tsv";
const METHOD_COLUMNS: &[&str] = &["method", "moves_money", "note"];

struct SubRow {
    code: String,
    sub_code: String,
    name: String,
    only_for: Vec<String>,
    info: String,
    action: &'static str,
    message_en: String,
    sub_msg_zh: String,
    retry_hint: String,
}

fn reliability(row: &Row<'_>) -> Result<&'static str, TableError> {
    match row.required("reliability")? {
        "official" => Ok("Official"),
        "secondary" => Ok("Secondary"),
        "tertiary" => Ok("Tertiary"),
        other => Err(row.error(format!(
            "reliability {other:?} must be official, secondary or tertiary"
        ))),
    }
}

fn read_sub_codes(data: &Path, codes: &[String]) -> Result<Vec<SubRow>, TableError> {
    let table = Table::read(&data.join(SUB_CODE_FILE), SUB_CODE_COLUMNS)?;
    let mut rows: Vec<SubRow> = Vec::new();
    for row in table.rows() {
        let code = row.get("code").to_owned();
        if !code.is_empty() && !codes.contains(&code) {
            return Err(row.error(format!("code {code:?} is not in {CODE_FILE}")));
        }
        let sub_code = row.required("sub_code")?.to_owned();
        let name = variant_name(&row)?.to_owned();
        if let Some(other) = rows
            .iter()
            .find(|r| r.name == name && r.sub_code != sub_code)
        {
            return Err(row.error(format!("name {name:?} is already {:?}'s", other.sub_code)));
        }
        let action = action_variant(&row)?;
        let retry_hint = retry_hint_expr(&row)?;
        let (zh, en) = (row.get("sub_msg_zh"), row.required("message_en")?);
        let info = struct_literal(
            "SubCodeInfo",
            &[
                ("code", lit(&sub_code)),
                ("public_code", lit(&code)),
                ("sub_msg_zh", lit(zh)),
                ("message_en", lit(en)),
                ("solution_zh", lit(row.get("solution_zh"))),
                ("action", format!("Action::{action}")),
                ("retry_hint", retry_hint.clone()),
                (
                    "outcome_unknown",
                    match row.get("outcome") {
                        "" => "false".to_owned(),
                        "unknown" => "true".to_owned(),
                        other => {
                            return Err(
                                row.error(format!("outcome {other:?} must be empty or unknown"))
                            );
                        }
                    },
                ),
                (
                    "reliability",
                    format!("crate::Reliability::{}", reliability(&row)?),
                ),
                ("apis", lit(row.get("apis"))),
                ("source", lit(row.required("source")?)),
                ("note", lit(row.get("note"))),
            ],
        );
        rows.push(SubRow {
            code,
            sub_code,
            name,
            only_for: row
                .get("only_for")
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            info,
            action,
            message_en: en.to_owned(),
            sub_msg_zh: zh.to_owned(),
            retry_hint,
        });
    }
    Ok(rows)
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let table = Table::read(&data.join(CODE_FILE), CODE_COLUMNS)?;
    let mut code_variants = Vec::new();
    let mut codes = Vec::new();
    let mut hints = Vec::new();
    for row in table.rows() {
        let code = row.required("code")?.to_owned();
        let name = variant_name(&row)?.to_owned();
        let action = action_variant(&row)?;
        let retry_hint = retry_hint_expr(&row)?;
        let (msg, zh, en, note) = (
            row.get("msg"),
            row.required("msg_zh")?,
            row.required("message_en")?,
            row.get("note"),
        );
        let mut docs = vec![
            format!("`{code}` · msg `{msg}`"),
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
                ("code", lit(&code)),
                ("msg", lit(msg)),
                ("msg_zh", lit(zh)),
                ("message_en", lit(en)),
                ("action", format!("Action::{action}")),
                ("retry_hint", retry_hint.clone()),
                ("source", lit(row.required("source")?)),
                ("note", lit(note)),
            ],
        );
        hints.push(retry_hint);
        code_variants.push(Variant {
            discriminant: None,
            name: name.clone(),
            docs,
            aliases: vec![code.clone(), msg.to_owned()],
            info,
        });
        codes.push(code);
    }
    require_unique(CODE_FILE, "code", codes.iter().map(String::as_str))?;

    let subs = read_sub_codes(data, &codes)?;
    // One variant per sub_code: its main row is the one for every API, else its first.
    let mut main: Vec<&SubRow> = Vec::new();
    for row in &subs {
        match main.iter_mut().find(|m| m.sub_code == row.sub_code) {
            Some(existing) if existing.only_for.is_empty() => {}
            Some(existing) if row.only_for.is_empty() => *existing = row,
            Some(_) => {}
            None => main.push(row),
        }
    }
    require_unique(SUB_CODE_FILE, "name", main.iter().map(|r| r.name.as_str()))?;
    let sub_variants: Vec<Variant> = main
        .iter()
        .map(|m| {
            let mut docs = vec![
                format!("`{}` under code `{}`", m.sub_code, m.code),
                para(&m.sub_msg_zh),
                format!("{}.", para(&m.message_en)),
                format!("Next step: [`Action::{}`].", m.action),
            ];
            for other in subs
                .iter()
                .filter(|r| r.sub_code == m.sub_code && !std::ptr::eq(*r, *m))
            {
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
            Variant {
                discriminant: None,
                name: m.name.clone(),
                docs,
                aliases: vec![m.sub_code.clone()],
                info: m.info.clone(),
            }
        })
        .collect();

    let mut out = header(&[
        &format!("data/{CODE_FILE}"),
        &format!("data/{SUB_CODE_FILE}"),
        &format!("data/{RULE_FILE}"),
        &format!("data/{METHOD_FILE}"),
    ]);
    out.push_str(
        "\nuse super::{ApiMeaning, CodeInfo, PrefixRule, SubCodeInfo};\nuse crate::Action;\n",
    );
    hint_consts(
        &mut out,
        hints
            .iter()
            .map(String::as_str)
            .chain(subs.iter().map(|s| s.retry_hint.as_str())),
    );
    enum_decl(
        &mut out,
        &format!(
            "\n/// A public gateway `code`: the class of an Alipay open-API answer, whatever the API.\n///\n/// ```\n/// use minierr::alipay::gateway::Code;\n/// assert_eq!(Code::from_code(\"40004\"), Some(Code::BusinessFailed));\n/// assert_eq!(Code::BusinessFailed.msg(), \"Business Failed\");\n/// ```\n{}",
            catalog_attrs(None)
        ),
        "Code",
        &code_variants,
    );
    variant_tables(&mut out, "Code", "CodeInfo", &code_variants);
    let entries: Vec<(String, String)> = code_variants
        .iter()
        .zip(&codes)
        .map(|(v, code)| (code.clone(), format!("Code::{}", v.name)))
        .collect();
    out.push_str("\n/// Every public code, as the gateway spells it, to its variant.\n");
    phf_map(&mut out, "CODES", "Code", &entries);

    enum_decl(
        &mut out,
        &format!(
            "\n/// A gateway `sub_code`: what went wrong, one variant for each sub_code of the reference table.\n///\n/// ```\n/// use minierr::alipay::gateway::SubCode;\n/// assert_eq!(SubCode::from_code(\"isv.invalid-signature\"), Some(SubCode::IsvInvalidSignature));\n/// // Official misspellings are real and kept.\n/// assert_eq!(SubCode::from_code(\"isp.unknow-error\"), Some(SubCode::IspUnknowError));\n/// ```\n{}",
            catalog_attrs(None)
        ),
        "SubCode",
        &sub_variants,
    );
    named_variant_tables(
        &mut out,
        "SubCode",
        "SubCodeInfo",
        &sub_variants,
        "SUB_CODE_ALL",
        "sub_code_info",
    );
    let entries: Vec<(String, String)> = main
        .iter()
        .map(|m| (m.sub_code.clone(), format!("SubCode::{}", m.name)))
        .collect();
    out.push_str("\n/// Every sub_code, exactly as the tables spell it, to its variant.\n");
    phf_map(&mut out, "SUB_CODES", "SubCode", &entries);

    out.push_str("\n/// The meanings a sub_code has on particular APIs, besides its main row.\npub(super) const fn api_meanings(variant: SubCode) -> &'static [ApiMeaning] {\n    match variant {\n");
    for m in &main {
        let others: Vec<&SubRow> = subs
            .iter()
            .filter(|r| r.sub_code == m.sub_code && !std::ptr::eq(*r, *m))
            .collect();
        if others.is_empty() {
            continue;
        }
        let _ = writeln!(out, "        SubCode::{} => &[", m.name);
        for row in others {
            let apis: Vec<String> = row.only_for.iter().map(|a| lit(a)).collect();
            let info = row.info.replace('\n', "\n            ");
            let _ = writeln!(
                out,
                "            ApiMeaning {{\n                only_for: &[{}],\n                info: {info},\n            }},",
                apis.join(", ")
            );
        }
        out.push_str("        ],\n");
    }
    out.push_str("        _ => &[],\n    }\n}\n");

    let rules = Table::read(&data.join(RULE_FILE), RULE_COLUMNS)?;
    out.push_str("\n/// The documented ways a sub_code's prefix varies, tried in order when the exact text is unknown.\npub(super) const PREFIX_RULES: &[PrefixRule] = &[\n");
    for row in rules.rows() {
        let prefix = lit(row.required("prefix")?);
        match row.required("kind")? {
            "strip" => {
                let _ = writeln!(out, "    PrefixRule::Strip({prefix}),");
            }
            "add" => {
                let _ = writeln!(out, "    PrefixRule::Add({prefix}),");
            }
            other => return Err(row.error(format!("kind {other:?} must be strip or add"))),
        }
    }
    out.push_str("];\n");

    let methods = Table::read(&data.join(METHOD_FILE), METHOD_COLUMNS)?;
    out.push_str("\n/// Whether an API method moves money (`Some(true)`), is known not to (`Some(false)`), or is\n/// not in the table (`None`).\n#[cfg(feature = \"serde\")]\npub(super) fn method_moves_money(method: &str) -> Option<bool> {\n    match method {\n");
    for row in methods.rows() {
        let moves = match row.required("moves_money")? {
            "yes" => "true",
            "no" => "false",
            other => return Err(row.error(format!("moves_money {other:?} must be yes or no"))),
        };
        let _ = writeln!(
            out,
            "        {} => Some({moves}),",
            lit(row.required("method")?)
        );
    }
    out.push_str("        _ => None,\n    }\n}\n");
    Ok(crate::GeneratedFile {
        path: "src/alipay/gateway/generated.rs",
        contents: out,
    })
}
