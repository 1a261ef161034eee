//! [`Api`], the per-API failure enums and [`JsapiError`], with the rules that resolve a code and
//! a message to one of them.

use std::fmt;

use super::generated::{
    self, Api, FaqError, GetAuthCodeError, GetOpenUserInfoError, GetPhoneNumberError,
    GetRunDataError, NavigateToAlipayPageError, NavigationError, RequestError, TradePayResult,
    UploadFileError,
};
use super::{CodeKey, ExactMessage, RowInfo};
use crate::Action;
use crate::normalize::with_normal;

/// Whether `text`, sent as a JSAPI's `error`, is an Alipay error code: a number, in a string or
/// not, or one of the few text codes a page lists (`already top of navigation`). A logger's
/// `error` field with free text in it is not.
#[cfg(feature = "json")]
pub(crate) fn is_error_code_text(text: &str) -> bool {
    let text = text.trim();
    text.parse::<i64>().is_ok()
        || Api::all().any(|api| !generated::rows_with_text_code(api, text).is_empty())
}

impl Api {
    /// Parses an API name, with or without the `my.` prefix (`my.request`, `request`,
    /// `my.ap.navigateToAlipayPage`, `navigateToAlipayPage`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Api> {
        generated::API_NAMES.get(name.trim()).copied()
    }

    /// Every API in the catalog: [`Api::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::Api::all().count(), 43);
    /// ```
    pub fn all() -> impl Iterator<Item = Api> {
        Api::ALL.iter().copied()
    }

    /// Every catalog failure of this API, in table order: the combined table's ten for
    /// `my.uploadFile`, and the page's 11 无效参数.
    ///
    /// ```
    /// use minierr::alipay::Api;
    /// assert_eq!(Api::UploadFile.errors().count(), 11);
    /// ```
    pub fn errors(self) -> impl Iterator<Item = JsapiError> {
        let rows = self.rows();
        // A per-API page may word a failure again: each failure once, at its first row.
        rows.iter().enumerate().filter_map(move |(i, row)| {
            let seen = rows
                .get(..i)
                .is_some_and(|before| before.iter().any(|r| r.error == row.error));
            (!seen).then_some(row.error)
        })
    }

    /// The catalog failure of this API with `code` and `message`, or `None` if the code is not
    /// this API's or the message does not say which of its meanings applies. See
    /// [`Fail::error_for`](super::Fail::error_for) for the rules.
    ///
    /// ```
    /// use minierr::alipay::{Api, JsapiError, UploadFileError};
    /// assert_eq!(
    ///     Api::UploadFile.error(Some(12), Some("上传文件失败。")),
    ///     Some(JsapiError::UploadFile(UploadFileError::UploadFailed))
    /// );
    /// assert_eq!(Api::UploadFile.error(Some(12), None), None, "12 has two meanings");
    /// assert_eq!(Api::UploadFile.error(Some(77), None), None);
    /// ```
    pub fn error(self, code: Option<i64>, message: Option<&str>) -> Option<JsapiError> {
        self.resolve(code.map(CodeKey::Number), message)
    }

    pub(crate) fn resolve(
        self,
        code: Option<CodeKey<'_>>,
        message: Option<&str>,
    ) -> Option<JsapiError> {
        match message {
            Some(message) => with_normal(message, |normal| {
                self.resolve_normal(code, Some(&NormalMessage::new(normal)))
            })
            // A message longer than any catalog's names nothing, but the code may.
            .unwrap_or_else(|| self.resolve_normal(code, None)),
            None => self.resolve_normal(code, None),
        }
    }

    /// [`Api::resolve`] with the message already read (`None`: no message, or one that names
    /// nothing), for callers that try one message on many APIs.
    pub(crate) fn resolve_normal(
        self,
        code: Option<CodeKey<'_>>,
        normal: Option<&NormalMessage<'_>>,
    ) -> Option<JsapiError> {
        if let Some(code) = code {
            let rows = match code {
                CodeKey::Number(n) => generated::rows_with_code(self, n),
                CodeKey::Text(text) => generated::rows_with_text_code(self, text.trim()),
            };
            match single(rows.iter().copied()) {
                Single::One(error) => return Some(error),
                // Several meanings under one code: the message must pick one.
                Single::Many => return pick_by_message(rows, normal?),
                // A text code the table does not list may still be a known message.
                Single::None if matches!(code, CodeKey::Text(_)) => {}
                Single::None => return None,
            }
        }
        // No code: the message alone must name one meaning, exactly or by pattern.
        self.by_message(normal?)
    }

    /// The one failure of this API that a normalised message names: the generator's answer for
    /// a documented message, otherwise the one pattern row it fills.
    fn by_message(self, normal: &NormalMessage<'_>) -> Option<JsapiError> {
        if let Some(exact) = normal.exact {
            return exact
                .answers
                .iter()
                .find(|(api, _)| *api == self)
                .map(|&(_, error)| error);
        }
        let patterns = generated::pattern_rows(self)
            .iter()
            .copied()
            .filter(|row| row.matches_pattern(normal.text));
        single(patterns).one()
    }
}

