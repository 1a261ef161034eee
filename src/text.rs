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
        // Asking for exactly what is expected lets the reader skip its generic dispatch.
        if self.nullable {
            deserializer.deserialize_option(self)
        } else {
            deserializer.deserialize_str(self)
        }
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

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
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

/// A string field of a derived wire struct, borrowed from the input where it has no escapes.
/// serde borrows a bare `Cow<str>` field marked `#[serde(borrow)]`, but reads an
/// `Option<Cow<str>>` (and a `Cow` inside any other type) into an owned copy; wrap the `Cow` in
/// this instead. `null` is `None` through `Option`, as usual.
pub(crate) struct BorrowedText<'a>(pub(crate) Cow<'a, str>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for BorrowedText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        required(deserializer, "a string").map(BorrowedText)
    }
}

/// A string, kept (borrowed where it has no escapes); any other value, skipped as `None`.
pub(crate) struct LooseText<'a>(pub(crate) Option<Cow<'a, str>>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for LooseText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseTextVisitor(std::marker::PhantomData))
    }
}

struct LooseTextVisitor<'a>(std::marker::PhantomData<&'a str>);

impl<'de: 'a, 'a> Visitor<'de> for LooseTextVisitor<'a> {
    type Value = LooseText<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(LooseText(Some(Cow::Borrowed(v))))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(LooseText(Some(Cow::Owned(v.to_owned()))))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(LooseText(None))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(LooseText(None))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(LooseText(None))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(LooseText(None))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(LooseText(None))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(LooseText(None))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(LooseText(None))
    }
}

/// Any value, skipped. Unlike `serde::de::IgnoredAny`, which serde_json skips with a heap stack
/// of open brackets, this walks nested values through the deserializer's own bounded recursion,
/// so skipping an unknown field allocates nothing and deep nesting still hits the depth limit.
pub(crate) struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_none<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Skip, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Skip, D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Skip, A::Error> {
        use serde::de::VariantAccess;
        let (Skip, variant) = data.variant::<Skip>()?;
        variant.newtype_variant::<Skip>()
    }
}

/// Fails with serde's "duplicate field" error, naming `field`, if `slot` is already filled. Called
/// before the value is read, so a repeated field is reported as such whatever its value.
pub(crate) fn vacant<T, E: de::Error>(slot: &Option<T>, field: &'static str) -> Result<(), E> {
    match slot {
        Some(_) => Err(E::duplicate_field(field)),
        None => Ok(()),
    }
}

/// `part`, a slice of `whole`'s text, with `whole`'s lifetime: borrowed from the input where
/// `whole` is, copied where `whole` was unescaped into an owned string.
#[cfg(feature = "json")]
pub(crate) fn part_of<'a>(whole: &Cow<'a, str>, part: &str) -> Cow<'a, str> {
    match whole {
        Cow::Borrowed(text) => {
            // The offset of a subslice: address arithmetic only, nothing dereferenced.
            let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
            match start.and_then(|start| text.get(start..start + part.len())) {
                Some(borrowed) if borrowed.as_ptr() == part.as_ptr() => Cow::Borrowed(borrowed),
                _ => Cow::Owned(part.to_owned()),
            }
        }
        Cow::Owned(_) => Cow::Owned(part.to_owned()),
    }
}
