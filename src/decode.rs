//! One entry point for any fail payload: recognise the platform from the payload's shape, decode
//! it with that platform's own type, and give one common view of the result.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use crate::alipay::{self, Api, JsapiError};
use crate::open_platform;
use crate::openapi::{self, CallKind, ResultStatus};
use crate::wx::{self, Category, Subcategory};
use crate::{Action, Platform};

/// What the caller knows that the payload does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    pub(crate) alipay_api: Option<Api>,
    pub(crate) call_kind: CallKind,
}

impl Default for DecodeOptions {
    /// No Alipay API, and Alipay+ calls treated as moving money: an unknown outcome is
    /// reconciled, never blindly retried.
    fn default() -> Self {
        DecodeOptions {
            alipay_api: None,
            call_kind: CallKind::MovesMoney,
        }
    }
}

impl DecodeOptions {
    /// The defaults.
    #[must_use]
    pub fn new() -> Self {
        DecodeOptions::default()
    }

    /// The Alipay JSAPI that produced the payload, which decides what its code means.
    #[must_use]
    pub fn alipay_api(mut self, api: Api) -> Self {
        self.alipay_api = Some(api);
        self
    }

    /// Whether an Alipay+ call is safe to repeat; see [`openapi::ApiResult::decide`].
    #[must_use]
    pub fn call_kind(mut self, call_kind: CallKind) -> Self {
        self.call_kind = call_kind;
        self
    }
}

/// Why a payload could not be decoded. Every variant says what was wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The input is neither a JSON object nor a JSON string.
    #[error("not a JSON object or string: {0}")]
    NotAnObject(#[source] serde_json::Error),
    /// The input is a JSON string that is no message minierr recognises.
    #[error(
        "the text is no failure message minierr recognises (an api:fail errMsg, a WeChat Cloud \
         Error text or message, an Alipay errorMessage, the Alipay gateway's error page or an \
         SDK's gateway error): {text:?}"
    )]
    UnknownText {
        /// The text, cut to its first 120 characters.
        text: String,
    },
    /// The object has none of the fields that identify a platform.
    #[error(
        "the object fits no known platform: expected errMsg/errno (wechat), errcode/errmsg \
         (wechat_server), error/errorMessage or resultStatus with memo (alipay), sub_code or a \
         *_response wrapper (alipay_gateway), resultCode with resultStatus or result \
         (alipayplus), or code with msg/message (open_platform); found keys {keys:?}"
    )]
    UnknownShape {
        /// The object's keys (the first 16).
        keys: Vec<String>,
    },
    /// The object has the fields of several platforms at once.
    #[error(
        "the object fits several platforms ({}); name one: decode_as, or --platform on the command line",
        join(.platforms)
    )]
    AmbiguousShape {
        /// The platforms it fits.
        platforms: Vec<Platform>,
    },
    /// The object has a platform's shape but a field of the wrong type.
    #[error("{platform} payload: {source}")]
    Invalid {
        /// The platform the shape pointed to.
        platform: Platform,
        /// What was wrong, naming the field.
        #[source]
        source: serde_json::Error,
    },
}

