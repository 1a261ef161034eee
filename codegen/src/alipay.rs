//! `data/alipay_jsapi_apis.tsv` + `data/alipay_jsapi_errors.tsv` → `src/alipay/generated.rs`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::normalize::normalized;
use crate::render::{catalog_attrs, para, struct_literal};
use crate::table::{Row, Table, TableError};
use crate::wechat::{action_variant, variant_name};
use crate::{header, lit, require_unique};

const API_FILE: &str = "alipay_jsapi_apis.tsv";
const ERROR_FILE: &str = "alipay_jsapi_errors.tsv";
const API_COLUMNS: &[&str] = &["api", "name", "family", "doc_url"];
const ERROR_COLUMNS: &[&str] = &[
    "api",
    "code",
    "name",
    "action",
    "retry_hint",
    "error_message",
    "match",
    "message_en",
    "remedy_zh",
    "remedy_en",
    "note",
];

/// The families of errors: the enum each API's errors belong to, and its variant in
/// `JsapiError`. A shared family (see [`SHARED`]) serves several APIs, and its `JsapiError`
/// variant carries the API.
const FAMILIES: &[(&str, &str, &str)] = &[
    ("Request", "RequestError", "`my.request`"),
    ("UploadFile", "UploadFileError", "`my.uploadFile`"),
    ("TradePay", "TradePayResult", "`my.tradePay`"),
    (
        "NavigateToAlipayPage",
        "NavigateToAlipayPageError",
        "`my.ap.navigateToAlipayPage`",
    ),
    ("GetAuthCode", "GetAuthCodeError", "`my.getAuthCode`"),
    (
        "GetPhoneNumber",
        "GetPhoneNumberError",
        "`my.getPhoneNumber`",
    ),
    (
        "GetOpenUserInfo",
        "GetOpenUserInfoError",
        "`my.getOpenUserInfo`",
    ),
    ("GetRunData", "GetRunDataError", "`my.getRunData`"),
    (
        "Navigation",
        "NavigationError",
        "the page-routing APIs `my.navigateTo`, `my.redirectTo`, `my.reLaunch`, `my.switchTab` and `my.navigateBack`",
    ),
    (
        "Faq",
        "FaqError",
        "the APIs whose failures come from the Alipay mini-program FAQ's error pages (支付宝小程序常见问题), each page naming the APIs it was seen on",
    ),
];

/// The families several APIs share, with the function that finds a row by API and variant.
const SHARED: &[(&str, &str)] = &[("Navigation", "navigation_row"), ("Faq", "faq_row")];

struct ApiRow {
    api: String,
    name: String,
    family: String,
    doc_url: String,
}

struct ErrorRow {
    api: String,
    code: String,
    name: String,
    action: &'static str,
    retry_hint: String,
    error_message: String,
    matcher: String,
    /// The `match` column as written: empty, `contains:TEXT` or `template:TEXT`.
    match_spec: String,
    message_en: String,
    remedy_zh: String,
    remedy_en: String,
    note: String,
}

/// Undoes the table's escapes: `\n` for a line break, `\\` for a backslash.
fn unescape(row: &Row<'_>, column: &str) -> Result<String, TableError> {
    let mut out = String::new();
    let mut chars = row.get(column).chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            other => return Err(row.error(format!("bad escape \\{other:?} in {column}"))),
        }
    }
    Ok(out)
}

