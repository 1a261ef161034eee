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
        &["section", "category", "source", "note"],
    )?;
    let mut general = 0u32;
    let mut by_section: Vec<(String, u32)> = Vec::new();
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
        match row.required("section")? {
            "*" => general |= 1 << category,
            section => by_section.push((section.to_owned(), 1 << category)),
        }
    }
    let table = Table::read(
        &data.join(SECTIONS_FILE),
        &["api", "sections", "source", "note"],
    )?;
    let mut apis: BTreeMap<String, u32> = BTreeMap::new();
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
    }
    let mut out = header(&[
        &format!("data/{SECTIONS_FILE}"),
        &format!("data/{CATEGORIES_FILE}"),
    ]);
    let _ = writeln!(
        out,
        "\n/// The errno categories whose codes every API may report, one bit per category.\npub(crate) const GENERAL_CATEGORIES: u32 = {general:#b};\n"
    );
    out.push_str("/// For each API of the reference, the errno categories of its own section, one bit per\n/// category (0 for a section no category covers, such as `location`).\n");
    let entries: Vec<(String, String)> = apis
        .iter()
        .map(|(api, mask)| (api.clone(), format!("{mask:#b}")))
        .collect();
    crate::render::phf_map(&mut out, "API_CATEGORIES", "u32", &entries);
    Ok(GeneratedFile {
        path: "src/wx/api_families_generated.rs",
        contents: out,
    })
}
