//! One generic function over `CatalogCode`, run on every catalog enum, gives what each
//! module's own methods give: the trait is a view of the catalogs, not a second copy of them.

use minierr::{Action, CatalogCode, CodeText, Platform};

/// What a generic caller reads of a code: platform, code text, name, English text, action.
type Facts = (
    Platform,
    Option<String>,
    &'static str,
    Option<&'static str>,
    Option<Action>,
);

/// What a generic caller reads of every code of a catalog.
fn facts<C: CatalogCode>() -> Vec<Facts> {
    C::ALL
        .iter()
        .map(|c| {
            (
                c.platform(),
                c.code_text().map(|t| t.to_string()),
                c.name(),
                c.message_en(),
                c.action(),
            )
        })
        .collect()
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    Some(s).filter(|s| !s.is_empty())
}

#[test]
fn the_generic_view_equals_each_modules_own_methods() {
    use minierr::{alipay, alipay_plus, open_platform, wx};

    let own: Vec<_> = wx::Errno::all()
        .map(|e| {
            (
                Platform::Wechat,
                Some(e.code().to_string()),
                e.name(),
                non_empty(e.message_en()),
                Some(e.action()),
            )
        })
        .collect();
    assert_eq!(facts::<wx::Errno>(), own);

    let own: Vec<_> = wx::legacy::Code::all()
        .map(|c| {
            (
                Platform::WechatLegacy,
                c.err_code().map(|n| n.to_string()),
                c.name(),
                non_empty(c.message_en()),
                c.action(),
            )
        })
        .collect();
    assert_eq!(facts::<wx::legacy::Code>(), own);

    let own: Vec<_> = wx::cloud::Code::all()
        .map(|c| {
            (
                Platform::WechatCloud,
                Some(c.code().to_string()),
                c.name(),
                non_empty(c.message_en()),
                c.action(),
            )
        })
        .collect();
    assert_eq!(facts::<wx::cloud::Code>(), own);

    let own: Vec<_> = wx::server::Errcode::all()
        .map(|c| {
            (
                Platform::WechatServer,
                Some(c.code().to_string()),
                c.name(),
                non_empty(c.message_en()),
                Some(c.action()),
            )
        })
        .collect();
    assert_eq!(facts::<wx::server::Errcode>(), own);

    let own: Vec<_> = alipay::Api::all()
        .flat_map(alipay::Api::errors)
        .map(|e| {
            (
                Platform::Alipay,
                Some(e.code().to_owned()),
                e.name(),
                non_empty(e.message_en()),
                Some(e.action()),
            )
        })
        .collect();
    assert_eq!(facts::<alipay::JsapiError>(), own);

    let own: Vec<_> = alipay::gateway::Code::all()
        .map(|c| {
            (
                Platform::AlipayGateway,
                Some(c.code().to_owned()),
                c.name(),
                non_empty(c.message_en()),
                Some(c.action()),
            )
        })
        .collect();
    assert_eq!(facts::<alipay::gateway::Code>(), own);

    let own: Vec<_> = alipay::gateway::SubCode::all()
        .map(|s| {
            (
                Platform::AlipayGateway,
                s.public_code().map(|c| c.code().to_owned()),
                s.name(),
                non_empty(s.message_en()),
                Some(s.action()),
            )
        })
        .collect();
    assert_eq!(facts::<alipay::gateway::SubCode>(), own);

    let own: Vec<_> = alipay_plus::ResultCode::all()
        .map(|c| {
            (
                Platform::AlipayPlus,
                Some(c.code().to_owned()),
                c.name(),
                non_empty(c.message_en()),
                Some(c.action()),
            )
        })
        .collect();
    assert_eq!(facts::<alipay_plus::ResultCode>(), own);

    let own: Vec<_> = open_platform::Code::all()
        .map(|c| {
            (
                Platform::OpenPlatform,
                Some(c.code().to_string()),
                c.name(),
                non_empty(c.message_en()),
                Some(c.action()),
            )
        })
        .collect();
    assert_eq!(facts::<open_platform::Code>(), own);

    // With the call not known, a WeChat Pay code's step is the one for a call that may move
    // money.
    let own: Vec<_> = wx::pay::Code::all()
        .map(|c| {
            (
                Platform::WechatPay,
                Some(c.code().to_owned()),
                c.name(),
                non_empty(c.message_en()),
                c.action(minierr::CallKind::MovesMoney),
            )
        })
        .collect();
    assert_eq!(facts::<wx::pay::Code>(), own);

    let own: Vec<_> = minierr::wecom::Errcode::all()
        .map(|c| {
            (
                Platform::Wecom,
                Some(c.code().to_string()),
                c.name(),
                non_empty(c.message_en()),
                Some(c.action()),
            )
        })
        .collect();
    assert_eq!(facts::<minierr::wecom::Errcode>(), own);
}

