//! The network stacks' own error vocabularies, as runtimes pass them through in a failure's
//! reason: what a transport failure says about the next step on any runtime.
//!
//! A mini-program runtime hands the text of whatever HTTP stack ran the request to the
//! `fail` callback: Chromium's `net::ERR_*` names (WeChat's cronet, Android WebViews), Apple's
//! `NSURLError` descriptions in English or localised into Chinese, Java and OkHttp exceptions,
//! Node.js and OpenSSL codes (the devtools, cloud functions), and the WeChat runtime's own task
//! limits. Each vocabulary is a table in `data/transport_*.tsv`, every row with its owner's
//! name, number and texts, a [reason class](ReasonClass) where the owner's documentation makes
//! the next step clear, and its source; [`class_of`] searches a reason for all of them at once.
//!
//! A reason that names rows of different classes decides nothing: `javax.net.ssl.SSLHandshakeException:
//! Connection reset` could be the certificate or the network, so it has no class.
//!
//! ```
//! use minierr::transport::{self, Vocabulary};
//! use minierr::{wx::ReasonClass, Action};
//!
//! assert_eq!(transport::class_of("request:fail The Internet connection appears to be offline."), Some(ReasonClass::Network));
//! assert_eq!(transport::class_of("request:fail 似乎已断开与互联网的连接。"), Some(ReasonClass::Network));
//! assert_eq!(transport::class_of("java.security.cert.CertPathValidatorException: Trust anchor for certification path not found."), Some(ReasonClass::Tls));
//! assert_eq!(transport::class_of("downloadFile:fail exceed max download connection count 10"), Some(ReasonClass::ConcurrencyLimit));
//!
//! let row = transport::find("request:fail -101:net::ERR_CONNECTION_RESET").unwrap();
//! assert_eq!((row.vocabulary(), row.name(), row.number()), (Vocabulary::Chromium, "ERR_CONNECTION_RESET", Some(-101)));
//! assert_eq!(row.action(), Some(Action::Retry));
//! assert_eq!(transport::class_of("request:fail something new"), None);
//! ```

use std::fmt;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::Action;
use crate::wx::ReasonClass;

#[rustfmt::skip]
mod generated;

use generated::{ENTRIES, NEEDLES, PREFIXES};

/// Whose error vocabulary a row belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Vocabulary {
    /// The WeChat runtime's own limits on running network tasks (`data/transport_wechat.tsv`).
    Wechat,
    /// Chromium's `net_error_list.h`: `net::ERR_*` names and numbers
    /// (`data/transport_chromium.tsv`).
    Chromium,
    /// Apple's URL loading system errors, `NSURLErrorDomain` (`data/transport_apple.tsv`).
    Apple,
    /// Java, Android and OkHttp network exceptions and their messages
    /// (`data/transport_java.tsv`).
    Java,
    /// Node.js and libuv error codes and the TLS verification errors Node prints
    /// (`data/transport_node.tsv`).
    Node,
}

impl Vocabulary {
    /// The vocabulary's snake_case name.
    ///
    /// ```
    /// assert_eq!(minierr::transport::Vocabulary::Chromium.as_str(), "chromium");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Vocabulary::Wechat => "wechat",
            Vocabulary::Chromium => "chromium",
            Vocabulary::Apple => "apple",
            Vocabulary::Java => "java",
            Vocabulary::Node => "node",
        }
    }
}

impl fmt::Display for Vocabulary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of a vocabulary table.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    vocabulary: Vocabulary,
    name: &'static str,
    number: Option<i32>,
    message_en: &'static str,
    message_zh: &'static str,
    class: Option<ReasonClass>,
    source: &'static str,
}

impl Entry {
    /// The vocabulary the row belongs to.
    #[must_use]
    pub const fn vocabulary(&self) -> Vocabulary {
        self.vocabulary
    }

    /// The owner's name for the error (`ERR_CONNECTION_RESET`, `NSURLErrorTimedOut`,
    /// `java.net.SocketTimeoutException`, `ECONNRESET`); for the WeChat runtime's limits, a
    /// label.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The owner's number, where it has one (`-101`, `-1001`; Node's as libuv gives it on Linux).
    #[must_use]
    pub const fn number(&self) -> Option<i32> {
        self.number
    }

