//! WeChat's per-API `errCode` tables, older than errno and still sent by many APIs and
//! components: Bluetooth, iBeacon, Wi-Fi, NFC, subscription messages, payments, audio, ads,
//! live-pusher and live-player, file system and more.
//!
//! The same number means different things in different families, so a [`Code`] is found by
//! [`Family`] and number ([`Code::find`]), or by its documented message within a family
//! ([`Code::all_with_message`]). A family comes from the API named in the errMsg
//! ([`Family::of_api`]); components and `onError` callbacks name none, so a caller that knows
//! where the payload came from passes the family itself. Where a source pairs a code with an
//! errno, [`Code::errno`] gives it, and [`wx::Fail`](super::Fail) resolves through it.
//!
//! ```
//! use minierr::wx::legacy::{Code, Family};
//! use minierr::Action;
//!
//! let code = Code::find(Family::Wifi, 12002).expect("in the catalog");
//! assert_eq!(code.message_en(), "The Wi-Fi password is wrong");
//! assert_eq!(code.action(), Some(Action::AskUser));
//! // 10001 is three different failures.
//! assert_eq!(Code::find(Family::Bluetooth, 10001), Some(Code::BluetoothNotAvailable));
//! assert_eq!(Code::find(Family::SubscribeMessage, 10001), Some(Code::SubscribeMessageTmplIdsEmpty));
//! assert_eq!(Code::find(Family::InnerAudio, 10001), Some(Code::InnerAudioSystemError));
//! ```
//!
//! # Sources and choices
//!
//! `data/wechat_legacy_codes.tsv` holds all 337 rows of the project's two reference tables (61
//! from the official Bluetooth, iBeacon, Wi-Fi and NFC pages, 276 from the other per-API pages
//! and the vendor's API typings), each with its source; `data/wechat_legacy_families.tsv` maps
//! APIs to families. `err_msg` is the reason part of the documented errMsg, byte for byte, with
//! the API prefix removed and `${path}`-style placeholders written `%s`. Errno equivalents are
//! the reference's, and one more: Bluetooth 10001 is sent with errno 1500102. The English and
//! the actions are minierr's; the reference's hint `ignore` (a state event, or a harmless
//! repeat) reads as [`Action::Success`], and `inspect_inner` as no action.

use std::fmt;

use super::Errno;
use crate::{Action, Reliability};

#[rustfmt::skip]
mod generated;

pub use generated::{Code, Family};

#[derive(Debug)]
pub(crate) struct FamilyInfo {
    key: &'static str,
    apis: &'static [&'static str],
    any_api: bool,
    description: &'static str,
    every_failure: Option<crate::Action>,
}

#[derive(Debug)]
pub(crate) struct CodeInfo {
    family: Family,
    err_code: Option<i64>,
    err_msg: &'static str,
    errno: Option<u32>,
    message_zh: &'static str,
    message_en: &'static str,
    action: Option<Action>,
    reliability: Reliability,
    source: &'static str,
    note: &'static str,
}

/// The first bytes of [`generated::API_SUBSTRINGS`] that are ASCII, one bit each. The look
/// that uses the set lets every non-ASCII byte through, so a substring starting with one is
/// still searched for.
const SUBSTRING_STARTS: u128 = {
    let mut mask = 0_u128;
    let mut rest = generated::API_SUBSTRINGS;
    while let Some((&(substring, _), tail)) = rest.split_first() {
        if let Some(&first) = substring.as_bytes().first() {
            if first < 128 {
                mask |= 1 << first;
            }
        }
        rest = tail;
    }
    mask
};

impl Family {
    /// Every family, in table order.
    ///
    /// ```
    /// assert_eq!(minierr::wx::legacy::Family::ALL.len(), 34);
    /// ```
    pub const ALL: &'static [Family] = &generated::FAMILIES;

