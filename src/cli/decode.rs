//! `minierr decode`: one diagnosis per log line, written straight to a buffered writer, and a
//! summary of what was found and what the catalogs lack.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::process::ExitCode;

use minierr::line::{Found, LineError, decode_line, decode_line_as};
use minierr::{Action, DecodeOptions, Diagnosis, DiagnosisView, Platform, RawCode};
use serde::Serialize;

use super::input::{Input, Line, Lines, Progress, each_array_element};

/// What `decode` was asked to do.
pub struct Args<'a> {
    pub file: Option<&'a str>,
    pub platform: Option<Platform>,
    pub options: DecodeOptions,
    pub json: bool,
    pub summary: bool,
    pub fail_on_unknown: bool,
    pub max_line_bytes: usize,
    /// Threads to decode on; 1 decodes on the calling thread.
    pub jobs: usize,
}

/// A line that gave no diagnosis, in `--json` mode.
#[derive(Serialize)]
struct NotDecoded<'e> {
    line: u64,
    /// `no_payload` (skipped), or `not_decoded`, `invalid_utf8`, `too_long` (failures).
    skipped: &'static str,
    error: &'e str,
}

/// Whether the catalogs could not say what a line means: no action, or a code they do not know.
fn is_unknown(view: &DiagnosisView<'_>) -> bool {
    view.action.is_none() || (view.code.is_some() && !view.known)
}

/// The most distinct codes (numbers, and text per platform) and unknown reasons the summary
/// tallies: a log of millions of distinct ones (reasons with an id the stripping does not
/// catch, codes no catalog knows) would otherwise be held whole in memory. Past the bound a new
/// one is not tallied (the totals still count its line), so the top lists are those of the
/// first ten thousand, whatever the number of jobs.
const MAX_TALLIED: usize = 10_000;
/// The longest key the summary keeps of a code or reason: enough to tell them apart in the top
/// lists, and a reason of a megabyte does not take a megabyte of the summary.
const MAX_TALLY_KEY_BYTES: usize = 256;

