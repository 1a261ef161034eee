//! Typed, documented, matchable error codes for Chinese mini-program platforms.
//!
//! Backends receive fail payloads from WeChat and Alipay mini programs and must decide what to
//! do: retry, back off, renew a credential, reconcile a payment, ask the user, fix the request or
//! the configuration, or give up. minierr turns those payloads into Rust values you can `match`
//! on, each carrying the platform's exact machine string, Chinese and English descriptions and an
//! [`Action`].
//!
//! | module | platform | codes |
//! |---|---|---|
//! | [`wx`] | WeChat mini-program `errno` (7 digits: category, subcategory, detail) | 295 |
//! | [`wx::legacy`] | WeChat per-API `errCode`, older than errno, keyed by API family | 337 rows, 34 families |
//! | [`wx::cloud`] | WeChat Cloud `errCode` and its Error texts | 99 |
//! | [`wx::server`] | WeChat server API `errcode` (`{errcode, errmsg}`), the open platform's and virtual payment's included | 1,986 |
//! | [`alipay`] | Alipay mini-program JSAPI `fail` objects, per API | 53 rows, 13 APIs |
//! | [`alipay::gateway`] | Alipay open-API gateway `code` / `sub_code` | 10 codes, 296 sub_codes |
//! | [`alipay_plus`] | Alipay+ Mini Program OpenAPI `resultCode` / `resultStatus` | 39 |
//! | [`wx::pay`] | WeChat Pay merchant APIs: APIv3 `code`, v2 `err_code`, per API | 72 codes, 387 rows |
//! | [`wecom`] | WeCom (企业微信) server API `errcode` | 1,256 |
//! | [`open_platform`] | an open platform's JSON business `code` behind HTTP 200 | 65 |
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::wx::{Errno, Fail};
//! use minierr::Action;
//!
//! let fail = Fail::from_json_str(
//!     r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#,
//! )?;
//! let decision = match fail.resolved_errno().and_then(|code| code.known()) {
//!     Some(Errno::BluetoothAdapterNotAvailable) => "ask the user to switch Bluetooth on",
//!     Some(errno) if errno.action().is_retryable() => "retry later",
//!     Some(_) | None => "log and give up",
//! };
//! assert_eq!(decision, "ask the user to switch Bluetooth on");
//! assert_eq!(fail.action(), Some(Action::AskUser));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Errors that flow with `?`
//!
//! Every code enum, every `Any*` code and every payload type implements `Display` (one line a
//! log reader understands) and [`std::error::Error`], and so does [`Diagnosis`]. Codes are
//! `'static`, so they go straight into `anyhow::Error` or your own `thiserror` enum; a borrowed
//! payload goes in after `into_owned()`.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::wx::{Errno, Fail};
//!
//! #[derive(Debug, thiserror::Error)]
//! enum LoginError {
//!     #[error("WeChat refused the call: {0}")]
//!     WeChat(#[from] Errno),
//!     #[error("unreadable fail payload")]
//!     Payload(#[from] serde_json::Error),
//! }
//!
//! fn check(payload: &str) -> Result<(), LoginError> {
//!     let fail = Fail::from_json_str(payload)?;
//!     match fail.resolved_errno().and_then(|code| code.known()) {
//!         Some(errno) => Err(errno.into()),
//!         None => Ok(()),
//!     }
//! }
//!
//! fn handler(payload: &str) -> anyhow::Result<()> {
//!     check(payload)?; // a LoginError, into anyhow::Error
//!     let fail = Fail::from_json_str(payload)?;
//!     Err(fail.into_owned())? // the payload itself, once it owns its text
//! }
//!
//! let err = check(r#"{"errMsg":"request:fail timeout","errno":5}"#).unwrap_err();
//! assert_eq!(err.to_string(), "WeChat refused the call: 5 time out: The API call timed out");
//! let err = handler(r#"{"errMsg":"request:fail timeout","errno":5}"#).unwrap_err();
//! assert!(err.downcast_ref::<LoginError>().is_some());
//! let err = handler(r#"{"errMsg":"x:fail something new"}"#).unwrap_err();
//! assert_eq!(err.to_string(), "x:fail something new");
//! # }
//! ```
//!
//! # Features
//!
//! - `json` (default): [`decode`] any payload from JSON bytes, recognising the platform, and
//!   `from_json_str`/`from_json_slice` on each payload type, thin conveniences over
//!   `serde_json`, the only JSON reader.
//! - `cli`: the `minierr` command-line tool (`explain`, `decode`, `list`).
//! - `serde` (default): decode payloads ([`wx::Fail`], `alipay::Fail`, [`alipay_plus::ApiResult`],
//!   [`open_platform::Response`]) and (de)serialise codes and actions.
//!   Without it the catalogs, lookups and category decoding still work.
//!
//! # Guarantees
//!
//! Decoding never panics and never loses the raw value: a code the catalog does not know is kept
//! as an opaque unknown value with its number. The library contains no `unsafe` code, and no
//! `unwrap`, `expect`, `panic!` or unchecked indexing (enforced by Clippy lints).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::must_use_candidate)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod action;
pub mod alipay;
pub mod alipay_plus;
mod catalog;
mod catalog_code;
#[cfg(feature = "json")]
mod decode;
#[cfg(feature = "serde")]
mod lenient;
#[cfg(feature = "json")]
pub mod line;
mod normalize;
pub mod open_platform;
/// The Alipay+ OpenAPI catalog's former path: the module is [`alipay_plus`] now, named after
/// its platform so it no longer reads as a sibling of [`open_platform`].
#[deprecated(since = "0.6.0", note = "renamed to `minierr::alipay_plus`")]
pub mod openapi {
    pub use crate::alipay_plus::*;
}
mod platform;
mod reliability;
mod retry_hint;
mod template;
#[cfg(feature = "serde")]
mod text;
pub mod transport;
pub mod wecom;
pub mod wx;

pub use action::{Action, ParseActionError};
pub use alipay::RequestError as AlipayRequestError;
pub use alipay_plus::CallKind;
pub use alipay_plus::ResultCode as OpenApiResultCode;
pub use catalog_code::{CatalogCode, CodeText, ParseCodeError};
#[cfg(feature = "json")]
pub use decode::{
    AlipayDiagnosis, DIAGNOSIS_JSON_KEYS, DecodeError, DecodeOptions, Diagnosis, DiagnosisView,
    PayDiagnosis, RawCode, decode, decode_as, decode_str, decode_with,
};
pub use platform::{ParsePlatformError, Platform};
pub use reliability::Reliability;
pub use retry_hint::RetryHint;
pub use wx::Errno as WxErrno;

/// The manual: what the README summarises, in full, with doctests that keep it true.
#[cfg(feature = "json")]
pub mod guide {
    #[doc = include_str!("guide/api.md")]
    pub mod api {}
    #[doc = include_str!("guide/cli.md")]
    pub mod cli {}
    #[doc = include_str!("guide/data.md")]
    pub mod data {}
    #[doc = include_str!("guide/retrying.md")]
    pub mod retrying {}
    #[doc = include_str!("guide/performance.md")]
    pub mod performance {}
    #[doc = include_str!("guide/guarantees.md")]
    pub mod guarantees {}
}

/// The README's examples, compiled and run as doctests so they cannot rot.
#[cfg(all(doctest, feature = "json"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
