//! [`Response`], a server API's `{errcode, errmsg}`, and [`split_errmsg`], which separates the
//! reason from the suffixes a backend must not key on.

use std::borrow::Cow;
use std::fmt;

use super::{AnyErrcode, Errcode};
use crate::{Action, RetryHint};

/// An `errmsg` taken apart: the reason, and the suffixes the server appends to it. Every part
/// borrows from the errmsg.
///
/// ```
/// use minierr::wx::server::split_errmsg;
///
/// let parts = split_errmsg("invalid code hint: [hElexSDNRa-XiBFgA] rid: 632d16be-15ad5486-1e378de4");
/// assert_eq!(parts.reason(), "invalid code");
/// assert_eq!(parts.hint(), Some("hElexSDNRa-XiBFgA"));
/// assert_eq!(parts.rid(), Some("632d16be-15ad5486-1e378de4"));
/// assert_eq!(parts.advice(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct ErrmsgParts<'a> {
    reason: &'a str,
    rid: Option<&'a str>,
    hint: Option<&'a str>,
    advice: Option<&'a str>,
}

impl<'a> ErrmsgParts<'a> {
    /// What went wrong: the errmsg without its suffixes. Values the server puts inside the
    /// reason (40164's IP address, 47003's field name) stay in it.
    #[must_use]
    pub const fn reason(&self) -> &'a str {
        self.reason
    }

    /// The request id after `rid:`, which WeChat support asks for; `Some("")` when the server
    /// sent `rid:` with nothing after it.
    #[must_use]
    pub const fn rid(&self) -> Option<&'a str> {
        self.rid
    }

    /// The older request id: the text in `hint: [...]`, or the `req_id` in
    /// `hints: [ req_id: ... ]`.
    #[must_use]
    pub const fn hint(&self) -> Option<&'a str> {
        self.hint
    }

    /// Advice the server appends, with a URL: `could get access_token by getStableAccessToken,
    /// more details at https://…`.
    #[must_use]
    pub const fn advice(&self) -> Option<&'a str> {
        self.advice
    }
}

/// Takes an errmsg apart into its reason and suffixes, in the forms the server has used:
///
/// - ` rid: 65c17d8c-5cf05990-781aabe9` or `, rid: …` at the end (the id may be empty);
/// - ` hint: [WiEBWV0sf-Te2URA]` (2019–2022), possibly followed by a rid;
/// - `, hints: [ req_id: N37KMa0605th21 ]` (before 2019);
/// - an advice sentence with a URL, after the documented errmsg: `…, could get access_token by
///   getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r`.
///
/// Text that only resembles a suffix (a `rid:` not followed by an id) stays in the reason.
///
/// ```
/// use minierr::wx::server::split_errmsg;
///
/// let parts = split_errmsg("invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r rid: 697832c4-31bfe4c2-64edb600");
/// assert_eq!(parts.reason(), "invalid credential, access_token is invalid or not latest");
/// assert_eq!(parts.advice(), Some("could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r"));
/// assert_eq!(parts.rid(), Some("697832c4-31bfe4c2-64edb600"));
///
/// let old = split_errmsg("code been used, hints: [ req_id: AijFoqaLRa-pTFm4 ]");
/// assert_eq!((old.reason(), old.hint()), ("code been used", Some("AijFoqaLRa-pTFm4")));
///
/// assert_eq!(split_errmsg("appid missing, rid: 67d92213-3415dc90-0e7f5926").reason(), "appid missing");
/// assert_eq!(split_errmsg("user limited rid: ").rid(), Some(""));
/// ```
#[must_use]
pub fn split_errmsg(errmsg: &str) -> ErrmsgParts<'_> {
    let mut rest = errmsg.trim();
    let mut parts = ErrmsgParts::default();
    if let Some((before, rid)) = split_rid(rest) {
        parts.rid = Some(rid);
        rest = before;
    }
    if let Some((before, hint)) = split_hint(rest) {
        parts.hint = Some(hint);
        rest = before;
        // The oldest form puts the rid before the hint.
        if parts.rid.is_none() {
            if let Some((before, rid)) = split_rid(rest) {
                parts.rid = Some(rid);
                rest = before;
            }
        }
    }
    if let Some((before, advice)) = split_advice(rest) {
        parts.advice = Some(advice);
        rest = before;
    }
    parts.reason = trim_separator(rest);
    parts
}

