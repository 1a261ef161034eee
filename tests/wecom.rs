//! The WeCom catalog against an independent reading of the reference table
//! (`tests/fixtures/reference/wecom_errcode.tsv`), and telling WeCom bodies from WeChat's.

mod support;

use minierr::Action;
use minierr::wecom::{Errcode, WechatNumber};

/// One reference row, read with nothing but `split('\t')`.
struct Row {
    code: i64,
    zh: String,
    reliability: String,
    same: String,
}

fn reference() -> Vec<Row> {
    support::reference(
        "wecom_errcode.tsv",
        &["code", "message_zh", "reliability", "same_number_in_wechat"],
        |c| Row {
            code: c[0].parse().expect("an integer code"),
            zh: c[1].to_owned(),
            reliability: c[2].to_owned(),
            same: c[3].to_owned(),
        },
    )
}

#[test]
fn every_reference_row_is_in_the_catalog_as_written() {
    let rows = reference();
    assert_eq!(rows.len(), 1256);
    assert_eq!(Errcode::COUNT, rows.len(), "and nothing else");
    let mut different = 0;
    for row in &rows {
        let code = Errcode::from_code(row.code).unwrap_or_else(|| panic!("{} missing", row.code));
        assert_eq!(code.message_zh(), row.zh, "{}", row.code);
        assert_eq!(
            format!("{:?}", code.reliability()).to_lowercase(),
            row.reliability,
            "{}",
            row.code
        );
        let wechat = match row.same.as_str() {
            "same" => WechatNumber::Same,
            "different" => WechatNumber::Different,
            "absent" => WechatNumber::Absent,
            other => panic!("{}: {other:?}", row.code),
        };
        assert_eq!(code.wechat(), wechat, "{}", row.code);
        assert!(!code.message_en().is_empty(), "{} has English", row.code);
        different += usize::from(wechat == WechatNumber::Different);
    }
    assert_eq!(different, 125, "the reference's count");
}

