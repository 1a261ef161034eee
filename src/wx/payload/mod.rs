//! The object a failing WeChat API hands to `fail`.

mod read;

pub(crate) use read::ErrCode;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;

use serde::Serialize;

use super::legacy::{self, Family};
use super::{AnyErrno, Errno, ReasonClass, split_err_msg};
use crate::Action;
use crate::normalize::NormalForm;

/// A WeChat API failure, as the `fail` callback receives it:
/// `{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}`.
///
/// Only `errMsg` is required; `errno` is missing from older base libraries and `errCode` from
/// most APIs. The old `requestPayment` shape's `err_code` is read as the errCode when it is a
/// number (its text codes are passed over). Strings borrow from the input where it has no escapes. Other fields are ignored.
/// Serialising gives back the same `errMsg`, `errCode` and `errno`, unknown codes included.
///
/// ```
/// use minierr::wx::{Errno, Fail};
///
/// let fail: Fail = serde_json::from_str(r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#)?;
/// assert_eq!(fail.api(), Some("request"));
/// assert_eq!(fail.errno().and_then(|c| c.known()), Some(Errno::UrlNotInDomainList));
///
/// // An older base library sends no errno: it is recovered from the errMsg.
/// let old: Fail = serde_json::from_str(r#"{"errMsg":"request:fail url not in domain list"}"#)?;
/// assert_eq!(old.errno(), None);
/// assert_eq!(old.resolved_errno(), Some(Errno::UrlNotInDomainList.into()));
///
/// // A code newer than the catalog is kept as sent.
/// let new: Fail = serde_json::from_str(r#"{"errMsg":"x:fail y","errno":1509999}"#)?;
/// assert_eq!(new.errno().map(|c| c.raw()), Some(1509999));
/// assert_eq!(serde_json::to_string(&new)?, r#"{"errMsg":"x:fail y","errno":1509999}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Fail<'a> {
    #[serde(rename = "errMsg")]
    pub(crate) err_msg: Cow<'a, str>,
    #[serde(rename = "errCode", default, skip_serializing_if = "Option::is_none")]
    pub(crate) err_code: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) errno: Option<AnyErrno>,
    /// Another runtime's code field was present: the payload only looks like WeChat's.
    #[serde(skip)]
    pub(crate) foreign: Option<ForeignRuntime>,
}

/// A mini-program runtime other than WeChat whose fail objects share WeChat's `errMsg` form but
/// carry their own code fields, which WeChat never sends. Such a payload gets no WeChat code:
/// its numbers and texts mean what that runtime says, not what WeChat's tables say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ForeignRuntime {
    /// Douyin (ByteDance) mini programs: `errNo`, and the newer `errorCode` and `errorType`
    /// (<https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/error-code>);
    /// or an errMsg whose API is in ByteDance's `tt` namespace (`tt.login:fail …`,
    /// <https://developer.open-douyin.com/docs/resource/zh-CN/mini-app/develop/api/network/http/tt-request>),
    /// which ByteDance's other hosts (Toutiao, Feishu) share: such an errMsg is reported as
    /// Douyin's.
    Douyin,
    /// uni-app: the unified error spec's `errSubject` and `cause`
    /// (<https://uniapp.dcloud.net.cn/tutorial/err-spec.html>), and the App runtime's numeric
    /// `code` beside `errCode` (`{"errMsg":"getLocation:fail …","errCode":-1502,"code":-1502}`).
    UniApp,
    /// Baidu smart programs: an errMsg whose API is in the `swan` namespace
    /// (`swan.request:fail …`), as Baidu's API reference names every API.
    Baidu,
    /// QQ mini programs: an errMsg whose API is in the `qq` namespace (`qq.login:fail …`), as
    /// QQ's API reference names every API.
    Qq,
}

impl ForeignRuntime {
    /// The runtime's snake_case name.
    ///
    /// ```
    /// assert_eq!(minierr::wx::ForeignRuntime::Douyin.as_str(), "douyin");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ForeignRuntime::Douyin => "douyin",
            ForeignRuntime::UniApp => "uni_app",
            ForeignRuntime::Baidu => "baidu",
            ForeignRuntime::Qq => "qq",
        }
    }

    /// The runtime whose API namespace the errMsg's API is in: ByteDance's `tt`, Baidu's
    /// `swan` or QQ's `qq`, the namespaces their API references give every API (`tt.request`,
    /// `swan.request`, `qq.request`). WeChat never names an API in them (its own are `wx.`,
    /// Cloud's `cloud.` and the database objects', or none), so an errMsg that does is that
    /// runtime's, whose words WeChat's tables do not describe, whether the runtime or the app's
    /// own logging wrote the namespace. Other runtimes' namespaces are not read yet. `None`
    /// for any other API.
    ///
    /// ```
    /// use minierr::wx::ForeignRuntime;
    /// assert_eq!(ForeignRuntime::of_err_msg("tt.login:fail auth deny"), Some(ForeignRuntime::Douyin));
    /// assert_eq!(ForeignRuntime::of_err_msg("swan.request:fail"), Some(ForeignRuntime::Baidu));
    /// assert_eq!(ForeignRuntime::of_err_msg("wx.request:fail url not in domain list"), None);
    /// assert_eq!(ForeignRuntime::of_err_msg("request:fail timeout"), None);
    /// // A namespace alone, without an API and the errMsg's colon, is not one.
    /// assert_eq!(ForeignRuntime::of_err_msg("qq.com is down: fail"), None);
    /// ```
    #[must_use]
    pub fn of_err_msg(err_msg: &str) -> Option<ForeignRuntime> {
        const NAMESPACES: [(&str, ForeignRuntime); 3] = [
            ("tt.", ForeignRuntime::Douyin),
            ("swan.", ForeignRuntime::Baidu),
            ("qq.", ForeignRuntime::Qq),
        ];
        let text = err_msg.trim_start();
        // Most errMsgs start otherwise, and are passed over without a search.
        let (runtime, rest) = NAMESPACES
            .iter()
            .find_map(|(namespace, runtime)| Some((*runtime, text.strip_prefix(namespace)?)))?;
        let (api, _) = rest.split_once([':', '：'])?;
        super::code::is_api_name(api.trim_end()).then_some(runtime)
    }
}

