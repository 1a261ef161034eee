//! WeChat Pay answers as logs hold them: a v2 XML body, and the official SDKs' texts.

use std::borrow::Cow;

use super::{Answer, Api, Response};
use crate::normalize::{find_str, split_once_str};

impl Answer<'static> {
    /// The WeChat Pay answer inside a log line, in one of the forms the API and the official
    /// SDKs print:
    ///
    /// - a v2 XML body, whole (`<xml><return_code><![CDATA[FAIL]]></return_code>…</xml>`) or cut
    ///   to its fields, read with the `xml` feature;
    /// - wechatpay-go's `error http response:[StatusCode: 401 Code: "SIGN_ERROR" Message: …`,
    ///   with the status kept;
    /// - WxJava's `WxPayException` text, `返回代码：[SUCCESS]，返回信息：[OK]，结果代码：[FAIL]，
    ///   错误代码：[ORDERPAID]，错误详情：[该订单已支付]`, and the same fields unbracketed, as
    ///   its `checkResult` logs them (`返回代码：FAIL，返回信息：签名错误`);
    /// - node-tenpay's thrown `Error: ORDERPAID`, for a code that can be nobody else's, and
    ///   what its `Payment._parse` throws: a code, or the `return_msg` (`Error: 签名错误 at
    ///   Payment._parse …`);
    /// - WxJava's `WxPayException` as its generated `toString` prints it,
    ///   `WxPayException(customErrorMsg=…, returnCode=null, …, errCode=SIGN_ERROR, errCodeDes=…)`:
    ///   v2's fields, or, with neither `returnCode` nor `resultCode`, an APIv3 body's `code` and
    ///   `message`, which WxJava copies into `errCode` and `errCodeDes`;
    /// - wechatpy's `WeChatPayException`, `Error code: FAIL, message: …. Pay Error code: None,
    ///   message: None` (`return_code`, `return_msg`, `err_code`, `err_code_des`);
    /// - yansongda/pay's `Get Wechat API Error:<return_msg>` (v2's communication layer) and
    ///   `Wechat Business Error: <err_code> - <err_code_des>`;
    /// - best-pay-sdk's `【微信统一支付】发起支付, returnCode != SUCCESS, returnMsg = <return_msg>`
    ///   and `…, resultCode != SUCCESS, err_code = <err_code> err_code_des=<err_code_des>`,
    ///   which many shops' own code repeats word for word;
    /// - an SDK's refusal of an APIv3 answer it received ([`Unverified`](super::Unverified)), in
    ///   the words of the official SDKs, of WxJava and of gopay.
    ///
    /// wechatpay-java's `httpResponseBody[{"code":…}]` holds the JSON body itself, which
    /// [`line::decode_line`](crate::line::decode_line) finds as JSON; [`status_in`] reads its
    /// `httpStatusCode[…]`.
    ///
    /// ```
    /// use minierr::wx::pay::{Answer, Code};
    /// let line = r#"init client setting err:error http response:[StatusCode: 401 Code: "SIGN_ERROR" Message: 错误的签名，验签失败 Detail: {"field":"signature"}]"#;
    /// let Some(Answer::V3(response)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!((response.code().known(), response.status()), (Some(Code::SignError), Some(401)));
    /// assert_eq!(response.message(), "错误的签名，验签失败");
    /// assert!(Answer::from_sdk_text("StatusCode: 200 all fine").is_none());
    /// // node-tenpay throws the v2 err_code as the message.
    /// let Some(Answer::V2(thrown)) = Answer::from_sdk_text("server error Error: ORDERPAID") else { panic!() };
    /// assert_eq!(thrown.err_code().and_then(|c| c.known()), Some(Code::OrderPaid));
    /// assert!(Answer::from_sdk_text("Error: PARAM_ERROR").is_none());
    /// // …unless node-tenpay's parse of the answer threw it.
    /// let line = "Error: INVALID_REQUEST at Payment._parse (/app/node_modules/tenpay/lib/index.js:97:51)";
    /// assert!(Answer::from_sdk_text(line).is_some());
    /// assert!(Answer::from_sdk_text("ReplyError: NOAUTH Authentication required.").is_none());
    /// // yansongda/pay's business error; without its label, a log level and a message.
    /// let Some(Answer::V2(business)) = Answer::from_sdk_text("Wechat Business Error: NO_AUTH - 产品权限验证失败") else { panic!() };
    /// assert_eq!(business.err_code().and_then(|c| c.known()), Some(Code::NoAuth));
    /// assert!(Answer::from_sdk_text("ERROR - 订单创建失败，库存不足").is_none());
    /// // WxJava's generated toString of an APIv3 failure, and wechatpy's exception text.
    /// let line = "WxPayException(customErrorMsg=商户证书序列号有误。, returnCode=null, returnMsg=null, resultCode=null, errCode=SIGN_ERROR, errCodeDes=商户证书序列号有误。, xmlString=null)";
    /// let Some(Answer::V3(response)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!(response.code().known(), Some(Code::SignError));
    /// // WxJava's checkResult log: the fields unbracketed.
    /// let line = "返回代码：SUCCESS，返回信息：OK，结果代码：FAIL，错误代码：ORDERPAID，错误详情：该订单已支付";
    /// let Some(Answer::V2(logged)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!(logged.err_code().and_then(|c| c.known()), Some(Code::OrderPaid));
    /// assert!(Answer::from_sdk_text("错误代码：40001，错误信息：invalid credential").is_none());
    /// // best-pay-sdk's texts, and the same words a notification handler logs with the OK of
    /// // a successful call.
    /// let line = "java.lang.RuntimeException: 【微信统一支付】发起支付, resultCode != SUCCESS, err_code = ORDERPAID err_code_des=该订单已支付";
    /// let Some(Answer::V2(paid)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!((paid.err_code().and_then(|c| c.known()), paid.err_code_des()), (Some(Code::OrderPaid), Some("该订单已支付")));
    /// let line = "【微信统一支付】发起支付, returnCode != SUCCESS, returnMsg = appid and openid not match";
    /// let Some(Answer::V2(failed)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!((failed.return_code(), failed.return_msg()), (Some("FAIL"), Some("appid and openid not match")));
    /// assert!(Answer::from_sdk_text("【微信支付异步通知】发起支付, returnCode != SUCCESS, returnMsg = OK, orderId=P1").is_none());
    /// assert!(Answer::from_sdk_text("【支付宝】发起支付, resultCode != SUCCESS, err_code = ACQ.TRADE_HAS_SUCCESS").is_none());
    /// // The code is its own word, whatever the logger printed after it.
    /// let line = "【微信统一支付】发起支付, resultCode != SUCCESS, err_code = ORDERPAID\tat com.shop.Pay.pay(Pay.java:42)";
    /// let Some(Answer::V2(paid)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!(paid.err_code().and_then(|c| c.known()), Some(Code::OrderPaid));
    /// let line = "WeChatPayException: Error code: FAIL, message: 签名错误. Pay Error code: None, message: None";
    /// let Some(Answer::V2(response)) = Answer::from_sdk_text(line) else { panic!() };
    /// assert_eq!((response.return_msg(), response.err_code()), (Some("签名错误"), None));
    /// ```
    #[must_use]
    pub fn from_sdk_text(line: &str) -> Option<Answer<'static>> {
        Answer::from_sdk_answer_text(line).or_else(|| Answer::unverified_in(line))
    }

    /// [`Answer::from_sdk_text`] without the SDKs' refusals ([`Answer::unverified_in`]), which
    /// the line reader tries last, after every other form.
    pub(crate) fn from_sdk_answer_text(line: &str) -> Option<Answer<'static>> {
        // One look for the words the forms below cannot read a line without; most lines hold
        // none. (A debug build checks every line ruled out against every form.)
        let marked = || crate::normalize::holds_any_word(ANSWER_TEXT_MARKS.as_ref(), line);
        if memchr::memchr(b'<', line.as_bytes()).is_none() && !marked() {
            debug_assert!(
                sdk_answer_forms(line).is_none(),
                "the first look ruled out a line a form reads: {line}"
            );
            return None;
        }
        sdk_answer_forms(line)
    }

    /// An underscored catalog code printed beside a message one of its own rows documents, in any
    /// wording around them: `错误码:OUT_TRADE_NO_USED:商户订单号重复!`, `OPENID_ERROR
    /// (openid和appid不匹配)`. The code and its documented text together are WeChat Pay's; either
    /// alone is any application's words. The row that names the text gives the version.
    /// Read late: after the JSON, the SDK texts and the named fields.
    #[cfg(feature = "json")]
    pub(crate) fn from_code_and_message(line: &str) -> Option<Answer<'static>> {
        let bytes = line.as_bytes();
        let is_code_byte = |b: &u8| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_';
        // Each word is read once (not once per underscore in it), and each code's texts are
        // sought in the line once (not once per time the code is printed).
        let mut word_end = 0;
        let mut tried: Vec<super::Code> = Vec::new();
        memchr::memchr_iter(b'_', bytes).find_map(|at| {
            if at < word_end {
                return None;
            }
            let start = bytes
                .get(..at)?
                .iter()
                .rposition(|b| !is_code_byte(b))
                .map_or(0, |i| i + 1);
            let end = bytes
                .get(at..)?
                .iter()
                .position(|b| !is_code_byte(b))
                .map_or(bytes.len(), |i| at + i);
            word_end = end;
            // A namespaced code (`ACQ.SYSTEM_ERROR`) is Alipay's, not WeChat Pay's.
            if start > 0 && bytes.get(start - 1) == Some(&b'.') {
                return None;
            }
            let word = line.get(start..end)?;
            let code = super::Code::from_code(word)?;
            if tried.contains(&code) {
                return None;
            }
            tried.push(code);
            let (meaning, message) = code.meanings().find_map(|m| {
                let text = m
                    .naming_texts()
                    .iter()
                    .find(|t| find_str(line, t).is_some())?;
                Some((m, *text))
            })?;
            Some(match meaning.api().version() {
                super::Version::V3 => Answer::V3(Response::new(code.code(), message)),
                super::Version::V2 => Answer::V2(super::V2Response::new(
                    None,
                    None,
                    Some("FAIL"),
                    Some(code.code()),
                    Some(message),
                )),
            })
        })
    }

    /// A code in v2's joined spelling as a word of its own before a message in Chinese, as
    /// logs print the pair: `USERPAYING 正在支付中不能发起撤销`, `USERPAYING--需要用户输入支付密码`.
    /// No other catalog here spells a code so, and the reading of node-tenpay's thrown codes
    /// already takes these spellings for WeChat Pay's (see [`thrown_code`]). An English word
    /// (`PROCESSING`, `ERROR`) and Redis's `NOAUTH` are anybody's, and an underscored code needs
    /// its documented text beside it ([`Answer::from_code_and_message`]). The message must
    /// start with a Han character. Read last, on lines that no other form reads.
    #[cfg(feature = "json")]
    pub(crate) fn from_joined_code(line: &str) -> Option<Answer<'static>> {
        let line = line.trim();
        let bytes = line.as_bytes();
        let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut at = 0;
        while at < bytes.len() {
            let Some(start) = bytes
                .get(at..)?
                .iter()
                .position(u8::is_ascii_uppercase)
                .map(|i| at + i)
            else {
                break;
            };
            let end = bytes
                .get(start..)?
                .iter()
                .position(|&b| !b.is_ascii_uppercase())
                .map_or(bytes.len(), |i| start + i);
            at = end.max(start + 1);
            let bounded = start
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_none_or(|&b| !is_word_byte(b))
                && bytes.get(end).is_none_or(|&b| !is_word_byte(b));
            let Some(word) = line.get(start..end).filter(|_| bounded) else {
                continue;
            };
            if matches!(word, "ERROR" | "NOAUTH" | "PROCESSING") {
                continue;
            }
            let Some(code) = super::Code::from_code(word) else {
                continue;
            };
            let rest = line
                .get(end..)
                .unwrap_or_default()
                .trim_start_matches([' ', '-', ':', '：', '—', '(', '（', ',', '，']);
            // A message in Chinese starts with a Han character (not a closing quote or an
            // arrow: `返回“SYSTEMERROR”怎么处理` is prose about the code). Only that character
            // is looked at here, so that a line of many codes is still read once.
            if !rest.chars().next().is_some_and(is_han) {
                continue;
            }
            let message = rest.trim_end_matches([')', '）', ' ']);
            return Some(business_failure(code, message));
        }
        None
    }

    /// WeChat Pay's request validator's message printed on its own, as SDKs that keep only the
    /// message print it (`WxPayException: 输入源“/body/transfer_scene_id”映射到字段“转账场景ID”
    /// 必填性规则校验失败，此字段为必填项`): the message names the field it rejected in WeChat
    /// Pay's own words (`输入源“/…”映射到…字段“…”`, or `无法将[ JSON ]输入源“/…”映射到目标字段“…”
    /// 中`), which no other platform uses. APIv3 sends these as `PARAM_ERROR` messages; a v2
    /// request meets the same validator through its XML body (`/body/xml/…`) and gets
    /// `return_code` FAIL with the text as `return_msg`. Either way the request is to fix. Read
    /// late, with [`Answer::from_code_and_message`].
    #[cfg(feature = "json")]
    pub(crate) fn from_validator_message(line: &str) -> Option<Answer<'static>> {
        const SOURCE: &str = "输入源“/";
        let at = find_str(line, SOURCE)?;
        let path_and_rest = line.get(at + SOURCE.len() - 1..)?;
        let (path, after) = path_and_rest.split_once('”')?;
        if !after.starts_with("映射到") {
            return None;
        }
        // The message starts at its own first word: `无法将` (`无法将 JSON `) before the source
        // in the type-check form.
        let start = line
            .get(..at)
            .and_then(|before| {
                before
                    .strip_suffix("无法将 JSON ")
                    .or_else(|| before.strip_suffix("无法将"))
            })
            .map_or(at, |before| before.len());
        let rest = line.get(start..)?;
        // A quoted message ends at its closing quote; otherwise it runs to the line's end.
        // (Not `“`: the message's own field names sit in `“…”`.)
        let close = match line.get(..start).and_then(|b| b.chars().next_back()) {
            Some('"') => Some('"'),
            Some('\'') => Some('\''),
            Some('「') => Some('」'),
            Some('【') => Some('】'),
            _ => None,
        };
        let rest = close
            .and_then(|close| rest.split_once(close))
            .map_or(rest, |(inside, _)| inside);
        let message = rest
            .trim_end()
            .trim_end_matches(['"', '\'', '」', '】', ']', '}', ')']);
        Some(if path.starts_with("/body/xml/") {
            Answer::V2(super::V2Response::from_fields(
                Some("FAIL".to_owned()),
                Some(message.to_owned()),
                None,
                None,
                None,
            ))
        } else {
            Answer::V3(Response::new("PARAM_ERROR", message.to_owned()))
        })
    }
}

