//! Reading a log: line by line with one reused buffer, a cap on line length, and a streamed JSON
//! array, so memory stays flat whatever the input's size.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::time::{Duration, Instant};

/// The read buffer: large enough that a read call moves a useful amount of a big file.
const READ_BUFFER: usize = 256 << 10;

/// The input: a file or standard input, buffered, with its size when known.
pub struct Input {
    pub reader: Box<dyn BufRead + Send>,
    pub size: Option<u64>,
    pub is_stdin: bool,
}

impl Input {
    /// Opens `path` (`-` or nothing: standard input). A missing file, a directory or an
    /// unreadable file is an error that names the path.
    pub fn open(path: Option<&str>) -> io::Result<Input> {
        let named =
            |e: io::Error, path: &str| io::Error::new(e.kind(), format!("cannot read {path}: {e}"));
        match path {
            None | Some("-") => Ok(Input {
                reader: Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin())),
                size: None,
                is_stdin: true,
            }),
            Some(path) => {
                let file = File::open(path).map_err(|e| named(e, path))?;
                let meta = file.metadata().map_err(|e| named(e, path))?;
                if meta.is_dir() {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!("cannot read {path}: it is a directory; pass a log file"),
                    ));
                }
                Ok(Input {
                    reader: Box::new(BufReader::with_capacity(READ_BUFFER, file)),
                    size: Some(meta.len()),
                    is_stdin: false,
                })
            }
        }
    }

    /// Whether the input is one JSON array rather than lines: it starts (after a byte-order
    /// mark and white space) with `[` followed by `{`, `"` or `]`. A log line such as
    /// `[wx] request:fail` or `[2026-11-30 10:02:11] …` is not an array. Nor is an input whose
    /// first line holds a whole array with more text after it, on that line (PHP's
    /// `["alipay_trade_pay_response"]=> array(4) {…}`) or on the lines after (JSON lines whose
    /// values are arrays): its lines are read one by one. A first line longer than the read
    /// buffer (256 KiB) counts as an array's start. Where what has been read cannot tell yet (a
    /// pipe may send one line at a time), reading goes on until it can, the input ends, or
    /// [`MAX_LOOKAHEAD`] bytes were read; every byte read is kept for the decoder.
    pub fn is_json_array(&mut self) -> io::Result<bool> {
        let first = fill(&mut *self.reader)?;
        // Most inputs are told by their first read, which stays in the reader.
        let mut waiting = starts_json_array(first, first.is_empty());
        if let Start::Array(array) = waiting {
            return Ok(array);
        }
        let mut kept = first.to_vec();
        self.reader.consume(kept.len());
        loop {
            let read = fill(&mut *self.reader)?;
            let at_end = read.is_empty();
            let full = kept.len() + read.len() > MAX_LOOKAHEAD;
            // Only bytes of the kind the last look waited for can change its answer, so the
            // kept bytes are looked at again only then: a pipe sending a byte at a time costs
            // one look per decisive byte, not one per byte.
            let decisive = at_end
                || full
                || match waiting {
                    Start::NeedsText => read.iter().any(|b| !b.is_ascii_whitespace()),
                    Start::NeedsNewline => read.contains(&b'\n'),
                    Start::Array(_) => true,
                };
            kept.extend_from_slice(read);
            let used = read.len();
            self.reader.consume(used);
            if !decisive {
                continue;
            }
            waiting = starts_json_array(&kept, at_end || full);
            if let Start::Array(array) = waiting {
                let rest = std::mem::replace(&mut self.reader, Box::new(io::empty()));
                self.reader = Box::new(io::Cursor::new(kept).chain(rest));
                return Ok(array);
            }
        }
    }
}

/// The reader's buffered bytes, read again when a read was interrupted.
fn fill(reader: &mut (dyn BufRead + Send)) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
            Ok(_) => break,
        }
    }
    // Now buffered (or at the end), so this takes what is there without reading again.
    reader.fill_buf()
}

/// The most bytes [`Input::is_json_array`] reads ahead before it decides with what it has:
/// blank space before the input's first text, or after a whole first-line array.
pub const MAX_LOOKAHEAD: usize = 1 << 20;

/// What an input's first bytes say ([`Input::is_json_array`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    /// `Array(true)`: one JSON array; `Array(false)`: lines.
    Array(bool),
    /// Only text can tell: blank space so far, `[` and blank space, or a whole first-line
    /// array and blank space.
    NeedsText,
    /// The first line has begun like an array and has not ended.
    NeedsNewline,
}

