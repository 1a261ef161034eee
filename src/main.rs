//! `minierr`: explain a code, triage a log of fail payloads, or list a catalog.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use minierr::alipay::{Api, JsapiError};
use minierr::openapi::{CallKind, ResultCode};
use minierr::wx::{Category, Errno, Subcategory};
use minierr::{Action, DecodeOptions, Diagnosis, Platform, RetryHint, open_platform};
use serde::Serialize;

const EXAMPLES: &str = "\
Examples:
  minierr explain 1500102
  minierr explain 40006 --platform alipay
  minierr explain PARAM_ILLEGAL
  minierr explain N22106
  minierr decode examples/data/payloads.jsonl
  cat fails.jsonl | minierr decode - --json
  minierr list --platform wechat --category 15

Exit status: 0 when everything was understood, 1 when some input could not be decoded (or a
code matched nothing), 2 for a usage error or an unreadable file.";

/// Explain mini-program error codes and triage logs of fail payloads (WeChat, Alipay, Alipay+,
/// open platform).
#[derive(Parser)]
#[command(name = "minierr", version, after_help = EXAMPLES)]
struct Cli {
    /// Print one JSON object per item instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Everything known about a code, on every platform and API where it exists.
    Explain {
        /// A number (1500102, 40006), an Alipay+ resultCode (PARAM_ILLEGAL), or text found in
        /// Alipay messages (N22106) or WeChat errMsgs (url not in domain list).
        code: String,
        /// Only this platform: wechat, alipay, alipayplus or open_platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Only this Alipay API (my.request or request).
        #[arg(long, value_parser = parse_api)]
        api: Option<Api>,
    },
    /// Diagnose fail payloads: one JSON object per line, or one JSON array.
    Decode {
        /// The file to read; `-` or nothing for standard input.
        file: Option<String>,
        /// The Alipay API that produced the payloads, to resolve codes that differ per API.
        #[arg(long, value_parser = parse_api)]
        api: Option<Api>,
        /// Treat Alipay+ calls as idempotent: retry an unknown outcome instead of reconciling.
        #[arg(long)]
        idempotent: bool,
    },
    /// The catalogs as a table.
    List {
        /// Only this platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Only this WeChat errno category (digits 1-2, e.g. 15).
        #[arg(long)]
        category: Option<u16>,
    },
}

fn parse_api(text: &str) -> Result<Api, String> {
    Api::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = Api::all().map(Api::name).collect();
        format!(
            "unknown Alipay API {text:?}; expected one of {}",
            names.join(", ")
        )
    })
}

/// One catalog entry or decoded payload, with the documented JSON keys.
#[derive(Serialize)]
struct Item<'a> {
    platform: Platform,
    api: Option<Cow<'a, str>>,
    code: Option<serde_json::Value>,
    sub_code: Option<serde_json::Value>,
    err_code: Option<i64>,
    known: bool,
    name: Option<&'static str>,
    err_msg: Option<&'a str>,
    message_zh: Option<&'static str>,
    message_en: Option<&'static str>,
    remedy_zh: Option<&'static str>,
    remedy_en: Option<&'static str>,
    status: Option<String>,
    category: Option<Category>,
    subcategory: Option<Subcategory>,
    action: Option<Action>,
    retry_hint: Option<RetryHint>,
    reason_class: Option<minierr::wx::ReasonClass>,
    candidate_apis: Vec<&'static str>,
}

