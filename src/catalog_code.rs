//! What every catalog code shares: one trait for code that handles every catalog.

use std::fmt;

use crate::{Action, Platform, Reliability, RetryHint};

pub(crate) mod sealed {
    /// Only minierr's catalog enums implement [`CatalogCode`](super::CatalogCode): its methods
    /// may grow without breaking anyone.
    pub trait Sealed {}
}

/// A code as the platform writes it: a number, or text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeText {
    /// A numeric code (`1500102`, `-502005`, `40001`).
    Number(i64),
    /// A text code (`PARAM_ILLEGAL`, `isp.unknow-error`, `40004`), byte for byte.
    Text(&'static str),
}

impl fmt::Display for CodeText {
    /// The code as the platform writes it.
    ///
    /// ```
    /// use minierr::CodeText;
    /// assert_eq!(CodeText::Number(-502005).to_string(), "-502005");
    /// assert_eq!(CodeText::Text("ACQ.TRADE_NOT_EXIST").to_string(), "ACQ.TRADE_NOT_EXIST");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeText::Number(n) => write!(f, "{n}"),
            CodeText::Text(t) => f.write_str(t),
        }
    }
}

/// A code of one of minierr's catalogs, seen the same way whichever catalog it is from: for
/// code that lists, explains or joins every catalog (`minierr list` is written over it). Each
/// module keeps its own inherent methods, with the types its platform uses, for code that
/// matches on its codes; this trait gives the same facts in one shape.
///
/// Sealed: implemented by [`wx::Errno`](crate::wx::Errno),
/// [`wx::legacy::Code`](crate::wx::legacy::Code), [`wx::cloud::Code`](crate::wx::cloud::Code),
/// [`wx::server::Errcode`](crate::wx::server::Errcode),
/// [`alipay::JsapiError`](crate::alipay::JsapiError),
/// [`alipay::gateway::Code`](crate::alipay::gateway::Code),
/// [`alipay::gateway::SubCode`](crate::alipay::gateway::SubCode),
/// [`alipay_plus::ResultCode`](crate::alipay_plus::ResultCode),
/// [`open_platform::Code`](crate::open_platform::Code),
/// [`wx::pay::Code`](crate::wx::pay::Code) and [`wecom::Errcode`](crate::wecom::Errcode).
///
/// ```
/// use minierr::{Action, CatalogCode};
///
/// /// How many codes of a catalog say: ask the user.
/// fn ask_user<C: CatalogCode>() -> usize {
///     C::ALL.iter().filter(|c| c.action() == Some(Action::AskUser)).count()
/// }
/// assert!(ask_user::<minierr::wx::Errno>() > 10);
/// assert!(ask_user::<minierr::alipay::JsapiError>() > 0);
/// ```
///
/// Every catalog code prints in one form, through this trait: the scope where the catalog keys
/// on one, the code, the platform's machine string, then the English text.
///
/// ```
/// assert_eq!(minierr::wx::Errno::Timeout.to_string(), "5 time out: The API call timed out");
/// assert_eq!(
///     minierr::wx::legacy::Code::WifiWrongPassword.to_string(),
///     "wifi 12002 password error Wi-Fi: The Wi-Fi password is wrong"
/// );
/// assert_eq!(minierr::alipay_plus::ResultCode::AccessDenied.to_string(), "ACCESS_DENIED Access is denied");
/// ```
///
/// ```
/// use minierr::CatalogCode;
/// let code = minierr::wx::Errno::BluetoothAdapterNotAvailable;
/// assert_eq!(CatalogCode::platform(code), minierr::Platform::Wechat);
/// assert_eq!(code.code_text().map(|c| c.to_string()).as_deref(), Some("1500102"));
/// assert_eq!(CatalogCode::name(code), "BluetoothAdapterNotAvailable");
/// ```
pub trait CatalogCode:
    sealed::Sealed + Copy + Eq + Ord + std::hash::Hash + fmt::Debug + fmt::Display + 'static
{
    /// Every code of the catalog, in catalog order.
    const ALL: &'static [Self];

    /// The platform whose namespace the code is in (the `platform` of `minierr list`).
    fn platform(self) -> Platform;

    /// The code as the platform sends it; `None` for a legacy row known by its message only.
    fn code_text(self) -> Option<CodeText>;

    /// The variant's name (`BluetoothAdapterNotAvailable`).
    fn name(self) -> &'static str;

    /// The API or family the code is read in, where the catalog keys on one: the Alipay API
    /// (`my.request`), the WeChat legacy family (`bluetooth`).
    fn scope(self) -> Option<&'static str> {
        None
    }

    /// The gateway's sub_code, for a gateway sub_code row.
    fn sub_code(self) -> Option<&'static str> {
        None
    }

    /// The platform's own machine string, byte for byte (errMsg, errmsg, errorMessage,
    /// resultMessage, msg, sub_msg, the Cloud SDK label); `None` where the catalog has none.
    fn machine_string(self) -> Option<&'static str>;

    /// The Chinese text, where the catalog has one.
    fn message_zh(self) -> Option<&'static str>;

    /// The English text, where the catalog has one.
    fn message_en(self) -> Option<&'static str>;

    /// The next step; `None` for a code that only wraps another (Cloud -1, legacy rows whose
    /// meaning is the wrapped error's).
    fn action(self) -> Option<Action>;

    /// The soonest a retry can succeed, where the platform says.
    fn retry_hint(self) -> Option<RetryHint>;

    /// How far the catalog's source for the code can be trusted, where it records it.
    fn reliability(self) -> Option<Reliability>;

    /// Every code that `query` names, in catalog order: by its code as the platform writes it,
    /// or by its message as the module's own message lookup reads one (normal form,
    /// templates; the Alipay tables by a part of their Chinese text). What `minierr explain`
    /// lists for a query.
    ///
    /// ```
    /// use minierr::CatalogCode;
    /// use minierr::wx::{Errno, server::Errcode};
    /// assert_eq!(Errno::all_named_by("1500102"), [Errno::BluetoothAdapterNotAvailable]);
    /// assert_eq!(Errno::all_named_by("URL not in domain list."), [Errno::UrlNotInDomainList]);
    /// assert_eq!(Errcode::all_named_by("40001"), [Errcode::InvalidCredential]);
    /// assert!(Errcode::all_named_by("no code says this").is_empty());
    /// ```
    fn all_named_by(query: &str) -> Vec<Self>;
}

