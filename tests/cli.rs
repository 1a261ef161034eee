//! The `minierr` binary, run as a user would: every subcommand in text and JSON, bad lines,
//! unknown codes, usage errors and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn minierr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_minierr"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn minierr_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_minierr"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json_lines(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// The keys the README documents, every one on every object.
const KEYS: [&str; 20] = [
    "platform",
    "api",
    "code",
    "sub_code",
    "err_code",
    "known",
    "name",
    "err_msg",
    "message_zh",
    "message_en",
    "remedy_zh",
    "remedy_en",
    "status",
    "category",
    "subcategory",
    "action",
    "retry_hint",
    "reason_class",
    "candidate_apis",
    "wecom_reading",
];

fn assert_keys(value: &serde_json::Value, extra: &[&str]) {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut expected: Vec<&str> = KEYS.iter().chain(extra).copied().collect();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

/// The keys of the catalog schema (`list`, `explain` on a code), in the README's order.
const ROW_KEYS: [&str; 11] = [
    "platform",
    "code",
    "sub_code",
    "api",
    "name",
    "machine_string",
    "message_zh",
    "message_en",
    "action",
    "retry_hint",
    "reliability",
];

/// Every catalog row has exactly the schema's keys (their order is the CSV header's, checked in
/// `list_prints_the_catalogs_in_one_schema`).
fn assert_row_keys(value: &serde_json::Value) {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut expected = ROW_KEYS.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected);
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("minierr-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("writes a temporary file");
    path
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn explain_finds_a_code_on_every_platform() {
    let out = minierr(&["explain", "1500102"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("wechat 1500102 BluetoothAdapterNotAvailable"),
        "{text}"
    );
    assert!(text.contains("当前蓝牙适配器不可用"));
    assert!(text.contains("15 设备 (Device)"));

    let items = json_lines(&minierr(&["explain", "500001", "--json"]));
    let platforms: Vec<&str> = items
        .iter()
        .map(|i| i["platform"].as_str().unwrap())
        .collect();
    assert_eq!(
        platforms,
        ["wechat", "open_platform"],
        "500001 exists on both, separately"
    );
    for item in &items {
        assert_row_keys(item);
    }

    // 40006 is also a WeChat server errcode (invalid file size), listed beside the Alipay ones.
    let items = json_lines(&minierr(&["explain", "40006", "--json"]));
    let apis: Vec<&str> = items
        .iter()
        .filter(|i| i["platform"] == "alipay")
        .map(|i| i["api"].as_str().unwrap())
        .collect();
    assert_eq!(apis, ["my.getPhoneNumber", "my.getOpenUserInfo"]);
    assert!(
        items
            .iter()
            .any(|i| i["platform"] == "wechat_server" && i["name"] == "InvalidMediaSize")
    );

    let items = json_lines(&minierr(&["explain", "40029", "--json"]));
    assert!(items.iter().any(|i| i["platform"] == "wechat_server"
        && i["name"] == "InvalidCode"
        && i["action"] == "refresh"));

    // PARAM_ILLEGAL is also a sub_code of the gateway's transfer API.
    let items = json_lines(&minierr(&["explain", "PARAM_ILLEGAL", "--json"]));
    let plus: Vec<_> = items
        .iter()
        .filter(|i| i["platform"] == "alipayplus")
        .collect();
    assert_eq!(plus.len(), 1);
    assert_eq!(plus[0]["action"], "fix_request");

    let items = json_lines(&minierr(&["explain", "N22106", "--json"]));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["name"], "DomainNotWhitelisted");

    let items = json_lines(&minierr(&[
        "explain",
        "4",
        "--api",
        "my.uploadFile",
        "--json",
    ]));
    assert_eq!(items.len(), 3, "my.uploadFile 4 has three meanings");

    // 1003 is an errno and, in the ad family, a legacy errCode.
    let items = json_lines(&minierr(&[
        "explain",
        "1003",
        "--platform",
        "wechat",
        "--json",
    ]));
    let errno: Vec<_> = items.iter().filter(|i| i["platform"] == "wechat").collect();
    assert_eq!(errno.len(), 1);
    assert_eq!(errno[0]["action"], "backoff");
    assert!(
        items
            .iter()
            .any(|i| i["platform"] == "wechat_legacy" && i["api"] == "ad")
    );
}

#[test]
fn explain_takes_negative_codes_messages_and_unknown_errnos() {
    // A negative number needs no `--`.
    let out = minierr(&["explain", "-502005"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("wechat_cloud -502005 DatabaseCollectionNotFound"));

    // An option after a negative code, and the Cloud platform by name.
    let out = minierr(&["explain", "-1", "--platform", "wechat_cloud"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("wechat_cloud -1 UnknownError"));

    // A whole message is decoded as a log line would be.
    let out = minierr(&["explain", "request:fail url not in domain list", "--json"]);
    let items = json_lines(&out);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["found"], "wx_err_msg");
    assert_eq!(items[0]["code"], 600002);
    assert_eq!(items[0]["action"], "fix_config");
    assert_keys(&items[0], &["found"]);

    // A seven-digit number no catalog lists still has a WeChat category.
    let out = minierr(&["explain", "1509999"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("1509999 (not in the catalog)"), "{text}");
    assert!(text.contains("15 设备 (Device)"), "{text}");
    let items = json_lines(&minierr(&["explain", "1509999", "--json"]));
    assert_eq!(items[0]["known"], false);
    assert_eq!(items[0]["category"]["code"], 15);
}

#[test]
fn explain_reports_unknown_codes_and_bad_arguments() {
    let out = minierr(&["explain", "99999999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("in none of the catalogs"));

    let out = minierr(&["explain", "1", "--api", "my.nothing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown Alipay API"));

    let out = minierr(&["explain", "1", "--platform", "weibo"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(minierr(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn decode_reads_the_sample_log_and_exits_zero() {
    let out = minierr(&["decode", "examples/data/payloads.jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(
            "wechat         openBluetoothAdapter 1500102 BluetoothAdapterNotAvailable -> ask_user"
        ),
        "{text}"
    );
    assert!(text.contains("1500199 (not in the catalog)"));
    // The line number right-aligned in seven columns, as on a decoded line.
    assert!(
        text.lines()
            .any(|l| l == "     41  skipped: no payload found in the line"),
        "{text}"
    );
    assert!(
        text.contains("0 not decoded, 2 skipped (no payload)"),
        "{text}"
    );
    for heading in [
        "by platform",
        "by form found",
        "by WeChat category",
        "by action",
        "top codes",
        "top unknown reasons",
    ] {
        assert!(text.contains(heading), "{heading}");
    }

    let out = minierr(&["decode", "examples/data/payloads.jsonl", "--json"]);
    let items = json_lines(&out);
    let sample_lines = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/payloads.jsonl"
    ))
    .unwrap()
    .lines()
    .filter(|l| !l.trim().is_empty())
    .count();
    assert_eq!(items.len(), sample_lines, "one object per non-blank line");
    for item in &items {
        if item.get("skipped").is_some() {
            assert_eq!(item["skipped"], "no_payload");
        } else {
            assert_keys(item, &["line", "found"]);
        }
    }
    let unknown = items.iter().find(|i| i["code"] == 1500199).unwrap();
    assert_eq!(unknown["known"], false);
    assert_eq!(unknown["category"]["name_en"], "Device");
}

/// One line per form, each from a real log (the real-world set's raw texts), and the form and
/// answer `decode` must give it.
const LOG_FORMS: &[(&str, &str, &str, &str)] = &[
    (
        r#"{"errMsg":"request:fail url not in domain list","errno":600002}"#,
        "json",
        "wechat",
        "fix_config",
    ),
    (
        r#"reponse content:{"errcode":40029,"errmsg":"invalid code, hints: [ req_id: AwanVA0259s113 ]"}"#,
        "json_object",
        "wechat_server",
        "refresh",
    ),
    (
        r#"Uncaught (in promise) {errMsg: "sendSocketMessage:fail webSocket is not connected"}"#,
        "fields",
        "wechat",
        "unknown",
    ),
    (
        "报错信息：requestSubscribeMessage:fail can only be invoked by user TAP gesture",
        "wx_err_msg",
        "wechat",
        "fix_request",
    ),
    (
        "Uncaught (in promise) Error: errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID 3e7eda4e-847b-11ea-b397-5254004f3f4d, cloud function service error code -504002, error message connect ECONNREFUSED 127.0.0.1:8080",
        "wx_cloud_text",
        "wechat_cloud",
        "fix_request",
    ),
    (
        "wechatpy.exceptions.WeChatClientException: Error code: 40003, message: invalid openid rid: 6302e9ee-763afa00-0dae2ea0",
        "server_text",
        "wechat_server",
        "fix_request",
    ),
    (
        "【微信错误 errcode=40029, errmsg=invalid code】",
        "server_text",
        "wechat_server",
        "refresh",
    ),
    (
        "[40164] invalid ip 120.244.112.8 ipv6 ::ffff:120.244.112.8, not in whitelist rid: 5fa26c60-1a0ebdd5-32fd1cd0",
        "server_text",
        "wechat_server",
        "fix_config",
    ),
    (
        "WxErrCode != 0, resp: {41001 access_token missing rid: 637df9e4-4cd673ce-10c42658}",
        "server_text",
        "wechat_server",
        "fix_request",
    ),
    (
        "调试错误，请回到请求来源地，重新发起请求。 错误代码 missing-signature-config 错误原因: 验签出错, 未配置对应签名算法的公钥或者证书",
        "gateway_text",
        "alipay_gateway",
        "fix_config",
    ),
    (
        "扫码支付下单Get Alipay API Error:Insufficient Permissions - isv.self-invoke-forbidden",
        "gateway_text",
        "alipay_gateway",
        "fix_config",
    ),
    (
        "Business Failed[40004] 交易不存在[ACQ.TRADE_NOT_EXIST]",
        "gateway_text",
        "alipay_gateway",
        "fix_request",
    ),
    (
        "my.request报错：JSON parse data error",
        "alipay_text",
        "alipay",
        "fix_request",
    ),
    (
        "unifiedorder <xml><return_code><![CDATA[SUCCESS]]></return_code><result_code><![CDATA[FAIL]]></result_code><err_code><![CDATA[ORDERPAID]]></err_code></xml>",
        "pay_text",
        "wechat_pay",
        "reconcile",
    ),
    (
        r#"error http response:[StatusCode: 500 Code: "SOMETHING_NEW" Message: 系统繁忙]"#,
        "pay_text",
        "wechat_pay",
        "reconcile",
    ),
    (
        r#"ServiceException{httpStatusCode[429], httpResponseBody[{"code":"FREQUENCY_LIMITED","message":"频率超限"}]}"#,
        "json_object",
        "wechat_pay",
        "backoff",
    ),
];

#[test]
fn decode_finds_each_form_in_a_log() {
    let log: String = LOG_FORMS
        .iter()
        .map(|(line, ..)| format!("{line}\n"))
        .collect();
    let out = minierr_stdin(&["decode", "-", "--json"], &log);
    assert!(out.status.success(), "{}", stderr(&out));
    let items = json_lines(&out);
    assert_eq!(items.len(), LOG_FORMS.len());
    for (item, (line, found, platform, action)) in items.iter().zip(LOG_FORMS) {
        let got = (
            item["found"].as_str(),
            item["platform"].as_str(),
            item["action"].as_str().unwrap_or("unknown"),
        );
        assert_eq!(got, (Some(*found), Some(*platform), *action), "{line}");
    }
}

/// An answer with a step but no code (an errmsg several codes share, a v3 failure known by its
/// HTTP status) has nothing the catalog could hold: the rows say `-` and the step, not
/// "(not in the catalog)", while an unknown code still says so.
#[test]
fn answers_without_a_code_are_not_called_missing_from_the_catalog() {
    let log = "errmsg: invalid openid rid: 6523ab-12cd-34\n\
               Server error: `POST https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi` resulted in a `502 Bad Gateway` response\n\
               {\"errcode\":49999123,\"errmsg\":\"something new\"}\n";
    let out = minierr_stdin(&["decode", "-"], log);
    let text = stdout(&out);
    let rows: Vec<&str> = text.lines().take(3).collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(
        rows[0].contains("wechat_server  - -> fix_request"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains("V3JsapiOrder - -> reconcile"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].contains("49999123 (not in the catalog)"),
        "{}",
        rows[2]
    );
    for query in [
        "errmsg: invalid openid rid: 6523ab-12cd-34",
        "Server error: `POST https://api.mch.weixin.qq.com/v3/pay/transactions/jsapi` resulted in a `502 Bad Gateway` response",
    ] {
        let out = minierr(&["explain", query]);
        assert!(out.status.success(), "{query}: {}", stderr(&out));
        let first = stdout(&out).lines().next().unwrap_or_default().to_owned();
        assert!(!first.contains("not in the catalog"), "{first}");
    }
}

#[test]
fn bad_lines_are_reported_and_the_run_goes_on() {
    let out = minierr(&["decode", "examples/data/broken.log"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some lines could not be decoded"
    );
    let text = stdout(&out);
    assert!(
        text.contains("      1  not decoded: the object fits no known platform"),
        "{text}"
    );
    assert!(
        text.contains("      2  not decoded: the object fits several platforms (alipay, wechat_server); name one: decode_as, or --platform"),
        "{text}"
    );
    assert!(
        text.contains("      3  not decoded: not UTF-8 after byte 36"),
        "{text}"
    );
    assert!(
        text.contains("      4  wechat         request 600002 UrlNotInDomainList"),
        "{text}"
    );
    assert!(text.contains("1 decoded, 3 not decoded"), "{text}");

    // --platform settles the ambiguity.
    let out = minierr_stdin(
        &["decode", "-", "--platform", "wechat_server", "--json"],
        "{\"errcode\":1,\"error\":2}\n",
    );
    let items = json_lines(&out);
    assert_eq!(items[0]["platform"], "wechat_server");
    assert!(out.status.success());

    // A 20 MB line is skipped without being kept, and the next line still decodes.
    let mut big = vec![b'x'; 20 << 20];
    big.extend_from_slice(b"\n{\"errMsg\":\"request:fail timeout\",\"errno\":5}\n");
    let path = temp_file("big.log", &big);
    let out = minierr(&["decode", path.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(1));
    let items = json_lines(&out);
    assert_eq!(items[0]["skipped"], "too_long");
    assert!(
        items[0]["error"]
            .as_str()
            .unwrap()
            .contains("20971520 bytes")
    );
    assert_eq!(items[1]["name"], "Timeout");

    // Empty input: nothing decoded, nothing failed.
    let out = minierr_stdin(&["decode", "-"], "");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("0 decoded, 0 not decoded"));

    // A directory and a missing file are usage errors that name the path.
    let out = minierr(&["decode", "examples"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read examples: it is a directory"),
        "{}",
        stderr(&out)
    );
    let out = minierr(&["decode", "no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read no/such/file.jsonl"));
}

#[test]
fn unknown_codes_fail_only_when_asked() {
    let log = "{\"errMsg\":\"x:fail y\",\"errno\":1509999}\n";
    let out = minierr_stdin(&["decode", "-"], log);
    assert_eq!(out.status.code(), Some(0), "an unknown code is normal data");
    assert!(stdout(&out).contains("top unknown reasons"));
    let out = minierr_stdin(&["decode", "-", "--fail-on-unknown"], log);
    assert_eq!(out.status.code(), Some(1));

    // --json adds the summary only when asked, as the last line.
    let items = json_lines(&minierr_stdin(&["decode", "-", "--json"], log));
    assert_eq!(items.len(), 1);
    let items = json_lines(&minierr_stdin(&["decode", "-", "--json", "--summary"], log));
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["summary"]["decoded"], 1);
    assert_eq!(items[1]["summary"]["unknown"], 1);
    assert_eq!(items[1]["summary"]["top_unknown_reasons"][0][0], "wechat y");
}

#[test]
fn decode_reads_standard_input_and_arrays() {
    let out = minierr_stdin(
        &["decode", "-", "--json"],
        "{\"code\":4004,\"msg\":\"签名无效\"}\n\n{\"errMsg\":\"a:fail b\",\"errno\":5}\n",
    );
    assert!(out.status.success());
    let items = json_lines(&out);
    assert_eq!(items.len(), 2);
    assert_eq!(items[1]["line"], 3, "line numbers count blank lines");

    let array = "\u{feff}[{\"resultCode\":\"6004\"},\n {\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\"}}]";
    let items = json_lines(&minierr_stdin(&["decode", "--json"], array));
    assert_eq!(items[0]["name"], "ResultUnknown");
    assert_eq!(items[1]["action"], "success");
    assert_eq!(items[1]["line"], 2, "an array's items are numbered");

    // A log line that starts with a bracket is not an array.
    let items = json_lines(&minierr_stdin(
        &["decode", "--json"],
        "[wx] request:fail timeout\n",
    ));
    assert_eq!(items[0]["found"], "wx_err_msg");

    let with_api = minierr_stdin(
        &["decode", "--api", "my.getPhoneNumber", "--json"],
        "{\"error\":40006}",
    );
    assert_eq!(
        json_lines(&with_api)[0]["name"],
        "InsufficientIsvPermission"
    );
}

#[test]
fn list_prints_the_catalogs_in_one_schema() {
    let out = minierr(&["list", "--platform", "wechat", "--category", "15", "--json"]);
    let items = json_lines(&out);
    assert_eq!(
        items.len(),
        55,
        "category 15 holds 55 codes in the reference"
    );
    assert!(
        items
            .iter()
            .all(|i| i["code"].as_str().unwrap().starts_with("15"))
    );
    let all = json_lines(&minierr(&["list", "--format", "jsonl"]));
    // errno, legacy errCode, Cloud, server errcodes, Alipay JSAPI failures (the combined table,
    // the per-API pages, the App payment result table's 5000 and the FAQ's error pages: 61
    // rows, 58 once a second wording of a row already listed is folded in), the gateway's public
    // codes and sub_codes (the reference's 294 and two sourced beyond it), Alipay+ (the seed's 7,
    // SUCCESS, and the 31 other codes of the reference's 114 rows), open platform,
    // and WeChat Pay's 79 machine strings (50 from the 164 reference rows less the 7 that name an HTTP
    // status or return_code, folded per code, 17 more from the red packet and v2 payout pages,
    // the bill APIs' 2 from their FAQ, and 7 the payment-code and reverse tables add:
    // AUTHCODEEXPIRE, NOTSUPORTCARD, ORDERREVERSED, AUTH_CODE_ERROR, AUTH_CODE_INVALID,
    // BUYER_MISMATCH, REVERSE_EXPIRE).
    // The server's namespace holds the reference's 927 codes, the open platform's 1,037 and
    // virtual payment's 22; WeCom adds its 1,256. CloudBase's string codes are listed with
    // Cloud's: the 116 its error-code and HTTP API pages list, the SDKs' spelling INVALIID_ENV,
    // the 5 SDK names of Cloud errCodes the pages do not list, and the web SDK's OPERATION_FAIL.
    assert_eq!(
        all.len(),
        295 + 337
            + 99
            + (116 + 1 + 5 + 1)
            + (927 + 1037 + 22)
            + 64
            + 58
            + 10
            + (294 + 2)
            + 39
            + 65
            + 79
            + 1256
    );
    for item in &all {
        assert_row_keys(item);
    }
    let csv = stdout(&minierr(&["list", "--format", "csv"]));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(ROW_KEYS.join(",").as_str()));
    assert!(
        lines.count() >= all.len(),
        "one record per row (some span lines)"
    );
    let text = stdout(&minierr(&["list", "--platform", "open_platform"]));
    assert_eq!(text.lines().count(), 65);
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let text = stdout(&minierr(&["--help"]));
    assert!(text.contains("minierr explain 1500102"));
    assert!(text.contains("Exit status"));
}

#[test]
fn retry_hints_show_in_json_and_text() {
    let items = json_lines(&minierr(&[
        "explain",
        "45011",
        "--platform",
        "wechat_server",
        "--json",
    ]));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["retry_hint"], "after 60s");
    assert_row_keys(&items[0]);
    let items = json_lines(&minierr(&["explain", "45009", "--json"]));
    let server: Vec<_> = items
        .iter()
        .filter(|i| i["platform"] == "wechat_server")
        .collect();
    assert_eq!(server[0]["retry_hint"], "next day UTC+8");
    let items = json_lines(&minierr(&["explain", "600002", "--json"]));
    // 600002 (url not in domain list) is fixed in the console, never by waiting: one row, no hint.
    assert!(!items.is_empty(), "explain 600002 printed nothing");
    assert!(items.iter().any(|i| i["code"] == "600002"), "{items:?}");
    assert!(items.iter().all(|i| i["retry_hint"].is_null()));
    let text = stdout(&minierr(&[
        "explain",
        "45011",
        "--platform",
        "wechat_server",
    ]));
    assert!(text.contains("retry       after 60s"), "{text}");
}

/// Every `platform` that `list` prints is a name `Platform::from_str` reads back, and asking
/// for that platform lists exactly its rows.
#[test]
fn every_platform_list_prints_parses_back() {
    let rows = json_lines(&minierr(&["list", "--format", "jsonl"]));
    assert!(rows.len() > 2000, "{} rows", rows.len());
    let mut counts = std::collections::BTreeMap::new();
    for row in &rows {
        let name = row["platform"].as_str().expect("a platform name");
        let platform: minierr::Platform = name
            .parse()
            .unwrap_or_else(|e| panic!("list printed {name:?}, which does not parse: {e}"));
        assert_eq!(platform.as_str(), name);
        *counts.entry(name.to_owned()).or_insert(0usize) += 1;
    }
    assert_eq!(counts.len(), 10, "{counts:?}");
    let legacy = json_lines(&minierr(&[
        "list",
        "--platform",
        "wechat_legacy",
        "--format",
        "jsonl",
    ]));
    assert_eq!(Some(&legacy.len()), counts.get("wechat_legacy"));
    assert!(legacy.iter().all(|r| r["platform"] == "wechat_legacy"));
}

/// Decoding on several threads writes byte for byte what one thread writes, in the input's
/// order, across many batches, with blank, too-long and non-UTF-8 lines among them.
#[test]
fn jobs_change_the_speed_not_the_output() {
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/payloads.jsonl"
    ))
    .expect("the sample log");
    let mut log = Vec::new();
    let mut round = 0;
    // Well past the 128 KiB batches that may be in flight at once (eight per thread), so
    // batches come back out of order and wait for earlier ones.
    while log.len() < 3 << 20 {
        log.extend_from_slice(&sample);
        log.extend_from_slice(b"\n\n2026-11-30 INFO nothing here\n");
        log.extend_from_slice(b"\xff\xfe not utf-8\n");
        log.extend_from_slice(
            format!("{{\"errMsg\":\"request:fail {}\"}}\n", "x".repeat(300)).as_bytes(),
        );
        round += 1;
    }
    let path = std::env::temp_dir().join(format!("minierr-jobs-{}.log", std::process::id()));
    std::fs::write(&path, &log).expect("a temporary log");
    let path_text = path.to_str().expect("a UTF-8 path");
    for extra in [&[][..], &["--json", "--summary"][..]] {
        let run = |jobs: &str| {
            let mut args = vec![
                "decode",
                path_text,
                "--max-line-bytes",
                "200",
                "--jobs",
                jobs,
            ];
            args.extend_from_slice(extra);
            minierr(&args)
        };
        let (one, two, three) = (run("1"), run("2"), run("3"));
        assert!(!one.stdout.is_empty());
        assert_eq!(one.status.code(), two.status.code());
        assert!(
            one.stdout == two.stdout,
            "--jobs 2 differs from --jobs 1 ({extra:?})"
        );
        assert!(
            one.stdout == three.stdout,
            "--jobs 3 differs from --jobs 1 ({extra:?})"
        );
    }
    let _ = std::fs::remove_file(&path);
    assert!(round > 10);
    let refused = minierr(&["decode", path_text, "--jobs", "0"]);
    assert_eq!(refused.status.code(), Some(2), "--jobs 0 is a usage error");
}

/// An input that only starts like a JSON array (PHP's dump of an array key on its first line:
/// the array closes with other text after it) is read as lines, every one of them; one that is
/// an array is read as its elements.
#[test]
fn a_log_that_only_starts_like_an_array_is_read_as_lines() {
    let dump = r#"["alipay_trade_pay_response"]=> array(4) { ["code"]=> string(5) "40003" ["msg"]=> string(23) "Insufficient Conditions" ["sub_code"]=> string(28) "isv.missing-signature-config" ["sub_msg"]=> string(62) "验签出错, 未配置对应签名算法的公钥或者证书" }"#;
    let log = format!("{dump}\n2026-12-06 10:00:00 ERROR wx.login request:fail timeout\n");
    let path = temp_file("starts-like-an-array.log", log.as_bytes());
    let items = json_lines(&minierr(&[
        "decode",
        "--json",
        path.to_str().expect("a UTF-8 temporary path"),
    ]));
    let read: Vec<(u64, &str)> = items
        .iter()
        .filter_map(|i| Some((i["line"].as_u64()?, i["platform"].as_str()?)))
        .collect();
    assert_eq!(read, [(1, "alipay_gateway"), (2, "wechat")]);
    // The same from standard input.
    let items = json_lines(&minierr_stdin(&["decode", "--json"], &log));
    let read: Vec<(u64, &str)> = items
        .iter()
        .filter_map(|i| Some((i["line"].as_u64()?, i["platform"].as_str()?)))
        .collect();
    assert_eq!(read, [(1, "alipay_gateway"), (2, "wechat")]);
    // PHP's short array syntax breaks JSON on its first line: lines, not a broken array.
    let log = concat!(
        r#"["errcode" => 45065 "errmsg" => "clientmsgid exist" "msg_id" => "3147483331"]"#,
        "\n",
        r#"{"errcode":40001,"errmsg":"invalid credential"}"#,
        "\n",
    );
    let items = json_lines(&minierr_stdin(&["decode", "--json"], log));
    let lines: Vec<u64> = items.iter().filter_map(|i| i["line"].as_u64()).collect();
    assert_eq!(lines, [1, 2], "{items:?}");
    assert_eq!(items[1]["platform"], "wechat_server");
    // An array Python's pprint spread over lines leaves its first line's brackets open: it is
    // read as an array, and reported as no JSON one, not read as fragments.
    let pprint = "[{'errcode': 40001, 'errmsg': 'invalid credential'},\n {'return_code': 'FAIL',\n  'return_msg': '系统繁忙,请稍后再试'}]\n";
    let output = minierr_stdin(&["decode", "--json"], pprint);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("starts as a JSON array but is not one"),
        "{output:?}"
    );
    // A pretty-printed array's first line is JSON cut short: an array still.
    let pretty = "[{\"errcode\": 40001,\n  \"errmsg\": \"invalid credential\"}]\n";
    let items = json_lines(&minierr_stdin(&["decode", "--json"], pretty));
    let platforms: Vec<&str> = items
        .iter()
        .filter_map(|i| i["platform"].as_str())
        .collect();
    assert_eq!(platforms, ["wechat_server"]);

    let array =
        r#"[{"errMsg":"request:fail timeout"}, {"errcode":40001,"errmsg":"invalid credential"}]"#;
    let path = temp_file("one-array.json", array.as_bytes());
    let items = json_lines(&minierr(&[
        "decode",
        "--json",
        path.to_str().expect("a UTF-8 temporary path"),
    ]));
    let platforms: Vec<&str> = items
        .iter()
        .filter_map(|i| i["platform"].as_str())
        .collect();
    assert_eq!(platforms, ["wechat", "wechat_server"]);
}

/// JSON lines whose values are arrays are lines: each is read, every payload of each, and none
/// is lost to the first being taken for the whole input. An array on one line with nothing
/// after it stays an array.
#[test]
fn json_lines_of_arrays_are_read_line_by_line() {
    let log = concat!(
        r#"[{"errcode":40001,"errmsg":"invalid credential"},{"errcode":40013,"errmsg":"invalid appid"}]"#,
        "\n",
        r#"[{"errcode":45009,"errmsg":"reach max api daily quota limit"}]"#,
        "\n",
    );
    let path = temp_file("arrays-per-line.jsonl", log.as_bytes());
    for output in [
        minierr(&[
            "decode",
            "--json",
            path.to_str().expect("a UTF-8 temporary path"),
        ]),
        minierr_stdin(&["decode", "--json"], log),
    ] {
        let items = json_lines(&output);
        let read: Vec<(u64, i64)> = items
            .iter()
            .filter_map(|i| Some((i["line"].as_u64()?, i["code"].as_i64()?)))
            .collect();
        assert_eq!(read, [(1, 40001), (1, 40013), (2, 45009)]);
        assert_eq!(output.status.code(), Some(0), "every line was decoded");
    }
    let one_line = concat!(
        r#"[{"errcode":40001,"errmsg":"invalid credential"},{"errcode":45009,"errmsg":"x"}]"#,
        "\n\n"
    );
    let items = json_lines(&minierr_stdin(&["decode", "--json"], one_line));
    let read: Vec<(u64, i64)> = items
        .iter()
        .filter_map(|i| Some((i["line"].as_u64()?, i["code"].as_i64()?)))
        .collect();
    assert_eq!(
        read,
        [(1, 40001), (2, 45009)],
        "one array, read as its elements, numbered"
    );
    // A logger's array whose own object is no payload is a log line: its payload is read, and
    // the logger's object is not reported as a failure.
    let logged = concat!(
        r#"[{"ts":"2026-12-06T10:00:00Z","level":"error"},{"errcode":40001,"errmsg":"invalid credential"}]"#,
        "\n",
        r#"[{"errcode":45009,"errmsg":"reach max api daily quota limit"}]"#,
        "\n"
    );
    let output = minierr_stdin(&["decode", "--json"], logged);
    let read: Vec<(u64, i64)> = json_lines(&output)
        .iter()
        .filter_map(|i| Some((i["line"].as_u64()?, i["code"].as_i64()?)))
        .collect();
    assert_eq!(read, [(1, 40001), (2, 45009)]);
    assert_eq!(output.status.code(), Some(0), "no line failed");
}

/// Past ten thousand distinct unknown reasons the summary tallies no new one; on any number of
/// jobs it keeps the same ones as one pass, so its output is the same.
#[test]
fn the_summary_keeps_the_same_reasons_on_any_number_of_jobs() {
    let mut log = String::new();
    for i in 0..10_050_u32 {
        // Letters only: the summary folds digits, so each reason stays distinct.
        let word: String = format!("{i:05}")
            .bytes()
            .map(|d| char::from(b'a' + (d - b'0')))
            .collect();
        let reason = if i == 9_990 {
            "hotreason".to_owned()
        } else {
            word
        };
        log.push_str(&format!("{{\"errMsg\":\"request:fail {reason}\"}}\n"));
    }
    for _ in 0..50 {
        log.push_str("{\"errMsg\":\"request:fail hotreason\"}\n");
    }
    let path = temp_file("many-reasons.log", log.as_bytes());
    let path = path.to_str().expect("a UTF-8 temporary path");
    let one = stdout(&minierr(&["decode", "--jobs", "1", path]));
    let two = stdout(&minierr(&["decode", "--jobs", "2", path]));
    assert!(one.contains("       51  wechat hotreason"), "{one}");
    assert_eq!(one, two);
}

/// A number the catalog has, beside an errmsg that is not its code's, is reported as such by
/// `explain` and `decode`, and the summary counts it apart from the same number named.
#[test]
fn a_refused_number_is_reported_and_counted_apart() {
    let explained = minierr(&["explain", r#"{"errcode":40014,"errmsg":"bad params"}"#]);
    assert!(
        stdout(&explained).starts_with("wechat_server 40014 (the errmsg is not this code's)"),
        "{}",
        stdout(&explained)
    );
    let input = concat!(
        r#"{"errcode":40014,"errmsg":"bad params"}"#,
        "\n",
        r#"{"errcode":40014,"errmsg":"invalid access_token"}"#,
        "\n",
        r#"{"errcode":40014,"errmsg":"invalid access_token"}"#,
        "\n",
    );
    let decoded = stdout(&minierr_stdin(&["decode", "-", "--summary"], input));
    assert!(
        decoded.contains("2  wechat_server 40014 InvalidAccessToken"),
        "{decoded}"
    );
    assert!(
        decoded.contains("1  wechat_server 40014 (the errmsg is not this code's)"),
        "{decoded}"
    );
    // Text codes too: v2's ERROR in a v3 body, and in two v2 answers.
    let v2 = r#"{"return_code":"SUCCESS","result_code":"FAIL","err_code":"ERROR","err_code_des":"订单已全额退款"}"#;
    let input = format!(
        "{}\n{v2}\n{v2}\n",
        r#"{"code":"ERROR","message":"系统繁忙"}"#
    );
    let decoded = stdout(&minierr_stdin(&["decode", "-", "--summary"], &input));
    assert!(decoded.contains("2  wechat_pay ERROR Error"), "{decoded}");
    assert!(
        decoded.contains("1  wechat_pay ERROR (not an APIv3 code)"),
        "{decoded}"
    );
}
