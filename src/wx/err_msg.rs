//! Reading errMsg strings: splitting `api:fail reason` and finding the catalog codes of a reason.

use super::Errno;
use super::generated::{ERR_MSG_EXACT, ERR_MSG_TEMPLATES};

/// Splits a runtime errMsg into the API name and the reason after `:fail`.
///
/// The separator after `fail` varies by API and base-library version (`:`, a space, or
/// nothing); all are accepted. A success or cancel message such as `request:ok` splits at its
/// colon when the part before it looks like an API name. Anything else has no API part and is
/// all reason.
///
/// ```
/// use minierr::wx::split_err_msg;
///
/// assert_eq!(split_err_msg("openBluetoothAdapter:fail:not available"), (Some("openBluetoothAdapter"), "not available"));
/// assert_eq!(split_err_msg("request:fail url not in domain list"), (Some("request"), "url not in domain list"));
/// assert_eq!(split_err_msg("getLocation:fail auth deny"), (Some("getLocation"), "auth deny"));
/// assert_eq!(split_err_msg("request:fail"), (Some("request"), ""));
/// assert_eq!(split_err_msg("request:ok"), (Some("request"), "ok"));
/// assert_eq!(split_err_msg("time out"), (None, "time out"));
/// assert_eq!(split_err_msg("fail to connect wifi:time out"), (None, "fail to connect wifi:time out"));
/// ```
pub fn split_err_msg(err_msg: &str) -> (Option<&str>, &str) {
    if let Some((api, rest)) = err_msg.split_once(":fail") {
        let reason = rest.strip_prefix([':', ' ', ',']).unwrap_or(rest).trim();
        return (Some(api.trim()), reason);
    }
    match err_msg.split_once(':') {
        Some((api, rest)) if is_api_name(api.trim()) => (Some(api.trim()), rest.trim()),
        _ => (None, err_msg.trim()),
    }
}

/// `request`, `openBluetoothAdapter`, `operateWXData`: an identifier, as WeChat names its APIs.
fn is_api_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Every catalog code whose errMsg is `reason`, exactly or by template.
#[inline]
pub(crate) fn lookup(reason: &str) -> &'static [Errno] {
    crate::catalog::lookup_message(&ERR_MSG_EXACT, &ERR_MSG_TEMPLATES, reason)
}
