//! Alipay JSAPI fail payloads: no panic, lossless round trip, resolution for every API.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::alipay::{Api, Fail};

fuzz_target!(|data: &[u8]| {
    if let Ok(fail) = serde_json::from_slice::<Fail>(data) {
        for api in Api::all() {
            if let Some(error) = fail.error_for(api) {
                assert_eq!(error.api(), api);
                let _ = (
                    error.code(),
                    error.message_en(),
                    error.remedy_zh(),
                    error.action(),
                );
            }
        }
        let _ = fail.infer_api();
        let text = serde_json::to_string(&fail).expect("serialises");
        let again: Fail = serde_json::from_str(&text).expect("its own output decodes");
        assert_eq!(again, fail, "round trip changed the payload");
    }
});
