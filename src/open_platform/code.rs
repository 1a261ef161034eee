//! [`Code`], the catalog of business codes, and [`AnyCode`], any code kept without loss.

use std::fmt;

use super::generated::{self, Code};
use super::{CodeInfo, Group};
use crate::Action;
use crate::catalog::fill_template;

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
    #[must_use]
    pub const fn from_code(code: u32) -> Option<Code> {
        generated::from_code(code)
    }

    /// The catalog row behind this variant.
    #[inline]
    const fn info(self) -> &'static CodeInfo {
        generated::info(self)
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::LoginRequired.code(), 401);
    /// ```
    #[must_use]
    pub const fn code(self) -> u32 {
        self as u32
    }

    /// Which table the code comes from.
    ///
    /// ```
    /// use minierr::open_platform::{Code, Group};
    /// assert_eq!(Code::PlatformInvalidAppKey.group(), Group::Platform);
    /// ```
    #[must_use]
    pub fn group(self) -> Group {
        self.info().group
    }

    /// The `msg` the platform sends, as the table writes it: the machine string, which is
    /// Chinese here. 4036 holds `%s` placeholders (see [`Code::render_zh`]).
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::DuplicateRequest.msg(), "重复的请求");
    /// ```
    #[must_use]
    pub const fn msg(self) -> &'static str {
        self.info().message_zh
    }

    /// The table's Chinese text, the same as [`Code::msg`].
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::DuplicateRequest.message_zh(), "重复的请求");
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English translation, without a final full stop.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::DuplicateRequest.message_en(), "Duplicate request");
    /// ```
    #[must_use]
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
    #[must_use]
    pub fn action(self) -> Action {
        self.info().action
    }

    /// The soonest moment a retry can succeed, where the table says so: `Later` for the codes
    /// whose text says 请稍后再试 (try again later), which states no time.
    ///
    /// ```
    /// use minierr::{open_platform::Code, RetryHint};
    /// assert_eq!(Code::ServiceError.retry_hint(), Some(RetryHint::Later));
    /// assert_eq!(Code::NotFound.retry_hint(), None);
    /// ```
    #[must_use]
    pub const fn retry_hint(self) -> Option<crate::RetryHint> {
        self.info().retry_hint
    }

    /// Extra advice or a source note, where there is one.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert!(Code::RequestTimeOutOfRange.note().unwrap().contains("clock"));
    /// assert_eq!(Code::NotFound.note(), None);
    /// ```
    #[must_use]
    pub fn note(self) -> Option<&'static str> {
        let note = self.info().note;
        if note.is_empty() { None } else { Some(note) }
    }

    /// The variant's name.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::NotFound.name(), "NotFound");
    /// ```
    #[must_use]
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
    #[must_use]
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

    /// Whether `msg` cannot be this code's. For a failure code: the table's text does not begin
    /// as `msg` does (their first two characters, ASCII case aside, leaving out spaces and
    /// punctuation). The `{code, msg}` shape is common to many Chinese backends (RuoYi answers
    /// every business failure with `code` 500 and its own text), so a number the table lists
    /// beside another text is not this platform's. For a success code, whose msg backends
    /// word freely (`success`, `操作成功`): a msg that names a failure, in the words the
    /// table's failure texts use (失败, 错误, 无效, 缺少, 重新登录, …; English ones whole), and
    /// says neither 成功 nor `success`. An empty `msg` contradicts nothing.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert!(Code::ServiceError.msg_contradicts("用户不存在/密码错误"));
    /// assert!(!Code::ServiceError.msg_contradicts("服务发生错误,请稍后再试"));
    /// assert!(!Code::EntityDisabled.msg_contradicts("id为42的用户已被禁用"));
    /// assert!(Code::Ok.msg_contradicts("操作失败"));
    /// assert!(!Code::Ok.msg_contradicts("操作成功"));
    /// assert!(!Code::Ok.msg_contradicts(""));
    /// ```
    #[must_use]
    pub fn msg_contradicts(self, msg: &str) -> bool {
        if msg.trim().is_empty() {
            return false;
        }
        if self.is_success() {
            return names_failure(msg);
        }
        !significant(self.msg())
            .take(COMPARED_CHARS)
            .eq(significant(msg).take(COMPARED_CHARS))
    }

    /// The one code whose Chinese text is `message`, with placeholders matching filled-in
    /// values; `None` if no code or several codes have it.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::from_message("ID为42的用户已被禁用"), Some(Code::EntityDisabled));
    /// assert_eq!(Code::from_message("签名无效"), None, "4004 and 500003 share it");
    /// ```
    #[must_use]
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
        crate::catalog::lookup_exact_message(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            message.trim(),
            Code::msg,
        )
    }

    /// Every catalog code, in ascending order.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!(Code::ALL[0], Code::Ok);
    /// assert_eq!(Code::ALL.len(), Code::COUNT);
    /// ```
    pub const ALL: &'static [Code] = &generated::ALL;

    /// Every catalog code, in ascending order: [`Code::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::Code::all().next(), Some(minierr::open_platform::Code::Ok));
    /// ```
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

