//! `data/wechat_pay_{apis,codes,meanings}.tsv` → `src/wx/pay/generated.rs`.
//!
//! Three tables: the APIs (their version, path and whether a call moves money), the codes (one
//! row per machine string, with the step when the call is not known and why), and the meanings
//! (one row per API and code, as the platform's pages list them). The generator checks the rules
//! the module's docs promise: every meaning names a listed API and code, a money-moving API never
//! answers an outcome-unknown code with anything but `reconcile`, and a code's step with the call
//! unknown agrees with its meanings where they all agree.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::render::{Variant, catalog_attrs, enum_decl, para, struct_literal};
use crate::table::{Row, Table, TableError};
use crate::wechat::{action_variant, variant_name};
use crate::wechat_server::reliability;
use crate::{header, lit, require_unique};

const APIS: &str = "wechat_pay_apis.tsv";
const CODES: &str = "wechat_pay_codes.tsv";
const MEANINGS: &str = "wechat_pay_meanings.tsv";

const API_COLUMNS: &[&str] = &[
    "key",
    "name",
    "version",
    "call",
    "method",
    "path",
    "reference_api",
    "source",
];
const CODE_COLUMNS: &[&str] = &[
    "code",
    "name",
    "outcome",
    "v3_action",
    "v2_action",
    "why",
    "source",
];
const MEANING_COLUMNS: &[&str] = &[
    "api",
    "http_status",
    "code",
    "action",
    "retry_hint",
    "message_zh",
    "solution_zh",
    "message_en",
    "solution_en",
    "reliability",
    "source",
    "note",
];

const ENUM_HEADER: &str = r#"
/// A WeChat Pay error code: APIv3's `code` or v2's `err_code`, one variant per machine string.
///
/// v2 and the older v3 pages spell some codes without underscores (`SYSTEMERROR` beside
/// `SYSTEM_ERROR`); each spelling is its own variant, the older one named with `V2`. What a
/// code means depends on the API: [`Code::meanings`] lists each API's row, and
/// [`Code::action_for`] gives the step for one. A code newer than the catalog is kept by
/// [`AnyCode`](super::AnyCode).
///
/// ```
/// use minierr::wx::pay::{Api, Code};
/// use minierr::Action;
///
/// assert_eq!(Code::from_code("SYSTEM_ERROR"), Some(Code::SystemError));
/// assert_eq!(Code::SystemError.action_for(Api::V3JsapiOrder), Some(Action::Reconcile));
/// assert_eq!(Code::SystemError.action_for(Api::V3QueryOrder), Some(Action::Retry));
/// ```
"#;

const API_HEADER: &str = r#"
/// A WeChat Pay merchant API that the catalog lists codes for, with its version and whether a
/// call moves money.
///
/// ```
/// use minierr::wx::pay::Api;
/// assert_eq!(Api::from_path("POST", "/v3/refund/domestic/refunds"), Some(Api::V3Refund));
/// assert!(Api::V3Refund.moves_money());
/// assert!(!Api::V3QueryRefund.moves_money());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::IntoStaticStr)]
#[non_exhaustive]
"#;

struct ApiRow {
    key: String,
    version: String,
    call: String,
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let apis = Table::read(&data.join(APIS), API_COLUMNS)?;
    let codes = Table::read(&data.join(CODES), CODE_COLUMNS)?;
    let meanings = Table::read(&data.join(MEANINGS), MEANING_COLUMNS)?;

    let mut out = header(&[
        &format!("data/{APIS}"),
        &format!("data/{CODES}"),
        &format!("data/{MEANINGS}"),
    ]);
    out.push_str(
        "\nuse super::{ApiInfo, Call, CodeInfo, MeaningInfo, Outcome, Version};\nuse crate::{Action, Reliability};\n",
    );