/// Every form [`Answer::from_sdk_answer_text`] tries searches for one of these words, or for an
/// XML body's `<`, and reads nothing without it: wechatpay-go's `StatusCode: `, WxJava's `代码：`
/// and `WxPayException(`, wechatpy's `Error code: `, yansongda's `API Error:` and `Business
/// Error: `, best-pay-sdk's ` != SUCCESS, `, and node-tenpay's thrown `Error: ` (`Business
/// Error: ` holds it). The `<` is sought on its own, by memchr: a one-byte word would keep the
/// automaton from its vectorised search. A debug build checks every line the look rules out
/// against every form.
const ANSWER_TEXT_WORDS: [&str; 7] = [
    "StatusCode: ",
    "代码：",
    "WxPayException(",
    "Error code: ",
    "API Error:",
    " != SUCCESS, ",
    "Error: ",
];

static ANSWER_TEXT_MARKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| crate::normalize::any_word_automaton(&ANSWER_TEXT_WORDS, false));

/// A v2 answer that the communication layer accepted and the business layer failed with `code`
/// and its text.
fn business_failure(code: super::Code, err_code_des: &str) -> Answer<'static> {
    Answer::V2(super::V2Response::from_fields(
        Some("SUCCESS".to_owned()),
        None,
        Some("FAIL".to_owned()),
        Some(code.code().to_owned()),
        Some(err_code_des.to_owned()),
    ))
}

