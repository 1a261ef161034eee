//! [`Code`], [`Api`], each API's [`Meaning`] of a code, and [`AnyCode`].

use std::borrow::Cow;
use std::fmt;

use super::generated::{self, Api, Code};
use super::{Call, CallKind, CodeInfo, MeaningInfo, Outcome, Version};
use crate::normalize::find_str;
use crate::{Action, Reliability, RetryHint};

impl Api {
    /// Every API of the catalog, in table order.
    pub const ALL: &'static [Api] = &generated::APIS;

    const fn info(self) -> &'static super::ApiInfo {
        generated::api_info(self)
    }

    /// Every API, in table order: [`Api::ALL`] as an iterator.
    ///
    /// ```
    /// assert_eq!(minierr::wx::pay::Api::all().count(), 44);
    /// ```
    pub fn all() -> impl Iterator<Item = Api> {
        Api::ALL.iter().copied()
    }

    /// The variant's name (`V3JsapiOrder`).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The API's name on WeChat Pay's pages (`申请退款`).
    #[must_use]
    pub const fn name_zh(self) -> &'static str {
        self.info().name
    }

    /// APIv3 or v2.
    #[must_use]
    pub const fn version(self) -> Version {
        self.info().version
    }

    /// Whether a call may move money (an order, a refund): an unknown outcome there means
    /// query before anything else.
    ///
    /// ```
    /// use minierr::wx::pay::Api;
    /// assert!(Api::V2UnifiedOrder.moves_money());
    /// assert!(!Api::V2CloseOrder.moves_money());
    /// ```
    #[must_use]
    pub const fn moves_money(self) -> bool {
        matches!(self.info().call, Call::MovesMoney)
    }

    /// The call kind of this API; `None` for the APIv3 common status table, which belongs to
    /// every API.
    #[must_use]
    pub const fn call_kind(self) -> Option<CallKind> {
        match self.info().call {
            Call::MovesMoney => Some(CallKind::MovesMoney),
            Call::Idempotent => Some(CallKind::Idempotent),
            Call::Unknown => None,
        }
    }

    /// The HTTP method and path template (`POST`, `/v3/refund/domestic/refunds`); empty for
    /// the common status table.
    #[must_use]
    pub const fn endpoint(self) -> (&'static str, &'static str) {
        (self.info().method, self.info().path)
    }

    /// The page the API's codes come from.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The API that `method` and `path` call, matching the path templates segment by segment
    /// (`{out_trade_no}` stands for any one segment). A query string is ignored; the service
    /// provider (`/v3/pay/partner/…`) and sandbox (`/sandboxnew/…`) paths of the same API are
    /// read as it; the v3 query by `transaction_id` is the query by `out_trade_no`'s twin.
    ///
    /// ```
    /// use minierr::wx::pay::Api;
    /// assert_eq!(
    ///     Api::from_path("GET", "/v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1230000109"),
    ///     Some(Api::V3QueryOrder)
    /// );
    /// assert_eq!(Api::from_path("GET", "/v3/pay/transactions/id/4200000985202103031441826014"), Some(Api::V3QueryOrder));
    /// assert_eq!(Api::from_path("POST", "/v3/pay/partner/transactions/jsapi"), Some(Api::V3JsapiOrder));
    /// assert_eq!(Api::from_path("POST", "/sandboxnew/pay/unifiedorder"), Some(Api::V2UnifiedOrder));
    /// assert_eq!(Api::from_path("GET", "/v3/certificates"), Some(Api::V3Certificates));
    /// assert_eq!(Api::from_path("GET", "/v3/marketing/favor/stocks"), None);
    /// // A path part of an API the catalog lacks is not an order number.
    /// assert_eq!(Api::from_path("", "/v3/profitsharing/orders/unfreeze"), None);
    /// ```
    #[must_use]
    pub fn from_path(method: &str, path: &str) -> Option<Api> {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let path = [
            "https://api.mch.weixin.qq.com",
            "https://api2.mch.weixin.qq.com",
        ]
        .iter()
        .find_map(|host| path.strip_prefix(host))
        .unwrap_or(path);
        let path = path.strip_prefix("/sandboxnew").unwrap_or(path);
        let path = match path.strip_prefix("/v3/pay/partner/") {
            Some(rest) => Cow::Owned(format!("/v3/pay/{rest}")),
            None => Cow::Borrowed(path),
        };
        let path = match path.strip_prefix("/v3/pay/transactions/id/") {
            Some(rest) => Cow::Owned(format!("/v3/pay/transactions/out-trade-no/{rest}")),
            None => path,
        };
        let method = method.trim();
        Api::all().find(|api| {
            let (m, template) = api.endpoint();
            !template.is_empty()
                && (method.is_empty() || m.eq_ignore_ascii_case(method))
                && same_path(template, &path)
        })
    }
}

