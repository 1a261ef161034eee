//! Rendering pieces shared by the catalogs: the enum declaration, the numeric slot index and the
//! message index.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::table::TableError;
use crate::{doc_text, lit, strhash};

/// One enum variant as the generator sees it.
pub(crate) struct Variant {
    /// The numeric code, for `#[repr(u32)]` catalogs; `None` for string-keyed ones.
    pub(crate) discriminant: Option<u32>,
    pub(crate) name: String,
    /// Rustdoc paragraphs, already in markdown (run plain text through [`doc_text`]).
    pub(crate) docs: Vec<String>,
    /// `#[doc(alias)]` values: the code and the machine string, so rustdoc search finds either.
    pub(crate) aliases: Vec<String>,
    /// A Rust expression for the variant's info row.
    pub(crate) info: String,
}

/// The attributes every catalog enum carries, after its docs: comparison and hashing, strum's
/// iteration, count and name, `#[non_exhaustive]`, and `#[repr(u32)]` for an enum whose
/// discriminants are its numeric codes (serde for those is written by hand beside the enum).
pub(crate) fn catalog_attrs(integer_codes: bool) -> String {
    let mut attrs = String::from(
        "#[derive(\n    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,\n    strum::EnumIter, strum::EnumCount, strum::IntoStaticStr,\n)]\n",
    );
    if integer_codes {
        attrs.push_str("#[repr(u32)]\n");
    }
    attrs.push_str("#[non_exhaustive]\n");
    attrs
}

/// A paragraph of plain catalog text for rustdoc.
pub(crate) fn para(text: &str) -> String {
    doc_text(text)
}

/// `pub enum Name { ... }` with every variant's docs and aliases; `header` holds the enum's own
/// docs and attributes, verbatim.
pub(crate) fn enum_decl(out: &mut String, header: &str, name: &str, variants: &[Variant]) {
    out.push_str(header);
    let _ = writeln!(out, "pub enum {name} {{");
    for v in variants {
        for (i, paragraph) in v.docs.iter().enumerate() {
            if i > 0 {
                out.push_str("    ///\n");
            }
            for line in paragraph.lines() {
                let _ = writeln!(out, "    /// {line}");
            }
        }
        for alias in &v.aliases {
            // rustdoc rejects quotes in an alias.
            if !alias.is_empty() && !alias.contains(['"', '\'']) {
                let _ = writeln!(out, "    #[doc(alias = {})]", lit(alias));
            }
        }
        match v.discriminant {
            Some(d) => {
                let _ = writeln!(out, "    {} = {d},", v.name);
            }
            None => {
                let _ = writeln!(out, "    {},", v.name);
            }
        }
    }
    out.push_str("}\n");
}

/// The smallest modulus under which every code lands in its own slot. `code % m` is a few
/// instructions, so lookups cost one division by a constant and two loads, hits and misses alike.
pub(crate) fn slot_modulus(codes: &[u32]) -> Option<u32> {
    let n = u32::try_from(codes.len()).ok()?;
    (n.max(1)..=u32::from(u16::MAX)).find(|&m| {
        let mut seen = vec![false; m as usize];
        codes
            .iter()
            .all(|&c| !std::mem::replace(&mut seen[(c % m) as usize], true))
    })
}