impl From<Code> for u32 {
    fn from(code: Code) -> u32 {
        code.code()
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

/// A business code the table does not list. Only minierr builds one, from a number that is not a
/// catalog code; negative and very large numbers are kept too.
///
/// ```
/// use minierr::open_platform::Code;
/// let err = Code::try_from(4007).unwrap_err();
/// assert_eq!(err.raw(), 4007);
/// assert_eq!(err.to_string(), "code 4007 is not in the open-platform table");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("code {0} is not in the open-platform table")]
pub struct UnknownCode(pub(crate) i64);

impl UnknownCode {
    /// The number exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::AnyCode::new(-3).unknown().map(|u| u.raw()), Some(-3));
    /// ```
    #[must_use]
    pub const fn raw(self) -> i64 {
        self.0
    }
}

/// Any business code: a catalog [`Code`] or an [`UnknownCode`] with its number.
///
/// ```
/// use minierr::open_platform::{AnyCode, Code};
/// assert_eq!(AnyCode::new(404), Code::NotFound);
/// assert_eq!(AnyCode::new(-1).raw(), -1);
/// assert_eq!(AnyCode::new(-1).known(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AnyCode {
    /// A code the table lists.
    Known(Code),
    /// Any other number.
    Unknown(UnknownCode),
}

impl AnyCode {
    /// Classifies a number: `Known` if the table lists it, `Unknown` otherwise.
    ///
    /// ```
    /// assert!(minierr::open_platform::AnyCode::new(404).is_known());
    /// ```
    #[must_use]
    pub fn new(raw: i64) -> AnyCode {
        match u32::try_from(raw).ok().and_then(Code::from_code) {
            Some(code) => AnyCode::Known(code),
            None => AnyCode::Unknown(UnknownCode(raw)),
        }
    }

    /// The number exactly as received.
    ///
    /// ```
    /// assert_eq!(minierr::open_platform::AnyCode::new(-7).raw(), -7);
    /// ```
    #[must_use]
    pub const fn raw(self) -> i64 {
        match self {
            AnyCode::Known(code) => code.code() as i64,
            AnyCode::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog code, if the table lists it.
    ///
    /// ```
    /// use minierr::open_platform::{AnyCode, Code};
    /// assert_eq!(AnyCode::new(404).known(), Some(Code::NotFound));
    /// ```
    #[must_use]
    pub const fn known(self) -> Option<Code> {
        match self {
            AnyCode::Known(code) => Some(code),
            AnyCode::Unknown(_) => None,
        }
    }

    /// The unlisted code, if the table does not list it.
    ///
    /// ```
    /// use minierr::open_platform::AnyCode;
    /// assert_eq!(AnyCode::new(4999).unknown().map(|u| u.raw()), Some(4999));
    /// assert_eq!(AnyCode::new(404).unknown(), None);
    /// ```
    #[must_use]
    pub const fn unknown(self) -> Option<UnknownCode> {
        match self {
            AnyCode::Known(_) => None,
            AnyCode::Unknown(unknown) => Some(unknown),
        }
    }

    /// Whether the table lists the code.
    ///
    /// ```
    /// assert!(!minierr::open_platform::AnyCode::new(4999).is_known());
    /// ```
    #[must_use]
    pub const fn is_known(self) -> bool {
        matches!(self, AnyCode::Known(_))
    }

    /// The catalog's next step for a listed code; `None` for any other, which minierr will not
    /// guess.
    ///
    /// ```
    /// use minierr::{open_platform::AnyCode, Action};
    /// assert_eq!(AnyCode::new(401).action(), Some(Action::Refresh));
    /// assert_eq!(AnyCode::new(499).action(), None);
    /// ```
    pub fn action(self) -> Option<Action> {
        self.known().map(Code::action)
    }
}

impl From<Code> for AnyCode {
    fn from(code: Code) -> Self {
        AnyCode::Known(code)
    }
}

impl PartialEq<Code> for AnyCode {
    fn eq(&self, other: &Code) -> bool {
        self.known() == Some(*other)
    }
}

impl PartialOrd for AnyCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyCode {
    /// By number, known or not.
    ///
    /// ```
    /// use minierr::open_platform::AnyCode;
    /// assert!(AnyCode::new(-1) < AnyCode::new(200));
    /// assert!(AnyCode::new(4007) < AnyCode::new(4008));
    /// ```
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw().cmp(&other.raw())
    }
}

impl std::error::Error for AnyCode {}

impl fmt::Display for AnyCode {
    /// A listed code as [`Code`] shows it; any other as its number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCode::Known(code) => code.fmt(f),
            AnyCode::Unknown(unknown) => write!(f, "{}: not in the table", unknown.0),
        }
    }
}

