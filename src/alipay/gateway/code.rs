//! [`Code`], the public gateway codes, [`SubCode`], the sub_codes with their per-API meanings,
//! and [`AnySubCode`], any sub_code kept with its text.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::generated::{self, Code, SubCode};
use super::{CodeInfo, PrefixRule, SubCodeInfo};
use crate::{Action, Reliability, RetryHint};

/// Whether two spellings name one API method: `.` and `_` are the same separator (a wrapper
/// key writes `alipay_trade_refund`), and no method name holds either inside a word.
pub(crate) fn same_method(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .all(|(x, y)| x == y || (matches!(x, b'.' | b'_') && matches!(y, b'.' | b'_')))
}

/// `Some(text)`, or `None` for an empty catalog cell.
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

impl Code {
    /// How many public codes the table holds.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::gateway::Code::COUNT, 10);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every public code, in table order.
    pub const ALL: &'static [Code] = &generated::ALL;

    /// The variant for a public code as the gateway sends it (`"40004"`); `None` for any other.
    ///
    /// ```
    /// use minierr::alipay::gateway::Code;
    /// assert_eq!(Code::from_code("20000"), Some(Code::ServiceCurrentlyUnavailable));
    /// assert_eq!(Code::from_code("40007"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Code> {
        generated::CODES.get(code.trim()).copied()
    }

    const fn info(self) -> &'static CodeInfo {
        generated::info(self)
    }

    /// The code as the gateway sends it: `"40004"`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.info().code
    }

    /// The variant's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The `msg` the gateway sends with the code, byte for byte: `Business Failed`.
    #[must_use]
    pub const fn msg(self) -> &'static str {
        self.info().msg
    }

    /// The Chinese text of the public table.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().msg_zh
    }

    /// An English description.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// What the sources or minierr add, if anything.
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info().note)
    }

    /// The source page of the row.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The class's next step when no sub_code says more.
    ///
    /// ```
    /// use minierr::{alipay::gateway::Code, Action};
    /// assert_eq!(Code::CallLimited.action(), Action::Backoff);
    /// assert_eq!(Code::InsufficientTokenPermissions.action(), Action::Refresh);
    /// ```
    #[must_use]
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where the table says so.
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info().retry_hint
    }

    /// Every public code: [`Code::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied()
    }
}

impl fmt::Display for Code {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Code {}

/// The error from parsing a [`Code`] or a [`SubCode`] that the tables do not list; it keeps the
/// text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} {text:?} is not in the Alipay gateway tables")]
pub struct UnknownGatewayCode {
    kind: &'static str,
    text: String,
}

impl FromStr for Code {
    type Err = UnknownGatewayCode;

    /// ```
    /// use minierr::alipay::gateway::Code;
    /// assert_eq!("40002".parse::<Code>(), Ok(Code::InvalidArguments));
    /// assert!("4000".parse::<Code>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Code::from_code(s).ok_or_else(|| UnknownGatewayCode {
            kind: "code",
            text: s.to_owned(),
        })
    }
}

/// How a sub_code's text matched the table: exactly, or through a documented prefix variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SubCodeMatch {
    sub_code: SubCode,
    exact: bool,
}

impl SubCodeMatch {
    /// The sub_code of the table.
    #[must_use]
    pub const fn sub_code(self) -> SubCode {
        self.sub_code
    }

    /// Whether the text was the table's spelling, rather than a prefix variant of it.
    #[must_use]
    pub const fn is_exact(self) -> bool {
        self.exact
    }
}

impl SubCode {
    /// How many sub_codes the tables hold.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::gateway::SubCode::COUNT, 296);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every sub_code, in table order.
    pub const ALL: &'static [SubCode] = &generated::SUB_CODE_ALL;