/// Whether `c` is a Han character (the CJK Unified Ideographs and their extension A), as a
/// message in Chinese begins with one.
#[cfg(feature = "json")] // only the joined-code form reads it
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The forms of [`Answer::from_sdk_answer_text`], in order, each with its own searches.
fn sdk_answer_forms(line: &str) -> Option<Answer<'static>> {
    go_sdk_text(line)
        .map(Answer::V3)
        .or_else(|| xml_body(line))
        .or_else(|| wxjava_text(line))
        .or_else(|| wxjava_check_result(line))
        .or_else(|| wxjava_fields(line))
        .or_else(|| wechatpy_text(line))
        .or_else(|| yansongda_text(line))
        .or_else(|| best_pay_text(line))
        .or_else(|| thrown_code(line))
}

/// yansongda/pay's v2 exceptions: `Get Wechat API Error:` before `return_msg` when
/// `return_code` is not SUCCESS, and `Wechat Business Error: ` before `err_code - err_code_des`
/// when `result_code` is not.
fn yansongda_text(line: &str) -> Option<Answer<'static>> {
    let owned = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    for label in ["Get Wechat API Error:", "Get WeChat API Error:"] {
        if let Some((_, message)) = split_once_str(line, label) {
            let message = message.trim_end_matches(['"', '\'']);
            return Some(Answer::V2(super::V2Response::from_fields(
                Some("FAIL".to_owned()),
                owned(message),
                None,
                None,
                None,
            )));
        }
    }
    // Only with the label: a bare `CODE - 中文` is any log's level and message
    // (`ERROR - 订单创建失败`), so it names no WeChat Pay code.
    let rest = ["Wechat Business Error: ", "WeChat Business Error: "]
        .iter()
        .find_map(|label| split_once_str(line, label).map(|(_, rest)| rest))?;
    let (code, description) = split_once_str(rest, " - ")?;
    Some(Answer::V2(super::V2Response::from_fields(
        None,
        None,
        Some("FAIL".to_owned()),
        owned(code),
        owned(description),
    )))
}