impl From<i64> for AnyCode {
    fn from(raw: i64) -> Self {
        AnyCode::new(raw)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for AnyCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.raw())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AnyCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "code as a 64-bit integer, or one in a string",
        )
        .map(AnyCode::new)
    }
}

crate::catalog_code::impl_catalog_code!(Code, |c| {
        all: &generated::ALL,
        platform: OpenPlatform,
        code: Some(crate::CodeText::Number(i64::from(Code::code(c)))),
        name: Code::name(c),
        machine: c.msg(),
        zh: Code::message_zh(c),
        en: Code::message_en(c),
        action: Some(Code::action(c)),
        hint: Code::retry_hint(c),
        reliability: None,
        named_by: |query| {
            crate::catalog_code::number(query)
                .and_then(|n| u32::try_from(n).ok())
                .and_then(Code::from_code)
                .into_iter()
                .collect()
        },
});

impl std::str::FromStr for Code {
    type Err = crate::ParseCodeError;

    /// Parses a decimal code such as `"4004"`.
    ///
    /// ```
    /// use minierr::open_platform::Code;
    /// assert_eq!("4004".parse::<Code>().map(|c| c.code()), Ok(4004));
    /// assert!("-1".parse::<Code>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = crate::catalog_code::parse_code(s, "open-platform")?;
        let found = u32::try_from(number).ok().and_then(Code::from_code);
        crate::catalog_code::known(number, "open-platform", found)
    }
}

impl std::str::FromStr for AnyCode {
    type Err = crate::ParseCodeError;

    /// Parses any decimal code, known or not.
    ///
    /// ```
    /// use minierr::open_platform::AnyCode;
    /// assert_eq!("404".parse::<AnyCode>().map(|c| c.is_known()), Ok(true));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_code(s, "open-platform").map(AnyCode::new)
    }
}

/// The words the table's failure texts use (缺少参数, 签名无效, 重复的请求, 不在允许范围内,
/// 获取身份信息失败,请重新登录!, 无权限, 无法被删除, 超过最大限制, 已被禁用, 没有查到相关的数据,
/// 不支持的请求方法, 服务发生错误, 数据库表或字段信息异常, 暂未实现, 过于频繁, 账号已存在,
/// 未找到, 余额不足, 超出园区限制, 未查到, 未配置, 不能为空, 请更新客户端, 金额最低为0.1元,
/// 仅支持二要素验证), the same failures in
/// other words backends use (不存在, 过期, 未登录, 请先登录, 没有权限, 权限不足), and English's
/// words for them: a success code's msg holding one reports a failure.
const FAILURE_WORDS: [&str; 41] = [
    "失败",
    "错误",
    "无效",
    "缺少",
    "重复",
    "不在",
    "重新登录",
    "无权",
    "无法",
    "超过",
    "禁用",
    "没有查到",
    "不支持",
    "异常",
    "未实现",
    "频繁",
    "已存在",
    "未找到",
    "不足",
    "超出",
    "未查到",
    "未配置",
    "不能",
    "请更新",
    "不存在",
    "过期",
    "未登录",
    "请先登录",
    "没有权限",
    "fail",
    "error",
    "invalid",
    "denied",
    "unauthorized",
    "forbidden",
    "not found",
    "timeout",
    "expired",
    "too many",
    "最低",
    "仅支持",
];

/// Whether `msg` names a failure ([`FAILURE_WORDS`]; English words whole, ASCII case aside)
/// and not a success (成功, `success`): `操作成功，请勿重复提交` reports a success with advice.
fn names_failure(msg: &str) -> bool {
    let holds = |word: &str| {
        let bytes = msg.as_bytes();
        let ascii = word.is_ascii();
        bytes.windows(word.len()).enumerate().any(|(at, window)| {
            let alone = || {
                let before = at.checked_sub(1).and_then(|i| bytes.get(i));
                let after = bytes.get(at + word.len());
                !before.is_some_and(u8::is_ascii_alphanumeric)
                    && !after.is_some_and(u8::is_ascii_alphanumeric)
            };
            window.eq_ignore_ascii_case(word.as_bytes()) && (!ascii || alone())
        })
    };
    !holds("成功") && !holds("success") && FAILURE_WORDS.iter().any(|word| holds(word))
}

/// How many leading characters of a msg [`Code::msg_contradicts`] compares: enough to tell
/// `服务发生错误` from `用户不存在`, few enough to survive a runtime's added detail.
const COMPARED_CHARS: usize = 2;

/// The characters of `text` other than spaces and punctuation, ASCII or full-width (which the
/// table and runtimes mix), ASCII letters in lower case (`JSON解码失败`, `json解码失败`).
fn significant(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|&c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'))
        })
        .map(|c| c.to_ascii_lowercase())
}