fn join(platforms: &[Platform]) -> String {
    platforms
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A decoded payload, whatever its platform. Match on it to reach the platform's typed value, or
/// use the common view (`code`, `action`, messages) that every platform shares.
///
/// ```
/// use minierr::{decode_str, Action, Diagnosis, Platform};
///
/// let d = decode_str(r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#)?;
/// assert_eq!(d.platform(), Platform::Wechat);
/// assert_eq!(d.action(), Some(Action::FixConfig));
/// if let Diagnosis::Wx(fail) = &d {
///     assert_eq!(fail.api(), Some("request"));
/// }
/// # Ok::<(), minierr::DecodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Diagnosis<'a> {
    /// A WeChat fail object.
    Wx(wx::Fail<'a>),
    /// An Alipay JSAPI fail object, with the API if it is known.
    Alipay(AlipayDiagnosis<'a>),
    /// An Alipay+ OpenAPI result, with the call kind used for its action.
    AlipayPlus(openapi::ApiResult<'a>, CallKind),
    /// An open-platform response body.
    OpenPlatform(open_platform::Response<'a>),
    /// A WeChat server API response.
    WxServer(wx::server::Response<'a>),
    /// A WeChat Cloud failure.
    WxCloud(wx::cloud::Fail<'a>),
    /// An Alipay open-API gateway answer, with the call kind used when it names no method.
    AlipayGateway(alipay::gateway::Response<'a>, CallKind),
}

impl fmt::Display for Diagnosis<'_> {
    /// One line: the platform, the code as sent, the catalog's name and English message where
    /// it knows the code, and the action.
    ///
    /// ```
    /// let d = minierr::decode_str(r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#)?;
    /// assert_eq!(
    ///     d.to_string(),
    ///     "wechat 600002 UrlNotInDomainList: The URL's domain is not in the mini program's list of trusted domains (fix_config)"
    /// );
    /// let d = minierr::decode_str(r#"{"code":4999,"msg":"新错误"}"#)?;
    /// assert_eq!(d.to_string(), "open_platform 4999 (not in the catalog): 新错误");
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.platform())?;
        if let Some(code) = self.code() {
            write!(f, " {code}")?;
        }
        match (self.name(), self.message_en()) {
            (Some(name), Some(message)) => write!(f, " {name}: {message}")?,
            (Some(name), None) => write!(f, " {name}")?,
            (None, _) => {
                f.write_str(" (not in the catalog)")?;
                if let Some(message) = self.message() {
                    write!(f, ": {message}")?;
                }
            }
        }
        match self.action() {
            Some(action) => write!(f, " ({action})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Diagnosis<'_> {}

/// An Alipay JSAPI failure and what it resolves to.
#[derive(Clone, Debug, PartialEq)]
pub struct AlipayDiagnosis<'a> {
    fail: alipay::Fail<'a>,
    api: Option<Api>,
    error: Option<JsapiError>,
}

impl<'a> AlipayDiagnosis<'a> {
    pub(crate) fn new(fail: alipay::Fail<'a>, api: Option<Api>) -> Self {
        let (api, error) = match api {
            Some(api) => (Some(api), fail.error_for(api)),
            None => fail
                .infer()
                .map_or((None, None), |(api, error)| (Some(api), Some(error))),
        };
        AlipayDiagnosis { fail, api, error }
    }

    /// The payload.
    #[must_use]
    pub fn fail(&self) -> &alipay::Fail<'a> {
        &self.fail
    }

    /// The API, as given or as the only one whose catalog fits.
    #[must_use]
    pub fn api(&self) -> Option<Api> {
        self.api
    }

    /// The catalog failure, if the API is known and its catalog has the code.
    #[must_use]
    pub fn error(&self) -> Option<JsapiError> {
        self.error
    }

    /// Every API whose catalog fits the payload; more than one means the API must be given.
    pub fn candidate_apis(&self) -> impl Iterator<Item = Api> + '_ {
        self.fail.candidate_apis()
    }

    fn raw_code(&self) -> Option<RawCode<'_>> {
        match (self.fail.error(), self.fail.result_code()) {
            (Some(alipay::ErrorValue::Number(n)), _) => Some(RawCode::Number(*n)),
            (Some(alipay::ErrorValue::Text(t)), _) => Some(RawCode::Text(t)),
            (None, Some(code)) => Some(RawCode::Text(code)),
            (None, None) => self.fail.result_status().map(|status| match status {
                alipay::ErrorValue::Number(n) => RawCode::Number(*n),
                alipay::ErrorValue::Text(t) => RawCode::Text(t),
            }),
        }
    }
}

/// A code as the platform sent it: a number, or text (Alipay+ `resultCode`, an Alipay `error`
/// string).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RawCode<'d> {
    /// A number.
    Number(i64),
    /// Text.
    Text(&'d str),
}

impl fmt::Display for RawCode<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Number(n) => write!(f, "{n}"),
            RawCode::Text(t) => f.write_str(t),
        }
    }
}

impl Diagnosis<'_> {
    /// The platform.
    #[must_use]
    pub fn platform(&self) -> Platform {
        match self {
            Diagnosis::Wx(_) => Platform::Wechat,
            Diagnosis::Alipay(_) => Platform::Alipay,
            Diagnosis::AlipayPlus(..) => Platform::AlipayPlus,
            Diagnosis::OpenPlatform(_) => Platform::OpenPlatform,
            Diagnosis::WxServer(_) => Platform::WechatServer,
            Diagnosis::WxCloud(_) => Platform::WechatCloud,
            Diagnosis::AlipayGateway(..) => Platform::AlipayGateway,
        }
    }

    /// The API, where the payload or the caller names it: WeChat's from errMsg, Alipay's as
    /// given or inferred, the Alipay gateway's as its wrapper key spells it
    /// (`alipay_trade_query`; see [`Diagnosis::api_name`]).
    pub fn api(&self) -> Option<&str> {
        match self {
            Diagnosis::Wx(fail) => fail.api(),
            Diagnosis::WxCloud(fail) => fail.api(),
            Diagnosis::Alipay(d) => d.api.map(Api::name),
            Diagnosis::AlipayGateway(response, _) => response
                .method_key()
                .and_then(|k| k.strip_suffix("_response"))
                .filter(|k| *k != "error"),
            Diagnosis::AlipayPlus(..) | Diagnosis::OpenPlatform(_) | Diagnosis::WxServer(_) => None,
        }
    }

    /// [`Diagnosis::api`] as a name: for the Alipay gateway, the method dotted
    /// (`alipay.trade.query`) instead of the wrapper key's spelling.
    ///
    /// ```
    /// let d = minierr::decode_str(r#"{"alipay_trade_query_response":{"code":"10000","msg":"Success"}}"#)?;
    /// assert_eq!(d.api(), Some("alipay_trade_query"));
    /// assert_eq!(d.api_name().as_deref(), Some("alipay.trade.query"));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn api_name(&self) -> Option<Cow<'_, str>> {
        match self {
            Diagnosis::AlipayGateway(response, _) => response.method().map(Cow::Owned),
            other => other.api().map(Cow::Borrowed),
        }
    }

    /// The code exactly as sent; `None` if the payload has none.
    #[must_use]
    pub fn raw_code(&self) -> Option<RawCode<'_>> {
        match self {
            Diagnosis::Wx(fail) => fail.errno().map(|c| RawCode::Number(i64::from(c.raw()))),
            Diagnosis::Alipay(d) => d.raw_code(),
            Diagnosis::AlipayPlus(result, _) => Some(RawCode::Text(result.result_code().raw())),
            Diagnosis::OpenPlatform(response) => Some(RawCode::Number(response.code().raw())),
            Diagnosis::WxServer(response) => {
                response.errcode_sent().map(|c| RawCode::Number(c.raw()))
            }
            Diagnosis::WxCloud(fail) => fail.code().map(|c| RawCode::Number(c.raw())),
            Diagnosis::AlipayGateway(response, _) => response.code().map(|c| match c {
                alipay::ErrorValue::Number(n) => RawCode::Number(*n),
                alipay::ErrorValue::Text(t) => RawCode::Text(t),
            }),
        }
    }

    /// The code for reports: as sent or, for a payload without one (a WeChat errMsg alone, an
    /// Alipay errorMessage alone), the one its message identifies.
    #[must_use]
    pub fn code(&self) -> Option<RawCode<'_>> {
        match self {
            Diagnosis::Wx(fail) => fail
                .resolved_errno()
                .map(|c| RawCode::Number(i64::from(c.raw()))),
            Diagnosis::Alipay(d) => d.raw_code().or_else(|| {
                d.error.map(|e| match e.code().parse() {
                    Ok(n) => RawCode::Number(n),
                    Err(_) => RawCode::Text(e.code()),
                })
            }),
            Diagnosis::WxServer(response) => response
                .resolved_errcode()
                .map(|c| RawCode::Number(c.raw())),
            Diagnosis::WxCloud(fail) => fail.resolved_code().map(|c| RawCode::Number(c.raw())),
            other => other.raw_code(),
        }
    }

    /// The code inside the code, as sent: for WeChat Cloud the code a wrapper carries in its
    /// message (`-404011` wrapping `-504002`), for the Alipay gateway `sub_code`; `None`
    /// elsewhere.
    ///
    /// ```
    /// use minierr::{decode_str, RawCode};
    /// let d = decode_str(r#""errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail cloud function service error code -504002, error message boom""#)?;
    /// assert_eq!((d.code(), d.sub_code()), (Some(RawCode::Number(-404011)), Some(RawCode::Number(-504002))));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn sub_code(&self) -> Option<RawCode<'_>> {
        match self {
            Diagnosis::WxCloud(fail) => fail.sub_code().map(|c| RawCode::Number(c.raw())),
            Diagnosis::AlipayGateway(response, _) => response.sub_code_sent().map(RawCode::Text),
            _ => None,
        }
    }

    /// WeChat's legacy per-API `errCode`, as sent; `None` elsewhere.
    ///
    /// ```
    /// let d = minierr::decode_str(r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001}"#)?;
    /// assert_eq!(d.err_code(), Some(10001));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn err_code(&self) -> Option<i64> {
        match self {
            Diagnosis::Wx(fail) => fail.err_code(),
            _ => None,
        }
    }

    /// Whether the catalog knows the code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.name().is_some()
    }

    /// The catalog variant's name, if the code is known.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Wx(fail) => wx_known(fail).map(WxKnown::name),
            Diagnosis::Alipay(d) => d.error.map(JsapiError::name),
            Diagnosis::AlipayPlus(result, _) => {
                result.result_code().known().map(openapi::ResultCode::name)
            }
            Diagnosis::OpenPlatform(response) => {
                response.code().known().map(open_platform::Code::name)
            }
            Diagnosis::WxServer(response) => server_code(response).map(wx::server::Errcode::name),
            Diagnosis::WxCloud(fail) => cloud_code(fail).map(wx::cloud::Code::name),
            Diagnosis::AlipayGateway(response, _) => response
                .resolved_sub_code()
                .map(alipay::gateway::SubCode::name)
                .or_else(|| {
                    response
                        .public_code()
                        .filter(|c| {
                            *c == alipay::gateway::Code::Success || response.sub_code().is_none()
                        })
                        .map(alipay::gateway::Code::name)
                }),
        }
    }

    /// The platform's own message as sent: errMsg, errorMessage, resultMessage or msg.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match self {
            Diagnosis::Wx(fail) => Some(fail.err_msg()),
            Diagnosis::Alipay(d) => d.fail.error_message(),
            Diagnosis::AlipayPlus(result, _) => result.result_message(),
            Diagnosis::OpenPlatform(response) => response.message(),
            Diagnosis::WxServer(response) => response.errmsg(),
            Diagnosis::WxCloud(fail) => Some(fail.err_msg()),
            Diagnosis::AlipayGateway(response, _) => response.sub_msg().or(response.msg()),
        }
    }

    /// The reason in the platform's message, without what only identifies the call: the part
    /// after `api:fail` (innermost, for nested failures), a Cloud text's innermost message
    /// without its call ID and trace, a server errmsg without its `rid` and hints, the gateway's
    /// `sub_msg` (else `msg`), and elsewhere the message as sent. What a log summary groups by.
    ///
    /// ```
    /// let d = minierr::decode_str(r#"{"errcode":40029,"errmsg":"invalid code, rid: 65c17d8c-5cf05990-781aabe9"}"#)?;
    /// assert_eq!(d.reason(), Some("invalid code"));
    /// let d = minierr::decode_str(r#""request:fail -118:net::ERR_CONNECTION_TIMED_OUT""#)?;
    /// assert_eq!(d.reason(), Some("-118:net::ERR_CONNECTION_TIMED_OUT"));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        let reason = match self {
            Diagnosis::Wx(fail) => fail.reason(),
            Diagnosis::WxCloud(fail) => fail.reason(),
            Diagnosis::WxServer(response) => response.reason(),
            other => other.message()?,
        };
        Some(reason).filter(|r| !r.is_empty())
    }

    /// The catalog's Chinese description of the code.
    pub fn message_zh(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Wx(fail) => wx_known(fail)
                .map(WxKnown::message_zh)
                .filter(|m| !m.is_empty()),
            Diagnosis::Alipay(d) => d.error.map(JsapiError::message_zh),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .map(openapi::ResultCode::message_zh),
            Diagnosis::OpenPlatform(response) => {
                response.code().known().map(open_platform::Code::message_zh)
            }
            Diagnosis::WxServer(response) => {
                server_code(response).map(wx::server::Errcode::message_zh)
            }
            Diagnosis::WxCloud(fail) => cloud_code(fail)
                .map(wx::cloud::Code::message_zh)
                .filter(|m| !m.is_empty()),
            Diagnosis::AlipayGateway(response, _) => gateway_meaning(response)
                .map(alipay::gateway::Meaning::message_zh)
                .or_else(|| {
                    response
                        .public_code()
                        .map(alipay::gateway::Code::message_zh)
                }),
        }
    }

    /// The catalog's English description of the code.
    pub fn message_en(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Wx(fail) => wx_known(fail).map(WxKnown::message_en),
            Diagnosis::Alipay(d) => d.error.map(JsapiError::message_en),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .map(openapi::ResultCode::result_message),
            Diagnosis::OpenPlatform(response) => {
                response.code().known().map(open_platform::Code::message_en)
            }
            Diagnosis::WxServer(response) => {
                server_code(response).map(wx::server::Errcode::message_en)
            }
            Diagnosis::WxCloud(fail) => cloud_code(fail).map(wx::cloud::Code::message_en),
            Diagnosis::AlipayGateway(response, _) => gateway_meaning(response)
                .map(alipay::gateway::Meaning::message_en)
                .or_else(|| {
                    response
                        .public_code()
                        .map(alipay::gateway::Code::message_en)
                }),
        }
    }

    /// The remedy in Chinese, where the catalog has one (Alipay JSAPI, Alipay+).
    pub fn remedy_zh(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Alipay(d) => d.error.and_then(JsapiError::remedy_zh),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .and_then(openapi::ResultCode::remedy_zh),
            Diagnosis::AlipayGateway(response, _) => {
                gateway_meaning(response).and_then(alipay::gateway::Meaning::remedy_zh)
            }
            Diagnosis::Wx(_)
            | Diagnosis::OpenPlatform(_)
            | Diagnosis::WxServer(_)
            | Diagnosis::WxCloud(_) => None,
        }
    }

    /// The remedy in English, where the catalog has one.
    pub fn remedy_en(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Alipay(d) => d.error.and_then(JsapiError::remedy_en),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .and_then(openapi::ResultCode::remedy_en),
            Diagnosis::Wx(_)
            | Diagnosis::OpenPlatform(_)
            | Diagnosis::WxServer(_)
            | Diagnosis::WxCloud(_)
            | Diagnosis::AlipayGateway(..) => None,
        }
    }

    /// Alipay+ `resultStatus`.
    #[must_use]
    pub fn status(&self) -> Option<ResultStatus> {
        match self {
            Diagnosis::AlipayPlus(result, _) => result.result_status(),
            _ => None,
        }
    }

    /// WeChat errno category, known code or not.
    pub fn category(&self) -> Option<Category> {
        match self {
            Diagnosis::Wx(fail) => fail.resolved_errno().map(wx::AnyErrno::category),
            _ => None,
        }
    }

    /// WeChat errno subcategory, known code or not.
    pub fn subcategory(&self) -> Option<Subcategory> {
        match self {
            Diagnosis::Wx(fail) => fail.resolved_errno().map(wx::AnyErrno::subcategory),
            _ => None,
        }
    }

    /// The next step, where minierr can tell. Alipay+ results always get one (the status decides
    /// when the code cannot); other codes outside the catalogs get `None`.
    pub fn action(&self) -> Option<Action> {
        match self {
            Diagnosis::Wx(fail) => fail.action(),
            Diagnosis::Alipay(d) => d.error.map(JsapiError::action),
            Diagnosis::AlipayPlus(result, call_kind) => Some(result.action(*call_kind)),
            Diagnosis::OpenPlatform(response) => response.action(),
            Diagnosis::WxServer(response) => response.action(),
            Diagnosis::WxCloud(fail) => fail.action(),
            Diagnosis::AlipayGateway(response, call_kind) => response.action(*call_kind),
        }
    }

    /// The class of a WeChat or WeChat Cloud reason that named no code, when
    /// [`Diagnosis::action`] comes from it rather than from a code; `None` otherwise, and for
    /// every other platform.
    ///
    /// ```
    /// use minierr::{decode_str, wx::ReasonClass, Action};
    /// let d = decode_str(r#""request:fail -118:net::ERR_CONNECTION_TIMED_OUT""#)?;
    /// assert_eq!((d.reason_class(), d.action()), (Some(ReasonClass::Network), Some(Action::Retry)));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn reason_class(&self) -> Option<wx::ReasonClass> {
        match self {
            Diagnosis::Wx(fail) => fail.reason_class(),
            Diagnosis::WxCloud(fail) => fail.reason_class(),
            _ => None,
        }
    }

    /// The soonest moment a retry can succeed, where the platform says so.
    ///
    /// ```
    /// use std::time::Duration;
    /// use minierr::{decode_str, RetryHint};
    /// let d = decode_str(r#"{"errcode":45011,"errmsg":"api minute-quota reach limit, must slower, retry next minute"}"#)?;
    /// assert_eq!(d.retry_hint(), Some(RetryHint::After(Duration::from_secs(60))));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn retry_hint(&self) -> Option<crate::RetryHint> {
        match self {
            Diagnosis::Wx(fail) => fail
                .resolved_errno()
                .and_then(|c| c.known())
                .and_then(wx::Errno::retry_hint),
            Diagnosis::Alipay(d) => d.error.and_then(JsapiError::retry_hint),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .and_then(openapi::ResultCode::retry_hint),
            Diagnosis::OpenPlatform(response) => response
                .code()
                .known()
                .and_then(open_platform::Code::retry_hint),
            Diagnosis::WxServer(response) => response.retry_hint(),
            Diagnosis::WxCloud(fail) => fail.deciding_code().and_then(wx::cloud::Code::retry_hint),
            Diagnosis::AlipayGateway(response, _) => response.retry_hint(),
        }
    }

    /// For an Alipay payload whose API was neither given nor inferred: every API whose catalog
    /// fits it. Empty when the API is known.
    #[must_use]
    pub fn candidate_apis(&self) -> Vec<Api> {
        match self {
            Diagnosis::Alipay(d) if d.api.is_none() => d.candidate_apis().collect(),
            _ => Vec::new(),
        }
    }
}