/// The start of `text`, at most `max` bytes, cut at a character boundary.
fn head_of(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// A code's name in its catalog (or why it has none), its count, and when it was first seen
/// ([`Summary::seen`]).
type CodeTally = (Option<&'static str>, u64, u64);

/// How many lines have been seen, by outcome, and the tables of the summary.
#[derive(Default)]
struct Summary {
    decoded: u64,
    failed: u64,
    no_payload: u64,
    blank: u64,
    unknown: u64,
    by_platform: Tally<Platform>,
    by_category: BTreeMap<u16, u64>,
    by_action: Tally<Option<Action>>,
    by_form: Tally<Found>,
    /// Numeric codes by (platform, code, whether it was named); text codes by (platform,
    /// whether it was named), then code, so that a code already counted costs no allocation.
    /// A code may be a catalog code on one line and another service's on the next (`the
    /// errmsg is not this code's`, `not an APIv3 code`): the two are counted apart. Each entry
    /// keeps its count and when it was first seen ([`Summary::seen`]).
    by_number: HashMap<(&'static str, i64, bool), CodeTally>,
    by_text: HashMap<(&'static str, bool), HashMap<String, CodeTally>>,
    unknown_reasons: HashMap<String, (u64, u64)>,
    /// How many new entries the tables have taken: the order in which a batch first saw its
    /// keys, so that merging batches keeps the keys one pass over the input would keep.
    seen: u64,
    /// A batch's summary holds all its keys (a batch is small); the summary of the whole input
    /// holds [`MAX_TALLIED`] of each table.
    uncapped: bool,
    /// The buffer the unknown reasons' keys are built in.
    reason_key: String,
    failures: BTreeMap<&'static str, u64>,
}

impl Summary {
    fn add(&mut self, found: Found, view: &DiagnosisView<'_>) {
        self.decoded += 1;
        let platform = view.platform.as_str();
        self.by_platform.add(view.platform, 1);
        self.by_form.add(found, 1);
        if let Some(category) = view.category {
            *self.by_category.entry(category.code()).or_default() += 1;
        }
        self.by_action.add(view.action, 1);
        match view.code {
            Some(RawCode::Number(n)) => {
                let key = (platform, n, view.name.is_some());
                if let Some(entry) = self.by_number.get_mut(&key) {
                    entry.1 += 1;
                } else if self.uncapped || self.by_number.len() < MAX_TALLIED {
                    self.seen += 1;
                    let label = view.name.or(view.unnamed_because());
                    self.by_number.insert(key, (label, 1, self.seen));
                }
            }
            Some(RawCode::Text(t)) => {
                let codes = self
                    .by_text
                    .entry((platform, view.name.is_some()))
                    .or_default();
                let t = head_of(t, MAX_TALLY_KEY_BYTES);
                if let Some(entry) = codes.get_mut(t) {
                    entry.1 += 1;
                } else if self.uncapped || codes.len() < MAX_TALLIED {
                    self.seen += 1;
                    codes.insert(
                        t.to_owned(),
                        (view.name.or(view.unnamed_because()), 1, self.seen),
                    );
                }
            }
            None => {}
        }
        if is_unknown(view) {
            self.unknown += 1;
            if let Some(reason) = view.reason {
                // The key is built in a reused buffer and copied only the first time it is seen.
                let mut key = std::mem::take(&mut self.reason_key);
                key.clear();
                key.push_str(platform);
                key.push(' ');
                push_normal_reason(&mut key, reason);
                let kept = head_of(&key, MAX_TALLY_KEY_BYTES).len();
                key.truncate(kept);
                if let Some(entry) = self.unknown_reasons.get_mut(key.as_str()) {
                    entry.0 += 1;
                } else if self.uncapped || self.unknown_reasons.len() < MAX_TALLIED {
                    self.seen += 1;
                    self.unknown_reasons.insert(key.clone(), (1, self.seen));
                }
                self.reason_key = key;
            }
        }
    }

    /// Adds the counts of another part of the input.
    fn merge(&mut self, other: Summary) {
        self.decoded += other.decoded;
        self.failed += other.failed;
        self.no_payload += other.no_payload;
        self.blank += other.blank;
        self.unknown += other.unknown;
        let add = |into: &mut BTreeMap<&'static str, u64>, from: BTreeMap<&'static str, u64>| {
            for (key, n) in from {
                *into.entry(key).or_default() += n;
            }
        };
        self.by_platform.merge(other.by_platform);
        self.by_action.merge(other.by_action);
        self.by_form.merge(other.by_form);
        add(&mut self.failures, other.failures);
        for (key, n) in other.by_category {
            *self.by_category.entry(key).or_default() += n;
        }
        // Keys new here are taken in the order the part first saw them, while there is room:
        // the kept keys and their counts are then those of one pass over the input, whatever
        // the number of jobs.
        let room = |len: usize| self.uncapped || len < MAX_TALLIED;
        let mut numbers: Vec<_> = other.by_number.into_iter().collect();
        numbers.sort_unstable_by_key(|(_, (_, _, seen))| *seen);
        for (key, (name, n, seen)) in numbers {
            if let Some(entry) = self.by_number.get_mut(&key) {
                entry.1 += n;
            } else if room(self.by_number.len()) {
                self.by_number.insert(key, (name, n, seen));
            }
        }
        let mut texts: Vec<_> = other
            .by_text
            .into_iter()
            .flat_map(|(platform, codes)| {
                codes.into_iter().map(move |(code, v)| (platform, code, v))
            })
            .collect();
        texts.sort_unstable_by_key(|(_, _, (_, _, seen))| *seen);
        for (platform, code, (name, n, seen)) in texts {
            let into = self.by_text.entry(platform).or_default();
            if let Some(entry) = into.get_mut(&code) {
                entry.1 += n;
            } else if room(into.len()) {
                into.insert(code, (name, n, seen));
            }
        }
        let mut reasons: Vec<_> = other.unknown_reasons.into_iter().collect();
        reasons.sort_unstable_by_key(|(_, (_, seen))| *seen);
        for (reason, (n, seen)) in reasons {
            if let Some(entry) = self.unknown_reasons.get_mut(&reason) {
                entry.0 += n;
            } else if room(self.unknown_reasons.len()) {
                self.unknown_reasons.insert(reason, (n, seen));
            }
        }
    }

    fn fail(&mut self, kind: &'static str) {
        self.failed += 1;
        *self.failures.entry(kind).or_default() += 1;
    }

    fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "\n{} decoded, {} not decoded, {} skipped (no payload), {} blank",
            self.decoded, self.failed, self.no_payload, self.blank
        )?;
        let mut table = |title: &str, rows: Vec<(String, u64)>| -> io::Result<()> {
            if rows.is_empty() {
                return Ok(());
            }
            writeln!(out, "\n{title}")?;
            for (name, count) in rows {
                writeln!(out, "{count:>9}  {name}")?;
            }
            Ok(())
        };
        let own = |map: &BTreeMap<&'static str, u64>| -> Vec<(String, u64)> {
            top(map.iter().map(|(k, v)| ((*k).to_owned(), *v)), usize::MAX)
        };
        table("not decoded", own(&self.failures))?;
        table(
            "by platform",
            own(&self.by_platform.named(Platform::as_str)),
        )?;
        table("by form found", own(&self.by_form.named(Found::as_str)))?;
        table(
            "by WeChat category",
            top(
                self.by_category.iter().map(|(code, n)| {
                    let category = minierr::wx::Category::of(u32::from(*code) * 100_000);
                    let name = category.name_en().unwrap_or("(unnamed)");
                    (format!("{code:02} {name}"), *n)
                }),
                usize::MAX,
            ),
        )?;
        table("by action", own(&self.by_action.named(action_name)))?;
        table(
            "top codes",
            top(
                self.by_number
                    .iter()
                    .map(|((platform, code, _), (name, n, _))| {
                        (platform, code.to_string(), name, n)
                    })
                    .chain(self.by_text.iter().flat_map(|((platform, _), codes)| {
                        codes
                            .iter()
                            .map(move |(code, (name, n, _))| (platform, code.clone(), name, n))
                    }))
                    .map(|(platform, code, name, n)| {
                        let name = name.unwrap_or("(not in the catalog)");
                        (format!("{platform} {code} {name}"), *n)
                    }),
                10,
            ),
        )?;
        table(
            "top unknown reasons (numbers, ids, quoted values and URLs stripped)",
            top(
                self.unknown_reasons
                    .iter()
                    .map(|(k, (n, _))| (k.clone(), *n)),
                10,
            ),
        )?;
        Ok(())
    }

    fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        #[derive(Serialize)]
        struct Json<'s> {
            decoded: u64,
            not_decoded: u64,
            skipped_no_payload: u64,
            blank: u64,
            unknown: u64,
            not_decoded_by_kind: &'s BTreeMap<&'static str, u64>,
            by_platform: BTreeMap<&'static str, u64>,
            by_form: BTreeMap<&'static str, u64>,
            by_action: BTreeMap<&'static str, u64>,
            top_unknown_reasons: Vec<(String, u64)>,
        }
        let summary = Json {
            decoded: self.decoded,
            not_decoded: self.failed,
            skipped_no_payload: self.no_payload,
            blank: self.blank,
            unknown: self.unknown,
            not_decoded_by_kind: &self.failures,
            by_platform: self.by_platform.named(Platform::as_str),
            by_form: self.by_form.named(Found::as_str),
            by_action: self.by_action.named(action_name),
            top_unknown_reasons: top(
                self.unknown_reasons
                    .iter()
                    .map(|(k, (n, _))| (k.clone(), *n)),
                10,
            ),
        };
        serde_json::to_writer(&mut *out, &serde_json::json!({ "summary": summary }))?;
        out.write_all(b"\n")
    }
}