impl<'a> Fail<'a> {
    /// A failure with only an errMsg, as older base libraries report it. An errMsg in another
    /// runtime's API namespace makes it that runtime's ([`ForeignRuntime::of_err_msg`]).
    ///
    /// ```
    /// let fail = minierr::wx::Fail::new("getLocation:fail auth deny");
    /// assert_eq!(fail.reason(), "auth deny");
    /// assert_eq!(fail.foreign_runtime(), None);
    /// ```
    pub fn new(err_msg: impl Into<Cow<'a, str>>) -> Self {
        let err_msg = err_msg.into();
        Fail {
            foreign: ForeignRuntime::of_err_msg(&err_msg),
            err_msg,
            err_code: None,
            errno: None,
        }
    }

    /// The same failure, carrying `errno`.
    ///
    /// ```
    /// use minierr::wx::{Errno, Fail};
    /// let fail = Fail::new("x:fail y").with_errno(Errno::Timeout);
    /// assert_eq!(fail.errno(), Some(Errno::Timeout.into()));
    /// ```
    #[must_use]
    pub fn with_errno(mut self, errno: impl Into<AnyErrno>) -> Self {
        self.errno = Some(errno.into());
        self
    }

    /// The same failure, carrying the legacy per-API `errCode`.
    ///
    /// ```
    /// let fail = minierr::wx::Fail::new("x:fail y").with_err_code(10001);
    /// assert_eq!(fail.err_code(), Some(10001));
    /// ```
    #[must_use]
    pub fn with_err_code(mut self, err_code: i64) -> Self {
        self.err_code = Some(err_code);
        self
    }

    /// The errMsg, exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Fail::new("a:fail b").err_msg(), "a:fail b");
    /// ```
    #[must_use]
    pub fn err_msg(&self) -> &str {
        &self.err_msg
    }

    /// The API name before `:fail`, if the errMsg has one.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Fail::new("openBluetoothAdapter:fail:not available").api(), Some("openBluetoothAdapter"));
    /// ```
    #[must_use]
    pub fn api(&self) -> Option<&str> {
        split_err_msg(&self.err_msg).0
    }

    /// The reason after `:fail` (or the whole errMsg if it has no `:fail`).
    ///
    /// ```
    /// assert_eq!(minierr::wx::Fail::new("openBluetoothAdapter:fail:not available").reason(), "not available");
    /// ```
    #[must_use]
    pub fn reason(&self) -> &str {
        split_err_msg(&self.err_msg).1
    }

    /// [`Fail::api`] and [`Fail::reason`] from one split of the errMsg, for the common view.
    #[cfg(feature = "json")]
    pub(crate) fn api_and_reason(&self) -> (Option<&str>, &str) {
        split_err_msg(&self.err_msg)
    }

    /// The legacy per-API `errCode`, if sent. It is not aligned across APIs; prefer the errno.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Fail::new("a:fail b").err_code(), None);
    /// ```
    #[must_use]
    pub fn err_code(&self) -> Option<i64> {
        self.err_code
    }

    /// The errno as sent, known or not; `None` if the payload had none.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Fail::new("a:fail b").errno(), None);
    /// ```
    #[must_use]
    pub fn errno(&self) -> Option<AnyErrno> {
        self.errno
    }

