//! Which platform's fields an object has, probed before it is decoded.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use crate::Platform;
use crate::alipay::{self};
use crate::text::LooseText;
use crate::wx;

/// Which platform fields an object has, read without decoding any value and without allocating.
#[derive(Default)]
pub(super) struct Shape {
    err_msg: bool,
    /// errMsg has WeChat's `api:fail` form, which settles the platform.
    wx_fail_marker: bool,
    /// errMsg has WeChat Cloud's `errCode: -N` or `service error code -N` form.
    cloud_text: bool,
    /// An errCode in Cloud's ranges (-4xxxxx to -6xxxxx), which no client API or wrapper uses.
    cloud_err_code: bool,
    /// Any negative errCode.
    negative_err_code: bool,
    /// errMsg names a Cloud API (`cloud.callFunction:fail`, `collection.get:fail`).
    cloud_api: bool,
    /// A `detail` object with an errMsg: a component event (`e.detail`) logged whole.
    pub(super) detail_err_msg: bool,
    errno: bool,
    errcode: bool,
    errmsg: bool,
    error: bool,
    error_message: bool,
    /// `stackTrace`: a function runtime's exception (Tencent SCF's `{errorCode, errorMessage,
    /// stackTrace}`), which no Alipay JSAPI sends.
    stack_trace: bool,
    result_code: bool,
    result_status: bool,
    result: bool,
    memo: bool,
    code: bool,
    sub_code: bool,
    response_wrapper: bool,
    gateway_msg: bool,
    /// `message`, beside a `code` (WeChat Pay APIv3).
    message: bool,
    /// `msg`, which WeChat Pay does not send.
    msg: bool,
    /// `code` is WeChat Pay APIv3's: UPPER_SNAKE text, and either a catalog code or beside a
    /// Chinese `message` or a `detail` (other services' `{code, message}`, Connect-RPC's
    /// `unavailable` or Node's `ECONNABORTED`, are not).
    code_text: bool,
    /// `code` is UPPER_SNAKE text that the catalog does not know.
    code_upper_unknown: bool,
    /// `code` is text at all: for a WeChat Pay body, APIv3's rather than v2's.
    code_string: bool,
    /// `message` holds text beyond ASCII (WeChat Pay writes its messages in Chinese).
    message_chinese: bool,
    /// `message` is text, not empty, and all ASCII: another service's words.
    message_ascii: bool,
    /// A `detail` key.
    detail: bool,
    /// An errmsg with WeCom's own marks (its `open.work.weixin.qq.com` link, `from ip:`).
    wecom_errmsg: bool,
    /// `code` is a CloudBase code (`data/wechat_cloudbase_codes.tsv`).
    code_cloudbase: bool,
    /// `code` is a CloudBase code that the SDKs give a Cloud errCode (`INVALID_PARAM`).
    code_cloudbase_numbered: bool,
    /// `code` is the CloudBase web SDK's `OPERATION_FAIL`, which wraps the service's code.
    code_cloudbase_wrapper: bool,
    /// A `requestId` key, which CloudBase's HTTP API sends with every error (as do many other
    /// services).
    request_id: bool,
    /// `message` or `msg` opens with a CloudBase code in brackets: `[FUNCTION_NOT_FOUND] …`.
    message_cloudbase: bool,
    /// `message` or `msg` holds another platform's answer: JSON, or WeChat's `api:fail`.
    message_nested: bool,
    /// A key other than the four a CloudBase error has (`code`, `message`, `msg`,
    /// `requestId`): another platform's field, or a payload nested under `data`.
    beyond_cloudbase: bool,
    /// WeChat Pay v2's own fields: `return_code`, `result_code`, `err_code_des` (or their
    /// camelCase forms, but `resultCode`), or an `err_code` that is text (the old
    /// requestPayment's is a number).
    pay_v2: bool,
}

impl Shape {
    /// WeChat Pay's APIv3 shape (a code its catalog knows, a `message`, no `msg`), but for its
    /// English message: no platform's, though a caller who names WeChat Pay may read it so.
    pub(super) fn english_pay_body(&self) -> bool {
        self.code_text
            && self.message
            && self.message_ascii
            && !self.msg
            && !self.detail
            && !self.sub_code
            && !self.response_wrapper
    }

    /// A WeChat Pay body's version, as [`PayVersion`]'s own pass would read it.
    pub(super) fn pay_version(&self) -> PayVersion {
        if self.code_string {
            PayVersion::V3
        } else {
            PayVersion::V2
        }
    }