/// A message in normal form with its entry in the index of documented messages, looked up once
/// for every API it is tried on.
pub(crate) struct NormalMessage<'m> {
    text: &'m str,
    exact: Option<&'static ExactMessage>,
}

impl<'m> NormalMessage<'m> {
    pub(crate) fn new(normal: &'m str) -> NormalMessage<'m> {
        NormalMessage {
            text: normal,
            exact: generated::MESSAGES.get(normal),
        }
    }

    /// The one API, with its failure, that the message names without a code: what trying
    /// [`Api::resolve_normal`] on every API finds, without trying them all. A documented
    /// message carries the generator's answers, one per API; any other can only fill pattern
    /// rows, which few APIs have. `None` when no API or more than one is named.
    #[cfg(feature = "serde")]
    pub(crate) fn names_one_api(&self) -> Option<(Api, JsapiError)> {
        if let Some(exact) = self.exact {
            return match exact.answers {
                [(api, error), rest @ ..] if rest.iter().all(|(other, _)| other == api) => {
                    Some((*api, *error))
                }
                _ => None,
            };
        }
        if !super::may_fill_a_pattern(self.text) {
            return None;
        }
        let mut named = Api::all()
            .filter(|api| !generated::pattern_rows(*api).is_empty())
            .filter_map(|api| Some((api, api.by_message(self)?)));
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }
}

/// The one failure among `rows` (one code's meanings) that a normalised message names, exactly
/// or by pattern.
fn pick_by_message(rows: &[&'static RowInfo], normal: &NormalMessage<'_>) -> Option<JsapiError> {
    let picked = rows.iter().copied().filter(|row| {
        normal
            .exact
            .is_some_and(|e: &ExactMessage| e.rows.iter().any(|r| r.index == row.index))
            || row.matches_pattern(normal.text)
    });
    single(picked).one()
}

/// How many distinct failures a set of rows names.
enum Single {
    None,
    One(JsapiError),
    Many,
}

impl Single {
    fn one(self) -> Option<JsapiError> {
        match self {
            Single::One(error) => Some(error),
            Single::None | Single::Many => None,
        }
    }
}

fn single(mut rows: impl Iterator<Item = &'static RowInfo>) -> Single {
    let Some(first) = rows.next() else {
        return Single::None;
    };
    if rows.all(|info| info.error == first.error) {
        Single::One(first.error)
    } else {
        Single::Many
    }
}

impl fmt::Display for Api {
    /// The full name: `my.request`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Any catalog JSAPI failure, whatever the API.
///
/// ```
/// use minierr::alipay::{Api, JsapiError, NavigationError, TradePayResult};
/// use minierr::Action;
///
/// let paid = JsapiError::TradePay(TradePayResult::Processing);
/// assert_eq!(paid.api(), Api::TradePay);
/// assert_eq!(paid.code(), "8000");
/// assert_eq!(paid.action(), Action::Reconcile);
///
/// let routing = JsapiError::Navigation(Api::SwitchTab, NavigationError::PageNotFound);
/// assert!(routing.remedy_en().is_some_and(|r| r.contains("tabBar")));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum JsapiError {
    /// A failure of `my.request`.
    Request(RequestError),
    /// A failure of `my.uploadFile`.
    UploadFile(UploadFileError),
    /// A result of `my.tradePay` (including success).
    TradePay(TradePayResult),
    /// A failure of `my.ap.navigateToAlipayPage`.
    NavigateToAlipayPage(NavigateToAlipayPageError),
    /// A failure of `my.getAuthCode`.
    GetAuthCode(GetAuthCodeError),
    /// A failure of `my.getPhoneNumber`.
    GetPhoneNumber(GetPhoneNumberError),
    /// A failure of `my.getOpenUserInfo`.
    GetOpenUserInfo(GetOpenUserInfoError),
    /// A failure of `my.getRunData`.
    GetRunData(GetRunDataError),
    /// A failure of one of the routing APIs, which share their errors.
    Navigation(Api, NavigationError),
    /// A failure the Alipay mini-program FAQ documents for the APIs it names (`error:2001`,
    /// 用户不允许授权, on my.chooseImage, my.getLocation and my.scan).
    Faq(Api, FaqError),
}

impl JsapiError {
    const fn info(self) -> &'static RowInfo {
        match self {
            JsapiError::Request(e) => e.info(),
            JsapiError::UploadFile(e) => e.info(),
            JsapiError::TradePay(e) => e.info(),
            JsapiError::NavigateToAlipayPage(e) => e.info(),
            JsapiError::GetAuthCode(e) => e.info(),
            JsapiError::GetPhoneNumber(e) => e.info(),
            JsapiError::GetOpenUserInfo(e) => e.info(),
            JsapiError::GetRunData(e) => e.info(),
            JsapiError::Navigation(api, e) => generated::navigation_row(api, e),
            JsapiError::Faq(api, e) => generated::faq_row(api, e),
        }
    }

    /// The name of the per-API variant (`JsonParseError`).
    ///
    /// ```
    /// use minierr::alipay::{JsapiError, RequestError};
    /// assert_eq!(JsapiError::Request(RequestError::Timeout).name(), "Timeout");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            JsapiError::Request(e) => e.name(),
            JsapiError::UploadFile(e) => e.name(),
            JsapiError::TradePay(e) => e.name(),
            JsapiError::NavigateToAlipayPage(e) => e.name(),
            JsapiError::GetAuthCode(e) => e.name(),
            JsapiError::GetPhoneNumber(e) => e.name(),
            JsapiError::GetOpenUserInfo(e) => e.name(),
            JsapiError::GetRunData(e) => e.name(),
            JsapiError::Navigation(_, e) => e.name(),
            JsapiError::Faq(_, e) => e.name(),
        }
    }

    /// The API that reports this failure.
    #[must_use]
    pub fn api(self) -> Api {
        match self {
            JsapiError::Navigation(api, _) | JsapiError::Faq(api, _) => api,
            other => other.info().api,
        }
    }
}

