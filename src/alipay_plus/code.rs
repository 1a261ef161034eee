//! [`ResultCode`], the catalog of `resultCode`s, [`AnyResultCode`], any code kept with
//! its text, and [`ResultStatus`], the status letter.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::ResultCodeInfo;
use super::generated::{self, ResultCode};
use crate::Action;

impl ResultCode {
    /// How many codes the catalog holds: the seven common failures, `SUCCESS`, and the 31 codes
    /// the authorization and payment APIs add.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::COUNT, 39);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// The variant for an exact `resultCode`, or `None` for one no source lists or a misspelt one.
    /// A `resultCode` is a machine string: case and spacing count.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert_eq!(ResultCode::from_code("EXPIRED_ACCESS_TOKEN"), Some(ResultCode::ExpiredAccessToken));
    /// assert_eq!(ResultCode::from_code("EXPIRED_ACCESS_TOKEN "), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn from_code(code: &str) -> Option<ResultCode> {
        generated::RESULT_CODES.get(code).copied()
    }

    /// The catalog row behind this variant.
    const fn info(self) -> &'static ResultCodeInfo {
        generated::info(self)
    }

    /// The `resultCode` exactly as the platform sends it.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::RequestTrafficExceedLimit.code(), "REQUEST_TRAFFIC_EXCEED_LIMIT");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.info().result_code
    }

    /// The `resultStatus` the sources give this code. A response may still carry
    /// another letter (`REQUEST_TRAFFIC_EXCEED_LIMIT` arrives as `U` from most APIs).
    ///
    /// ```
    /// use minierr::alipay_plus::{ResultCode, ResultStatus};
    /// assert_eq!(ResultCode::UnknownException.documented_status(), ResultStatus::Unknown);
    /// ```
    #[must_use]
    pub const fn documented_status(self) -> ResultStatus {
        self.info().status
    }

    /// The `resultMessage` a copy gives, byte for byte: the machine string the platform sends
    /// (the seed's for the common codes). `""` where no copy gives one in English; see
    /// [`ResultCode::message_en`] for a description every code has.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert_eq!(ResultCode::ExpiredAccessToken.result_message(), "The access token is expired.");
    /// assert_eq!(ResultCode::RepeatReqInconsistent.result_message(), "Duplicate request with inconsistent data");
    /// assert_eq!(ResultCode::UsedCode.result_message(), "");
    /// ```
    #[must_use]
    pub const fn result_message(self) -> &'static str {
        self.info().result_message
    }

    /// The message in English: minierr's description, which keeps the copies' meaning in plain
    /// English where their text is terse, non-native or missing ([`ResultCode::note`] says
    /// whose text is whose).
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert_eq!(ResultCode::ExpiredAccessToken.message_en(), "The access token has expired.");
    /// assert_eq!(ResultCode::UsedCode.message_en(), "The authorization code has already been used.");
    /// ```
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// The message in Chinese (minierr's translation).
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::ExpiredAccessToken.message_zh(), "访问令牌已过期。");
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// What to do. Every code has one: the seed's "further action" for the common codes;
    /// minierr's for the others, whose copies give none ([`ResultCode::note`] says so).
    ///
    /// ```
    /// assert!(minierr::alipay_plus::ResultCode::ExpiredAccessToken.remedy_en().unwrap().contains("applyToken"));
    /// ```
    #[must_use]
    pub const fn remedy_en(self) -> Option<&'static str> {
        non_empty(self.info().further_action)
    }

    /// The further action in Chinese (minierr's translation).
    ///
    /// ```
    /// assert!(minierr::alipay_plus::ResultCode::ExpiredAccessToken.remedy_zh().unwrap().contains("applyToken"));
    /// ```
    #[must_use]
    pub const fn remedy_zh(self) -> Option<&'static str> {
        non_empty(self.info().further_action_zh)
    }

    /// Where the sources disagree or the text was edited, what they say.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert!(ResultCode::RequestTrafficExceedLimit.note().unwrap().contains("U"));
    /// assert_eq!(ResultCode::ExpiredAccessToken.note(), None);
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info().note)
    }

    /// Which kind of source the code comes from. No official page was found for this catalog:
    /// the common codes are the user's copy of it (seed 002) and published translations, the
    /// API-specific ones those translations and a wallet's copy, and three spellings only a
    /// third-party server's constants.
    ///
    /// ```
    /// use minierr::{alipay_plus::ResultCode, Reliability};
    /// assert_eq!(ResultCode::PaymentInProcess.reliability(), Reliability::Secondary);
    /// assert_eq!(ResultCode::UsedAuthcode.reliability(), Reliability::Tertiary);
    /// ```
    #[must_use]
    pub const fn reliability(self) -> crate::Reliability {
        self.info().reliability
    }

    /// The APIs the sources list the code for, as they name them; the common codes say
    /// they apply to every Mini Program OpenAPI.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert!(ResultCode::RepeatReqInconsistent.apis().contains("/v1/payments/pay"));
    /// assert!(ResultCode::ParamIllegal.apis().starts_with("every Mini Program OpenAPI"));
    /// ```
    #[must_use]
    pub const fn apis(self) -> &'static str {
        self.info().apis
    }

    /// The sources of the row, `;`-separated: pages where there are pages, or what the source is.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert!(ResultCode::ParamIllegal.source().starts_with("seed 002"));
    /// assert!(ResultCode::InsufficientBalance.source().starts_with("https://"));
    /// ```
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The code's own next step, before the status letter is taken into account; see
    /// [`ApiResult::decide`](super::ApiResult::decide) for the full rule.
    ///
    /// ```
    /// use minierr::{alipay_plus::ResultCode, Action};
    /// assert_eq!(ResultCode::AccessDenied.action(), Action::FixConfig);
    /// ```
    #[must_use]
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where the table says so:
    /// `REQUEST_TRAFFIC_EXCEED_LIMIT` asks callers to reduce their frequency, naming no time.
    ///
    /// ```
    /// use minierr::{alipay_plus::ResultCode, RetryHint};
    /// assert_eq!(ResultCode::RequestTrafficExceedLimit.retry_hint(), Some(RetryHint::Later));
    /// assert_eq!(ResultCode::ParamIllegal.retry_hint(), None);
    /// ```
    #[must_use]
    pub const fn retry_hint(self) -> Option<crate::RetryHint> {
        self.info().retry_hint
    }

    /// The variant's name.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::ParamIllegal.name(), "ParamIllegal");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every catalog code, in table order.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::ALL.len(), 39);
    /// ```
    pub const ALL: &'static [ResultCode] = &generated::ALL;

    /// Every catalog code: [`ResultCode::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultCode::all().count(), 39);
    /// ```
    pub fn all() -> impl Iterator<Item = ResultCode> {
        ResultCode::ALL.iter().copied()
    }
}

