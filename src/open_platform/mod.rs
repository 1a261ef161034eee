//! An open platform's business status codes: HTTP 200 with a JSON `code`.
//!
//! The platform answers in two layers. At the HTTP layer, 200 means "the platform received and
//! answered the request; read the JSON `code`", and any other status is a system-level failure
//! (maintenance, network) for [`HttpOutcome`]. At the business layer, the JSON `code` is one of
//! the [`Code`]s: 32 common codes, 20 custom business codes and 13 platform-specific codes, each
//! with its group, the table's Chinese text, an English translation and an [`Action`].
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use minierr::open_platform::{Code, HttpOutcome, Response};
//! use minierr::Action;
//!
//! let (status, body) = (200, r#"{"code":4036,"msg":"ID为42的用户已被禁用","data":null}"#);
//! match HttpOutcome::from_status(status) {
//!     HttpOutcome::ReadBody => {
//!         let response: Response = serde_json::from_str(body)?;
//!         assert_eq!(response.code().known(), Some(Code::EntityDisabled));
//!         assert_eq!(response.action(), Some(Action::GiveUp));
//!         // The message with its values filled in still matches its code.
//!         assert_eq!(Code::from_message(response.message().unwrap()), Some(Code::EntityDisabled));
//!     }
//!     HttpOutcome::SystemError { status } => panic!("HTTP {status}: retry later"),
//! }
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! The numbers are this platform's own and collide with other platforms' (500001 is "invalid
//! AppKey" here and a UI error in WeChat's errno), so they live in their own types and are never
//! merged with another catalog.
//!
//! The table is seed 004. Its Chinese is kept as written, including half-width punctuation. Two
//! pairs of codes share a text (101006 and 101007; 500006 and 500013), so a message alone cannot
//! always name one code: see [`Code::all_with_message`].

use crate::Action;

mod code;
#[rustfmt::skip]
mod generated;
mod payload;

pub use code::{AnyCode, UnknownCode};
pub use generated::Code;
pub use payload::{HttpOutcome, Response};

/// One catalog row, as the generated `INFO` table holds it.
#[derive(Debug)]
pub(crate) struct CodeInfo {
    pub(crate) group: Group,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<crate::RetryHint>,
    pub(crate) note: &'static str,
}

/// Which of the seed's three business tables a code comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Group {
    /// 公共业务状态码: common business status codes (200 … 5023).
    Common,
    /// 自定义业务状态码: custom business status codes (100001 … 102009).
    Custom,
    /// 开放平台特定错误码: open-platform-specific error codes (500001 … 500013).
    Platform,
}