/// `rest` without a trailing `,`, `;` or white space: what separates a suffix from the reason.
fn trim_separator(rest: &str) -> &str {
    rest.trim_end_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
}

/// `(before, id)` when `text` ends with `rid: <id>` (hex groups joined by `-`, or nothing)
/// after the start, a space or a comma.
fn split_rid(text: &str) -> Option<(&str, &str)> {
    // Read backwards over the id, then expect `rid:`: no substring search, which costs more
    // to set up than this whole function on a short errmsg.
    let text = text.trim_end();
    let id_len = text
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_hexdigit() || *b == b'-')
        .count();
    let (head, id) = text.split_at_checked(text.len() - id_len)?;
    let id_like = id.is_empty() || id.contains('-');
    let before = head.trim_end().strip_suffix("rid:")?;
    let separated = before.is_empty() || before.ends_with([' ', ',', '\t']);
    (id_like && separated).then(|| (trim_separator(before), id))
}

/// `(before, id)` when `text` ends with `hint: [id]` or `hints: [ req_id: id ]`.
fn split_hint(text: &str) -> Option<(&str, &str)> {
    let inside = text.strip_suffix(']')?;
    let open = inside.rfind('[')?;
    let (head, id) = inside.split_at(open);
    let head = head.trim_end();
    let before = head
        .strip_suffix("hints:")
        .or_else(|| head.strip_suffix("hint:"))?;
    let id = id.get(1..)?.trim();
    let id = id.strip_prefix("req_id:").map_or(id, str::trim);
    Some((trim_separator(before), id))
}

/// A bound on a documented errmsg's clauses (runs between `, `; the catalog's most is four),
/// with room for a template's value holding a few more: a test holds every catalog errmsg to
/// it.
const MAX_ERRMSG_CLAUSES: usize = 8;

/// `(reason, advice)` when `text` carries advice with a URL after the reason. The reason is the
/// longest leading run of at most [`MAX_ERRMSG_CLAUSES`] clauses that is a catalog errmsg;
/// without one, the advice is the clause holding the URL.
fn split_advice(text: &str) -> Option<(&str, &str)> {
    let url = text.match_indices('h').map(|(i, _)| i).find(|&i| {
        text.get(i..)
            .is_some_and(|t| t.starts_with("https://") || t.starts_with("http://"))
    })?;
    let head = text.get(..url)?;
    // A documented errmsg has few clauses (none more than three `, `), so only the first
    // boundaries can end one: those are tried, last first, and each lookup normalises a prefix
    // of a few clauses, not of every clause a long text holds.
    let documented_end = head
        .match_indices(", ")
        .nth(MAX_ERRMSG_CLAUSES)
        .map_or(head.len(), |(i, _)| i);
    let documented = head
        .get(..documented_end)
        .into_iter()
        .flat_map(|head| head.rmatch_indices(", "))
        .map(|(i, _)| i)
        .find(|&i| {
            text.get(..i)
                .is_some_and(|reason| !Errcode::all_with_message(reason).is_empty())
        });
    let cut = documented.or_else(|| head.rfind(", "))?;
    let reason = text.get(..cut)?;
    let advice = text.get(cut + 2..)?.trim();
    Some((reason, advice))
}

