//! Finding the payload in a log line: JSON, or one of the text forms SDKs and runtimes print.
//!
//! Logs rarely hold one bare JSON object per line. A payload follows a timestamp and a level,
//! sits inside an exception message, or was never JSON at all: an SDK printed the error as
//! text. [`decode_line`] looks for one, in this order, and says which form it found
//! ([`Found`]):
//!
//! 1. the whole line as JSON, an object or a string ([`Found::Json`]);
//! 2. else the first JSON object inside the line ([`Found::JsonObject`]); when that object is
//!    the `result` of an Alipay App SDK result a console printed (`{resultStatus: 4000,
//!    result: {<gateway JSON>}, memo: }`), the App SDK's result, with the nested answer's
//!    step ([`Found::Fields`]);
//!
//!    in either, an app's envelope that passes a failure on is read for that failure: a
//!    success envelope or an open-platform code it does not know, around an object or an
//!    escaped body; and an app's own `{code, msg}` whose msg is a WeChat server errmsg with the
//!    server's suffix (`api unauthorized rid: …`) documented for that code is the server's;
//! 3. else a known text form:
//!    - a WeChat Cloud Error text, `errCode: -502005 … | errMsg: …` ([`Found::WxCloudText`]);
//!    - the Alipay gateway's error page, `错误代码 invalid-signature 错误原因: …`, or an SDK's
//!      `Get Alipay API Error:Business Failed - ACQ.TRADE_NOT_EXIST` ([`Found::GatewayText`]);
//!    - a WeChat Pay v2 XML body, or wechatpay-go's `error http response:[StatusCode: 401
//!      Code: "SIGN_ERROR" …` ([`Found::PayText`]); the HTTP status an SDK prints beside a
//!      JSON body (`httpStatusCode[400]`) is kept with it;
//!    - an Alipay SDK's `msg[code]` and `sub_msg[sub_code]` pairs,
//!      `Business Failed[40004] 交易不存在[ACQ.TRADE_NOT_EXIST]` ([`Found::GatewayText`]);
//!    - an SDK's rendering of a WeChat server error ([`Found::ServerText`]): `Error code: 48001,
//!      message: …` (wechatpy), `errcode=40029, errmsg=…`, `[40164] …`, `WxErrCode != 0, resp:
//!      {41001 …}`, `Request Error: 48001, …`, `错误代码：45009，说明：…` and `…。错误代码：41002`,
//!      and any rendering that puts a code right before the errmsg documented for that very
//!      code (`授权失败：40125, invalid appsecret …`, `Exception(code: 42001): [Wechat]access_token
//!      expired`); a server errmsg with its `rid:` and no code (after a label, or in Markdown's
//!      backticks), where the errmsg names one code or every code it names takes one step; a
//!      WeCom errmsg with no code, by the code its `more info at …?e=N` link names, or by the
//!      code WeCom's table gives it when WeCom's older hint (`hint: [1549248037_1_ea3e…]`)
//!      follows it;
//!    - a fail object as a console or a dump prints it, not JSON but with its fields named:
//!      `{errMsg: "request:ok", header: undefined}`, `errCode: -5, errMsg: mediaError`,
//!      `{'errcode': 40029, 'errmsg': '…'}`, PHP's `["errcode"]=> int(50002)`
//!      ([`Found::Fields`]): WeChat's `errMsg`/`errCode`/`errno`, the server's
//!      `errcode`/`errmsg`, or the Alipay App SDK's `resultStatus`/`memo`;
//!    - a WeChat Pay code beside a message its own rows document
//!      (`错误码:OUT_TRADE_NO_USED:商户订单号重复`), or the request validator's message naming a
//!      field (`输入源“/body/…”映射到字段“…”…`) ([`Found::PayText`]);
//!    - an Alipay JSAPI's documented errorMessage after the API's name, `my.request报错：JSON
//!      parse data error` ([`Found::AlipayText`]);
//!    - a WeChat `api:fail …` errMsg anywhere in the line, up to its closing quote if it is
//!      quoted, or else the WeChat DevTools' message for a domain not in the server-domain list,
//!      `http://127.0.0.1 不在以下 request 合法域名列表中，请参考文档：…` ([`Found::WxErrMsg`]);
//!    - last, a WeChat Pay v3 failure of which the line kept only the HTTP status, where the
//!      line names the v3 API's URL or the official Java SDKs (`com.wechat.pay.…`):
//!      `…SignatureExec - 应答的状态码不为200-299。status code[401]` ([`Found::PayText`], no
//!      code; the status decides only what the common status table lets it decide alone);
//!    - then pairs of a code and its own words that any rendering may print: a WeChat Pay code
//!      in v2's joined spelling before a Chinese message, `USERPAYING--需要用户输入支付密码`
//!      ([`Found::PayText`]); a number only WeCom's table lists before the errmsg WeCom records
//!      for it, `错误60011 no privilege to access/modify contact/party/agent`
//!      ([`Found::ServerText`]);
//!    - and a namespaced gateway sub_code the tables know beside its sub_msg in parentheses,
//!      `ACQ.SELLER_BALANCE_NOT_ENOUGH(卖家余额不足)` or `支付授权码无效(ACQ.PAYMENT_AUTH_CODE_INVALID)`
//!      ([`Found::GatewayText`], no API: the sub_code's own row decides).
//!
//! A line where none of these is found is [`LineError::NoPayload`]; a JSON payload that fits no
//! platform, and has no text form inside, is the decoder's own error.
//!
//! JSON objects and quoted messages are sought in the whole line; the text forms in its first
//! MiB ([`MAX_TEXT_FORM_BYTES`]), and in a quoted message's first MiB. That is
//! `minierr decode`'s default line cap, so by default a line is read whole; the bound keeps the
//! time a longer line given to the library takes in proportion to its length, whatever its
//! bytes, should a form still read some shape more than once.
//!
//! ```
//! use minierr::line::{decode_line, Found};
//! use minierr::{Action, DecodeOptions, Platform};
//!
//! let options = DecodeOptions::new();
//! let (found, d) = decode_line(
//!     r#"2026-11-30 10:02:11 ERROR pay failed {"errMsg":"requestPayment:fail cancel"}"#,
//!     &options,
//! )?;
//! assert_eq!((found, d.platform()), (Found::JsonObject, Platform::Wechat));
//!
//! let (found, d) = decode_line("Error code: 48001, message: api unauthorized rid: 65d38b69-62497c5f-7e6c18da", &options)?;
//! assert_eq!((found, d.platform()), (Found::ServerText, Platform::WechatServer));
//! assert_eq!(d.action(), Some(Action::FixConfig));
//!
//! let (found, d) = decode_line("[wx] request:fail timeout", &options)?;
//! assert_eq!((found, d.action()), (Found::WxErrMsg, Some(Action::Retry)));
//! # Ok::<(), minierr::line::LineError>(())
//! ```

use std::borrow::Cow;

use crate::alipay::ErrorValue;
use crate::alipay::gateway::{self, Code as GatewayCode, SubCode};
use crate::decode::{DecodeError, DecodeOptions, Diagnosis};
use crate::normalize::{find_str, leading_int, match_str_indices};
use crate::wx;

/// Which form of payload [`decode_line`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Found {
    /// The whole line is one JSON value: an object, or a string holding a message.
    Json,
    /// A JSON object inside the line, after a timestamp or a label.
    JsonObject,
    /// A JSON string the line quotes, read as the whole line would be, where nothing else in
    /// the line was found (`… call failed "api unauthorized, hints: [ req_id: … ]"`).
    JsonString,
    /// A WeChat Cloud Error text.
    WxCloudText,
    /// The Alipay gateway's error page, or an SDK's text of a gateway error.
    GatewayText,
    /// An SDK's text rendering of a WeChat server error.
    ServerText,
    /// A platform's fields named in text that is not JSON (a console's object literal, a Python
    /// dict, a PHP dump).
    Fields,
    /// A WeChat Pay v2 XML body, or a WeChat Pay SDK's text of an error.
    PayText,
    /// A WeChat `api:fail` errMsg inside the line.
    WxErrMsg,
    /// An Alipay JSAPI's documented errorMessage after the API's name.
    AlipayText,
}

impl Found {
    /// A stable name for reports: `json`, `json_object`, `json_string`, `wx_cloud_text`, `gateway_text`,
    /// `server_text`, `fields`, `alipay_text`, `pay_text` or `wx_err_msg`.
    ///
    /// ```
    /// assert_eq!(minierr::line::Found::ServerText.as_str(), "server_text");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Found::Json => "json",
            Found::JsonObject => "json_object",
            Found::JsonString => "json_string",
            Found::WxCloudText => "wx_cloud_text",
            Found::GatewayText => "gateway_text",
            Found::ServerText => "server_text",
            Found::Fields => "fields",
            Found::WxErrMsg => "wx_err_msg",
            Found::AlipayText => "alipay_text",
            Found::PayText => "pay_text",
        }
    }
}

/// Why a line gave no diagnosis.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LineError {
    /// Nothing in the line looks like a payload of any platform.
    #[error("no payload found in the line")]
    NoPayload,
    /// A JSON payload was found but could not be decoded, and no text form was found either.
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// How many `{` a line may have before the search for a JSON object in it gives up.
const MAX_OBJECT_STARTS: usize = 8;

/// How much of a line, in bytes, the text forms read (cut at a character boundary): see the
/// [module docs](self).
pub const MAX_TEXT_FORM_BYTES: usize = 1024 * 1024;

/// The payload in `line` and its diagnosis; see the [module docs](self) for the forms and their
/// order.
///
/// ```
/// use minierr::line::{decode_line, Found, LineError};
/// use minierr::DecodeOptions;
///
/// let options = DecodeOptions::new();
/// let (found, d) = decode_line(r#""getUserInfo:fail auth deny""#, &options)?;
/// assert_eq!((found, d.name()), (Found::Json, Some("JsapiUserAuthorizeDenied")));
/// assert!(matches!(decode_line("INFO server started", &options), Err(LineError::NoPayload)));
/// # Ok::<(), LineError>(())
/// ```
pub fn decode_line<'a>(
    line: &'a str,
    options: &DecodeOptions,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    decode_line_within(line, options, crate::decode::ESCAPED_LEVELS)
}

/// [`decode_line`] where the strings with escapes in the line are unescaped and read `levels`
/// more times at most: fewer than a line of the input gets, for the text of a string that
/// decode has unescaped.
pub(crate) fn decode_line_within<'a>(
    line: &'a str,
    options: &DecodeOptions,
    levels: u8,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    decode_line_with(
        line,
        options,
        &|text| crate::decode::decode_str_within(text, options, levels),
        true,
        false,
    )
}

/// [`decode_line`] with the platform given, for JSON payloads that fit several: JSON is decoded
/// as `platform`'s; the text forms are found as usual.
///
/// ```
/// use minierr::line::decode_line_as;
/// use minierr::{DecodeOptions, Platform};
/// let (_, d) = decode_line_as(r#"{"code":"40004","msg":"x"}"#, Platform::AlipayGateway, &DecodeOptions::new())?;
/// assert_eq!(d.platform(), Platform::AlipayGateway);
/// # Ok::<(), minierr::line::LineError>(())
/// ```
pub fn decode_line_as<'a>(
    line: &'a str,
    platform: crate::Platform,
    options: &DecodeOptions,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    decode_line_with(
        line,
        options,
        &|text| crate::decode::decode_str_as(text, platform, options),
        true,
        true,
    )
}

/// `quoted`: whether a message the line quotes may be read on its own when nothing else is
/// found (not again inside it). `platform_named`: whether the caller named the platform of the
/// line's JSON, which then stays that platform's.
fn decode_line_with<'a>(
    line: &'a str,
    options: &DecodeOptions,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
    quoted: bool,
    platform_named: bool,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    let line = line.trim_start_matches('\u{feff}').trim();
    if !may_hold_payload(line) {
        debug_assert!(
            matches!(
                every_form(line, options, decode, quoted, platform_named),
                Err(LineError::NoPayload)
            ),
            "the first look ruled out a line a form reads: {line}"
        );
        return Err(LineError::NoPayload);
    }
    every_form(line, options, decode, quoted, platform_named)
}

/// The words (ASCII, any case) of which every text form needs at least one: the field and
/// label names (`errcode`, `errMsg`, `Error code:`, `StatusCode`, `sub_code`, `retmsg`,
/// `resultStatus`), an errMsg's `fail`, the server's `rid:` and hints, the SDKs' exception
/// names, the Alipay APIs' `my.` and host, WeChat's hosts (WeCom's link, WeChat Pay's API
/// beside a bare HTTP status) and the official Java SDKs' packages, the gateway text's ` - `
/// and ` , `, and gopay's refusal to verify an answer.
const FORM_WORDS: [&str; 15] = [
    "err",
    "fail",
    "code",
    "msg",
    "rid",
    "hint",
    "exception",
    "status",
    "my.",
    "alipay",
    "weixin.qq",
    "wechat.pay",
    " - ",
    " , ",
    // gopay's refusal to verify an answer: the other SDKs' refusals already pass on a bracket,
    // one of these words or Chinese.
    "auto verify sign",
];

/// [`FORM_WORDS`] and the gateway tables' sub_code namespaces (`ACQ.`, `isv.`, …), which an
/// all-ASCII line may hold with no other mark (`isv.app-call-limited(App call limited)`).
static FORM_WORDS_AUTOMATON: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        let mut words = FORM_WORDS.to_vec();
        words.extend(sub_code_namespaces());
        crate::normalize::any_word_automaton(&words, true)
    });

/// A cheap first look at a line's bytes: whether any form could read it. Most lines of a log
/// are a program's own words (`INFO request served in 96 ms`); they are ruled out here instead
/// of by every form's own searches. A line passes with any byte that starts JSON, XML, a quote
/// or a bracketed code (`{ [ < " ' `` ` ``), an underscore (the pay and gateway codes), any
/// non-ASCII byte (the Chinese labels and messages), a run of five digits (a server errcode
/// before its errmsg), one of [`FORM_WORDS`], or a gateway sub_code's namespace. (A debug build checks every line ruled out
/// against every form.)
fn may_hold_payload(line: &str) -> bool {
    let mut digits = 0;
    for &byte in line.as_bytes() {
        match BYTE_CLASS.get(usize::from(byte)).copied().unwrap_or(0) {
            OPENS_A_FORM => return true,
            DIGIT => {
                digits += 1;
                if digits == 5 {
                    return true;
                }
            }
            _ => digits = 0,
        }
    }
    // Without the automaton (it cannot fail to build from these words) every line is looked at.
    crate::normalize::holds_any_word(FORM_WORDS_AUTOMATON.as_ref(), line)
}

