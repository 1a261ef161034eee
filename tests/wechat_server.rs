//! The WeChat server errcode catalog against an independent reading of the reference table
//! (`tests/fixtures/reference/wechat_server_errcode.tsv`), and `wx::server::Response` against
//! real response bodies from public bug reports (`reference/real-world/dev-payloads.jsonl`).

mod support;

use std::collections::BTreeMap;

use minierr::Action;
#[cfg(feature = "json")]
use minierr::wx::server::Response;
use minierr::wx::server::{Errcode, Reliability};

/// One reference row, read with nothing but `split('\t')`.
struct Row {
    code: i64,
    errmsg: String,
    zh: String,
    apis: String,
    reliability: String,
}

fn reference() -> Vec<Row> {
    support::reference(
        "wechat_server_errcode.tsv",
        &["errcode", "errmsg_en", "zh", "apis", "reliability"],
        |c| Row {
            code: c[0].parse().expect("an integer code"),
            errmsg: c[1].trim().to_owned(),
            zh: c[2].trim().to_owned(),
            apis: c[3].trim().to_owned(),
            reliability: c[4].to_owned(),
        },
    )
}

#[test]
fn every_reference_code_is_in_the_catalog_and_nothing_else() {
    let rows = reference();
    assert_eq!(rows.len(), 931, "the reference has 931 rows");
    let codes: std::collections::BTreeSet<i64> = rows.iter().map(|r| r.code).collect();
    assert_eq!(codes.len(), 927, "for 927 codes");
    let open: std::collections::BTreeSet<i64> = open_reference().iter().map(|r| r.code).collect();
    assert_eq!(open.len(), 1037, "the open platform's codes");
    assert!(
        codes.is_disjoint(&open),
        "the open table lists only codes the server's lacks"
    );
    // Virtual payment's codes (268490xxx), sourced apart from both tables.
    let xpay: std::collections::BTreeSet<i64> = Errcode::all()
        .filter(|c| c.apis().starts_with("xpay"))
        .map(Errcode::code)
        .collect();
    assert_eq!(
        xpay.len(),
        22,
        "268490001-268490024 less the two the page skips"
    );
    assert!(xpay.iter().all(|c| (268_490_001..=268_490_024).contains(c)));
    let catalog: std::collections::BTreeSet<i64> = Errcode::all().map(Errcode::code).collect();
    let expected: std::collections::BTreeSet<i64> = codes.union(&open).copied().collect();
    assert_eq!(catalog, expected.union(&xpay).copied().collect());
    for code in &codes {
        let errcode = Errcode::from_code(*code).expect("listed");
        assert_eq!(Errcode::try_from(*code), Ok(errcode));
        assert_eq!(
            minierr::wx::server::AnyErrcode::new(*code).known(),
            Some(errcode)
        );
    }
}

/// One open-platform reference row, read with nothing but `split('\t')`.
struct OpenRow {
    code: i64,
    errmsg: String,
    zh: String,
    reliability: String,
}

fn open_reference() -> Vec<OpenRow> {
    support::reference(
        "wechat_open_errcode.tsv",
        &["code", "errmsg_en", "message_zh", "reliability"],
        |c| OpenRow {
            code: c[0].parse().expect("an integer code"),
            errmsg: c[1].to_owned(),
            zh: c[2].to_owned(),
            reliability: c[3].to_owned(),
        },
    )
}