    /// The other runtime whose code fields the payload carries, if any: then no WeChat code is
    /// read from it (not its errno, errCode or errMsg), and only the reason's
    /// [class](Fail::reason_class), which any runtime's transport shares, gives an action.
    ///
    /// ```
    /// use minierr::wx::{Fail, ForeignRuntime};
    /// use minierr::Action;
    ///
    /// // Douyin's errNo: `auth deny` is not WeChat's errno 103 here.
    /// let fail: Fail = serde_json::from_str(r#"{"errMsg":"getLocation:fail auth deny","errNo":10200}"#)?;
    /// assert_eq!(fail.foreign_runtime(), Some(ForeignRuntime::Douyin));
    /// assert_eq!((fail.resolved_errno(), fail.action()), (None, None));
    /// // A timeout is a timeout on any runtime.
    /// let fail: Fail = serde_json::from_str(r#"{"errMsg":"request:fail -118:net::ERR_CONNECTION_TIMED_OUT","errNo":21101}"#)?;
    /// assert_eq!(fail.action(), Some(Action::Retry));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn foreign_runtime(&self) -> Option<ForeignRuntime> {
        self.foreign
    }

    /// The errno as sent or, when the payload has none, the one code whose errMsg is this
    /// failure's reason. Runtimes differ from the documentation in case, spacing and a final
    /// full stop, so the reason and the errMsg are compared in their normal form, and some send
    /// an older wording, which the alias table maps to its code (`auth deny` is 103); a value the
    /// runtime echoes after the message in double quotes (`invalid url "/path"`) is set aside
    /// when the whole reason matches nothing. `None` when neither tells: no errno and a reason
    /// that matches no code or several (see [`Fail::errno_candidates`]).
    ///
    /// ```
    /// use minierr::wx::{Errno, Fail};
    /// assert_eq!(Fail::new("loadFont:fail time out").resolved_errno(), Some(Errno::Timeout.into()));
    /// assert_eq!(Fail::new("request:fail Invalid URL.").resolved_errno(), Some(Errno::InvalidUrl.into()));
    /// assert_eq!(Fail::new(r#"request:fail invalid url "/a?b=1""#).resolved_errno(), Some(Errno::InvalidUrl.into()));
    /// assert_eq!(Fail::new("getLocation:fail something new").resolved_errno(), None);
    /// ```
    #[must_use]
    pub fn resolved_errno(&self) -> Option<AnyErrno> {
        self.resolve().0
    }

    /// The resolution: the errno sent; else the errno of the legacy code that (family,
    /// errCode) names, unless the reason is the documented message of a different failure of
    /// that family (then nothing answers: the two contradict each other; see the guide's
    /// "How a WeChat failure resolves"); else the errno the reason names; else the errno of the
    /// legacy code the reason names. With it, which of the three answered, and the legacy code
    /// if one did.
    fn resolve(&self) -> (Option<AnyErrno>, Option<ResolvedBy>, Option<legacy::Code>) {
        self.resolve_with(&OnceCell::new(), &mut None)
    }

    /// The errMsg's API, reason and the API's legacy family, read once for every rule that
    /// needs them.
    fn parts(&self) -> Parts<'_> {
        let (api, reason) = split_err_msg(&self.err_msg);
        Parts {
            api,
            reason,
            normal: NormalForm::of(reason),
            family: OnceCell::new(),
        }
    }

    /// [`Fail::resolve`], keeping the reason's [`Analysis`] in `analysis` once it was needed,
    /// so that [`Fail::resolution`] reads the reason once.
    /// The errMsg's [`Parts`] and the reason's [`Analysis`] are kept in `parts` and `analysis`
    /// once they were needed.
    fn resolve_with<'s>(
        &'s self,
        parts: &OnceCell<Parts<'s>>,
        analysis: &mut Option<Analysis>,
    ) -> (Option<AnyErrno>, Option<ResolvedBy>, Option<legacy::Code>) {
        if self.foreign.is_some() {
            return (None, None, None);
        }
        // errno 0 is success; beside an `api:fail` errMsg it says nothing the errMsg does not
        // contradict, and the errMsg decides.
        let errno = self
            .errno
            .filter(|e| e.raw() != 0 || !super::code::has_fail_marker(&self.err_msg));
        if let Some(errno) = errno {
            return (Some(errno), Some(ResolvedBy::Errno), None);
        }
        let parts = parts.get_or_init(|| self.parts());
        if let Some(code) = self.legacy_by_err_code(parts) {
            if contradicts(parts, code) {
                return (None, None, None);
            }
            let errno = code.errno().map(AnyErrno::Known);
            return (errno, Some(ResolvedBy::ErrCode), Some(code));
        }
        let analysis = analysis.get_or_insert_with(|| Analysis::of(parts, self.err_code));
        if let (Some(only), 1) = analysis.compatible() {
            return (Some(AnyErrno::Known(only)), Some(ResolvedBy::ErrMsg), None);
        }
        match legacy_by_message(parts, analysis) {
            Some(code) => (
                code.errno().map(AnyErrno::Known),
                Some(ResolvedBy::ErrMsg),
                Some(code),
            ),
            None => (None, None, None),
        }
    }

    /// Everything the resolution finds, computed once: for callers that need several of
    /// `resolved_errno`, `legacy_code`, `action` and `reason_class` (each of which resolves
    /// afresh).
    pub(crate) fn resolution(&self) -> Resolution {
        let parts = OnceCell::new();
        let mut analysis = None;
        let (errno, _, legacy) = self.resolve_with(&parts, &mut analysis);
        // A failure errno beside an errMsg that reports success (`api:ok`, errno 0's text)
        // contradicts it, as errno 0 beside `api:fail` does: the code is kept as sent, and no
        // step is taken from a payload that says both.
        if self.errno.is_some_and(|e| e.raw() != 0) && self.says_ok() {
            return Resolution {
                errno,
                legacy: None,
                action: None,
                class: None,
            };
        }
        let code_action = if self.foreign.is_some() {
            None
        } else {
            errno
                .and_then(AnyErrno::action)
                .or_else(|| legacy.and_then(legacy::Code::action))
                .or_else(|| {
                    self.server_errcode_in(parts.get_or_init(|| self.parts()))
                        .and_then(super::server::AnyErrcode::action)
                })
                .or_else(|| match (parts.get(), &analysis) {
                    (Some(parts), Some(analysis)) if errno.is_none() && legacy.is_none() => {
                        agreed_action(parts, analysis)
                    }
                    _ => None,
                })
        };
        // A wrapper code (600001 cronet component error, Wi-Fi's legacy 12010) leaves the
        // detail to the reason: a class found there decides, so a certificate error behind it
        // is not retried.
        let wrapper = errno
            .and_then(AnyErrno::known)
            .is_some_and(Errno::wraps_reason)
            || legacy.is_some_and(legacy::Code::wraps_reason);
        let class = match code_action {
            Some(_) if !wrapper => None,
            _ => parts
                .get_or_init(|| self.parts())
                .normal
                .as_str()
                .and_then(ReasonClass::of_normal),
        };
        // A wrapper code's own step holds only beside its own text, the generic text its API's
        // legacy family documents (Bluetooth's `system error`), or none: a detail that no class
        // reads (`writeBLECharacteristicValue:fail:system error, writeCharacteristic fail`
        // beside 1500104) is the cause the page points to, and nothing here knows it.
        let unread_detail = || {
            let parts = parts.get_or_init(|| self.parts());
            let reason = parts.reason.trim();
            let normal = parts.normal.as_str();
            let own_text = errno
                .and_then(AnyErrno::known)
                .is_some_and(|own| Errno::all_documenting(reason, normal).contains(&own));
            let family_text = || {
                parts.family().is_some_and(|family| {
                    legacy::Code::with_message_in(Some(family), reason, normal)
                        .next()
                        .is_some()
                })
            };
            !reason.is_empty() && !own_text && !family_text()
        };
        let code_action = if class.is_some() || (wrapper && unread_detail()) {
            None
        } else {
            code_action
        };
        // Last, the step the API's page gives every failure (wx.checkSession's: the session
        // key expired), for a reason nothing above read.
        let every_failure = || {
            self.foreign
                .is_none()
                .then(|| parts.get_or_init(|| self.parts()).family())
                .flatten()
                .and_then(Family::every_failure)
        };
        Resolution {
            errno,
            legacy,
            action: code_action
                .or_else(|| class.map(ReasonClass::action))
                .or_else(every_failure),
            class,
        }
    }

    /// Whether the errMsg reports success (`request:ok`): no `fail` marker, and `ok` after
    /// the API's name.
    fn says_ok(&self) -> bool {
        !super::code::has_fail_marker(&self.err_msg)
            && split_err_msg(&self.err_msg)
                .1
                .trim()
                .eq_ignore_ascii_case("ok")
    }

    /// Which field gave this failure its meaning: `errno`, the legacy `errCode` (read in the
    /// family of the API the errMsg names), or the errMsg; `None` when none did.
    ///
    /// ```
    /// use minierr::wx::{Fail, ResolvedBy};
    /// let fail = Fail::new("openBluetoothAdapter:fail:not available").with_err_code(10001);
    /// assert_eq!(fail.resolved_by(), Some(ResolvedBy::ErrCode));
    /// assert_eq!(Fail::new("request:fail url not in domain list").resolved_by(), Some(ResolvedBy::ErrMsg));
    /// assert_eq!(Fail::new("request:fail something new").resolved_by(), None);
    /// ```
    #[must_use]
    pub fn resolved_by(&self) -> Option<ResolvedBy> {
        self.resolve().1
    }

    /// The legacy per-API code: the one the API's [family](Family::of_api) gives `errCode`,
    /// else the one whose documented message is the reason (when no errno answers first).
    ///
    /// ```
    /// use minierr::wx::{legacy, Fail};
    /// let fail = Fail::new("requestSubscribeMessage:fail No template data return, verify the template id exist");
    /// assert_eq!(fail.legacy_code(), Some(legacy::Code::SubscribeMessageNoTemplateData));
    /// let wifi = Fail::new("connectWifi:fail password error Wi-Fi").with_err_code(12002);
    /// assert_eq!(wifi.legacy_code(), Some(legacy::Code::WifiWrongPassword));
    /// ```
    #[must_use]
    pub fn legacy_code(&self) -> Option<legacy::Code> {
        self.resolve().2
    }

    /// The legacy code in a family the caller knows, for payloads whose errMsg names no API
    /// (component events, `onError` callbacks): by `errCode`, else by the reason.
    ///
    /// ```
    /// use minierr::wx::{legacy::{Code, Family}, Fail};
    /// let fail = Fail::new("INNERERRCODE:-1, ERRMSG:未知错误").with_err_code(10001);
    /// assert_eq!(fail.legacy_code(), None, "no API, so no family");
    /// assert_eq!(fail.legacy_code_in(Family::InnerAudio), Some(Code::InnerAudioSystemError));
    /// ```
    #[must_use]
    pub fn legacy_code_in(&self, family: Family) -> Option<legacy::Code> {
        self.err_code
            .and_then(|code| legacy::Code::find(family, code))
            .or_else(|| only(legacy::Code::with_message(Some(family), self.reason())))
    }

    fn legacy_by_err_code(&self, parts: &Parts<'_>) -> Option<legacy::Code> {
        legacy::Code::find(parts.family()?, self.err_code?)
    }

    /// Every catalog code whose documented runtime alias ([`Errno::all_with_alias`]) matches
    /// this failure's reason in normal form, or else whose errMsg does (or, when the
    /// whole reason matches none, the reason without a value echoed in double quotes at its
    /// end), whatever errno was sent. Useful when errno is missing and the reason is shared by
    /// several codes.
    ///
    /// ```
    /// use minierr::wx::{Errno, Fail};
    /// let fail = Fail::new("startPusher:fail system permission denied");
    /// assert_eq!(fail.errno_candidates(), &[Errno::SystemPermissionDenied, Errno::PusherPermissionDenied]);
    /// ```
    #[must_use]
    pub fn errno_candidates(&self) -> &'static [Errno] {
        let reason = self.reason();
        errno_candidates(reason, NormalForm::of(reason).as_str())
    }

    /// The next step: from the [resolved](Fail::resolved_errno) code if it is in the catalog
    /// (or from the action every code sharing the reason agrees on, when several do),
    /// else from the [server errcode](Fail::server_errcode) a Cloud `openapi` call passes on,
    /// else from the [reason's class](Fail::reason_class). `None` when none of them knows:
    /// an unknown reason is never guessed at. A wrapper code ([`Errno::wraps_reason`]), whose
    /// page leaves the cause to the errMsg, gives `None` too beside a detail no class reads,
    /// though the code is known.
    ///
    /// ```
    /// use minierr::{wx::{Errno, Fail}, Action};
    /// assert_eq!(Fail::new("request:fail url not in domain list").action(), Some(Action::FixConfig));
    /// assert_eq!(Fail::new("request:fail -118:net::ERR_CONNECTION_TIMED_OUT").action(), Some(Action::Retry));
    /// // errno 3 (general) and 1107013 (live pusher) share this errMsg; getLocation may only
    /// // report the general one.
    /// let located = Fail::new("getLocation:fail system permission denied");
    /// assert_eq!((located.resolved_errno(), located.action()), (Some(Errno::SystemPermissionDenied.into()), Some(Action::AskUser)));
    /// // With no API, the code stays unknown; both say: ask the user.
    /// let shared = Fail::new("system permission denied");
    /// assert_eq!((shared.resolved_errno(), shared.action()), (None, Some(Action::AskUser)));
    /// assert_eq!(Fail::new("request:fail something new").action(), None);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.resolution().action
    }

    /// The [class](ReasonClass) of the reason, when no catalog code gives this failure an
    /// action: then [`Fail::action`] is the class's. `None` when a code answers, or when no
    /// pattern describes the reason.
    ///
    /// ```
    /// use minierr::wx::{Fail, ReasonClass};
    ///
    /// let fail = Fail::new("request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID");
    /// assert_eq!(fail.reason_class(), Some(ReasonClass::Tls));
    /// // The documented errMsg names errno 600002, so the code answers, not a class.
    /// assert_eq!(Fail::new("request:fail url not in domain list").reason_class(), None);
    /// ```
    #[must_use]
    pub fn reason_class(&self) -> Option<ReasonClass> {
        self.resolution().class
    }

    /// For a WeChat Cloud `openapi.*` call, the WeChat server errcode it passes on: Cloud
    /// reports server failures as a positive `errCode` with an `openapi.<name>:fail <errmsg>`
    /// message. `None` for anything else.
    ///
    /// ```
    /// use minierr::wx::Fail;
    /// use minierr::wx::server::Errcode;
    /// use minierr::Action;
    ///
    /// let fail = Fail::new("openapi.subscribeMessage.send:fail user refuse to accept the msg rid: 693398e6-48ac74fd-2c498819")
    ///     .with_err_code(43101);
    /// assert_eq!(fail.server_errcode().and_then(|c| c.known()), Some(Errcode::UserRefusedMessage));
    /// assert_eq!(fail.action(), Some(Action::AskUser));
    /// assert_eq!(Fail::new("request:fail").with_err_code(43101).server_errcode(), None);
    /// // Without errCode, a reason that is one server errmsg names its code.
    /// let bare = Fail::new("openapi.subscribeMessage.send:fail user refuse to accept the msg rid: 693398e6-48ac74fd-2c498819");
    /// assert_eq!(bare.server_errcode().and_then(|c| c.known()), Some(Errcode::UserRefusedMessage));
    /// ```
    #[must_use]
    pub fn server_errcode(&self) -> Option<super::server::AnyErrcode> {
        self.server_errcode_in(&self.parts())
    }

    fn server_errcode_in(&self, parts: &Parts<'_>) -> Option<super::server::AnyErrcode> {
        if self.foreign.is_some() {
            return None;
        }
        parts.api?.strip_prefix("openapi.")?;
        match self.err_code.filter(|&c| c > 0) {
            Some(code) => Some(super::server::AnyErrcode::new(code)),
            // No code sent: the API is a server API, so its reason is read in the server's
            // vocabulary, and only a reason that names one errcode answers.
            None => {
                let reason = super::server::split_errmsg(parts.reason).reason();
                let codes = super::server::Errcode::all_with_message(reason);
                super::server::Errcode::recovered_from(codes).map(super::server::AnyErrcode::Known)
            }
        }
    }

    /// Decodes a fail object from JSON text; the same as `serde_json::from_str`.
    /// Strings borrow from `input` where they have no escapes; errors are serde_json's and name
    /// the field at fault.
    ///
    /// ```
    /// use minierr::wx::{Errno, Fail};
    ///
    /// let fail = Fail::from_json_str(r#"{"errMsg":"request:fail timeout","errno":5}"#)?;
    /// assert_eq!(fail.errno().and_then(|c| c.known()), Some(Errno::Timeout));
    ///
    /// let err = Fail::from_json_str(r#"{"errno":5}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "missing field `errMsg` at line 1 column 11");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Fail::from_json_str`] for bytes, which must be UTF-8.
    ///
    /// ```
    /// let fail = minierr::wx::Fail::from_json_slice(br#"{"errMsg":"a:fail b"}"#)?;
    /// assert_eq!(fail.reason(), "b");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The same failure with owned strings, to outlive the input buffer.
    ///
    /// ```
    /// let owned: minierr::wx::Fail<'static> = {
    ///     let text = String::from(r#"{"errMsg":"a:fail b"}"#);
    ///     serde_json::from_str::<minierr::wx::Fail>(&text).unwrap().into_owned()
    /// };
    /// assert_eq!(owned.reason(), "b");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Fail<'static> {
        Fail {
            err_msg: Cow::Owned(self.err_msg.into_owned()),
            err_code: self.err_code,
            errno: self.errno,
            foreign: self.foreign,
        }
    }
}