/// A server API's answer: `{"errcode": 40029, "errmsg": "invalid code, rid: …"}`.
///
/// Both fields may be missing: some APIs omit `errcode` (and `errmsg`) on success, which reads as
/// code 0. Other fields are ignored; strings borrow from the input where it has no escapes, and
/// `errcode` may be a number or a number in a string.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use minierr::wx::server::{Errcode, Response};
/// use minierr::Action;
///
/// let r: Response = serde_json::from_str(r#"{"errcode":45011,"errmsg":"api minute-quota reach limit, must slower, retry next minute, rid: 658c03c7-029c8f19-07211e07"}"#)?;
/// assert_eq!(r.errcode(), Errcode::MinuteQuotaReached);
/// assert_eq!(r.reason(), "api minute-quota reach limit, must slower, retry next minute");
/// assert_eq!(r.action(), Some(Action::Backoff));
///
/// let ok: Response = serde_json::from_str(r#"{"openid":"o6_bm...","session_key":"..."}"#)?;
/// assert!(ok.is_success());
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Response<'a> {
    pub(crate) errcode: Option<AnyErrcode>,
    pub(crate) errmsg: Option<Cow<'a, str>>,
}

impl<'a> Response<'a> {
    /// A response from its parts.
    ///
    /// ```
    /// use minierr::wx::server::{Errcode, Response};
    /// let r = Response::new(Some(42001.into()), Some("access_token expired".into()));
    /// assert_eq!(r.errcode(), Errcode::AccessTokenExpired);
    /// ```
    #[must_use]
    pub fn new(errcode: Option<AnyErrcode>, errmsg: Option<Cow<'a, str>>) -> Self {
        Response { errcode, errmsg }
    }

    /// The errcode, known or not; code 0 when the response has none (success).
    #[must_use]
    pub fn errcode(&self) -> AnyErrcode {
        self.errcode.unwrap_or(AnyErrcode::Known(Errcode::Ok))
    }

    /// The errcode exactly as sent, `None` if the response has none.
    #[must_use]
    pub fn errcode_sent(&self) -> Option<AnyErrcode> {
        self.errcode
    }

    /// The errmsg exactly as sent.
    #[must_use]
    pub fn errmsg(&self) -> Option<&str> {
        self.errmsg.as_deref()
    }

