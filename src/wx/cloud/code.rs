//! [`Code`], the catalog of Cloud codes, and [`AnyCode`], any Cloud code kept without loss.

use std::fmt;

use super::CodeInfo;
use super::generated::{self, Code};
use crate::Reliability;
use crate::{Action, RetryHint};

impl Code {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::COUNT, 99);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(Code::ALL[0].code(), -605101);
    /// assert_eq!(Code::ALL.len(), Code::COUNT);
    /// ```
    pub const ALL: &'static [Code] = &generated::ALL;

    /// The variant for a numeric code, or `None` if the catalog does not know it.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(Code::from_code(-501007), Some(Code::InvalidParameters));
    /// assert_eq!(Code::from_code(-501099), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn from_code(code: i64) -> Option<Code> {
        generated::from_code(code)
    }

    #[inline]
    const fn info(self) -> &'static CodeInfo {
        generated::info(self)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::InvalidEnv.code(), -501005);
    /// ```
    #[must_use]
    pub const fn code(self) -> i64 {
        self as i64
    }

    /// The variant's name, e.g. for logs and metrics labels.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::InvalidEnv.name(), "InvalidEnv");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The SDK's English label, which follows the code in the error text (`errCode: -502005
    /// database collection not exists | …`), byte for byte; `""` for the codes that have none.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(Code::DatabaseCollectionNotFound.label(), "database collection not exists");
    /// assert_eq!(Code::CloudNotActivated.label(), "");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        self.info().label
    }

    /// The Chinese description, as the source writes it; `""` for the SDK-only codes that have
    /// none.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::DatabaseCollectionNotFound.message_zh(), "云资源数据库错误：集合不存在");
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English description, without a final full stop.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::DatabaseCollectionNotFound.message_en(), "The collection does not exist");
    /// ```
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// Where the sources disagree or say more, what they say; `None` for a few codes.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert!(Code::StorageInvalidSignature.note().unwrap().contains("-503003"));
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info().note)
    }

    /// What the caller should do next; `None` for a wrapper code (-1, -404011, …), whose
    /// meaning is the error it wraps: see [`Fail::action`](super::Fail::action).
    ///
    /// ```
    /// use minierr::{wx::cloud::Code, Action};
    /// assert_eq!(Code::InvalidEnv.action(), Some(Action::FixConfig));
    /// assert_eq!(Code::RequestQuotaExceeded.action(), Some(Action::Backoff));
    /// assert_eq!(Code::FunctionExecutionError.action(), None);
    /// ```
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        self.info().action
    }

    /// Whether the code only wraps another error and has no action of its own.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert!(Code::UnknownError.is_wrapper());
    /// assert!(!Code::InvalidEnv.is_wrapper());
    /// ```
    #[must_use]
    pub const fn is_wrapper(self) -> bool {
        self.info().action.is_none()
    }

    /// The soonest moment a retry can succeed, where a source states it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use minierr::{wx::cloud::Code, RetryHint};
    /// assert_eq!(Code::ContainerRequestLimitExceeded.retry_hint(), Some(RetryHint::After(Duration::from_secs(60))));
    /// assert_eq!(Code::InvalidEnv.retry_hint(), None);
    /// ```
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info().retry_hint
    }

    /// Which kind of source the code comes from.
    ///
    /// ```
    /// use minierr::wx::cloud::{Code, Reliability};
    /// assert_eq!(Code::InvalidEnv.reliability(), Reliability::Official);
    /// assert_eq!(Code::EmptyUploadUrl.reliability(), Reliability::Tertiary);
    /// ```
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info().reliability
    }

    /// The part of Cloud the code belongs to, as the reference names it (`database`,
    /// `callFunction (client SDK)`, …).
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::DatabaseCollectionNotFound.location(), "database");
    /// ```
    #[must_use]
    pub const fn location(self) -> &'static str {
        self.info().location
    }

    /// The source page of the row.
    ///
    /// ```
    /// assert!(minierr::wx::cloud::Code::InvalidEnv.source().starts_with("https://"));
    /// ```
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// Every code whose label, runtime message or Chinese text matches `message` once both are
    /// in normal form (ASCII case, runs of white space, a final full stop).
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(Code::all_with_message("没有权限，请先开通云开发或者云托管"), &[Code::CloudNotActivated]);
    /// assert_eq!(Code::all_with_message("Invoking task timed out after 3 seconds"), &[Code::FunctionTimedOut]);
    /// assert_eq!(Code::all_with_message("exceed max poll retry").len(), 2);
    /// ```
    #[must_use]
    pub fn all_with_message(message: &str) -> &'static [Code] {
        crate::catalog::lookup_message(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            message,
        )
    }

    /// The one code whose label or message matches `message` in normal form; `None` if none or
    /// several do.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(Code::from_message("Database Collection Not Exists"), Some(Code::DatabaseCollectionNotFound));
    /// assert_eq!(Code::from_message("error while waiting for the result"), None, "five codes share it");
    /// ```
    #[must_use]
    pub fn from_message(message: &str) -> Option<Code> {
        match Code::all_with_message(message) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every code whose label or message matches `message` in normal form.
    #[deprecated(since = "0.2.0", note = "renamed `all_with_message`")]
    #[must_use]
    pub fn all_with_normalized_message(message: &str) -> &'static [Code] {
        Code::all_with_message(message)
    }

    /// Every catalog code, in ascending order: [`Code::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::Code::all().count(), 99);
    /// ```
    pub fn all() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied()
    }
}