    let api_rows = render_apis(&mut out, &apis)?;
    let api_of = |row: &Row<'_>| -> Result<ApiRow, TableError> {
        let key = row.required("api")?;
        api_rows
            .iter()
            .find(|a| a.key == key)
            .map(|a| ApiRow {
                key: a.key.clone(),
                version: a.version.clone(),
                call: a.call.clone(),
            })
            .ok_or_else(|| row.error(format!("api {key:?} is not in {APIS}")))
    };

    // The meanings, grouped: per code, per HTTP status, per v2 return_code.
    let mut by_code: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut statuses = Vec::new();
    let mut return_codes = Vec::new();
    let mut hints = Vec::new();
    for row in meanings.rows() {
        let api = api_of(&row)?;
        let code = row.required("code")?;
        let action = action_variant(&row)?;
        let hint = crate::render::retry_hint_expr(&row)?;
        hints.push(hint.clone());
        let literal = struct_literal(
            "MeaningInfo",
            &[
                ("api", format!("Api::{}", api.key)),
                ("http_status", lit(row.get("http_status"))),
                ("action", format!("Action::{action}")),
                ("retry_hint", hint),
                ("message_zh", lit(row.required("message_zh")?)),
                (
                    "named_by",
                    texts_literal(&naming_texts(row.required("message_zh")?)),
                ),
                ("solution_zh", lit(row.get("solution_zh"))),
                ("message_en", lit(row.required("message_en")?)),
                ("solution_en", lit(row.get("solution_en"))),
                (
                    "reliability",
                    format!("Reliability::{}", reliability(&row)?),
                ),
                ("source", lit(row.required("source")?)),
                ("note", lit(row.get("note"))),
            ],
        );
        if let Some(status) = code
            .strip_prefix("(HTTP ")
            .and_then(|c| c.strip_suffix(')'))
        {
            if status != row.get("http_status") {
                return Err(row.error(format!(
                    "{code} is listed under HTTP {:?}",
                    row.get("http_status")
                )));
            }
            statuses.push(literal);
        } else if code == "return_code=FAIL" {
            return_codes.push(literal);
        } else {
            if !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(row.error(format!("code {code:?} is not UPPER_SNAKE_CASE")));
            }
            if api.call == "moves_money"
                && OUTCOME_UNKNOWN_CHECK.contains(&code)
                && action != "Reconcile"
            {
                return Err(row.error(format!(
                    "{code} leaves the outcome unknown, so on {} (which moves money) it must be `reconcile`",
                    api.key
                )));
            }
            by_code
                .entry(code.to_owned())
                .or_default()
                .push((api.version.clone(), literal));
        }
    }

    let mut variants = Vec::new();
    let mut entries = Vec::new();
    let mut meaning_arms = String::new();
    for row in codes.rows() {
        let code = row.required("code")?;
        let name = variant_name(&row)?;
        row.required("source")?;
        let outcome = match row.get("outcome") {
            "" => "Outcome::Decided",
            "unknown" => "Outcome::Unknown",
            "settled" => "Outcome::Settled",
            other => {
                return Err(row.error(format!(
                    "outcome {other:?} is not empty, `unknown` or `settled`"
                )));
            }
        };
        if (outcome == "Outcome::Unknown") != OUTCOME_UNKNOWN_CHECK.contains(&code) {
            return Err(row.error(format!(
                "{code}: the outcome-unknown codes are {OUTCOME_UNKNOWN_CHECK:?}; change both lists together"
            )));
        }
        let rows = by_code
            .remove(code)
            .ok_or_else(|| row.error(format!("{code} has no row in {MEANINGS}")))?;
        let mut steps = Vec::new();
        for version in ["v3", "v2"] {
            let column = format!("{version}_action");
            let listed = rows.iter().any(|(v, _)| v == version);
            let cell = row.get(&column);
            let step = match (listed, cell) {
                (false, "") => "None".to_owned(),
                (false, _) => {
                    return Err(row.error(format!("{column}: {code} has no {version} meaning")));
                }
                (true, "") => {
                    return Err(row.error(format!(
                        "{column} is empty but {code} has {version} meanings"
                    )));
                }
                (true, _) => {
                    let step = action_in(&row, &column)?;
                    // Where every meaning of the version agrees, the step with the call unknown
                    // is theirs: a code's own reason is for codes whose meanings differ.
                    let agreed: Vec<&str> = rows
                        .iter()
                        .filter(|(v, _)| v == version)
                        .map(|(_, literal)| literal.as_str())
                        .filter_map(|l| l.split("action: Action::").nth(1)?.split(',').next())
                        .collect();
                    let all_agree = agreed.windows(2).all(|w| w[0] == w[1]);
                    if all_agree && outcome == "Outcome::Decided" && agreed.first() != Some(&step) {
                        return Err(row.error(format!(
                            "{column}: every {version} meaning of {code} says {:?}, the column {step:?}",
                            agreed.first()
                        )));
                    }
                    format!("Some(Action::{step})")
                }
            };
            steps.push(step);
        }
        let why = row.get("why");
        let docs = vec![
            format!("`{code}`"),
            if why.is_empty() {
                "Every API that lists it gives it the same step.".to_owned()
            } else {
                format!("{}.", para(why))
            },
        ];
        let info = struct_literal(
            "CodeInfo",
            &[
                ("code", lit(code)),
                ("outcome", outcome.to_owned()),
                ("v3_action", steps[0].clone()),
                ("v2_action", steps[1].clone()),
                ("why", lit(why)),
            ],
        );
        let _ = write!(meaning_arms, "        Code::{name} => &[");
        for (_, literal) in &rows {
            let _ = write!(
                meaning_arms,
                "\n            {},",
                literal.replace('\n', "\n            ")
            );
        }
        meaning_arms.push_str("\n        ],\n");
        entries.push((code.to_owned(), format!("Code::{name}")));
        variants.push(Variant {
            discriminant: None,
            name: name.to_owned(),
            docs,
            aliases: vec![code.to_owned()],
            info,
        });
    }
    if let Some(code) = by_code.keys().next() {
        return Err(TableError::new(
            MEANINGS,
            0,
            format!("code {code:?} is not in {CODES}"),
        ));
    }
    require_unique(CODES, "code", entries.iter().map(|(c, _)| c.as_str()))?;
    require_unique(CODES, "name", variants.iter().map(|v| v.name.as_str()))?;

    crate::render::hint_consts(&mut out, hints.iter().map(String::as_str));
    enum_decl(
        &mut out,
        &format!("{ENUM_HEADER}{}", catalog_attrs(None)),
        "Code",
        &variants,
    );
    crate::render::variant_tables(&mut out, "Code", "CodeInfo", &variants);
    let _ = write!(
        out,
        "\n/// Each API's meaning of a code, in the order of the tables.\npub(super) const fn meanings(code: Code) -> &'static [MeaningInfo] {{\n    match code {{\n{meaning_arms}    }}\n}}\n"
    );
    for (name, rows, what) in [
        (
            "STATUS_MEANINGS",
            &statuses,
            "The HTTP status rows that name no code (202, 405).",
        ),
        (
            "RETURN_CODE_MEANINGS",
            &return_codes,
            "v2's communication-layer failure (`return_code` `FAIL`), per API.",
        ),
    ] {
        let _ = write!(
            out,
            "\n/// {what}\npub(super) const {name}: &[MeaningInfo] = &["
        );
        for literal in rows {
            let _ = write!(out, "\n    {},", literal.replace('\n', "\n    "));
        }
        out.push_str("\n];\n");
    }
    out.push_str("\n/// Every catalog code to its variant, byte for byte.\n");
    crate::render::str_match(&mut out, "code_from_str", "Code", &entries);
    Ok(crate::GeneratedFile {
        path: "src/wx/pay/generated.rs",
        contents: out,
    })
}

