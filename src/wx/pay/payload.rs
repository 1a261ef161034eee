//! The two answer shapes: an APIv3 error body ([`Response`]) and a v2 answer ([`V2Response`]),
//! and the one decision both feed.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{AnyCode, Api, CallKind, Code, Outcome, Version};
use crate::Action;
use crate::normalize::contains_str;

/// An APIv3 error body: `{"code": "PARAM_ERROR", "message": "…", "detail": {…}}`, with the
/// HTTP status when the caller has it ([`Response::with_status`]). Fields an SDK adds around
/// the body (`prepay_id: null`) are ignored.
///
/// ```
/// # #[cfg(feature = "json")] {
/// use minierr::wx::pay::{Code, Response};
/// use minierr::{Action, CallKind};
///
/// let body = r#"{"code":"PARAM_ERROR","detail":{"location":"body","value":""},"message":"输入源“/body/amount/total”映射到字段“总金额”必填性规则校验失败，此字段为必填项"}"#;
/// let response = Response::from_json_str(body)?;
/// assert_eq!(response.code().known(), Some(Code::ParamError));
/// // What to fix: the field the validator names.
/// assert_eq!(response.field_path(), Some("/body/amount/total"));
/// assert_eq!(response.action(CallKind::MovesMoney), Some(Action::FixRequest));
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response<'a> {
    code: AnyCode<'a>,
    message: Cow<'a, str>,
    detail: Option<Detail<'a>>,
    status: Option<u16>,
}

/// An APIv3 body's `detail`: where the request went wrong. Each part is kept as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Detail<'a> {
    field: Option<Cow<'a, str>>,
    location: Option<Cow<'a, str>>,
    value: Values<'a>,
    issue: Option<Cow<'a, str>>,
    signed_method: Option<Cow<'a, str>>,
    signed_url: Option<Cow<'a, str>>,
}

/// `detail.value`'s texts. Almost every body sends one, which needs no `Vec`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Values<'a> {
    #[default]
    None,
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

impl<'a> Values<'a> {
    fn as_slice(&self) -> &[Cow<'a, str>] {
        match self {
            Values::None => &[],
            Values::One(value) => std::slice::from_ref(value),
            Values::Many(values) => values,
        }
    }

    fn into_owned(self) -> Values<'static> {
        let own = |c: Cow<'a, str>| Cow::Owned(c.into_owned());
        match self {
            Values::None => Values::None,
            Values::One(value) => Values::One(own(value)),
            Values::Many(values) => Values::Many(values.into_iter().map(own).collect()),
        }
    }
}

impl<'a> Detail<'a> {
    /// `detail.field` (`signature`).
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// `detail.location` (`authorization`, `body`, `uri_template`).
    #[must_use]
    pub fn location(&self) -> Option<&str> {
        self.location.as_deref()
    }

    /// `detail.value`: one text, or several (a list of JSON paths such as
    /// `["/body/appid","/body/mchid"]`); a number is kept as its text.
    #[must_use]
    pub fn value(&self) -> &[Cow<'a, str>] {
        self.value.as_slice()
    }

    /// `detail.issue`, or the nested `detail.detail.issue` (`sign not match`).
    #[must_use]
    pub fn issue(&self) -> Option<&str> {
        self.issue.as_deref()
    }

    /// The request whose signature failed, as the server saw it: a `SIGN_ERROR` body's
    /// `detail.sign_information.method` and `.url` (`GET`, `/v3/certificates`).
    ///
    /// ```
    /// # #[cfg(feature = "json")] {
    /// use minierr::wx::pay::{Api, Response};
    /// let body = r#"{"code":"SIGN_ERROR","message":"错误的签名，验签失败","detail":{"detail":{"issue":"sign not match"},"field":"signature","location":"authorization","sign_information":{"method":"GET","sign_message_length":66,"url":"/v3/certificates"}}}"#;
    /// let response = Response::from_json_str(body)?;
    /// let detail = response.detail().expect("a detail");
    /// assert_eq!(detail.signed_request(), Some(("GET", "/v3/certificates")));
    /// assert_eq!(response.signed_api(), Some(Api::V3Certificates));
    /// # }
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn signed_request(&self) -> Option<(&str, &str)> {
        Some((self.signed_method.as_deref()?, self.signed_url.as_deref()?))
    }

    fn into_owned(self) -> Detail<'static> {
        let own = |c: Option<Cow<'a, str>>| c.map(|c| Cow::Owned(c.into_owned()));
        Detail {
            field: own(self.field),
            location: own(self.location),
            value: self.value.into_owned(),
            issue: own(self.issue),
            signed_method: own(self.signed_method),
            signed_url: own(self.signed_url),
        }
    }
}

impl<'a> Response<'a> {
    /// A body made of its parts, for a caller whose SDK already parsed them. A code that only
    /// v2's tables list is not known in a v3 body ([`AnyCode::of_version`]).
    ///
    /// ```
    /// use minierr::wx::pay::Response;
    /// use minierr::CallKind;
    /// let other = Response::new("ERROR", "系统繁忙，请稍后再试");
    /// assert_eq!((other.code().known(), other.action(CallKind::MovesMoney)), (None, None));
    /// ```
    #[must_use]
    pub fn new(code: impl Into<Cow<'a, str>>, message: impl Into<Cow<'a, str>>) -> Self {
        Response {
            code: AnyCode::of_version(code, Version::V3),
            message: message.into(),
            detail: None,
            status: None,
        }
    }

    /// Reads a body from JSON text.
    ///
    /// # Errors
    ///
    /// The text is not JSON, or not an object with a string `code`.
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// The same body with the HTTP status it came with.
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// The HTTP status, if the caller gave it.
    #[must_use]
    pub const fn status(&self) -> Option<u16> {
        self.status
    }

    /// The code, known or not.
    #[must_use]
    pub const fn code(&self) -> &AnyCode<'a> {
        &self.code
    }

    /// The message, as sent.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `detail` object, if the body has one.
    #[must_use]
    pub const fn detail(&self) -> Option<&Detail<'a>> {
        self.detail.as_ref()
    }

    /// The path of the field to fix: the one a validator message names
    /// (`输入源“/body/amount/total”…`), else the first JSON path in `detail.value`, else
    /// `detail.field`.
    ///
    /// ```
    /// use minierr::wx::pay::Response;
    /// let response = Response::new("PARAM_ERROR", "输入源“/uri_template/mchid”映射到字段“直连商户号”必填性规则校验失败，此字段为必填项");
    /// assert_eq!(response.field_path(), Some("/uri_template/mchid"));
    /// assert_eq!(Response::new("PARAM_ERROR", "参数错误").field_path(), None);
    /// ```
    #[must_use]
    pub fn field_path(&self) -> Option<&str> {
        field_in_message(&self.message)
            .or_else(|| {
                let detail = self.detail.as_ref()?;
                detail
                    .value()
                    .iter()
                    .map(AsRef::as_ref)
                    .find(|v: &&str| v.starts_with('/'))
                    .or(detail.field.as_deref())
            })
            .filter(|p| !p.is_empty())
    }

    /// What the code says about the money; an unknown code with an HTTP 5xx or 202 leaves the
    /// outcome unknown too.
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        match self.code.known() {
            Some(code) => Some(code.outcome()),
            None => status_outcome(self.status),
        }
    }

    /// The next step when the API is not known; [`CallKind::MovesMoney`] is the safe default
    /// for a body whose call is not known.
    ///
    /// A `SIGN_ERROR` body names the request it verified ([`Response::signed_api`]); its API is
    /// then known.
    #[must_use]
    pub fn action(&self, call: CallKind) -> Option<Action> {
        if let Some(api) = self.signed_api() {
            return self.action_for(api);
        }
        decide(
            Version::V3,
            self.code.known(),
            self.status,
            &self.message,
            None,
            call,
        )
    }

    /// The API whose request the server verified, where a `SIGN_ERROR` body's
    /// `detail.sign_information` names it ([`Detail::signed_request`]). Only a `SIGN_ERROR`
    /// body's: the server sends that account with no other code, and another code's body
    /// carrying one says nothing the line does not.
    #[must_use]
    pub fn signed_api(&self) -> Option<Api> {
        if self.code.known() != Some(super::Code::SignError) {
            return None;
        }
        let (method, url) = self.detail.as_ref()?.signed_request()?;
        Api::from_path(method, url)
    }

    /// The next step on `api`.
    ///
    /// ```
    /// use minierr::wx::pay::{Api, Response};
    /// use minierr::Action;
    /// let response = Response::new("NOT_ENOUGH", "商户账户余额不足");
    /// assert_eq!(response.action_for(Api::V3Refund), Some(Action::FixConfig));
    /// // An unknown code decides nothing, but the HTTP status may.
    /// let unknown = Response::new("SOMETHING_NEW", "…").with_status(503);
    /// assert_eq!(unknown.action_for(Api::V3Refund), Some(Action::Reconcile));
    /// assert_eq!(unknown.action_for(Api::V3QueryRefund), Some(Action::Retry));
    /// ```
    #[must_use]
    pub fn action_for(&self, api: Api) -> Option<Action> {
        let call = api.call_kind().unwrap_or(CallKind::MovesMoney);
        decide(
            Version::V3,
            self.code.known(),
            self.status,
            &self.message,
            Some(api),
            call,
        )
    }

    /// The same body with owned strings, to outlive the input buffer.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        Response {
            code: self.code.into_owned(),
            message: Cow::Owned(self.message.into_owned()),
            detail: self.detail.map(Detail::into_owned),
            status: self.status,
        }
    }
}

