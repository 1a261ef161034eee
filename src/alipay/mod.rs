//! Alipay mini-program JSAPI failures: `my.request`, `my.uploadFile`, `my.tradePay` and more.
//!
//! A failing JSAPI calls `fail` with an object such as
//! `{"error": 14, "errorMessage": "JSON parse data error", "status": 13, "data": "..."}`.
//! The same `error` number means different things for different APIs, and some numbers mean
//! several things within one API, so a failure is read against the [`Api`] that produced it:
//! [`Fail::error_for`] picks the variant by code and, where the code is shared, by message.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use minierr::alipay::{Api, Fail, JsapiError, RequestError, UploadFileError};
//! use minierr::Action;
//!
//! let fail: Fail = serde_json::from_str(
//!     r#"{"error": 14, "errorMessage": "JSON parse data error", "status": 13, "data": "..."}"#,
//! )?;
//! let error = fail.error_for(Api::Request).expect("in the catalog");
//! assert_eq!(error, JsapiError::Request(RequestError::JsonParseError));
//! assert_eq!(error.action(), Action::FixRequest);
//! assert!(error.remedy_en().contains("BOM"));
//!
//! // Code 4 of my.uploadFile has three meanings; the message decides.
//! let fail: Fail = serde_json::from_str(r#"{"error": 4, "errorMessage": "无权限调（N22106）。"}"#)?;
//! assert_eq!(fail.error_for(Api::UploadFile), Some(JsapiError::UploadFile(UploadFileError::DomainNotWhitelisted)));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # How the table reads
//!
//! The catalog is Alipay's combined table of JSAPI errors (seed 000): 53 rows over 13 APIs, kept in
//! `data/alipay_jsapi_errors.tsv`.
//!
//! - A row with an empty error cell continues the code above it: `my.uploadFile` 4 has three
//!   meanings (N22104, N22106, 无权限调用此接口), 11 and 12 have two each, and so do
//!   `my.request` 20 and 40001 of `my.getPhoneNumber` and `my.getRunData`.
//! - `4/11` is one meaning under two codes ([`RequestError::NoPermission`]).
//! - `my.navigateBack`'s error has no number, only the text `already top of navigation`.
//! - `my.tradePay` reports a `resultCode` string, and not every result is a failure: 9000 is
//!   success (still to be confirmed by the asynchronous notification), 8000 and 6004 mean the
//!   outcome is unknown ([`Action::Reconcile`]: query the order, do not pay again), 6001 is the
//!   user cancelling. See [`TradePayResult`].
//! - The navigation messages are templates filled at run time:
//!   `can not find page:pages/a/b when execute navigateTo for url /pages/a/b`.
//! - 40001-40006 of `my.getPhoneNumber`, `my.getOpenUserInfo` and `my.getRunData` are Alipay
//!   open-platform gateway codes, seen after the server decrypts the response, not JSAPI fail codes.
//!
//! `message_zh()` is the table's errorMessage; `remedy_zh()` is its 解决方案 as plain text (markup
//! removed, link targets kept as URLs, screenshots dropped). The English is minierr's. Three rows
//! have no remedy in the table; theirs are minierr's, and their notes say so.
//!
//! # `my.request` in practice
//!
//! The `my.request` troubleshooting page (seed 001) disagrees with the combined table on two codes:
//! it calls 11 a forbidden cross-domain call (无权跨域调用) and 12 a timeout. The combined table is
//! the maintained one, so minierr follows it (11 shares 4's meaning, 12 is a network error) and
//! records the other reading in those variants' notes. The page's other facts are folded into
//! the remedies:
//!
//! - N22106 means the request domain is not on the server domain whitelist.
//! - Requests must use HTTPS with a domain name: IP addresses and IPv6 literals are not supported.
//! - On Android, a private-network address fails with HTTP 571 and
//!   `Alipay-Mobile-Proxy-Server(NO_ACCESS_PRIVATE_IP1)`.
//! - A request header named `version` is rejected.
//! - `timeout` may be ignored on Android, where the default is 30 seconds.
//! - A PHP or .NET server that prepends a UTF-8 BOM makes the response fail to parse (error 14).