/// What `bytes`, the input's start, say; `at_end` when no more will come (the input ended, or
/// [`MAX_LOOKAHEAD`] was read).
fn starts_json_array(bytes: &[u8], at_end: bool) -> Start {
    use serde::de::IgnoredAny;
    let holds_text = |bytes: &[u8]| bytes.iter().any(|b| !b.is_ascii_whitespace());
    let wait = |then: Start, at_end_array: bool| {
        if at_end {
            Start::Array(at_end_array)
        } else {
            then
        }
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return wait(Start::NeedsText, false);
    };
    let head = bytes.get(start..).unwrap_or_default();
    if head.first() != Some(&b'[') {
        return Start::Array(false);
    }
    match head.iter().skip(1).find(|b| !b.is_ascii_whitespace()) {
        // A lone `[` is a log line, not an array.
        None => return wait(Start::NeedsText, false),
        Some(b'{' | b'"' | b']') => {}
        Some(_) => return Start::Array(false),
    }
    let Some(newline) = head.iter().position(|&b| b == b'\n') else {
        if head.len() >= READ_BUFFER {
            return Start::Array(true);
        }
        return wait(Start::NeedsNewline, true);
    };
    let (first_line, later_lines) = head.split_at(newline);
    let mut values = serde_json::Deserializer::from_slice(first_line).into_iter::<IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => {}
        // A first line that breaks JSON's syntax and closes its brackets (PHP's short array,
        // `["errcode" => 45065 …]`) starts no array; one cut short, or one whose brackets stay
        // open (an array pretty-printed, or printed by Python's pprint, across lines), is read
        // as an array, and reported if it is not one.
        Some(Err(e)) if !e.is_eof() && closes_its_brackets(first_line) => {
            return Start::Array(false);
        }
        _ => return Start::Array(true),
    }
    if first_line
        .get(values.byte_offset()..)
        .is_some_and(holds_text)
        || holds_text(later_lines)
    {
        return Start::Array(false);
    }
    wait(Start::NeedsText, true)
}

/// Whether a line's brackets (outside its double-quoted strings) are all closed by its end.
fn closes_its_brackets(line: &[u8]) -> bool {
    let mut depth = 0_i64;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in line {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth -= 1,
            _ => {}
        }
    }
    depth <= 0 && !in_string
}

/// One line as read.
pub enum Line<'b> {
    /// The line's text, without its line ending.
    Text(&'b str),
    /// The line is longer than the cap; its bytes were skipped, not kept.
    TooLong { bytes: u64 },
    /// The line is not UTF-8 (a GBK line in a mixed log, say).
    InvalidUtf8 { valid_up_to: usize },
}

/// The lines of an input, read into one buffer that is reused and never grows past the cap.
pub struct Lines<'i> {
    reader: &'i mut (dyn BufRead + Send),
    buf: Vec<u8>,
    max_line_bytes: usize,
    pub number: u64,
    pub bytes_read: u64,
}

impl<'i> Lines<'i> {
    pub fn new(reader: &'i mut (dyn BufRead + Send), max_line_bytes: usize) -> Self {
        Lines {
            reader,
            buf: Vec::with_capacity(8 << 10),
            max_line_bytes,
            number: 0,
            bytes_read: 0,
        }
    }

    /// The next line, or `None` at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut length = 0u64;
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            any = true;
            let (chunk, ends) = match memchr::memchr(b'\n', available) {
                Some(at) => (available.get(..at).unwrap_or(available), true),
                None => (available, false),
            };
            length += chunk.len() as u64;
            if !too_long {
                if self.buf.len() + chunk.len() > self.max_line_bytes {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(chunk);
                }
            }
            let used = chunk.len() + usize::from(ends);
            self.reader.consume(used);
            self.bytes_read += used as u64;
            if ends {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        if too_long {
            return Ok(Some(Line::TooLong { bytes: length }));
        }
        if self.buf.last() == Some(&b'\r') {
            self.buf.pop();
        }
        let bytes = if self.number == 1 {
            self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
        } else {
            &self.buf
        };
        Ok(Some(match std::str::from_utf8(bytes) {
            Ok(text) => Line::Text(text),
            Err(e) => Line::InvalidUtf8 {
                valid_up_to: e.valid_up_to(),
            },
        }))
    }
}

/// Every element of a JSON array read from `reader`, one at a time, each handed to `each` with
/// its 1-based index; only one element is in memory at once.
pub fn each_array_element(
    reader: &mut dyn Read,
    each: &mut dyn FnMut(u64, &str) -> io::Result<()>,
) -> io::Result<Result<u64, serde_json::Error>> {
    use serde::de::{DeserializeSeed, SeqAccess, Visitor};

    struct Elements<'f> {
        each: &'f mut dyn FnMut(u64, &str) -> io::Result<()>,
        failed: Option<io::Error>,
    }

    impl<'de> Visitor<'de> for &mut Elements<'_> {
        type Value = u64;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON array of payloads")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<u64, A::Error> {
            let mut index = 0;
            while let Some(element) = seq.next_element::<Box<serde_json::value::RawValue>>()? {
                index += 1;
                if let Err(e) = (self.each)(index, element.get()) {
                    self.failed = Some(e);
                    return Err(serde::de::Error::custom("output failed"));
                }
            }
            Ok(index)
        }
    }

    impl<'de> DeserializeSeed<'de> for &mut Elements<'_> {
        type Value = u64;

        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
            d.deserialize_seq(self)
        }
    }

    let mut elements = Elements { each, failed: None };
    let mut reader = io::BufReader::new(SkipBom {
        inner: reader,
        start: true,
    });
    let mut de = serde_json::Deserializer::from_reader(&mut reader);
    let result = (&mut elements)
        .deserialize(&mut de)
        .and_then(|n| de.end().map(|()| n));
    match elements.failed {
        Some(e) => Err(e),
        None => Ok(result),
    }
}

