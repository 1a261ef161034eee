//! The Alipay gateway catalog against an independent reading of the reference table
//! (`tests/fixtures/reference/alipay_gateway.tsv`), and decoding against real gateway bodies,
//! error pages and App SDK results from public bug reports.

mod support;

use std::collections::BTreeSet;

use minierr::alipay::gateway::{Code, SubCode};
use minierr::{Action, Reliability};

/// One reference row, read with nothing but `split('\t')`.
struct Row {
    code: String,
    msg: String,
    sub_code: String,
    sub_msg: String,
    reliability: String,
}

fn reference() -> Vec<Row> {
    support::reference(
        "alipay_gateway.tsv",
        &["code", "msg", "sub_code", "sub_msg_zh", "reliability"],
        |c| Row {
            code: c[0].trim().to_owned(),
            msg: c[1].trim().to_owned(),
            sub_code: c[2].trim().to_owned(),
            sub_msg: c[3].trim().to_owned(),
            reliability: c[4].to_owned(),
        },
    )
}

fn reliability(text: &str) -> Reliability {
    match text {
        "official" => Reliability::Official,
        "secondary" => Reliability::Secondary,
        "tertiary" => Reliability::Tertiary,
        other => panic!("reliability {other:?}"),
    }
}

#[test]
fn every_reference_row_is_a_reading_in_the_catalog() {
    let rows = reference();
    assert_eq!(rows.len(), 346, "the reference has 346 rows");
    let counts = |r: &str| rows.iter().filter(|row| row.reliability == r).count();
    assert_eq!(
        (counts("official"), counts("secondary"), counts("tertiary")),
        (90, 217, 39)
    );
    let sub_codes: BTreeSet<&str> = rows
        .iter()
        .map(|r| r.sub_code.as_str())
        .filter(|s| !s.is_empty())
        .collect();
    let catalog: BTreeSet<&str> = SubCode::all().map(SubCode::code).collect();
    // Sub_codes sourced beyond the reference, each with its source in the data table.
    let beyond: BTreeSet<&str> = ["isv.missing-app-cert-sn", "isv.app-cert-not-exist"]
        .into_iter()
        .collect();
    assert_eq!(
        catalog
            .difference(&sub_codes)
            .copied()
            .collect::<BTreeSet<_>>(),
        beyond,
        "one variant for each sub_code, and only the named ones besides"
    );
    assert!(
        catalog.is_superset(&sub_codes),
        "every sub_code has a variant"
    );
    for row in &rows {
        if row.sub_code.is_empty() {
            // The public code rows: 10000, 40004 and 10003 (whose msg is empty).
            let code = Code::from_code(&row.code).unwrap_or_else(|| panic!("code {}", row.code));
            assert_eq!(code.msg(), row.msg, "{}", row.code);
            continue;
        }
        let sub_code = SubCode::from_code(&row.sub_code).expect("listed");
        let found = sub_code.readings().any(|m| {
            m.message_zh() == row.sub_msg
                && m.reliability() == reliability(&row.reliability)
                && m.public_code() == row.code
        });
        assert!(
            found,
            "{} {} {:?}: no such reading",
            row.code, row.sub_code, row.sub_msg
        );
        if !row.code.is_empty() {
            assert_eq!(
                Code::from_code(&row.code).map(Code::msg),
                Some(row.msg.as_str())
                    .filter(|m| !m.is_empty())
                    .or(Some("")),
                "{}'s msg",
                row.code
            );
        }
    }
}

