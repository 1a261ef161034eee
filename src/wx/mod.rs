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

use std::fmt;
use std::str::FromStr;

use crate::Action;

mod any_errno;
mod category;
mod err_msg;
#[cfg(feature = "serde")]
mod fail;
#[rustfmt::skip]
mod generated;

pub use any_errno::{AnyErrno, UnknownErrno};
pub use category::{Category, Naming, Subcategory};
pub use err_msg::split_err_msg;
#[cfg(feature = "serde")]
pub use fail::Fail;
#[cfg(feature = "json")]
pub(crate) use fail::errno_of;
pub use generated::{Errno, ErrnoIter};

/// One catalog row, as the generated `Errno::info` returns it.
#[derive(Debug)]
pub(crate) struct ErrnoInfo {
    pub(crate) err_msg: &'static str,
    pub(crate) message_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) action: Action,
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

/// The index of `code` in the sorted tables, or an out-of-range index if no code has its slot.
#[inline]
fn slot_of(code: u32) -> usize {
    crate::catalog::slot_of(&generated::SLOTS, generated::SLOT_MODULUS, code)
}

static MISSING_ROW: ErrnoInfo = ErrnoInfo {
    err_msg: "",
    message_zh: "目录缺少此行",
    message_en: "Catalog row missing",
    action: Action::GiveUp,
    note: "",
};

impl Errno {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::COUNT, 274);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// The variant for a numeric code, or `None` if the catalog does not know it.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::from_code(600002), Some(Errno::UrlNotInDomainList));
    /// assert_eq!(Errno::from_code(600099), None);
    /// ```
    #[inline]
    pub fn from_code(code: u32) -> Option<Errno> {
        let errno = *generated::SORTED.get(slot_of(code))?;
        (errno.code() == code).then_some(errno)
    }

    /// The catalog row behind this variant.
    #[inline]
    fn info(self) -> &'static ErrnoInfo {
        // Every variant has a slot (the generator builds the table from the same rows, and the
        // tests walk every variant), so the fallback only keeps this free of panics.
        generated::INFO
            .get(slot_of(self.code()))
            .unwrap_or(&MISSING_ROW)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::Timeout.code(), 5);
    /// ```
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// The errMsg the platform sends, byte for byte, or `""` for the codes that upstream lists
    /// without one. Some hold `%s` or `%d`, which the runtime fills in.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::Timeout.err_msg(), "time out");
    /// assert_eq!(Errno::MdnsResolveSystemError.err_msg(), "mdns resolve system error:%d");
    /// assert_eq!(Errno::BluetoothAdapterNotAvailable.err_msg(), "");
    /// ```
    #[inline]
    pub fn err_msg(self) -> &'static str {
        self.info().err_msg
    }

    /// The official Chinese description.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::BluetoothAdapterNotAvailable.message_zh(), "当前蓝牙适配器不可用");
    /// ```
    pub fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English description, without a final full stop.
    ///
    /// ```
    /// assert_eq!(
    ///     minierr::wx::Errno::MidasBuyGoodsFailed.message_en(),
    ///     "Midas failed to place the order"
    /// );
    /// ```
    #[inline]
    pub fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// Where the sources disagree or say more, what they say; `None` for most codes.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert!(Errno::NoSuchFileOrDirectory.note().unwrap().contains("No such file or directory"));
    /// assert_eq!(Errno::Timeout.note(), None);
    /// ```
    pub fn note(self) -> Option<&'static str> {
        let note = self.info().note;
        if note.is_empty() { None } else { Some(note) }
    }

    /// What the caller should do next.
    ///
    /// ```
    /// use minierr::{wx::Errno, Action};
    /// assert_eq!(Errno::ServerFrequencyLimit.action(), Action::Backoff);
    /// assert_eq!(Errno::UrlNotInDomainList.action(), Action::FixConfig);
    /// ```
    #[inline]
    pub fn action(self) -> Action {
        self.info().action
    }

    /// The variant's name, e.g. for logs and metrics labels.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::NfcSwitchOff.name(), "NfcSwitchOff");
    /// ```
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The first-level category (digits 1-2).
    ///
    /// ```
    /// let category = minierr::wx::Errno::NfcSwitchOff.category();
    /// assert_eq!(category.code(), 15);
    /// assert_eq!(category.name_en(), Some("Device"));
    /// ```
    pub const fn category(self) -> Category {
        Category::of(self.code())
    }

    /// The second-level category (digits 3-4).
    ///
    /// ```
    /// let sub = minierr::wx::Errno::NfcSwitchOff.subcategory();
    /// assert_eq!((sub.category().code(), sub.code()), (15, 4));
    /// assert_eq!(sub.name_zh(), Some("NFC"));
    /// ```
    pub const fn subcategory(self) -> Subcategory {
        Subcategory::of(self.code())
    }

    /// The specific error within the subcategory (digits 5-7).
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::NfcSwitchOff.detail(), 3);
    /// ```
    pub const fn detail(self) -> u16 {
        any_errno::detail_of(self.code())
    }

    /// The code whose errMsg is `reason`, if exactly one code has it. Templates (`%s`, `%d`)
    /// match their filled-in form. For errMsgs shared by several codes, see
    /// [`Errno::all_with_err_msg`].
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::from_err_msg("url not in domain list"), Some(Errno::UrlNotInDomainList));
    /// assert_eq!(Errno::from_err_msg("mdns resolve system error:-3"), Some(Errno::MdnsResolveSystemError));
    /// // 3 and 1107013 share this errMsg.
    /// assert_eq!(Errno::from_err_msg("system permission denied"), None);
    /// assert_eq!(Errno::from_err_msg("Time out"), None, "errMsg is case-sensitive");
    /// ```
    #[inline]
    pub fn from_err_msg(reason: &str) -> Option<Errno> {
        match Errno::all_with_err_msg(reason) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every code whose errMsg is `reason`, in code order; empty if none.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(
    ///     Errno::all_with_err_msg("system permission denied"),
    ///     &[Errno::SystemPermissionDenied, Errno::PusherPermissionDenied]
    /// );
    /// assert!(Errno::all_with_err_msg("no such errMsg").is_empty());
    /// ```
    #[inline]
    pub fn all_with_err_msg(reason: &str) -> &'static [Errno] {
        err_msg::lookup(reason)
    }

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::all().next(), Some(Errno::Ok));
    /// assert_eq!(Errno::all().count(), Errno::COUNT);
    /// ```
    pub fn all() -> ErrnoIter {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for Errno {
    /// `1500102: The Bluetooth adapter is not available`, or with the errMsg where there is one:
    /// `5 time out: The API call timed out`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.err_msg() {
            "" => write!(f, "{}: {}", self.code(), self.message_en()),
            msg => write!(f, "{} {}: {}", self.code(), msg, self.message_en()),
        }
    }
}

