//! A failing Cloud call, from its `{errCode, errMsg}` object or from its Error text.

use std::borrow::Cow;
use std::fmt;

use super::{AnyCode, CloudbaseCode, Code};
use crate::Action;
use crate::wx;

/// A WeChat Cloud failure: an `errCode` (sent as a field, or written in the text) and the
/// message, which may hold a second, wrapped code.
///
/// Build one from an object with `serde` (`{"errCode":-501007,"errMsg":"…"}`; `errCode` may be
/// a string) or from the text alone with [`Fail::new`]. The text is kept as received; the parts
/// are read from it on demand, without allocating.
///
/// The text forms read:
///
/// - `errCode: N label | errMsg: message`, with or without a leading `Error: `, and with two
///   spaces before `|` where the SDK has no label;
/// - the same after the calling API's errMsg: `cloud.callFunction:fail Error: errCode: …`;
/// - a code right after `:fail` (`cloud.callContainer:fail -405005 exceed max poll retry`), after
///   `error code` (`cloud function service error code -504002, error message …`,
///   `system error: error code: -604100`) or after `errcode` (`base_resp.errcode -501000`);
/// - and the diagnostics after the message, which are set apart: `(callId: …)`, `(trace: …)`,
///   `requestID …,`, `; at collection.get api;`.
///
/// ```
/// use minierr::wx::cloud::{Code, Fail};
/// use minierr::Action;
///
/// let fail = Fail::new("Error: cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment not found \
///     (callId: 1640257458052-0.8953485546111697) (trace: 19:4:18 start->19:4:18 system error, abort)");
/// assert_eq!(fail.api(), Some("cloud.callFunction"));
/// assert_eq!(fail.code().map(|c| c.raw()), Some(-501000));
/// assert_eq!(fail.label(), None, "-501000 has no SDK label");
/// assert_eq!(fail.reason(), "Environment not found");
/// assert_eq!(fail.call_id(), Some("1640257458052-0.8953485546111697"));
/// assert_eq!(fail.action(), Some(Action::FixConfig));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Fail<'a> {
    #[cfg_attr(
        feature = "serde",
        serde(rename = "errCode", skip_serializing_if = "Option::is_none")
    )]
    err_code: Option<i64>,
    #[cfg_attr(feature = "serde", serde(rename = "errMsg"))]
    err_msg: Cow<'a, str>,
    /// The string `code` of a CloudBase body (`{"code":"INVALID_PARAM","message":…}`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "code", skip_serializing_if = "Option::is_none")
    )]
    cloudbase_code: Option<Cow<'a, str>>,
}

/// A failure read once: what [`Fail::resolution`] gives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolution<'t> {
    // The parts a diagnosis shows; read by `Diagnosis::view` (feature `json`).
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) api: Option<&'t str>,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) sub_code: Option<AnyCode>,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) resolved: Option<AnyCode>,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) reason: &'t str,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) deciding: Option<Code>,
    /// What [`Fail::cloudbase_code`] gives: a code with a step first (the text's, then the
    /// body's), else the text's, else the body's.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) cloudbase: Option<CloudbaseCode>,
    /// The CloudBase code the text names.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) text_cloudbase: Option<CloudbaseCode>,
    /// The Cloud code the text names, or the one its CloudBase code stands for.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) text_code: Option<i64>,
    pub(crate) action: Option<Action>,
    pub(crate) class: Option<wx::ReasonClass>,
}

/// The pieces of a Cloud error text, borrowed from it.
#[derive(Clone, Copy, Debug, Default)]
struct Parts<'t> {
    api: Option<&'t str>,
    /// The code of an `errCode: N` form, else the first code the text names.
    code: Option<i64>,
    label: Option<&'t str>,
    /// The last code the text names, which is the innermost.
    innermost: Option<i64>,
    /// The last code the text names that the catalog gives a step of its own: where the
    /// innermost only wraps (`-1 unknown error` thrown inside a function), the layer around it
    /// (`-504002`, the function threw) says what failed.
    innermost_acting: Option<i64>,
    /// The CloudBase code the text names: `[FUNCTION_NOT_FOUND] …`, or the code a CloudBase
    /// link ends with (the SDKs' help link `…/copilot?q=SIGN_PARAM_INVALID`, or an error-code
    /// page `https://docs.cloudbase.net/error-code/basic/INVALID_ENV`).
    cloudbase: Option<CloudbaseCode>,
    reason: &'t str,
    call_id: Option<&'t str>,
    request_id: Option<&'t str>,
}

impl<'a> Fail<'a> {
    /// A failure known only by its text, as logs and rejected promises show it.
    ///
    /// ```
    /// let fail = minierr::wx::cloud::Fail::new("errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.");
    /// assert_eq!(fail.code().map(|c| c.raw()), Some(-502005));
    /// ```
    pub fn new(err_msg: impl Into<Cow<'a, str>>) -> Self {
        Fail {
            err_code: None,
            err_msg: err_msg.into(),
            cloudbase_code: None,
        }
    }

