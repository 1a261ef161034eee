//! Retrying with `backon`: minierr decides whether a failure is worth another attempt and how
//! long the platform wants you to wait; backon owns the schedule (exponential delays, jitter,
//! an attempt cap).
//!
//! The endpoint is a mock that answers with canned WeChat and Alipay+ bodies, and the sleeper
//! records each delay instead of sleeping, so the example runs in milliseconds and asserts what
//! the loop did: how many attempts, that a delay honours the platform's hint, and that a
//! credential to renew or an outcome to reconcile stops the loop and hands control back.
//!
//! `cargo run --example retry_backon`

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::{Duration, SystemTime};

use backon::{ExponentialBuilder, Retryable};
use minierr::{Action, Diagnosis, decode_str};

/// A failed call: what minierr made of the response body.
#[derive(Debug)]
struct Failed(Diagnosis<'static>);

/// A mocked endpoint: each call answers with the next canned body (the last one repeats).
struct Endpoint {
    bodies: &'static [&'static str],
    calls: Cell<usize>,
}

impl Endpoint {
    fn new(bodies: &'static [&'static str]) -> Self {
        Endpoint {
            bodies,
            calls: Cell::new(0),
        }
    }

    async fn call(&self) -> Result<&'static str, Failed> {
        let n = self.calls.get();
        self.calls.set(n + 1);
        let body = self.bodies[n.min(self.bodies.len() - 1)];
        let diagnosis = decode_str(body).expect("the canned bodies decode");
        match diagnosis.action() {
            Some(Action::Success) => Ok(body),
            _ => Err(Failed(diagnosis)),
        }
    }
}

/// Calls `endpoint` until it succeeds, minierr says stop, or backon runs out of attempts.
/// Returns the result and the delays backon asked for.
fn call_with_retries(endpoint: &Endpoint) -> (Result<&'static str, Failed>, Vec<Duration>) {
    let delays = Rc::new(RefCell::new(Vec::new()));
    let recorded = Rc::clone(&delays);
    let schedule = ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(200))
        .with_max_delay(Duration::from_secs(120))
        .with_max_times(4)
        .with_jitter();
    let call = || endpoint.call();
    let retrying = call
        .retry(schedule)
        // A service would sleep here (`tokio::time::sleep`); the example records the delay.
        .sleep(move |delay| {
            recorded.borrow_mut().push(delay);
            std::future::ready(())
        })
        // Retry, Backoff and Refresh are the retryable actions; Reconcile, GiveUp, FixRequest,
        // FixConfig and AskUser end the loop at once, as does a code minierr does not know.
        .when(|failed: &Failed| failed.0.action().is_some_and(Action::is_retryable))
        .adjust(|failed: &Failed, delay| match failed.0.action() {
            // Renewing a credential (a new access token, a fresh wx.login code) is the
            // caller's job: stop and hand the failure back.
            Some(Action::Refresh) => None,
            // Never sooner than the platform allows: 45011 says the next minute.
            _ => match failed
                .0
                .retry_hint()
                .and_then(|h| h.earliest_delay(SystemTime::now()))
            {
                Some(hint) => delay.map(|d| d.max(hint)),
                None => delay,
            },
        });
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let result = runtime.block_on(retrying);
    let delays = delays.borrow().clone();
    (result, delays)
}

fn main() {
    // A transient system error, then the per-minute quota, then success.
    let wechat = Endpoint::new(&[
        r#"{"errcode":-1,"errmsg":"system error rid: 65d38b69-62497c5f-7e6c18da"}"#,
        r#"{"errcode":45011,"errmsg":"api minute-quota reach limit, must slower, retry next minute, rid: 658c03c7-029c8f19-07211e07"}"#,
        r#"{"errcode":0,"errmsg":"ok"}"#,
    ]);
    let (result, delays) = call_with_retries(&wechat);
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(wechat.calls.get(), 3, "two failures, then success");
    assert_eq!(delays.len(), 2);
    assert!(
        delays[0] < Duration::from_secs(1),
        "-1 is a plain retry: {delays:?}"
    );
    assert!(
        delays[1] >= Duration::from_secs(59),
        "45011 waits for the next minute: {delays:?}"
    );
    println!(
        "wechat: ok after {} calls, delays {delays:?}",
        wechat.calls.get()
    );

    // A stale access token: renewing it is the caller's job, so the loop stops at once.
    let stale = Endpoint::new(&[
        r#"{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest rid: 697832c4-31bfe4c2-64edb600"}"#,
    ]);
    let (result, delays) = call_with_retries(&stale);
    let failed = result.expect_err("a stale token is handed back");
    assert_eq!(failed.0.action(), Some(Action::Refresh));
    assert_eq!((stale.calls.get(), delays.len()), (1, 0));
    println!("stale token: handed back after 1 call ({})", failed.0);

    // An Alipay+ payment with an unknown outcome: query the order; never pay twice.
    let payment = Endpoint::new(&[
        r#"{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U","resultMessage":"An API calling is failed, which is caused by unknown reasons."}}"#,
    ]);
    let (result, delays) = call_with_retries(&payment);
    let failed = result.expect_err("an unknown payment outcome is handed back");
    assert_eq!(failed.0.action(), Some(Action::Reconcile));
    assert_eq!((payment.calls.get(), delays.len()), (1, 0));
    println!("payment: reconcile after 1 call ({})", failed.0);

    // Throttled, with no time stated ("later"): backon's own schedule decides, within its cap.
    let throttled = Endpoint::new(&[
        r#"{"result":{"resultCode":"REQUEST_TRAFFIC_EXCEED_LIMIT","resultStatus":"U","resultMessage":"The request traffic exceeds the limit."}}"#,
    ]);
    let (result, delays) = call_with_retries(&throttled);
    assert!(result.is_err());
    assert_eq!(
        throttled.calls.get(),
        5,
        "the first call and backon's 4 retries"
    );
    assert!(delays.iter().all(|d| *d <= Duration::from_secs(240)));
    println!("throttled: gave up after {} calls", throttled.calls.get());
}