/// `SORTED`, `SLOT_MODULUS`, `SLOTS` and `INFO` for a numeric catalog whose variants are in
/// ascending code order.
pub(crate) fn numeric_index(
    out: &mut String,
    file: &str,
    enum_name: &str,
    info_type: &str,
    variants: &[Variant],
) -> Result<(), TableError> {
    let n = variants.len();
    let codes: Vec<u32> = variants.iter().filter_map(|v| v.discriminant).collect();
    if codes.len() != n {
        return Err(TableError::new(
            file,
            0,
            "every variant needs a numeric code",
        ));
    }
    let modulus = slot_modulus(&codes).ok_or_else(|| {
        TableError::new(file, 0, "no slot modulus below 65536 separates the codes")
    })?;
    let mut slots = vec![u16::MAX; modulus as usize];
    for (index, code) in codes.iter().enumerate() {
        slots[(code % modulus) as usize] = index as u16;
    }
    let _ = writeln!(
        out,
        "\n/// Every variant in ascending code order; `INFO[i]` is the row of `SORTED[i]`."
    );
    let _ = writeln!(out, "pub(crate) static SORTED: [{enum_name}; {n}] = [");
    for v in variants {
        let _ = writeln!(out, "    {enum_name}::{},", v.name);
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// No two codes are equal modulo this: `SLOTS[code % SLOT_MODULUS]` is the code's index, or\n/// `u16::MAX` for a slot no code uses. The generator picks the smallest such modulus.\npub(crate) const SLOT_MODULUS: u32 = {modulus};\n"
    );
    let _ = writeln!(out, "pub(crate) static SLOTS: [u16; {modulus}] = [");
    for chunk in slots.chunks(16) {
        let cells: Vec<String> = chunk.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "    {},", cells.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(out, "pub(crate) static INFO: [{info_type}; {n}] = [");
    for v in variants {
        let _ = writeln!(out, "    {},", v.info);
    }
    out.push_str("];\n");
    Ok(())
}

/// A perfect-hash index from each literal message to every variant that uses it, and a list of the
/// messages with `%s`/`%d` placeholders. `prefix` names the two statics (`{prefix}_EXACT`,
/// `{prefix}_TEMPLATES`).
pub(crate) fn message_index(
    out: &mut String,
    prefix: &str,
    what: &str,
    enum_name: &str,
    messages: &[(&str, &str)],
) {
    let mut exact: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut templates = Vec::new();
    for &(message, name) in messages.iter().filter(|(m, _)| !m.is_empty()) {
        if message.contains("%s") || message.contains("%d") {
            templates.push((message, name));
        } else {
            exact.entry(message).or_default().push(name);
        }
    }
    let entries: Vec<(String, String)> = exact
        .iter()
        .map(|(message, names)| {
            let slice: Vec<String> = names.iter().map(|n| format!("{enum_name}::{n}")).collect();
            ((*message).to_owned(), format!("&[{}]", slice.join(", ")))
        })
        .collect();
    let _ = writeln!(
        out,
        "\n/// Literal {what} (no `%s`/`%d`) to every code that uses them, in code order."
    );
    str_index(
        out,
        &format!("{prefix}_EXACT"),
        &format!("&'static [{enum_name}]"),
        &entries,
    );
    // Every template's head bit; one with a start under four bytes could follow any text.
    let heads = templates.iter().fold(0u64, |mask, (message, _)| {
        let start = message.split('%').next().unwrap_or("");
        mask | start.as_bytes().first_chunk::<4>().map_or(u64::MAX, |b| {
            crate::strhash::head_bit(u32::from_le_bytes(*b))
        })
    });
    let _ = writeln!(
        out,
        "\n/// The {what} with `%s`/`%d` placeholders, each with its literal start, matched piece by piece.\npub(crate) static {prefix}_TEMPLATES: crate::catalog::Templates<{enum_name}> = crate::catalog::Templates {{\n    heads: 0x{heads:016x},\n    all: &["
    );
    for (message, name) in templates {
        let start = message.split('%').next().unwrap_or("");
        let head = start
            .as_bytes()
            .first_chunk::<4>()
            .map_or("None".to_owned(), |b| {
                format!("Some(0x{:08x})", u32::from_le_bytes(*b))
            });
        let _ = writeln!(
            out,
            "        crate::catalog::Template {{ head: {head}, start: {}, template: {}, codes: &[{enum_name}::{name}] }},",
            lit(start),
            lit(message)
        );
    }
    out.push_str("    ],\n};\n");
}

/// A perfect-hash index over `keys`: for each seed, hash every key into buckets, then give each
/// bucket, largest first, the first displacement pair that puts all its keys in free slots. The
/// table has exactly one slot per key. Returns the seed, the displacements and, for each slot,
/// the index of its key. The same construction as the `phf` crate, over a cheaper hash.
pub(crate) fn perfect_hash(keys: &[&str]) -> (u64, Vec<(u32, u32)>, Vec<usize>) {
    let n = keys.len();
    if n == 0 {
        return (0, Vec::new(), Vec::new());
    }
    let buckets = n.div_ceil(4);
    let size = n as u32;
    // The hash reads only some of a long key's bytes; keys it cannot tell apart under two seeds
    // would never separate, so fail loudly instead of searching forever.
    for (i, a) in keys.iter().enumerate() {
        for b in keys.iter().skip(i + 1) {
            let alike =
                |seed| strhash::hash(seed, a.as_bytes()) == strhash::hash(seed, b.as_bytes());
            assert!(
                !(alike(0) && alike(1)),
                "{a:?} and {b:?} hash alike: make src/strhash.rs read more of the key"
            );
        }
    }
    for seed in 0u64.. {
        let hashes: Vec<(u32, u32, u32)> = keys
            .iter()
            .map(|k| strhash::split(strhash::hash(seed, k.as_bytes())))
            .collect();
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
        for (i, (g, _, _)) in hashes.iter().enumerate() {
            members[strhash::bucket(*g, buckets as u32) as usize].push(i);
        }
        let mut order: Vec<usize> = (0..buckets).collect();
        order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));
        let mut displacements = vec![(0u32, 0u32); buckets];
        let mut slots: Vec<Option<usize>> = vec![None; n];
        let placed = order.iter().all(|&b| {
            if members[b].is_empty() {
                return true;
            }
            for d1 in 0..size {
                for d2 in 0..size {
                    let wanted: Vec<usize> = members[b]
                        .iter()
                        .map(|&i| strhash::slot(hashes[i].1, hashes[i].2, (d1, d2), size) as usize)
                        .collect();
                    let mut seen = std::collections::BTreeSet::new();
                    if wanted.iter().all(|&s| slots[s].is_none() && seen.insert(s)) {
                        for (&s, &i) in wanted.iter().zip(&members[b]) {
                            slots[s] = Some(i);
                        }
                        displacements[b] = (d1, d2);
                        return true;
                    }
                }
            }
            false
        });
        if placed {
            return (
                seed,
                displacements,
                slots.into_iter().map(|s| s.unwrap_or(0)).collect(),
            );
        }
    }
    unreachable!("some seed always separates distinct keys")
}

