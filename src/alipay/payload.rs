//! The object a failing Alipay JSAPI hands to `fail`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Api, CodeKey, JsapiError};
use crate::text::{TextSeed, vacant};

/// The `error` field as sent: usually a number, sometimes a string (`"already top of
/// navigation"`, or a number in quotes). Kept exactly, so it serialises back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ErrorValue<'a> {
    /// A JSON integer.
    Number(i64),
    /// A JSON string.
    Text(Cow<'a, str>),
}

impl ErrorValue<'_> {
    /// The value as a number: the integer, or a string holding only an integer.
    ///
    /// ```
    /// use minierr::alipay::ErrorValue;
    /// assert_eq!(ErrorValue::Text("14".into()).as_number(), Some(14));
    /// assert_eq!(ErrorValue::Text("already top of navigation".into()).as_number(), None);
    /// ```
    #[must_use]
    pub fn as_number(&self) -> Option<i64> {
        match self {
            ErrorValue::Number(n) => Some(*n),
            ErrorValue::Text(text) => text.trim().parse().ok(),
        }
    }

    fn key(&self) -> CodeKey<'_> {
        match (self.as_number(), self) {
            (Some(n), _) => CodeKey::Number(n),
            (None, ErrorValue::Text(text)) => CodeKey::Text(text.trim()),
            // A number always has as_number(); this arm only satisfies the match.
            (None, ErrorValue::Number(n)) => CodeKey::Number(*n),
        }
    }

    pub(crate) fn into_owned(self) -> ErrorValue<'static> {
        match self {
            ErrorValue::Number(n) => ErrorValue::Number(n),
            ErrorValue::Text(text) => ErrorValue::Text(Cow::Owned(text.into_owned())),
        }
    }
}

impl fmt::Display for ErrorValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorValue::Number(n) => write!(f, "{n}"),
            ErrorValue::Text(text) => f.write_str(text),
        }
    }
}

/// An Alipay JSAPI failure, as `fail` receives it:
/// `{"error": 14, "errorMessage": "JSON parse data error", "status": 13, "data": "..."}`.
///
/// Every field is optional and other fields (`data`, `headers`) are ignored. `my.tradePay`
/// reports `resultCode` instead of `error`; both are read. The Alipay App SDK's `resultStatus`
/// and `memo` are read too, and its `result` where it nests a gateway failure (an object, or
/// JSON in a string): that answer names the cause, so its step is the failure's (with the
/// `json` feature). Strings borrow from the input where it
/// has no escapes, and serialising gives back the fields as they came.
///
/// ```
/// use minierr::alipay::{Api, Fail, JsapiError, TradePayResult};
/// use minierr::Action;
///
/// let fail: Fail = serde_json::from_str(r#"{"resultCode":"6004"}"#)?;
/// let result = fail.error_for(Api::TradePay).unwrap();
/// assert_eq!(result, JsapiError::TradePay(TradePayResult::ResultUnknown));
/// assert_eq!(result.action(), Action::Reconcile);
///
/// // The same number means something else for another API, and nothing for a third.
/// let fail: Fail = serde_json::from_str(r#"{"error":4,"errorMessage":"无权调用该接口。"}"#)?;
/// assert!(matches!(fail.error_for(Api::Request), Some(JsapiError::Request(_))));
/// assert_eq!(fail.error_for(Api::GetRunData), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Fail<'a> {
    pub(crate) error: Option<ErrorValue<'a>>,
    pub(crate) error_message: Option<Cow<'a, str>>,
    pub(crate) result_code: Option<Cow<'a, str>>,
    /// The Alipay App SDK's `resultStatus` (the same codes as `resultCode`), number or text.
    pub(crate) result_status: Option<ErrorValue<'a>>,
    /// The Alipay App SDK's `memo`, its message.
    pub(crate) memo: Option<Cow<'a, str>>,
    pub(crate) status: Option<i64>,
    /// The step of the gateway answer an App SDK result nests in `result`
    /// (`{"alipay_trade_app_pay_response":{"code":"40003",…}}`, an object or a JSON string),
    /// when that answer is a failure: it names the cause the App SDK's own code does not.
    pub(crate) nested_gateway_action: Option<crate::Action>,
}

