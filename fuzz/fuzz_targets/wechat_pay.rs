//! WeChat Pay answers: v2 XML and v3 JSON never panic, and a v2 answer read from XML is the
//! answer its fields make, deciding the same on every API.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::CallKind;
use minierr::wx::pay::{Api, Response, V2Response};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(xml) = V2Response::from_xml(text) {
        let fields = V2Response::new(
            xml.return_code(),
            xml.return_msg(),
            xml.result_code(),
            xml.err_code().map(|c| c.raw()),
            xml.err_code_des(),
        );
        assert_eq!(fields, xml, "the fields make another answer");
        for api in Api::all() {
            assert_eq!(fields.action_for(api), xml.action_for(api));
        }
        let _ = (
            xml.action(CallKind::MovesMoney),
            xml.is_success(),
            xml.is_communication_failure(),
        );
    }
    if let Ok(v3) = Response::from_json_str(text) {
        let _ = (
            v3.action(CallKind::MovesMoney),
            v3.outcome(),
            v3.field_path(),
            v3.detail()
                .map(|d| (d.field(), d.location(), d.value(), d.issue())),
        );
        for api in Api::all() {
            let _ = v3.action_for(api);
        }
    }
});