const OPENS_A_FORM: u8 = 1;
const DIGIT: u8 = 2;

/// Each byte's part in [`may_hold_payload`], as a table: a load and a comparison per byte (a
/// `match` on the byte measured twice the instructions).
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build, not a run"
)]
static BYTE_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        class[byte] = match byte as u8 {
            b'{' | b'[' | b'<' | b'"' | b'\'' | b'`' | b'_' | 0x80..=0xff => OPENS_A_FORM,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        byte += 1;
    }
    class
};

/// [`decode_line_with`] past the first look: every form, in order.
fn every_form<'a>(
    line: &'a str,
    options: &DecodeOptions,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
    quoted: bool,
    platform_named: bool,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    let mut json_error = None;
    let mut pay_fallback = None;
    // The first object that fits no platform and has a stack trace (a function runtime's
    // exception, or a logger's): it is read for the error it holds.
    let mut thrown_object: Option<&'a str> = None;
    // A success logged first (a request's `{"errcode":0,…}`, a query's answer) and a failure
    // after it: the failure is what the line reports. The success stands only when no later
    // object has a step of its own; objects inside it are its own (`unwrapped`).
    let mut success: Option<(Diagnosis<'a>, usize)> = None;
    if line.starts_with(['{', '"', '[']) {
        match decode(line) {
            Ok(d) => {
                let d = unwrapped(d, line, 0, decode, platform_named);
                // Only an object with another one after its first closing brace can be
                // followed by one (a byte search); only then is the step worth finding here,
                // since the report finds it again.
                let may_hold_more = line.starts_with('{')
                    && memchr::memchr(b'}', line.as_bytes())
                        .and_then(|close| line.get(close..))
                        .is_some_and(|rest| rest.contains('{'));
                if let Some((found, thrown)) =
                    thrown_instead(&d, line, options, decode, platform_named)
                {
                    return Ok((found, with_line_context(thrown, line)));
                }
                if !may_hold_more || d.action() != Some(crate::Action::Success) {
                    return Ok((Found::Json, with_line_context(d, line)));
                }
                // A success: the line's first value, when more follows it, may be followed by
                // the failure the line reports. Only then is the line scanned again.
                let first_end = line
                    .starts_with('{')
                    .then(|| json_object_at(line, 0))
                    .flatten()
                    .map(str::len)
                    .filter(|&end| line.get(end..).is_some_and(|rest| rest.contains('{')));
                match first_end {
                    Some(end) => success = Some((d, end)),
                    None => return Ok((Found::Json, with_line_context(d, line))),
                }
            }
            // Not JSON at all: look inside it instead.
            Err(DecodeError::NotAnObject(_)) => {}
            Err(e) => {
                if matches!(e, DecodeError::UnknownShape { .. }) && has_stack_trace(line) {
                    thrown_object = Some(line);
                }
                json_error = Some(e);
            }
        }
    }
    for (at, _) in line.match_indices('{').take(MAX_OBJECT_STARTS) {
        if at == 0 && json_error.is_some() {
            continue;
        }
        if success.as_ref().is_some_and(|(_, end)| at < *end) {
            continue;
        }
        // An empty object (`\"destination_origin\":{}`) is no payload and no evidence.
        let Some(object) = json_object_at(line, at).filter(|o| !is_empty_object(o)) else {
            continue;
        };
        match decode(object) {
            Ok(d) => {
                // The gateway answer an App SDK result nests, printed by a console as a
                // JavaScript literal (`{resultStatus: 4000, result: {<gateway JSON>}, memo: }`):
                // the App SDK's result is the payload, as it is in JSON, with that answer's step.
                if let Diagnosis::AlipayGateway(response, _) = &d {
                    let nested = crate::alipay::nested_failure_action(response);
                    let app = line
                        .get(..at)
                        .filter(|head| is_result_value(head))
                        .and_then(|_| app_sdk_result(line, options, nested));
                    if let Some(app) = app {
                        return Ok((Found::Fields, with_line_context(app, line)));
                    }
                }
                let d = unwrapped(d, line, at, decode, platform_named);
                let succeeded = d.action() == Some(crate::Action::Success);
                match &success {
                    None if succeeded => {
                        success = Some((d, at + object.len()));
                        continue;
                    }
                    // A later object that says nothing (no known code, no step) leaves the
                    // success standing; a known failure does not, step or none.
                    Some(_)
                        if succeeded || (d.action().is_none() && !reports_a_known_failure(&d)) =>
                    {
                        continue;
                    }
                    _ => {
                        if let Some((found, thrown)) =
                            thrown_instead(&d, object, options, decode, platform_named)
                        {
                            return Ok((found, with_line_context(thrown, line)));
                        }
                        return Ok((Found::JsonObject, with_line_context(d, line)));
                    }
                }
            }
            Err(e) => {
                // A body the line says WeChat Pay sent (its host is named) is read as WeChat
                // Pay's, whatever its message's language, if it holds a code the catalog
                // knows, and only when no later object is a payload (the request body comes
                // first in most logs).
                if pay_fallback.is_none() && names_pay_host(line) {
                    pay_fallback =
                        crate::decode::decode_str_as(object, crate::Platform::WechatPay, options)
                            .ok()
                            .filter(Diagnosis::is_known);
                }
                if matches!(e, DecodeError::UnknownShape { .. })
                    && thrown_object.is_none()
                    && has_stack_trace(object)
                {
                    thrown_object = Some(object);
                }
                json_error.get_or_insert(e);
            }
        }
    }
    if let Some(d) = pay_fallback.or(success.map(|(d, _)| d)) {
        return Ok((Found::JsonObject, with_line_context(d, line)));
    }
    // A cloud function's exception as its caller receives it (Tencent SCF's `{"errorCode":1,
    // "errorMessage":"user code exception caught","stackTrace":"…"}`), or any object that fits
    // no platform but a logger's `stackTrace`: what was thrown is the stack trace, whose first
    // line is the error's own text (wx-server-sdk's `Error: errCode: 40029 | errMsg:
    // openapi.…:fail invalid code`). That line is read as a line of its own, before the text
    // forms look at the envelope, where they would find the errMsg without the code before it;
    // the whole line still gives it its context (a WeChat Pay call's URL and status). Only a
    // reading that names a code or a step is taken, and not where the object also holds an
    // escaped payload (read below).
    let escaped_payload = matches!(json_error, Some(DecodeError::UnknownShape { .. }))
        && find_str(line, "\\\"").is_some();
    let thrown = thrown_object
        .filter(|_| !escaped_payload)
        .and_then(|object| thrown_error(object, options, decode, platform_named));
    if let Some((found, d)) = thrown {
        return Ok((found, with_line_context(d, line)));
    }
    // Named fields are for text that is not JSON; a JSON object whose shape fits no platform, or
    // several, is not re-read loosely, or its ambiguity would be guessed away. The exception is
    // a structured log's object that fits none but holds a payload escaped inside one of its
    // strings (`{"level":"error","msg":"{\"errcode\":40001,…}"}`): those fields are the
    // payload's own, not the object's.
    // The text forms read the line's start; a quoted message is read whole wherever it ends,
    // each with its own start read by the text forms in turn.
    let start = crate::normalize::head_of(line, MAX_TEXT_FORM_BYTES);
    if let Some(found) = text_form(start, options, json_error.is_none() || escaped_payload) {
        return Ok(found);
    }
    // A message a logger quoted (`… call failed "api unauthorized, hints: [ req_id: … ]"`),
    // or a line that is one such string: the string is read as a whole line would be, then
    // its text, where the forms that need the message's start find it. Only where nothing
    // else in the line was read, and only one level down.
    // An app's own object that fits no platform (`{"success":false,"message":"access_token
    // missing rid: …"}`) holds such a message too: its first value of several words (not a
    // key or an id; the message comes before a stack trace's frames); an object that fits
    // several is not read loosely, or its ambiguity would be guessed away.
    let text_error = matches!(json_error, None | Some(DecodeError::UnknownText { .. }));
    let app_object = matches!(json_error, Some(DecodeError::UnknownShape { .. }));
    if quoted && (text_error || app_object) {
        // (decode reads a string's own text with the text forms itself.)
        let inside = quoted_strings(line)
            .filter(|string| !app_object || string.contains(' '))
            .take(if app_object { 1 } else { usize::MAX })
            .filter(|string| !app_object || names_a_failure(string))
            .find_map(|string| {
                decode_line_with(string, options, decode, false, platform_named).ok()
            });
        if let Some((found, d)) = inside {
            let found = match found {
                Found::Json => Found::JsonString,
                other => other,
            };
            return Ok((found, d));
        }
        // PHP's `Uncaught exception 'Exception' with message '…' in …` quotes with single
        // quotes: the text between them, likewise.
        let inside = single_quoted(line)
            .filter(|_| text_error)
            .find_map(|inner| decode_line_with(inner, options, decode, false, platform_named).ok());
        if let Some(found) = inside {
            return Ok(found);
        }
    }
    Err(json_error.map_or(LineError::NoPayload, LineError::Decode))
}

/// A text serde_json unescaped out of a line, read as a line of its own without more
/// unescaping. Not generic over the caller's decoder, so the forms that call it stay finitely
/// instantiated.
fn decode_unescaped<'a>(
    text: &'a str,
    options: &DecodeOptions,
) -> Result<(Found, Diagnosis<'a>), LineError> {
    decode_line_with(
        text,
        options,
        &|text| crate::decode::decode_str_within(text, options, 0),
        false,
        false,
    )
}

/// What an object with a `stackTrace` threw: its stack's first line read as a line of its
/// own (see [`every_form`]), taken only where it names a code or a step.
fn thrown_error<'a>(
    object: &'a str,
    options: &DecodeOptions,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
    platform_named: bool,
) -> Option<(Found, Diagnosis<'a>)> {
    match stack_trace_head(object)? {
        Cow::Borrowed(head) => decode_line_with(head, options, decode, false, platform_named).ok(),
        // Unescaped, the text is no longer the line's: read on its own, without more
        // unescaping, and kept; by the platforms' own decoders, since a platform the caller
        // named for the line's JSON is not the thrown error's.
        Cow::Owned(head) => decode_unescaped(&head, options)
            .ok()
            .map(|(found, d)| (found, d.into_owned())),
    }
    .filter(|(_, d)| d.is_known() || d.action().is_some())
}

/// Whether an object may hold a `stackTrace` key: a necessary condition of
/// [`stack_trace_head`], sought by the key's capital, where JSON's many quotes would start a
/// search at every string.
fn has_stack_trace(object: &str) -> bool {
    find_str(object, "stackTrace\"").is_some()
}

/// An object that fits a platform's shape but names nothing there, with a stack trace: the
/// cloud console's `{"errCode":1,"errMsg":"user code exception caught","stackTrace":"…"}`
/// fits WeChat's fail object by its keys, but its errMsg is the function runtime's, not an
/// API's. What it threw is read instead, where that names a code or a step.
fn thrown_instead<'a>(
    d: &Diagnosis<'a>,
    object: &'a str,
    options: &DecodeOptions,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
    platform_named: bool,
) -> Option<(Found, Diagnosis<'a>)> {
    // The byte searches first: a diagnosis's step is worth resolving only for an object with
    // a stack trace, and no escaped payload (read elsewhere).
    if !has_stack_trace(object) || find_str(object, "\\\"").is_some() {
        return None;
    }
    if d.is_known() || d.action().is_some() {
        return None;
    }
    thrown_error(object, options, decode, platform_named)
}

/// The first line of the string an object gives its `stackTrace` key: the error a function
/// runtime's exception reports (Tencent SCF's `{errorCode, errorMessage, stackTrace}`), or a
/// logger's, without the frames under it. Borrowed where the line holds no escape before its
/// break; otherwise serde_json unescapes the string, since a logger that writes only ASCII
/// (`\u9519\u8bef…` for `错误…`) hides the words the text forms read.
fn stack_trace_head(object: &str) -> Option<Cow<'_, str>> {
    const KEY: &str = "\"stackTrace\"";
    let after_key = object.get(find_str(object, KEY)? + KEY.len()..)?;
    let value = after_key.trim_start().strip_prefix(':')?.trim_start();
    if !value.starts_with('"') {
        return None;
    }
    // The string's extent as JSON reads it (`json_object_at` reads any value).
    let string = json_object_at(object, object.len() - value.len())?;
    let text = string.get(1..string.len().checked_sub(1)?)?;
    let escaped_head = [find_str(text, "\\n"), find_str(text, "\\r")]
        .into_iter()
        .flatten()
        .min()
        .and_then(|at| text.get(..at))
        .unwrap_or(text);
    let head = if memchr::memchr(b'\\', escaped_head.as_bytes()).is_none() {
        Cow::Borrowed(escaped_head.trim())
    } else {
        // A string serde_json refuses (a raw tab, a lone surrogate) is read as it stands.
        match serde_json::from_str::<String>(string) {
            Ok(unescaped) => {
                let first_line = unescaped.split(['\n', '\r']).next().unwrap_or_default();
                Cow::Owned(first_line.trim().to_owned())
            }
            Err(_) => Cow::Borrowed(escaped_head.trim()),
        }
    };
    Some(head).filter(|head| !head.is_empty())
}

/// Whether an app's message holds one of the marks the platforms' failures carry (the server's
/// `rid:` and hints, an errMsg's `fail`, a code's or message's field name): a cheap look that
/// spares every other message the text forms.
fn names_a_failure(text: &str) -> bool {
    [
        " rid: ", "hint", "fail", "errcode", "errmsg", "errCode", "errMsg",
    ]
    .iter()
    .any(|mark| find_str(text, mark).is_some())
}

/// The texts a line puts between single quotes, in order: `a` and `b` in `x 'a' y 'b'`.
fn single_quoted(line: &str) -> impl Iterator<Item = &str> {
    line.split('\'')
        .skip(1)
        .step_by(2)
        .filter(|inner| !inner.trim().is_empty())
        .take(MAX_OBJECT_STARTS)
}

