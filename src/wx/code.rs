//! [`Errno`], the catalog of WeChat errno codes, and [`AnyErrno`], any errno kept without loss.

use std::fmt;
use std::str::FromStr;

use super::generated::{self, Errno};
use super::{Category, ErrnoInfo, Subcategory};
use crate::Action;

impl Errno {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::COUNT, 295);
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
    #[must_use]
    pub const fn from_code(code: u32) -> Option<Errno> {
        generated::from_code(code)
    }

    /// The catalog row behind this variant.
    #[inline]
    const fn info(self) -> &'static ErrnoInfo {
        generated::info(self)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::Timeout.code(), 5);
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn err_msg(self) -> &'static str {
        self.info().err_msg
    }

    /// The official Chinese description.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::BluetoothAdapterNotAvailable.message_zh(), "当前蓝牙适配器不可用");
    /// ```
    #[must_use]
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
    #[must_use]
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
    #[must_use]
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
    #[must_use]
    pub fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where the platform says so: only 1505040
    /// ("try again later") in this catalog.
    ///
    /// ```
    /// use minierr::{wx::Errno, RetryHint};
    /// assert_eq!(Errno::GetConnectedWifiFailed.retry_hint(), Some(RetryHint::Later));
    /// assert_eq!(Errno::Timeout.retry_hint(), None);
    /// ```
    #[must_use]
    pub const fn retry_hint(self) -> Option<crate::RetryHint> {
        self.info().retry_hint
    }

    /// The variant's name, e.g. for logs and metrics labels.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::NfcSwitchOff.name(), "NfcSwitchOff");
    /// ```
    #[must_use]
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
    #[must_use]
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
    #[must_use]
    pub const fn subcategory(self) -> Subcategory {
        Subcategory::of(self.code())
    }

    /// The specific error within the subcategory (digits 5-7).
    ///
    /// ```
    /// assert_eq!(minierr::wx::Errno::NfcSwitchOff.detail(), 3);
    /// ```
    #[must_use]
    pub const fn detail(self) -> u16 {
        detail_of(self.code())
    }

    /// The one code whose errMsg matches `text` once both are in normal form (see
    /// [`Errno::all_with_message`]); `None` if none or several do. Templates (`%s`, `%d`) match
    /// their filled-in form.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::from_message("url not in domain list"), Some(Errno::UrlNotInDomainList));
    /// assert_eq!(Errno::from_message("Time out."), Some(Errno::Timeout));
    /// assert_eq!(Errno::from_message("mdns resolve system error:-3"), Some(Errno::MdnsResolveSystemError));
    /// // 3 and 1107013 share this errMsg.
    /// assert_eq!(Errno::from_message("system permission denied"), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn from_message(text: &str) -> Option<Errno> {
        match Errno::all_with_message(text) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every code whose errMsg matches `text` once both are in normal form: ASCII letters in
    /// lower case, runs of white space as one space, no white space at either end and no final
    /// `.` or `。`. Runtime messages differ from the documentation in exactly these ways;
    /// [`Errno::all_with_exact_message`] is the byte-exact lookup.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::all_with_message("Time  out."), &[Errno::Timeout]);
    /// assert_eq!(
    ///     Errno::all_with_message(" MDNS resolve system error:-3 "),
    ///     &[Errno::MdnsResolveSystemError]
    /// );
    /// assert!(Errno::all_with_message("time-out").is_empty());
    /// ```
    #[must_use]
    pub fn all_with_message(text: &str) -> &'static [Errno] {
        crate::catalog::lookup_message(
            &generated::ERR_MSG_INDEX,
            &generated::ERR_MSG_TEMPLATES,
            text,
        )
    }

    /// Every code whose errMsg is `text` byte for byte (a template filled in), in code order;
    /// empty if none.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(
    ///     Errno::all_with_exact_message("system permission denied"),
    ///     &[Errno::SystemPermissionDenied, Errno::PusherPermissionDenied]
    /// );
    /// assert!(Errno::all_with_exact_message("Time out").is_empty(), "errMsg is case-sensitive");
    /// ```
    #[inline]
    #[must_use]
    pub fn all_with_exact_message(text: &str) -> &'static [Errno] {
        crate::catalog::lookup_exact_message(
            &generated::ERR_MSG_INDEX,
            &generated::ERR_MSG_TEMPLATES,
            text,
            Errno::err_msg,
        )
    }

    /// The one code whose errMsg is `reason` byte for byte.
    #[deprecated(
        since = "0.2.0",
        note = "use `from_message` (normal form) or `all_with_exact_message` (byte for byte)"
    )]
    #[must_use]
    pub fn from_err_msg(reason: &str) -> Option<Errno> {
        match Errno::all_with_exact_message(reason) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Every code whose errMsg is `reason` byte for byte.
    #[deprecated(since = "0.2.0", note = "renamed `all_with_exact_message`")]
    #[must_use]
    pub fn all_with_err_msg(reason: &str) -> &'static [Errno] {
        Errno::all_with_exact_message(reason)
    }

    /// Every code whose errMsg matches `reason` in normal form.
    #[deprecated(since = "0.2.0", note = "renamed `all_with_message`")]
    #[must_use]
    pub fn all_with_normalized_err_msg(reason: &str) -> &'static [Errno] {
        Errno::all_with_message(reason)
    }

    /// Every code that `reason` is a documented runtime alias of, compared in normal form:
    /// wordings the runtime sends in place of the errMsg (`auth deny` for 103), each a row of
    /// `data/wechat_err_msg_aliases.tsv` with its source. Empty if none.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::all_with_alias("Auth denied"), &[Errno::JsapiUserAuthorizeDenied]);
    /// assert!(Errno::all_with_alias("jsapi user authorize denied").is_empty(), "an errMsg, not an alias");
    /// ```
    #[must_use]
    pub fn all_with_alias(reason: &str) -> &'static [Errno] {
        crate::catalog::lookup_message(&generated::ALIAS_INDEX, &generated::ALIAS_TEMPLATES, reason)
    }

    /// [`Errno::all_with_alias`] and else [`Errno::all_with_message`], with the text's normal
    /// form built once by the caller. A documented runtime pairing speaks first: the privacy
    /// guide says the runtime sends `privacy permission is not authorized` with errno 104,
    /// though the errno table gives that text to 101102.
    #[cfg(feature = "serde")] // only the fail payload readers look a message up in one family
    pub(crate) fn all_documenting(text: &str, normal: Option<&str>) -> &'static [Errno] {
        use crate::catalog::lookup_message_in;
        match lookup_message_in(
            &generated::ALIAS_INDEX,
            &generated::ALIAS_TEMPLATES,
            text,
            normal,
        ) {
            [] => lookup_message_in(
                &generated::ERR_MSG_INDEX,
                &generated::ERR_MSG_TEMPLATES,
                text,
                normal,
            ),
            found => found,
        }
    }

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::ALL[0], Errno::Ok);
    /// assert_eq!(Errno::ALL.len(), Errno::COUNT);
    /// ```
    pub const ALL: &'static [Errno] = &generated::ALL;

    /// Every catalog code, in ascending order: [`Errno::ALL`] as an iterator.
    ///
    /// ```
    /// use minierr::wx::Errno;
    /// assert_eq!(Errno::all().next(), Some(Errno::Ok));
    /// assert_eq!(Errno::all().count(), Errno::COUNT);
    /// ```
    pub fn all() -> impl Iterator<Item = Errno> {
        Errno::ALL.iter().copied()
    }
}

