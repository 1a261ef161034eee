//! Message templates: `%s` stands for any text and `%d` for an integer.
//!
//! Plain functions over strings, with nothing else from the crate, because the generator
//! includes this file too (`#[path]`): it works out at build time which templates a catalog
//! message itself matches, and must match exactly as the library does.

/// Whether `text` is `template` with each `%s` replaced by any text and each `%d` by an integer.
pub(crate) fn matches_template(template: &str, text: &str) -> bool {
    let Some((literal, placeholder, template_rest)) = next_placeholder(template) else {
        return template == text;
    };
    // The words after the last placeholder must end the text: one comparison rules out most
    // texts before any search for where a placeholder's fill ends.
    if !text.ends_with(literal_tail(template_rest)) {
        return false;
    }
    let Some(text) = text.strip_prefix(literal) else {
        return false;
    };
    let follows = next_placeholder(template_rest);
    // The literal after the placeholder: the filled-in value can only end where it occurs, so
    // only those ends are tried, not every character (which made a navigation message cost
    // hundreds of instructions per template).
    let next_literal = follows.map_or(template_rest, |(literal, _, _)| literal);
    let fits = |fill: &str| placeholder != 'd' || is_integer(fill);
    match (next_literal.is_empty(), follows) {
        // The placeholder ends the template: it takes the rest of the text.
        (true, None) => fits(text),
        // Two placeholders in a row: any split may be the one.
        (true, Some(_)) => text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .any(|end| {
                text.split_at_checked(end).is_some_and(|(fill, after)| {
                    fits(fill) && matches_template(template_rest, after)
                })
            }),
        (false, _) => {
            let mut from = 0;
            while let Some(end) = find_from(text, next_literal, from) {
                let Some((fill, after)) = text.split_at_checked(end) else {
                    return false;
                };
                // A longer fill cannot become an integer again.
                if placeholder == 'd' && !is_integer_prefix(fill) {
                    return false;
                }
                if fits(fill) && matches_template(template_rest, after) {
                    return true;
                }
                from = end + 1;
            }
            false
        }
    }
}

/// The first occurrence of `needle` (not empty) in `text` at or after byte `from`. Messages are
/// short, so scanning for the first byte beats `str::find`, whose searcher costs more to set up
/// than the search. The first byte of a `str` starts a character, so every match found starts
/// one in `text` too.
fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    let mut at = from;
    loop {
        at += text.get(at..)?.iter().position(|&b| b == first)?;
        if text.get(at..)?.starts_with(needle) {
            return Some(at);
        }
        at += 1;
    }
}

/// The literal text after the last placeholder of `template` (all of it when it has none).
fn literal_tail(template: &str) -> &str {
    let bytes = template.as_bytes();
    let last = (0..bytes.len())
        .rev()
        .find(|&at| bytes.get(at) == Some(&b'%') && matches!(bytes.get(at + 1), Some(b's' | b'd')));
    last.and_then(|at| template.get(at + 2..))
        .unwrap_or(template)
}

pub(crate) fn next_placeholder(template: &str) -> Option<(&str, char, &str)> {
    let mut search = 0;
    // Templates are a few dozen bytes: a plain scan costs less than setting up `str::find`.
    while let Some(found) = template
        .as_bytes()
        .get(search..)?
        .iter()
        .position(|&b| b == b'%')
    {
        let at = search + found;
        let rest = template.get(at + 1..)?;
        match rest.chars().next() {
            Some(kind @ ('s' | 'd')) => {
                return Some((template.get(..at)?, kind, rest.get(1..)?));
            }
            _ => search = at + 1,
        }
    }
    None
}

pub(crate) fn is_integer(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_integer_prefix(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    digits.bytes().all(|b| b.is_ascii_digit())
}

/// `template` with each `%s`/`%d` replaced by the next argument, in order. Missing arguments
/// leave the placeholder in place, so nothing is silently dropped.
pub(crate) fn fill_template(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some((literal, kind, after)) = next_placeholder(rest) {
        out.push_str(literal);
        match args.next() {
            Some(arg) => out.push_str(&arg.to_string()),
            None => {
                out.push('%');
                out.push(kind);
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}
