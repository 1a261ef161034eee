//! Reading errMsg strings: splitting `api:fail reason` and finding the catalog codes of a reason.

use super::Errno;
use super::generated::{ERR_MSG_EXACT, ERR_MSG_TEMPLATES};

/// Longest reason matched against `%s`/`%d` templates. Catalog errMsgs are short; a longer
/// reason cannot be one of them, and the cap keeps template matching cheap on hostile input.
const MAX_TEMPLATE_INPUT: usize = 1024;

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
pub(crate) fn lookup(reason: &str) -> &'static [Errno] {
    if let Some(codes) = ERR_MSG_EXACT.get(reason) {
        return codes;
    }
    if reason.len() > MAX_TEMPLATE_INPUT {
        return &[];
    }
    ERR_MSG_TEMPLATES
        .iter()
        .find(|(template, _)| matches_template(template, reason))
        .map_or(&[], |(_, codes)| *codes)
}

/// Whether `text` is `template` with each `%s` replaced by any text and each `%d` by an integer.
fn matches_template(template: &str, text: &str) -> bool {
    let Some((literal, placeholder, template_rest)) = next_placeholder(template) else {
        return template == text;
    };
    let Some(text) = text.strip_prefix(literal) else {
        return false;
    };
    // Try every end for the filled-in value; templates hold at most three placeholders and the
    // input is capped, so this stays small.
    let ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    for end in ends {
        let Some((fill, after)) = text.split_at_checked(end) else {
            continue;
        };
        if placeholder == 'd' {
            if !is_integer_prefix(fill) {
                return false;
            }
            if !is_integer(fill) {
                continue;
            }
        }
        if matches_template(template_rest, after) {
            return true;
        }
    }
    false
}

/// Splits off the text before the first `%s` or `%d`: (literal, `s` or `d`, rest).
fn next_placeholder(template: &str) -> Option<(&str, char, &str)> {
    let mut search = 0;
    while let Some(found) = template.get(search..)?.find('%') {
        let at = search + found;
        let rest = template.get(at + 1..)?;
        match rest.chars().next() {
            Some(kind @ ('s' | 'd')) => {
                return Some((template.get(..at)?, kind, rest.get(1..)?));
            }
            _ => search = at + 1,
        }
    }
    None
}

fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_integer_prefix(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_filled_values() {
        assert!(matches_template("error:%d", "error:-3"));
        assert!(matches_template("error:%d", "error:42"));
        assert!(!matches_template("error:%d", "error:"));
        assert!(!matches_template("error:%d", "error:4x"));
        assert!(matches_template("a [%s] b [%s] c", "a [x y] b [] c"));
        assert!(matches_template("fail(%s)", "fail(code (7))"));
        assert!(!matches_template("fail(%s)", "fail(x"));
        assert!(matches_template("100% sure", "100% sure"));
    }

    #[test]
    fn long_reasons_skip_templates() {
        let long = format!(
            "mdns resolve system error:{}",
            "1".repeat(MAX_TEMPLATE_INPUT)
        );
        assert!(lookup(&long).is_empty());
    }
}