#[test]
fn official_misspellings_are_kept_as_written() {
    for text in [
        "isp.unknow-error",
        "aop.unknow-error",
        "ACQ.REASON_TRADE_BEEN_FREEZEN",
        "AQC.SYSTEM_ERROR",
        "ACQ.SYSTEM_ERROR",
    ] {
        let sub_code = SubCode::from_code(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(sub_code.code(), text);
    }
}

#[test]
fn prefix_variants_resolve_by_the_documented_rules() {
    let cases = [
        ("aop.ACQ.SYSTEM_ERROR", SubCode::AopAcqSystemError, true),
        ("aop.ACQ.TRADE_NOT_EXIST", SubCode::AcqTradeNotExist, false),
        ("TRADE_NOT_EXIST", SubCode::TradeNotExist, true),
        (
            "ACQ.BUYER_BALANCE_NOT_ENOUGH",
            SubCode::AcqBuyerBalanceNotEnough,
            true,
        ),
        (
            "BUYER_BALANCE_NOT_ENOUGH",
            SubCode::AcqBuyerBalanceNotEnough,
            false,
        ),
        ("invalid-signature", SubCode::IsvInvalidSignature, false),
        (
            "isv.invalid-auth-relations",
            SubCode::IsvInvalidAuthRelations,
            true,
        ),
        ("isv.app-cert-expired", SubCode::AppCertExpired, false),
    ];
    for (text, sub_code, exact) in cases {
        let found = SubCode::find(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (found.sub_code(), found.is_exact()),
            (sub_code, exact),
            "{text}"
        );
    }
    assert!(SubCode::find("ACQ.NOT_A_CODE").is_none());
}

#[cfg(feature = "json")]
mod decoding {
    use minierr::alipay::gateway::{Response, SubCode};
    use minierr::alipay_plus::CallKind;
    use minierr::{Action, Platform};

    fn gateway(body: &str) -> Response<'_> {
        Response::from_json_str(body).unwrap_or_else(|e| panic!("{body}: {e}"))
    }

    #[test]
    fn money_moving_calls_reconcile_unknown_outcomes() {
        let system_error = |method: &str| {
            format!(
                r#"{{"{method}_response":{{"code":"40004","msg":"Business Failed","sub_code":"ACQ.SYSTEM_ERROR","sub_msg":"系统错误"}},"sign":"x"}}"#
            )
        };
        let pay = system_error("alipay_trade_pay");
        let query = system_error("alipay_trade_query");
        let refund = system_error("alipay_trade_refund");
        assert_eq!(
            gateway(&pay).action(CallKind::Idempotent),
            Some(Action::Reconcile)
        );
        assert_eq!(
            gateway(&refund).action(CallKind::Idempotent),
            Some(Action::Reconcile)
        );
        assert_eq!(
            gateway(&query).action(CallKind::MovesMoney),
            Some(Action::Retry)
        );
        let unavailable = r#"{"error_response":{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error","sub_msg":"服务暂不可用"}}"#;
        assert_eq!(
            gateway(unavailable).action(CallKind::MovesMoney),
            Some(Action::Reconcile)
        );
        assert_eq!(
            gateway(unavailable).action(CallKind::Idempotent),
            Some(Action::Retry)
        );
        let waiting = r#"{"alipay_trade_pay_response":{"code":"10003","msg":" order success pay inprocess"}}"#;
        assert_eq!(
            gateway(waiting).action(CallKind::Idempotent),
            Some(Action::Reconcile)
        );
        let refunded = r#"{"alipay_trade_refund_response":{"code":"10000","msg":"Success","fund_change":"Y"}}"#;
        assert_eq!(
            gateway(refunded).action(CallKind::MovesMoney),
            Some(Action::Success)
        );
        let not_yet = r#"{"alipay_trade_refund_response":{"code":"10000","msg":"Success","fund_change":"N"}}"#;
        assert_eq!(
            gateway(not_yet).action(CallKind::MovesMoney),
            Some(Action::Reconcile)
        );
    }

    /// Fund APIs (transfers, red packets) take only certificate-mode signing: an app signing
    /// with a plain public key gets `isv.missing-app-cert-sn`, which its settings fix, unlike the
    /// other `isv.missing-*` parameters (yansongda/pay#325, #378).
    #[test]
    fn a_missing_certificate_serial_number_is_configuration() {
        let body = r#"{"alipay_fund_trans_uni_transfer_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.missing-app-cert-sn","sub_msg":"缺少应用公钥证书序列号"},"sign":"x"}"#;
        let response = gateway(body);
        assert_eq!(
            response.resolved_sub_code(),
            Some(SubCode::IsvMissingAppCertSn)
        );
        assert_eq!(
            response.action(CallKind::MovesMoney),
            Some(Action::FixConfig)
        );
        let line = r"Yansongda\Pay\Exceptions\GatewayException ERROR_GATEWAY: Get Alipay API Error:Invalid Arguments - isv.missing-app-cert-sn";
        let options = minierr::DecodeOptions::new();
        let (_, d) = minierr::line::decode_line(line, &options).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (d.platform(), d.name(), d.action()),
            (
                Platform::AlipayGateway,
                Some("IsvMissingAppCertSn"),
                Some(Action::FixConfig)
            )
        );
        // A parameter the caller leaves out stays the caller's to fix.
        let missing_method = r#"{"error_response":{"code":"40001","msg":"Missing Required Arguments","sub_code":"isv.missing-method","sub_msg":"缺少方法名参数"}}"#;
        assert_eq!(
            gateway(missing_method).action(CallKind::MovesMoney),
            Some(Action::FixRequest)
        );
    }

    #[test]
    fn the_classes_the_issue_names() {
        let cases: [(&str, Action); 7] = [
            (
                r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.code-invalid"}"#,
                Action::Refresh,
            ),
            (
                r#"{"code":"20001","msg":"Insufficient Token Permissions","sub_code":"aop.auth-token-time-out"}"#,
                Action::Refresh,
            ),
            (
                r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-signature"}"#,
                Action::FixConfig,
            ),
            (
                r#"{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}"#,
                Action::FixConfig,
            ),
            (
                r#"{"code":"40004","msg":"Business Failed","sub_code":"ACQ.INVALID_PARAMETER"}"#,
                Action::FixRequest,
            ),
            (
                r#"{"alipay_trade_pay_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.BUYER_BALANCE_NOT_ENOUGH"}}"#,
                Action::AskUser,
            ),
            (
                r#"{"alipay_trade_create_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_HAS_SUCCESS"}}"#,
                Action::Reconcile,
            ),
        ];
        for (body, action) in cases {
            assert_eq!(
                gateway(body).action(CallKind::Idempotent),
                Some(action),
                "{body}"
            );
        }
    }

    #[test]
    fn gateway_and_open_platform_bodies_stay_apart() {
        let gateway_body = r#"{"code":"40002","msg":"Invalid Arguments","subCode":"isv.app-cert-not-exist","subMsg":"应用公钥证书不存在"}"#;
        let success = r#"{"code":"10000","msg":"Success","out_trade_no":"x","qr_code":"https://qr.alipay.com/x"}"#;
        let open_platform = r#"{"code":"4006","message":"请求时间不在允许范围内"}"#;
        let open_platform_number = r#"{"code":40001,"msg":"缺少必选参数"}"#;
        for (body, platform) in [
            (gateway_body, Platform::AlipayGateway),
            (success, Platform::AlipayGateway),
            (open_platform, Platform::OpenPlatform),
            (open_platform_number, Platform::OpenPlatform),
        ] {
            let d = minierr::decode_str(body).unwrap_or_else(|e| panic!("{body}: {e}"));
            assert_eq!(d.platform(), platform, "{body}");
        }
        let d = minierr::decode_str(gateway_body).expect("decodes");
        assert_eq!(d.code().map(|c| c.to_string()), Some("40002".to_owned()));
        let json = serde_json::to_value(&d).expect("serialises");
        assert_eq!(
            json["code"], "40002",
            "the code as the gateway sends it, a string"
        );
    }

    #[test]
    fn unknown_sub_code_reads_the_real_code_from_sub_msg() {
        let body = r#"{"code":"40004","msg":"Business Failed","sub_code":"unknown-sub-code","sub_msg":"未知的错误码ACQ.TRADE_NOT_EXIST"}"#;
        assert_eq!(
            gateway(body).resolved_sub_code(),
            Some(SubCode::AcqTradeNotExist)
        );
        let opaque = r#"{"code":"40004","msg":"Business Failed","sub_code":"unknown-sub-code","sub_msg":"未知的错误码MINI_APP_INFO_AUDIT_CONTAINS"}"#;
        assert_eq!(
            gateway(opaque).resolved_sub_code(),
            Some(SubCode::UnknownSubCode)
        );
        assert_eq!(
            gateway(opaque).action(CallKind::Idempotent),
            Some(Action::GiveUp)
        );
    }
}

