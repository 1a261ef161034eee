//! WeCom (企业微信) server API `errcode`s: WeChat's `{errcode, errmsg}` shape, WeCom's numbers.
//!
//! Many backends talk to both WeChat and WeCom, and the two answer in the same shape with
//! different meanings: WeCom's 40001 is an invalid secret (fix the configuration), WeChat's an
//! access token that expired or was replaced (refresh it). [`Response`] reads a WeCom body and
//! splits its `errmsg` into the reason, the `hint`, the `from ip` and the `more info at …?e=N`
//! link; [`Errcode`] is the typed code, one variant for each of the 1,256 codes of the
//! reference; [`AnyErrcode`] keeps any code without loss.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::wecom::{Errcode, Response};
//! use minierr::Action;
//!
//! let body = r#"{"errcode":40014,"errmsg":"invalid access_token, hint: [1683795417294950193286528], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40014"}"#;
//! let response = Response::from_json_str(body)?;
//! assert_eq!(response.errcode().and_then(|c| c.known()), Some(Errcode::from_code(40014).unwrap()));
//! assert_eq!(response.reason(), "invalid access_token");
//! assert_eq!(response.from_ip(), Some("1.2.3.4"));
//! assert_eq!(response.more_info_code(), Some(40014));
//! assert_eq!(response.action(), Some(Action::Refresh));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Telling WeCom from WeChat
//!
//! A body is WeCom's when it says so: the `open.work.weixin.qq.com` link, WeCom's `from ip:`
//! form, or the caller's choice ([`Response`], `--platform wecom`, [`decode_as`](crate::decode_as)).
//! In a log line, so does the line around the body when it names WeCom: its API host
//! `qyapi.weixin.qq.com`, its site, or its name as a word (企业微信, WeCom, WeChat Work,
//! `WechatWork`, `wxwork`; [`line::decode_line`](crate::line::decode_line)). Otherwise `{errcode, errmsg}` stays a WeChat server body, and where its number means
//! something else in WeCom, the diagnosis says so ([`Diagnosis::wecom_reading`](crate::Diagnosis::wecom_reading))
//! rather than pick one.
//!
//! # Sources and choices
//!
//! The catalog is `data/wecom_errcode.tsv`, from the project's reference (1,256 rows: 1,251
//! secondary, a crawl of the official global error-code page; 5 tertiary), each with its
//! source URL. The Chinese is the page's; the English is minierr's. A code whose number means
//! the same in WeChat takes WeChat's reviewed step; a handful of codes have a step set by hand
//! (the credentials and the limits); every other step is derived from the text by the same rule
//! as the open platform's codes ([`Errcode::is_step_by_rule`]), and says so. The page lists no
//! machine errmsg for most codes, so the catalog has no message lookup: WeCom's errmsg is
//! English, its descriptions Chinese.

use crate::{Action, Reliability, RetryHint};

mod code;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "serde")]
pub(crate) mod payload;

pub(crate) use code::has_timestamped_hint;
pub use code::{AnyErrcode, UnknownErrcode};
pub use generated::Errcode;
#[cfg(feature = "json")]
pub(crate) use payload::reason_end;
#[cfg(feature = "serde")]
pub use payload::{Response, is_wecom_errmsg};

/// Whether WeChat's server uses a WeCom number for the same thing, as the reference records
/// it against WeChat's server table. The open platform's codes joined [`wx::server`](crate::wx::server)
/// later: 56 numbers marked absent are now WeChat codes too, and keep the reference's mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum WechatNumber {
    /// The same number means the same in WeChat.
    Same,
    /// WeChat uses the number for something else (40001: an invalid secret here, a stale
    /// access token there).
    Different,
    /// WeChat does not use the number.
    Absent,
}

/// One catalog row, as the generated `info` returns it.
#[derive(Debug)]
pub(crate) struct ErrcodeInfo {
    pub(crate) errmsg: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
    pub(crate) by_rule: bool,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) reliability: Reliability,
    pub(crate) wechat: WechatNumber,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}
