//! WeChat server API `errcode`s: what a mini-program backend gets back from the WeChat API.
//!
//! Every server API answers a failure with `{"errcode": 40029, "errmsg": "invalid code, rid:
//! 65c17d8c-5cf05990-781aabe9"}`. [`Response`] reads that object (any other fields are
//! ignored), splits the `errmsg` into the reason and the suffixes a backend must not key on
//! (`rid`, old `hint: [...]` and `hints: [ req_id: ... ]`, advice sentences with URLs), and
//! resolves the code. [`Errcode`] is the typed code, one variant for each of the 1,986 codes of
//! the reference tables (the server's 927, the open platform's 1,037) and of virtual payment
//! (22, `268490xxx`); [`AnyErrcode`] keeps any code, known or not, without loss.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::wx::server::{Errcode, Response};
//! use minierr::Action;
//!
//! let body = r#"{"errcode":40029,"errmsg":"invalid code, rid: 65c17d8c-5cf05990-781aabe9"}"#;
//! let response = Response::from_json_str(body)?;
//! assert_eq!(response.errcode().known(), Some(Errcode::InvalidCode));
//! assert_eq!(response.reason(), "invalid code");
//! assert_eq!(response.rid(), Some("65c17d8c-5cf05990-781aabe9"));
//! // A login code is used up or expired: call wx.login again for a fresh one.
//! assert_eq!(response.action(), Some(Action::Refresh));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Reliability
//!
//! The sources differ in how far they can be trusted, and every code says which kind it comes
//! from ([`Errcode::reliability`]):
//!
//! - [`Reliability::Official`]: the current server-API pages (214 rows);
//! - [`Reliability::Secondary`]: transcriptions of the open-platform and Official Account
//!   返回码 tables (651 rows);
//! - [`Reliability::Tertiary`]: found only in SDK enums (66 rows).
//!
//! # Per-API meanings
//!
//! A few codes mean different things on different APIs: 40002 and 40013 on the URL Scheme and
//! URL Link APIs, 43104 and 61010 on the content-security APIs, and 40001, which at
//! `getAccessToken` means the AppSecret is wrong ([`Action::FixConfig`]) and anywhere else that
//! the access token is stale ([`Action::Refresh`]). [`Errcode::meaning_for`] and
//! [`Response::action_for`] take the API into account.
//!
//! # `Refresh`: access tokens and login codes
//!
//! [`Action::Refresh`] means "renew a credential, then call again", and two credentials are
//! involved: the access token (40001 outside `getAccessToken`, 40014, 42001: fetch a new one
//! once, then retry) and the user's login code (40029 invalid, 40163 already used, 42003
//! expired: the code is single-use, so ask the client for a fresh `wx.login` code; retrying the
//! same code can never work).
//!
//! # Sources and choices
//!
//! The catalog is `data/wechat_server_errcode.tsv`, built from the project's reference table
//! (931 rows for 927 codes, each with its source URL). `errmsg` is the English string a source
//! shows, byte for byte; 40164's `{ip}` placeholder is written `%s`, which matches the filled-in
//! form. The Chinese is the sources'. The English descriptions and the actions are minierr's;
//! the reference's action column is an inference, and minierr departs from it for 40029, 40163
//! and 42003 (a login code to renew), each noted on its variant. Retry hints are set only where
//! a source states the timing: 45011 the next minute, 45009 the next day in Beijing time.

use crate::{Action, RetryHint};

mod code;
#[rustfmt::skip]
mod generated;
mod payload;
#[cfg(feature = "json")]
pub(crate) mod text;

pub use crate::Reliability;
pub use code::{AnyErrcode, Meaning, UnknownErrcode};
pub use generated::Errcode;
pub use payload::{ErrmsgParts, Response, split_errmsg};

/// One catalog row, as the generated `info` returns it.
#[derive(Debug)]
pub(crate) struct ErrcodeInfo {
    pub(crate) errmsg: &'static str,
    /// Other spellings of the errmsg the sources document (an older errmsg, a runtime's
    /// wording), `%s` placeholders included.
    pub(crate) aliases: &'static [&'static str],
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
    /// The step was derived by rule from the text (the open platform's codes).
    pub(crate) by_rule: bool,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) reliability: Reliability,
    pub(crate) apis: &'static str,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}

/// A code's meaning on the APIs it names, where it differs from the code's main meaning.
#[derive(Debug)]
pub(crate) struct ApiMeaning {
    pub(crate) only_for: &'static [&'static str],
    pub(crate) info: ErrcodeInfo,
}