/// Where in `text` serde_json stopped with `error`: its line and column, as a byte offset.
fn error_offset(text: &str, error: &serde_json::Error) -> Option<usize> {
    let line_start = match error.line() {
        0 | 1 => 0,
        line => memchr::memchr_iter(b'\n', text.as_bytes()).nth(line - 2)? + 1,
    };
    Some(line_start + error.column().saturating_sub(1))
}

/// The JSON strings a line quotes, quotes included, in order: `"a"` and `"b"` in
/// `x "a" y "b"`.
fn quoted_strings(line: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = line.get(from..)?.find('"').map(|i| from + i) {
            let rest = line.get(at..)?;
            let mut values =
                serde_json::Deserializer::from_str(rest).into_iter::<serde::de::IgnoredAny>();
            match values.next() {
                Some(Ok(_)) => {}
                // Not a string: it ran unclosed to the line's end, or met a control character or
                // a bad escape. Every quote before that point was escaped inside it, and a string
                // opened there is read the same way from the next byte on, to the same failure:
                // the next string to try starts after it.
                Some(Err(e)) => {
                    from = error_offset(rest, &e).map_or(at + 1, |offset| at + offset.max(1));
                    continue;
                }
                None => return None,
            }
            let end = values.byte_offset();
            from = at + end;
            let string = rest.get(..end)?;
            if !string.trim_matches('"').trim().is_empty() {
                return Some(string);
            }
        }
        None
    })
    .take(MAX_OBJECT_STARTS)
}

/// An SDK's own `{code, message, data}` around a platform's answer (`{"code":"-1","data":
/// {"code":"40004","sub_code":"ACQ.TRADE_NOT_EXIST",…},"message":"error"}`) fits the open
/// platform's shape with a code its catalog lacks; a nested object whose code a catalog knows is
/// the answer instead. So does a backend's success envelope around a failure it passes on
/// (`{"code":200,"msg":"success","data":{"errcode":40029,…}}`): the call it reports on
/// failed. Either may pass the answer on as escaped text in one of its strings. The open
/// platform's own known failure codes are kept as they are. A WeChat client call's success
/// result around the server's body is read by [`client_success_body`].
fn unwrapped<'a>(
    outer: Diagnosis<'a>,
    line: &'a str,
    start: usize,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
    platform_named: bool,
) -> Diagnosis<'a> {
    if outer.platform() == crate::Platform::Wechat {
        return client_success_body(outer, line, start, decode);
    }
    let envelope = outer.platform() == crate::Platform::OpenPlatform
        && (!outer.is_known() || outer.action() == Some(crate::Action::Success));
    if !envelope {
        return outer;
    }
    let inner = line
        .match_indices('{')
        .filter(|(at, _)| *at > start)
        .take(MAX_OBJECT_STARTS)
        .filter_map(|(at, _)| json_object_at(line, at))
        .filter_map(|object| decode(object).ok())
        .find(is_wrapped_answer);
    // An envelope that passes the answer on as text (`{"code":500,"msg":"{\"errcode\":40001,…}"}`,
    // or an HTTP client's message quoting the body it got) holds it escaped in one of its
    // strings: only strings with escaped quotes can, and each is read as a whole line is.
    let inner = inner.or_else(|| {
        find_str(line.get(start..)?, "\\\"")?;
        let envelope = json_object_at(line, start)?;
        // A list (`"[{\"errcode\":0,…},{\"errcode\":40003,…}]"`) holds batch results, one
        // per item: read as a line, its later failure would stand for the whole call.
        quoted_strings(envelope)
            .filter(|string| string.contains("\\\"") && !string.starts_with("\"["))
            .filter_map(|string| decode(string).ok())
            .find(is_wrapped_answer)
    });
    // The first object a catalog knows is the one wrapped; a success there (with failures
    // listed deeper, as WeCom's batch results list one errcode per item) leaves the envelope's
    // answer standing.
    match inner {
        Some(inner) if inner.action() != Some(crate::Action::Success) => inner,
        // Not where the caller named the open platform: its JSON stays the open platform's.
        _ if platform_named => outer,
        _ => server_answer_as_fields(&outer).unwrap_or(outer),
    }
}

/// Whether a decoded object names a failure minierr knows: a catalog code, or the Alipay
/// gateway's public code of a failure, whose sub_code may be one minierr does not know yet
/// (`40004` with a new `ACQ.…`).
fn reports_a_known_failure(d: &Diagnosis<'_>) -> bool {
    d.is_known()
        || matches!(d, Diagnosis::AlipayGateway(response, _) if response.public_code().is_some())
}

/// A WeChat client call's success result around the body the server answered: wx.request's
/// (or an upload's, a download's), which carries the HTTP `statusCode` and the body in `data`
/// (`{"data":{"errcode":43002,…},"statusCode":200,"errMsg":"request:ok"}`). The request reached
/// the server, and the server's answer is the failure. Only the `data` object is read, as a
/// whole: a list of results inside it is no answer of the call's.
fn client_success_body<'a>(
    outer: Diagnosis<'a>,
    line: &'a str,
    start: usize,
    decode: &impl Fn(&'a str) -> Result<Diagnosis<'a>, DecodeError>,
) -> Diagnosis<'a> {
    // The byte search first: most client results carry no `statusCode`, and neither the
    // object's end nor the action is worth finding for them.
    if line
        .get(start..)
        .is_none_or(|rest| find_str(rest, "\"statusCode\"").is_none())
    {
        return outer;
    }
    let Some(object) = json_object_at(line, start) else {
        return outer;
    };
    if find_str(object, "\"statusCode\"").is_none()
        || outer.action() != Some(crate::Action::Success)
    {
        return outer;
    }
    let body = find_str(object, "\"data\"")
        .and_then(|at| object.get(at + "\"data\"".len()..))
        .and_then(|rest| rest.trim_start().strip_prefix(':'))
        .map(str::trim_start)
        .filter(|value| value.starts_with('{'))
        .and_then(|value| json_object_at(value, 0));
    match body.map(decode) {
        Some(Ok(inner))
            if is_wrapped_answer(&inner) && inner.action() != Some(crate::Action::Success) =>
        {
            inner
        }
        _ => outer,
    }
}

/// Whether an object found inside an envelope is a platform's answer it passes on: one a
/// catalog knows, and not the open platform's shape, which any envelope also fits.
fn is_wrapped_answer(d: &Diagnosis<'_>) -> bool {
    d.is_known() && d.platform() != crate::Platform::OpenPlatform
}

/// An app's own `{code, msg}` that passes a WeChat server answer on as its two fields
/// (`{"code":"48001","msg":"api unauthorized rid: 64a2acfb-…"}`): the msg is the server's
/// errmsg, marked by the server's own suffix (`rid:`, the older hints), and the code is an
/// errcode that documents it. The open platform's messages carry no such suffix, so a code it
/// does not know with one is the server's.
fn server_answer_as_fields(outer: &Diagnosis<'_>) -> Option<Diagnosis<'static>> {
    let Diagnosis::OpenPlatform(response) = outer else {
        return None;
    };
    if response.known_code().is_some() {
        return None;
    }
    let errmsg = server_marked_errmsg(response.message()?)?.to_owned();
    let errcode = wx::server::Errcode::from_code(response.code().raw())
        .filter(|errcode| errcode.errmsg_begins_as_documented(&errmsg))?;
    let answer = wx::server::Response::new(
        Some(wx::server::AnyErrcode::Known(errcode)),
        Some(Cow::Owned(errmsg)),
    );
    Some(server_or_wecom(answer))
}

/// A server body an SDK printed is WeCom's when its errmsg carries WeCom's marks (the
/// `open.work.weixin.qq.com` link, `from ip:`), as WeCom SDKs print them, or is word for word
/// WeCom's Chinese text for the code where WeChat's differs (WxJava's WeCom client prints
/// `错误代码：48002, 错误信息：API接口无权限调用`); WeChat's otherwise.
fn server_or_wecom(response: wx::server::Response<'_>) -> Diagnosis<'_> {
    if response.errmsg().is_some_and(crate::wecom::is_wecom_errmsg) || has_wecom_text(&response) {
        return as_wecom(response);
    }
    crate::decode::owner_of_server_shape(Diagnosis::WxServer(response))
}

/// Whether a body's reason is WeCom's Chinese text for a code WeCom means something else by,
/// and not WeChat's text.
fn has_wecom_text(response: &wx::server::Response<'_>) -> bool {
    let Some(code) = response.errcode_sent() else {
        return false;
    };
    let reason = response.reason().trim();
    let wecom = crate::wecom::Errcode::from_code(code.raw());
    // Only where the two mean different things by the number: WeChat's older Chinese texts,
    // which WxJava's WeChat clients print, are often WeCom's word for word.
    !reason.is_ascii()
        && wecom.is_some_and(|w| {
            w.wechat() != crate::wecom::WechatNumber::Same && w.message_zh() == reason
        })
        && code.known().is_none_or(|w| w.message_zh() != reason)
}

/// A body read in the WeChat server's shape, as the WeCom answer it is.
fn as_wecom(response: wx::server::Response<'_>) -> Diagnosis<'_> {
    let errcode = response
        .errcode_sent()
        .map(|c| crate::wecom::AnyErrcode::new(c.raw()));
    Diagnosis::Wecom(crate::wecom::Response::new(errcode, response.errmsg))
}

/// A payload with what the line says beside it. For a WeChat Pay body: the HTTP status its SDK
/// printed, and the API its request URL names. For a WeChat server answer: whether the line
/// names WeCom, which answers in the same shape with other meanings for some codes (40001 is
/// a wrong corpsecret there, not a stale token). For a client failure: whether WeCom's JS-SDK
/// named its code in the hint beside it ([`wecom_js_sdk_hint_code`]).
fn with_line_context<'a>(diagnosis: Diagnosis<'a>, line: &str) -> Diagnosis<'a> {
    match diagnosis {
        // WeChat's `rid:` is its own server's mark, which WeCom's errmsgs never carry: a body
        // with one stays WeChat's whatever else the line names.
        Diagnosis::WxServer(response)
            if names_wecom(line) && response.rid().is_none_or(str::is_empty) =>
        {
            as_wecom(response)
        }
        // A client failure beside WeCom's code link is WeCom's JS-SDK's, with that code.
        Diagnosis::Wx(fail) => match wecom_js_sdk_hint_code(line) {
            Some(code) => Diagnosis::Wecom(crate::wecom::Response::new(
                Some(crate::wecom::AnyErrcode::new(code)),
                Some(fail.err_msg),
            )),
            None => Diagnosis::Wx(fail),
        },
        Diagnosis::WxPay(pay) => {
            let pay = match wx::pay::status_in(line) {
                Some(status) => pay.with_status(status),
                None => pay,
            };
            Diagnosis::WxPay(match wx::pay::api_in(line) {
                Some(api) => pay.with_api(api),
                None => pay,
            })
        }
        other => other,
    }
}

/// Whether the line names WeCom: its API host (`qyapi.weixin.qq.com`), its site
/// (`work.weixin.qq.com`), or its name as its documentation and SDKs write it (企业微信,
/// WeCom, WeChat Work and its SDKs' `WechatWork`, `wxwork`), as a word of its own (an app's
/// `wecommerce` is not WeCom), or its earlier name `WeWork` at the start of a word, as its own
/// SDKs write it (`WeWorkFinanceSdk`). WeCom's older hint (`hint: [1595297094_45_a21a…]`) marks a line
/// too, where an SDK's dump cut the errmsg short. A WeChat server answer has none of these.
fn names_wecom(line: &str) -> bool {
    names_wecom_product(line) || crate::wecom::has_timestamped_hint(line)
}

/// WeCom's host, site or name (see [`names_wecom`]).
fn names_wecom_product(line: &str) -> bool {
    // Every English name starts with `q` or `w` in either case: a scan for those bytes finds
    // the few places worth comparing. Each is a word of its own but `wework`, the product's
    // earlier English name, which its own SDKs glue to what follows (the session-archive SDK's
    // `WeWorkFinanceSdk` and `com.tencent.wework`, the on-premises SDK's `WeWorkLocalRespError`).
    const NAMES: [(&[u8], bool); 7] = [
        (b"qyapi.weixin.qq.com", false),
        (b"work.weixin.qq.com", false),
        (b"wecom", false),
        (b"wechat work", false),
        (b"wechatwork", false),
        (b"wxwork", false),
        (b"wework", true),
    ];
    if find_str(line, "企业微信").is_some() {
        return true;
    }
    let bytes = line.as_bytes();
    let letter = |at: Option<&u8>| at.is_some_and(u8::is_ascii_alphabetic);
    memchr::memchr3_iter(b'w', b'W', b'q', bytes).any(|at| {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        !letter(before)
            && NAMES.iter().any(|&(name, glued)| {
                bytes.get(at..at + name.len()).is_some_and(|word| {
                    word.eq_ignore_ascii_case(name)
                        && (glued || !letter(bytes.get(at + name.len())))
                })
            })
    })
}

/// The JSON object that starts at byte `at` of `line`, if one does.
fn json_object_at(line: &str, at: usize) -> Option<&str> {
    let rest = line.get(at..)?;
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<serde::de::IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => rest.get(..values.byte_offset()),
        _ => None,
    }
}

fn is_empty_object(object: &str) -> bool {
    object
        .strip_prefix('{')
        .and_then(|o| o.strip_suffix('}'))
        .is_some_and(|inner| inner.trim().is_empty())
}

