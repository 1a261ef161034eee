//! The legacy per-API errCode catalog against an independent reading of the two reference
//! tables (`tests/fixtures/reference/wechat_jsapi_errcode_legacy.tsv` and `…_more.tsv`), and
//! `wx::Fail`'s resolution order: errno, then (family, errCode), then errMsg.

mod support;

use minierr::Action;
use minierr::wx::Errno;
use minierr::wx::legacy::{Code, Family};
#[cfg(feature = "serde")]
use minierr::wx::{Fail, ResolvedBy};

fn table(name: &str) -> Vec<Vec<String>> {
    let path = support::fixtures_dir().join("reference").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

/// The reference's family names, mapped here by hand rather than through minierr's table.
fn family(reference: &str) -> Family {
    match reference {
        "bluetooth" => Family::Bluetooth,
        "ibeacon" => Family::Beacon,
        "wifi" => Family::Wifi,
        "nfc_hce" => Family::NfcHce,
        "nfc_adapter" => Family::NfcAdapter,
        "wx.requestSubscribeMessage" => Family::SubscribeMessage,
        "wx.requestSubscribeDeviceMessage" => Family::SubscribeDeviceMessage,
        "wx.requestPayment" => Family::Payment,
        "wx.requestVirtualPayment" => Family::VirtualPayment,
        "wx.requestCommonPayment" => Family::CommonPayment,
        "getPhoneNumber (button open-type)" => Family::PhoneNumber,
        "privacy (any privacy-scoped API)" => Family::Privacy,
        "wx.authorize" => Family::Authorize,
        r if r.starts_with("scope APIs") => Family::Authorize,
        "wx.openSetting" => Family::OpenSetting,
        "wx.getUserProfile" => Family::UserProfile,
        "InnerAudioContext.onError" => Family::InnerAudio,
        "BackgroundAudioManager.onError" => Family::BackgroundAudio,
        "InterstitialAd / RewardedVideoAd onError" => Family::Ad,
        "InterstitialAd.show (rejected Promise)" => Family::AdShow,
        "live-pusher binderror" => Family::LivePusherError,
        "live-pusher bindstatechange" => Family::LivePusherState,
        "live-player bindstatechange" => Family::LivePlayerState,
        "wx.joinVoIPChat" => Family::VoipChat,
        "wx.join1v1Chat" => Family::OneOnOneChat,
        "wx.getGroupEnterInfo" => Family::GroupEnterInfo,
        "wx.getChannelsLiveInfo" => Family::ChannelsLiveInfo,
        "wx.navigateTo" => Family::NavigateTo,
        "wx.navigateToMiniProgram" => Family::NavigateToMiniProgram,
        "wx.showActionSheet" => Family::ActionSheet,
        "wx.startLocalServiceDiscovery" | "wx.stopLocalServiceDiscovery" => {
            Family::LocalServiceDiscovery
        }
        "wx.vibrateShort" => Family::Vibrate,
        "wx.weixinMiniProgramLogin (多端应用)" => Family::MultiEndLogin,
        "FileSystemManager (FileError, since 2023-04)" => Family::FileSystem,
        "FileSystemManager (legacy errMsg, until 2023-01)" => Family::FileSystem,
        other => panic!("a reference family this test does not know: {other:?}"),
    }
}

/// The catalog row for a reference row: by number where it has one, else the family's first
/// row not yet matched with the same Chinese text and message (wx.authorize and the scope APIs
/// document the same `auth deny`).
fn row_for(
    seen: &std::collections::BTreeSet<Code>,
    family: Family,
    err_code: &str,
    message: &str,
    zh: &str,
) -> Code {
    let number = err_code
        .strip_prefix("err_code=")
        .unwrap_or(err_code)
        .parse::<i64>()
        .ok();
    if let Some(n) = number {
        return Code::find(family, n).unwrap_or_else(|| panic!("{family:?} {n} is missing"));
    }
    let reason = message.rsplit(":fail").next().unwrap_or(message);
    let reason = reason.trim_start_matches(':').trim();
    let reason = reason.strip_prefix("fail ").unwrap_or(reason);
    let candidates: Vec<Code> = Code::all()
        .filter(|c| c.family() == family && c.message_zh() == zh && c.err_code().is_none())
        .filter(|c| !seen.contains(c))
        .filter(|c| {
            c.err_msg().is_empty()
                || c.err_msg()
                    .split("%s")
                    .next()
                    .is_some_and(|start| reason.starts_with(start))
        })
        .collect();
    match candidates.as_slice() {
        [first, ..] if candidates.iter().all(|c| c.err_msg() == first.err_msg()) => *first,
        _ => panic!("{family:?} {message:?}: {candidates:?}"),
    }
}

#[test]
fn every_reference_row_is_in_the_catalog() {
    let legacy = table("wechat_jsapi_errcode_legacy.tsv");
    let more = table("wechat_jsapi_errcode_more.tsv");
    assert_eq!((legacy.len(), more.len()), (61, 276));
    assert_eq!(Code::COUNT, 61 + 276, "one catalog row per reference row");
    let mut seen = std::collections::BTreeSet::new();
    for cells in &legacy {
        let code = row_for(&seen, family(&cells[0]), &cells[1], &cells[2], &cells[3]);
        assert_eq!(code.message_zh(), cells[3], "{cells:?}");
        if !cells[2].is_empty() && cells[2].is_ascii() {
            assert_eq!(code.err_msg(), cells[2], "errMsg byte for byte: {cells:?}");
        }
        assert!(seen.insert(code), "{code:?} answers two rows");
    }
    for cells in &more {
        let code = row_for(&seen, family(&cells[0]), &cells[1], &cells[2], &cells[3]);
        assert_eq!(code.message_zh(), cells[3], "{cells:?}");
        let errno: Option<u32> = cells[4].trim().parse().ok();
        assert_eq!(code.errno().map(Errno::code), errno, "{cells:?}");
        assert!(seen.insert(code), "{code:?} answers two rows");
    }
    assert_eq!(seen.len(), Code::COUNT);
}

#[test]
fn the_same_number_means_different_things_per_family() {
    let families = [
        Family::Bluetooth,
        Family::SubscribeMessage,
        Family::InnerAudio,
    ];
    let codes: Vec<Code> = families
        .iter()
        .map(|f| Code::find(*f, 10001).expect("10001 exists in each"))
        .collect();
    assert_eq!(
        codes.iter().map(|c| c.action()).collect::<Vec<_>>(),
        [Some(Action::AskUser), Some(Action::FixRequest), None]
    );
}

#[cfg(feature = "serde")]
#[test]
fn fail_resolves_errno_then_err_code_then_err_msg() {
    // errno answers first, even when errCode would say something else.
    let fail = Fail::new("openBluetoothAdapter:fail:not available")
        .with_err_code(10001)
        .with_errno(Errno::BluetoothAdapterNotInitialized);
    assert_eq!(fail.resolved_by(), Some(ResolvedBy::Errno));
    assert_eq!(
        fail.resolved_errno().and_then(|e| e.known()),
        Some(Errno::BluetoothAdapterNotInitialized)
    );
    // Without errno, (family, errCode): the README's example.
    let fail = Fail::new("openBluetoothAdapter:fail:not available").with_err_code(10001);
    assert_eq!(fail.resolved_by(), Some(ResolvedBy::ErrCode));
    assert_eq!(
        fail.resolved_errno().and_then(|e| e.known()),
        Some(Errno::BluetoothAdapterNotAvailable)
    );
    assert_eq!(fail.action(), Some(Action::AskUser));
    // A Wi-Fi code with no errno equivalent: known, with an action, and no errno.
    let fail = Fail::new("connectWifi:fail password error Wi-Fi").with_err_code(12002);
    assert_eq!(fail.resolved_errno(), None);
    assert_eq!(fail.legacy_code(), Some(Code::WifiWrongPassword));
    assert_eq!(fail.action(), Some(Action::AskUser));
    // An errCode whose API names no family is not read: 10001 alone means nothing.
    let fail = Fail::new("INNERERRCODE:-1, ERRMSG:未知错误").with_err_code(10001);
    assert_eq!((fail.legacy_code(), fail.action()), (None, None));
    // The errMsg last: a documented legacy message.
    let fail = Fail::new("requestSubscribeMessage:fail can only be invoked by user TAP gesture");
    assert_eq!(fail.resolved_by(), Some(ResolvedBy::ErrMsg));
    assert_eq!(fail.action(), Some(Action::FixRequest));
    // The file-system page's `permission denied, open ${filePath}`, with the path filled in and
    // with none (the runtime then ends the text with a space, which a log trims).
    for err_msg in [
        "readFile:fail permission denied, open wxfile://usr/a.txt",
        "readFile:fail permission denied, open ",
        "readFile:fail permission denied, open",
    ] {
        let fail = Fail::new(err_msg);
        assert_eq!(
            (fail.legacy_code(), fail.action()),
            (
                Some(Code::FileSystemLegacyPermissionDeniedOnOpen),
                Some(Action::FixRequest)
            ),
            "{err_msg:?}"
        );
    }
    // Only the argument may be missing, not the words before it.
    assert_eq!(
        Fail::new("readFile:fail permission denied, ope").legacy_code(),
        None
    );
}

#[cfg(feature = "json")]
#[test]
fn diagnosis_names_a_legacy_code_without_an_errno() {
    let d = minierr::decode_str(
        r#"{"errMsg":"requestSubscribeMessage:fail No template data return, verify the template id exist","errCode":20001}"#,
    )
    .expect("decodes");
    assert_eq!(d.code(), None, "no errno equivalent");
    assert!(d.is_known());
    assert_eq!(d.name(), Some("SubscribeMessageNoTemplateData"));
    assert_eq!(d.err_code(), Some(20001));
    assert_eq!(d.action(), Some(Action::FixConfig));
    let d = minierr::decode_str(
        r#"{"errMsg":"openBluetoothAdapter:fail:not available","errCode":10001}"#,
    )
    .expect("decodes");
    assert_eq!(d.code(), Some(minierr::RawCode::Number(1500102)));
    assert_eq!(d.name(), Some("BluetoothAdapterNotAvailable"));
    // The old payment shape: err_code, a number in a string, read in the payment family.
    let d = minierr::decode_str(
        r#"{"errMsg":"requestPayment:fail","err_code":"-1","err_desc":"x","code":"1"}"#,
    )
    .expect("decodes");
    assert_eq!(d.err_code(), Some(-1));
    assert_eq!(d.name(), Some("PaymentErrCodeMinus1"));
    // A text err_code names no row and is passed over.
    let d = minierr::decode_str(r#"{"errMsg":"requestPayment:fail","err_code":"FAIL"}"#)
        .expect("decodes");
    assert_eq!((d.err_code(), d.name()), (None, None));
}

/// A number that is both a legacy errCode and an errno (the file-system page's 7-digit codes,
/// common payment's 702xxx, the Channels pages' 1416xxx: rows whose note names the errno) is
/// one condition: the two catalogs give it one step, whichever field carried it. (Short legacy
/// codes that are errnos too by chance, an ad's 1000 or a live pusher's 1001, mean other things.)
#[test]
fn a_number_in_both_catalogs_has_one_step() {
    let mut shared = 0;
    for code in minierr::wx::legacy::Code::all() {
        let Some(number) = code.err_code() else {
            continue;
        };
        if !code.note().is_some_and(|n| n.contains("errno")) {
            continue;
        }
        let Some(errno) = u32::try_from(number)
            .ok()
            .and_then(minierr::wx::Errno::from_code)
        else {
            continue;
        };
        assert_eq!(
            code.action(),
            Some(errno.action()),
            "{number}: {code:?} and {errno:?}"
        );
        shared += 1;
    }
    assert!(shared >= 9, "only {shared} numbers are in both catalogs");
}
