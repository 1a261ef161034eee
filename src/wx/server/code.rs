//! [`Errcode`], the catalog of server errcodes, [`AnyErrcode`], any errcode kept without loss,
//! and [`Meaning`], a code's reading on one API.

use std::fmt;

use super::ErrcodeInfo;
use super::generated::{self, Errcode};
use crate::Reliability;
use crate::{Action, RetryHint};

impl Errcode {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::COUNT, 927 + 1037 + 22);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(Errcode::ALL[0].code(), -1008);
    /// assert_eq!(Errcode::ALL.len(), Errcode::COUNT);
    /// ```
    pub const ALL: &'static [Errcode] = &generated::ALL;

    /// The variant for a numeric code, or `None` if the catalog does not know it.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(Errcode::from_code(45011), Some(Errcode::MinuteQuotaReached));
    /// assert_eq!(Errcode::from_code(-1), Some(Errcode::SystemBusy));
    /// assert_eq!(Errcode::from_code(45999), None);
    /// ```
    #[inline]
    #[must_use]
    pub const fn from_code(code: i64) -> Option<Errcode> {
        generated::from_code(code)
    }

    /// The catalog row behind this variant: its main meaning.
    #[inline]
    const fn info(self) -> &'static ErrcodeInfo {
        generated::info(self)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::InvalidCode.code(), 40029);
    /// ```
    #[must_use]
    pub const fn code(self) -> i64 {
        self as i64
    }

    /// The variant's name, e.g. for logs and metrics labels.
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::InvalidCode.name(), "InvalidCode");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The errmsg the server sends, byte for byte as a source shows it, without the `rid` and
    /// other suffixes; `""` for codes whose English errmsg no source shows. 40164 holds a `%s`
    /// where the runtime puts the caller's IP.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(Errcode::MinuteQuotaReached.errmsg(), "api minute-quota reach limit, must slower, retry next minute");
    /// assert_eq!(Errcode::IpNotInWhitelist.errmsg(), "invalid ip %s ipv6 ::ffff:%s, not in whitelist");
    /// ```
    #[must_use]
    pub const fn errmsg(self) -> &'static str {
        self.info().errmsg
    }

    /// The other spellings of the errmsg the sources document: an older errmsg, or a runtime's
    /// wording, `%s` placeholders included. Most codes have none.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(Errcode::DailyQuotaReached.errmsg_aliases(), ["api freq out of limit"]);
    /// assert!(Errcode::InvalidCode.errmsg_aliases().is_empty());
    /// ```
    #[must_use]
    pub const fn errmsg_aliases(self) -> &'static [&'static str] {
        self.info().aliases
    }

    /// The Chinese description, as the source writes it (`""` for the one code no source
    /// describes in Chinese).
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::AccessTokenMissing.message_zh(), "缺少 access_token 参数");
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English description, without a final full stop.
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::AccessTokenExpired.message_en(), "The access token has expired");
    /// ```
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// Where the sources disagree or say more, what they say; `None` for most codes.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert!(Errcode::DailyQuotaReached.note().unwrap().contains("DAILY"));
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info().note)
    }

    /// What the caller should do next, on an API the code has no special meaning for; see
    /// [`Errcode::action_for`].
    ///
    /// ```
    /// use minierr::{wx::server::Errcode, Action};
    /// assert_eq!(Errcode::AccessTokenExpired.action(), Action::Refresh);
    /// assert_eq!(Errcode::MinuteQuotaReached.action(), Action::Backoff);
    /// assert_eq!(Errcode::RiskyContent.action(), Action::GiveUp);
    /// ```
    #[must_use]
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where a source states it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use minierr::{wx::server::Errcode, RetryHint};
    /// assert_eq!(Errcode::MinuteQuotaReached.retry_hint(), Some(RetryHint::After(Duration::from_secs(60))));
    /// assert_eq!(
    ///     Errcode::DailyQuotaReached.retry_hint(),
    ///     Some(RetryHint::NextDay { utc_offset_seconds: 8 * 3600 })
    /// );
    /// assert_eq!(Errcode::InvalidCode.retry_hint(), None);
    /// ```
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info().retry_hint
    }

    /// Which kind of source the code comes from.
    ///
    /// ```
    /// use minierr::wx::server::{Errcode, Reliability};
    /// assert_eq!(Errcode::InvalidCode.reliability(), Reliability::Official);
    /// ```
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info().reliability
    }

    /// The APIs the sources list the code for, as they name them (`global` for the common
    /// tables).
    ///
    /// ```
    /// assert!(minierr::wx::server::Errcode::InvalidCode.apis().contains("code2Session"));
    /// ```
    #[must_use]
    pub const fn apis(self) -> &'static str {
        self.info().apis
    }

    /// The source page or pages of the row.
    ///
    /// ```
    /// assert!(minierr::wx::server::Errcode::InvalidCode.source().starts_with("https://"));
    /// ```
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The code's meaning on `api` (`getAccessToken`, `generateUrlLink`, …; case-insensitive):
    /// the API's own reading where the sources give one, else the main meaning.
    ///
    /// ```
    /// use minierr::{wx::server::Errcode, Action};
    /// let on_token = Errcode::InvalidCredential.meaning_for("getAccessToken");
    /// assert_eq!(on_token.action(), Action::FixConfig);
    /// assert_eq!(on_token.message_en(), "The AppSecret is wrong");
    /// let elsewhere = Errcode::InvalidCredential.meaning_for("sendMessage");
    /// assert_eq!(elsewhere.action(), Action::Refresh);
    /// assert!(!elsewhere.is_api_specific());
    /// ```
    #[must_use]
    pub fn meaning_for(self, api: &str) -> Meaning {
        let api = api.trim();
        generated::api_meanings(self)
            .iter()
            .find(|m| m.only_for.iter().any(|a| a.eq_ignore_ascii_case(api)))
            .map_or(
                Meaning {
                    info: self.info(),
                    api_specific: false,
                },
                |m| Meaning {
                    info: &m.info,
                    api_specific: true,
                },
            )
    }

    /// [`Errcode::meaning_for`]'s action: what to do after this code on `api`.
    ///
    /// ```
    /// use minierr::{wx::server::Errcode, Action};
    /// assert_eq!(Errcode::InvalidCredential.action_for("getAccessToken"), Action::FixConfig);
    /// assert_eq!(Errcode::InvalidCredential.action_for("msgSecCheck"), Action::Refresh);
    /// ```
    #[must_use]
    pub fn action_for(self, api: &str) -> Action {
        self.meaning_for(api).action()
    }

    /// The APIs on which the code has a meaning of its own, if any.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert!(Errcode::InvalidGrantType.api_specific_apis().any(|a| a == "generateUrlLink"));
    /// assert_eq!(Errcode::InvalidCode.api_specific_apis().count(), 0);
    /// ```
    pub fn api_specific_apis(self) -> impl Iterator<Item = &'static str> {
        generated::api_meanings(self)
            .iter()
            .flat_map(|m| m.only_for.iter().copied())
    }

    /// Every code whose errmsg, or one of its documented other spellings, matches `reason`
    /// once both are in normal form (ASCII case, runs of white space, a final full stop).
    /// `reason` is the errmsg without suffixes: see [`split_errmsg`](super::split_errmsg).
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// // 40029 (login) and 40116 (cards) share this errmsg.
    /// assert_eq!(
    ///     Errcode::all_with_message("Invalid Code."),
    ///     &[Errcode::InvalidCode, Errcode::InvalidCardCode]
    /// );
    /// // The documentation's spelling of 45011 differs from what the server sends.
    /// assert_eq!(
    ///     Errcode::all_with_message("api minute-quota reach limit  mustslower  retry next minute"),
    ///     &[Errcode::MinuteQuotaReached]
    /// );
    /// // 40164 carries the caller's IP.
    /// assert_eq!(
    ///     Errcode::all_with_message("invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"),
    ///     &[Errcode::IpNotInWhitelist]
    /// );
    /// ```
    #[must_use]
    pub fn all_with_message(reason: &str) -> &'static [Errcode] {
        crate::catalog::lookup_message(
            &generated::ERRMSG_INDEX,
            &generated::ERRMSG_TEMPLATES,
            reason,
        )
    }

    /// The one code whose errmsg matches `reason` in normal form; `None` if none or several do.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(Errcode::from_message("Access_Token Expired"), Some(Errcode::AccessTokenExpired));
    /// assert_eq!(Errcode::from_message("invalid template_id"), None, "40037 and 40081 share it");
    /// ```
    #[must_use]
    pub fn from_message(reason: &str) -> Option<Errcode> {
        match Errcode::all_with_message(reason) {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Whether `reason` (an errmsg without its suffixes) cannot be this code's errmsg: the
    /// catalog documents an errmsg for the code (on any API, or an older spelling), and the
    /// reason does not hold the first two words of any of them, in order. Other services
    /// answer in the same `{errcode, errmsg}` shape with numbers of their own (ByteDance's
    /// login sends `40014 bad params`), and WeChat's errmsg is a fixed English string, so such
    /// a number is not WeChat's code.
    ///
    /// Runtimes shorten an errmsg and append to it (`invalid credential`, an IP, a `hint`), so
    /// agreement asks only for the first two words of one documented errmsg, anywhere in the
    /// reason. An empty reason and a code with no documented errmsg contradict nothing, and
    /// neither does a reason beyond ASCII: SDKs replace the errmsg with their own Chinese text
    /// (WxJava's `code 无效` for 40029).
    ///
    /// Success (0) is worded freely by wrappers (`ok`, `success`), so only an errmsg that the
    /// catalog documents for failure codes, and not for 0, contradicts it: WeChat's success
    /// says `ok`, and `{"errcode":0,"errmsg":"access_token expired"}` is a failure beside a 0
    /// that a wrapper filled in. (A shortened errmsg, `invalid credential`, names no code
    /// exactly, and is left alone.)
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert!(Errcode::InvalidAccessToken.errmsg_contradicts("bad params"));
    /// assert!(!Errcode::InvalidCode.errmsg_contradicts("code 无效"));
    /// assert!(!Errcode::InvalidCredential.errmsg_contradicts("invalid credential"));
    /// // Whole words only.
    /// assert!(Errcode::InvalidCode.errmsg_contradicts("invalid codes"));
    /// assert!(!Errcode::IpNotInWhitelist.errmsg_contradicts("invalid ip 1.2.3.4, not in whitelist"));
    /// assert!(!Errcode::DailyQuotaReached.errmsg_contradicts("api freq out of limit"));
    /// assert!(!Errcode::InvalidCode.errmsg_contradicts(""));
    /// // The two words anywhere in the reason, in a row and in order.
    /// assert!(!Errcode::InvalidCredential.errmsg_contradicts("token check: invalid credential, x"));
    /// assert!(Errcode::InvalidCredential.errmsg_contradicts("invalid token credential"));
    /// assert!(Errcode::InvalidCredential.errmsg_contradicts("credential invalid"));
    /// // Success: any words but another code's errmsg.
    /// assert!(!Errcode::Ok.errmsg_contradicts("success"));
    /// assert!(Errcode::Ok.errmsg_contradicts("access_token expired"));
    /// ```
    #[must_use]
    pub fn errmsg_contradicts(self, reason: &str) -> bool {
        let reason = reason.trim_ascii_start();
        // SDKs replace the errmsg with their own Chinese text (WxJava prints `错误信息：code
        // 无效` for 40029), so a reason beyond ASCII is not judged.
        if reason.trim_end().is_empty() || !reason.is_ascii() {
            return false;
        }
        if self == Errcode::Ok {
            let named = Errcode::all_with_message(reason);
            return !named.is_empty() && !named.contains(&Errcode::Ok);
        }
        let mut documented = false;
        let agrees = self
            .documented_errmsgs()
            .filter_map(|errmsg| leads_agree(errmsg, reason))
            .any(|agrees| {
                documented = true;
                agrees
            });
        documented && !agrees
    }

    /// Whether `reason` shares a subject with an errmsg the catalog documents for the code: two
    /// or more words of four or more letters or digits, other than the words that say only
    /// that something went wrong (`invalid`, `error`, `param`, …) or how (`limit`, `size`,
    /// `type`, `please`, …), found in both. `param path length invalid` and 40159's `invalid
    /// length for path, or the data is not json string` share `path` and `length`; `image file
    /// is empty` and 101000's `invalid image url` share only `image`, and the number is reused
    /// with that meaning elsewhere.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert!(Errcode::InvalidPath.errmsg_shares_a_subject("param path length invalid"));
    /// assert!(!Errcode::NoSession.errmsg_shares_a_subject("[signature] signature is invalid"));
    /// assert!(!Errcode::SystemBusy.errmsg_shares_a_subject("system busy"));
    /// ```
    #[must_use]
    pub fn errmsg_shares_a_subject(self, reason: &str) -> bool {
        // Words that say something went wrong, or how, not about what.
        const GENERIC: [&str; 30] = [
            "invalid",
            "error",
            "errors",
            "system",
            "param",
            "params",
            "parameter",
            "data",
            "request",
            "failed",
            "with",
            "from",
            "that",
            "this",
            "limit",
            "size",
            "type",
            "code",
            "user",
            "please",
            "check",
            "need",
            "have",
            "must",
            "some",
            "exist",
            "exists",
            "empty",
            "wrong",
            "allowed",
        ];
        fn subjects(text: &str) -> impl Iterator<Item = &str> {
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|word| word.len() >= 4)
                .filter(|word| !GENERIC.iter().any(|g| g.eq_ignore_ascii_case(word)))
        }
        let documented_has = |word: &str| {
            self.documented_errmsgs().any(|documented| {
                subjects(documented).any(|subject| subject.eq_ignore_ascii_case(word))
            })
        };
        // Each word once: `path path` is one subject.
        let mut shared: [&str; 2] = ["", ""];
        let mut count = 0;
        for word in subjects(reason) {
            if shared
                .iter()
                .take(count)
                .any(|s| s.eq_ignore_ascii_case(word))
            {
                continue;
            }
            if documented_has(word) {
                if let Some(slot) = shared.get_mut(count) {
                    *slot = word;
                }
                count += 1;
                if count == 2 {
                    return true;
                }
            }
        }
        false
    }

    /// Whether an errmsg, as sent, begins with the words of one the catalog documents for the
    /// code: the common case, settled on the raw errmsg before its suffixes are split off
    /// (what [`Errcode::errmsg_contradicts`] would find, since they only end it).
    pub(crate) fn errmsg_begins_as_documented(self, errmsg: &str) -> bool {
        let errmsg = errmsg.trim_ascii_start();
        self.documented_errmsgs()
            .any(|documented| begins_with_documented(documented, errmsg))
    }

    /// Every errmsg the catalog documents for the code: its own, its older spellings, and
    /// those of its per-API meanings.
    fn documented_errmsgs(self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.info())
            .chain(generated::api_meanings(self).iter().map(|m| &m.info))
            .flat_map(|info| std::iter::once(info.errmsg).chain(info.aliases.iter().copied()))
    }

    /// The code a reason names when no errcode was sent, given the codes the reason matches
    /// ([`Errcode::all_with_message`]): the only one, but never a code whose step is by rule. The
    /// open platform's errmsgs are short and generic (`blocked`, `order paid`); one of them
    /// alone is not evidence enough to name a code.
    pub(crate) fn recovered_from(codes: &[Errcode]) -> Option<Errcode> {
        match codes {
            [only] if !only.is_step_by_rule() => Some(*only),
            _ => None,
        }
    }

    /// Whether the step was derived by rule from the code's text (the open platform's codes,
    /// `codegen/src/server_rule.rs`) rather than set by hand.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert!(!Errcode::InvalidCode.is_step_by_rule());
    /// assert!(Errcode::all().any(Errcode::is_step_by_rule));
    /// ```
    #[must_use]
    pub const fn is_step_by_rule(self) -> bool {
        self.info().by_rule
    }

    /// The one code whose errmsg matches `reason` in normal form.
    #[deprecated(since = "0.2.0", note = "renamed `from_message`")]
    #[must_use]
    pub fn from_errmsg(reason: &str) -> Option<Errcode> {
        Errcode::from_message(reason)
    }

    /// Every code whose errmsg matches `reason` in normal form.
    #[deprecated(since = "0.2.0", note = "renamed `all_with_message`")]
    #[must_use]
    pub fn all_with_normalized_errmsg(reason: &str) -> &'static [Errcode] {
        Errcode::all_with_message(reason)
    }

    /// Every catalog code, in ascending order: [`Errcode::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::wx::server::Errcode::all().count(), 927 + 1037 + 22);
    /// ```
    pub fn all() -> impl Iterator<Item = Errcode> {
        Errcode::ALL.iter().copied()
    }
}

