//! The JSON body of an HTTP 200 response.

use std::borrow::Cow;
use std::fmt;

use super::Code;
use crate::Action;

/// A business code the table does not list. Only minierr builds one, from a number that is not a
/// catalog code; negative and very large numbers are kept too.
///
/// ```
/// use minierr::open_platform::Code;
/// let err = Code::try_from(4007).unwrap_err();
/// assert_eq!(err.raw(), 4007);
/// assert_eq!(err.to_string(), "code 4007 is not in the open-platform table");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error)]
#[error("code {0} is not in the open-platform table")]
pub struct UnknownCode(pub(crate) i64);

impl UnknownCode {
    /// The number exactly as received.
    pub const fn raw(self) -> i64 {
        self.0
    }
}

/// Any business code: a catalog [`Code`] or an [`UnknownCode`] with its number.
///
/// ```
/// use minierr::open_platform::{AnyCode, Code};
/// assert_eq!(AnyCode::new(404), Code::NotFound);
/// assert_eq!(AnyCode::new(-1).raw(), -1);
/// assert_eq!(AnyCode::new(-1).known(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnyCode {
    /// A code the table lists.
    Known(Code),
    /// Any other number.
    Unknown(UnknownCode),
}

impl AnyCode {
    /// Classifies a number.
    pub fn new(raw: i64) -> AnyCode {
        match u32::try_from(raw).ok().and_then(Code::from_code) {
            Some(code) => AnyCode::Known(code),
            None => AnyCode::Unknown(UnknownCode(raw)),
        }
    }

    /// The number exactly as received.
    pub fn raw(self) -> i64 {
        match self {
            AnyCode::Known(code) => i64::from(code.code()),
            AnyCode::Unknown(unknown) => unknown.0,
        }
    }

    /// The catalog code, if the table lists it.
    pub const fn known(self) -> Option<Code> {
        match self {
            AnyCode::Known(code) => Some(code),
            AnyCode::Unknown(_) => None,
        }
    }

    /// The catalog's next step for a listed code; `None` for any other, which minierr will not
    /// guess.
    ///
    /// ```
    /// use minierr::{open_platform::AnyCode, Action};
    /// assert_eq!(AnyCode::new(401).action(), Some(Action::Refresh));
    /// assert_eq!(AnyCode::new(499).action(), None);
    /// ```
    pub fn action(self) -> Option<Action> {
        self.known().map(Code::action)
    }
}

impl From<Code> for AnyCode {
    fn from(code: Code) -> Self {
        AnyCode::Known(code)
    }
}

impl PartialEq<Code> for AnyCode {
    fn eq(&self, other: &Code) -> bool {
        self.known() == Some(*other)
    }
}

impl fmt::Display for AnyCode {
    /// A listed code as [`Code`] shows it; any other as its number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnyCode::Known(code) => code.fmt(f),
            AnyCode::Unknown(unknown) => write!(f, "{}: not in the table", unknown.0),
        }
    }
}

/// The JSON body of an HTTP 200 response: `{"code": 4004, "msg": "签名无效", "data": ...}`.
///
/// `code` is required (an integer, or one in a string). The message may be under `msg` or
/// `message`; if both are present, `msg` wins. `data` and any other field are left for the
/// caller's own type. Strings borrow from the input where it has no escapes.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use minierr::open_platform::{Code, Response};
///
/// let response: Response = serde_json::from_str(r#"{"code":"4004","message":"签名无效"}"#)?;
/// assert_eq!(response.code(), Code::InvalidSignature);
/// assert_eq!(response.message(), Some("签名无效"));
/// assert!(!response.is_success());
///
/// let newer: Response = serde_json::from_str(r#"{"code":4999,"msg":"新错误"}"#)?;
/// assert_eq!(newer.code().raw(), 4999);
/// assert_eq!(serde_json::to_string(&newer)?, r#"{"code":4999,"msg":"新错误"}"#);
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Response<'a> {
    pub(crate) code: AnyCode,
    pub(crate) message: Option<Cow<'a, str>>,
}

impl<'a> Response<'a> {
    /// A response from its parts.
    pub fn new(code: impl Into<AnyCode>, message: Option<Cow<'a, str>>) -> Self {
        Response {
            code: code.into(),
            message,
        }
    }