    /// The same failure, carrying the string `code` of a CloudBase body: its HTTP API's
    /// `{"code":"INVALID_PARAM","message":"…","requestId":"…"}`, or the web SDK's
    /// `{"code":"OPERATION_FAIL","msg":"[FUNCTION_NOT_FOUND] …"}`.
    ///
    /// ```
    /// use minierr::wx::cloud::{CloudbaseCode, Fail};
    /// use minierr::Action;
    /// let fail = Fail::new("Cannot operate more than 50 files one time").with_cloudbase_code("INVALID_PARAM");
    /// assert_eq!(fail.cloudbase_code_sent(), Some("INVALID_PARAM"));
    /// // INVALID_PARAM is the SDKs' name for -501007.
    /// assert_eq!(fail.code().map(|c| c.raw()), Some(-501007));
    /// assert_eq!(fail.action(), Some(Action::FixRequest));
    /// ```
    #[must_use]
    pub fn with_cloudbase_code(mut self, code: impl Into<Cow<'a, str>>) -> Self {
        self.cloudbase_code = Some(code.into());
        self
    }

    /// The string `code` of a CloudBase body, exactly as sent; `None` for every other form.
    ///
    /// ```
    /// use minierr::wx::cloud::Fail;
    /// assert_eq!(Fail::new("x").with_cloudbase_code("OPERATION_FAIL").cloudbase_code_sent(), Some("OPERATION_FAIL"));
    /// assert_eq!(Fail::new("x").cloudbase_code_sent(), None);
    /// ```
    #[must_use]
    pub fn cloudbase_code_sent(&self) -> Option<&str> {
        self.cloudbase_code.as_deref()
    }

    /// The CloudBase code the failure names: the one whose row decides the step where one does,
    /// else the one in its text (`[FUNCTION_NOT_FOUND] …`, a CloudBase help link's `?q=CODE`,
    /// or an error-code page's last segment), else the body's `code` if the catalog knows it.
    ///
    /// ```
    /// use minierr::wx::cloud::{CloudbaseCode, Fail};
    /// let fail = Fail::new("[FUNCTION_NOT_FOUND] FunctionName parameter could not be found.")
    ///     .with_cloudbase_code("OPERATION_FAIL");
    /// assert_eq!(fail.cloudbase_code(), Some(CloudbaseCode::FunctionNotFound));
    /// ```
    #[must_use]
    pub fn cloudbase_code(&self) -> Option<CloudbaseCode> {
        self.named_cloudbase(&self.parts())
    }

    fn named_cloudbase(&self, parts: &Parts<'_>) -> Option<CloudbaseCode> {
        self.deciding_cloudbase(parts)
            .or(parts.cloudbase)
            .or_else(|| self.sent_cloudbase())
    }

    /// The CloudBase code the text names (see [`Fail::cloudbase_code`]), read once.
    #[cfg(feature = "json")]
    pub(crate) fn text_cloudbase(&self) -> Option<CloudbaseCode> {
        self.parts().cloudbase
    }

    fn sent_cloudbase(&self) -> Option<CloudbaseCode> {
        self.cloudbase_code
            .as_deref()
            .and_then(CloudbaseCode::from_code)
    }

    /// The same failure, carrying the `errCode` field of its object.
    ///
    /// ```
    /// let fail = minierr::wx::cloud::Fail::new("collection.add:fail -501009 Please initialize the reource first")
    ///     .with_err_code(-501009);
    /// assert_eq!(fail.err_code(), Some(-501009));
    /// assert_eq!(fail.reason(), "Please initialize the reource first");
    /// ```
    #[must_use]
    pub fn with_err_code(mut self, err_code: i64) -> Self {
        self.err_code = Some(err_code);
        self
    }