/// The common view of a [`Diagnosis`], every value computed in one pass: each getter of
/// `Diagnosis` resolves the code afresh, so a caller that needs several of them (a report, a
/// log line, the JSON object, which is serialised from this) asks for the view once.
///
/// ```
/// let d = minierr::decode_str(r#""downloadFile: fail url not in domain list""#)?;
/// let view = d.view();
/// assert_eq!((view.name, view.action), (d.name(), d.action()));
/// assert_eq!(view.reason, Some("url not in domain list"));
/// # Ok::<(), minierr::DecodeError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DiagnosisView<'d> {
    /// [`Diagnosis::platform`].
    pub platform: Platform,
    /// [`Diagnosis::api_name`].
    pub api: Option<Cow<'d, str>>,
    /// [`Diagnosis::code`].
    pub code: Option<RawCode<'d>>,
    /// [`Diagnosis::sub_code`].
    pub sub_code: Option<RawCode<'d>>,
    /// [`Diagnosis::err_code`].
    pub err_code: Option<i64>,
    /// [`Diagnosis::is_known`].
    pub known: bool,
    /// [`Diagnosis::name`].
    pub name: Option<&'static str>,
    /// [`Diagnosis::message`].
    pub err_msg: Option<&'d str>,
    /// [`Diagnosis::reason`].
    pub reason: Option<&'d str>,
    /// [`Diagnosis::message_zh`].
    pub message_zh: Option<&'static str>,
    /// [`Diagnosis::message_en`].
    pub message_en: Option<&'static str>,
    /// [`Diagnosis::remedy_zh`].
    pub remedy_zh: Option<&'static str>,
    /// [`Diagnosis::remedy_en`].
    pub remedy_en: Option<&'static str>,
    /// [`Diagnosis::status`].
    pub status: Option<ResultStatus>,
    /// [`Diagnosis::category`].
    pub category: Option<Category>,
    /// [`Diagnosis::subcategory`].
    pub subcategory: Option<Subcategory>,
    /// [`Diagnosis::action`].
    pub action: Option<Action>,
    /// [`Diagnosis::retry_hint`].
    pub retry_hint: Option<crate::RetryHint>,
    /// [`Diagnosis::reason_class`].
    pub reason_class: Option<wx::ReasonClass>,
    /// [`Diagnosis::candidate_apis`].
    pub candidate_apis: Vec<Api>,
}

