//! The `minierr` command-line tool's parts: reading logs, decoding them, explaining one input,
//! and the catalogs as rows.

pub mod catalog;
pub mod decode;
pub mod explain;
pub mod input;

use minierr::Diagnosis;
use serde::Serialize;

/// A diagnosis as the tool prints it with `--json`: the line it came from (for `decode`), the
/// form it was found in, then the diagnosis' own keys.
#[derive(Serialize)]
pub struct Located<'d, 'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub found: &'static str,
    #[serde(flatten)]
    pub diagnosis: &'d Diagnosis<'a>,
}
