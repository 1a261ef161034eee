//! The `minierr` command-line tool's parts: reading logs, decoding them, explaining one input,
//! and the catalogs as rows.

pub mod catalog;
pub mod decode;
pub mod explain;
pub mod input;