impl<'a> Diagnosis<'a> {
    /// The common view, computed in one pass; see [`DiagnosisView`].
    #[must_use]
    pub fn view(&self) -> DiagnosisView<'_> {
        if let Diagnosis::Wx(fail) = self {
            let r = fail.resolution();
            let known = r
                .errno
                .and_then(wx::AnyErrno::known)
                .map(WxKnown::Errno)
                .or_else(|| r.legacy.map(WxKnown::Legacy));
            return DiagnosisView {
                platform: Platform::Wechat,
                api: fail.api().map(Cow::Borrowed),
                code: r.errno.map(|c| RawCode::Number(i64::from(c.raw()))),
                sub_code: None,
                err_code: fail.err_code(),
                known: known.is_some(),
                name: known.map(WxKnown::name),
                err_msg: Some(fail.err_msg()),
                reason: Some(fail.reason()).filter(|r| !r.is_empty()),
                message_zh: known.map(WxKnown::message_zh).filter(|m| !m.is_empty()),
                message_en: known.map(WxKnown::message_en),
                remedy_zh: None,
                remedy_en: None,
                status: None,
                category: r.errno.map(wx::AnyErrno::category),
                subcategory: r.errno.map(wx::AnyErrno::subcategory),
                action: r.action,
                retry_hint: r
                    .errno
                    .and_then(wx::AnyErrno::known)
                    .and_then(wx::Errno::retry_hint),
                reason_class: r.class,
                candidate_apis: Vec::new(),
            };
        }
        if let Diagnosis::WxCloud(fail) = self {
            let r = fail.resolution();
            let known = r.resolved.and_then(wx::cloud::AnyCode::known);
            let number = |c: wx::cloud::AnyCode| RawCode::Number(c.raw());
            return DiagnosisView {
                platform: Platform::WechatCloud,
                api: r.api.map(Cow::Borrowed),
                code: r.resolved.map(number),
                sub_code: r.sub_code.map(number),
                err_code: None,
                known: known.is_some(),
                name: known.map(wx::cloud::Code::name),
                err_msg: Some(fail.err_msg()),
                reason: Some(r.reason).filter(|r| !r.is_empty()),
                message_zh: known
                    .map(wx::cloud::Code::message_zh)
                    .filter(|m| !m.is_empty()),
                message_en: known.map(wx::cloud::Code::message_en),
                remedy_zh: None,
                remedy_en: None,
                status: None,
                category: None,
                subcategory: None,
                action: r.action,
                retry_hint: r.deciding.and_then(wx::cloud::Code::retry_hint),
                reason_class: r.class,
                candidate_apis: Vec::new(),
            };
        }
        let name = self.name();
        DiagnosisView {
            platform: self.platform(),
            api: self.api_name(),
            code: self.code(),
            sub_code: self.sub_code(),
            err_code: self.err_code(),
            known: name.is_some(),
            name,
            err_msg: self.message(),
            reason: self.reason(),
            message_zh: self.message_zh(),
            message_en: self.message_en(),
            remedy_zh: self.remedy_zh(),
            remedy_en: self.remedy_en(),
            status: self.status(),
            category: self.category(),
            subcategory: self.subcategory(),
            action: self.action(),
            retry_hint: self.retry_hint(),
            reason_class: self.reason_class(),
            candidate_apis: self.candidate_apis(),
        }
    }
}