/// A v2 answer: `return_code`/`return_msg` (the communication layer) and
/// `result_code`/`err_code`/`err_code_des` (the business layer). Reads the fields an SDK parsed
/// out (JSON, snake_case or camelCase, the sandbox's `retcode`/`retmsg`), or, with the `xml`
/// feature, the XML the API sends (`V2Response::from_xml`). Every other field is ignored.
///
/// ```
/// # #[cfg(feature = "json")] {
/// use minierr::wx::pay::{Code, V2Response};
/// use minierr::{Action, CallKind};
///
/// let fields = r#"{"return_code":"SUCCESS","return_msg":"OK","result_code":"FAIL","err_code":"ORDERPAID","err_code_des":"该订单已支付"}"#;
/// let response: V2Response = serde_json::from_str(fields)?;
/// assert_eq!(response.err_code().and_then(|c| c.known()), Some(Code::OrderPaid));
/// // Paid already: treat it as paid, never order again.
/// assert_eq!(response.action(CallKind::MovesMoney), Some(Action::Reconcile));
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct V2Response<'a> {
    return_code: Option<Cow<'a, str>>,
    return_msg: Option<Cow<'a, str>>,
    result_code: Option<Cow<'a, str>>,
    err_code: Option<AnyCode<'a>>,
    err_code_des: Option<Cow<'a, str>>,
    /// The API the answer's own fields name ([`V2Response::answered_api`]).
    answered_api: Option<Api>,
}

impl<'a> V2Response<'a> {
    /// An answer made of its fields, for a caller whose SDK already parsed them; pass `None`
    /// for a field the answer lacks.
    #[must_use]
    pub fn new(
        return_code: Option<&'a str>,
        return_msg: Option<&'a str>,
        result_code: Option<&'a str>,
        err_code: Option<&'a str>,
        err_code_des: Option<&'a str>,
    ) -> Self {
        V2Response {
            return_code: return_code.map(Cow::Borrowed),
            return_msg: return_msg.map(Cow::Borrowed),
            result_code: result_code.map(Cow::Borrowed),
            err_code: err_code.map(AnyCode::new),
            err_code_des: err_code_des.map(Cow::Borrowed),
            answered_api: None,
        }
    }