#[test]
fn open_platform_rows_join_the_catalog_as_written() {
    let rows = open_reference();
    assert_eq!(rows.len(), 1037);
    let mut errmsg_codes: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for row in &rows {
        let errcode = Errcode::from_code(row.code).expect("listed");
        // Misspellings (`exsits`, `sysem error`) are kept byte for byte.
        assert_eq!(errcode.errmsg(), row.errmsg, "{}", row.code);
        assert_eq!(errcode.message_zh(), row.zh, "{}", row.code);
        assert_eq!(
            format!("{:?}", errcode.reliability()).to_lowercase(),
            row.reliability,
            "{}",
            row.code
        );
        assert!(!errcode.message_en().is_empty(), "{} has English", row.code);
        if !row.errmsg.is_empty() {
            errmsg_codes.entry(&row.errmsg).or_default().push(row.code);
        }
    }
    // An errmsg shared by several codes never picks one of them by itself.
    let shared: Vec<(&&str, &Vec<i64>)> = errmsg_codes
        .iter()
        .filter(|(_, codes)| codes.len() > 1)
        .collect();
    // 15 errmsgs of the open table name two codes or more (23 with the server table's).
    assert_eq!(shared.len(), 15, "shared errmsgs");
    for (errmsg, codes) in shared {
        assert_eq!(
            Errcode::from_message(errmsg),
            None,
            "{errmsg:?} names {codes:?}"
        );
        let all: Vec<i64> = Errcode::all_with_message(errmsg)
            .iter()
            .map(|c| c.code())
            .collect();
        for code in codes {
            assert!(
                all.contains(code),
                "{errmsg:?}: {code} missing from {all:?}"
            );
        }
    }
}

#[test]
fn chinese_errmsg_and_reliability_follow_the_reference_byte_for_byte() {
    let mut first: BTreeMap<i64, &Row> = BTreeMap::new();
    let rows = reference();
    for row in &rows {
        first.entry(row.code).or_insert(row);
    }
    let mut with_errmsg = 0;
    for (code, row) in first {
        let errcode = Errcode::from_code(code).expect("listed");
        assert_eq!(errcode.message_zh(), row.zh, "{code}");
        // The reference writes 40164's placeholder as {ip}; the catalog as %s.
        assert_eq!(errcode.errmsg(), row.errmsg.replace("{ip}", "%s"), "{code}");
        with_errmsg += usize::from(!row.errmsg.is_empty());
        let reliability = match row.reliability.as_str() {
            "official" => Reliability::Official,
            "secondary" => Reliability::Secondary,
            "tertiary" => Reliability::Tertiary,
            other => panic!("{code}: reliability {other:?}"),
        };
        assert_eq!(errcode.reliability(), reliability, "{code}");
        assert_eq!(errcode.apis(), row.apis, "{code}");
        assert!(!errcode.message_en().is_empty(), "{code} has English");
    }
    assert_eq!(
        with_errmsg, 739,
        "743 rows show an English errmsg; four of them are a code's second row"
    );
    let server: std::collections::BTreeSet<i64> = rows.iter().map(|r| r.code).collect();
    // (The catalog also holds the open platform's and virtual payment's codes; counted apart.)
    let count = |r: Reliability| {
        Errcode::all()
            .filter(|c| server.contains(&c.code()) && c.reliability() == r)
            .count()
    };
    assert_eq!(
        (
            count(Reliability::Official),
            count(Reliability::Secondary),
            count(Reliability::Tertiary)
        ),
        (210, 651, 66),
        "by code's main row; the reference's 214/651/66 count rows, and four codes have two"
    );
}

#[test]
fn codes_with_two_reference_rows_have_per_api_meanings() {
    let rows = reference();
    let mut by_code: BTreeMap<i64, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        by_code.entry(row.code).or_default().push(row);
    }
    let twice: Vec<i64> = by_code
        .iter()
        .filter(|(_, r)| r.len() == 2)
        .map(|(c, _)| *c)
        .collect();
    assert_eq!(twice, [40002, 40013, 43104, 61010]);
    for code in twice {
        let second = by_code[&code][1];
        let errcode = Errcode::from_code(code).expect("listed");
        // Every API the second row names gets the second row's meaning.
        for api in second.apis.split(';').map(str::trim) {
            let meaning = errcode.meaning_for(api);
            assert!(meaning.is_api_specific(), "{code} on {api}");
            assert_eq!(meaning.message_zh(), second.zh, "{code} on {api}");
        }
        let main = errcode.meaning_for("someOtherApi");
        assert!(!main.is_api_specific());
        assert_eq!(main.message_zh(), by_code[&code][0].zh);
    }
    // The issue's example: 40001 is a wrong AppSecret at getAccessToken, a stale token elsewhere.
    assert_eq!(
        Errcode::InvalidCredential.action_for("getAccessToken"),
        Action::FixConfig
    );
    assert_eq!(
        Errcode::InvalidCredential.action_for("getPhoneNumber"),
        Action::Refresh
    );
    assert_eq!(
        Errcode::AppidNoPermission.action_for("msgSecCheck"),
        Action::FixRequest
    );
    assert_eq!(
        Errcode::ComponentCodeExpired.action_for("getUserRiskRank"),
        Action::AskUser
    );
}

