//! Alipay mini-program JSAPI failures: `my.request`, `my.uploadFile`, `my.tradePay` and more.
//!
//! A failing JSAPI calls `fail` with an object such as
//! `{"error": 14, "errorMessage": "JSON parse data error", "status": 13, "data": "..."}`.
//! The same `error` number means different things for different APIs, and some numbers mean
//! several things within one API, so a failure is read against the [`Api`] that produced it:
//! [`Fail::error_for`] picks the variant by code and, where the code is shared, by message.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use minierr::alipay::{Api, Fail, JsapiError, RequestError, UploadFileError};
//! use minierr::Action;
//!
//! let fail: Fail = serde_json::from_str(
//!     r#"{"error": 14, "errorMessage": "JSON parse data error", "status": 13, "data": "..."}"#,
//! )?;
//! let error = fail.error_for(Api::Request).expect("in the catalog");
//! assert_eq!(error, JsapiError::Request(RequestError::JsonParseError));
//! assert_eq!(error.action(), Action::FixRequest);
//! assert!(error.remedy_en().is_some_and(|r| r.contains("BOM")));
//!
//! // Code 4 of my.uploadFile has three meanings; the message decides.
//! let fail: Fail = serde_json::from_str(r#"{"error": 4, "errorMessage": "无权限调（N22106）。"}"#)?;
//! assert_eq!(fail.error_for(Api::UploadFile), Some(JsapiError::UploadFile(UploadFileError::DomainNotWhitelisted)));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # How the table reads
//!
//! The catalog is Alipay's combined table of JSAPI errors (seed 000): 53 rows over 13 APIs, kept in
//! `data/alipay_jsapi_errors.tsv`, with the readings the per-API pages add and the rows of the
//! Alipay mini-program FAQ's error pages (支付宝小程序常见问题, `error:N（…）`): each page
//! quotes a failure and names the APIs it was seen on, which brings 30 more APIs whose errors
//! the shared [`FaqError`] holds (`JsapiError::Faq`). A page's 涉及接口 lists examples ("等"):
//! with the API unknown, the step is the one every API the payload fits agrees on.
//!
//! - A row with an empty error cell continues the code above it: `my.uploadFile` 4 has three
//!   meanings (N22104, N22106, 无权限调用此接口), 11 and 12 have two each, and so do
//!   `my.request` 20 and 40001 of `my.getPhoneNumber` and `my.getRunData`.
//! - `4/11` is one meaning under two codes ([`RequestError::NoPermission`]).
//! - `my.navigateBack`'s error has no number, only the text `already top of navigation`.
//! - `my.tradePay` reports a `resultCode` string, and not every result is a failure: 9000 is
//!   success (still to be confirmed by the asynchronous notification), 8000 and 6004 mean the
//!   outcome is unknown ([`Action::Reconcile`]: query the order, do not pay again), 6001 is the
//!   user cancelling. See [`TradePayResult`].
//! - The navigation messages are templates filled at run time:
//!   `can not find page:pages/a/b when execute navigateTo for url /pages/a/b`.
//! - 40001-40006 of `my.getPhoneNumber`, `my.getOpenUserInfo` and `my.getRunData` are Alipay
//!   open-platform gateway codes, seen after the server decrypts the response, not JSAPI fail codes.
//!
//! `message_zh()` is the table's errorMessage; `remedy_zh()` is its 解决方案 as plain text (markup
//! removed, link targets kept as URLs, screenshots dropped). The English is minierr's. Three rows
//! have no remedy in the table; theirs are minierr's, and their notes say so.
//!
//! # `my.request` in practice
//!
//! The `my.request` troubleshooting page (seed 001) disagrees with the combined table on two codes:
//! it calls 11 a forbidden cross-domain call (无权跨域调用) and 12 a timeout. The combined table is
//! the maintained one, so minierr follows it (11 shares 4's meaning, 12 is a network error) and
//! records the other reading in those variants' notes. The page's other facts are folded into
//! the remedies:
//!
//! - N22106 means the request domain is not on the server domain whitelist.
//! - Requests must use HTTPS with a domain name: IP addresses and IPv6 literals are not supported.
//! - On Android, a private-network address fails with HTTP 571 and
//!   `Alipay-Mobile-Proxy-Server(NO_ACCESS_PRIVATE_IP1)`.
//! - A request header named `version` is rejected.
//! - `timeout` may be ignored on Android, where the default is 30 seconds.
//! - A PHP or .NET server that prepends a UTF-8 BOM makes the response fail to parse (error 14).

