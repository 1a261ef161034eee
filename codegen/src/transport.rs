//! `data/transport_*.tsv` → `src/transport/generated.rs`: the network stacks' own error
//! vocabularies (Chromium, Apple's URL loading system, Java/Android and OkHttp, Node.js and
//! OpenSSL, the WeChat runtime's task limits), each row a name, a number, its texts and a
//! reason class, and the needles a reason is searched for.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::table::{Table, TableError};
use crate::{GeneratedFile, header, lit};

const COLUMNS: &[&str] = &[
    "name",
    "number",
    "message_en",
    "message_zh",
    "class",
    "source",
    "note",
];

/// (file, `Vocabulary` variant), in the order a reason's matches are reported.
const VOCABULARIES: &[(&str, &str)] = &[
    ("transport_wechat.tsv", "Wechat"),
    ("transport_chromium.tsv", "Chromium"),
    ("transport_apple.tsv", "Apple"),
    ("transport_java.tsv", "Java"),
    ("transport_node.tsv", "Node"),
];

/// The reason classes a transport row may name, and their `ReasonClass` variants; `none` names
/// a row whose next step its owner's documentation leaves open.
const CLASSES: &[(&str, &str)] = &[
    ("network", "Network"),
    ("tls", "Tls"),
    ("aborted", "Aborted"),
    ("concurrency_limit", "ConcurrencyLimit"),
    ("bad_url", "BadUrl"),
];

struct Entry {
    vocabulary: &'static str,
    name: String,
    number: Option<i32>,
    message_en: String,
    message_zh: String,
    class: Option<&'static str>,
    source: String,
}

/// How many bytes of a needle the automaton holds.
const NEEDLE_PREFIX: usize = 12;

/// A text searched for in a reason's normal form.
struct Needle {
    text: String,
    /// Only the whole reason matches (a one-word message such as `cancelled`).
    whole: bool,
    /// A template's text after its placeholder, which must follow closely.
    tail: String,
    class: Option<&'static str>,
    entry: usize,
}

pub(crate) fn render(data: &Path) -> Result<GeneratedFile, TableError> {
    let mut entries = Vec::new();
    for (file, vocabulary) in VOCABULARIES {
        let table = Table::read(&data.join(file), COLUMNS)?;
        for row in table.rows() {
            let name = row.required("name")?;
            let number = match row.get("number") {
                "" => None,
                n => Some(
                    n.parse::<i32>()
                        .map_err(|_| row.error(format!("number {n:?} is not an integer")))?,
                ),
            };
            let class = match row.required("class")? {
                "none" => None,
                name => Some(
                    CLASSES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, variant)| *variant)
                        .ok_or_else(|| {
                            row.error(format!(
                                "class {name:?} must be one of none, {}",
                                CLASSES
                                    .iter()
                                    .map(|(n, _)| *n)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ))
                        })?,
                ),
            };
            let source = row.required("source")?;
            if !source.starts_with("https://") {
                return Err(row.error("every row needs a source URL"));
            }
            entries.push(Entry {
                vocabulary,
                name: name.to_owned(),
                number,
                message_en: row.get("message_en").to_owned(),
                message_zh: row.get("message_zh").to_owned(),
                class,
                source: source.to_owned(),
            });
        }
    }

    let needles = needles(&entries);
    // The automaton holds each needle's first bytes only, which keeps it small; the rest is
    // compared where the start matched. Needles sharing their first bytes are grouped, the
    // longest first, so the most specific is tried first.
    let mut split: Vec<(&str, &str, &Needle)> = needles
        .iter()
        .map(|n| {
            let cut = (0..=n.text.len().min(NEEDLE_PREFIX))
                .rev()
                .find(|&i| n.text.is_char_boundary(i))
                .unwrap_or(0);
            (&n.text[..cut], &n.text[cut..], n)
        })
        .collect();
    split.sort_by(|a, b| {
        a.0.cmp(b.0)
            .then(b.1.len().cmp(&a.1.len()))
            .then(a.1.cmp(b.1))
    });

    let mut out = header(&["data/transport_*.tsv"]);
    out.push_str("\nuse super::{Entry, Needle, Vocabulary};\nuse crate::wx::ReasonClass;\n\n");
    out.push_str("/// Every row of every vocabulary table, in table order.\n");
    out.push_str("pub(super) static ENTRIES: &[Entry] = &[\n");
    for e in &entries {
        let _ = writeln!(
            out,
            "    Entry {{ vocabulary: Vocabulary::{}, name: {}, number: {}, message_en: {}, message_zh: {}, class: {}, source: {} }},",
            e.vocabulary,
            lit(&e.name),
            e.number.map_or("None".to_owned(), |n| format!("Some({n})")),
            lit(&e.message_en),
            lit(&e.message_zh),
            class_expr(e.class),
            lit(&e.source),
        );
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// The texts a reason's normal form is searched for, grouped by their first bytes, each\n/// with the class it gives and the first row it stands for.\npub(super) static NEEDLES: &[Needle] = &[\n",
    );
    for (start, rest, n) in &split {
        let _ = writeln!(
            out,
            "    Needle {{ start: {}, rest: {}, whole: {}, tail: {}, class: {}, entry: {} }},",
            lit(start),
            lit(rest),
            n.whole,
            lit(&n.tail),
            class_expr(n.class),
            n.entry,
        );
    }
    out.push_str("];\n\n");
    out.push_str("/// Each distinct first bytes of the needles, the range of `NEEDLES` that starts so, and\n/// the longest other first bytes that begin these ones, to try where none of the range fits.\npub(super) static PREFIXES: &[(&str, usize, usize, Option<usize>)] = &[\n");
    let mut groups: Vec<(&str, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < split.len() {
        let prefix = split[i].0;
        let j = split[i..]
            .iter()
            .position(|s| s.0 != prefix)
            .map_or(split.len(), |k| i + k);
        groups.push((prefix, i, j));
        i = j;
    }
    for (prefix, first, last) in &groups {
        let fallback = groups
            .iter()
            .enumerate()
            .filter(|(_, (other, _, _))| other.len() < prefix.len() && prefix.starts_with(other))
            .max_by_key(|(_, (other, _, _))| other.len())
            .map(|(index, _)| index);
        let _ = writeln!(out, "    ({}, {first}, {last}, {fallback:?}),", lit(prefix));
    }
    out.push_str("];\n");
    Ok(GeneratedFile {
        path: "src/transport/generated.rs",
        contents: out,
    })
}