    fn parts(&self) -> Parts<'_> {
        parse(&self.err_msg)
    }

    /// The text, exactly as received.
    #[must_use]
    pub fn err_msg(&self) -> &str {
        &self.err_msg
    }

    /// The text as held, to borrow parts of it for as long as the input lives.
    #[cfg(feature = "json")]
    pub(crate) fn err_msg_cow(&self) -> &Cow<'a, str> {
        &self.err_msg
    }

    /// The `errCode` field, if the failure came as an object that has one.
    #[must_use]
    pub fn err_code(&self) -> Option<i64> {
        self.err_code
    }

    /// The outer code: the `errCode` field, else the code the text names first (its `errCode:
    /// N`, or the code after `:fail`), else the Cloud errCode a CloudBase code stands for (the
    /// body's `code`, a bracketed `[INVALID_PARAM] …`, or a help link's `?q=INVALID_PARAM`).
    /// `None` when none does.
    ///
    /// ```
    /// use minierr::wx::cloud::Fail;
    /// assert_eq!(Fail::new("cloud.callContainer:fail -405005 exceed max poll retry.").code().map(|c| c.raw()), Some(-405005));
    /// assert_eq!(Fail::new("没有权限，请先开通云开发或者云托管").code(), None);
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<AnyCode> {
        self.outer(&self.parts()).map(AnyCode::new)
    }

    fn outer(&self, parts: &Parts<'_>) -> Option<i64> {
        self.err_code.or(parts.code).or_else(|| {
            self.sent_cloudbase()
                .and_then(CloudbaseCode::cloud_code)
                .map(Code::code)
        })
    }

    /// The CloudBase code whose own row decides when no Cloud code does: the text's, else
    /// the body's, skipping one without a step (`OPERATION_FAIL` only wraps).
    fn deciding_cloudbase(&self, parts: &Parts<'_>) -> Option<CloudbaseCode> {
        let acting = |code: Option<CloudbaseCode>| code.filter(|c| c.action().is_some());
        acting(parts.cloudbase).or_else(|| acting(self.sent_cloudbase()))
    }

    fn inner(&self, parts: &Parts<'_>) -> Option<i64> {
        let outer = self.outer(parts);
        let innermost = parts.innermost.filter(|&inner| Some(inner) != outer);
        let wraps = |code: i64| Code::from_code(code).is_some_and(Code::is_wrapper);
        match innermost {
            Some(code) if wraps(code) => parts
                .innermost_acting
                .filter(|&acting| Some(acting) != outer)
                .or(innermost),
            _ => innermost,
        }
    }

    /// The code a wrapper carries inside its message, when it differs from the outer code: the
    /// innermost one the text names, or, where that one only wraps too, the innermost with a
    /// step of its own (`-504002` around a function's own `-1 unknown error`).
    ///
    /// ```
    /// use minierr::wx::cloud::{Code, Fail};
    /// let fail = Fail::new("Error: cloud.callContainer:fail Error: cloud:fail -405015 exceed max client request count, \
    ///     avoid infinite loop in your code and retry after 60s.").with_err_code(-1);
    /// assert_eq!(fail.code(), Some(Code::UnknownError.into()));
    /// assert_eq!(fail.sub_code(), Some(Code::ContainerRequestLimitExceeded.into()));
    /// ```
    #[must_use]
    pub fn sub_code(&self) -> Option<AnyCode> {
        self.inner(&self.parts()).map(AnyCode::new)
    }

    /// The outer code as sent or, when the failure names none, the one code whose label,
    /// runtime message or Chinese text is the [reason](Fail::reason).
    ///
    /// ```
    /// use minierr::wx::cloud::{Code, Fail};
    /// assert_eq!(Fail::new("没有权限，请先开通云开发或者云托管").resolved_code(), Some(Code::CloudNotActivated.into()));
    /// assert_eq!(Fail::new("something new").resolved_code(), None);
    /// ```
    #[must_use]
    pub fn resolved_code(&self) -> Option<AnyCode> {
        let parts = self.parts();
        self.outer(&parts)
            .map(AnyCode::new)
            .or_else(|| Code::from_message(parts.reason).map(AnyCode::Known))
    }

    /// The API before `:fail` at the start of the text (`cloud.callFunction`), if any.
    #[must_use]
    pub fn api(&self) -> Option<&str> {
        self.parts().api
    }

    /// The SDK's label after the code (`database collection not exists`), if the text has one.
    #[must_use]
    pub fn label(&self) -> Option<&str> {
        self.parts().label
    }

    /// The innermost message, without the wrappers before it and the diagnostics after it:
    /// `Environment not found` in `errCode: -404011 … | errMsg: cloud.callFunction:fail cloud
    /// function service error code -501005, error message Environment not found; at
    /// cloud.callFunction api;`.
    #[must_use]
    pub fn reason(&self) -> &str {
        self.parts().reason
    }

    /// The `callId` the client SDK appends, if any.
    #[must_use]
    pub fn call_id(&self) -> Option<&str> {
        self.parts().call_id
    }

    /// The `requestID` of the cloud function call, if the text has one.
    ///
    /// ```
    /// let fail = minierr::wx::cloud::Fail::new("errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail \
    ///     requestID 3e7eda4e-847b-11ea-b397-5254004f3f4d, cloud function service error code -504002, error message connect ECONNREFUSED 127.0.0.1:8080");
    /// assert_eq!(fail.request_id(), Some("3e7eda4e-847b-11ea-b397-5254004f3f4d"));
    /// assert_eq!(fail.reason(), "connect ECONNREFUSED 127.0.0.1:8080");
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.parts().request_id
    }

    /// The catalog code that decides the next step: the wrapped code if the catalog gives it an
    /// action, else the outer code if it does, else the code the reason names. `None` when
    /// none of them is known with an action.
    ///
    /// ```
    /// use minierr::wx::cloud::{Code, Fail};
    /// let fail = Fail::new("errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail \
    ///     cloud function service error code -504002, error message boom");
    /// assert_eq!(fail.deciding_code(), Some(Code::FunctionExecuteFailed));
    /// ```
    #[must_use]
    pub fn deciding_code(&self) -> Option<Code> {
        self.deciding(&self.parts())
    }

    fn deciding(&self, parts: &Parts<'_>) -> Option<Code> {
        // Where the innermost code only wraps and the text names a CloudBase code with a step
        // of its own (the SDKs' help link, `…/copilot?q=INVALID_ENV`, after `-501001 resource
        // system error | errMsg: … env status is isolated`), that code says what failed, not
        // a layer around it (`-504002`: the function threw).
        let innermost_wraps = parts
            .innermost
            .and_then(Code::from_code)
            .is_some_and(Code::is_wrapper);
        if innermost_wraps && parts.cloudbase.is_some_and(|c| c.action().is_some()) {
            return None;
        }
        let acting = |code: Option<Code>| code.filter(|c| !c.is_wrapper());
        acting(self.inner(parts).and_then(Code::from_code))
            .or_else(|| acting(self.outer(parts).and_then(Code::from_code)))
            .or_else(|| acting(Code::from_message(parts.reason)))
    }

    /// Everything a report needs, read from one parse of the text: each public getter parses
    /// afresh.
    pub(crate) fn resolution(&self) -> Resolution<'_> {
        let parts = self.parts();
        let code = self.outer(&parts).map(AnyCode::new);
        let deciding = self.deciding(&parts);
        let deciding_cloudbase = match deciding {
            Some(_) => None,
            None => self.deciding_cloudbase(&parts),
        };
        let class = match (deciding, deciding_cloudbase) {
            (None, None) => wx::ReasonClass::of(parts.reason),
            _ => None,
        };
        Resolution {
            api: parts.api,
            sub_code: self.inner(&parts).map(AnyCode::new),
            resolved: code.or_else(|| Code::from_message(parts.reason).map(AnyCode::Known)),
            reason: parts.reason,
            deciding,
            cloudbase: self.named_cloudbase(&parts),
            text_cloudbase: parts.cloudbase,
            text_code: parts.code,
            action: match (deciding, deciding_cloudbase) {
                (Some(Code::InvalidParameters), _) if names_environment(parts.reason) => {
                    Some(Action::FixConfig)
                }
                (Some(code), _) => code.action(),
                (None, Some(code)) => code.action(),
                (None, None) => class.map(wx::ReasonClass::action),
            },
            class,
        }
    }

    /// The next step: the [deciding code](Fail::deciding_code)'s action (but a -501007 whose
    /// reason names the environment, `[100003] env not exists`, is [`Action::FixConfig`]), else
    /// the step of the [CloudBase code](Fail::cloudbase_code) it names, where that code has
    /// one, else the [class](Fail::reason_class) of the innermost reason. `None` when none of
    /// these decides, e.g. a wrapper around an error no catalog or class knows: never a guess.
    ///
    /// ```
    /// use minierr::{wx::cloud::Fail, Action};
    /// let fail = Fail::new("subscribeMessage.send:fail Invalid request param").with_err_code(-501007);
    /// assert_eq!(fail.action(), Some(Action::FixRequest));
    /// // …unless the parameter it names is the environment: configuration.
    /// let fail = Fail::new("collection.get:fail -501007 invalid parameters. [100003] env not exists");
    /// assert_eq!(fail.action(), Some(Action::FixConfig));
    /// // -1 only wraps; the wrapped reason is a socket timeout.
    /// let fail = Fail::new("errCode: -1 unknown error | errMsg: callFunction:fail Error: ESOCKETTIMEDOUT");
    /// assert_eq!(fail.action(), Some(Action::Retry));
    /// assert_eq!(Fail::new("errCode: -1  | errMsg: something new").action(), None);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.resolution().action
    }

    /// The [class](wx::ReasonClass) of the innermost reason, when no catalog code decides the
    /// next step; `None` when one does, or when no pattern describes the reason.
    ///
    /// ```
    /// use minierr::wx::{cloud::Fail, ReasonClass};
    /// let fail = Fail::new("errCode: -1 unknown error | errMsg: callFunction:fail Error: ESOCKETTIMEDOUT");
    /// assert_eq!(fail.reason_class(), Some(ReasonClass::Network));
    /// ```
    #[must_use]
    pub fn reason_class(&self) -> Option<wx::ReasonClass> {
        self.resolution().class
    }

    /// The same failure with an owned text, to outlive the input buffer.
    #[must_use]
    pub fn into_owned(self) -> Fail<'static> {
        Fail {
            err_code: self.err_code,
            err_msg: Cow::Owned(self.err_msg.into_owned()),
            cloudbase_code: self.cloudbase_code.map(|c| Cow::Owned(c.into_owned())),
        }
    }

    /// Decodes a failure from JSON: a `{errCode, errMsg}` object, or a string holding the text.
    ///
    /// ```
    /// use minierr::wx::cloud::Fail;
    /// let fail = Fail::from_json_str(r#"{"errCode":"-501007","errMsg":"subscribeMessage.send:fail Invalid request param"}"#)?;
    /// assert_eq!(fail.err_code(), Some(-501007));
    /// let err = Fail::from_json_str(r#"{"errCode":-1}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "missing field `errMsg` at line 1 column 14");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Fail::from_json_str`] for bytes, which must be UTF-8.
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }
}