/// best-pay-sdk's v2 exceptions: `returnCode != SUCCESS, returnMsg = ` before `return_msg`,
/// and `resultCode != SUCCESS, err_code = ` before `err_code`, ` err_code_des=` and its text.
/// Only after a WeChat Pay label (`【微信统一支付】`, and the shops' copies, `【微信统一下单】`):
/// the SDK prints the same words for Alipay.
fn best_pay_text(line: &str) -> Option<Answer<'static>> {
    // Both forms hold this; most lines do not.
    let marker = find_str(line, " != SUCCESS, ")?;
    find_str(line.get(..marker)?, "【微信")?;
    if let Some((_, rest)) = split_once_str(line, "returnCode != SUCCESS, returnMsg = ") {
        let message = best_pay_value(rest)?;
        // A notification handler that logs this text when `result_code` fails prints the
        // communication layer's OK: that call did not fail there.
        let first_word = message
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .next()
            .unwrap_or_default();
        if ["OK", "SUCCESS", "成功", "null"]
            .iter()
            .any(|ok| first_word.eq_ignore_ascii_case(ok))
        {
            return None;
        }
        return Some(Answer::V2(super::V2Response::from_fields(
            Some("FAIL".to_owned()),
            Some(message.to_owned()),
            None,
            None,
            None,
        )));
    }
    let (_, rest) = split_once_str(line, "resultCode != SUCCESS, err_code = ")?;
    // The code is one word of v2's own spelling; the description follows its label.
    let code_end = rest
        .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
        .unwrap_or(rest.len());
    let code = rest.get(..code_end).filter(|code| !code.is_empty())?;
    let description = split_once_str(rest.get(code_end..)?, " err_code_des=")
        .and_then(|(_, description)| best_pay_value(description));
    Some(Answer::V2(super::V2Response::from_fields(
        None,
        None,
        Some("FAIL".to_owned()),
        Some(code.to_owned()),
        description.map(str::to_owned),
    )))
}

/// A value best-pay-sdk printed last in its text, as a log line holds it: up to a quote (a
/// structured log's field ends there), a tab or a line break, a Java frame (` at com.…`), or
/// a field the logger added after it (`, orderId=…`). A message's own commas stay.
fn best_pay_value(text: &str) -> Option<&str> {
    let mut end = text.find(['"', '\t', '\n', '\r']).unwrap_or(text.len());
    if let Some(frame) = find_str(text, " at ") {
        end = end.min(frame);
    }
    let added_field = text.match_indices(", ").find_map(|(at, _)| {
        let key = text.get(at + 2..)?;
        let key_end = key.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        (key_end > 0 && key.get(key_end..)?.starts_with('=')).then_some(at)
    });
    if let Some(at) = added_field {
        end = end.min(at);
    }
    let value = text
        .get(..end)?
        .trim()
        .trim_end_matches(['\\', '\'', ',', '，'])
        .trim();
    Some(value).filter(|v| !v.is_empty())
}

/// WxJava's `WxPayException` message: the v2 fields, each `label：[value]`, joined by `，`.
/// `返回代码` or `结果代码` must be there: `错误代码：[…]` alone is any Chinese error text.
fn wxjava_text(line: &str) -> Option<Answer<'static>> {
    // Both labels end in `代码：[`; most lines have neither.
    find_str(line, "代码：[")?;
    let field = |label: &str| -> Option<String> {
        let (_, rest) = split_once_str(line, label)?;
        let (value, _) = rest.split_once(']')?;
        // WxJava leaves an unset field out; a fork that formats it prints Java's `null`.
        Some(value.trim().to_owned()).filter(|v| !v.is_empty() && v != "null")
    };
    let return_code = field("返回代码：[");
    let result_code = field("结果代码：[");
    if return_code.is_none() && result_code.is_none() {
        return None;
    }
    let response = super::V2Response::from_fields(
        return_code,
        field("返回信息：["),
        result_code,
        field("错误代码：["),
        field("错误详情：["),
    );
    Some(Answer::V2(response))
}

/// What WxJava's `BaseWxPayResult.checkResult` logs before it throws: the same v2 fields
/// unbracketed, each only when set, `返回代码：FAIL，返回信息：appid和mch_id不匹配` or
/// `返回代码：SUCCESS，返回信息：OK，结果代码：FAIL，错误代码：ORDERPAID，错误详情：该订单已支付`
/// (some forks join them with `,`). A value runs to the next label, since a message may hold
/// `，` itself. `返回代码` or `结果代码` must hold v2's own `SUCCESS` or `FAIL`: the other labels
/// are any Chinese error text's (`错误代码：40001` is the WeChat server SDKs').
fn wxjava_check_result(line: &str) -> Option<Answer<'static>> {
    const LABELS: [&str; 5] = [
        "返回代码：",
        "返回信息：",
        "结果代码：",
        "错误代码：",
        "错误详情：",
    ];
    // A flag's value is v2's own SUCCESS or FAIL, whose upper-case letters are rare in a line
    // and quick to rule it out; both flags' labels end in `代码：`.
    find_str(line, "FAIL").or_else(|| find_str(line, "SUCCESS"))?;
    find_str(line, "代码：")?;
    // A label after the first starts a field only after WxJava's separator: `预签约错误代码：`
    // (a contract result's own field) holds `错误代码：` too.
    let mut starts = [None; 5];
    for (index, (start, label)) in starts.iter_mut().zip(LABELS).enumerate() {
        *start = if index == 0 {
            find_str(line, label)
        } else {
            after_separator(line, label)
        };
    }
    let value = |index: usize| -> Option<String> {
        let label = LABELS.get(index)?;
        let at = (*starts.get(index)?)? + label.len();
        let rest = line.get(at..)?;
        let end = starts
            .iter()
            .skip(index + 1)
            .flatten()
            .filter(|&&start| start >= at)
            .min()
            .map_or(rest.len(), |&start| start - at);
        let value = rest.get(..end)?.trim().trim_end_matches(['，', ',']).trim();
        Some(value.to_owned()).filter(|v| !v.is_empty() && v != "null")
    };
    let flag = |value: &Option<String>| matches!(value.as_deref(), Some("SUCCESS" | "FAIL"));
    let (return_code, result_code) = (value(0), value(2));
    if !flag(&return_code) && !flag(&result_code) {
        return None;
    }
    Some(Answer::V2(super::V2Response::from_fields(
        return_code,
        value(1),
        result_code,
        value(3),
        value(4),
    )))
}

