//! The Alipay open-API gateway: the public `code` and the `sub_code` of what a backend calling
//! `alipay.system.oauth.token`, `alipay.trade.*` or `alipay.fund.trans.uni.transfer` gets back.
//!
//! Every gateway answer carries a public [`Code`] (`10000` success, `20000` service unavailable,
//! `40004` business failed, …) and, on failure, a [`SubCode`] that decides the next step.
//! [`Response`] reads every shape seen in real logs: the `<method>_response` wrapper (the API
//! method comes back from the key), `error_response`, with or without `sign`, the bare inner
//! object, `code` as a string or a number, `sub_code`/`sub_msg` or an SDK's camel-cased
//! `subCode`/`subMsg`, and business fields echoed on failure, which are ignored.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::alipay::gateway::{Response, SubCode};
//! use minierr::alipay_plus::CallKind;
//! use minierr::Action;
//!
//! let body = r#"{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在","out_trade_no":"20150320010101001"},"sign":"ERITJKEIJKJHKKKKKKKHJEREEEEEEEEEEE"}"#;
//! let response = Response::from_json_str(body)?;
//! assert_eq!(response.method().as_deref(), Some("alipay.trade.query"));
//! assert_eq!(response.resolved_sub_code(), Some(SubCode::AcqTradeNotExist));
//! assert_eq!(response.action(CallKind::Idempotent), Some(Action::FixRequest));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Matching a sub_code
//!
//! Exact first, then the documented prefix variants, each a rule in
//! `data/alipay_gateway_prefix_rules.tsv`: business codes under the `20000` envelope carry an
//! `aop.` prefix (`aop.ACQ.SYSTEM_ERROR`); SDKs and some tables drop `ACQ.` (`TRADE_NOT_EXIST`);
//! newer tables and the browser error page drop `isv.` (`invalid-signature`). The raw text is
//! always kept. The gateway also wraps codes it cannot map as `unknown-sub-code` with the real
//! code in `sub_msg` (`未知的错误码isv.user-auth-fail`), which [`Response::resolved_sub_code`]
//! reads. An unknown sub_code keeps its text, and the public code still gives a class and an
//! action, except `40004`: it is only the envelope of every API's business error, so a
//! response with no sub_code the catalog knows takes no step.
//!
//! # Money-moving calls
//!
//! On a call that moves money (`alipay.trade.pay`, `create`, `refund`, `cancel`,
//! `alipay.fund.trans.uni.transfer`; `data/alipay_gateway_methods.tsv`), a system error (`20000`,
//! `ACQ.SYSTEM_ERROR`, `isp.unknow-error`) means the outcome is unknown: [`Action::Reconcile`],
//! query before issuing the call again. `10003` on a payment means it waits for the buyer, and a
//! refund answered `10000` has moved money only with `fund_change` `Y`: both reconcile too.
//! Where the response does not name its method, a [`CallKind`](crate::alipay_plus::CallKind) says
//! whether the call moves money, as for Alipay+.
//!
//! # Sources and choices
//!
//! The tables come from the project's reference (346 rows: 90 official, 217 secondary, 39
//! tertiary, each with its source URL and note, kept as [`SubCode::reliability`]). Official
//! misspellings are real and kept as written: `isp.unknow-error`, `aop.unknow-error`,
//! `ACQ.REASON_TRADE_BEEN_FREEZEN`, `AQC.SYSTEM_ERROR` beside `ACQ.SYSTEM_ERROR`. The Chinese
//! and the 解决方案 are the sources'; the English and the actions are minierr's, starting from
//! the reference's inferred action column. Two certificate-mode sub_codes are sourced beyond
//! the reference: `isv.missing-app-cert-sn` (40002, 缺少应用公钥证书序列号), which the signing
//! troubleshooting page lists and fund APIs send to an app that signs with a plain public key,
//! and `isv.app-cert-not-exist` (40002, 应用公钥证书不存在), whose causes in Alipay support's
//! answer are mostly the app's signing mode, certificate path or certificate file. The next step
//! of both is the app's configuration, not the request's.

use crate::{Action, RetryHint};

mod code;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "serde")]
mod payload;

pub use code::{AnySubCode, Meaning, SubCodeMatch, UnknownGatewayCode};
pub use generated::{Code, SubCode};
#[cfg(feature = "serde")]
pub use payload::Response;

/// One row of the public code table.
#[derive(Debug)]
pub(crate) struct CodeInfo {
    pub(crate) code: &'static str,
    pub(crate) msg: &'static str,
    pub(crate) msg_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}

/// One row of the sub_code table.
#[derive(Debug)]
pub(crate) struct SubCodeInfo {
    /// The sub_code as the tables spell it.
    pub(crate) code: &'static str,
    /// The public code the tables list it under (`""` where they give none).
    pub(crate) public_code: &'static str,
    pub(crate) sub_msg_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) solution_zh: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) outcome_unknown: bool,
    pub(crate) reliability: crate::Reliability,
    pub(crate) apis: &'static str,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}

/// A sub_code's meaning on the APIs it names, besides its main row.
#[derive(Debug)]
pub(crate) struct ApiMeaning {
    pub(crate) only_for: &'static [&'static str],
    pub(crate) info: SubCodeInfo,
}

/// A documented variation of a sub_code's prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PrefixRule {
    /// The text carries this prefix, which the tables do not.
    Strip(&'static str),
    /// The text lacks this prefix, which the tables have.
    Add(&'static str),
}