impl Item<'static> {
    fn blank(platform: Platform) -> Self {
        Item {
            platform,
            api: None,
            code: None,
            sub_code: None,
            err_code: None,
            known: true,
            name: None,
            err_msg: None,
            message_zh: None,
            message_en: None,
            remedy_zh: None,
            remedy_en: None,
            status: None,
            category: None,
            subcategory: None,
            action: None,
            retry_hint: None,
            reason_class: None,
            candidate_apis: Vec::new(),
        }
    }

    fn wechat(errno: Errno) -> Self {
        Item {
            code: Some(errno.code().into()),
            name: Some(errno.name()),
            err_msg: Some(errno.err_msg()).filter(|m| !m.is_empty()),
            message_zh: Some(errno.message_zh()),
            message_en: Some(errno.message_en()),
            category: Some(errno.category()),
            subcategory: Some(errno.subcategory()),
            action: Some(errno.action()),
            retry_hint: errno.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::Wechat)
        }
    }

    fn alipay(error: JsapiError) -> Self {
        let code = error.code();
        Item {
            api: Some(Cow::Borrowed(error.api().name())),
            code: Some(code.parse::<i64>().map_or_else(|_| code.into(), Into::into)),
            name: Some(error.name()),
            err_msg: Some(error.message_zh()),
            message_zh: Some(error.message_zh()),
            message_en: Some(error.message_en()),
            remedy_zh: error.remedy_zh(),
            remedy_en: error.remedy_en(),
            action: Some(error.action()),
            retry_hint: error.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::Alipay)
        }
    }

    fn alipay_plus(code: ResultCode) -> Self {
        Item {
            code: Some(code.code().into()),
            name: Some(code.name()),
            err_msg: Some(code.result_message()),
            message_zh: Some(code.message_zh()),
            message_en: Some(code.result_message()),
            remedy_zh: code.remedy_zh(),
            remedy_en: code.remedy_en(),
            status: Some(code.documented_status().to_string()),
            action: Some(code.action()),
            retry_hint: code.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::AlipayPlus)
        }
    }

    fn wechat_server(code: minierr::wx::server::Errcode) -> Self {
        Item {
            code: Some(code.code().into()),
            name: Some(code.name()),
            err_msg: Some(code.errmsg()).filter(|m| !m.is_empty()),
            message_zh: Some(code.message_zh()).filter(|m| !m.is_empty()),
            message_en: Some(code.message_en()),
            action: Some(code.action()),
            retry_hint: code.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::WechatServer)
        }
    }

    fn wechat_cloud(code: minierr::wx::cloud::Code) -> Self {
        Item {
            code: Some(code.code().into()),
            name: Some(code.name()),
            err_msg: Some(code.label()).filter(|m| !m.is_empty()),
            message_zh: Some(code.message_zh()).filter(|m| !m.is_empty()),
            message_en: Some(code.message_en()),
            action: code.action(),
            retry_hint: code.retry_hint(),
            ..Item::blank(Platform::WechatCloud)
        }
    }

    fn gateway_code(code: minierr::alipay::gateway::Code) -> Self {
        Item {
            code: Some(code.code().into()),
            name: Some(code.name()),
            err_msg: Some(code.msg()).filter(|m| !m.is_empty()),
            message_zh: Some(code.message_zh()),
            message_en: Some(code.message_en()),
            action: Some(code.action()),
            retry_hint: code.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::AlipayGateway)
        }
    }

    fn gateway_sub_code(sub_code: minierr::alipay::gateway::SubCode) -> Self {
        Item {
            code: sub_code.public_code().map(|c| c.code().into()),
            name: Some(sub_code.name()),
            err_msg: Some(sub_code.code()),
            message_zh: Some(sub_code.message_zh()).filter(|m| !m.is_empty()),
            message_en: Some(sub_code.message_en()),
            remedy_zh: sub_code.remedy_zh(),
            action: Some(sub_code.action()),
            retry_hint: sub_code.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::AlipayGateway)
        }
    }

    fn open_platform(code: open_platform::Code) -> Self {
        Item {
            code: Some(code.code().into()),
            name: Some(code.name()),
            message_zh: Some(code.message_zh()),
            message_en: Some(code.message_en()),
            action: Some(code.action()),
            retry_hint: code.retry_hint(),
            reason_class: None,
            ..Item::blank(Platform::OpenPlatform)
        }
    }
}

impl<'a> Item<'a> {
    fn from_diagnosis(d: &'a Diagnosis<'a>) -> Self {
        Item {
            platform: d.platform(),
            api: d.api_name(),
            code: d.code().map(|c| match c {
                minierr::RawCode::Number(n) => n.into(),
                minierr::RawCode::Text(t) => t.into(),
            }),
            sub_code: d.sub_code().map(|c| match c {
                minierr::RawCode::Number(n) => n.into(),
                minierr::RawCode::Text(t) => t.into(),
            }),
            err_code: d.err_code(),
            known: d.is_known(),
            name: d.name(),
            err_msg: d.message(),
            message_zh: d.message_zh(),
            message_en: d.message_en(),
            remedy_zh: d.remedy_zh(),
            remedy_en: d.remedy_en(),
            status: d.status().map(|s| s.to_string()),
            category: d.category(),
            subcategory: d.subcategory(),
            action: d.action(),
            retry_hint: d.retry_hint(),
            reason_class: d.reason_class(),
            candidate_apis: d.candidate_apis().into_iter().map(Api::name).collect(),
        }
    }