impl fmt::Display for Errno {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Errno {}

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
        let code = parse_decimal_u32(s).ok_or_else(|| ParseErrnoError::NotAnInteger {
            input: s.to_owned(),
        })?;
        Ok(Errno::try_from(code)?)
    }
}

/// An errno the catalog does not know. Only minierr builds one, from a number that is not in the
/// catalog, so a known code can never hide in here: `AnyErrno::from(1500102)` is always
/// `AnyErrno::Known(..)`.
///
/// ```
/// use minierr::wx::{AnyErrno, Errno};
///
/// let err = Errno::try_from(1500199).unwrap_err();
/// assert_eq!(err.raw(), 1500199);
/// assert_eq!(err.to_string(), "errno 1500199 is not in the WeChat catalog");
/// assert!(matches!(AnyErrno::from(1500199), AnyErrno::Unknown(u) if u == err));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("errno {0} is not in the WeChat catalog")]
pub struct UnknownErrno(pub(crate) u32);

impl UnknownErrno {
    /// The number exactly as received.
    ///
    /// ```
    /// let code = minierr::wx::AnyErrno::from(9_999_999);
    /// assert_eq!(code.unknown().map(|u| u.raw()), Some(9_999_999));
    /// ```
    #[must_use]
    pub const fn raw(self) -> u32 {
        self.0
    }
}

