//! The platforms minierr knows, each with one name: the one `decode`, `list` and `explain`
//! print, and the one [`FromStr`](std::str::FromStr) reads back.

use std::fmt;

/// The platforms minierr knows: the namespaces its catalogs' codes live in.
///
/// Each has one name, from one list (the `strum` attributes below): [`Platform::as_str`], the
/// `platform` of the JSON view and of `minierr list`, and what [`FromStr`](std::str::FromStr)
/// reads back, with a few short aliases (`wx`, `gateway`).
///
/// ```
/// use minierr::Platform;
/// for platform in Platform::all() {
///     assert_eq!(platform.as_str().parse::<Platform>(), Ok(platform));
/// }
/// assert_eq!("wx_cloud".parse::<Platform>(), Ok(Platform::WechatCloud));
/// assert!("wechat pay".parse::<Platform>().unwrap_err().to_string().contains("wechat_legacy"));
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
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(parse_err_ty = ParsePlatformError, parse_err_fn = unknown_platform)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Platform {
    /// WeChat mini programs: `errMsg`, `errno`.
    #[strum(to_string = "wechat", serialize = "wx")]
    #[cfg_attr(feature = "serde", serde(rename = "wechat"))]
    Wechat,
    /// Alipay mini-program JSAPIs: `error`, `errorMessage` (and tradePay's `resultCode`).
    #[strum(to_string = "alipay")]
    #[cfg_attr(feature = "serde", serde(rename = "alipay"))]
    Alipay,
    /// Alipay+ Mini Program OpenAPI: `resultCode` with `resultStatus`, bare or under `result`.
    #[strum(to_string = "alipayplus", serialize = "alipay+", serialize = "openapi")]
    #[cfg_attr(feature = "serde", serde(rename = "alipayplus"))]
    AlipayPlus,
    /// The open platform: `code` with `msg` or `message`.
    #[strum(to_string = "open_platform", serialize = "open-platform")]
    #[cfg_attr(feature = "serde", serde(rename = "open_platform"))]
    OpenPlatform,
    /// The WeChat server API: `errcode`, `errmsg`.
    #[strum(to_string = "wechat_server", serialize = "wx_server")]
    #[cfg_attr(feature = "serde", serde(rename = "wechat_server"))]
    WechatServer,
    /// WeChat Cloud (`wx.cloud`): a negative `errCode`, or its `errCode: N | errMsg: …` text.
    #[strum(to_string = "wechat_cloud", serialize = "wx_cloud")]
    #[cfg_attr(feature = "serde", serde(rename = "wechat_cloud"))]
    WechatCloud,
    /// The Alipay open-API gateway: `code` with `sub_code`, a `*_response` wrapper, or a
    /// public `msg` such as `Business Failed`.
    #[strum(to_string = "alipay_gateway", serialize = "gateway")]
    #[cfg_attr(feature = "serde", serde(rename = "alipay_gateway"))]
    AlipayGateway,
    /// WeChat's per-API `errCode` tables, older than errno (`wx::legacy`): a namespace of its own
    /// in `minierr list`, keyed by API family. A fail object that carries such a code is still
    /// a [`Platform::Wechat`] payload; `decode` reports it so.
    #[strum(to_string = "wechat_legacy", serialize = "wx_legacy")]
    #[cfg_attr(feature = "serde", serde(rename = "wechat_legacy"))]
    WechatLegacy,
    /// WeChat Pay merchant APIs: APIv3's string `code` with `message`, v2's `return_code` /
    /// `result_code` / `err_code`.
    #[strum(to_string = "wechat_pay", serialize = "wx_pay")]
    #[cfg_attr(feature = "serde", serde(rename = "wechat_pay"))]
    WechatPay,
    /// WeCom (企业微信) server APIs: WeChat's `{errcode, errmsg}` shape, WeCom's numbers.
    #[strum(to_string = "wecom", serialize = "work_weixin")]
    #[cfg_attr(feature = "serde", serde(rename = "wecom"))]
    Wecom,
}

impl Platform {
    /// The name used in JSON output and on the command line: the variant's `strum`
    /// `to_string`.
    ///
    /// ```
    /// assert_eq!(minierr::Platform::AlipayPlus.as_str(), "alipayplus");
    /// assert_eq!(minierr::Platform::WechatLegacy.as_str(), "wechat_legacy");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Every platform.
    ///
    /// ```
    /// assert_eq!(minierr::Platform::all().count(), 10);
    /// ```
    pub fn all() -> impl Iterator<Item = Platform> {
        <Self as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error from parsing a [`Platform`] name; it lists the names that parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown platform {input:?}: expected one of {}", expected())]
pub struct ParsePlatformError {
    input: String,
}

fn expected() -> String {
    Platform::all()
        .map(Platform::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// strum's `FromStr` error for a name no variant has (`#[strum(parse_err_fn)]` above).
fn unknown_platform(input: &str) -> ParsePlatformError {
    ParsePlatformError {
        input: input.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each platform's `as_str` name and its aliases parse back (`FromStr` comes from strum's
    /// list, so this checks the two agree); other names are errors that list the right ones.
    #[test]
    fn every_name_parses_back() {
        for platform in Platform::all() {
            assert_eq!(platform.as_str().parse::<Platform>(), Ok(platform));
        }
        for (alias, platform) in [
            ("wx", Platform::Wechat),
            ("wx_cloud", Platform::WechatCloud),
            ("wx_server", Platform::WechatServer),
            ("wx_legacy", Platform::WechatLegacy),
            ("wx_pay", Platform::WechatPay),
            ("work_weixin", Platform::Wecom),
            ("openapi", Platform::AlipayPlus),
            ("gateway", Platform::AlipayGateway),
        ] {
            assert_eq!(alias.parse::<Platform>(), Ok(platform));
        }
        let err = "wechat payment".parse::<Platform>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown platform \"wechat payment\": expected one of wechat, alipay, alipayplus, open_platform, wechat_server, wechat_cloud, alipay_gateway, wechat_legacy, wechat_pay, wecom"
        );
    }
}
