//! `minierr explain`: anything `decode` accepts, or a code or message to look up in every catalog.

use std::io::{self, Write};
use std::process::ExitCode;

use minierr::alipay::Api;
use minierr::line::{decode_line, decode_line_as};
use minierr::{DecodeOptions, Diagnosis, Platform, wx};

use super::catalog;

/// The block `explain` prints for a decoded payload or message.
fn write_diagnosis(out: &mut dyn Write, found: Option<&str>, d: &Diagnosis<'_>) -> io::Result<()> {
    write!(out, "{} ", d.platform().as_str())?;
    if let Some(api) = d.api_name() {
        write!(out, "{api} ")?;
    }
    match d.code() {
        Some(code) => write!(out, "{code}")?,
        None => out.write_all(b"-")?,
    }
    if let Some(sub) = d.sub_code() {
        write!(out, "/{sub}")?;
    }
    match (d.name(), d.code()) {
        (Some(name), _) => write!(out, " {name}")?,
        // No code, nothing to look up: the step (if any) came from the message.
        (None, None) => {}
        (None, Some(_)) => {
            let because = d.view().unnamed_because().unwrap_or("(not in the catalog)");
            write!(out, " {because}")?;
        }
    }
    match found {
        Some(found) => writeln!(out, "  (found as {found})")?,
        None => writeln!(out)?,
    }
    let line =
        |out: &mut dyn Write, label: &str, value: &str| writeln!(out, "  {label:<12}{value}");
    if let Some(message) = d.message().filter(|m| !m.is_empty()) {
        line(out, "message", message)?;
    }
    if let Some(zh) = d.message_zh() {
        line(out, "zh", zh)?;
    }
    if let Some(en) = d.message_en() {
        line(out, "en", en)?;
    }
    if let (Some(c), Some(s)) = (d.category(), d.subcategory()) {
        line(out, "category", &format!("{c}; {s}"))?;
    }
    match d.action() {
        Some(action) => line(
            out,
            "action",
            &format!("{action}: {}", action.description()),
        )?,
        None => line(
            out,
            "action",
            "unknown: the catalogs do not say, and minierr does not guess",
        )?,
    }
    if let Some(class) = d.reason_class() {
        line(
            out,
            "reason",
            &format!("{class}: {}", class.description_en()),
        )?;
    }
    if let Some(hint) = d.retry_hint() {
        line(out, "retry", &hint.to_string())?;
    }
    Ok(())
}

/// Explains `query`: a payload or message is decoded as `decode` would; anything else is looked
/// up in the catalogs; a seven-digit number no catalog lists still gets its WeChat category.
pub fn run(
    out: &mut dyn Write,
    query: &str,
    platform: Option<Platform>,
    api: Option<Api>,
    json: bool,
) -> io::Result<ExitCode> {
    let query = query.trim();
    let mut options = DecodeOptions::new();
    if let Some(api) = api {
        options = options.alipay_api(api);
    }
    let decoded = match platform {
        Some(p) => decode_line_as(query, p, &options),
        None => decode_line(query, &options),
    };
    if let Ok((found, d)) = decoded {
        if json {
            serde_json::to_writer(
                &mut *out,
                &super::Located {
                    line: None,
                    found: found.as_str(),
                    diagnosis: &d,
                },
            )?;
            out.write_all(b"\n")?;
        } else {
            write_diagnosis(out, Some(found.as_str()), &d)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let rows = catalog::find(query, platform, api);
    let number: Option<u32> = query.parse().ok();
    let wechat_wanted = platform.is_none_or(|p| p == Platform::Wechat) && api.is_none();
    // A seven-digit number is a WeChat errno by its shape: its category says where it belongs.
    let errno = number
        .filter(|n| (1_000_000..=9_999_999).contains(n) && wechat_wanted)
        .filter(|n| wx::Errno::from_code(*n).is_none())
        .map(|n| Diagnosis::Wx(wx::Fail::new("").with_errno(n)));
    if rows.is_empty() && errno.is_none() {
        let scope = match (platform, api) {
            (_, Some(api)) => format!(" for {api}"),
            (Some(p), None) => format!(" of {p}"),
            (None, None) => String::new(),
        };
        eprintln!(
            "minierr: {query:?} is in none of the catalogs{scope}, and no payload or message decode reads"
        );
        return Ok(ExitCode::FAILURE);
    }
    for (i, row) in rows.iter().enumerate() {
        if json {
            serde_json::to_writer(&mut *out, row)?;
            out.write_all(b"\n")?;
            continue;
        }
        if i > 0 {
            out.write_all(b"\n")?;
        }
        catalog::write_block(out, row)?;
        if row.platform == Platform::WechatPay.as_str() {
            // The same code means different things per API: show each table's row.
            let code = row.code.as_deref().and_then(wx::pay::Code::from_code);
            for meaning in code.into_iter().flat_map(wx::pay::Code::meanings) {
                let status = meaning.http_status();
                writeln!(
                    out,
                    "  {:<12}{}{}{}: {} ({})",
                    "on",
                    meaning.api().name(),
                    if status.is_empty() { "" } else { " HTTP " },
                    status,
                    meaning.message_en(),
                    meaning.action()
                )?;
            }
        }
        if row.platform == Platform::Wechat.as_str() {
            if let Some(errno) = row.code.as_deref().and_then(|c| c.parse::<u32>().ok()) {
                let any = wx::AnyErrno::new(errno);
                writeln!(
                    out,
                    "  {:<12}{}; {}",
                    "category",
                    any.category(),
                    any.subcategory()
                )?;
            }
        }
    }
    if let Some(d) = errno {
        if json {
            serde_json::to_writer(
                &mut *out,
                &super::Located {
                    line: None,
                    found: "errno",
                    diagnosis: &d,
                },
            )?;
            out.write_all(b"\n")?;
        } else {
            if !rows.is_empty() {
                out.write_all(b"\n")?;
            }
            write_diagnosis(out, None, &d)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
