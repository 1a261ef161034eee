//! [`Response`], the JSON body of an HTTP 200 response, and [`HttpOutcome`], what the HTTP
//! status says before it is read.

use std::borrow::Cow;
use std::fmt;

use super::{AnyCode, Code};
use crate::Action;

/// What the HTTP status says before the body is read.
///
/// ```
/// use minierr::open_platform::HttpOutcome;
/// use minierr::Action;
///
/// assert_eq!(HttpOutcome::from_status(200), HttpOutcome::ReadBody);
/// let outage = HttpOutcome::from_status(503);
/// assert_eq!(outage, HttpOutcome::SystemError { status: 503 });
/// assert_eq!(outage.action(), Some(Action::Retry));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HttpOutcome {
    /// HTTP 200: the platform answered; the JSON `code` says how the business call went.
    ReadBody,
    /// Any other status: a system-level failure such as maintenance or a network problem. Retry
    /// later; if it persists, contact the platform's support.
    SystemError {
        /// The HTTP status as received.
        status: u16,
    },
}

impl HttpOutcome {
    /// Classifies an HTTP status.
    #[must_use]
    pub const fn from_status(status: u16) -> HttpOutcome {
        match status {
            200 => HttpOutcome::ReadBody,
            status => HttpOutcome::SystemError { status },
        }
    }

    /// `None` for [`HttpOutcome::ReadBody`] (the body decides), [`Action::Retry`] for a
    /// system-level failure.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self {
            HttpOutcome::ReadBody => None,
            HttpOutcome::SystemError { .. } => Some(Action::Retry),
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

impl fmt::Display for Response<'_> {
    /// `code 4004: 签名无效`, or the code alone when no message came.
    ///
    /// ```
    /// use minierr::open_platform::Response;
    /// assert_eq!(Response::new(4004, Some("签名无效".into())).to_string(), "code 4004: 签名无效");
    /// assert_eq!(Response::new(4999, None).to_string(), "code 4999");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "code {}", self.code.raw())?;
        match &self.message {
            Some(message) => write!(f, ": {message}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Response<'_> {}

impl<'a> Response<'a> {
    /// A response from its parts.
    pub fn new(code: impl Into<AnyCode>, message: Option<Cow<'a, str>>) -> Self {
        Response {
            code: code.into(),
            message,
        }
    }

    /// Decodes a response body from JSON text; the same as `serde_json::from_str`. Errors are
    /// serde_json's and name the field at fault.
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
        serde_json::from_str(input)
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
        serde_json::from_slice(input)
    }

    /// The business code, known or not.
    #[must_use]
    pub fn code(&self) -> AnyCode {
        self.code
    }

    /// `msg` (or `message`), if sent.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the code reports success, with a msg that does not contradict it
    /// ([`Response::known_code`]).
    ///
    /// ```
    /// use minierr::open_platform::Response;
    /// assert!(Response::new(200, None).is_success());
    /// assert!(!Response::new(200, Some("操作失败".into())).is_success());
    /// ```
    pub fn is_success(&self) -> bool {
        self.known_code().is_some_and(Code::is_success)
    }

    /// The catalog code, if the table lists it and the msg does not contradict it
    /// ([`Code::msg_contradicts`]): another backend's `{code, msg}` with a number the table
    /// also lists names nothing.
    ///
    /// ```
    /// use minierr::open_platform::{Code, Response};
    /// assert_eq!(Response::new(500, Some("服务发生错误,请稍后再试".into())).known_code(), Some(Code::ServiceError));
    /// assert_eq!(Response::new(500, Some("用户不存在/密码错误".into())).known_code(), None);
    /// assert_eq!(Response::new(500, None).known_code(), Some(Code::ServiceError));
    /// ```
    #[must_use]
    pub fn known_code(&self) -> Option<Code> {
        self.code
            .known()
            .filter(|code| self.message().is_none_or(|msg| !code.msg_contradicts(msg)))
    }

    /// The catalog's next step for the code ([`Response::known_code`]), if the table lists it.
    ///
    /// ```
    /// use minierr::{open_platform::Response, Action};
    /// assert_eq!(Response::new(4004, Some("签名无效".into())).action(), Some(Action::FixRequest));
    /// assert_eq!(Response::new(500, Some("验证码已失效".into())).action(), None);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        self.known_code().map(Code::action)
    }

    /// The same response with owned strings.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        Response {
            code: self.code,
            message: self.message.map(|m| Cow::Owned(m.into_owned())),
        }
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
