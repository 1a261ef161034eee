//! The library's own decode loop over a log, with nothing printed: the ceiling the `minierr
//! decode` command is measured against (`benches/cli.sh`). Reads lines into one reused buffer,
//! finds each payload with `minierr::line::decode_line` and counts the actions.
//!
//! cargo run --release --example decode_loop -- big.log

use std::io::{BufRead, BufReader};

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/payloads.jsonl".into());
    let mut reader = BufReader::with_capacity(256 << 10, std::fs::File::open(&path)?);
    let options = minierr::DecodeOptions::new();
    let mut buf = String::new();
    let (mut lines, mut decoded, mut with_action) = (0u64, 0u64, 0u64);
    loop {
        buf.clear();
        if reader.read_line(&mut buf)? == 0 {
            break;
        }
        lines += 1;
        if let Ok((_, d)) = minierr::line::decode_line(buf.trim_end(), &options) {
            decoded += 1;
            with_action += u64::from(d.action().is_some());
        }
    }
    println!("{lines} lines, {decoded} decoded, {with_action} with an action");
    Ok(())
}