impl fmt::Display for Errcode {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Errcode {}

impl From<Errcode> for i64 {
    fn from(code: Errcode) -> i64 {
        code.code()
    }
}

impl TryFrom<i64> for Errcode {
    type Error = UnknownErrcode;

    /// Fails with the raw value kept when the catalog does not know the code.
    fn try_from(code: i64) -> Result<Self, Self::Error> {
        Errcode::from_code(code).ok_or(UnknownErrcode(code))
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Errcode {
    /// An integer the catalog lists; any other is an error (`AnyErrcode` keeps unknown codes).
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!(serde_json::from_str::<Errcode>("40029")?, Errcode::InvalidCode);
    /// let err = serde_json::from_str::<Errcode>("40999").unwrap_err().to_string();
    /// assert!(err.contains("decode unknown ones as AnyErrcode"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = i64::deserialize(deserializer)?;
        Errcode::from_code(code).ok_or_else(|| {
            serde::de::Error::invalid_value(
                serde::de::Unexpected::Signed(code),
                &"a WeChat server errcode in the catalog (decode unknown ones as AnyErrcode)",
            )
        })
    }
}

/// A code's reading on one API: its own where the sources give one, else the main meaning.
#[derive(Clone, Copy, Debug)]
pub struct Meaning {
    info: &'static ErrcodeInfo,
    api_specific: bool,
}

impl Meaning {
    /// The Chinese description.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info.message_zh
    }

