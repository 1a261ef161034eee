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
const KEYS: [&str; 19] = [
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

    let out = minierr(&["explain", "500001", "--json"]);
    let items = json_lines(&out);
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
        assert_keys(item, &[]);
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

    // The server meaning of 40029 beside any other platform's.
    let items = json_lines(&minierr(&["explain", "40029", "--json"]));
    assert!(items.iter().any(|i| i["platform"] == "wechat_server"
        && i["name"] == "InvalidCode"
        && i["action"] == "refresh"));

    // PARAM_ILLEGAL is also a sub_code of the gateway's transfer API.
    let items = json_lines(&minierr(&["explain", "PARAM_ILLEGAL", "--json"]));
    let items: Vec<_> = items
        .into_iter()
        .filter(|i| i["platform"] != "alipay_gateway")
        .collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["platform"], "alipayplus");
    assert_eq!(items[0]["status"], "F");
    assert_eq!(items[0]["action"], "fix_request");

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

    let items = json_lines(&minierr(&[
        "explain",
        "1003",
        "--platform",
        "wechat",
        "--json",
    ]));
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["action"], "backoff");
}

#[test]
fn explain_reports_unknown_codes_and_bad_arguments() {
    let out = minierr(&["explain", "99999999"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("in none of the catalogs"));

    let out = minierr(&["explain", "1", "--api", "my.nothing"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown Alipay API"));

    let out = minierr(&["explain", "1", "--platform", "weibo"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(minierr(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn decode_reads_the_sample_log() {
    let out = minierr(&["decode", "examples/data/payloads.jsonl"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the sample has undecodable lines on purpose"
    );
    let text = stdout(&out);
    assert!(
        text.contains(
            "wechat        openBluetoothAdapter 1500102 BluetoothAdapterNotAvailable -> ask_user"
        ),
        "{text}"
    );
    assert!(text.contains("not decoded: not a JSON object"));
    assert!(text.contains("1500199 (not in the catalog)"));
    for heading in [
        "by platform",
        "by WeChat category",
        "by action",
        "top codes",
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
    assert_eq!(items.len(), sample_lines, "one object per input line");
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item["line"], i + 1);
        if item.get("error").is_some() {
            assert_eq!(item.as_object().unwrap().len(), 2);
        } else {
            assert_keys(item, &["line"]);
        }
    }
    let unknown = items.iter().find(|i| i["code"] == 1500199).unwrap();
    assert_eq!(unknown["known"], false);
    assert_eq!(unknown["category"]["name_en"], "Device");
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

    let array =
        r#"[{"resultCode":"6004"}, {"result":{"resultCode":"SUCCESS","resultStatus":"S"}}]"#;
    let items = json_lines(&minierr_stdin(&["decode", "--json"], array));
    assert_eq!(items[0]["name"], "ResultUnknown");
    assert_eq!(items[1]["action"], "success");

    let with_api = minierr_stdin(
        &["decode", "--api", "my.getPhoneNumber", "--json"],
        "{\"error\":40006}",
    );
    assert_eq!(
        json_lines(&with_api)[0]["name"],
        "InsufficientIsvPermission"
    );

    let out = minierr(&["decode", "no/such/file.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/file.jsonl"));
}

#[test]
fn list_prints_the_catalogs() {
    let out = minierr(&["list", "--platform", "wechat", "--category", "15", "--json"]);
    let items = json_lines(&out);
    assert_eq!(
        items.len(),
        55,
        "category 15 holds 55 codes in the reference"
    );
    assert!(items.iter().all(|i| i["category"]["code"] == 15));
    let all = json_lines(&minierr(&["list", "--json"]));
    // errno, Alipay JSAPI failures (the combined table and the per-API pages), Alipay+,
    // open platform, server errcodes, Cloud codes, and the gateway's public codes and sub_codes.
    assert_eq!(all.len(), 295 + 63 + 8 + 65 + 927 + 99 + 10 + 294);
    let gateway = json_lines(&minierr(&[
        "list",
        "--platform",
        "alipay_gateway",
        "--json",
    ]));
    assert_eq!(gateway.len(), 10 + 294);
    let server = json_lines(&minierr(&["list", "--platform", "wechat_server", "--json"]));
    assert_eq!(server.len(), 927, "every server errcode of the reference");
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
    assert_keys(&items[0], &[]);
    let items = json_lines(&minierr(&["explain", "45009", "--json"]));
    let server: Vec<_> = items
        .iter()
        .filter(|i| i["platform"] == "wechat_server")
        .collect();
    assert_eq!(server[0]["retry_hint"], "next day UTC+8");
    let items = json_lines(&minierr(&["explain", "600002", "--json"]));
    assert!(items.iter().all(|i| i["retry_hint"].is_null()));
    let text = stdout(&minierr(&[
        "explain",
        "45011",
        "--platform",
        "wechat_server",
    ]));
    assert!(text.contains("retry       after 60s"), "{text}");
}

#[test]
fn gateway_bodies_and_texts_decode_in_a_log() {
    let log = concat!(
        r#"{"alipay_trade_query_response":{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"},"sign":"x"}"#,
        "\n",
        r#""错误代码 invalid-signature 错误原因: 验签出错""#,
        "\n",
    );
    let path = std::env::temp_dir().join(format!("minierr-gateway-{}.jsonl", std::process::id()));
    std::fs::write(&path, log).expect("writes");
    let out = minierr(&["decode", path.to_str().expect("utf-8 path"), "--json"]);
    let _ = std::fs::remove_file(&path);
    let items = json_lines(&out);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["platform"], "alipay_gateway");
    assert_eq!(items[0]["code"], "40004");
    assert_eq!(items[0]["name"], "AcqTradeNotExist");
    assert_eq!(items[0]["api"], "alipay.trade.query");
    assert_eq!(items[1]["name"], "IsvInvalidSignature");
    assert_eq!(items[1]["action"], "fix_config");
    let items = json_lines(&minierr(&["explain", "isv.invalid-signature", "--json"]));
    assert_eq!(items[0]["platform"], "alipay_gateway");
}