impl From<Errno> for u32 {
    fn from(errno: Errno) -> u32 {
        errno.code()
    }
}

impl TryFrom<u32> for Errno {
    type Error = UnknownErrno;

    /// Fails with the raw value kept when the catalog does not know the code.
    fn try_from(code: u32) -> Result<Self, Self::Error> {
        Errno::from_code(code).ok_or(UnknownErrno(code))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Errno {
    /// The code as an integer: `600002`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Errno {
    /// An integer the catalog lists; any other is an error (`AnyErrno` keeps unknown codes).
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(serde_json::from_str::<Errno>("600002")?, Errno::UrlNotInDomainList);
    /// let err = serde_json::from_str::<Errno>("1509999").unwrap_err().to_string();
    /// assert!(err.starts_with("invalid value: integer `1509999`, expected a WeChat errno in the catalog"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::catalog::code_from_integer(
            deserializer,
            Errno::from_code,
            "a WeChat errno in the catalog (decode unknown ones as AnyErrno)",
        )
    }
}

/// The error from parsing an [`Errno`] out of text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseErrnoError {
    /// The text is not a decimal integer that fits in a `u32`.
    #[error("{input:?} is not a WeChat errno: expected a decimal integer from 0 to 4294967295")]
    NotAnInteger {
        /// The text as given.
        input: String,
    },
    /// The number is a valid errno, but not one this catalog knows.
    #[error(transparent)]
    Unknown(#[from] UnknownErrno),
}

impl FromStr for Errno {
    type Err = ParseErrnoError;

    /// Parses a decimal code such as `"1500102"`.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!("1500102".parse::<Errno>().unwrap(), Errno::BluetoothAdapterNotAvailable);
    /// assert_eq!(
    ///     "abc".parse::<Errno>().unwrap_err().to_string(),
    ///     r#""abc" is not a WeChat errno: expected a decimal integer from 0 to 4294967295"#
    /// );
    /// assert_eq!(
    ///     "1500199".parse::<Errno>().unwrap_err().to_string(),
    ///     "errno 1500199 is not in the WeChat catalog"
    /// );
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code =
            any_errno::parse_decimal_u32(s).ok_or_else(|| ParseErrnoError::NotAnInteger {
                input: s.to_owned(),
            })?;
        Ok(Errno::try_from(code)?)
    }
}