/// The first text form found in `line`, decoded.
pub(crate) fn text_form<'a>(
    line: &'a str,
    options: &DecodeOptions,
    read_fields: bool,
) -> Option<(Found, Diagnosis<'a>)> {
    if wx::cloud::has_cloud_form(line) {
        let text = quoted_tail(line, cloud_start(line));
        return Some((
            Found::WxCloudText,
            crate::decode::openapi_as_server(Diagnosis::WxCloud(wx::cloud::Fail::new(text))),
        ));
    }
    if let Some(answer) = wx::pay::Answer::from_sdk_answer_text(line) {
        let pay = Diagnosis::WxPay(crate::decode::PayDiagnosis::new(answer, options));
        return Some((Found::PayText, with_line_context(pay, line)));
    }
    if let Some(response) = gateway_text(line) {
        return Some((
            Found::GatewayText,
            Diagnosis::AlipayGateway(response, options.call_kind),
        ));
    }
    if let Some(response) = wx::server::Response::from_sdk_text(line) {
        let d = server_or_wecom(response);
        return Some((Found::ServerText, with_line_context(d, line)));
    }
    if let Some(found) = read_fields.then(|| fields(line, options)).flatten() {
        return Some((Found::Fields, with_line_context(found, line)));
    }
    if let Some(answer) = wx::pay::Answer::from_code_and_message(line)
        .or_else(|| wx::pay::Answer::from_validator_message(line))
    {
        let pay = Diagnosis::WxPay(crate::decode::PayDiagnosis::new(answer, options));
        return Some((Found::PayText, with_line_context(pay, line)));
    }
    if let Some(response) = wecom_errmsg_with_hint(line) {
        return Some((Found::ServerText, Diagnosis::Wecom(response)));
    }
    if let Some(response) = server_errmsg_with_rid(line) {
        let d = Diagnosis::WxServer(response);
        return Some((Found::ServerText, with_line_context(d, line)));
    }
    if let Some(response) = wecom_errmsg_with_link(line) {
        return Some((Found::ServerText, Diagnosis::Wecom(response)));
    }
    if let Some(d) = alipay_text(line, options) {
        return Some((Found::AlipayText, d));
    }
    let Some(start) = wx_err_msg_start(line) else {
        if let Some(message) = devtools_domain_message(line) {
            return Some((Found::WxErrMsg, Diagnosis::Wx(wx::Fail::new(message))));
        }
        // Last, the weakest forms: an SDK's refusal of a WeChat Pay answer (its markers are
        // looked for only here, on lines nothing else read), then a WeChat Pay failure of which
        // only the HTTP status was kept.
        if let Some(answer) =
            wx::pay::Answer::unverified_in(line).or_else(|| wx::pay::Answer::status_only(line))
        {
            let pay = Diagnosis::WxPay(crate::decode::PayDiagnosis::new(answer, options));
            return Some((Found::PayText, with_line_context(pay, line)));
        }
        // Then pairs that any rendering may print, each code beside its own words: a WeChat
        // Pay code in v2's joined spelling before a Chinese message, a number only WeCom's
        // table lists before WeCom's errmsg for it, a namespaced gateway sub_code beside its
        // sub_msg.
        if let Some(answer) = wx::pay::Answer::from_joined_code(line) {
            let pay = Diagnosis::WxPay(crate::decode::PayDiagnosis::new(answer, options));
            return Some((Found::PayText, with_line_context(pay, line)));
        }
        if let Some((code, errmsg)) = wx::server::text::wecom_number_then_its_errmsg(line) {
            let response = crate::wecom::Response::new(
                Some(crate::wecom::AnyErrcode::new(code)),
                Some(Cow::Borrowed(errmsg)),
            );
            return Some((Found::ServerText, Diagnosis::Wecom(response)));
        }
        let response = gateway_sub_code_beside_its_message(line)?;
        return Some((
            Found::GatewayText,
            Diagnosis::AlipayGateway(response, options.call_kind),
        ));
    };
    // Markdown emphasis and Chinese closing marks after an errMsg quoted in prose (`“**download
    // File: fail url not in domain list**”。`) are the writer's, with the full stop after
    // them: no documented reason ends with one. (ASCII quotes and parentheses do: `no such
    // file or directory "%s"`; and a runtime's own `。` stays, as sent.)
    let tail = quoted_tail(line, start);
    // A runtime's errMsg is one line: an escaped line break inside a JSON string (`\n` or
    // `\r`, escaped once or twice, before a stack trace's indented frames) ends it. A
    // backslash before a letter is a Windows path's (`"C:\new\file.txt"`), and stays.
    let tail = escaped_break(tail)
        .and_then(|at| tail.get(..at))
        .map_or(tail, |head| head.trim_end_matches('\\'))
        .trim_end();
    let before_stop = tail.strip_suffix('。').unwrap_or(tail);
    let unmarked = before_stop.trim_end_matches(['*', '”', '」', '』', '】', '）']);
    let err_msg = if unmarked.len() < before_stop.len() {
        unmarked.trim_end()
    } else {
        tail
    };
    // A Cloud API's own `api:fail` (`document.get:fail …`) is Cloud's.
    if wx::cloud::names_cloud_api(err_msg) {
        return Some((
            Found::WxErrMsg,
            Diagnosis::WxCloud(wx::cloud::Fail::new(err_msg)),
        ));
    }
    Some((
        Found::WxErrMsg,
        crate::decode::openapi_as_server(Diagnosis::Wx(wx::Fail::new(err_msg))),
    ))
}

/// Where the first escaped line break in `text` starts: a backslash and `n` or `r`, followed
/// by white space, another backslash, a quote or the text's end.
fn escaped_break(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).find(|&at| {
        matches!(bytes.get(at + 1), Some(b'n' | b'r'))
            && bytes
                .get(at + 2)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'\\' | b'"'))
    })
}

/// The WeChat DevTools' console message for a network call to a domain the mini program's
/// server-domain list does not hold, which apps and threads quote instead of the fail
/// callback's errMsg: `http://127.0.0.1 不在以下 request 合法域名列表中，请参考文档：https://
/// developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html` (`uploadFile`,
/// `downloadFile` and `socket` lists too; before 2018 `不在以下合法域名列表中` with no list named).
/// The message is read from `不在以下`: a URL before it would be taken for an API name
/// (`http:`), and the line keeps it.
fn devtools_domain_message(line: &str) -> Option<&str> {
    const NOT_IN: &str = "不在以下";
    const LIST: &str = "合法域名列表中";
    let list_at = find_str(line, LIST)?;
    let head = line.get(..list_at)?;
    let not_in_at = head.rfind(NOT_IN)?;
    // Between the two: the list's name (one word), or nothing.
    let list_name = head.get(not_in_at + NOT_IN.len()..)?.trim();
    if list_name.len() > 16 || !list_name.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    // The message runs to the list's name, then through the runtime's advice and the link it
    // gives (`，请参考文档：https://…`, or typed with spaces, `, 请参考文档: https://…`), which
    // ends at a space or at the DevTools' own `(env: …)`. Anything else after a space is the
    // app's (`… 合法域名列表中 2.request:fail …`, numbered lines pasted as one).
    let message = quoted_tail(line, not_in_at);
    let list_end = list_at + LIST.len() - not_in_at;
    let after_list = message.get(list_end..)?;
    let advice = after_list.trim_start_matches([',', '，', ' ']);
    let end = match advice.strip_prefix("请参考文档") {
        Some(link) => {
            let link = link.trim_start_matches([':', '：', ' ']);
            let link_end = link
                .find(|c: char| c.is_whitespace() || c == '(')
                .unwrap_or(link.len());
            message.len() - link.len() + link_end
        }
        None => {
            list_end
                + after_list
                    .find(char::is_whitespace)
                    .unwrap_or(after_list.len())
        }
    };
    let message = message.get(..end)?.trim_end_matches([',', '，']);
    // The page it links is WeChat's; a runtime that copied the words links its own.
    let linked = message
        .get(list_end.min(message.len())..)
        .unwrap_or_default();
    if let Some(url) = find_str(linked, "://") {
        let page = linked.get(url..).unwrap_or_default();
        find_str(crate::normalize::head_of(page, 64), "weixin.qq.com")?;
    }
    Some(message)
}

/// A WeChat server errmsg printed without its errcode, as apps log it: `access_token missing
/// rid: 66739825-3646610c-1b890536`. The `rid:` suffix (hex groups), or the older `hints: [
/// req_id: … ]` and `hint: [ … ]`, is the server's mark; the errmsg runs from the line's
/// start, its last label (`…: `) or the app's last non-English word to the suffixes, and the line
/// is claimed only where the server's own lookup finds the code from that errmsg alone, or the
/// step every code sharing it takes (`invalid openid`: 40003, 87081 and 90007, each
/// FixRequest); an errmsg shared by codes with different steps (`invalid code`) names nothing.
fn server_errmsg_with_rid(line: &str) -> Option<wx::server::Response<'_>> {
    let errmsg = server_marked_errmsg(line)?;
    let response = wx::server::Response::new(None, Some(Cow::Borrowed(errmsg)));
    // The code the errmsg names (every known code has a step), or the step every code
    // sharing it takes.
    response.action().is_some().then_some(response)
}

/// The errmsg a line prints with the server's suffix (`rid:` and hex groups, or the older
/// hints), suffix included, from where [`errmsg_start`] finds it begins; `None` without one.
fn server_marked_errmsg(line: &str) -> Option<&str> {
    let (at, end) = match find_str(line, " rid: ") {
        Some(at) => {
            // The id up to the quote or bracket that closes what the app printed around it.
            let id_at = at + " rid: ".len();
            let rid = line.get(id_at..)?.split_whitespace().next()?;
            let rid = rid.trim_end_matches(|c: char| !c.is_ascii_hexdigit());
            let hex_groups = rid.len() >= 8
                && rid.contains('-')
                && rid.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
            if !hex_groups {
                return None;
            }
            (at, id_at + rid.len())
        }
        // The server's older suffixes, `hints: [ req_id: hI0889th36 ]` and, older still,
        // `hint: [VAB1bA0573vr20]` straight after the errmsg. WeCom puts a comma before its
        // hint (`…, hint: [1651], from ip: …`): that is not the server's.
        None => {
            let old_hint = || {
                find_str(line, " hint: [")
                    .filter(|&at| !line.get(..at).is_some_and(|head| head.ends_with(',')))
            };
            let at = find_str(line, " hints: [ req_id: ").or_else(old_hint)?;
            let close = line.get(at..)?.find(']')?;
            (at, at + close + 1)
        }
    };
    let head = line.get(..at)?;
    let head = head.split(" hint: [").next().unwrap_or(head);
    // No errmsg starts with a colon: one left there is the label of app words glued before
    // it (`调用时报:api unauthorized rid: …`).
    let errmsg = line
        .get(errmsg_start(head)..end)?
        .trim_start_matches([':', ' '])
        .trim();
    Some(errmsg)
}

/// Where an errmsg printed in a line starts, in `head`, the line up to the errmsg's suffix:
/// after the last label (`: `, `：`) or Markdown backtick (around an errmsg quoted in a thread;
/// Chinese quotes end the app's words already), or after an app's own words glued before it
/// (`调用失败reach max api daily quota limit`: the errmsg is English, so those words end at
/// their last non-ASCII byte, which ends its character); `head`'s start when neither.
fn errmsg_start(head: &str) -> usize {
    let after_app_words = head.bytes().rposition(|b| !b.is_ascii()).map(|i| i + 1);
    [": ", "：", "`"]
        .iter()
        .filter_map(|label| head.rfind(label).map(|i| i + label.len()))
        .chain(after_app_words)
        .max()
        .unwrap_or(0)
}

/// A WeCom errmsg printed without its errcode or link, before WeCom's older hint:
/// `发送消息失败: access_token expired, hint: [1549248037_1_ea3ed0d6…]` (yanjunhui/chat#16), or
/// after its code (`40001 invalid credential, hint: [1597733128_47_64fc…]`,
/// sbzhu/weworkapi_python#16). The hint's shape is WeCom's alone
/// ([`crate::wecom::is_wecom_errmsg`]); the code is the one WeCom's table gives that errmsg, or
/// else the WeChat server's one code for it where WeCom's table says the number means the same
/// there (WeCom answers in the server's words for those). A code before the errmsg must be
/// that code; an errmsg that names no code names nothing.
fn wecom_errmsg_with_hint(line: &str) -> Option<crate::wecom::Response<'_>> {
    if !crate::wecom::has_timestamped_hint(line) {
        return None;
    }
    let at = find_str(line, " hint: [")?;
    let open = at + " hint: ".len();
    let (hint, _) = crate::normalize::short_bracketed(line.get(open..)?)?;
    let end = open + hint.len() + 2;
    let head = line.get(..at)?.trim_end_matches([',', ' ']);
    let start = errmsg_start(head);
    let after_label = head.get(start..)?;
    let words = after_label.trim();
    let words_start = start + (after_label.len() - after_label.trim_start().len());
    let (code_sent, reason) = match crate::normalize::leading_int(words) {
        Some((code, rest)) if rest.starts_with([' ', ':', ',']) => {
            (Some(code), rest.trim_start_matches([' ', ':', ',']))
        }
        _ => (None, words),
    };
    let own = crate::wecom::Errcode::all()
        .find(|c| !c.errmsg().is_empty() && c.errmsg().eq_ignore_ascii_case(reason));
    let code = own.or_else(|| {
        let server =
            wx::server::Errcode::recovered_from(wx::server::Errcode::all_with_message(reason))?;
        crate::wecom::Errcode::from_code(server.code())
            .filter(|c| c.wechat() == crate::wecom::WechatNumber::Same)
    })?;
    if code_sent.is_some_and(|sent| sent != code.code()) {
        return None;
    }
    // The errmsg as WeCom sent it: from its words (after any code, which leaves `reason` a
    // suffix of `words`) to the hint's end.
    let errmsg = line.get(words_start + (words.len() - reason.len())..end)?;
    Some(crate::wecom::Response::new(
        Some(crate::wecom::AnyErrcode::new(code.code())),
        Some(Cow::Borrowed(errmsg)),
    ))
}

/// A WeCom errmsg printed without its errcode: `…：not allow operate another agent with this
/// accesstoken., hint: […], from ip: …, more info at https://open.work.weixin.qq.com/devtool/query?e=301002`.
/// WeCom ends every errmsg with a link to its error-code page that names the code (`e=`), so
/// the link after WeCom's `more info at` gives the code; the errmsg runs from the line's start
/// or its last label (`…: `, `…：`) before the `hint`, `from ip` and `more info` parts, to the
/// link's end.
fn wecom_errmsg_with_link(line: &str) -> Option<crate::wecom::Response<'_>> {
    // WeCom's own words before its link: a link alone, in prose, is no failure.
    let (at, code, _) = wecom_code_link(line, false)?;
    // The link ends at a space, or at the quote or bracket of the JSON or text around it.
    let end = at
        + line
            .get(at..)?
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '}' | ']' | ')'))
            .unwrap_or(line.len() - at);
    let head = line.get(..at)?;
    let reason_end = crate::wecom::reason_end(head);
    let start = [": ", "："]
        .iter()
        .filter_map(|label| {
            head.get(..reason_end)?
                .rfind(label)
                .map(|i| i + label.len())
        })
        .max()
        .unwrap_or(0);
    let errmsg = line.get(start..end)?.trim();
    Some(crate::wecom::Response::new(
        Some(crate::wecom::AnyErrcode::new(code)),
        Some(Cow::Borrowed(errmsg)),
    ))
}

