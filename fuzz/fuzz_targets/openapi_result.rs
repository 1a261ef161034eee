//! Alipay+ results: no panic, lossless round trip, a decision for both call kinds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::alipay_plus::{ApiResult, CallKind};

fuzz_target!(|data: &[u8]| {
    if let Ok(result) = serde_json::from_slice::<ApiResult>(data) {
        for call in [CallKind::Idempotent, CallKind::MovesMoney] {
            let decision = result.decide(call);
            assert!(!decision.reason.is_empty());
        }
        let text = serde_json::to_string(&result).expect("serialises");
        let again: ApiResult = serde_json::from_str(&text).expect("its own output decodes");
        assert_eq!(again, result, "round trip changed the result");
    }
});
