//! One entry point for any fail payload: recognise the platform from the payload's shape, decode
//! it with that platform's own type, and give one common view of the result.

use std::borrow::Cow;

use crate::Platform;
use crate::alipay::{self, Api};
use crate::alipay_plus::{self, CallKind};
use crate::open_platform;
use crate::wx;

mod diagnosis;
mod shape;
mod view;

pub use diagnosis::{AlipayDiagnosis, Diagnosis, PayDiagnosis, RawCode};
use shape::{CodeOnly, Detailed, Keys, Probe};
pub use view::{DIAGNOSIS_JSON_KEYS, DiagnosisView};

/// What the caller knows that the payload does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    pub(crate) alipay_api: Option<Api>,
    pub(crate) call_kind: CallKind,
    pub(crate) wechat_pay_api: Option<wx::pay::Api>,
    pub(crate) http_status: Option<u16>,
}

impl Default for DecodeOptions {
    /// No Alipay API, and Alipay+ calls treated as moving money: an unknown outcome is
    /// reconciled, never blindly retried.
    fn default() -> Self {
        DecodeOptions {
            alipay_api: None,
            call_kind: CallKind::MovesMoney,
            wechat_pay_api: None,
            http_status: None,
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

    /// Whether a money-moving platform's call (Alipay+, the Alipay gateway, WeChat Pay) is
    /// safe to repeat; see [`alipay_plus::ApiResult::decide`]. The default,
    /// [`CallKind::MovesMoney`], looks before paying again.
    #[must_use]
    pub fn call_kind(mut self, call_kind: CallKind) -> Self {
        self.call_kind = call_kind;
        self
    }

    /// The WeChat Pay API that answered, which decides what its code means there.
    ///
    /// ```
    /// use minierr::wx::pay::Api;
    /// use minierr::{decode_with, Action, DecodeOptions};
    /// let body = r#"{"code":"SYSTEM_ERROR","message":"系统错误"}"#.as_bytes();
    /// let on_query = DecodeOptions::new().wechat_pay_api(Api::V3QueryOrder);
    /// assert_eq!(decode_with(body, &on_query)?.action(), Some(Action::Retry));
    /// assert_eq!(minierr::decode(body)?.action(), Some(Action::Reconcile));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn wechat_pay_api(mut self, api: wx::pay::Api) -> Self {
        self.wechat_pay_api = Some(api);
        self
    }

    /// The HTTP status the body came with (WeChat Pay APIv3 keys meaning on it).
    #[must_use]
    pub fn http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
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
         SDK's gateway error, or any form a log line is read in): {text:?}"
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
    /// The object is WeChat Pay's APIv3 shape with a code its catalog knows, but its message is
    /// English. WeChat Pay writes its messages in Chinese, and `{"code":"NOT_FOUND","message":
    /// "Route not found"}` is as likely to be any REST service's, so minierr does not guess;
    /// the caller who knows the body is WeChat Pay's names the platform.
    #[error(
        "the object has a WeChat Pay code ({code:?}) with an English message, and WeChat Pay \
         writes its messages in Chinese, so it is read as no platform's; if it is WeChat Pay's, \
         name the platform: decode_as(input, Platform::WechatPay, &options), or --platform \
         wechat_pay on the command line"
    )]
    EnglishPayMessage {
        /// The code, as sent.
        code: String,
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

/// The input without a UTF-8 byte-order mark, which PHP and .NET servers sometimes prepend.
/// JSON to decode: bytes, or text already known to be UTF-8, which serde_json then reads
/// without checking each string's UTF-8 again (a log line is text before it is a payload).
#[derive(Clone, Copy)]
enum Json<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'a> Json<'a> {
    /// Without a UTF-8 byte-order mark.
    fn without_bom(self) -> Self {
        match self {
            Json::Bytes(bytes) => Json::Bytes(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)),
            Json::Text(text) => Json::Text(text.strip_prefix('\u{feff}').unwrap_or(text)),
        }
    }

    fn parse<T: serde::Deserialize<'a>>(self) -> Result<T, serde_json::Error> {
        match self {
            Json::Bytes(bytes) => serde_json::from_slice(bytes),
            Json::Text(text) => serde_json::from_str(text),
        }
    }
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
/// // The Cloud HTTP API answers in the WeChat server's shape with Cloud's own codes.
/// let d = decode(br#"{"errcode":-501005,"errmsg":"env not exists"}"#)?;
/// assert_eq!(d.platform(), Platform::WechatCloud);
/// assert_eq!(d.action(), Some(Action::FixConfig));
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
    decode_json(Json::Bytes(input), options, ESCAPED_LEVELS)
}