/// Any WeChat errno: a catalog [`Errno`], or an [`UnknownErrno`] that keeps the number.
///
/// Platforms add codes every month, so decoding never rejects a number it does not know; match on
/// the known variants you handle and fall back on [`AnyErrno::category`] or the raw value for the rest.
///
/// ```
/// use minierr::wx::{AnyErrno, Errno};
///
/// let known = AnyErrno::from(600002);
/// assert_eq!(known, AnyErrno::Known(Errno::UrlNotInDomainList));
/// assert_eq!(known.raw(), 600002);
///
/// let newer = AnyErrno::from(600099);
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.raw(), 600099);
/// assert_eq!(newer.category().name_en(), Some("Network"));
/// assert_eq!(newer.to_string(), "600099: not in the catalog (06/00 通用网络错误 (General network errors))");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyErrno {
    /// A code in the catalog.
    Known(Errno),
    /// A code the catalog does not know, with its number.
    Unknown(UnknownErrno),
}

impl AnyErrno {
    /// Classifies a number: `Known` if the catalog has it, `Unknown` otherwise.
    ///
    /// ```
    /// assert!(minierr::wx::AnyErrno::new(5).is_known());
    /// ```
    #[must_use]
    pub fn new(raw: u32) -> AnyErrno {
        match Errno::from_code(raw) {
            Some(errno) => AnyErrno::Known(errno),
            None => AnyErrno::Unknown(UnknownErrno(raw)),
        }
    }