use std::fmt;

use crate::Action;
use crate::catalog::matches_template;

#[cfg(feature = "serde")]
mod fail;
#[rustfmt::skip]
mod generated;

#[cfg(feature = "serde")]
pub use fail::{ErrorValue, Fail};
pub use generated::{
    Api, ApiIter, GetAuthCodeError, GetAuthCodeErrorIter, GetOpenUserInfoError,
    GetOpenUserInfoErrorIter, GetPhoneNumberError, GetPhoneNumberErrorIter, GetRunDataError,
    GetRunDataErrorIter, NavigateToAlipayPageError, NavigateToAlipayPageErrorIter, NavigationError,
    NavigationErrorIter, RequestError, RequestErrorIter, TradePayResult, TradePayResultIter,
    UploadFileError, UploadFileErrorIter,
};

/// A code of a catalog row: a number, or text for `my.navigateBack`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CodeKey<'a> {
    Number(i64),
    /// Only payloads (`Fail`, feature `serde`) carry text codes; `Api::error` takes numbers.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Text(&'a str),
}

/// How a row recognises its errorMessage when a code has several meanings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matcher {
    /// The message equals the table's, give or take white space and a final full stop.
    Exact,
    /// The message contains this text (`N22104`).
    Contains(&'static str),
    /// The message fills this template's `%s` placeholders.
    Template(&'static str),
}

/// An exact errorMessage (or text code) of the table, as `generated::MESSAGES` holds it.
#[derive(Debug)]
pub(crate) struct ExactMessage {
    /// Its rows, on every API.
    pub(crate) rows: &'static [u16],
    /// For each API on which the message alone names one failure (its pattern rows considered),
    /// a row of that failure. Worked out by the generator, which matches patterns with this
    /// crate's own template code.
    pub(crate) answers: &'static [(Api, u16)],
}

/// One row of the combined table.
#[derive(Debug)]
pub(crate) struct RowInfo {
    pub(crate) api: Api,
    pub(crate) error: JsapiError,
    pub(crate) code: &'static str,
    pub(crate) error_message: &'static str,
    pub(crate) matcher: Matcher,
    pub(crate) message_en: &'static str,
    pub(crate) remedy_zh: &'static str,
    pub(crate) remedy_en: &'static str,
    pub(crate) action: Action,
    pub(crate) note: &'static str,
}

impl RowInfo {
    /// Whether an already normalised `message` fills this row's pattern. Exact rows are matched
    /// through `generated::MESSAGES` instead: one hash lookup for all of them.
    fn matches_pattern(&self, message: &str) -> bool {
        match self.matcher {
            Matcher::Exact => false,
            Matcher::Contains(needle) => message.contains(needle),
            Matcher::Template(template) => matches_template(template, message),
        }
    }
}

use crate::strhash::normalize_message as normalize;

/// Fallback for an index that cannot occur: the generator builds every index from the same rows.
static MISSING_ROW: RowInfo = RowInfo {
    api: Api::Request,
    error: JsapiError::Request(RequestError::NavigatedAway),
    code: "",
    error_message: "",
    matcher: Matcher::Exact,
    message_en: "Catalog row missing",
    remedy_zh: "",
    remedy_en: "",
    action: Action::GiveUp,
    note: "",
};

fn row(index: u16) -> &'static RowInfo {
    generated::ROWS
        .get(usize::from(index))
        .unwrap_or(&MISSING_ROW)
}

impl Api {
    /// Parses an API name, with or without the `my.` prefix (`my.request`, `request`,
    /// `my.ap.navigateToAlipayPage`, `navigateToAlipayPage`).
    pub fn from_name(name: &str) -> Option<Api> {
        generated::API_NAMES.get(name.trim()).copied()
    }

