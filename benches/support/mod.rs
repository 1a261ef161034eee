//! Inputs and baselines shared by the criterion bench (`benches/lookup.rs`) and the
//! instruction-count example (`examples/instructions.rs`), so both measure the same things.
//!
//! A baseline is what a user would write without minierr: a `#[derive(Deserialize)]` struct with
//! borrowed fields and a `HashMap` from code to action, or `serde_json::Value` and a `HashMap`.

#![allow(dead_code)]

use std::collections::HashMap;
use std::hint::black_box;

use minierr::alipay::gateway::{self, SubCode};
use minierr::alipay::{Api, JsapiError};
use minierr::alipay_plus::{ApiResult, CallKind, ResultCode};
use minierr::wx::pay;
use minierr::wx::server::Errcode;
use minierr::{Action, open_platform, wx};
use serde::Deserialize;
use serde_json::Value;

/// How many inputs a batch holds.
pub const BATCH: usize = 1024;

/// A small deterministic generator, so every run measures the same inputs.
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize].clone()
    }

    pub fn batch<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        (0..BATCH).map(|_| self.pick(items)).collect()
    }
}

/// The payload kinds measured, with a batch of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    WechatFail,
    AlipayPlusResult,
    AlipayFail,
    OpenPlatformResponse,
    WechatServerResponse,
    AlipayGatewayResponse,
    WechatPayResponse,
    WechatPayOtherMessage,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::WechatFail,
        Kind::AlipayPlusResult,
        Kind::AlipayFail,
        Kind::OpenPlatformResponse,
        Kind::WechatServerResponse,
        Kind::AlipayGatewayResponse,
        Kind::WechatPayResponse,
        Kind::WechatPayOtherMessage,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::WechatFail => "wechat_fail",
            Kind::AlipayPlusResult => "alipayplus_result",
            Kind::AlipayFail => "alipay_fail",
            Kind::OpenPlatformResponse => "open_platform_response",
            Kind::WechatServerResponse => "wechat_server_response",
            Kind::AlipayGatewayResponse => "alipay_gateway_response",
            Kind::WechatPayResponse => "wechat_pay_response",
            Kind::WechatPayOtherMessage => "wechat_pay_other_message",
        }
    }

    /// A batch of realistic payloads of this kind; one in sixteen has a code newer than the
    /// catalog where the platform's codes are open-ended.
    pub fn payloads(self, rng: &mut SplitMix) -> Vec<String> {
        match self {
            Kind::WechatFail => {
                let errnos: Vec<wx::Errno> = wx::Errno::all().collect();
                (0..BATCH)
                    .map(|i| {
                        let e = rng.pick(&errnos);
                        let code = if i % 16 == 0 { 1_509_999 } else { e.code() };
                        format!(
                            r#"{{"errMsg":"someApi:fail {}","errCode":10001,"errno":{code}}}"#,
                            e.err_msg()
                        )
                    })
                    .collect()
            }
            Kind::AlipayPlusResult => {
                let codes: Vec<ResultCode> = ResultCode::all().collect();
                (0..BATCH)
                    .map(|i| {
                        let code = rng.pick(&codes);
                        let text = if i % 16 == 0 { "PAYMENT_COUNT_EXCEED_LIMIT" } else { code.code() };
                        format!(
                            r#"{{"result":{{"resultCode":"{text}","resultStatus":"{}","resultMessage":"{}"}}}}"#,
                            code.documented_status(),
                            code.result_message()
                        )
                    })
                    .collect()
            }
            Kind::AlipayFail => {
                // my.request carries most Alipay JSAPI failures in practice.
                let jsapi: Vec<JsapiError> = Api::Request.errors().collect();
                (0..BATCH)
                    .map(|_| {
                        let e = rng.pick(&jsapi);
                        let code = e.code().split('/').next().unwrap_or("0");
                        format!(
                            r#"{{"error":{code},"errorMessage":"{}","status":0}}"#,
                            e.message_zh()
                        )
                    })
                    .collect()
            }
            Kind::WechatServerResponse => {
                // Codes with an errmsg, as servers send them: with a rid, one in sixteen unknown.
                let codes: Vec<Errcode> =
                    Errcode::all().filter(|c| !c.errmsg().is_empty()).collect();
                (0..BATCH)
                    .map(|i| {
                        let c = rng.pick(&codes);
                        let code = if i % 16 == 0 { 49_999 } else { c.code() };
                        format!(
                            r#"{{"errcode":{code},"errmsg":"{} rid: 65d38b69-62497c5f-7e6c18da"}}"#,
                            c.errmsg()
                        )
                    })
                    .collect()
            }
            Kind::AlipayGatewayResponse => {
                // alipay.trade.pay answers as they come: wrapped, signed, one in sixteen with a
                // sub_code the tables lack.
                let subs: Vec<SubCode> = SubCode::all()
                    .filter(|s| s.public_code() == Some(gateway::Code::BusinessFailed))
                    .collect();
                (0..BATCH)
                    .map(|i| {
                        let s = rng.pick(&subs);
                        let sub = if i % 16 == 0 { "ACQ.SOMETHING_NEW" } else { s.code() };
                        format!(
                            r#"{{"alipay_trade_pay_response":{{"code":"40004","msg":"Business Failed","sub_code":"{sub}","sub_msg":"{}","out_trade_no":"6823789339978248"}},"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}}"#,
                            s.sub_msg()
                        )
                    })
                    .collect()
            }
            Kind::WechatPayResponse | Kind::WechatPayOtherMessage => {
                // APIv3 answers to a JSAPI order, as the order API documents them, one in
                // sixteen with a code the catalog lacks. The other kind's messages go on after
                // the documented words, as the server's often do (`签名错误，请检查后再试`), so
                // no row answers them word for word and the message rules read each.
                let meanings: Vec<(pay::Code, pay::Meaning)> = pay::Code::all()
                    .filter_map(|c| Some((c, c.meaning_on(pay::Api::V3JsapiOrder)?)))
                    .collect();
                let after = match self {
                    Kind::WechatPayOtherMessage => "，请检查后再试",
                    _ => "",
                };
                (0..BATCH)
                    .map(|i| {
                        let (c, m) = rng.pick(&meanings);
                        let code = if i % 16 == 0 {
                            "SOMETHING_NEW"
                        } else {
                            c.code()
                        };
                        format!(
                            r#"{{"code":"{code}","message":"{}{after}"}}"#,
                            m.message_zh()
                        )
                    })
                    .collect()
            }
            Kind::OpenPlatformResponse => {
                let ops: Vec<open_platform::Code> = open_platform::Code::all().collect();
                (0..BATCH)
                    .map(|_| {
                        let code = rng.pick(&ops);
                        format!(
                            r#"{{"code":{},"msg":"{}","data":null}}"#,
                            code.code(),
                            code.msg()
                        )
                    })
                    .collect()
            }
        }
    }

    /// minierr: the platform's payload type, then its action.
    pub fn minierr(self, payload: &str) -> Option<Action> {
        match self {
            Kind::WechatFail => wx::Fail::from_json_str(payload).ok()?.action(),
            Kind::AlipayPlusResult => Some(
                ApiResult::from_json_str(payload)
                    .ok()?
                    .action(CallKind::MovesMoney),
            ),
            Kind::AlipayFail => minierr::alipay::Fail::from_json_str(payload)
                .ok()?
                .error_for(Api::Request)
                .map(JsapiError::action),
            Kind::OpenPlatformResponse => open_platform::Response::from_json_str(payload)
                .ok()?
                .action(),
            Kind::WechatServerResponse => {
                let response = wx::server::Response::from_json_str(payload).ok()?;
                black_box(response.errmsg_parts());
                response.action()
            }
            Kind::AlipayGatewayResponse => gateway::Response::from_json_str(payload)
                .ok()?
                .action(minierr::alipay_plus::CallKind::MovesMoney),
            Kind::WechatPayResponse | Kind::WechatPayOtherMessage => {
                pay::Response::from_json_str(payload)
                    .ok()?
                    .action_for(pay::Api::V3JsapiOrder)
            }
        }
    }

    /// minierr's `decode`: the platform recognised from the payload, then decoded as it.
    pub fn minierr_decode(self, payload: &str) -> Option<Action> {
        minierr::decode_str(payload).ok()?.action()
    }
}

