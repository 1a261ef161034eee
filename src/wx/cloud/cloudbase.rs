//! [`CloudbaseCode`], the string codes of CloudBase (云开发), the service under WeChat Cloud.

use std::fmt;

use super::CloudbaseInfo;
use super::generated::{self, CloudbaseCode, Code};
use crate::Action;

impl CloudbaseCode {
    /// How many codes the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::CloudbaseCode::COUNT, 123);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every code, in the table's order.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::ALL[0].code(), "SYS_ERR");
    /// assert_eq!(CloudbaseCode::ALL.len(), CloudbaseCode::COUNT);
    /// ```
    pub const ALL: &'static [CloudbaseCode] = &generated::CLOUDBASE_ALL;

    /// The variant for a code spelled exactly so, or `None` if the catalog does not know it.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::from_code("EXCEED_TOKEN_QUOTA_LIMIT"), Some(CloudbaseCode::ExceedTokenQuotaLimit));
    /// assert_eq!(CloudbaseCode::from_code("NOT_A_CODE"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<CloudbaseCode> {
        generated::CLOUDBASE_CODES.get(code).copied()
    }

    #[inline]
    const fn info(self) -> &'static CloudbaseInfo {
        generated::cloudbase_info(self)
    }

    /// The code, byte for byte as CloudBase sends it.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::DatabaseInvalidOperrator.code(), "DATABASE_INVALID_OPERRATOR");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        self.info().code
    }

    /// The variant's name, e.g. for logs and metrics labels.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::CloudbaseCode::FunctionNotFound.name(), "FunctionNotFound");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The Cloud `errCode` the SDKs give this code, whose row then describes it and decides the
    /// step; `None` for a code of CloudBase's own.
    ///
    /// ```
    /// use minierr::wx::cloud::{CloudbaseCode, Code};
    /// assert_eq!(CloudbaseCode::InvalidParam.cloud_code(), Some(Code::InvalidParameters));
    /// assert_eq!(CloudbaseCode::FunctionNotFound.cloud_code(), None);
    /// ```
    #[must_use]
    pub const fn cloud_code(self) -> Option<Code> {
        self.info().cloud_code
    }

    /// The next step: the Cloud code's where it names one, else the row's own. `None` where no
    /// one step follows: a wrapper (`OPERATION_FAIL`, or a code whose Cloud code wraps, such as
    /// `SYS_ERR`), or a code whose page gives no cause, or causes with different steps
    /// (`REQUEST_CANCELED`, `SERVICE_FORBIDDEN`).
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// use minierr::Action;
    /// assert_eq!(CloudbaseCode::ExceedRatelimit.action(), Some(Action::Backoff));
    /// assert_eq!(CloudbaseCode::DatabasePermissionDenied.action(), Some(Action::FixConfig));
    /// assert_eq!(CloudbaseCode::OperationFail.action(), None);
    /// ```
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self.info().cloud_code {
            Some(code) => code.action(),
            None => self.info().action,
        }
    }

    /// The Chinese description: the Cloud code's where it names one that has one, else the
    /// CloudBase page's; `""` where neither has one.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::FunctionQualifierNotFound.message_zh(), "未找到函数的指定版本");
    /// // -501008 has no Chinese text on the Cloud page; the CloudBase page's stands in.
    /// assert!(CloudbaseCode::InvalidRequestSource.message_zh().starts_with("请求来源非法"));
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        match self.info().cloud_code {
            Some(code) if !code.message_zh().is_empty() => code.message_zh(),
            _ => self.info().message_zh,
        }
    }

    /// The English description: the Cloud code's where it names one that has one, else
    /// minierr's reading of the CloudBase page; `""` where neither has one.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::ObjectNotExist.message_en(), "The object does not exist");
    /// ```
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        match self.info().cloud_code {
            Some(code) if !code.message_en().is_empty() => code.message_en(),
            _ => self.info().message_en,
        }
    }

    /// The page or SDK source the row was taken from.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert!(CloudbaseCode::FunctionNotFound.source().starts_with("https://docs.cloudbase.net/"));
    /// ```
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// The row's note (why the step, other spellings), where it has one.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert!(CloudbaseCode::OperationFail.note().is_some_and(|n| n.contains("wraps")));
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        super::code::non_empty(self.info().note)
    }

    /// Every code, in the table's order.
    ///
    /// ```
    /// assert_eq!(minierr::wx::cloud::CloudbaseCode::all().count(), 123);
    /// ```
    pub fn all() -> impl Iterator<Item = CloudbaseCode> {
        CloudbaseCode::ALL.iter().copied()
    }
}

impl fmt::Display for CloudbaseCode {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!(CloudbaseCode::ObjectNotExist.to_string(), "OBJECT_NOT_EXIST: The object does not exist");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::str::FromStr for CloudbaseCode {
    type Err = crate::ParseCodeError;

    /// Parses a code as CloudBase spells it: case matters, surrounding white space does not.
    ///
    /// ```
    /// use minierr::wx::cloud::CloudbaseCode;
    /// assert_eq!("FUNCTION_NOT_FOUND".parse::<CloudbaseCode>(), Ok(CloudbaseCode::FunctionNotFound));
    /// assert_eq!(" FUNCTION_NOT_FOUND ".parse::<CloudbaseCode>(), Ok(CloudbaseCode::FunctionNotFound));
    /// assert!("function_not_found".parse::<CloudbaseCode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::known_key(s, "CloudBase", CloudbaseCode::from_code)
    }
}

// A CloudBase code arrives where Cloud's do (its SDKs give many of them a Cloud errCode), so it
// is listed and explained as WeChat Cloud's.
crate::catalog_code::impl_catalog_code!(CloudbaseCode, |c| {
        all: CloudbaseCode::ALL,
        platform: WechatCloud,
        code: Some(crate::CodeText::Text(c.code())),
        name: CloudbaseCode::name(c),
        machine: "",
        zh: c.message_zh(),
        en: c.message_en(),
        action: CloudbaseCode::action(c),
        hint: None,
        reliability: None,
        named_by: |query| CloudbaseCode::from_code(query).into_iter().collect(),
});
