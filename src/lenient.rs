//! Integers as clients really send them: JSON numbers, or numbers inside strings
//! (`"errno":"600002"`, common behind PHP and some proxies).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, Visitor};

/// Deserializes an integer of type `T` from a number or a string of decimal digits (with an
/// optional `-`). Anything else, and any value outside `T`, is an error whose text says
/// `expecting`, so it names the field.
pub(crate) fn deserialize_int<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    deserializer.deserialize_any(IntVisitor {
        expecting,
        target: PhantomData,
    })
}

struct IntVisitor<T> {
    expecting: &'static str,
    target: PhantomData<T>,
}

impl<T: TryFrom<i64> + TryFrom<u64>> Visitor<'_> for IntVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        let digits = v.strip_prefix('-').unwrap_or(v);
        let parsed = if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else if v.starts_with('-') {
            v.parse::<i64>().ok().and_then(|n| T::try_from(n).ok())
        } else {
            v.parse::<u64>().ok().and_then(|n| T::try_from(n).ok())
        };
        parsed.ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// [`deserialize_int`] for a field that may be `null`: one `deserialize_any` call where
/// `Option<T>` would make two (the option, then the integer), on the hottest field of a fail
/// object.
pub(crate) fn deserialize_nullable_int<'de, D, T>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + TryFrom<u64>,
{
    deserializer.deserialize_any(NullableIntVisitor(IntVisitor {
        expecting,
        target: PhantomData,
    }))
}

struct NullableIntVisitor<T>(IntVisitor<T>);

impl<T: TryFrom<i64> + TryFrom<u64>> Visitor<'_> for NullableIntVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.expecting)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<T>, E> {
        self.0.visit_i64(v).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<T>, E> {
        self.0.visit_u64(v).map(Some)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<T>, E> {
        self.0.visit_str(v).map(Some)
    }
}
