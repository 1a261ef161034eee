//! WeChat Pay merchant APIs: APIv3's `{code, message, detail}` and v2's `return_code` /
//! `result_code` / `err_code`, with the next step for the call that got them.
//!
//! A backend that sells something calls WeChat Pay, and that is where a wrong next step costs
//! money: resending an order whose outcome is unknown can charge a user twice, and giving up on
//! one that went through loses the sale. [`Response`] reads an APIv3 error body (the HTTP
//! status too, when the caller has it), [`V2Response`] a v2 answer (from the XML the API sends,
//! with the `xml` feature, or from the fields an SDK parsed out). [`Code`] is the typed code,
//! one variant per machine string; [`AnyCode`] keeps any code, known or not, without loss.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use minierr::wx::pay::{Api, Code, Response};
//! use minierr::{Action, CallKind};
//!
//! let body = r#"{"code":"SYSTEM_ERROR","message":"系统异常，请稍后重试"}"#;
//! let response = Response::from_json_str(body)?.with_status(500);
//! assert_eq!(response.code().known(), Some(Code::SystemError));
//! // On an order the outcome is unknown: query it with the same out_trade_no.
//! assert_eq!(response.action_for(Api::V3JsapiOrder), Some(Action::Reconcile));
//! // On a query, asking again is harmless.
//! assert_eq!(response.action_for(Api::V3QueryOrder), Some(Action::Retry));
//! // With the call unknown (a body in a log), assume it may have moved money.
//! assert_eq!(response.action(CallKind::MovesMoney), Some(Action::Reconcile));
//! # }
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # The next step, keyed on the call
//!
//! The same code needs a different step on a call that moves money. Each API's meaning of a
//! code is a row of `data/wechat_pay_meanings.tsv` ([`Code::meanings`]); with the API known,
//! [`Code::action_for`] gives that row's step. The rules the rows follow, and the generator
//! checks:
//!
//! - A system error, a bank error, `USERPAYING` or an HTTP 5xx ([`Outcome::Unknown`]) on an
//!   order, a refund, a transfer or a split leaves the outcome unknown: [`Action::Reconcile`],
//!   query with the same `out_trade_no` / `out_refund_no` / `out_bill_no`, never a new one. On
//!   a query it is [`Action::Retry`] (a service that is down, [`Action::Backoff`]); a close
//!   follows its page, which for a payer still paying says to query the order first. The
//!   common status table ([`Api::V3Common`]) belongs to every API, so there such a code is
//!   reconciled too.
//! - `ORDERPAID`, `ORDER_CLOSED` and `ORDERCLOSED` say the state is already settled
//!   ([`Outcome::Settled`]): a paid order is treated as paid ([`Action::Reconcile`], fetch its
//!   `transaction_id`), a closed one is not paid again ([`Action::GiveUp`]).
//! - Frequency limits back off ([`Action::Backoff`], [`RetryHint::Later`](crate::RetryHint)),
//!   except an APIv3 refund answered `FREQUENCY_LIMITED`, which the current page says may
//!   already be accepted: query it first.
//! - Where a table lists a code twice on one API with different meanings, the body's message
//!   picks the row (a transfer's `INVALID_REQUEST` is a broken rule or the day's quota).
//!
//! Where the call is not known (a bare body in a log, the CLI), [`Code::action`] takes a
//! [`CallKind`]: with [`CallKind::MovesMoney`], the safe default, an outcome-unknown code is
//! [`Action::Reconcile`]: look before paying again. Every other code has one step for a call
//! that is not known, stated with its reason in `data/wechat_pay_codes.tsv`
//! ([`Code::why`]). The body itself is read too: a `NOTENOUGH` whose text names the merchant's
//! own account (`基本账户余额不足`) is the merchant's to fix ([`Action::FixConfig`]), not the
//! payer's, an `INVALID_REQUEST` that says `订单号重复` is the re-sent order it names, and a
//! message that asks for the order to be queried (`请查单确认结果`) on a call that may have
//! moved money is [`Action::Reconcile`], whatever its code.
//! A parameter error about the `Wechatpay-Serial` header, missing or wrong, is the request's
//! ([`Action::FixRequest`]: the code that encrypts fields sends the serial it used); one about
//! any other certificate (证书) is configuration, as the certificate codes are. Likewise a v2
//! `return_msg` that names a merchant ID but points at the request's parameters (an ID in the
//! wrong format, `mch_id参数格式错误`, the documented 参数格式校验错误; `请确认请求参数是否正确`)
//! is the request's, where one that is unknown or unmatched is configuration.
//!
//! `SIGN_ERROR` is the merchant's signing setup ([`Action::FixConfig`]: the API key, the private
//! key, the certificate serial), as the project's reference infers from the pages' fix (check the
//! signing parameters and method), and as v2's order pages' `SIGNERROR` is. Public threads about
//! new integrations more often found the signed string at fault; in one that has worked, the
//! signing code stays put while keys and certificates change. Each row's note keeps the threads.
//! Only a header the server cannot parse (`Http头Authorization值格式错误`) is the request's: a key
//! or serial configured wrongly still yields a well-formed header.
//! `INVALID_REQUEST` is documented as "act on the specific message". Two messages name their
//! step on every API: one that asks for the order to be queried (above), and one that says the
//! order is still being processed (订单处理中, the v2 refund page's `ORDER_NOT_READY` text:
//! [`Action::Backoff`], on profit sharing, a refund or an unknown API). Where no row of its own
//! documents the message but another code's row does (APIv3: the common status table; v2: any
//! v2 page), that code's step is taken (`产品权限异常` holds `NO_AUTH`'s `权限异常`:
//! [`Action::FixConfig`]). On APIv3 the API's own page speaks next (a close's 商户订单已支付
//! is `ORDERPAID`'s), then a server failure in the message (outcome unknown), the call rate
//! (频率: the API's `FREQUENCY_LIMITED` row, else [`Action::Backoff`]), the merchant's own
//! balance, and last the v2 page of the same operation (a refund's 订单金额或退款金额与之前请求
//! 不一致 is v2 `REFUND_FEE_MISMATCH`'s: reconcile).
//! With the API unknown, a code's documented message names its row when that row's step
//! differs from the code's own (`INVALID_REQUEST` with `此IP地址不允许调用接口` is a transfer's
//! IP allow-list).
//!
//! Borrowing another row is held back where it could stop or repeat a call that moved money:
//! a row that gives up or retries counts only for its whole message (the catch-all
//! `退款请求失败` says less than `退款请求失败：申请退款金额超过订单可退金额`), and with the API
//! unknown only a row that reconciles or names the configuration is borrowed (订单不存在 gives
//! up on the query page; the refund page spells it 订单号不存在 and reconciles). A v2
//! communication failure (`return_code` FAIL) reads its `return_msg` the same way: the call
//! rate first (频率: the API's `FREQUENCY_LIMITED` row, else back off), then a failed server or
//! gateway (`System Error`, 系统繁忙, `Gateway Time-out`: reconcile on a call that may move
//! money, retry on a query), then configuration words and the merchant's balance, then the
//! API's documented messages (商户订单号重复: reconcile).
//!
//! An answer the merchant's own SDK could not verify after receiving it ([`Unverified`]: its
//! signature did not verify, or the SDK had no key for its serial) was a 2xx: the call was
//! accepted. On a call that may move money, or one minierr cannot identify, that is
//! [`Action::Reconcile`] (public
//! threads show refunds that went through behind the exception); on any other call it is the
//! SDK's platform certificate or public key ([`Action::FixConfig`]).
//!
//! # Whose body it is
//!
//! `{code, message}` is a common shape, and many services' codes share WeChat Pay's names. Two
//! facts of the platform keep their bodies apart: WeChat Pay spells the two versions' codes
//! apart (v2's `SYSTEMERROR` and `ERROR`, v3's `SYSTEM_ERROR`), so a v3 body knows only the
//! codes a v3 table lists ([`AnyCode::of_version`]: `{"code":"ERROR",…}` is not v2 refund's
//! business error); and the domestic APIv3 writes its messages in Chinese (every documented
//! one, and every runtime one seen), so a code beside an English message alone, without a
//! `detail` or WeChat Pay's host on the line, is not taken for its body
//! (`{"code":"NOT_FOUND","message":"Route not found"}` is a REST API's 404); decoding it says so
//! with [`DecodeError::EnglishPayMessage`](crate::DecodeError::EnglishPayMessage), and
//! [`decode_as`](crate::decode_as) with [`Platform::WechatPay`](crate::Platform::WechatPay)
//! reads it.
//!
//! # Sources and choices
//!
//! The rows are the project's reference (`wechat_pay_errcode.tsv`, 164 rows: APIv3 order,
//! query, close, refund, refund query and the common HTTP status table; v2 unifiedorder,
//! orderquery, closeorder, refund and refundquery), each with its source URL and reliability
//! ([`Meaning::reliability`]). The reference's `retry_hint` column is an inference from each
//! page's documented solution, not WeChat's text; it is the starting point of every row's
//! action, changed where a rule above says otherwise (the row's note says so). The Chinese is
//! the pages'; the English is minierr's.
//!
//! Beyond the reference, the transfer (商家转账: the 2025 `transfer-bills` and the older
//! `transfer/batches`), profit-sharing (分账, merchant and 电商收付通 platform APIs) and
//! combined-order (合单) APIs have their own rows, 144 of them, read from the official pages
//! where their stored copies keep the error table and otherwise from transcriptions of the
//! older pages or from threads (each row's reliability says which). Not found in any source
//! this project can read: the 2025 tables of the transfer create page, of the merchant
//! profit-sharing create, return, unfreeze and add-receiver pages, and of the combined order
//! and query pages; their codes arrive as unknown [`AnyCode`]s, with the HTTP status's step.
//! Virtual payment (`xpay`) answers in the server's shape and lives in
//! [`wx::server`](crate::wx::server) (`268490xxx`).