/// Where `label` first stands right after WxJava's `，` (or a fork's `,`).
fn after_separator(line: &str, label: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find_str(line.get(from..)?, label) {
        let start = from + at;
        if line
            .get(..start)
            .is_some_and(|head| head.ends_with(['，', ',']))
        {
            return Some(start);
        }
        from = start + label.len();
    }
    None
}

/// WxJava's `WxPayException` as its generated `toString` prints it: `name=value` fields in the
/// class's order, `null` where unset. A value runs to the next field's name, since a message
/// may hold `, ` itself.
fn wxjava_fields(line: &str) -> Option<Answer<'static>> {
    const FIELDS: [&str; 7] = [
        "customErrorMsg=",
        "returnCode=",
        "returnMsg=",
        "resultCode=",
        "errCode=",
        "errCodeDes=",
        "xmlString=",
    ];
    let (_, body) = split_once_str(line, "WxPayException(")?;
    let field = |index: usize| -> Option<String> {
        let name = FIELDS.get(index)?;
        let (_, rest) = split_once_str(body, name)?;
        let end = FIELDS
            .get(index + 1..)
            .unwrap_or_default()
            .iter()
            .find_map(|next| find_str(rest, &format!(", {next}")))
            .or_else(|| rest.rfind(')'))
            .unwrap_or(rest.len());
        let value = rest.get(..end)?.trim();
        Some(value.to_owned()).filter(|v| !v.is_empty() && v != "null")
    };
    let (return_code, result_code, err_code) = (field(1), field(3), field(4));
    if return_code.is_none() && result_code.is_none() {
        // An APIv3 failure: WxJava copies the body's code and message into these two.
        let code = err_code?;
        let message = field(5).or_else(|| field(0)).unwrap_or_default();
        return Some(Answer::V3(Response::new(code, message).into_owned()));
    }
    Some(Answer::V2(super::V2Response::from_fields(
        return_code,
        field(2),
        result_code,
        err_code,
        field(5),
    )))
}

/// wechatpy's `WeChatPayException` text: `Error code: <return_code>, message: <return_msg>.
/// Pay Error code: <err_code>, message: <err_code_des>`, `None` where unset. Before it named
/// the business code, wechatpy printed only the first half; that half is the server SDK's
/// words too (`Error code: 48001, message: …`), so it is read only after the class's name.
fn wechatpy_text(line: &str) -> Option<Answer<'static>> {
    let Some((communication, business)) = split_once_str(line, ". Pay Error code: ") else {
        return wechatpy_communication_text(line);
    };
    let (_, communication) = split_once_str(communication, "Error code: ")?;
    let (return_code, return_msg) = split_once_str(communication, ", message: ")?;
    let (err_code, err_code_des) = split_once_str(business, ", message: ")?;
    let value = |s: &str| Some(s.trim().to_owned()).filter(|v| !v.is_empty() && v != "None");
    let err_code = value(err_code);
    // wechatpy raises this only for a FAIL, and names the business code only when
    // `result_code` was the one that failed.
    let result_code = err_code.as_ref().map(|_| "FAIL".to_owned());
    Some(Answer::V2(super::V2Response::from_fields(
        value(return_code),
        value(return_msg),
        result_code,
        err_code,
        value(err_code_des),
    )))
}

/// wechatpy's older `WeChatPayException` text, `WeChatPayException: Error code: <return_code>,
/// message: <return_msg>`. wechatpy raised it when either layer failed, so a `return_code` of
/// SUCCESS means `result_code` did, with a business code the text does not name.
fn wechatpy_communication_text(line: &str) -> Option<Answer<'static>> {
    let (_, rest) = split_once_str(line, "WeChatPayException: Error code: ")?;
    let (return_code, return_msg) = split_once_str(rest, ", message: ")?;
    let return_code = return_code.trim();
    if !matches!(return_code, "SUCCESS" | "FAIL") {
        return None;
    }
    let return_msg = Some(return_msg.trim().to_owned()).filter(|m| !m.is_empty() && m != "None");
    let result_code = (return_code == "SUCCESS").then(|| "FAIL".to_owned());
    Some(Answer::V2(super::V2Response::from_fields(
        Some(return_code.to_owned()),
        return_msg,
        result_code,
        None,
        None,
    )))
}

/// node-tenpay and its forks throw the v2 `err_code` as the error's whole message
/// (`Error: ORDERPAID`, `BusinessError: ORDERNOTEXIST`). A bare word is evidence only where it
/// can be nobody else's: a catalog code in v2's joined spelling (`ORDERPAID`, `SYSTEMERROR`),
/// ending the line or followed by a stack frame. Underscored codes (`PARAM_ERROR`,
/// `ORDER_CLOSED`) are any application's words, and `NOAUTH` is Redis's, unless the next frame
/// is node-tenpay's `Payment._parse`, the function that throws a WeChat Pay answer's
/// `err_code` (befinal/node-tenpay, lib/index.js: `throw new Error(json.err_code ||
/// 'XMLDataError')` when `result_code` is not SUCCESS).
///
/// The same function throws the answer's `return_msg` when `return_code` is not SUCCESS
/// (`Error: 签名错误 at Payment._parse …`): a message that is not a code's spelling is that,
/// except its own words (`XMLDataError`, and the checks it makes once an answer succeeded:
/// `appid不匹配`, `sign签名错误`) and a business code's documented text. Forks throw the
/// `err_code_des` instead of the code; a text the v2 rows of one code alone document
/// (`Error: XML格式错误 at Payment._parse …`, XML_FORMAT_ERROR's) is read as that code's.
fn thrown_code(line: &str) -> Option<Answer<'static>> {
    if let Some(message) = thrown_message(line) {
        if let Some(return_msg) = as_thrown_return_msg(message) {
            return Some(Answer::V2(super::V2Response::from_fields(
                Some("FAIL".to_owned()),
                Some(return_msg.to_owned()),
                None,
                None,
                None,
            )));
        }
        if let Some(code) = super::Code::only_one_named_by(super::Version::V2, message) {
            return Some(business_failure(code, message));
        }
    }
    let (_, rest) = split_once_str(line, "Error: ")?;
    let word = rest.split(|c: char| c.is_whitespace()).next()?;
    let after = rest.get(word.len()..).unwrap_or_default().trim_start();
    let code = super::Code::from_code(word)?;
    let after = after.strip_prefix("\\n").unwrap_or(after).trim_start();
    let joined = !word.contains('_') && !matches!(word, "ERROR" | "NOAUTH");
    let alone = after.is_empty() || after.starts_with("at ");
    let thrown_by_parse = after.starts_with("at Payment._parse ");
    if !(joined && alone || thrown_by_parse) {
        return None;
    }
    Some(Answer::V2(super::V2Response::from_err_code(code.code())))
}

