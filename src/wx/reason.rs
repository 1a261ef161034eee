//! Reason classes: what a runtime reason that names no code still says about the next step.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::generated::REASON_PATTERNS;
pub use super::generated::ReasonClass;
use crate::Action;

/// How a pattern of `data/wechat_reason_patterns.tsv` meets a reason's normal form.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ReasonMatch {
    Prefix,
    Contains,
}

/// Whether `pattern` meets the normal form `normal` as `matching` says.
fn fits(matching: ReasonMatch, pattern: &str, normal: &str) -> bool {
    match matching {
        ReasonMatch::Prefix => normal.starts_with(pattern),
        ReasonMatch::Contains => normal.contains(pattern),
    }
}

/// The patterns' texts in one automaton, built on first use ([`crate::transport::warm_up`]
/// builds it at start-up): a reason is scanned once, not once per pattern.
static PATTERN_AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(REASON_PATTERNS.iter().map(|(_, pattern, _)| *pattern))
        .ok()
});

/// Builds [`PATTERN_AUTOMATON`] now.
pub(crate) fn warm_up() {
    LazyLock::force(&PATTERN_AUTOMATON);
}

/// One row of `data/wechat_reason_classes.tsv`.
#[derive(Debug)]
pub(crate) struct ReasonClassInfo {
    pub(crate) name: &'static str,
    pub(crate) action: Action,
    pub(crate) description_en: &'static str,
}

impl ReasonClass {
    /// The class of a failure's reason (the text after `api:fail`): the first pattern of
    /// `data/wechat_reason_patterns.tsv` (the WeChat runtime's own wordings) that matches its
    /// normal form, else what the [transport vocabularies](crate::transport) agree on; `None`
    /// for a reason neither describes. Use it when no code is known: a code, where there is
    /// one, says more.
    ///
    /// ```
    /// use minierr::wx::ReasonClass;
    ///
    /// assert_eq!(ReasonClass::of("-200:net::ERR_CERT_COMMON_NAME_INVALID"), Some(ReasonClass::Tls));
    /// assert_eq!(ReasonClass::of("can not navigateTo a tabbar page"), Some(ReasonClass::NavigationMisuse));
    /// assert_eq!(ReasonClass::of(""), None);
    /// ```
    #[must_use]
    pub fn of(reason: &str) -> Option<ReasonClass> {
        // Most patterns are Chromium error names; one search for their common start spares
        // the others for the many reasons that hold none.
        crate::normalize::with_normal(reason, Self::of_normal).flatten()
    }

    /// [`ReasonClass::of`] a reason already in normal form.
    pub(crate) fn of_normal(normal: &str) -> Option<ReasonClass> {
        let first = match PATTERN_AUTOMATON.as_ref() {
            // Every place a pattern matches is reported, so the first fitting pattern in table
            // order wins, as it does in the table's own order.
            Some(automaton) => automaton
                .find_overlapping_iter(normal)
                .filter(|m| {
                    REASON_PATTERNS
                        .get(m.pattern().as_usize())
                        .is_some_and(|(matching, _, _)| match matching {
                            ReasonMatch::Prefix => m.start() == 0,
                            ReasonMatch::Contains => true,
                        })
                })
                .map(|m| m.pattern().as_usize())
                .min(),
            None => REASON_PATTERNS
                .iter()
                .position(|(matching, pattern, _)| fits(*matching, pattern, normal)),
        };
        first
            .and_then(|i| REASON_PATTERNS.get(i))
            .map(|(_, _, class)| *class)
            .or_else(|| crate::transport::class_of_normal(normal))
    }

    /// The next step for a failure of this class.
    ///
    /// ```
    /// use minierr::{wx::ReasonClass, Action};
    /// assert_eq!(ReasonClass::Tls.action(), Action::FixConfig);
    /// ```
    #[must_use]
    pub const fn action(self) -> Action {
        self.row().action
    }

    /// The class's snake_case name, as the tables, the JSON view and [`FromStr`] spell it.
    ///
    /// ```
    /// assert_eq!(minierr::wx::ReasonClass::ArgumentCheck.name(), "argument_check");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.row().name
    }

    /// What the class means, in English.
    ///
    /// ```
    /// assert!(minierr::wx::ReasonClass::Network.description_en().contains("timeout"));
    /// ```
    #[must_use]
    pub const fn description_en(self) -> &'static str {
        self.row().description_en
    }

    /// Every class, in table order.
    ///
    /// ```
    /// assert!(minierr::wx::ReasonClass::all().any(|c| c.name() == "tls"));
    /// ```
    pub fn all() -> impl Iterator<Item = ReasonClass> {
        Self::ALL.iter().copied()
    }
}

impl fmt::Display for ReasonClass {
    /// The snake_case name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`ReasonClass`] from a name the table does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown WeChat reason class {0:?}")]
pub struct ParseReasonClassError(String);

impl FromStr for ReasonClass {
    type Err = ParseReasonClassError;

    /// Parses the snake_case name.
    ///
    /// ```
    /// use minierr::wx::ReasonClass;
    /// assert_eq!("network".parse::<ReasonClass>(), Ok(ReasonClass::Network));
    /// assert!("Network".parse::<ReasonClass>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Self::all()
            .find(|c| c.name() == name)
            .ok_or_else(|| ParseReasonClassError(name.to_owned()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ReasonClass {
    /// As its snake_case name.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table read in its own order, one pattern at a time: what the automaton must answer.
    fn in_table_order(normal: &str) -> Option<ReasonClass> {
        REASON_PATTERNS
            .iter()
            .find(|(matching, pattern, _)| fits(*matching, pattern, normal))
            .map(|(_, _, class)| *class)
    }

    #[test]
    fn the_automaton_answers_as_the_table_read_in_order() {
        let patterns: Vec<&str> = REASON_PATTERNS.iter().map(|(_, p, _)| *p).collect();
        assert!(patterns.len() > 10, "the table is read");
        let mut reasons = Vec::new();
        for (i, first) in patterns.iter().enumerate() {
            reasons.push((*first).to_owned());
            reasons.push(format!("x {first}"));
            reasons.push(format!("{first} y"));
            // Every pair, both ways round: the earlier row wins wherever it stands.
            for second in &patterns[i + 1..] {
                reasons.push(format!("{first} {second}"));
                reasons.push(format!("{second} {first}"));
            }
        }
        let mut classed = 0;
        for reason in &reasons {
            let expected =
                in_table_order(reason).or_else(|| crate::transport::class_of_normal(reason));
            classed += usize::from(expected.is_some());
            assert_eq!(ReasonClass::of_normal(reason), expected, "{reason:?}");
        }
        assert!(classed > reasons.len() / 2);
        // A prefix pattern after another word fits no row of its own.
        assert_eq!(ReasonClass::of_normal("x timeout"), None);
        assert_eq!(ReasonClass::of_normal(""), None);
    }
}
