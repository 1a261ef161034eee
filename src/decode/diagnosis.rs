//! What a decoded payload is: the platform's own value, and the getters every platform shares.

use std::borrow::Cow;
use std::fmt;

use crate::alipay::{self, Api, JsapiError};
use crate::alipay_plus::{self, CallKind, ResultStatus};
use crate::open_platform;
use crate::wx::{self, Category, Subcategory};
use crate::{Action, Platform};

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
    AlipayPlus(alipay_plus::ApiResult<'a>, CallKind),
    /// An open-platform response body.
    OpenPlatform(open_platform::Response<'a>),
    /// A WeChat server API response.
    WxServer(wx::server::Response<'a>),
    /// A WeChat Cloud failure.
    WxCloud(wx::cloud::Fail<'a>),
    /// An Alipay open-API gateway answer, with the call kind used when it names no method.
    AlipayGateway(alipay::gateway::Response<'a>, CallKind),
    /// A WeChat Pay answer, with the API or call kind that decides its step.
    WxPay(PayDiagnosis<'a>),
    /// A WeCom server response.
    Wecom(crate::wecom::Response<'a>),
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
    /// // No code: the step comes from an errmsg that 40003, 87081, 61101 and 90007 share.
    /// let d = minierr::decode_str(r#"{"errmsg":"invalid openid rid: 6523ab-12cd"}"#)?;
    /// assert_eq!(d.to_string(), "wechat_server: invalid openid rid: 6523ab-12cd (fix_request)");
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
                // Without a code there is nothing the catalog could hold.
                if let Some(code) = self.code() {
                    write!(
                        f,
                        " {}",
                        super::view::unnamed_because(self.platform(), &code)
                    )?;
                }
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
    /// With the API unknown and several fitting, the step all their rows agree on.
    agreed: Option<crate::Action>,
}

impl<'a> AlipayDiagnosis<'a> {
    pub(crate) fn new(fail: alipay::Fail<'a>, api: Option<Api>) -> Self {
        let (api, error) = match api {
            Some(api) => (Some(api), fail.error_for(api)),
            None => fail
                .infer()
                .map_or((None, None), |(api, error)| (Some(api), Some(error))),
        };
        let agreed = match (api, error) {
            (None, None) => fail.agreed_action(),
            _ => None,
        };
        AlipayDiagnosis {
            fail,
            api,
            error,
            agreed,
        }
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

    fn into_owned(self) -> AlipayDiagnosis<'static> {
        AlipayDiagnosis {
            fail: self.fail.into_owned(),
            api: self.api,
            error: self.error,
            agreed: self.agreed,
        }
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

/// A WeChat Pay answer, and the call it answered: the API where the caller named it, else
/// the call kind ([`CallKind::MovesMoney`] by default: look before paying again).
#[derive(Clone, Debug, PartialEq)]
pub struct PayDiagnosis<'a> {
    answer: wx::pay::Answer<'a>,
    api: Option<wx::pay::Api>,
    call: CallKind,
}

impl<'a> PayDiagnosis<'a> {
    pub(crate) fn new(answer: wx::pay::Answer<'a>, options: &super::DecodeOptions) -> Self {
        let named = answer.named_api();
        let diagnosis = PayDiagnosis {
            answer,
            api: options.wechat_pay_api.or(named),
            call: options.call_kind,
        };
        match options.http_status {
            Some(status) => diagnosis.with_status(status),
            None => diagnosis,
        }
    }

    /// The same answer with the HTTP status it came with, unless it has one.
    pub(crate) fn with_status(mut self, status: u16) -> Self {
        if let wx::pay::Answer::V3(response) = self.answer {
            self.answer = wx::pay::Answer::V3(match response.status() {
                Some(_) => response,
                None => response.with_status(status),
            });
        }
        self
    }

    /// The same answer read on `api`, unless the caller named one.
    pub(crate) fn with_api(mut self, api: wx::pay::Api) -> Self {
        self.api = self.api.or(Some(api));
        self
    }

    /// The answer.
    #[must_use]
    pub fn answer(&self) -> &wx::pay::Answer<'a> {
        &self.answer
    }

    /// The API, where the caller named it.
    #[must_use]
    pub fn api(&self) -> Option<wx::pay::Api> {
        self.api
    }

    fn into_owned(self) -> PayDiagnosis<'static> {
        PayDiagnosis {
            answer: self.answer.into_owned(),
            api: self.api,
            call: self.call,
        }
    }

    pub(super) fn code(&self) -> Option<wx::pay::Code> {
        self.answer.code().and_then(wx::pay::AnyCode::known)
    }

    pub(super) fn meaning(&self) -> Option<wx::pay::Meaning> {
        self.answer.meaning(self.api, self.call)
    }

    pub(super) fn action(&self) -> Option<Action> {
        self.answer.action(self.api, self.call)
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
    /// The same diagnosis, owning the text it borrowed from the input, so that it can outlive
    /// the buffer it was decoded from (a reused line buffer, a response body).
    ///
    /// ```
    /// use minierr::{decode_str, Diagnosis};
    ///
    /// let kept: Diagnosis<'static> = {
    ///     let body = String::from(r#"{"errcode":40001,"errmsg":"invalid credential"}"#);
    ///     decode_str(&body)?.into_owned()
    /// };
    /// assert_eq!(kept.name(), Some("InvalidCredential"));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Diagnosis<'static> {
        match self {
            Diagnosis::Wx(fail) => Diagnosis::Wx(fail.into_owned()),
            Diagnosis::Alipay(diagnosis) => Diagnosis::Alipay(diagnosis.into_owned()),
            Diagnosis::AlipayPlus(result, call) => Diagnosis::AlipayPlus(result.into_owned(), call),
            Diagnosis::OpenPlatform(response) => Diagnosis::OpenPlatform(response.into_owned()),
            Diagnosis::WxServer(response) => Diagnosis::WxServer(response.into_owned()),
            Diagnosis::WxCloud(fail) => Diagnosis::WxCloud(fail.into_owned()),
            Diagnosis::AlipayGateway(response, call) => {
                Diagnosis::AlipayGateway(response.into_owned(), call)
            }
            Diagnosis::WxPay(diagnosis) => Diagnosis::WxPay(diagnosis.into_owned()),
            Diagnosis::Wecom(response) => Diagnosis::Wecom(response.into_owned()),
        }
    }

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
            Diagnosis::WxPay(_) => Platform::WechatPay,
            Diagnosis::Wecom(_) => Platform::Wecom,
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
            Diagnosis::WxPay(d) => d.api.map(wx::pay::Api::name),
            Diagnosis::AlipayPlus(..)
            | Diagnosis::OpenPlatform(_)
            | Diagnosis::WxServer(_)
            | Diagnosis::Wecom(_) => None,
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
            Diagnosis::WxCloud(fail) => fail
                .cloudbase_code_sent()
                .map(RawCode::Text)
                .or_else(|| fail.code().map(|c| RawCode::Number(c.raw())))
                .or_else(|| fail.text_cloudbase().map(|c| RawCode::Text(c.code()))),
            Diagnosis::AlipayGateway(response, _) => response.code().map(|c| match c {
                alipay::ErrorValue::Number(n) => RawCode::Number(*n),
                alipay::ErrorValue::Text(t) => RawCode::Text(t),
            }),
            Diagnosis::WxPay(d) => d.answer.code().map(|c| RawCode::Text(c.raw())),
            Diagnosis::Wecom(response) => response.errcode().map(|c| RawCode::Number(c.raw())),
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
            // A number whose errmsg is not the code's is kept, with no meaning.
            Diagnosis::WxServer(response) => response
                .resolved_errcode()
                .or_else(|| response.errcode_sent())
                .map(|c| RawCode::Number(c.raw())),
            Diagnosis::WxCloud(fail) => cloud_reported_codes(fail, &fail.resolution()).0,
            other => other.raw_code(),
        }
    }

    /// The code inside the code, as sent: for WeChat Cloud the code a wrapper carries in its
    /// message (`-404011` wrapping `-504002`), or for a CloudBase body the code its text names
    /// (`OPERATION_FAIL` wrapping `FUNCTION_NOT_FOUND`); for the Alipay gateway `sub_code`;
    /// `None` elsewhere.
    ///
    /// ```
    /// use minierr::{decode_str, RawCode};
    /// let d = decode_str(r#""errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail cloud function service error code -504002, error message boom""#)?;
    /// assert_eq!((d.code(), d.sub_code()), (Some(RawCode::Number(-404011)), Some(RawCode::Number(-504002))));
    /// let d = decode_str(r#"{"code":"OPERATION_FAIL","msg":"[FUNCTION_NOT_FOUND] x"}"#)?;
    /// assert_eq!((d.code(), d.sub_code()), (Some(RawCode::Text("OPERATION_FAIL")), Some(RawCode::Text("FUNCTION_NOT_FOUND"))));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn sub_code(&self) -> Option<RawCode<'_>> {
        match self {
            Diagnosis::WxCloud(fail) => cloud_reported_codes(fail, &fail.resolution()).1,
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
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .map(alipay_plus::ResultCode::name),
            Diagnosis::OpenPlatform(response) => {
                response.known_code().map(open_platform::Code::name)
            }
            Diagnosis::WxServer(response) => server_code(response).map(wx::server::Errcode::name),
            Diagnosis::WxCloud(fail) => cloud_code(fail)
                .map(wx::cloud::Code::name)
                .or_else(|| fail.cloudbase_code().map(wx::cloud::CloudbaseCode::name)),
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
            Diagnosis::WxPay(d) => d.code().map(wx::pay::Code::name),
            Diagnosis::Wecom(response) => wecom_code(response).map(crate::wecom::Errcode::name),
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
            Diagnosis::WxPay(d) => d.answer.message(),
            Diagnosis::Wecom(response) => response.errmsg(),
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
            Diagnosis::Wecom(response) => response.reason(),
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
                .map(alipay_plus::ResultCode::message_zh),
            Diagnosis::OpenPlatform(response) => {
                response.known_code().map(open_platform::Code::message_zh)
            }
            Diagnosis::WxServer(response) => {
                server_code(response).map(wx::server::Errcode::message_zh)
            }
            Diagnosis::WxCloud(fail) => cloud_code(fail)
                .map(wx::cloud::Code::message_zh)
                .or_else(|| {
                    fail.cloudbase_code()
                        .map(wx::cloud::CloudbaseCode::message_zh)
                })
                .filter(|m| !m.is_empty()),
            Diagnosis::AlipayGateway(response, _) => gateway_meaning(response)
                .map(alipay::gateway::Meaning::message_zh)
                .or_else(|| {
                    response
                        .public_code()
                        .map(alipay::gateway::Code::message_zh)
                }),
            Diagnosis::WxPay(d) => d.meaning().map(wx::pay::Meaning::message_zh),
            Diagnosis::Wecom(response) => {
                wecom_code(response).map(crate::wecom::Errcode::message_zh)
            }
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
                .map(alipay_plus::ResultCode::message_en),
            Diagnosis::OpenPlatform(response) => {
                response.known_code().map(open_platform::Code::message_en)
            }
            Diagnosis::WxServer(response) => {
                server_code(response).map(wx::server::Errcode::message_en)
            }
            Diagnosis::WxCloud(fail) => {
                cloud_code(fail)
                    .map(wx::cloud::Code::message_en)
                    .or_else(|| {
                        fail.cloudbase_code()
                            .map(wx::cloud::CloudbaseCode::message_en)
                    })
            }
            Diagnosis::AlipayGateway(response, _) => gateway_meaning(response)
                .map(alipay::gateway::Meaning::message_en)
                .or_else(|| {
                    response
                        .public_code()
                        .map(alipay::gateway::Code::message_en)
                }),
            Diagnosis::WxPay(d) => d.meaning().map(wx::pay::Meaning::message_en),
            Diagnosis::Wecom(response) => {
                wecom_code(response).map(crate::wecom::Errcode::message_en)
            }
        }
    }

    /// The remedy in Chinese, where the catalog has one (Alipay JSAPI, Alipay+).
    pub fn remedy_zh(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Alipay(d) => d.error.and_then(JsapiError::remedy_zh),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .and_then(alipay_plus::ResultCode::remedy_zh),
            Diagnosis::AlipayGateway(response, _) => {
                gateway_meaning(response).and_then(alipay::gateway::Meaning::remedy_zh)
            }
            Diagnosis::WxPay(d) => d
                .meaning()
                .map(wx::pay::Meaning::solution_zh)
                .filter(|s| !s.is_empty()),
            Diagnosis::Wx(_)
            | Diagnosis::OpenPlatform(_)
            | Diagnosis::WxServer(_)
            | Diagnosis::WxCloud(_)
            | Diagnosis::Wecom(_) => None,
        }
    }

    /// The remedy in English, where the catalog has one.
    pub fn remedy_en(&self) -> Option<&'static str> {
        match self {
            Diagnosis::Alipay(d) => d.error.and_then(JsapiError::remedy_en),
            Diagnosis::AlipayPlus(result, _) => result
                .result_code()
                .known()
                .and_then(alipay_plus::ResultCode::remedy_en),
            Diagnosis::WxPay(d) => d
                .meaning()
                .map(wx::pay::Meaning::solution_en)
                .filter(|s| !s.is_empty()),
            Diagnosis::Wx(_)
            | Diagnosis::OpenPlatform(_)
            | Diagnosis::WxServer(_)
            | Diagnosis::WxCloud(_)
            | Diagnosis::AlipayGateway(..)
            | Diagnosis::Wecom(_) => None,
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
            Diagnosis::Alipay(d) => {
                let own = d.error.map(JsapiError::action).or(d.agreed);
                // An App SDK failure with a gateway answer nested in `result` takes the step of
                // the cause that answer names (4000 with isv.missing-signature-config: the keys).
                // A success stays one, and an unknown outcome (8000, 6004) is still looked up
                // before anything else: the nested answer cannot say the money did not move.
                match d.fail.nested_gateway_action {
                    Some(nested) if !matches!(own, Some(Action::Success | Action::Reconcile)) => {
                        Some(nested)
                    }
                    _ => own,
                }
            }
            Diagnosis::AlipayPlus(result, call_kind) => Some(result.action(*call_kind)),
            Diagnosis::OpenPlatform(response) => response.action(),
            Diagnosis::WxServer(response) => response.action(),
            Diagnosis::WxCloud(fail) => fail.action(),
            Diagnosis::AlipayGateway(response, call_kind) => response.action(*call_kind),
            Diagnosis::WxPay(d) => d.action(),
            Diagnosis::Wecom(response) => response.action(),
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
                .and_then(alipay_plus::ResultCode::retry_hint),
            Diagnosis::OpenPlatform(response) => response
                .known_code()
                .and_then(open_platform::Code::retry_hint),
            Diagnosis::WxServer(response) => response.retry_hint(),
            Diagnosis::WxCloud(fail) => fail.deciding_code().and_then(wx::cloud::Code::retry_hint),
            Diagnosis::AlipayGateway(response, _) => response.retry_hint(),
            Diagnosis::WxPay(d) => d
                .meaning()
                .and_then(wx::pay::Meaning::retry_hint)
                .or_else(|| d.code().and_then(|c| c.retry_hint_for(d.action()))),
            Diagnosis::Wecom(response) => {
                wecom_code(response).and_then(crate::wecom::Errcode::retry_hint)
            }
        }
    }

    /// For a WeChat server body, WeCom's code of the same number where WeCom means something
    /// else by it (or WeChat nothing): WeCom answers in the same shape, and when the body
    /// carries none of WeCom's marks, nothing in it says which of the two answered. The
    /// diagnosis stays WeChat's; this says what it would be if WeCom sent it. A number WeChat's
    /// reading was refused for (its errmsg is not the code's) gets no reading where the two
    /// mean the same by it: the errmsg is WeCom's no more than WeChat's.
    ///
    /// ```
    /// use minierr::Action;
    /// let d = minierr::decode_str(r#"{"errcode":40001,"errmsg":"invalid credential"}"#)?;
    /// assert_eq!(d.action(), Some(Action::Refresh));
    /// let wecom = d.wecom_reading().expect("WeCom uses 40001 for an invalid secret");
    /// assert_eq!(wecom.action(), Action::FixConfig);
    /// // 40029 means the same in both.
    /// assert_eq!(minierr::decode_str(r#"{"errcode":40029,"errmsg":"invalid code"}"#)?.wecom_reading(), None);
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn wecom_reading(&self) -> Option<crate::wecom::Errcode> {
        match self {
            // Where WeChat's reading was refused (the errmsg is not its code's), WeCom's is
            // given even when the two mean the same by the number.
            Diagnosis::WxServer(response) => wecom_reading(response),
            _ => None,
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

/// [`Diagnosis::wecom_reading`] of a server body.
pub(super) fn wecom_reading(response: &wx::server::Response<'_>) -> Option<crate::wecom::Errcode> {
    let code = response.errcode_sent()?.raw();
    crate::wecom::Errcode::from_code(code)
        .filter(|c| c.wechat() != crate::wecom::WechatNumber::Same)
}

/// A WeCom response's catalog code.
fn wecom_code(response: &crate::wecom::Response<'_>) -> Option<crate::wecom::Errcode> {
    response.errcode().and_then(crate::wecom::AnyErrcode::known)
}

/// A gateway answer's sub_code, read on the API its wrapper names.
fn gateway_meaning(response: &alipay::gateway::Response<'_>) -> Option<alipay::gateway::Meaning> {
    response.meaning()
}

/// What the catalogs know of a WeChat failure: its errno, else its legacy code.
#[derive(Clone, Copy)]
pub(super) enum WxKnown {
    Errno(wx::Errno),
    Legacy(wx::legacy::Code),
}

impl WxKnown {
    pub(super) fn name(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.name(),
            WxKnown::Legacy(c) => c.name(),
        }
    }

    pub(super) fn message_zh(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.message_zh(),
            WxKnown::Legacy(c) => c.message_zh(),
        }
    }

    pub(super) fn message_en(self) -> &'static str {
        match self {
            WxKnown::Errno(e) => e.message_en(),
            WxKnown::Legacy(c) => c.message_en(),
        }
    }
}

