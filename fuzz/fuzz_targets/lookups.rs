//! Every lookup by text or number on arbitrary input: no panic, and what is found matches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minierr::{alipay, alipay_plus, open_platform, wx};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for errno in wx::Errno::all_with_exact_message(text) {
        let _ = errno.err_msg();
    }
    let _ = wx::Errno::from_message(text);
    let _ = text.parse::<wx::Errno>();
    let (_, reason) = wx::split_err_msg(text);
    if let Some(class) = wx::ReasonClass::of(reason) {
        assert_eq!(class.name().parse(), Ok(class));
    }
    let _ = wx::server::split_errmsg(text);
    for code in wx::cloud::Code::all_with_message(text) {
        let _ = code.label();
    }
    for family in wx::legacy::Family::all() {
        for code in wx::legacy::Code::all_with_message_in(family, text) {
            assert!(code.family() == family || code.family().is_any_api());
        }
    }
    let _ = wx::legacy::Family::of_api(text);
    let _ = alipay::gateway::Response::from_text(text).map(|r| r.resolved_sub_code());
    if let Some(code) = alipay_plus::ResultCode::from_code(text) {
        assert_eq!(code.code(), text);
    }
    let _ = open_platform::Code::all_with_message(text);
    let _ = alipay::Api::from_name(text);
    let _ = alipay::TradePayResult::from_code(text);
    if data.len() >= 4 {
        let n = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        let code = wx::AnyErrno::new(n);
        assert_eq!(code.raw(), n);
        let _ = (
            code.category().name_zh(),
            code.subcategory().note(),
            code.to_string(),
        );
        let _ = open_platform::AnyCode::new(i64::from(n));
        for api in alipay::Api::all() {
            let _ = api.error(Some(i64::from(n)), Some(text));
        }
    }
});
