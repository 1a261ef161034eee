//! WeChat Cloud (`wx.cloud`: cloud functions, database, storage) `errCode`s: the negative codes
//! of Cloud calls, and the text forms they arrive in.
//!
//! A failing Cloud call rejects with an `Error` whose message packs the code, the SDK's label
//! and the service's own message into one string, often wrapped in the calling API's errMsg and
//! followed by diagnostics:
//!
//! ```text
//! Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist. …
//! cloud.callFunction:fail Error: errCode: -501000  | errMsg: Environment not found (callId: …) (trace: …)
//! errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID …, cloud function service error code -504002, error message …
//! ```
//!
//! [`Fail`] reads those texts, and `{errCode, errMsg}` objects, into the outer code
//! ([`Fail::code`]), the code a wrapper carries inside ([`Fail::sub_code`]), the SDK label, the
//! innermost message and the call ID. [`Code`] is the typed code, one variant for each of the
//! 99 codes of the reference table; [`AnyCode`] keeps any code, known or not, without loss.
//!
//! ```
//! use minierr::wx::cloud::{Code, Fail};
//! use minierr::Action;
//!
//! let fail = Fail::new("Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail \
//!     cloud function service error code -501005, error message Environment not found; at cloud.callFunction api; ");
//! assert_eq!(fail.code().and_then(|c| c.known()), Some(Code::FunctionExecutionError));
//! assert_eq!(fail.sub_code().and_then(|c| c.known()), Some(Code::InvalidEnv));
//! assert_eq!(fail.reason(), "Environment not found");
//! // -404011 only wraps; the wrapped -501005 decides: the environment ID is wrong.
//! assert_eq!(fail.action(), Some(Action::FixConfig));
//! ```
//!
//! # CloudBase codes
//!
//! CloudBase (云开发), the service under WeChat Cloud, sends string codes: its HTTP API answers
//! `{"code":"INVALID_PARAM","message":"…","requestId":"…"}`, its web SDK rejects with
//! `{"code":"OPERATION_FAIL","msg":"[FUNCTION_NOT_FOUND] …"}`. [`CloudbaseCode`] is their
//! catalog; a code the SDKs give a Cloud errCode ([`CloudbaseCode::cloud_code`]) takes that
//! code's row, the others have their own. [`Fail`] keeps the body's `code` as sent
//! ([`Fail::cloudbase_code_sent`]) and reads the one its text names.
//!
//! ```
//! use minierr::wx::cloud::{CloudbaseCode, Fail};
//! use minierr::Action;
//!
//! let fail = Fail::new("[FUNCTION_NOT_FOUND] FunctionName parameter could not be found.")
//!     .with_cloudbase_code("OPERATION_FAIL");
//! assert_eq!(fail.cloudbase_code(), Some(CloudbaseCode::FunctionNotFound));
//! // The function is not deployed in this environment: configuration.
//! assert_eq!(fail.action(), Some(Action::FixConfig));
//! ```
//!
//! # Wrappers
//!
//! Some codes only say that something else failed: -1, -404011 (the function call failed),
//! -501001, -502001, -504001 and a few more. They have no action of their own
//! ([`Code::action`] is `None`); [`Fail::action`] takes the most specific known code, the
//! wrapped one first, and falls back to the outer code, then to the message.
//!
//! # Sources and choices
//!
//! The catalog is `data/wechat_cloud_codes.tsv`, built from the project's reference table (99
//! codes, each with its source URL): 69 from the official error-code page, 18 from
//! transcriptions of it and 12 found only in the client or server SDK's code tables
//! ([`Code::reliability`]). The label is the SDK's English text that follows the code in the
//! error message, byte for byte; 20 codes have none, so the runtime writes two spaces before
//! `|`. The page lists -503003 twice; the second meaning is, going by both SDKs, -503004, and
//! the catalog follows the SDKs. The English descriptions and the actions are minierr's; the
//! reference's hints `fix_code` (fix the function's own code) read as [`Action::FixRequest`] and
//! `retry_idempotent` as [`Action::Retry`], whose contract is already "if the call is
//! idempotent".

use crate::{Action, RetryHint};

mod cloudbase;
mod code;
#[rustfmt::skip]
mod generated;
mod payload;

pub use crate::Reliability;
pub use code::{AnyCode, UnknownCode};
pub use generated::{CloudbaseCode, Code};
pub use payload::Fail;
#[cfg(feature = "json")]
pub(crate) use payload::Resolution;
#[cfg(feature = "json")]
pub(crate) use payload::{
    cloudbase_start, has_cloud_form, in_code_range, names_cloud_api, openapi_server_error,
    opens_with_cloudbase_code,
};

/// One CloudBase row, as the generated `cloudbase_info` returns it.
#[derive(Debug)]
pub(crate) struct CloudbaseInfo {
    pub(crate) code: &'static str,
    pub(crate) cloud_code: Option<Code>,
    pub(crate) action: Option<Action>,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}

/// One catalog row, as the generated `info` returns it.
#[derive(Debug)]
pub(crate) struct CodeInfo {
    pub(crate) label: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Option<Action>,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) reliability: Reliability,
    pub(crate) location: &'static str,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}
