//! Open-platform responses: no panic and a lossless round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::open_platform::Response;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = serde_json::from_slice::<Response>(data) {
        let _ = (
            response.action(),
            response.is_success(),
            response.code().to_string(),
        );
        let text = serde_json::to_string(&response).expect("serialises");
        let again: Response = serde_json::from_str(&text).expect("its own output decodes");
        assert_eq!(again, response, "round trip changed the response");
    }
});
