//! The string hash behind minierr's generated string indexes. The generator (`codegen/`) includes
//! this same file, so the tables it builds and the lookups here can never disagree.
//!
//! It reads eight bytes at a time (an FxHash-style multiply and rotate) and ends with MurmurHash3's
//! 64-bit finaliser, which is a few nanoseconds for catalog-sized strings; SipHash, which `phf` and
//! `std::collections::HashMap` use, costs several times that, and there is no adversary to resist
//! here: the keys are fixed at build time and a lookup only ever compares one candidate.

/// A 64-bit hash of `bytes`, varied by `seed`.
pub(crate) fn hash(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.iter_mut().zip(chunk).for_each(|(w, b)| *w = *b);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail.iter_mut()
        .zip(chunks.remainder())
        .for_each(|(t, b)| *t = *b);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// The three numbers a perfect-hash lookup needs from one hash: the bucket (`g`) and the two
/// values the bucket's displacements combine into a slot.
pub(crate) fn split(hash: u64) -> (u32, u32, u32) {
    (
        (hash >> 42) as u32,
        ((hash >> 21) & 0x1F_FFFF) as u32,
        (hash & 0x1F_FFFF) as u32,
    )
}

/// The slot a key lands in, given its split hash, its bucket's displacements and the table size.
pub(crate) fn slot(f1: u32, f2: u32, (d1, d2): (u32, u32), size: u32) -> Option<u32> {
    f1.wrapping_add(d1.wrapping_mul(f2))
        .wrapping_add(d2)
        .checked_rem(size)
}