/// Which platform fields an object has, read without decoding any value and without allocating.
#[derive(Default)]
struct Shape {
    err_msg: bool,
    /// errMsg has WeChat's `api:fail` form, which settles the platform.
    wx_fail_marker: bool,
    /// errMsg has WeChat Cloud's `errCode: -N` or `service error code -N` form.
    cloud_text: bool,
    /// An errCode in Cloud's six-digit negative range, which no client API or wrapper uses.
    cloud_err_code: bool,
    /// Any negative errCode.
    negative_err_code: bool,
    /// errMsg names a Cloud API (`cloud.callFunction:fail`, `collection.get:fail`).
    cloud_api: bool,
    /// A `detail` object with an errMsg: a component event (`e.detail`) logged whole.
    detail_err_msg: bool,
    errno: bool,
    errcode: bool,
    errmsg: bool,
    error: bool,
    error_message: bool,
    result_code: bool,
    result_status: bool,
    result: bool,
    memo: bool,
    code: bool,
    sub_code: bool,
    response_wrapper: bool,
    gateway_msg: bool,
}

impl Shape {
    /// The platforms whose fields the object has, in declaration order, and how many.
    fn platforms(&self) -> ([Platform; 6], usize) {
        // A Cloud code comes as a six-digit negative errCode beside an `api:fail` errMsg, as any
        // negative errCode beside a Cloud API's errMsg (-1 wraps), or inside the errMsg's own
        // text; uni-app's negative codes (-1, -5, -100) on other APIs are not Cloud's.
        let cloud_code = self.cloud_err_code || (self.negative_err_code && self.cloud_api);
        if self.cloud_text || (cloud_code && self.wx_fail_marker) {
            return ([Platform::WechatCloud; 6], 1);
        }
        // Wrappers such as uni-app add their own `code` beside WeChat's errMsg; the errMsg's
        // `api:fail` form is WeChat's alone.
        if self.wx_fail_marker {
            return ([Platform::Wechat; 6], 1);
        }
        // The Alipay App SDK's result: resultStatus with memo, and `result` any value.
        let app_sdk = self.result_status && self.memo && !self.result_code;
        let alipay_plus = !app_sdk && (self.result || (self.result_code && self.result_status));
        // my.tradePay reports a bare resultCode without resultStatus.
        let alipay =
            self.error || self.error_message || app_sdk || (self.result_code && !alipay_plus);
        // The gateway's own keys, or its public msg; an open-platform code has neither.
        let gateway = self.sub_code || self.response_wrapper || (self.code && self.gateway_msg);
        let mut fits = [Platform::Wechat; 6];
        let mut n = 0;
        for (platform, fit) in [
            (Platform::Wechat, self.err_msg || self.errno),
            (Platform::Alipay, alipay),
            (Platform::AlipayPlus, alipay_plus),
            (Platform::OpenPlatform, self.code && !gateway),
            (Platform::WechatServer, self.errcode || self.errmsg),
            (Platform::AlipayGateway, gateway),
        ] {
            if let (true, Some(slot)) = (fit, fits.get_mut(n)) {
                *slot = platform;
                n += 1;
            }
        }
        (fits, n)
    }
}

/// What a payload is before it is decoded: an object's shape, or a bare string.
enum Probe<'de> {
    Object(Shape),
    Text(Cow<'de, str>),
}