    /// The English description.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info.message_en
    }

    /// What to do next.
    #[must_use]
    pub const fn action(self) -> Action {
        self.info.action
    }

    /// Whether this is the API's own reading rather than the code's main meaning.
    #[must_use]
    pub const fn is_api_specific(self) -> bool {
        self.api_specific
    }

    /// The source's note on this reading, if any.
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info.note)
    }
}

impl PartialEq for Meaning {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.info, other.info)
    }
}

impl Eq for Meaning {}

/// An errcode the catalog does not know. Only minierr builds one, from a number that is not in
/// the catalog, so a known code can never hide in here.
///
/// ```
/// use minierr::wx::server::Errcode;
/// let err = Errcode::try_from(40999).unwrap_err();
/// assert_eq!(err.raw(), 40999);
/// assert_eq!(err.to_string(), "errcode 40999 is not in the WeChat server catalog");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("errcode {0} is not in the WeChat server catalog")]
pub struct UnknownErrcode(pub(crate) i64);

impl UnknownErrcode {
    /// The number exactly as received.
    #[must_use]
    pub const fn raw(self) -> i64 {
        self.0
    }
}

/// Any server errcode: a catalog [`Errcode`], or an [`UnknownErrcode`] that keeps the number,
/// negative ones included.
///
/// ```
/// use minierr::wx::server::{AnyErrcode, Errcode};
/// assert_eq!(AnyErrcode::new(40029), AnyErrcode::Known(Errcode::InvalidCode));
/// let newer = AnyErrcode::new(-99);
/// assert_eq!(newer.known(), None);
/// assert_eq!(newer.raw(), -99);
/// assert_eq!(newer.action(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyErrcode {
    /// A code in the catalog.
    Known(Errcode),
    /// A code the catalog does not know, with its number.
    Unknown(UnknownErrcode),
}