/// WeCom's code page, whose link ends every WeCom errmsg and names the code (`e=`).
const WECOM_CODE_LINK: &str = "open.work.weixin.qq.com/devtool/query?e=";

/// WeCom's code-page link in `text`, after WeCom's own words for it: where it starts, the code
/// it names and what follows the code. WeCom's server writes `more info at https://` in its
/// errmsgs; its JS-SDK's hint writes `More info at`, which `capitalized` also accepts.
fn wecom_code_link(text: &str, capitalized: bool) -> Option<(usize, i64, &str)> {
    let at = find_str(text, WECOM_CODE_LINK)?;
    let head = text.get(..at)?;
    let before_scheme = head
        .strip_suffix("https://")
        .or_else(|| head.strip_suffix("http://"))?;
    let words = before_scheme.strip_suffix("ore info at ")?;
    if !(words.ends_with('m') || (capitalized && words.ends_with('M'))) {
        return None;
    }
    let (code, rest) = leading_int(text.get(at + WECOM_CODE_LINK.len()..)?)?;
    Some((at, code, rest))
}

/// The code WeCom's link names at the end of `text`, after WeCom's own words for it (`… more
/// info at https://open.work.weixin.qq.com/devtool/query?e=80001`): the errMsg of a WeCom
/// JS-SDK call ends this way, as WeCom's server errmsgs do.
pub(crate) fn wecom_link_code(text: &str) -> Option<i64> {
    let (_, code, rest) = wecom_code_link(text, false)?;
    rest.trim().is_empty().then_some(code)
}

/// The code WeCom's JS-SDK names beside a failure's errMsg, in the fields it adds to the
/// failure: `hint` (`{errMsg: "agentConfig:fail", err_Info: "fail", hint: "Hint: '…:40093'.
/// More info at https://open.work.weixin.qq.com/devtool/query?e=40093"}`) or, in its older
/// versions, `err_Info` (`{errMsg: "config:fail", err_Info: "invalid signature more info at
/// https://…?e=40093"}`). Only in those fields, after WeCom's own words for the link (`more
/// info at`, or `More info at`): a WeCom server answer elsewhere on the line is another call's,
/// and keeps its link in its errmsg.
fn wecom_js_sdk_hint_code(line: &str) -> Option<i64> {
    // One search for the link rules out nearly every line before any field is sought.
    find_str(line, WECOM_CODE_LINK)?;
    ["hint", "err_Info"].iter().find_map(|name| {
        let (_, code, _) = wecom_code_link(field(line, name)?, true)?;
        Some(code)
    })
}

/// The longest Alipay API name a line is read for (the longest in the tables has 37 bytes).
const MAX_API_NAME: usize = 64;

/// `my.request报错：JSON parse data error`: an Alipay API's name, then, after a separator, a
/// message that API documents. Only a documented message counts, so ordinary text after an
/// API's name is never taken for a failure.
fn alipay_text<'a>(line: &'a str, options: &DecodeOptions) -> Option<Diagnosis<'a>> {
    match_str_indices(line, "my.").find_map(|at| {
        let rest = line.get(at..)?;
        // An API's name is short: a run of name characters is read no further than the longest
        // could be, so `my.my.my.…` costs one short look at each `my.`.
        let name = crate::normalize::head_of(rest, MAX_API_NAME + 1);
        let end = name
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
            .unwrap_or(name.len());
        if end > MAX_API_NAME {
            return None;
        }
        let api = crate::alipay::Api::from_name(rest.get(..end)?)?;
        let message = rest.get(end..)?;
        let message = message
            .trim_start_matches(|c: char| c.is_whitespace() || ":：,，-".contains(c))
            .trim_start_matches("报错")
            .trim_start_matches("fail")
            .trim_start_matches(|c: char| c.is_whitespace() || ":：,，-".contains(c))
            .trim();
        // The message runs to the line's end, and a documented one is short: a longer rest is
        // turned away by its length, not looked up at every API name a long line holds.
        if message.len() > 2 * crate::normalize::MAX_NORMAL_LEN {
            return None;
        }
        api.error(None, Some(message))?;
        let fail = crate::alipay::Fail::new(None, Some(Cow::Borrowed(message)));
        Some(Diagnosis::Alipay(crate::decode::AlipayDiagnosis::new(
            fail,
            options.alipay_api.or(Some(api)),
        )))
    })
}

/// Characters that open a quoted message, with the character that closes it.
const QUOTES: [(char, char); 7] = [
    ('"', '"'),
    ('\'', '\''),
    ('`', '`'),
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('【', '】'),
];

/// The text from byte `start` to the end of the line, or to the closing quote when the
/// character before `start` opens a quote.
fn quoted_tail(line: &str, start: usize) -> &str {
    let rest = line.get(start..).unwrap_or("");
    let before = line.get(..start).and_then(|b| b.chars().next_back());
    let end = match before.and_then(|open| QUOTES.iter().find(|(o, _)| *o == open)) {
        Some((_, close)) => rest.find(*close),
        None => next_field_after_quote(rest),
    }
    .unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest).trim()
}

/// Where an object's next field begins after a closing quote whose opening one was cut off
/// with the start of the line: `chooseAddress:fail api scope is not declared in the privacy
/// agreement", errno: 112` ends before `", errno:`. Only the first quote can be that one; a
/// quote, a comma and a field name with its colon are an object's punctuation, which no
/// documented reason holds.
fn next_field_after_quote(rest: &str) -> Option<usize> {
    let at = rest.find('"')?;
    let field = rest
        .get(at + 1..)?
        .trim_start()
        .strip_prefix(',')?
        .trim_start();
    let field = field.strip_prefix('"').unwrap_or(field);
    let name_len = field
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let named = name_len > 0
        && field.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && field
            .get(name_len..)
            .map(|r| r.strip_prefix('"').unwrap_or(r).trim_start())
            .is_some_and(|r| r.starts_with(':'));
    named.then_some(at)
}

/// Where a Cloud text starts: its `Error:` or API prefix, or its `errCode:`.
fn cloud_start(line: &str) -> usize {
    if let Some(bracket) =
        wx::cloud::cloudbase_start(line).filter(|_| find_str(line, "errCode:").is_none())
    {
        return bracket;
    }
    let err_code = find_str(line, "errCode:").unwrap_or(0);
    let api = wx_err_msg_start(line).filter(|&at| at < err_code);
    api.unwrap_or(err_code)
}

/// Where the API name of the first `api:fail` in `line` starts.
fn wx_err_msg_start(line: &str) -> Option<usize> {
    for (colon, after_colon, full_width) in wx::colons(line) {
        let after = line.get(after_colon..)?.trim_start_matches(' ');
        let fail = after
            .strip_prefix("fail")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', ' ', ',']));
        if !fail {
            continue;
        }
        let api = line
            .get(..colon)?
            .trim_end_matches(' ')
            .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        // A list item's number written against the name at the line's start (`1.request:fail
        // …`) is the writer's. (Mid-line, `2.request:fail` may be one of several pasted console
        // lines, where the errMsg's end is unknown.)
        let marker = line
            .get(api.len()..colon)?
            .split_once('.')
            .filter(|(number, rest)| {
                api.trim().is_empty()
                    && !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(|c: char| c.is_ascii_alphabetic())
            })
            .map_or(0, |(number, _)| number.len() + 1);
        let start = api.len() + marker;
        let name = line.get(start..colon)?.trim_end();
        // `downloadFile: fail …` is a runtime's spacing of WeChat's form, but `note: fail safe`
        // is prose: with a space before `fail`, the name must be an API of the reference.
        // So must it before a full-width colon, which a person typed (`downloadFile：fail …`).
        let spaced = line
            .get(after_colon..)
            .is_some_and(|rest| rest.starts_with(' '));
        // After a list's number, too: `163.com:fail …` is a host, not an item.
        let named = name.starts_with(|c: char| c.is_ascii_alphabetic())
            && (!(spaced || full_width || marker > 0) || wx::is_reference_api(name));
        if named {
            return Some(start);
        }
    }
    None
}

/// The Alipay gateway's error page or an SDK's text of a gateway error, wherever it starts.
fn gateway_text(line: &str) -> Option<gateway::Response<'_>> {
    if let Some(at) = find_str(line, "错误代码") {
        let after = line.get(at + "错误代码".len()..)?;
        // The WeChat SDKs write `错误代码：45009`; the gateway page, `错误代码 invalid-signature`.
        if after.starts_with(char::is_whitespace) {
            return gateway::Response::from_text(line.get(at..)?);
        }
    }
    // `交易已经支付 错误码：TRADE_HAS_SUCCESS`: an SDK's label before a sub_code the tables
    // know (the WeChat SDKs put a number there). A code WeChat Pay also sends (`SYSTEM_ERROR`,
    // which the tables' prefix rules would read as `ACQ.SYSTEM_ERROR`) is nobody's alone.
    if let Some(at) = find_str(line, "错误码") {
        let value = line
            .get(at + "错误码".len()..)?
            .trim_start_matches([':', '：', ' '])
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '。'))
            .next()
            .unwrap_or_default();
        if SubCode::find(value).is_some() && wx::pay::Code::from_code(value).is_none() {
            return Some(gateway::Response::new(
                None,
                None,
                Some(Cow::Borrowed(value)),
                line.get(..at)
                    .map(|m| Cow::Borrowed(m.trim()))
                    .filter(|m| !m.is_empty()),
            ));
        }
    }
    if let Some(at) = find_str(line, "Alipay API Error:") {
        return gateway::Response::from_text(line.get(at..)?);
    }
    // `get result error:Invalid Arguments - isv.invalid-signature`: a public msg, ` - ` (or
    // ` , `) and a sub_code the tables know, after any label.
    if let Some(response) = (find_str(line, " - ").is_some() || find_str(line, " , ").is_some())
        .then(|| gateway::Response::from_text(line))
        .flatten()
        .filter(|r| {
            r.sub_code_sent()
                .is_some_and(|s| SubCode::find(s).is_some())
        })
    {
        return Some(response);
    }
    gateway_pairs(line).or_else(|| gateway_msg_in_alipay_text(line))
}

/// `ACQ.SELLER_BALANCE_NOT_ENOUGH(卖家余额不足)` or `支付授权码无效(ACQ.PAYMENT_AUTH_CODE_INVALID)`:
/// a gateway sub_code beside its sub_msg in parentheses, as Alipay's support pages and many
/// logs write the pair. Only a namespaced sub_code (`ACQ.`, `aop.`, `isv.`, `isp.`, `AQC.`) the
/// tables know byte for byte counts: those names are the gateway's alone, where a bare
/// `SYSTEM_ERROR` or `PAYEE_NOT_EXIST` is also WeChat Pay's.
fn gateway_sub_code_beside_its_message(line: &str) -> Option<gateway::Response<'_>> {
    // One look first: a line with none of the tables' namespaces holds no such sub_code.
    if !crate::normalize::holds_any_word(SUB_CODE_NAMESPACES.as_ref(), line) {
        return None;
    }
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
    let known = |name: &str| {
        name.len() <= MAX_SUB_CODE_LEN && name.contains('.') && SubCode::from_code(name).is_some()
    };
    // The closing mark after the last opening one looked at: the next opening mark before it
    // shares it, so the line is read once however many marks it holds.
    let mut close: Option<usize> = None;
    let mut from = 0;
    while let Some(found) = line.get(from..).and_then(|rest| rest.find(['(', '（'])) {
        let open = from + found;
        let width = if line.get(open..)?.starts_with('(') {
            1
        } else {
            '（'.len_utf8()
        };
        let inner_start = open + width;
        from = inner_start;
        let inner_end = match close {
            Some(end) if end >= inner_start => end,
            _ => {
                let end = line
                    .get(inner_start..)
                    .and_then(|rest| rest.find([')', '）']))
                    .map(|end| inner_start + end)?;
                close = Some(end);
                end
            }
        };
        let inner = line.get(inner_start..inner_end)?;
        // A sub_code is short: the name before the mark is read back no further than that.
        let head = line
            .get(open.saturating_sub(MAX_SUB_CODE_LEN)..open)
            .unwrap_or_default();
        let name_start = head
            .bytes()
            .rposition(|b| !is_name_byte(b))
            .map_or(0, |at| at + 1);
        let before = head.get(name_start..).unwrap_or_default();
        if known(before) && !inner.trim().is_empty() {
            return Some(gateway::Response::new(
                None,
                None,
                Some(Cow::Borrowed(before)),
                Some(Cow::Borrowed(inner.trim())),
            ));
        }
        // (Only a short inside can be a sub_code: a long one is not read again for each mark.)
        if inner.len() <= MAX_SUB_CODE_LEN + 8 && known(inner.trim()) {
            // The message before the mark runs back to a label's colon or a comma; the
            // gateway's sub_msgs are Chinese, so English words there are the writer's prose
            // (`This error (ACQ.TRADE_NOT_EXIST) means…`), not a sub_msg.
            let message = line
                .get(..open)?
                .rsplit([':', '：', ',', '，', '。', ';', '；'])
                .next()
                .map(str::trim)
                .filter(|m| !m.is_ascii());
            return Some(gateway::Response::new(
                None,
                None,
                Some(Cow::Borrowed(inner.trim())),
                message.map(Cow::Borrowed),
            ));
        }
    }
    None
}

/// The longest sub_code the tables hold is well under this many bytes.
const MAX_SUB_CODE_LEN: usize = 96;

/// The namespaces of the gateway tables' sub_codes (`ACQ.`, `AQC.`, `aop.`, `isp.`, `isv.`),
/// read from the tables once.
static SUB_CODE_NAMESPACES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        crate::normalize::any_word_automaton(&sub_code_namespaces(), false)
    });

fn sub_code_namespaces() -> Vec<&'static str> {
    let mut spaces: Vec<&str> = SubCode::all()
        .filter_map(|c| c.code().find('.').and_then(|dot| c.code().get(..=dot)))
        .collect();
    spaces.sort_unstable();
    spaces.dedup();
    spaces
}