/// The methods every catalog failure has, from its row of the table.
macro_rules! row_methods {
    ($($ty:ty),* $(,)?) => {$(
        impl $ty {
            /// The table's error cell: a number (`"14"`), two numbers for one meaning (`"4/11"`),
            /// a `my.tradePay` resultCode (`"9000"`), or text (`"already top of navigation"`).
            #[must_use]
            pub const fn code(self) -> &'static str {
                self.info().code
            }

            /// The `errorMessage` the platform sends, as the table writes it: the machine
            /// string, which is Chinese here.
            #[must_use]
            pub const fn error_message(self) -> &'static str {
                self.info().error_message
            }

            /// The table's errorMessage, as written (the same as `error_message`).
            #[must_use]
            pub const fn message_zh(self) -> &'static str {
                self.info().error_message
            }

            /// An English description, without a final full stop.
            #[must_use]
            pub const fn message_en(self) -> &'static str {
                self.info().message_en
            }

            /// The table's remedy (解决方案) as plain text, one step per line.
            #[must_use]
            pub const fn remedy_zh(self) -> Option<&'static str> {
                non_empty(self.info().remedy_zh)
            }

            /// The remedy in English, one step per line.
            #[must_use]
            pub const fn remedy_en(self) -> Option<&'static str> {
                non_empty(self.info().remedy_en)
            }

            /// What the caller should do next.
            #[must_use]
            pub const fn action(self) -> Action {
                self.info().action
            }

            /// Where the sources disagree or the text is minierr's, what they say.
            #[must_use]
            pub const fn note(self) -> Option<&'static str> {
                non_empty(self.info().note)
            }

            /// The soonest moment a retry can succeed, where the table says so (no JSAPI row
            /// states a time).
            #[must_use]
            pub const fn retry_hint(self) -> Option<crate::RetryHint> {
                self.info().retry_hint
            }
        }

        impl std::error::Error for $ty {}

        impl fmt::Display for $ty {
            /// `my.request error 14: Failed to parse the response data as JSON`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let info = self.info();
                write!(f, "{} error {}: {}", info.api.name(), info.code, info.message_en)
            }
        }
    )*};
}