    /// The sub_code spelled exactly so in the tables (official misspellings included).
    ///
    /// ```
    /// use minierr::alipay::gateway::SubCode;
    /// assert_eq!(SubCode::from_code("ACQ.REASON_TRADE_BEEN_FREEZEN"), Some(SubCode::AcqReasonTradeBeenFreezen));
    /// assert_eq!(SubCode::from_code("invalid-signature"), None, "see SubCode::find");
    /// ```
    #[must_use]
    pub fn from_code(text: &str) -> Option<SubCode> {
        generated::SUB_CODES.get(text.trim()).copied()
    }

    /// The sub_code `text` stands for: exactly, or by one of the documented prefix variants
    /// (`aop.` added, `ACQ.` or `isv.` dropped or added), tried in table order.
    ///
    /// ```
    /// use minierr::alipay::gateway::SubCode;
    /// let m = SubCode::find("invalid-signature").expect("isv. dropped");
    /// assert_eq!((m.sub_code(), m.is_exact()), (SubCode::IsvInvalidSignature, false));
    /// assert_eq!(SubCode::find("aop.ACQ.TRADE_NOT_EXIST").map(|m| m.sub_code()), Some(SubCode::AcqTradeNotExist));
    /// assert_eq!(SubCode::find("ACQ.NO_SUCH_THING"), None);
    /// ```
    #[must_use]
    pub fn find(text: &str) -> Option<SubCodeMatch> {
        let text = text.trim();
        if let Some(sub_code) = SubCode::from_code(text) {
            return Some(SubCodeMatch {
                sub_code,
                exact: true,
            });
        }
        let mut buf = [0u8; 128];
        generated::PREFIX_RULES.iter().find_map(|rule| {
            let candidate = match *rule {
                PrefixRule::Strip(prefix) => text.strip_prefix(prefix)?,
                PrefixRule::Add(prefix) => {
                    let len = prefix.len() + text.len();
                    let slot = buf.get_mut(..len)?;
                    let (head, tail) = slot.split_at_mut(prefix.len());
                    head.copy_from_slice(prefix.as_bytes());
                    tail.copy_from_slice(text.as_bytes());
                    std::str::from_utf8(slot).ok()?
                }
            };
            SubCode::from_code(candidate).map(|sub_code| SubCodeMatch {
                sub_code,
                exact: false,
            })
        })
    }

    const fn info(self) -> &'static SubCodeInfo {
        generated::sub_code_info(self)
    }

    /// The sub_code as the tables spell it.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::gateway::SubCode::IspUnknowError.code(), "isp.unknow-error");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.info().code
    }

    /// The variant's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The public code the tables list it under, if they give one.
    ///
    /// ```
    /// use minierr::alipay::gateway::{Code, SubCode};
    /// assert_eq!(SubCode::AcqTradeNotExist.public_code(), Some(Code::BusinessFailed));
    /// ```
    #[must_use]
    pub fn public_code(self) -> Option<Code> {
        Code::from_code(self.info().public_code)
    }

    /// The `sub_msg` of the main row, byte for byte as the source writes it (`""` where it
    /// gives none).
    #[must_use]
    pub const fn sub_msg(self) -> &'static str {
        self.info().sub_msg_zh
    }

    /// The Chinese description: the `sub_msg`.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().sub_msg_zh
    }

    /// An English description.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::gateway::SubCode::IsvInvalidSignature.message_en(), "Invalid signature");
    /// ```
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// The source's 解决方案 (solution), where it gives one.
    #[must_use]
    pub const fn remedy_zh(self) -> Option<&'static str> {
        non_empty(self.info().solution_zh)
    }

    /// The solution in English: `None`, as the tables' solutions are Chinese and minierr has
    /// not translated them.
    #[must_use]
    pub const fn remedy_en(self) -> Option<&'static str> {
        None
    }

    /// What the sources say beyond the row, if anything.
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        non_empty(self.info().note)
    }

    /// The next step on an API the sub_code has no special meaning for; see
    /// [`SubCode::meaning_for`].
    #[must_use]
    pub const fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where the source says so (稍后重试 rows: later).
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info().retry_hint
    }

    /// Which kind of source the main row comes from.
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info().reliability
    }

    /// The APIs the main row applies to, as the source names them (`*` for every API).
    #[must_use]
    pub const fn apis(self) -> &'static str {
        self.info().apis
    }

    /// The source page of the main row.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The sub_code's meaning on the API `method` (`alipay.trade.refund`, or as a wrapper key
    /// spells it, `alipay_trade_refund`): the API's own row where the tables give one, else the
    /// main row.
    ///
    /// ```
    /// use minierr::{alipay::gateway::SubCode, Action};
    /// assert_eq!(SubCode::AcqSystemError.meaning_for("alipay.trade.query").action(), Action::Retry);
    /// assert_eq!(SubCode::AcqSystemError.meaning_for("alipay.trade.refund").action(), Action::Reconcile);
    /// ```
    #[must_use]
    pub fn meaning_for(self, method: &str) -> Meaning {
        let method = method.trim();
        generated::api_meanings(self)
            .iter()
            .find(|m| m.only_for.iter().any(|a| same_method(a, method)))
            .map_or(Meaning { info: self.info() }, |m| Meaning { info: &m.info })
    }

    /// Every reading the tables give the sub_code: the main row, then the others (rows for
    /// particular APIs, and a second row for every API where sources disagree).
    ///
    /// ```
    /// use minierr::alipay::gateway::SubCode;
    /// let readings: Vec<_> = SubCode::AcqSystemError.readings().map(|m| m.apis()).collect();
    /// assert!(readings.contains(&"alipay.trade.query"));
    /// assert!(readings.contains(&"alipay.trade.refund"));
    /// ```
    pub fn readings(self) -> impl Iterator<Item = Meaning> {
        std::iter::once(Meaning { info: self.info() }).chain(
            generated::api_meanings(self)
                .iter()
                .map(|m| Meaning { info: &m.info }),
        )
    }

    /// Every sub_code: [`SubCode::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = SubCode> {
        SubCode::ALL.iter().copied()
    }
}

