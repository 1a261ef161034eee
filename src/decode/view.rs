//! The common view of a diagnosis, computed in one pass, and its JSON form.

use std::borrow::Cow;

use crate::alipay::{self, Api};
use crate::alipay_plus::ResultStatus;
use crate::wx::{self, Category, Subcategory};
use crate::{Action, Platform};

use super::diagnosis::WxKnown;
use super::{Diagnosis, RawCode};

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
    /// [`Diagnosis::wecom_reading`].
    pub wecom_reading: Option<crate::wecom::Errcode>,
}

impl<'a> Diagnosis<'a> {
    /// The common view, computed in one pass; see [`DiagnosisView`].
    #[must_use]
    pub fn view(&self) -> DiagnosisView<'_> {
        if let Diagnosis::Wx(fail) = self {
            let r = fail.resolution();
            let (api, reason) = fail.api_and_reason();
            let known = r
                .errno
                .and_then(wx::AnyErrno::known)
                .map(WxKnown::Errno)
                .or_else(|| r.legacy.map(WxKnown::Legacy));
            return DiagnosisView {
                platform: Platform::Wechat,
                api: api.map(Cow::Borrowed),
                code: r.errno.map(|c| RawCode::Number(i64::from(c.raw()))),
                sub_code: None,
                err_code: fail.err_code(),
                known: known.is_some(),
                name: known.map(WxKnown::name),
                err_msg: Some(fail.err_msg()),
                reason: Some(reason).filter(|r| !r.is_empty()),
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
                wecom_reading: None,
            };
        }
        if let Diagnosis::WxCloud(fail) = self {
            let r = fail.resolution();
            let known = r.resolved.and_then(wx::cloud::AnyCode::known);
            // A CloudBase code of its own, where no Cloud code is.
            let cloudbase = r.cloudbase.filter(|_| known.is_none());
            let (code, sub_code) = super::diagnosis::cloud_reported_codes(fail, &r);
            return DiagnosisView {
                platform: Platform::WechatCloud,
                api: r.api.map(Cow::Borrowed),
                code,
                sub_code,
                err_code: None,
                known: known.is_some() || cloudbase.is_some(),
                name: known
                    .map(wx::cloud::Code::name)
                    .or_else(|| cloudbase.map(wx::cloud::CloudbaseCode::name)),
                err_msg: Some(fail.err_msg()),
                reason: Some(r.reason).filter(|r| !r.is_empty()),
                message_zh: known
                    .map(wx::cloud::Code::message_zh)
                    .or_else(|| cloudbase.map(wx::cloud::CloudbaseCode::message_zh))
                    .filter(|m| !m.is_empty()),
                message_en: known
                    .map(wx::cloud::Code::message_en)
                    .or_else(|| cloudbase.map(wx::cloud::CloudbaseCode::message_en)),
                remedy_zh: None,
                remedy_en: None,
                status: None,
                category: None,
                subcategory: None,
                action: r.action,
                retry_hint: r.deciding.and_then(wx::cloud::Code::retry_hint),
                reason_class: r.class,
                candidate_apis: Vec::new(),
                wecom_reading: None,
            };
        }
        // A WeChat Pay answer's meaning (its row, named by the message on the call) and a
        // gateway answer's (its sub_code on the method) are what most getters read: found once.
        if let Diagnosis::WxPay(d) = self {
            let meaning = d.meaning();
            let code = d.code();
            return DiagnosisView {
                platform: Platform::WechatPay,
                api: self.api_name(),
                code: self.code(),
                sub_code: None,
                err_code: None,
                known: code.is_some(),
                name: code.map(wx::pay::Code::name),
                err_msg: self.message(),
                reason: self.reason(),
                message_zh: meaning.map(wx::pay::Meaning::message_zh),
                message_en: meaning.map(wx::pay::Meaning::message_en),
                remedy_zh: meaning
                    .map(wx::pay::Meaning::solution_zh)
                    .filter(|s| !s.is_empty()),
                remedy_en: meaning
                    .map(wx::pay::Meaning::solution_en)
                    .filter(|s| !s.is_empty()),
                status: None,
                category: None,
                subcategory: None,
                action: d.action(),
                retry_hint: meaning
                    .and_then(wx::pay::Meaning::retry_hint)
                    .or_else(|| code.and_then(|c| c.retry_hint_for(d.action()))),
                reason_class: None,
                candidate_apis: Vec::new(),
                wecom_reading: None,
            };
        }
        if let Diagnosis::AlipayGateway(response, call_kind) = self {
            let meaning = response.meaning();
            let public = response.public_code();
            let name = self.name();
            return DiagnosisView {
                platform: Platform::AlipayGateway,
                api: self.api_name(),
                code: self.code(),
                sub_code: self.sub_code(),
                err_code: None,
                known: name.is_some(),
                name,
                err_msg: self.message(),
                reason: self.reason(),
                message_zh: meaning
                    .map(alipay::gateway::Meaning::message_zh)
                    .or_else(|| public.map(alipay::gateway::Code::message_zh)),
                message_en: meaning
                    .map(alipay::gateway::Meaning::message_en)
                    .or_else(|| public.map(alipay::gateway::Code::message_en)),
                remedy_zh: meaning.and_then(alipay::gateway::Meaning::remedy_zh),
                remedy_en: None,
                status: None,
                category: None,
                subcategory: None,
                action: response.action(*call_kind),
                retry_hint: meaning
                    .and_then(alipay::gateway::Meaning::retry_hint)
                    .or_else(|| public.and_then(alipay::gateway::Code::retry_hint)),
                reason_class: None,
                candidate_apis: Vec::new(),
                wecom_reading: None,
            };
        }
        // A server answer without an errcode finds its code from the errmsg: read once here,
        // where each getter would read it again.
        if let Diagnosis::WxServer(response) = self {
            let (code, action, reason) = response.resolution();
            let known = code.and_then(wx::server::AnyErrcode::known);
            return DiagnosisView {
                platform: Platform::WechatServer,
                api: None,
                code: code
                    .or_else(|| response.errcode_sent())
                    .map(|c| RawCode::Number(c.raw())),
                sub_code: None,
                err_code: None,
                known: known.is_some(),
                name: known.map(wx::server::Errcode::name),
                err_msg: response.errmsg(),
                reason: Some(reason).filter(|r| !r.is_empty()),
                message_zh: known.map(wx::server::Errcode::message_zh),
                message_en: known.map(wx::server::Errcode::message_en),
                remedy_zh: None,
                remedy_en: None,
                status: None,
                category: None,
                subcategory: None,
                action,
                retry_hint: known.and_then(wx::server::Errcode::retry_hint),
                reason_class: None,
                candidate_apis: Vec::new(),
                wecom_reading: super::diagnosis::wecom_reading(response),
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
            wecom_reading: self.wecom_reading(),
        }
    }
}