    /// An answer from fields an SDK printed, owned.
    pub(crate) fn from_fields(
        return_code: Option<String>,
        return_msg: Option<String>,
        result_code: Option<String>,
        err_code: Option<String>,
        err_code_des: Option<String>,
    ) -> V2Response<'static> {
        V2Response {
            return_code: return_code.map(Cow::Owned),
            return_msg: return_msg.map(Cow::Owned),
            result_code: result_code.map(Cow::Owned),
            err_code: err_code.map(AnyCode::new),
            err_code_des: err_code_des.map(Cow::Owned),
            answered_api: None,
        }
    }

    /// An answer of which only the `err_code` is known (an SDK threw it as its message).
    pub(crate) fn from_err_code(err_code: &'static str) -> V2Response<'static> {
        V2Response {
            result_code: Some(Cow::Borrowed("FAIL")),
            err_code: Some(AnyCode::new(err_code)),
            ..V2Response::default()
        }
    }

    /// `return_code`: `SUCCESS` or `FAIL`, the communication layer.
    #[must_use]
    pub fn return_code(&self) -> Option<&str> {
        self.return_code.as_deref()
    }

    /// `return_msg` (or the sandbox's `retmsg`): why the communication layer failed.
    #[must_use]
    pub fn return_msg(&self) -> Option<&str> {
        self.return_msg.as_deref()
    }

    /// `result_code`: `SUCCESS` or `FAIL`, the business layer.
    #[must_use]
    pub fn result_code(&self) -> Option<&str> {
        self.result_code.as_deref()
    }

    /// `err_code`, known or not.
    #[must_use]
    pub const fn err_code(&self) -> Option<&AnyCode<'a>> {
        self.err_code.as_ref()
    }

    /// `err_code_des`, the business failure's text.
    #[must_use]
    pub fn err_code_des(&self) -> Option<&str> {
        self.err_code_des.as_deref()
    }

    /// Whether the communication layer failed (`return_code` `FAIL`): the request did not
    /// reach the business layer, because of a signature or format error (nothing happened) or
    /// a busy gateway (the outcome is unknown).
    #[must_use]
    pub fn is_communication_failure(&self) -> bool {
        match self.return_code.as_deref() {
            Some(code) => code == "FAIL",
            // The pages: return_msg is "返回信息，如非空，为错误原因". A text other than `OK` with
            // no business field beside it (a log that kept only `<return_msg>`) is the
            // communication layer's failure.
            None => {
                self.result_code.is_none()
                    && self.err_code.is_none()
                    && self.return_msg.as_deref().is_some_and(names_a_failure)
            }
        }
    }

    /// Whether both layers say `SUCCESS`.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.return_code.as_deref() != Some("FAIL")
            && self.result_code.as_deref() == Some("SUCCESS")
            && self.err_code.is_none()
    }

    /// The API whose answer this is, where its own fields name it. Only the v2 transfer to a
    /// user's balance (企业付款到零钱, `promotion/transfers`) answers with `mch_appid` and
    /// `mchid` in place of `appid` and `mch_id` (its page's answer table): its failures say
    /// whose balance or permission is at fault (a NOTENOUGH there is the merchant's account,
    /// which the transfer pays from).
    ///
    /// ```
    /// # #[cfg(feature = "json")] {
    /// use minierr::wx::pay::{Api, V2Response};
    /// let body = r#"{"return_code":"SUCCESS","mch_appid":"wx1","mchid":"1900","result_code":"FAIL","err_code":"NOTENOUGH","err_code_des":"余额不足"}"#;
    /// let answer: V2Response<'_> = serde_json::from_str(body)?;
    /// assert_eq!(answer.answered_api(), Some(Api::V2Transfer));
    /// let order = r#"{"return_code":"SUCCESS","appid":"wx1","mch_id":"1900","result_code":"FAIL","err_code":"NOTENOUGH"}"#;
    /// assert_eq!(serde_json::from_str::<V2Response<'_>>(order)?.answered_api(), None);
    /// # }
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub const fn answered_api(&self) -> Option<Api> {
        self.answered_api
    }

    /// Whether the answer holds none of its fields.
    #[cfg(feature = "xml")]
    pub(crate) fn is_empty(&self) -> bool {
        self.return_code.is_none()
            && self.return_msg.is_none()
            && self.result_code.is_none()
            && self.err_code.is_none()
            && self.err_code_des.is_none()
    }

    /// The next step when the API is not known ([`CallKind::MovesMoney`] is the safe default).
    /// An answer whose fields name its API ([`V2Response::answered_api`]) is read on it.
    #[must_use]
    pub fn action(&self, call: CallKind) -> Option<Action> {
        if let Some(api) = self.answered_api {
            return self.action_for(api);
        }
        self.decide(None, call)
    }

    /// The next step on `api`.
    ///
    /// ```
    /// use minierr::wx::pay::{Api, V2Response};
    /// use minierr::Action;
    /// let refund = V2Response::new(Some("SUCCESS"), Some("OK"), Some("FAIL"), Some("NOTENOUGH"), Some("基本账户余额不足，请充值后重新发起"));
    /// assert_eq!(refund.action_for(Api::V2Refund), Some(Action::FixConfig));
    /// let signed_wrong = V2Response::new(Some("FAIL"), Some("签名错误，请检查后再试"), None, None, None);
    /// assert_eq!(signed_wrong.action_for(Api::V2OrderQuery), Some(Action::FixConfig));
    /// ```
    #[must_use]
    pub fn action_for(&self, api: Api) -> Option<Action> {
        self.decide(Some(api), api.call_kind().unwrap_or(CallKind::MovesMoney))
    }

    fn decide(&self, api: Option<Api>, call: CallKind) -> Option<Action> {
        // A text that asks for the order to be queried names the step in either layer, as it
        // does in a body with a code (see `decide`).
        let asks_to_query = || {
            [self.return_msg.as_deref(), self.err_code_des.as_deref()]
                .into_iter()
                .flatten()
                .any(asks_to_query_the_order)
        };
        if !self.is_success() && may_move_money(api, call) && asks_to_query() {
            return Some(Action::Reconcile);
        }
        let known_code = self.err_code.as_ref().and_then(AnyCode::known);
        // A code the catalog does not know names a failure nothing here can read, in either
        // layer and whatever the first layer's words (`return_msg` `System Error` beside
        // `POST_CONTEN_ERROR`, `some params type maybe misused`): the code is kept, and no
        // step is taken.
        if self.err_code.is_some() && known_code.is_none() {
            return None;
        }
        // A FAIL that names a code is a business failure: profit-sharing returns send their
        // `error_code` under `return_code` FAIL.
        if self.is_communication_failure() && known_code.is_none() {
            // The v2 pages give two causes, 签名失败 and 参数格式校验错误: the merchant's keys,
            // or the request. A busy or timed-out gateway (`系统繁忙,请稍后再试`) is neither:
            // whether the call took effect is unknown.
            let text = self.return_msg.as_deref().unwrap_or_default();
            // A FAIL with no text names neither cause; nor does a text that only repeats the
            // code or prints an unset field (Java's `null`, Python's `None`, JavaScript's
            // `undefined`, Go's `<nil>`, C's `(null)`).
            const UNSET: [&str; 7] = [
                "null",
                "none",
                "nil",
                "<nil>",
                "(null)",
                "undefined",
                "fail",
            ];
            let bare = text.trim();
            if bare.is_empty() || UNSET.iter().any(|w| bare.eq_ignore_ascii_case(w)) {
                return None;
            }
            let busy = is_outcome_unknown_text(text);
            let moves_money = may_move_money(api, call);
            // What the merchant configures, in the words of the codes that document it:
            // SIGNERROR's 签名, CERT_ERROR's 证书 (in English, `certificate`), NOAUTH's 权限,
            // the merchant's own number, 商户号 or `mch_id` (MCH_NOT_EXISTS 商户号不存在,
            // MCHID_NOT_EXIST, APPID_MCHID_NOT_MATCH appid和mch_id不匹配), but not a service
            // provider's `sub_mch_id`, which its request carries, and the app bound to the
            // merchant, `appid` (APPID_NOT_EXIST APPID不存在, APPID_MCHID_NOT_MATCH), but not
            // a `sub_appid`, nor beside an `openid` (OPENID_MISMATCH openid和appid不匹配: the
            // payer's openid, which the request carries). A validator's `输入源“/body/xml/…”`
            // names a field the request sent or left out: the request's. So does 签名类型, the
            // request's own `sign_type` parameter (MD5 or HMAC-SHA256, the pages' request
            // tables), not the key that signs. An ID the merchant configured wrongly is
            // reported as unknown, unmatched, unbound or blocked (不存在, 不匹配, 未绑定, 冻结);
            // a text that only sends the reader to the request's parameters, an ID in the wrong
            // format (`mch_id参数格式错误`, the documented 参数格式校验错误) or the sandbox's
            // `请确认请求参数是否正确param mch_id invalid`, says the server could not read the
            // ID from the request as sent.
            let validator = contains_str(text, "输入源“");
            let names_merchant_ids = contains_str(text, "商户号")
                || names_merchant_id(text)
                || names_merchant_appid(text);
            let names_request = (contains_str(text, "参数格式")
                || contains_str(text, "请确认请求参数"))
                && ![
                    "不存在",
                    "不匹配",
                    "未绑定",
                    "没有绑定",
                    "冻结",
                    "注销",
                    "非法",
                    "密钥",
                ]
                .iter()
                .any(|w| contains_str(text, w));
            // 受理关系 is the binding between a service provider and its sub-merchant: a setting
            // of the two accounts. The red-packet page's ACCEPTMODE_ERROR row (主、子商户号关系
            // 校验失败) says to check it (确认传入的主商户号与子商户号是否有受理关系), WeChat Pay's
            // support says this text comes only when the two are not bound (商户和子商户没有绑定
            // 的关系，才会报这个错误, developers.weixin.qq.com/community/pay/doc/
            // 0000241fc0c8982f6b9afbaef5b000), and the v3 APIs send it under NO_AUTH.
            let configuration = ["证书", "certificate", "权限", "受理关系"]
                .iter()
                .any(|w| contains_str(text, w))
                || names_signature(text)
                || (names_merchant_ids && !names_request);
            // A text about the call rate (频率, FREQUENCY_LIMITED's word) is throttling: the
            // API's own FREQUENCY_LIMITED row says its step, else back off.
            if contains_str(text, "频率") {
                return Some(throttled_step(api, text));
            }
            return Some(match (busy, moves_money) {
                (true, true) => Action::Reconcile,
                (true, false) => Action::Retry,
                (false, _) if configuration && !validator => Action::FixConfig,
                // The merchant's own balance (`帐号余额不足，请到商户平台充值`) is the
                // merchant's, whichever page's words it shares.
                (false, _) if contains_str(text, "余额不足") && names_merchant_account(text) => {
                    Action::FixConfig
                }
                // Otherwise a message the API's v2 page documents for one step names that step
                // (商户订单号重复 is OUT_TRADE_NO_USED's, 该订单已支付 ORDERPAID's): the server
                // sends its business texts in return_msg too.
                (false, _) => step_documented_in_v2(None, api, text).unwrap_or(Action::FixRequest),
            });
        }
        if self.is_success() {
            return Some(Action::Success);
        }
        let Some(code) = known_code else {
            return self.business_step_without_code(api, call);
        };
        let text = self.err_code_des.as_deref().unwrap_or_default();
        decide(Version::V2, Some(code), None, text, api, call)
    }

    /// A business failure whose answer kept no `err_code` (an SDK that printed only the first
    /// layer, wechatpy's `Error code: SUCCESS, message: 签名错误`, or a red packet's
    /// `return_msg` holding what `err_code_des` would): the server sends its business texts in
    /// `return_msg` too, so a code's spelling there is that code, and a text the v2 pages
    /// document for one step names that step, as for a communication failure.
    fn business_step_without_code(&self, api: Option<Api>, call: CallKind) -> Option<Action> {
        // (An err_code the catalog does not know was ruled out by the caller: its own step may
        // be any.)
        if self.result_code.as_deref() != Some("FAIL") {
            return None;
        }
        let text = self
            .err_code_des
            .as_deref()
            .filter(|text| names_a_failure(text))
            .or_else(|| {
                self.return_msg
                    .as_deref()
                    .filter(|text| names_a_failure(text))
            })?;
        if let Some(code) = Code::from_code(text.trim()) {
            return decide(Version::V2, Some(code), None, "", api, call);
        }
        step_documented_in_v2(None, api, text)
    }

    /// The same answer with owned strings.
    #[must_use]
    pub fn into_owned(self) -> V2Response<'static> {
        let own = |c: Option<Cow<'a, str>>| c.map(|c| Cow::Owned(c.into_owned()));
        V2Response {
            return_code: own(self.return_code),
            return_msg: own(self.return_msg),
            result_code: own(self.result_code),
            err_code: self.err_code.map(AnyCode::into_owned),
            err_code_des: own(self.err_code_des),
            answered_api: self.answered_api,
        }
    }
}