    fn code_text(&self) -> String {
        match &self.code {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "-".to_owned(),
        }
    }

    /// The multi-line text block `explain` prints.
    fn explain_text(&self) -> String {
        let mut out = format!(
            "{} {} {}\n",
            self.platform,
            self.api
                .as_deref()
                .map_or(String::new(), |a| format!("{a} "))
                + &self.code_text(),
            self.name.unwrap_or("(not in the catalog)")
        );
        let mut line = |label: &str, value: Option<&str>| {
            if let Some(value) = value {
                let mut lines = value.lines();
                if let Some(first) = lines.next() {
                    out.push_str(&format!("  {label:<12}{first}\n"));
                }
                for rest in lines {
                    out.push_str(&format!("  {:<12}{rest}\n", ""));
                }
            }
        };
        line("message", self.err_msg);
        line("zh", self.message_zh);
        line("en", self.message_en);
        line("status", self.status.as_deref());
        line("remedy zh", self.remedy_zh);
        line("remedy en", self.remedy_en);
        if let (Some(c), Some(s)) = (&self.category, &self.subcategory) {
            line("category", Some(&format!("{c} / {s}")));
        }
        if let Some(action) = self.action {
            line(
                "action",
                Some(&format!("{action}: {}", action.description())),
            );
        }
        line("retry", self.retry_hint.map(|h| h.to_string()).as_deref());
        line(
            "reason",
            self.reason_class.map(|c| c.to_string()).as_deref(),
        );
        out
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Explain {
            code,
            platform,
            api,
        } => explain(&mut out, &code, platform, api, cli.json),
        Command::Decode {
            file,
            api,
            idempotent,
        } => decode(&mut out, file.as_deref(), api, idempotent, cli.json),
        Command::List { platform, category } => list(&mut out, platform, category, cli.json),
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(code), Ok(())) => code,
        (Err(e), _) | (_, Err(e)) => {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("minierr: {e}");
            ExitCode::from(2)
        }
    }
}

fn wanted(platform: Option<Platform>, this: Platform) -> bool {
    platform.is_none_or(|p| p == this)
}

