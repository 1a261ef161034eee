//! Alipay+ Mini Program OpenAPI results: `resultCode`, `resultStatus` and the retry decision.
//!
//! Every Alipay+ OpenAPI response carries
//! `"result": {"resultCode": "...", "resultStatus": "S|F|U|A", "resultMessage": "..."}`.
//! [`ApiResult`] decodes it, bare or inside its response envelope; [`ResultCode`] lists the
//! common codes of the official table plus `SUCCESS`; any other code is API-specific and is kept
//! with its exact text as [`AnyResultCode::Unknown`].
//!
//! # Retry or give up
//!
//! [`ApiResult::decide`] turns a result into an [`Action`] with a reason:
//!
//! | resultStatus | resultCode | action |
//! |---|---|---|
//! | any but `S` | `REQUEST_TRAFFIC_EXCEED_LIMIT` | [`Action::Backoff`] (the seed says `F`, other sources `U`: the code decides) |
//! | any but `S` | `EXPIRED_ACCESS_TOKEN` | [`Action::Refresh`]: call `applyToken`, then retry |
//! | `S` | any | [`Action::Success`] |
//! | `A` | any | [`Action::Reconcile`]: accepted, poll for the final result |
//! | `U` | any | [`Action::Retry`] for an idempotent call (same request id), [`Action::Reconcile`] if it moves money |
//! | `F` | `PARAM_ILLEGAL`, `INVALID_API` | [`Action::FixRequest`] |
//! | `F` | `ACCESS_DENIED` | [`Action::FixConfig`] |
//! | `F` | `PROCESS_FAIL`, API-specific codes | [`Action::GiveUp`] |
//! | missing | any | the code's own action, or [`Action::GiveUp`] for an API-specific code |
//! | unrecognised letter | any | [`Action::GiveUp`], and the reason says why |
//!
//! A backend's retry loop, with [`RetrySchedule`](crate::RetrySchedule) for the delays:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use std::time::Duration;
//! use minierr::openapi::{ApiResult, CallKind};
//! use minierr::{Action, RetrySchedule, SeededJitter};
//!
//! // Stand-in for the HTTP call: throttled twice, then fine.
//! let responses = [
//!     r#"{"result":{"resultCode":"REQUEST_TRAFFIC_EXCEED_LIMIT","resultStatus":"U","resultMessage":"The request traffic exceeds the limit."}}"#,
//!     r#"{"result":{"resultCode":"REQUEST_TRAFFIC_EXCEED_LIMIT","resultStatus":"U","resultMessage":"The request traffic exceeds the limit."}}"#,
//!     r#"{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"Success."},"accessToken":"..."}"#,
//! ];
//! let schedule = RetrySchedule::new(Duration::from_millis(100), Duration::from_secs(5), 4);
//! let mut jitter = SeededJitter::new(42);
//! let mut failures = 0;
//! let outcome = loop {
//!     let result: ApiResult = serde_json::from_str(responses[failures as usize])?;
//!     let decision = result.decide(CallKind::Idempotent);
//!     if decision.action == Action::Success {
//!         break Ok(result);
//!     }
//!     failures += 1;
//!     match schedule.delay(decision.action, failures, &mut jitter) {
//!         Some(delay) => { let _ = delay; /* std::thread::sleep(delay) or a timer */ }
//!         None => break Err(decision.reason),
//!     }
//! };
//! assert!(outcome.is_ok());
//! assert_eq!(failures, 2);
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Sources
//!
//! The common codes, statuses, messages and further actions are the official Mini Program
//! OpenAPI error-code page (seed 002). `resultMessage` is kept as that page writes it; the further
//! actions fix two typos, noted on the variants. The Chinese is minierr's translation. The status
//! `A` and the code `PAYMENT_IN_PROCESS` (status `U`) appear in the payment APIs' own tables.

use std::fmt;

use crate::Action;

#[rustfmt::skip]
mod generated;
mod result;

pub use generated::{ResultCode, ResultCodeIter};
#[cfg(feature = "json")]
pub(crate) use result::status_of;
pub use result::{AnyResultCode, ApiResult, CallKind, Decision, UnknownResultCode};

/// One catalog row, as the generated `ResultCode::info` returns it.
#[derive(Debug)]
pub(crate) struct ResultCodeInfo {
    pub(crate) result_code: &'static str,
    pub(crate) status: ResultStatus,
    pub(crate) action: Action,
    pub(crate) result_message: &'static str,
    pub(crate) further_action: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) further_action_zh: &'static str,
    pub(crate) note: &'static str,
}

