//! Digits 1-2 and 3-4 of an errno: which group of APIs it belongs to.

use std::fmt;

use super::GroupInfo;
use super::generated::{category_info, subcategory_info};

/// Whether upstream names a category, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Naming {
    /// The current official errno page names it.
    Upstream,
    /// Only an older revision of the official page named it (01/02 系统, "System").
    FormerUpstream,
    /// No official page names it. Codes may still live there.
    Unnamed,
}

/// A first-level errno category: digits 1-2 of the code padded to seven digits.
///
/// ```
/// use minierr::wx::{Category, Naming};
///
/// let device = Category::of(1504003);
/// assert_eq!(device.code(), 15);
/// assert_eq!(device.name_zh(), Some("设备"));
/// assert_eq!(device.to_string(), "15 设备 (Device)");
///
/// let unnamed = Category::of(505101);
/// assert_eq!(unnamed.naming(), Naming::Unnamed);
/// assert_eq!(unnamed.name_en(), None);
/// assert_eq!(unnamed.to_string(), "05 (unnamed)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Category(u16);

/// A second-level errno category: digits 3-4, within a [`Category`].
///
/// ```
/// use minierr::wx::Subcategory;
///
/// let nfc = Subcategory::of(1504003);
/// assert_eq!((nfc.category().code(), nfc.code()), (15, 4));
/// assert_eq!(nfc.to_string(), "15/04 NFC (NFC)");
/// // 1000 is a server error padded to 0001000.
/// assert_eq!(Subcategory::of(1000).to_string(), "00/01 (unnamed)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subcategory {
    category: Category,
    code: u8,
}

impl Category {
    /// The category of any code, known or not.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Category::of(1000).code(), 0);
    /// assert_eq!(minierr::wx::Category::of(u32::MAX).code(), 42949);
    /// ```
    #[must_use]
    pub const fn of(code: u32) -> Category {
        // u32::MAX / 100_000 = 42949, so the quotient always fits.
        Category((code / 100_000) as u16)
    }

    /// The number: 0-99 for a seven-digit code, more for a longer one.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Category::of(600002).code(), 6);
    /// ```
    #[must_use]
    pub const fn code(self) -> u16 {
        self.0
    }

    const fn info(self) -> Option<&'static GroupInfo> {
        category_info(self.0)
    }

    /// Whether and where upstream names this category.
    ///
    /// ```
    /// use minierr::wx::{Category, Naming};
    /// assert_eq!(Category::of(600002).naming(), Naming::Upstream);
    /// assert_eq!(Category::of(99_00_000).naming(), Naming::Unnamed);
    /// ```
    #[must_use]
    pub const fn naming(self) -> Naming {
        naming_of(self.info())
    }

    /// The official Chinese name, if upstream gives one.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Category::of(600002).name_zh(), Some("网络"));
    /// ```
    #[must_use]
    pub const fn name_zh(self) -> Option<&'static str> {
        name_zh_of(self.info())
    }

    /// An English rendering of the official name, if upstream names the category.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Category::of(600002).name_en(), Some("Network"));
    /// ```
    #[must_use]
    pub const fn name_en(self) -> Option<&'static str> {
        name_en_of(self.info())
    }

    /// What is known about the category beyond its name (for unnamed ones, what its codes
    /// are about); clearly not an official name.
    ///
    /// ```
    /// assert!(minierr::wx::Category::of(505101).note().unwrap().contains("UI"));
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        note_of(self.info())
    }
}

impl Subcategory {
    /// The subcategory of any code, known or not.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Subcategory::of(602101).code(), 2);
    /// ```
    #[must_use]
    pub const fn of(code: u32) -> Subcategory {
        Subcategory {
            category: Category::of(code),
            // (code / 1000) % 100 is below 100, so it fits in a u8.
            code: ((code / 1000) % 100) as u8,
        }
    }

    /// The first-level category this one belongs to.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Subcategory::of(602101).category().code(), 6);
    /// ```
    #[must_use]
    pub const fn category(self) -> Category {
        self.category
    }