impl fmt::Display for Fail<'_> {
    /// The text, preceded by the `errCode` field where the text does not name the code, or by
    /// a CloudBase body's `code`.
    ///
    /// ```
    /// use minierr::wx::cloud::Fail;
    /// let fail = Fail::new("Cannot operate more than 50 files one time").with_cloudbase_code("INVALID_PARAM");
    /// assert_eq!(fail.to_string(), "INVALID_PARAM: Cannot operate more than 50 files one time");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.err_code, &self.cloudbase_code) {
            (Some(code), _) if self.parts().code != Some(code) => {
                write!(f, "errCode {code}: {}", self.err_msg)
            }
            (None, Some(code)) => write!(f, "{code}: {}", self.err_msg),
            _ => f.write_str(&self.err_msg),
        }
    }
}

impl std::error::Error for Fail<'_> {}

/// Whether `text` is a Cloud error text: it has an `errCode: -N` form, or names a code in
/// Cloud's range after `:fail`, `error code` or `errcode`. A short code is not enough:
/// `request:fail -118:net::…` is a Chromium network error.
#[cfg(feature = "json")]
pub(crate) fn has_cloud_form(text: &str) -> bool {
    // (memchr's search for one byte: `str::contains` with a char searches more slowly.)
    let has = |byte: u8| memchr::memchr(byte, text.as_bytes()).is_some();
    if has(b'[') && cloudbase_start(text).is_some() {
        return true;
    }
    // The SDKs' help link, which names the code: `请前往云开发AI小助手查看问题：
    // https://tcb.cloud.tencent.com/dev#/helper/copilot?q=SIGN_PARAM_INVALID`.
    if crate::normalize::find_str(text, "copilot?q=").is_some() && cloudbase_link(text).is_some() {
        return true;
    }
    // Every Cloud code is negative; most client errMsgs have no minus sign at all.
    if !has(b'-') {
        return false;
    }
    // `errCode: N label | errMsg: …`; a bare `errCode: -5, errMsg: mediaError` (uni-app) is not.
    let err_code_form =
        crate::normalize::split_once_str(text, "errCode:").is_some_and(|(_, after)| {
            leading_code(after).is_some_and(|(code, rest)| {
                in_code_range(code) || crate::normalize::split_once_str(rest, "| errMsg:").is_some()
            })
        });
    err_code_form || codes_named(text).any(in_code_range)
}

