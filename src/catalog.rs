//! Lookups shared by every catalog: the numeric slot index, string indexes and message
//! templates (matched by `crate::template`).

pub(crate) use crate::template::{fill_template, matches_template};

/// Longest text matched against `%s`/`%d` templates. Catalog messages are short; a longer text
/// cannot be one of them, and the cap keeps template matching cheap on hostile input.
pub(crate) const MAX_TEMPLATE_INPUT: usize = 1024;

/// The index behind `code` in a generated slot table, or an out-of-range index when no code
/// owns that slot. Callers still compare the code found there with the one asked for.
#[inline]
pub(crate) fn slot_of(slots: &[u16], modulus: u32, code: u32) -> usize {
    code.checked_rem(modulus)
        .and_then(|slot| slots.get(slot as usize))
        .map_or(usize::MAX, |&index| usize::from(index))
}

/// Deserializes a catalog code from its integer: `from_code` must know it, or the error says
/// which number came and what was expected. Shared by `wx::Errno` and `open_platform::Code`,
/// which serialise as their `u32` (written out rather than derived with `serde_repr`, to keep a
/// proc macro out of the build).
#[cfg(feature = "serde")]
pub(crate) fn code_from_integer<'de, D, T>(
    deserializer: D,
    from_code: fn(u32) -> Option<T>,
    expecting: &'static str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    let code = u32::deserialize(deserializer)?;
    from_code(code).ok_or_else(|| {
        serde::de::Error::invalid_value(serde::de::Unexpected::Unsigned(code.into()), &expecting)
    })
}

/// A perfect-hash index from fixed strings to values, built by the generator: one hash, one
/// displacement pair, one string comparison, hits and misses alike. `keys` and `values` are in
/// slot order, and the table has exactly one slot per key.
pub(crate) struct StrIndex<V: 'static> {
    pub(crate) seed: u64,
    pub(crate) displacements: &'static [(u32, u32)],
    pub(crate) keys: &'static [&'static str],
    pub(crate) values: &'static [V],
}

impl<V> StrIndex<V> {
    /// The value stored under exactly `text`.
    #[inline]
    pub(crate) fn get(&self, text: &str) -> Option<&'static V> {
        let (g, f1, f2) = crate::strhash::split(crate::strhash::hash(self.seed, text.as_bytes()));
        let buckets = u32::try_from(self.displacements.len()).ok()?;
        let displacement = *self
            .displacements
            .get(crate::strhash::bucket(g, buckets) as usize)?;
        let size = u32::try_from(self.keys.len()).ok()?;
        let slot = crate::strhash::slot(f1, f2, displacement, size) as usize;
        if *self.keys.get(slot)? == text {
            self.values.get(slot)
        } else {
            None
        }
    }
}

/// A catalog message with `%s`/`%d` placeholders, and the literal text it starts with.
pub(crate) struct Template<T: 'static> {
    /// The first four bytes of `start` as a little-endian `u32`, `None` if it is shorter: one
    /// comparison rejects nearly every template, which matters on misses, where all are tried.
    pub(crate) head: Option<u32>,
    pub(crate) start: &'static str,
    pub(crate) template: &'static str,
    pub(crate) codes: &'static [T],
}

/// A catalog's templates, and the OR of their `strhash::head_bit`s.
pub(crate) struct Templates<T: 'static> {
    pub(crate) heads: u64,
    pub(crate) all: &'static [Template<T>],
}

