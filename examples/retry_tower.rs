//! Retrying with `tower`: a `tower::retry::Policy` that asks minierr whether a failure is worth
//! another attempt and how long the platform wants you to wait.
//!
//! The service is a mock that answers with canned WeChat bodies, and the policy's back-off
//! future records the delay instead of sleeping (a service would return
//! `tokio::time::sleep(delay)`), so the example runs at once and asserts what the layer did.
//!
//! `cargo run --example retry_tower`

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use minierr::{Action, Diagnosis, decode_str};
use tower::retry::{Policy, RetryLayer};
use tower::{ServiceBuilder, ServiceExt, service_fn};

/// A failed call: what minierr made of the response body.
#[derive(Debug)]
struct Failed(Diagnosis<'static>);

/// Retries what minierr calls transient (`Retry`, `Backoff`), waiting at least as long as the
/// platform asks, up to `attempts` times. `Refresh`, `Reconcile` and the rest go back to the
/// caller.
#[derive(Clone)]
struct MinierrPolicy {
    attempts: usize,
    base: Duration,
    delays: Arc<Mutex<Vec<Duration>>>,
}

impl<Req: Clone, Res> Policy<Req, Res, Failed> for MinierrPolicy {
    type Future = std::future::Ready<()>;

    fn retry(&mut self, _req: &mut Req, result: &mut Result<Res, Failed>) -> Option<Self::Future> {
        let failed = result.as_ref().err()?;
        let transient = matches!(failed.0.action(), Some(Action::Retry | Action::Backoff));
        if !transient || self.attempts == 0 {
            return None;
        }
        self.attempts -= 1;
        let hint = failed
            .0
            .retry_hint()
            .and_then(|h| h.earliest_delay(SystemTime::now()));
        let delay = hint.map_or(self.base, |h| h.max(self.base));
        self.delays.lock().expect("not poisoned").push(delay);
        self.base *= 2;
        Some(std::future::ready(()))
    }

    fn clone_request(&mut self, req: &Req) -> Option<Req> {
        Some(req.clone())
    }
}

/// Sends one request through the retry layer to a mock that answers with `bodies` in turn.
/// Returns the result, the number of calls and the delays the policy chose.
fn run(bodies: &'static [&'static str]) -> (Result<&'static str, Failed>, usize, Vec<Duration>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let endpoint = service_fn(move |_request: ()| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        let body = bodies[n.min(bodies.len() - 1)];
        let diagnosis = decode_str(body).expect("the canned bodies decode");
        let result = match diagnosis.action() {
            Some(Action::Success) => Ok(body),
            _ => Err(Failed(diagnosis)),
        };
        std::future::ready(result)
    });
    let delays = Arc::new(Mutex::new(Vec::new()));
    let policy = MinierrPolicy {
        attempts: 3,
        base: Duration::from_millis(200),
        delays: Arc::clone(&delays),
    };
    let service = ServiceBuilder::new()
        .layer(RetryLayer::new(policy))
        .service(endpoint);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let result = runtime.block_on(service.oneshot(()));
    let delays = delays.lock().expect("not poisoned").clone();
    (result, calls.load(Ordering::SeqCst), delays)
}

fn main() {
    let (result, calls, delays) = run(&[
        r#"{"errcode":-1,"errmsg":"system error"}"#,
        r#"{"errcode":45011,"errmsg":"api minute-quota reach limit, must slower, retry next minute"}"#,
        r#"{"errcode":0,"errmsg":"ok"}"#,
    ]);
    assert!(result.is_ok());
    assert_eq!(calls, 3);
    assert_eq!(delays[0], Duration::from_millis(200));
    assert_eq!(delays[1], Duration::from_secs(60), "45011: the next minute");
    println!("wechat: ok after {calls} calls, delays {delays:?}");

    let (result, calls, delays) =
        run(&[r#"{"errcode":40029,"errmsg":"invalid code, rid: 65c17d8c-5cf05990-781aabe9"}"#]);
    let failed = result.expect_err("a used login code goes back to the caller");
    assert_eq!(failed.0.action(), Some(Action::Refresh));
    assert_eq!((calls, delays.len()), (1, 0));
    println!("login code: handed back after 1 call ({})", failed.0);

    let (result, calls, delays) = run(&[r#"{"errcode":-1,"errmsg":"system error"}"#]);
    assert!(result.is_err());
    assert_eq!(calls, 4, "the first call and 3 retries");
    assert_eq!(
        delays,
        [200, 400, 800].map(Duration::from_millis),
        "the policy's own schedule"
    );
    println!("system error: gave up after {calls} calls");
}
