//! `minierr`: explain a code or a message, triage a log of fail payloads, or list a catalog.

#![forbid(unsafe_code)]
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use minierr::alipay::Api;
use minierr::alipay_plus::CallKind;
use minierr::{DecodeOptions, Platform};

const EXAMPLES: &str = "\
Examples:
  minierr explain 1500102
  minierr explain -502005
  minierr explain \"request:fail url not in domain list\"
  minierr explain 40006 --platform alipay
  minierr explain PARAM_ILLEGAL
  minierr decode examples/data/payloads.jsonl
  cat app.log | minierr decode - --json --summary
  minierr decode app.log --fail-on-unknown
  minierr list --format csv > catalog.csv

Exit status: 0 when every line was decoded (lines with no payload are skipped, not failures);
1 when some line could not be decoded (invalid UTF-8, too long, or a payload no platform
fits), with --fail-on-unknown also when a code or reason is unknown, and for explain when
nothing matched; 2 for a usage error or an unreadable file.";

/// Explain mini-program error codes and triage logs of fail payloads (WeChat, WeChat Cloud and
/// server, Alipay, the Alipay gateway, Alipay+, the open platform).
#[derive(Parser)]
#[command(name = "minierr", version, after_help = EXAMPLES)]
struct Cli {
    /// Print one JSON object per item instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// An aligned table.
    Text,
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Everything known about a code, or what a payload or message means.
    Explain {
        /// A code (1500102, -502005, 40006, PARAM_ILLEGAL, isv.invalid-signature), a message
        /// (url not in domain list), or anything decode reads in a line (an errMsg, a JSON
        /// payload, an SDK's error text).
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Only this platform: wechat, wechat_legacy, wechat_cloud, wechat_server, wechat_pay,
        /// wecom, alipay, alipay_gateway, alipayplus or open_platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Only this Alipay API (my.request or request).
        #[arg(long, value_parser = parse_api)]
        api: Option<Api>,
    },
    /// Diagnose a log: every line that holds a payload (JSON, or an SDK's or runtime's text),
    /// or one JSON array; then a summary.
    Decode {
        /// The file to read; `-` or nothing for standard input.
        file: Option<String>,
        /// Decode JSON payloads as this platform's, for objects that fit several.
        #[arg(long)]
        platform: Option<Platform>,
        /// The Alipay API that produced the payloads, to resolve codes that differ per API.
        #[arg(long, value_parser = parse_api)]
        api: Option<Api>,
        /// Treat the calls as idempotent (Alipay+, the Alipay gateway, WeChat Pay): retry an
        /// unknown outcome instead of reconciling.
        #[arg(long)]
        idempotent: bool,
        /// With --json, end with a summary object.
        #[arg(long)]
        summary: bool,
        /// Exit 1 if any code or reason is unknown to the catalogs (for CI).
        #[arg(long)]
        fail_on_unknown: bool,
        /// Skip (and report) lines, or a JSON array's elements, longer than this many bytes.
        #[arg(long, default_value_t = 1 << 20)]
        max_line_bytes: usize,
        /// Decode on this many threads (default: one per core for a file, 1 for standard
        /// input, where batching would delay each line's answer). Output keeps the input's
        /// order; 1 decodes on the calling thread alone.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
    },
    /// The catalogs, as a table, CSV or JSON lines (one schema for every platform).
    List {
        /// Only this platform.
        #[arg(long)]
        platform: Option<Platform>,
        /// Only this WeChat errno category (digits 1-2, e.g. 15).
        #[arg(long)]
        category: Option<u16>,
        /// The output format (--json is the same as --format jsonl).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(64 << 10, stdout.lock());
    let result = match cli.command {
        Command::Explain {
            query,
            platform,
            api,
        } => cli::explain::run(&mut out, &query, platform, api, cli.json),
        Command::Decode {
            file,
            platform,
            api,
            idempotent,
            summary,
            fail_on_unknown,
            max_line_bytes,
            jobs,
        } => {
            let mut options = DecodeOptions::new();
            if let Some(api) = api {
                options = options.alipay_api(api);
            }
            if idempotent {
                options = options.call_kind(CallKind::Idempotent);
            }
            let args = cli::decode::Args {
                file: file.as_deref(),
                platform,
                options,
                json: cli.json,
                summary,
                fail_on_unknown,
                max_line_bytes,
                jobs: jobs.map_or_else(
                    || match file.as_deref() {
                        None | Some("-") => 1,
                        Some(_) => std::thread::available_parallelism().map_or(1, usize::from),
                    },
                    usize::from,
                ),
            };
            cli::decode::run(&mut out, &args)
        }
        Command::List {
            platform,
            category,
            format,
        } => list(
            &mut out,
            platform,
            category,
            if cli.json { Format::Jsonl } else { format },
        ),
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

fn list(
    out: &mut dyn Write,
    platform: Option<Platform>,
    category: Option<u16>,
    format: Format,
) -> io::Result<ExitCode> {
    let rows = cli::catalog::rows(platform, category);
    match format {
        Format::Text => cli::catalog::write_table(out, &rows)?,
        Format::Csv => cli::catalog::write_csv(out, &rows)?,
        Format::Jsonl => cli::catalog::write_jsonl(out, &rows)?,
    }
    Ok(if rows.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