/// The step of a gateway answer nested in an App SDK result, read as a payment call's: `None`
/// for a success, an answer whose public code the tables do not know, or a `40004` without a
/// sub_code they know.
#[cfg(feature = "json")]
pub(crate) fn nested_failure_action(
    response: &super::gateway::Response<'_>,
) -> Option<crate::Action> {
    match response.public_code() {
        None | Some(super::gateway::Code::Success) => None,
        Some(_) => response.action(crate::CallKind::MovesMoney),
    }
}

impl<'a> Fail<'a> {
    /// A failure from its `error` and `errorMessage`.
    ///
    /// ```
    /// use minierr::alipay::{Api, ErrorValue, Fail, JsapiError, NavigationError};
    /// let fail = Fail::new(None, Some("can not find page:pages/a/b when execute navigateTo for url /pages/a/b".into()));
    /// assert_eq!(fail.error_for(Api::NavigateTo), Some(JsapiError::Navigation(Api::NavigateTo, NavigationError::PageNotFound)));
    /// ```
    #[must_use]
    pub fn new(error: Option<ErrorValue<'a>>, error_message: Option<Cow<'a, str>>) -> Self {
        Fail {
            error,
            error_message,
            ..Fail::default()
        }
    }

    /// `error`, exactly as sent.
    #[must_use]
    pub fn error(&self) -> Option<&ErrorValue<'a>> {
        self.error.as_ref()
    }

    /// `errorMessage`, if sent.
    #[must_use]
    pub fn error_message(&self) -> Option<&str> {
        self.error_message.as_deref()
    }

    /// `resultCode` (`my.tradePay`), if sent.
    #[must_use]
    pub fn result_code(&self) -> Option<&str> {
        self.result_code.as_deref()
    }

    /// `status` (an HTTP-like status some APIs add), if sent.
    #[must_use]
    pub fn status(&self) -> Option<i64> {
        self.status
    }

    /// The catalog failure this payload reports for `api`: chosen by code (`error`, or
    /// `resultCode` for `my.tradePay`) and, where the code has several meanings, by
    /// `errorMessage` (N22104 against N22106, a page path in a navigation template). Without a
    /// code, the message alone must name one meaning. `None` when the code is not this API's, or
    /// the message does not decide; the raw fields are still here.
    ///
    /// ```
    /// use minierr::alipay::{Api, Fail, JsapiError, GetPhoneNumberError};
    /// let fail: Fail = serde_json::from_str(r#"{"error":40001,"errorMessage":"缺少加密配置"}"#)?;
    /// assert_eq!(
    ///     fail.error_for(Api::GetPhoneNumber),
    ///     Some(JsapiError::GetPhoneNumber(GetPhoneNumberError::EncryptionConfigMissing))
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn error_for(&self, api: Api) -> Option<JsapiError> {
        api.resolve(self.code_key(), self.message())
    }

    /// The code as the catalog looks it up: `error`, or `resultCode` for `my.tradePay`.
    fn code_key(&self) -> Option<CodeKey<'_>> {
        match (&self.error, &self.result_code) {
            (Some(error), _) => Some(error.key()),
            (None, Some(result_code)) => Some(
                result_code
                    .trim()
                    .parse()
                    .map_or(CodeKey::Text(result_code.trim()), CodeKey::Number),
            ),
            (None, None) => self.result_status.as_ref().map(ErrorValue::key),
        }
    }

    /// The message resolution reads: `errorMessage`, or the App SDK's `memo`.
    fn message(&self) -> Option<&str> {
        self.error_message
            .as_deref()
            .or(self.memo.as_deref().filter(|m| !m.is_empty()))
    }

    /// The Alipay App SDK's `resultStatus`, as sent; it uses `my.tradePay`'s codes.
    ///
    /// ```
    /// use minierr::alipay::{Api, Fail, JsapiError, TradePayResult};
    /// let fail: Fail = serde_json::from_str(r#"{"resultStatus":6001,"result":"","memo":"用户取消"}"#)?;
    /// assert_eq!(fail.result_status().map(|s| s.to_string()), Some("6001".to_owned()));
    /// assert_eq!(fail.error_for(Api::TradePay), Some(JsapiError::TradePay(TradePayResult::UserCancelled)));
    /// assert_eq!(fail.infer_api(), Some(Api::TradePay));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn result_status(&self) -> Option<&ErrorValue<'a>> {
        self.result_status.as_ref()
    }

    /// The Alipay App SDK's `memo`, if sent.
    #[must_use]
    pub fn memo(&self) -> Option<&str> {
        self.memo.as_deref()
    }

    /// The APIs whose catalog may fit: those listing the number, or every API for a text code
    /// or none (a text code may be a message, and a message may be any API's).
    fn apis_to_try(&self) -> impl Iterator<Item = Api> + use<> {
        let listed = match self.code_key() {
            Some(CodeKey::Number(n)) => Some(super::generated::apis_with_code(n)),
            _ => None,
        };
        let all = if listed.is_none() { usize::MAX } else { 0 };
        listed
            .unwrap_or_default()
            .iter()
            .copied()
            .chain(Api::all().take(all))
    }

    /// Every API whose catalog has a failure matching this payload; useful when the API is not
    /// known.
    ///
    /// ```
    /// use minierr::alipay::{Api, Fail};
    /// let fail: Fail = serde_json::from_str(r#"{"error":40006,"errorMessage":"ISV权限不足"}"#)?;
    /// let apis: Vec<Api> = fail.candidate_apis().collect();
    /// assert_eq!(apis, [Api::GetPhoneNumber, Api::GetOpenUserInfo]);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn candidate_apis(&self) -> impl Iterator<Item = Api> + '_ {
        self.apis_to_try()
            .filter(|api| self.error_for(*api).is_some())
    }

    /// The one API this payload can have come from, when the caller does not know it: the only
    /// API whose catalog has the code, or, when several do, the only one where the message
    /// names the code's own row. `None` when that leaves no API or more than one, and when the
    /// message names another row than the code's: a message that contradicts the code decides
    /// nothing.
    ///
    /// ```
    /// use minierr::alipay::{Api, Fail};
    /// // 13 exists for my.request and my.uploadFile; only my.request's 13 says 超时。
    /// let fail: Fail = serde_json::from_str(r#"{"error":13,"errorMessage":"超时。"}"#)?;
    /// assert_eq!(fail.infer_api(), Some(Api::Request));
    /// // N22104 under 4 exists for four APIs: the payload cannot say which.
    /// let fail: Fail = serde_json::from_str(r#"{"error":4,"errorMessage":"无权限调（N22104）。"}"#)?;
    /// assert_eq!(fail.infer_api(), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn infer_api(&self) -> Option<Api> {
        self.infer().map(|(api, _)| api)
    }

    /// [`Fail::infer_api`] with the failure it resolves to, found in the same pass.
    pub(crate) fn infer(&self) -> Option<(Api, JsapiError)> {
        // The message is tried on every API: normalised once, for all of them.
        match self.message() {
            Some(message) => crate::normalize::with_normal(message, |normal| {
                self.infer_normal(Some(&super::code::NormalMessage::new(normal)))
            })
            .unwrap_or_else(|| self.infer_normal(None)),
            None => self.infer_normal(None),
        }
    }

    /// [`Fail::infer`] with the message in normal form (`None`: none, or one too long to name
    /// anything).
    fn infer_normal(
        &self,
        normal: Option<&super::code::NormalMessage<'_>>,
    ) -> Option<(Api, JsapiError)> {
        // Without a code only the message can name an API.
        let Some(code) = self.code_key() else {
            return normal?.names_one_api();
        };
        let mut fitting = self
            .apis_to_try()
            .filter_map(|api| Some((api, api.resolve_normal(Some(code), normal)?)));
        let first = fitting.next()?;
        let Some(second) = fitting.next() else {
            // One API has the code: its row stands, unless the message names another of its rows.
            let (api, error) = first;
            let other_row = normal
                .and_then(|normal| api.resolve_normal(None, Some(normal)))
                .is_some_and(|named| named != error);
            return (!other_row).then_some(first);
        };
        // The code fits several APIs: the message must name exactly one of them, and name
        // there the very row the code gives (`{"error":10,"errorMessage":"未知错误"}` names
        // my.sendSocketMessage's 1, not its 10).
        let normal = normal?;
        let mut named = [first, second]
            .into_iter()
            .chain(fitting)
            .filter(|&(api, error)| api.resolve_normal(None, Some(normal)) == Some(error));
        let one = named.next()?;
        named.next().is_none().then_some(one)
    }

    /// The next step when the payload fits several APIs and names none of them alone: the
    /// step every fitting API's row agrees on, counting only APIs whose catalog has the code
    /// and where the message names the code's own row. `None` without a code or a message, or
    /// when the rows differ: the code alone, or a message alone, proves nothing.
    #[cfg(feature = "json")]
    pub(crate) fn agreed_action(&self) -> Option<crate::Action> {
        let code = Some(self.code_key()?);
        let message = self.message()?;
        crate::normalize::with_normal(message, |normal| {
            let normal = super::code::NormalMessage::new(normal);
            // The message must name, on each API, the row the code gives there.
            let mut actions = self
                .apis_to_try()
                .filter_map(|api| {
                    let error = api.resolve_normal(code, Some(&normal))?;
                    (api.resolve_normal(None, Some(&normal)) == Some(error)).then_some(error)
                })
                .map(JsapiError::action);
            let first = actions.next()?;
            actions.all(|a| a == first).then_some(first)
        })
        .flatten()
    }

    /// Decodes a fail object from JSON text; the same as `serde_json::from_str`. Errors are
    /// serde_json's and name the field at fault.
    ///
    /// ```
    /// use minierr::alipay::{Api, Fail};
    ///
    /// let fail = Fail::from_json_str(r#"{"error":14,"errorMessage":"JSON parse data error","status":13}"#)?;
    /// assert_eq!(fail.error_for(Api::Request).map(|e| e.code()), Some("14"));
    ///
    /// let err = Fail::from_json_str(r#"{"error":[14]}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid type: sequence, expected error as a 64-bit integer or a string"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Fail::from_json_str`] for bytes, which must be UTF-8.
    ///
    /// ```
    /// let fail = minierr::alipay::Fail::from_json_slice(br#"{"resultCode":"6001"}"#)?;
    /// assert_eq!(fail.result_code(), Some("6001"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The same failure with owned strings.
    pub fn into_owned(self) -> Fail<'static> {
        Fail {
            error: self.error.map(ErrorValue::into_owned),
            error_message: self.error_message.map(|m| Cow::Owned(m.into_owned())),
            result_code: self.result_code.map(|c| Cow::Owned(c.into_owned())),
            result_status: self.result_status.map(ErrorValue::into_owned),
            memo: self.memo.map(|m| Cow::Owned(m.into_owned())),
            status: self.status,
            nested_gateway_action: self.nested_gateway_action,
        }
    }
}