/// An expired or invalid component ticket is renewed first: WeChat pushes a new one every ten
/// minutes, and the caller must send the newest (binarywang/WxJava#2870 for 61005, a stale
/// cache; binarywang/WxJava#2626 for 61006, an error that came and went while pushes
/// arrived). The reference infers configuration for both.
#[cfg(feature = "json")]
#[test]
fn an_expired_or_invalid_component_ticket_is_refreshed() {
    let lines = [
        (
            r#"【错误信息】：错误代码：61005, 错误信息：ticket 已过期，微信原始报文：{"errcode":61005,"errmsg":"component ticket is expired rid: 6361c31b-4102c873-4f4c3823"}"#,
            "ComponentTicketExpired",
        ),
        (
            "微信Post请求发生错误！错误代码：61006，说明：component ticket is invalid hint",
            "ComponentTicketInvalid",
        ),
    ];
    for (line, name) in lines {
        let (_, d) = minierr::line::decode_line(line, &minierr::DecodeOptions::new())
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(
            (d.name(), d.action()),
            (Some(name), Some(Action::Refresh)),
            "{line}"
        );
    }
}

#[test]
fn actions_and_hints_the_issue_names() {
    use minierr::RetryHint;
    use std::time::Duration;
    let cases: [(i64, Action); 11] = [
        (40014, Action::Refresh),
        (42001, Action::Refresh),
        (40029, Action::Refresh),
        (40163, Action::Refresh),
        (45011, Action::Backoff),
        (45009, Action::Backoff),
        (40164, Action::FixConfig),
        (43101, Action::AskUser),
        (87014, Action::GiveUp),
        (-1, Action::Retry),
        (0, Action::Success),
    ];
    for (code, action) in cases {
        assert_eq!(
            Errcode::from_code(code).map(Errcode::action),
            Some(action),
            "{code}"
        );
    }
    assert_eq!(
        Errcode::MinuteQuotaReached.retry_hint(),
        Some(RetryHint::After(Duration::from_secs(60)))
    );
    assert_eq!(
        Errcode::DailyQuotaReached.retry_hint(),
        Some(RetryHint::NextDay {
            utc_offset_seconds: 8 * 3600
        })
    );
}

/// What each real body must resolve to: the code, the reason without suffixes, the rid, and
/// the action, with the reason from the thread or the docs.
/// errmsg as sent, errcode, reason, rid, action, why.
#[cfg(feature = "json")]
type Expected = (
    &'static str,
    i64,
    &'static str,
    Option<&'static str>,
    Action,
    &'static str,
);

