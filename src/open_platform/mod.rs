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

use std::fmt;

use crate::Action;
use crate::catalog::{fill_template, lookup_message, slot_of};

#[rustfmt::skip]
mod generated;
mod response;

pub use generated::{Code, CodeIter};
pub use response::{AnyCode, Response, UnknownCode};

/// One catalog row, as the generated `INFO` table holds it.
#[derive(Debug)]
pub(crate) struct CodeInfo {
    pub(crate) group: Group,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
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

/// What the HTTP status says before the body is read.
///
/// ```
/// use minierr::open_platform::HttpOutcome;
/// use minierr::Action;
///
/// assert_eq!(HttpOutcome::from_status(200), HttpOutcome::ReadBody);
/// let outage = HttpOutcome::from_status(503);
/// assert_eq!(outage, HttpOutcome::SystemError { status: 503 });
/// assert_eq!(outage.action(), Some(Action::Retry));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HttpOutcome {
    /// HTTP 200: the platform answered; the JSON `code` says how the business call went.
    ReadBody,
    /// Any other status: a system-level failure such as maintenance or a network problem. Retry
    /// later; if it persists, contact the platform's support.
    SystemError {
        /// The HTTP status as received.
        status: u16,
    },
}

impl HttpOutcome {
    /// Classifies an HTTP status.
    pub const fn from_status(status: u16) -> HttpOutcome {
        match status {
            200 => HttpOutcome::ReadBody,
            status => HttpOutcome::SystemError { status },
        }
    }

    /// `None` for [`HttpOutcome::ReadBody`] (the body decides), [`Action::Retry`] for a
    /// system-level failure.
    pub const fn action(self) -> Option<Action> {
        match self {
            HttpOutcome::ReadBody => None,
            HttpOutcome::SystemError { .. } => Some(Action::Retry),
        }
    }
}

impl Code {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::COUNT, 65);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// The variant for a numeric code, or `None` if the table does not list it.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::from_code(50211), Some(Code::UnsupportedDatabaseField));
    /// assert_eq!(Code::from_code(4007), None);
    /// ```
    #[inline]
    pub fn from_code(code: u32) -> Option<Code> {
        let found =
            *generated::SORTED.get(slot_of(&generated::SLOTS, generated::SLOT_MODULUS, code))?;
        (found.code() == code).then_some(found)
    }

    #[inline]
    fn info(self) -> &'static CodeInfo {
        // Every variant has a slot; the fallback only keeps this free of panics.
        generated::INFO
            .get(slot_of(
                &generated::SLOTS,
                generated::SLOT_MODULUS,
                self.code(),
            ))
            .unwrap_or(&MISSING_ROW)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::LoginRequired.code(), 401);
    /// ```
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// Which table the code comes from.
    ///
    /// ```
    /// use minierr::open_platform::{Code, Group};
    /// assert_eq!(Code::PlatformInvalidAppKey.group(), Group::Platform);
    /// ```
    pub fn group(self) -> Group {
        self.info().group
    }

    /// The table's Chinese text; 4036 holds `%s` placeholders (see [`Code::render_zh`]).
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::DuplicateRequest.message_zh(), "重复的请求");
    /// ```
    pub fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English translation, without a final full stop.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::DuplicateRequest.message_en(), "Duplicate request");
    /// ```
    pub fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// What the caller should do next.
    ///
    /// ```
    /// use minierr::{open_platform::Code, Action};
    /// assert_eq!(Code::DuplicateRequest.action(), Action::Reconcile);
    /// assert_eq!(Code::ServiceError.action(), Action::Retry);
    /// ```
    pub fn action(self) -> Action {
        self.info().action
    }

    /// Extra advice or a source note, where there is one.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert!(Code::RequestTimeOutOfRange.note().unwrap().contains("clock"));
    /// assert_eq!(Code::NotFound.note(), None);
    /// ```
    pub fn note(self) -> Option<&'static str> {
        let note = self.info().note;
        if note.is_empty() { None } else { Some(note) }
    }

    /// The variant's name.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::NotFound.name(), "NotFound");
    /// ```
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether the code reports success (200 and 201, and 302, which only recommends an upgrade).
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert!(Code::OkWithFollowUp.is_success());
    /// assert!(!Code::NotFound.is_success());
    /// ```
    pub fn is_success(self) -> bool {
        self.action() == Action::Success
    }

    /// The Chinese text with its `%s` placeholders filled in order.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::EntityDisabled.render_zh(&[&42, &"用户"]), "ID为42的用户已被禁用");
    /// assert_eq!(Code::NotFound.render_zh(&[]), "没有查到相关的数据");
    /// ```
    pub fn render_zh(self, args: &[&dyn fmt::Display]) -> String {
        fill_template(self.message_zh(), args)
    }

    /// The English text with its `%s` placeholders filled in order.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::EntityDisabled.render_en(&[&42, &"user"]), "ID 42 (user) has been disabled");
    /// ```
    pub fn render_en(self, args: &[&dyn fmt::Display]) -> String {
        fill_template(self.message_en(), args)
    }

    /// The one code whose Chinese text is `message`, with placeholders matching filled-in
    /// values; `None` if no code or several codes have it.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::from_message("ID为42的用户已被禁用"), Some(Code::EntityDisabled));
    /// assert_eq!(Code::from_message("签名无效"), None, "4004 and 500003 share it");
    /// ```
    pub fn from_message(message: &str) -> Option<Code> {
        match Code::all_with_message(message) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every code whose Chinese text is `message`, in code order.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::all_with_message("签名无效"), &[Code::InvalidSignature, Code::PlatformInvalidSignature]);
    /// ```
    #[inline]
    pub fn all_with_message(message: &str) -> &'static [Code] {
        lookup_message(
            &generated::MESSAGE_EXACT,
            &generated::MESSAGE_TEMPLATES,
            message.trim(),
        )
    }

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::all().next(), Some(minierr::open_platform::Code::Ok));
    /// ```
    pub fn all() -> CodeIter {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

static MISSING_ROW: CodeInfo = CodeInfo {
    group: Group::Common,
    message_zh: "目录缺少此行",
    message_en: "Catalog row missing",
    action: Action::GiveUp,
    note: "",
};

impl fmt::Display for Code {
    /// `4004: The signature is invalid`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.message_en())
    }
}

impl From<Code> for u32 {
    fn from(code: Code) -> u32 {
        code.code()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    /// The code as an integer: `4004`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Code {
    /// An integer the table lists; any other is an error (`AnyCode` keeps unknown codes).
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(serde_json::from_str::<Code>("4004")?, Code::InvalidSignature);
    /// assert!(serde_json::from_str::<Code>("4999").is_err());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::catalog::code_from_integer(
            deserializer,
            Code::from_code,
            "an open-platform code in the table (decode unknown ones as AnyCode)",
        )
    }
}

impl TryFrom<u32> for Code {
    type Error = UnknownCode;

    /// Fails with the number kept when the table does not list it.
    fn try_from(code: u32) -> Result<Self, Self::Error> {
        Code::from_code(code).ok_or(UnknownCode(i64::from(code)))
    }
}