impl<'de> Deserialize<'de> for Probe<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ProbeVisitor)
    }
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object, or a string holding a failure message")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Probe<'de>, E> {
        Ok(Probe::Text(Cow::Borrowed(v)))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Probe<'de>, E> {
        Ok(Probe::Text(Cow::Owned(v.to_owned())))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Probe<'de>, A::Error> {
        ShapeVisitor.visit_map(map).map(Probe::Object)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut shape = Shape::default();
        while let Some(key) = map.next_key::<KeyName<'de>>()? {
            let flag = match key.0.as_ref() {
                "errMsg" => {
                    let text = map.next_value::<AnyText<'de>>()?.0;
                    shape.err_msg = true;
                    if let Some(text) = text {
                        shape.wx_fail_marker |= wx::has_fail_marker(&text);
                        shape.cloud_text |= wx::cloud::has_cloud_form(&text);
                        shape.cloud_api |= wx::cloud::names_cloud_api(&text);
                    }
                    continue;
                }
                "errCode" => {
                    let code = map.next_value::<CloudRange>()?;
                    shape.cloud_err_code = code.0;
                    shape.negative_err_code = code.1;
                    continue;
                }
                "errno" => &mut shape.errno,
                "errcode" => &mut shape.errcode,
                "errmsg" => &mut shape.errmsg,
                "error" => &mut shape.error,
                "errorMessage" => &mut shape.error_message,
                "resultCode" => &mut shape.result_code,
                "resultStatus" => &mut shape.result_status,
                "memo" => &mut shape.memo,
                "code" => &mut shape.code,
                "sub_code" | "subCode" | "sub_msg" | "subMsg" => &mut shape.sub_code,
                "msg" => {
                    let msg = map.next_value::<AnyText<'de>>()?.0;
                    shape.gateway_msg |= msg.is_some_and(|m| {
                        alipay::gateway::Code::all().any(|c| !c.msg().is_empty() && c.msg() == m)
                    });
                    continue;
                }
                "detail" => {
                    let inner = map.next_value::<NestedShape>()?.0;
                    shape.detail_err_msg = inner.is_some_and(|inner| inner.err_msg);
                    continue;
                }
                "result" => {
                    // my.tradePay's success carries a string `result`; Alipay+ nests an object.
                    shape.result = map.next_value::<NestedShape>()?.0.is_some();
                    continue;
                }
                wrapper if wrapper.ends_with("_response") => {
                    shape.response_wrapper |= map.next_value::<NestedShape>()?.0.is_some();
                    continue;
                }
                _ => {
                    map.next_value::<crate::text::Skip>()?;
                    continue;
                }
            };
            *flag = true;
            map.next_value::<crate::text::Skip>()?;
        }
        Ok(shape)
    }
}

/// Whether a value is an integer in Cloud's code range (-100000 or below), or one in a string,
/// and whether it is negative at all; any other value is skipped.
struct CloudRange(bool, bool);

impl<'de> Deserialize<'de> for CloudRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CloudRangeVisitor;

        impl<'de> Visitor<'de> for CloudRangeVisitor {
            type Value = CloudRange;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }

            fn visit_i64<E>(self, v: i64) -> Result<CloudRange, E> {
                Ok(CloudRange(wx::cloud::in_code_range(v), v < 0))
            }

            fn visit_u64<E>(self, _: u64) -> Result<CloudRange, E> {
                Ok(CloudRange(false, false))
            }

            fn visit_f64<E>(self, _: f64) -> Result<CloudRange, E> {
                Ok(CloudRange(false, false))
            }

            fn visit_str<E>(self, v: &str) -> Result<CloudRange, E> {
                Ok(CloudRange(
                    v.parse().is_ok_and(wx::cloud::in_code_range),
                    v.parse::<i64>().is_ok_and(|n| n < 0),
                ))
            }

            fn visit_bool<E>(self, _: bool) -> Result<CloudRange, E> {
                Ok(CloudRange(false, false))
            }

            fn visit_unit<E>(self) -> Result<CloudRange, E> {
                Ok(CloudRange(false, false))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CloudRange, A::Error> {
                while map
                    .next_entry::<crate::text::Skip, crate::text::Skip>()?
                    .is_some()
                {}
                Ok(CloudRange(false, false))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<CloudRange, A::Error> {
                while seq.next_element::<crate::text::Skip>()?.is_some() {}
                Ok(CloudRange(false, false))
            }
        }

        deserializer.deserialize_any(CloudRangeVisitor)
    }
}

/// The shape of a value if it is an object; any other value is skipped.
struct NestedShape(Option<Shape>);

impl<'de> Deserialize<'de> for NestedShape {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NestedShapeVisitor;

        impl<'de> Visitor<'de> for NestedShapeVisitor {
            type Value = NestedShape;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<NestedShape, A::Error> {
                ShapeVisitor
                    .visit_map(map)
                    .map(|shape| NestedShape(Some(shape)))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<NestedShape, A::Error> {
                while seq.next_element::<crate::text::Skip>()?.is_some() {}
                Ok(NestedShape(None))
            }

            fn visit_bool<E>(self, _: bool) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }

            fn visit_i64<E>(self, _: i64) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }

            fn visit_u64<E>(self, _: u64) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }

            fn visit_f64<E>(self, _: f64) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }

            fn visit_str<E>(self, _: &str) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }

            fn visit_unit<E>(self) -> Result<NestedShape, E> {
                Ok(NestedShape(None))
            }
        }

        deserializer.deserialize_any(NestedShapeVisitor)
    }
}

/// A component event logged whole: the WeChat fail object is its `detail`.
#[derive(Deserialize)]
struct Detailed<'a> {
    #[serde(borrow)]
    detail: wx::Fail<'a>,
}

/// A value's text if it is a string; any other value is skipped.
struct AnyText<'de>(Option<Cow<'de, str>>);

impl<'de> Deserialize<'de> for AnyText<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AnyTextVisitor;

        impl<'de> Visitor<'de> for AnyTextVisitor {
            type Value = AnyText<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }

            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<AnyText<'de>, E> {
                Ok(AnyText(Some(Cow::Borrowed(v))))
            }

            fn visit_str<E>(self, v: &str) -> Result<AnyText<'de>, E> {
                Ok(AnyText(Some(Cow::Owned(v.to_owned()))))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyText<'de>, A::Error> {
                while map
                    .next_entry::<crate::text::Skip, crate::text::Skip>()?
                    .is_some()
                {}
                Ok(AnyText(None))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<AnyText<'de>, A::Error> {
                while seq.next_element::<crate::text::Skip>()?.is_some() {}
                Ok(AnyText(None))
            }

            fn visit_bool<E>(self, _: bool) -> Result<AnyText<'de>, E> {
                Ok(AnyText(None))
            }

            fn visit_i64<E>(self, _: i64) -> Result<AnyText<'de>, E> {
                Ok(AnyText(None))
            }

            fn visit_u64<E>(self, _: u64) -> Result<AnyText<'de>, E> {
                Ok(AnyText(None))
            }

            fn visit_f64<E>(self, _: f64) -> Result<AnyText<'de>, E> {
                Ok(AnyText(None))
            }

            fn visit_unit<E>(self) -> Result<AnyText<'de>, E> {
                Ok(AnyText(None))
            }
        }

        deserializer.deserialize_any(AnyTextVisitor)
    }
}

/// The keys of an object, for the error that says it fits no platform (the first 16).
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeysVisitor;

        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<KeyName<'de>>()? {
                    if keys.len() < 16 {
                        keys.push(key.0.into_owned());
                    }
                    map.next_value::<crate::text::Skip>()?;
                }
                Ok(Keys(keys))
            }
        }

        deserializer.deserialize_map(KeysVisitor)
    }
}

/// A map key, borrowed when the input allows.
struct KeyName<'de>(std::borrow::Cow<'de, str>);

