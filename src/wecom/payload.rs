//! [`Response`]: a WeCom body and the parts of its errmsg.

use std::borrow::Cow;

use serde::Deserialize;

use super::AnyErrcode;
use crate::Action;

/// A WeCom server response: `{"errcode": 60111, "errmsg": "…"}`; any other field is ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response<'a> {
    errcode: Option<AnyErrcode>,
    errmsg: Option<Cow<'a, str>>,
}

/// Whether an errmsg is WeCom's by its own marks: the `open.work.weixin.qq.com` link or the
/// `from ip:` WeCom adds, or a hint in one of WeCom's forms, the older `hint: [<unix
/// seconds>_<n>_<hex digits>]` or today's 25 digits, which WeChat's server never used (its
/// hints are short ids, `hint: [FQ4hVA0505hka5!]`, or `rid:`). The names of WeCom's
/// credentials (`corpid`, `corpsecret`) are no mark: DingTalk's API uses them too, in the same
/// `{errcode, errmsg}` shape.
///
/// ```
/// use minierr::wecom::is_wecom_errmsg;
/// assert!(is_wecom_errmsg("invalid secret, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"));
/// assert!(is_wecom_errmsg("userid not found, hint: [1683795417], from ip: 1.2.3.4"));
/// assert!(is_wecom_errmsg("invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]"));
/// // Today's hint: 25 digits, the time in milliseconds first.
/// assert!(is_wecom_errmsg("invalid bot_id, hint: [1774874288192271556616295]"));
/// assert!(!is_wecom_errmsg("invalid credential, hint: [1774874288192271556616295] rid: 601baa04-348de44a-4e7042bc"));
/// assert!(!is_wecom_errmsg("invalid credential, rid: 65c17d8c-5cf05990-781aabe9"));
/// assert!(!is_wecom_errmsg("invalid credential, access_token is invalid or not latest hint: [FQ4hVA0505hka5!]"));
/// assert!(!is_wecom_errmsg("不合法的corpId或corpSecret"));
/// ```
#[must_use]
pub fn is_wecom_errmsg(errmsg: &str) -> bool {
    use crate::normalize::find_str;
    // Every JSON errmsg comes through here: each mark is found by a byte scan, not a substring
    // searcher built per call.
    find_str(errmsg, "open.work.weixin.qq.com").is_some()
        || find_str(errmsg, "from ip:").is_some()
        || has_timestamped_hint(errmsg)
}

/// Whether `errmsg` has one of WeCom's hints, each starting with the time it was made:
/// - the older `hint: [1597733128_47_64fcadb1…]`: ten digits of Unix time, a number and a run
///   of lowercase hex digits, joined by `_`. The answers seen have 32 hex digits, one has 18;
///   the bound of 16 to 32 is a judgement that keeps a short or long id of another shape out;
/// - today's `hint: [1774874288192271556616295]`: 25 digits, the first thirteen the time in
///   milliseconds. Each WeCom answer from 2022 to 2026 in the public threads checked has one (with
///   `from ip:` and WeCom's link, where the SDK kept them); the WeChat server's hints are
///   short and alphanumeric (`hint: [ZE0810ge30]`) or a `req_id`, and its answers carry a
///   `rid:`, which keeps an errmsg with this hint WeChat's. Every hint seen has 25 digits; a
///   run of 20 to 30 is read, since WeChat's hints are never all digits.
pub(crate) fn has_timestamped_hint(errmsg: &str) -> bool {
    // `[` is rare in an errmsg: each one is checked for the words before it.
    let bytes = errmsg.as_bytes();
    memchr::memchr_iter(b'[', bytes).any(|at| {
        let marked = at
            .checked_sub(6)
            .and_then(|start| bytes.get(start..at))
            .is_some_and(|before| before == b"hint: ");
        let Some(bracketed) = errmsg.get(at..).filter(|_| marked) else {
            return false;
        };
        let Some((hint, _)) = crate::normalize::short_bracketed(bracketed) else {
            return false;
        };
        let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
        if (20..=30).contains(&hint.len()) && hint.starts_with('1') && all_digits(hint) {
            let rid = crate::wx::server::split_errmsg(errmsg).rid();
            return rid.is_none_or(str::is_empty);
        }
        let mut parts = hint.split('_');
        let digits = |part: &str, len: Option<usize>| {
            !part.is_empty()
                && len.is_none_or(|len| part.len() == len)
                && part.bytes().all(|b| b.is_ascii_digit())
        };
        matches!(
            (parts.next(), parts.next(), parts.next(), parts.next()),
            (Some(time), Some(n), Some(hash), None)
                if digits(time, Some(10))
                    && digits(n, None)
                    && (16..=32).contains(&hash.len())
                    && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        )
    })
}