impl fmt::Display for Fail<'_> {
    /// The fields as a log line reads them: `error 14: JSON parse data error (status 13)`,
    /// `resultCode 6001`.
    ///
    /// ```
    /// let fail: minierr::alipay::Fail = serde_json::from_str(r#"{"error":14,"errorMessage":"JSON parse data error","status":13}"#)?;
    /// assert_eq!(fail.to_string(), "error 14: JSON parse data error (status 13)");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut gap = "";
        if let Some(error) = &self.error {
            write!(f, "error {error}")?;
            gap = " ";
        }
        if let Some(code) = &self.result_code {
            write!(f, "{gap}resultCode {code}")?;
            gap = " ";
        }
        match (&self.error_message, gap) {
            (Some(message), "") => f.write_str(message)?,
            (Some(message), _) => write!(f, ": {message}")?,
            (None, "") => f.write_str("Alipay fail object without error or errorMessage")?,
            (None, _) => {}
        }
        match self.status {
            Some(status) => write!(f, " (status {status})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Fail<'_> {}

impl Serialize for ErrorValue<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ErrorValue::Number(n) => serializer.serialize_i64(*n),
            ErrorValue::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for ErrorValue<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ErrorVisitor<'a>(PhantomData<&'a str>);

        impl<'de: 'a, 'a> Visitor<'de> for ErrorVisitor<'a> {
            type Value = ErrorValue<'a>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("error as a 64-bit integer or a string")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(ErrorValue::Number(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v)
                    .map(ErrorValue::Number)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(ErrorValue::Text(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(ErrorValue::Text(Cow::Owned(v.to_owned())))
            }
        }

        deserializer.deserialize_any(ErrorVisitor(PhantomData))
    }
}