    /// The text the stack prints, in English (`""` where the row has none); a template where it
    /// holds `%@` or `%s`.
    #[must_use]
    pub const fn message_en(&self) -> &'static str {
        self.message_en
    }

    /// The Chinese text iOS shows for an Apple error (`""` for the others).
    #[must_use]
    pub const fn message_zh(&self) -> &'static str {
        self.message_zh
    }

    /// The row's reason class, where its owner's documentation makes the next step clear.
    ///
    /// ```
    /// let row = minierr::transport::find("net::ERR_CERT_DATE_INVALID").unwrap();
    /// assert_eq!(row.class(), Some(minierr::wx::ReasonClass::Tls));
    /// ```
    #[must_use]
    pub const fn class(&self) -> Option<ReasonClass> {
        self.class
    }

    /// The next step its class gives; `None` for an unclassed row.
    #[must_use]
    pub const fn action(&self) -> Option<Action> {
        match self.class {
            Some(class) => Some(class.action()),
            None => None,
        }
    }

    /// Where the row's facts are stated.
    #[must_use]
    pub const fn source(&self) -> &'static str {
        self.source
    }
}

/// A text searched for in a reason's normal form.
#[derive(Debug)]
pub(crate) struct Needle {
    /// The first bytes, which the automaton searches for.
    start: &'static str,
    /// The rest, compared where `start` matched.
    rest: &'static str,
    whole: bool,
    tail: &'static str,
    class: Option<ReasonClass>,
    entry: usize,
}

/// Every row of every vocabulary, in table order.
///
/// ```
/// use minierr::transport::{entries, Vocabulary};
/// assert!(entries().iter().any(|e| e.vocabulary() == Vocabulary::Apple && e.number() == Some(-1009)));
/// ```
#[must_use]
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// Where a stack prints its number for the error, and whose numbers follow: the automaton
/// finds these markers with the needles, so a reason without them costs no extra scan.
const NUMBER_MARKERS: [(&str, &str, Vocabulary); 2] = [
    ("cronet error code:", "", Vocabulary::Chromium),
    ("nsurlerrordomain", "code=", Vocabulary::Apple),
];

/// All needles, then the number markers, in one automaton, built on first use. At each place
/// the longest needle is reported: `connection reset by peer` rather than `connection reset`
/// inside it.
static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let markers = NUMBER_MARKERS.iter().map(|(marker, _, _)| *marker);
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(PREFIXES.iter().map(|(start, ..)| *start).chain(markers))
        .ok()
});

/// Builds the search automata of the vocabularies and of WeChat's reason patterns now rather
/// than on the first reason searched.
/// Every later search allocates nothing; call this at start-up where the first failure's
/// latency matters.
///
/// ```
/// minierr::transport::warm_up();
/// ```
pub fn warm_up() {
    LazyLock::force(&AUTOMATON);
    crate::wx::reason::warm_up();
}

/// How far a template's tail may stand from its head, in bytes: past a host name or a task
/// kind, not across sentences.
const TEMPLATE_GAP: usize = 64;

