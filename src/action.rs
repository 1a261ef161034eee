//! The caller's next step after a failure, shared by every platform.

use std::fmt;
use std::str::FromStr;

/// What a backend should do next about a failure: the one decision every catalog row carries.
///
/// The variants order roughly from "fine" to "hopeless". `Retry` and `Backoff` are only safe for
/// idempotent calls; anything that may have moved money is `Reconcile` instead, because the first
/// attempt may have gone through.
///
/// ```
/// use minierr::Action;
///
/// let action: Action = "backoff".parse().unwrap();
/// assert_eq!(action, Action::Backoff);
/// assert!(action.is_retryable());
/// assert_eq!(action.as_str(), "backoff");
/// ```
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumIter,
    strum::EnumCount,
    strum::IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum Action {
    /// Not an error: the call succeeded (WeChat errno 0, Alipay tradePay 9000).
    Success,
    /// A transient failure (timeout, network, server error): retry, but only an idempotent call.
    Retry,
    /// Throttled: wait, then retry with a growing delay.
    Backoff,
    /// A credential, code or session expired: renew it, then retry.
    Refresh,
    /// The outcome is unknown: query the final state (the order, the payment) before repeating.
    Reconcile,
    /// The user must act: grant a permission, switch on Bluetooth, confirm, or they cancelled.
    AskUser,
    /// A bug in the caller: bad parameters or a misuse of the API. Fix the code; retrying won't help.
    FixRequest,
    /// The platform console or app configuration is wrong: domain whitelist, privacy declaration,
    /// purchased services, merchant onboarding.
    FixConfig,
    /// Permanent: unsupported here, blocked, or gone. Report it and stop.
    GiveUp,
}

impl Action {
    /// Every action, in declaration order.
    ///
    /// ```
    /// assert_eq!(minierr::Action::all().count(), 9);
    /// ```
    pub fn all() -> impl Iterator<Item = Action> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    /// The snake_case name used in the data tables, in JSON and by [`FromStr`].
    ///
    /// ```
    /// assert_eq!(minierr::Action::AskUser.as_str(), "ask_user");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the same request may be sent again, after waiting ([`Action::Backoff`]) or after
    /// renewing a credential ([`Action::Refresh`]). [`Action::Reconcile`] is not: check first.
    ///
    /// ```
    /// use minierr::Action;
    /// assert!(Action::Retry.is_retryable());
    /// assert!(Action::Refresh.is_retryable());
    /// assert!(!Action::Reconcile.is_retryable());
    /// assert!(!Action::GiveUp.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        matches!(self, Action::Retry | Action::Backoff | Action::Refresh)
    }

    /// One line of English saying what to do.
    ///
    /// ```
    /// assert_eq!(
    ///     minierr::Action::Backoff.description(),
    ///     "Throttled: wait, then retry with a growing delay."
    /// );
    /// ```
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Action::Success => "Not an error: the call succeeded.",
            Action::Retry => "Transient failure: retry if the call is idempotent.",
            Action::Backoff => "Throttled: wait, then retry with a growing delay.",
            Action::Refresh => "Credential or session expired: renew it, then retry.",
            Action::Reconcile => "Outcome unknown: query the final state before trying again.",
            Action::AskUser => "The user must act: ask them, or respect their choice.",
            Action::FixRequest => "Bad request: fix the calling code; retrying will not help.",
            Action::FixConfig => "Configuration problem: fix the platform console or app settings.",
            Action::GiveUp => "Permanent failure: report it and stop.",
        }
    }
}

impl fmt::Display for Action {
    /// Writes the snake_case name, as [`Action::as_str`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error from parsing an [`Action`] out of text that names none.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown action {input:?}: expected one of success, retry, backoff, refresh, reconcile, \
     ask_user, fix_request, fix_config, give_up"
)]
pub struct ParseActionError {
    input: String,
}

impl FromStr for Action {
    type Err = ParseActionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::all()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| ParseActionError {
                input: s.to_owned(),
            })
    }
}