impl fmt::Display for Fail<'_> {
    /// The errMsg, then the errno with its catalog meaning where there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.err_msg)?;
        match self.errno {
            Some(code) => write!(f, " (errno {code})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Fail<'_> {}

/// A failure's resolution, as [`Fail::resolution`] computes it in one pass.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolution {
    // Read by `Diagnosis::view` (feature `json`).
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) errno: Option<AnyErrno>,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) legacy: Option<legacy::Code>,
    pub(crate) action: Option<Action>,
    pub(crate) class: Option<ReasonClass>,
}

/// Which field of a fail object gave it its meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResolvedBy {
    /// The `errno` field.
    Errno,
    /// The legacy `errCode`, read in the family of the API the errMsg names.
    ErrCode,
    /// The errMsg's reason: a documented errMsg, a runtime alias or a documented legacy message.
    ErrMsg,
}

/// A reason read once for recovery: see [`Fail::analysis`].
struct Analysis {
    candidates: &'static [Errno],
    mask: Option<u32>,
    /// The claimed subcategories the API reports (see `Parts::api_subcategories`).
    claims: u32,
    stack_text: bool,
    /// With the API's section unknown, whether a row of another legacy family (not the API's
    /// own, nor one any API raises) documents the reason for a failure with none of the
    /// candidates' errnos (`system error` is Bluetooth's 10008 and iBeacon's 11005 as well as
    /// file system's 1300201).
    shared_by_other_families: bool,
}

