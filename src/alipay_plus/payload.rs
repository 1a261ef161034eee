//! [`ApiResult`], the `result` object of a response, and the retry decision.

use std::borrow::Cow;
use std::fmt;

use super::{AnyResultCode, ResultCode, ResultStatus};
use crate::Action;

/// Whether repeating a call is harmless. It decides what an unknown outcome (`U`) means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallKind {
    /// Repeating the call with the same request id cannot do anything twice (queries,
    /// `applyToken`, `cancelToken`, an idempotent payment retry keyed by its request id).
    Idempotent,
    /// The call may move money or change state irreversibly (`pay`, refunds): after an unknown
    /// outcome, query the final state before anything else.
    MovesMoney,
}

/// What to do about a result, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Decision {
    /// The next step.
    pub action: Action,
    /// One sentence of English saying which rule applied.
    pub reason: &'static str,
}

impl Decision {
    const fn new(action: Action, reason: &'static str) -> Decision {
        Decision { action, reason }
    }
}

/// The `result` object of an Alipay+ OpenAPI response.
///
/// Deserialises from the object itself or from the whole response that holds it under
/// `"result"`; other fields of the response are ignored. `resultCode` is required;
/// `resultStatus` and `resultMessage` may be missing. Strings borrow from the input where it has
/// no escapes.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use minierr::alipay_plus::{ApiResult, CallKind, ResultCode, ResultStatus};
/// use minierr::Action;
///
/// let response = r#"{"result":{"resultCode":"PARAM_ILLEGAL","resultStatus":"F","resultMessage":"Illegal parameters."},"extendInfo":"..."}"#;
/// let result: ApiResult = serde_json::from_str(response)?;
/// assert_eq!(result.result_code(), &ResultCode::ParamIllegal);
/// assert_eq!(result.result_status(), Some(ResultStatus::Failed));
/// assert_eq!(result.action(CallKind::Idempotent), Action::FixRequest);
///
/// let bare: ApiResult = serde_json::from_str(r#"{"resultCode":"PAYMENT_IN_PROCESS","resultStatus":"U"}"#)?;
/// assert_eq!(bare.action(CallKind::MovesMoney), Action::Reconcile);
/// assert_eq!(bare.action(CallKind::Idempotent), Action::Retry);
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiResult<'a> {
    pub(crate) result_code: AnyResultCode<'a>,
    pub(crate) result_status: Option<ResultStatus>,
    pub(crate) result_message: Option<Cow<'a, str>>,
}

impl<'a> ApiResult<'a> {
    /// A result from its parts.
    ///
    /// ```
    /// use minierr::alipay_plus::{ApiResult, ResultStatus};
    /// let r = ApiResult::new("SUCCESS", Some(ResultStatus::Success), None);
    /// assert!(r.is_success());
    /// ```
    pub fn new(
        result_code: impl Into<Cow<'a, str>>,
        result_status: Option<ResultStatus>,
        result_message: Option<Cow<'a, str>>,
    ) -> Self {
        ApiResult {
            result_code: AnyResultCode::new(result_code),
            result_status,
            result_message,
        }
    }

