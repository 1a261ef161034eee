//! The corpus in `tests/malformed/`: each file with the decoder that reads it and the error it
//! must produce (`expected.tsv`). Every file is listed, and every listed file exists.
#![cfg(feature = "json")]

use std::collections::BTreeSet;
use std::path::Path;

fn error_of(decoder: &str, bytes: &[u8]) -> Option<String> {
    let err = match decoder {
        "wechat" => serde_json::from_slice::<minierr::wx::Fail>(bytes)
            .err()?
            .to_string(),
        "alipay" => serde_json::from_slice::<minierr::alipay::Fail>(bytes)
            .err()?
            .to_string(),
        "alipayplus" => serde_json::from_slice::<minierr::alipay_plus::ApiResult>(bytes)
            .err()?
            .to_string(),
        "open_platform" => serde_json::from_slice::<minierr::open_platform::Response>(bytes)
            .err()?
            .to_string(),
        "decode" => minierr::decode(bytes).err()?.to_string(),
        other => panic!("unknown decoder {other}"),
    };
    Some(err)
}

#[test]
fn every_malformed_payload_gives_its_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut listed = BTreeSet::new();
    for line in manifest.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [file, decoder, expected] = cells[..] else {
            panic!("bad manifest line {line:?}")
        };
        listed.insert(file.to_owned());
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let err =
            error_of(decoder, &bytes).unwrap_or_else(|| panic!("{file} decoded without error"));
        assert!(err.contains(expected), "{file}: {err:?} lacks {expected:?}");
        // The generic entry point rejects it too, whatever it says.
        assert!(
            minierr::decode(&bytes).is_err(),
            "{file} decodes through minierr::decode"
        );
    }
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    assert_eq!(present, listed, "files and manifest disagree");
    assert!(listed.len() >= 20);
}
