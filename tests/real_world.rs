//! Every `wx` and `wx_cloud` entry of the real-world development set
//! (`tests/fixtures/reference/real-world/dev-payloads.jsonl`): what `minierr::decode` should
//! answer, justified from the thread or the platform's docs, never from minierr's output.
//!
//! The test prints its score and requires two things: at least 90 % of the entries whose source
//! establishes a meaning right (issue 12's bar), and no fewer right than the floor, which may
//! only rise. Every entry that carries no reason must stay unknown.
#![cfg(feature = "json")]

mod support;

use minierr::{Action, RawCode};

/// What a right answer is.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// This code (`Diagnosis::code`) and this action.
    Code(i64, Action),
    /// No code, but this action: a reason class, or a documented message without an errno.
    NoCode(Action),
    /// Neither a code nor an action: nothing in the payload says what happened.
    Unknown,
    /// The source does not establish a meaning (another runtime, no cause found); not scored.
    Unscored,
}

use Expect::*;

/// (line of the file, expectation, why). Lines 1-35 are `wx`, 36-50 `wx_cloud`.
const EXPECTED: &[(usize, Expect, &str)] = &[
    (
        1,
        Code(103, Action::AskUser),
        "`auth deny` is the legacy wording of the user's refusal (wx.authorize's page); errno 103 is `jsapi user authorize denied`",
    ),
    (
        2,
        Unscored,
        "uni-app App payment; the thread found no cause beyond reinstalling WeChat",
    ),
    (3, Unscored, "`invalid` alone, no cause in the thread"),
    (
        4,
        Unscored,
        "`canvas is empty` has no documented code and no cause in the thread (minierr's class canvas_not_drawn says FixRequest, from the API page)",
    ),
    (5, Unscored, "WeChat for PC; no cause in the thread"),
    (
        6,
        Unscored,
        "`canvasId do not exist` has no documented code and no cause in the thread (class canvas_not_drawn, from the API page)",
    ),
    (
        7,
        Code(603302, Action::Retry),
        "the errno page lists 603302 `file data is empty`; the reporter saw it on half the attempts",
    ),
    (
        8,
        Unscored,
        "`canvasId do not exist` has no documented code and no cause in the thread (class canvas_not_drawn, from the API page)",
    ),
    (
        9,
        Unknown,
        "`canvasToTempFilePath:fail` with no reason: nothing to go on",
    ),
    (
        10,
        Unscored,
        "uni-app App: a bare errCode 10016 and nothing else; no table of any runtime here has it, so no one could know (minierr refuses the object as fitting no platform)",
    ),
    (
        11,
        NoCode(Action::FixConfig),
        "Chromium -200 ERR_CERT_COMMON_NAME_INVALID: the server's certificate does not match its name",
    ),
    (
        12,
        NoCode(Action::Retry),
        "Chromium -118 ERR_CONNECTION_TIMED_OUT: a transient network failure",
    ),
    (
        13,
        NoCode(Action::FixConfig),
        "the thread's fix is declaring the API in requiredPrivateInfos, a configuration change",
    ),
    (
        14,
        Unscored,
        "`unknown scene`: the maintainer only says chooseImage is unmaintained",
    ),
    (
        15,
        NoCode(Action::FixRequest),
        "WeChat's argument-check template: title was undefined",
    ),
    (
        16,
        NoCode(Action::FixRequest),
        "navigateTo cannot open a tab-bar page (wx.navigateTo docs); switchTab can",
    ),
    (
        17,
        NoCode(Action::FixRequest),
        "the same misuse in the other spelling",
    ),
    (
        18,
        Unscored,
        "`abort` on an unnamed platform, intermittent, no cause found",
    ),
    (
        19,
        NoCode(Action::FixConfig),
        "wx.requestSubscribeMessage errCode 20001: the template id does not exist or is of the wrong type",
    ),
    (
        20,
        Unscored,
        "no documented code for `webSocket is not connected`",
    ),
    (
        21,
        Unscored,
        "uni-app H5: a JavaScript TypeError inside the errMsg template",
    ),
    (
        22,
        Unscored,
        "no documented code for `filetype not supported`",
    ),
    (
        23,
        Unknown,
        "errCode 10001 means Bluetooth, subscribe-message or audio failures by family, and this errMsg names no API",
    ),
    (
        24,
        Code(0, Action::Success),
        "`navigateToMiniProgram:ok`: the call succeeded",
    ),
    (
        25,
        NoCode(Action::FixRequest),
        "WeChat's argument-check template: SSID and password were undefined",
    ),
    (
        26,
        NoCode(Action::FixRequest),
        "requestSubscribeMessage must be called inside the tap handler (its page's errMsg list)",
    ),
    (
        27,
        Unscored,
        "`download image fail`: no cause in the thread",
    ),
    (
        28,
        Code(0, Action::Success),
        "uni-app App control: `downloadFile:ok` is errno 0's `ok`: the call succeeded, and the HTTP 400 is the app server's answer, which wx.downloadFile hands back in statusCode",
    ),
    (
        29,
        Unscored,
        "Taro on Alipay: a failure disguised as `request:ok`, which no decoder can see",
    ),
    (
        30,
        Unknown,
        "uni-app App on Android: errCode -5 `mediaError` has no api:fail form and no WeChat table",
    ),
    (31, Unscored, "`invalid` alone, no cause in the thread"),
    (
        32,
        Code(600002, Action::FixConfig),
        "errno 600002 `url not in domain list`, sent with a space after the colon",
    ),
    (
        33,
        Unknown,
        "the thread establishes the cause (a base64 data URI given as the src), but no table documents `file not found` for getImageInfo, and the file-system errnos are not an image API's: unknown is the right answer",
    ),
    (
        34,
        Unscored,
        "`download image fail`: iOS only, no cause found",
    ),
    (
        35,
        Code(600009, Action::FixRequest),
        "errno 600009 `invalid URL`, with the bad URL echoed after it; the URL was relative",
    ),
    (
        36,
        Code(-501000, Action::FixConfig),
        "Cloud -501000: the environment was not found",
    ),
    (
        37,
        Unknown,
        "the cause is established (a field value passed as the document _id), but neither the Cloud table nor its SDK's messages document `document with _id … does not exist`: unknown is the right answer",
    ),
    (
        38,
        Code(-502003, Action::FixConfig),
        "CloudBase's DATABASE_PERMISSION_DENIED is Cloud -502003's CloudBase code (the Cloud table's note); the security rules refused the query",
    ),
    (
        39,
        Code(-501009, Action::FixConfig),
        "Cloud -501009 `resource not initialized` (errMsg repeats it, typo `reource` included)",
    ),
    (
        40,
        Code(-1, Action::FixConfig),
        "Cloud -1 wraps `operateWXData:fail invalid scope`; the maintainer: the database environment was not initialised, a configuration step",
    ),
    (
        41,
        Code(-502005, Action::FixConfig),
        "Cloud -502005: the collection does not exist",
    ),
    (
        42,
        Code(-502005, Action::FixConfig),
        "the same, without the leading `Error: `",
    ),
    (
        43,
        Code(-404011, Action::FixConfig),
        "-404011 wraps service error -501005 (invalid env); the inner code decides",
    ),
    (
        44,
        Code(-501000, Action::FixConfig),
        "Cloud -501000: the cloud function was not deployed",
    ),
    (45, Unscored, "CloudBase web SDK, not a mini program"),
    (
        46,
        Code(-404011, Action::FixRequest),
        "-404011 wraps -504002, the function's own code threw: fix the function",
    ),
    (
        47,
        Code(-601034, Action::FixConfig),
        "Cloud -601034's text: cloud development is not enabled for the appid",
    ),
    (
        48,
        Unscored,
        "CloudBase manager SDK inside a cloud function, not the mini-program runtime",
    ),
    (49, Unscored, "plain Tencent Cloud SCF, not WeChat Cloud"),
    (
        50,
        Code(-501007, Action::FixRequest),
        "Cloud -501007: invalid request parameters (the maintainer: check the call's parameters)",
    ),
];