#[cfg(feature = "json")]
const REAL_BODIES: &[Expected] = &[
    (
        "user refuse to accept the msg rid: 693398e6-48ac74fd-2c498819",
        43101,
        "user refuse to accept the msg",
        Some("693398e6-48ac74fd-2c498819"),
        Action::AskUser,
        "the user has not subscribed: ask again through the subscribe dialog",
    ),
    (
        "user refuse to accept the msg rid: 69f4dcf3-576e8662-5d934a42",
        43101,
        "user refuse to accept the msg",
        Some("69f4dcf3-576e8662-5d934a42"),
        Action::AskUser,
        "same as above",
    ),
    (
        "user limited rid: 69ccd8cf-16c138bf-069f3aab",
        50002,
        "user limited",
        Some("69ccd8cf-16c138bf-069f3aab"),
        Action::GiveUp,
        "the user's account is frozen or closed",
    ),
    (
        "user limited rid: 69fb1b92-6a1d61b0-391336fc",
        50002,
        "user limited",
        Some("69fb1b92-6a1d61b0-391336fc"),
        Action::GiveUp,
        "same as above",
    ),
    (
        "invalid code, hints: [ req_id: N37KMa0605th21 ]",
        40029,
        "invalid code",
        None,
        Action::Refresh,
        "a login code is single-use: get a fresh one from wx.login",
    ),
    (
        "invalid code, hints: [ req_id: UdICunNre-o_pNZa ]",
        40029,
        "invalid code",
        None,
        Action::Refresh,
        "the thread suspects a code submitted twice: a fresh code is needed",
    ),
    (
        "invalid code, hints: [ req_id: AwanVA0259s113 ]",
        40029,
        "invalid code",
        None,
        Action::Refresh,
        "app login code rejected: log in again for a new code",
    ),
    (
        "code been used, hints: [ req_id: AijFoqaLRa-pTFm4 ]",
        40163,
        "code been used",
        None,
        Action::Refresh,
        "the code was already exchanged: a fresh one is needed",
    ),
    (
        "code been used, hints: [ req_id: KfIawqLnRa-8oQBOA ]",
        40163,
        "code been used",
        None,
        Action::Refresh,
        "cause: the same js_code was sent twice",
    ),
    (
        "missing code, hints: [ req_id: jCbezQaLRa-yh_Wxa ]",
        41008,
        "missing code",
        None,
        Action::FixRequest,
        "the request carried no code: a caller bug",
    ),
    (
        "missing code, hints: [ req_id: rIeeP34ce-LwrB3 ]",
        41008,
        "missing code",
        None,
        Action::FixRequest,
        "same as above",
    ),
    (
        "missing code, hints: [ req_id: MaFBta0998uth7 ]",
        41008,
        "missing code",
        None,
        Action::FixRequest,
        "same as above",
    ),
    (
        "code been used, hints: [ req_id: y2uBqA0005th14 ]",
        40163,
        "code been used",
        None,
        Action::Refresh,
        "a replayed callback reused the code",
    ),
    (
        "invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 697832c4-31bfe4c2-64edb600",
        40001,
        "invalid credential, access_token is invalid or not latest",
        Some("697832c4-31bfe4c2-64edb600"),
        Action::Refresh,
        "another environment refreshed the token: fetch a new one",
    ),
    (
        "invalid credential, access_token is invalid or not latest, hints: [ req_id: hDexla0781ns89 ]",
        40001,
        "invalid credential, access_token is invalid or not latest",
        None,
        Action::Refresh,
        "stale access token",
    ),
    (
        "invalid credential, access_token is invalid or not latest, hints: [ req_id: qZqAlA04072350 ]",
        40001,
        "invalid credential, access_token is invalid or not latest",
        None,
        Action::Refresh,
        "stale access token",
    ),
    (
        "user refuse to accept the msg hint: [dRLzgA04114106]",
        43101,
        "user refuse to accept the msg",
        None,
        Action::AskUser,
        "the user had not, or no longer, subscribed",
    ),
    (
        "invalid args rid: 65b0d6c1-3504e8dd-732b509c",
        40097,
        "invalid args",
        Some("65b0d6c1-3504e8dd-732b509c"),
        Action::FixRequest,
        "bad parameters to getwxacodeunlimit",
    ),
    (
        "data format error hint: [JgToTA03064530]",
        47001,
        "data format error",
        None,
        Action::FixRequest,
        "the SDK posted a malformed body",
    ),
    (
        "api unauthorized hint: [IbQ_30271vr53!]",
        48001,
        "api unauthorized",
        None,
        Action::FixConfig,
        "the account lacks the API permission",
    ),
    (
        "invalid openid rid: 61b9947b-4eeffea7-4f08b7a6",
        40003,
        "invalid openid",
        Some("61b9947b-4eeffea7-4f08b7a6"),
        Action::FixRequest,
        "an openid of another appid or a typo",
    ),
    (
        "appid missing, rid: 67d92213-3415dc90-0e7f5926",
        41002,
        "appid missing",
        Some("67d92213-3415dc90-0e7f5926"),
        Action::FixRequest,
        "appid was not sent as a query parameter",
    ),
    (
        "appid missing rid: 5f368647-37f5f5fd-763fff09",
        41002,
        "appid missing",
        Some("5f368647-37f5f5fd-763fff09"),
        Action::FixRequest,
        "an SDK regression dropped the appid",
    ),
    (
        "empty post data rid: 6959cf51-52cdc687-3f68d99a",
        44002,
        "empty post data",
        Some("6959cf51-52cdc687-3f68d99a"),
        Action::FixRequest,
        "the SDK sent the request without a body",
    ),
    (
        "user not agree mass-send protocol",
        48003,
        "user not agree mass-send protocol",
        None,
        Action::FixConfig,
        "the administrator must accept the mass-send protocol",
    ),
    (
        "access_token expired",
        42001,
        "access_token expired",
        None,
        Action::Refresh,
        "renew the access token",
    ),
    (
        "invalid code, hints: [ req_id: EJEBB5yFe-bavp_ ]",
        40029,
        "invalid code",
        None,
        Action::Refresh,
        "first exchange of an app login code",
    ),
    (
        "code been used, hints: [ req_id: EJEBzzyFe-k3K5jA ]",
        40163,
        "code been used",
        None,
        Action::Refresh,
        "the same code exchanged a second time",
    ),
    (
        "invalid code hint: [hElexSDNRa-XiBFgA] rid: 632d16be-15ad5486-1e378de4",
        40029,
        "invalid code",
        Some("632d16be-15ad5486-1e378de4"),
        Action::Refresh,
        "a phone-number code rejected: the front end must get a new one",
    ),
];