impl DiagnosisView<'_> {
    /// Why the code has no name, as a report says it: `(not in the catalog)`; for a WeChat
    /// server number the catalog has, `(the errmsg is not this code's)`
    /// ([`wx::server::Errcode::errmsg_contradicts`]), and `(the msg is not this code's)` for an
    /// open-platform one ([`crate::open_platform::Code::msg_contradicts`]); for a v2 WeChat Pay code in a v3 body,
    /// `(not an APIv3 code)` ([`wx::pay::AnyCode::of_version`]). `None` when the code has a
    /// name or there is no code.
    ///
    /// ```
    /// let d = minierr::decode_str(r#"{"errcode":40015,"errmsg":"bad appid"}"#)?;
    /// assert_eq!(d.view().unnamed_because(), Some("(the errmsg is not this code's)"));
    /// let d = minierr::decode_str(r#"{"errcode":40999,"errmsg":"new"}"#)?;
    /// assert_eq!(d.view().unnamed_because(), Some("(not in the catalog)"));
    /// # Ok::<(), minierr::DecodeError>(())
    /// ```
    #[must_use]
    pub fn unnamed_because(&self) -> Option<&'static str> {
        match self.name {
            Some(_) => None,
            None => self
                .code
                .as_ref()
                .map(|code| unnamed_because(self.platform, code)),
        }
    }
}

/// [`DiagnosisView::unnamed_because`] for a code without a name.
pub(super) fn unnamed_because(platform: Platform, code: &RawCode<'_>) -> &'static str {
    match (platform, code) {
        (Platform::WechatServer, RawCode::Number(n))
            if wx::server::Errcode::from_code(*n).is_some() =>
        {
            "(the errmsg is not this code's)"
        }
        (Platform::OpenPlatform, RawCode::Number(n))
            if u32::try_from(*n)
                .ok()
                .and_then(crate::open_platform::Code::from_code)
                .is_some() =>
        {
            "(the msg is not this code's)"
        }
        (Platform::WechatPay, RawCode::Text(t)) if wx::pay::Code::from_code(t).is_some() => {
            "(not an APIv3 code)"
        }
        _ => "(not in the catalog)",
    }
}

mod json_view {
    use serde::Serialize;
    use serde::ser::{SerializeMap, Serializer};

    use super::{Diagnosis, RawCode};

    /// What a WeChat server body would mean had WeCom sent it.
    #[derive(Serialize)]
    struct WecomReading {
        code: i64,
        name: &'static str,
        message_en: &'static str,
        action: crate::Action,
    }

    impl Serialize for RawCode<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                RawCode::Number(n) => serializer.serialize_i64(*n),
                RawCode::Text(t) => serializer.serialize_str(t),
            }
        }
    }

    /// The keys of the JSON view, in order; every object has all of them.
    pub const KEYS: [&str; 20] = [
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
        "wecom_reading",
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
            let wecom = v.wecom_reading.map(|c| WecomReading {
                code: c.code(),
                name: c.name(),
                message_en: c.message_en(),
                action: c.action(),
            });
            map.serialize_entry("wecom_reading", &wecom)?;
            map.end()
        }
    }
}

pub use json_view::KEYS as DIAGNOSIS_JSON_KEYS;