/// Whether `path` fits `template`, where a `{name}` segment is one identifier: a non-empty
/// segment that is not a word of lower-case letters and hyphens, which is how the API names
/// its own path parts (`/v3/profitsharing/orders/unfreeze` is not a query of order
/// `unfreeze`).
fn same_path(template: &str, path: &str) -> bool {
    // Every path that fits starts with the template's text before its first `{name}`: one
    // comparison rules out the other APIs before any segment is split.
    let literal = template.bytes().take_while(|&b| b != b'{');
    if !literal
        .zip(path.bytes().map(Some).chain(std::iter::repeat(None)))
        .all(|(t, p)| p == Some(t))
    {
        return false;
    }
    let mut given = path.trim_end_matches('/').split('/');
    for expected in template.split('/') {
        match given.next() {
            Some(segment) if expected.starts_with('{') => {
                let api_word = segment.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                if segment.is_empty() || api_word {
                    return false;
                }
            }
            Some(segment) if segment == expected => {}
            _ => return false,
        }
    }
    given.next().is_none()
}

impl Code {
    /// How many codes the catalog has.
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every code, in table order.
    pub const ALL: &'static [Code] = &generated::ALL;

    const fn info(self) -> &'static CodeInfo {
        generated::info(self)
    }

    /// Every code, in table order: [`Code::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied()
    }

    /// The code whose machine string is `code`, byte for byte; `None` for any other text.
    ///
    /// ```
    /// use minierr::wx::pay::Code;
    /// assert_eq!(Code::from_code("ORDERPAID"), Some(Code::OrderPaid));
    /// assert_eq!(Code::from_code("SYSTEMERROR"), Some(Code::SystemErrorV2));
    /// assert_eq!(Code::from_code("orderpaid"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Code> {
        generated::code_from_str(code)
    }

    /// The machine string, as the API sends it (`SYSTEM_ERROR`).
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.info().code
    }

    /// The variant's name (`SystemError`).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the code says about the money: decided, unknown, or settled.
    ///
    /// ```
    /// use minierr::wx::pay::{Code, Outcome};
    /// assert_eq!(Code::BankError.outcome(), Outcome::Unknown);
    /// assert_eq!(Code::OrderPaid.outcome(), Outcome::Settled);
    /// assert_eq!(Code::SignError.outcome(), Outcome::Decided);
    /// ```
    #[must_use]
    pub const fn outcome(self) -> Outcome {
        self.info().outcome
    }

    /// Why the code has its step when the call is not known; empty where every API that
    /// lists the code gives it the same step.
    #[must_use]
    pub const fn why(self) -> &'static str {
        self.info().why
    }

    /// Each API's meaning of the code, in table order.
    ///
    /// ```
    /// use minierr::wx::pay::{Api, Code};
    /// let apis: Vec<Api> = Code::ResourceNotExists.meanings().map(|m| m.api()).collect();
    /// assert!(apis.starts_with(&[Api::V3Refund, Api::V3QueryRefund]));
    /// ```
    pub fn meanings(self) -> impl Iterator<Item = Meaning> {
        generated::meanings(self).iter().map(Meaning)
    }

    /// The code's meaning on `api`, if its table lists the code.
    #[must_use]
    pub fn meaning_on(self, api: Api) -> Option<Meaning> {
        self.meanings().find(|m| m.api() == api)
    }

    /// The versions whose tables list the code.
    pub fn versions(self) -> impl Iterator<Item = Version> {
        let info = self.info();
        [
            info.v3_action.map(|_| Version::V3),
            info.v2_action.map(|_| Version::V2),
        ]
        .into_iter()
        .flatten()
    }

    /// The next step on `api`: the row of the API's table, or, where that table does not list
    /// the code, the step for a call of the API's kind.
    ///
    /// ```
    /// use minierr::wx::pay::{Api, Code};
    /// use minierr::Action;
    /// assert_eq!(Code::SystemErrorV2.action_for(Api::V2Refund), Some(Action::Reconcile));
    /// assert_eq!(Code::SystemErrorV2.action_for(Api::V2RefundQuery), Some(Action::Retry));
    /// assert_eq!(Code::FrequencyLimited.action_for(Api::V3Refund), Some(Action::Reconcile));
    /// assert_eq!(Code::FrequencyLimited.action_for(Api::V3QueryOrder), Some(Action::Backoff));
    /// ```
    #[must_use]
    pub fn action_for(self, api: Api) -> Option<Action> {
        self.action_for_text(api, "")
    }

    /// [`Code::action_for`], choosing among the API's rows for the code by the body's text
    /// where the table lists the code twice on one API with different meanings (a transfer's
    /// `INVALID_REQUEST` is a broken rule or the day's quota).
    pub(crate) fn action_for_text(self, api: Api, text: &str) -> Option<Action> {
        // The common status table belongs to every API: its step for a code whose outcome is
        // unknown must not be a query's.
        if api.call_kind().is_none() && self.outcome() == Outcome::Unknown {
            return Some(Action::Reconcile);
        }
        // Where an APIv3 table does not list the code, its other spelling's row on the API,
        // when the body's message is that row's (`BANK_ERROR` and `BANKERROR`: the v3 tables'
        // two generations spell some codes both ways), says more than the code's step with the
        // call unknown. Not on v2, where `NO_AUTH` and `NOAUTH` are different rows of the
        // red-packet pages.
        // Then the row of the same operation, in the same version, in another merchant mode,
        // where the body's message is that row's (the e-commerce `[电商收付通] 请求分账`'s
        // 分账金额不足 for a direct merchant's 请求分账).
        let meaning = self
            .meaning_matching(api, text)
            .or_else(|| {
                self.spelling_twin()
                    .filter(|_| api.version() == Version::V3)
                    .and_then(|twin| twin.meaning_matching(api, text))
                    // Where the body's message is the row's own (`银行系统异常`).
                    .filter(|m| m.is_named_by(text))
            })
            .or_else(|| {
                let operation = operation_of(api);
                self.meanings()
                    .map(|m| m.api())
                    .find(|&other| {
                        other != api
                            && other.version() == api.version()
                            && operation_of(other) == operation
                    })
                    .and_then(|other| self.meaning_matching(other, text))
                    // Borrowed only where the body's message is that row's own.
                    .filter(|m| m.is_named_by(text))
            });
        match meaning {
            Some(meaning) => Some(meaning.action()),
            None => self.action_in(
                Some(api.version()),
                api.call_kind().unwrap_or(CallKind::MovesMoney),
            ),
        }
    }

    /// The same code spelt the other way, with or without underscores (`BANK_ERROR` and
    /// `BANKERROR`, `NOT_ENOUGH` and `NOTENOUGH`), where the catalog lists both.
    fn spelling_twin(self) -> Option<Code> {
        fn bare(code: &str) -> impl Iterator<Item = u8> + '_ {
            code.bytes().filter(|&b| b != b'_')
        }
        // A twin starts with the same letter (no code starts with `_`), which rules out most
        // codes before their letters are compared.
        let first = self.code().bytes().next();
        Code::ALL.iter().copied().find(|&other| {
            other != self
                && other.code().bytes().next() == first
                && bare(other.code()).eq(bare(self.code()))
        })
    }

    /// The code's meaning on `api` whose text the body's message holds, else its first.
    pub(crate) fn meaning_matching(self, api: Api, text: &str) -> Option<Meaning> {
        let rows = generated::meanings(self);
        let at = rows.iter().position(|m| m.api == api)?;
        // A code's rows on one API are adjacent (the generator keeps the table's order, which
        // groups them; a test checks it). Most codes have one row per API: then there is
        // nothing for the text to choose.
        let rows = rows.get(at..).unwrap_or(&[]);
        let same_api = rows.iter().take_while(|m| m.api == api).count();
        let mut on_api = rows.iter().take(same_api).map(Meaning);
        let first = on_api.next()?;
        let Some(second) = on_api.next() else {
            return Some(first);
        };
        let own_text = |m: &Meaning| m.is_named_by(text);
        if own_text(&first) {
            return Some(first);
        }
        Some(
            std::iter::once(second)
                .chain(on_api)
                .find(own_text)
                .unwrap_or(first),
        )
    }

    /// The row of `api` whose documented message is `text` word for word, ASCII white space
    /// around it aside; never for an empty text, which names no row.
    #[cfg(feature = "serde")] // only the payload readers decide on a body's text
    pub(crate) fn row_worded_as(self, api: Api, text: &str) -> Option<Meaning> {
        let text = text.trim_ascii();
        if text.is_empty() {
            return None;
        }
        generated::meanings(self)
            .iter()
            .find(|m| m.api == api && m.message_zh == text)
            .map(Meaning)
    }

    /// With the API unknown, the row of `version` whose documented message the body's text
    /// holds, where that row's step is not the code's own and no row with another step is
    /// named too: the code and its message together name the row (`INVALID_REQUEST` with
    /// `此IP地址不允许调用接口` is a transfer's IP allow-list). Only rows whose step differs are
    /// searched first, since a row that agrees with the code's own step changes nothing.
    #[cfg(feature = "serde")]
    pub(crate) fn row_named_by(self, version: Version, text: &str) -> Option<Meaning> {
        if text.is_empty() {
            return None;
        }
        let info = self.info();
        let own = match version {
            Version::V2 => info.v2_action,
            Version::V3 => info.v3_action,
        };
        let same_version = || {
            self.meanings()
                .filter(move |m| m.api().version() == version)
        };
        // Many APIs' rows repeat one message (`系统错误`); each text is searched once.
        let mut searched: [&str; 16] = [""; 16];
        let mut seen = 0;
        let named = same_version()
            .filter(|m| Some(m.action()) != own)
            .find(|m| {
                let message = m.message_zh();
                if searched.get(..seen).is_some_and(|s| s.contains(&message)) {
                    return false;
                }
                if let Some(slot) = searched.get_mut(seen) {
                    *slot = message;
                    seen += 1;
                }
                m.is_named_by(text)
            })?;
        // A text that rows of another step document too, on either version, names none: the
        // server reuses its words across its APIs (a v2 refund answers ORDERNOTEXIST with
        // 订单不存在, the close page's words, and APIv3's order placement documents them too).
        let ambiguous = self
            .meanings()
            .any(|m| m.action() != named.action() && m.is_named_by(text));
        (!ambiguous).then_some(named)
    }

    /// The one code whose rows of `version` document `text` (a row's message found in it);
    /// `None` when no code's rows do, or several codes' do.
    #[cfg(feature = "serde")]
    pub(crate) fn only_one_named_by(version: Version, text: &str) -> Option<Code> {
        let mut named = Code::ALL.iter().copied().filter(|&code| {
            code.meanings()
                .any(|m| m.api().version() == version && m.is_named_by(text))
        });
        let only = named.next()?;
        named.next().is_none().then_some(only)
    }

    /// The other code whose documented message `text` holds, where every code so named takes
    /// the same step: on APIv3, a row of the common status table ([`Api::V3Common`]), which
    /// belongs to every API; on v2, a row of any v2 API. `INVALID_REQUEST`'s documented fix is
    /// to act on the body's own message, and these messages say which step that is
    /// (`产品权限异常` holds `NO_AUTH`'s `权限异常`; `订单金额或退款金额与之前请求不一致` is
    /// `REFUND_FEE_MISMATCH`'s).
    #[cfg(feature = "serde")]
    pub(crate) fn other_code_named_by(self, version: Version, text: &str) -> Option<Code> {
        let documents = |m: &Meaning| match version {
            Version::V3 => m.api() == Api::V3Common,
            Version::V2 => m.api().version() == Version::V2,
        };
        let mut named = Code::ALL.iter().copied().filter(|&code| {
            code != self
                && code
                    .meanings()
                    .any(|m| documents(&m) && m.is_named_by(text))
        });
        let first = named.next()?;
        let step = |code: Code| code.action_in(Some(version), CallKind::MovesMoney);
        let first_step = step(first);
        named
            .all(|other| step(other) == first_step)
            .then_some(first)
    }

    /// The next step when the API is not known: [`Action::Reconcile`] for an outcome-unknown
    /// code on a call that may move money, otherwise the code's one step ([`Code::why`]).
    ///
    /// ```
    /// use minierr::wx::pay::Code;
    /// use minierr::{Action, CallKind};
    /// assert_eq!(Code::SystemError.action(CallKind::MovesMoney), Some(Action::Reconcile));
    /// assert_eq!(Code::SystemError.action(CallKind::Idempotent), Some(Action::Retry));
    /// assert_eq!(Code::OrderPaid.action(CallKind::Idempotent), Some(Action::Reconcile));
    /// assert_eq!(Code::SignError.action(CallKind::MovesMoney), Some(Action::FixConfig));
    /// assert_eq!(Code::NoAuth.action(CallKind::MovesMoney), Some(Action::FixConfig));
    /// ```
    #[must_use]
    pub fn action(self, call: CallKind) -> Option<Action> {
        self.action_in(None, call)
    }

    /// The step with the call unknown, for a body of `version` (the version's column first).
    pub(crate) fn action_in(self, version: Option<Version>, call: CallKind) -> Option<Action> {
        let info = self.info();
        if info.outcome == Outcome::Unknown && call == CallKind::MovesMoney {
            return Some(Action::Reconcile);
        }
        match version {
            Some(Version::V2) => info.v2_action.or(info.v3_action),
            _ => info.v3_action.or(info.v2_action),
        }
    }

    /// The first meaning's row: the code's text where no API is named. Every code has one
    /// (the generator checks).
    fn first(self) -> Option<&'static MeaningInfo> {
        generated::meanings(self).first()
    }

    /// The Chinese text of the code's first meaning (`系统错误`).
    #[must_use]
    pub fn message_zh(self) -> &'static str {
        self.first().map_or("", |m| m.message_zh)
    }

    /// The English text of the code's first meaning.
    #[must_use]
    pub fn message_en(self) -> &'static str {
        self.first().map_or("", |m| m.message_en)
    }

    /// The soonest a retry can succeed, where any of the code's meanings says, whatever that
    /// meaning's step. The hint that goes with the code's own step, as `minierr list` shows
    /// it, is [`CatalogCode::retry_hint`](crate::CatalogCode::retry_hint).
    #[must_use]
    pub fn retry_hint(self) -> Option<RetryHint> {
        self.meanings().find_map(Meaning::retry_hint)
    }

    /// [`Code::retry_hint`] where no meaning was named and the step is `action`: the first hint
    /// among the meanings that take that step. A hint times its own step: a query's `retry
    /// later` says nothing of a request to fix, nor of reconciling an order.
    pub(crate) fn retry_hint_for(self, action: Option<Action>) -> Option<RetryHint> {
        self.meanings()
            .filter(|m| Some(m.action()) == action)
            .find_map(Meaning::retry_hint)
    }

    /// The best reliability among the code's sources.
    #[must_use]
    pub fn reliability(self) -> Reliability {
        self.meanings()
            .map(Meaning::reliability)
            .min()
            .unwrap_or(Reliability::Tertiary)
    }
}