/// How many strings with escapes, one inside another, decode unescapes and reads as a line: a
/// body a logger escaped into a string, and that string escaped again by a second logger. The
/// line reader hands the JSON strings it finds back to decode, so each level is read about
/// twice; without a bound a string escaped into itself over and over (a few kilobytes of
/// backslashes) would take time doubling with each level.
pub(crate) const ESCAPED_LEVELS: u8 = 2;

/// [`decode_with`] for text, as a line of a log is, where `levels` more strings with escapes may
/// be unescaped and read as lines ([`ESCAPED_LEVELS`] for a line of the input itself, fewer
/// inside a string decode has unescaped).
pub(crate) fn decode_str_within<'a>(
    input: &'a str,
    options: &DecodeOptions,
    levels: u8,
) -> Result<Diagnosis<'a>, DecodeError> {
    decode_json(Json::Text(input), options, levels)
}

fn decode_json<'a>(
    input: Json<'a>,
    options: &DecodeOptions,
    escaped_levels: u8,
) -> Result<Diagnosis<'a>, DecodeError> {
    let input = input.without_bom();
    // One pass learns which platform's fields the object has; the platform's own type then
    // decodes it, so the answer (or the error) is always that decoder's.
    let shape = match input.parse::<Probe<'a>>() {
        Ok(Probe::Object(shape)) => shape,
        Ok(Probe::Text(text)) => return decode_text(text, options, escaped_levels),
        Err(e) => return Err(DecodeError::NotAnObject(e)),
    };
    let (fits, count) = shape.platforms();
    match (count, fits.first()) {
        (1, Some(platform @ (Platform::Wechat | Platform::WechatCloud))) => {
            decode_json_as(input, *platform, options).map(openapi_as_server)
        }
        // The probe has read the version already: no second pass for it.
        (1, Some(Platform::WechatPay)) => Ok(Diagnosis::WxPay(PayDiagnosis::new(
            wechat_pay_answer_as(input, shape.pay_version()).map_err(|source| {
                DecodeError::Invalid {
                    platform: Platform::WechatPay,
                    source,
                }
            })?,
            options,
        ))),
        (1, Some(Platform::OpenPlatform)) if shape.english_pay_body() => {
            Err(DecodeError::EnglishPayMessage {
                code: input
                    .parse::<CodeOnly>()
                    .map(|c| c.code)
                    .unwrap_or_default(),
            })
        }
        (1, Some(Platform::WechatServer)) => {
            decode_json_as(input, Platform::WechatServer, options).map(owner_of_server_shape)
        }
        (1, Some(platform)) => decode_json_as(input, *platform, options),
        (0, _) if shape.detail_err_msg => input
            .parse::<Detailed<'a>>()
            .map(|d| Diagnosis::Wx(d.detail))
            .map_err(|source| DecodeError::Invalid {
                platform: Platform::Wechat,
                source,
            }),
        (0, _) => Err(DecodeError::UnknownShape {
            keys: input.parse::<Keys>().map_or_else(|_| Vec::new(), |k| k.0),
        }),
        _ => Err(DecodeError::AmbiguousShape {
            platforms: fits.iter().take(count).copied().collect(),
        }),
    }
}

