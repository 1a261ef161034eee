//! Alipay+ Mini Program OpenAPI results: `resultCode`, `resultStatus` and the retry decision.
//!
//! Every Alipay+ OpenAPI response carries
//! `"result": {"resultCode": "...", "resultStatus": "S|F|U|A", "resultMessage": "..."}`.
//! [`ApiResult`] decodes it, bare or inside its response envelope. [`ResultCode`] lists the
//! common table's codes, the authorization and payment APIs' own codes, and `SUCCESS`; any
//! other code is kept with its exact text as [`AnyResultCode::Unknown`].
//!
//! # Retry or give up
//!
//! [`ApiResult::decide`] turns a result into an [`Action`] with a reason:
//!
//! | resultStatus | resultCode | action |
//! |---|---|---|
//! | any but `S` | `REQUEST_TRAFFIC_EXCEED_LIMIT` | [`Action::Backoff`] (the seed says `F`, other sources `U`: the code decides) |
//! | any but `S` | `EXPIRED_ACCESS_TOKEN` | [`Action::Refresh`]: call `applyToken`, then retry |
//! | `S` | any | [`Action::Success`] |
//! | `A` | any | [`Action::Reconcile`]: accepted, poll for the final result |
//! | `U` | any | [`Action::Retry`] for an idempotent call (same request id), [`Action::Reconcile`] if it moves money |
//! | `F` | a catalog code | the code's own step: [`Action::FixRequest`] for `PARAM_ILLEGAL`, [`Action::FixConfig`] for `ACCESS_DENIED`, [`Action::Refresh`] for `INVALID_ACCESS_TOKEN`, [`Action::AskUser`] for `USER_BALANCE_NOT_ENOUGH`, [`Action::Reconcile`] for `REPEAT_REQ_INCONSISTENT` (the same request id may already have paid), … |
//! | `F` | `PROCESS_FAIL`, a code no source lists | [`Action::GiveUp`] |
//! | missing | any | the code's own step (`UNKNOWN_EXCEPTION` as for `U`), or [`Action::GiveUp`] for a code no source lists |
//! | unrecognised letter | any | [`Action::GiveUp`], and the reason says why |
//!
//! The decision is minierr's; the schedule (delays, jitter, caps) is your retry crate's, such as
//! `backon` or `tower` (see the `retry_backon` and `retry_tower` examples). The loop's shape
//! for a call that moves money is: call, and on an unknown outcome query, then decide:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use minierr::alipay_plus::{ApiResult, CallKind};
//! use minierr::{Action, RetryHint};
//!
//! // Stand-in for the HTTP calls: throttled, then an unknown outcome, then the query's answer.
//! let responses = [
//!     r#"{"result":{"resultCode":"REQUEST_TRAFFIC_EXCEED_LIMIT","resultStatus":"U","resultMessage":"The request traffic exceeds the limit."}}"#,
//!     r#"{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U","resultMessage":"An API calling is failed, which is caused by unknown reasons."}}"#,
//! ];
//! let mut steps = Vec::new();
//! for body in responses {
//!     let result: ApiResult = serde_json::from_str(body)?;
//!     let decision = result.decide(CallKind::MovesMoney);
//!     match decision.action {
//!         // Throttled: wait (the table names no time, so the schedule decides), then call again.
//!         Action::Backoff => {
//!             assert_eq!(result.result_code().known().and_then(|c| c.retry_hint()), Some(RetryHint::Later));
//!             steps.push("back off");
//!         }
//!         // The payment may have gone through: query it before anything else.
//!         Action::Reconcile => { steps.push("query the payment"); break; }
//!         _ => { steps.push("stop"); break; }
//!     }
//! }
//! assert_eq!(steps, ["back off", "query the payment"]);
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Sources
//!
//! No official page was found for these tables, so every code is [`Reliability::Secondary`]
//! or, for three spellings, [`Reliability::Tertiary`](crate::Reliability::Tertiary); each row
//! names its sources ([`ResultCode::source`]) and the APIs they list it for
//! ([`ResultCode::apis`]).
//!
//! - The common codes, statuses, messages and further actions are the user's copy of the
//!   official Mini Program OpenAPI error-code page (seed 002). `resultMessage` is kept as that
//!   page writes it; the further actions fix two typos, noted on the variants.
//! - The API-specific codes (`applyToken`, `cancelToken`, `/v1` and `/v2/payments/pay`) come
//!   from a published Spanish translation of those pages and a wallet's (Rebell's) copy of them;
//!   `INVALID_AUTHCODE`, `USED_AUTHCODE` and `EXPIRED_AUTHCODE` only from a third-party server's
//!   constants. [`ResultCode::result_message`] is a copy's English text byte for byte, and
//!   empty where no copy gives one; [`ResultCode::message_en`] describes every code, in
//!   minierr's words where the copies' are terse or missing. None of these copies gives a
//!   further action, so those remedies are minierr's, from the code's meaning; each variant's
//!   note says which text is whose.
//! - One copy spells `REQUEST_TRAFFIC_EXCEED_LIMI`, cut short; no other source does, so that
//!   spelling stays an unknown code (its status letter still decides).
//! - The Chinese is minierr's translation.
//!
//! [`Reliability::Secondary`]: crate::Reliability::Secondary

use crate::Action;

mod code;
#[rustfmt::skip]
mod generated;
mod payload;

pub use code::{
    AnyResultCode, ParseResultStatusError, ResultStatus, UnknownResultCode, UnrecognizedStatus,
};
pub use generated::ResultCode;
pub use payload::{ApiResult, CallKind, Decision};

/// One catalog row, as the generated `ResultCode::info` returns it.
#[derive(Debug)]
pub(crate) struct ResultCodeInfo {
    pub(crate) result_code: &'static str,
    pub(crate) status: ResultStatus,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<crate::RetryHint>,
    pub(crate) result_message: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) further_action: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) further_action_zh: &'static str,
    pub(crate) apis: &'static str,
    pub(crate) reliability: crate::Reliability,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}
