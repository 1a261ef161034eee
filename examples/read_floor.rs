//! The floor `minierr decode` is measured against (`benches/cli.sh`): read a log line by line
//! into one reused buffer and check that each line is JSON (serde_json into `IgnoredAny`),
//! nothing more. No tool that looks at every line's JSON can do less.
//!
//! cargo run --release --example read_floor -- big.log

use std::io::{BufRead, BufReader};

use serde::de::IgnoredAny;

fn main() -> std::io::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/payloads.jsonl".into());
    let mut reader = BufReader::with_capacity(256 << 10, std::fs::File::open(&path)?);
    let mut buf = String::new();
    let (mut lines, mut json) = (0u64, 0u64);
    loop {
        buf.clear();
        if reader.read_line(&mut buf)? == 0 {
            break;
        }
        lines += 1;
        json += u64::from(serde_json::from_str::<IgnoredAny>(buf.trim_end()).is_ok());
    }
    println!("{lines} lines, {json} of them JSON");
    Ok(())
}
