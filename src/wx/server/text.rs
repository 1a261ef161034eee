//! The renderings of a server error that SDKs print in logs (wechatpy, WxJava, EasyWeChat,
//! Chinese SDKs), read back into a [`Response`].

use std::borrow::Cow;

use super::{AnyErrcode, Response};
use crate::normalize::{find_str, leading_int, split_once_str};

impl<'a> Response<'a> {
    /// A server error as an SDK printed it in a log line: `Error code: 48001, message: api
    /// unauthorized` (wechatpy), `errcode=40029, errmsg=invalid code`, `WxErrCode != 0, resp:
    /// {41001 access_token missing}` (WxJava), `{ [WeChatAPIError: invalid code] name:
    /// 'WeChatAPIError', code: 40029 }` (node-webot), `错误代码：45009，说明：…`, `Request Error: 48001,
    /// api unauthorized`, or an app's `[40164] invalid ip …` where the bracket opens the
    /// message. `None` when the line holds none of them.
    ///
    /// ```
    /// use minierr::wx::server::{Errcode, Response};
    /// let r = Response::from_sdk_text("wechatpy.exceptions.WeChatClientException: Error code: 40003, message: invalid openid rid: 6302e9ee-763afa00-0dae2ea0").unwrap();
    /// assert_eq!(r.errcode(), Errcode::InvalidOpenid);
    /// assert_eq!(r.reason(), "invalid openid");
    /// let ruby = "invalid code, hints: [ req_id: je7q.a0244th27 ](40029)";
    /// assert_eq!(Response::from_sdk_text(ruby).unwrap().errcode(), Errcode::InvalidCode);
    /// assert!(Response::from_sdk_text("invalid code (40001)").is_none(), "not 40001's errmsg");
    /// let node = "{ [WeChatAPIError: invalid code, hints: [ req_id: rA.hRA0175ns87 ]] name: 'WeChatAPIError', code: 40029 }";
    /// let node = Response::from_sdk_text(node).unwrap();
    /// assert_eq!(node.errcode(), Errcode::InvalidCode);
    /// assert_eq!(node.errmsg_parts().hint(), Some("rA.hRA0175ns87"));
    /// assert!(Response::from_sdk_text("<xml><err_code><![CDATA[40164]]></err_code></xml>").is_none());
    /// ```
    #[must_use]
    pub fn from_sdk_text(line: &'a str) -> Option<Response<'a>> {
        let (code, errmsg) = sdk_text_parts(line)?;
        let errmsg = errmsg
            .trim()
            .trim_end_matches(['】', '"', '\'', '}'])
            .trim();
        Some(Response::new(
            Some(AnyErrcode::new(code)),
            Some(Cow::Borrowed(errmsg)),
        ))
    }
}

/// The code and errmsg of the first server text form in `line`.
pub(crate) fn sdk_text_parts(line: &str) -> Option<(i64, &str)> {
    // One look first: every form below needs one of its labels, a bracket, or a number of five
    // digits or more; most lines have none. (A debug build checks every line ruled out against
    // every form.)
    let labelled = crate::normalize::holds_any_word(SERVER_TEXT_MARKS.as_ref(), line);
    if !labelled && memchr::memchr(b'[', line.as_bytes()).is_none() && !has_digit_run(line, 5) {
        debug_assert!(
            server_text_forms(line).is_none(),
            "the first look ruled out a line a form reads: {line}"
        );
        return None;
    }
    server_text_forms(line)
}

/// The labels of [`server_text_forms`]' labelled forms (`WeChatAPIError: ` holds `Error: `).
const SERVER_TEXT_WORDS: [&str; 5] = [
    "Error code:",
    "errcode=",
    "WxErrCode",
    "错误代码",
    "Error: ",
];

static SERVER_TEXT_MARKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| crate::normalize::any_word_automaton(&SERVER_TEXT_WORDS, false));