    /// Decodes a response body from JSON text; the same as `serde_json::from_str`, but faster
    /// when `data` is absent, `null` or a plain value (see the README's Performance section).
    /// Errors are serde_json's and name the field at fault.
    ///
    /// ```
    /// use minierr::open_platform::{Code, Response};
    ///
    /// let response = Response::from_json_str(r#"{"code":4004,"msg":"签名无效","data":null}"#)?;
    /// assert_eq!(response.code(), Code::InvalidSignature);
    ///
    /// let err = Response::from_json_str(r#"{"msg":"签名无效"}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("missing field `code`"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        crate::scan::or_serde(input, Self::scan)
    }

    /// [`Response::from_json_str`] for bytes, which must be UTF-8.
    ///
    /// ```
    /// let response = minierr::open_platform::Response::from_json_slice(br#"{"code":200}"#)?;
    /// assert!(response.is_success());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        crate::scan::or_serde_slice(input, Self::scan)
    }

    /// The common case, read without serde; `None` leaves the input to serde_json.
    #[cfg(feature = "json")]
    pub(crate) fn scan(input: &'a str) -> Option<Self> {
        use crate::scan::{Reader, Value, fill};
        let mut reader = Reader::open(input)?;
        let (mut code, mut msg, mut message) = (None, None, None);
        while let Some(key) = reader.key()? {
            let value = reader.value()?;
            match key {
                "code" => match value {
                    Value::Int(n) => fill(&mut code, AnyCode::new(n))?,
                    _ => return None,
                },
                "msg" => fill(&mut msg, value.text_or_null()?)?,
                "message" => fill(&mut message, value.text_or_null()?)?,
                _ => value.skip()?,
            }
        }
        reader.finish()?;
        Some(Response {
            code: code?,
            message: msg.flatten().or(message.flatten()).map(Cow::Borrowed),
        })
    }

    /// The business code, known or not.
    pub fn code(&self) -> AnyCode {
        self.code
    }

    /// `msg` (or `message`), if sent.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the code reports success.
    pub fn is_success(&self) -> bool {
        self.code.known().is_some_and(Code::is_success)
    }

    /// The catalog's next step for the code, if the table lists it.
    pub fn action(&self) -> Option<Action> {
        self.code.action()
    }

    /// The same response with owned strings.
    pub fn into_owned(self) -> Response<'static> {
        Response {
            code: self.code,
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

impl From<i64> for AnyCode {
    fn from(raw: i64) -> Self {
        AnyCode::new(raw)
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{self, MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{AnyCode, Response};
    use crate::text::{TextSeed, vacant};

    impl Serialize for AnyCode {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_i64(self.raw())
        }
    }

    impl<'de> Deserialize<'de> for AnyCode {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            crate::lenient::deserialize_int(
                deserializer,
                "code as a 64-bit integer, or one in a string",
            )
            .map(AnyCode::new)
        }
    }

    impl Serialize for Response<'_> {
        /// `{"code": ..., "msg": ...}`, leaving out an absent message.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map =
                serializer.serialize_map(Some(1 + usize::from(self.message.is_some())))?;
            map.serialize_entry("code", &self.code)?;
            if let Some(message) = &self.message {
                map.serialize_entry("msg", message)?;
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(field_identifier)]
    enum Field {
        #[serde(rename = "code")]
        Code,
        #[serde(rename = "msg")]
        Msg,
        #[serde(rename = "message")]
        Message,
        #[serde(other)]
        Other,
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(ResponseVisitor(PhantomData))
        }
    }

    struct ResponseVisitor<'a>(PhantomData<Response<'a>>);

    impl<'de: 'a, 'a> Visitor<'de> for ResponseVisitor<'a> {
        type Value = Response<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an open-platform response object such as {\"code\":4004,\"msg\":\"...\"}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response<'a>, A::Error> {
            let mut code = None;
            let mut msg = None;
            let mut message = None;
            while let Some(field) = map.next_key::<Field>()? {
                match field {
                    Field::Code => {
                        vacant(&code, "code")?;
                        code = Some(map.next_value::<AnyCode>()?);
                    }
                    Field::Msg => {
                        vacant(&msg, "msg")?;
                        msg = Some(map.next_value_seed(TextSeed::nullable("msg as a string"))?);
                    }
                    Field::Message => {
                        vacant(&message, "message")?;
                        message =
                            Some(map.next_value_seed(TextSeed::nullable("message as a string"))?);
                    }
                    Field::Other => {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
            }
            Ok(Response {
                code: code.ok_or_else(|| de::Error::missing_field("code"))?,
                message: msg.flatten().or(message.flatten()),
            })
        }
    }
}