/// `Insufficient Permissions : 接口调用权限不足，解决方案：https://open.alipay.com/api/errCheck?…`:
/// a public msg of the gateway's table, then a colon and the sub_msg, in a line that names
/// Alipay (its diagnosis link here). Some public msgs are plain English (`Invalid Arguments`),
/// so the line must say whose they are. `Business Failed` (40004) is left out: its step is
/// its sub_code's, which this form does not carry.
fn gateway_msg_in_alipay_text(line: &str) -> Option<gateway::Response<'_>> {
    find_str(line, "alipay.com")?;
    GatewayCode::all()
        .filter(|code| !code.msg().is_empty() && !matches!(code.code(), "10000" | "40004"))
        .find_map(|code| {
            let at = find_str(line, code.msg())?;
            let after = line.get(at + code.msg().len()..)?;
            let sub_msg = after
                .strip_prefix(" : ")
                .or_else(|| after.strip_prefix(": "))?
                .trim();
            Some(gateway::Response::new(
                Some(ErrorValue::Text(Cow::Borrowed(code.code()))),
                Some(Cow::Borrowed(code.msg())),
                None,
                Some(Cow::Borrowed(sub_msg)).filter(|m| !m.is_empty()),
            ))
        })
}

/// `Business Failed[40004] 交易不存在[ACQ.TRADE_NOT_EXIST]` (or `[40004] Business Failed`): a
/// public msg with its code in brackets, then optionally a sub_msg with its sub_code. The
/// gateway's codes are numbers other platforms send too (`MpException: [40001] invalid
/// credential` is WeChat's), so the number counts only beside the gateway's own public msg for
/// it, or before a sub_code the tables know that WeChat Pay does not also send.
fn gateway_pairs(line: &str) -> Option<gateway::Response<'_>> {
    let (code, at, end) = bracketed(line)
        .find_map(|(inner, at, end)| GatewayCode::from_code(inner).map(|code| (code, at, end)))?;
    let before = line.get(..at)?.trim_end();
    let before = before
        .rsplit([']', '】', '|', ',', '，'])
        .next()
        .unwrap_or(before)
        .trim();
    let own = code.msg();
    let is_own = |text: &str| !own.is_empty() && text.eq_ignore_ascii_case(own);
    let after = line.get(end..)?;
    // The msg before the bracket, or after it (`[40004] Business Failed`), and what follows it.
    let after_msg = after.trim_start();
    let (msg, rest) = match after_msg.get(..own.len()) {
        _ if is_own(before) => (Some(before), after),
        Some(msg) if is_own(msg) => (Some(msg), after_msg.get(msg.len()..)?),
        _ => (None, after),
    };
    let sub = bracketed(rest)
        .next()
        .filter(|(inner, _, _)| SubCode::find(inner).is_some() || inner.contains(['.', '-']));
    let known_sub_code = sub.is_some_and(|(inner, _, _)| {
        SubCode::find(inner).is_some() && wx::pay::Code::from_code(inner).is_none()
    });
    if msg.is_none() && !known_sub_code {
        return None;
    }
    let msg = msg.unwrap_or(before);
    let (sub_code, sub_msg) = match sub {
        Some((inner, at, _)) => (
            Some(Cow::Borrowed(inner)),
            rest.get(..at).map(|m| Cow::Borrowed(m.trim())),
        ),
        None => (None, None),
    };
    Some(gateway::Response::new(
        Some(ErrorValue::Text(Cow::Borrowed(code.code()))),
        Some(Cow::Borrowed(msg)).filter(|m| !m.is_empty()),
        sub_code,
        sub_msg.filter(|m| !m.is_empty()),
    ))
}

/// Every `[inner]` in `text`, with the byte range of the brackets.
fn bracketed(text: &str) -> impl Iterator<Item = (&str, usize, usize)> {
    text.match_indices('[').filter_map(move |(open, _)| {
        let (inner, _) = crate::normalize::short_bracketed(text.get(open..)?)?;
        (!inner.is_empty() && !inner.contains(char::is_whitespace)).then_some((
            inner,
            open,
            open + inner.len() + 2,
        ))
    })
}

/// Whether the text before an object makes the object the value of an App SDK result's
/// `result`: `resultStatus` named earlier, and `result:` (or `result =`, the key and the value
/// quoted or not) right before it. A `resultStatus` elsewhere in the line (`status resultStatus=9000, query={…}`)
/// does not make an object the App SDK's.
fn is_result_value(head: &str) -> bool {
    // The Android SDK's `PayResult` braces the value: `result={{"alipay_trade_app_pay_response":…}}`.
    let head = head.trim_end();
    let head = head
        .strip_suffix('{')
        .filter(|key| key.ends_with('='))
        .unwrap_or(head);
    // The value may be the answer's JSON quoted as a string (`result: '{…}'`).
    let key = head.trim_end().trim_end_matches(['"', '\'']).trim_end();
    let Some(key) = key.strip_suffix(':').or_else(|| key.strip_suffix('=')) else {
        return false;
    };
    let key = key.trim_end().trim_end_matches(['"', '\'']);
    let Some(before) = key.strip_suffix("result") else {
        return false;
    };
    !before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
        && field(before, "resultStatus").is_some()
}

/// The Alipay App SDK's result as a console prints it (`{resultStatus: 6001, result: ,
/// memo: 用户取消}`), with the step of the gateway answer its `result` nests, if any.
fn app_sdk_result<'a>(
    line: &'a str,
    options: &DecodeOptions,
    nested_gateway_action: Option<crate::Action>,
) -> Option<Diagnosis<'a>> {
    // The Android SDK's `PayResult.toString()` braces each value: `resultStatus={6001};memo={用户
    // 取消};result={}`. A bare value ends before a `}`, so the opening brace is all there is
    // to strip; a quoted value is left as it is.
    let unbraced = |value: &'a str| value.strip_prefix('{').unwrap_or(value);
    let status_text = field(line, "resultStatus")?;
    let status_value = unbraced(status_text);
    let (status, rest) = leading_int(status_value)?;
    // PayResult's statuses have four digits; a placeholder a logger left unformatted
    // (`resultStatus={2}`, `{status}` in JSX) is no result.
    let braced = status_value.len() < status_text.len();
    if braced && status_value.len() - rest.len() < 4 {
        return None;
    }
    let fail = crate::alipay::Fail {
        result_status: Some(ErrorValue::Number(status)),
        memo: field(line, "memo").map(|memo| Cow::Borrowed(unbraced(memo))),
        nested_gateway_action,
        ..crate::alipay::Fail::default()
    };
    Some(Diagnosis::Alipay(crate::decode::AlipayDiagnosis::new(
        fail,
        options.alipay_api,
    )))
}

/// A WeChat fail object or a server response whose fields are named in non-JSON text.
fn fields<'a>(line: &'a str, options: &DecodeOptions) -> Option<Diagnosis<'a>> {
    // One look first: every field read below is named by one of these words; most lines name
    // none. (A debug build checks every line ruled out against every field form.)
    if !crate::normalize::holds_any_word(FIELD_NAME_MARKS.as_ref(), line) {
        debug_assert!(
            named_fields(line, options).is_none(),
            "the first look ruled out a line a field form reads: {line}"
        );
        return None;
    }
    named_fields(line, options)
}

/// Whether `text` holds a Han character escaped as JSON writes it (`\u5f53`): a backslash,
/// `u` and four hex digits from 4e00 to 9fff. A Windows path's `\users` is not one.
fn holds_escaped_han(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\\', bytes).any(|at| {
        let Some(escape) = bytes.get(at + 1..at + 6) else {
            return false;
        };
        let Some(hex) = escape.strip_prefix(b"u") else {
            return false;
        };
        std::str::from_utf8(hex)
            .ok()
            .and_then(|hex| u16::from_str_radix(hex, 16).ok())
            .is_some_and(|unit| (0x4e00..=0x9fff).contains(&unit))
    })
}

/// Every form of [`named_fields`] needs a field named by one of these words: `resultStatus`,
/// `errMsg`, `errno`, `errorMessage`, a gateway wrapper's `_response"`, and `code` or `Code`, which are
/// part of `errcode`, `sub_code`, `subCode` and the WeChat Pay fields (`code`, `return_code`,
/// `err_code`, `errCodeDes`).
const FIELD_NAME_WORDS: [&str; 7] = [
    "code",
    "Code",
    "errMsg",
    "errno",
    "errorMessage",
    "resultStatus",
    "_response\"",
];

static FIELD_NAME_MARKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| crate::normalize::any_word_automaton(&FIELD_NAME_WORDS, false));

/// The field forms of [`fields`], in order, each with its own searches.
fn named_fields<'a>(line: &'a str, options: &DecodeOptions) -> Option<Diagnosis<'a>> {
    let number = |name: &str| field(line, name).and_then(|v| leading_int(v).map(|(n, _)| n));
    if let Some(app) = app_sdk_result(line, options, None) {
        return Some(app);
    }
    // An empty errMsg (a CSV cell's doubled quotes, `{""errMsg"":""…""}`) names nothing: the
    // errMsg is then found as text.
    if let Some(err_msg) = field(line, "errMsg").filter(|m| !m.is_empty()) {
        // A Cloud API's own `api:fail` is Cloud's, as in JSON.
        if wx::cloud::names_cloud_api(err_msg) && wx::has_fail_marker(err_msg) {
            let fail = wx::cloud::Fail::new(err_msg);
            return Some(Diagnosis::WxCloud(match number("errCode") {
                Some(code) => fail.with_err_code(code),
                None => fail,
            }));
        }
        let mut fail = wx::Fail::new(err_msg);
        // The old requestPayment shape's `err_code`, as JSON reads it.
        if let Some(code) = number("errCode").or_else(|| number("err_code")) {
            fail = fail.with_err_code(code);
        }
        if let Some(errno) = number("errno").and_then(|n| u32::try_from(n).ok()) {
            fail = fail.with_errno(errno);
        }
        return Some(crate::decode::openapi_as_server(Diagnosis::Wx(fail)));
    }
    if let Some(fail) = number("errno").and_then(|errno| errno_beside_its_err_msg(line, errno)) {
        return Some(Diagnosis::Wx(fail));
    }
    if let Some(response) = gateway_fields(line).or_else(|| cut_gateway_success(line)) {
        return Some(Diagnosis::AlipayGateway(response, options.call_kind));
    }
    // An Alipay JSAPI failure as a console prints it (`{error: 1, errorMessage: "…"}`): both of
    // its fields, as JSON needs them to tell it from other objects.
    // (`errorMessage` is looked for first: `error` is in every other log line.)
    if let Some((message, error)) =
        field(line, "errorMessage").and_then(|m| Some((m, number("error")?)))
    {
        let fail = crate::alipay::Fail::new(
            Some(ErrorValue::Number(error)),
            Some(Cow::Borrowed(message)),
        );
        return Some(Diagnosis::Alipay(crate::decode::AlipayDiagnosis::new(
            fail,
            options.alipay_api,
        )));
    }
    if let Some(answer) = pay_fields(line) {
        let pay = Diagnosis::WxPay(crate::decode::PayDiagnosis::new(answer, options));
        return Some(with_line_context(pay, line));
    }
    // A server body's `errcode` names a field of the line itself, never a word inside a
    // WeChat errMsg's reason (`request:fail errcode:-7 cronet error code:-7 …`).
    let head = wx_err_msg_start(line)
        .and_then(|start| line.get(..start))
        .unwrap_or(line);
    let errcode = field(head, "errcode")
        .and_then(|v| leading_int(v).map(|(n, _)| n))
        .or_else(|| errcode_spaced_before_errmsg(head))?;
    // A bare errmsg ends at its first comma, but WeCom's goes on (`…, hint: […], from ip: …,
    // more info at …?e=N`): its link, naming this very code, marks the errmsg WeCom's, whole.
    if let Some(wecom) = wecom_errmsg_with_link(line)
        .filter(|r| r.errcode().map(crate::wecom::AnyErrcode::raw) == Some(errcode))
    {
        return Some(Diagnosis::Wecom(wecom));
    }
    let errmsg = field(line, "errmsg").or_else(|| unlabelled_wecom_errmsg(line));
    Some(server_or_wecom(wx::server::Response::new(
        Some(wx::server::AnyErrcode::new(errcode)),
        errmsg.map(Cow::Borrowed),
    )))
}

/// `errcode 85407, errmsg: no scheme permission`: the number after a space rather than a colon
/// or an equals sign, as some wrappers format the pair. Read only where the `errmsg` label
/// follows the number: the two labels, in the server body's order, make the pair, where
/// `errcode` and a number alone may be prose.
fn errcode_spaced_before_errmsg(head: &str) -> Option<i64> {
    const LABEL: &str = "errcode ";
    match_str_indices(head, LABEL).find_map(|at| {
        let before = head.get(..at)?.chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            return None;
        }
        let (code, rest) = leading_int(head.get(at + LABEL.len()..)?)?;
        // The errmsg label itself, with its colon or equals sign: `errmsg is empty` is prose.
        rest.trim_start_matches([',', '，', ' '])
            .strip_prefix("errmsg")?
            .trim_start_matches([' ', '"', '\''])
            .starts_with([':', '=', '：'])
            .then_some(code)
    })
}