/// What a user keeps instead of the catalog: a map from code to action.
pub struct Maps {
    pub wx: HashMap<u32, Action>,
    pub alipay_plus: HashMap<&'static str, Action>,
    pub alipay: HashMap<(i64, &'static str), Action>,
    pub open_platform: HashMap<i64, Action>,
    pub wechat_server: HashMap<i64, Action>,
    pub alipay_gateway: HashMap<&'static str, Action>,
    pub wechat_pay: HashMap<&'static str, Action>,
}

impl Maps {
    pub fn new() -> Maps {
        Maps {
            wx: wx::Errno::all().map(|e| (e.code(), e.action())).collect(),
            alipay_plus: ResultCode::all().map(|c| (c.code(), c.action())).collect(),
            alipay: Api::Request
                .errors()
                .filter_map(|e| {
                    let code = e.code().split('/').next()?.parse().ok()?;
                    Some(((code, e.message_zh()), e.action()))
                })
                .collect(),
            open_platform: open_platform::Code::all()
                .map(|c| (i64::from(c.code()), c.action()))
                .collect(),
            wechat_server: Errcode::all().map(|c| (c.code(), c.action())).collect(),
            alipay_gateway: SubCode::all()
                .map(|s| (s.code(), s.meaning_for("alipay.trade.pay").action()))
                .collect(),
            wechat_pay: pay::Code::all()
                .filter_map(|c| Some((c.code(), c.action_for(pay::Api::V3JsapiOrder)?)))
                .collect(),
        }
    }

