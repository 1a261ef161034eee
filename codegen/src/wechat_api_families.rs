//! `data/wechat_api_sections.tsv` + `data/wechat_section_categories.tsv` →
//! `src/wx/api_families_generated.rs`: for each API a failing errMsg names, the errno
//! categories its codes may come from, so a reason shared by codes of several families is
//! matched only within the failing API's own.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::table::{Table, TableError};
use crate::{GeneratedFile, header};

const SECTIONS_FILE: &str = "wechat_api_sections.tsv";
const CATEGORIES_FILE: &str = "wechat_section_categories.tsv";

pub(crate) fn render(data: &Path) -> Result<GeneratedFile, TableError> {
    let table = Table::read(
        &data.join(CATEGORIES_FILE),
        &["section", "category", "subcategories", "source", "note"],
    )?;
    let mut general = 0u32;
    let mut by_section: Vec<(String, u32)> = Vec::new();
    // The subcategories some section claims, as category × 100 + subcategory (1505 for Wi-Fi),
    // and each section's claimed ones, one bit per index into `claimed`.
    let mut claimed: Vec<u32> = Vec::new();
    let mut claims_of_section: Vec<(String, u32)> = Vec::new();
    for row in table.rows() {
        let category: u32 = row
            .required("category")?
            .parse()
            .ok()
            .filter(|c| *c < 32)
            .ok_or_else(|| row.error("category must be a two-digit errno category below 32"))?;
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every row needs a source URL"));
        }
        let mut claims = 0u32;
        for sub in row
            .get("subcategories")
            .split(',')
            .filter(|s| !s.is_empty())
        {
            let sub: u32 = sub
                .parse()
                .ok()
                .filter(|s| *s < 100)
                .ok_or_else(|| row.error("subcategories are two-digit numbers, joined by ,"))?;
            let key = category * 100 + sub;
            let index = match claimed.iter().position(|&c| c == key) {
                Some(index) => index,
                None => {
                    claimed.push(key);
                    claimed.len() - 1
                }
            };
            if index >= 32 {
                return Err(row.error("at most 32 subcategories may be claimed"));
            }
            claims |= 1 << index;
        }
        match row.required("section")? {
            "*" if claims != 0 => {
                return Err(row.error("the general rows claim no subcategory"));
            }
            "*" => general |= 1 << category,
            section => {
                by_section.push((section.to_owned(), 1 << category));
                if claims != 0 {
                    // Claims match a section by its whole name, not as a prefix.
                    if section.ends_with('/') {
                        return Err(row.error("a prefix row (ending in /) claims no subcategory"));
                    }
                    claims_of_section.push((section.to_owned(), claims));
                }
            }
        }
    }
    let table = Table::read(
        &data.join(SECTIONS_FILE),
        &["api", "sections", "source", "note"],
    )?;
    let mut apis: BTreeMap<String, u32> = BTreeMap::new();
    let mut api_claims: BTreeMap<String, u32> = BTreeMap::new();
    for row in table.rows() {
        let api = row.required("api")?;
        if !row.required("source")?.starts_with("https://") {
            return Err(row.error("every row needs a source URL"));
        }
        let sections = row.get("sections");
        if sections.is_empty() {
            continue;
        }
        // A section path's category is that of the longest listed prefix (`device/` for
        // `device/bluetooth`); a section no prefix covers (`location`, `ui/…`) has none.
        let mut mask = 0;
        for section in sections.split(',') {
            mask |= by_section
                .iter()
                .filter(|(prefix, _)| {
                    section == prefix
                        || (prefix.ends_with('/') && section.starts_with(prefix.as_str()))
                })
                .max_by_key(|(prefix, _)| prefix.len())
                .map_or(0, |(_, bits)| *bits);
        }
        if apis.insert(api.to_owned(), mask).is_some() {
            return Err(row.error(format!("api {api:?} is listed twice")));
        }
        // A section's claims are its own: `device/bluetooth-ble` does not inherit
        // `device/bluetooth`'s, since each lists the subcategories its APIs report.
        let claims = sections
            .split(',')
            .filter_map(|section| {
                claims_of_section
                    .iter()
                    .find(|(claiming, _)| claiming == section)
                    .map(|(_, bits)| *bits)
            })
            .fold(0, |all, bits| all | bits);
        if claims != 0 {
            api_claims.insert(api.to_owned(), claims);
        }
    }
    // A claim on a section no API lists would bar its subcategories from every API.
    let listed: std::collections::BTreeSet<&str> = table
        .rows()
        .flat_map(|row| row.get("sections").split(','))
        .collect();
    if let Some((section, _)) = claims_of_section
        .iter()
        .find(|(section, _)| !listed.contains(section.as_str()))
    {
        return Err(TableError::new(
            &format!("data/{CATEGORIES_FILE}"),
            0,
            format!("section {section:?} claims subcategories but no API lists it"),
        ));
    }
    let mut out = header(&[
        &format!("data/{SECTIONS_FILE}"),
        &format!("data/{CATEGORIES_FILE}"),
    ]);
    let _ = writeln!(
        out,
        "\n/// The errno categories whose codes every API may report, one bit per category.\npub(crate) const GENERAL_CATEGORIES: u32 = {general:#b};\n"
    );
    mask_map(
        &mut out,
        "/// For each API of the reference, the errno categories of its own section, one bit per\n/// category (0 for a section no category covers, such as `location`).\n",
        "API_CATEGORIES",
        &apis,
    );
    let claimed_list: Vec<String> = claimed.iter().map(u32::to_string).collect();
    let _ = writeln!(
        out,
        "\n/// The subcategories (category × 100 + subcategory) that some section claims: a code in one\n/// of them is reported only by the APIs of a section that claims it.\npub(crate) const CLAIMED_SUBCATEGORIES: [u32; {}] = [{}];\n",
        claimed.len(),
        claimed_list.join(", ")
    );
    mask_map(
        &mut out,
        "/// For each API whose section claims subcategories, which, one bit per index into\n/// [`CLAIMED_SUBCATEGORIES`]; an API not listed claims none.\n",
        "API_SUBCATEGORIES",
        &api_claims,
    );
    Ok(GeneratedFile {
        path: "src/wx/api_families_generated.rs",
        contents: out,
    })
}

/// A `phf` map from each API to a bit mask, after its doc comment.
fn mask_map(out: &mut String, doc: &str, name: &str, masks: &BTreeMap<String, u32>) {
    out.push_str(doc);
    let entries: Vec<(String, String)> = masks
        .iter()
        .map(|(api, bits)| (api.clone(), format!("{bits:#b}")))
        .collect();
    crate::render::phf_map(out, name, "u32", &entries);
}