/// Counts by a key of a few values (a platform, a form, an action), kept in first-seen order:
/// comparing enums beats comparing their names in an ordered map, once per line.
struct Tally<K>(Vec<(K, u64)>);

impl<K> Default for Tally<K> {
    fn default() -> Self {
        Tally(Vec::new())
    }
}

impl<K: Copy + PartialEq> Tally<K> {
    fn add(&mut self, key: K, n: u64) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, count)) => *count += n,
            None => self.0.push((key, n)),
        }
    }

    fn merge(&mut self, other: Tally<K>) {
        for (key, n) in other.0 {
            self.add(key, n);
        }
    }

    /// The counts by name, as the summary prints them.
    fn named(&self, name: impl Fn(K) -> &'static str) -> BTreeMap<&'static str, u64> {
        let mut named = BTreeMap::new();
        for &(key, n) in &self.0 {
            *named.entry(name(key)).or_default() += n;
        }
        named
    }
}

/// An action's name in the summary; `unknown` when there is none.
fn action_name(action: Option<Action>) -> &'static str {
    action.map_or("unknown", Action::as_str)
}

/// The `limit` largest counts, largest first, ties by name.
fn top(rows: impl Iterator<Item = (String, u64)>, limit: usize) -> Vec<(String, u64)> {
    let mut rows: Vec<(String, u64)> = rows.collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(limit);
    rows
}