/// A code's meaning on one API: one row of `data/wechat_pay_meanings.tsv`.
#[derive(Clone, Copy, Debug)]
pub struct Meaning(&'static MeaningInfo);

impl Meaning {
    /// Whether `text` holds one of the row's documented messages. A row may list several,
    /// split by ` / `, each perhaps with a note in parentheses after it (`(502)`), and rows
    /// seen only at runtime start with `(runtime) `; no body carries those notes. A link in
    /// a message is cut off: the platform moves its guides, and the words before it are the
    /// message. The generator cuts them (`MeaningInfo::named_by`).
    pub(crate) fn is_named_by(self, text: &str) -> bool {
        !text.is_empty()
            && self
                .0
                .named_by
                .iter()
                .any(|message| find_str(text, message).is_some())
    }

    /// The texts that name the row, as [`Meaning::is_named_by`] searches for them.
    #[cfg(feature = "serde")]
    pub(crate) fn naming_texts(self) -> &'static [&'static str] {
        self.0.named_by
    }

    /// The API whose table lists it.
    #[must_use]
    pub const fn api(self) -> Api {
        self.0.api
    }

    /// The HTTP status the table gives (`400`, `502/503`); empty for v2.
    #[must_use]
    pub const fn http_status(self) -> &'static str {
        self.0.http_status
    }

    /// The next step on this API.
    #[must_use]
    pub const fn action(self) -> Action {
        self.0.action
    }

    /// The soonest a retry can succeed, where the page says.
    #[must_use]
    pub const fn retry_hint(self) -> Option<RetryHint> {
        self.0.retry_hint
    }

    /// The table's description, in Chinese.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.0.message_zh
    }

    /// The table's 解决方案, in Chinese; empty where it gives none.
    #[must_use]
    pub const fn solution_zh(self) -> &'static str {
        self.0.solution_zh
    }

    /// The description in English.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.0.message_en
    }

    /// The solution in English; empty where the table gives none.
    #[must_use]
    pub const fn solution_en(self) -> &'static str {
        self.0.solution_en
    }

    /// How far the row's source can be trusted.
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.0.reliability
    }

    /// Where the row was read.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.0.source
    }

    /// What else the sources say: other wordings, disagreements, causes seen in threads.
    #[must_use]
    pub const fn note(self) -> &'static str {
        self.0.note
    }
}