/// A failure's errMsg read once: the API it names, its reason and the reason's normal form
/// (which every catalog lookup and the reason classes use), and the API's legacy family.
struct Parts<'s> {
    api: Option<&'s str>,
    reason: &'s str,
    normal: NormalForm<'s>,
    /// The API's legacy family, found when a lookup needs it: a reason class does not.
    family: OnceCell<Option<Family>>,
}

impl Parts<'_> {
    fn family(&self) -> Option<Family> {
        *self
            .family
            .get_or_init(|| self.api.and_then(Family::of_api))
    }

    /// The errno categories whose codes the failing API may report, as bits: the general ones
    /// and its own section's (`data/wechat_api_sections.tsv`). `None` when the errMsg names no
    /// API of the reference.
    fn api_categories(&self) -> Option<u32> {
        super::api_families_generated::API_CATEGORIES
            .get(self.api?)
            .map(|own| own | super::api_families_generated::GENERAL_CATEGORIES)
    }

    /// The claimed subcategories ([`CLAIMED_SUBCATEGORIES`]) the failing API's section
    /// reports, one bit per index; 0 for an API whose section claims none, or no known API.
    ///
    /// [`CLAIMED_SUBCATEGORIES`]: super::api_families_generated::CLAIMED_SUBCATEGORIES
    fn api_subcategories(&self) -> u32 {
        self.api
            .and_then(|api| super::api_families_generated::API_SUBCATEGORIES.get(api))
            .copied()
            .unwrap_or(0)
    }

    /// Whether a legacy code may be read from the reason alone: the API has a legacy family
    /// (which keys the lookup), or the API is not in the reference and no network stack's
    /// vocabulary shares the reason. An API of the reference without a legacy family reports
    /// none of their codes.
    fn legacy_message_allowed(&self, analysis: &Analysis) -> bool {
        match self.family() {
            Some(_) => true,
            None if analysis.mask.is_some() => false,
            None => !analysis.stack_text,
        }
    }
}