impl ResultCode {
    /// How many codes the catalog holds: the seven common failures and `SUCCESS`.
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::COUNT, 8);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// The variant for an exact `resultCode`, or `None` for an API-specific or misspelt one.
    ///
    /// ```
    /// use minierr::openapi::ResultCode;
    /// assert_eq!(ResultCode::from_result_code("EXPIRED_ACCESS_TOKEN"), Some(ResultCode::ExpiredAccessToken));
    /// assert_eq!(ResultCode::from_result_code("EXPIRED_ACCESS_TOKEN "), None);
    /// ```
    #[inline]
    pub fn from_result_code(text: &str) -> Option<ResultCode> {
        generated::RESULT_CODES.get(text).copied()
    }

    /// Any `resultCode`, known or not, borrowing its text.
    ///
    /// ```
    /// use minierr::openapi::{AnyResultCode, ResultCode};
    /// assert_eq!(ResultCode::parse("PROCESS_FAIL"), AnyResultCode::Known(ResultCode::ProcessFail));
    /// assert_eq!(ResultCode::parse("USER_NOT_EXIST").as_str(), "USER_NOT_EXIST");
    /// ```
    pub fn parse(text: &str) -> AnyResultCode<'_> {
        AnyResultCode::new(text)
    }

    /// The `resultCode` exactly as the platform sends it.
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::RequestTrafficExceedLimit.as_str(), "REQUEST_TRAFFIC_EXCEED_LIMIT");
    /// ```
    pub const fn as_str(self) -> &'static str {
        self.info().result_code
    }

    /// The `resultStatus` the official table gives this code. A response may still carry
    /// another letter (`REQUEST_TRAFFIC_EXCEED_LIMIT` arrives as `U` from most APIs).
    ///
    /// ```
    /// use minierr::openapi::{ResultCode, ResultStatus};
    /// assert_eq!(ResultCode::UnknownException.documented_status(), ResultStatus::Unknown);
    /// ```
    pub const fn documented_status(self) -> ResultStatus {
        self.info().status
    }

    /// The `resultMessage` of the official table.
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::ExpiredAccessToken.result_message(), "The access token is expired.");
    /// ```
    pub const fn result_message(self) -> &'static str {
        self.info().result_message
    }

    /// What the official table says to do.
    ///
    /// ```
    /// assert!(minierr::openapi::ResultCode::ExpiredAccessToken.further_action().contains("applyToken"));
    /// ```
    pub const fn further_action(self) -> &'static str {
        self.info().further_action
    }

    /// The message in Chinese (minierr's translation).
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::ExpiredAccessToken.message_zh(), "访问令牌已过期。");
    /// ```
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// The further action in Chinese (minierr's translation).
    ///
    /// ```
    /// assert!(minierr::openapi::ResultCode::ExpiredAccessToken.further_action_zh().contains("applyToken"));
    /// ```
    pub const fn further_action_zh(self) -> &'static str {
        self.info().further_action_zh
    }

    /// Where the sources disagree or the text was edited, what they say.
    ///
    /// ```
    /// use minierr::openapi::ResultCode;
    /// assert!(ResultCode::RequestTrafficExceedLimit.note().unwrap().contains("U"));
    /// assert_eq!(ResultCode::ExpiredAccessToken.note(), None);
    /// ```
    pub const fn note(self) -> Option<&'static str> {
        let note = self.info().note;
        if note.is_empty() { None } else { Some(note) }
    }

    /// The code's own next step, before the status letter is taken into account; see
    /// [`ApiResult::decide`] for the full rule.
    ///
    /// ```
    /// use minierr::{openapi::ResultCode, Action};
    /// assert_eq!(ResultCode::AccessDenied.action(), Action::FixConfig);
    /// ```
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// The variant's name.
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::ParamIllegal.name(), "ParamIllegal");
    /// ```
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every catalog code.
    ///
    /// ```
    /// assert_eq!(minierr::openapi::ResultCode::all().count(), 8);
    /// ```
    pub fn all() -> ResultCodeIter {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for ResultCode {
    /// The `resultCode` text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `resultStatus` letter.
///
/// ```
/// use minierr::openapi::ResultStatus;
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
    /// use minierr::openapi::ResultStatus;
    /// let ResultStatus::Unrecognized(s) = ResultStatus::from_letter("P").unwrap() else { panic!() };
    /// assert_eq!(s.letter(), 'P');
    /// ```
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
    /// use minierr::openapi::ResultStatus;
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
    /// assert_eq!(minierr::openapi::ResultStatus::from_char('U'), minierr::openapi::ResultStatus::Unknown);
    /// ```
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
    /// assert_eq!(minierr::openapi::ResultStatus::Failed.letter(), 'F');
    /// ```
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
    /// assert!(minierr::openapi::ResultStatus::Accepted.is_recognized());
    /// ```
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
