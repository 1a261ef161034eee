//! A WeChat Pay v2 `unifiedorder` that answers `SYSTEMERROR`. The order may exist or not: the
//! error can come after WeChat Pay created it. minierr's step for that answer on an order is
//! `Reconcile`: query with the same `out_trade_no`, and order again only when the query says
//! there is no such order. Ordering again with a new `out_trade_no` is how a user ends up with
//! two orders and pays twice.
//!
//! ```text
//! cargo run --example wechat_pay_reconcile --features xml
//! ```
//!
//! The gateway here is a stand-in that answers with the XML the real one sends; the example
//! asserts what it prints, so CI notices if a decision changes.

use std::error::Error;

use minierr::Action;
use minierr::wx::pay::{Api, Code, V2Response};

/// A stand-in for `api.mch.weixin.qq.com`. With `fail_after_creating`, the first
/// `unifiedorder` creates the order and still answers `SYSTEMERROR`; otherwise it fails before.
struct Gateway {
    orders: Vec<String>,
    fail_after_creating: bool,
    unifiedorder_calls: usize,
}

impl Gateway {
    fn new(fail_after_creating: bool) -> Gateway {
        Gateway {
            orders: Vec::new(),
            fail_after_creating,
            unifiedorder_calls: 0,
        }
    }

    fn unifiedorder(&mut self, out_trade_no: &str) -> String {
        self.unifiedorder_calls += 1;
        if self.unifiedorder_calls == 1 {
            if self.fail_after_creating {
                self.orders.push(out_trade_no.to_owned());
            }
            return business_failure("SYSTEMERROR", "系统错误");
        }
        if !self.orders.iter().any(|o| o == out_trade_no) {
            self.orders.push(out_trade_no.to_owned());
        }
        success("<prepay_id><![CDATA[wx201410272009395522657a690389285100]]></prepay_id>")
    }

    fn orderquery(&self, out_trade_no: &str) -> String {
        if self.orders.iter().any(|o| o == out_trade_no) {
            success("<trade_state><![CDATA[NOTPAY]]></trade_state>")
        } else {
            business_failure("ORDERNOTEXIST", "此交易订单号不存在")
        }
    }
}

fn success(fields: &str) -> String {
    format!(
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg>\
         <result_code><![CDATA[SUCCESS]]></result_code>{fields}</xml>"
    )
}

fn business_failure(code: &str, text: &str) -> String {
    format!(
        "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg>\
         <result_code><![CDATA[FAIL]]></result_code><err_code><![CDATA[{code}]]></err_code>\
         <err_code_des><![CDATA[{text}]]></err_code_des></xml>"
    )
}

/// What the merchant's backend did to get one order for `out_trade_no`, step by step.
fn place_order(gateway: &mut Gateway, out_trade_no: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let mut steps = Vec::new();
    for _ in 0..3 {
        let answer = V2Response::from_xml(&gateway.unifiedorder(out_trade_no))?;
        if answer.is_success() {
            steps.push("ordered".to_owned());
            return Ok(steps);
        }
        let code = answer.err_code().map_or("-", |c| c.raw()).to_owned();
        match answer.action_for(Api::V2UnifiedOrder) {
            Some(Action::Reconcile) => {
                steps.push(format!("{code}: reconcile"));
                let query = V2Response::from_xml(&gateway.orderquery(out_trade_no))?;
                if query.is_success() {
                    // It exists: hand its prepay to the payer; never create a second one.
                    steps.push("the query found the order".to_owned());
                    return Ok(steps);
                }
                match query.err_code().and_then(|c| c.known()) {
                    // No such order: ordering again, with the same out_trade_no, is safe.
                    Some(Code::OrderNotExistV2) => steps.push("no such order".to_owned()),
                    _ => return Err(format!("the query did not settle {out_trade_no}").into()),
                }
            }
            other => return Err(format!("{code}: {other:?}, not retried here").into()),
        }
    }
    Err(format!("{out_trade_no}: no order after three tries").into())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut created = Gateway::new(true);
    let steps = place_order(&mut created, "20261205000001")?;
    println!("failed after creating: {}", steps.join(" -> "));
    assert_eq!(
        steps,
        ["SYSTEMERROR: reconcile", "the query found the order"]
    );
    assert_eq!(created.orders.len(), 1, "one order, so one payment");

    let mut not_created = Gateway::new(false);
    let steps = place_order(&mut not_created, "20261205000002")?;
    println!("failed before creating: {}", steps.join(" -> "));
    assert_eq!(
        steps,
        ["SYSTEMERROR: reconcile", "no such order", "ordered"]
    );
    assert_eq!(not_created.orders.len(), 1);
    Ok(())
}