/// Whether `text` is the errMsg of a Cloud API: `cloud.callFunction:fail …`, a database
/// call's `collection.get:fail …` or `document.update:fail …`, after any `Error: `.
#[cfg(feature = "json")]
pub(crate) fn names_cloud_api(text: &str) -> bool {
    let text = strip_error(text);
    ["cloud.", "collection.", "document.", "database.", "db."]
        .iter()
        .any(|prefix| text.starts_with(prefix))
        && split_api(text).is_some()
}

/// A Cloud call of a WeChat server API that failed with the server's errcode: the Cloud text
/// `errCode: 43101 | errMsg: openapi.subscribeMessage.send:fail user refuse to accept the msg`
/// (after any `Error: `), or an object's errMsg `openapi.…:fail …` beside a positive `errCode`
/// (`err_code`). Cloud's own codes are negative; a positive one here is the server's. Gives
/// `(errcode, api, errmsg)`, the errmsg without a leading echo of the code.
#[cfg(feature = "json")]
pub(crate) fn openapi_server_error(err_code: Option<i64>, text: &str) -> Option<(i64, &str, &str)> {
    let mut rest = strip_error(text);
    let mut code = err_code;
    if let Some(after) = rest.strip_prefix("errCode:") {
        let (sent, after) = leading_positive(after)?;
        code = Some(sent);
        let (_, message) = crate::normalize::split_once_str(after, "| errMsg:")?;
        rest = strip_error(message);
    }
    let code = code.filter(|&c| c > 0)?;
    let (api, errmsg) = split_api(rest)?;
    api.strip_prefix("openapi.")?;
    let errmsg = leading_positive(errmsg)
        .filter(|(echo, after)| *echo == code && after.starts_with(' '))
        .map_or(errmsg, |(_, after)| after.trim_start());
    Some((code, api, errmsg.trim_end()))
}

/// A positive decimal number at the start of `text` (after spaces), and what follows it.
#[cfg(feature = "json")]
fn leading_positive(text: &str) -> Option<(i64, &str)> {
    let text = text.trim_start();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let code = text.get(..digits)?.parse().ok()?;
    Some((code, text.get(digits..)?))
}

/// Whether `code` is in the six-digit negative ranges of Cloud's own codes (-401001 …
/// -605101: the -4xxxxx SDK, -5xxxxx resource and -6xxxxx open-API families). -1 and -1000
/// are Cloud codes too, but too short to tell Cloud from a wrapper such as uni-app without
/// more evidence; other six-digit negatives are other services' (TRTC's -100013).
#[cfg(feature = "json")]
pub(crate) const fn in_code_range(code: i64) -> bool {
    code <= -400_000 && code > -700_000
}

/// `[DATABASE_PERMISSION_DENIED] Permission denied`, as CloudBase SDKs print an error: the code
/// CloudBase names in the brackets (`data/wechat_cloudbase_codes.tsv`), and the message after.
fn cloudbase_bracket(text: &str) -> Option<(CloudbaseCode, &str)> {
    let (name, rest) = crate::normalize::short_bracketed(text)?;
    Some((CloudbaseCode::from_code(name)?, rest.trim_start()))
}