/// Every variant whose message is `text`, exactly or by template; empty if none.
#[inline]
pub(crate) fn lookup_message<T: 'static>(
    exact: &StrIndex<&'static [T]>,
    templates: &'static Templates<T>,
    text: &str,
) -> &'static [T] {
    if let Some(found) = exact.get(text) {
        return found;
    }
    if text.len() > MAX_TEMPLATE_INPUT {
        return &[];
    }
    // Most texts that miss the exact index start like no template: one bit says so. Otherwise
    // the first four bytes, then the literal start, reject nearly every template before the
    // matcher runs.
    let head = text
        .as_bytes()
        .first_chunk::<4>()
        .map(|b| u32::from_le_bytes(*b));
    if templates.heads & head.map_or(u64::MAX, crate::strhash::head_bit) == 0 {
        return &[];
    }
    templates
        .all
        .iter()
        .filter(|t| t.head.is_none() || t.head == head)
        .filter(|t| text.starts_with(t.start))
        .find(|t| matches_template(t.template, text))
        .map_or(&[], |t| t.codes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{is_integer, next_placeholder};

    /// The matcher as first written: every end of every fill is tried. Slow, plainly right.
    fn matches_template_reference(template: &str, text: &str) -> bool {
        let Some((literal, placeholder, template_rest)) = next_placeholder(template) else {
            return template == text;
        };
        let Some(text) = text.strip_prefix(literal) else {
            return false;
        };
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .any(|end| {
                let (fill, after) = text.split_at(end);
                (placeholder != 'd' || is_integer(fill))
                    && matches_template_reference(template_rest, after)
            })
    }

    proptest::proptest! {
        #[test]
        fn message_normalisation_is_trim_then_one_full_stop_then_trim(
            message in "[ \u{3000}\t]?(a|中|。|\\.| |\u{a0}){0,4}[ \u{3000}\n]?",
        ) {
            let trimmed = message.trim();
            let slow = trimmed
                .strip_suffix('。')
                .or_else(|| trimmed.strip_suffix('.'))
                .unwrap_or(trimmed)
                .trim_end();
            proptest::prop_assert_eq!(crate::strhash::normalize_message(&message), slow);
        }
    }

    proptest::proptest! {
        // Overlapping literals ("%saba" filled with "aab") are rare draws; 2000 cases find a
        // matcher that skips them within a few seconds.
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn templates_match_as_the_reference_does(
            template in "(a|b|ab|%s|%d|-|1|中|%){0,8}",
            text in "(a|b|ab|-|1|12|中|%|s|d){0,12}",
        ) {
            proptest::prop_assert_eq!(
                matches_template(&template, &text),
                matches_template_reference(&template, &text),
                "{:?} {:?}", template, text
            );
        }

        #[test]
        fn filled_templates_match_as_the_reference_does(
            template in "(a|ab|aa|aba|%s|%d|-|中|%){0,8}",
            fills in proptest::collection::vec("(a|b|aa|-|1|12|中){0,4}", 4),
        ) {
            let args: Vec<&dyn std::fmt::Display> = fills.iter().map(|f| f as &dyn std::fmt::Display).collect();
            let text = fill_template(&template, &args);
            proptest::prop_assert_eq!(
                matches_template(&template, &text),
                matches_template_reference(&template, &text),
                "{:?} {:?}", template, text
            );
        }
    }

    #[test]
    fn templates_match_filled_values() {
        assert!(matches_template("error:%d", "error:-3"));
        assert!(matches_template("error:%d", "error:42"));
        assert!(!matches_template("error:%d", "error:"));
        assert!(!matches_template("error:%d", "error:4x"));
        assert!(matches_template("a [%s] b [%s] c", "a [x y] b [] c"));
        assert!(matches_template("fail(%s)", "fail(code (7))"));
        assert!(!matches_template("fail(%s)", "fail(x"));
        assert!(matches_template("100% sure", "100% sure"));
        assert!(matches_template("%s%s!", "ab!"));
        assert!(!matches_template("x%daa", "x12aaa"));
        assert!(matches_template("x%saa", "x12aaa"));
        assert!(matches_template("p:%s url %s", "p:/a url /b url /c"));
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(
            fill_template("ID为%s的%s已被禁用", &[&42, &"用户"]),
            "ID为42的用户已被禁用"
        );
        assert_eq!(fill_template("a %s b %d", &[&"x"]), "a x b %d");
        assert_eq!(fill_template("100% sure", &[]), "100% sure");
    }

    #[test]
    fn slots_never_index_out_of_range() {
        assert_eq!(slot_of(&[3, u16::MAX], 2, 4), 3);
        assert_eq!(slot_of(&[3, u16::MAX], 2, 5), usize::from(u16::MAX));
        assert_eq!(slot_of(&[], 0, 5), usize::MAX);
    }

    #[test]
    fn long_texts_skip_templates() {
        static TEMPLATES: Templates<u8> = Templates {
            heads: u64::MAX,
            all: &[Template {
                head: Some(u32::from_le_bytes(*b"erro")),
                start: "error:",
                template: "error:%d",
                codes: &[1],
            }],
        };
        static EXACT: StrIndex<&'static [u8]> = StrIndex {
            seed: 0,
            displacements: &[],
            keys: &[],
            values: &[],
        };
        assert_eq!(lookup_message(&EXACT, &TEMPLATES, "error:7"), &[1]);
        let long = format!("error:{}", "1".repeat(MAX_TEMPLATE_INPUT));
        assert!(lookup_message(&EXACT, &TEMPLATES, &long).is_empty());
    }
}