/// Every catalog is non-empty, its codes distinct, and its platform one name parses back.
fn well_formed<C: CatalogCode>(at_least: usize) {
    assert!(C::ALL.len() >= at_least, "{} codes", C::ALL.len());
    let mut sorted = C::ALL.to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), C::ALL.len(), "ALL repeats a code");
    for code in C::ALL {
        assert_eq!(
            code.platform().as_str().parse::<Platform>(),
            Ok(code.platform())
        );
        assert!(!code.name().is_empty());
        if let Some(CodeText::Text(text)) = code.code_text() {
            assert!(!text.is_empty());
        }
    }
}

#[test]
fn every_catalog_is_well_formed() {
    use minierr::{alipay, alipay_plus, open_platform, wx};
    well_formed::<wx::Errno>(295);
    well_formed::<wx::legacy::Code>(337);
    well_formed::<wx::cloud::Code>(99);
    well_formed::<wx::server::Errcode>(927);
    well_formed::<alipay::JsapiError>(60);
    well_formed::<alipay::gateway::Code>(10);
    well_formed::<alipay::gateway::SubCode>(290);
    well_formed::<alipay_plus::ResultCode>(39);
    well_formed::<open_platform::Code>(65);
    well_formed::<wx::pay::Code>(50);
    well_formed::<minierr::wecom::Errcode>(1_256);
}

/// Every code of a scoped catalog parses back from its scope and code text, unless other codes
/// share that key, in which case the error counts them.
fn parses_back<C>()
where
    C: CatalogCode + std::str::FromStr<Err = minierr::ParseCodeError>,
{
    let key = |c: C| {
        let scope = c.scope().expect("a scoped catalog");
        let code = c.code_text().map(|t| t.to_string())?;
        // A `4/11` cell is parsed through its first number.
        Some(format!(
            "{scope} {}",
            code.split('/').next().unwrap_or_default()
        ))
    };
    let mut checked = 0;
    for &code in C::ALL {
        let Some(text) = key(code) else { continue };
        let (scope, number) = text.split_once(' ').expect("scope and code");
        let sharing = C::ALL
            .iter()
            .filter(|c| {
                c.scope() == Some(scope)
                    && c.code_text()
                        .is_some_and(|t| t.to_string().split('/').any(|p| p == number))
            })
            .count();
        match text.parse::<C>() {
            Ok(parsed) => assert_eq!((parsed, sharing), (code, 1), "{text}"),
            Err(minierr::ParseCodeError::Ambiguous { count, .. }) => {
                assert_eq!(count, sharing, "{text}")
            }
            Err(other) => panic!("{text}: {other}"),
        }
        checked += 1;
    }
    assert!(checked > 50, "only {checked} codes parsed");
}

#[test]
fn scoped_codes_parse_back() {
    parses_back::<minierr::wx::legacy::Code>();
    parses_back::<minierr::alipay::JsapiError>();
}