impl PartialEq for Meaning {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Meaning {}

impl fmt::Display for Code {
    /// The catalog's one form: code, then English ([`CatalogCode`](crate::CatalogCode)).
    ///
    /// ```
    /// assert_eq!(
    ///     minierr::wx::pay::Code::OrderPaid.to_string(),
    ///     format!("ORDERPAID: {}", minierr::wx::pay::Code::OrderPaid.message_en())
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Code {}

impl std::str::FromStr for Code {
    type Err = crate::ParseCodeError;

    /// Parses a machine string, byte for byte.
    ///
    /// ```
    /// use minierr::wx::pay::Code;
    /// assert_eq!("NOTENOUGH".parse::<Code>(), Ok(Code::NotEnoughV2));
    /// assert!("NOT_A_CODE".parse::<Code>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::known_key(s, "WeChat Pay", Code::from_code)
    }
}

crate::catalog_code::impl_catalog_code!(Code, |c| {
        all: Code::ALL,
        platform: WechatPay,
        code: Some(crate::CodeText::Text(c.code())),
        name: Code::name(c),
        scope: None,
        machine: c.code(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Code::action(c, CallKind::MovesMoney),
        hint: c.retry_hint_for(Code::action(c, CallKind::MovesMoney)),
        reliability: Some(Code::reliability(c)),
        named_by: |query| Code::from_code(query.trim()).into_iter().collect(),
});

/// A code the catalog does not list, with its text as sent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("WeChat Pay code {0:?} is not in the catalog")]
pub struct UnknownCode(pub String);

/// Any WeChat Pay code: a catalog [`Code`], or an unknown one with its text, kept byte for
/// byte.
///
/// ```
/// use minierr::wx::pay::{AnyCode, Code};
/// assert_eq!(AnyCode::new("ORDERPAID").known(), Some(Code::OrderPaid));
/// let newer = AnyCode::new("TRANSFER_SCENE_UNAVAILABLE");
/// assert_eq!((newer.known(), newer.raw()), (None, "TRANSFER_SCENE_UNAVAILABLE"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AnyCode<'a> {
    raw: Cow<'a, str>,
    known: Option<Code>,
}

impl<'a> AnyCode<'a> {
    /// Classifies `raw`, keeping it.
    #[must_use]
    pub fn new(raw: impl Into<Cow<'a, str>>) -> Self {
        let raw = raw.into();
        // Codes arrive bare: trim (a Unicode-aware scan) only when the text as sent is no code.
        let known = Code::from_code(&raw).or_else(|| {
            let trimmed = raw.trim();
            (trimmed.len() != raw.len())
                .then(|| Code::from_code(trimmed))
                .flatten()
        });
        AnyCode { raw, known }
    }

