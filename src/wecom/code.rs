//! [`Errcode`] and [`AnyErrcode`].

use std::fmt;

use super::generated::{self, Errcode};
use super::{ErrcodeInfo, WechatNumber};
use crate::{Action, Reliability, RetryHint};

impl Errcode {
    /// How many codes the catalog has.
    ///
    /// ```
    /// assert_eq!(minierr::wecom::Errcode::COUNT, 1256);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every code, in table order.
    pub const ALL: &'static [Errcode] = &generated::ALL;

    const fn info(self) -> &'static ErrcodeInfo {
        generated::info(self)
    }

    /// Every code, in table order: [`Errcode::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = Errcode> {
        Errcode::ALL.iter().copied()
    }

    /// The catalog code for `code`, or `None` if the catalog does not list it.
    ///
    /// ```
    /// use minierr::wecom::Errcode;
    /// assert!(Errcode::from_code(60111).is_some());
    /// assert_eq!(Errcode::from_code(1), None);
    /// ```
    #[must_use]
    pub const fn from_code(code: i64) -> Option<Errcode> {
        generated::from_code(code)
    }

    /// The number.
    #[must_use]
    pub const fn code(self) -> i64 {
        self as i64
    }

    /// The variant's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The English errmsg the page shows, where it shows one; usually empty.
    #[must_use]
    pub const fn errmsg(self) -> &'static str {
        self.info().errmsg
    }

    /// The page's Chinese description.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// The description in English.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// The next step.
    #[must_use]
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// Whether the step was derived from the text by rule rather than set by hand or taken
    /// from WeChat's reviewed code of the same meaning.
    #[must_use]
    pub const fn is_step_by_rule(self) -> bool {
        self.info().by_rule
    }

    /// The soonest a retry can succeed, where there is one.
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info().retry_hint
    }

    /// How far the source can be trusted.
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info().reliability
    }

    /// Whether WeChat's server uses the number for the same thing.
    ///
    /// ```
    /// use minierr::wecom::{Errcode, WechatNumber};
    /// assert_eq!(Errcode::from_code(40001).map(Errcode::wechat), Some(WechatNumber::Different));
    /// ```
    #[must_use]
    pub const fn wechat(self) -> WechatNumber {
        self.info().wechat
    }

    /// Where the row was read.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// What else the sources say.
    #[must_use]
    pub const fn note(self) -> &'static str {
        self.info().note
    }
}

impl fmt::Display for Errcode {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Errcode {}

impl std::str::FromStr for Errcode {
    type Err = crate::ParseCodeError;

    /// Parses a decimal code such as `"60111"`.
    ///
    /// ```
    /// use minierr::wecom::Errcode;
    /// assert_eq!("60111".parse::<Errcode>().map(Errcode::code), Ok(60111));
    /// assert!("1".parse::<Errcode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = crate::catalog_code::parse_code(s, "WeCom")?;
        crate::catalog_code::known(number, "WeCom", Errcode::from_code(number))
    }
}

impl TryFrom<i64> for Errcode {
    type Error = UnknownErrcode;

    fn try_from(code: i64) -> Result<Self, Self::Error> {
        Errcode::from_code(code).ok_or(UnknownErrcode(code))
    }
}

crate::catalog_code::impl_catalog_code!(Errcode, |c| {
        all: &generated::ALL,
        platform: Wecom,
        code: Some(crate::CodeText::Number(c.code())),
        name: Errcode::name(c),
        machine: c.errmsg(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Some(Errcode::action(c)),
        hint: Errcode::retry_hint(c),
        reliability: Some(Errcode::reliability(c)),
        named_by: |query| {
            crate::catalog_code::number(query)
                .and_then(Errcode::from_code)
                .into_iter()
                .collect()
        },
});

/// A WeCom errcode the catalog does not list; it keeps the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("WeCom errcode {0} is not in the catalog")]
pub struct UnknownErrcode(pub i64);

/// Any WeCom errcode: a catalog [`Errcode`], or an [`UnknownErrcode`] that keeps the number.
///
/// ```
/// use minierr::wecom::AnyErrcode;
/// assert!(AnyErrcode::new(60111).known().is_some());
/// assert_eq!(AnyErrcode::new(99_999_999).raw(), 99_999_999);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnyErrcode {
    /// A code in the catalog.
    Known(Errcode),
    /// A code the catalog does not list.
    Unknown(UnknownErrcode),
}