pub(super) fn wx_known(fail: &wx::Fail<'_>) -> Option<WxKnown> {
    fail.resolved_errno()
        .and_then(wx::AnyErrno::known)
        .map(WxKnown::Errno)
        .or_else(|| fail.legacy_code().map(WxKnown::Legacy))
}

/// The (code, sub_code) a report shows for a Cloud failure. For a CloudBase body, the code is the
/// body's `code` as sent, and the sub_code the CloudBase code its text names if that differs,
/// else the Cloud errCode its text names. Otherwise the code is the resolved Cloud errCode (else
/// the CloudBase code the text names), and the sub_code the code a wrapper carries, else the
/// CloudBase code the text names beside that errCode (`[INVALID_PARAM] …` is -501007 as the SDKs
/// report it, and the text's own code is kept too).
pub(super) fn cloud_reported_codes<'f>(
    fail: &'f wx::cloud::Fail<'_>,
    resolution: &wx::cloud::Resolution<'_>,
) -> (Option<RawCode<'f>>, Option<RawCode<'f>>) {
    let r = resolution;
    let number = |c: wx::cloud::AnyCode| RawCode::Number(c.raw());
    match fail.cloudbase_code_sent() {
        Some(sent) => {
            let inner = r
                .text_cloudbase
                .map(wx::cloud::CloudbaseCode::code)
                .filter(|&c| c != sent)
                .map(RawCode::Text)
                .or_else(|| r.text_code.map(RawCode::Number));
            (Some(RawCode::Text(sent)), inner)
        }
        None => (
            r.resolved
                .map(number)
                .or_else(|| r.text_cloudbase.map(|c| RawCode::Text(c.code()))),
            r.sub_code.map(number).or_else(|| {
                r.text_cloudbase
                    .filter(|_| r.resolved.is_some())
                    .map(|c| RawCode::Text(c.code()))
            }),
        ),
    }
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
