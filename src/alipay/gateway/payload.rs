//! [`Response`]: a gateway answer in any of the shapes real logs show, and the text forms of the
//! browser error page and SDK exceptions.

use std::borrow::Cow;
use std::fmt;

use super::generated::method_moves_money;
use super::{AnySubCode, Code, SubCode};
use crate::alipay::ErrorValue;
use crate::alipay_plus::CallKind;
use crate::{Action, RetryHint};

/// A gateway answer: the public `code` and `msg`, and on failure `sub_code` and `sub_msg`, with
/// the API method when the `<method>_response` wrapper names it. Strings borrow from the input
/// where it has no escapes; business fields echoed on failure and `sign` are ignored.
///
/// ```
/// # #[cfg(feature = "json")] {
/// use minierr::alipay::gateway::{Code, Response, SubCode};
/// use minierr::alipay_plus::CallKind;
/// use minierr::Action;
///
/// // An SDK that camel-cases the fields, with the code as a string.
/// let r = Response::from_json_str(r#"{"code":"40002","msg":"Invalid Arguments","subCode":"isv.app-cert-not-exist","subMsg":"应用公钥证书不存在"}"#)?;
/// assert_eq!(r.public_code(), Some(Code::InvalidArguments));
/// assert_eq!(r.sub_code().map(|s| s.raw().to_owned()), Some("isv.app-cert-not-exist".to_owned()));
/// assert_eq!(r.resolved_sub_code(), Some(SubCode::IsvAppCertNotExist));
/// assert_eq!(r.action(CallKind::Idempotent), Some(Action::FixConfig));
///
/// // A sub_code the tables do not hold: its text is kept, and the public code gives the class.
/// let r = Response::from_json_str(r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.some-newer-check","sub_msg":"新的校验"}"#)?;
/// assert_eq!(r.resolved_sub_code(), None);
/// assert_eq!(r.sub_code().map(|s| s.raw().to_owned()), Some("isv.some-newer-check".to_owned()));
/// assert_eq!(r.action(CallKind::Idempotent), Some(Action::FixRequest));
///
/// // A transfer whose outcome is unknown: query it, never send it twice.
/// let r = Response::from_json_str(r#"{"alipay_fund_trans_uni_transfer_response":{"code":"40004","msg":"Business Failed","sub_code":"SYSTEM_ERROR","sub_msg":"系统繁忙"}}"#)?;
/// assert_eq!(r.action(CallKind::Idempotent), Some(Action::Reconcile));
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Response<'a> {
    pub(crate) method_key: Option<Cow<'a, str>>,
    pub(crate) code: Option<ErrorValue<'a>>,
    pub(crate) msg: Option<Cow<'a, str>>,
    pub(crate) sub_code: Option<Cow<'a, str>>,
    pub(crate) sub_msg: Option<Cow<'a, str>>,
    pub(crate) fund_change: Option<Cow<'a, str>>,
}

/// What the gateway's `unknown-sub-code` puts before the real code in `sub_msg`.
const UNKNOWN_CODE_PREFIX: &str = "未知的错误码";

impl<'a> Response<'a> {
    /// A bare answer from its parts.
    #[must_use]
    pub fn new(
        code: Option<ErrorValue<'a>>,
        msg: Option<Cow<'a, str>>,
        sub_code: Option<Cow<'a, str>>,
        sub_msg: Option<Cow<'a, str>>,
    ) -> Self {
        Response {
            code,
            msg,
            sub_code,
            sub_msg,
            ..Response::default()
        }
    }

    /// The wrapper key as sent (`alipay_trade_query_response`, `error_response`), if any.
    #[must_use]
    pub fn method_key(&self) -> Option<&str> {
        self.method_key.as_deref()
    }

    /// The API method the wrapper names, dotted (`alipay.trade.query`); `None` for
    /// `error_response` and bare answers.
    #[must_use]
    pub fn method(&self) -> Option<String> {
        let key = self.method_key.as_deref()?.strip_suffix("_response")?;
        (key != "error").then(|| key.replace('_', "."))
    }

