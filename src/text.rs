//! Strings from payloads: borrowed when the input has no escapes, and errors that name the field.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// Deserializes a string field, borrowing from the input where it can. With `nullable`, JSON
/// `null` reads as `None`; otherwise it is an error. The error text is `expecting`, which names
/// the field.
pub(crate) struct TextSeed<'a> {
    expecting: &'static str,
    nullable: bool,
    lifetime: PhantomData<&'a str>,
}

impl<'a> TextSeed<'a> {
    pub(crate) const fn required(expecting: &'static str) -> Self {
        TextSeed {
            expecting,
            nullable: false,
            lifetime: PhantomData,
        }
    }

    pub(crate) const fn nullable(expecting: &'static str) -> Self {
        TextSeed {
            expecting,
            nullable: true,
            lifetime: PhantomData,
        }
    }
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for TextSeed<'a> {
    type Value = Option<Cow<'a, str>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for TextSeed<'a> {
    type Value = Option<Cow<'a, str>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        if self.nullable {
            Ok(None)
        } else {
            Err(E::invalid_type(de::Unexpected::Unit, &self))
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
}

/// A required string field: `Err` unless the value is a string.
pub(crate) fn required<'de: 'a, 'a, D: Deserializer<'de>>(
    deserializer: D,
    expecting: &'static str,
) -> Result<Cow<'a, str>, D::Error> {
    TextSeed::required(expecting)
        .deserialize(deserializer)?
        .ok_or_else(|| de::Error::invalid_type(de::Unexpected::Unit, &expecting))
}