fn explain(
    out: &mut impl Write,
    code: &str,
    platform: Option<Platform>,
    api: Option<Api>,
    json: bool,
) -> io::Result<ExitCode> {
    let code = code.trim();
    let number: Option<i64> = code.parse().ok();
    let mut items = Vec::new();
    if wanted(platform, Platform::Wechat) && api.is_none() {
        match number.and_then(|n| u32::try_from(n).ok()) {
            Some(n) => items.extend(Errno::from_code(n).map(Item::wechat)),
            None => items.extend(
                Errno::all_with_err_msg(code)
                    .iter()
                    .map(|e| Item::wechat(*e)),
            ),
        }
    }
    if wanted(platform, Platform::Alipay) {
        let apis: Vec<Api> = api.map_or_else(|| Api::all().collect(), |a| vec![a]);
        for api in apis {
            for error in api.errors() {
                let by_code = error.code().split('/').any(|c| c == code);
                let by_text =
                    number.is_none() && code.len() > 2 && error.message_zh().contains(code);
                if by_code || by_text {
                    items.push(Item::alipay(error));
                }
            }
        }
    }
    if wanted(platform, Platform::AlipayPlus) && api.is_none() {
        items.extend(ResultCode::from_code(code).map(Item::alipay_plus));
    }
    if wanted(platform, Platform::OpenPlatform) && api.is_none() {
        let known = number
            .and_then(|n| u32::try_from(n).ok())
            .and_then(open_platform::Code::from_code);
        items.extend(known.map(Item::open_platform));
    }
    if wanted(platform, Platform::AlipayGateway) && api.is_none() {
        use minierr::alipay::gateway::{Code, SubCode};
        items.extend(Code::from_code(code).map(Item::gateway_code));
        items.extend(SubCode::find(code).map(|m| Item::gateway_sub_code(m.sub_code())));
    }
    if wanted(platform, Platform::WechatServer) && api.is_none() {
        use minierr::wx::server::Errcode;
        match number {
            Some(n) => items.extend(Errcode::from_code(n).map(Item::wechat_server)),
            None => items.extend(
                Errcode::all_with_normalized_errmsg(code)
                    .iter()
                    .map(|c| Item::wechat_server(*c)),
            ),
        }
    }
    if wanted(platform, Platform::WechatCloud) && api.is_none() {
        use minierr::wx::cloud::Code;
        match number {
            Some(n) => items.extend(Code::from_code(n).map(Item::wechat_cloud)),
            None => items.extend(
                Code::all_with_normalized_message(code)
                    .iter()
                    .map(|c| Item::wechat_cloud(*c)),
            ),
        }
    }
    if items.is_empty() {
        eprintln!(
            "minierr: {code:?} is in none of the catalogs{}",
            scope(platform, api)
        );
        return Ok(ExitCode::FAILURE);
    }
    for (i, item) in items.iter().enumerate() {
        if json {
            serde_json::to_writer(&mut *out, item)?;
            writeln!(out)?;
        } else {
            if i > 0 {
                writeln!(out)?;
            }
            write!(out, "{}", item.explain_text())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn scope(platform: Option<Platform>, api: Option<Api>) -> String {
    match (platform, api) {
        (_, Some(api)) => format!(" for {api}"),
        (Some(p), None) => format!(" of {p}"),
        (None, None) => String::new(),
    }
}

#[derive(Default)]
struct Summary {
    by_platform: BTreeMap<String, usize>,
    by_category: BTreeMap<String, usize>,
    by_action: BTreeMap<String, usize>,
    by_code: BTreeMap<String, usize>,
    decoded: usize,
    failed: usize,
}

/// Rows of a count table, most frequent first.
fn sorted(counts: &BTreeMap<String, usize>) -> Vec<(&String, &usize)> {
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    rows
}

impl Summary {
    fn add(&mut self, item: &Item<'_>) {
        self.decoded += 1;
        *self
            .by_platform
            .entry(item.platform.to_string())
            .or_default() += 1;
        if let Some(c) = &item.category {
            let name = c.name_en().map_or_else(
                || format!("{:02} (unnamed)", c.code()),
                |n| format!("{:02} {n}", c.code()),
            );
            *self.by_category.entry(name).or_default() += 1;
        }
        let action = item.action.map_or("unknown", Action::as_str);
        *self.by_action.entry(action.to_owned()).or_default() += 1;
        let code = format!(
            "{} {}{}",
            item.platform,
            item.code_text(),
            item.name.map_or(String::new(), |n| format!(" {n}"))
        );
        *self.by_code.entry(code).or_default() += 1;
    }

    fn print(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "\n{} decoded, {} not decoded",
            self.decoded, self.failed
        )?;
        let table =
            |out: &mut dyn Write, title: &str, rows: Vec<(&String, &usize)>| -> io::Result<()> {
                if rows.is_empty() {
                    return Ok(());
                }
                writeln!(out, "\n{title}")?;
                for (name, count) in rows {
                    writeln!(out, "{count:>7}  {name}")?;
                }
                Ok(())
            };
        table(out, "by platform", sorted(&self.by_platform))?;
        table(out, "by WeChat category", sorted(&self.by_category))?;
        table(out, "by action", sorted(&self.by_action))?;
        table(
            out,
            "top codes",
            sorted(&self.by_code).into_iter().take(10).collect(),
        )?;
        Ok(())
    }
}

fn read_input(file: Option<&str>) -> io::Result<(String, u64)> {
    let mut text = String::new();
    match file {
        None | Some("-") => {
            io::stdin().lock().read_to_string(&mut text)?;
        }
        Some(path) => {
            let mut f = std::fs::File::open(path)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))?;
            f.read_to_string(&mut text)
                .map_err(|e| io::Error::new(e.kind(), format!("cannot read {path}: {e}")))?;
        }
    }
    let size = text.len() as u64;
    Ok((text, size))
}

/// Inputs above this size get a progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 4 << 20;

