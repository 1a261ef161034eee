//! A reader for the JSON that fail callbacks and API responses are in practice: one small object
//! of plain strings, integers, `null` and booleans, at most one object deep.
//!
//! It reads only that common case and declines (`None`) at the first byte outside it: an escape
//! in a string, a fraction or exponent, an array, deeper nesting, a duplicate key, a wrong type.
//! Callers then hand the whole input to serde_json, whose answer (value or error) is the one
//! returned. The reader can therefore make decoding faster but never different: whatever it
//! accepts, serde_json decodes to the same value, which `tests/fast_path.rs` checks against
//! serde_json on generated inputs. serde's generic key and value dispatch is most of the time a
//! typed decode takes; matching raw key bytes here is what makes the typed decoders several times
//! faster than `serde_json::Value` rather than about twice as fast.

/// A value the reader accepts. Strings are borrowed, never unescaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    Text(&'a str),
    Int(i64),
    Null,
    Bool,
    /// The reader is now inside this object; read its entries with [`Reader::key`].
    Object,
}

impl<'a> Value<'a> {
    /// A required string.
    #[inline]
    pub(crate) fn text(self) -> Option<&'a str> {
        match self {
            Value::Text(text) => Some(text),
            _ => None,
        }
    }

    /// A string or `null`.
    #[inline]
    pub(crate) fn text_or_null(self) -> Option<Option<&'a str>> {
        match self {
            Value::Text(text) => Some(Some(text)),
            Value::Null => Some(None),
            _ => None,
        }
    }

    /// An integer or `null`. Integers in strings are left to serde (they are rare).
    #[inline]
    pub(crate) fn int_or_null(self) -> Option<Option<i64>> {
        match self {
            Value::Int(n) => Some(Some(n)),
            Value::Null => Some(None),
            _ => None,
        }
    }

    /// A value of a field nobody asked for. Objects are not skipped: that would mean validating
    /// everything JSON allows inside them, which is serde_json's job.
    #[inline]
    pub(crate) fn skip(self) -> Option<()> {
        match self {
            Value::Object => None,
            _ => Some(()),
        }
    }
}

/// Fills an empty slot; a duplicate key declines, so that serde reports it.
#[inline]
pub(crate) fn fill<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    match slot {
        Some(_) => None,
        None => {
            *slot = Some(value);
            Some(())
        }
    }
}