/// A number that means the same in both takes WeChat's reviewed step.
#[test]
fn a_shared_meaning_shares_its_step() {
    let mut checked = 0;
    for code in Errcode::all().filter(|c| c.wechat() == WechatNumber::Same) {
        let Some(wechat) = minierr::wx::server::Errcode::from_code(code.code()) else {
            continue;
        };
        assert_eq!(code.action(), wechat.action(), "{}", code.code());
        assert!(!code.is_step_by_rule());
        checked += 1;
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn the_issues_example_40001_is_a_secret_here_and_a_token_there() {
    let wecom = Errcode::from_code(40001).expect("listed");
    assert_eq!(wecom.action(), Action::FixConfig);
    assert_eq!(wecom.wechat(), WechatNumber::Different);
    assert_eq!(
        minierr::wx::server::Errcode::from_code(40001).map(|c| c.action_for("getPhoneNumber")),
        Some(Action::Refresh)
    );
}

#[cfg(feature = "json")]
#[test]
fn a_body_is_wecom_when_it_says_so() {
    use minierr::{Platform, decode_str};
    // WeCom's errmsg names its own help page and the caller's IP.
    let wecom = decode_str(
        r#"{"errcode":40001,"errmsg":"invalid secret, hint: [1651212345_12_abc], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=40001"}"#,
    )
    .expect("decodes");
    assert_eq!(wecom.platform(), Platform::Wecom);
    assert_eq!(wecom.action(), Some(Action::FixConfig));
    assert_eq!(wecom.reason(), Some("invalid secret"));
    // Without those marks the body stays WeChat's, and the diagnosis says what WeCom would mean.
    let bare = decode_str(r#"{"errcode":40001,"errmsg":"invalid credential"}"#).expect("decodes");
    assert_eq!(bare.platform(), Platform::WechatServer);
    assert_eq!(
        bare.wecom_reading().map(Errcode::action),
        Some(Action::FixConfig)
    );
    // WeCom's own number (a user id WeCom does not know), marked: known, not "unknown".
    let own = decode_str(
        r#"{"errcode":60111,"errmsg":"invalid userid, more info at https://open.work.weixin.qq.com/devtool/query?e=60111"}"#,
    )
    .expect("decodes");
    assert_eq!(own.platform(), Platform::Wecom);
    assert!(own.is_known());
    // The same number unmarked stays a WeChat server body WeChat does not know, and says so.
    let unmarked = decode_str(r#"{"errcode":60111,"errmsg":"invalid userid"}"#).expect("decodes");
    assert_eq!(unmarked.platform(), Platform::WechatServer);
    assert_eq!(unmarked.action(), None);
    assert_eq!(unmarked.wecom_reading().map(Errcode::code), Some(60111));
    // A body that lost its errcode still names it in the link WeCom ends the errmsg with.
    let linked = decode_str(
        r#"{"errmsg":"invalid access_token, hint: [1683], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=40014"}"#,
    )
    .expect("decodes");
    assert_eq!(linked.platform(), Platform::Wecom);
    assert_eq!(linked.action(), Some(Action::Refresh));
    // WeCom's hint forms mark its errmsg too: the older one (an unknown secret behind a 40001,
    // sbzhu/weworkapi_python#16, WeCom's own Python SDK), and today's, 25 digits starting with
    // the time in milliseconds. There 40001 is a wrong secret to fix, not a token to renew.
    for body in [
        r#"{"errcode":40001,"errmsg":"invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]"}"#,
        r#"{"errcode":40001,"errmsg":"invalid credential, hint: [1774874288192271556616295]"}"#,
    ] {
        let hinted = decode_str(body).expect("decodes");
        assert_eq!(
            (hinted.platform(), hinted.action()),
            (Platform::Wecom, Some(Action::FixConfig)),
            "{body}"
        );
    }
    // WecomTeam/wecom-cli#15 printed today's hint with no `from ip:` or link (`[93019] invalid
    // bot_id, hint: […]`): WeChat's 93019 (a category for nearby places) is no reading of it.
    let (_, bot) = minierr::line::decode_line(
        "Error: 获取 MCP 配置失败：[93019] invalid bot_id, hint: [1774874288192271556616295]",
        &minierr::DecodeOptions::new(),
    )
    .expect("decodes");
    assert_eq!(
        (bot.platform(), bot.name(), bot.action()),
        (Platform::Wecom, None, None)
    );
    // `userid:` is no rid; a WeChat `rid:` (with or without its space) keeps a body WeChat's;
    // a hint one digit short is still no WeChat hint.
    let (_, user) = minierr::line::decode_line(
        r#"{"errcode":60111,"errmsg":"invalid userid: zhangsan, hint: [1774874288192271556616295]"}"#,
        &minierr::DecodeOptions::new(),
    )
    .expect("decodes");
    assert_eq!(
        (user.platform(), user.action()),
        (Platform::Wecom, Some(Action::FixRequest))
    );
    let ridded = decode_str(
        r#"{"errcode":40001,"errmsg":"invalid credential, hint: [1774874288192271556616295] rid:601baa04-348de44a-4e7042bc"}"#,
    )
    .expect("decodes");
    assert_eq!(ridded.platform(), Platform::WechatServer);
    assert!(minierr::wecom::is_wecom_errmsg(
        "invalid bot_id, hint: [177487428819227155661629]"
    ));
    for errmsg in [
        // Too short, too long, not a time, not all digits.
        "invalid credential, hint: [1774874288192271556]",
        "invalid credential, hint: [17748742881922715566162951234567]",
        "invalid credential, hint: [2774874288192271556616295]",
        "invalid credential, hint: [177487428819227155661629x]",
    ] {
        assert!(!minierr::wecom::is_wecom_errmsg(errmsg), "{errmsg}");
    }
    // WeChat's server hints are short ids: the body stays WeChat's (bottenderjs/messaging-apis#439).
    let short_hint = decode_str(
        r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest hint: [FQ4hVA0505hka5!]"}"#,
    )
    .expect("decodes");
    assert_eq!(short_hint.platform(), Platform::WechatServer);
    // The credential names are no mark: DingTalk's API uses them in the same shape
    // (open-dingtalk/corp_demo_php#3), and so does a body that only mentions them.
    for body in [
        r#"{"errcode":40089,"errmsg":"不合法的corpId或corpSecret"}"#,
        r#"{"errcode":41004,"errmsg":"corpsecret missing"}"#,
    ] {
        let d = decode_str(body).expect("decodes");
        assert_eq!(d.platform(), Platform::WechatServer, "{body}");
    }
    // A hint of another length or alphabet is not WeCom's older form.
    for errmsg in [
        "invalid credential, hint: [159773312_47_64fcadb1b2caaa453d570b16348fd1ae]",
        "invalid credential, hint: [1597733128_47_64FCADB1B2CAAA453D570B16348FD1AE]",
        "invalid credential, hint: [1597733128_47_64fcadb1b2caa]",
        "invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae0]",
        "invalid credential, hint: [1597733128_x_64fcadb1b2caaa453d570b16348fd1ae]",
    ] {
        assert!(!minierr::wecom::is_wecom_errmsg(errmsg), "{errmsg}");
    }
    // A sent errcode wins over the link.
    let both = decode_str(
        r#"{"errcode":60111,"errmsg":"invalid userid, more info at https://open.work.weixin.qq.com/devtool/query?e=40014"}"#,
    )
    .expect("decodes");
    assert_eq!(both.code(), Some(minierr::RawCode::Number(60111)));
}

#[cfg(feature = "json")]
#[test]
fn a_wecom_sdk_line_is_read_as_wecom() {
    use minierr::line::{Found, decode_line};
    let options = minierr::DecodeOptions::new();
    let (found, d) = decode_line(
        "workwx: errcode=60020, errmsg=not allow to access from your ip, hint: [1651], from ip: 198.51.100.2, more info at https://open.work.weixin.qq.com/devtool/query?e=60020",
        &options,
    )
    .expect("decodes");
    assert_eq!(found, Found::ServerText);
    assert_eq!(d.platform(), minierr::Platform::Wecom);
    assert_eq!(d.action(), Some(Action::FixConfig));
    // A number only WeCom's table lists, right before the errmsg WeCom records for it, with a
    // writer's words after it: WeCom's answer, as a body with that pair would be.
    let (found, d) = decode_line(
        "错误60011 no privilege to access/modify contact/party/agent，修改应用可见范围",
        &options,
    )
    .expect("decodes");
    assert_eq!(found, Found::ServerText);
    assert_eq!(d.platform(), minierr::Platform::Wecom);
    assert_eq!(d.code(), Some(minierr::RawCode::Number(60011)));
    assert_eq!(d.action(), Some(Action::FixConfig));
}

/// A line that names WeCom, by its API host or its name as SDKs and apps print it, holds
/// WeCom's answer even when the body lacks WeCom's own suffixes: 40001 there is a wrong
/// corpsecret, not a stale token. A name inside another word, or no name, leaves the body
/// the WeChat server's.
#[cfg(feature = "json")]
#[test]
fn a_line_that_names_wecom_holds_its_answer() {
    use minierr::line::decode_line;
    let options = minierr::DecodeOptions::new();
    let body = r#"{"errcode":40001,"errmsg":"invalid credential"}"#;
    let read = |line: &str| {
        let (_, d) = decode_line(line, &options).unwrap_or_else(|e| panic!("{line}: {e}"));
        (d.platform(), d.action())
    };
    let wecom = (minierr::Platform::Wecom, Some(Action::FixConfig));
    let server = (minierr::Platform::WechatServer, Some(Action::Refresh));
    for line in [
        format!("GET https://qyapi.weixin.qq.com/cgi-bin/gettoken failed: {body}"),
        format!("企业微信获取 token 失败 {body}"),
        format!("[WeCom] {body}"),
        "WechatWork Error: 40001, invalid credential".to_owned(),
        "wxwork errcode=40001, errmsg=invalid credential".to_owned(),
        // The product's earlier English name, glued to what follows as its own SDKs write it
        // (the session-archive SDK's WeWorkFinanceSdk, https://developer.work.weixin.qq.com/document/path/91774).
        "com.tencent.wework.FinanceException: errcode=40001, errmsg=invalid credential".to_owned(),
        "WeWorkLocalRespError: Request server failed, errcode=40001, errmsg=invalid credential"
            .to_owned(),
    ] {
        assert_eq!(read(&line), wecom, "{line}");
    }
    // WeCom's older hint in a dump that cut the errmsg short, as
    // pangdahua/php7-wxwork-finance-sdk#8 shows it (41001 means the same on both platforms:
    // the platform is what the hint decides).
    let dump = r#"array(3) { ["errcode"]=> int(41001) ["errmsg"]=> string(167) "access_token missing, hint: [1595297094_45_a21af24b99541439ee],"#;
    assert_eq!(read(dump).0, minierr::Platform::Wecom, "{dump}");
    for line in [
        format!("GET https://api.weixin.qq.com/cgi-bin/token failed: {body}"),
        format!("wecommerce order sync: {body}"),
        // A word that only ends in the name is not it.
        format!("newework sync: {body}"),
        // WeCom's credential names are DingTalk's too (its gettoken takes corpid and
        // corpsecret): no mark.
        format!("Exception: Please check if corpid and corpsecret are correct {body}"),
        "errcode=40001, errmsg=invalid credential".to_owned(),
    ] {
        assert_eq!(read(&line), server, "{line}");
    }
}

/// WeCom's errmsg printed with its older hint but neither its errcode nor its link: the code is
/// the one WeCom's table gives that errmsg, or the WeChat server's one code for it where WeCom's
/// table says the number means the same there. A code printed before the errmsg must agree.
#[cfg(feature = "json")]
#[test]
fn a_hinted_wecom_errmsg_names_its_code() {
    use minierr::line::{Found, decode_line};
    let options = minierr::DecodeOptions::new();
    let read = |line: &str| {
        decode_line(line, &options).map(|(found, d)| {
            let code = d.code().map(|c| c.to_string());
            (found, d.platform(), code, d.action())
        })
    };
    let number = |n: i64| Some(n.to_string());
    // yanjunhui/chat#16: a WeCom relay's token expired while its VM slept. WeCom's table gives
    // 42001 the same meaning as WeChat's, whose errmsg this is.
    assert_eq!(
        read(
            "发现发送微信企业消息返回：“发送消息失败: access_token expired, hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]”"
        )
        .ok(),
        Some((
            Found::ServerText,
            minierr::Platform::Wecom,
            number(42001),
            Some(Action::Refresh)
        ))
    );
    // sbzhu/weworkapi_python#16: the code before the errmsg, which WeCom's table gives 40001
    // (a wrong secret).
    assert_eq!(
        read("40001 invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]")
            .ok(),
        Some((
            Found::ServerText,
            minierr::Platform::Wecom,
            number(40001),
            Some(Action::FixConfig)
        ))
    );
    // The errmsg is kept as sent, from its first word to the hint's end, whatever space a
    // logger put before the hint.
    for (line, sent) in [
        (
            "发送消息失败: access_token expired, hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
            "access_token expired, hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
        ),
        (
            "发送消息失败: access_token expired\t, hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
            "access_token expired\t, hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
        ),
        (
            "result: 42001 access_token expired \t hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
            "access_token expired \t hint: [1549248037_1_ea3ed0d606a24db653d533bc931d2588]",
        ),
    ] {
        let message = decode_line(line, &options)
            .ok()
            .and_then(|(_, d)| d.message().map(str::to_owned));
        assert_eq!(message.as_deref(), Some(sent), "{line}");
    }
    // A code that disagrees with the errmsg, or an errmsg that names no code, names nothing.
    for line in [
        "40013 invalid credential, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]",
        "something went wrong, hint: [1597733128_47_64fcadb1b2caaa453d570b16348fd1ae]",
    ] {
        assert!(
            matches!(read(line), Err(minierr::line::LineError::NoPayload)),
            "{line}"
        );
    }
}

/// A body with no mark of WeCom is still WeCom's when its errcode is one the WeChat server's
/// table does not list and its errmsg is the one WeCom's table records for that code: the
/// number and its words are WeCom's alone. Other words beside the same number decide nothing,
/// and a number both platforms list stays the server's whatever its words.
#[cfg(feature = "json")]
#[test]
fn a_wecom_code_with_its_recorded_errmsg_is_wecom() {
    use minierr::{Platform, decode_str};
    let recorded = decode_str(
        r#"{"errcode":60011,"errmsg":"no privilege to access/modify contact/party/agent "}"#,
    )
    .expect("decodes");
    assert_eq!(recorded.platform(), Platform::Wecom);
    assert_eq!(recorded.action(), Some(Action::FixConfig));
    let other = decode_str(r#"{"errcode":60011,"errmsg":"something else"}"#).expect("decodes");
    assert_eq!(other.platform(), Platform::WechatServer);
    assert_eq!(other.action(), None);
    // 48002 is in both tables: WeCom's recorded `api forbidden` does not move it.
    let shared = decode_str(r#"{"errcode":48002,"errmsg":"api forbidden"}"#).expect("decodes");
    assert_eq!(shared.platform(), Platform::WechatServer);
}