    /// The typed baseline: a derived struct with borrowed fields, then the map.
    pub fn derive(&self, kind: Kind, payload: &str) -> Option<Action> {
        #[derive(Deserialize)]
        struct WxFail<'a> {
            #[serde(rename = "errMsg", borrow)]
            err_msg: &'a str,
            #[serde(rename = "errCode")]
            err_code: Option<i64>,
            errno: Option<u32>,
        }
        #[derive(Deserialize)]
        struct PlusResponse<'a> {
            #[serde(borrow)]
            result: PlusResult<'a>,
        }
        #[derive(Deserialize)]
        struct PlusResult<'a> {
            #[serde(rename = "resultCode", borrow)]
            result_code: &'a str,
            #[serde(rename = "resultStatus", borrow)]
            result_status: Option<&'a str>,
            #[serde(rename = "resultMessage", borrow)]
            result_message: Option<&'a str>,
        }
        #[derive(Deserialize)]
        struct AlipayFail<'a> {
            error: Option<i64>,
            #[serde(rename = "errorMessage", borrow)]
            error_message: Option<&'a str>,
            status: Option<i64>,
        }
        #[derive(Deserialize)]
        struct ServerResponse<'a> {
            errcode: Option<i64>,
            #[serde(borrow)]
            errmsg: Option<&'a str>,
        }
        #[derive(Deserialize)]
        struct PayEnvelope<'a> {
            #[serde(borrow)]
            alipay_trade_pay_response: GatewayBody<'a>,
        }
        #[derive(Deserialize)]
        struct GatewayBody<'a> {
            #[serde(borrow)]
            code: &'a str,
            #[serde(borrow)]
            msg: Option<&'a str>,
            #[serde(borrow)]
            sub_code: Option<&'a str>,
            #[serde(borrow)]
            sub_msg: Option<&'a str>,
        }
        #[derive(Deserialize)]
        struct PayResponse<'a> {
            #[serde(borrow)]
            code: &'a str,
            #[serde(borrow)]
            message: Option<&'a str>,
        }
        #[derive(Deserialize)]
        struct OpenResponse<'a> {
            code: i64,
            #[serde(borrow)]
            msg: Option<&'a str>,
        }
        match kind {
            Kind::WechatFail => {
                let f: WxFail = serde_json::from_str(payload).ok()?;
                black_box((f.err_msg, f.err_code));
                self.wx.get(&f.errno?).copied()
            }
            Kind::AlipayPlusResult => {
                let r: PlusResponse = serde_json::from_str(payload).ok()?;
                black_box((r.result.result_status, r.result.result_message));
                self.alipay_plus.get(r.result.result_code).copied()
            }
            Kind::AlipayFail => {
                let f: AlipayFail = serde_json::from_str(payload).ok()?;
                black_box(f.status);
                self.alipay.get(&(f.error?, f.error_message?)).copied()
            }
            Kind::OpenPlatformResponse => {
                let r: OpenResponse = serde_json::from_str(payload).ok()?;
                black_box(r.msg);
                self.open_platform.get(&r.code).copied()
            }
            Kind::WechatServerResponse => {
                let r: ServerResponse = serde_json::from_str(payload).ok()?;
                black_box(r.errmsg);
                self.wechat_server.get(&r.errcode.unwrap_or(0)).copied()
            }
            Kind::AlipayGatewayResponse => {
                let r: PayEnvelope = serde_json::from_str(payload).ok()?;
                let body = r.alipay_trade_pay_response;
                black_box((body.code, body.msg, body.sub_msg));
                self.alipay_gateway.get(body.sub_code?).copied()
            }
            Kind::WechatPayResponse | Kind::WechatPayOtherMessage => {
                let r: PayResponse = serde_json::from_str(payload).ok()?;
                black_box(r.message);
                self.wechat_pay.get(r.code).copied()
            }
        }
    }

    /// The untyped baseline: `serde_json::Value`, then the map.
    pub fn value(&self, kind: Kind, payload: &str) -> Option<Action> {
        let v: Value = serde_json::from_str(payload).ok()?;
        match kind {
            Kind::WechatFail => {
                black_box(v.get("errMsg").and_then(Value::as_str));
                let errno = u32::try_from(v.get("errno")?.as_u64()?).ok()?;
                self.wx.get(&errno).copied()
            }
            Kind::AlipayPlusResult => {
                let r = v.get("result")?;
                black_box(r.get("resultStatus").and_then(Value::as_str));
                self.alipay_plus
                    .get(r.get("resultCode")?.as_str()?)
                    .copied()
            }
            Kind::AlipayFail => {
                let key = (v.get("error")?.as_i64()?, v.get("errorMessage")?.as_str()?);
                self.alipay.get(&key).copied()
            }
            Kind::OpenPlatformResponse => {
                self.open_platform.get(&v.get("code")?.as_i64()?).copied()
            }
            Kind::WechatServerResponse => {
                black_box(v.get("errmsg").and_then(Value::as_str));
                self.wechat_server
                    .get(&v.get("errcode")?.as_i64()?)
                    .copied()
            }
            Kind::AlipayGatewayResponse => {
                let body = v.get("alipay_trade_pay_response")?;
                black_box(body.get("code").and_then(Value::as_str));
                self.alipay_gateway
                    .get(body.get("sub_code")?.as_str()?)
                    .copied()
            }
            Kind::WechatPayResponse | Kind::WechatPayOtherMessage => {
                black_box(v.get("message").and_then(Value::as_str));
                self.wechat_pay.get(v.get("code")?.as_str()?).copied()
            }
        }
    }
}