    /// Classifies `raw` as a code of `version`'s answers: a catalog code that only the other
    /// version's tables list is unknown here. WeChat Pay spells the two versions' codes apart
    /// (v2's `SYSTEMERROR` and `ERROR`, v3's `SYSTEM_ERROR`), so a v3 body with v2's `ERROR` is
    /// another service's `{code, message}`, not a v2 refund's business error.
    ///
    /// ```
    /// use minierr::wx::pay::{AnyCode, Code, Version};
    /// assert_eq!(AnyCode::of_version("ERROR", Version::V2).known(), Some(Code::Error));
    /// assert_eq!(AnyCode::of_version("ERROR", Version::V3).known(), None);
    /// assert_eq!(AnyCode::of_version("PARAM_ERROR", Version::V3).known(), Some(Code::ParamError));
    /// ```
    #[must_use]
    pub fn of_version(raw: impl Into<Cow<'a, str>>, version: Version) -> Self {
        let mut code = AnyCode::new(raw);
        code.known = code
            .known
            .filter(|known| known.versions().any(|listed| listed == version));
        code
    }

    /// The text exactly as sent.
    #[must_use]
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The catalog code, if the text is one.
    #[must_use]
    pub const fn known(&self) -> Option<Code> {
        self.known
    }

    /// The text, if the catalog does not know it.
    #[must_use]
    pub fn unknown(&self) -> Option<UnknownCode> {
        match self.known {
            Some(_) => None,
            None => Some(UnknownCode(self.raw.clone().into_owned())),
        }
    }