/// A reason with what varies between occurrences taken out, so that one missing catalog entry
/// is counted once: runs of digits become `N`, quoted values `"…"`, URLs `<url>`, and `rid`,
/// `hint`, `callId` tails are cut.
#[cfg(test)]
fn normalize_reason(reason: &str) -> String {
    let mut out = String::new();
    push_normal_reason(&mut out, reason);
    out
}

/// The tails cut from an unknown reason, in the order they are cut. All but the last have a
/// colon, which lets a reason without one skip them (a test holds the order to that).
const REASON_TAILS: [&str; 7] = [
    " rid:",
    ", rid:",
    " hint:",
    " hints:",
    ", hints:",
    " (callId:",
    " requestID",
];

/// Appends [`normalize_reason`]'s form of `reason` to `out`, so that the summary builds each
/// key in one reused buffer.
fn push_normal_reason(out: &mut String, reason: &str) {
    // The searchers are built once: building one cost more than the search on these short texts.
    static TAILS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 7]> =
        std::sync::LazyLock::new(|| REASON_TAILS.map(memchr::memmem::Finder::new));
    let mut reason = reason;
    // Every tail but the last has a colon: a reason without one skips six searches.
    let skipped = if memchr::memchr(b':', reason.as_bytes()).is_some() {
        0
    } else {
        TAILS.len() - 1
    };
    for tail in TAILS.iter().skip(skipped) {
        if let Some(at) = tail.find(reason.as_bytes()) {
            reason = reason.get(..at).unwrap_or(reason);
        }
    }
    let start = out.len();
    let mut rest = reason.trim();
    while let Some(c) = rest.chars().next() {
        let after = rest.get(c.len_utf8()..).unwrap_or("");
        match c {
            '"' | '\'' | '“' => {
                let close = if c == '“' { '”' } else { c };
                rest = after.split_once(close).map_or("", |(_, tail)| tail);
                out.push_str("\"…\"");
                continue;
            }
            'h' if (out.len() == start || out.ends_with(|p: char| !p.is_alphanumeric()))
                && (rest.starts_with("http://") || rest.starts_with("https://")) =>
            {
                rest = rest.trim_start_matches(|c: char| !c.is_whitespace());
                out.push_str("<url>");
                continue;
            }
            d if d.is_ascii_digit() => {
                rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
                out.push('N');
                continue;
            }
            _ => out.push(c),
        }
        rest = after;
    }
}