/// `api scope is not declared in the privacy agreement,errno:112`: an `errno` field right
/// beside the errMsg reason WeChat's table documents for that very errno, before its label or
/// after its number, with no `errMsg` label. The number alone is anybody's and the words alone
/// may be shared; side by side they are WeChat's, as a server code before its own errmsg is.
/// A short reason (`time out`, `internal error`: any runtime's words) or a templated one is no
/// evidence, nor is one inside longer words or apart from the field.
fn errno_beside_its_err_msg(line: &str, errno: i64) -> Option<wx::Fail<'_>> {
    let known = wx::Errno::from_code(u32::try_from(errno).ok()?)?;
    let documented = known.err_msg();
    if documented.len() < MIN_ERRNO_REASON || documented.contains('%') {
        return None;
    }
    const GAP: [char; 8] = [' ', ',', ';', '|', '，', '；', '(', '（'];
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let reason = match_str_indices(line, "errno").find_map(|label| {
        // Before the label: `…privacy agreement,errno:112`.
        let head = line.get(..label)?;
        let before = head.trim_end_matches(GAP);
        if head.len() - before.len() <= MAX_ERRNO_GAP && before.ends_with(documented) {
            let start = before.len() - documented.len();
            if !is_word(before.get(..start)?.chars().next_back()) {
                return before.get(start..);
            }
        }
        // After its number: `errno: 112, api scope is not declared …`.
        let value = line
            .get(label + "errno".len()..)?
            .trim_start_matches(['"', '\'', ' '])
            .strip_prefix([':', '='])?;
        let (number, rest) = leading_int(value)?;
        let after = rest.trim_start_matches(GAP);
        if number != errno || rest.len() - after.len() > MAX_ERRNO_GAP {
            return None;
        }
        // The reason may come as the whole errMsg: `errno: 102 requestPayment:fail jsapi has no
        // permission`. The API's name is short, so `:fail ` is sought no further than that: a
        // line of many errno fields is still read once.
        const FAIL: &str = ":fail ";
        let after = find_str(
            crate::normalize::head_of(after, MAX_WX_API_NAME + FAIL.len()),
            FAIL,
        )
        .filter(|&at| {
            after.get(..at).is_some_and(|api| {
                !api.is_empty()
                    && api
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
            })
        })
        .and_then(|at| after.get(at + FAIL.len()..))
        .unwrap_or(after);
        (after.starts_with(documented) && !is_word(after.get(documented.len()..)?.chars().next()))
            .then(|| after.get(..documented.len()))
            .flatten()
    })?;
    Some(wx::Fail::new(reason).with_errno(known.code()))
}

/// The shortest documented reason that counts beside an errno: shorter ones (`time out`,
/// `internal error`) are any runtime's words.
const MIN_ERRNO_REASON: usize = 16;

/// The most separator bytes between an errno field and its reason.
const MAX_ERRNO_GAP: usize = 3;

/// The longest WeChat API name read before `:fail ` after an errno's number.
const MAX_WX_API_NAME: usize = 64;

/// The text after an errcode's value when no `errmsg` names it but it carries WeCom's marks
/// (the `from ip:` and link WeCom appends to every errmsg, or its older hint) and starts with a
/// word, as WeCom's errmsgs do (`errcode: 60020, 'not allow to access from your ip, hint: […],
/// from ip: …`): WeCom's errmsg, printed without its key. A dump's own syntax after the number
/// (PHP's `) ["errmsg"]=> string(167) "…`) is not an errmsg.
fn unlabelled_wecom_errmsg(line: &str) -> Option<&str> {
    let value = field(line, "errcode")?;
    // The value is a slice of the line: after its number, the errmsg may begin.
    let start = (value.as_ptr() as usize).checked_sub(line.as_ptr() as usize)?;
    let (_, rest) = leading_int(line.get(start..)?)?;
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ",:'\"".contains(c));
    let rest = rest.trim_end().trim_end_matches(['\'', '"', '}', ')']);
    (rest.starts_with(|c: char| c.is_ascii_alphabetic()) && crate::wecom::is_wecom_errmsg(rest))
        .then_some(rest)
}

/// An Alipay gateway answer whose fields are named in text (a Python dict of the response,
/// `{'alipay_trade_query_response': {'sub_code': 'isv.invalid-app-id', 'code': '40002', …}}`):
/// a `sub_code` the tables know, or shaped as one (`isv.…`, `ACQ.…`), beside a public `code`.
fn gateway_fields(line: &str) -> Option<gateway::Response<'_>> {
    // SDKs that camel-case the body (`subCode`, `subMsg`) print it so too.
    let sub_code = field(line, "sub_code").or_else(|| field(line, "subCode"))?;
    let code = field(line, "code").and_then(GatewayCode::from_code)?;
    if SubCode::find(sub_code).is_none() && !sub_code.contains('.') {
        return None;
    }
    Some(gateway::Response::new(
        Some(ErrorValue::Text(Cow::Borrowed(code.code()))),
        field(line, "msg").map(Cow::Borrowed),
        Some(Cow::Borrowed(sub_code)),
        field(line, "sub_msg")
            .or_else(|| field(line, "subMsg"))
            .map(Cow::Borrowed),
    ))
}

/// A gateway success whose body the log cut short (`{"alipay_fund_trans_uni_transfer_response":
/// {"code":"10000","msg":"Success","order_id":…` and no end): its `*_response` wrapper is the
/// gateway's, and 10000 with the gateway's `Success` answers for the whole call; the wrapper is
/// kept, so a refund's success without its `fund_change` is still looked up. A failure cut
/// short stays unread: its sub_code decides, and may be what was cut.
fn cut_gateway_success(line: &str) -> Option<gateway::Response<'_>> {
    const WRAPPER_END: &str = "_response\"";
    let end = find_str(line, WRAPPER_END)?;
    let head = line.get(..end)?;
    let open = head.rfind('"')? + 1;
    let name = head.get(open..)?;
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return None;
    }
    let key = line.get(open..end + "_response".len())?;
    let body = line.get(end + WRAPPER_END.len()..)?.trim_start();
    let body = body.strip_prefix(':')?.trim_start();
    if !body.starts_with('{') {
        return None;
    }
    if field(body, "code")? != GatewayCode::Success.code() {
        return None;
    }
    // The gateway's own `Success` with it: an app's `*_response` with a `code` of its own
    // says `OK`, or nothing.
    let msg = field(body, "msg").filter(|m| *m == GatewayCode::Success.msg())?;
    Some(gateway::Response {
        method_key: Some(Cow::Borrowed(key)),
        code: Some(ErrorValue::Text(Cow::Borrowed(GatewayCode::Success.code()))),
        msg: Some(Cow::Borrowed(msg)),
        fund_change: field(body, "fund_change").map(Cow::Borrowed),
        ..gateway::Response::default()
    })
}

/// Whether a line names WeChat Pay's API host: the main domain `api.mch.weixin.qq.com` or the
/// backup `api2.mch.weixin.qq.com`.
fn names_pay_host(line: &str) -> bool {
    find_str(line, "api.mch.weixin.qq.com").is_some()
        || find_str(line, "api2.mch.weixin.qq.com").is_some()
}

/// A WeChat Pay answer whose fields are named in text: an APIv3 body as JSON escaped inside a
/// string (`{\\"code\\":\\"PARAM_ERROR\\",…}`) or a Python dict, or v2 fields as a Java `Map`
/// prints them (`{return_msg=…, return_code=FAIL}`). Loose text needs more evidence than JSON:
/// `code` must be a catalog code and come with a `message`, or the line must name WeChat Pay's
/// host (a client's text whose body was cut off); `return_code` must be v2's `SUCCESS` or
/// `FAIL`.
fn pay_fields(line: &str) -> Option<wx::pay::Answer<'_>> {
    // A quoted key is a body rendered as JSON or a dict, and a quoted value after a bare key is
    // Node's print of an object (`{ code: 'SIGN_ERROR', … message: '签名错误' }`), as is PHP's
    // `print_r` of the decoded body (`Array ( [code] => PARAM_ERROR [message] => … )`), as JSON
    // would be read; `Result(code=SYSTEM_ERROR, message=…)` is an app's own result type, whose
    // codes often share WeChat Pay's names.
    let quoted_key = || {
        ["\"code\"", "'code'", "\\\"code\\\"", "code: '", "[code] =>"]
            .iter()
            .any(|key| find_str(line, key).is_some())
    };
    if let Some(code) = field(line, "code").filter(|c| {
        wx::pay::AnyCode::of_version(*c, wx::pay::Version::V3).is_known() && quoted_key()
    }) {
        let message = field(line, "message");
        // A body cut off after its `"message":` key still has v3's shape.
        let message_key = || {
            [
                "\"message\"",
                "'message'",
                "\\\"message\\\"",
                "message: '",
                "[message] =>",
            ]
            .iter()
            .any(|key| find_str(line, key).is_some())
        };
        let host = || names_pay_host(line);
        // WeChat Pay's messages are Chinese: an English one is another REST API's, unless the
        // line names WeChat Pay's host. (Chinese escaped as JSON, `\u5f53…`, is ASCII too.)
        let english =
            message.is_some_and(|m| !m.trim().is_empty() && m.is_ascii() && !holds_escaped_han(m));
        if (message.is_some() || message_key() || host()) && (!english || host()) {
            return Some(wx::pay::Answer::V3(wx::pay::Response::new(
                code,
                message.unwrap_or_default(),
            )));
        }
    }
    let return_code = field(line, "return_code").filter(|c| matches!(*c, "SUCCESS" | "FAIL"));
    // v2's `err_code` is its own field name (WeChat's old requestPayment's is a number): with a
    // catalog code as its value it is v2's answer, even printed alone (`"err_code"=>"SIGN_ERROR"`,
    // Go's `map[err_code:SIGN_ERROR err_code_des:签名错误]`, or the code and its text joined,
    // `err_code=SYSTEMERROR:系统繁忙,请稍后再试`).
    // WxJava's parsed result names them `errCode` and `errCodeDes`; `errCode` alone is
    // WeChat's own client field.
    // Profit sharing's returns name them `error_code` and `error_msg` (their pages' answer
    // tables), as its XML does. Other APIs use `error_code` too, so it is v2's beside a
    // `return_code`, or with a code in v2's joined spelling (`NOAUTH`), not an underscored word
    // any API may send (`PARAM_ERROR`) nor a plain English one (`ERROR`, `PROCESSING`).
    let camel_des = field(line, "errCodeDes");
    let err_code_field = field(line, "err_code")
        .or_else(|| {
            camel_des
                .is_some()
                .then(|| field(line, "errCode"))
                .flatten()
        })
        .or_else(|| {
            field(line, "error_code").filter(|value| {
                let code = leading_code(value);
                return_code.is_some()
                    || !(code.contains('_') || matches!(code, "ERROR" | "PROCESSING"))
            })
        });
    let (err_code, joined_des) = match err_code_field {
        Some(value) => {
            let code = leading_code(value);
            let des = value
                .get(code.len()..)
                .and_then(|rest| rest.strip_prefix([':', '：']))
                .map(str::trim)
                .filter(|des| !des.is_empty());
            (Some(code), des)
        }
        None => (None, None),
    };
    let known_code = err_code.filter(|c| wx::pay::Code::from_code(c).is_some());
    if return_code.is_none() && known_code.is_none() {
        return None;
    }
    Some(wx::pay::Answer::V2(wx::pay::V2Response::new(
        return_code,
        // The sandbox answers `retmsg`.
        field(line, "return_msg").or_else(|| field(line, "retmsg")),
        field(line, "result_code"),
        known_code.or(err_code),
        field(line, "err_code_des")
            .or(camel_des)
            .or_else(|| field(line, "error_msg"))
            .or(joined_des),
    )))
}

/// The code a v2 code field's value starts with. A code is ASCII: prose run into it
/// (`err_code:SEND_FAILED这个错误`) is not part of it. A value that starts otherwise (`-1`) is
/// cut at its first space or colon.
fn leading_code(value: &str) -> &str {
    value
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .next()
        .filter(|code| !code.is_empty())
        .or_else(|| {
            value
                .split(|c: char| c.is_whitespace() || c == ':' || c == '：')
                .next()
        })
        .unwrap_or(value)
}

/// The value of the field `name` in text such as `{name: "value", …}`, `'name': 'value'`,
/// `name=value`, PHP's `["name"]=> string(5) "value"` or `[name] => value`: a quoted string
/// without its quotes, or the bare text up to the next `,`, `}` or `)` (for PHP's `print_r`,
/// up to its next key).
fn field<'t>(line: &'t str, name: &str) -> Option<&'t str> {
    // Chinese prose runs into a label with no space (`微信登录报错errCode: 40013 | …`,
    // `支付宝返回code: 40004, …`), but it may also end in a word that is a label's name
    // (`获取code: 4b20…`, an OAuth code before the gateway's own `code`). A name run into
    // Chinese is read only where no copy of it stands on its own.
    let mut glued = false;
    field_with(line, name, false, &mut glued).or_else(|| {
        glued
            .then(|| field_with(line, name, true, &mut glued))
            .flatten()
    })
}