impl fmt::Display for ResultCode {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for ResultCode {}

impl FromStr for ResultCode {
    type Err = UnknownResultCode<'static>;

    /// Parses an exact `resultCode`; the error keeps any other text.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultCode;
    /// assert_eq!("ACCESS_DENIED".parse::<ResultCode>(), Ok(ResultCode::AccessDenied));
    /// let err = "PAYMENT_COUNT_EXCEED_LIMIT".parse::<ResultCode>().unwrap_err();
    /// assert_eq!(err.to_string(), "resultCode PAYMENT_COUNT_EXCEED_LIMIT is not in the Alipay+ catalog");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ResultCode::from_code(s).ok_or_else(|| UnknownResultCode(Cow::Owned(s.to_owned())))
    }
}

/// `Some(text)`, or `None` for an empty catalog cell.
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

/// The `resultStatus` letter.
///
/// ```
/// use minierr::alipay_plus::ResultStatus;
///
/// assert_eq!(ResultStatus::from_letter("F"), Ok(ResultStatus::Failed));
/// let odd = ResultStatus::from_letter("X").unwrap();
/// assert_eq!(odd.letter(), 'X');
/// assert!(!odd.is_recognized());
/// assert!(ResultStatus::from_letter("FAILED").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResultStatus {
    /// `S`: the call succeeded.
    Success,
    /// `F`: the call failed; the code says whether anything can be done.
    Failed,
    /// `U`: the outcome is unknown.
    Unknown,
    /// `A`: accepted, with the final result to follow (payment APIs).
    Accepted,
    /// Any other single character, kept as sent.
    Unrecognized(UnrecognizedStatus),
}

/// A `resultStatus` letter minierr does not know; only minierr builds one, so `S`, `F`, `U` and
/// `A` are never hidden in here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnrecognizedStatus(char);

impl UnrecognizedStatus {
    /// The character as sent.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultStatus;
    /// let ResultStatus::Unrecognized(s) = ResultStatus::from_letter("P").unwrap() else { panic!() };
    /// assert_eq!(s.letter(), 'P');
    /// ```
    #[must_use]
    pub const fn letter(self) -> char {
        self.0
    }
}

/// The error from reading a `resultStatus` that is not a single character.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("resultStatus {input:?} is not a single letter such as S, F, U or A")]
pub struct ParseResultStatusError {
    input: String,
}