/// Runs `decode` over the input; the exit status says whether every line was decoded.
pub fn run(out: &mut dyn Write, args: &Args<'_>) -> io::Result<ExitCode> {
    let mut input = Input::open(args.file)?;
    let mut summary = Summary::default();
    if input.is_json_array()? {
        let mut each = |index: u64, payload: &str| {
            // An element is held whole to be decoded (serde reads it as one value), but one
            // longer than a line may be is reported as such a line is, not read.
            if payload.len() > args.max_line_bytes {
                let error = format!(
                    "{} bytes, longer than the limit of {} (--max-line-bytes)",
                    payload.len(),
                    args.max_line_bytes
                );
                return not_decoded(out, &mut summary, args, index, "too_long", &error);
            }
            decode_element(out, &mut summary, args, index, payload)
        };
        if let Err(e) = each_array_element(&mut input.reader, &mut each)? {
            writeln!(out)?;
            eprintln!("minierr: the input starts as a JSON array but is not one: {e}");
            summary.fail("not_decoded");
        }
    } else {
        let mut progress = Progress::new(input.size.filter(|_| !input.is_stdin));
        let mut lines = Lines::new(&mut input.reader, args.max_line_bytes);
        if args.jobs > 1 {
            in_parallel(out, &mut summary, args, &mut lines, &mut progress)?;
        } else {
            loop {
                let number = lines.number + 1;
                let line = match lines.next_line()? {
                    None => break,
                    Some(line) => line,
                };
                handle_line(out, &mut summary, args, number, line)?;
                progress.update(lines.bytes_read);
            }
        }
        progress.finish();
    }
    if args.json {
        if args.summary {
            summary.write_json(out)?;
        }
    } else {
        summary.write_text(out)?;
    }
    let failed = summary.failed > 0 || (args.fail_on_unknown && summary.unknown > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One line's diagnosis, or why it has none, written to `out` and counted in `summary`.
fn handle_line(
    out: &mut dyn Write,
    summary: &mut Summary,
    args: &Args<'_>,
    number: u64,
    line: Line<'_>,
) -> io::Result<()> {
    match line {
        Line::TooLong { bytes } => {
            let error = format!(
                "{bytes} bytes, longer than the limit of {} (--max-line-bytes)",
                args.max_line_bytes
            );
            not_decoded(out, summary, args, number, "too_long", &error)
        }
        Line::InvalidUtf8 { valid_up_to } => {
            let error = format!("not UTF-8 after byte {valid_up_to}");
            not_decoded(out, summary, args, number, "invalid_utf8", &error)
        }
        Line::Text(text) if text.trim().is_empty() => {
            summary.blank += 1;
            Ok(())
        }
        Line::Text(text) => {
            // JSON lines whose values are arrays of payloads are read element by element, as
            // a whole input that is one array is, each answer with the line's number. Where an
            // element fits no platform (a logger's own object beside a payload), the line is
            // read as any line is.
            if let Some(elements) = payload_array(text) {
                let decoded: Result<Vec<_>, _> = elements
                    .iter()
                    .map(|element| decode_payload(args, element.get()))
                    .collect();
                if let Ok(decoded) = decoded {
                    for d in &decoded {
                        emit(out, summary, args, number, Found::Json, d)?;
                    }
                    return Ok(());
                }
            }
            let result = match args.platform {
                Some(p) => decode_line_as(text, p, &args.options),
                None => decode_line(text, &args.options),
            };
            match result {
                Ok((found, d)) => emit(out, summary, args, number, found, &d),
                Err(LineError::NoPayload) => {
                    summary.no_payload += 1;
                    skipped(out, args, number)
                }
                Err(e) => not_decoded(out, summary, args, number, "not_decoded", &e.to_string()),
            }
        }
    }
}

/// One payload of a JSON array, decoded as JSON (an array holds payloads, not log lines).
fn decode_payload<'p>(
    args: &Args<'_>,
    payload: &'p str,
) -> Result<Diagnosis<'p>, minierr::DecodeError> {
    match args.platform {
        Some(p) => minierr::decode_as(payload.as_bytes(), p, &args.options),
        None => minierr::decode_with(payload.as_bytes(), &args.options),
    }
}

/// [`decode_payload`], its answer written.
fn decode_element(
    out: &mut dyn Write,
    summary: &mut Summary,
    args: &Args<'_>,
    number: u64,
    payload: &str,
) -> io::Result<()> {
    match decode_payload(args, payload) {
        Ok(d) => emit(out, summary, args, number, Found::Json, &d),
        Err(e) => not_decoded(out, summary, args, number, "not_decoded", &e.to_string()),
    }
}

/// The most payloads one line's array is read for: what a line writes stays in proportion to
/// a batch's bound, whatever the line holds.
const MAX_LINE_PAYLOADS: usize = 64;

/// The elements of a line that is a JSON array of 2 to [`MAX_LINE_PAYLOADS`] objects
/// (`[{"errcode":40001,…},{"errcode":45009,…}]`); `None` for any other line. A line holding one
/// object in brackets is read as any line is, with the same answer; an array of strings (a
/// logger's `["INFO","request:fail timeout"]`) is a log line, not payloads.
fn payload_array(text: &str) -> Option<Vec<&serde_json::value::RawValue>> {
    let text = text.trim();
    if !text.starts_with('[') {
        return None;
    }
    let elements: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).ok()?;
    ((2..=MAX_LINE_PAYLOADS).contains(&elements.len())
        && elements.iter().all(|e| e.get().starts_with('{')))
    .then_some(elements)
}

/// How much text a worker takes at a time: large enough that handing it over costs little
/// against decoding it, small enough that a window of them keeps memory flat.
const BATCH_BYTES: usize = 128 << 10;