/// The query as a decimal code, for the catalogs' `all_named_by`.
pub(crate) fn number(query: &str) -> Option<i64> {
    query.parse().ok()
}

/// `Some(text)` for a non-empty text.
pub(crate) fn text(s: &'static str) -> Option<&'static str> {
    Some(s).filter(|s| !s.is_empty())
}

/// The error of parsing a catalog code from text: not a number, or a number the catalog does
/// not list. It names the catalog.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCodeError {
    /// The text is not a decimal integer.
    #[error("{input:?} is not a {catalog} code: expected a decimal integer")]
    NotAnInteger {
        /// The text given.
        input: String,
        /// The catalog asked for.
        catalog: &'static str,
    },
    /// The number is valid, but the catalog does not list it; its `Any*` type keeps it.
    #[error("{code} is not in the {catalog} catalog")]
    Unknown {
        /// The number given.
        code: i64,
        /// The catalog asked for.
        catalog: &'static str,
    },
    /// The catalog keys codes by a scope (an API, a family) and the text gives none.
    #[error(
        "{input:?} is not a {catalog} code: expected the scope and the code, as in {example:?}"
    )]
    MissingScope {
        /// The text given.
        input: String,
        /// The catalog asked for.
        catalog: &'static str,
        /// A text the catalog accepts.
        example: &'static str,
    },
    /// No code of the catalog has this scope and code text.
    #[error("{input:?} is not in the {catalog} catalog")]
    UnknownKey {
        /// The text given.
        input: String,
        /// The catalog asked for.
        catalog: &'static str,
    },
    /// Several codes share this scope and code text; their messages tell them apart.
    #[error(
        "{input:?} names {count} codes of the {catalog} catalog; their messages tell them apart"
    )]
    Ambiguous {
        /// The text given.
        input: String,
        /// The catalog asked for.
        catalog: &'static str,
        /// How many codes share the key.
        count: usize,
    },
}

/// The one code of `C` whose scope and code text are `input`'s (`wifi 12002`,
/// `my.request 12`), for the `FromStr` of the catalogs keyed by a scope. A table cell that
/// gives two numbers for one meaning (`4/11`) matches either.
pub(crate) fn parse_scoped<C: CatalogCode>(
    input: &str,
    catalog: &'static str,
    example: &'static str,
    same_scope: impl Fn(&str, &str) -> bool,
) -> Result<C, ParseCodeError> {
    let Some((scope, code)) = input.trim().split_once(char::is_whitespace) else {
        return Err(ParseCodeError::MissingScope {
            input: input.to_owned(),
            catalog,
            example,
        });
    };
    let code = code.trim();
    let mut found = C::ALL.iter().copied().filter(|c| {
        c.scope().is_some_and(|s| same_scope(s, scope))
            && c.code_text().is_some_and(|t| match t {
                CodeText::Number(n) => code.parse::<i64>() == Ok(n),
                CodeText::Text(t) => t == code || t.split('/').any(|part| part == code),
            })
    });
    match (found.next(), found.count()) {
        (Some(one), 0) => Ok(one),
        (None, _) => Err(ParseCodeError::UnknownKey {
            input: input.to_owned(),
            catalog,
        }),
        (Some(_), more) => Err(ParseCodeError::Ambiguous {
            input: input.to_owned(),
            catalog,
            count: more + 1,
        }),
    }
}