/// The rows a reason's normal form names, in the order found, with the class each needle
/// gives. Numbers are read where a stack prints them beside its name for the error:
/// `cronet error code:-202`, `NSURLErrorDomain Code=-1001`.
fn matches_in(normal: &str, mut each: impl FnMut(&'static Entry, Option<ReasonClass>)) {
    let Some(automaton) = AUTOMATON.as_ref() else {
        return;
    };
    // The first needle of `NEEDLES[first..last]` that fits where its first bytes matched.
    let fit = |start: usize, prefix_end: usize, first: usize, last: usize| {
        NEEDLES
            .get(first..last)
            .unwrap_or(&[])
            .iter()
            .find(|needle| {
                let Some(end) = normal
                    .get(prefix_end..)
                    .filter(|after| after.starts_with(needle.rest))
                    .map(|_| prefix_end + needle.rest.len())
                else {
                    return false;
                };
                if needle.whole {
                    start == 0 && end == normal.len()
                } else {
                    bounded(normal, start, end, needle.start, needle.rest)
                        && tail_follows(normal, end, needle.tail)
                }
            })
    };
    for found in automaton.find_iter(normal) {
        let (start, end) = (found.start(), found.end());
        let index = found.pattern().as_usize();
        let Some(&(_, first, last, mut fallback)) = PREFIXES.get(index) else {
            if let Some(entry) = index
                .checked_sub(PREFIXES.len())
                .and_then(|marker| NUMBER_MARKERS.get(marker))
                .and_then(|&(_, label, vocabulary)| numbered(normal.get(end..)?, label, vocabulary))
            {
                each(entry, entry.class);
            }
            continue;
        };
        // The needles that start so, longest first; where none fits, those of the shorter
        // first bytes that begin these (`exceed max ` under `exceed max c`).
        let mut fitting = fit(start, end, first, last);
        while let (None, Some(&(prefix, first, last, next))) =
            (fitting, fallback.and_then(|g| PREFIXES.get(g)))
        {
            fitting = fit(start, start + prefix.len(), first, last);
            fallback = next;
        }
        if let Some(entry) = fitting.and_then(|needle| ENTRIES.get(needle.entry).zip(Some(needle)))
        {
            each(entry.0, entry.1.class);
        }
    }
}

/// The most bytes between a number marker and its label (`NSURLErrorDomain Code=`: one space).
const MAX_LABEL_GAP: usize = 16;

/// The row of `vocabulary` whose number follows a marker, after `label` where one is given
/// (`code=` in `NSURLErrorDomain Code=-1001`).
fn numbered(after: &str, label: &str, vocabulary: Vocabulary) -> Option<&'static Entry> {
    let after = after.trim_start();
    let digits = match label {
        "" => after,
        // The label stands right after the marker (`NSURLErrorDomain Code=-1001`): it is
        // sought there, not in the rest of a text that may repeat the marker many times.
        _ => {
            let near = crate::normalize::head_of(after, MAX_LABEL_GAP + label.len());
            let at = crate::normalize::find_str(near, label)?;
            after.get(at + label.len()..)?
        }
    };
    let number = leading_number(digits)?;
    ENTRIES
        .iter()
        .find(|e| e.vocabulary == vocabulary && e.number == Some(number))
}

/// Whether the match stands as a word: no letter or digit joined to a needle's edge that is
/// one (`econnreset` in `connect ECONNRESET 1.2.3.4`, not in `xeconnresetx`).
fn bounded(normal: &str, start: usize, end: usize, first: &str, rest: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let last = rest
        .chars()
        .next_back()
        .or_else(|| first.chars().next_back());
    let left = !first.starts_with(word)
        || normal
            .get(..start)
            .and_then(|s| s.chars().next_back())
            .is_none_or(|c| !word(c));
    let right = !last.is_some_and(word)
        || normal
            .get(end..)
            .and_then(|s| s.chars().next())
            .is_none_or(|c| !word(c));
    left && right
}

/// Whether a template's tail follows its head within [`TEMPLATE_GAP`] bytes, after at least one
/// byte of the filled-in value; an empty tail always does.
fn tail_follows(normal: &str, end: usize, tail: &str) -> bool {
    if tail.is_empty() {
        return true;
    }
    let rest = normal.get(end..).unwrap_or("");
    let window = rest
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= TEMPLATE_GAP)
        .last()
        .unwrap_or(0);
    (1..=window).any(|gap| {
        rest.get(gap..)
            .is_some_and(|after| after.starts_with(tail) && bounded(after, 0, tail.len(), tail, ""))
    })
}

/// A signed decimal at the start of `text`.
fn leading_number(text: &str) -> Option<i32> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let len = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let end = text.len() - digits.len() + len;
    (len > 0).then(|| text.get(..end)?.parse().ok()).flatten()
}

