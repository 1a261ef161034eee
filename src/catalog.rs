//! Lookups shared by every catalog: the message index (a `phf` map keyed on normal forms, see
//! `crate::normalize`) with its `%s`/`%d` templates, and integer deserialisation of codes.

use crate::normalize::{MAX_LOOKUP_LEN, is_normal, with_normal};
pub(crate) use crate::template::{fill_template, matches_template};

/// Longest text matched against `%s`/`%d` templates. Catalog messages are short; a longer text
/// cannot be one of them, and the cap keeps template matching cheap on hostile input.
pub(crate) const MAX_TEMPLATE_INPUT: usize = 1024;

/// A catalog message with `%s`/`%d` placeholders, in normal form, and the literal text it
/// starts with.
pub(crate) struct Template<T: 'static> {
    pub(crate) start: &'static str,
    pub(crate) template: &'static str,
    pub(crate) codes: &'static [T],
}

/// A catalog's message index: every literal message, in normal form and as the catalog spells
/// it, to the codes that use it.
pub(crate) type MessageIndex<T> = phf::Map<&'static str, &'static [T]>;

/// Every code whose message, in normal form, is `key` (already normal), exactly or by
/// template; empty if none.
pub(crate) fn lookup_normal<T>(
    index: &'static MessageIndex<T>,
    templates: &'static [Template<T>],
    key: &str,
) -> &'static [T] {
    match index.get(key) {
        Some(found) => found,
        None => lookup_templates(templates, key),
    }
}

/// The codes of the first template that `key` (already normal) fills; empty if none.
fn lookup_templates<T>(templates: &'static [Template<T>], key: &str) -> &'static [T] {
    if key.len() > MAX_TEMPLATE_INPUT {
        return &[];
    }
    templates
        .iter()
        // A start that ends in a space is also the whole of a key whose last argument was
        // left empty (see `fills_last_with_nothing`).
        .filter(|t| key.starts_with(t.start.trim_end_matches(' ')))
        .find(|t| matches_template(t.template, key) || fills_last_with_nothing(t.template, key))
        .map_or(&[], |t| t.codes)
}

/// Whether `key` is `template` with its last `%s`, after a space, filled with nothing: the
/// runtime formats an empty argument (`permission denied, open ${filePath}` with no path
/// gives `permission denied, open `), and the normal form, like most logs, drops the space
/// that is left at the end.
fn fills_last_with_nothing(template: &str, key: &str) -> bool {
    template
        .strip_suffix(" %s")
        .is_some_and(|head| matches_template(head, key))
}

/// Every code whose message is `text` after normalising both; empty if none.
pub(crate) fn lookup_message<T>(
    index: &'static MessageIndex<T>,
    templates: &'static [Template<T>],
    text: &str,
) -> &'static [T] {
    if text.len() > MAX_LOOKUP_LEN {
        return &[];
    }
    // Documented text usually arrives as the catalog spells it: one probe answers it.
    index
        .get(text)
        .copied()
        .unwrap_or_else(|| lookup_after_miss(index, templates, text))
}

/// [`lookup_message`] with `text`'s normal form already built (`None`: too long to be any
/// message), for a text that goes through several catalogs.
#[cfg(feature = "serde")] // only the fail payload readers look a message up in one family
pub(crate) fn lookup_message_in<T>(
    index: &'static MessageIndex<T>,
    templates: &'static [Template<T>],
    text: &str,
    normal: Option<&str>,
) -> &'static [T] {
    if text.len() > MAX_LOOKUP_LEN {
        return &[];
    }
    if let Some(found) = index.get(text) {
        return found;
    }
    match normal {
        // Its normal form is itself, which just missed: only templates remain.
        Some(normal) if normal == text => lookup_templates(templates, normal),
        Some(normal) => lookup_normal(index, templates, normal),
        None => &[],
    }
}

/// [`lookup_message`] once `text` itself has missed the index.
fn lookup_after_miss<T>(
    index: &'static MessageIndex<T>,
    templates: &'static [Template<T>],
    text: &str,
) -> &'static [T] {
    if is_normal(text) {
        // Its normal form is itself, which just missed: only templates remain.
        return lookup_templates(templates, text);
    }
    with_normal(text, |key| lookup_normal(index, templates, key)).unwrap_or(&[])
}

/// Every code whose message is exactly `text`, byte for byte (templates filled in): the codes
/// [`lookup_message`] finds, kept only if the catalog's own spelling is `text`.
pub(crate) fn lookup_exact_message<T: Copy>(
    index: &'static MessageIndex<T>,
    templates: &'static [Template<T>],
    text: &str,
    message_of: impl Fn(T) -> &'static str,
) -> &'static [T] {
    // Codes under one key share their spelling (the generator checks), so the first decides.
    let spelled_so = |found: &'static [T], exact: &dyn Fn(&'static str) -> bool| match found.first()
    {
        Some(&first) if exact(message_of(first)) => found,
        _ => &[],
    };
    if text.len() > MAX_LOOKUP_LEN {
        return &[];
    }
    // The index holds every literal message as spelled: one probe and one comparison.
    if let Some(found) = index.get(text) {
        return spelled_so(found, &|message| message == text);
    }
    spelled_so(lookup_after_miss(index, templates, text), &|message| {
        matches_template(message, text)
    })
}

/// Deserializes a catalog code from its integer: `from_code` must know it, or the error says
/// which number came and which type keeps unknown codes. (`serde_repr` derives the other
/// direction; its derived `Deserialize` would reject an unknown number with a list of every
/// known one instead.)
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
    fn a_last_argument_left_empty_still_fills_its_template() {
        // `permission denied, open ${filePath}` with an empty path, its space trimmed.
        assert!(fills_last_with_nothing(
            "permission denied, open %s",
            "permission denied, open"
        ));
        assert!(fills_last_with_nothing("a %s b %s", "a x b"));
        // Only the last argument, only after a space, and the words before it must be there.
        assert!(!fills_last_with_nothing("a %s b", "a b"));
        assert!(!fills_last_with_nothing("open:%s", "open:"));
        assert!(!fills_last_with_nothing(
            "permission denied, open %s",
            "permission denied"
        ));
        assert!(!fills_last_with_nothing("error %d", "error"));
    }

    static EMPTY: MessageIndex<u8> = phf::Map::new();
    static TEMPLATES: [Template<u8>; 1] = [Template {
        start: "error:",
        template: "error:%d",
        codes: &[1],
    }];

    #[test]
    fn long_texts_skip_templates() {
        assert_eq!(lookup_message(&EMPTY, &TEMPLATES, "error:7"), &[1]);
        let long = format!("error:{}", "1".repeat(MAX_TEMPLATE_INPUT));
        assert!(lookup_message(&EMPTY, &TEMPLATES, &long).is_empty());
    }

    #[test]
    fn lookups_normalise_their_input_and_exact_lookups_do_not() {
        assert_eq!(lookup_message(&EMPTY, &TEMPLATES, "  Error:7。"), &[1]);
        assert!(lookup_exact_message(&EMPTY, &TEMPLATES, "Error:7", |_| "error:%d").is_empty());
        assert_eq!(
            lookup_exact_message(&EMPTY, &TEMPLATES, "error:7", |_| "error:%d"),
            &[1]
        );
    }
}