/// What each real Alipay entry must decode to: platform, the catalog name, the action, and why.
#[cfg(feature = "json")]
type Expected = (
    &'static str,
    Platform,
    Option<&'static str>,
    Option<Action>,
    &'static str,
);

#[cfg(feature = "json")]
use minierr::Platform;

#[cfg(feature = "json")]
const REAL: &[Expected] = &[
    (
        "JSON parse data error",
        Platform::Alipay,
        Some("JsonParseError"),
        Some(Action::FixRequest),
        "my.request 14: the response is not valid JSON for dataType json",
    ),
    (
        r#"{"resultStatus":6001,"result":"","memo":"用户取消"}"#,
        Platform::Alipay,
        Some("UserCancelled"),
        Some(Action::AskUser),
        "App SDK 6001 is tradePay's user cancellation",
    ),
    (
        r#"{"resultStatus":6001,"result":"","memo":"操作已经取消。","platform":"android"}"#,
        Platform::Alipay,
        Some("UserCancelled"),
        Some(Action::AskUser),
        "the same code with the plugin's extra field",
    ),
    (
        r#"{"resultStatus":4000,"result":{"alipay_trade_app_pay_response":{"code":"40003","msg":"Insufficient Conditions","sub_code":"isv.missing-signature-config","sub_msg":"应用未配置对应签名算法的公钥或者证书"}},"memo":""}"#,
        Platform::Alipay,
        Some("OrderFailed"),
        Some(Action::FixConfig),
        "4000 is tradePay's order failure; the nested gateway answer names the cause, no key configured for the signature type (isv.missing-signature-config), which is configuration",
    ),
    (
        r#"{"memo":"系统繁忙，请稍后再试","result":"","resultStatus":"4000"}"#,
        Platform::Alipay,
        Some("OrderFailed"),
        Some(Action::FixRequest),
        "resultStatus as a string; the backend's order string was wrong",
    ),
    (
        r#"{"resultStatus":4000,"result":"","memo":"系统繁忙，请稍后再试"}"#,
        Platform::Alipay,
        Some("OrderFailed"),
        Some(Action::FixRequest),
        "the backend's order string was wrong",
    ),
    (
        r#"{"code":"10000","msg":"Success","out_trade_no":"eb0d16e5-38d9-4fc4-ba6b-59787532eba1","qr_code":"https://qr.alipay.com/bax04455bp1jlvn7mx0h60ea"}"#,
        Platform::AlipayGateway,
        Some("Success"),
        Some(Action::Success),
        "the gateway answered 10000; the failure was the SDK's own signature check",
    ),
    (
        "调试错误，请回到请求来源地，重新发起请求。 错误代码 invalid-signature 错误原因: 验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配",
        Platform::AlipayGateway,
        Some("IsvInvalidSignature"),
        Some(Action::FixConfig),
        "the error page: the signature does not verify",
    ),
    (
        "错误代码 invalid-signature 错误原因: 验签出错，sign值与sign_type参数指定的签名类型不一致：sign_type参数值为RSA2，您实际用的签名类型可能是RSA",
        Platform::AlipayGateway,
        Some("IsvInvalidSignature"),
        Some(Action::FixConfig),
        "signed with RSA, declared RSA2",
    ),
    (
        "错误代码 missing-signature-config 错误原因: 验签出错, 未配置对应签名算法的公钥或者证书",
        Platform::AlipayGateway,
        Some("IsvMissingSignatureConfig"),
        Some(Action::FixConfig),
        "no public key or certificate configured",
    ),
    (
        r#"{"code":"40002","msg":"Invalid Arguments","subCode":"isv.app-cert-not-exist","subMsg":"应用公钥证书不存在"}"#,
        Platform::AlipayGateway,
        Some("IsvAppCertNotExist"),
        Some(Action::FixConfig),
        "FixConfig rests on Alipay support's answer (developer.aliyun.com/ask/285114): three of \
         its four causes are the app's signing mode, certificate path and file; the thread itself \
         (a hand-built appCertSn, an unconfirmed reply about the serial) settles nothing",
    ),
    (
        "错误代码 invalid-app-id 错误原因: 无效的AppID参数",
        Platform::AlipayGateway,
        Some("IsvInvalidAppId"),
        Some(Action::FixConfig),
        "a wrong app_id",
    ),
    (
        "错误代码 invalid-signature 错误原因: 验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：",
        Platform::AlipayGateway,
        Some("IsvInvalidSignature"),
        Some(Action::FixConfig),
        "sandbox, certificate mode: the signature does not verify",
    ),
    (
        "ERROR_GATEWAY: Get Alipay API Error:Business Failed - INVALID_PARAMETER",
        Platform::AlipayGateway,
        Some("InvalidParameter"),
        Some(Action::FixRequest),
        "biz_scene was missing from the transfer",
    ),
    (
        "ERROR_GATEWAY: Get Alipay API Error:Service Currently Unavailable - aop.SYSTEM_ERROR",
        Platform::AlipayGateway,
        Some("SystemError"),
        Some(Action::Reconcile),
        "a system error of unknown outcome; with no method named, decode treats the call as moving money",
    ),
    (
        "Get Alipay API Error:Insufficient Permissions - isv.self-invoke-forbidden",
        Platform::AlipayGateway,
        Some("IsvSelfInvokeForbidden"),
        Some(Action::FixConfig),
        "the user may not pay themselves: a configuration of the test accounts",
    ),
    (
        "Get Alipay API Error:Business Failed - ACQ.INVALID_PARAMETER",
        Platform::AlipayGateway,
        Some("AcqInvalidParameter"),
        Some(Action::FixRequest),
        "an invalid parameter",
    ),
];

