//! Every catalog as rows of one stable schema, for `list` and `explain` and for SQL engines that
//! join logs against the catalog.

use std::io::{self, Write};

use minierr::alipay::{self, Api};
use minierr::alipay_plus::ResultCode;
use minierr::wx::{self, Errno};
use minierr::{Action, CatalogCode, Platform, Reliability, RetryHint, open_platform};
use serde::Serialize;

/// One catalog entry. The schema (the keys, in this order) is documented in the README and
/// stable: `list --format csv` writes it as the header.
#[derive(Serialize)]
pub struct Row {
    /// `wechat`, `wechat_legacy`, `wechat_cloud`, `wechat_server`, `alipay`, `alipay_gateway`,
    /// `alipayplus`, `open_platform`, `wechat_pay` or `wecom`.
    pub platform: &'static str,
    /// The code as text (`"1500102"`, `"-502005"`, `"40004"`, `"PARAM_ILLEGAL"`), or null for
    /// a legacy row known by its message only.
    pub code: Option<String>,
    /// The gateway's sub_code.
    pub sub_code: Option<&'static str>,
    /// The Alipay API, or the WeChat legacy family.
    pub api: Option<&'static str>,
    pub name: &'static str,
    /// The platform's own string, byte for byte: errMsg, errmsg, errorMessage, resultMessage,
    /// msg, the Cloud SDK label.
    pub machine_string: Option<&'static str>,
    pub message_zh: Option<&'static str>,
    pub message_en: Option<&'static str>,
    pub action: Option<Action>,
    /// The soonest a retry can succeed, where the platform says: `after 60s`, `next day UTC+8`.
    pub retry_hint: Option<RetryHint>,
    /// `official`, `secondary` or `tertiary`, where the catalog records it.
    pub reliability: Option<&'static str>,
}

/// The row of any catalog's code: one builder for every catalog, over [`CatalogCode`].
fn row<C: CatalogCode>(c: C) -> Row {
    Row {
        platform: c.platform().as_str(),
        code: c.code_text().map(|code| code.to_string()),
        sub_code: c.sub_code(),
        api: c.scope(),
        name: c.name(),
        machine_string: c.machine_string(),
        message_zh: c.message_zh(),
        message_en: c.message_en(),
        action: c.action(),
        retry_hint: c.retry_hint(),
        reliability: c.reliability().map(Reliability::as_str),
    }
}

/// Whether rows of `catalog` are wanted when the user asked for `platform`. The legacy errCode
/// catalog is WeChat's.
fn wanted(platform: Option<Platform>, catalog: Platform) -> bool {
    // The legacy errCodes arrive in WeChat fail objects: asking for `wechat` lists them too.
    platform.is_none_or(|p| {
        p == catalog || (p == Platform::Wechat && catalog == Platform::WechatLegacy)
    })
}

/// Every row, catalog by catalog; `category` keeps only WeChat errnos of that category.
pub fn rows(platform: Option<Platform>, category: Option<u16>) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(category) = category {
        if wanted(platform, Platform::Wechat) {
            let in_category = |e: &&Errno| e.category().code() == category;
            rows.extend(Errno::ALL.iter().filter(in_category).copied().map(row));
        }
        return rows;
    }
    add::<Errno>(&mut rows, platform);
    add::<wx::legacy::Code>(&mut rows, platform);
    add::<wx::cloud::Code>(&mut rows, platform);
    add::<wx::cloud::CloudbaseCode>(&mut rows, platform);
    add::<wx::server::Errcode>(&mut rows, platform);
    add::<alipay::JsapiError>(&mut rows, platform);
    add::<alipay::gateway::Code>(&mut rows, platform);
    add::<alipay::gateway::SubCode>(&mut rows, platform);
    add::<ResultCode>(&mut rows, platform);
    add::<open_platform::Code>(&mut rows, platform);
    add::<wx::pay::Code>(&mut rows, platform);
    add::<minierr::wecom::Errcode>(&mut rows, platform);
    rows
}

/// Every row of one catalog, when its platform is wanted: the catalogs differ only in `C`.
fn add<C: CatalogCode>(rows: &mut Vec<Row>, platform: Option<Platform>) {
    if let Some(first) = C::ALL.first() {
        if wanted(platform, first.platform()) {
            rows.extend(C::ALL.iter().copied().map(row));
        }
    }
}

