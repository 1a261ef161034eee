//! The WeChat Cloud catalog against an independent reading of the reference table
//! (`tests/fixtures/reference/wechat_cloud_errcode.tsv`), and `wx::cloud::Fail` against the
//! text forms the reference's notes quote from real logs.

mod support;

use std::collections::BTreeSet;

use minierr::Action;
use minierr::wx::cloud::{AnyCode, Code, Fail, Reliability};

/// One reference row, read with nothing but `split('\t')`.
struct Row {
    code: i64,
    label: String,
    zh: String,
    hint: String,
    reliability: String,
}

fn reference() -> Vec<Row> {
    support::reference(
        "wechat_cloud_errcode.tsv",
        &["errCode", "errMsg_en", "zh", "retry_hint", "reliability"],
        |c| Row {
            code: c[0].parse().expect("an integer code"),
            label: c[1].to_owned(),
            zh: c[2].to_owned(),
            hint: c[3].to_owned(),
            reliability: c[4].to_owned(),
        },
    )
}

#[test]
fn every_reference_code_is_in_the_catalog_and_nothing_else() {
    let rows = reference();
    assert_eq!(rows.len(), 99, "the reference has 99 rows");
    let codes: BTreeSet<i64> = rows.iter().map(|r| r.code).collect();
    assert_eq!(codes.len(), 99, "one row per code");
    let catalog: BTreeSet<i64> = Code::all().map(Code::code).collect();
    assert_eq!(catalog, codes);
    for code in &codes {
        let known = Code::from_code(*code).expect("listed");
        assert_eq!(Code::try_from(*code), Ok(known));
        assert_eq!(AnyCode::new(*code).known(), Some(known));
    }
}

#[test]
fn labels_chinese_and_reliability_follow_the_reference_byte_for_byte() {
    for row in reference() {
        let code = Code::from_code(row.code).expect("listed");
        // Two rows hold an observed inner errMsg where the SDK has no label; the catalog keeps
        // it as a runtime message, found by message lookup.
        if row.code == -501000 || row.code == -504003 {
            assert_eq!(code.label(), "", "{}", row.code);
            let filled = row.label.replace("${N}", "3");
            assert_eq!(Code::from_message(&filled), Some(code), "{}", row.code);
        } else {
            assert_eq!(code.label(), row.label, "{}", row.code);
        }
        assert_eq!(code.message_zh(), row.zh, "{}", row.code);
        let reliability = match row.reliability.as_str() {
            "official" => Reliability::Official,
            "secondary" => Reliability::Secondary,
            "tertiary" => Reliability::Tertiary,
            other => panic!("{}: reliability {other:?}", row.code),
        };
        assert_eq!(code.reliability(), reliability, "{}", row.code);
    }
}

#[test]
fn actions_follow_the_reference_hints() {
    for row in reference() {
        let code = Code::from_code(row.code).expect("listed");
        let expected = match row.hint.as_str() {
            "retry" | "retry_idempotent" => Some(Action::Retry),
            "backoff" => Some(Action::Backoff),
            "fix_config" => Some(Action::FixConfig),
            "fix_request" | "fix_code" => Some(Action::FixRequest),
            "ask_user" => Some(Action::AskUser),
            "refresh" => Some(Action::Refresh),
            "give_up" | "ignore" => Some(Action::GiveUp),
            "inspect_inner" => None,
            other => panic!("{}: hint {other:?}", row.code),
        };
        assert_eq!(code.action(), expected, "{}", row.code);
        assert_eq!(code.is_wrapper(), expected.is_none(), "{}", row.code);
    }
}