#[cfg(feature = "json")]
#[test]
fn real_alipay_payloads_decode_as_their_threads_explain() {
    let path = support::fixtures_dir().join("reference/real-world/dev-payloads.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (mut checked, mut right) = (0, 0);
    for line in text.lines() {
        let entry: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        if !matches!(
            entry["kind"].as_str(),
            Some("alipay_gateway" | "alipay_jsapi")
        ) {
            continue;
        }
        let payload = serde_json::to_string(&entry["payload"]).expect("re-serialises");
        let key = match &entry["payload"] {
            serde_json::Value::String(s) => s.clone(),
            _ => payload.clone(),
        };
        let expected = REAL
            .iter()
            .find(|(p, ..)| {
                serde_json::from_str::<serde_json::Value>(p)
                    .map_or(*p == key, |v| v == entry["payload"])
            })
            .unwrap_or_else(|| panic!("no expectation for {key}"));
        let (_, platform, name, action, why) = *expected;
        checked += 1;
        match minierr::decode_str(&payload) {
            Ok(d) if (d.platform(), d.name(), d.action()) == (platform, name, action) => right += 1,
            Ok(d) => eprintln!(
                "WRONG {key}: got {:?} {:?} {:?}, want {platform:?} {name:?} {action:?}: {why}",
                d.platform(),
                d.name(),
                d.action()
            ),
            Err(e) => eprintln!("WRONG {key}: {e} ({why})"),
        }
    }
    eprintln!("alipay real payloads: {right}/{checked} right");
    assert_eq!(checked, REAL.len(), "every expectation met its payload");
    assert_eq!(right, checked);
}

#[test]
fn every_action_is_one_the_catalog_uses() {
    // A guard against a table typo that the generator would still accept.
    let actions: BTreeSet<Action> = SubCode::all()
        .flat_map(|s| s.readings())
        .map(|m| m.action())
        .collect();
    assert!(actions.contains(&Action::Reconcile) && actions.contains(&Action::AskUser));
    assert!(!actions.contains(&Action::Success));
}

/// Alipay's Easy SDK answers with its own camel-cased fields beside `httpBody`, the answer as
/// sent (响应原始字符串): that text's wrapper names the method, which decides a sub_code whose
/// step differs per API (ACQ.TRADE_STATUS_ERROR: reconcile on a refund, fix the request on a
/// payment).
#[cfg(feature = "json")]
#[test]
fn easy_sdk_http_body_names_the_method() {
    let body = r#"{"httpBody":"{\"alipay_trade_refund_response\":{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_STATUS_ERROR\",\"sub_msg\":\"交易状态非法\"},\"sign\":\"x\"}","code":"40004","msg":"Business Failed","subCode":"ACQ.TRADE_STATUS_ERROR","subMsg":"交易状态非法"}"#;
    let d = minierr::decode_str(body).expect("decodes");
    assert_eq!(d.platform(), minierr::Platform::AlipayGateway);
    assert_eq!(d.view().api.as_deref(), Some("alipay.trade.refund"));
    assert_eq!(d.action(), Some(minierr::Action::Reconcile));
    // A raw text without a wrapper names nothing.
    let bare = r#"{"httpBody":"not json","code":"40004","msg":"Business Failed","subCode":"ACQ.TRADE_STATUS_ERROR"}"#;
    let d = minierr::decode_str(bare).expect("decodes");
    assert_eq!(d.view().api.as_deref(), None);
}