/// The most lines a batch holds. A line's bookkeeping and output cost the same whatever its
/// length, so a batch of very short lines bounded by bytes alone would hold tens of thousands
/// of them, and the window of batches in flight would grow with the line count, not the input.
const BATCH_LINES: usize = 2048;

/// A run of consecutive lines, copied out of the reader's buffer for a worker.
#[derive(Default)]
struct Batch {
    first: u64,
    text: String,
    lines: Vec<OwnedLine>,
}

/// A line of a batch: a range of its text, or what the reader found instead.
enum OwnedLine {
    Text(std::ops::Range<usize>),
    TooLong { bytes: u64 },
    InvalidUtf8 { valid_up_to: usize },
}

impl Batch {
    /// Decodes every line of the batch into its own output and summary.
    fn decode(&self, args: &Args<'_>) -> io::Result<(Vec<u8>, Summary)> {
        let mut out = Vec::with_capacity(self.text.len());
        let mut summary = Summary {
            uncapped: true,
            ..Summary::default()
        };
        for (number, line) in (self.first..).zip(&self.lines) {
            let line = match line {
                OwnedLine::Text(range) => Line::Text(self.text.get(range.clone()).unwrap_or("")),
                OwnedLine::TooLong { bytes } => Line::TooLong { bytes: *bytes },
                OwnedLine::InvalidUtf8 { valid_up_to } => Line::InvalidUtf8 {
                    valid_up_to: *valid_up_to,
                },
            };
            handle_line(&mut out, &mut summary, args, number, line)?;
        }
        Ok((out, summary))
    }
}

/// Decodes the lines on `args.jobs` threads. This thread reads the input into batches, hands
/// each to rayon's pool as soon as it is read, and writes the decoded batches in input order as
/// they come back; no thread waits for a whole window to finish. At most `jobs × 8` batches are
/// in flight (read, being decoded, or decoded and waiting for an earlier one), so memory stays
/// flat whatever the input's size.
fn in_parallel(
    out: &mut dyn Write,
    summary: &mut Summary,
    args: &Args<'_>,
    lines: &mut Lines<'_>,
    progress: &mut Progress,
) -> io::Result<()> {
    type Decoded = io::Result<(Vec<u8>, Summary)>;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs)
        .build()
        .map_err(io::Error::other)?;
    let most_in_flight = (args.jobs as u64) * 8;
    let (sender, receiver) = std::sync::mpsc::channel::<(u64, Decoded)>();
    // `in_place_scope` keeps the reader and the output on this thread (neither is shared with
    // the pool) while the batches borrow `args` for no longer than the scope.
    pool.in_place_scope(|scope| {
        let mut read = 0;
        let mut written = 0;
        let mut waiting: BTreeMap<u64, Decoded> = BTreeMap::new();
        let mut input_ended = false;
        loop {
            while !input_ended && read - written < most_in_flight {
                let Some(batch) = read_batch(lines)? else {
                    input_ended = true;
                    break;
                };
                let sender = sender.clone();
                let number = read;
                scope.spawn(move |_| {
                    // A panic would otherwise leave this thread waiting for the batch forever.
                    let decoded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        batch.decode(args)
                    }))
                    .unwrap_or_else(|_| {
                        Err(io::Error::other("decoding a batch of lines panicked"))
                    });
                    // The receiver outlives the scope, so the send cannot fail.
                    let _ = sender.send((number, decoded));
                });
                read += 1;
            }
            if written == read {
                return Ok(());
            }
            // This thread holds a sender, so the channel stays open while batches are out.
            let (number, decoded) = receiver.recv().map_err(io::Error::other)?;
            waiting.insert(number, decoded);
            while let Some(decoded) = waiting.remove(&written) {
                let (bytes, part) = decoded?;
                out.write_all(&bytes)?;
                summary.merge(part);
                written += 1;
            }
            progress.update(lines.bytes_read);
        }
    })
}