impl AnyErrcode {
    /// Classifies a number: `Known` if the catalog has it, `Unknown` otherwise.
    #[must_use]
    pub const fn new(raw: i64) -> AnyErrcode {
        match Errcode::from_code(raw) {
            Some(code) => AnyErrcode::Known(code),
            None => AnyErrcode::Unknown(UnknownErrcode(raw)),
        }
    }

    /// The number, exactly as received.
    #[must_use]
    pub const fn raw(self) -> i64 {
        match self {
            AnyErrcode::Known(code) => code.code(),
            AnyErrcode::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog variant, if the code is known.
    #[must_use]
    pub const fn known(self) -> Option<Errcode> {
        match self {
            AnyErrcode::Known(code) => Some(code),
            AnyErrcode::Unknown(_) => None,
        }
    }

    /// The unknown code, if the catalog does not know it.
    #[must_use]
    pub const fn unknown(self) -> Option<UnknownErrcode> {
        match self {
            AnyErrcode::Known(_) => None,
            AnyErrcode::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the catalog knows the code.
    #[must_use]
    pub const fn is_known(self) -> bool {
        matches!(self, AnyErrcode::Known(_))
    }

    /// The catalog's next step for a known code; `None` for an unknown one, which minierr will
    /// not guess.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self {
            AnyErrcode::Known(code) => Some(code.action()),
            AnyErrcode::Unknown(_) => None,
        }
    }
}

impl From<i64> for AnyErrcode {
    fn from(raw: i64) -> AnyErrcode {
        AnyErrcode::new(raw)
    }
}

impl From<Errcode> for AnyErrcode {
    fn from(code: Errcode) -> AnyErrcode {
        AnyErrcode::Known(code)
    }
}

impl PartialEq<Errcode> for AnyErrcode {
    fn eq(&self, other: &Errcode) -> bool {
        *self == AnyErrcode::Known(*other)
    }
}

impl PartialOrd for AnyErrcode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyErrcode {
    /// By number, known or not.
    ///
    /// ```
    /// use minierr::wx::server::AnyErrcode;
    /// assert!(AnyErrcode::new(-99) < AnyErrcode::new(0));
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw().cmp(&other.raw())
    }
}

impl fmt::Display for AnyErrcode {
    /// A known code as [`Errcode`]'s `Display`; an unknown one as its number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyErrcode::Known(code) => code.fmt(f),
            AnyErrcode::Unknown(unknown) => write!(f, "{}: not in the catalog", unknown.0),
        }
    }
}

