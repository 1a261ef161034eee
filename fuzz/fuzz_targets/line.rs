//! Finding a payload in an arbitrary log line: no panic, and a found payload's diagnosis is whole.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::DecodeOptions;
use minierr::line::decode_line;

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok((found, d)) = decode_line(line, &DecodeOptions::new()) {
        let _ = (
            found.as_str(),
            d.to_string(),
            d.action(),
            d.code(),
            d.sub_code(),
        );
        let _ = serde_json::to_string(&d).expect("a diagnosis serialises");
    }
});
