//! The one message normaliser. Every catalog's message index is keyed on its output, and every
//! lookup puts its input through it, so differences that carry no meaning between what the
//! documentation writes and what the runtime sends (letter case, spacing, a final full stop)
//! never decide a match.
//!
//! Plain functions over strings, with nothing else from the crate, because the generator
//! includes this file too (`#[path]`) and must build its keys exactly as the library normalises.

/// The longest normal form a lookup builds, in bytes. Catalog messages are far shorter, so a
/// longer text cannot be one of them; the cap keeps lookups on the stack.
pub(crate) const MAX_NORMAL_LEN: usize = 1024;

/// The longest text a lookup reads, in bytes. However much white space it holds (which the
/// normal form collapses), a longer text is no catalog message, and it is turned away by its
/// length alone: a long line tried at many places (each clause boundary, each marker) then
/// costs nothing at each of them instead of a pass over the rest of the line.
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
pub(crate) const MAX_LOOKUP_LEN: usize = 8 * MAX_NORMAL_LEN;

/// The text normalisation keeps: without white space at either end and without one final `.`
/// or `。`.
fn core(text: &str) -> &str {
    let trimmed = text.trim();
    trimmed
        .strip_suffix(['.', '。'])
        .map_or(trimmed, str::trim_end)
}

/// The normal form of `text`, character by character: ASCII letters in lower case, every run
/// of white space (Unicode's, so U+3000 too) one ASCII space, none at either end, and no final
/// `.` or `。`. Non-ASCII letters are kept as they are: case folding them would merge strings
/// the platforms keep apart.
pub(crate) fn normal_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_space = false;
    core(text).chars().filter_map(move |c| {
        if c.is_whitespace() {
            (!std::mem::replace(&mut after_space, true)).then_some(' ')
        } else {
            after_space = false;
            Some(c.to_ascii_lowercase())
        }
    })
}

/// Whether `text` is already in normal form, as nearly every catalog key and most runtime
/// messages are: [`normal_chars`] would give it back unchanged. One pass, no copy.
pub(crate) fn is_normal(text: &str) -> bool {
    if text.ends_with(['.', '。']) {
        return false;
    }
    // Starting as if after a space rejects leading white space; ending so, trailing.
    let mut after_space = true;
    if text.is_ascii() {
        // Most messages are ASCII: bytes are characters. Each rule is a fold over the bytes
        // with no early exit, which the compiler turns into wide compares: a fraction of an
        // instruction a byte, where a loop that stops at the first offender costs several.
        let bytes = text.as_bytes();
        let other_space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
        let upper_or_other_space = bytes.iter().fold(false, |found, &b| {
            found | b.is_ascii_uppercase() | other_space(b)
        });
        let double_space = bytes
            .iter()
            .zip(bytes.iter().skip(1))
            .fold(false, |found, (&a, &b)| found | ((a == b' ') & (b == b' ')));
        let edge_space = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
        return !(upper_or_other_space || double_space || edge_space);
    }
    for c in text.chars() {
        if c.is_whitespace() {
            if after_space || c != ' ' {
                return false;
            }
            after_space = true;
        } else if c.is_ascii_uppercase() {
            return false;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// The normal form of `text` as a new string (for the generator and for tests).
#[allow(dead_code, reason = "the generator and the tests build keys with it")]
pub(crate) fn normalized(text: &str) -> String {
    normal_chars(text).collect()
}

/// Calls `f` with the normal form of `text`, and gives back its answer; `None` when the normal
/// form is longer than [`MAX_NORMAL_LEN`], which no catalog message is. Borrows from `text`
/// when the normal form is a slice of it (already normal, or only a final full stop or white
/// space at either end to drop, as with most Chinese messages); otherwise builds it on the stack.
pub(crate) fn with_normal<R>(text: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    NormalForm::of(text).as_str().map(f)
}

/// A text's normal form, built once for the several lookups one message goes through: a
/// slice of the text when it is one (see [`with_normal`]), else built on the stack.
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
#[allow(
    clippy::large_enum_variant,
    reason = "built on the stack so that no lookup allocates; one lives for one message"
)]
pub(crate) enum NormalForm<'t> {
    Slice(&'t str),
    Built {
        buf: [u8; MAX_NORMAL_LEN],
        len: usize,
    },
    /// Longer than [`MAX_NORMAL_LEN`]: no catalog message, so no lookup answers.
    TooLong,
}

#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
impl<'t> NormalForm<'t> {
    pub(crate) fn of(text: &'t str) -> NormalForm<'t> {
        if text.len() > MAX_LOOKUP_LEN {
            return NormalForm::TooLong;
        }
        let kept = core(text);
        if is_normal(kept) {
            return NormalForm::Slice(kept);
        }
        let mut buf = [0; MAX_NORMAL_LEN];
        let mut len = 0;
        if kept.is_ascii() {
            // Bytes are characters here: normal_chars's rules, with nothing to decode or encode.
            let mut after_space = false;
            for &b in kept.as_bytes() {
                let out = if b.is_ascii_whitespace() || b == 0x0b {
                    if std::mem::replace(&mut after_space, true) {
                        continue;
                    }
                    b' '
                } else {
                    after_space = false;
                    b.to_ascii_lowercase()
                };
                let Some(slot) = buf.get_mut(len) else {
                    return NormalForm::TooLong;
                };
                *slot = out;
                len += 1;
            }
            return NormalForm::Built { buf, len };
        }
        for c in normal_chars(text) {
            let end = len + c.len_utf8();
            let Some(into) = buf.get_mut(len..end) else {
                return NormalForm::TooLong;
            };
            c.encode_utf8(into);
            len = end;
        }
        NormalForm::Built { buf, len }
    }

    /// The normal form; `None` when it is too long to be any catalog's message.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            NormalForm::Slice(text) => Some(text),
            NormalForm::Built { buf, len } => std::str::from_utf8(buf.get(..*len)?).ok(),
            NormalForm::TooLong => None,
        }
    }
}