/// The message node-tenpay's `Payment._parse` threw: the text of the last `Error: ` before
/// that frame.
fn thrown_message(line: &str) -> Option<&str> {
    let frame = find_str(line, " at Payment._parse ")?;
    let head = line.get(..frame)?;
    // A plain `Error`, not a `TypeError:` of a body it could not read.
    let start = head
        .match_indices("Error: ")
        .map(|(at, _)| at)
        .filter(|&at| {
            !head
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_alphanumeric)
        })
        .last()?;
    let message = head.get(start + "Error: ".len()..)?;
    let message = message.trim().trim_end_matches("\\n").trim_end();
    // `_parse` must be the first frame after the message: another frame between them (a
    // parser's own error) is not what `_parse` threw.
    if message.is_empty() || message.contains(" at ") {
        return None;
    }
    Some(message)
}

/// The thrown message as a `return_msg`: when it is not a code's spelling, the library's own
/// words or a business code's documented text.
fn as_thrown_return_msg(message: &str) -> Option<&str> {
    let code_shaped = message
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    // The library's own words, thrown for a body it could not read or after the answer
    // succeeded (its checks of appid, mch_id and the answer's own signature, `sign签名错误`):
    // no answer's failure.
    let own_words = matches!(message, "XMLDataError" | "sign签名错误" | "Unknown Return")
        || message.ends_with("不匹配");
    // A business code's documented text (`订单已支付`) is an `err_code_des`, which a fork may
    // throw instead: read as a `return_msg` it would lose the code's step. The signature's
    // texts are both (`签名错误` is SIGNERROR's and a documented `return_msg`), and every
    // row that names the signature is FixConfig, as a `return_msg` naming it is.
    let business_text = || {
        !message.contains("签名")
            && super::Code::all()
                .flat_map(super::Code::meanings)
                .flat_map(|m| m.naming_texts().iter())
                .any(|text| find_str(message, text).is_some())
    };
    (!code_shaped && !own_words && !business_text()).then_some(message)
}

/// wechatpay-go's `APIError` text: `StatusCode: N Code: "X" Message: text Detail: …`.
fn go_sdk_text(line: &str) -> Option<Response<'static>> {
    let (_, after_status) = split_once_str(line, "StatusCode: ")?;
    let status =
        crate::normalize::leading_int(after_status).and_then(|(n, _)| u16::try_from(n).ok())?;
    // The text inside a JSON string (an app's `{"code":50,"msg":"error http response:…"}`)
    // has its quotes escaped, and ends at the string's end.
    let (escaped, after_code) = after_status
        .match_indices("Code: ")
        .find_map(|(at, label)| {
            let value = after_status.get(at + label.len()..)?;
            match value.strip_prefix("\\\"") {
                Some(rest) => Some((true, rest)),
                None => value.strip_prefix('"').map(|rest| (false, rest)),
            }
        })?;
    let (code, rest) = after_code.split_once('"')?;
    let code = if escaped {
        code.strip_suffix('\\')?
    } else {
        code
    };
    let message = split_once_str(rest, "Message: ")
        .map(|(_, m)| {
            let in_string: &[&str] = if escaped { &["\\\"", "\"", "}"] } else { &[] };
            let end = ["\\n", "\n", " Detail:", "Detail:", "]"]
                .iter()
                .chain(in_string)
                .filter_map(|stop| find_str(m, stop))
                .min()
                .unwrap_or(m.len());
            m.get(..end).unwrap_or(m).trim()
        })
        .unwrap_or_default();
    Some(
        Response::new(Cow::Owned(code.to_owned()), Cow::Owned(message.to_owned()))
            .with_status(status),
    )
}

/// A v2 XML body in the line: from `<xml>` (or the first v2 field) to `</xml>` (or the last
/// field's closing tag).
#[cfg(feature = "xml")]
fn xml_body(line: &str) -> Option<Answer<'static>> {
    const FIELDS: [&str; 6] = [
        "<return_code>",
        "<return_msg>",
        "<result_code>",
        "<err_code>",
        "<err_code_des>",
        "<error_code>",
    ];
    // Every form below has a tag; most lines have no `<` at all.
    if !line.contains('<') {
        return None;
    }
    let start = find_str(line, "<xml>")
        .or_else(|| FIELDS.iter().filter_map(|f| find_str(line, f)).min())?;
    let body = line.get(start..)?;
    let (body, cut) = match find_str(body, "</xml>") {
        Some(end) => (body.get(..end + "</xml>".len())?, false),
        None => {
            let end = body
                .rfind("</")
                .and_then(|at| body[at..].find('>').map(|gt| at + gt + 1))?;
            (body.get(..end)?, true)
        }
    };
    // A body cut after its last field (a log that wrapped the line there) left its root open:
    // its fields are read as a fragment is.
    let body = match body.strip_prefix("<xml>") {
        Some(fields) if cut => fields,
        _ => body,
    };
    if !FIELDS.iter().any(|f| find_str(body, f).is_some()) {
        return None;
    }
    // A body pasted into Markdown with its tags escaped so that the page shows them
    // (`\<return_code>\<![CDATA[FAIL]]>`) is the XML without CommonMark's backslashes, which
    // no XML body has before a `<`.
    if find_str(body, "\\<").is_some() {
        return super::V2Response::from_xml(&markdown_unescaped(body))
            .ok()
            .map(Answer::V2);
    }
    super::V2Response::from_xml(body).ok().map(Answer::V2)
}