/// Whether the reason names a different failure of `code`'s family (`errCode: 20004` beside
/// 20001's `No template data return, …`): errCode and errMsg then contradict each other, and
/// neither names the failure. The reason is matched as every lookup matches it (normal form,
/// templates).
///
/// A matching row names a different failure when it is another numbered code without the
/// code's errno, or an older wording (a row with no number of its own) of another errno. A row
/// with the code's own errno agrees; an older wording with no errno says nothing either way
/// (`permission denied, open %s`). A code whose page says its errMsg carries the reason (Wi-Fi's
/// 12010, `需要在 errmsg 打印具体的错误原因`; virtual payment's `err_msg`) may come with any
/// other code's words.
fn contradicts(parts: &Parts<'_>, code: legacy::Code) -> bool {
    let description = code.message_zh().as_bytes();
    let carries_reason = [b"errmsg".as_slice(), b"err_msg".as_slice()]
        .iter()
        .any(|word| {
            description
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        });
    if carries_reason {
        return false;
    }
    let (mut differs, mut agrees) = (false, false);
    for other in
        legacy::Code::with_message_in(Some(code.family()), parts.reason, parts.normal.as_str())
            .filter(|other| other.family() == code.family())
    {
        let same_errno = other.errno().is_some() && other.errno() == code.errno();
        if other == code || same_errno {
            agrees = true;
        } else if other.err_code().is_some() || other.errno().is_some() {
            differs = true;
        }
    }
    differs && !agrees
}