#[cfg(feature = "json")]
#[test]
fn real_response_bodies_resolve_as_their_threads_explain() {
    let path = support::fixtures_dir().join("reference/real-world/dev-payloads.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut checked = 0;
    let mut right = 0;
    for line in text.lines() {
        let entry: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let payload = &entry["payload"];
        if entry["kind"] != "wx_server" || payload.get("errcode").is_none() {
            continue;
        }
        let body = serde_json::to_string(payload).expect("re-serialises");
        let errmsg = payload["errmsg"].as_str().expect("an errmsg");
        let &(_, code, reason, rid, action, why) = REAL_BODIES
            .iter()
            .find(|(m, ..)| *m == errmsg)
            .unwrap_or_else(|| panic!("no expectation for {errmsg:?}"));
        let response = Response::from_json_str(&body).expect("decodes");
        let diagnosis = minierr::decode_str(&body).expect("decode recognises it");
        assert_eq!(diagnosis.platform(), minierr::Platform::WechatServer);
        let got = (
            response.errcode().raw(),
            response.reason(),
            response.rid(),
            response.action(),
        );
        checked += 1;
        if got == (code, reason, rid, Some(action)) && diagnosis.action() == Some(action) {
            right += 1;
        } else {
            eprintln!(
                "WRONG {errmsg:?}: got {got:?}, want ({code}, {reason:?}, {rid:?}, {action:?}): {why}"
            );
        }
    }
    eprintln!("wx_server real bodies: {right}/{checked} right");
    assert_eq!(checked, REAL_BODIES.len(), "every expectation met its body");
    assert_eq!(right, checked);
}

/// A number's own documented errmsg never contradicts it: every errmsg of the reference tables
/// (the server table's and the open platform's), as transcribed, is its code's.
#[test]
fn documented_errmsgs_agree_with_their_codes() {
    let server = reference().into_iter().map(|r| (r.code, r.errmsg));
    let open = open_reference().into_iter().map(|r| (r.code, r.errmsg));
    let mut checked = 0;
    for (code, errmsg) in server.chain(open).filter(|(_, e)| !e.trim().is_empty()) {
        let errcode =
            Errcode::from_code(code).unwrap_or_else(|| panic!("{code} is in the catalog"));
        assert!(
            !errcode.errmsg_contradicts(&errmsg),
            "{code}'s own errmsg {errmsg:?} reads as another's"
        );
        checked += 1;
    }
    assert!(checked > 1500, "only {checked} errmsgs were checked");
}

/// Other services answer in the same `{errcode, errmsg}` shape with numbers WeChat's catalog
/// also has. An errmsg that is not the code's keeps the number and names nothing.
#[cfg(feature = "json")]
#[test]
fn another_services_number_in_the_same_shape_names_nothing() {
    let cases = [
        // ByteDance's login (code2session) answers: bad parameters and a bad appid. WeChat's
        // 40014 is an invalid access_token (Refresh), its 40015 an invalid menu type.
        r#"{"errcode":40014,"errmsg":"bad params"}"#,
        r#"{"errcode":40015,"errmsg":"bad appid"}"#,
        // A WeCom answer without WeCom's marks: WeChat's 40013 is `invalid appid`.
        r#"{"errcode":40013,"errmsg":"invalid corpid"}"#,
        // A wrapper's 0 beside the errmsg WeChat documents for 42001 (and not for 0, whose
        // errmsg is `ok`): no success.
        r#"{"errcode":0,"errmsg":"access_token expired rid: 6576d1a8-1b2c3d4e-5f6a7b8c"}"#,
    ];
    for body in cases {
        let d = minierr::decode_str(body).expect("a body in WeChat's shape");
        let view = d.view();
        let sent: serde_json::Value = serde_json::from_str(body).expect("JSON");
        assert_eq!(d.platform(), minierr::Platform::WechatServer, "{body}");
        assert_eq!(
            d.code(),
            Some(minierr::RawCode::Number(
                sent["errcode"].as_i64().expect("a number")
            )),
            "{body}: the number is kept"
        );
        assert_eq!(
            (d.name(), d.action(), d.retry_hint()),
            (None, None, None),
            "{body}"
        );
        assert_eq!(
            (view.name, view.action, view.known),
            (None, None, false),
            "{body}"
        );
        assert_eq!(
            view.unnamed_because(),
            Some("(the errmsg is not this code's)")
        );
    }
    // Success is worded freely: words no code documents leave 0 its success.
    for body in [
        r#"{"errcode":0,"errmsg":"ok"}"#,
        r#"{"errcode":0,"errmsg":"success"}"#,
        r#"{"errcode":0,"errmsg":"OK."}"#,
        r#"{"errcode":0,"errmsg":""}"#,
    ] {
        let d = minierr::decode_str(body).expect("a body in WeChat's shape");
        assert_eq!(d.action(), Some(Action::Success), "{body}");
    }
    // WeChat's reading refused, WeCom's of the same meaning is not given: the errmsg is
    // WeCom's no more than WeChat's, and would bring back the step refused.
    let other = minierr::decode_str(r#"{"errcode":40014,"errmsg":"bad params"}"#).expect("decodes");
    assert_eq!(other.wecom_reading(), None);
    // WeChat's own errmsgs, shortened or with the caller's IP and a hint, keep their code, and
    // so does an SDK's Chinese text in their place (WxJava's `toString`).
    for (body, action) in [
        ("错误代码：40029, 错误信息：code 无效", Action::Refresh),
        // WxJava's 48010 text, whose start the table's errmsg cell lacks (an alias).
        (
            "错误代码：48010, 错误信息：forbid to modify the material，  please see more information on mp.weixin.qq.com",
            Action::FixConfig,
        ),
        (
            r#"{"errcode":40001,"errmsg":"invalid credential"}"#,
            Action::Refresh,
        ),
        (
            r#"{"errcode":40164,"errmsg":"invalid ip 119.23.XXX.XXX, not in whitelist hint: [x0W0849XXXX]"}"#,
            Action::FixConfig,
        ),
        (
            r#"{"errcode":45009,"errmsg":"api freq out of limit"}"#,
            Action::Backoff,
        ),
    ] {
        let options = minierr::DecodeOptions::new();
        let (_, d) = minierr::line::decode_line(body, &options).expect("a WeChat body");
        assert_eq!(d.action(), Some(action), "{body}");
    }
}
