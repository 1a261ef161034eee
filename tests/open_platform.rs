//! The open-platform code table: every seed row, the HTTP rule, messages and responses.

use minierr::Action;
use minierr::open_platform::{AnyCode, Code, Group, HttpOutcome};

mod support;

/// (code, Chinese text, group) for every row of seed 004's three business tables.
fn seed_rows() -> Vec<(u32, String, Group)> {
    let text = support::seed("004_");
    let mut rows = Vec::new();
    let mut group = None;
    for line in text.lines() {
        if line.starts_with("## ") {
            group = match line.trim_start_matches("## ").trim() {
                "公共业务状态码" => Some(Group::Common),
                "自定义业务状态码" => Some(Group::Custom),
                "开放平台特定错误码" => Some(Group::Platform),
                _ => None,
            };
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if let (Some(group), [_, code, message, _]) = (group, cells.as_slice()) {
            if let Ok(code) = code.parse() {
                rows.push((code, message.to_string(), group));
            }
        }
    }
    rows
}

#[test]
fn every_seed_row_is_in_the_catalog() {
    let rows = seed_rows();
    assert_eq!(rows.len(), 65);
    for group in [Group::Common, Group::Custom, Group::Platform] {
        let seed = rows.iter().filter(|r| r.2 == group).count();
        let ours = Code::all().filter(|c| c.group() == group).count();
        assert_eq!(seed, ours, "{group:?}");
    }
    for (code, message, group) in &rows {
        let known = Code::from_code(*code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(known.message_zh(), message, "{code}");
        assert_eq!(known.group(), *group, "{code}");
        assert!(Code::all_with_message(message).contains(&known), "{code}");
    }
    assert_eq!(Code::all().count(), 65);
}

#[test]
fn every_code_round_trips() {
    for code in Code::all() {
        assert_eq!(Code::from_code(code.code()), Some(code));
        assert_eq!(AnyCode::new(i64::from(code.code())), AnyCode::Known(code));
        assert_eq!(u32::from(code), code.code());
        assert!(!code.message_en().is_empty() && !code.message_en().ends_with('.'));
        assert_ne!(code.message_en(), "Catalog row missing");
    }
    assert_eq!(Code::from_code(500001), Some(Code::PlatformInvalidAppKey));
    assert_ne!(
        Code::from_code(500001).map(Code::message_en),
        minierr::wx::Errno::from_code(500001).map(minierr::wx::Errno::message_en),
        "500001 means different things on the two platforms"
    );
}

#[test]
fn actions_follow_what_the_codes_mean() {
    let expected = [
        (200, Action::Success),
        (201, Action::Success),
        (401, Action::Refresh),
        (4005, Action::Reconcile),
        (4006, Action::FixConfig),
        (500, Action::Retry),
        (5021, Action::Retry),
        (5022, Action::Retry),
        (4001, Action::FixRequest),
        (100001, Action::Backoff),
        (500009, Action::Reconcile),
    ];
    for (code, action) in expected {
        assert_eq!(
            Code::from_code(code).map(Code::action),
            Some(action),
            "{code}"
        );
    }
    assert_ne!(
        Code::DuplicateRequest.action(),
        Action::Retry,
        "a duplicate is not a retry"
    );
}

#[test]
fn the_http_layer_comes_first() {
    assert_eq!(HttpOutcome::from_status(200), HttpOutcome::ReadBody);
    assert_eq!(HttpOutcome::from_status(200).action(), None);
    for status in [0, 201, 302, 404, 500, 502, 503, u16::MAX] {
        let outcome = HttpOutcome::from_status(status);
        assert_eq!(outcome, HttpOutcome::SystemError { status });
        assert_eq!(outcome.action(), Some(Action::Retry));
    }
}

#[test]
fn templated_messages_render_and_match_back() {
    let rendered = Code::EntityDisabled.render_zh(&[&"9527", &"商户"]);
    assert_eq!(rendered, "ID为9527的商户已被禁用");
    assert_eq!(Code::from_message(&rendered), Some(Code::EntityDisabled));
    assert_eq!(
        Code::EntityDisabled.render_en(&[&"9527", &"merchant"]),
        "ID 9527 (merchant) has been disabled"
    );
    assert_eq!(
        Code::from_message("ID为的已被禁用"),
        Some(Code::EntityDisabled),
        "empty fills still match"
    );
    assert_eq!(
        Code::from_message("没有查到相关的数据"),
        Some(Code::NotFound)
    );
    assert_eq!(
        Code::from_message("未查到企业园区发放通道"),
        None,
        "101006 and 101007 share it"
    );
    assert_eq!(
        Code::all_with_message("未查到企业园区发放通道"),
        [Code::PayoutChannelNotFound, Code::PayoutChannelMissing]
    );
    assert_eq!(Code::from_message("完全不同的消息"), None);
}

#[cfg(feature = "serde")]
#[test]
fn responses_decode_with_msg_or_message() {
    use minierr::open_platform::Response;

    let a: Response =
        serde_json::from_str(r#"{"code":4004,"msg":"签名无效","data":{"x":[1,2]}}"#).unwrap();
    let b: Response = serde_json::from_str(r#"{"message":"签名无效","code":"4004"}"#).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.code(), Code::InvalidSignature);
    assert_eq!(a.action(), Some(Action::FixRequest));
    let both: Response = serde_json::from_str(r#"{"code":200,"message":"m","msg":"g"}"#).unwrap();
    assert_eq!(both.message(), Some("g"));
    assert!(both.is_success());

    let unknown: Response = serde_json::from_str(r#"{"code":-1,"msg":null}"#).unwrap();
    assert_eq!(unknown.code().raw(), -1);
    assert_eq!(unknown.action(), None);
    assert_eq!(serde_json::to_string(&unknown).unwrap(), r#"{"code":-1}"#);

    for (json, needle) in [
        ("{}", "missing field `code`"),
        (r#"{"code":1.5}"#, "code as a 64-bit integer"),
        (r#"{"code":"abc"}"#, "code as a 64-bit integer"),
        (r#"{"code":1,"msg":5}"#, "msg as a string"),
        (r#"{"code":1,"code":2}"#, "duplicate field `code`"),
        ("null", "an open-platform response object"),
    ] {
        let err = serde_json::from_str::<Response>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(needle), "{json}: {err:?} lacks {needle:?}");
    }
}

/// Each seed row's own text agrees with its code; another backend's text beside a number the
/// table lists names nothing (RuoYi's `AjaxResult.error()` sends code 500 with the failure's
/// own message, e.g. `user.password.not.match`'s 用户不存在/密码错误).
#[cfg(feature = "json")]
#[test]
fn a_msg_that_is_not_the_codes_names_nothing() {
    let rows = seed_rows();
    assert!(!rows.is_empty());
    for (code, message, _) in &rows {
        let known = Code::from_code(*code).unwrap_or_else(|| panic!("{code} missing"));
        assert!(!known.msg_contradicts(message), "{code}: {message}");
    }
    // Every failure text of the seed, beside a success code, reports a failure: the seed's
    // own success rows begin 开放平台成功 or 建议 (200, 201, 302).
    let success =
        |message: &str| message.starts_with("开放平台成功") || message.starts_with("建议");
    let failures: Vec<&String> = rows
        .iter()
        .map(|(_, message, _)| message)
        .filter(|message| !success(message))
        .collect();
    assert!(failures.len() > 50, "{} failure texts", failures.len());
    for message in failures {
        assert!(Code::Ok.msg_contradicts(message), "200 beside {message}");
    }
    // A success that carries advice, and English words that only contain a failure word.
    for message in [
        "操作成功，请勿重复提交",
        "cache invalidated",
        "Success, timeout=3000",
    ] {
        assert!(!Code::Ok.msg_contradicts(message), "200 beside {message}");
    }
    for body in [
        r#"{"msg":"用户不存在/密码错误","code":500}"#,
        r#"{"code":401,"msg":"未登录"}"#,
        r#"{"code":500,"message":"Internal Server Error"}"#,
        // A success code beside a msg that names a failure (the table's own failure words).
        r#"{"code":200,"msg":"操作失败"}"#,
        r#"{"code":302,"msg":"登录已过期，请重新登录"}"#,
    ] {
        let d = minierr::decode_str(body).expect("the {code, msg} shape");
        assert_eq!(d.platform(), minierr::Platform::OpenPlatform, "{body}");
        assert_eq!(
            (d.name(), d.action(), d.retry_hint()),
            (None, None, None),
            "{body}"
        );
        assert!(d.code().is_some(), "{body}: the number is kept");
        assert_eq!(
            d.view().unnamed_because(),
            Some("(the msg is not this code's)")
        );
    }
    let own =
        minierr::decode_str(r#"{"code":500,"msg":"服务发生错误,请稍后再试"}"#).expect("decodes");
    assert_eq!(own.action(), Some(Action::Retry));
    // The table's own words in another case are its own.
    let cased = minierr::decode_str(r#"{"code":5003,"msg":"json解码失败"}"#).expect("decodes");
    assert_eq!(cased.action(), Some(Action::FixRequest));
    // A refused outer body lets the failure it wraps answer.
    let wrapped =
        r#"{"code":201,"msg":"微信登录失败","data":{"errcode":40163,"errmsg":"code been used"}}"#;
    let (_, inner) =
        minierr::line::decode_line(wrapped, &minierr::DecodeOptions::new()).expect("decodes");
    assert_eq!(inner.platform(), minierr::Platform::WechatServer);
    assert_eq!(inner.action(), Some(Action::Refresh));
}