/// The score the current code reaches; raise it as issue 12's parts land. Lowering it means
/// something that worked no longer does.
const FLOOR: usize = 30;

fn answer(payload: &str) -> (Option<i64>, Option<Action>) {
    match minierr::decode_str(payload) {
        Ok(d) => {
            view_agrees_with_getters(&d);
            answer_of(&d)
        }
        // A payload that does not decode has no answer at all: it never counts as a right
        // `Unknown`.
        Err(_) => (Some(i64::MIN), None),
    }
}

/// `Diagnosis::view` computes in one pass what the getters compute one by one.
fn view_agrees_with_getters(d: &minierr::Diagnosis<'_>) {
    let v = d.view();
    assert_eq!(v.platform, d.platform());
    assert_eq!(v.api, d.api_name());
    assert_eq!(
        (v.code, v.sub_code, v.err_code),
        (d.code(), d.sub_code(), d.err_code())
    );
    assert_eq!((v.known, v.name), (d.is_known(), d.name()));
    assert_eq!((v.err_msg, v.reason), (d.message(), d.reason()));
    assert_eq!(
        (v.message_zh, v.message_en),
        (d.message_zh(), d.message_en())
    );
    assert_eq!((v.category, v.subcategory), (d.category(), d.subcategory()));
    assert_eq!((v.action, v.reason_class), (d.action(), d.reason_class()));
    assert_eq!(v.retry_hint, d.retry_hint());
}