fn class_expr(class: Option<&str>) -> String {
    class.map_or("None".to_owned(), |c| format!("Some(ReasonClass::{c})"))
}

/// The needles of every row, one per distinct text. Where rows of different classes share a
/// text (Node's `connection refused` is unclassed, Java's a network failure), the text alone
/// decides nothing and its needle has no class.
fn needles(entries: &[Entry]) -> Vec<Needle> {
    let mut by_text: BTreeMap<(String, bool, String), Needle> = BTreeMap::new();
    let mut order = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        for (text, whole, tail) in texts_of(entry) {
            let key = (text.clone(), whole, tail.clone());
            match by_text.get_mut(&key) {
                Some(needle) => {
                    if needle.class != entry.class {
                        needle.class = None;
                    }
                }
                None => {
                    order.push(key.clone());
                    by_text.insert(
                        key,
                        Needle {
                            text,
                            whole,
                            tail,
                            class: entry.class,
                            entry: index,
                        },
                    );
                }
            }
        }
    }
    order
        .into_iter()
        .filter_map(|key| by_text.remove(&key))
        .collect()
}

/// What a runtime prints of a row: its name where the name is printed, and its messages.
fn texts_of(entry: &Entry) -> Vec<(String, bool, String)> {
    let mut texts = Vec::new();
    let name = entry.name.to_ascii_lowercase();
    match entry.vocabulary {
        // Chromium names are printed after `net::` (`-101:net::ERR_CONNECTION_RESET`).
        "Chromium" => texts.push((format!("net::{name}"), false, String::new())),
        "Apple" => texts.push((name, false, String::new())),
        // A class row is found by its qualified class name; a message row by its message.
        "Java" if entry.message_en.is_empty() => texts.push((name, false, String::new())),
        // Node prints its codes (`connect ECONNRESET`, `CERT_HAS_EXPIRED`); a name that is a
        // plain word (`UNSPECIFIED`) is not searched for.
        "Node"
            if !name.starts_with("socket_")
                && (name.contains('_') || (name.starts_with('e') && name.len() >= 5)) =>
        {
            texts.push((name, false, String::new()));
        }
        _ => {}
    }
    for message in [&entry.message_en, &entry.message_zh] {
        if let Some(text) = message_needle(message) {
            texts.push(text);
        }
    }
    texts
}

/// A message's needle: its normal form, searched for inside a reason when it is telling
/// enough (two words or more, or four characters of Chinese), else only as the whole reason.
/// A template is searched for by the text before its placeholder and the text after it.
fn message_needle(message: &str) -> Option<(String, bool, String)> {
    if message.is_empty() {
        return None;
    }
    let normal = crate::normalize::normalized(message);
    let placeholder = ["%s", "%@", "%d"]
        .iter()
        .filter_map(|p| normal.find(p))
        .min();
    let (head, tail) = match placeholder {
        Some(at) => {
            let head = normal[..at].trim_end_matches(['"', '“', '\'']);
            let rest = &normal[at + 2..];
            let rest = rest.trim_start_matches(['"', '”', '\'']);
            let tail = ["%s", "%@", "%d"]
                .iter()
                .filter_map(|p| rest.find(p))
                .min()
                .map_or(rest, |end| &rest[..end]);
            (head.to_owned(), tail.to_owned())
        }
        None => (normal.clone(), String::new()),
    };
    if placeholder.is_some() && head.trim().len() < 8 {
        return None;
    }
    let telling = if head.is_ascii() {
        head.trim().contains(' ')
    } else {
        head.chars().count() >= 4
    };
    Some((
        head,
        !telling && placeholder.is_none(),
        tail.trim_end().to_owned(),
    ))
}