/// A `StrIndex` static named `name` mapping each key to a value expression of `value_type`.
pub(crate) fn str_index(
    out: &mut String,
    name: &str,
    value_type: &str,
    entries: &[(String, String)],
) {
    let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let (seed, displacements, order) = perfect_hash(&keys);
    let _ = writeln!(
        out,
        "pub(crate) static {name}: crate::catalog::StrIndex<{value_type}> = crate::catalog::StrIndex {{\n    seed: {seed},"
    );
    out.push_str("    displacements: &[");
    for (i, (d1, d2)) in displacements.iter().enumerate() {
        if i % 8 == 0 {
            out.push_str("\n        ");
        } else {
            out.push(' ');
        }
        let _ = write!(out, "({d1}, {d2}),");
    }
    out.push_str("\n    ],\n    keys: &[\n");
    for &i in &order {
        let _ = writeln!(out, "        {},", lit(&entries[i].0));
    }
    out.push_str("    ],\n    values: &[\n");
    for &i in &order {
        let _ = writeln!(out, "        {},", entries[i].1);
    }
    out.push_str("    ],\n};\n");
}

/// A struct literal for an info row: `Type { field: value, ... }` with values already rendered.
pub(crate) fn struct_literal(type_name: &str, fields: &[(&str, String)]) -> String {
    let mut s = format!("{type_name} {{\n");
    for (field, value) in fields {
        let _ = writeln!(s, "        {field}: {value},");
    }
    s.push_str("    }");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_hash_puts_every_key_in_its_own_slot() {
        let keys: Vec<String> = (0..300).map(|i| format!("key number {i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let (seed, displacements, order) = perfect_hash(&refs);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..300).collect::<Vec<_>>(), "a permutation");
        for (slot, &i) in order.iter().enumerate() {
            let (g, f1, f2) = strhash::split(strhash::hash(seed, refs[i].as_bytes()));
            let d = displacements[strhash::bucket(g, displacements.len() as u32) as usize];
            assert_eq!(strhash::slot(f1, f2, d, 300), slot as u32);
        }
    }

    #[test]
    fn slot_modulus_separates_codes() {
        assert_eq!(slot_modulus(&[0, 1, 2]), Some(3));
        assert_eq!(slot_modulus(&[0, 3]), Some(2));
        assert_eq!(slot_modulus(&[5]), Some(1));
    }
}