/// The rows whose code, sub_code or machine string is `query` (or, for WeChat, whose errMsg
/// matches it in normal form; for Alipay, whose errorMessage contains it), on the platforms and
/// the Alipay API asked for: each catalog's [`CatalogCode::all_named_by`], in `list`'s order.
pub fn find(query: &str, platform: Option<Platform>, api: Option<Api>) -> Vec<Row> {
    let mut found = Vec::new();
    // An Alipay API narrows the search to that API's rows; no other catalog has them.
    if api.is_none() {
        add_named::<Errno>(&mut found, platform, query);
        add_named::<wx::legacy::Code>(&mut found, platform, query);
        add_named::<wx::cloud::Code>(&mut found, platform, query);
        add_named::<wx::cloud::CloudbaseCode>(&mut found, platform, query);
        add_named::<wx::server::Errcode>(&mut found, platform, query);
    }
    if wanted(platform, Platform::Alipay) {
        let errors = alipay::JsapiError::all_named_by(query);
        found.extend(
            errors
                .into_iter()
                .filter(|e| api.is_none_or(|a| e.api() == a))
                .map(row),
        );
    }
    if api.is_none() {
        add_named::<alipay::gateway::Code>(&mut found, platform, query);
        add_named::<alipay::gateway::SubCode>(&mut found, platform, query);
        add_named::<ResultCode>(&mut found, platform, query);
        add_named::<open_platform::Code>(&mut found, platform, query);
        add_named::<minierr::wecom::Errcode>(&mut found, platform, query);
        add_named::<wx::pay::Code>(&mut found, platform, query);
    }
    found
}

/// The rows of catalog `C` that `query` names, when its platform is one asked for.
fn add_named<C: CatalogCode>(found: &mut Vec<Row>, platform: Option<Platform>, query: &str) {
    let Some(first) = C::ALL.first() else {
        return;
    };
    if wanted(platform, first.platform()) {
        found.extend(C::all_named_by(query).into_iter().map(row));
    }
}

/// Writes `rows` as CSV with a header.
pub fn write_csv(out: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    // The header comes from the first row's field names, which are COLUMNS.
    let mut csv = csv::Writer::from_writer(out);
    for row in rows {
        csv.serialize(row).map_err(io_error)?;
    }
    csv.flush()
}

/// The I/O error inside a CSV error (a closed pipe must stay recognisable), or the CSV error.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes `rows` as JSON lines.
pub fn write_jsonl(out: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `rows` as an aligned table.
pub fn write_table(out: &mut dyn Write, rows: &[Row]) -> io::Result<()> {
    for row in rows {
        let code = row.code.as_deref().unwrap_or("-");
        let key = match (row.api, row.sub_code) {
            (_, Some(sub)) => format!("{code} {sub}"),
            (Some(api), None) => format!("{api} {code}"),
            (None, None) => code.to_owned(),
        };
        writeln!(
            out,
            "{:<14} {:<28} {:<36} {:<11} {}",
            row.platform,
            key,
            row.name,
            row.action.map_or("", Action::as_str),
            row.message_en.unwrap_or("")
        )?;
    }
    Ok(())
}

/// Writes one row as the block `explain` prints.
pub fn write_block(out: &mut dyn Write, row: &Row) -> io::Result<()> {
    let code = row.code.as_deref().unwrap_or("-");
    write!(out, "{} ", row.platform)?;
    if let Some(api) = row.api {
        write!(out, "{api} ")?;
    }
    write!(out, "{code}")?;
    if let Some(sub) = row.sub_code {
        write!(out, " {sub}")?;
    }
    writeln!(out, " {}", row.name)?;
    let lines = [
        ("message", row.machine_string),
        ("zh", row.message_zh),
        ("en", row.message_en),
    ];
    for (label, value) in lines {
        if let Some(value) = value {
            writeln!(out, "  {label:<12}{value}")?;
        }
    }
    match row.action {
        Some(action) => writeln!(out, "  {:<12}{action}: {}", "action", action.description())?,
        None => writeln!(
            out,
            "  {:<12}none of its own: the wrapped error decides",
            "action"
        )?,
    }
    if let Some(hint) = row.retry_hint {
        writeln!(out, "  {:<12}{hint}", "retry")?;
    }
    if let Some(reliability) = row.reliability {
        writeln!(out, "  {:<12}{reliability}", "source")?;
    }
    Ok(())
}