/// The seed's remedy cell as plain text: `<br />` becomes a line break, markdown emphasis goes,
/// a link keeps its text and its target (`text（url）`, or the URL alone when they are the same),
/// images (console screenshots) are dropped, and blank lines and indentation are removed.
pub(crate) fn plain_text(markdown: &str) -> String {
    let text = markdown.replace("<br />", "\n");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close + 2..].find(')').map(|i| close + 2 + i) else {
            break;
        };
        let is_image = rest[..open].ends_with('!');
        out.push_str(&rest[..if is_image { open - 1 } else { open }]);
        let (label, url) = (rest[open + 1..close].trim(), &rest[close + 2..end]);
        if !is_image {
            if label == url {
                out.push_str(url);
            } else {
                let _ = write!(out, "{label}（{url}）");
            }
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace("**", "")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn matcher(row: &Row<'_>, spec: &str) -> Result<String, TableError> {
    if spec.is_empty() {
        return Ok("Matcher::Exact".to_owned());
    }
    if let Some(needle) = spec.strip_prefix("contains:") {
        return Ok(format!("Matcher::Contains({})", lit(&normalized(needle))));
    }
    if let Some(template) = spec.strip_prefix("template:") {
        return Ok(format!("Matcher::Template({})", lit(&normalized(template))));
    }
    Err(row.error(format!(
        "match {spec:?} must be empty, contains:TEXT or template:TEXT"
    )))
}

/// Whether a pattern row matches a normalised message, as `RowInfo::matches_pattern` decides it
/// at run time (the template matcher and the normaliser are the library's own files).
fn pattern_matches(e: &ErrorRow, message: &str) -> bool {
    if let Some(needle) = e.match_spec.strip_prefix("contains:") {
        message.contains(&normalized(needle))
    } else if let Some(template) = e.match_spec.strip_prefix("template:") {
        crate::template::matches_template(&normalized(template), message)
    } else {
        false
    }
}

/// Text that every message a `match` spec accepts holds, normalised: a `contains:` needle, or
/// the longest literal between a `template:`'s placeholders. `None` for an exact row, or a
/// template of placeholders only.
fn required_text(spec: &str) -> Option<String> {
    if let Some(needle) = spec.strip_prefix("contains:") {
        return Some(normalized(needle)).filter(|n| !n.is_empty());
    }
    let template = normalized(spec.strip_prefix("template:")?);
    let mut rest = template.as_str();
    let mut longest = "";
    while let Some((literal, _, after)) = crate::template::next_placeholder(rest) {
        if literal.len() > longest.len() {
            longest = literal;
        }
        rest = after;
    }
    let longest = if rest.len() > longest.len() {
        rest
    } else {
        longest
    };
    (!longest.is_empty()).then(|| longest.to_owned())
}

fn read(data: &Path) -> Result<(Vec<ApiRow>, Vec<ErrorRow>), TableError> {
    let table = Table::read(&data.join(API_FILE), API_COLUMNS)?;
    let mut apis = Vec::new();
    for row in table.rows() {
        let family = row.required("family")?;
        if !FAMILIES.iter().any(|(f, _, _)| *f == family) {
            return Err(row.error(format!("unknown family {family:?}")));
        }
        apis.push(ApiRow {
            api: row.required("api")?.to_owned(),
            name: variant_name(&row)?.to_owned(),
            family: family.to_owned(),
            doc_url: row.required("doc_url")?.to_owned(),
        });
    }
    require_unique(API_FILE, "api", apis.iter().map(|a| a.api.as_str()))?;
    require_unique(API_FILE, "name", apis.iter().map(|a| a.name.as_str()))?;

    let table = Table::read(&data.join(ERROR_FILE), ERROR_COLUMNS)?;
    let mut errors = Vec::new();
    for row in table.rows() {
        let api = row.required("api")?;
        if !apis.iter().any(|a| a.api == api) {
            return Err(row.error(format!("api {api:?} is not in {API_FILE}")));
        }
        errors.push(ErrorRow {
            api: api.to_owned(),
            code: row.required("code")?.to_owned(),
            name: variant_name(&row)?.to_owned(),
            action: action_variant(&row)?,
            retry_hint: crate::render::retry_hint_expr(&row)?,
            error_message: row.required("error_message")?.to_owned(),
            matcher: matcher(&row, row.get("match"))?,
            match_spec: row.get("match").to_owned(),
            message_en: row.required("message_en")?.to_owned(),
            remedy_zh: plain_text(&unescape(&row, "remedy_zh")?),
            remedy_en: unescape(&row, "remedy_en")?,
            note: row.get("note").to_owned(),
        });
    }
    // A per-API page may word a failure differently: another row with the same API and name
    // is another wording of the same variant, so it must agree on what to do.
    for (i, e) in errors.iter().enumerate() {
        if let Some(first) = errors[..i]
            .iter()
            .find(|f| f.api == e.api && f.name == e.name)
        {
            if first.action != e.action {
                return Err(TableError::new(
                    ERROR_FILE,
                    i + 2,
                    format!("{} {} repeats with another action", e.api, e.name),
                ));
            }
        }
    }
    Ok((apis, errors))
}

/// A reference to the row at `index` of the error table, as the generated code names it.
/// `UploadFile` → `UPLOAD_FILE`.
fn upper_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// Each row's constant, named by its key (API and failure) rather than its position, so that a
/// row inserted mid-table renames nothing; a failure a page words again gets `_2`, `_3`.
fn row_names(apis: &[ApiRow], errors: &[ErrorRow]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(errors.len());
    for e in errors {
        let api = apis
            .iter()
            .find(|a| a.api == e.api)
            .map_or("", |a| a.name.as_str());
        let base = format!("ROW_{}_{}", upper_snake(api), upper_snake(&e.name));
        let repeats = names
            .iter()
            .filter(|n| {
                **n == base
                    || n.strip_prefix(base.as_str()).is_some_and(|rest| {
                        rest.starts_with('_') && rest[1..].chars().all(|c| c.is_ascii_digit())
                    })
            })
            .count();
        names.push(if repeats == 0 {
            base
        } else {
            format!("{base}_{}", repeats + 1)
        });
    }
    names
}

pub(crate) fn render(data: &Path) -> Result<crate::GeneratedFile, TableError> {
    let (apis, errors) = read(data)?;
    let names = row_names(&apis, &errors);
    let row_ref = |index: usize| format!("&{}", names[index]);
    let api_of = |api: &str| apis.iter().find(|a| a.api == api);
    let family_of = |api: &str| api_of(api).map_or("", |a| a.family.as_str());
    // The `JsapiError` a row stands for, as Rust; rows with the same one are one failure.
    let error_of = |e: &ErrorRow| {
        let api = api_of(&e.api).map_or("", |a| a.name.as_str());
        let family = family_of(&e.api);
        let enum_name = FAMILIES
            .iter()
            .find(|(f, _, _)| *f == family)
            .map_or("", |(_, n, _)| *n);
        if SHARED.iter().any(|(f, _)| *f == family) {
            format!("JsapiError::{family}(Api::{api}, {enum_name}::{})", e.name)
        } else {
            format!("JsapiError::{family}({enum_name}::{})", e.name)
        }
    };

    let mut out = header(&[&format!("data/{API_FILE}"), &format!("data/{ERROR_FILE}")]);
    out.push_str("\nuse super::{JsapiError, Matcher, RowInfo};\nuse crate::Action;\n");

    // The API enum.
    out.push_str(
        r#"
/// An Alipay mini-program JSAPI whose failures the catalog describes.
///
/// ```
/// use minierr::alipay::Api;
///
/// assert_eq!(Api::from_name("my.request"), Some(Api::Request));
/// assert_eq!(Api::from_name("request"), Some(Api::Request));
/// assert_eq!(Api::Request.name(), "my.request");
/// assert_eq!(Api::from_name("my.unknownApi"), None);
/// ```
"#,
    );
    out.push_str(&catalog_attrs(None));
    out.push_str("pub enum Api {\n");
    for a in &apis {
        let _ = writeln!(out, "    /// `{}` ({})", a.api, para(&a.doc_url));
        let _ = writeln!(out, "    #[doc(alias = {})]", lit(&a.api));
        let _ = writeln!(out, "    {},", a.name);
    }
    out.push_str("}\n\nimpl Api {\n");
    let _ = writeln!(
        out,
        "    /// Every API in the catalog, in table order.\n    pub const ALL: &'static [Api] = &[{}];\n",
        apis.iter()
            .map(|a| format!("Api::{}", a.name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str("    /// The full name, as the documentation writes it: `my.request`.\n    #[must_use]\n    pub const fn name(self) -> &'static str {\n        match self {\n");
    for a in &apis {
        let _ = writeln!(out, "            Api::{} => {},", a.name, lit(&a.api));
    }
    out.push_str("        }\n    }\n\n    /// The API's documentation page.\n    #[must_use]\n    pub const fn doc_url(self) -> &'static str {\n        match self {\n");
    for a in &apis {
        let _ = writeln!(out, "            Api::{} => {},", a.name, lit(&a.doc_url));
    }
    out.push_str("        }\n    }\n\n    /// This API's catalog rows, in table order.\n    pub(crate) const fn rows(self) -> &'static [&'static RowInfo] {\n        match self {\n");
    for a in &apis {
        let indices: Vec<String> = errors
            .iter()
            .enumerate()
            .filter(|(_, e)| e.api == a.api)
            .map(|(i, _)| row_ref(i))
            .collect();
        let _ = writeln!(
            out,
            "            Api::{} => &[{}],",
            a.name,
            indices.join(", ")
        );
    }
    out.push_str("        }\n    }\n}\n");

    let mut spellings: BTreeMap<String, String> = BTreeMap::new();
    for a in &apis {
        let short = a.api.strip_prefix("my.").unwrap_or(&a.api);
        let last = short.rsplit('.').next().unwrap_or(short);
        for spelling in [a.api.as_str(), short, last] {
            if let Some(other) = spellings.insert(spelling.to_owned(), a.name.clone()) {
                if other != a.name {
                    return Err(TableError::new(
                        API_FILE,
                        0,
                        format!("{spelling:?} names two APIs"),
                    ));
                }
            }
        }
    }
    let entries: Vec<(String, String)> = spellings
        .iter()
        .map(|(spelling, name)| (spelling.clone(), format!("Api::{name}")))
        .collect();
    out.push_str(
        "\n/// Every accepted spelling of an API name (`my.request`, `request`) to the API.\n",
    );
    crate::render::phf_map(&mut out, "API_NAMES", "Api", &entries);

    // One enum per family.
    for (family, enum_name, about) in FAMILIES {
        let mut variants: Vec<&str> = Vec::new();
        for e in errors.iter().filter(|e| family_of(&e.api) == *family) {
            if !variants.contains(&e.name.as_str()) {
                variants.push(&e.name);
            }
        }
        let _ = write!(
            out,
            "\n/// The failures of {about}, one variant per meaning.\n///\n/// Each variant's `code`, messages and remedy are the catalog's; see the [module docs](super).\n{}pub enum {enum_name} {{\n",
            catalog_attrs(None)
        );
        for name in &variants {
            let mut first = true;
            let mut aliases: Vec<&str> = Vec::new();
            for e in errors
                .iter()
                .filter(|e| family_of(&e.api) == *family && e.name == *name)
            {
                if !first {
                    out.push_str("    ///\n");
                }
                first = false;
                let _ = writeln!(
                    out,
                    "    /// `{}` error `{}` · errorMessage `{}`",
                    e.api, e.code, e.error_message
                );
                out.push_str("    ///\n");
                let _ = writeln!(out, "    /// {}.", para(&e.message_en));
                out.push_str("    ///\n");
                let _ = writeln!(out, "    /// Next step: [`Action::{}`].", e.action);
                if !e.note.is_empty() {
                    out.push_str("    ///\n");
                    let _ = writeln!(out, "    /// Note: {}", para(&e.note));
                }
                if !e.error_message.contains(['"', '\''])
                    && !aliases.contains(&e.error_message.as_str())
                {
                    aliases.push(&e.error_message);
                    let _ = writeln!(out, "    #[doc(alias = {})]", lit(&e.error_message));
                }
            }
            let _ = writeln!(out, "    {name},");
        }
        out.push_str("}\n");
        let _ = write!(
            out,
            "\nimpl {enum_name} {{\n    /// Every variant, in table order.\n    pub const ALL: &'static [{enum_name}] = &[{}];\n\n    /// The variant's first catalog row.\n    pub(crate) const fn info(self) -> &'static RowInfo {{\n        match self {{\n",
            variants
                .iter()
                .map(|name| format!("{enum_name}::{name}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for name in &variants {
            let index = errors
                .iter()
                .position(|e| family_of(&e.api) == *family && e.name == *name)
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "            {enum_name}::{name} => {},",
                row_ref(index)
            );
        }
        out.push_str("        }\n    }\n}\n");
    }

    // Lookups by code: one match arm per (API, number), no scanning.
    let mut by_number: BTreeMap<(String, i64), Vec<usize>> = BTreeMap::new();
    let mut by_text: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, e) in errors.iter().enumerate() {
        let api = api_of(&e.api).map_or(String::new(), |a| a.name.clone());
        for part in e.code.split('/') {
            match part.parse::<i64>() {
                Ok(n) => by_number.entry((api.clone(), n)).or_default().push(i),
                Err(_) => by_text
                    .entry((api.clone(), e.code.clone()))
                    .or_default()
                    .push(i),
            }
        }
    }
    let indices = |rows: &[usize]| {
        rows.iter()
            .map(|&i| row_ref(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str("\n/// The rows of `api` listed under the number `code`, in table order.\npub(crate) const fn rows_with_code(api: Api, code: i64) -> &'static [&'static RowInfo] {\n    match (api, code) {\n");
    for ((api, n), rows) in &by_number {
        let _ = writeln!(out, "        (Api::{api}, {n}) => &[{}],", indices(rows));
    }
    out.push_str("        _ => &[],\n    }\n}\n");
    // Which APIs list a number: inferring the API then resolves only those, not all of them.
    let numbers: std::collections::BTreeSet<i64> = by_number.keys().map(|(_, n)| *n).collect();
    out.push_str("\n/// The APIs that list the number `code`, in declaration order (for inferring a payload's API).\n#[cfg(feature = \"serde\")]\npub(crate) const fn apis_with_code(code: i64) -> &'static [Api] {\n    match code {\n");
    for n in numbers {
        let listing: Vec<String> = apis
            .iter()
            .filter(|a| by_number.contains_key(&(a.name.clone(), n)))
            .map(|a| format!("Api::{}", a.name))
            .collect();
        let _ = writeln!(out, "        {n} => &[{}],", listing.join(", "));
    }
    out.push_str("        _ => &[],\n    }\n}\n");
    out.push_str("\n/// The rows of `api` listed under a text code (`already top of navigation`).\npub(crate) fn rows_with_text_code(api: Api, code: &str) -> &'static [&'static RowInfo] {\n    match (api, code) {\n");
    for ((api, text), rows) in &by_text {
        let _ = writeln!(
            out,
            "        (Api::{api}, {}) => &[{}],",
            lit(text),
            indices(rows)
        );
    }
    out.push_str("        _ => &[],\n    }\n}\n");

    // Lookups by message: exact messages through an index, patterns per API.
    let mut by_message: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut patterns: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in errors.iter().enumerate() {
        if e.matcher == "Matcher::Exact" {
            let mut keys = vec![normalized(&e.error_message)];
            if e.code.parse::<i64>().is_err() && !e.code.contains('/') {
                keys.push(normalized(&e.code));
            }
            for key in keys {
                by_message.entry(key).or_default().push(i);
            }
        } else {
            let api = api_of(&e.api).map_or(String::new(), |a| a.name.clone());
            patterns.entry(api).or_default().push(i);
        }
    }
    // A row matched by a fixed text (`contains:N22104`) is usually sent exactly as documented.
    // Indexing that message, with no exact rows, lets it be answered without trying patterns;
    // the answers below still come from the patterns. Templates are left out: their documented
    // message is one example among endless page paths.
    for e in errors
        .iter()
        .filter(|e| e.match_spec.starts_with("contains:"))
    {
        by_message.entry(normalized(&e.error_message)).or_default();
    }
    // What each exact message alone resolves to on each API, patterns included, as
    // `Api::resolve` would work it out at run time: the one failure among the API's rows with
    // that message and its pattern rows that match it, or nothing if there are none or several.
    let answers = |message: &str| -> Vec<String> {
        let mut out = Vec::new();
        for a in &apis {
            let exact = by_message[message]
                .iter()
                .copied()
                .filter(|&i| errors[i].api == a.api);
            let by_pattern = patterns
                .get(&a.name)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| pattern_matches(&errors[i], message));
            let rows: Vec<usize> = exact.chain(by_pattern).collect();
            let mut failures: Vec<String> = rows.iter().map(|&i| error_of(&errors[i])).collect();
            failures.dedup();
            if let [failure] = failures.as_slice() {
                out.push(format!("(Api::{}, {failure})", a.name));
            }
        }
        out
    };
    let value = |message: &str| {
        format!(
            "super::ExactMessage {{ rows: &[{}], answers: &[{}] }}",
            indices(&by_message[message]),
            answers(message).join(", ")
        )
    };
    let entries: Vec<(String, String)> = by_message
        .keys()
        .map(|message| (message.clone(), value(message)))
        .collect();
    out.push_str("\n/// Every documented errorMessage (or text code) but template examples, in normal form: its exact\n/// rows across APIs, and what it alone resolves to on each API where it names one failure.\n");
    crate::render::phf_map(&mut out, "MESSAGES", "super::ExactMessage", &entries);
    out.push_str("\n/// The rows of `api` that match messages by text or template rather than exactly.\npub(crate) const fn pattern_rows(api: Api) -> &'static [&'static RowInfo] {\n    match api {\n");
    for (api, rows) in &patterns {
        let _ = writeln!(out, "        Api::{api} => &[{}],", indices(rows));
    }
    out.push_str("        _ => &[],\n    }\n}\n");
    let mut texts = Vec::new();
    for &i in patterns.values().flatten() {
        let text = required_text(&errors[i].match_spec).ok_or_else(|| {
            TableError::new(
                ERROR_FILE,
                0,
                format!(
                    "the pattern {:?} has no literal text, which the first look at a message needs",
                    errors[i].match_spec
                ),
            )
        })?;
        texts.push(lit(&text));
    }
    texts.sort();
    texts.dedup();
    let _ = writeln!(
        out,
        "\n/// A text of each pattern row (its needle, or its template's longest literal), one of\n/// which every message a pattern row matches holds.\n#[cfg(feature = \"serde\")]\npub(crate) const PATTERN_TEXTS: [&str; {}] = [{}];",
        texts.len(),
        texts.join(", ")
    );

    // A shared family's rows depend on the API as well as the variant.
    for (family, function) in SHARED {
        let enum_name = FAMILIES
            .iter()
            .find(|(f, _, _)| f == family)
            .map_or("", |(_, n, _)| *n);
        let _ = write!(
            out,
            "\n/// The catalog row of a `{enum_name}` on a given API; the variant's first row when the pair\n/// is not in the table.\npub(crate) const fn {function}(api: Api, error: {enum_name}) -> &'static RowInfo {{\n    match (api, error) {{\n"
        );
        for (i, e) in errors.iter().enumerate() {
            let repeated = errors[..i]
                .iter()
                .any(|f| f.api == e.api && f.name == e.name);
            if family_of(&e.api) == *family && !repeated {
                let api = api_of(&e.api).map_or("", |a| a.name.as_str());
                let _ = writeln!(
                    out,
                    "        (Api::{api}, {enum_name}::{}) => {},",
                    e.name,
                    row_ref(i)
                );
            }
        }
        out.push_str("        (_, error) => error.info(),\n    }\n}\n");
    }

    // The rows themselves.
    out.push_str("\n// The catalog rows, in the table's order.\n");
    for (i, e) in errors.iter().enumerate() {
        let api = api_of(&e.api).map_or("", |a| a.name.as_str());
        let error = error_of(e);
        let literal = struct_literal(
            "RowInfo",
            &[
                ("index", i.to_string()),
                ("api", format!("Api::{api}")),
                ("error", error),
                ("code", lit(&e.code)),
                ("error_message", lit(&e.error_message)),
                ("matcher", e.matcher.clone()),
                ("message_en", lit(&e.message_en)),
                ("remedy_zh", lit(&e.remedy_zh)),
                ("remedy_en", lit(&e.remedy_en)),
                ("action", format!("Action::{}", e.action)),
                ("retry_hint", e.retry_hint.clone()),
                ("note", lit(&e.note)),
            ],
        );
        let _ = writeln!(out, "const {}: RowInfo = {literal};", names[i]);
    }
    // Every failure once, API by API in table order: what `Api::errors` gives, chained.
    let mut all: Vec<String> = Vec::new();
    for a in &apis {
        for e in errors.iter().filter(|e| e.api == a.api) {
            let error = error_of(e);
            if !all.contains(&error) {
                all.push(error);
            }
        }
    }
    out.push_str("\nimpl JsapiError {\n    /// Every catalog failure, API by API in table order, each once.\n    pub const ALL: &'static [JsapiError] = &[\n");
    for error in &all {
        let _ = writeln!(out, "        {error},");
    }
    out.push_str("    ];\n}\n");
    Ok(crate::GeneratedFile {
        path: "src/alipay/generated.rs",
        contents: out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_links_and_drops_markup() {
        let md = "<br />1. 在 [控制台](https://a.example/x) > **开发设置** 中配置。<br />![image.png](https://img.example/1.png)<br />2. 以 [https://r.example/p](https://r.example/p) 开头<br />";
        assert_eq!(
            plain_text(md),
            "1. 在 控制台（https://a.example/x） > 开发设置 中配置。\n2. 以 https://r.example/p 开头"
        );
    }
}