impl AnyErrcode {
    /// Classifies a number.
    #[must_use]
    pub const fn new(raw: i64) -> AnyErrcode {
        match Errcode::from_code(raw) {
            Some(code) => AnyErrcode::Known(code),
            None => AnyErrcode::Unknown(UnknownErrcode(raw)),
        }
    }

    /// The number as sent.
    #[must_use]
    pub const fn raw(self) -> i64 {
        match self {
            AnyErrcode::Known(code) => code.code(),
            AnyErrcode::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog code, if known.
    #[must_use]
    pub const fn known(self) -> Option<Errcode> {
        match self {
            AnyErrcode::Known(code) => Some(code),
            AnyErrcode::Unknown(_) => None,
        }
    }

    /// Whether the catalog knows it.
    #[must_use]
    pub const fn is_known(self) -> bool {
        matches!(self, AnyErrcode::Known(_))
    }

    /// The step of a known code; `None` for an unknown one.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self {
            AnyErrcode::Known(code) => Some(code.action()),
            AnyErrcode::Unknown(_) => None,
        }
    }
}

impl fmt::Display for AnyErrcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyErrcode::Known(code) => code.fmt(f),
            AnyErrcode::Unknown(unknown) => write!(f, "{}", unknown.0),
        }
    }
}

impl std::str::FromStr for AnyErrcode {
    type Err = crate::ParseCodeError;

    /// Parses any decimal code, known or not.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_code(s, "WeCom").map(AnyErrcode::new)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyErrcode {
    /// An integer, or one in a string.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AnyErrcode, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "errcode as a 64-bit integer, or one in a string",
        )
        .map(AnyErrcode::new)
    }
}

/// Whether `errmsg` has one of WeCom's hints, each starting with the time it was made:
/// - the older `hint: [1597733128_47_64fcadb1…]`: ten digits of Unix time, a number and a run
///   of lowercase hex digits, joined by `_`. The answers seen have 32 hex digits, one has 18;
///   the bound of 16 to 32 is a judgement that keeps a short or long id of another shape out;
/// - today's `hint: [1774874288192271556616295]`: 25 digits, the first thirteen the time in
///   milliseconds. Each WeCom answer from 2022 to 2026 in the public threads checked has one (with
///   `from ip:` and WeCom's link, where the SDK kept them); the WeChat server's hints are
///   short and alphanumeric (`hint: [ZE0810ge30]`) or a `req_id`, and its answers carry a
///   `rid:`, which keeps an errmsg with this hint WeChat's. Every hint seen has 25 digits; a
///   run of 20 to 30 is read, since WeChat's hints are never all digits.
pub(crate) fn has_timestamped_hint(errmsg: &str) -> bool {
    // `[` is rare in an errmsg: each one is checked for the words before it.
    let bytes = errmsg.as_bytes();
    memchr::memchr_iter(b'[', bytes).any(|at| {
        let marked = at
            .checked_sub(6)
            .and_then(|start| bytes.get(start..at))
            .is_some_and(|before| before == b"hint: ");
        let Some(bracketed) = errmsg.get(at..).filter(|_| marked) else {
            return false;
        };
        let Some((hint, _)) = crate::normalize::short_bracketed(bracketed) else {
            return false;
        };
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (20..=30).contains(&hint.len()) && hint.starts_with('1') && all_digits(hint) {
            let rid = crate::wx::server::split_errmsg(errmsg).rid();
            return rid.is_none_or(str::is_empty);
        }
        let mut parts = hint.split('_');
        let digits = |part: &str, len: Option<usize>| {
            !part.is_empty()
                && len.is_none_or(|len| part.len() == len)
                && part.bytes().all(|b| b.is_ascii_digit())
        };
        matches!(
            (parts.next(), parts.next(), parts.next(), parts.next()),
            (Some(time), Some(n), Some(hash), None)
                if digits(time, Some(10))
                    && digits(n, None)
                    && (16..=32).contains(&hash.len())
                    && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        )
    })
}