    /// The number, exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(4_000_000).raw(), 4_000_000);
    /// ```
    #[must_use]
    pub const fn raw(self) -> u32 {
        match self {
            AnyErrno::Known(errno) => errno.code(),
            AnyErrno::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog variant, if the code is known.
    ///
    /// ```
    /// use minierr::wx::{AnyErrno, Errno};
    /// assert_eq!(AnyErrno::new(5).known(), Some(Errno::Timeout));
    /// ```
    #[must_use]
    pub const fn known(self) -> Option<Errno> {
        match self {
            AnyErrno::Known(errno) => Some(errno),
            AnyErrno::Unknown(_) => None,
        }
    }

    /// The unknown code, if the catalog does not know it.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(5).unknown(), None);
    /// ```
    #[must_use]
    pub const fn unknown(self) -> Option<UnknownErrno> {
        match self {
            AnyErrno::Known(_) => None,
            AnyErrno::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the catalog knows the code.
    ///
    /// ```
    /// assert!(!minierr::wx::AnyErrno::new(12).is_known());
    /// ```
    #[must_use]
    pub const fn is_known(self) -> bool {
        matches!(self, AnyErrno::Known(_))
    }

    /// The catalog's next step for a known code; `None` for an unknown one, which minierr will
    /// not guess.
    ///
    /// ```
    /// use minierr::{wx::AnyErrno, Action};
    /// assert_eq!(AnyErrno::new(1003).action(), Some(Action::Backoff));
    /// assert_eq!(AnyErrno::new(1004_999).action(), None);
    /// ```
    #[must_use]
    pub fn action(self) -> Option<Action> {
        match self {
            AnyErrno::Known(errno) => Some(errno.action()),
            AnyErrno::Unknown(_) => None,
        }
    }

    /// Digits 1-2, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).category().code(), 15);
    /// ```
    #[must_use]
    pub const fn category(self) -> Category {
        Category::of(self.raw())
    }

    /// Digits 3-4, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).subcategory().code(), 4);
    /// ```
    #[must_use]
    pub const fn subcategory(self) -> Subcategory {
        Subcategory::of(self.raw())
    }

    /// Digits 5-7, for any code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::AnyErrno::new(1504999).detail(), 999);
    /// ```
    #[must_use]
    pub const fn detail(self) -> u16 {
        detail_of(self.raw())
    }
}

/// Digits 5-7 of a code; always below 1000.
pub(crate) const fn detail_of(code: u32) -> u16 {
    (code % 1000) as u16
}

/// Parses a plain decimal `u32`: ASCII digits only, no sign, no white space.
pub(crate) fn parse_decimal_u32(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl From<u32> for AnyErrno {
    fn from(raw: u32) -> AnyErrno {
        AnyErrno::new(raw)
    }
}

impl From<Errno> for AnyErrno {
    fn from(errno: Errno) -> AnyErrno {
        AnyErrno::Known(errno)
    }
}

impl From<AnyErrno> for u32 {
    fn from(code: AnyErrno) -> u32 {
        code.raw()
    }
}

impl PartialEq<Errno> for AnyErrno {
    fn eq(&self, other: &Errno) -> bool {
        *self == AnyErrno::Known(*other)
    }
}

impl PartialOrd for AnyErrno {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyErrno {
    /// By number, known or not.
    ///
    /// ```
    /// use minierr::wx::AnyErrno;
    /// assert!(AnyErrno::new(12) < AnyErrno::new(600002), "unknown 12 sorts before known 600002");
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw().cmp(&other.raw())
    }
}

impl std::error::Error for AnyErrno {}

impl fmt::Display for AnyErrno {
    /// A known code as [`Errno`]'s `Display`; an unknown one with the groups it decodes to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyErrno::Known(errno) => errno.fmt(f),
            AnyErrno::Unknown(unknown) => write!(
                f,
                "{}: not in the catalog ({})",
                unknown.0,
                self.subcategory()
            ),
        }
    }
}

impl FromStr for AnyErrno {
    type Err = ParseErrnoError;

    /// Parses any decimal errno, known or not.
    ///
    /// ```
    /// use minierr::wx::{AnyErrno, Errno};
    /// let known = "1500102".parse::<AnyErrno>().ok().and_then(|e| e.known());
    /// assert_eq!(known, Some(Errno::BluetoothAdapterNotAvailable));
    /// let newer = "1509999".parse::<AnyErrno>().ok();
    /// assert_eq!(newer.map(|e| (e.raw(), e.known())), Some((1509999, None)));
    /// assert!("15x".parse::<AnyErrno>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_decimal_u32(s)
            .map(AnyErrno::new)
            .ok_or_else(|| ParseErrnoError::NotAnInteger {
                input: s.to_owned(),
            })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyErrno {
    /// Always the number, known or not, so a payload serialises back as it came.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.raw())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyErrno {
    /// Accepts an integer or a string of decimal digits; anything else is an error that says
    /// what was expected.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AnyErrno, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "a WeChat errno: an integer from 0 to 4294967295, or one in a string",
        )
        .map(AnyErrno::new)
    }
}

/// Splits a runtime errMsg into the API name and the reason after `:fail`.
///
/// The separator after `fail` varies by API and base-library version (`:`, a space, or
/// nothing), and some runtimes put a space after the colon (`downloadFile: fail …`); all are
/// accepted, and so is a full-width colon after an API name (`downloadFile：fail …`), as Chinese
/// input types it. When the reason is itself a failure of another API (`requestPayment:fail
/// jsapi:fail …`, a wrapper reporting what it called), the innermost reason is returned, since
/// that is the one the catalog describes; the API is the outermost. A success or cancel message
/// such as `request:ok` splits at its colon when the part before it looks like an API name.
/// Anything else has no API part and is all reason.
///
/// ```
/// use minierr::wx::split_err_msg;
///
/// assert_eq!(split_err_msg("openBluetoothAdapter:fail:not available"), (Some("openBluetoothAdapter"), "not available"));
/// assert_eq!(split_err_msg("request:fail url not in domain list"), (Some("request"), "url not in domain list"));
/// assert_eq!(split_err_msg("downloadFile: fail url not in domain list"), (Some("downloadFile"), "url not in domain list"));
/// assert_eq!(split_err_msg("downloadFile：fail url not in domain list"), (Some("downloadFile"), "url not in domain list"));
/// assert_eq!(split_err_msg("getLocation:fail auth deny"), (Some("getLocation"), "auth deny"));
/// assert_eq!(split_err_msg("a:fail b:fail:time out"), (Some("a"), "time out"));
/// assert_eq!(split_err_msg("request:fail"), (Some("request"), ""));
/// assert_eq!(split_err_msg("request:ok"), (Some("request"), "ok"));
/// assert_eq!(split_err_msg("x:failed to open"), (Some("x"), "failed to open"));
/// assert_eq!(split_err_msg("time out"), (None, "time out"));
/// assert_eq!(split_err_msg("fail to connect wifi:time out"), (None, "fail to connect wifi:time out"));
/// ```
#[must_use]
pub fn split_err_msg(err_msg: &str) -> (Option<&str>, &str) {
    if let Some((api, mut reason)) = split_at_fail(err_msg) {
        while let Some((inner_api, inner_reason)) = split_at_fail(reason) {
            if !is_api_name(inner_api) {
                break;
            }
            reason = inner_reason;
        }
        return (Some(api), reason);
    }
    match err_msg.split_once(':') {
        Some((api, rest)) if is_api_name(api.trim()) => (Some(api.trim()), rest.trim()),
        _ => (None, err_msg.trim()),
    }
}

/// Whether `text` has an `api:fail` marker, the shape every WeChat client failure has.
#[cfg(feature = "serde")]
pub(crate) fn has_fail_marker(text: &str) -> bool {
    split_at_fail(text).is_some()
}

/// The API and reason around the first colon that is followed (after any spaces) by the word
/// `fail`. `fail` must end there, so `x:failed to open` has no marker. A full-width colon
/// (`downloadFile：fail …`) is how Chinese input types one, as developers retype an errMsg into a
/// thread; before it the API must be a bare identifier, so prose (`报错：fail`) has no marker.
fn split_at_fail(text: &str) -> Option<(&str, &str)> {
    // The API starts after the text's leading white space, found once rather than at each
    // colon.
    let lead = text.len() - text.trim_start().len();
    colons(text).find_map(|(colon, after_colon, full_width)| {
        let after = text.get(after_colon..)?.trim_start_matches(' ');
        let rest = after.strip_prefix("fail")?;
        if !(rest.is_empty() || rest.starts_with([':', ' ', ','])) {
            return None;
        }
        let api = text.get(lead.min(colon)..colon)?.trim_end();
        // An API's name is short: a longer run is no name, and is not read again at each colon.
        if full_width && !(api.len() <= MAX_API_NAME && is_api_name(api)) {
            return None;
        }
        let reason = rest.strip_prefix([':', ' ', ',']).unwrap_or(rest).trim();
        Some((api, reason))
    })
}

/// Each colon of `text`, ASCII or full-width (U+FF1A), as its start, the byte after it, and
/// whether it is full-width.
pub(crate) fn colons(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    // 0x9A is the last byte of `：`'s UTF-8 (EF BC 9A); other characters share it, so the two
    // bytes before are checked.
    memchr::memchr2_iter(b':', 0x9A, text.as_bytes()).filter_map(move |at| {
        if text.as_bytes().get(at) == Some(&b':') {
            Some((at, at + 1, false))
        } else {
            let start = at.checked_sub(2)?;
            (text.get(start..=at) == Some("：")).then_some((start, at + 1, true))
        }
    })
}

/// The longest text [`split_at_fail`] reads as an API's name before a full-width colon (the
/// longest WeChat API names have 43 bytes).
const MAX_API_NAME: usize = 64;

/// `request`, `openBluetoothAdapter`, `operateWXData`: an identifier, as WeChat names its APIs.
pub(crate) fn is_api_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

crate::catalog_code::impl_catalog_code!(Errno, |c| {
        all: &generated::ALL,
        platform: Wechat,
        code: Some(crate::CodeText::Number(i64::from(c.code()))),
        name: Errno::name(c),
        machine: c.err_msg(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Some(Errno::action(c)),
        hint: Errno::retry_hint(c),
        reliability: Some(crate::Reliability::Official),
        named_by: |query| match crate::catalog_code::number(query).and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Errno::from_code(n).into_iter().collect(),
            None => Errno::all_with_message(query).to_vec(),
        },
});