use crate::{Action, RetryHint};

mod code;
#[rustfmt::skip]
mod generated;
#[cfg(feature = "serde")]
mod payload;
#[cfg(feature = "serde")]
mod text;

pub use crate::alipay_plus::CallKind;
pub use code::{AnyCode, Meaning, UnknownCode, return_code_meanings, status_meanings};
pub use generated::{Api, Code};
#[cfg(feature = "serde")]
pub use payload::{Answer, Detail, Response, Unverified, V2Response};
#[cfg(feature = "serde")]
pub use text::{api_in, status_in};

/// The API generation a code or an API belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Version {
    /// APIv3: JSON, `code` and `message`, an HTTP status that means something.
    V3,
    /// v2: XML, `return_code` then `result_code` and `err_code`.
    V2,
}

/// What a code says about the state of the money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Outcome {
    /// The code decides the step by itself.
    Decided,
    /// The call may or may not have taken effect (system or bank error, the payer still paying,
    /// the service down): on a call that moves money, query before anything else.
    Unknown,
    /// The order's state is already final (paid, closed): act on that state.
    Settled,
}

/// Whether an API's call moves money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Call {
    MovesMoney,
    Idempotent,
    /// A table that belongs to no one API (the APIv3 common HTTP status table).
    Unknown,
}

