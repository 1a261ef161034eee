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
        || super::has_timestamped_hint(errmsg)
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