/// `fast(input)`, or serde_json's answer when the fast reader declines.
#[inline]
pub(crate) fn or_serde<'a, T: serde::Deserialize<'a>>(
    input: &'a str,
    fast: impl FnOnce(&'a str) -> Option<T>,
) -> Result<T, serde_json::Error> {
    match fast(input) {
        Some(value) => Ok(value),
        None => serde_json::from_str(input),
    }
}

/// [`or_serde`] for bytes; input that is not UTF-8 goes to serde_json, which says where.
#[inline]
pub(crate) fn or_serde_slice<'a, T: serde::Deserialize<'a>>(
    input: &'a [u8],
    fast: impl FnOnce(&'a str) -> Option<T>,
) -> Result<T, serde_json::Error> {
    match std::str::from_utf8(input) {
        Ok(text) => or_serde(text, fast),
        Err(_) => serde_json::from_slice(input),
    }
}

/// The top-level object and one object inside it.
const MAX_DEPTH: u8 = 2;

/// A cursor over one JSON object. Call [`Reader::key`] and [`Reader::value`] in turn until
/// `key` gives `Some(None)`, then [`Reader::finish`].
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u8,
    /// Whether a value was just read, so a `,` may come next and a key may not.
    after_value: bool,
}

impl<'a> Reader<'a> {
    /// Starts reading `text`, which must open an object.
    #[inline]
    pub(crate) fn open(text: &'a str) -> Option<Self> {
        let mut reader = Reader {
            text,
            pos: 0,
            depth: 1,
            after_value: false,
        };
        reader.skip_whitespace();
        reader.expect(b'{')?;
        Some(reader)
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Option<()> {
        if self.peek()? == byte {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    /// The next key of the current object, or `Some(None)` when it closes.
    #[inline]
    pub(crate) fn key(&mut self) -> Option<Option<&'a str>> {
        self.skip_whitespace();
        match self.peek()? {
            // After `,` a key must follow: `{"a":1,}` is not JSON.
            b'}' => {
                self.pos += 1;
                self.depth = self.depth.checked_sub(1)?;
                self.after_value = true;
                return Some(None);
            }
            b',' if self.after_value => {
                self.pos += 1;
                self.skip_whitespace();
            }
            b'"' if !self.after_value => {}
            _ => return None,
        }
        let key = self.string()?;
        self.skip_whitespace();
        self.expect(b':')?;
        self.skip_whitespace();
        self.after_value = false;
        Some(Some(key))
    }

    /// The value after the key just read.
    #[inline]
    pub(crate) fn value(&mut self) -> Option<Value<'a>> {
        let value = match self.peek()? {
            b'"' => Value::Text(self.string()?),
            b'-' | b'0'..=b'9' => Value::Int(self.integer()?),
            b'n' => self.literal(b"null", Value::Null)?,
            b't' => self.literal(b"true", Value::Bool)?,
            b'f' => self.literal(b"false", Value::Bool)?,
            b'{' if self.depth < MAX_DEPTH => {
                self.pos += 1;
                self.depth += 1;
                return Some(Value::Object);
            }
            _ => return None,
        };
        self.after_value = true;
        Some(value)
    }

    /// Succeeds if the top-level object has closed and only whitespace follows it.
    #[inline]
    pub(crate) fn finish(mut self) -> Option<()> {
        self.skip_whitespace();
        (self.depth == 0 && self.pos == self.text.len()).then_some(())
    }

    /// A string without escapes or control characters (serde_json rejects raw control
    /// characters; escapes would need unescaping into a new allocation).
    #[inline]
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.pos;
        let rest = self.text.as_bytes().get(start..)?;
        let len = string_end(rest)?;
        if rest.get(len) != Some(&b'"') {
            return None;
        }
        self.pos = start + len + 1;
        // Both ends sit next to an ASCII quote, so they are character boundaries.
        self.text.get(start..start + len)
    }

    /// An integer as serde_json reads one into an `i64`. Declines what serde_json would read
    /// differently: a fraction or exponent, `-0` (a float there), a leading zero (an error) and
    /// anything outside `i64`.
    #[inline]
    fn integer(&mut self) -> Option<i64> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let first = self.peek()?;
        let mut magnitude: u64 = 0;
        let mut digits = 0usize;
        while let Some(digit @ b'0'..=b'9') = self.peek() {
            magnitude = magnitude
                .checked_mul(10)?
                .checked_add(u64::from(digit - b'0'))?;
            digits += 1;
            self.pos += 1;
        }
        if digits == 0 || (first == b'0' && digits > 1) {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return None;
        }
        if negative {
            if magnitude == 0 {
                return None;
            }
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        }
    }

    #[inline]
    fn literal(&mut self, word: &[u8], value: Value<'a>) -> Option<Value<'a>> {
        let end = self.pos.checked_add(word.len())?;
        if self.text.as_bytes().get(self.pos..end)? == word {
            self.pos = end;
            Some(value)
        } else {
            None
        }
    }
}

/// The index of the first `"`, `\\` or control character in `bytes`. Strings in payloads are
/// most of their length, so this looks at eight bytes per step: a byte-at-a-time loop made an
/// Alipay+ response take 1 830 instructions to read.
#[inline]
fn string_end(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // Sets the high bit of the lowest byte of `word` that is below `n` (n <= 0x80). Bits above
    // it may be set spuriously, so only the lowest one is used.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).ok()?);
        let hits = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if hits != 0 {
            return Some(offset + (hits.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| offset + i)
}

#[cfg(test)]
mod tests {
    use super::{Reader, Value};

    /// Every entry of a flat object, or `None` if the reader declines.
    fn entries(text: &str) -> Option<Vec<(&str, Value<'_>)>> {
        let mut reader = Reader::open(text)?;
        let mut out = Vec::new();
        while let Some(key) = reader.key()? {
            let value = reader.value()?;
            value.skip()?;
            out.push((key, value));
        }
        reader.finish()?;
        Some(out)
    }

    #[test]
    fn reads_the_common_case() {
        let got =
            entries(" {\"a\" : \"x y\",\n\"b\":-12,\"c\":null,\"d\":true,\"e\":false,\"f\":0}\r\n");
        assert_eq!(
            got,
            Some(vec![
                ("a", Value::Text("x y")),
                ("b", Value::Int(-12)),
                ("c", Value::Null),
                ("d", Value::Bool),
                ("e", Value::Bool),
                ("f", Value::Int(0)),
            ])
        );
        assert_eq!(entries("{}"), Some(vec![]));
        assert_eq!(
            entries(r#"{"n":-9223372036854775808,"m":9223372036854775807}"#),
            Some(vec![
                ("n", Value::Int(i64::MIN)),
                ("m", Value::Int(i64::MAX))
            ])
        );
        assert_eq!(
            entries("{\"中\":\"用户取消\"}"),
            Some(vec![("中", Value::Text("用户取消"))])
        );
    }

    #[test]
    fn declines_everything_else() {
        for text in [
            "",
            "[]",
            "\u{feff}{}",
            "{",
            "{\"a\":1",
            "{\"a\":1,}",
            "{,\"a\":1}",
            "{\"a\":1 \"b\":2}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\":1}x",
            "{\"a\":1}{}",
            "{\"a\":\"x\\\"y\"}",
            "{\"a\\u0062\":1}",
            "{\"a\":\"tab\there\"}",
            "{\"a\":01}",
            "{\"a\":-0}",
            "{\"a\":-}",
            "{\"a\":1.0}",
            "{\"a\":1e3}",
            "{\"a\":9223372036854775808}",
            "{\"a\":-9223372036854775809}",
            "{\"a\":99999999999999999999}",
            "{\"a\":nul}",
            "{\"a\":nullx}",
            "{\"a\":True}",
            "{\"a\":[]}",
            "{\"a\":{}}",
            "{\"a\":\"unterminated}",
        ] {
            assert_eq!(entries(text), None, "{text:?}");
        }
    }

    #[test]
    fn reads_one_nested_object_and_no_deeper() {
        let text = r#"{"result":{"resultCode":"X","n":1},"after":2}"#;
        let mut reader = Reader::open(text).unwrap();
        assert_eq!(reader.key(), Some(Some("result")));
        assert_eq!(reader.value(), Some(Value::Object));
        assert_eq!(reader.key(), Some(Some("resultCode")));
        assert_eq!(reader.value(), Some(Value::Text("X")));
        assert_eq!(reader.key(), Some(Some("n")));
        assert_eq!(reader.value(), Some(Value::Int(1)));
        assert_eq!(reader.key(), Some(None));
        assert_eq!(reader.key(), Some(Some("after")));
        assert_eq!(reader.value(), Some(Value::Int(2)));
        assert_eq!(reader.key(), Some(None));
        assert_eq!(reader.finish(), Some(()));

        let mut reader = Reader::open(r#"{"a":{"b":{}}}"#).unwrap();
        assert_eq!(reader.key(), Some(Some("a")));
        assert_eq!(reader.value(), Some(Value::Object));
        assert_eq!(reader.key(), Some(Some("b")));
        assert_eq!(reader.value(), None);
    }

    #[test]
    fn finish_requires_the_object_to_be_closed() {
        let mut reader = Reader::open(r#"{"a":{"b":1}"#).unwrap();
        assert_eq!(reader.key(), Some(Some("a")));
        assert_eq!(reader.value(), Some(Value::Object));
        assert_eq!(reader.key(), Some(Some("b")));
        assert_eq!(reader.value(), Some(Value::Int(1)));
        assert_eq!(reader.key(), Some(None));
        assert_eq!(reader.finish(), None);
    }

    /// The speed claims rest on the reader taking what platforms really send, escapes aside.
    #[test]
    fn platform_readers_take_the_payloads_platforms_send() {
        use crate::{alipay, open_platform, openapi, wx};
        let wechat = r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001,"errno":1500102}"#;
        assert!(wx::Fail::scan(wechat).is_some());
        assert!(wx::Fail::scan(r#"{ "errMsg": "request:fail timeout" }"#).is_some());
        let plus = r#"{"result":{"resultCode":"PARAM_ILLEGAL","resultStatus":"F","resultMessage":"Illegal parameters."},"extendInfo":"x"}"#;
        assert!(openapi::ApiResult::scan(plus).is_some());
        assert!(
            openapi::ApiResult::scan(r#"{"resultCode":"SUCCESS","resultStatus":"S"}"#).is_some()
        );
        let jsapi = r#"{"error":14,"errorMessage":"JSON parse data error","status":13,"data":""}"#;
        assert!(alipay::Fail::scan(jsapi).is_some());
        assert!(alipay::Fail::scan(r#"{"resultCode":"6004"}"#).is_some());
        let open = r#"{"code":4004,"msg":"签名无效","data":null}"#;
        assert!(open_platform::Response::scan(open).is_some());
        for payload in [wechat, plus, jsapi, open] {
            let mut fields = crate::decode::Fields::default();
            assert_eq!(fields.scan(payload), Some(()), "{payload}");
        }
        // What it leaves to serde: an escape, and a nested value it would have to validate.
        assert!(wx::Fail::scan(r#"{"errMsg":"a:fail \"b\""}"#).is_none());
        assert!(open_platform::Response::scan(r#"{"code":0,"data":{"list":[]}}"#).is_none());
    }

    #[test]
    fn string_end_finds_the_first_special_byte_at_every_position() {
        for len in 0..24 {
            for special in [b'"', b'\\', 0x00, 0x1f] {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    // Bytes that sit just above the special ones, and UTF-8 continuation bytes,
                    // must not be taken for them.
                    for (i, b) in bytes.iter_mut().enumerate() {
                        *b = [b'a', b'#', b']', 0x20, 0xe4, 0x80, 0xff][i % 7];
                    }
                    bytes[at] = special;
                    if at + 1 < len {
                        bytes[at + 1] = b'"';
                    }
                    assert_eq!(super::string_end(&bytes), Some(at), "{bytes:?}");
                }
                let clean = vec![b'#'; len];
                assert_eq!(super::string_end(&clean), None);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn string_end_agrees_with_a_byte_at_a_time_search(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64)) {
            let naive = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            proptest::prop_assert_eq!(super::string_end(&bytes), naive);
        }
    }
}