    /// The `resultCode`, known or not.
    ///
    /// ```
    /// use minierr::alipay_plus::ApiResult;
    /// assert_eq!(ApiResult::new("PAYMENT_COUNT_EXCEED_LIMIT", None, None).result_code().raw(), "PAYMENT_COUNT_EXCEED_LIMIT");
    /// ```
    #[must_use]
    pub fn result_code(&self) -> &AnyResultCode<'a> {
        &self.result_code
    }

    /// The `resultStatus`, if sent.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ApiResult::new("X", None, None).result_status(), None);
    /// ```
    #[must_use]
    pub fn result_status(&self) -> Option<ResultStatus> {
        self.result_status
    }

    /// The `resultMessage`, if sent.
    ///
    /// ```
    /// assert_eq!(minierr::alipay_plus::ApiResult::new("X", None, Some("m".into())).result_message(), Some("m"));
    /// ```
    #[must_use]
    pub fn result_message(&self) -> Option<&str> {
        self.result_message.as_deref()
    }

    /// Whether `resultStatus` is `S`.
    ///
    /// ```
    /// use minierr::alipay_plus::{ApiResult, ResultStatus};
    /// assert!(!ApiResult::new("SUCCESS", Some(ResultStatus::Unknown), None).is_success());
    /// ```
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.result_status == Some(ResultStatus::Success)
    }

    /// The next step, following the rules in the [module docs](super).
    ///
    /// ```
    /// use minierr::alipay_plus::{ApiResult, CallKind, ResultStatus};
    /// use minierr::Action;
    ///
    /// let throttled = ApiResult::new("REQUEST_TRAFFIC_EXCEED_LIMIT", Some(ResultStatus::Failed), None);
    /// assert_eq!(throttled.action(CallKind::MovesMoney), Action::Backoff);
    /// ```
    #[must_use]
    pub fn action(&self, call: CallKind) -> Action {
        self.decide(call).action
    }

    /// The next step with the reason for it.
    ///
    /// ```
    /// use minierr::alipay_plus::{ApiResult, CallKind, ResultStatus};
    /// use minierr::Action;
    ///
    /// let odd = ApiResult::new("SUCCESS", Some(ResultStatus::from_char('X')), None);
    /// let decision = odd.decide(CallKind::Idempotent);
    /// assert_eq!(decision.action, Action::GiveUp);
    /// assert!(decision.reason.contains("unrecognised resultStatus"));
    /// ```
    #[must_use]
    pub fn decide(&self, call: CallKind) -> Decision {
        let code = self.result_code.known();
        let status = self.result_status;
        if status != Some(ResultStatus::Success) {
            match code {
                Some(ResultCode::RequestTrafficExceedLimit) => {
                    return Decision::new(
                        Action::Backoff,
                        "REQUEST_TRAFFIC_EXCEED_LIMIT means throttling: wait, then retry, whatever the status letter says.",
                    );
                }
                Some(ResultCode::ExpiredAccessToken) => {
                    return Decision::new(
                        Action::Refresh,
                        "EXPIRED_ACCESS_TOKEN: renew the token with applyToken, then retry.",
                    );
                }
                _ => {}
            }
        }
        match status {
            Some(ResultStatus::Success) => {
                Decision::new(Action::Success, "resultStatus S: the call succeeded.")
            }
            Some(ResultStatus::Accepted) => Decision::new(
                Action::Reconcile,
                "resultStatus A: accepted; poll for the final result.",
            ),
            Some(ResultStatus::Unknown) => unknown_outcome(call),
            Some(ResultStatus::Failed) => match code {
                Some(code) if !matches!(code.action(), Action::Retry | Action::Success) => {
                    Decision::new(code.action(), code.remedy_en().unwrap_or_default())
                }
                _ => Decision::new(
                    Action::GiveUp,
                    "resultStatus F: the call failed and the code gives no way forward; do not retry.",
                ),
            },
            Some(ResultStatus::Unrecognized(_)) => Decision::new(
                Action::GiveUp,
                "An unrecognised resultStatus: minierr does not guess whether the call went through.",
            ),
            None => match code {
                Some(code) if code.action() == Action::Retry => unknown_outcome(call),
                Some(code) => Decision::new(code.action(), code.remedy_en().unwrap_or_default()),
                None => Decision::new(
                    Action::GiveUp,
                    "No resultStatus and an API-specific resultCode: nothing says a retry is safe.",
                ),
            },
        }
    }

    /// Decodes a result, bare or under `"result"`, from JSON text; the same as
    /// `serde_json::from_str`. Errors are serde_json's and name the field at fault.
    ///
    /// ```
    /// use minierr::alipay_plus::{ApiResult, ResultCode, ResultStatus};
    ///
    /// let result = ApiResult::from_json_str(
    ///     r#"{"result":{"resultCode":"ACCESS_DENIED","resultStatus":"F","resultMessage":"Access is denied."}}"#,
    /// )?;
    /// assert_eq!(result.result_code(), &ResultCode::AccessDenied);
    /// assert_eq!(result.result_status(), Some(ResultStatus::Failed));
    ///
    /// let err = ApiResult::from_json_str(r#"{"resultCode":7}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid type: integer `7`, expected resultCode as a string"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`ApiResult::from_json_str`] for bytes, which must be UTF-8.
    ///
    /// ```
    /// let result = minierr::alipay_plus::ApiResult::from_json_slice(br#"{"resultCode":"SUCCESS","resultStatus":"S"}"#)?;
    /// assert!(result.is_success());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The same result with owned strings, to outlive the input buffer.
    ///
    /// ```
    /// let owned = minierr::alipay_plus::ApiResult::new(String::from("X"), None, None).into_owned();
    /// assert_eq!(owned.result_code().raw(), "X");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> ApiResult<'static> {
        ApiResult {
            result_code: self.result_code.into_owned(),
            result_status: self.result_status,
            result_message: self.result_message.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

fn unknown_outcome(call: CallKind) -> Decision {
    match call {
        CallKind::Idempotent => Decision::new(
            Action::Retry,
            "resultStatus U: the outcome is unknown; retry the idempotent call with the same request id.",
        ),
        CallKind::MovesMoney => Decision::new(
            Action::Reconcile,
            "resultStatus U: the outcome is unknown and money may have moved; query the final state before trying again.",
        ),
    }
}

impl fmt::Display for ApiResult<'_> {
    /// `PARAM_ILLEGAL (F): Illegal parameters.`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.result_code.raw())?;
        if let Some(status) = self.result_status {
            write!(f, " ({status})")?;
        }
        if let Some(message) = &self.result_message {
            write!(f, ": {message}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiResult<'_> {}

#[cfg(feature = "serde")]
mod serde_impls {
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{AnyResultCode, ApiResult};
    use crate::alipay_plus::ResultStatus;
    use crate::text::{TextSeed, vacant};

    impl Serialize for AnyResultCode<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.raw())
        }
    }

    impl<'de: 'a, 'a> Deserialize<'de> for AnyResultCode<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            crate::text::required(deserializer, "resultCode as a string").map(AnyResultCode::new)
        }
    }

    impl Serialize for ApiResult<'_> {
        /// The bare result object; absent fields are left out.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let len = 1
                + usize::from(self.result_status.is_some())
                + usize::from(self.result_message.is_some());
            let mut map = serializer.serialize_map(Some(len))?;
            map.serialize_entry("resultCode", self.result_code.raw())?;
            if let Some(status) = &self.result_status {
                map.serialize_entry("resultStatus", status)?;
            }
            if let Some(message) = &self.result_message {
                map.serialize_entry("resultMessage", message)?;
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(field_identifier)]
    enum Field {
        #[serde(rename = "result")]
        Result,
        #[serde(rename = "resultCode")]
        ResultCode,
        #[serde(rename = "resultStatus")]
        ResultStatus,
        #[serde(rename = "resultMessage")]
        ResultMessage,
        #[serde(other)]
        Other,
    }

    impl<'de: 'a, 'a> Deserialize<'de> for ApiResult<'a> {
        /// The result object, or a response holding it under `result`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(ResultVisitor(PhantomData))
        }
    }

    struct ResultVisitor<'a>(PhantomData<ApiResult<'a>>);

    impl<'de: 'a, 'a> Visitor<'de> for ResultVisitor<'a> {
        type Value = ApiResult<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(
                "an Alipay+ result object {\"resultCode\":...,\"resultStatus\":...} or a response holding one under \"result\"",
            )
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ApiResult<'a>, A::Error> {
            let mut nested: Option<ApiResult<'a>> = None;
            let mut code: Option<AnyResultCode<'a>> = None;
            let mut status: Option<Option<ResultStatus>> = None;
            let mut message: Option<Option<Cow<'a, str>>> = None;
            while let Some(field) = map.next_key::<Field>()? {
                match field {
                    Field::Result => {
                        vacant(&nested, "result")?;
                        nested = Some(map.next_value()?);
                    }
                    Field::ResultCode => {
                        vacant(&code, "resultCode")?;
                        code = Some(map.next_value()?);
                    }
                    Field::ResultStatus => {
                        vacant(&status, "resultStatus")?;
                        status = Some(map.next_value()?);
                    }
                    Field::ResultMessage => {
                        vacant(&message, "resultMessage")?;
                        message = Some(
                            map.next_value_seed(TextSeed::nullable("resultMessage as a string"))?,
                        );
                    }
                    Field::Other => {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
            }
            match (nested, code) {
                (Some(_), Some(_)) => Err(de::Error::custom(
                    "both a \"result\" object and a top-level resultCode: which one is the result?",
                )),
                (Some(result), None) => Ok(result),
                (None, Some(code)) => Ok(ApiResult {
                    result_code: code,
                    result_status: status.flatten(),
                    result_message: message.flatten(),
                }),
                (None, None) => Err(de::Error::missing_field("resultCode")),
            }
        }
    }
}