/// The code a CloudBase help link in `text` names: the SDKs' `…/copilot?q=SIGN_PARAM_INVALID`
/// and the pages' `https://docs.cloudbase.net/error-code/basic/INVALID_ENV`.
fn cloudbase_link(text: &str) -> Option<CloudbaseCode> {
    // (host, where the code follows in that host's URL)
    const LINKS: [(&str, &str); 2] = [
        ("tcb.cloud.tencent.com/", "copilot?q="),
        ("docs.cloudbase.net/", "error-code/"),
    ];
    LINKS.iter().find_map(|(host, before_code)| {
        let at = crate::normalize::find_str(text, host)?;
        let rest = text.get(at + host.len()..)?;
        let url = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '>' | '，'))
            .map_or(rest, |end| rest.get(..end).unwrap_or(rest));
        let (_, after) = crate::normalize::split_once_str(url, before_code)?;
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '/'))
            .unwrap_or(after.len());
        let name = after.get(..end)?.rsplit('/').next()?;
        CloudbaseCode::from_code(name)
    })
}

/// Where CloudBase's `[CODE] message` form starts in a text: a bracket that opens the text or
/// follows a space or colon (`Uncaught (in promise) Error: [DATABASE_PERMISSION_DENIED] …`) and
/// holds a CloudBase code name.
#[cfg(feature = "json")]
pub(crate) fn cloudbase_start(text: &str) -> Option<usize> {
    text.match_indices('[').map(|(at, _)| at).find(|&at| {
        let opens = text
            .get(..at)
            .is_some_and(|before| before.is_empty() || before.ends_with([' ', ':']));
        opens
            && text
                .get(at..)
                .and_then(cloudbase_bracket)
                .is_some_and(|(code, _)| names_cloudbase_alone(code))
    })
}

/// Whether a parameter error's reason says the parameter was the environment, in CloudBase's own
/// words: `[100003] env not exists` and `[100003] Param Invalid: env check invalid be filterd`
/// (sic), the notes of -501007 and -501001 in `data/wechat_cloud_codes.tsv`. The environment ID
/// is configuration, as -501005's is: the call itself was fine.
fn names_environment(reason: &str) -> bool {
    // Case-blind without a lower-case copy (`Env Not Exists` too), and whole words only: an
    // app's `dev_env not exists` is not CloudBase's phrase.
    let bytes = reason.as_bytes();
    let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    ["env not exists", "env check invalid"].iter().any(|words| {
        bytes.windows(words.len()).enumerate().any(|(at, window)| {
            let before = at.checked_sub(1).and_then(|i| bytes.get(i));
            let after = bytes.get(at + words.len());
            window.eq_ignore_ascii_case(words.as_bytes())
                && !before.is_some_and(is_word)
                && !after.is_some_and(is_word)
        })
    })
}

/// Whether a message opens with a CloudBase code in brackets, as the web SDK's `OPERATION_FAIL`
/// wraps the service's: `[FUNCTION_NOT_FOUND] FunctionName parameter could not be found.`
#[cfg(feature = "json")]
pub(crate) fn opens_with_cloudbase_code(text: &str) -> bool {
    cloudbase_bracket(text.trim_start()).is_some()
}

/// Whether a bracketed code in free text is evidence of CloudBase on its own: only a code the
/// SDKs give a Cloud errCode (their `TCB_ERR_CODE`, which they print as `[CODE] message`).
/// CloudBase's other names (`PERMISSION_DENIED`, `DATABASE_TIMEOUT`, `FUNCTION_NOT_FOUND`) are
/// gRPC's, REST services' or any application's words too; they count only inside a CloudBase
/// body or a Cloud text.
#[cfg(feature = "json")]
fn names_cloudbase_alone(code: CloudbaseCode) -> bool {
    code.cloud_code().is_some()
}

/// Splits a Cloud error text into its [`Parts`].
fn parse(text: &str) -> Parts<'_> {
    let (body, call_id) = without_diagnostics(text);
    let mut parts = Parts {
        call_id,
        ..Parts::default()
    };
    let mut rest = strip_error(body);
    if let Some((api, after)) = split_api(rest) {
        parts.api = Some(api);
        rest = strip_error(after);
    }
    let mut inner = rest;
    if let Some(after) = rest.strip_prefix("errCode:") {
        if let Some((code, after)) = leading_code(after) {
            parts.code = Some(code);
            let (label, message) =
                crate::normalize::split_once_str(after, "| errMsg:").unwrap_or((after, ""));
            parts.label = Some(label.trim()).filter(|l| !l.is_empty());
            inner = message;
        }
    }
    if parts.code.is_none() {
        if let Some((code, message)) = cloudbase_bracket(rest) {
            parts.cloudbase = Some(code);
            parts.code = code.cloud_code().map(Code::code);
            parts.innermost = parts.code;
            parts.reason = message;
            return parts;
        }
    }
    // Only where the text could name one: most Cloud texts have no link.
    if text.contains("?q=") || text.contains("cloudbase.net") {
        parts.cloudbase = cloudbase_link(text);
        if parts.code.is_none() {
            parts.code = parts
                .cloudbase
                .and_then(CloudbaseCode::cloud_code)
                .map(Code::code);
        }
    }
    let (mut first, mut last) = (None, None);
    for code in codes_named(body) {
        first = first.or(Some(code));
        last = Some(code);
        if Code::from_code(code).is_some_and(|c| !c.is_wrapper()) {
            parts.innermost_acting = Some(code);
        }
    }
    if parts.code.is_none() {
        parts.code = first;
    }
    parts.innermost = last.or(parts.code);
    let (reason, request_id) = innermost_reason(inner);
    parts.reason = reason;
    parts.request_id = request_id;
    parts
}