/// `text` without CommonMark's backslash escapes: a backslash before ASCII punctuation is
/// dropped, the punctuation kept.
#[cfg(feature = "xml")]
fn markdown_unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&escaped) if c == '\\' && escaped.is_ascii_punctuation() => {
                out.push(escaped);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(not(feature = "xml"))]
fn xml_body(_: &str) -> Option<Answer<'static>> {
    None
}

/// The WeChat Pay API a log line names by its URL (`POST
/// https://api.mch.weixin.qq.com/v3/refund/domestic/refunds`, as Guzzle and most HTTP clients
/// print a failed request), with the method when the word before the URL is one. A line that
/// names two APIs (a query's path in one field, a refund's in another) names none: which call
/// the answer is for is then unknown, and a step that assumes the wrong one could repeat a
/// refund.
///
/// ```
/// use minierr::wx::pay::{api_in, Api};
/// let line = "Client error: `POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds` resulted in a `400 Bad Request` response";
/// assert_eq!(api_in(line), Some(Api::V3Refund));
/// assert_eq!(api_in("GET https://api.mch.weixin.qq.com/v3/certificates?algorithm_type=RSA"), Some(Api::V3Certificates));
/// // The backup domain.
/// assert_eq!(api_in("POST https://api2.mch.weixin.qq.com/v3/pay/transactions/jsapi"), Some(Api::V3JsapiOrder));
/// assert_eq!(api_in("GET https://api.mch.weixin.qq.com/v3/marketing/favor/stocks"), None);
/// let two = "path=https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/T1 msg=POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds";
/// assert_eq!(api_in(two), None);
/// // wechatpay-go's client set-up downloads the platform certificates.
/// let init = r#"new wechat pay client err:init client setting err:error http response:[StatusCode: 401 Code: "SIGN_ERROR" Message: 错误的签名，验签失败]"#;
/// assert_eq!(api_in(init), Some(Api::V3Certificates));
/// // So does wechatpay-apache-httpclient's certificate manager, which logs its status and body.
/// let update = r#"Auto update cert failed, statusCode = 500, body = {"code":"SYSTEM_ERROR","message":"系统繁忙，请稍后重试"}"#;
/// assert_eq!(api_in(update), Some(Api::V3Certificates));
/// // A call this crate does not know is still a call: beside a query's URL, neither names it.
/// let two = "POST https://api.mch.weixin.qq.com/pay/micropay failed, querying https://api.mch.weixin.qq.com/pay/orderquery";
/// assert_eq!(api_in(two), None);
/// assert_eq!(api_in("host=api.mch.weixin.qq.com:443 POST https://api.mch.weixin.qq.com/v3/refund/domestic/refunds"), Some(Api::V3Refund));
/// ```
#[must_use]
pub fn api_in(line: &str) -> Option<Api> {
    // wechatpay-go wraps what fails in `core.NewClient` as `init client setting err:`; the one
    // HTTP call made there is the platform certificates' download (its auto-auth cipher option).
    // wechatpay-apache-httpclient's certificate manager logs the one call it makes, the
    // platform certificates' download, as `Auto update cert failed, statusCode = 500, body =
    // {…}`, and throws `下载平台证书返回状态码异常，状态码为:401`.
    let mut found = split_once_str(line, "init client setting err:")
        .filter(|(_, rest)| rest.trim_start().starts_with("error http response"))
        .or_else(|| split_once_str(line, "Auto update cert failed, statusCode"))
        .or_else(|| split_once_str(line, "下载平台证书返回状态码异常"))
        .map(|_| Api::V3Certificates);
    let mut from = 0;
    while let Some(at) = line.get(from..).and_then(|rest| find_str(rest, PAY_HOST)) {
        let at = from + at;
        from = at + PAY_HOST.len();
        let Some(path) = path_at(line, from) else {
            continue;
        };
        // Every URL on this host is a call, one this crate may not know (a payout's, a
        // coupon's): only a bare host or a base URL (`/v3/`) names none.
        let named = match Api::from_path(method_before(line, at), &path) {
            Some(api) => api,
            None if names_a_call(&path) => return None,
            None => continue,
        };
        match found {
            Some(first) if first != named => return None,
            _ => found = Some(named),
        }
    }
    found
}

/// WeChat Pay's API host, without its first label: the main domain `api.`, the backup `api2.`
/// (both documented on every APIv3 page).
const PAY_HOST: &str = ".mch.weixin.qq.com";

/// Whether a path names a call: two parts or more (`/pay/micropay`, `/v3/…`), not a bare host
/// nor a base URL (`/v3/`).
fn names_a_call(path: &str) -> bool {
    path.split('/')
        .filter(|part| !part.is_empty())
        .nth(1)
        .is_some()
}

/// The path of the URL whose host ends at byte `host_end` of `line`, without a port: up to a
/// space, a quote, a bracket or another mark that ends a URL in prose or in a printed
/// structure, less the punctuation that ends a sentence. JSON's escaped slash (`\/`, as PHP
/// prints URLs) is read as `/`; any other backslash ends the path (an escaped quote or line
/// break after it).
fn path_at(line: &str, host_end: usize) -> Option<Cow<'_, str>> {
    let rest = line.get(host_end..)?;
    let rest = rest.strip_prefix(':').map_or(rest, |port| {
        port.trim_start_matches(|c: char| c.is_ascii_digit())
    });
    let bytes = rest.as_bytes();
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            c.is_whitespace()
                || matches!(
                    c,
                    '`' | '"' | '\'' | ']' | ',' | ')' | '>' | '}' | '<' | ';'
                )
                || (c == '\\' && bytes.get(i + 1) != Some(&b'/'))
        })
        .map_or(rest.len(), |(i, _)| i);
    let path = rest.get(..end)?.trim_end_matches(['.', ':', '!', '?']);
    Some(if path.contains("\\/") {
        Cow::Owned(path.replace("\\/", "/"))
    } else {
        Cow::Borrowed(path)
    })
}