/// The next lines, up to about [`BATCH_BYTES`] and at most [`BATCH_LINES`]; `None` at the end
/// of the input.
fn read_batch(lines: &mut Lines<'_>) -> io::Result<Option<Batch>> {
    let mut batch = Batch {
        first: lines.number + 1,
        ..Batch::default()
    };
    while batch.text.len() < BATCH_BYTES && batch.lines.len() < BATCH_LINES {
        let Some(line) = lines.next_line()? else {
            break;
        };
        batch.lines.push(match line {
            Line::Text(text) => {
                let at = batch.text.len();
                batch.text.push_str(text);
                OwnedLine::Text(at..batch.text.len())
            }
            Line::TooLong { bytes } => OwnedLine::TooLong { bytes },
            Line::InvalidUtf8 { valid_up_to } => OwnedLine::InvalidUtf8 { valid_up_to },
        });
    }
    Ok((!batch.lines.is_empty()).then_some(batch))
}

fn emit(
    writer: &mut dyn Write,
    summary: &mut Summary,
    args: &Args<'_>,
    line: u64,
    found: Found,
    d: &Diagnosis<'_>,
) -> io::Result<()> {
    if args.json {
        if args.summary || args.fail_on_unknown {
            summary.add(found, &d.view());
        } else {
            // Nothing will read the tables: count the line; serialising computes the view.
            summary.decoded += 1;
        }
        // serde_json writes many small pieces; into a Vec they are cheap, through `dyn Write`
        // each one was a call.
        let mut json = Vec::with_capacity(1024);
        serde_json::to_writer(
            &mut json,
            &super::Located {
                line: Some(line),
                found: found.as_str(),
                diagnosis: d,
            },
        )?;
        json.push(b'\n');
        return writer.write_all(&json);
    }
    let view = d.view();
    summary.add(found, &view);
    // The line is put together in memory and written once: a dozen small writes through
    // `dyn Write` cost more than the copies. Plain writes and itoa, not `write!`, where they
    // can: its formatting machinery costs more than the writes.
    let mut text: Vec<u8> = Vec::with_capacity(256);
    let out = &mut text;
    write_padded(out, itoa::Buffer::new().format(line), 7, true)?;
    out.write_all(b"  ")?;
    write_padded(out, view.platform.as_str(), 14, false)?;
    out.write_all(b" ")?;
    if let Some(api) = &view.api {
        out.write_all(api.as_bytes())?;
        out.write_all(b" ")?;
    }
    match view.code {
        Some(RawCode::Number(n)) => out.write_all(itoa::Buffer::new().format(n).as_bytes())?,
        Some(RawCode::Text(t)) => out.write_all(t.as_bytes())?,
        None => out.write_all(b"-")?,
    }
    if let Some(sub) = &view.sub_code {
        write!(out, "/{sub}")?;
    }
    match view.name {
        Some(name) => {
            out.write_all(b" ")?;
            out.write_all(name.as_bytes())?;
        }
        None if !view.candidate_apis.is_empty() => out.write_all(b" (API needed)")?,
        // Without a code there is nothing to look up: the `-` says so, and the step (if any)
        // came from the message alone (an errmsg several codes share, an HTTP status).
        None if view.code.is_none() => {}
        None => {
            out.write_all(b" ")?;
            out.write_all(view.unnamed_because().unwrap_or_default().as_bytes())?;
        }
    }
    out.write_all(b" -> ")?;
    out.write_all(action_name(view.action).as_bytes())?;
    if let Some(class) = view.reason_class {
        write!(out, " (reason class {class})")?;
    }
    if let Some(hint) = view.retry_hint {
        write!(out, " ({hint})")?;
    }
    if let Some(wecom) = view.wecom_reading {
        write!(
            out,
            " (if WeCom sent it: {} -> {})",
            wecom.name(),
            wecom.action()
        )?;
    }
    match (view.message_en, view.reason) {
        (Some(en), _) => {
            out.write_all(b": ")?;
            out.write_all(en.as_bytes())?;
        }
        (None, Some(reason)) => {
            out.write_all(b": \"")?;
            out.write_all(reason.as_bytes())?;
            out.write_all(b"\"")?;
        }
        (None, None) => {}
    }
    out.push(b'\n');
    writer.write_all(&text)
}