impl fmt::Display for SubCode {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for SubCode {}

impl FromStr for SubCode {
    type Err = UnknownGatewayCode;

    /// The exact spelling or a documented prefix variant.
    ///
    /// ```
    /// use minierr::alipay::gateway::SubCode;
    /// assert_eq!("isv.code-invalid".parse::<SubCode>(), Ok(SubCode::IsvCodeInvalid));
    /// assert_eq!(
    ///     "NO_SUCH".parse::<SubCode>().unwrap_err().to_string(),
    ///     r#"sub_code "NO_SUCH" is not in the Alipay gateway tables"#
    /// );
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SubCode::find(s)
            .map(SubCodeMatch::sub_code)
            .ok_or_else(|| UnknownGatewayCode {
                kind: "sub_code",
                text: s.to_owned(),
            })
    }
}

/// A sub_code's reading on one API.
#[derive(Clone, Copy, Debug)]
pub struct Meaning {
    info: &'static SubCodeInfo,
}

impl Meaning {
    /// The `sub_msg` the source gives on this API.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info.sub_msg_zh
    }

    /// The English description.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info.message_en
    }

    /// The source's solution, if any.
    #[must_use]
    pub const fn remedy_zh(self) -> Option<&'static str> {
        non_empty(self.info.solution_zh)
    }

    /// What to do next.
    #[must_use]
    pub const fn action(self) -> Action {
        self.info.action
    }

    /// Whether the failure leaves the call's outcome unknown (a system error): a call that
    /// moves money must then be reconciled, not repeated.
    #[must_use]
    pub const fn outcome_unknown(self) -> bool {
        self.info.outcome_unknown
    }

    /// The source's reliability for this reading.
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info.reliability
    }

    /// The retry hint for this reading.
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.info.retry_hint
    }

    /// The APIs this reading applies to, as the source names them (`*` for every API).
    #[must_use]
    pub const fn apis(self) -> &'static str {
        self.info.apis
    }

    /// The public code the source lists this reading under, as written (`""` if none).
    #[must_use]
    pub const fn public_code(self) -> &'static str {
        self.info.public_code
    }
}

impl PartialEq for Meaning {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.info, other.info)
    }
}