impl<'de> Deserialize<'de> for KeyName<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::text::required(deserializer, "a key").map(KeyName)
    }
}

/// The input without a UTF-8 byte-order mark, which PHP and .NET servers sometimes prepend.
fn strip_bom(input: &[u8]) -> &[u8] {
    input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input)
}

/// Decodes one payload of any platform, recognising the platform from its fields.
///
/// Accepts a UTF-8 byte-order mark, numbers sent as strings and extra fields. An object whose
/// fields fit no platform, or several, is an error that says so; nothing is guessed.
///
/// ```
/// use minierr::{decode, Action, Platform};
///
/// let d = decode(br#"{"result":{"resultCode":"EXPIRED_ACCESS_TOKEN","resultStatus":"F"}}"#)?;
/// assert_eq!(d.platform(), Platform::AlipayPlus);
/// assert_eq!(d.action(), Some(Action::Refresh));
///
/// let err = decode(br#"{"foo":1}"#).unwrap_err();
/// assert!(err.to_string().starts_with("the object fits no known platform"));
/// # Ok::<(), minierr::DecodeError>(())
/// ```
pub fn decode(input: &[u8]) -> Result<Diagnosis<'_>, DecodeError> {
    decode_with(input, &DecodeOptions::default())
}

/// [`decode`] for a string.
pub fn decode_str(input: &str) -> Result<Diagnosis<'_>, DecodeError> {
    decode(input.as_bytes())
}

/// [`decode`] with what the caller knows: the Alipay API, the Alipay+ call kind.
///
/// ```
/// use minierr::alipay::Api;
/// use minierr::{decode, decode_with, DecodeOptions};
///
/// let payload = r#"{"error":11,"errorMessage":"用户取消授权"}"#.as_bytes();
/// // 11 exists for my.request, my.uploadFile and my.getAuthCode; only getAuthCode's has this message.
/// assert_eq!(decode(payload)?.api(), Some("my.getAuthCode"));
/// let d = decode_with(payload, &DecodeOptions::new().alipay_api(Api::GetAuthCode))?;
/// assert_eq!(d.api(), Some("my.getAuthCode"));
/// # Ok::<(), minierr::DecodeError>(())
/// ```
pub fn decode_with<'a>(
    input: &'a [u8],
    options: &DecodeOptions,
) -> Result<Diagnosis<'a>, DecodeError> {
    let input = strip_bom(input);
    // One pass learns which platform's fields the object has; the platform's own type then
    // decodes it, so the answer (or the error) is always that decoder's.
    let shape = match serde_json::from_slice::<Probe<'a>>(input) {
        Ok(Probe::Object(shape)) => shape,
        Ok(Probe::Text(text)) => return decode_text(text, options),
        Err(e) => return Err(DecodeError::NotAnObject(e)),
    };
    let (fits, count) = shape.platforms();
    match (count, fits.first()) {
        (1, Some(platform @ (Platform::Wechat | Platform::WechatCloud))) => {
            decode_as(input, *platform, options).map(openapi_as_server)
        }
        (1, Some(platform)) => decode_as(input, *platform, options),
        (0, _) if shape.detail_err_msg => serde_json::from_slice::<Detailed<'a>>(input)
            .map(|d| Diagnosis::Wx(d.detail))
            .map_err(|source| DecodeError::Invalid {
                platform: Platform::Wechat,
                source,
            }),
        (0, _) => Err(DecodeError::UnknownShape {
            keys: serde_json::from_slice::<Keys>(input).map_or_else(|_| Vec::new(), |k| k.0),
        }),
        _ => Err(DecodeError::AmbiguousShape {
            platforms: fits.iter().take(count).copied().collect(),
        }),
    }
}

/// A bare string: the Alipay gateway's error page or an SDK's gateway error text, a WeChat
/// Cloud Error text, a WeChat `api:fail` errMsg, a documented Alipay errorMessage, or a
/// documented Cloud message. Anything else is an error that says
/// so; nothing is guessed.
fn decode_text<'a>(
    text: Cow<'a, str>,
    options: &DecodeOptions,
) -> Result<Diagnosis<'a>, DecodeError> {
    let gateway = match &text {
        Cow::Borrowed(borrowed) => alipay::gateway::Response::from_text(borrowed),
        Cow::Owned(owned) => {
            alipay::gateway::Response::from_text(owned).map(alipay::gateway::Response::into_owned)
        }
    };
    if let Some(response) = gateway {
        return Ok(Diagnosis::AlipayGateway(response, options.call_kind));
    }
    if let Some(server) = openapi_server_response(None, &text) {
        return Ok(Diagnosis::WxServer(server));
    }
    if wx::cloud::has_cloud_form(&text) {
        return Ok(Diagnosis::WxCloud(wx::cloud::Fail::new(text)));
    }
    if wx::has_fail_marker(&text) {
        return Ok(openapi_as_server(Diagnosis::Wx(wx::Fail::new(text))));
    }
    // A Cloud message alone (`没有权限，请先开通云开发或者云托管`), unless Alipay claims it.
    let cloud_message = !wx::cloud::Code::all_with_normalized_message(&text).is_empty();
    if cloud_message
        && options.alipay_api.is_none()
        && alipay::Fail::new(None, Some(Cow::Borrowed(&*text)))
            .infer_api()
            .is_none()
    {
        return Ok(Diagnosis::WxCloud(wx::cloud::Fail::new(text)));
    }
    let fail = alipay::Fail::new(None, Some(text));
    if options.alipay_api.is_some() || fail.infer_api().is_some() {
        return Ok(Diagnosis::Alipay(AlipayDiagnosis::new(
            fail,
            options.alipay_api,
        )));
    }

    Err(DecodeError::UnknownText {
        text: fail
            .error_message()
            .unwrap_or_default()
            .chars()
            .take(120)
            .collect(),
    })
}