impl fmt::Display for Code {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Code {}

impl From<Code> for i64 {
    fn from(code: Code) -> i64 {
        code.code()
    }
}

impl TryFrom<i64> for Code {
    type Error = UnknownCode;

    /// Fails with the raw value kept when the catalog does not know the code.
    fn try_from(code: i64) -> Result<Self, Self::Error> {
        Code::from_code(code).ok_or(UnknownCode(code))
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Code {
    /// An integer the catalog lists; any other is an error (`AnyCode` keeps unknown codes).
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!(serde_json::from_str::<Code>("-501005")?, Code::InvalidEnv);
    /// let err = serde_json::from_str::<Code>("-501099").unwrap_err().to_string();
    /// assert!(err.contains("decode unknown ones as AnyCode"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = i64::deserialize(deserializer)?;
        Code::from_code(code).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Signed(code),
                &"a WeChat Cloud errCode in the catalog (decode unknown ones as AnyCode)",
            )
        })
    }
}

/// A Cloud code the catalog does not know. Only minierr builds one, from a number that is not
/// in the catalog, so a known code can never hide in here.
///
/// ```
/// use minierr::wx::cloud::Code;
/// let err = Code::try_from(-501099).unwrap_err();
/// assert_eq!(err.raw(), -501099);
/// assert_eq!(err.to_string(), "errCode -501099 is not in the WeChat Cloud catalog");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("errCode {0} is not in the WeChat Cloud catalog")]
pub struct UnknownCode(pub(crate) i64);

impl UnknownCode {
    /// The number exactly as received.
    #[must_use]
    pub const fn raw(self) -> i64 {
        self.0
    }
}

/// Any Cloud code: a catalog [`Code`], or an [`UnknownCode`] that keeps the number.
///
/// ```
/// use minierr::wx::cloud::{AnyCode, Code};
/// assert_eq!(AnyCode::new(-501005), AnyCode::Known(Code::InvalidEnv));
/// let newer = AnyCode::new(-501099);
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.raw(), -501099);
/// assert_eq!(newer.action(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyCode {
    /// A code in the catalog.
    Known(Code),
    /// A code the catalog does not know, with its number.
    Unknown(UnknownCode),
}

impl AnyCode {
    /// Classifies a number: `Known` if the catalog has it, `Unknown` otherwise.
    #[must_use]
    pub const fn new(raw: i64) -> AnyCode {
        match Code::from_code(raw) {
            Some(code) => AnyCode::Known(code),
            None => AnyCode::Unknown(UnknownCode(raw)),
        }
    }