use crate::Action;
use crate::catalog::matches_template;

mod code;
pub mod gateway;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "serde")]
mod payload;

pub use code::JsapiError;
#[cfg(feature = "json")]
pub(crate) use code::is_error_code_text;
pub use generated::{
    Api, FaqError, GetAuthCodeError, GetOpenUserInfoError, GetPhoneNumberError, GetRunDataError,
    NavigateToAlipayPageError, NavigationError, RequestError, TradePayResult, UploadFileError,
};
#[cfg(feature = "json")]
pub(crate) use payload::nested_failure_action;
#[cfg(feature = "serde")]
pub use payload::{ErrorValue, Fail};

/// A code of a catalog row: a number, or text for `my.navigateBack`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodeKey<'a> {
    Number(i64),
    /// Only payloads (`Fail`, feature `serde`) carry text codes; `Api::error` takes numbers.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Text(&'a str),
}

/// How a row recognises its errorMessage when a code has several meanings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matcher {
    /// The message equals the table's, give or take white space and a final full stop.
    Exact,
    /// The message contains this text (`N22104`).
    Contains(&'static str),
    /// The message fills this template's `%s` placeholders.
    Template(&'static str),
}

/// A searcher for each of `generated::PATTERN_TEXTS`, built on first use. An array of
/// searchers over static texts: building it allocates nothing.
#[cfg(feature = "serde")]
static PATTERN_FINDERS: std::sync::LazyLock<
    [memchr::memmem::Finder<'static>; generated::PATTERN_TEXTS.len()],
> = std::sync::LazyLock::new(|| generated::PATTERN_TEXTS.map(memchr::memmem::Finder::new));

/// Whether an already normalised message may fill some pattern row: it holds one of
/// `generated::PATTERN_TEXTS`, one of which each pattern row needs. Most messages hold none,
/// and are ruled out by a few searches instead of every row's match.
#[cfg(feature = "serde")]
fn may_fill_a_pattern(message: &str) -> bool {
    PATTERN_FINDERS
        .iter()
        .any(|finder| finder.find(message.as_bytes()).is_some())
}

/// An exact errorMessage (or text code) of the table, as `generated::MESSAGES` holds it.
#[derive(Debug)]
pub(crate) struct ExactMessage {
    /// Its rows, on every API.
    pub(crate) rows: &'static [&'static RowInfo],
    /// For each API on which the message alone names one failure (its pattern rows considered),
    /// that failure. Worked out by the generator, which matches patterns with this crate's own
    /// template code and normaliser.
    pub(crate) answers: &'static [(Api, JsapiError)],
}

/// One row of the combined table.
#[derive(Debug)]
pub(crate) struct RowInfo {
    /// The row's position in the table, which tells rows apart.
    pub(crate) index: u16,
    pub(crate) api: Api,
    pub(crate) error: JsapiError,
    pub(crate) code: &'static str,
    pub(crate) error_message: &'static str,
    pub(crate) matcher: Matcher,
    pub(crate) message_en: &'static str,
    pub(crate) remedy_zh: &'static str,
    pub(crate) remedy_en: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<crate::RetryHint>,
    pub(crate) note: &'static str,
}

impl RowInfo {
    /// Whether an already normalised `message` fills this row's pattern. Exact rows are matched
    /// through `generated::MESSAGES` instead: one hash lookup for all of them.
    fn matches_pattern(&self, message: &str) -> bool {
        match self.matcher {
            Matcher::Exact => false,
            Matcher::Contains(needle) => crate::normalize::find_str(message, needle).is_some(),
            Matcher::Template(template) => matches_template(template, message),
        }
    }
}