impl ResultStatus {
    /// Reads the letter; any single character is accepted, known or not.
    ///
    /// ```
    /// use minierr::alipay_plus::ResultStatus;
    /// assert_eq!(ResultStatus::from_letter("A"), Ok(ResultStatus::Accepted));
    /// assert_eq!(
    ///     ResultStatus::from_letter("").unwrap_err().to_string(),
    ///     r#"resultStatus "" is not a single letter such as S, F, U or A"#
    /// );
    /// ```
    pub fn from_letter(text: &str) -> Result<ResultStatus, ParseResultStatusError> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(letter), None) => Ok(ResultStatus::from_char(letter)),
            _ => Err(ParseResultStatusError {
                input: text.to_owned(),
            }),
        }
    }

    /// Classifies one character.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultStatus::from_char('U'), minierr::alipay_plus::ResultStatus::Unknown);
    /// ```
    #[must_use]
    pub const fn from_char(letter: char) -> ResultStatus {
        match letter {
            'S' => ResultStatus::Success,
            'F' => ResultStatus::Failed,
            'U' => ResultStatus::Unknown,
            'A' => ResultStatus::Accepted,
            other => ResultStatus::Unrecognized(UnrecognizedStatus(other)),
        }
    }

    /// The letter as sent.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ResultStatus::Failed.letter(), 'F');
    /// ```
    #[must_use]
    pub const fn letter(self) -> char {
        match self {
            ResultStatus::Success => 'S',
            ResultStatus::Failed => 'F',
            ResultStatus::Unknown => 'U',
            ResultStatus::Accepted => 'A',
            ResultStatus::Unrecognized(other) => other.0,
        }
    }

    /// Whether the letter is one of `S`, `F`, `U`, `A`.
    ///
    /// ```
    /// assert!(minierr::alipay_plus::ResultStatus::Accepted.is_recognized());
    /// ```
    #[must_use]
    pub const fn is_recognized(self) -> bool {
        !matches!(self, ResultStatus::Unrecognized(_))
    }
}

impl fmt::Display for ResultStatus {
    /// The letter.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ResultStatus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_char(self.letter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ResultStatus {
    /// A one-character string; any other value is an error that names resultStatus.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;

        impl serde::de::Visitor<'_> for StatusVisitor {
            type Value = ResultStatus;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("resultStatus as a one-letter string such as \"F\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ResultStatus, E> {
                ResultStatus::from_letter(v).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(StatusVisitor)
    }
}

/// A `resultCode` that no source of the catalog lists, kept with its exact text.
/// Only minierr builds one, from text that is not a catalog code, so `PARAM_ILLEGAL` can never
/// hide in here.
///
/// ```
/// use minierr::alipay_plus::AnyResultCode;
/// let code = AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT");
/// assert_eq!(code.unknown().map(|u| u.raw()), Some("PAYMENT_COUNT_EXCEED_LIMIT"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("resultCode {0} is not in the Alipay+ catalog")]
pub struct UnknownResultCode<'a>(pub(crate) Cow<'a, str>);

impl UnknownResultCode<'_> {
    /// The text exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::AnyResultCode::new("X_Y").unknown().unwrap().raw(), "X_Y");
    /// ```
    #[must_use]
    pub fn raw(&self) -> &str {
        &self.0
    }

    /// The same code with owned text.
    ///
    /// ```
    /// let code = minierr::alipay_plus::AnyResultCode::new("X_Y");
    /// let owned = code.unknown().unwrap().clone().into_owned();
    /// assert_eq!(owned.raw(), "X_Y");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> UnknownResultCode<'static> {
        UnknownResultCode(Cow::Owned(self.0.into_owned()))
    }
}

/// Any `resultCode`: a catalog [`ResultCode`] or an [`UnknownResultCode`] kept as sent.
///
/// ```
/// use minierr::alipay_plus::{AnyResultCode, ResultCode};
///
/// let code = AnyResultCode::new("ACCESS_DENIED");
/// assert_eq!(code, ResultCode::AccessDenied);
/// let specific = AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT");
/// assert_eq!(specific.known(), None);
/// assert_eq!(specific.to_string(), "PAYMENT_COUNT_EXCEED_LIMIT");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AnyResultCode<'a> {
    /// A code of the catalog.
    Known(ResultCode),
    /// A code no source lists, with its text.
    Unknown(UnknownResultCode<'a>),
}