#[cfg(feature = "xml")]
impl V2Response<'static> {
    /// Reads the XML a v2 API sends (`<xml><return_code><![CDATA[FAIL]]></return_code>…</xml>`),
    /// with [`quick_xml`]'s serde reader. A fragment without the `<xml>` root (as logs cut
    /// it) is read as if it had one.
    ///
    /// ```
    /// use minierr::wx::pay::{Code, V2Response};
    /// let xml = "<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code><![CDATA[FAIL]]></result_code><err_code><![CDATA[OUT_TRADE_NO_USED]]></err_code><err_code_des><![CDATA[商户订单号重复]]></err_code_des></xml>";
    /// let response = V2Response::from_xml(xml)?;
    /// assert_eq!(response.err_code().and_then(|c| c.known()), Some(Code::OutTradeNoUsed));
    /// assert!(V2Response::from_xml("<xml><return_code>").is_err());
    /// // Well-formed, but no answer: an error, not an empty answer.
    /// let none = V2Response::from_xml("<xml><appid>wx2421b1c4370ec43b</appid></xml>").unwrap_err();
    /// assert!(none.to_string().contains("return_code"));
    /// # Ok::<(), quick_xml::DeError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The text is not well-formed XML (quick-xml's error says where), names a field twice, or
    /// holds none of a v2 answer's fields.
    pub fn from_xml(input: &str) -> Result<Self, quick_xml::DeError> {
        let trimmed = input.trim();
        let wrapped;
        let document = if trimmed.starts_with("<xml>") {
            trimmed
        } else {
            wrapped = format!("<xml>{trimmed}</xml>");
            &wrapped
        };
        let response = quick_xml::de::from_str::<V2Response<'_>>(document)?;
        if response.is_empty() {
            return Err(serde::de::Error::custom(
                "no return_code, return_msg, result_code, err_code or err_code_des with text in \
                 the XML: not a WeChat Pay v2 answer",
            ));
        }
        Ok(response.into_owned())
    }
}

/// The step for a body of `version`: the code's, read with the body's own text, or the HTTP
/// status's for an unknown code.
pub(crate) fn decide(
    version: Version,
    code: Option<Code>,
    status: Option<u16>,
    text: &str,
    api: Option<Api>,
    call: CallKind,
) -> Option<Action> {
    // Most bodies carry their row's documented message word for word. No rule below reads
    // anything else into such a text (a test holds every row to that), so its row answers
    // before any word of it is searched. Not the common status table's rows: they belong to
    // every API, and the call's kind decides an unknown outcome's step. Nor a body of the other
    // version than the API's, which only the rules read.
    if let Some(row) = code
        .zip(api.filter(|api| api.call_kind().is_some() && api.version() == version))
        .and_then(|(code, api)| code.row_worded_as(api, text))
    {
        return Some(row.action());
    }
    decide_by_rules(version, code, status, text, api, call)
}