impl std::error::Error for AnyErrcode {}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyErrcode {
    /// Always the number, known or not.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.raw())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyErrcode {
    /// An integer, or one in a string.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<AnyErrcode, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "errcode as a 64-bit integer, or one in a string",
        )
        .map(AnyErrcode::new)
    }
}

/// `Some(text)`, or `None` for an empty catalog cell.
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

crate::catalog_code::impl_catalog_code!(Errcode, |c| {
        all: &generated::ALL,
        platform: WechatServer,
        code: Some(crate::CodeText::Number(c.code())),
        name: Errcode::name(c),
        machine: c.errmsg(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Some(Errcode::action(c)),
        hint: Errcode::retry_hint(c),
        reliability: Some(Errcode::reliability(c)),
        named_by: |query| match crate::catalog_code::number(query) {
            Some(n) => Errcode::from_code(n).into_iter().collect(),
            None => Errcode::all_with_message(query).to_vec(),
        },
});

impl std::str::FromStr for Errcode {
    type Err = crate::ParseCodeError;

    /// Parses a decimal errcode such as `"40001"`.
    ///
    /// ```
    /// use minierr::wx::server::Errcode;
    /// assert_eq!("45011".parse::<Errcode>(), Ok(Errcode::MinuteQuotaReached));
    /// assert!("4000x".parse::<Errcode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = crate::catalog_code::parse_code(s, "WeChat server")?;
        crate::catalog_code::known(number, "WeChat server", Errcode::from_code(number))
    }
}