/// Iteration, count and name for the per-API enums, whose variants know their first row.
macro_rules! family_methods {
    ($($ty:ident),* $(,)?) => {$(
        impl $ty {
            /// How many variants the enum has.
            pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

            /// Every variant, in table order: `ALL` as an iterator.
            pub fn all() -> impl Iterator<Item = $ty> {
                Self::ALL.iter().copied()
            }

            /// The variant's name.
            #[must_use]
            pub fn name(self) -> &'static str {
                self.into()
            }
        }
    )*};
}

family_methods!(
    RequestError,
    UploadFileError,
    TradePayResult,
    NavigateToAlipayPageError,
    GetAuthCodeError,
    GetPhoneNumberError,
    GetOpenUserInfoError,
    GetRunDataError,
    NavigationError,
    FaqError,
);

/// `Some(text)`, or `None` for an empty catalog cell.
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}

row_methods!(
    JsapiError,
    RequestError,
    UploadFileError,
    TradePayResult,
    NavigateToAlipayPageError,
    GetAuthCodeError,
    GetPhoneNumberError,
    GetOpenUserInfoError,
    GetRunDataError,
    NavigationError,
    FaqError,
);

impl TradePayResult {
    /// The result for a `my.tradePay` `resultCode`.
    ///
    /// ```
    /// use minierr::alipay::TradePayResult;
    /// use minierr::Action;
    ///
    /// assert_eq!(TradePayResult::from_code("9000"), Some(TradePayResult::Success));
    /// assert_eq!(TradePayResult::from_code("6004").map(|r| r.action()), Some(Action::Reconcile));
    /// assert_eq!(TradePayResult::from_code("1234"), None);
    /// ```
    #[must_use]
    pub fn from_code(result_code: &str) -> Option<TradePayResult> {
        let code = result_code.trim().parse().ok()?;
        match Api::TradePay.error(Some(code), None)? {
            JsapiError::TradePay(result) => Some(result),
            _ => None,
        }
    }

    /// Whether the payment went through as far as the client can tell (9000). Confirm it with
    /// the asynchronous notification or `alipay.trade.query` before shipping goods.
    ///
    /// ```
    /// assert!(minierr::alipay::TradePayResult::Success.is_success());
    /// ```
    #[must_use]
    pub fn is_success(self) -> bool {
        self == TradePayResult::Success
    }
}

/// `From<Enum> for JsapiError` for every per-API enum, so any of them converts with `?`/`into`.
macro_rules! into_jsapi_error {
    ($($enum:ident => $variant:ident),* $(,)?) => {
        $(
            impl From<$enum> for JsapiError {
                fn from(error: $enum) -> Self {
                    JsapiError::$variant(error)
                }
            }
        )*
    };
}

into_jsapi_error! {
    RequestError => Request,
    UploadFileError => UploadFile,
    TradePayResult => TradePay,
    NavigateToAlipayPageError => NavigateToAlipayPage,
    GetAuthCodeError => GetAuthCode,
    GetPhoneNumberError => GetPhoneNumber,
    GetOpenUserInfoError => GetOpenUserInfo,
    GetRunDataError => GetRunData,
}

impl std::str::FromStr for JsapiError {
    type Err = crate::ParseCodeError;

    /// Parses an API name, with or without `my.`, and the table's error cell, the form
    /// [`JsapiError`]'s `Display` starts with (`my.request 14`). A code with two meanings on
    /// one API is an error that says so: its message decides ([`Api::error`]).
    ///
    /// ```
    /// use minierr::alipay::{JsapiError, RequestError};
    /// assert_eq!("my.request 14".parse::<JsapiError>(), Ok(JsapiError::Request(RequestError::JsonParseError)));
    /// assert_eq!("request 14".parse::<JsapiError>(), Ok(JsapiError::Request(RequestError::JsonParseError)));
    /// assert!(matches!(
    ///     "my.uploadFile 12".parse::<JsapiError>(),
    ///     Err(minierr::ParseCodeError::Ambiguous { count: 2, .. })
    /// ));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_scoped(s, "Alipay JSAPI", "my.request 14", |scope, given| {
            scope == given || scope.strip_prefix("my.") == Some(given)
        })
    }
}