/// [`decide`] for a text that is not any row's message word for word: the rules that read the
/// body's words, then the row the text names.
fn decide_by_rules(
    version: Version,
    code: Option<Code>,
    status: Option<u16>,
    text: &str,
    api: Option<Api>,
    call: CallKind,
) -> Option<Action> {
    // The common status table's 429 row: on a refund, throttling is not a clear "not
    // accepted"; query first. The API's own FREQUENCY_LIMITED row says which APIs that is
    // (a refund's reconciles, a query's backs off), so a bare 429 or RATELIMIT_EXCEEDED on it
    // takes that row's step.
    let throttled = match code {
        None => status == Some(429),
        Some(code) => code == Code::RatelimitExceeded,
    };
    if let Some(api) = api.filter(|_| throttled) {
        if let Some(own) = Code::FrequencyLimited.meaning_matching(api, text) {
            return Some(own.action());
        }
    }
    // A message that asks for the order to be queried first (请查单: a transfer's
    // `对应单号已超出重试期,请查单确认后决定是否换单请求`, `发送失败,请查单确认付款状态`) names
    // the step itself, whatever its code's is: look before paying again.
    if asks_to_query_the_order(text) && may_move_money(api, call) {
        return Some(Action::Reconcile);
    }
    let Some(code) = code else {
        return status_action(status, call);
    };
    match code {
        // The refund pages' balance is the merchant's; the payment pages' the payer's. The
        // text says whose.
        Code::NotEnough | Code::NotEnoughV2 if names_merchant_account(text) => {
            return Some(Action::FixConfig);
        }
        // v2 re-sends of an out_trade_no with other values come back as INVALID_REQUEST with
        // the duplicate named: the order may exist and be paid. So does a text about the order's
        // re-entry (订单重入), the unified-order page's own words for that INVALID_REQUEST
        // (订单重入时，要求参数值与原请求一致), which other APIs send under PARAM_ERROR too.
        Code::InvalidRequest | Code::ParamError
            if contains_str(text, "订单号重复") || contains_str(text, "订单重入") =>
        {
            return Code::OutTradeNoUsed.action_in(Some(version), call);
        }
        // A parameter or request error whose message says something is not enabled (未开通: a
        // product, permission or scene) is fixed where the codes that document it say, on the
        // merchant platform (NOAUTH 商户未开通此接口权限, NO_AUTH 回退方未开通分账回退功能,
        // the combined-order FAQ's 商户号该产品权限未开通): the account's configuration.
        Code::ParamError | Code::InvalidRequest if contains_str(text, "未开通") => {
            return Some(Action::FixConfig);
        }
        // So is one that says the merchant's own IDs do not match (`商户号与商户appid不匹配`).
        Code::ParamError | Code::InvalidRequest if names_unmatched_merchant_ids(text) => {
            return Some(Action::FixConfig);
        }
        // So is an address the merchant has not allowed: the transfer-bill page's
        // INVALID_REQUEST row (此IP地址不允许调用接口,请按开发指引设置) is fixed in the allow-list
        // on the merchant platform, and the server words the same refusal more than one way
        // (此IP地址不允许调用该接口 on the transfer APIs, at times with a tab after it: community
        // threads 000a00ad31c03840e5230428766400 and 00002e154dcef891f53044aed65c00).
        Code::InvalidRequest if contains_str(text, "IP地址不允许调用") => {
            return Some(Action::FixConfig);
        }
        // The `Wechatpay-Serial` header is part of the request: the code that encrypts the
        // fields sends the serial of the certificate (or the ID of the public key) it used, as
        // the common table's PARAM_ERROR 平台证书序列号Wechatpay-Serial错误 says. So a text
        // about that header, missing or wrong, is the request's to fix, as PARAM_ERROR's
        // documented fix is.
        Code::ParamError | Code::InvalidRequest
            if contains_str(text, "Wechatpay-Serial") && !contains_str(text, "过期") =>
        {
            return Some(Action::FixRequest);
        }
        // So is the `Authorization` header: a key or serial configured wrongly still yields a
        // well-formed header whose signature fails (签名错误, 验签失败, SIGN_ERROR's own step);
        // a header the server cannot parse (`Http头Authorization值格式错误`) was built wrongly
        // or left out, which the threads with that text found (an HTTP client that did not
        // sign, wechatpay-apache-httpclient#193; an SDK that sent its headers in the body,
        // PowerWeChat#263).
        Code::SignError if contains_str(text, "Authorization值格式") => {
            return Some(Action::FixRequest);
        }
        // v2 spells the code SIGN_ERROR only on the red-packet and transfer pages; on another
        // v2 page (the order and refund pages, which spell it SIGNERROR) it is that spelling's
        // step: the page's row, else the code's.
        Code::SignError
            if api.is_some_and(|api| {
                api.version() == Version::V2 && Code::SignError.meaning_on(api).is_none()
            }) =>
        {
            return api
                .and_then(|api| Code::SignErrorV2.action_for(api))
                .or_else(|| Code::SignErrorV2.action_in(Some(Version::V2), call));
        }
        // Any other text about certificates (证书), an expired one named by that header
        // included, is configuration, as every row whose message names one is (CERT_ERROR,
        // CA_ERROR). A validator's `输入源“…”` names a field of the request instead.
        Code::ParamError | Code::InvalidRequest
            if contains_str(text, "证书") && !contains_str(text, "输入源“") =>
        {
            return Some(Action::FixConfig);
        }
        // A refund whose order was already refunded in full is the refund twin of ORDERPAID:
        // the state is settled, and the backend records it rather than gives up on the money
        // (the refund page's ERROR: act on the specific reason it returns).
        Code::Error | Code::InvalidRequest if contains_str(text, "已全额退款") => {
            return Code::OrderPaid.action_in(Some(version), call);
        }
        // An order still being processed (订单处理中) is the condition the refund page names
        // ORDER_NOT_READY (订单处理中，暂时无法退款，请稍后再试: back off). Profit sharing
        // answers INVALID_REQUEST with those words when it is asked too soon after the payment,
        // and the same request is sent again later. Only there, on a refund, or where the API
        // is unknown: sent again with the same number, it cannot pay twice.
        Code::InvalidRequest
            if ["订单处理中", "订单正在处理中"]
                .iter()
                .any(|words| contains_str(text, words))
                && api.is_none_or(|api| {
                    api.name_zh().contains("分账") || api.name_zh().contains("退款")
                }) =>
        {
            return Code::OrderNotReady.action_in(Some(version), call);
        }
        // INVALID_REQUEST's documented fix is to act on the specific message. Where no row of
        // its own holds that message but the common status table's row of another code does,
        // that code's step is the one (`产品权限异常`: a permission, not the request).
        Code::InvalidRequest => {
            if let Some(named) = named_by_another_row(version, code, text) {
                return match api {
                    Some(api) => named.action_for(api),
                    None => named.action_in(Some(version), call),
                };
            }
            // An APIv3 message that only a v2 page documents is the same server's text: its
            // row's step holds (`订单金额或退款金额与之前请求不一致` is v2 REFUND_FEE_MISMATCH's:
            // a refund under that number exists, so query it).
            if version == Version::V3 {
                let moves_money = may_move_money(api, call);
                // Where no row of its own on the API documents the message, the API's own page
                // speaks first (a v3 refund's 频率限制 is its FREQUENCY_LIMITED row, which
                // reconciles; a close's 银行系统异常 its BANKERROR row). A text naming the
                // merchant borrows no row that asks the payer.
                // A message the code's own row documents borrows nothing, so the other rows
                // are searched only for one it does not.
                let own = code
                    .meanings()
                    .filter(|m| api.is_none_or(|api| m.api() == api))
                    .any(|m| m.is_named_by(text));
                let borrowable =
                    |step: &Action| !(*step == Action::AskUser && contains_str(text, "商户"));
                if let Some(step) = api
                    .filter(|_| !own)
                    .and_then(|api| step_documented_on(api, code, text))
                    .filter(borrowable)
                {
                    return Some(step);
                }
                // A message about the call rate (频率, the word of FREQUENCY_LIMITED's and
                // RATELIMIT_EXCEEDED's rows) is throttling: the API's own FREQUENCY_LIMITED row
                // says its step (a refund reconciles), else back off.
                if contains_str(text, "频率") {
                    return Some(throttled_step(api, text));
                }
                // A message that says the server failed leaves the outcome open, whatever
                // else it says (`退款请求失败，系统繁忙，请稍后再试`).
                if is_outcome_unknown_text(text) {
                    return Some(if moves_money {
                        Action::Reconcile
                    } else {
                        Action::Retry
                    });
                }
                // The merchant's own balance is the merchant's to top up, whichever row's
                // words it shares (`帐号余额不足，请到商户平台充值后再重试`).
                if contains_str(text, "余额不足") && names_merchant_account(text) {
                    return Some(Action::FixConfig);
                }
                // Then the v2 page of the same operation.
                if let Some(step) = (!own)
                    .then(|| step_documented_in_v2(Some(code), api, text))
                    .flatten()
                    .filter(borrowable)
                {
                    return Some(step);
                }
            }
        }
        _ => {}
    }
    match api {
        Some(api) => code.action_for_text(api, text),
        // An outcome-unknown code on a call that may have moved money is reconciled whatever
        // its text; otherwise a documented message names the row.
        None if code.outcome() == Outcome::Unknown && call == CallKind::MovesMoney => {
            code.action_in(Some(version), call)
        }
        None => code
            .row_named_by(version, text)
            .map(super::Meaning::action)
            .or_else(|| code.action_in(Some(version), call)),
    }
}

/// Whether the call may have moved money: its API's kind where the API is known (the common
/// table belongs to every API, so it may), else the caller's `call`.
/// Whether a v2 text names a failure: not empty, and not a success word (`OK`, `SUCCESS`,
/// `处理成功`), which is no error's reason: unknown beats a failure read into a success.
fn names_a_failure(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.eq_ignore_ascii_case("OK")
        && !text.eq_ignore_ascii_case("SUCCESS")
        && !contains_str(text, "成功")
}

/// Whether a message asks for the order to be queried first (请查单).
fn asks_to_query_the_order(text: &str) -> bool {
    contains_str(text, "请查单")
}

fn may_move_money(api: Option<Api>, call: CallKind) -> bool {
    match api {
        Some(api) => api.call_kind().is_none_or(|k| k == CallKind::MovesMoney),
        None => call == CallKind::MovesMoney,
    }
}

/// The step for a throttled answer: the API's own FREQUENCY_LIMITED row (a refund's
/// reconciles, a query's backs off), else [`Action::Backoff`].
fn throttled_step(api: Option<Api>, text: &str) -> Action {
    api.and_then(|api| Code::FrequencyLimited.meaning_matching(api, text))
        .map_or(Action::Backoff, super::Meaning::action)
}

/// The step of `api`'s rows (of codes other than `code`) whose documented message `text`
/// holds, where they all agree. A row that gives up or repeats the call counts only where the
/// message is all of its text: `退款请求失败：申请退款金额超过订单可退金额` says more than the
/// catch-all `退款请求失败` does.
fn step_documented_on(api: Api, code: Code, text: &str) -> Option<Action> {
    let mut steps = meanings_on(api)
        .filter(|&(other, _)| other != code)
        .map(|(_, meaning)| meaning)
        .filter(|m| m.is_named_by(text))
        .filter(|m| {
            !is_final(m.action()) || m.naming_texts().iter().any(|t| is_whole_message(text, t))
        })
        .map(super::Meaning::action);
    let first = steps.next()?;
    steps.all(|step| step == first).then_some(first)
}

/// Every row on `api`, with its code, in the order of `Code::ALL` and then of each code's
/// meanings. Built once: a search for the rows naming a text reads one API's few dozen rows,
/// not every row of every page.
fn meanings_on(api: Api) -> impl Iterator<Item = (Code, super::Meaning)> {
    static BY_API: LazyLock<Vec<Vec<(Code, super::Meaning)>>> = LazyLock::new(|| {
        let slots = Api::ALL.iter().map(|&a| a as usize + 1).max().unwrap_or(0);
        let mut by_api = vec![Vec::new(); slots];
        for &code in Code::ALL {
            for meaning in code.meanings() {
                if let Some(rows) = by_api.get_mut(meaning.api() as usize) {
                    rows.push((code, meaning));
                }
            }
        }
        by_api
    });
    BY_API.get(api as usize).into_iter().flatten().copied()
}

/// Whether a step stops or repeats the call without looking first.
fn is_final(step: Action) -> bool {
    matches!(step, Action::GiveUp | Action::Retry)
}