/// The text without the diagnostics the SDK appends, and the call ID among them.
fn without_diagnostics(text: &str) -> (&str, Option<&str>) {
    let mut body = text;
    for tail in [
        " (callId:",
        " (trace:",
        "更多错误信息请访问",
        "请前往云开发AI小助手查看问题",
    ] {
        if let Some(at) = crate::normalize::find_str(body, tail) {
            body = &body[..at];
        }
    }
    let call_id = crate::normalize::find_str(text, "(callId:").and_then(|at| {
        let rest = text[at + "(callId:".len()..].trim_start();
        rest.split(')').next().map(str::trim)
    });
    (body.trim(), call_id.filter(|c| !c.is_empty()))
}

/// `text` without leading `Error: ` prefixes and white space.
fn strip_error(text: &str) -> &str {
    let mut rest = text.trim_start();
    while let Some(after) = rest.strip_prefix("Error:") {
        rest = after.trim_start();
    }
    rest
}

/// `api:fail rest` → `(api, rest)`, where the API is a dotted identifier.
fn split_api(text: &str) -> Option<(&str, &str)> {
    let at = crate::normalize::find_str(text, ":fail")?;
    let api = &text[..at];
    let is_name = !api.is_empty()
        && api
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
    let rest = &text[at + ":fail".len()..];
    let ends = rest.is_empty() || rest.starts_with([' ', ':']);
    (is_name && ends).then(|| (api, rest.trim_start_matches(':').trim_start()))
}

/// A negative code at the start of `text` (after spaces), and what follows it.
fn leading_code(text: &str) -> Option<(i64, &str)> {
    let text = text.trim_start();
    let digits = text.strip_prefix('-')?;
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let code: i64 = text[..=end].parse().ok()?;
    Some((code, &digits[end..]))
}

/// Every negative code `text` names after `errCode:`, `error code`, `errcode` or `:fail`, in
/// order.
fn codes_named(text: &str) -> impl Iterator<Item = i64> + '_ {
    text.match_indices('-').filter_map(move |(at, _)| {
        let before = text[..at].trim_end_matches([' ', ':']);
        let named = ["fail", "errcode", "error code"].iter().any(|marker| {
            before.len() >= marker.len()
                && before.is_char_boundary(before.len() - marker.len())
                && before[before.len() - marker.len()..].eq_ignore_ascii_case(marker)
        });
        named.then(|| leading_code(&text[at..]).map(|(code, _)| code))?
    })
}

/// The most wrapper layers [`innermost_reason`] takes off a Cloud error.
const MAX_LAYERS: usize = 16;

/// The message inside the wrappers, and a `requestID` found on the way.
fn innermost_reason(text: &str) -> (&str, Option<&str>) {
    let mut rest = text;
    let mut request_id = None;
    // Each pass takes one layer off and searches what is left; real errors have a few layers
    // (the SDK's, the function's, the platform's), and the bound keeps a text of thousands of
    // them from being searched once per layer.
    for _ in 0..MAX_LAYERS {
        let before = rest;
        rest = strip_error(rest);
        if let Some((_, after)) = split_api(rest) {
            rest = after;
        }
        if let Some((_, after)) = leading_code(rest) {
            rest = after;
        }
        if let Some(after) = rest.trim_start().strip_prefix("requestID") {
            let (id, after) = after.split_once(',').unwrap_or((after, ""));
            request_id = Some(id.trim()).filter(|id| !id.is_empty());
            rest = after;
        }
        if let Some((_, after)) = crate::normalize::split_once_str(rest, "service error code") {
            let after = leading_code(after).map_or(after, |(_, after)| after);
            rest = after
                .trim_start_matches(',')
                .trim_start()
                .strip_prefix("error message")
                .unwrap_or(after);
        }
        if rest == before {
            break;
        }
    }
    let reason = crate::normalize::split_once_str(rest, "; at ").map_or(rest, |(reason, _)| reason);
    (reason.trim().trim_end_matches(';').trim_end(), request_id)
}