crate::catalog_code::impl_catalog_code!(JsapiError, |c| {
        all: JsapiError::ALL,
        platform: Alipay,
        code: Some(crate::CodeText::Text(JsapiError::code(c))),
        name: JsapiError::name(c),
        scope: Some(c.api().name()),
        machine: c.error_message(),
        zh: JsapiError::message_zh(c),
        en: JsapiError::message_en(c),
        action: Some(JsapiError::action(c)),
        hint: JsapiError::retry_hint(c),
        reliability: Some(crate::Reliability::Official),
        named_by: |query| {
            let number = crate::catalog_code::number(query);
            JsapiError::ALL
                .iter()
                .copied()
                .filter(|error| {
                    error.code().split('/').any(|c| c == query)
                        // A part of the Chinese text, for a query of more than two characters.
                        || (number.is_none()
                            && query.chars().count() > 2
                            && error.message_zh().contains(query))
                })
                .collect()
        },
});

#[cfg(test)]
mod tests {
    #[cfg(feature = "serde")]
    use super::NormalMessage;
    use super::{Api, generated, single};
    #[cfg(feature = "serde")]
    use crate::alipay::Matcher;
    use crate::normalize::normalized;

    /// The generator resolves each exact message on each API ahead of time; doing it here, row
    /// by row with the run-time pattern matcher, must give the same answers.
    #[test]
    fn precomputed_message_answers_match_the_rows() {
        let mut answered = 0;
        for (message, exact) in generated::MESSAGES.entries() {
            assert_eq!(*message, normalized(message), "keys are in normal form");
            for api in Api::all() {
                let exact_rows = exact.rows.iter().copied().filter(|row| row.api == api);
                let pattern_rows = generated::pattern_rows(api)
                    .iter()
                    .copied()
                    .filter(|row| row.matches_pattern(message));
                let expected = single(exact_rows.chain(pattern_rows)).one();
                let precomputed = exact
                    .answers
                    .iter()
                    .find(|(a, _)| *a == api)
                    .map(|&(_, error)| error);
                assert_eq!(precomputed, expected, "{api:?} {message:?}");
                answered += usize::from(precomputed.is_some());
            }
        }
        assert!(answered >= 40, "only {answered} answers");
    }

    /// A message that fills `row`'s pattern, in normal form.
    #[cfg(feature = "serde")]
    fn filling(row: &crate::alipay::RowInfo) -> String {
        match row.matcher {
            Matcher::Exact => unreachable!("pattern rows have patterns"),
            Matcher::Contains(needle) => normalized(&format!("无权限调（{needle}）。")),
            Matcher::Template(template) => {
                normalized(&template.replace("%s", "pages/a/b").replace("%d", "7"))
            }
        }
    }

    /// Without a code, [`NormalMessage::names_one_api`] names what trying every API does, for
    /// every documented message, a message filling each pattern row, and messages that fill none.
    #[cfg(feature = "serde")]
    #[test]
    fn naming_an_api_without_a_code_is_trying_every_api() {
        let pattern_rows: Vec<_> = Api::all()
            .flat_map(|api| generated::pattern_rows(api).iter().copied())
            .collect();
        let mut messages: Vec<String> = generated::MESSAGES.keys().map(|m| m.to_string()).collect();
        messages.extend(pattern_rows.iter().map(|row| filling(row)));
        messages.extend(
            [
                "[40164] invalid ip 1.2.3.4, not in whitelist",
                "n2210",
                "",
                "is not found",
            ]
            .map(normalized),
        );
        let mut named = 0;
        for message in &messages {
            let normal = NormalMessage::new(message);
            let tried: Vec<_> = Api::all()
                .filter_map(|api| Some((api, api.resolve_normal(None, Some(&normal))?)))
                .collect();
            let expected = match tried.as_slice() {
                [one] => Some(*one),
                _ => None,
            };
            assert_eq!(normal.names_one_api(), expected, "{message:?}");
            named += usize::from(expected.is_some());
        }
        assert!(named >= 40, "only {named} messages name an API");
    }

    /// The first look at a message ([`super::super::may_fill_a_pattern`]) passes every message
    /// that fills a pattern row, and rules out others.
    #[cfg(feature = "serde")]
    #[test]
    fn the_first_look_passes_every_pattern_row() {
        let mut rows = 0;
        for api in Api::all() {
            for row in generated::pattern_rows(api) {
                let message = filling(row);
                assert!(row.matches_pattern(&message), "{message:?} fills {row:?}");
                assert!(super::super::may_fill_a_pattern(&message), "{message:?}");
                rows += 1;
            }
        }
        assert!(rows >= 15, "only {rows} pattern rows");
        assert!(!super::super::may_fill_a_pattern(&normalized(
            "invalid ip 1.2.3.4"
        )));
    }
}
