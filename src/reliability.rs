//! How far a catalog row's source can be trusted, for the catalogs built from sources of mixed
//! standing.

use std::fmt;

/// How far a code's source can be trusted.
///
/// ```
/// use minierr::Reliability;
/// use minierr::wx::server::Errcode;
/// assert_eq!(Errcode::MinuteQuotaReached.reliability(), Reliability::Official);
/// assert_eq!(Errcode::SystemErrorLegacy.reliability(), Reliability::Tertiary);
/// assert_eq!(Reliability::Secondary.as_str(), "secondary");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Reliability {
    /// The current official server-API pages.
    Official,
    /// Transcriptions of the open-platform and Official Account 返回码 tables.
    Secondary,
    /// Found only in SDK enums, in no official or transcribed table.
    Tertiary,
}

impl Reliability {
    /// `official`, `secondary` or `tertiary`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Reliability::Official => "official",
            Reliability::Secondary => "secondary",
            Reliability::Tertiary => "tertiary",
        }
    }
}

impl fmt::Display for Reliability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