/// Whether `text` is `message` and nothing more, spaces and a closing stop aside.
fn is_whole_message(text: &str, message: &str) -> bool {
    fn trim(t: &str) -> &str {
        t.trim().trim_end_matches(['。', '.', '！', '!']).trim_end()
    }
    trim(text) == trim(message)
}

/// The step of the v2 rows (of codes other than `code`) whose documented message `text`
/// holds, where they all agree. With `api` known, only the rows of its operation count (the
/// v2 page of the same name: a v3 refund's is v2's 申请退款), since one message means different
/// things on different pages (订单不存在: a query gives up, a refund reconciles).
fn step_documented_in_v2(code: Option<Code>, api: Option<Api>, text: &str) -> Option<Action> {
    /// Every text that names a v2 row, in one automaton, with the row's code, API and step.
    struct V2Messages {
        automaton: AhoCorasick,
        rows: Vec<(Code, Api, Action)>,
    }
    static V2_MESSAGES: LazyLock<Option<V2Messages>> = LazyLock::new(|| {
        let mut texts = Vec::new();
        let mut rows = Vec::new();
        for &code in Code::ALL {
            for meaning in code.meanings().filter(|m| m.api().version() == Version::V2) {
                // An empty text would match everywhere; `is_named_by` never matches one.
                for text in meaning.naming_texts().iter().filter(|t| !t.is_empty()) {
                    texts.push(*text);
                    rows.push((code, meaning.api(), meaning.action()));
                }
            }
        }
        let automaton = AhoCorasick::new(texts).ok()?;
        Some(V2Messages { automaton, rows })
    });
    let messages = V2_MESSAGES.as_ref()?;
    if !messages.automaton.is_match(text) {
        return None;
    }
    let mut agreed = None;
    for found in messages.automaton.find_overlapping_iter(text) {
        let Some(&(named, row_api, step)) = messages.rows.get(found.pattern().as_usize()) else {
            continue;
        };
        let other_operation = api.is_some_and(|api| api.name_zh() != row_api.name_zh());
        let whole = text
            .get(found.start()..found.end())
            .is_some_and(|message| is_whole_message(text, message));
        if Some(named) == code || other_operation || (is_final(step) && !whole) {
            continue;
        }
        match agreed {
            None => agreed = Some(step),
            Some(first) if first != step => return None,
            Some(_) => {}
        }
    }
    // With the call not known, the pages that agree may not be its page (订单不存在 gives up
    // on a query, the refund page spells it 订单号不存在 and reconciles): only a step that
    // looks first or fixes the configuration is safe to take from them.
    agreed.filter(|&step| api.is_some() || matches!(step, Action::Reconcile | Action::FixConfig))
}

/// For an `INVALID_REQUEST` whose message no row of its own documents, the other code whose
/// row does ([`Code::other_code_named_by`]).
fn named_by_another_row(version: Version, code: Code, text: &str) -> Option<Code> {
    if code != Code::InvalidRequest || code.meanings().any(|m| m.is_named_by(text)) {
        return None;
    }
    code.other_code_named_by(version, text)
}

/// Whether a communication failure's text says the server, the bank or the network failed
/// (SYSTEMERROR's 系统超时, 系统异常 and 接口返回错误, BANKERROR's 银行系统异常, a busy or
/// timed-out gateway), in Chinese or in the English the v2 servers also send (`System Error`):
/// whether the call took effect is then unknown.
fn is_outcome_unknown_text(text: &str) -> bool {
    const WORDS: [&str; 21] = [
        "繁忙",
        "稍后",
        "超时",
        "系统错误",
        "系统异常",
        "内部错误",
        "服务不可用",
        "服务暂不可用",
        "网络异常",
        "银行系统异常",
        "system error",
        "systemerror",
        "system busy",
        "timed out",
        "timeout",
        "service unavailable",
        "service temporarily unavailable",
        "internal server error",
        "bad gateway",
        "gateway time-out",
        "system_error",
    ];
    // Built once; a search is one pass over the text, ASCII case aside.
    static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(WORDS)
            .ok()
    });
    // An English word counts whole: `connectTimeout参数错误` names a parameter.
    let letter = |at: Option<&u8>| at.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let bytes = text.as_bytes();
    // Most texts hold none of the words: one leftmost search says so before the overlapping
    // one reads every match.
    AUTOMATON.as_ref().is_some_and(|automaton| {
        automaton.is_match(text)
            && automaton.find_overlapping_iter(text).any(|found| {
                let ascii = bytes.get(found.start()).is_some_and(u8::is_ascii);
                let before = found.start().checked_sub(1).and_then(|i| bytes.get(i));
                !ascii || !(letter(before) || letter(bytes.get(found.end())))
            })
    })
}

/// Whether a text names the signature (签名), not only the request's `sign_type` field (签名类型).
fn names_signature(text: &str) -> bool {
    text.match_indices("签名").any(|(at, _)| {
        !text
            .get(at..)
            .is_some_and(|tail| tail.starts_with("签名类型"))
    })
}

/// Whether a text names the merchant's own ID field (`mch_id`, `MCHID`), not a sub-merchant's
/// (`sub_mch_id`).
fn names_merchant_id(text: &str) -> bool {
    text.match_indices("mch_id")
        .chain(text.match_indices("MCHID"))
        .any(|(at, _)| !text.get(..at).is_some_and(|head| head.ends_with("sub_")))
}

/// Whether a text names the app bound to the merchant (`appid`, `APPID`, `AppID`, and the
/// request fields that carry it: transfers' `mch_appid`, red packets' `wxappid`, a service
/// provider's `sp_appid`, a combined order's `combine_appid`), not a sub-merchant's
/// (`sub_appid`) nor another app a request names (red packets' `msgappid`), and not beside the
/// payer's `openid`.
fn names_merchant_appid(text: &str) -> bool {
    const MERCHANTS: [&str; 5] = ["", "mch_", "wx", "sp_", "combine_"];
    // Compared in any ASCII case, without a lower-cased copy: the body's decision allocates
    // nothing.
    let starts_of = |word: &'static [u8]| {
        let bytes = text.as_bytes();
        (0..bytes.len()).filter(move |&at| {
            bytes
                .get(at..at + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
        })
    };
    starts_of(b"openid").next().is_none()
        && starts_of(b"appid").any(|at| {
            // `at` holds an ASCII letter, so it is a character boundary.
            let head = text.get(..at).unwrap_or_default();
            let word_start = head
                .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
                .len();
            head.get(word_start..).is_some_and(|prefix| {
                MERCHANTS
                    .iter()
                    .any(|merchant| prefix.eq_ignore_ascii_case(merchant))
            })
        })
}

/// Whether a parameter error says that the merchant's own IDs do not match or are not bound
/// (`商户号与商户appid不匹配`, `商户号和appid没有绑定关系`): APPID_MCHID_NOT_MATCH's condition,
/// fixed where that row says, in the accounts' configuration. The communication layer's
/// failures get the same reading (see `V2Response::decide`). A validator's `输入源“…”` names a
/// field of the request instead, and a sub-merchant's IDs or the payer's openid are the
/// request's (see [`names_merchant_id`] and [`names_merchant_appid`]).
fn names_unmatched_merchant_ids(text: &str) -> bool {
    ["不匹配", "未绑定", "没有绑定"]
        .iter()
        .any(|word| contains_str(text, word))
        && !contains_str(text, "输入源“")
        && (contains_str(text, "商户号") || names_merchant_id(text) || names_merchant_appid(text))
}

/// Whether a balance text names the merchant's own account (退款 pages: `商户账户余额不足`,
/// `基本账户余额不足`, `商户可用退款余额不足`), not the payer's (`用户账号余额不足`).
fn names_merchant_account(text: &str) -> bool {
    // 未结算资金 is the refund page's default funding source (`refund_account`:
    // REFUND_SOURCE_UNSETTLED_FUNDS), the merchant's, and 退款资金 the money a refund draws on;
    // a payer has neither.
    [
        "商户",
        "基本账户",
        "运营账户",
        "退款余额",
        "未结算资金",
        "退款资金",
    ]
    .iter()
    .any(|word| contains_str(text, word))
}

