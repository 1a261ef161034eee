//! Reading WeChat Pay bodies with serde: an APIv3 body straight into [`Response`], `detail`
//! with its several forms of `value`, and v2's text fields (from JSON or from XML).

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::{AnyCode, Detail, Response, V2Response, Values};
use crate::text::{BorrowedText, LooseText, TextSeed, vacant};

#[derive(Deserialize, Default)]
#[serde(default)]
struct DetailWire<'a> {
    #[serde(borrow)]
    field: Option<BorrowedText<'a>>,
    #[serde(borrow)]
    location: Option<BorrowedText<'a>>,
    value: DetailValue<'a>,
    #[serde(borrow)]
    issue: Option<BorrowedText<'a>>,
    #[serde(borrow)]
    detail: Option<IssueWire<'a>>,
    #[serde(borrow)]
    sign_information: Option<SignInformationWire<'a>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IssueWire<'a> {
    #[serde(borrow)]
    issue: Option<BorrowedText<'a>>,
}

/// A `SIGN_ERROR` body's account of the request it verified; its other fields
/// (`sign_message_length`, `truncated_sign_message`) are the caller's to compare. Read
/// loosely: it only lends the API, so a value of another type (or a `sign_information` that is
/// no object) is skipped, never a reason to refuse the body.
#[derive(Default)]
struct SignInformationWire<'a> {
    method: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for SignInformationWire<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SignInformationVisitor(std::marker::PhantomData))
    }
}

struct SignInformationVisitor<'a>(std::marker::PhantomData<&'a str>);

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum SignInformationField {
    Method,
    Url,
    #[serde(other)]
    Other,
}

impl<'de: 'a, 'a> Visitor<'de> for SignInformationVisitor<'a> {
    type Value = SignInformationWire<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("detail.sign_information")
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut wire = SignInformationWire::default();
        while let Some(field) = map.next_key::<SignInformationField>()? {
            match field {
                SignInformationField::Method => wire.method = map.next_value::<LooseText<'a>>()?.0,
                SignInformationField::Url => wire.url = map.next_value::<LooseText<'a>>()?.0,
                SignInformationField::Other => {
                    map.next_value::<crate::text::Skip>()?;
                }
            }
        }
        Ok(wire)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<crate::text::Skip>()?.is_some() {}
        Ok(SignInformationWire::default())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(SignInformationWire::default())
    }
}

#[derive(Deserialize)]
#[serde(field_identifier)]
enum ResponseField {
    #[serde(rename = "code")]
    Code,
    #[serde(rename = "message")]
    Message,
    #[serde(rename = "detail")]
    Detail,
    #[serde(other)]
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
    /// Accepts an object with a string `code`; `message` and `detail` may be missing or null.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ResponseVisitor(std::marker::PhantomData))
    }
}

/// Reads the body straight into [`Response`], without an intermediate struct whose every field
/// would be moved again.
struct ResponseVisitor<'a>(std::marker::PhantomData<Response<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for ResponseVisitor<'a> {
    type Value = Response<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a WeChat Pay APIv3 body such as {\"code\":\"PARAM_ERROR\",\"message\":\"...\"}",
        )
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Response<'a>, A::Error> {
        let mut code = None;
        let mut message = None;
        let mut detail: Option<Option<DetailWire<'a>>> = None;
        while let Some(field) = map.next_key::<ResponseField>()? {
            match field {
                ResponseField::Code => {
                    vacant(&code, "code")?;
                    code = Some(map.next_value_seed(TextSeed::required("code as a string"))?);
                }
                ResponseField::Message => {
                    vacant(&message, "message")?;
                    message = Some(map.next_value_seed(TextSeed::nullable("message as a string"))?);
                }
                ResponseField::Detail => {
                    vacant(&detail, "detail")?;
                    detail = Some(map.next_value()?);
                }
                ResponseField::Other => {
                    map.next_value::<crate::text::Skip>()?;
                }
            }
        }
        let code = code
            .flatten()
            .ok_or_else(|| de::Error::missing_field("code"))?;
        let text = |t: Option<BorrowedText<'a>>| t.map(|t| t.0);
        let detail = detail.flatten().map(|d| {
            let (signed_method, signed_url) = d
                .sign_information
                .map_or((None, None), |s| (s.method, s.url));
            Detail {
                field: text(d.field),
                location: text(d.location),
                value: d.value.0,
                issue: text(d.issue).or(d.detail.and_then(|inner| text(inner.issue))),
                signed_method,
                signed_url,
            }
        });
        Ok(Response {
            code: AnyCode::of_version(code, crate::wx::pay::Version::V3),
            message: message.flatten().unwrap_or_default(),
            detail,
            status: None,
        })
    }
}