fn answer_of(d: &minierr::Diagnosis<'_>) -> (Option<i64>, Option<Action>) {
    (
        match d.code() {
            Some(RawCode::Number(n)) => Some(n),
            Some(RawCode::Text(t)) => t.parse().ok(),
            None => None,
        },
        d.action(),
    )
}

#[test]
fn wechat_and_cloud_payloads_resolve_as_their_threads_explain() {
    let path = support::fixtures_dir().join("reference/real-world/dev-payloads.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut seen = 0;
    let (mut scored, mut right) = (0, 0);
    let mut misses = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let entry: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        if !matches!(entry["kind"].as_str(), Some("wx" | "wx_cloud")) {
            continue;
        }
        seen += 1;
        let number = index + 1;
        let &(_, expect, why) = EXPECTED
            .iter()
            .find(|(n, ..)| *n == number)
            .unwrap_or_else(|| panic!("line {number} has no expectation"));
        let payload = serde_json::to_string(&entry["payload"]).expect("re-serialises");
        let got = answer(&payload);
        let ok = match expect {
            Code(code, action) => got == (Some(code), Some(action)),
            NoCode(action) => got == (None, Some(action)),
            Unknown => got == (None, None),
            Unscored => continue,
        };
        scored += 1;
        if ok {
            right += 1;
        } else {
            misses.push(format!(
                "  line {number}: want {expect:?}, got {got:?} ({why})"
            ));
        }
        if matches!(expect, Unknown) {
            assert!(ok, "line {number} must stay unknown: {why}; got {got:?}");
        }
    }
    assert_eq!(
        seen,
        EXPECTED.len(),
        "every wx and wx_cloud entry has one expectation"
    );
    eprintln!(
        "real-world wx + wx_cloud: {right}/{scored} right ({:.0} %), {} not scored\n{}",
        100.0 * right as f64 / scored as f64,
        seen - scored,
        misses.join("\n")
    );
    assert!(
        right * 10 >= scored * 9,
        "{right}/{scored} right, below 90 %:\n{}",
        misses.join("\n")
    );
    assert!(
        right >= FLOOR,
        "{right}/{scored} right, below the floor of {FLOOR}:\n{}",
        misses.join("\n")
    );
}
