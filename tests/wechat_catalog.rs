//! Behaviour of the WeChat catalog that holds without the serde feature.

use minierr::Action;
use minierr::wx::{AnyErrno, Category, Errno, Naming, Subcategory};

#[test]
fn every_code_round_trips_through_every_lookup() {
    let mut previous = None;
    for errno in Errno::all() {
        let code = errno.code();
        assert_eq!(Errno::from_code(code), Some(errno));
        assert_eq!(Errno::try_from(code), Ok(errno));
        assert_eq!(code.to_string().parse::<Errno>(), Ok(errno));
        assert_eq!(AnyErrno::from(code), AnyErrno::Known(errno));
        assert_eq!(u32::from(AnyErrno::from(code)), code);
        assert_eq!(errno as u32, code);
        assert!(previous < Some(code), "ascending and unique");
        previous = Some(code);
        if !errno.err_msg().is_empty() && !errno.err_msg().contains('%') {
            assert!(Errno::all_with_exact_message(errno.err_msg()).contains(&errno));
        }
        let digits = format!("{code:07}");
        assert_eq!(format!("{:02}", errno.category().code()), digits[0..2]);
        assert_eq!(format!("{:02}", errno.subcategory().code()), digits[2..4]);
        assert_eq!(format!("{:03}", errno.detail()), digits[4..7]);
    }
    assert_eq!(Errno::all().count(), 295);
    assert_eq!(Errno::COUNT, 295);
}

#[test]
fn texts_are_present_and_tidy() {
    for errno in Errno::all() {
        let en = errno.message_en();
        assert!(!errno.message_zh().is_empty(), "{errno:?}");
        assert_ne!(
            en, "Catalog row missing",
            "{errno:?} has no row in the slot table"
        );
        assert!(
            !en.is_empty() && !en.ends_with('.') && !en.contains("  "),
            "{errno:?}: {en:?}"
        );
        for phrase in ["Master", "Rice", "Meter", "Vest", "illegal", "Illegal"] {
            assert!(
                !en.contains(phrase),
                "{errno:?}: {en:?} reads like the machine translation"
            );
        }
        assert_eq!(en.trim(), en);
    }
    assert!(Errno::all().any(|e| e.message_en().contains("Midas")));
}

#[test]
fn upstream_spellings_are_kept_including_typos() {
    // Facts from the official errno page, as the reference table transcribes them.
    let expected = [
        (5, "time out"),
        (1001, "invalid request parameter"),
        (1006, "insert data failed"),
        (1020, "code already used"),
        (701103, "midas currency canel pay failed"),
        (701110, "midas order duplicated pperator"),
        (701115, "midas order alreay paid"),
        (1302002, "excced max concurrent fd limit"),
        (1300002, "no such file or directory"),
        (1300001, "Operation not permitted"),
        (1402101, "wxa login is blocked"),
        (1505026, "fail to connect wifi:time out"),
        (2004012, "the input tensor [%s] MUST have %s attribution"),
        (1500102, ""),
        (1509005, ""),
    ];
    for (code, err_msg) in expected {
        assert_eq!(
            Errno::from_code(code).map(Errno::err_msg),
            Some(err_msg),
            "{code}"
        );
    }
    let without = Errno::all().filter(|e| e.err_msg().is_empty()).count();
    assert_eq!(
        without, 12,
        "the reference README counts 12 codes without errMsg"
    );
}

#[test]
fn the_issue_examples_decode_into_digits() {
    let nfc = Errno::from_code(1504003).unwrap();
    assert_eq!(nfc, Errno::NfcSwitchOff);
    assert_eq!(nfc.category().code(), 15);
    assert_eq!(nfc.category().name_zh(), Some("设备"));
    assert_eq!(nfc.subcategory().code(), 4);
    assert_eq!(nfc.subcategory().name_en(), Some("NFC"));
    assert_eq!(nfc.detail(), 3);

    let server = AnyErrno::new(1000);
    assert_eq!(server, Errno::ServerSystemError);
    assert_eq!(
        (
            server.category().code(),
            server.subcategory().code(),
            server.detail()
        ),
        (0, 1, 0)
    );
    assert_eq!(server.subcategory().naming(), Naming::Unnamed);
    assert_eq!(server.subcategory().name_zh(), None);
}

#[test]
fn any_u32_decodes_without_panicking() {
    for raw in [
        0,
        1,
        99_999,
        100_000,
        9_999_999,
        10_000_000,
        u32::MAX - 1,
        u32::MAX,
    ] {
        let code = AnyErrno::new(raw);
        assert_eq!(code.raw(), raw);
        assert_eq!(
            u32::from(code.category().code()) * 100_000
                + u32::from(code.subcategory().code()) * 1000
                + u32::from(code.detail()),
            raw
        );
        let _ = code.to_string();
    }
    assert_eq!(Category::of(u32::MAX).naming(), Naming::Unnamed);
    assert_eq!(Category::of(u32::MAX).to_string(), "42949 (unnamed)");
    assert_eq!(Subcategory::of(u32::MAX).to_string(), "42949/67 (unnamed)");
}