/// The byte of `needle` to search for first, and its offset: the first that is neither a
/// lower-case ASCII letter, a space, nor the lead byte of a multi-byte character, since those
/// are the commonest bytes of the texts searched; the first byte when every byte is one.
fn anchor(needle: &[u8]) -> Option<(usize, u8)> {
    needle
        .iter()
        .position(|&b| !(b.is_ascii_lowercase() || b == b' ' || b >= 0xc0))
        .or_else(|| (!needle.is_empty()).then_some(0))
        .and_then(|at| needle.get(at).map(|&b| (at, b)))
}

/// The start of `text`, at most `max` bytes of it, cut at a character boundary: where a form
/// looks for the end of something short (a closing quote or bracket, a message just after a
/// code), it looks no further, so that a line with that form's mark at many places is read in
/// one pass rather than once from each of them.
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
pub(crate) fn head_of(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// The longest text the bracketed forms hold: a code (`[40164]`, `[ACQ.TRADE_NOT_EXIST]`), a
/// hint's id, a CloudBase code's name.
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
pub(crate) const MAX_BRACKETED: usize = 128;

/// What the `[` that opens `text` encloses, and what follows its `]`, when the `]` comes within
/// [`MAX_BRACKETED`] bytes (see [`head_of`]).
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
pub(crate) fn short_bracketed(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('[')?;
    let close = memchr::memchr(b']', head_of(rest, MAX_BRACKETED + 1).as_bytes())?;
    Some((rest.get(..close)?, rest.get(close + 1..)?))
}

/// Words to look for all at once, where any one found will do: a first look that rules a line
/// out before the searches of the forms that need one of the words. `None` only if the
/// automaton cannot be built, which the callers take as "look at every line".
#[cfg(feature = "serde")]
pub(crate) fn any_word_automaton(
    words: &[&str],
    ascii_case_insensitive: bool,
) -> Option<aho_corasick::AhoCorasick> {
    // Leftmost-first lets the automaton use its vectorised prefilter; any match will do.
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(ascii_case_insensitive)
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(words)
        .ok()
}

/// Whether `text` holds one of the words of an [`any_word_automaton`]; `true` without one.
#[cfg(feature = "serde")]
#[inline]
pub(crate) fn holds_any_word(words: Option<&aho_corasick::AhoCorasick>, text: &str) -> bool {
    words.is_none_or(|words| words.is_match(text))
}

/// Where `needle` first occurs in `hay`: memchr's vectorised search for one byte of it (see
/// [`anchor`]), then a comparison. The texts are short, so this beats building a substring
/// searcher for every probe. A match of valid UTF-8 in valid UTF-8 starts on a character
/// boundary, so the byte offsets it gives are `str` offsets.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (offset, byte) = anchor(needle.as_bytes())?;
    let bytes = hay.as_bytes();
    memchr::memchr_iter(byte, bytes)
        .filter_map(|at| at.checked_sub(offset))
        .find(|&start| {
            bytes
                .get(start..)
                .is_some_and(|rest| rest.starts_with(needle.as_bytes()))
        })
}

/// Whether `hay` holds `needle`, found with [`find_str`]: a `memchr` for one byte of it and a
/// comparison, where `str::contains` first builds a searcher for the needle, which costs more
/// than the search on a message of a few dozen bytes.
#[cfg(feature = "serde")]
pub(crate) fn contains_str(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// `hay` split around the first `needle`, found with [`find_str`].
pub(crate) fn split_once_str<'t>(hay: &'t str, needle: &str) -> Option<(&'t str, &'t str)> {
    let at = find_str(hay, needle)?;
    Some((hay.get(..at)?, hay.get(at + needle.len()..)?))
}