/// Where a WeCom errmsg's own words end: before the `hint`, `from ip` and `more info` parts
/// WeCom appends (the errmsg's length when it has none).
pub(crate) fn reason_end(errmsg: &str) -> usize {
    [
        ", hint:",
        " hint:",
        ", from ip:",
        " from ip:",
        ", more info at",
        " more info at",
    ]
    .iter()
    .filter_map(|marker| crate::normalize::find_str(errmsg, marker))
    .min()
    .unwrap_or(errmsg.len())
}

impl<'a> Response<'a> {
    /// A response made of its parts.
    #[must_use]
    pub fn new(errcode: Option<AnyErrcode>, errmsg: Option<Cow<'a, str>>) -> Self {
        Response { errcode, errmsg }
    }

    /// Reads a body from JSON text.
    ///
    /// # Errors
    ///
    /// The text is not JSON, or `errcode` is not an integer.
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Response::from_json_str`] for bytes.
    ///
    /// # Errors
    ///
    /// As [`Response::from_json_str`].
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The errcode, as sent.
    #[must_use]
    pub const fn errcode(&self) -> Option<AnyErrcode> {
        self.errcode
    }

    /// The errmsg, whole.
    #[must_use]
    pub fn errmsg(&self) -> Option<&str> {
        self.errmsg.as_deref()
    }

    /// What went wrong: the errmsg before its `hint`, `from ip` and `more info` parts.
    ///
    /// ```
    /// use minierr::wecom::Response;
    /// let r = Response::new(None, Some("invalid secret, hint: [1683], from ip: 1.2.3.4".into()));
    /// assert_eq!(r.reason(), "invalid secret");
    /// ```
    #[must_use]
    pub fn reason(&self) -> &str {
        let errmsg = self.errmsg.as_deref().unwrap_or_default();
        let end = reason_end(errmsg);
        errmsg
            .get(..end)
            .unwrap_or(errmsg)
            .trim()
            .trim_end_matches(',')
    }

    /// The id inside `hint: […]`, which WeCom support asks for.
    #[must_use]
    pub fn hint(&self) -> Option<&str> {
        let (_, rest) = self.errmsg.as_deref()?.split_once("hint: [")?;
        rest.split_once(']').map(|(hint, _)| hint.trim())
    }

    /// The caller's address after `from ip:`, as WeCom saw it (the IP allow-list decides many
    /// failures).
    #[must_use]
    pub fn from_ip(&self) -> Option<&str> {
        let (_, rest) = self.errmsg.as_deref()?.split_once("from ip: ")?;
        rest.split([',', ' ']).next().filter(|ip| !ip.is_empty())
    }

    /// The `more info at …` link, whole.
    #[must_use]
    pub fn more_info(&self) -> Option<&str> {
        let (_, rest) = self.errmsg.as_deref()?.split_once("more info at ")?;
        rest.split_whitespace().next()
    }

    /// The code the `more info` link names (`…/devtool/query?e=40014`).
    #[must_use]
    pub fn more_info_code(&self) -> Option<i64> {
        let (_, code) = self.more_info()?.split_once("e=")?;
        crate::normalize::leading_int(code).map(|(n, _)| n)
    }

    /// The next step: the known code's; `None` for an unknown or missing code.
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.errcode.and_then(AnyErrcode::action)
    }

    /// The same response with owned strings.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        Response {
            errcode: self.errcode,
            errmsg: self.errmsg.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

#[derive(Deserialize)]
struct Wire<'a> {
    #[serde(default)]
    errcode: Option<AnyErrcode>,
    #[serde(borrow, default)]
    errmsg: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
    /// An object with `errcode` (an integer, or one in a string) and `errmsg`; either may be
    /// missing or null. A missing errcode is taken from the errmsg's `more info` link.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::deserialize(deserializer)?;
        let mut response = Response {
            errcode: wire.errcode,
            errmsg: wire.errmsg,
        };
        // A body without its errcode still names the code in the link WeCom ends the errmsg
        // with (`more info at …/devtool/query?e=40014`), as a line's text does.
        if response.errcode.is_none() {
            response.errcode = response.more_info_code().map(AnyErrcode::new);
        }
        Ok(response)
    }
}