    /// The errmsg taken apart; see [`split_errmsg`].
    #[must_use]
    pub fn errmsg_parts(&self) -> ErrmsgParts<'_> {
        split_errmsg(self.errmsg.as_deref().unwrap_or(""))
    }

    /// The errmsg without its suffixes (`""` without an errmsg).
    #[must_use]
    pub fn reason(&self) -> &str {
        self.errmsg_parts().reason()
    }

    /// The `rid` suffix, if any.
    #[must_use]
    pub fn rid(&self) -> Option<&str> {
        self.errmsg_parts().rid()
    }

    /// Whether the call succeeded: errcode 0, or no errcode.
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.errcode().raw() == 0
    }

    /// The errcode, or when the response carries none but has a reason, the one code whose
    /// errmsg the reason matches. `None` for a catalog errcode whose errmsg is not the code's
    /// ([`Errcode::errmsg_contradicts`]): another service's number in the same shape, whose
    /// meaning minierr does not know. [`Response::errcode_sent`] keeps the number. An errmsg
    /// that ends with the WeChat server's own request id (a `rid:` of three hex groups, or a
    /// `hint: [...]` that is not WeCom's) and names the same subject as the code's documented
    /// errmsg, in other words, is the code's: the server rewords its errmsgs over the years.
    ///
    /// ```
    /// use minierr::wx::server::{Errcode, Response};
    /// let r = Response::new(None, Some("api unauthorized, hints: [ req_id: dIaOLa0186s154 ]".into()));
    /// assert_eq!(r.resolved_errcode(), Some(Errcode::ApiUnauthorized.into()));
    /// // ByteDance's login answers in WeChat's shape; its 40014 is not WeChat's.
    /// let other = Response::new(Some(40014.into()), Some("bad params".into()));
    /// assert_eq!((other.resolved_errcode(), other.action()), (None, None));
    /// assert_eq!(other.errcode_sent(), Some(Errcode::InvalidAccessToken.into()));
    /// // The server rewords 40159's errmsg; its hint says it is the server's.
    /// let reworded = Response::new(Some(40159.into()), Some("param path length invalid hint: [YA5A50128vr21]".into()));
    /// assert_eq!(reworded.resolved_errcode(), Some(Errcode::InvalidPath.into()));
    /// // Virtual payment's 90010 is not the open platform's `no session`, rid or not.
    /// let xpay = Response::new(Some(90010.into()), Some("[signature] signature is invalid rid: 644791d9-7eb8ea63-77f2ca17".into()));
    /// assert_eq!(xpay.resolved_errcode(), None);
    /// // Another code's errmsg beside the number is still a contradiction, whatever words it
    /// // shares (42001's `access_token expired` beside 40001).
    /// let crossed = Response::new(Some(40001.into()), Some("access_token expired rid: 5fdc2111-1b2301e4-72a1ed2f".into()));
    /// assert_eq!(crossed.resolved_errcode(), None);
    /// ```
    #[must_use]
    pub fn resolved_errcode(&self) -> Option<AnyErrcode> {
        self.resolve().0
    }

    /// The resolved errcode, the next step and the reason, from one reading of the errmsg: what
    /// a report needs, where [`Response::resolved_errcode`], [`Response::action`] and
    /// [`Response::reason`] would each read it again.
    #[cfg(feature = "json")]
    pub(crate) fn resolution(&self) -> (Option<AnyErrcode>, Option<Action>, &str) {
        let parts = split_errmsg(self.errmsg.as_deref().unwrap_or(""));
        let (code, codes) = self.resolve_by(|| parts.reason());
        (code, step(code, codes, Errcode::action), parts.reason())
    }

    /// The resolved errcode and, for a response without one, every code its errmsg matches
    /// (looked up once, for the code and for the step those codes agree on).
    fn resolve(&self) -> (Option<AnyErrcode>, &'static [Errcode]) {
        self.resolve_by(|| split_errmsg(self.errmsg.as_deref().unwrap_or("")).reason())
    }

    /// [`Response::resolve`] with the errmsg's reason from `reason`, asked for only when the
    /// response has an errmsg.
    fn resolve_by<'r>(
        &'r self,
        reason: impl FnOnce() -> &'r str,
    ) -> (Option<AnyErrcode>, &'static [Errcode]) {
        match (self.errcode, self.errmsg.as_deref()) {
            // Another service's number in WeChat's shape: the errmsg says which.
            (Some(AnyErrcode::Known(code)), Some(errmsg)) => {
                let own = code.errmsg_begins_as_documented(errmsg) || {
                    let reason = reason();
                    !code.errmsg_contradicts(reason)
                        || (stamped_by_wechat(errmsg)
                            && code.errmsg_shares_a_subject(reason)
                            && names_no_other_code(code, reason))
                };
                (own.then_some(AnyErrcode::Known(code)), &[])
            }
            (Some(code), _) => (Some(code), &[]),
            (None, Some(errmsg)) if !errmsg.trim().is_empty() => {
                let codes = Errcode::all_with_message(reason());
                (Errcode::recovered_from(codes).map(AnyErrcode::Known), codes)
            }
            (None, _) => (Some(AnyErrcode::Known(Errcode::Ok)), &[]),
        }
    }

    /// The next step for a known code, on an API the code has no special meaning for; `None`
    /// for an unknown code, which minierr will not guess, and for a code whose errmsg is not its
    /// own ([`Response::resolved_errcode`]).
    ///
    /// Without an errcode, an errmsg several codes share names none of them; where every one of
    /// those codes takes the same step, and at least one of them has its step set by hand (the
    /// open platform's steps are derived from their text by a rule, not evidence on their own),
    /// the answer has that step and no code: `invalid openid` is 40003's, 87081's, 61101's or
    /// 90007's, each `FixRequest`.
    ///
    /// ```
    /// use minierr::{wx::server::Response, Action};
    /// let shared = Response::new(None, Some("invalid openid rid: 6576d1a8-1b2c3d4e-5f6a7b8c".into()));
    /// assert_eq!((shared.resolved_errcode(), shared.action()), (None, Some(Action::FixRequest)));
    /// // 40013's `invalid appid` is also 9301006's, whose step differs: no answer.
    /// assert_eq!(Response::new(None, Some("invalid appid".into())).action(), None);
    /// // One open-platform code's short errmsg names nothing, nor does its rule's step.
    /// assert_eq!(Response::new(None, Some("order paid".into())).action(), None);
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        let (code, codes) = self.resolve();
        step(code, codes, Errcode::action)
    }

    /// The next step, given the API that answered (`getAccessToken`, `generateUrlLink`, …).
    ///
    /// ```
    /// use minierr::{wx::server::Response, Action};
    /// let r = Response::new(Some(40001.into()), Some("invalid credential, access_token is invalid or not latest".into()));
    /// assert_eq!(r.action_for("getAccessToken"), Some(Action::FixConfig));
    /// assert_eq!(r.action_for("getPhoneNumber"), Some(Action::Refresh));
    /// ```
    #[must_use]
    pub fn action_for(&self, api: &str) -> Option<Action> {
        let (code, codes) = self.resolve();
        step(code, codes, |code| code.action_for(api))
    }

    /// The soonest moment a retry can succeed, where the platform says so.
    #[must_use]
    pub fn retry_hint(&self) -> Option<RetryHint> {
        self.resolved_errcode()
            .and_then(AnyErrcode::known)
            .and_then(Errcode::retry_hint)
    }

    /// Decodes a response from JSON text: `serde_json::from_str`.
    ///
    /// ```
    /// let r = minierr::wx::server::Response::from_json_str(r#"{"errcode":"40029","errmsg":"invalid code"}"#)?;
    /// assert_eq!(r.errcode().raw(), 40029);
    /// let err = minierr::wx::server::Response::from_json_str(r#"{"errcode":[1]}"#).unwrap_err();
    /// assert!(err.to_string().starts_with("invalid type: sequence, expected errcode"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[cfg(feature = "json")]
    pub fn from_json_str(input: &'a str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(input)
    }

    /// [`Response::from_json_str`] for bytes, which must be UTF-8.
    #[cfg(feature = "json")]
    pub fn from_json_slice(input: &'a [u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(input)
    }

    /// The same response with owned strings, to outlive the input buffer.
    #[must_use]
    pub fn into_owned(self) -> Response<'static> {
        Response {
            errcode: self.errcode,
            errmsg: self.errmsg.map(|m| Cow::Owned(m.into_owned())),
        }
    }
}

