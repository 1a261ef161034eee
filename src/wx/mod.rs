//! WeChat mini-program `errno`: the 7-digit error codes of `wx.*` API failures.
//!
//! A failing WeChat API hands its `fail` callback (or rejects its promise with) an object such as
//! `{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}`.
//! [`Fail`] decodes it; [`Errno`] is the typed code, one variant per code in the official list;
//! [`AnyErrno`] is a code that may or may not be in that list, kept without loss.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use minierr::wx::{Errno, Fail};
//! use minierr::Action;
//!
//! let payload = r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#;
//! let fail: Fail = serde_json::from_str(payload)?;
//! assert_eq!(fail.api(), Some("openBluetoothAdapter"));
//! assert_eq!(fail.reason(), "not available");
//!
//! match fail.resolved_errno().and_then(|code| code.known()) {
//!     Some(Errno::BluetoothAdapterNotAvailable) => { /* ask the user to switch Bluetooth on */ }
//!     Some(errno) if errno.action() == Action::Retry => { /* retry an idempotent call */ }
//!     Some(_) => { /* act on errno.action() */ }
//!     None => { /* a code newer than this catalog: log fail.errno() raw */ }
//! }
//! assert_eq!(fail.action(), Some(Action::AskUser));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # The 7-digit scheme
//!
//! Digits 1-2 of the zero-padded code are the [`Category`], digits 3-4 the [`Subcategory`] and
//! digits 5-7 the detail: 1504003 is 15 (device) / 04 (NFC) / 003. Codes below 100000 land in
//! category 00: 1000 is 00 / 01 / 000. Any `u32` decodes; a code of more than seven digits gets a
//! category above 99, which upstream never names. Upstream names only some groups; the others say
//! so through [`Naming::Unnamed`] instead of borrowing an invented name.
//!
//! # Sources and choices
//!
//! The catalog is `data/wechat_errno.tsv`, built from the official errno page in both its editions
//! (mini-program and mini-game) as transcribed in the project's reference table. Where they
//! differ, the mini-program edition wins and the variant's docs give the mini-game spelling. The
//! errMsg strings are the platform's bytes, lower case and typos included (`midas currency canel
//! pay failed`, `excced max concurrent fd limit`); a widely copied machine translation capitalises
//! 85 of them and is not followed. Twelve codes have no errMsg upstream (1500102 among them): the
//! runtime sends its own text, so match on the errno. The English is minierr's own; 米大师 is
//! Midas, Tencent's virtual-payment service. Each code's [`Action`] is minierr's reading of what
//! the code means.

use crate::Action;

#[cfg(feature = "serde")]
#[rustfmt::skip]
mod api_families_generated;
mod category;
mod code;
#[rustfmt::skip]
mod generated;
pub mod cloud;
pub mod legacy;
pub mod pay;
#[cfg(feature = "serde")]
mod payload;
pub(crate) mod reason;
pub mod server;

pub use category::{Category, Naming, Subcategory};
#[cfg(feature = "json")]
pub(crate) use code::colons;
#[cfg(feature = "json")]
pub(crate) use code::has_fail_marker;
pub use code::{AnyErrno, ParseErrnoError, UnknownErrno, split_err_msg};
pub use generated::Errno;
#[cfg(feature = "serde")]
pub(crate) use payload::ErrCode;
#[cfg(feature = "serde")]
pub use payload::{Fail, ForeignRuntime, ResolvedBy};
pub use reason::{ParseReasonClassError, ReasonClass};
pub(crate) use reason::{ReasonClassInfo, ReasonMatch};

/// One catalog row, as the generated `Errno::info` returns it.
#[derive(Debug)]
pub(crate) struct ErrnoInfo {
    pub(crate) err_msg: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<crate::RetryHint>,
    pub(crate) note: &'static str,
}

/// One row of the category table.
#[derive(Debug)]
pub(crate) struct GroupInfo {
    pub(crate) naming: Naming,
    pub(crate) name_zh: &'static str,
    pub(crate) name_en: &'static str,
    pub(crate) note: &'static str,
}

/// Whether `name` is an API of the reference (`data/wechat_api_sections.tsv`), as an errMsg
/// names it before `:fail`.
#[cfg(feature = "json")]
pub(crate) fn is_reference_api(name: &str) -> bool {
    api_families_generated::API_CATEGORIES.contains_key(name)
}