    /// Every API in the catalog.
    ///
    /// ```
    /// assert_eq!(minierr::alipay::Api::all().count(), 13);
    /// ```
    pub fn all() -> ApiIter {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// Every catalog failure of this API, in table order.
    ///
    /// ```
    /// use minierr::alipay::Api;
    /// assert_eq!(Api::UploadFile.errors().count(), 10);
    /// ```
    pub fn errors(self) -> impl Iterator<Item = JsapiError> {
        self.rows().iter().map(|&index| row(index).error)
    }

    /// The catalog failure of this API with `code` and `message`, or `None` if the code is not
    /// this API's or the message does not say which of its meanings applies. See
    /// [`Fail::error_for`] for the rules.
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
        // Only a code with several meanings, or no code, needs the message. The index holds each
        // message as the table writes it as well as normalised, so a message sent verbatim is
        // found without normalising it.
        fn exact(message: &str) -> Option<&'static ExactMessage> {
            generated::MESSAGES.get(message).or_else(|| {
                let normal = normalize(message);
                (normal.len() != message.len())
                    .then(|| generated::MESSAGES.get(normal))
                    .flatten()
            })
        }
        if let Some(code) = code {
            let indices = match code {
                CodeKey::Number(n) => generated::rows_with_code(self, n),
                CodeKey::Text(text) => generated::rows_with_text_code(self, text.trim()),
            };
            match single(indices.iter().map(|&index| row(index))) {
                Single::One(error) => return Some(error),
                // Several meanings under one code: the message must pick one.
                Single::Many => {
                    let message = message?;
                    let (exact, normal) = (exact(message), normalize(message));
                    let picked = indices.iter().filter(|&&index| {
                        exact.is_some_and(|e| e.rows.contains(&index))
                            || row(index).matches_pattern(normal)
                    });
                    return single(picked.map(|&index| row(index))).one();
                }
                // A text code the table does not list may still be a known message.
                Single::None if matches!(code, CodeKey::Text(_)) => {}
                Single::None => return None,
            }
        }
        // No code: the message alone must name one meaning, exactly or by pattern.
        let message = message?;
        if let Some(exact) = exact(message) {
            return exact
                .answers
                .iter()
                .find(|(api, _)| *api == self)
                .map(|&(_, index)| row(index).error);
        }
        let normal = normalize(message);
        let patterns = generated::pattern_rows(self)
            .iter()
            .filter(|&&index| row(index).matches_pattern(normal));
        single(patterns.map(|&index| row(index))).one()
    }
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

fn single<'r>(mut rows: impl Iterator<Item = &'r RowInfo>) -> Single {
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
/// assert!(routing.remedy_en().contains("tabBar"));
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
}

impl JsapiError {
    fn info(self) -> &'static RowInfo {
        let index = match self {
            JsapiError::Request(e) => e.row(),
            JsapiError::UploadFile(e) => e.row(),
            JsapiError::TradePay(e) => e.row(),
            JsapiError::NavigateToAlipayPage(e) => e.row(),
            JsapiError::GetAuthCode(e) => e.row(),
            JsapiError::GetPhoneNumber(e) => e.row(),
            JsapiError::GetOpenUserInfo(e) => e.row(),
            JsapiError::GetRunData(e) => e.row(),
            JsapiError::Navigation(api, e) => generated::navigation_row(api, e),
        };
        row(index)
    }

    /// The name of the per-API variant (`JsonParseError`).
    ///
    /// ```
    /// use minierr::alipay::{JsapiError, RequestError};
    /// assert_eq!(JsapiError::Request(RequestError::Timeout).name(), "Timeout");
    /// ```
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
        }
    }

    /// The API that reports this failure.
    pub fn api(self) -> Api {
        match self {
            JsapiError::Navigation(api, _) => api,
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
            pub fn code(self) -> &'static str {
                self.info().code
            }

            /// The table's errorMessage, as written.
            pub fn message_zh(self) -> &'static str {
                self.info().error_message
            }

            /// An English description, without a final full stop.
            pub fn message_en(self) -> &'static str {
                self.info().message_en
            }

            /// The table's remedy (解决方案) as plain text, one step per line.
            pub fn remedy_zh(self) -> &'static str {
                self.info().remedy_zh
            }

            /// The remedy in English, one step per line.
            pub fn remedy_en(self) -> &'static str {
                self.info().remedy_en
            }

            /// What the caller should do next.
            pub fn action(self) -> Action {
                self.info().action
            }

            /// Where the sources disagree or the text is minierr's, what they say.
            pub fn note(self) -> Option<&'static str> {
                let note = self.info().note;
                if note.is_empty() { None } else { Some(note) }
            }
        }

        impl fmt::Display for $ty {
            /// `my.request error 14: Failed to parse the response data as JSON`.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let info = self.info();
                write!(f, "{} error {}: {}", info.api.name(), info.code, info.message_en)
            }
        }
    )*};
}