impl fmt::Display for Response<'_> {
    /// `errcode 40029: invalid code, rid: …`, as the server sent it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "errcode {}", self.errcode().raw())?;
        match &self.errmsg {
            Some(errmsg) => write!(f, ": {errmsg}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Response<'_> {}

/// Whether an errmsg ends with the WeChat server's own request id: a `rid:` of three hex groups,
/// or an older `hint: [...]` that is not WeCom's timestamped one. Another service that answers
/// in WeChat's shape (ByteDance's `40014 bad params`) sends neither. The server itself reuses
/// numbers across API families (virtual payment's 90010 is `signature is invalid`, the open
/// platform's `no session`), so the id alone does not make the number the catalog's code:
/// the words must also share a subject (two words) with the code's documented errmsg
/// ([`Errcode::errmsg_shares_a_subject`]).
fn stamped_by_wechat(errmsg: &str) -> bool {
    let parts = split_errmsg(errmsg);
    let wechat_rid = parts.rid().is_some_and(|rid| {
        rid.split('-').count() == 3 && rid.split('-').all(|group| !group.is_empty())
    });
    wechat_rid
        || (parts.hint().is_some_and(|hint| !hint.is_empty())
            && !crate::wecom::has_timestamped_hint(errmsg))
}

/// Whether `reason` is no other code's documented errmsg: a number beside another code's words
/// is a contradiction, whoever sent it.
fn names_no_other_code(code: Errcode, reason: &str) -> bool {
    Errcode::all_with_message(reason)
        .iter()
        .all(|&named| named == code)
}

/// The step of a resolved code by `step_of` (none for an unknown code), or without one, the
/// step the codes its errmsg matches agree on.
fn step(
    code: Option<AnyErrcode>,
    codes: &[Errcode],
    step_of: impl Fn(Errcode) -> Action,
) -> Option<Action> {
    match code {
        Some(code) => code.known().map(step_of),
        None => agreed_step(codes, step_of),
    }
}

/// The step every one of `codes` (those an errmsg without an errcode matches) takes by `step`,
/// where there are several and at least one has its step set by hand: an open-platform code's
/// step is derived from its text by a rule, not evidence on its own.
fn agreed_step(codes: &[Errcode], step: impl Fn(Errcode) -> Action) -> Option<Action> {
    if codes.len() < 2 || codes.iter().all(|code| code.is_step_by_rule()) {
        return None;
    }
    let (first, others) = codes.split_first()?;
    let action = step(*first);
    others
        .iter()
        .all(|code| step(*code) == action)
        .then_some(action)
}

#[cfg(feature = "serde")]
mod serde_impls {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{AnyErrcode, Response};
    use crate::text::{TextSeed, vacant};

    impl Serialize for Response<'_> {
        /// `{"errcode": ..., "errmsg": ...}`, leaving out what was not sent.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let len = usize::from(self.errcode.is_some()) + usize::from(self.errmsg.is_some());
            let mut map = serializer.serialize_map(Some(len))?;
            if let Some(code) = &self.errcode {
                map.serialize_entry("errcode", code)?;
            }
            if let Some(errmsg) = &self.errmsg {
                map.serialize_entry("errmsg", errmsg)?;
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(field_identifier)]
    enum Field {
        #[serde(rename = "errcode")]
        Errcode,
        #[serde(rename = "errmsg")]
        Errmsg,
        #[serde(other)]
        Other,
    }

    impl<'de: 'a, 'a> Deserialize<'de> for Response<'a> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_map(ResponseVisitor(PhantomData))
        }
    }

    struct ResponseVisitor<'a>(PhantomData<Response<'a>>);

    impl<'de: 'a, 'a> Visitor<'de> for ResponseVisitor<'a> {
        type Value = Response<'a>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a WeChat server response such as {\"errcode\":40029,\"errmsg\":\"...\"}")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response<'a>, A::Error> {
            let mut errcode: Option<Option<AnyErrcode>> = None;
            let mut errmsg = None;
            while let Some(field) = map.next_key::<Field>()? {
                match field {
                    Field::Errcode => {
                        vacant(&errcode, "errcode")?;
                        errcode = Some(map.next_value()?);
                    }
                    Field::Errmsg => {
                        vacant(&errmsg, "errmsg")?;
                        errmsg =
                            Some(map.next_value_seed(TextSeed::nullable("errmsg as a string"))?);
                    }
                    Field::Other => {
                        map.next_value::<crate::text::Skip>()?;
                    }
                }
            }
            Ok(Response {
                errcode: errcode.flatten(),
                errmsg: errmsg.flatten(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_documented_errmsg_has_more_clauses_than_split_advice_tries() {
        let most = Errcode::all()
            .map(|code| code.errmsg().matches(", ").count() + 1)
            .max();
        assert!(
            most.is_some_and(|most| (2..=MAX_ERRMSG_CLAUSES).contains(&most)),
            "{most:?}"
        );
    }

    #[test]
    fn suffixes_that_are_not_suffixes_stay_in_the_reason() {
        assert_eq!(
            split_errmsg("invalid grid: abc").reason(),
            "invalid grid: abc"
        );
        assert_eq!(split_errmsg("rid: not-hex!").reason(), "rid: not-hex!");
        assert_eq!(split_errmsg("array [1]").reason(), "array [1]");
        assert_eq!(split_errmsg("").reason(), "");
        let no_catalog = split_errmsg("something odd, see https://example.com/x");
        assert_eq!(
            (no_catalog.reason(), no_catalog.advice()),
            ("something odd", Some("see https://example.com/x"))
        );
        let url_alone = split_errmsg("see https://example.com/x");
        assert_eq!(
            (url_alone.reason(), url_alone.advice()),
            ("see https://example.com/x", None)
        );
    }

    #[test]
    fn hint_with_bang_and_rid_before_hint() {
        let p = split_errmsg("reach max api daily quota limit hint: [nl1a8a02641530!]");
        assert_eq!(
            (p.reason(), p.hint()),
            ("reach max api daily quota limit", Some("nl1a8a02641530!"))
        );
    }
}