/// A bare string: the Alipay gateway's error page or an SDK's gateway error text, a WeChat
/// Cloud Error text, a WeChat `api:fail` errMsg, a documented Alipay errorMessage, a
/// documented Cloud message, or any form [`crate::line`] reads in a log line (an SDK's text of
/// a server or WeChat Pay error, a server errmsg with its `rid`). Anything else is an error
/// that says so; nothing is guessed.
fn decode_text<'a>(
    text: Cow<'a, str>,
    options: &DecodeOptions,
    escaped_levels: u8,
) -> Result<Diagnosis<'a>, DecodeError> {
    let borrowed = match &text {
        Cow::Borrowed(borrowed) => Some(*borrowed),
        Cow::Owned(_) => None,
    };
    // A string that holds an escaped body with an errMsg's fail marker in it
    // (`"{\"errMsg\":\"requestPayment:fail cancel\"}"`) is that body, read as a whole line
    // would be: the errMsg reading below would take the escaped JSON for the message's words
    // (an errMsg whose API is `{"errMsg":"requestPayment`). Other escaped strings reach the
    // same reading last, as before.
    if borrowed.is_none() && text.contains("{\"") && wx::has_fail_marker(&text) {
        if let Some(levels) = escaped_levels.checked_sub(1) {
            if let Ok((_, d)) = crate::line::decode_line_within(&text, options, levels) {
                return Ok(d.into_owned());
            }
        }
    }
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
    // Cloud's text form, or a Cloud API's own `api:fail` (`document.get:fail …`).
    if wx::cloud::has_cloud_form(&text)
        || (wx::cloud::names_cloud_api(&text) && wx::has_fail_marker(&text))
    {
        return Ok(Diagnosis::WxCloud(wx::cloud::Fail::new(text)));
    }
    if wx::has_fail_marker(&text) {
        return Ok(openapi_as_server(Diagnosis::Wx(wx::Fail::new(text))));
    }
    // A Cloud message alone (`没有权限，请先开通云开发或者云托管`), unless Alipay claims it.
    let cloud_message = !wx::cloud::Code::all_with_message(&text).is_empty();
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
    // An SDK's or a logger's rendering kept as a string (`"Error code: 48001, message: …"`,
    // `"[40164] invalid ip …"`): the text forms a log line is read with, so that the string
    // means the same here as on a line of its own. A string with escapes (a body a logger
    // escaped into it, `"{\"errcode\":40164,…} {\"exception\":…}"`) is not borrowed from the
    // input: it is read as a whole line would be (within [`ESCAPED_LEVELS`]), and what it finds
    // is made owned.
    match borrowed {
        Some(text) => {
            if let Some((_, d)) = crate::line::text_form(text, options, true) {
                return Ok(d);
            }
        }
        None => {
            if let Some(levels) = escaped_levels.checked_sub(1) {
                let unescaped = fail.error_message().unwrap_or_default();
                if let Ok((_, d)) = crate::line::decode_line_within(unescaped, options, levels) {
                    return Ok(d.into_owned());
                }
            }
        }
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
    decode_json_as(Json::Bytes(input), platform, options)
}

/// [`decode_as`] for text, as a line of a log is.
pub(crate) fn decode_str_as<'a>(
    input: &'a str,
    platform: Platform,
    options: &DecodeOptions,
) -> Result<Diagnosis<'a>, DecodeError> {
    decode_json_as(Json::Text(input), platform, options)
}

fn decode_json_as<'a>(
    input: Json<'a>,
    platform: Platform,
    options: &DecodeOptions,
) -> Result<Diagnosis<'a>, DecodeError> {
    let input = input.without_bom();
    let invalid = |source| DecodeError::Invalid { platform, source };
    Ok(match platform {
        // A legacy errCode arrives in a WeChat fail object.
        Platform::Wechat | Platform::WechatLegacy => {
            Diagnosis::Wx(input.parse::<wx::Fail>().map_err(invalid)?)
        }
        Platform::Alipay => Diagnosis::Alipay(AlipayDiagnosis::new(
            input.parse::<alipay::Fail>().map_err(invalid)?,
            options.alipay_api,
        )),
        Platform::AlipayPlus => Diagnosis::AlipayPlus(
            input.parse::<alipay_plus::ApiResult>().map_err(invalid)?,
            options.call_kind,
        ),
        Platform::OpenPlatform => {
            Diagnosis::OpenPlatform(input.parse::<open_platform::Response>().map_err(invalid)?)
        }
        Platform::WechatServer => {
            Diagnosis::WxServer(input.parse::<wx::server::Response>().map_err(invalid)?)
        }
        Platform::WechatCloud => {
            Diagnosis::WxCloud(input.parse::<wx::cloud::Fail>().map_err(invalid)?)
        }
        Platform::AlipayGateway => Diagnosis::AlipayGateway(
            input
                .parse::<alipay::gateway::Response>()
                .map_err(invalid)?,
            options.call_kind,
        ),
        Platform::Wecom => {
            Diagnosis::Wecom(input.parse::<crate::wecom::Response>().map_err(invalid)?)
        }
        Platform::WechatPay => Diagnosis::WxPay(PayDiagnosis::new(
            wechat_pay_answer(input).map_err(invalid)?,
            options,
        )),
    })
}

