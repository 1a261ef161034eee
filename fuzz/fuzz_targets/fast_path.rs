//! The serde-free readers against serde_json: for any bytes, each `from_json_slice` must give
//! exactly what `serde_json::from_slice` gives, the same value or the same error.
#![no_main]

use std::fmt::Debug;

use libfuzzer_sys::fuzz_target;
use minierr::{alipay, open_platform, openapi, wx};
use serde::Deserialize;

fn same<'a, T: Deserialize<'a> + PartialEq + Debug>(
    data: &'a [u8],
    fast: fn(&'a [u8]) -> Result<T, serde_json::Error>,
) {
    let expected = serde_json::from_slice::<T>(data).map_err(|e| e.to_string());
    let got = fast(data).map_err(|e| e.to_string());
    assert_eq!(got, expected, "{:?}", String::from_utf8_lossy(data));
}

fuzz_target!(|data: &[u8]| {
    same(data, wx::Fail::from_json_slice);
    same(data, alipay::Fail::from_json_slice);
    same(data, openapi::ApiResult::from_json_slice);
    same(data, open_platform::Response::from_json_slice);
});
