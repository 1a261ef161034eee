//! `minierr::decode` on arbitrary bytes: no panic, and whatever decodes gives a full report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = minierr::decode(data) {
        let _ = (
            d.platform(),
            d.api(),
            d.code(),
            d.raw_code(),
            d.name(),
            d.message(),
        );
        let _ = (d.message_zh(), d.message_en(), d.remedy_zh(), d.remedy_en());
        let _ = (
            d.status(),
            d.category(),
            d.subcategory(),
            d.action(),
            d.candidate_apis(),
        );
        let _ = (d.reason_class(), d.retry_hint(), d.api_name());
        serde_json::to_string(&d).expect("a diagnosis always serialises");
    }
    for api in minierr::alipay::Api::all() {
        let _ = minierr::decode_with(data, &minierr::DecodeOptions::new().alipay_api(api));
    }
});