/// The legacy code whose documented message is the reason, in the API's family, when the
/// reason may name one.
fn legacy_by_message(parts: &Parts<'_>, analysis: &Analysis) -> Option<legacy::Code> {
    if !parts.legacy_message_allowed(analysis) {
        return None;
    }
    let (family, reason) = (parts.family(), parts.reason);
    only(legacy::Code::with_message_in(
        family,
        reason,
        parts.normal.as_str(),
    ))
    .or_else(|| {
        without_echoed_value(reason).and_then(|r| only(legacy::Code::with_message(family, r)))
    })
}

/// When no errno was sent and the reason is the documented message of several codes (errno
/// 3 and 1107013 share `system permission denied`), the action they all agree on; `None`
/// if they disagree. The code stays unknown: only the next step is certain.
fn agreed_action(parts: &Parts<'_>, analysis: &Analysis) -> Option<Action> {
    let candidates = analysis.candidates;
    match analysis.compatible() {
        (_, 0) if candidates.is_empty() => {
            if !parts.legacy_message_allowed(analysis) {
                return None;
            }
            let found =
                legacy::Code::with_message_in(parts.family(), parts.reason, parts.normal.as_str());
            agreed(found.map(legacy::Code::action))
        }
        // With the API unknown, codes of several families share the reason: the code stays
        // unknown, but a step they all agree on is still certain. An API the errMsg names that
        // is in no section of the reference but has a family of its own (the getPhoneNumber
        // button) is not unknown: only the general codes, which any API may report, speak for
        // it, and other families' pages (Bluetooth's, the file system's `system error`) do not.
        (_, 0) if analysis.mask.is_none() && !analysis.stack_text => {
            if parts.family().is_some() {
                let general = super::api_families_generated::GENERAL_CATEGORIES;
                return agreed(
                    candidates
                        .iter()
                        .filter(|e| category_bit(**e) & general != 0)
                        .map(|e| Some(e.action())),
                );
            }
            let legacy = if analysis.shared_by_other_families {
                legacy::Code::all_with_message_normal(parts.reason, parts.normal.as_str())
            } else {
                &[]
            };
            agreed(
                candidates
                    .iter()
                    .map(|e| Some(e.action()))
                    .chain(legacy.iter().map(|c| c.action())),
            )
        }
        (_, 0 | 1) => None,
        _ => agreed(
            candidates
                .iter()
                .filter(|e| compatible(**e, analysis.mask, analysis.claims, candidates))
                .map(|e| Some(e.action())),
        ),
    }
}

/// Every catalog code whose alias, or else whose errMsg, matches `reason` (whose normal
/// form is `normal`), or else matches it without a value echoed in double quotes at its end.
fn errno_candidates(reason: &str, normal: Option<&str>) -> &'static [Errno] {
    match Errno::all_documenting(reason, normal) {
        [] => without_echoed_value(reason)
            .or_else(|| without_key_values(reason))
            .map_or(&[], |text| {
                Errno::all_documenting(text, NormalForm::of(text).as_str())
            }),
        found => found,
    }
}

impl Analysis {
    /// What the reason is, read once: the codes whose errMsg it is, the categories the failing
    /// API may report, and whether a network stack's vocabulary has the same text.
    /// `err_code` is the errCode sent: one that is a candidate's own errno (the file system's
    /// FileError codes are) settles which family the reason is.
    fn of(parts: &Parts<'_>, err_code: Option<i64>) -> Analysis {
        let mask = parts.api_categories();
        let candidates = errno_candidates(parts.reason, parts.normal.as_str());
        // The claims are looked up only when a candidate's subcategory is claimed: most are not.
        let claimed = candidates.iter().any(|e| !claimed_by(*e, 0));
        Analysis {
            candidates,
            mask,
            claims: if claimed {
                parts.api_subcategories()
            } else {
                0
            },
            stack_text: mask.is_none()
                && parts
                    .normal
                    .as_str()
                    .is_some_and(crate::transport::is_vocabulary_normal),
            shared_by_other_families: mask.is_none()
                && !err_code.is_some_and(|n| candidates.iter().any(|e| i64::from(e.code()) == n))
                && shared_by_other_families(parts, candidates),
        }
    }

    /// The candidates the failing API may report: those of its categories when the API is
    /// known, else, when no network stack's vocabulary shares the reason, those every candidate
    /// agrees with on their category. The first of them and how many.
    fn compatible(&self) -> (Option<Errno>, usize) {
        // With the API unknown, a reason another family documents too names no errno.
        if self.candidates.is_empty()
            || (self.mask.is_none() && (self.stack_text || self.shared_by_other_families))
        {
            return (None, 0);
        }
        let mut fitting = self
            .candidates
            .iter()
            .copied()
            .filter(|e| compatible(*e, self.mask, self.claims, self.candidates));
        let first = fitting.next();
        (first, first.map_or(0, |_| 1 + fitting.count()))
    }
}