/// A WeChat Pay body: APIv3's (a string `code`) or v2's fields.
fn wechat_pay_answer(input: Json<'_>) -> Result<wx::pay::Answer<'_>, serde_json::Error> {
    wechat_pay_answer_as(input, input.parse::<shape::PayVersion>()?)
}

/// A WeChat Pay body of the version given.
fn wechat_pay_answer_as(
    input: Json<'_>,
    version: shape::PayVersion,
) -> Result<wx::pay::Answer<'_>, serde_json::Error> {
    match version {
        shape::PayVersion::V3 => input.parse().map(wx::pay::Answer::V3),
        shape::PayVersion::V2 => input.parse().map(wx::pay::Answer::V2),
    }
}

/// A WeChat or Cloud failure of a Cloud `openapi.*` call that carries a WeChat server errcode
/// is the server's answer: it is reported as [`Platform::WechatServer`], with the errcode as
/// its code and the errmsg after `:fail` (so `rid` and hints are split off as on any server
/// body). So is a server answer passed on in a client failure's field names
/// ([`server_answer_as_fail`]); and a failure of WeCom's JS-SDK is WeCom's
/// ([`wecom_js_sdk_failure`]). Everything else is returned as it came.
pub(crate) fn openapi_as_server(diagnosis: Diagnosis<'_>) -> Diagnosis<'_> {
    let server = match &diagnosis {
        // Nearly every fail is not one: a substring search rules it out before the errMsg is
        // split and its reason looked up.
        Diagnosis::Wx(fail) if mentions_openapi(&fail.err_msg) => {
            let sent = fail.err_code();
            // Without an errCode, the one server errmsg the reason names gives the code.
            let code = sent.or_else(|| fail.server_errcode().map(|c| c.raw()));
            openapi_server_response(code, &fail.err_msg)
        }
        Diagnosis::WxCloud(fail) => openapi_server_response(fail.err_code(), fail.err_msg_cow()),
        _ => None,
    };
    let server = server.or_else(|| match &diagnosis {
        Diagnosis::Wx(fail) => server_answer_as_fail(fail.err_code(), &fail.err_msg),
        _ => None,
    });
    if let Some(server) = server {
        return Diagnosis::WxServer(server);
    }
    match &diagnosis {
        Diagnosis::Wx(fail) => wecom_js_sdk_failure(fail).map_or(diagnosis, Diagnosis::Wecom),
        _ => diagnosis,
    }
}

/// A failure of WeCom's JS-SDK, which answers in the client's `errMsg` shape and ends it with
/// the link to WeCom's code page that names the code (`agentConfig:not match any reliable
/// domain. more info at https://open.work.weixin.qq.com/devtool/query?e=80001`): WeCom's
/// answer with that code, its errmsg the errMsg as sent.
fn wecom_js_sdk_failure<'a>(fail: &wx::Fail<'a>) -> Option<crate::wecom::Response<'a>> {
    // The link ends the errMsg with the code's digits: one byte rules out nearly every fail.
    if !fail
        .err_msg
        .trim_end()
        .as_bytes()
        .last()
        .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let code = crate::line::wecom_link_code(&fail.err_msg)?;
    Some(crate::wecom::Response::new(
        Some(crate::wecom::AnyErrcode::new(code)),
        Some(fail.err_msg.clone()),
    ))
}