/// The common status table's step for a code the catalog does not know, for the statuses
/// whose meaning no code changes: 202 and 405 (rows of their own), 401 (every 401 is a
/// signature failure), 429 and 5xx. A 400, 403 or 404 covers codes with different steps, so
/// it decides nothing alone.
fn status_action(status: Option<u16>, call: CallKind) -> Option<Action> {
    let status = status?;
    let own_row = super::status_meanings().find(|m| m.http_status().parse() == Ok(status));
    if let Some(row) = own_row {
        return Some(row.action());
    }
    match status {
        500..=599 => Some(match call {
            CallKind::MovesMoney => Action::Reconcile,
            _ => Action::Retry,
        }),
        429 => Some(Action::Backoff),
        // A 401 that kept no body names no message and no request: the SDKs log it so mostly
        // from their own certificate download (`Auto update cert failed, statusCode = 401`,
        // `下载平台证书返回状态码异常`), which only the merchant's settings went into.
        401 => Some(Action::FixConfig),
        _ => None,
    }
}

fn status_outcome(status: Option<u16>) -> Option<Outcome> {
    match status? {
        202 | 500..=599 => Some(Outcome::Unknown),
        _ => None,
    }
}

/// The path a validator message names: `输入源“/body/amount/total”映射到…`.
fn field_in_message(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once("输入源“")?;
    let (path, _) = rest.split_once('”')?;
    Some(path)
}

// Reading: the serde side, in its own file.
mod wire;

/// A WeChat Pay answer of either version, as [`decode`](crate::decode) finds it: the view the
/// two share.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Answer<'a> {
    /// An APIv3 error body.
    V3(Response<'a>),
    /// A v2 answer.
    V2(V2Response<'a>),
    /// An APIv3 answer the merchant's SDK received and then refused (see [`Unverified`]).
    Unverified(Unverified<'a>),
}

/// An APIv3 answer the merchant's SDK received but could not verify: its signature did not
/// verify, or the SDK had no key for its serial, so the SDK threw instead of returning it. WeChat Pay
/// answered with 2xx, so the call was accepted: on a call that moves money the money may have
/// moved (public threads show refunds that went through behind exactly this exception), and
/// the step is to query the order or refund, never to pay or refund again. On any other call
/// the step is the SDK's configuration: the threads' cause is the platform certificate or
/// public key (a merchant certificate configured in its place, a serial the SDK cannot find).
///
/// Read from the SDKs' own words ([`Answer::from_sdk_text`]: the official SDKs', WxJava's and
/// gopay's), each naming the response it refuses: wechatpay-java's `Validate response failed,the WechatPay signature is
/// incorrect.` and `Validate http response,timestamp[…]`, wechatpay-apache-httpclient's (and
/// WxJava's) `应答的微信支付签名验证失败`, wechatpay-php's `Verify the response's data with:
/// timestamp=…`, gopay's `auto verify sign, but public key not found`. wechatpay-go's `validate
/// verify fail` is not read: its notification validator returns the same words for a callback,
/// which is no call of the merchant's.
///
/// ```
/// use minierr::wx::pay::{Answer, Api, CallKind};
/// use minierr::Action;
/// let line = "RefundService.create: Validate response failed,the WechatPay signature is incorrect.";
/// let Some(answer @ Answer::Unverified(_)) = Answer::from_sdk_text(line) else { panic!() };
/// assert_eq!(answer.action(Some(Api::V3Refund), CallKind::MovesMoney), Some(Action::Reconcile));
/// assert_eq!(answer.action(Some(Api::V3QueryRefund), CallKind::Idempotent), Some(Action::FixConfig));
/// // With the call unknown, it may have moved money.
/// assert_eq!(answer.action(None, CallKind::MovesMoney), Some(Action::Reconcile));
/// assert_eq!(answer.code(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unverified<'a> {
    text: Cow<'a, str>,
}

impl<'a> Unverified<'a> {
    /// A refusal holding the SDK's words (as [`Answer::from_sdk_text`] keeps them: from the
    /// marker to the end of the line).
    ///
    /// ```
    /// use minierr::wx::pay::Unverified;
    /// assert_eq!(Unverified::new("应答的微信支付签名验证失败").text(), "应答的微信支付签名验证失败");
    /// ```
    #[must_use]
    pub fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Unverified { text: text.into() }
    }

    /// The SDK's words, as read.
    ///
    /// ```
    /// use minierr::wx::pay::Unverified;
    /// let refusal = Unverified::new("Validate response failed,the WechatPay signature is incorrect.");
    /// assert!(refusal.text().starts_with("Validate response failed"));
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The next step for a call of kind `call` to `api`: [`Action::Reconcile`] where the call
    /// may have moved money, else [`Action::FixConfig`]. If the caller names no API, the API
    /// the refused body names is used ([`Unverified::answered_api`]).
    /// One method, as [`Answer::action`], since a refusal always has a step (where a body's
    /// `action(call)` and `action_for(api)` may have none).
    ///
    /// ```
    /// use minierr::wx::pay::{Api, CallKind, Unverified};
    /// use minierr::Action;
    /// let refusal = Unverified::new("应答的微信支付签名验证失败");
    /// assert_eq!(refusal.action(None, CallKind::MovesMoney), Action::Reconcile);
    /// assert_eq!(refusal.action(None, CallKind::Idempotent), Action::FixConfig);
    /// assert_eq!(refusal.action(Some(Api::V3Refund), CallKind::Idempotent), Action::Reconcile);
    /// ```
    #[must_use]
    pub fn action(&self, api: Option<Api>, call: CallKind) -> Action {
        if may_move_money(api.or_else(|| self.answered_api()), call) {
            Action::Reconcile
        } else {
            Action::FixConfig
        }
    }

    /// The API whose answer was refused, where the body the SDK prints says so: the platform
    /// certificate list (`{"data":[{…,"encrypt_certificate":{…`), which no other answer
    /// carries, names the certificate download, a call wechatpay-java's client makes on its own
    /// and which moves no money. `None` otherwise, including for an order's `trade_state`,
    /// which the codepay (付款码) answer carries as well as the query's.
    ///
    /// wechatpay-java prints up to 1,024 characters of the body (`responseBody[%.1024s]`) on
    /// the line after the exception's first sentence, so the body is read only where the log
    /// keeps both on one line, as a JSON log does, with the newline and the body's quotes
    /// escaped (both forms are read). [`Unverified::action`] uses it when the caller names no
    /// API.
    ///
    /// ```
    /// use minierr::wx::pay::{Api, CallKind, Unverified};
    /// use minierr::Action;
    /// // As a JSON log's message string holds it.
    /// let refusal = Unverified::new(r#"Validate response failed,the WechatPay signature is incorrect.\nRequest-ID[08F7]\tresponseHeader[{}]\tresponseBody[{\"data\":[{\"effective_time\":\"2024-01-01T00:00:00+08:00\",\"encrypt_certificate\":{\"algorithm\":\"AEAD_AES_256_GCM\""#);
    /// assert_eq!(refusal.answered_api(), Some(Api::V3Certificates));
    /// // The download moved no money: the platform certificate or public key is the fix.
    /// assert_eq!(refusal.action(None, CallKind::MovesMoney), Action::FixConfig);
    /// // A refund's answer names no read-only API: reconcile.
    /// let refusal = Unverified::new(r#"Validate response failed,the WechatPay signature is incorrect.\nresponseBody[{"refund_id":"50300","status":"PROCESSING"}]"#);
    /// assert_eq!(refusal.answered_api(), None);
    /// assert_eq!(refusal.action(None, CallKind::MovesMoney), Action::Reconcile);
    /// ```
    #[must_use]
    pub fn answered_api(&self) -> Option<Api> {
        // (the body's start, the key) as printed, and with the quotes escaped.
        const CERTIFICATE_LIST: [(&str, &str); 2] = [
            ("{\"data\":[", "\"encrypt_certificate\":{"),
            ("{\\\"data\\\":[", "\\\"encrypt_certificate\\\":{"),
        ];
        let (_, body) = self.text.split_once("responseBody[")?;
        CERTIFICATE_LIST
            .iter()
            .any(|(start, key)| body.starts_with(start) && body.contains(key))
            .then_some(Api::V3Certificates)
    }

    /// The same refusal with an owned text.
    ///
    /// ```
    /// use minierr::wx::pay::Unverified;
    /// let line = String::from("应答的微信支付签名验证失败");
    /// let refusal = Unverified::new(line.as_str()).into_owned();
    /// drop(line);
    /// assert_eq!(refusal.text(), "应答的微信支付签名验证失败");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Unverified<'static> {
        Unverified {
            text: Cow::Owned(self.text.into_owned()),
        }
    }
}