/// One row of the APIs table.
#[derive(Debug)]
pub(crate) struct ApiInfo {
    pub(crate) name: &'static str,
    pub(crate) version: Version,
    pub(crate) call: Call,
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    pub(crate) source: &'static str,
}

/// One row of the codes table.
#[derive(Debug)]
pub(crate) struct CodeInfo {
    pub(crate) code: &'static str,
    pub(crate) outcome: Outcome,
    /// The step when the call is not known to move money, per version.
    pub(crate) v3_action: Option<Action>,
    pub(crate) v2_action: Option<Action>,
    pub(crate) why: &'static str,
}

/// One row of the meanings table: a code on one API.
#[derive(Debug)]
pub(crate) struct MeaningInfo {
    pub(crate) api: Api,
    pub(crate) http_status: &'static str,
    pub(crate) action: Action,
    pub(crate) retry_hint: Option<RetryHint>,
    pub(crate) message_zh: &'static str,
    /// The texts that name the row in a body: `message_zh`'s messages without their notes.
    pub(crate) named_by: &'static [&'static str],
    pub(crate) solution_zh: &'static str,
    pub(crate) message_en: &'static str,
    pub(crate) solution_en: &'static str,
    pub(crate) reliability: crate::Reliability,
    pub(crate) source: &'static str,
    pub(crate) note: &'static str,
}