impl Eq for Meaning {}

/// Any sub_code as sent, with the table's sub_code when the text (or a documented prefix
/// variant of it) is one. The text is always kept.
///
/// ```
/// use minierr::alipay::gateway::{AnySubCode, SubCode};
/// use minierr::Action;
/// let code = AnySubCode::new("invalid-signature");
/// assert_eq!(code.raw(), "invalid-signature");
/// assert_eq!(code.known(), Some(SubCode::IsvInvalidSignature));
/// assert_eq!(code.action(), Some(Action::FixConfig));
/// let newer = AnySubCode::new("ACQ.SOMETHING_NEW");
/// assert_eq!((newer.known(), newer.unknown()), (None, Some("ACQ.SOMETHING_NEW")));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AnySubCode<'a> {
    raw: Cow<'a, str>,
    known: Option<SubCode>,
}

impl<'a> AnySubCode<'a> {
    /// Classifies `raw`, keeping it.
    #[must_use]
    pub fn new(raw: impl Into<Cow<'a, str>>) -> Self {
        let raw = raw.into();
        let known = SubCode::find(&raw).map(SubCodeMatch::sub_code);
        AnySubCode { raw, known }
    }

    /// The text exactly as sent.
    #[must_use]
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The table's sub_code, if the text is one.
    #[must_use]
    pub const fn known(&self) -> Option<SubCode> {
        self.known
    }

    /// The text, if the tables do not know it.
    #[must_use]
    pub fn unknown(&self) -> Option<&str> {
        match self.known {
            Some(_) => None,
            None => Some(&self.raw),
        }
    }

    /// Whether the tables know it.
    #[must_use]
    pub const fn is_known(&self) -> bool {
        self.known.is_some()
    }

    /// The main row's next step for a known sub_code; `None` for an unknown one.
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.known.map(SubCode::action)
    }

    /// The same sub_code with owned text.
    #[must_use]
    pub fn into_owned(self) -> AnySubCode<'static> {
        AnySubCode {
            raw: Cow::Owned(self.raw.into_owned()),
            known: self.known,
        }
    }
}

impl PartialOrd for AnySubCode<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnySubCode<'_> {
    /// By the text as sent.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl fmt::Display for AnySubCode<'_> {
    /// The text as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl std::str::FromStr for AnySubCode<'static> {
    type Err = std::convert::Infallible;

    /// Any text is a sub_code; only the tables decide whether it is known.
    ///
    /// ```
    /// use minierr::alipay::gateway::AnySubCode;
    /// let code: AnySubCode = "ACQ.SOMETHING_NEW".parse().unwrap_or_else(|e| match e {});
    /// assert_eq!(code.raw(), "ACQ.SOMETHING_NEW");
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AnySubCode::new(s.to_owned()))
    }
}

impl std::error::Error for AnySubCode<'_> {}

crate::catalog_code::impl_catalog_code!(Code, |c| {
        all: &generated::ALL,
        platform: AlipayGateway,
        code: Some(crate::CodeText::Text(Code::code(c))),
        name: Code::name(c),
        machine: c.msg(),
        zh: Code::message_zh(c),
        en: Code::message_en(c),
        action: Some(Code::action(c)),
        hint: Code::retry_hint(c),
        reliability: Some(crate::Reliability::Official),
        named_by: |query| Code::from_code(query).into_iter().collect(),
});

crate::catalog_code::impl_catalog_code!(SubCode, |c| {
        all: SubCode::ALL,
        platform: AlipayGateway,
        code: c.public_code().map(|p| crate::CodeText::Text(p.code())),
        name: SubCode::name(c),
        sub_code: Some(SubCode::code(c)),
        machine: SubCode::code(c),
        zh: SubCode::message_zh(c),
        en: SubCode::message_en(c),
        action: Some(SubCode::action(c)),
        hint: SubCode::retry_hint(c),
        reliability: Some(SubCode::reliability(c)),
        named_by: |query| SubCode::find(query).map(|m| m.sub_code()).into_iter().collect(),
});