/// A signed decimal, after trimming spaces; for the `FromStr` of the numeric catalogs.
pub(crate) fn parse_code(input: &str, catalog: &'static str) -> Result<i64, ParseCodeError> {
    input
        .trim()
        .parse::<i64>()
        .map_err(|_| ParseCodeError::NotAnInteger {
            input: input.to_owned(),
            catalog,
        })
}

/// A catalog's variant for a text code spelled exactly so (after trimming), or the error that
/// names the input and the catalog: the `FromStr` of the text-keyed catalogs.
pub(crate) fn known_key<T>(
    input: &str,
    catalog: &'static str,
    find: impl FnOnce(&str) -> Option<T>,
) -> Result<T, ParseCodeError> {
    find(input.trim()).ok_or_else(|| ParseCodeError::UnknownKey {
        input: input.to_owned(),
        catalog,
    })
}

/// The catalog's code for `number`, or the error that says the catalog lacks it.
pub(crate) fn known<T>(
    number: i64,
    catalog: &'static str,
    found: Option<T>,
) -> Result<T, ParseCodeError> {
    found.ok_or(ParseCodeError::Unknown {
        code: number,
        catalog,
    })
}

/// The one `Display` form of every catalog code: the scope where the catalog keys on one, the
/// code, the platform's machine string where it says more than the code, then the English
/// text: `5 time out: The API call timed out`, `wifi 12002 password error Wi-Fi: The Wi-Fi
/// password is wrong`, `40004 ACQ.TRADE_NOT_EXIST: The trade does not exist`.
pub(crate) fn display<C: CatalogCode>(code: C, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut wrote = false;
    if let Some(scope) = code.scope() {
        f.write_str(scope)?;
        wrote = true;
    }
    let text = code.code_text();
    if let Some(text) = text {
        if wrote {
            f.write_str(" ")?;
        }
        write!(f, "{text}")?;
        wrote = true;
    }
    let same_as_code = |m: &str| matches!(text, Some(CodeText::Text(t)) if t == m);
    let machine = code.machine_string().filter(|m| !same_as_code(m));
    if let Some(machine) = machine {
        if wrote {
            f.write_str(" ")?;
        }
        f.write_str(machine)?;
        wrote = true;
    }
    // Alipay+'s English is its resultMessage: printed once.
    match code.message_en().filter(|en| Some(*en) != machine) {
        Some(en) if wrote => write!(f, ": {en}"),
        Some(en) => f.write_str(en),
        None => Ok(()),
    }
}

/// Implements [`CatalogCode`] (and its seal) for one catalog enum from one expression per
/// fact, each over the code bound to the name given first: the catalogs differ only in
/// which inherent method answers.
macro_rules! impl_catalog_code {
    (
        $ty:ty, |$c:ident| {
            all: $all:expr,
            platform: $platform:ident,
            code: $code:expr,
            name: $name:expr,
            $(scope: $scope:expr,)?
            $(sub_code: $sub_code:expr,)?
            machine: $machine:expr,
            zh: $zh:expr,
            en: $en:expr,
            action: $action:expr,
            hint: $hint:expr,
            reliability: $reliability:expr,
            named_by: |$query:ident| $named_by:expr $(,)?
        }
    ) => {
        impl $crate::catalog_code::sealed::Sealed for $ty {}

        impl $crate::CatalogCode for $ty {
            const ALL: &'static [Self] = $all;

            fn platform(self) -> $crate::Platform {
                $crate::Platform::$platform
            }

            fn code_text(self) -> Option<$crate::CodeText> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $code
            }

            fn name(self) -> &'static str {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $name
            }

            $(fn scope(self) -> Option<&'static str> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $scope
            })?

            $(fn sub_code(self) -> Option<&'static str> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $sub_code
            })?

            fn machine_string(self) -> Option<&'static str> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $crate::catalog_code::text($machine)
            }

            fn message_zh(self) -> Option<&'static str> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $crate::catalog_code::text($zh)
            }

            fn message_en(self) -> Option<&'static str> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $crate::catalog_code::text($en)
            }

            fn action(self) -> Option<$crate::Action> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $action
            }

            fn retry_hint(self) -> Option<$crate::RetryHint> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $hint
            }

            fn reliability(self) -> Option<$crate::Reliability> {
                // Some facts are the same for every code of a catalog.
                #[allow(unused_variables)]
                let $c = self;
                $reliability
            }

            fn all_named_by($query: &str) -> Vec<Self> {
                $named_by
            }
        }
    };
}

pub(crate) use impl_catalog_code;