#[test]
fn named_groups_match_the_official_list() {
    let named = [
        (6, 2, "发起请求"),
        (6, 6, "mDNS"),
        (7, 1, "支付默认二级类目"),
        (11, 7, "实时音视频"),
        (13, 2, "fd接口"),
        (14, 16, "视频号"),
        (15, 9, "低功耗蓝牙"),
        (15, 10, "蓝牙"),
        (20, 3, "vision kit"),
        (20, 4, "机器学习"),
    ];
    for (cat, sub, zh) in named {
        let s = Subcategory::of(cat * 100_000 + sub * 1000);
        assert_eq!(s.name_zh(), Some(zh));
        assert_eq!(s.naming(), Naming::Upstream);
    }
    for unnamed in [505_101, 1_103_002, 1_517_001, 2_000_000, 1_420_103] {
        assert_eq!(
            Subcategory::of(unnamed).naming(),
            Naming::Unnamed,
            "{unnamed}"
        );
        assert_eq!(Subcategory::of(unnamed).name_en(), None);
    }
    assert_eq!(Category::of(505_101).naming(), Naming::Unnamed);
    assert_eq!(Subcategory::of(102_101).naming(), Naming::FormerUpstream);
}

#[test]
fn actions_follow_what_the_codes_mean() {
    let expected = [
        (0, Action::Success),
        (1, Action::AskUser),
        (5, Action::Retry),
        (112, Action::FixConfig),
        (1003, Action::Backoff),
        (510001, Action::Backoff),
        (1021, Action::Refresh),
        (600002, Action::FixConfig),
        (600003, Action::Retry),
        (701115, Action::Reconcile),
        (700000, Action::Reconcile),
        // Global payment: an ended or interrupted payment may have taken the money.
        (703007, Action::Reconcile),
        (703011, Action::Reconcile),
        (703013, Action::Reconcile),
        (703002, Action::AskUser),
        (1500102, Action::AskUser),
        (1504003, Action::AskUser),
        (603101, Action::GiveUp),
        (101, Action::FixRequest),
    ];
    for (code, action) in expected {
        assert_eq!(
            Errno::from_code(code).map(Errno::action),
            Some(action),
            "{code}"
        );
    }
    // Success only for errno 0 and for a fail that reports the state the call was for as
    // already holding, which the legacy errCode tables also call success (-1 `already
    // connect`, 13021, 13022): the step must not depend on which of the two codes arrives.
    let successes: Vec<_> = Errno::all()
        .filter(|e| e.action() == Action::Success)
        .collect();
    assert_eq!(
        successes,
        [
            Errno::Ok,
            Errno::NfcDiscoveryAlreadyStarted,
            Errno::NfcTechAlreadyConnected,
            Errno::BleAlreadyConnected
        ]
    );
    for (errno, family, err_code) in [
        (
            Errno::BleAlreadyConnected,
            minierr::wx::legacy::Family::Bluetooth,
            -1,
        ),
        (
            Errno::NfcDiscoveryAlreadyStarted,
            minierr::wx::legacy::Family::NfcAdapter,
            13021,
        ),
        (
            Errno::NfcTechAlreadyConnected,
            minierr::wx::legacy::Family::NfcAdapter,
            13022,
        ),
    ] {
        let legacy = minierr::wx::legacy::Code::find(family, err_code);
        assert_eq!(
            legacy.map(|c| c.action()),
            Some(Some(errno.action())),
            "{errno:?}"
        );
    }
}

#[test]
fn err_msg_lookup_handles_shared_and_templated_messages() {
    assert_eq!(
        Errno::from_message("not init"),
        Some(Errno::BluetoothAdapterNotInitialized)
    );
    assert_eq!(
        Errno::all_with_exact_message("not same contractor"),
        [
            Errno::FinderNotSameContractor,
            Errno::WecomNotSameContractor
        ]
    );
    assert_eq!(Errno::from_message("not same contractor"), None);
    assert_eq!(
        Errno::from_message("data type [float16] for input tensor [x] is unsupported"),
        Some(Errno::UnsupportedInputTensorType)
    );
    assert_eq!(
        Errno::from_message("data type [float16] for output tensor [y] is unsupported"),
        Some(Errno::UnsupportedOutputTensorType)
    );
    assert_eq!(
        Errno::from_message("run session fail(-1)"),
        Some(Errno::RunSessionFailed)
    );
    assert_eq!(Errno::from_message("mdns resolve system error:abc"), None);
    assert_eq!(Errno::from_message(""), None);
}

#[test]
fn display_and_errors_read_well() {
    assert_eq!(
        Errno::Timeout.to_string(),
        "5 time out: The API call timed out"
    );
    assert_eq!(
        Errno::BluetoothAdapterNotAvailable.to_string(),
        "1500102: The Bluetooth adapter is not available"
    );
    assert_eq!(
        "15001020000".parse::<Errno>().unwrap_err().to_string(),
        "\"15001020000\" is not a WeChat errno: expected a decimal integer from 0 to 4294967295"
    );
    assert!(" 5".parse::<Errno>().is_err());
    assert!("-5".parse::<Errno>().is_err());
    assert_eq!(minierr::WxErrno::Timeout, Errno::Timeout);
}

#[test]
fn actions_parse_and_print() {
    for action in Action::all() {
        assert_eq!(action.as_str().parse::<Action>(), Ok(action));
        assert_eq!(action.to_string(), action.as_str());
        assert!(action.description().ends_with('.'));
    }
    let err = "later".parse::<Action>().unwrap_err();
    assert!(err.to_string().starts_with("unknown action \"later\""));
}