    /// Whether the catalog knows it.
    #[must_use]
    pub const fn is_known(&self) -> bool {
        self.known.is_some()
    }

    /// The same code with owned text.
    #[must_use]
    pub fn into_owned(self) -> AnyCode<'static> {
        AnyCode {
            raw: Cow::Owned(self.raw.into_owned()),
            known: self.known,
        }
    }
}

impl PartialOrd for AnyCode<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AnyCode<'_> {
    /// By the text as sent.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl fmt::Display for AnyCode<'_> {
    /// The catalog's form for a known code; the text as sent for an unknown one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.known {
            Some(code) => code.fmt(f),
            None => f.write_str(&self.raw),
        }
    }
}

impl std::str::FromStr for AnyCode<'static> {
    type Err = std::convert::Infallible;

    /// Any text is a code; only the catalog decides whether it is known.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(AnyCode::new(s.to_owned()))
    }
}

/// The rows of the APIv3 common status table that name no code (HTTP 202, 405).
///
/// ```
/// let statuses: Vec<&str> = minierr::wx::pay::status_meanings().map(|m| m.http_status()).collect();
/// assert_eq!(statuses, ["202", "405"]);
/// ```
pub fn status_meanings() -> impl Iterator<Item = Meaning> {
    generated::STATUS_MEANINGS.iter().map(Meaning)
}

/// v2's communication-layer failure (`return_code` `FAIL`), per API.
///
/// ```
/// use minierr::wx::pay::{return_code_meanings, Api};
/// assert!(return_code_meanings().any(|m| m.api() == Api::V2Refund));
/// ```
pub fn return_code_meanings() -> impl Iterator<Item = Meaning> {
    generated::RETURN_CODE_MEANINGS.iter().map(Meaning)
}

/// An API's operation: its name without the merchant-mode tag the tables put first
/// (`[电商收付通] 请求分账` and `请求分账` are one operation).
fn operation_of(api: Api) -> &'static str {
    let name = api.name_zh();
    match name
        .strip_prefix('[')
        .and_then(|rest| rest.split_once("] "))
    {
        Some((_, operation)) => operation,
        None => name,
    }
}