    /// The number within the category, 0-99.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Subcategory::of(1509003).code(), 9);
    /// ```
    #[must_use]
    pub const fn code(self) -> u8 {
        self.code
    }

    const fn info(self) -> Option<&'static GroupInfo> {
        subcategory_info(self.category.0, self.code)
    }

    /// Whether and where upstream names this subcategory.
    ///
    /// ```
    /// use minierr::wx::{Subcategory, Naming};
    /// assert_eq!(Subcategory::of(1509003).naming(), Naming::Upstream);
    /// assert_eq!(Subcategory::of(102101).naming(), Naming::FormerUpstream);
    /// assert_eq!(Subcategory::of(1103002).naming(), Naming::Unnamed);
    /// ```
    #[must_use]
    pub const fn naming(self) -> Naming {
        naming_of(self.info())
    }

    /// The official Chinese name, if upstream gives one.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Subcategory::of(1509003).name_zh(), Some("低功耗蓝牙"));
    /// ```
    #[must_use]
    pub const fn name_zh(self) -> Option<&'static str> {
        name_zh_of(self.info())
    }

    /// An English rendering of the official name, if upstream names the subcategory.
    ///
    /// ```
    /// assert_eq!(minierr::wx::Subcategory::of(1509003).name_en(), Some("Bluetooth Low Energy"));
    /// ```
    #[must_use]
    pub const fn name_en(self) -> Option<&'static str> {
        name_en_of(self.info())
    }

    /// What is known about the subcategory beyond its name; not an official name.
    ///
    /// ```
    /// assert!(minierr::wx::Subcategory::of(1000).note().unwrap().contains("Server-side"));
    /// ```
    #[must_use]
    pub const fn note(self) -> Option<&'static str> {
        note_of(self.info())
    }
}

const fn naming_of(info: Option<&GroupInfo>) -> Naming {
    match info {
        Some(info) => info.naming,
        None => Naming::Unnamed,
    }
}

const fn name_zh_of(info: Option<&'static GroupInfo>) -> Option<&'static str> {
    match info {
        Some(info) if !matches!(info.naming, Naming::Unnamed) => Some(info.name_zh),
        _ => None,
    }
}

const fn name_en_of(info: Option<&'static GroupInfo>) -> Option<&'static str> {
    match info {
        Some(info) if !matches!(info.naming, Naming::Unnamed) => Some(info.name_en),
        _ => None,
    }
}

const fn note_of(info: Option<&'static GroupInfo>) -> Option<&'static str> {
    match info {
        Some(info) if !info.note.is_empty() => Some(info.note),
        _ => None,
    }
}

fn write_name(f: &mut fmt::Formatter<'_>, zh: Option<&str>, en: Option<&str>) -> fmt::Result {
    match (zh, en) {
        (Some(zh), Some(en)) => write!(f, " {zh} ({en})"),
        _ => f.write_str(" (unnamed)"),
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.0)?;
        write_name(f, self.name_zh(), self.name_en())
    }
}

impl fmt::Display for Subcategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}", self.category.0, self.code)?;
        write_name(f, self.name_zh(), self.name_en())
    }
}

/// `{"code": 15, "name_zh": "设备", "name_en": "Device"}`; the names are `null` when upstream gives
/// none. A subcategory's `code` is its own two digits.
#[cfg(feature = "serde")]
fn serialize_group<S: serde::Serializer>(
    serializer: S,
    code: u16,
    name_zh: Option<&str>,
    name_en: Option<&str>,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(3))?;
    map.serialize_entry("code", &code)?;
    map.serialize_entry("name_zh", &name_zh)?;
    map.serialize_entry("name_en", &name_en)?;
    map.end()
}

#[cfg(feature = "serde")]
impl serde::Serialize for Category {
    /// `{"code": 15, "name_zh": "设备", "name_en": "Device"}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_group(serializer, self.code(), self.name_zh(), self.name_en())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Subcategory {
    /// `{"code": 4, "name_zh": "NFC", "name_en": "NFC"}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_group(
            serializer,
            u16::from(self.code()),
            self.name_zh(),
            self.name_en(),
        )
    }
}
