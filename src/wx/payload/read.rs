//! Reading a fail object with serde: its keys, and the lenient readers of its codes.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::{Fail, ForeignRuntime};
use crate::text::{TextSeed, vacant};
use crate::wx::AnyErrno;

/// The keys a fail object may carry; any other key is skipped.
#[derive(Deserialize)]
#[serde(field_identifier)]
enum Field {
    #[serde(rename = "errMsg")]
    ErrMsg,
    #[serde(rename = "errCode")]
    ErrCode,
    #[serde(rename = "errno")]
    Errno,
    /// The old `requestPayment` shape's code: `{"errMsg":"requestPayment:fail","err_code":-1}`.
    #[serde(rename = "err_code")]
    PaymentErrCode,
    /// Douyin's code fields.
    #[serde(rename = "errNo", alias = "errorCode", alias = "errorType")]
    Douyin,
    /// uni-app's error-spec fields.
    #[serde(rename = "errSubject", alias = "cause")]
    UniAppSpec,
    /// uni-app App's numeric `code` (wx.login's success `code` is a string, and is passed over).
    #[serde(rename = "code")]
    Code,
    #[serde(other)]
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Fail<'a> {
    /// Accepts only a JSON object (or the format's map); every error names the field at fault.
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FailVisitor(PhantomData))
    }
}

struct FailVisitor<'a>(PhantomData<Fail<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for FailVisitor<'a> {
    type Value = Fail<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a WeChat fail object such as {\"errMsg\":\"request:fail ...\",\"errno\":600002}",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fail<'a>, A::Error> {
        let mut err_msg: Option<Cow<'a, str>> = None;
        let mut err_code: Option<Option<i64>> = None;
        let mut errno: Option<Option<AnyErrno>> = None;
        let mut payment_err_code: Option<i64> = None;
        let mut foreign = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Douyin => {
                    map.next_value::<crate::text::Skip>()?;
                    foreign = Some(ForeignRuntime::Douyin);
                }
                Field::UniAppSpec => {
                    map.next_value::<crate::text::Skip>()?;
                    foreign = foreign.or(Some(ForeignRuntime::UniApp));
                }
                Field::Code => {
                    if map.next_value::<JsonNumber>()?.0 {
                        foreign = foreign.or(Some(ForeignRuntime::UniApp));
                    }
                }
                Field::ErrMsg => {
                    vacant(&err_msg, "errMsg")?;
                    err_msg = map.next_value_seed(TextSeed::required("errMsg as a string"))?;
                }
                Field::ErrCode => {
                    vacant(&err_code, "errCode")?;
                    err_code = Some(map.next_value::<NullableErrCode>()?.0);
                }
                Field::PaymentErrCode => {
                    let code = map.next_value::<PaymentErrCode>()?.0;
                    payment_err_code = payment_err_code.or(code);
                }
                Field::Errno => {
                    vacant(&errno, "errno")?;
                    errno = Some(map.next_value::<NullableErrno>()?.0);
                }
                Field::Other => {
                    map.next_value::<crate::text::Skip>()?;
                }
            }
        }
        let err_msg = err_msg.ok_or_else(|| de::Error::missing_field("errMsg"))?;
        Ok(Fail {
            foreign: foreign.or_else(|| ForeignRuntime::of_err_msg(&err_msg)),
            err_msg,
            err_code: err_code.flatten().or(payment_err_code),
            errno: errno.flatten(),
        })
    }
}

/// errCode: an integer or an integer in a string (null is handled by the `Option` around it).
/// WeChat Cloud's `errCode` reads the same way.
pub(crate) struct ErrCode(pub(crate) i64);

impl<'de> Deserialize<'de> for ErrCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::deserialize_int(
            deserializer,
            "an errCode: a 64-bit integer, or one in a string",
        )
        .map(ErrCode)
    }
}

/// errCode or `null`, in one pass over the value.
struct NullableErrCode(Option<i64>);

impl<'de> Deserialize<'de> for NullableErrCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::deserialize_nullable_int(
            deserializer,
            "an errCode: a 64-bit integer, or one in a string",
        )
        .map(NullableErrCode)
    }
}

/// errno or `null`, in one pass over the value.
struct NullableErrno(Option<AnyErrno>);

impl<'de> Deserialize<'de> for NullableErrno {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::lenient::deserialize_nullable_int::<_, u32>(
            deserializer,
            "a WeChat errno: an integer from 0 to 4294967295, or one in a string",
        )
        .map(|n| NullableErrno(n.map(AnyErrno::new)))
    }
}

/// The old payment shape's `err_code`: a number, or a number in a string; any other value (a
/// text code such as `FAIL`) names no row of the payment table and is passed over.
struct PaymentErrCode(Option<i64>);

impl<'de> Deserialize<'de> for PaymentErrCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PaymentErrCodeVisitor;

        impl<'de> Visitor<'de> for PaymentErrCodeVisitor {
            type Value = PaymentErrCode;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("err_code: a number, or any other value")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(Some(v)))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(i64::try_from(v).ok()))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(None))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(v.trim().parse().ok()))
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(None))
            }

            fn visit_unit<E: de::Error>(self) -> Result<PaymentErrCode, E> {
                Ok(PaymentErrCode(None))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PaymentErrCode, A::Error> {
                while map
                    .next_entry::<crate::text::Skip, crate::text::Skip>()?
                    .is_some()
                {}
                Ok(PaymentErrCode(None))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<PaymentErrCode, A::Error> {
                while seq.next_element::<crate::text::Skip>()?.is_some() {}
                Ok(PaymentErrCode(None))
            }
        }

        deserializer.deserialize_any(PaymentErrCodeVisitor)
    }
}

/// Whether a value is a number (uni-app App's `code`); any other value is skipped.
struct JsonNumber(bool);

impl<'de> Deserialize<'de> for JsonNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct JsonNumberVisitor;

        impl<'de> Visitor<'de> for JsonNumberVisitor {
            type Value = JsonNumber;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<JsonNumber, E> {
                Ok(JsonNumber(true))
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<JsonNumber, E> {
                Ok(JsonNumber(true))
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<JsonNumber, E> {
                Ok(JsonNumber(true))
            }

            fn visit_str<E: de::Error>(self, _: &str) -> Result<JsonNumber, E> {
                Ok(JsonNumber(false))
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<JsonNumber, E> {
                Ok(JsonNumber(false))
            }

            fn visit_unit<E: de::Error>(self) -> Result<JsonNumber, E> {
                Ok(JsonNumber(false))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonNumber, A::Error> {
                while map
                    .next_entry::<crate::text::Skip, crate::text::Skip>()?
                    .is_some()
                {}
                Ok(JsonNumber(false))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<JsonNumber, A::Error> {
                while seq.next_element::<crate::text::Skip>()?.is_some() {}
                Ok(JsonNumber(false))
            }
        }

        deserializer.deserialize_any(JsonNumberVisitor)
    }
}