/// Texts quoted in the reference's notes, and what each must read as:
/// (text, errCode field, outer code, nested code, reason, action).
#[allow(clippy::type_complexity)]
const TEXTS: &[(
    &str,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    &str,
    Option<Action>,
)] = &[
    (
        // -1 decides nothing; the wrapped reason is Node's socket timeout, a network class.
        "errCode: -1 unknown error | errMsg: callFunction:fail Error: ESOCKETTIMEDOUT",
        None,
        Some(-1),
        None,
        "ESOCKETTIMEDOUT",
        Some(Action::Retry),
    ),
    (
        "Error: errCode: -502003 database permission denied | errMsg: Permission Denied: Your operation is not allowed base on the ACL tag (adminWrite)",
        None,
        Some(-502003),
        None,
        "Permission Denied: Your operation is not allowed base on the ACL tag (adminWrite)",
        Some(Action::FixConfig),
    ),
    (
        "cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Runtime.UserCodeSyntaxError",
        None,
        Some(-504002),
        None,
        "Runtime.UserCodeSyntaxError",
        Some(Action::FixRequest),
    ),
    (
        "Error: cloud.callFunction:fail Error: errCode: -504003  | errMsg: Invoking task timed out after 3 seconds",
        None,
        Some(-504003),
        None,
        "Invoking task timed out after 3 seconds",
        Some(Action::FixConfig),
    ),
    (
        "cloud.callFunction:fail -404007 poll result base resp ret abnormal. polling base_resp.errcode -501000 errmsg Environment not found",
        None,
        Some(-404007),
        Some(-501000),
        "poll result base resp ret abnormal. polling base_resp.errcode -501000 errmsg Environment not found",
        Some(Action::FixConfig),
    ),
    (
        "errCode: -501001 resource system error | errMsg: urlscheme.generate:fail Environment not found",
        None,
        Some(-501001),
        None,
        "Environment not found",
        None,
    ),
    (
        "system error: error code: -604100",
        Some(-604100),
        Some(-604100),
        None,
        "system error: error code: -604100",
        Some(Action::FixRequest),
    ),
    (
        "Error: errCode: -604104 illegal sourceof invocation | errMsg: systemerror: error code: -604104",
        None,
        Some(-604104),
        None,
        "systemerror: error code: -604104",
        Some(Action::FixConfig),
    ),
    (
        "cloud.callContainer:fail -405005 exceed max poll retry. (callId: 1-2) (trace: 3 normal poll too many polls, abort)",
        None,
        Some(-405005),
        None,
        "exceed max poll retry.",
        Some(Action::Retry),
    ),
    (
        "Error: cloud.callContainer:fail Error: cloud:fail -405015 exceed max client request count, avoid infinite loop in your code and retry after 60s. error: exceed max client request count, avoid infinite loop in your code (callId: 1-2) (trace: x)",
        Some(-1),
        Some(-1),
        Some(-405015),
        "exceed max client request count, avoid infinite loop in your code and retry after 60s. error: exceed max client request count, avoid infinite loop in your code",
        Some(Action::Backoff),
    ),
    (
        "errCode: -501000 | errMsg: [100003] env not exists (x) 更多错误信息请访问：https://docs.cloudbase.net/error-code/basic/INVALID_ENV (callId: 1-2)",
        None,
        Some(-501000),
        None,
        "[100003] env not exists (x)",
        Some(Action::FixConfig),
    ),
    (
        "errCode: -501099 something new | errMsg: anything",
        None,
        Some(-501099),
        None,
        "anything",
        None,
    ),
];

#[test]
fn quoted_texts_read_into_code_nested_code_reason_and_action() {
    for &(text, field, code, nested, reason, action) in TEXTS {
        let mut fail = Fail::new(text);
        if let Some(field) = field {
            fail = fail.with_err_code(field);
        }
        assert_eq!(fail.code().map(|c| c.raw()), code, "{text}");
        assert_eq!(fail.sub_code().map(|c| c.raw()), nested, "{text}");
        assert_eq!(fail.reason(), reason, "{text}");
        assert_eq!(fail.action(), action, "{text}");
    }
}