    const fn info(self) -> &'static FamilyInfo {
        generated::family_info(self)
    }

    /// The family's key in the data tables (`bluetooth`, `subscribe_message`, …).
    ///
    /// ```
    /// assert_eq!(minierr::wx::legacy::Family::NfcHce.key(), "nfc_hce");
    /// ```
    #[must_use]
    pub const fn key(self) -> &'static str {
        self.info().key
    }

    /// What the family covers.
    #[must_use]
    pub const fn description(self) -> &'static str {
        self.info().description
    }

    /// The API names that belong to the family; APIs that contain one of its name fragments
    /// (`Bluetooth`, `BLE`, `Wifi`, …) belong to it too.
    ///
    /// ```
    /// use minierr::wx::legacy::Family;
    /// assert!(Family::Payment.apis().contains(&"requestPayment"));
    /// assert!(Family::InnerAudio.apis().is_empty(), "onError callbacks name no API");
    /// ```
    #[must_use]
    pub const fn apis(self) -> &'static [&'static str] {
        self.info().apis
    }

    /// Whether the family's messages can come from any API (privacy, authorisation).
    #[must_use]
    pub const fn is_any_api(self) -> bool {
        self.info().any_api
    }

    /// The step the family's page gives every failure, where no code or reason class reads
    /// it: `wx.checkSession`'s page reads a failure as an expired session key (调用失败说明
    /// session_key 已过期), so the next step is a new `wx.login`; a timeout is still the
    /// network's. `None` for a family whose failures differ.
    ///
    /// ```
    /// use minierr::{Action, wx::legacy::Family};
    /// assert_eq!(Family::CheckSession.every_failure(), Some(Action::Refresh));
    /// assert_eq!(Family::Bluetooth.every_failure(), None);
    /// ```
    #[must_use]
    pub const fn every_failure(self) -> Option<crate::Action> {
        self.info().every_failure
    }

    /// The family of an API as the errMsg names it (`openBluetoothAdapter`, `startWifi`,
    /// `requestPayment`); `None` for an API no legacy table covers.
    ///
    /// ```
    /// use minierr::wx::legacy::Family;
    /// assert_eq!(Family::of_api("getBLEDeviceServices"), Some(Family::Bluetooth));
    /// assert_eq!(Family::of_api("startBeaconDiscovery"), Some(Family::Beacon));
    /// assert_eq!(Family::of_api("connectWifi"), Some(Family::Wifi));
    /// assert_eq!(Family::of_api("readFile"), Some(Family::FileSystem));
    /// ```
    #[must_use]
    pub fn of_api(api: &str) -> Option<Family> {
        let api = api.trim();
        generated::API_FAMILY.get(api).copied().or_else(|| {
            // Most APIs hold no byte a substring starts with: one pass rules them out.
            let may_hold = |&b: &u8| b >= 128 || (SUBSTRING_STARTS >> b) & 1 == 1;
            if !api.as_bytes().iter().any(may_hold) {
                return None;
            }
            generated::API_SUBSTRINGS
                .iter()
                .find(|(s, _)| crate::normalize::find_str(api, s).is_some())
                .map(|&(_, family)| family)
        })
    }

    /// Every family, in table order: [`Family::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = Family> {
        Family::ALL.iter().copied()
    }

    /// The family's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Code {
    /// How many rows the catalog holds.
    ///
    /// ```
    /// assert_eq!(minierr::wx::legacy::Code::COUNT, 337);
    /// ```
    pub const COUNT: usize = <Self as strum::EnumCount>::COUNT;

    /// Every row, in table order.
    pub const ALL: &'static [Code] = &generated::ALL;

    const fn info(self) -> &'static CodeInfo {
        generated::info(self)
    }

    /// The code `family` gives `err_code`; `None` if its table has no such number.
    ///
    /// ```
    /// use minierr::wx::legacy::{Code, Family};
    /// assert_eq!(Code::find(Family::Beacon, 11002), Some(Code::BeaconLocationUnavailable));
    /// assert_eq!(Code::find(Family::Beacon, 10001), None);
    /// ```
    #[must_use]
    pub const fn find(family: Family, err_code: i64) -> Option<Code> {
        generated::find(family, err_code)
    }

    /// Every code, of any family, whose documented message matches `text` in normal form (a
    /// template filled in), in catalog order; no allocation. The same message means different
    /// things per family: [`Code::all_with_message_in`] keeps one family's.
    ///
    /// ```
    /// use minierr::wx::legacy::Code;
    /// // Subscribe messages, user profiles and more share this wording.
    /// let shared = Code::all_with_message("can only be invoked by user TAP gesture");
    /// assert!(shared.len() > 1 && shared.contains(&Code::SubscribeMessageNotInTapHandler));
    /// assert!(Code::all_with_message("no such message at all").is_empty());
    /// ```
    #[must_use]
    pub fn all_with_message(text: &str) -> &'static [Code] {
        crate::catalog::lookup_message(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            text,
        )
    }

    /// The codes of `family`, and of the families any API can raise (privacy, authorisation),
    /// whose documented message matches `text` in normal form; no allocation.
    ///
    /// ```
    /// use minierr::wx::legacy::{Code, Family};
    /// let found: Vec<Code> =
    ///     Code::all_with_message_in(Family::SubscribeMessage, "can only be invoked by user TAP gesture").collect();
    /// assert_eq!(found, [Code::SubscribeMessageNotInTapHandler]);
    /// // Placeholders in the documented text match the path the runtime fills in.
    /// assert_eq!(
    ///     Code::all_with_message_in(Family::FileSystem, "no such file or directory, open wxfile://usr/a.txt").next(),
    ///     Some(Code::FileSystemLegacyNoSuchFileOnOpen)
    /// );
    /// // Bluetooth's `system error` is not Wi-Fi's.
    /// assert_eq!(Code::all_with_message_in(Family::Bluetooth, "system error").next(), Some(Code::BluetoothSystemError));
    /// ```
    pub fn all_with_message_in(family: Family, text: &str) -> impl Iterator<Item = Code> + '_ {
        Code::with_message(Some(family), text)
    }

    /// The codes whose reason matches, in `family` (if given) or in any-API families; no
    /// allocation.
    /// [`Code::with_message`] with the reason's normal form built once by the caller.
    #[cfg(feature = "serde")] // only the fail payload readers look a message up in one family
    pub(crate) fn with_message_in(
        family: Option<Family>,
        reason: &str,
        normal: Option<&str>,
    ) -> impl Iterator<Item = Code> {
        crate::catalog::lookup_message_in(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            reason,
            normal,
        )
        .iter()
        .copied()
        .filter(move |c| Some(c.family()) == family || c.family().is_any_api())
    }

    /// Every code, of any family, whose documented message matches `reason` (with its normal
    /// form built once by the caller).
    #[cfg(feature = "serde")]
    pub(crate) fn all_with_message_normal(reason: &str, normal: Option<&str>) -> &'static [Code] {
        crate::catalog::lookup_message_in(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            reason,
            normal,
        )
    }

    pub(crate) fn with_message(
        family: Option<Family>,
        reason: &str,
    ) -> impl Iterator<Item = Code> + '_ {
        crate::catalog::lookup_message(
            &generated::MESSAGE_INDEX,
            &generated::MESSAGE_TEMPLATES,
            reason,
        )
        .iter()
        .copied()
        .filter(move |c| Some(c.family()) == family || c.family().is_any_api())
    }

    /// The family.
    #[must_use]
    pub const fn family(self) -> Family {
        self.info().family
    }

    /// The number, for rows keyed by one; `None` for rows known by their message only.
    #[must_use]
    pub const fn err_code(self) -> Option<i64> {
        self.info().err_code
    }

    /// The documented reason, byte for byte, without the `api:fail` prefix; `""` where the
    /// source shows none.
    #[must_use]
    pub const fn err_msg(self) -> &'static str {
        self.info().err_msg
    }

    /// The errno a source pairs with this code, if any.
    ///
    /// ```
    /// use minierr::wx::{legacy::Code, Errno};
    /// assert_eq!(Code::BluetoothNotAvailable.errno(), Some(Errno::BluetoothAdapterNotAvailable));
    /// assert_eq!(Code::WifiWrongPassword.errno(), None);
    /// ```
    #[must_use]
    pub const fn errno(self) -> Option<Errno> {
        match self.info().errno {
            Some(n) => Errno::from_code(n),
            None => None,
        }
    }

    /// The Chinese description, as the source writes it; `""` where it has none.
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().message_zh
    }

    /// An English description, without a final full stop.
    #[must_use]
    pub const fn message_en(self) -> &'static str {
        self.info().message_en
    }

    /// What to do next; `None` where the code only says "failed" and the message tells why.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        self.info().action
    }

    /// Which kind of source the row comes from.
    #[must_use]
    pub const fn reliability(self) -> Reliability {
        self.info().reliability
    }

    /// The source page or pages of the row.
    #[must_use]
    pub const fn source(self) -> &'static str {
        self.info().source
    }

    /// Where the source says more, what it says.
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        let note = self.info().note;
        if note.is_empty() { None } else { Some(note) }
    }

    /// The variant's name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every row, in table order: [`Code::ALL`] as an iterator.
    pub fn all() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied()
    }
}

