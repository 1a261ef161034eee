//! A WeChat errno that may or may not be in the catalog, kept without loss.

use std::fmt;

use super::{Category, Errno, Subcategory};
use crate::Action;

/// An errno the catalog does not know. Only minierr builds one, from a number that is not in the
/// catalog, so a known code can never hide in here: `AnyErrno::from(1500102)` is always
/// `AnyErrno::Known(..)`.
///
/// ```
/// use minierr::wx::{AnyErrno, Errno};
///
/// let err = Errno::try_from(1500199).unwrap_err();
/// assert_eq!(err.raw(), 1500199);
/// assert_eq!(err.to_string(), "errno 1500199 is not in the WeChat catalog");
/// assert!(matches!(AnyErrno::from(1500199), AnyErrno::Unknown(u) if u == err));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("errno {0} is not in the WeChat catalog")]
pub struct UnknownErrno(pub(crate) u32);

impl UnknownErrno {
    /// The number exactly as received.
    ///
    /// ```
    /// let code = minierr::wx::AnyErrno::from(9_999_999);
    /// assert_eq!(code.unknown().map(|u| u.raw()), Some(9_999_999));
    /// ```
    pub const fn raw(self) -> u32 {
        self.0
    }
}

/// Any WeChat errno: a catalog [`Errno`], or an [`UnknownErrno`] that keeps the number.
///
/// Platforms add codes every month, so decoding never rejects a number it does not know; match on
/// the known variants you handle and fall back on [`AnyErrno::category`] or the raw value for the rest.
///
/// ```
/// use minierr::wx::{AnyErrno, Errno};
///
/// let known = AnyErrno::from(600002);
/// assert_eq!(known, AnyErrno::Known(Errno::UrlNotInDomainList));
/// assert_eq!(known.raw(), 600002);
///
/// let newer = AnyErrno::from(600099);
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.raw(), 600099);
/// assert_eq!(newer.category().name_en(), Some("Network"));
/// assert_eq!(newer.to_string(), "600099: not in the catalog (06/00 通用网络错误 (General network errors))");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnyErrno {
    /// A code in the catalog.
    Known(Errno),
    /// A code the catalog does not know, with its number.
    Unknown(UnknownErrno),
}

impl AnyErrno {
    /// Classifies a number: `Known` if the catalog has it, `Unknown` otherwise.
    ///
    /// ```
    /// assert!(minierr::wx::AnyErrno::new(5).is_known());
    /// ```
    pub fn new(raw: u32) -> AnyErrno {
        match Errno::from_code(raw) {
            Some(errno) => AnyErrno::Known(errno),
            None => AnyErrno::Unknown(UnknownErrno(raw)),
        }
    }

    /// The number, exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(4_000_000).raw(), 4_000_000);
    /// ```
    pub const fn raw(self) -> u32 {
        match self {
            AnyErrno::Known(errno) => errno.code(),
            AnyErrno::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog variant, if the code is known.
    ///
    /// ```
    /// use minierr::wx::{AnyErrno, Errno};
    /// assert_eq!(AnyErrno::new(5).known(), Some(Errno::Timeout));
    /// ```
    pub const fn known(self) -> Option<Errno> {
        match self {
            AnyErrno::Known(errno) => Some(errno),
            AnyErrno::Unknown(_) => None,
        }
    }

    /// The unknown code, if the catalog does not know it.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(5).unknown(), None);
    /// ```
    pub const fn unknown(self) -> Option<UnknownErrno> {
        match self {
            AnyErrno::Known(_) => None,
            AnyErrno::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the catalog knows the code.
    ///
    /// ```
    /// assert!(!minierr::wx::AnyErrno::new(12).is_known());
    /// ```
    pub const fn is_known(self) -> bool {
        matches!(self, AnyErrno::Known(_))
    }

    /// The catalog's next step for a known code; `None` for an unknown one, which minierr will
    /// not guess.
    ///
    /// ```
    /// use minierr::{wx::AnyErrno, Action};
    /// assert_eq!(AnyErrno::new(1003).action(), Some(Action::Backoff));
    /// assert_eq!(AnyErrno::new(1004_999).action(), None);
    /// ```
    pub fn action(self) -> Option<Action> {
        match self {
            AnyErrno::Known(errno) => Some(errno.action()),
            AnyErrno::Unknown(_) => None,
        }
    }

    /// Digits 1-2, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).category().code(), 15);
    /// ```
    pub const fn category(self) -> Category {
        Category::of(self.raw())
    }

    /// Digits 3-4, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).subcategory().code(), 4);
    /// ```
    pub const fn subcategory(self) -> Subcategory {
        Subcategory::of(self.raw())
    }

    /// Digits 5-7, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).detail(), 999);
    /// ```
    pub const fn detail(self) -> u16 {
        detail_of(self.raw())
    }
}

/// Digits 5-7 of a code; always below 1000.
pub(crate) const fn detail_of(code: u32) -> u16 {
    (code % 1000) as u16
}

/// Parses a plain decimal `u32`: ASCII digits only, no sign, no white space.
pub(crate) fn parse_decimal_u32(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl From<u32> for AnyErrno {
    fn from(raw: u32) -> AnyErrno {
        AnyErrno::new(raw)
    }
}

impl From<Errno> for AnyErrno {
    fn from(errno: Errno) -> AnyErrno {
        AnyErrno::Known(errno)
    }
}

impl From<AnyErrno> for u32 {
    fn from(code: AnyErrno) -> u32 {
        code.raw()
    }
}

impl PartialEq<Errno> for AnyErrno {
    fn eq(&self, other: &Errno) -> bool {
        *self == AnyErrno::Known(*other)
    }
}

impl fmt::Display for AnyErrno {
    /// A known code as [`Errno`]'s `Display`; an unknown one with the groups it decodes to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyErrno::Known(errno) => errno.fmt(f),
            AnyErrno::Unknown(unknown) => write!(
                f,
                "{}: not in the catalog ({})",
                unknown.0,
                self.subcategory()
            ),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyErrno {
    /// Always the number, known or not, so a payload serialises back as it came.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.raw())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyErrno {
    /// Accepts an integer or a string of decimal digits; anything else is an error that says
    /// what was expected.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AnyErrno, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "a WeChat errno: an integer from 0 to 4294967295, or one in a string",
        )
        .map(AnyErrno::new)
    }
}