/// The HTTP method written before the URL whose host starts at byte `at` of `line`
/// (`POST https://api.mch…`), or nothing.
fn method_before(line: &str, at: usize) -> &str {
    let before = line
        .get(..at)
        .unwrap_or_default()
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
        .trim_end_matches("https://")
        .trim_end_matches("http://");
    before
        .split(|c: char| c.is_whitespace() || c == '`' || c == '[')
        .rfind(|w| !w.is_empty())
        .filter(|w| ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(w))
        .unwrap_or("")
}

/// What [`status_in`] looks for: each marker, and whether it holds `tatus` (one search for
/// that word lets a line without it skip the six markers that hold it).
const STATUS_MARKERS: [(&str, bool); 11] = [
    ("httpStatusCode[", true),
    // wechatpay-java's ServiceException message: `Wrong HttpStatusCode[500]`.
    ("HttpStatusCode[", true),
    ("httpStatusCode=", true),
    ("StatusCode: ", true),
    ("status_code=", true),
    ("HTTP status ", true),
    ("resulted in a `", false),
    // wechatpay-apache-httpclient's `应答的状态码不为200-299。status code[401]`, and a status
    // line (Symfony's `HTTP/1.1 400 Bad Request returned for "https://api.mch…"`).
    ("status code[", true),
    ("HTTP/1.1 ", false),
    ("HTTP/2 ", false),
    // wechatpay-apache-httpclient's certificate manager's HttpCodeException.
    ("下载平台证书返回状态码异常，状态码为:", false),
];

/// The HTTP status an SDK or an HTTP client prints beside a WeChat Pay body, or instead of
/// one: wechatpay-java's `httpStatusCode[400]`, wechatpay-go's `StatusCode: 401`,
/// wechatpay-apache-httpclient's `status code[401]`, Guzzle's ``resulted in a `400 …` ``, a
/// status line (`HTTP/1.1 500`), or a `400,{…}` prefix.
///
/// ```
/// use minierr::wx::pay::status_in;
/// assert_eq!(status_in("ServiceException{httpStatusCode[400], httpResponseBody[{}]}"), Some(400));
/// assert_eq!(status_in("ServiceException: Wrong HttpStatusCode[500]"), Some(500));
/// assert_eq!(status_in(r#"400,{"code":"PARAM_ERROR"}"#), Some(400));
/// assert_eq!(status_in("应答的状态码不为200-299。status code[401]"), Some(401));
/// assert_eq!(status_in("HttpCodeException: 下载平台证书返回状态码异常，状态码为:401"), Some(401));
/// assert_eq!(status_in("no status here"), None);
/// ```
#[must_use]
pub fn status_in(line: &str) -> Option<u16> {
    let has_status_word = find_str(line, "tatus").is_some();
    let found = STATUS_MARKERS
        .iter()
        .filter(|(_, needs_status_word)| has_status_word || !needs_status_word)
        .find_map(|(marker, _)| {
            let (_, rest) = split_once_str(line, marker)?;
            crate::normalize::leading_int(rest).map(|(n, _)| n)
        })
        .or_else(|| {
            let (prefix, _) = split_once_str(line, ",{")?;
            prefix.trim().parse::<i64>().ok()
        })?;
    u16::try_from(found).ok().filter(|s| (100..600).contains(s))
}

impl Answer<'static> {
    /// An SDK's refusal of an APIv3 answer it received, in the SDK's own words (see
    /// [`Unverified`](super::Unverified)), from the marker to the end of the line. A callback's
    /// refusal is no call of the merchant's: only words that name a response are read.
    pub(crate) fn unverified_in(line: &str) -> Option<Answer<'static>> {
        // Each names the response it refuses, so none is a callback's: wechatpay-go's
        // `validate verify fail` is left out, since its notification validator returns the same
        // words for a callback.
        const MARKERS: [&str; 5] = [
            // wechatpay-java's ValidationException, and its validator's clock check.
            "Validate response failed,the WechatPay signature is incorrect",
            "Validate http response,timestamp[",
            // wechatpay-apache-httpclient's HttpException (应答: the answer), which WxJava's v3
            // client passes on.
            "应答的微信支付签名验证失败",
            // wechatpay-php's response middleware.
            "Verify the response's data with: timestamp=",
            // gopay's check of a synchronous answer.
            "auto verify sign, but public key not found",
        ];
        // Every marker holds `alidat`, `erif` or `应答`: three byte searches rule out most lines
        // before five would.
        if ["alidat", "erif", "应答"]
            .iter()
            .all(|hint| find_str(line, hint).is_none())
        {
            return None;
        }
        let at = MARKERS.iter().find_map(|marker| find_str(line, marker))?;
        let text = line.get(at..)?.trim_end();
        Some(Answer::Unverified(super::Unverified::new(text.to_owned())))
    }
}

impl Answer<'static> {
    /// An APIv3 answer of which a log line kept only the HTTP status: an official SDK's or an HTTP
    /// client's failure that names WeChat Pay's v3 API (its URL, the official Java SDKs'
    /// packages, `com.wechat.pay.…`, or wechatpay-apache-httpclient's own words for a failed
    /// answer or certificate download) and an error status, with no body. The status decides what
    /// the common status table lets it decide alone (401: the signature; 429: the rate; 5xx: the
    /// outcome is unknown); a 400, 403 or 404 decides nothing, and the answer says WeChat Pay
    /// answered, nothing more.
    #[cfg(feature = "json")]
    pub(crate) fn status_only(line: &str) -> Option<Answer<'static>> {
        // The v3 URL, the official Java SDKs' packages, and wechatpay-apache-httpclient's own
        // words, which logs often print under an abbreviated package (`c.w.p.c.a.h.SignatureExec
        // - 应答的状态码不为200-299。status code[401]`).
        [
            "api.mch.weixin.qq.com/v3/",
            "com.wechat.pay.",
            "应答的状态码不为200-299",
            "下载平台证书返回状态码异常",
        ]
        .iter()
        .find(|mark| find_str(line, mark).is_some())?;
        let status = status_in(line).filter(|s| (400..600).contains(s))?;
        Some(Answer::V3(Response::new("", "").with_status(status)))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn status_markers_say_which_hold_the_status_word() {
        for (marker, holds) in super::STATUS_MARKERS {
            assert_eq!(marker.contains("tatus"), holds, "{marker}");
        }
    }
}