impl<'a> Answer<'a> {
    /// The API the answer itself names, for a caller that named none: a `SIGN_ERROR` body's
    /// signed request ([`Response::signed_api`]) or a v2 answer's own fields
    /// ([`V2Response::answered_api`]). A refused answer's body is read by
    /// [`Unverified::action`] instead.
    pub(crate) fn named_api(&self) -> Option<Api> {
        match self {
            Answer::V3(response) => response.signed_api(),
            Answer::V2(response) => response.answered_api(),
            Answer::Unverified(_) => None,
        }
    }

    /// APIv3 or v2.
    #[must_use]
    pub const fn version(&self) -> Version {
        match self {
            Answer::V3(_) | Answer::Unverified(_) => Version::V3,
            Answer::V2(_) => Version::V2,
        }
    }

    /// The code as sent: v3's `code`, v2's `err_code`; `None` for a v2 answer without one and
    /// for a v3 answer whose code is empty, as is a failure known only by its HTTP status (a
    /// log line that kept no body).
    ///
    /// ```
    /// use minierr::wx::pay::{Answer, Response};
    /// let paid = Answer::V3(Response::new("ORDERPAID", "该订单已支付"));
    /// assert_eq!(paid.code().map(|code| code.raw()), Some("ORDERPAID"));
    /// assert_eq!(Answer::V3(Response::new("", "").with_status(502)).code(), None);
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&AnyCode<'a>> {
        match self {
            Answer::V3(response) if response.code().raw().is_empty() => None,
            Answer::V3(response) => Some(response.code()),
            Answer::V2(response) => response.err_code(),
            Answer::Unverified(_) => None,
        }
    }

    /// The text: v3's `message`; v2's `err_code_des`, or `return_msg` when the communication
    /// layer failed.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        match self {
            Answer::V3(response) => Some(response.message()).filter(|m| !m.is_empty()),
            // Profit-sharing returns send `error_msg` (read as err_code_des) under a FAIL with no
            // return_msg.
            Answer::V2(response) if response.is_communication_failure() => {
                response.return_msg().or(response.err_code_des())
            }
            Answer::V2(response) => response.err_code_des().or(response.return_msg()),
            Answer::Unverified(refusal) => Some(refusal.text()),
        }
    }

    /// The next step on `api`, or with the API unknown, for a call of kind `call`.
    #[must_use]
    pub fn action(&self, api: Option<Api>, call: CallKind) -> Option<Action> {
        match (self, api) {
            (Answer::V3(response), Some(api)) => response.action_for(api),
            (Answer::V3(response), None) => response.action(call),
            (Answer::V2(response), Some(api)) => response.action_for(api),
            (Answer::V2(response), None) => response.action(call),
            (Answer::Unverified(refusal), api) => Some(refusal.action(api, call)),
        }
    }

    /// The code's meaning on `api`; with the API unknown, the first meaning of the answer's
    /// version whose step is the one decided (so the text shown agrees with the step), else the
    /// version's first.
    #[must_use]
    pub fn meaning(&self, api: Option<Api>, call: CallKind) -> Option<super::Meaning> {
        let code = self.code()?.known()?;
        let text = self.message().unwrap_or_default();
        if let Some(api) = api.or_else(|| self.named_api()) {
            // An API whose page lists no such code (a certificate download's SIGN_ERROR) is
            // described by the row its text names, else by the common table's row.
            // (Only SIGN_ERROR's: its rows share one meaning, where another code's row from
            // another page could describe a step not taken.)
            let version = self.version();
            let signature = code == super::Code::SignError;
            return code.meaning_matching(api, text).or_else(|| {
                code.meanings()
                    .filter(|m| signature && m.api().version() == version)
                    .find(|m| m.is_named_by(text))
                    .or_else(|| {
                        code.meaning_on(Api::V3Common)
                            .filter(|_| signature && version == Version::V3)
                    })
            });
        }
        let version = self.version();
        if let Some(named) = named_by_another_row(version, code, text) {
            // The step is the named code's; so is the text that explains it.
            return named
                .meanings()
                .filter(|m| m.api().version() == version)
                .find(|m| m.is_named_by(text));
        }
        let decided = self.action(None, call);
        let same_version = || {
            code.meanings()
                .filter(move |m| m.api().version() == version)
        };
        if let Some(named) = code
            .row_named_by(version, text)
            .filter(|m| Some(m.action()) == decided)
        {
            return Some(named);
        }
        // Of the rows with the decided step, the one whose message the text gives (`系统错误`,
        // not another page's `系统超时`); else a row of any step whose message the text gives
        // (`签名错误，请检查商户私钥` is described as 签名错误, not as another page's
        // 商户证书序列号有误); else the first.
        let with_step = || same_version().filter(|m| Some(m.action()) == decided);
        // (Only SIGN_ERROR's rows differ so in what they describe; other codes' rows of another
        // step would describe a step not taken, a retry where the step is to reconcile.)
        with_step()
            .find(|m| m.is_named_by(text))
            .or_else(|| {
                (code == super::Code::SignError)
                    .then(|| same_version().find(|m| m.is_named_by(text)))
                    .flatten()
            })
            .or_else(|| with_step().next())
            .or_else(|| same_version().next())
            .or_else(|| code.meanings().next())
    }

    /// The same answer with owned strings.
    #[must_use]
    pub fn into_owned(self) -> Answer<'static> {
        match self {
            Answer::V3(response) => Answer::V3(response.into_owned()),
            Answer::V2(response) => Answer::V2(response.into_owned()),
            Answer::Unverified(refusal) => Answer::Unverified(refusal.into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CallKind, Code, Version, decide, decide_by_rules};

    /// `decide` answers a row's documented message with the row's step before any rule reads
    /// the text. That shortcut is only sound while every rule agrees, for every row, with every
    /// call kind a caller may pass, whatever spaces surround the message; and `decide` must give
    /// what the rules alone give for every row, the common table's included, which the
    /// shortcut leaves to them.
    #[test]
    fn the_rules_read_every_documented_message_as_its_row() {
        let mut checked = 0;
        let mut disagree = Vec::new();
        for &code in Code::ALL {
            for meaning in code.meanings() {
                let api = meaning.api();
                let message = meaning.message_zh();
                for text in [message.to_owned(), format!("  {message}\n")] {
                    for call in [CallKind::MovesMoney, CallKind::Idempotent] {
                        // A body of either version: the API's own, and the other one, which a
                        // caller may pass by mistake and only the rules read.
                        for version in [Version::V2, Version::V3] {
                            let by_rules =
                                decide_by_rules(version, Some(code), None, &text, Some(api), call);
                            let decided = decide(version, Some(code), None, &text, Some(api), call);
                            checked += 1;
                            if decided != by_rules {
                                disagree.push(format!(
                                    "{code:?} on {api:?} ({call:?}, {version:?}) {text:?}: decide {decided:?}, rules {by_rules:?}"
                                ));
                            }
                        }
                        // Where the shortcut answers, it answers with this row's step (or a row
                        // of the same code and API worded the same).
                        if api.call_kind().is_some() && !message.trim().is_empty() {
                            let by_rules = decide_by_rules(
                                api.version(),
                                Some(code),
                                None,
                                &text,
                                Some(api),
                                call,
                            );
                            let worded = code.row_worded_as(api, &text).map(|row| row.action());
                            if worded.is_none() || by_rules != worded {
                                disagree.push(format!(
                                    "{code:?} on {api:?} ({call:?}) {text:?}: row {worded:?}, rules {by_rules:?}"
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 300, "only {checked} rows were checked");
        assert!(disagree.is_empty(), "{}", disagree.join("\n"));
    }
}