/// The platform a body in the WeChat server's shape belongs to, where its errcode says so
/// alone. An errcode in WeChat Cloud's range (-400000 to -699999) is Cloud's: the Cloud
/// error-code page says the Cloud HTTP API answers with `errcode` and `errmsg` holding these
/// codes (`/tcb/invokecloudfunction`: `{"errcode":-501007,"errmsg":"function name foramt
/// invalid"}`), and the server's own table has none there. An errcode the server's table does
/// not list, beside the very errmsg WeCom's table records for it (60011 `no privilege to
/// access/modify contact/party/agent`), is WeCom's: the number and its words are WeCom's
/// alone. Everything else is returned as it came.
pub(crate) fn owner_of_server_shape(diagnosis: Diagnosis<'_>) -> Diagnosis<'_> {
    let Diagnosis::WxServer(response) = diagnosis else {
        return diagnosis;
    };
    let Some(code) = response.errcode_sent().map(|c| c.raw()) else {
        return Diagnosis::WxServer(response);
    };
    if wx::server::Errcode::from_code(code).is_some() {
        return Diagnosis::WxServer(response);
    }
    if wx::cloud::in_code_range(code) {
        let err_msg = response.errmsg.unwrap_or(Cow::Borrowed(""));
        return Diagnosis::WxCloud(wx::cloud::Fail::new(err_msg).with_err_code(code));
    }
    let wecom_words = crate::wecom::Errcode::from_code(code)
        .map(crate::wecom::Errcode::errmsg)
        .filter(|words| !words.is_empty());
    if wecom_words.is_some_and(|words| response.reason().trim() == words) {
        let errcode = Some(crate::wecom::AnyErrcode::new(code));
        return Diagnosis::Wecom(crate::wecom::Response::new(errcode, response.errmsg));
    }
    Diagnosis::WxServer(response)
}

/// A server answer passed on in a client failure's field names (uniCloud's uni-id rejects
/// with `{errCode, errMsg}`: `errCode: 40013 | errMsg: invalid appid rid: …`): a positive
/// errCode beside an errMsg that is no `api:fail` message but a server errmsg, by the
/// server's own `rid:` (which no client errMsg carries) or by being the documented errmsg of
/// that very number, when it has five digits or more: a shorter one beside generic words (a
/// `404` beside `404 not found`) is any HTTP stack's. The number alone is anybody's, and a
/// bare errmsg may be shared.
fn server_answer_as_fail<'a>(
    err_code: Option<i64>,
    err_msg: &Cow<'a, str>,
) -> Option<wx::server::Response<'a>> {
    let code = err_code.filter(|&c| c > 0)?;
    if wx::has_fail_marker(err_msg) || wx::split_err_msg(err_msg).0.is_some() {
        return None;
    }
    let response = wx::server::Response::new(
        Some(wx::server::AnyErrcode::new(code)),
        Some(err_msg.clone()),
    );
    let marked = response.rid().is_some_and(|rid| !rid.is_empty());
    let documented = code >= 10_000
        && wx::server::Errcode::from_code(code).is_some_and(|known| {
            let errmsg = known.errmsg();
            !errmsg.is_empty() && !errmsg.contains('%') && response.reason() == errmsg
        });
    (marked || documented).then_some(response)
}

/// Whether a text names a Cloud `openapi.*` call at all.
fn mentions_openapi(text: &str) -> bool {
    crate::normalize::find_str(text, "openapi.").is_some()
}

/// The server response inside a Cloud `openapi.*` failure, borrowing from `text` where it can.
fn openapi_server_response<'a>(
    err_code: Option<i64>,
    text: &Cow<'a, str>,
) -> Option<wx::server::Response<'a>> {
    if !mentions_openapi(text) {
        return None;
    }
    let (code, _api, errmsg) = wx::cloud::openapi_server_error(err_code, text)?;
    Some(wx::server::Response::new(
        Some(wx::server::AnyErrcode::new(code)),
        Some(crate::text::part_of(text, errmsg)),
    ))
}