/// Whether `text` holds a run of at least `len` ASCII digits.
fn has_digit_run(text: &str, len: usize) -> bool {
    let mut run = 0;
    for &byte in text.as_bytes() {
        if byte.is_ascii_digit() {
            run += 1;
            if run >= len {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The server text forms of [`sdk_text_parts`], in order, each with its own searches.
fn server_text_forms(line: &str) -> Option<(i64, &str)> {
    // `Error code: 48001, message: api unauthorized` (wechatpy).
    if let Some((_, rest)) = split_once_str(line, "Error code:") {
        let (code, rest) = leading_int(rest)?;
        let message = rest
            .trim_start_matches([',', ' '])
            .strip_prefix("message:")?;
        return Some((code, message));
    }
    // `errcode=40029, errmsg=invalid code`.
    if let Some((_, rest)) = split_once_str(line, "errcode=") {
        let (code, rest) = leading_int(rest)?;
        let message = rest
            .trim_start_matches([',', ' '])
            .strip_prefix("errmsg=")?;
        return Some((code, message));
    }
    // `WxErrCode != 0, resp: {41001 access_token missing rid: …}`.
    if let Some((_, rest)) = split_once_str(line, "WxErrCode") {
        let inner = rest.split_once('{')?.1;
        let inner = inner.rsplit_once('}').map_or(inner, |(inner, _)| inner);
        let (code, message) = leading_int(inner)?;
        return Some((code, message));
    }
    // `错误代码：45009，说明：reach max api daily quota limit`, and `appid missing。错误代码：41002`.
    if let Some((before, rest)) = split_once_str(line, "错误代码") {
        let (code, rest) = leading_int(rest.trim_start_matches([':', '：', ' ']))?;
        let rest = rest.trim_start_matches([',', '，', ' ']);
        for label in ["说明", "错误信息", "message"] {
            if let Some(message) = rest.strip_prefix(label) {
                let message = message.trim_start_matches([':', '：', ' ']);
                let message = message.split(['，', '"']).next().unwrap_or(message);
                return Some((code, message));
            }
        }
        // `错误代码 40029 invalid code`: with no label, only the number's own documented
        // errmsg after it makes the number WeChat's.
        let documented = super::Errcode::from_code(code).map_or("", super::Errcode::errmsg);
        if !documented.is_empty() && !documented.contains('%') && rest.starts_with(documented) {
            return Some((code, rest));
        }
        let before = before.trim_end().strip_suffix('。')?;
        let message = before.rsplit('：').next().unwrap_or(before);
        return Some((code, message));
    }
    // node-webot's `WeChatAPIError` (wechat-api, wechat-oauth) as Node's console prints it:
    // `{ [WeChatAPIError: invalid code, hints: [ req_id: … ]] name: 'WeChatAPIError', code:
    // 40029 }`. Those SDKs set the error's `code` to the errcode, its message to the errmsg.
    // Its WeCom SDK (wechat-enterprise-api) throws the same name: an answer without WeCom's
    // marks is read as WeChat's, with WeCom's reading beside it, as a bare body is.
    if let Some((_, rest)) = split_once_str(line, "WeChatAPIError: ") {
        let named = split_once_str(rest, "name: 'WeChatAPIError'");
        let parts = named.and_then(|(message, after)| {
            let (_, code) = split_once_str(after, "code: ")?;
            let (code, _) = leading_int(code)?;
            // Node's `[Name: message]` closes with one `]`; a hint's own bracket stays.
            let message = message.trim_end();
            let message = message.strip_suffix(']').unwrap_or(message).trim_end();
            Some((code, message))
        });
        if parts.is_some() {
            return parts;
        }
    }
    // `Request Error: 48001, api unauthorized`.
    if let Some((_, rest)) = split_once_str(line, "Error: ") {
        let parts =
            leading_int(rest).and_then(|(code, rest)| Some((code, rest.strip_prefix(",")?)));
        if parts.is_some() {
            return parts;
        }
    }
    // `[40164] invalid ip …`: the app's `[errcode] errmsg`, which claims a line only where that
    // form stands whole: the bracket opens the message (the line's start, or after a label's
    // colon), holds a number of at least four digits, and one space leads to an errmsg that
    // starts with a letter, as WeChat's do, and is not another code's documented errmsg. A
    // bracketed number elsewhere (an XML CDATA section, a log's thread id, an array) is not
    // this form.
    let start = line.len() - line.trim_start().len();
    // (A full-width colon is a Chinese label's: `获取配置失败：[93019] …`.) The openings are
    // tried in the line's order, whichever colon each follows.
    let mut ascii = line.match_indices(": [").map(|(at, _)| at + 2).peekable();
    let mut full_width = crate::normalize::match_str_indices(line, "：[")
        .map(|at| at + "：".len())
        .peekable();
    let in_order = std::iter::from_fn(move || match (ascii.peek(), full_width.peek()) {
        (Some(a), Some(w)) if a > w => full_width.next(),
        (Some(_), _) => ascii.next(),
        (None, _) => full_width.next(),
    });
    let mut opens = std::iter::once(start).chain(in_order);
    opens
        .find_map(|open| {
            let (inner, after) = crate::normalize::short_bracketed(line.get(open..)?)?;
            let (code, tail) = leading_int(inner)?;
            let digits = inner.trim_start_matches('-').len();
            let message = after.strip_prefix(' ')?;
            let starts_with_letter = message.starts_with(|c: char| c.is_ascii_alphabetic());
            // An errmsg the catalog documents for other codes only makes the number somebody
            // else's. Runtimes shorten and vary errmsgs (`invalid credential`), so an errmsg
            // the catalog does not know at all leaves the number standing.
            let its_own = super::Errcode::from_code(code).is_none_or(|errcode| {
                let named = super::Errcode::all_with_message(super::split_errmsg(message).reason());
                named.is_empty() || named.contains(&errcode)
            });
            (tail.is_empty() && digits >= 4 && starts_with_letter && its_own)
                .then_some((code, message))
        })
        .or_else(|| number_then_its_errmsg(line))
        .or_else(|| errmsg_then_its_number(line))
}

/// `invalid code, hints: [ req_id: je7q.a0244th27 ](40029)`: the errmsg the server documents
/// for a code, with the server's own suffixes (`hint`, `rid`) at most, then that very code in
/// parentheses, as some SDKs render an error (the Ruby wechat gem). The same two pieces of
/// evidence as [`number_then_its_errmsg`], in the other order.
fn errmsg_then_its_number(line: &str) -> Option<(i64, &str)> {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'(', bytes).find_map(|open| {
        // Most parentheses hold no number: the digits are counted before anything is sought.
        let count = bytes
            .get(open + 1..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(5..=9).contains(&count) || bytes.get(open + 1 + count) != Some(&b')') {
            return None;
        }
        let digits = line.get(open + 1..open + 1 + count)?;
        let code: i64 = digits.parse().ok()?;
        let documented = super::Errcode::from_code(code)?.errmsg();
        if documented.len() < 8 || documented.contains('%') {
            return None;
        }
        let head = line.get(..open)?;
        let at = head.rfind(documented)?;
        let message = head.get(at..)?;
        (super::split_errmsg(message).reason() == documented).then_some((code, message))
    })
}

/// `授权失败：40125, invalid appsecret rid: …`, `&{{{ } 40013 invalid appid rid: …`,
/// `OfficialAPIError: 40001: invalid credential, …`: any SDK's or app's rendering that puts a
/// code of five digits or more before the errmsg the server documents for that very code (or
/// one of its documented older spellings, `45009: api freq out of limit`). The
/// number alone is anybody's and the errmsg alone may be shared; the two together are WeChat's,
/// as in the `错误代码 40029 invalid code` form above. An SDK that prints the code's Chinese
/// description instead (Overtrue's `Exception(code: 42001): [Wechat]access_token超时，…`) is
/// read by that description's first clause, compared without spaces (the SDKs drop the ones
/// the page puts between Chinese and Latin words).
fn number_then_its_errmsg(line: &str) -> Option<(i64, &str)> {
    number_before_documented(line, |code| {
        let errcode = super::Errcode::from_code(code)?;
        Some(Documented {
            errmsg: errcode.errmsg(),
            older: errcode.errmsg_aliases(),
            description: errcode.message_zh(),
        })
    })
    .map(|(code, _, message)| (code, message))
}

/// `错误60011 no privilege to access/modify contact/party/agent`: a number WeCom's table lists
/// and the server's does not, before the errmsg WeCom's table records for it, in any rendering,
/// as [`number_then_its_errmsg`] reads the server's pairs. WeCom answers in the server's shape,
/// so the pair is WeCom's. The errmsg runs to the end of the line when WeCom's own marks follow
/// it (`, hint: […], from ip: …`), and otherwise ends where the recorded one does: what follows
/// is the writer's. Tried last, on lines that no other form reads: a labelled pair is read
/// whole by the fields forms.
pub(crate) fn wecom_number_then_its_errmsg(line: &str) -> Option<(i64, &str)> {
    let (code, errmsg, message) = number_before_documented(line, |code| {
        if super::Errcode::from_code(code).is_some() {
            return None;
        }
        Some(Documented {
            errmsg: crate::wecom::Errcode::from_code(code)?.errmsg(),
            older: &[],
            description: "",
        })
    })?;
    if crate::wecom::is_wecom_errmsg(message) {
        return Some((code, message));
    }
    message.get(..errmsg.len()).map(|own| (code, own))
}

/// What a table documents for a code: its errmsg, older spellings of it, and its Chinese
/// description (empty where there is none to read).
struct Documented {
    errmsg: &'static str,
    older: &'static [&'static str],
    description: &'static str,
}

/// The first number of five to nine digits in `line` followed, within a short gap, by what
/// `documented` gives for it; with the documented errmsg found (empty for a description) and
/// the line from there on.
fn number_before_documented(
    line: &str,
    documented: impl Fn(i64) -> Option<Documented>,
) -> Option<(i64, &'static str, &str)> {
    let bytes = line.as_bytes();
    let mut at = 0;
    while let Some(offset) = bytes.get(at..)?.iter().position(u8::is_ascii_digit) {
        let start = at + offset;
        let len = bytes
            .get(start..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        at = start + len;
        let preceded_by_word = start
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.');
        if !(5..=9).contains(&len) || preceded_by_word {
            continue;
        }
        let Some((code, rest)) = line.get(start..).and_then(leading_int) else {
            continue;
        };
        let Some(documented) = documented(code) else {
            continue;
        };
        // Up to a short gap of punctuation and one bracketed tag (`): [Wechat]`, Overtrue's
        // `(code: 42001): [Wechat]access_token expired`) may stand between the two.
        // Sought only where it could start, within the gap: not in the rest of the line. An
        // older errmsg the sources document (45009's `api freq out of limit`) counts too.
        let english = std::iter::once(documented.errmsg)
            .chain(documented.older.iter().copied())
            .filter(|d| d.len() >= 8 && !d.contains('%'))
            .find_map(|d| {
                find_str(crate::normalize::head_of(rest, MAX_GAP + d.len()), d)
                    .filter(|&gap| gap <= MAX_GAP)
                    .map(|gap| (gap, d))
            });
        let found = english.or_else(|| {
            (!documented.description.is_empty())
                .then(|| chinese_description_at(rest, documented.description))
                .flatten()
                .map(|gap| (gap, ""))
        });
        if let Some((gap, errmsg)) =
            found.filter(|&(gap, _)| rest.get(..gap).is_some_and(is_separating_gap))
        {
            return rest.get(gap..).map(|message| (code, errmsg, message));
        }
    }
    None
}

/// The most bytes an SDK's punctuation and tag put between a code and its errmsg.
const MAX_GAP: usize = 24;

/// Where, within [`MAX_GAP`] bytes of the start of `text`, a code's Chinese description
/// begins: its first two clauses (to its second comma or full stop), or the whole of a
/// one-clause description, without the notes in parentheses, compared without spaces and ASCII
/// case. What is compared must come to 15 bytes or more: a short clause (`重复操作`, `无权限`)
/// is any application's words after any number.
fn chinese_description_at(text: &str, description: &str) -> Option<usize> {
    let description = description
        .split(['（', '('])
        .next()
        .unwrap_or_default()
        .trim();
    let second_clause_end = description
        .match_indices(['，', '。'])
        .nth(1)
        .map_or(description.len(), |(at, _)| at);
    let compared = description.get(..second_clause_end)?.trim();
    let first = compared.chars().next()?;
    let length = compared
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .count();
    if length < 15 || compared.is_ascii() {
        return None;
    }
    text.char_indices()
        .take_while(|&(at, _)| at <= MAX_GAP)
        .filter(|(_, c)| c.eq_ignore_ascii_case(&first))
        .map(|(at, _)| at)
        .find(|&at| {
            text.get(at..)
                .is_some_and(|tail| starts_without_spaces(tail, compared))
        })
}

/// Whether `text` starts with `prefix`, spaces aside on both sides, ASCII letters in any case.
fn starts_without_spaces(text: &str, prefix: &str) -> bool {
    let mut text = text.chars().filter(|c| !c.is_whitespace());
    prefix
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|wanted| text.next().is_some_and(|c| c.eq_ignore_ascii_case(&wanted)))
}

/// Whether the text between a code and its errmsg only separates them: punctuation and white
/// space, and at most one bracketed tag of letters (an SDK's `[Wechat]`); no digit, and no
/// word outside the brackets, which would make the number somebody else's.
fn is_separating_gap(gap: &str) -> bool {
    let mut brackets = 0;
    let mut inside = false;
    for c in gap.chars() {
        match c {
            '[' if !inside => {
                inside = true;
                brackets += 1;
            }
            ']' if inside => inside = false,
            c if c.is_ascii_digit() => return false,
            c if c.is_alphanumeric() && !inside => return false,
            _ => {}
        }
    }
    !inside && brackets <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bracketed_errcode_form_stands_only_where_its_sdk_prints_it() {
        let whole = "[40164] invalid ip 1.2.3.4, not in whitelist";
        assert_eq!(
            sdk_text_parts(whole),
            Some((40164, "invalid ip 1.2.3.4, not in whitelist"))
        );
        let labelled = "token refresh failed: [40001] invalid credential";
        assert_eq!(
            sdk_text_parts(labelled),
            Some((40001, "invalid credential"))
        );
        // A WeChat Pay v2 body: the number sits in a CDATA section, not in front of an errmsg.
        let cdata = "<xml><return_code><![CDATA[FAIL]]></return_code><err_code><![CDATA[40164]]></err_code></xml>";
        assert_eq!(sdk_text_parts(cdata), None);
        // A log's thread id, a JSON array, a number not followed by a message.
        assert_eq!(
            sdk_text_parts("2024-01-01 12:00:00 [12345] worker started"),
            None
        );
        assert_eq!(sdk_text_parts("ids: [40164, 40165]"), None);
        // A number before its own documented errmsg, in any rendering.
        assert_eq!(
            sdk_text_parts("授权失败：40125, invalid appsecret rid: 67b81456-7702e5f9-2c9e1783"),
            Some((40125, "invalid appsecret rid: 67b81456-7702e5f9-2c9e1783"))
        );
        assert_eq!(
            sdk_text_parts("Request access_token fail: &{{{ } 40013 invalid appid rid: 655d878c"),
            Some((40013, "invalid appid rid: 655d878c"))
        );
        // A number only WeCom's table lists is not the server's: it is read late, as WeCom's,
        // with WeCom's errmsg alone where the writer's words follow it and whole where WeCom's
        // marks do.
        let line =
            "错误60011 no privilege to access/modify contact/party/agent 2.2修改应用可见范围";
        assert_eq!(sdk_text_parts(line), None);
        assert_eq!(
            wecom_number_then_its_errmsg(line),
            Some((60011, "no privilege to access/modify contact/party/agent"))
        );
        assert_eq!(
            wecom_number_then_its_errmsg(
                "60020: not allow to access from your ip, hint: [1651], from ip: 198.51.100.2"
            ),
            Some((
                60020,
                "not allow to access from your ip, hint: [1651], from ip: 198.51.100.2"
            ))
        );
        // Not before another errmsg, not a number WeCom's table lacks, and not one the
        // server's table lists (40001 is the server's first).
        assert_eq!(
            wecom_number_then_its_errmsg("错误60011 invalid credential"),
            None
        );
        assert_eq!(
            wecom_number_then_its_errmsg(
                "错误69999 no privilege to access/modify contact/party/agent"
            ),
            None
        );
        assert_eq!(
            wecom_number_then_its_errmsg("40001 invalid credential, access_token is invalid"),
            None
        );
        // A number before another code's errmsg, or a number inside a word, is nobody's.
        assert_eq!(
            sdk_text_parts(
                "Overtrue\\Wechat\\Exception(code: 42001): [Wechat]access_token expired"
            ),
            Some((42001, "access_token expired"))
        );
        assert_eq!(
            sdk_text_parts(
                "OfficialAPIError: 40001: invalid credential, access_token is invalid or not latest hint: [x]"
            ),
            Some((
                40001,
                "invalid credential, access_token is invalid or not latest hint: [x]"
            ))
        );
        // The code's Chinese description instead, as the SDK printed it without the page's
        // spaces (https://github.com/w7corp/easywechat/issues/163).
        assert_eq!(
            sdk_text_parts(
                "(Overtrue\\Wechat\\Exception(code: 42001): [Wechat]access_token超时，请检查access_token的有效期"
            ),
            Some((42001, "access_token超时，请检查access_token的有效期"))
        );
        assert_eq!(
            sdk_text_parts("获取失败 40013 不合法的AppID"),
            Some((40013, "不合法的AppID"))
        );
        // Another code's description is not, nor one behind a word, nor a short clause any
        // application may write after any number, nor the first of two clauses alone.
        assert_eq!(sdk_text_parts("错误 40013 access_token超时，请检查"), None);
        assert_eq!(sdk_text_parts("40013 见 不合法的appid"), None);
        assert_eq!(sdk_text_parts("订单 40029 code无效"), None);
        assert_eq!(sdk_text_parts("任务 42001 access_token超时"), None);
        // A word, a second number or two tags between them make the number somebody else's.
        assert_eq!(sdk_text_parts("order 40125 invalid appid"), None);
        assert_eq!(sdk_text_parts("code 42001 then access_token expired"), None);
        assert_eq!(sdk_text_parts("42001 [a] [b] access_token expired"), None);
        assert_eq!(sdk_text_parts("42001: 12 access_token expired"), None);
        assert_eq!(sdk_text_parts("id-40013 invalid appid"), None);
        assert_eq!(sdk_text_parts("[40164]"), None);
        assert_eq!(sdk_text_parts("[40164] 中文"), None);
    }
}
