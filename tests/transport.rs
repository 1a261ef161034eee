//! The transport vocabularies (`minierr::transport`) against independently made lists of the
//! same facts in `tests/fixtures/transport/`: names and numbers from another copy of each
//! owner's list, messages from the owners' sources or real pasted traces. The fixtures hold
//! facts only; each names its source on its first line.

use std::collections::BTreeMap;

use minierr::transport::{Vocabulary, entries};
use minierr::wx::ReasonClass;

mod support;

/// The fixture's rows (after its `# source:` line and header), each as its cells.
fn fixture(name: &str) -> Vec<Vec<String>> {
    let path = support::fixtures_dir().join("transport").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    assert!(
        first.starts_with("# source:"),
        "{name} names its source first"
    );
    let rows: Vec<Vec<String>> = lines
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    assert!(rows.len() >= 30, "{name} has {} rows", rows.len());
    rows
}

fn of(vocabulary: Vocabulary) -> impl Iterator<Item = &'static minierr::transport::Entry> {
    entries()
        .iter()
        .filter(move |e| e.vocabulary() == vocabulary)
}

#[test]
fn chromium_names_and_numbers_match_another_copy_of_the_header() {
    let table: BTreeMap<&str, Option<i32>> = of(Vocabulary::Chromium)
        .map(|e| (e.name(), e.number()))
        .collect();
    assert!(table.len() >= 230, "{} Chromium rows", table.len());
    let mut shared = 0;
    for row in fixture("chromium.tsv") {
        let (name, number) = (row[0].as_str(), row[1].parse::<i32>().ok());
        // ERR_CERT_END marks the end of the certificate range and moves when one is added.
        if name == "ERR_CERT_END" {
            continue;
        }
        if let Some(found) = table.get(name) {
            assert_eq!(*found, number, "{name}");
            shared += 1;
        }
    }
    // The fixture is an older copy: a few names were added or removed between the two.
    assert!(shared >= 225, "only {shared} names shared");
}

#[test]
fn apple_codes_and_texts_match_the_foundation_sources() {
    let rows = fixture("apple.tsv");
    let mut checked = 0;
    for row in &rows {
        let (name, number) = (row[0].as_str(), row[1].parse::<i32>().ok());
        let entry = of(Vocabulary::Apple)
            .find(|e| e.name() == name)
            .unwrap_or_else(|| panic!("{name} is in the table"));
        // The fixture's source numbers the seven TLS codes one too low (-1201..-1207 for
        // Apple's -1200..-1206), a known slip of that file; its names are right.
        if !(-1207..=-1201).contains(&number.unwrap_or(0)) {
            assert_eq!(entry.number(), number, "{name}");
        }
        if let Some(en) = row.get(2).filter(|m| !m.is_empty()) {
            assert_eq!(entry.message_en(), en, "{name}");
        }
        checked += 1;
    }
    assert!(checked >= 45);
}

#[test]
fn java_messages_match_real_traces() {
    let mut checked = 0;
    for row in fixture("java.tsv") {
        let (name, message) = (row[0].as_str(), row.get(1).map_or("", String::as_str));
        let in_table = of(Vocabulary::Java)
            .any(|e| e.name() == name && (message.is_empty() || e.message_en() == message));
        if in_table {
            checked += 1;
        } else {
            // A trace may print a longer form of a row's message, or under the exception
            // that wraps it: the message must still be a row's.
            assert!(
                of(Vocabulary::Java)
                    .any(|e| !e.message_en().is_empty() && message.contains(e.message_en())),
                "{name}: {message}"
            );
        }
    }
    assert!(checked >= 30, "{checked}");
}

#[test]
fn node_codes_and_messages_match_a_run_and_openssl() {
    let mut checked = 0;
    for row in fixture("node.tsv") {
        let (name, message) = (row[0].as_str(), row.get(1).map_or("", String::as_str));
        if of(Vocabulary::Node).any(|e| e.name() == name && e.message_en() == message) {
            checked += 1;
        }
    }
    assert!(checked >= 55, "{checked}");
}

/// Transport reasons that name a row of each class, as runtimes print them; the expected class
/// is the row's documented meaning, not minierr's answer.
#[test]
fn every_vocabulary_classes_the_reasons_it_names() {
    let cases = [
        (
            "request:fail -105:net::ERR_NAME_NOT_RESOLVED",
            Some(ReasonClass::Network),
        ),
        (
            "request:fail net::ERR_CERT_DATE_INVALID",
            Some(ReasonClass::Tls),
        ),
        (
            "request:fail net::ERR_UNKNOWN_URL_SCHEME",
            Some(ReasonClass::BadUrl),
        ),
        (
            "request:fail The request timed out.",
            Some(ReasonClass::Network),
        ),
        (
            "request:fail 未能连接到服务器。",
            Some(ReasonClass::Network),
        ),
        ("cancelled", Some(ReasonClass::Aborted)),
        (
            "request:fail java.net.UnknownHostException: Unable to resolve host \"a.b\": No address associated with hostname",
            Some(ReasonClass::Network),
        ),
        (
            "request:fail javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.",
            Some(ReasonClass::Tls),
        ),
        (
            "callFunction:fail Error: connect ETIMEDOUT 1.2.3.4:443",
            Some(ReasonClass::Network),
        ),
        (
            "request:fail Error: certificate has expired",
            Some(ReasonClass::Tls),
        ),
        ("request:fail socket hang up", Some(ReasonClass::Network)),
        (
            "uploadFile:fail exceed max upload connection count 10",
            Some(ReasonClass::ConcurrencyLimit),
        ),
        ("request:fail exceed max file size", None),
        (
            "request:fail Error: connect ECONNREFUSED 127.0.0.1:80",
            None,
        ),
        ("request:fail xeconnresetx", None),
    ];
    for (reason, class) in cases {
        assert_eq!(minierr::transport::class_of(reason), class, "{reason}");
    }
}

/// The WeChat runtime's task-limit texts as developers pasted them (and errno 600007's and
/// Cloud -405015's documented texts) are each a concurrency limit: back off.
#[test]
fn wechat_task_limits_match_the_pasted_texts() {
    let path = support::fixtures_dir().join("transport/wechat.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert!(lines.next().is_some_and(|l| l.starts_with("# source:")));
    let rows: Vec<&str> = lines.skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 5);
    for row in rows {
        let err_msg = row.split('\t').next().expect("an errMsg");
        assert_eq!(
            minierr::transport::class_of(err_msg),
            Some(ReasonClass::ConcurrencyLimit),
            "{err_msg}"
        );
    }
    // The same words without "count" name no task limit.
    assert_eq!(
        minierr::transport::class_of("uploadFile:fail exceed max file size"),
        None
    );
}
