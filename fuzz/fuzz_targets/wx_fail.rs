//! WeChat fail payloads: no panic, and a decoded payload survives a round trip unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::wx::Fail;

fuzz_target!(|data: &[u8]| {
    if let Ok(fail) = serde_json::from_slice::<Fail>(data) {
        let _ = (
            fail.api(),
            fail.reason(),
            fail.resolved_errno(),
            fail.action(),
        );
        let _ = (
            fail.errno_candidates(),
            fail.to_string(),
            fail.resolved_by(),
        );
        if let Some(code) = fail.legacy_code() {
            // A legacy code comes from the API's family, or from a family any API may use.
            let family = fail.api().and_then(minierr::wx::legacy::Family::of_api);
            assert!(Some(code.family()) == family || code.family().is_any_api());
        }
        for family in minierr::wx::legacy::Family::all() {
            if let Some(code) = fail.legacy_code_in(family) {
                assert!(code.family() == family || code.family().is_any_api());
            }
        }
        let text = serde_json::to_string(&fail).expect("serialises");
        let again: Fail = serde_json::from_str(&text).expect("its own output decodes");
        assert_eq!(again, fail, "round trip changed the payload");
    }
});