/// Decodes a payload as the given platform's, skipping detection.
///
/// ```
/// use minierr::{decode_as, DecodeOptions, Platform};
/// let d = decode_as(br#"{"code":4004}"#, Platform::OpenPlatform, &DecodeOptions::new())?;
/// assert_eq!(d.name(), Some("InvalidSignature"));
/// # Ok::<(), minierr::DecodeError>(())
/// ```
pub fn decode_as<'a>(
    input: &'a [u8],
    platform: Platform,
    options: &DecodeOptions,
) -> Result<Diagnosis<'a>, DecodeError> {
    let input = strip_bom(input);
    let invalid = |source| DecodeError::Invalid { platform, source };
    Ok(match platform {
        // A legacy errCode arrives in a WeChat fail object.
        Platform::Wechat | Platform::WechatLegacy => {
            Diagnosis::Wx(wx::Fail::from_json_slice(input).map_err(invalid)?)
        }
        Platform::Alipay => Diagnosis::Alipay(AlipayDiagnosis::new(
            alipay::Fail::from_json_slice(input).map_err(invalid)?,
            options.alipay_api,
        )),
        Platform::AlipayPlus => Diagnosis::AlipayPlus(
            openapi::ApiResult::from_json_slice(input).map_err(invalid)?,
            options.call_kind,
        ),
        Platform::OpenPlatform => Diagnosis::OpenPlatform(
            open_platform::Response::from_json_slice(input).map_err(invalid)?,
        ),
        Platform::WechatServer => {
            Diagnosis::WxServer(wx::server::Response::from_json_slice(input).map_err(invalid)?)
        }
        Platform::WechatCloud => {
            Diagnosis::WxCloud(wx::cloud::Fail::from_json_slice(input).map_err(invalid)?)
        }
        Platform::AlipayGateway => Diagnosis::AlipayGateway(
            alipay::gateway::Response::from_json_slice(input).map_err(invalid)?,
            options.call_kind,
        ),
    })
}

/// A WeChat or Cloud failure of a Cloud `openapi.*` call that carries a WeChat server errcode
/// is the server's answer: it is reported as [`Platform::WechatServer`], with the errcode as
/// its code and the errmsg after `:fail` (so `rid` and hints are split off as on any server
/// body). Everything else is returned as it came.
pub(crate) fn openapi_as_server(diagnosis: Diagnosis<'_>) -> Diagnosis<'_> {
    let server = match &diagnosis {
        Diagnosis::Wx(fail) => {
            let sent = fail.err_code();
            // Without an errCode, the one server errmsg the reason names gives the code.
            let code = sent.or_else(|| fail.server_errcode().map(|c| c.raw()));
            openapi_server_response(code, &fail.err_msg)
        }
        Diagnosis::WxCloud(fail) => openapi_server_response(fail.err_code(), fail.err_msg_cow()),
        _ => None,
    };
    server.map_or(diagnosis, Diagnosis::WxServer)
}

/// The server response inside a Cloud `openapi.*` failure, borrowing from `text` where it can.
fn openapi_server_response<'a>(
    err_code: Option<i64>,
    text: &Cow<'a, str>,
) -> Option<wx::server::Response<'a>> {
    // Nearly every payload is not one: one substring search rules them out.
    if !text.contains("openapi.") {
        return None;
    }
    let (code, _api, errmsg) = wx::cloud::openapi_server_error(err_code, text)?;
    Some(wx::server::Response::new(
        Some(wx::server::AnyErrcode::new(code)),
        Some(crate::text::part_of(text, errmsg)),
    ))
}

/// A gateway answer's sub_code, read on the API its wrapper names.
fn gateway_meaning(response: &alipay::gateway::Response<'_>) -> Option<alipay::gateway::Meaning> {
    response.meaning()
}

/// What the catalogs know of a WeChat failure: its errno, else its legacy code.
#[derive(Clone, Copy)]
enum WxKnown {
    Errno(wx::Errno),
    Legacy(wx::legacy::Code),
}

impl WxKnown {
    fn name(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.name(),
            WxKnown::Legacy(c) => c.name(),
        }
    }

    fn message_zh(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.message_zh(),
            WxKnown::Legacy(c) => c.message_zh(),
        }
    }

    fn message_en(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.message_en(),
            WxKnown::Legacy(c) => c.message_en(),
        }
    }
}

fn wx_known(fail: &wx::Fail<'_>) -> Option<WxKnown> {
    fail.resolved_errno()
        .and_then(wx::AnyErrno::known)
        .map(WxKnown::Errno)
        .or_else(|| fail.legacy_code().map(WxKnown::Legacy))
}

/// A Cloud failure's catalog code: the outer one, sent or named by its message.
fn cloud_code(fail: &wx::cloud::Fail<'_>) -> Option<wx::cloud::Code> {
    fail.resolved_code().and_then(wx::cloud::AnyCode::known)
}

/// A server response's catalog code, sent or recovered from its reason.
fn server_code(response: &wx::server::Response<'_>) -> Option<wx::server::Errcode> {
    response
        .resolved_errcode()
        .and_then(wx::server::AnyErrcode::known)
}

mod json_view {
    use serde::Serialize;
    use serde::ser::{SerializeMap, Serializer};

    use super::{Diagnosis, RawCode};

    impl Serialize for RawCode<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                RawCode::Number(n) => serializer.serialize_i64(*n),
                RawCode::Text(t) => serializer.serialize_str(t),
            }
        }
    }

    /// The keys of the JSON view, in order; every object has all of them.
    pub const KEYS: [&str; 19] = [
        "platform",
        "api",
        "code",
        "sub_code",
        "err_code",
        "known",
        "name",
        "err_msg",
        "message_zh",
        "message_en",
        "remedy_zh",
        "remedy_en",
        "status",
        "category",
        "subcategory",
        "action",
        "retry_hint",
        "reason_class",
        "candidate_apis",
    ];

    impl Serialize for Diagnosis<'_> {
        /// The common view as one JSON object with a fixed key set (absent values are null);
        /// see the crate docs for the keys.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(KEYS.len()))?;
            let v = self.view();
            map.serialize_entry("platform", &v.platform)?;
            map.serialize_entry("api", &v.api)?;
            map.serialize_entry("code", &v.code)?;
            map.serialize_entry("sub_code", &v.sub_code)?;
            map.serialize_entry("err_code", &v.err_code)?;
            map.serialize_entry("known", &v.known)?;
            map.serialize_entry("name", &v.name)?;
            map.serialize_entry("err_msg", &v.err_msg)?;
            map.serialize_entry("message_zh", &v.message_zh)?;
            map.serialize_entry("message_en", &v.message_en)?;
            map.serialize_entry("remedy_zh", &v.remedy_zh)?;
            map.serialize_entry("remedy_en", &v.remedy_en)?;
            map.serialize_entry("status", &v.status)?;
            map.serialize_entry("category", &v.category)?;
            map.serialize_entry("subcategory", &v.subcategory)?;
            map.serialize_entry("action", &v.action)?;
            map.serialize_entry("retry_hint", &v.retry_hint)?;
            map.serialize_entry("reason_class", &v.reason_class)?;
            let candidates: Vec<&str> = v.candidate_apis.iter().map(|a| a.name()).collect();
            map.serialize_entry("candidate_apis", &candidates)?;
            map.end()
        }
    }
}

pub use json_view::KEYS as DIAGNOSIS_JSON_KEYS;
