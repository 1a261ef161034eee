//! WeChat Cloud failures, from JSON and from bare text: no panic, the parts are pieces of the
//! text, and the nested code is never the outer one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::wx::cloud::{Code, Fail};

fn check(fail: &Fail<'_>) {
    let text = fail.err_msg();
    for part in [
        Some(fail.reason()),
        fail.label(),
        fail.api(),
        fail.call_id(),
        fail.request_id(),
    ]
    .into_iter()
    .flatten()
    {
        assert!(text.contains(part), "{part:?} is not in {text:?}");
    }
    if let (Some(outer), Some(inner)) = (fail.code(), fail.sub_code()) {
        assert_ne!(outer.raw(), inner.raw());
    }
    if let Some(code) = fail.deciding_code() {
        assert!(!code.is_wrapper());
        assert_eq!(fail.action(), code.action());
    }
    let _ = (fail.resolved_code(), fail.to_string());
}

fuzz_target!(|data: &[u8]| {
    if let Ok(fail) = serde_json::from_slice::<Fail>(data) {
        check(&fail);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        check(&Fail::new(text));
        let _ = Code::from_message(text);
    }
});