#[cfg(feature = "json")]
#[test]
fn the_one_pass_view_agrees_with_every_getter() {
    for &(text, field, ..) in TEXTS {
        let mut fail = Fail::new(text);
        if let Some(field) = field {
            fail = fail.with_err_code(field);
        }
        let d = minierr::Diagnosis::WxCloud(fail);
        let v = d.view();
        assert_eq!(v.api, d.api_name(), "{text}");
        assert_eq!((v.code, v.sub_code), (d.code(), d.sub_code()), "{text}");
        assert_eq!((v.known, v.name), (d.is_known(), d.name()), "{text}");
        assert_eq!((v.err_msg, v.reason), (d.message(), d.reason()), "{text}");
        assert_eq!(
            (v.message_zh, v.message_en),
            (d.message_zh(), d.message_en()),
            "{text}"
        );
        assert_eq!(
            (v.action, v.reason_class),
            (d.action(), d.reason_class()),
            "{text}"
        );
        assert_eq!(v.retry_hint, d.retry_hint(), "{text}");
    }
}

#[cfg(feature = "json")]
#[test]
fn decode_names_the_platform_and_keeps_both_codes() {
    use minierr::{Platform, RawCode, decode_str};
    let cases = [
        (
            r#""Error: errCode: -502005 database collection not exists | errMsg: [ResourceNotFound] Db or Table not exist.""#,
            Some(-502005),
            None,
        ),
        (
            r#"{"errCode":-501009,"errMsg":"collection.add:fail -501009 Please initialize the reource first"}"#,
            Some(-501009),
            None,
        ),
        (
            r#"{"errCode":"-1","errMsg":"Error: cloud.callContainer:fail Error: cloud:fail -405015 exceed max client request count"}"#,
            Some(-1),
            Some(-405015),
        ),
        (
            r#""没有权限，请先开通云开发或者云托管""#,
            Some(-601034),
            None,
        ),
    ];
    for (json, code, sub_code) in cases {
        let d = decode_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(d.platform(), Platform::WechatCloud, "{json}");
        assert_eq!(d.code(), code.map(RawCode::Number), "{json}");
        assert_eq!(d.sub_code(), sub_code.map(RawCode::Number), "{json}");
        assert_eq!(d.err_code(), None, "{json}");
    }
    // A short negative errCode beside a Cloud API's errMsg is Cloud's -1 wrapper.
    let d =
        decode_str(r#"{"errCode":-1,"errMsg":"cloud.callFunction:fail Error: ESOCKETTIMEDOUT"}"#)
            .expect("decodes");
    assert_eq!(d.platform(), Platform::WechatCloud);
    assert_eq!(d.action(), Some(minierr::Action::Retry));
    assert_eq!(d.reason_class(), Some(minierr::wx::ReasonClass::Network));
    // -1 around the wx.cloud client's text for a call before wx.cloud.init: the app's code
    // (https://github.com/guren-cloud/v-request/issues/6).
    let d = decode_str(
        r#""Error: errCode: -1  | errMsg: Cloud API isn't enabled, please call wx.cloud.init first 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API""#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::WechatCloud);
    assert_eq!(d.action(), Some(minierr::Action::FixRequest));
    assert_eq!(
        d.reason_class(),
        Some(minierr::wx::ReasonClass::NotInitialized)
    );
    // uni-app's own negative codes are short, on other APIs: not Cloud.
    let d = decode_str(
        r#"{"errMsg":"requestPayment:fail [payment微信:-1]General errors","errCode":-100}"#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::Wechat);
    // A Chromium network error code after `:fail` is not a Cloud code either.
    let d = decode_str(r#""request:fail -118:net::ERR_CONNECTION_TIMED_OUT""#).expect("decodes");
    assert_eq!(d.platform(), Platform::Wechat);
}

/// Every CloudBase code name the reference's notes give a Cloud code ("CloudBase code
/// DATABASE_PERMISSION_DENIED") is that code's, read from the reference itself.
#[test]
fn cloudbase_code_names_are_the_references() {
    let path = support::fixtures_dir().join("reference/wechat_cloud_errcode.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let code: i64 = line
            .split('\t')
            .next()
            .and_then(|c| c.parse().ok())
            .expect("a code");
        let Some((_, after)) = line.split_once("CloudBase code ") else {
            continue;
        };
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || *c == '_')
            .collect();
        let found = minierr::wx::cloud::Code::from_cloudbase_code(&name);
        assert_eq!(found.map(|c| c.code()), Some(code), "{name}");
        assert_eq!(found.and_then(|c| c.cloudbase_code()), Some(name.as_str()));
        checked += 1;
    }
    assert!(checked >= 19, "{checked} CloudBase names in the reference");
}

#[cfg(feature = "json")]
#[test]
fn cloudbase_bracketed_codes_decode_as_cloud() {
    let d = minierr::decode_str(r#""Error: [DATABASE_PERMISSION_DENIED] Permission denied""#)
        .expect("decodes");
    assert_eq!(d.platform(), minierr::Platform::WechatCloud);
    assert_eq!(d.code(), Some(minierr::RawCode::Number(-502003)));
    assert_eq!(d.action(), Some(minierr::Action::FixConfig));
    // The report keeps the code the text names beside the errCode the SDKs give it (the
    // reference's note on -502003 names DATABASE_PERMISSION_DENIED).
    assert_eq!(
        d.view().sub_code,
        Some(minierr::RawCode::Text("DATABASE_PERMISSION_DENIED"))
    );
    // A bracketed word that is no CloudBase code is not Cloud's.
    assert!(minierr::decode_str(r#""[NOT_A_CODE] Permission denied""#).is_err());
}

/// A Cloud `openapi.*` call fails with the WeChat server's errcode (the Cloud reference:
/// `openapi` calls pass the server API's errcode on as a positive errCode): in every form it
/// arrives in, it is decoded as the server's answer, with the rid split off.
#[cfg(feature = "json")]
#[test]
fn cloud_openapi_failures_are_the_servers() {
    use minierr::{Action, Platform, RawCode};
    for payload in [
        r#"{"errCode":43101,"errMsg":"openapi.subscribeMessage.send:fail user refuse to accept the msg rid: 693398e6-48ac74fd-2c498819"}"#,
        r#"{"errCode":43101,"errMsg":"openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg"}"#,
        r#""Error: errCode: 43101  | errMsg: openapi.subscribeMessage.send:fail user refuse to accept the msg rid: 693398e6-48ac74fd-2c498819""#,
        // No errCode: the reason is the one server errmsg of 43101.
        r#""openapi.subscribeMessage.send:fail user refuse to accept the msg""#,
    ] {
        let d = minierr::decode_str(payload).expect("decodes");
        assert_eq!(d.platform(), Platform::WechatServer, "{payload}");
        assert_eq!(d.code(), Some(RawCode::Number(43101)), "{payload}");
        assert_eq!(d.action(), Some(Action::AskUser), "{payload}");
        assert_eq!(
            d.reason(),
            Some("user refuse to accept the msg"),
            "{payload}"
        );
    }
    // A negative errCode beside an openapi errMsg is Cloud's own.
    let d = minierr::decode_str(
        r#"{"errCode":-604101,"errMsg":"openapi.subscribeMessage.send:fail function has no permission to call this API"}"#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::WechatCloud);
}

/// CloudBase's own bodies and texts, each with the mark that makes it CloudBase's: its HTTP
/// API's `requestId`, its web SDK's `OPERATION_FAIL` wrapper, its SDKs' help link. The steps
/// follow CloudBase's error-code pages: a parameter error is the request's, a missing function
/// or invalid credentials the deployment's.
#[cfg(feature = "json")]
#[test]
fn cloudbase_bodies_decode_as_cloud_with_the_code_as_sent() {
    use minierr::{Action, Platform, RawCode};
    // (payload, code, sub_code, action)
    let cases: &[(&str, &str, Option<&str>, Option<Action>)] = &[
        (
            r#"{"code":"INVALID_PARAM","message":"Cannot operate more than 50 files one time","requestId":"a1"}"#,
            "INVALID_PARAM",
            None,
            Some(Action::FixRequest),
        ),
        // …unless the parameter is the environment ID, which is configuration (the -501007
        // row's note: `[100003] env not exists`).
        (
            r#"{"code":"INVALID_PARAM","message":"[100003] Param Invalid: env check invalid be filterd","requestId":"e5"}"#,
            "INVALID_PARAM",
            None,
            Some(Action::FixConfig),
        ),
        // A quota the SDKs call -501003: wait.
        (
            r#"{"code":"EXCEED_REQUEST_LIMIT","message":"exceed request limit","requestId":"c3"}"#,
            "EXCEED_REQUEST_LIMIT",
            None,
            Some(Action::Backoff),
        ),
        // The web SDK wraps the service's code (twikoojs/twikoo#485).
        (
            r#"{"code":"OPERATION_FAIL","msg":"[FUNCTION_NOT_FOUND] FunctionName parameter could not be found."}"#,
            "OPERATION_FAIL",
            Some("FUNCTION_NOT_FOUND"),
            Some(Action::FixConfig),
        ),
        // The node SDK's help link names the code.
        (
            r#""Error: secret id error 请前往云开发AI小助手查看问题：https://tcb.cloud.tencent.com/dev#/helper/copilot?q=SIGN_PARAM_INVALID""#,
            "SIGN_PARAM_INVALID",
            None,
            Some(Action::FixConfig),
        ),
        // The text inside the wrapper names a Cloud errCode: reported under the wrapper.
        (
            r#"{"code":"OPERATION_FAIL","msg":"[DATABASE_PERMISSION_DENIED] Permission denied"}"#,
            "OPERATION_FAIL",
            Some("DATABASE_PERMISSION_DENIED"),
            Some(Action::FixConfig),
        ),
    ];
    for &(payload, code, sub_code, action) in cases {
        let d = minierr::decode_str(payload).unwrap_or_else(|e| panic!("{payload}: {e}"));
        assert_eq!(d.platform(), Platform::WechatCloud, "{payload}");
        assert_eq!(d.code(), Some(RawCode::Text(code)), "{payload}");
        assert_eq!(d.sub_code(), sub_code.map(RawCode::Text), "{payload}");
        assert_eq!(d.action(), action, "{payload}");
        let view = d.view();
        assert_eq!(
            (view.code, view.sub_code),
            (d.code(), d.sub_code()),
            "{payload}"
        );
        assert_eq!(view.action, action, "{payload}");
    }
}

/// Names that gRPC and many REST services send too are not CloudBase's without one of its
/// marks: never a confident Cloud answer on another service's body.
#[cfg(feature = "json")]
#[test]
fn generic_codes_without_cloudbase_marks_are_not_cloud() {
    for payload in [
        r#"{"code":"PERMISSION_DENIED","message":"Unauthenticated access is denied"}"#,
        r#"{"code":"BAD_REQUEST","message":"invalid JSON"}"#,
        r#""[BAD_REQUEST] invalid JSON""#,
        r#""upstream said [SERVICE_TIMEOUT] after 3 s""#,
        r#""2024-05-01 12:00:00 [DATABASE_TIMEOUT] Slow query""#,
        r#""GET /api/copilot?q=BAD_REQUEST 200""#,
        // A `requestId` is many services' key: beside it, only a name the SDKs give a Cloud
        // errCode is CloudBase's.
        r#"{"requestId":"b2","code":"FUNCTION_NOT_FOUND","message":"function not found"}"#,
        r#"{"code":"PERMISSION_DENIED","message":"denied","requestId":"x"}"#,
        r#"{"requestId":"d4","code":"INVOKE_FUNCTION_FAILED","message":"Error: Cannot find module"}"#,
    ] {
        let platform = minierr::decode_str(payload).ok().map(|d| d.platform());
        assert_ne!(platform, Some(minierr::Platform::WechatCloud), "{payload}");
    }
}

/// Other platforms' bodies keep their answers beside CloudBase's marks: a WeChat Pay code with a
/// `requestId` key is WeChat Pay's (a system error on an order reconciles), and a wrapper's
/// string `code` beside WeChat's errMsg says nothing about the errMsg.
#[cfg(feature = "json")]
#[test]
fn cloudbase_marks_do_not_take_other_platforms_bodies() {
    use minierr::{Action, Platform, RawCode};
    let d = minierr::decode_str(r#"{"code":"SYSTEM_ERROR","message":"系统错误","requestId":"x"}"#)
        .expect("decodes");
    assert_eq!(
        (d.platform(), d.action()),
        (Platform::WechatPay, Some(Action::Reconcile))
    );
    // An app's envelope that passes another answer on in its message is read for that answer,
    // as a log line holds it.
    let read = |line: &str| {
        minierr::line::decode_line(line, &minierr::DecodeOptions::default())
            .map(|(_, d)| (d.platform(), d.action()))
            .unwrap_or_else(|e| panic!("{line}: {e:?}"))
    };
    let (platform, _) = read(
        r#"{"code":"SYS_ERR","message":"Wrong HttpStatusCode[500] httpResponseBody[{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}]","requestId":"a"}"#,
    );
    assert_ne!(platform, Platform::WechatCloud);
    assert_eq!(
        read(r#"{"code":"INVALID_PARAM","message":"requestPayment:fail cancel","requestId":"a"}"#),
        (Platform::Wechat, Some(Action::AskUser))
    );
    let d = minierr::decode_str(
        r#"{"errCode":-1,"errMsg":"cloud.callFunction:fail Error: ESOCKETTIMEDOUT","code":"INVALID_PARAM"}"#,
    )
    .expect("decodes");
    assert_eq!(d.platform(), Platform::WechatCloud);
    assert_eq!(d.code(), Some(RawCode::Number(-1)));
    assert_eq!(d.action(), Some(Action::Retry));
}

/// The CloudBase catalog: each code spelled as sent finds itself, and a code the SDKs give a
/// Cloud errCode takes that code's step and texts, so the two catalogs never disagree.
#[test]
fn cloudbase_codes_find_themselves_and_defer_to_their_cloud_codes() {
    use minierr::wx::cloud::CloudbaseCode;
    let mut seen = BTreeSet::new();
    for code in CloudbaseCode::all() {
        assert!(seen.insert(code.code()), "{} twice", code.code());
        assert_eq!(CloudbaseCode::from_code(code.code()), Some(code));
        assert!(
            code.code()
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'_'),
            "{}",
            code.code()
        );
        if let Some(cloud) = code.cloud_code() {
            assert_eq!(code.action(), cloud.action(), "{}", code.code());
            assert_eq!(code.message_en(), cloud.message_en(), "{}", code.code());
            assert_eq!(
                Code::from_cloudbase_code(code.code()),
                Some(cloud),
                "{}",
                code.code()
            );
        } else {
            assert!(!code.message_en().is_empty(), "{}", code.code());
        }
        assert!(code.source().starts_with("https://"), "{}", code.code());
    }
    // The pages' and the SDKs' spellings of one code.
    assert_eq!(
        CloudbaseCode::from_code("INVALID_ENV").and_then(CloudbaseCode::cloud_code),
        CloudbaseCode::from_code("INVALIID_ENV").and_then(CloudbaseCode::cloud_code)
    );
    assert!(seen.len() > 100, "{} codes", seen.len());
}

/// A cloud function that threw a Cloud error of its own: -404011 wraps the service error
/// -504002 (the function's code threw), which wraps the SDK's `-1 unknown error` (only a
/// wrapper: its page defers to the message). The innermost code with a step of its own
/// decides, and is the one reported beside the outer code; before, the -1 hid -504002 and
/// the failure had no step (a WeChat developer community article: `cloud.database()` called
/// before `cloud.init()`).
#[test]
fn a_wrapper_inside_a_function_error_leaves_the_function_error_deciding() {
    use minierr::wx::cloud::{Code, Fail};
    let fail = Fail::new(
        "Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 66c1c6e8-21a3-4a44-8e48-5e79a4eab381, cloud function service error code -504002, error message Error: errCode: -1 unknown error | errMsg: Cloud API isn't enabled, please call init first",
    );
    assert_eq!(fail.deciding_code(), Some(Code::FunctionExecuteFailed));
    assert_eq!(fail.sub_code(), Some(Code::FunctionExecuteFailed.into()));
    // -504002, functions execute fail: the function's own code is to fix.
    assert_eq!(fail.action(), Some(minierr::Action::FixRequest));
    // Whatever the function's own error says, -504002 decides: a socket timeout thrown inside
    // the function is the function's to handle, as the two-layer form already read it.
    let timeout = Fail::new(
        "errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail cloud function service error code -504002, error message Error: errCode: -1 unknown error | errMsg: ESOCKETTIMEDOUT",
    );
    assert_eq!(timeout.action(), Some(minierr::Action::FixRequest));
    // The -1 on its own still defers to its message (a socket timeout is the network's).
    let alone =
        Fail::new("errCode: -1 unknown error | errMsg: callFunction:fail Error: ESOCKETTIMEDOUT");
    assert_eq!(alone.action(), Some(minierr::Action::Retry));
}

/// A CloudBase code the innermost layer names outranks the function error around it: the
/// SDKs' help link (`…/copilot?q=INVALID_ENV`) after a wrapper code (-501001 resource system
/// error, `env status is isolated`) says what failed, where -504002 only says the function
/// threw. Without such a link, -504002 still decides.
#[test]
fn a_cloudbase_code_inside_the_innermost_wrapper_decides() {
    use minierr::wx::cloud::Fail;
    let isolated = Fail::new(
        "Error: errCode: -1 | errMsg: cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: errCode: -501001 resource system error | errMsg: urlscheme.generate:fail env status is isolated 请前往云开发AI小助手查看问题:https://tcb.cloud.tencent.com/cloud-admin#/copilot?q=INVALID_ENV",
    );
    assert_eq!(isolated.deciding_code(), None);
    assert_eq!(isolated.action(), Some(minierr::Action::FixConfig));
    let unmarked = Fail::new(
        "Error: errCode: -1 | errMsg: cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: errCode: -501001 resource system error | errMsg: urlscheme.generate:fail env status is isolated",
    );
    assert_eq!(unmarked.action(), Some(minierr::Action::FixRequest));
}

/// The Cloud error-code page says the Cloud HTTP API answers in the server's shape, `errcode`
/// and `errmsg`, with Cloud's codes. So a server-shaped body whose errcode lies in Cloud's
/// range is decoded as Cloud's, with Cloud's step. The server's own negative codes (`-1`,
/// `-1000`) lie outside that range and stay the server's. (No server code lies inside it;
/// should one be added, the rule keeps it the server's.)
#[cfg(feature = "json")]
#[test]
fn a_server_shaped_body_with_a_cloud_code_is_clouds() {
    use minierr::{Platform, decode};
    let cases: [(&str, Platform, &str, Option<Action>); 5] = [
        (
            r#"{"errcode":-501007,"errmsg":"function name foramt invalid"}"#,
            Platform::WechatCloud,
            "-501007",
            Some(Action::FixRequest),
        ),
        (
            r#"{"errcode":-501005,"errmsg":" hint: [UDJcH.wgE-kUH3ba]"}"#,
            Platform::WechatCloud,
            "-501005",
            Some(Action::FixConfig),
        ),
        // A Cloud-range code no table knows is still Cloud's, and takes no step.
        (
            r#"{"errcode":-602099,"errmsg":"something new"}"#,
            Platform::WechatCloud,
            "-602099",
            None,
        ),
        (
            r#"{"errcode":-1,"errmsg":"system error"}"#,
            Platform::WechatServer,
            "-1",
            Some(Action::Retry),
        ),
        (
            r#"{"errcode":-1000,"errmsg":"system error"}"#,
            Platform::WechatServer,
            "-1000",
            Some(Action::Retry),
        ),
    ];
    for (body, platform, code, action) in cases {
        let d = decode(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"));
        assert_eq!(d.platform(), platform, "{body}");
        assert_eq!(
            d.code().map(|c| c.to_string()).as_deref(),
            Some(code),
            "{body}"
        );
        assert_eq!(d.action(), action, "{body}");
    }
}