    /// The number, exactly as received.
    #[must_use]
    pub const fn raw(self) -> i64 {
        match self {
            AnyCode::Known(code) => code.code(),
            AnyCode::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog variant, if the code is known.
    #[must_use]
    pub const fn known(self) -> Option<Code> {
        match self {
            AnyCode::Known(code) => Some(code),
            AnyCode::Unknown(_) => None,
        }
    }

    /// The unknown code, if the catalog does not know it.
    #[must_use]
    pub const fn unknown(self) -> Option<UnknownCode> {
        match self {
            AnyCode::Known(_) => None,
            AnyCode::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the catalog knows the code.
    #[must_use]
    pub const fn is_known(self) -> bool {
        matches!(self, AnyCode::Known(_))
    }

    /// The catalog's next step for a known code that is not a wrapper; `None` otherwise, which
    /// minierr will not guess.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self {
            AnyCode::Known(code) => code.action(),
            AnyCode::Unknown(_) => None,
        }
    }
}

impl From<i64> for AnyCode {
    fn from(raw: i64) -> AnyCode {
        AnyCode::new(raw)
    }
}

impl From<Code> for AnyCode {
    fn from(code: Code) -> AnyCode {
        AnyCode::Known(code)
    }
}

impl PartialEq<Code> for AnyCode {
    fn eq(&self, other: &Code) -> bool {
        *self == AnyCode::Known(*other)
    }
}

impl fmt::Display for AnyCode {
    /// A known code as [`Code`]'s `Display`; an unknown one as its number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCode::Known(code) => code.fmt(f),
            AnyCode::Unknown(unknown) => write!(f, "{}: not in the catalog", unknown.0),
        }
    }
}

impl std::error::Error for AnyCode {}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyCode {
    /// Always the number, known or not.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.raw())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyCode {
    /// An integer, or one in a string.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AnyCode, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "errCode as a 64-bit integer, or one in a string",
        )
        .map(AnyCode::new)
    }
}

pub(super) const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

crate::catalog_code::impl_catalog_code!(Code, |c| {
        all: &generated::ALL,
        platform: WechatCloud,
        code: Some(crate::CodeText::Number(c.code())),
        name: Code::name(c),
        machine: c.label(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Code::action(c),
        hint: Code::retry_hint(c),
        reliability: Some(Code::reliability(c)),
        named_by: |query| match crate::catalog_code::number(query) {
            Some(n) => Code::from_code(n).into_iter().collect(),
            None => Code::all_with_message(query).to_vec(),
        },
});

impl std::str::FromStr for Code {
    type Err = crate::ParseCodeError;

    /// Parses a decimal code such as `"-502005"`.
    ///
    /// ```
    /// use minierr::wx::cloud::Code;
    /// assert_eq!("-502005".parse::<Code>(), Ok(Code::DatabaseCollectionNotFound));
    /// assert_eq!("-502999".parse::<Code>().unwrap_err().to_string(), "-502999 is not in the WeChat Cloud catalog");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = crate::catalog_code::parse_code(s, "WeChat Cloud")?;
        crate::catalog_code::known(number, "WeChat Cloud", Code::from_code(number))
    }
}

impl std::str::FromStr for AnyCode {
    type Err = crate::ParseCodeError;

    /// Parses any decimal code, known or not; only text that is no number is an error.
    ///
    /// ```
    /// use minierr::wx::cloud::AnyCode;
    /// assert_eq!("-502999".parse::<AnyCode>().map(|c| c.raw()), Ok(-502999));
    /// assert!("x".parse::<AnyCode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_code(s, "WeChat Cloud").map(AnyCode::new)
    }
}

impl PartialOrd for AnyCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyCode {
    /// By number, known or not.
    ///
    /// ```
    /// use minierr::wx::cloud::AnyCode;
    /// assert!(AnyCode::new(-502005) < AnyCode::new(-1));
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw().cmp(&other.raw())
    }
}