/// [`field`]'s search: with `after_chinese`, a copy of the name that follows a Chinese letter
/// is read too; without, such a copy is only noted in `glued`.
fn field_with<'t>(
    line: &'t str,
    name: &str,
    after_chinese: bool,
    glued: &mut bool,
) -> Option<&'t str> {
    // Made at the first value sought: most names a line is asked for are not in it.
    let mut marks: Option<ClosingMarks> = None;
    match_str_indices(line, name).find_map(|at| {
        let before = line.get(..at)?.chars().next_back();
        if let Some(c) = before.filter(|c| c.is_alphanumeric() || *c == '_') {
            if c.is_ascii() || !after_chinese {
                *glued |= !c.is_ascii();
                return None;
            }
        }
        let rest = line.get(at + name.len()..)?;
        if before == Some('[') {
            if let Some(value) = rest.strip_prefix("] =>") {
                return print_r_value(value);
            }
        }
        // A closing quote (`”` where Chinese input typed the JSON: `{ “errcode”: 42001, …}`),
        // a PHP key's bracket, or the backslash of JSON escaped inside a string.
        let rest = rest.trim_start_matches(['"', '\'', ']', ' ', '\\', '”']);
        let rest = rest
            .strip_prefix("=>")
            // A full-width colon is how Chinese input types one (`{code：40001,…}`).
            .or_else(|| rest.strip_prefix([':', '=', '：']))?
            .trim_start();
        // Each value's end is where the next closing mark is at or after its start; every
        // copy of the name is read from a later place, so the searches go on from where the
        // last one ended (see [`NextMark`]).
        let from = |value: &str| line.len() - value.len();
        let ClosingMarks {
            paren,
            escaped_quote,
            double_quote,
            single_quote,
            backtick,
            curly_quote,
            bare_end,
        } = marks.get_or_insert_with(ClosingMarks::default);
        // PHP's var_dump: `int(50002)`, `string(44) "…"`.
        let rest = match rest.strip_prefix("int(") {
            Some(int) => {
                let start = from(int);
                let end = paren.at_or_after(line, start, |t| t.find(')'));
                return line.get(start..end.unwrap_or(line.len()));
            }
            None => rest,
        };
        let rest = match rest.strip_prefix("string(") {
            Some(sized) => {
                let close = paren.at_or_after(line, from(sized), |t| t.find(')'))?;
                line.get(close + 1..)?.trim_start()
            }
            None => rest,
        };
        // Xdebug's var_dump: `string 'USERPAYING' (length=10)`, `int 50002`.
        let rest = match rest
            .strip_prefix("string ")
            .or_else(|| rest.strip_prefix("int "))
        {
            Some(value)
                if value.starts_with(['\'', '"', '-'])
                    || value.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                value
            }
            _ => rest,
        };
        // JSON inside a JSON string: `\"errmsg\":\"missing code\"`.
        if let Some(inner) = rest.strip_prefix("\\\"") {
            let start = from(inner);
            let end = escaped_quote
                .at_or_after(line, start, |t| crate::normalize::find_str(t, "\\\""))?;
            return line.get(start..end);
        }
        // Python 2 prints text as `u'…'`.
        let rest = match rest.strip_prefix('u') {
            Some(quoted) if quoted.starts_with(['\'', '"']) => quoted,
            _ => rest,
        };
        let (start, end) = match rest.chars().next()? {
            quote @ ('"' | '\'' | '`') => {
                let start = from(rest) + 1;
                let closing = match quote {
                    '"' => double_quote,
                    '\'' => single_quote,
                    _ => backtick,
                };
                // A value whose closing quote the writer left off (a message pasted by hand,
                // `errorMessage:"请求url不支持http,请使用https 。`) runs to the line's end.
                let end = closing.at_or_after(line, start, |t| t.find(quote));
                (start, end.unwrap_or(line.len()))
            }
            // Chinese input's quotes; a blog's typography may open with `”` and close with `″`.
            open @ ('“' | '”') => {
                let start = from(rest) + open.len_utf8();
                (
                    start,
                    curly_quote.at_or_after(line, start, |t| t.find(['”', '″']))?,
                )
            }
            _ => {
                let start = from(rest);
                let end = bare_end.at_or_after(line, start, bare_value_end);
                let value = line.get(start..end.unwrap_or(line.len()))?;
                // A full-width comma is how Chinese input types one between fields
                // (`error:20，errorMessage:…`): it ends a number or a code, but not Chinese
                // words, whose own commas are part of them (`帐号余额不足，请到商户平台充值`).
                let value = match value.split_once('，') {
                    Some((head, _)) if head.is_ascii() && !head.trim().is_empty() => head,
                    _ => value,
                }
                .trim();
                return Some(value).filter(|v| !v.is_empty());
            }
        };
        line.get(start..end)
    })
}

/// Where a bare value (one not quoted) ends in `text`: at a comma, a closing brace or a closing
/// parenthesis, but not at an ASCII comma between two Chinese characters, which is the
/// sentence's own (`err_code_des:订单金额或退款金额与之前请求不一致,请核实后再试` in Go's
/// `map[…]`): a comma between fields is followed by a space, a quote or the next name.
fn bare_value_end(text: &str) -> Option<usize> {
    text.match_indices([',', '}', ')'])
        .map(|(at, _)| at)
        .find(|&at| {
            let sentence_comma = text.get(at..at + 1) == Some(",")
                && text
                    .get(..at)
                    .and_then(|head| head.chars().next_back())
                    .is_some_and(|c| !c.is_ascii())
                && text
                    .get(at + 1..)
                    .and_then(|tail| tail.chars().next())
                    .is_some_and(|c| !c.is_ascii());
            !sentence_comma
        })
}

/// Where a search for one closing mark (a quote, a parenthesis) first succeeds at or after a
/// place in a line, kept for the next search: [`field`] reads a name's copies in order, so a
/// later search from a place before the kept match (or after a search that found none) has
/// its answer already, and each stretch of the line is searched once however many copies of
/// the name it holds.
#[derive(Default)]
struct NextMark {
    /// Where the last search started, and what it found (`None`: nothing to the line's end).
    last: Option<(usize, Option<usize>)>,
}

impl NextMark {
    /// The first place at or after `start` in `line` where `find` (run on the line from
    /// there) succeeds.
    fn at_or_after(
        &mut self,
        line: &str,
        start: usize,
        find: impl Fn(&str) -> Option<usize>,
    ) -> Option<usize> {
        if let Some((searched_from, found)) = self.last {
            if start >= searched_from && found.is_none_or(|at| at >= start) {
                return found;
            }
        }
        let found = line.get(start..).and_then(find).map(|at| start + at);
        self.last = Some((start, found));
        found
    }
}

/// The closing marks [`field`] looks for, one [`NextMark`] each.
#[derive(Default)]
struct ClosingMarks {
    paren: NextMark,
    escaped_quote: NextMark,
    double_quote: NextMark,
    single_quote: NextMark,
    backtick: NextMark,
    curly_quote: NextMark,
    bare_end: NextMark,
}

/// The longest text between `[` and `] =>` that [`print_r_value`] takes for a PHP array's key:
/// keys are field names (`err_code_des`, `errmsg`), and a longer run is not read as one, so a
/// line of many `] =>` after one old `[` is not read from that `[` each time.
const MAX_PRINT_R_KEY: usize = 64;

/// A value as PHP's `print_r` prints it (`Array ( [errcode] => 40001 [errmsg] => a, b )`): bare
/// text that may hold commas, up to the next `[key] =>` or the array's closing parenthesis.
fn print_r_value(rest: &str) -> Option<&str> {
    // The last `[` before each `] =>`, carried from one to the next: each stretch of the text is
    // searched once, however many `] =>` follow an old `[`.
    let mut last_open = None;
    let mut searched_to = 0;
    let next_key = match_str_indices(rest, "] =>").find_map(|close| {
        if let Some(at) = memchr::memrchr(b'[', rest.as_bytes().get(searched_to..close)?) {
            last_open = Some(searched_to + at);
        }
        searched_to = close;
        let open = last_open?;
        let key = rest.get(open + 1..close)?;
        let keyed = !key.is_empty()
            && key.len() <= MAX_PRINT_R_KEY
            && key.chars().all(|c| c.is_alphanumeric() || c == '_');
        let spaced = rest.get(..open)?.ends_with(char::is_whitespace);
        (keyed && spaced).then_some(open)
    });
    let value = match next_key {
        Some(end) => rest.get(..end)?,
        // The last value runs to the array's own `)`.
        None => {
            let rest = rest.trim_end();
            rest.strip_suffix(')').unwrap_or(rest)
        }
    };
    Some(value.trim()).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_look_rules_out_a_programs_own_words_only() {
        for noise in [
            "2026-11-30 10:02:56 INFO request served in 96 ms",
            "GET /health 200 3ms",
            "user 42 logged in from 10.0.0.1",
        ] {
            assert!(!may_hold_payload(noise), "{noise}");
        }
        // One line per kind of mark, each a form some line of a log has held.
        for payload in [
            "wx.login request:fail timeout",
            "Error code: 48001, message: api unauthorized",
            "ERRCODE=40029",
            "access_token missing rid: 66739825-3646610c-1b890536",
            "invalid credential hint: [abc]",
            "Exception(code: 42001)",
            "授权失败：40125, invalid appsecret",
            "OUT_TRADE_NO_USED 商户订单号重复",
            "token 40001 invalid credential",
            "my.request JSON parse data error",
            "Invalid Arguments - isv.invalid-signature",
            "see https://open.work.weixin.qq.com/devtool/query?e=301002",
            "WxPayException(customErrorMsg=x)",
            "{resultStatus: 6001}",
            "<xml><return_code>FAIL</return_code></xml>",
            "resultStatus: 4000",
            "POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds HTTP/1.1 500",
            "com.wechat.pay.contrib.apache.httpclient.SignatureExec HTTP/2 401",
        ] {
            assert!(may_hold_payload(payload), "{payload}");
        }
    }

    #[test]
    fn quoted_messages_end_at_their_quote() {
        assert_eq!(quoted_tail(r#"x "a:fail b" y"#, 3), "a:fail b");
        assert_eq!(quoted_tail("报错：a:fail b", "报错：".len()), "a:fail b");
        assert_eq!(quoted_tail("【a:fail b】", "【".len()), "a:fail b");
    }

    #[test]
    fn named_fields() {
        assert_eq!(field(r#"{errMsg: "a:ok", x: 1}"#, "errMsg"), Some("a:ok"));
        assert_eq!(
            field("errCode: -5, errMsg: mediaError", "errMsg"),
            Some("mediaError")
        );
        assert_eq!(field("{'errcode': 40029,", "errcode"), Some("40029"));
        assert_eq!(
            field(
                r#"["errcode"]=> int(50002) ["errmsg"]=> string(4) "x y""#,
                "errmsg"
            ),
            Some("x y")
        );
        assert_eq!(
            field(r#"["errcode"]=> int(50002)"#, "errcode"),
            Some("50002")
        );
        let print_r = "Array ( [errcode] => 40001 [errmsg] => invalid credential, access_token is invalid rid: 1 )";
        assert_eq!(field(print_r, "errcode"), Some("40001"));
        assert_eq!(
            field(print_r, "errmsg"),
            Some("invalid credential, access_token is invalid rid: 1")
        );
        assert_eq!(
            field(
                "Array ( [return_code] => FAIL [return_msg] => 签名错误 )",
                "return_code"
            ),
            Some("FAIL")
        );
        assert_eq!(field("Array ( [errmsg] => )", "errmsg"), None);
        assert_eq!(field("myerrMsg: x", "errMsg"), None);
        assert_eq!(field("errMsg is missing", "errMsg"), None);
        let escaped =
            r#"{"message":"Authorize Failed: {\"errcode\":41008,\"errmsg\":\"missing code\"}"}"#;
        assert_eq!(field(escaped, "errcode"), Some("41008"));
        assert_eq!(field(escaped, "errmsg"), Some("missing code"));
    }

    #[test]
    fn leading_integers() {
        assert_eq!(leading_int(" -501000 x"), Some((-501000, " x")));
        assert_eq!(leading_int("x"), None);
        assert_eq!(leading_int("-"), None);
        assert_eq!(leading_int("99999999999999999999"), None);
    }

    #[test]
    fn an_errno_counts_beside_its_own_err_msg() {
        let options = DecodeOptions::new();
        let line =
            "getPhoneNumber中报错api scope is not declared in the privacy agreement,errno:112";
        let (_, d) = decode_line(line, &options).expect("decodes");
        assert_eq!(d.platform(), crate::Platform::Wechat);
        assert_eq!(d.code(), Some(crate::RawCode::Number(112)));
        assert_eq!(d.action(), Some(crate::Action::FixConfig));
        // After its number, too, alone or as a whole errMsg.
        for line in [
            "errno: 112, api scope is not declared in the privacy agreement",
            "errno: 112 getPhoneNumber:fail api scope is not declared in the privacy agreement",
        ] {
            let (_, d) = decode_line(line, &options).expect("decodes");
            assert_eq!(d.code(), Some(crate::RawCode::Number(112)), "{line}");
        }
        // Beside other words, apart from its reason, or with a reason any runtime prints, the
        // number is anybody's.
        for line in [
            "upload failed, errno: 112",
            "errno:112 api scope is not declared",
            "access denied, errno:13",
            "read failed: connection time out, errno=5",
            "errno: 4 upstream internal error",
            "errno: 5 after the downtime outage",
            "api scope is not declared in the privacy agreement; retrying in 5 s, errno:112",
            "xapi scope is not declared in the privacy agreement,errno:112",
        ] {
            assert!(
                fields(line, &options).is_none_or(|d| d.code().is_none()),
                "{line}"
            );
        }
    }

    #[test]
    fn an_errcode_after_a_space_counts_only_before_its_errmsg() {
        let options = DecodeOptions::new();
        let line = "稳定复现返回:errcode 85407, errmsg: no scheme permission";
        let (_, d) = decode_line(line, &options).expect("decodes");
        assert_eq!(d.platform(), crate::Platform::WechatServer);
        assert_eq!(d.code(), Some(crate::RawCode::Number(85407)));
        assert_eq!(d.action(), Some(crate::Action::FixConfig));
        // Without the errmsg label after it, the number is prose.
        for prose in [
            "errcode 85407 again after the fix",
            "the errcode 85407, then errmsgs vanished",
            "xerrcode 85407, errmsg: no scheme permission",
            "errcode 40001 errmsg is empty",
            "errcode 85407, errmsgs vanished",
        ] {
            assert!(
                fields(prose, &options).is_none_or(|d| d.code().is_none()),
                "{prose}"
            );
        }
    }

    #[test]
    fn a_field_inside_a_wechat_reason_is_not_a_server_body() {
        let options = DecodeOptions::new();
        let cronet = "request:fail errcode:-7 cronet error code:-7 error msg:net::ERR_TIMED_OUT";
        assert!(fields(cronet, &options).is_none());
        let (found, d) = decode_line(cronet, &options).expect("decodes");
        assert_eq!(found, Found::WxErrMsg);
        assert_eq!(d.platform(), crate::Platform::Wechat);
        assert_eq!(d.action(), Some(crate::Action::Retry));
        // A dump's own errcode field still is one.
        let dump =
            "array(2) { [\"errcode\"]=> int(40029) [\"errmsg\"]=> string(12) \"invalid code\" }";
        assert!(matches!(
            fields(dump, &options),
            Some(Diagnosis::WxServer(_))
        ));
    }

    #[test]
    fn an_api_name_must_precede_fail() {
        assert_eq!(wx_err_msg_start("[wx] request:fail timeout"), Some(5));
        assert_eq!(
            wx_err_msg_start("note: fail safe"),
            None,
            "prose, not an errMsg"
        );
        assert_eq!(
            wx_err_msg_start("x downloadFile: fail url not in domain list"),
            Some(2)
        );
        assert_eq!(wx_err_msg_start("someNewApi:fail reason"), Some(0));
        // A retyped full-width colon, after a reference API only.
        assert_eq!(
            wx_err_msg_start("上传之后扫码运行提示 downloadFile：fail url not in domain list"),
            Some("上传之后扫码运行提示 ".len())
        );
        assert_eq!(
            wx_err_msg_start("downloadFile： fail url not in domain list"),
            Some(0)
        );
        assert_eq!(wx_err_msg_start("someNewApi：fail reason"), None);
        assert_eq!(wx_err_msg_start("报错：fail reason"), None);
        assert_eq!(wx_err_msg_start("12:fail"), None);
        assert_eq!(wx_err_msg_start("no marker here"), None);
    }
}