/// A reader that drops a UTF-8 byte-order mark at its start.
struct SkipBom<'r> {
    inner: &'r mut dyn Read,
    start: bool,
}

impl Read for SkipBom<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if !std::mem::take(&mut self.start) {
            return Ok(n);
        }
        let read = buf.get(..n).unwrap_or(&[]);
        match read.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => {
                let len = rest.len();
                buf.copy_within(3..n, 0);
                Ok(len)
            }
            None => Ok(n),
        }
    }
}

/// Progress on stderr, only on a terminal and only once a run has taken a second: by bytes for
/// a file, as a spinner for standard input.
pub struct Progress {
    enabled: bool,
    started: Instant,
    total: Option<u64>,
    bar: Option<indicatif::ProgressBar>,
    calls: u32,
}

impl Progress {
    pub fn new(total: Option<u64>) -> Self {
        Progress {
            enabled: io::stderr().is_terminal(),
            started: Instant::now(),
            total,
            bar: None,
            calls: 0,
        }
    }

    /// Records that `bytes` of the input have been read.
    pub fn update(&mut self, bytes: u64) {
        if !self.enabled {
            return;
        }
        self.calls = self.calls.wrapping_add(1);
        if self.calls % 4096 != 0 {
            return;
        }
        if self.bar.is_none() && self.started.elapsed() >= Duration::from_secs(1) {
            self.bar = Some(match self.total {
                Some(total) => indicatif::ProgressBar::new(total),
                None => indicatif::ProgressBar::new_spinner(),
            });
        }
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
        }
    }

    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Input;
    use std::io::{self, BufReader, Read};

    /// A reader that returns at most one line per read, as a pipe fed line by line does.
    struct OneLineAtATime(io::Cursor<Vec<u8>>);

    impl Read for OneLineAtATime {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let rest = self
                .0
                .get_ref()
                .get(self.0.position() as usize..)
                .unwrap_or(&[]);
            let line = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |at| at + 1);
            let n = line.min(buf.len());
            match buf.get_mut(..n) {
                Some(part) => self.0.read(part),
                None => Ok(0),
            }
        }
    }

    fn input(text: &str) -> Input {
        Input {
            reader: Box::new(BufReader::new(OneLineAtATime(io::Cursor::new(
                text.as_bytes().to_vec(),
            )))),
            size: None,
            is_stdin: true,
        }
    }

    /// Whether an input delivered a line per read is taken for one array, and what the
    /// decoder then reads: every byte, the first line's included.
    fn judged(text: &str) -> io::Result<(bool, String)> {
        let mut input = input(text);
        let array = input.is_json_array()?;
        let mut all = String::new();
        input.reader.read_to_string(&mut all)?;
        Ok((array, all))
    }

    #[test]
    fn a_second_line_sent_later_makes_lines_and_nothing_is_lost() -> io::Result<()> {
        let lines = "[{\"errcode\":40001}]\n\n[{\"errcode\":45009}]\n";
        assert_eq!(judged(lines)?, (false, lines.to_owned()));
        let one_array = "[{\"errcode\":40001}]\n\n\n";
        assert_eq!(judged(one_array)?, (true, one_array.to_owned()));
        let pretty = "[\n{\"errcode\":40001}\n]\n";
        assert_eq!(judged(pretty)?, (true, pretty.to_owned()));
        let log = "[wx] request:fail timeout\n";
        assert_eq!(judged(log)?, (false, log.to_owned()));
        // Blank space, and a lone `[`, are lines; nothing is lost.
        for blank in ["", "\n\n \n", "[\n", "[", "\u{feff}[\n\n"] {
            assert_eq!(judged(blank)?, (false, blank.to_owned()), "{blank:?}");
        }
        Ok(())
    }

    /// Blank space read ahead stops at [`super::MAX_LOOKAHEAD`]: the input is then lines,
    /// every byte still there.
    #[test]
    fn blank_space_read_ahead_is_bounded() -> io::Result<()> {
        let blank = "\n".repeat(super::MAX_LOOKAHEAD + 10) + "[{\"errcode\":1}]\n";
        let (array, all) = judged(&blank)?;
        assert!(!array);
        assert_eq!(all.len(), blank.len());
        Ok(())
    }
}