/// `detail.value`: a text, a list of texts, a number, or null.
#[derive(Default)]
struct DetailValue<'a>(Values<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for DetailValue<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DetailValueVisitor(std::marker::PhantomData))
    }
}

struct DetailValueVisitor<'a>(std::marker::PhantomData<&'a str>);

impl<'de: 'a, 'a> Visitor<'de> for DetailValueVisitor<'a> {
    type Value = DetailValue<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("detail.value: a string, a list of strings, a number or null")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Borrowed(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Owned(v.to_owned()))))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Owned(v.to_string()))))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Owned(v.to_string()))))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Owned(v.to_string()))))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(DetailValue(Values::One(Cow::Owned(v.to_string()))))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(DetailValue::default())
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(DetailValue::default())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::new();
        while let Some(item) = seq.next_element::<Option<BorrowedText<'a>>>()? {
            values.extend(item.map(|t| t.0));
        }
        Ok(DetailValue(match values.len() {
            0 => Values::None,
            _ => Values::Many(values),
        }))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<crate::text::Skip, crate::text::Skip>()?
            .is_some()
        {}
        Ok(DetailValue::default())
    }
}

#[derive(Deserialize)]
struct V2Wire<'a> {
    #[serde(borrow, default, alias = "returnCode")]
    return_code: Option<BorrowedText<'a>>,
    // `returnMessage`: borball/weixin-sdk's model prints it so (its #92).
    #[serde(
        borrow,
        default,
        alias = "returnMsg",
        alias = "returnMessage",
        alias = "retmsg"
    )]
    return_msg: Option<BorrowedText<'a>>,
    #[serde(borrow, default, alias = "resultCode")]
    result_code: Option<BorrowedText<'a>>,
    // Profit-sharing returns name them `error_code` and `error_msg`, beside a `return_code`
    // of FAIL (回退结果查询's field table; 分账回退 answers the same way).
    #[serde(borrow, default, alias = "errCode", alias = "error_code")]
    err_code: Option<BorrowedText<'a>>,
    #[serde(borrow, default, alias = "errCodeDes", alias = "error_msg")]
    err_code_des: Option<BorrowedText<'a>>,
    // Only the transfer to a user's balance answers with `mch_appid` (and `mchid`). Two
    // fields, not an alias: a body an SDK extended with its own spelling holds both.
    #[serde(default)]
    mch_appid: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "mchAppid")]
    mch_appid_camel: Option<serde::de::IgnoredAny>,
}

impl<'de: 'a, 'a> Deserialize<'de> for V2Response<'a> {
    /// Accepts an object (or XML element) of text fields; every field may be missing.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = V2Wire::deserialize(deserializer)?;
        let present = |c: Option<BorrowedText<'a>>| c.map(|c| c.0).filter(|c| !c.trim().is_empty());
        Ok(V2Response {
            return_code: present(wire.return_code),
            return_msg: present(wire.return_msg),
            result_code: present(wire.result_code),
            err_code: present(wire.err_code).map(AnyCode::new),
            err_code_des: present(wire.err_code_des),
            answered_api: (wire.mch_appid.is_some() || wire.mch_appid_camel.is_some())
                .then_some(super::Api::V2Transfer),
        })
    }
}