impl fmt::Display for Code {
    /// The catalog's one form: code, machine string, English ([`CatalogCode`](crate::CatalogCode)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::catalog_code::display(*self, f)
    }
}

impl std::error::Error for Code {}

impl std::str::FromStr for Code {
    type Err = crate::ParseCodeError;

    /// Parses a family key and a number, the form [`Code`]'s `Display` starts with
    /// (`wifi 12002`). A row known by its message only has no such form.
    ///
    /// ```
    /// use minierr::wx::legacy::Code;
    /// assert_eq!("wifi 12002".parse::<Code>(), Ok(Code::WifiWrongPassword));
    /// assert_eq!(
    ///     "12002".parse::<Code>().unwrap_err().to_string(),
    ///     r#""12002" is not a WeChat legacy errCode code: expected the scope and the code, as in "wifi 12002""#
    /// );
    /// assert!("wifi 99999".parse::<Code>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::catalog_code::parse_scoped(s, "WeChat legacy errCode", "wifi 12002", |a, b| a == b)
    }
}

crate::catalog_code::impl_catalog_code!(Code, |c| {
        all: &generated::ALL,
        platform: WechatLegacy,
        code: c.err_code().map(crate::CodeText::Number),
        name: Code::name(c),
        scope: Some(c.family().key()),
        machine: c.err_msg(),
        zh: c.message_zh(),
        en: c.message_en(),
        action: Code::action(c),
        hint: None,
        reliability: Some(Code::reliability(c)),
        named_by: |query| {
            let mut found: Vec<Code> = match crate::catalog_code::number(query) {
                Some(n) => Family::all().filter_map(|f| Code::find(f, n)).collect(),
                // The library's own message lookup, family by family (normal form, templates).
                None => Family::all()
                    .flat_map(|f| Code::all_with_message_in(f, query))
                    .collect(),
            };
            found.sort_unstable();
            found.dedup();
            found
        },
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_look_rules_out_no_substring() {
        assert!(generated::API_SUBSTRINGS.len() > 3, "the table is read");
        for &(substring, family) in generated::API_SUBSTRINGS {
            for api in [
                substring.to_owned(),
                format!("start{substring}"),
                format!("get{substring}Devices"),
            ] {
                // Not a whole API the exact map knows: the substrings decide.
                if generated::API_FAMILY.get(api.as_str()).is_some() {
                    continue;
                }
                let first = generated::API_SUBSTRINGS
                    .iter()
                    .find(|(s, _)| api.contains(s))
                    .map(|&(_, f)| f);
                assert_eq!(Family::of_api(&api), first, "{api}");
                assert!(first.is_some(), "{api} ({family:?})");
            }
        }
        assert_eq!(Family::of_api("getLocation"), None);
    }
}