impl Serialize for Fail<'_> {
    /// The fields that were present, under their wire names.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(error) = &self.error {
            map.serialize_entry("error", error)?;
        }
        if let Some(message) = &self.error_message {
            map.serialize_entry("errorMessage", message)?;
        }
        if let Some(status) = &self.status {
            map.serialize_entry("status", status)?;
        }
        if let Some(result_code) = &self.result_code {
            map.serialize_entry("resultCode", result_code)?;
        }
        if let Some(result_status) = &self.result_status {
            map.serialize_entry("resultStatus", result_status)?;
        }
        if let Some(memo) = &self.memo {
            map.serialize_entry("memo", memo)?;
        }
        map.end()
    }
}

#[derive(Deserialize)]
#[serde(field_identifier)]
enum Field {
    #[serde(rename = "error")]
    Error,
    #[serde(rename = "errorMessage")]
    ErrorMessage,
    #[serde(rename = "resultCode")]
    ResultCode,
    #[serde(rename = "status")]
    Status,
    #[serde(rename = "resultStatus")]
    ResultStatus,
    #[serde(rename = "memo")]
    Memo,
    #[serde(rename = "result")]
    Result,
    #[serde(other)]
    Other,
}

/// An App SDK result's `result`: the step of the gateway answer it nests, as an object or as
/// JSON in a string (Android's SDK sends the latter). Whatever else it holds (an empty string,
/// a form's key-value text, an answer this reader cannot take) gives no step, and is no error:
/// it is the App SDK's own field, not the payload's.
struct NestedResult(Option<crate::Action>);