/// The codes that leave a call's outcome unknown. The codes table marks them too; the
/// generator keeps the two lists equal, so that the rule the docs state is the rule applied.
const OUTCOME_UNKNOWN_CHECK: &[&str] = &[
    "SYSTEM_ERROR",
    "SYSTEMERROR",
    "BANK_ERROR",
    "BANKERROR",
    "USERPAYING",
    "USER_PAYING",
    "SERVICE_UNAVAILABLE",
    "PROCESSING",
];

/// The action spelled in `column`.
fn action_in(row: &Row<'_>, column: &str) -> Result<&'static str, TableError> {
    let cell = row.get(column);
    crate::wechat::ACTIONS
        .iter()
        .find(|(snake, _)| *snake == cell)
        .map(|(_, camel)| *camel)
        .ok_or_else(|| row.error(format!("{column}: unknown action {cell:?}")))
}

/// The `Api` enum and its rows; returns each API's key, version and call.
fn render_apis(out: &mut String, apis: &Table) -> Result<Vec<ApiRow>, TableError> {
    let mut rows = Vec::new();
    let mut variants = Vec::new();
    for row in apis.rows() {
        let key = row.required("key")?;
        let version = match row.required("version")? {
            "v3" => "Version::V3",
            "v2" => "Version::V2",
            other => return Err(row.error(format!("version {other:?} is not v3 or v2"))),
        };
        let call = match row.required("call")? {
            "moves_money" => "Call::MovesMoney",
            "idempotent" => "Call::Idempotent",
            "unknown" => "Call::Unknown",
            other => {
                return Err(row.error(format!(
                    "call {other:?} is not moves_money, idempotent or unknown"
                )));
            }
        };
        let (method, path) = (row.get("method"), row.get("path"));
        if method.is_empty() != path.is_empty() {
            return Err(row.error("method and path go together"));
        }
        let name = row.required("name")?;
        let docs = vec![if path.is_empty() {
            format!("{}, {}.", para(name), row.get("version"))
        } else {
            format!("{} `{method} {path}` ({}).", para(name), row.get("version"))
        }];
        variants.push(Variant {
            discriminant: None,
            name: key.to_owned(),
            docs,
            aliases: Vec::new(),
            info: struct_literal(
                "ApiInfo",
                &[
                    ("name", lit(name)),
                    ("version", version.to_owned()),
                    ("call", call.to_owned()),
                    ("method", lit(method)),
                    ("path", lit(path)),
                    ("source", lit(row.required("source")?)),
                ],
            ),
        });
        row.required("reference_api")?;
        rows.push(ApiRow {
            key: key.to_owned(),
            version: row.get("version").to_owned(),
            call: row.get("call").to_owned(),
        });
    }
    require_unique(APIS, "key", rows.iter().map(|r| r.key.as_str()))?;
    enum_decl(out, API_HEADER, "Api", &variants);
    crate::render::named_variant_tables(out, "Api", "ApiInfo", &variants, "APIS", "api_info");
    Ok(rows)
}

/// The texts a body carries when it gives a row's message: a row may list several, split by
/// ` / `, each perhaps with a note in parentheses after it (`(502)`); rows seen only at runtime
/// start with `(runtime) `, and no body carries those notes. A link is cut off, with the
/// words that point to it (`可查看指引`): the platform moves its guides, and a body or a log
/// may drop the pointer with the link. Cut here, once, so that a body's lookup only searches.
/// Each text is kept in both punctuation widths (`，：；！？` and their ASCII), since the server
/// and the copies of its pages use either.
fn naming_texts(message_zh: &str) -> Vec<String> {
    const POINTERS: [&str; 4] = ["可查看指引", "查看指引", "详见", "请参考"];
    let message = message_zh.strip_prefix("(runtime) ").unwrap_or(message_zh);
    let mut texts: Vec<String> = Vec::new();
    for part in message.split(" / ") {
        let part = part.split(" (").next().unwrap_or(part);
        let mut part = part.split("http").next().unwrap_or(part).trim();
        if let Some(words) = POINTERS.iter().find_map(|p| part.strip_suffix(p)) {
            part = words.trim_end();
        }
        if part.is_empty() {
            continue;
        }
        // The server writes one text with full-width punctuation on one page and ASCII on
        // another (`对应单号已超出重试期,请查单…`), and copies of the pages convert between
        // them: each width names the row.
        for text in [
            part.to_owned(),
            with_punctuation(part, &ASCII_FOR_FULL_WIDTH),
            with_punctuation(part, &FULL_WIDTH_FOR_ASCII),
        ] {
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Chinese text's punctuation and the ASCII a copy writes for it.
const ASCII_FOR_FULL_WIDTH: [(char, char); 5] = [
    ('，', ','),
    ('：', ':'),
    ('；', ';'),
    ('！', '!'),
    ('？', '?'),
];
const FULL_WIDTH_FOR_ASCII: [(char, char); 5] = [
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('!', '！'),
    ('?', '？'),
];

fn with_punctuation(text: &str, map: &[(char, char)]) -> String {
    text.chars()
        .map(|c| {
            map.iter()
                .find(|(from, _)| *from == c)
                .map_or(c, |(_, to)| *to)
        })
        .collect()
}

fn texts_literal<T: AsRef<str>>(texts: &[T]) -> String {
    let items: Vec<String> = texts.iter().map(|t| lit(t.as_ref())).collect();
    format!("&[{}]", items.join(", "))
}