/// `text` padded with spaces to `width` characters, on the left (`right_aligned`) or right,
/// as `{:>width}` and `{:<width}` would.
fn write_padded<W: Write + ?Sized>(
    out: &mut W,
    text: &str,
    width: usize,
    right_aligned: bool,
) -> io::Result<()> {
    const SPACES: &[u8] = b"                ";
    let pad = SPACES
        .get(..width.saturating_sub(text.chars().count()))
        .unwrap_or(SPACES);
    if right_aligned {
        out.write_all(pad)?;
    }
    out.write_all(text.as_bytes())?;
    if !right_aligned {
        out.write_all(pad)?;
    }
    Ok(())
}

fn skipped(out: &mut dyn Write, args: &Args<'_>, line: u64) -> io::Result<()> {
    if args.json {
        serde_json::to_writer(
            &mut *out,
            &NotDecoded {
                line,
                skipped: "no_payload",
                error: "no payload found in the line",
            },
        )?;
        return out.write_all(b"\n");
    }
    // As a decoded line's number is written: most lines of a log land here.
    write_padded(out, itoa::Buffer::new().format(line), 7, true)?;
    out.write_all(b"  skipped: no payload found in the line\n")
}

fn not_decoded(
    out: &mut dyn Write,
    summary: &mut Summary,
    args: &Args<'_>,
    line: u64,
    kind: &'static str,
    error: &str,
) -> io::Result<()> {
    summary.fail(kind);
    if args.json {
        serde_json::to_writer(
            &mut *out,
            &NotDecoded {
                line,
                skipped: kind,
                error,
            },
        )?;
        return out.write_all(b"\n");
    }
    writeln!(out, "{line:>7}  not decoded: {error}")
}

#[cfg(test)]
mod tests {
    use super::{BATCH_BYTES, BATCH_LINES, REASON_TAILS, normalize_reason, read_batch};
    use crate::cli::input::Lines;

    /// A batch of short lines stops at its line bound, long before its byte bound: what a batch
    /// holds and writes grows with its lines.
    #[test]
    fn a_batch_of_short_lines_stops_at_its_line_bound() -> std::io::Result<()> {
        let lines = BATCH_LINES * 3 + 5;
        let text = "x\n".repeat(lines);
        assert!(
            text.len() < BATCH_BYTES,
            "every line fits one batch by bytes"
        );
        let mut reader: &[u8] = text.as_bytes();
        let mut lines_read = Lines::new(&mut reader, 1 << 20);
        let mut sizes = Vec::new();
        while let Some(batch) = read_batch(&mut lines_read)? {
            sizes.push((batch.first, batch.lines.len()));
        }
        let bound = BATCH_LINES as u64;
        assert_eq!(
            sizes,
            [
                (1, BATCH_LINES),
                (bound + 1, BATCH_LINES),
                (2 * bound + 1, BATCH_LINES),
                (3 * bound + 1, 5)
            ]
        );
        Ok(())
    }

    #[test]
    fn only_the_last_reason_tail_lacks_a_colon() {
        let colons: Vec<bool> = REASON_TAILS.iter().map(|t| t.contains(':')).collect();
        assert_eq!(
            colons,
            [true, true, true, true, true, true, false],
            "{REASON_TAILS:?}"
        );
        // A reason without a colon still loses the last tail.
        assert_eq!(normalize_reason("boom requestID 123"), "boom");
    }

    #[test]
    fn reasons_lose_what_varies() {
        assert_eq!(
            normalize_reason(r#"invalid url "/coming_soon?start=0""#),
            r#"invalid url "…""#
        );
        assert_eq!(
            normalize_reason("invalid ip 1.2.3.4, not in whitelist rid: 65d38b69-62497c5f"),
            "invalid ip N.N.N.N, not in whitelist"
        );
        assert_eq!(
            normalize_reason("see https://example.com/a?b=1 now"),
            "see <url> now"
        );
        assert_eq!(normalize_reason("hello 42 hints"), "hello N hints");
        // A quote left open takes the rest; curly quotes close with their pair.
        assert_eq!(normalize_reason("bad name 'x y"), "bad name \"…\"");
        assert_eq!(normalize_reason("文件“a.png”不存在"), "文件\"…\"不存在");
        // A URL starts a word; `http` without `://`, or inside a word, is text.
        assert_eq!(normalize_reason("xhttp://a.b c"), "xhttp://a.b c");
        assert_eq!(normalize_reason("(https://a.b/c) d"), "(<url> d");
        assert_eq!(normalize_reason("http error 5"), "http error N");
        assert_eq!(normalize_reason("  "), "");
    }
}
