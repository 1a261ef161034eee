//! Reason classes: what a runtime reason that names no code still says about the next step.

use std::fmt;
use std::str::FromStr;

use super::generated::REASON_PATTERNS;
pub use super::generated::ReasonClass;
use crate::Action;

/// How a pattern of `data/wechat_reason_patterns.tsv` meets a reason's normal form.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ReasonMatch {
    Prefix,
    Contains,
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
        const CHROMIUM: &str = "net::err_";
        let chromium = normal.contains(CHROMIUM);
        REASON_PATTERNS
            .iter()
            .find(|(matching, pattern, _)| match matching {
                ReasonMatch::Prefix => normal.starts_with(pattern),
                ReasonMatch::Contains if pattern.starts_with(CHROMIUM) => {
                    chromium && normal.contains(pattern)
                }
                ReasonMatch::Contains => normal.contains(pattern),
            })
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