fn decode(
    out: &mut impl Write,
    file: Option<&str>,
    api: Option<Api>,
    idempotent: bool,
    json: bool,
) -> io::Result<ExitCode> {
    let (text, size) = read_input(file)?;
    let mut options = DecodeOptions::new();
    if let Some(api) = api {
        options = options.alipay_api(api);
    }
    if idempotent {
        options = options.call_kind(CallKind::Idempotent);
    }
    let body = text.trim_start_matches('\u{feff}');
    let payloads: Vec<(usize, &str)> = if body.trim_start().starts_with('[') {
        match serde_json::from_str::<Vec<&serde_json::value::RawValue>>(body) {
            Ok(values) => values
                .iter()
                .enumerate()
                .map(|(i, v)| (i + 1, v.get()))
                .collect(),
            Err(e) => {
                eprintln!("minierr: the input starts with [ but is not a JSON array: {e}");
                return Ok(ExitCode::FAILURE);
            }
        }
    } else {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .filter(|(_, l)| !l.trim().is_empty())
            .collect()
    };

    let progress = (size > PROGRESS_THRESHOLD && io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(payloads.len() as u64));
    let mut summary = Summary::default();
    for (line, payload) in payloads {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
        match minierr::decode_with(payload.as_bytes(), &options) {
            Ok(diagnosis) => {
                let item = Item::from_diagnosis(&diagnosis);
                summary.add(&item);
                if json {
                    let mut value = serde_json::to_value(&item)?;
                    if let Some(map) = value.as_object_mut() {
                        map.insert("line".to_owned(), line.into());
                    }
                    serde_json::to_writer(&mut *out, &value)?;
                    writeln!(out)?;
                } else {
                    writeln!(out, "{line:>5}  {}", one_line(&item))?;
                }
            }
            Err(e) => {
                summary.failed += 1;
                if json {
                    let value = serde_json::json!({ "line": line, "error": e.to_string() });
                    serde_json::to_writer(&mut *out, &value)?;
                    writeln!(out)?;
                } else {
                    writeln!(out, "{line:>5}  not decoded: {e}")?;
                }
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if !json {
        summary.print(out)?;
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn one_line(item: &Item<'_>) -> String {
    let mut s = format!("{:<13} ", item.platform.as_str());
    if let Some(api) = item.api.as_deref() {
        s.push_str(api);
        s.push(' ');
    }
    s.push_str(&item.code_text());
    match item.name {
        Some(name) => s.push_str(&format!(" {name}")),
        None if !item.candidate_apis.is_empty() => s.push_str(" (API needed)"),
        None => s.push_str(" (not in the catalog)"),
    }
    if let Some(status) = &item.status {
        s.push_str(&format!(" [{status}]"));
    }
    s.push_str(&format!(
        " -> {}",
        item.action.map_or("unknown", Action::as_str)
    ));
    if let Some(class) = item.reason_class {
        s.push_str(&format!(" (reason class {class})"));
    }
    if let Some(hint) = item.retry_hint {
        s.push_str(&format!(" ({hint})"));
    }
    if let Some(en) = item.message_en {
        s.push_str(&format!(": {en}"));
    } else if !item.candidate_apis.is_empty() {
        s.push_str(&format!(
            ": could be {}; pass --api",
            item.candidate_apis.join(", ")
        ));
    } else if let Some(msg) = item.err_msg {
        s.push_str(&format!(": {msg:?}"));
    }
    s
}

fn list(
    out: &mut impl Write,
    platform: Option<Platform>,
    category: Option<u16>,
    json: bool,
) -> io::Result<ExitCode> {
    let mut items = Vec::new();
    if wanted(platform, Platform::Wechat) {
        items.extend(
            Errno::all()
                .filter(|e| category.is_none_or(|c| e.category().code() == c))
                .map(Item::wechat),
        );
    }
    if category.is_none() {
        if wanted(platform, Platform::Alipay) {
            items.extend(Api::all().flat_map(Api::errors).map(Item::alipay));
        }
        if wanted(platform, Platform::AlipayPlus) {
            items.extend(ResultCode::all().map(Item::alipay_plus));
        }
        if wanted(platform, Platform::OpenPlatform) {
            items.extend(open_platform::Code::all().map(Item::open_platform));
        }
        if wanted(platform, Platform::WechatServer) {
            items.extend(minierr::wx::server::Errcode::all().map(Item::wechat_server));
        }
        if wanted(platform, Platform::WechatCloud) {
            items.extend(minierr::wx::cloud::Code::all().map(Item::wechat_cloud));
        }
        if wanted(platform, Platform::AlipayGateway) {
            use minierr::alipay::gateway::{Code, SubCode};
            items.extend(Code::all().map(Item::gateway_code));
            items.extend(SubCode::all().map(Item::gateway_sub_code));
        }
    }
    for item in &items {
        if json {
            serde_json::to_writer(&mut *out, item)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{:<13} {:<28} {:<36} {:<11} {}",
                item.platform.as_str(),
                item.api
                    .as_deref()
                    .map_or(String::new(), |a| format!("{a} "))
                    + &item.code_text(),
                item.name.unwrap_or(""),
                item.action.map_or("", Action::as_str),
                item.message_en.unwrap_or("")
            )?;
        }
    }
    Ok(if items.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