impl std::str::FromStr for AnyErrcode {
    type Err = crate::ParseCodeError;

    /// Parses any decimal errcode, known or not.
    ///
    /// ```
    /// use minierr::wx::server::AnyErrcode;
    /// assert_eq!("99999999".parse::<AnyErrcode>().map(|c| c.is_known()), Ok(false));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_code(s, "WeChat server").map(AnyErrcode::new)
    }
}

/// How many leading words of a documented errmsg a reason must hold to agree with it: two tell
/// `invalid appid` from `invalid corpid`, and survive a runtime's shortening.
const AGREEING_WORDS: usize = 2;

/// The ASCII words of `text` (letters, digits, `_`), as an errmsg's are: anything else, CJK
/// included, separates them.
fn words(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Whether `reason` holds the first [`AGREEING_WORDS`] words of `documented` (those before any
/// `%s` placeholder) in a row, or is itself shorter and their beginning; `None` when
/// `documented` has no word to hold.
fn leads_agree(documented: &str, reason: &str) -> Option<bool> {
    if begins_with_documented(documented, reason) {
        return Some(true);
    }
    let bytes = documented.as_bytes();
    let fixed = bytes
        .iter()
        .position(|&b| b == b'%')
        .and_then(|at| documented.get(..at))
        .unwrap_or(documented)
        .trim_ascii_start();
    words(fixed).next()?;
    let lead = words(fixed).take(AGREEING_WORDS);
    let wanted = lead.clone().count();
    let same = |(a, b): (&str, &str)| a.eq_ignore_ascii_case(b);
    let held = words(reason).count();
    if held < wanted {
        return Some(held > 0 && words(reason).zip(lead).all(same));
    }
    // One pass with the last `wanted` words of the reason at hand: a search from every word
    // would cost the square of a long reason's length.
    let mut lead_words: [&str; AGREEING_WORDS] = [""; AGREEING_WORDS];
    for (slot, word) in lead_words.iter_mut().zip(lead) {
        *slot = word;
    }
    let lead_words = lead_words.get(..wanted).unwrap_or_default();
    let mut window: [&str; AGREEING_WORDS] = [""; AGREEING_WORDS];
    Some(words(reason).enumerate().any(|(index, word)| {
        window.rotate_left(1);
        if let Some(last) = window.last_mut() {
            *last = word;
        }
        let recent = window.get(AGREEING_WORDS - wanted..).unwrap_or_default();
        index + 1 >= wanted && recent.iter().zip(lead_words).all(|(a, b)| same((a, b)))
    }))
}

/// Whether `reason` begins with `documented` whole, or with its first [`AGREEING_WORDS`] words.
fn begins_with_documented(documented: &str, reason: &str) -> bool {
    // A reason that begins with the documented errmsg itself is settled by one comparison.
    let whole = !documented.is_empty()
        && reason.starts_with(documented)
        && !ends_mid_word(documented.as_bytes(), reason.as_bytes());
    whole || begins_with_lead(documented.as_bytes(), reason.as_bytes())
}

/// Whether `reason` begins, ASCII case aside, with `documented` up to the end of its first
/// [`AGREEING_WORDS`] words (or all of it, before any `%` placeholder): most errmsgs begin with
/// their documented words, and one pass over those bytes settles them before any word is split
/// out.
fn begins_with_lead(documented: &[u8], reason: &[u8]) -> bool {
    let mut ended = 0;
    let mut in_word = false;
    for (at, &byte) in documented.iter().enumerate() {
        if byte == b'%' {
            return ended > 0;
        }
        let said = reason.get(at).copied();
        if in_word && !is_word_byte(byte) {
            // The reason's word must end where the documented one does (`invalid codes` is
            // not `invalid code`).
            if said.is_some_and(is_word_byte) {
                return false;
            }
            ended += 1;
            if ended == AGREEING_WORDS {
                return true;
            }
        }
        if !said.is_some_and(|r| r.eq_ignore_ascii_case(&byte)) {
            return false;
        }
        in_word = is_word_byte(byte);
    }
    (ended > 0 || in_word) && !ends_mid_word(documented, reason)
}

/// Whether `reason`, which begins with `documented`, goes on with the word `documented` ends
/// in (`invalid credentialsX` after `invalid credential`).
fn ends_mid_word(documented: &[u8], reason: &[u8]) -> bool {
    documented.last().is_some_and(|&b| is_word_byte(b))
        && reason
            .get(documented.len())
            .is_some_and(|&b| is_word_byte(b))
}

/// A byte of an ASCII word: a letter, a digit or `_`.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}