    /// Whether the wrapper names `method` (`alipay.trade.refund`), without building the name.
    ///
    /// ```
    /// let r = minierr::alipay::gateway::Response::from_json_str(r#"{"alipay_trade_refund_response":{"code":"10000","msg":"Success"}}"#)?;
    /// assert!(r.is_method("alipay.trade.refund"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn is_method(&self, method: &str) -> bool {
        self.method_stem()
            .is_some_and(|stem| super::code::same_method(stem, method))
    }

    /// `code` exactly as sent (a string, or a number from some SDKs).
    #[must_use]
    pub fn code(&self) -> Option<&ErrorValue<'a>> {
        self.code.as_ref()
    }

    /// The public code, if the tables list it.
    #[must_use]
    pub fn public_code(&self) -> Option<Code> {
        match self.code.as_ref()? {
            ErrorValue::Text(text) => Code::from_code(text),
            ErrorValue::Number(n) => {
                Code::all().find(|c| c.code().parse::<i64>().is_ok_and(|v| v == *n))
            }
        }
    }

    /// `msg` as sent.
    #[must_use]
    pub fn msg(&self) -> Option<&str> {
        self.msg.as_deref()
    }

    /// `sub_code` as sent, with the table's sub_code when it (or a prefix variant) is one.
    #[must_use]
    pub fn sub_code(&self) -> Option<AnySubCode<'_>> {
        self.sub_code.as_deref().map(AnySubCode::new)
    }

    /// `sub_code` as sent, as text.
    #[must_use]
    pub fn sub_code_sent(&self) -> Option<&str> {
        self.sub_code.as_deref()
    }

    /// `sub_msg` as sent.
    #[must_use]
    pub fn sub_msg(&self) -> Option<&str> {
        self.sub_msg.as_deref()
    }

    /// `fund_change` as sent (refunds: `Y` when money moved).
    #[must_use]
    pub fn fund_change(&self) -> Option<&str> {
        self.fund_change.as_deref()
    }

    /// The table's sub_code: the one sent (or a documented prefix variant of it), or for
    /// `unknown-sub-code` the code the gateway put in `sub_msg` after 未知的错误码.
    ///
    /// ```
    /// use minierr::alipay::gateway::{Response, SubCode};
    /// let r = Response::new(None, None, Some("unknown-sub-code".into()), Some("未知的错误码isv.invalid-signature".into()));
    /// assert_eq!(r.resolved_sub_code(), Some(SubCode::IsvInvalidSignature));
    /// ```
    #[must_use]
    pub fn resolved_sub_code(&self) -> Option<SubCode> {
        let sent = SubCode::find(self.sub_code.as_deref()?)?.sub_code();
        if sent != SubCode::UnknownSubCode {
            return Some(sent);
        }
        let inner = self.sub_msg.as_deref()?.trim();
        let inner = inner.strip_prefix(UNKNOWN_CODE_PREFIX).unwrap_or(inner);
        Some(SubCode::find(inner).map_or(sent, |m| m.sub_code()))
    }

    /// Whether the call succeeded as far as the gateway says: code `10000`.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.public_code() == Some(Code::Success)
    }

    /// Whether the call moves money: from the method the wrapper names where the tables know
    /// it, else from `call`.
    fn moves_money(&self, call: CallKind) -> bool {
        let known = self
            .method_key
            .as_deref()
            .and_then(|k| k.strip_suffix("_response"))
            .and_then(|key| {
                let mut buf = [0u8; 96];
                let slot = buf.get_mut(..key.len())?;
                for (b, k) in slot.iter_mut().zip(key.bytes()) {
                    *b = if k == b'_' { b'.' } else { k };
                }
                method_moves_money(std::str::from_utf8(slot).ok()?)
            });
        known.unwrap_or(call == CallKind::MovesMoney)
    }

    /// The method as the wrapper key spells it (`alipay_trade_refund`), without building the
    /// dotted name; `None` for `error_response` and bare answers.
    pub(crate) fn method_stem(&self) -> Option<&str> {
        self.method_key
            .as_deref()?
            .strip_suffix("_response")
            .filter(|stem| *stem != "error")
    }

    /// The sub_code's reading on this response's API.
    pub(crate) fn meaning(&self) -> Option<super::Meaning> {
        let sub_code = self.resolved_sub_code()?;
        Some(sub_code.meaning_for(self.method_stem().unwrap_or("")))
    }

    /// What to do next. A system error leaves the outcome unknown: on a call that moves money
    /// (the wrapper's method, or `call` when the response names none) that is
    /// [`Action::Reconcile`], elsewhere [`Action::Retry`]. `10003` waits for the buyer and a
    /// refund without `fund_change` `Y` has moved no money yet: both reconcile. `None` when
    /// neither the code nor the sub_code is known, and when the code is `40004` (Business
    /// Failed) without a sub_code the catalog knows: 40004 is only the envelope of every API's
    /// business error, whose sub_code decides.
    ///
    /// ```
    /// use minierr::alipay::gateway::Response;
    /// use minierr::alipay_plus::CallKind;
    /// use minierr::Action;
    ///
    /// let busy = Response::from_json_str(r#"{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error","sub_msg":"系统繁忙"}"#)?;
    /// assert_eq!(busy.action(CallKind::Idempotent), Some(Action::Retry));
    /// assert_eq!(busy.action(CallKind::MovesMoney), Some(Action::Reconcile));
    ///
    /// let refund = Response::from_json_str(r#"{"alipay_trade_refund_response":{"code":"10000","msg":"Success","fund_change":"N"}}"#)?;
    /// assert_eq!(refund.action(CallKind::Idempotent), Some(Action::Reconcile));
    ///
    /// let new_code = Response::from_json_str(r#"{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SOMETHING_NEW","sub_msg":"新的错误"}"#)?;
    /// assert_eq!(new_code.action(CallKind::Idempotent), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn action(&self, call: CallKind) -> Option<Action> {
        let code = self.public_code();
        match code {
            Some(Code::Success) => {
                let refund_pending = self
                    .method_key
                    .as_deref()
                    .is_some_and(|k| k.ends_with("_refund_response") && !k.contains("query"))
                    && self.fund_change.as_deref() != Some("Y");
                return Some(if refund_pending {
                    Action::Reconcile
                } else {
                    Action::Success
                });
            }
            Some(Code::WaitingForBuyer) => return Some(Action::Reconcile),
            _ => {}
        }
        let meaning = self.meaning();
        let unknown_outcome = match meaning {
            Some(m) => m.outcome_unknown(),
            None => code == Some(Code::ServiceCurrentlyUnavailable),
        };
        if unknown_outcome {
            return Some(if self.moves_money(call) {
                Action::Reconcile
            } else {
                Action::Retry
            });
        }
        meaning.map(super::Meaning::action).or_else(|| {
            code.filter(|&code| code != Code::BusinessFailed)
                .map(Code::action)
        })
    }

    /// The soonest moment a retry can succeed, where the tables say so.
    #[must_use]
    pub fn retry_hint(&self) -> Option<RetryHint> {
        self.meaning()
            .and_then(super::Meaning::retry_hint)
            .or_else(|| self.public_code().and_then(Code::retry_hint))
    }

    /// Reads the text forms a gateway failure takes outside JSON, or `None`:
    ///
    /// - the browser error page of page and wap payments:
    ///   `错误代码 invalid-signature 错误原因: 验签出错…` (the sub_code without `isv.`);
    /// - an SDK's exception text, the public `msg`, ` - ` and the sub_code:
    ///   `Get Alipay API Error:Business Failed - ACQ.INVALID_PARAMETER`;
    /// - the public `msg`, a sub_code the tables know and the `sub_msg`, joined by ` , `, as
    ///   the official Java SDK's demo prints them: `Invalid Arguments  , invalid-signature  ,
    ///   验签出错…` (alipay/alipay-sdk-java-all#30).
    ///
    /// ```
    /// use minierr::alipay::gateway::{Code, Response, SubCode};
    /// let page = Response::from_text("调试错误，请回到请求来源地，重新发起请求。 错误代码 invalid-signature 错误原因: 验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配").unwrap();
    /// assert_eq!(page.resolved_sub_code(), Some(SubCode::IsvInvalidSignature));
    /// assert!(page.sub_msg().unwrap().starts_with("验签出错"));
    ///
    /// let sdk = Response::from_text("ERROR_GATEWAY: Get Alipay API Error:Business Failed - INVALID_PARAMETER").unwrap();
    /// assert_eq!(sdk.public_code(), Some(Code::BusinessFailed));
    /// assert_eq!(sdk.resolved_sub_code(), Some(SubCode::InvalidParameter));
    /// let joined = Response::from_text("错误信息: Invalid Arguments  , invalid-signature  , 验签出错").unwrap();
    /// assert_eq!(joined.resolved_sub_code(), Some(SubCode::IsvInvalidSignature));
    /// assert_eq!(joined.sub_msg(), Some("验签出错"));
    /// assert!(Response::from_text("Invalid Arguments , name").is_none());
    /// assert!(Response::from_text("nothing to see").is_none());
    /// // A number is no sub_code: WeChat's `40029 invalid code` in a Chinese log line.
    /// assert!(Response::from_text("小程序微信登录失败 错误代码 40029 invalid code").is_none());
    /// // Nor is a full-width colon the page's: the WeChat SDKs' labels.
    /// assert!(Response::from_text("微信请求发生错误！错误代码：42001，说明：access_token expired").is_none());
    /// ```
    #[must_use]
    pub fn from_text(text: &'a str) -> Option<Response<'a>> {
        if let Some((_, rest)) = crate::normalize::split_once_str(text, "错误代码") {
            // The page puts a space between the words and the sub_code; the WeChat SDKs'
            // `错误代码：42001，说明：access_token expired` a full-width colon.
            if !rest.starts_with(char::is_whitespace) {
                return None;
            }
            let rest = rest.trim_start();
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (sub_code, after) = rest.split_at(end);
            let reason = after
                .trim_start()
                .strip_prefix("错误原因")
                .map(|r| r.trim_start_matches([':', '：']).trim());
            // The page names a sub_code (`invalid-signature`, `isv.invalid-app-id`); a number
            // after the words is another platform's code in Chinese text (`错误代码 40029
            // invalid code` is WeChat's), not the gateway's.
            let sub_code_shaped = SubCode::find(sub_code).is_some()
                || (sub_code.contains(['-', '.', '_'])
                    && sub_code.bytes().any(|b| b.is_ascii_alphabetic()));
            return sub_code_shaped.then(|| Response {
                sub_code: Some(Cow::Borrowed(sub_code)),
                sub_msg: reason.map(Cow::Borrowed),
                ..Response::default()
            });
        }
        // `<public msg> - <sub_code>`, the public msg being one of the table's; or the three
        // parts joined by ` , ` (`Invalid Arguments  , invalid-signature  , 验签出错…`), where
        // the sub_code must be one the tables know.
        let dash = crate::normalize::find_str(text, " - ").is_some();
        if !dash && crate::normalize::find_str(text, " , ").is_none() {
            return None;
        }
        Code::all()
            .filter(|c| !c.msg().is_empty())
            .find_map(|code| {
                let at = crate::normalize::find_str(text, code.msg())?;
                let after = text.get(at + code.msg().len()..)?;
                if let Some(after) = after.strip_prefix(" - ") {
                    let sub_code = after.split_whitespace().next()?;
                    return Some(Response {
                        code: Some(ErrorValue::Text(Cow::Borrowed(code.code()))),
                        msg: Some(Cow::Borrowed(code.msg())),
                        sub_code: Some(Cow::Borrowed(sub_code)),
                        ..Response::default()
                    });
                }
                let mut parts = after.trim_start().strip_prefix(',')?.splitn(2, ',');
                let sub_code = parts.next()?.trim();
                SubCode::find(sub_code)?;
                let sub_msg = parts.next().map(str::trim).filter(|m| !m.is_empty());
                Some(Response {
                    code: Some(ErrorValue::Text(Cow::Borrowed(code.code()))),
                    msg: Some(Cow::Borrowed(code.msg())),
                    sub_code: Some(Cow::Borrowed(sub_code)),
                    sub_msg: sub_msg.map(Cow::Borrowed),
                    ..Response::default()
                })
            })
    }

    /// Decodes an answer from JSON text: `serde_json::from_str`.
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Response::from_json_str`] for bytes, which must be UTF-8.
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The same answer with owned strings.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        let own = |c: Option<Cow<'a, str>>| c.map(|c| Cow::Owned(c.into_owned()));
        Response {
            method_key: own(self.method_key),
            code: self.code.map(ErrorValue::into_owned),
            msg: own(self.msg),
            sub_code: own(self.sub_code),
            sub_msg: own(self.sub_msg),
            fund_change: own(self.fund_change),
        }
    }
}

impl fmt::Display for Response<'_> {
    /// `alipay_trade_query_response: 40004 Business Failed, ACQ.TRADE_NOT_EXIST 交易不存在`,
    /// as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(key) = &self.method_key {
            write!(f, "{key}: ")?;
        }
        match &self.code {
            Some(code) => write!(f, "{code}")?,
            None => f.write_str("-")?,
        }
        if let Some(msg) = &self.msg {
            write!(f, " {msg}")?;
        }
        if let Some(sub_code) = &self.sub_code {
            write!(f, ", {sub_code}")?;
        }
        if let Some(sub_msg) = &self.sub_msg {
            write!(f, " {sub_msg}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Response<'_> {}

#[cfg(feature = "serde")]
mod serde_impls {
    use std::borrow::Cow;
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{DeserializeSeed, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::Response;
    use crate::alipay::ErrorValue;
    use crate::text::{TextSeed, vacant};

    impl Serialize for Response<'_> {
        /// The answer as a bare object, with the fields that came.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(None)?;
            if let Some(code) = &self.code {
                map.serialize_entry("code", code)?;
            }
            for (key, value) in [
                ("msg", &self.msg),
                ("sub_code", &self.sub_code),
                ("sub_msg", &self.sub_msg),
                ("fund_change", &self.fund_change),
            ] {
                if let Some(value) = value {
                    map.serialize_entry(key, value)?;
                }
            }
            map.end()
        }
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let mut response = Response::default();
            deserializer.deserialize_map(Fields {
                response: &mut response,
                top: true,
                lifetime: PhantomData,
            })?;
            Ok(response)
        }
    }

    /// Reads an object's fields into `response`; at the top level a `*_response` object is
    /// read the same way, and its key kept.
    struct Fields<'r, 'a> {
        response: &'r mut Response<'a>,
        top: bool,
        lifetime: PhantomData<&'a ()>,
    }

    impl<'de: 'a, 'a> DeserializeSeed<'de> for Fields<'_, 'a> {
        type Value = ();

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
            deserializer.deserialize_map(self)
        }
    }

    impl<'de: 'a, 'a> Visitor<'de> for Fields<'_, 'a> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(
                "an Alipay gateway answer such as {\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"...\"}",
            )
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let r = self.response;
            let text = |what| TextSeed::nullable(what);
            let mut raw_wrapper = None;
            while let Some(key) = map.next_key_seed(TextSeed::required("a key"))? {
                let key: Cow<'a, str> = key.unwrap_or_default();
                match key.as_ref() {
                    "code" => {
                        vacant(&r.code, "code")?;
                        r.code = map.next_value::<Option<ErrorValue<'a>>>()?;
                    }
                    "msg" => {
                        vacant(&r.msg, "msg")?;
                        r.msg = map.next_value_seed(text("msg as a string"))?;
                    }
                    "sub_code" | "subCode" => {
                        vacant(&r.sub_code, "sub_code")?;
                        r.sub_code = map.next_value_seed(text("sub_code as a string"))?;
                    }
                    "sub_msg" | "subMsg" => {
                        vacant(&r.sub_msg, "sub_msg")?;
                        r.sub_msg = map.next_value_seed(text("sub_msg as a string"))?;
                    }
                    "fund_change" | "fundChange" => {
                        vacant(&r.fund_change, "fund_change")?;
                        r.fund_change = map.next_value_seed(text("fund_change as a string"))?;
                    }
                    // Alipay's Easy SDK keeps the answer as sent beside its own camel-cased
                    // fields (`httpBody`, 响应原始字符串): its wrapper names the method.
                    "httpBody" if self.top => {
                        // Any other value is another SDK's field of that name: skipped.
                        let body = map.next_value::<crate::text::LooseText<'a>>()?;
                        raw_wrapper = body.0.as_deref().and_then(wrapper_in);
                    }
                    wrapper if self.top && wrapper.ends_with("_response") => {
                        vacant(&r.method_key, "a *_response wrapper")?;
                        map.next_value_seed(Fields {
                            response: &mut *r,
                            top: false,
                            lifetime: PhantomData,
                        })?;
                        r.method_key = Some(key);
                    }
                    _ => {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
            }
            if r.method_key.is_none() {
                r.method_key = raw_wrapper.map(Cow::Owned);
            }
            Ok(())
        }
    }

    /// The first `*_response` wrapper key of an answer's raw text, as the method's stem.
    fn wrapper_in(body: &str) -> Option<String> {
        let end = crate::normalize::find_str(body, "_response\"")?;
        let start = body.get(..end)?.rfind('"')? + 1;
        let key = body.get(start..end + "_response".len())?;
        key.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            .then(|| key.to_owned())
    }
}