#[cfg(feature = "serde")]
mod de {
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer};

    use super::Fail;
    use crate::text::{LooseText, TextSeed, vacant};
    use crate::wx::ErrCode;

    #[derive(Deserialize)]
    #[serde(field_identifier)]
    enum Field {
        #[serde(rename = "errCode")]
        ErrCode,
        #[serde(rename = "errMsg")]
        ErrMsg,
        #[serde(rename = "code")]
        Code,
        #[serde(rename = "message")]
        Message,
        #[serde(rename = "msg")]
        Msg,
        #[serde(other)]
        Other,
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Fail<'a> {
        /// A `{errCode, errMsg}` object (other fields are ignored), a CloudBase body (a string
        /// `code` and no errMsg, with `message` or `msg` as its text where present), or a
        /// string holding the Error text.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(FailVisitor(PhantomData))
        }
    }

    struct FailVisitor<'a>(PhantomData<Fail<'a>>);

    impl<'de: 'a, 'a> Visitor<'de> for FailVisitor<'a> {
        type Value = Fail<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a WeChat Cloud failure: {\"errCode\":-501007,\"errMsg\":\"...\"} or its Error text")
        }

        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Fail<'a>, E> {
            Ok(Fail::new(v))
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Fail<'a>, E> {
            Ok(Fail::new(v.to_owned()))
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fail<'a>, A::Error> {
            let mut err_msg: Option<Cow<'a, str>> = None;
            let mut err_code: Option<Option<i64>> = None;
            // From a CloudBase body: a string `code` (a number here is a wrapper's, e.g.
            // uni-app's beside WeChat's errMsg, and is dropped), and `message` or `msg` in
            // place of errMsg.
            let mut code: Option<LooseText<'a>> = None;
            let mut message: Option<Cow<'a, str>> = None;
            while let Some(field) = map.next_key::<Field>()? {
                match field {
                    Field::ErrMsg => {
                        vacant(&err_msg, "errMsg")?;
                        err_msg = map.next_value_seed(TextSeed::required("errMsg as a string"))?;
                    }
                    Field::ErrCode => {
                        vacant(&err_code, "errCode")?;
                        err_code = Some(map.next_value::<Option<ErrCode>>()?.map(|c| c.0));
                    }
                    Field::Code => {
                        vacant(&code, "code")?;
                        code = Some(map.next_value::<LooseText<'a>>()?);
                    }
                    Field::Message | Field::Msg => {
                        let text = map.next_value::<LooseText<'a>>()?.0;
                        if message.is_none() {
                            message = text;
                        }
                    }
                    Field::Other => {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
            }
            // Beside an errMsg, a string `code` is a wrapper's (uni-app, Taro), not CloudBase's.
            let (err_msg, cloudbase_code) = match (err_msg, code.and_then(|c| c.0)) {
                (Some(text), _) => (text, None),
                (None, Some(code)) => (message.unwrap_or_default(), Some(code)),
                (None, None) => return Err(de::Error::missing_field("errMsg")),
            };
            Ok(Fail {
                err_code: err_code.flatten(),
                err_msg,
                cloudbase_code,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::type_complexity)]
    fn reads_every_text_form() {
        // (text, api, code, label, innermost, reason)
        let cases: &[(
            &str,
            Option<&str>,
            Option<i64>,
            Option<&str>,
            Option<i64>,
            &str,
        )] = &[
            (
                "Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.",
                None,
                Some(-502005),
                Some("database collection not exists"),
                Some(-502005),
                "[ResourceNotFound] Db or Table not exist.",
            ),
            (
                "cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds (callId: 1-2) (trace: x)",
                Some("cloud.callFunction"),
                Some(-504003),
                None,
                Some(-504003),
                "Invoking task timed out after 3 seconds",
            ),
            (
                "cloud.callFunction:fail -404007 poll result base resp ret abnormal. polling base_resp.errcode -501000 errmsg Environment not found",
                Some("cloud.callFunction"),
                Some(-404007),
                None,
                Some(-501000),
                "poll result base resp ret abnormal. polling base_resp.errcode -501000 errmsg Environment not found",
            ),
            (
                "system error: error code: -604100",
                None,
                Some(-604100),
                None,
                Some(-604100),
                "system error: error code: -604100",
            ),
            (
                "Error: errCode: -1  | errMsg: collection.get:fail operateWXData:fail invalid scope; at collection.get api;",
                None,
                Some(-1),
                None,
                Some(-1),
                "invalid scope",
            ),
            ("plain words", None, None, None, None, "plain words"),
            ("", None, None, None, None, ""),
            ("errCode:", None, None, None, None, "errCode:"),
            (
                "errCode: - | errMsg:",
                None,
                None,
                None,
                None,
                "errCode: - | errMsg:",
            ),
        ];
        for &(text, api, code, label, innermost, reason) in cases {
            let p = parse(text);
            assert_eq!(
                (p.api, p.code, p.label, p.innermost, p.reason),
                (api, code, label, innermost, reason),
                "{text}"
            );
        }
    }

    #[cfg(feature = "json")]
    #[test]
    fn a_network_error_code_is_not_a_cloud_form() {
        assert!(!has_cloud_form(
            "request:fail -118:net::ERR_CONNECTION_TIMED_OUT"
        ));
        assert!(has_cloud_form("Error: errCode: -1  | errMsg: x"));
        assert!(has_cloud_form(
            "x:fail cloud function service error code -504002, error message y"
        ));
        assert!(!has_cloud_form("errCode: 10001"));
        assert!(has_cloud_form(
            "cloud.callContainer:fail -405005 exceed max poll retry."
        ));
        assert!(!has_cloud_form("requestPayment:fail -100 x"));
    }

    #[test]
    fn codes_out_of_range_are_not_codes() {
        let fail = Fail::new("errCode: -99999999999999999999 | errMsg: x");
        assert_eq!(fail.code(), None);
        assert_eq!(fail.action(), None);
    }
}