impl<'a> AnyResultCode<'a> {
    /// Classifies `text`, borrowing it if it is not a catalog code.
    ///
    /// ```
    /// assert!(minierr::alipay_plus::AnyResultCode::new("SUCCESS").is_known());
    /// ```
    #[inline]
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        let text = text.into();
        match ResultCode::from_code(&text) {
            Some(code) => AnyResultCode::Known(code),
            None => AnyResultCode::Unknown(UnknownResultCode(text)),
        }
    }

    /// The text exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::AnyResultCode::new("SUCCESS").raw(), "SUCCESS");
    /// ```
    #[must_use]
    pub fn raw(&self) -> &str {
        match self {
            AnyResultCode::Known(code) => code.code(),
            AnyResultCode::Unknown(unknown) => unknown.raw(),
        }
    }

    /// The catalog code, if it is one.
    ///
    /// ```
    /// use minierr::alipay_plus::{AnyResultCode, ResultCode};
    /// assert_eq!(AnyResultCode::new("INVALID_API").known(), Some(ResultCode::InvalidApi));
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<ResultCode> {
        match self {
            AnyResultCode::Known(code) => Some(*code),
            AnyResultCode::Unknown(_) => None,
        }
    }

    /// The code as sent, if no source lists it.
    ///
    /// ```
    /// assert!(minierr::alipay_plus::AnyResultCode::new("INVALID_API").unknown().is_none());
    /// ```
    #[must_use]
    pub fn unknown(&self) -> Option<&UnknownResultCode<'a>> {
        match self {
            AnyResultCode::Known(_) => None,
            AnyResultCode::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the code is in the catalog.
    ///
    /// ```
    /// assert!(!minierr::alipay_plus::AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT").is_known());
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        matches!(self, AnyResultCode::Known(_))
    }

    /// The catalog code's own next step; `None` for a code no source lists, which minierr will
    /// not guess. [`ApiResult::decide`](super::ApiResult::decide) weighs the status letter too.
    ///
    /// ```
    /// use minierr::{alipay_plus::AnyResultCode, Action};
    /// assert_eq!(AnyResultCode::new("ACCESS_DENIED").action(), Some(Action::FixConfig));
    /// assert_eq!(AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT").action(), None);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.known().map(ResultCode::action)
    }

    /// The same code with owned text.
    ///
    /// ```
    /// let owned: minierr::alipay_plus::AnyResultCode<'static> =
    ///     minierr::alipay_plus::AnyResultCode::new(String::from("X")).into_owned();
    /// assert_eq!(owned.raw(), "X");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> AnyResultCode<'static> {
        match self {
            AnyResultCode::Known(code) => AnyResultCode::Known(code),
            AnyResultCode::Unknown(unknown) => AnyResultCode::Unknown(unknown.into_owned()),
        }
    }
}

impl PartialEq<ResultCode> for AnyResultCode<'_> {
    fn eq(&self, other: &ResultCode) -> bool {
        self.known() == Some(*other)
    }
}

impl From<ResultCode> for AnyResultCode<'_> {
    fn from(code: ResultCode) -> Self {
        AnyResultCode::Known(code)
    }
}

impl fmt::Display for AnyResultCode<'_> {
    /// The text exactly as received, known or not.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.raw())
    }
}

impl std::str::FromStr for AnyResultCode<'static> {
    type Err = std::convert::Infallible;

    /// Any text is a resultCode; only the catalog decides whether it is known.
    ///
    /// ```
    /// use minierr::alipay_plus::{AnyResultCode, ResultCode};
    /// let code: AnyResultCode = "ACCESS_DENIED".parse().unwrap_or_else(|e| match e {});
    /// assert_eq!(code.known(), Some(ResultCode::AccessDenied));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AnyResultCode::new(s.to_owned()))
    }
}

impl PartialOrd for AnyResultCode<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyResultCode<'_> {
    /// By the text as received, known or not: `ACCESS_DENIED` < `PAYMENT_COUNT_EXCEED_LIMIT` < `SUCCESS`.
    ///
    /// ```
    /// use minierr::alipay_plus::AnyResultCode;
    /// let mut codes = [AnyResultCode::new("SUCCESS"), AnyResultCode::new("PAYMENT_COUNT_EXCEED_LIMIT")];
    /// codes.sort();
    /// assert_eq!(codes[0].raw(), "PAYMENT_COUNT_EXCEED_LIMIT");
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw().cmp(other.raw())
    }
}

impl std::error::Error for AnyResultCode<'_> {}

crate::catalog_code::impl_catalog_code!(ResultCode, |c| {
        all: &generated::ALL,
        platform: AlipayPlus,
        code: Some(crate::CodeText::Text(ResultCode::code(c))),
        name: ResultCode::name(c),
        machine: c.result_message(),
        zh: ResultCode::message_zh(c),
        en: ResultCode::message_en(c),
        action: Some(ResultCode::action(c)),
        hint: ResultCode::retry_hint(c),
        reliability: Some(ResultCode::reliability(c)),
        named_by: |query| ResultCode::from_code(query).into_iter().collect(),
});