impl<'de> Deserialize<'de> for NestedResult {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[cfg(feature = "json")]
        {
            let value = serde_json::Value::deserialize(deserializer)?;
            let action = match &value {
                serde_json::Value::Object(_) => super::gateway::Response::deserialize(&value)
                    .ok()
                    .and_then(|r| nested_failure_action(&r)),
                serde_json::Value::String(text) if text.trim_start().starts_with('{') => {
                    super::gateway::Response::from_json_str(text)
                        .ok()
                        .and_then(|r| nested_failure_action(&r))
                }
                _ => None,
            };
            Ok(NestedResult(action))
        }
        #[cfg(not(feature = "json"))]
        {
            crate::text::Skip::deserialize(deserializer).map(|_| NestedResult(None))
        }
    }
}

/// `status`: an integer or one in a string.
struct Status(i64);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "status as a 64-bit integer, or one in a string",
        )
        .map(Status)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Fail<'a> {
    /// A JSON object; every error names the field at fault.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FailVisitor(PhantomData))
    }
}

struct FailVisitor<'a>(PhantomData<Fail<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for FailVisitor<'a> {
    type Value = Fail<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an Alipay fail object such as {\"error\":14,\"errorMessage\":\"...\"}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fail<'a>, A::Error> {
        let mut error: Option<Option<ErrorValue<'a>>> = None;
        let mut error_message: Option<Option<Cow<'a, str>>> = None;
        let mut result_code: Option<Option<Cow<'a, str>>> = None;
        let mut result_status: Option<Option<ErrorValue<'a>>> = None;
        let mut memo: Option<Option<Cow<'a, str>>> = None;
        let mut status: Option<Option<i64>> = None;
        let mut nested_gateway_action = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Error => {
                    vacant(&error, "error")?;
                    error = Some(map.next_value()?);
                }
                Field::ErrorMessage => {
                    vacant(&error_message, "errorMessage")?;
                    error_message =
                        Some(map.next_value_seed(TextSeed::nullable("errorMessage as a string"))?);
                }
                Field::ResultCode => {
                    vacant(&result_code, "resultCode")?;
                    result_code =
                        Some(map.next_value_seed(TextSeed::nullable("resultCode as a string"))?);
                }
                Field::Status => {
                    vacant(&status, "status")?;
                    status = Some(map.next_value::<Option<Status>>()?.map(|s| s.0));
                }
                Field::ResultStatus => {
                    vacant(&result_status, "resultStatus")?;
                    result_status = Some(map.next_value::<Option<ErrorValue<'a>>>()?);
                }
                Field::Memo => {
                    vacant(&memo, "memo")?;
                    memo = Some(map.next_value_seed(TextSeed::nullable("memo as a string"))?);
                }
                Field::Result => {
                    nested_gateway_action = map.next_value::<NestedResult>()?.0;
                }
                Field::Other => {
                    map.next_value::<crate::text::Skip>()?;
                }
            }
        }
        let fail = Fail {
            error: error.flatten(),
            error_message: error_message.flatten(),
            result_code: result_code.flatten(),
            result_status: result_status.flatten(),
            memo: memo.flatten(),
            status: status.flatten(),
            nested_gateway_action,
        };
        Ok(fail)
    }
}