    /// The platforms whose fields the object has, in declaration order, and how many.
    pub(super) fn platforms(&self) -> ([Platform; 8], usize) {
        // A Cloud code comes as an errCode in Cloud's ranges (below), as any negative errCode
        // beside a Cloud API's errMsg (-1 wraps), or inside the errMsg's own text; uni-app's
        // negative codes (-1, -5, -100) on other APIs are not Cloud's.
        let cloud_code = self.cloud_err_code || (self.negative_err_code && self.cloud_api);
        // A Cloud API's own `api:fail` (`document.get:fail …`, `cloud.callFunction:fail …`) is
        // Cloud's failure with or without a code. An errCode in Cloud's ranges is Cloud's
        // with any errMsg (`{errCode: -501007, errMsg: "invalid parameters"}`, as a Cloud SDK
        // rejects), since no client API or wrapper sends one; an errno beside it says otherwise.
        let cloud_err_code_alone = self.cloud_err_code && !self.errno;
        // A CloudBase body: a CloudBase code and a message, with no key but `code`, `message`,
        // `msg` and `requestId`. Two forms count: the web SDK's wrapper (`OPERATION_FAIL`
        // around `[FUNCTION_NOT_FOUND] …`), which only CloudBase sends, and the HTTP API's
        // answer with a `requestId`. Many services send a `requestId`, so the second form
        // counts only with a name the SDKs give a Cloud errCode (`INVALID_PARAM`):
        // `{"code":"PERMISSION_DENIED",…}` is as likely gRPC's or any REST service's, and a
        // WeChat Pay code stays WeChat Pay's. An app's envelope that passes on another
        // platform's answer in its message (a WeChat Pay body, a client errMsg) is read for that
        // answer instead.
        let cloudbase_body = self.code_cloudbase
            && !self.code_text
            && (self.message || self.msg)
            && !self.beyond_cloudbase
            && !self.message_nested
            && ((self.code_cloudbase_wrapper && self.message_cloudbase)
                || (self.request_id && self.code_cloudbase_numbered));
        if self.cloud_text
            || cloud_err_code_alone
            || ((cloud_code || self.cloud_api) && self.wx_fail_marker)
            || cloudbase_body
        {
            return ([Platform::WechatCloud; 8], 1);
        }
        // Wrappers such as uni-app add their own `code` beside WeChat's errMsg; the errMsg's
        // `api:fail` form is WeChat's alone.
        if self.wx_fail_marker {
            return ([Platform::Wechat; 8], 1);
        }
        // The Alipay App SDK's result: resultStatus with memo, and `result` any value.
        let app_sdk = self.result_status && self.memo && !self.result_code;
        let alipay_plus = !app_sdk && (self.result || (self.result_code && self.result_status));
        // my.tradePay reports a bare resultCode without resultStatus.
        let alipay = self.error
            || (self.error_message && !self.stack_trace)
            || app_sdk
            || (self.result_code && !alipay_plus && !self.pay_v2);
        // The gateway's own keys, or its public msg; an open-platform code has neither.
        let gateway = self.sub_code || self.response_wrapper || (self.code && self.gateway_msg);
        // WeChat Pay APIv3: a text `code` with `message` and no `msg`; v2: its own fields. A
        // code WeChat Pay does not know may be one it added since, but not one CloudBase's
        // table lists (`DATABASE_TRANSACTION_FAIL`).
        let pay_code = self.code_text
            || (self.code_upper_unknown
                && !self.code_cloudbase
                && (self.message_chinese || self.detail));
        // WeChat Pay writes every v3 message in Chinese (`Authorization不合法` too): a known
        // code beside an English message alone is a REST API's (`{"code":"NOT_FOUND",
        // "message":"Route not found"}`).
        let pay_v3 = pay_code
            && self.message
            && !self.msg
            && !gateway
            && (!self.message_ascii || self.detail);
        let pay = pay_v3 || (self.pay_v2 && !self.err_msg && !self.errno);
        let mut fits = [Platform::Wechat; 8];
        let mut n = 0;
        for (platform, fit) in [
            (Platform::Wechat, self.err_msg || self.errno),
            (Platform::Alipay, alipay),
            (Platform::AlipayPlus, alipay_plus),
            (Platform::OpenPlatform, self.code && !gateway && !pay_v3),
            (
                Platform::WechatServer,
                (self.errcode || self.errmsg) && !self.wecom_errmsg,
            ),
            (Platform::AlipayGateway, gateway),
            (Platform::WechatPay, pay),
            (Platform::Wecom, self.wecom_errmsg),
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
pub(super) enum Probe<'de> {
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
            shape.beyond_cloudbase |=
                !matches!(key.0.as_ref(), "code" | "message" | "msg" | "requestId");
            let flag = match key.0.as_ref() {
                "errMsg" => {
                    let text = map.next_value::<LooseText<'de>>()?.0;
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
                "errmsg" => {
                    let text = map.next_value::<LooseText<'de>>()?.0;
                    shape.errmsg = true;
                    shape.wecom_errmsg |= text.is_some_and(|t| crate::wecom::is_wecom_errmsg(&t));
                    continue;
                }
                "error" => {
                    // Alipay's `error` is a number (in a string or not) or one of the few text
                    // codes its pages list. A logger's `error` field with other text in it (an
                    // escaped body, WeChat's `api:fail` errMsg, a server errmsg with its `rid:`,
                    // an SDK's exception text, Spring's `Internal Server Error`) is not an
                    // Alipay code; the message is then found as text.
                    let text = map.next_value::<LooseText<'de>>()?.0;
                    shape.error |= text.is_none_or(|t| alipay::is_error_code_text(&t));
                    continue;
                }
                "errorMessage" => &mut shape.error_message,
                "requestId" => &mut shape.request_id,
                "stackTrace" => &mut shape.stack_trace,
                "resultCode" => &mut shape.result_code,
                "resultStatus" => &mut shape.result_status,
                "memo" => &mut shape.memo,
                "code" => {
                    let text = map.next_value::<LooseText<'de>>()?.0;
                    shape.code = true;
                    shape.code_string |= text.is_some();
                    if let Some(t) = text {
                        let t = t.trim();
                        let upper = !t.is_empty()
                            && t.parse::<i64>().is_err()
                            && t.bytes()
                                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
                        // v2's codes (`ERROR`) are not v3's: in this shape they are another
                        // service's.
                        let known =
                            crate::wx::pay::AnyCode::of_version(t, wx::pay::Version::V3).is_known();
                        shape.code_text |= upper && known;
                        shape.code_upper_unknown |= upper && !known;
                        let cloudbase = wx::cloud::CloudbaseCode::from_code(t);
                        shape.code_cloudbase |= cloudbase.is_some();
                        shape.code_cloudbase_numbered |=
                            cloudbase.is_some_and(|c| c.cloud_code().is_some());
                        shape.code_cloudbase_wrapper |=
                            cloudbase == Some(wx::cloud::CloudbaseCode::OperationFail);
                    }
                    continue;
                }
                "message" => {
                    let text = map.next_value::<LooseText<'de>>()?.0;
                    shape.message = true;
                    shape.message_chinese |= text.as_ref().is_some_and(|t| !t.is_ascii());
                    shape.message_cloudbase |= text
                        .as_ref()
                        .is_some_and(|t| wx::cloud::opens_with_cloudbase_code(t));
                    shape.message_nested |= text.as_ref().is_some_and(|t| nests_an_answer(t));
                    shape.message_ascii |=
                        text.is_some_and(|t| !t.trim().is_empty() && t.is_ascii());
                    continue;
                }
                // And as SDKs name them once parsed (WxJava's `returnCode`, `errCodeDes`);
                // `resultCode` alone is also my.tradePay's, and `errCode` WeChat's own.
                "return_code" | "result_code" | "err_code_des" | "return_msg" | "retmsg"
                | "returnCode" | "returnMsg" | "errCodeDes" => &mut shape.pay_v2,
                "err_code" => {
                    let text = map.next_value::<LooseText<'de>>()?.0;
                    shape.pay_v2 |= text.is_some_and(|t| t.trim().parse::<i64>().is_err());
                    continue;
                }
                "sub_code" | "subCode" | "sub_msg" | "subMsg" => &mut shape.sub_code,
                "msg" => {
                    shape.msg = true;
                    let msg = map.next_value::<LooseText<'de>>()?.0;
                    shape.message_cloudbase |= msg
                        .as_ref()
                        .is_some_and(|m| wx::cloud::opens_with_cloudbase_code(m));
                    shape.message_nested |= msg.as_ref().is_some_and(|m| nests_an_answer(m));
                    shape.gateway_msg |= msg.is_some_and(|m| {
                        alipay::gateway::Code::all().any(|c| !c.msg().is_empty() && c.msg() == m)
                    });
                    continue;
                }
                "detail" => {
                    shape.detail = true;
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

/// Whether a message passes on another answer: a JSON object in it, or WeChat's `api:fail`.
fn nests_an_answer(text: &str) -> bool {
    text.contains('{') || wx::has_fail_marker(text)
}

/// Whether a value is an integer in Cloud's code ranges (`in_code_range`: -4xxxxx to -6xxxxx), or one in a string,
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

/// Which WeChat Pay version a body is: APIv3 has a text `code`.
pub(super) enum PayVersion {
    V3,
    V2,
}

impl<'de> Deserialize<'de> for PayVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PayVersionVisitor;

        impl<'de> Visitor<'de> for PayVersionVisitor {
            type Value = PayVersion;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a WeChat Pay body: an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PayVersion, A::Error> {
                let mut version = PayVersion::V2;
                while let Some(key) = map.next_key::<KeyName<'de>>()? {
                    if key.0 == "code" && map.next_value::<LooseText<'de>>()?.0.is_some() {
                        version = PayVersion::V3;
                    } else if key.0 != "code" {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
                Ok(version)
            }
        }

        deserializer.deserialize_map(PayVersionVisitor)
    }
}

/// A component event logged whole: the WeChat fail object is its `detail`.
#[derive(Deserialize)]
pub(super) struct Detailed<'a> {
    #[serde(borrow)]
    pub(super) detail: wx::Fail<'a>,
}

/// An object's `code` as text, for the error that names it.
#[derive(Deserialize)]
pub(super) struct CodeOnly {
    pub(super) code: String,
}

/// The keys of an object, for the error that says it fits no platform (the first 16).
pub(super) struct Keys(pub(super) Vec<String>);

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
