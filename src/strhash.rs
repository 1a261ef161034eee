//! The string hash behind minierr's generated string indexes, and the message normalisation they
//! key on. The generator (`codegen/`) includes this same file, so the tables it builds and the
//! lookups here can never disagree.
//!
//! The hash reads three eight-byte words and mixes them with two rounds of multiplication, a few
//! nanoseconds for catalog-sized strings. SipHash, which `phf` and `std::collections::HashMap` use,
//! costs several times that, and there is no adversary to resist here: the keys are fixed at build
//! time and a lookup always compares the whole key it lands on.

/// A 64-bit hash of `bytes`, varied by `seed`. It reads at most three words (the first, middle
/// and last eight bytes) whatever the length, so it has no loop to mispredict; the generator
/// checks that this still tells every catalog key apart, and a lookup always compares the whole
/// key anyway.
#[inline]
pub(crate) fn hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let len = bytes.len();
    let (a, b, c) = match len {
        8.. => {
            let middle = bytes.get((len - 8) / 2..).and_then(<[u8]>::first_chunk);
            (
                bytes.first_chunk().map_or(0, |w| u64::from_le_bytes(*w)),
                middle.map_or(0, |w| u64::from_le_bytes(*w)),
                bytes.last_chunk().map_or(0, |w| u64::from_le_bytes(*w)),
            )
        }
        4..=7 => (
            bytes
                .first_chunk()
                .map_or(0, |w| u64::from(u32::from_le_bytes(*w))),
            bytes
                .last_chunk()
                .map_or(0, |w| u64::from(u32::from_le_bytes(*w))),
            0,
        ),
        1..=3 => {
            let at = |i: usize| bytes.get(i).map_or(0, |&b| u64::from(b));
            (at(0) | (at(len / 2) << 8) | (at(len - 1) << 16), 0, 0)
        }
        0 => (0, 0, 0),
    };
    // The three words are mixed independently, so their multiplies run in parallel; one more
    // multiply folds them. Short dependency chains are what make this fast.
    let mut h = seed ^ (len as u64).wrapping_mul(K);
    h ^= a.wrapping_mul(0xA076_1D64_78BD_642F);
    h ^= b.rotate_left(23).wrapping_mul(0xE703_7ED1_A0B4_28DB);
    h ^= c.rotate_left(41).wrapping_mul(0x8EBC_6AF0_9C88_C6E3);
    h = (h ^ (h >> 32)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// The three numbers a perfect-hash lookup needs from one hash: the bucket (`g`) and the two
/// values the bucket's displacements combine into a slot.
pub(crate) fn split(hash: u64) -> (u32, u32, u32) {
    ((hash >> 40) as u32, (hash >> 20) as u32, hash as u32 | 1)
}

/// `x` scaled into `0..n` by a multiply and a shift instead of a division (Lemire's "fast range"),
/// which matters here: a division costs more than the whole hash.
pub(crate) fn reduce(x: u32, n: u32) -> u32 {
    ((u64::from(x) * u64::from(n)) >> 32) as u32
}

/// The bucket of a key's `g`, among `buckets`.
pub(crate) fn bucket(g: u32, buckets: u32) -> u32 {
    reduce(g.wrapping_mul(0x9E37_79B1), buckets)
}

/// The slot a key lands in, given its split hash, its bucket's displacements and the table size.
pub(crate) fn slot(f1: u32, f2: u32, (d1, d2): (u32, u32), size: u32) -> u32 {
    let mixed = f1.wrapping_add(d1.wrapping_mul(f2)).wrapping_add(d2);
    reduce(mixed.wrapping_mul(0x85EB_CA6B), size)
}

/// The bit standing for a template's first four bytes in a 64-bit summary of all of a catalog's
/// templates: a text whose bit is clear starts like none of them.
pub(crate) fn head_bit(head: u32) -> u64 {
    1 << (head.wrapping_mul(0x9E37_79B1) >> 26)
}

/// A message as minierr compares it: without surrounding white space or a final full stop,
/// which the runtime and the documentation do not always agree on.
pub(crate) fn normalize_message(message: &str) -> &str {
    // Most messages need no trimming, and many only lose a final 。; checking the end characters
    // first skips the Unicode trims, which were a tenth of an Alipay message lookup.
    let clean_end = |text: &str| text.chars().next_back().is_none_or(|c| !c.is_whitespace());
    let clean_start = message.chars().next().is_none_or(|c| !c.is_whitespace());
    let trimmed = if clean_start && clean_end(message) {
        message
    } else {
        message.trim()
    };
    let stripped = trimmed
        .strip_suffix('。')
        .or_else(|| trimmed.strip_suffix('.'))
        .unwrap_or(trimmed);
    if clean_end(stripped) {
        stripped
    } else {
        stripped.trim_end()
    }
}
