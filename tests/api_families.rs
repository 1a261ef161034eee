//! A reason recovers an errno only within the failing API's family: every catalog errMsg,
//! sent as the reason of an API from each section of the API reference, resolves to no code or
//! to a code of a category that API may report. The API→category pairs are written here from
//! the reference's sections and the errno page's category names, not read from minierr.
#![cfg(feature = "json")]

use minierr::wx::{Errno, Fail};

/// One API per family, with the errno categories it may report besides the general ones
/// (00 general, 01 base library, 05 unnamed argument checks).
const APIS: &[(&str, &[u32])] = &[
    ("readFile", &[13]),             // file: FileSystemManager.readFile
    ("openBluetoothAdapter", &[15]), // device/bluetooth
    ("connectWifi", &[15]),          // device/wifi
    ("request", &[6]),               // network/request
    ("downloadFile", &[6]),          // network/download
    ("chooseImage", &[11]),          // media/image
    ("requestPayment", &[7]),        // payment
    ("login", &[14]),                // open-api/login
    ("createVKSession", &[20]),      // ai/visionkit
    ("getLocation", &[]),            // location: no errno category of its own
    ("showToast", &[]),              // ui/interaction
];

const GENERAL: &[u32] = &[0, 1, 5];

#[test]
fn every_catalog_err_msg_resolves_only_within_the_failing_apis_family() {
    let mut resolved = 0;
    let mut refused = 0;
    for errno in Errno::ALL {
        let msg = errno.err_msg();
        if msg.is_empty() || msg.contains('%') {
            continue;
        }
        for (api, own) in APIS {
            let fail = Fail::new(format!("{api}:fail {msg}"));
            match fail.resolved_errno().and_then(|c| c.known()) {
                Some(found) => {
                    let category = found.code() / 100_000;
                    assert!(
                        GENERAL.contains(&category) || own.contains(&category),
                        "{api}:fail {msg} resolved to {found:?} (category {category:02})"
                    );
                    resolved += 1;
                }
                None => refused += 1,
            }
        }
    }
    // Both outcomes occur: the rule neither refuses everything nor accepts everything.
    assert!(resolved > 500, "{resolved} resolved");
    assert!(refused > 500, "{refused} refused");
}

#[test]
fn the_everyday_reasons_of_the_issue_are_no_longer_file_system_errors() {
    for (err_msg, want) in [
        ("getLocation:fail permission denied", None),
        ("chooseImage:fail permission denied", None),
        ("request:fail system error", None),
        // The file API itself still gets its documented code.
        (
            "readFile:fail permission denied",
            Some(Errno::FilePermissionDenied),
        ),
        (
            "access:fail permission denied",
            Some(Errno::FilePermissionDenied),
        ),
    ] {
        let fail = Fail::new(err_msg);
        assert_eq!(
            fail.resolved_errno().and_then(|c| c.known()),
            want,
            "{err_msg}"
        );
        if want.is_none() {
            assert_eq!(fail.action(), None, "{err_msg}");
        }
    }
}

/// Every legacy message, sent as the reason of an API from each family, gives no legacy code or
/// one of that API's own family (or of a family any API can raise: privacy, authorisation).
#[test]
fn every_legacy_message_resolves_only_within_the_failing_apis_family() {
    use minierr::wx::legacy::{Code, Family};
    let apis = [
        "openBluetoothAdapter",
        "connectWifi",
        "startBeaconDiscovery",
        "requestSubscribeMessage",
        "requestPayment",
        "getLocation",
        "readFile",
        "request",
        "showToast",
        "someApiNotInTheReference",
    ];
    let (mut resolved, mut refused) = (0, 0);
    for code in Code::all() {
        let msg = code.err_msg();
        if msg.is_empty() || msg.contains('%') {
            continue;
        }
        for api in apis {
            let fail = Fail::new(format!("{api}:fail {msg}"));
            match fail.legacy_code() {
                Some(found) => {
                    let own = Family::of_api(api);
                    assert!(
                        Some(found.family()) == own || found.family().is_any_api(),
                        "{api}:fail {msg} resolved to {found:?} of {:?}",
                        found.family()
                    );
                    resolved += 1;
                }
                None => refused += 1,
            }
        }
    }
    assert!(resolved > 50, "{resolved} resolved");
    assert!(refused > 500, "{refused} refused");
}