/// Whether a reason, given in normal form, is as a whole a text of some network stack's
/// vocabulary (`permission denied` is libuv's EACCES as well as a file-system errMsg): then the
/// reason alone cannot tell a WeChat code from the stack's own error.
#[cfg(feature = "serde")]
pub(crate) fn is_vocabulary_normal(normal: &str) -> bool {
    AUTOMATON.as_ref().is_some_and(|automaton| {
        automaton.find_iter(normal).any(|m| {
            let needles = PREFIXES
                .get(m.pattern().as_usize())
                .and_then(|&(_, first, last, _)| NEEDLES.get(first..last))
                .unwrap_or(&[]);
            m.start() == 0
                && needles
                    .iter()
                    .any(|n| normal.get(m.end()..) == Some(n.rest))
        })
    })
}

/// The class of a reason's normal form: the one every classed row it names agrees on; `None`
/// when it names none, or rows of different classes.
pub(crate) fn class_of_normal(normal: &str) -> Option<ReasonClass> {
    let mut class = None;
    let mut agreed = true;
    matches_in(normal, |_, found| {
        if let Some(found) = found {
            match class {
                None => class = Some(found),
                Some(seen) if seen != found => agreed = false,
                Some(_) => {}
            }
        }
    });
    class.filter(|_| agreed)
}

/// The reason class a failure's reason gives by the transport vocabularies: the one every
/// classed row it names agrees on. `None` when it names no row, only unclassed rows, or rows of
/// different classes.
///
/// ```
/// use minierr::{transport::class_of, wx::ReasonClass};
/// assert_eq!(class_of("request:fail errcode:-202 cronet error code:-202 error msg:net::ERR_CERT_AUTHORITY_INVALID"), Some(ReasonClass::Tls));
/// assert_eq!(class_of("connect ECONNRESET 10.0.0.1:443"), Some(ReasonClass::Network));
/// // The certificate or the network: the text does not say.
/// assert_eq!(class_of("javax.net.ssl.SSLHandshakeException: Connection reset"), None);
/// ```
#[must_use]
pub fn class_of(reason: &str) -> Option<ReasonClass> {
    crate::normalize::with_normal(reason, class_of_normal).flatten()
}

/// The first row a reason names that has a class, else the first row it names; `None` when it
/// names none.
///
/// ```
/// let row = minierr::transport::find("Error Domain=NSURLErrorDomain Code=-1001 \"请求超时。\"").unwrap();
/// assert_eq!(row.name(), "NSURLErrorTimedOut");
/// ```
#[must_use]
pub fn find(reason: &str) -> Option<&'static Entry> {
    crate::normalize::with_normal(reason, |normal| {
        let mut first = None;
        let mut classed = None;
        matches_in(normal, |entry, class| {
            first = first.or(Some(entry));
            if class.is_some() {
                classed = classed.or(Some(entry));
            }
        });
        classed.or(first)
    })
    .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_bounded() {
        assert!(bounded("connect econnreset 1", 8, 18, "econnreset", ""));
        assert!(!bounded("xeconnreset", 1, 11, "econnreset", ""));
        assert!(!bounded("xeconnreset", 1, 11, "econn", "reset"));
        assert!(bounded("-101:net::err_x", 5, 15, "net::err_x", ""));
    }

    #[test]
    fn template_tails_follow_their_heads_closely() {
        let text = "exceed max download connection count 10";
        assert!(tail_follows(text, "exceed max ".len(), " count"));
        assert!(!tail_follows(
            "exceed max file size",
            "exceed max ".len(),
            " count"
        ));
        assert!(!tail_follows(
            "exceed max  count",
            "exceed max  count".len(),
            " count"
        ));
    }

    #[test]
    fn numbers_are_read_where_their_stack_prints_them() {
        assert_eq!(leading_number("-202 error"), Some(-202));
        assert_eq!(leading_number("x"), None);
        let cronet = find("request:fail errcode:-7 cronet error code:-7 error msg:");
        assert_eq!(cronet.map(Entry::name), Some("ERR_TIMED_OUT"));
    }

    #[test]
    fn the_automaton_builds() {
        assert!(AUTOMATON.is_some());
        assert_eq!(
            NEEDLES.len(),
            NEEDLES.iter().filter(|n| !n.start.is_empty()).count()
        );
    }
}