/// Every start of `needle` in `hay`, in order, found as [`find_str`] finds the first.
#[cfg(feature = "json")]
pub(crate) fn match_str_indices<'t>(
    hay: &'t str,
    needle: &'t str,
) -> impl Iterator<Item = usize> + 't {
    let (offset, byte) = anchor(needle.as_bytes()).unwrap_or((0, 0));
    let bytes = hay.as_bytes();
    memchr::memchr_iter(byte, bytes)
        .filter_map(move |at| at.checked_sub(offset))
        .filter(move |&start| {
            !needle.is_empty()
                && bytes
                    .get(start..)
                    .is_some_and(|rest| rest.starts_with(needle.as_bytes()))
        })
}

/// An integer at the start of `text` (after spaces), and what follows it.
#[allow(
    dead_code,
    reason = "the generator includes this file and does not use it"
)]
pub(crate) fn leading_int(text: &str) -> Option<(i64, &str)> {
    let text = text.trim_start();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let len = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    if len == 0 {
        return None;
    }
    let end = text.len() - digits.len() + len;
    let code = text.get(..end)?.parse().ok()?;
    Some((code, text.get(end..)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_form_folds_ascii_case_spaces_and_a_final_stop() {
        assert_eq!(normalized("  Time  out. "), "time out");
        assert_eq!(normalized("无权限调（N22106）。"), "无权限调（n22106）");
        assert_eq!(normalized("a\u{3000}\t b"), "a b");
        assert_eq!(normalized("done.."), "done.");
        assert_eq!(normalized("ÄB"), "Äb", "only ASCII letters fold");
        assert_eq!(normalized(" 。"), "");
        assert!(is_normal("url not in domain list"));
        assert!(!is_normal("url not in domain list."));
    }

    #[test]
    fn with_normal_borrows_slices_and_caps_the_rest() {
        let text = "already normal";
        assert_eq!(with_normal(text, |n| std::ptr::eq(n, text)), Some(true));
        let chinese = " 上传文件失败。";
        assert_eq!(
            with_normal(chinese, |n| (
                n.to_owned(),
                n.as_ptr() == chinese[1..].as_ptr()
            )),
            Some(("上传文件失败".to_owned(), true)),
            "a slice of the input, not a copy"
        );
        assert_eq!(with_normal("A  B.", str::to_owned), Some("a b".to_owned()));
        let long = "A".repeat(MAX_NORMAL_LEN + 1);
        assert_eq!(with_normal(&long, str::len), None);
        let fits = "A".repeat(MAX_NORMAL_LEN);
        assert_eq!(with_normal(&fits, str::len), Some(MAX_NORMAL_LEN));
        // Longer than the buffer but needing no copy: no limit.
        let normal_long = "a".repeat(MAX_NORMAL_LEN * 2);
        assert_eq!(
            with_normal(&normal_long, str::len),
            Some(MAX_NORMAL_LEN * 2)
        );
    }

    proptest::proptest! {
        #[test]
        fn with_normal_and_is_normal_agree_with_normalized(
            text in "[ \u{3000}\t]?(a|A|中|。|\\.| |\u{a0}|Z){0,12}[ \u{3000}\n]?",
        ) {
            let normal = normalized(&text);
            proptest::prop_assert_eq!(with_normal(&text, str::to_owned), Some(normal.clone()));
            proptest::prop_assert_eq!(is_normal(&text), normal == text);
        }

        /// ASCII texts take a byte-wise path; every ASCII white space, vertical tab included.
        #[test]
        fn the_ascii_path_agrees_with_normalized(
            text in "[ \t\n]?([a-zA-Z0-9:]|[ \t\n\r\x0b\x0c]|\\.){0,16}[ \n\x0b]?",
        ) {
            proptest::prop_assert_eq!(with_normal(&text, str::to_owned), Some(normalized(&text)));
        }

        #[cfg(feature = "json")]
        #[test]
        fn match_str_indices_agrees_with_str(hay in "[ab :;(|E中]{0,40}", needle in "[ab :;(|E中]{1,4}") {
            let ours: Vec<usize> = match_str_indices(&hay, &needle).collect();
            // str::match_indices does not overlap matches; ours may, so compare the first.
            proptest::prop_assert_eq!(ours.first().copied(), hay.find(needle.as_str()));
            for at in ours {
                proptest::prop_assert!(hay[at..].starts_with(needle.as_str()));
            }
        }

        #[test]
        fn find_str_agrees_with_str_find(hay in "[ab :;(|E中]{0,40}", needle in "[ab :;(|E中]{1,4}") {
            proptest::prop_assert_eq!(find_str(&hay, &needle), hay.find(needle.as_str()));
        }
    }
}