/// `fn info` and iteration for the per-API enums, whose variants know their first row.
macro_rules! family_methods {
    ($($ty:ident => $iter:ident),* $(,)?) => {$(
        impl $ty {
            fn info(self) -> &'static RowInfo {
                row(self.row())
            }

            /// Every variant, in table order.
            pub fn all() -> $iter {
                <Self as strum::IntoEnumIterator>::iter()
            }

            /// The variant's name.
            pub fn name(self) -> &'static str {
                self.into()
            }
        }
    )*};
}

family_methods!(
    RequestError => RequestErrorIter,
    UploadFileError => UploadFileErrorIter,
    TradePayResult => TradePayResultIter,
    NavigateToAlipayPageError => NavigateToAlipayPageErrorIter,
    GetAuthCodeError => GetAuthCodeErrorIter,
    GetPhoneNumberError => GetPhoneNumberErrorIter,
    GetOpenUserInfoError => GetOpenUserInfoErrorIter,
    GetRunDataError => GetRunDataErrorIter,
    NavigationError => NavigationErrorIter,
);

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
);

impl TradePayResult {
    /// The result for a `my.tradePay` `resultCode`.
    ///
    /// ```
    /// use minierr::alipay::TradePayResult;
    /// use minierr::Action;
    ///
    /// assert_eq!(TradePayResult::from_result_code("9000"), Some(TradePayResult::Success));
    /// assert_eq!(TradePayResult::from_result_code("6004").map(|r| r.action()), Some(Action::Reconcile));
    /// assert_eq!(TradePayResult::from_result_code("1234"), None);
    /// ```
    pub fn from_result_code(result_code: &str) -> Option<TradePayResult> {
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
    pub fn is_success(self) -> bool {
        self == TradePayResult::Success
    }
}

impl From<RequestError> for JsapiError {
    fn from(e: RequestError) -> Self {
        JsapiError::Request(e)
    }
}

impl From<UploadFileError> for JsapiError {
    fn from(e: UploadFileError) -> Self {
        JsapiError::UploadFile(e)
    }
}

impl From<TradePayResult> for JsapiError {
    fn from(e: TradePayResult) -> Self {
        JsapiError::TradePay(e)
    }
}

#[cfg(test)]
mod tests {
    use super::{Api, generated, normalize, row, single};

    /// The generator resolves each exact message (normalised, and as the table writes it) on
    /// each API ahead of time; doing it here, row by row with the run-time pattern matcher, must
    /// give the same answers.
    #[test]
    fn precomputed_message_answers_match_the_rows() {
        let index = &generated::MESSAGES;
        let mut answered = 0;
        for (message, exact) in index.keys.iter().zip(index.values) {
            for api in Api::all() {
                let exact_rows = exact.rows.iter().filter(|&&i| row(i).api == api);
                let pattern_rows = generated::pattern_rows(api)
                    .iter()
                    .filter(|&&i| row(i).matches_pattern(normalize(message)));
                let expected = single(exact_rows.chain(pattern_rows).map(|&i| row(i))).one();
                let precomputed = exact
                    .answers
                    .iter()
                    .find(|(a, _)| *a == api)
                    .map(|&(_, i)| row(i).error);
                assert_eq!(precomputed, expected, "{api:?} {message:?}");
                answered += usize::from(precomputed.is_some());
            }
        }
        assert!(answered >= 40, "only {answered} answers");
    }
}