/// Whether a row of another legacy family documents `parts`' reason for a failure with none of
/// `candidates`' errnos, where every candidate is of a section's own category: the errno
/// page's `system error` is the file system's 1300201, and Bluetooth's, iBeacon's and the 1v1
/// chat's pages give it too. A family is another's when it is not the API's own, not one any
/// API raises, and not of a section that reports the candidates' categories (Wi-Fi's legacy
/// `user denied` is Wi-Fi's errno's). The general categories (cancel, the user's refusal) are
/// every API's, so other pages repeating them say nothing.
fn shared_by_other_families(parts: &Parts<'_>, candidates: &[Errno]) -> bool {
    let general = super::api_families_generated::GENERAL_CATEGORIES;
    let bits = candidates
        .iter()
        .fold(0u32, |bits, e| bits | category_bit(*e));
    if candidates.is_empty() || bits & general != 0 {
        return false;
    }
    legacy::Code::all_with_message_normal(parts.reason, parts.normal.as_str())
        .iter()
        .any(|code| {
            let family = code.family();
            Some(family) != parts.family()
                && !family.is_any_api()
                && family_categories(family) & bits == 0
                && code.errno().is_none_or(|e| !candidates.contains(&e))
        })
}

/// The errno categories the APIs of a legacy family report (their sections'), one bit per
/// category, from every API of the reference that the family claims.
fn family_categories(family: legacy::Family) -> u32 {
    static CATEGORIES: std::sync::LazyLock<Vec<(legacy::Family, u32)>> =
        std::sync::LazyLock::new(|| {
            let mut by_family: Vec<(legacy::Family, u32)> = Vec::new();
            for (api, bits) in super::api_families_generated::API_CATEGORIES.entries() {
                if let Some(family) = legacy::Family::of_api(api) {
                    match by_family.iter_mut().find(|(f, _)| *f == family) {
                        Some((_, known)) => *known |= bits,
                        None => by_family.push((family, *bits)),
                    }
                }
            }
            by_family
        });
    CATEGORIES
        .iter()
        .find(|(f, _)| *f == family)
        .map_or(0, |(_, bits)| *bits)
}

/// Whether `errno` may be what an API of these categories reports: a code of the API's own
/// categories or the general ones (`api_categories` holds both), and, when its subcategory is
/// one a section claims (Wi-Fi's 1505, NFC's 1504), of a subcategory the API's section claims
/// (`api_claims`: a Bluetooth API's `unknown error` is not Wi-Fi's 1505020); or, when the API
/// is unknown (`None`), a code that every candidate sharing the reason agrees with on its
/// category.
fn compatible(
    errno: Errno,
    api_categories: Option<u32>,
    api_claims: u32,
    candidates: &[Errno],
) -> bool {
    match api_categories {
        Some(mask) => mask & category_bit(errno) != 0 && claimed_by(errno, api_claims),
        None => candidates
            .iter()
            .all(|e| e.code() / 100_000 == errno.code() / 100_000),
    }
}

/// An errno's category (its first two digits) as one bit of the masks the API sections
/// generate; 0 for a category past the mask's width.
fn category_bit(errno: Errno) -> u32 {
    1u32.checked_shl(errno.code() / 100_000).unwrap_or(0)
}

/// Whether an API with these claims may report `errno`: its subcategory is claimed by no
/// section, or by the API's.
fn claimed_by(errno: Errno, api_claims: u32) -> bool {
    let subcategory = errno.code() / 1_000;
    super::api_families_generated::CLAIMED_SUBCATEGORIES
        .iter()
        .position(|&claimed| claimed == subcategory)
        .is_none_or(|index| {
            1u32.checked_shl(u32::try_from(index).unwrap_or(u32::MAX))
                .is_some_and(|bit| api_claims & bit != 0)
        })
}

/// The action every item agrees on; `None` if there is none, or one has none, or they differ.
fn agreed(mut actions: impl Iterator<Item = Option<Action>>) -> Option<Action> {
    let first = actions.next()??;
    actions.all(|a| a == Some(first)).then_some(first)
}

/// The one item, or `None` for none or several.
fn only<T>(mut items: impl Iterator<Item = T>) -> Option<T> {
    match (items.next(), items.next()) {
        (Some(item), None) => Some(item),
        _ => None,
    }
}

/// `message, event=…, runningState=…` → `message`: the runtime appends its diagnostics as
/// `key=value` items after some messages (`jsapi has no permission, event=requestPayment,
/// runningState=trial, permissionMsg=permission ok, jsapiPermissionMsg=no permission`). Every
/// item after the first comma must be such a pair, so a message with a comma of its own stays
/// whole.
fn without_key_values(reason: &str) -> Option<&str> {
    // Most reasons hold no `=`: one byte search spares the split.
    memchr::memchr(b'=', reason.as_bytes())?;
    let (message, details) = reason.split_once(", ")?;
    let is_pair = |item: &str| {
        item.split_once('=').is_some_and(|(key, _)| {
            key.starts_with(|c: char| c.is_ascii_alphabetic())
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
    };
    (!message.is_empty() && details.split(", ").all(is_pair)).then_some(message)
}

/// `message "value"` → `message`: WeChat echoes the offending value after some messages.
fn without_echoed_value(reason: &str) -> Option<&str> {
    let quoted = reason.strip_suffix('"')?;
    let (message, _) = quoted.split_once(" \"")?;
    Some(message).filter(|m| !m.is_empty())
}
