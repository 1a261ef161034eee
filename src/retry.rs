//! How long to wait before trying again, given an [`Action`] and how many tries have failed.

use std::time::Duration;

use crate::Action;

/// A source of jitter: each call returns a fraction in `[0, 1)`. Values outside that range, NaN
/// included, are clamped, so a faulty source cannot make a delay negative or longer than its cap.
///
/// Any `FnMut() -> f64` is one, so a test can pass `|| 0.5` and production code its own RNG.
pub trait Jitter {
    /// The next fraction in `[0, 1)`.
    fn fraction(&mut self) -> f64;
}

impl<F: FnMut() -> f64> Jitter for F {
    fn fraction(&mut self) -> f64 {
        self()
    }
}

/// A small deterministic jitter source (SplitMix64) for tests and for callers without an RNG.
/// Seed it differently per process (for example from the clock) so that clients spread out.
///
/// ```
/// use minierr::{Jitter, SeededJitter};
/// let mut a = SeededJitter::new(7);
/// let mut b = SeededJitter::new(7);
/// assert_eq!(a.fraction(), b.fraction());
/// assert!((0.0..1.0).contains(&a.fraction()));
/// ```
#[derive(Clone, Debug)]
pub struct SeededJitter {
    state: u64,
}

impl SeededJitter {
    /// A source that yields the same sequence for the same seed.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        SeededJitter { state: seed }
    }
}

impl Jitter for SeededJitter {
    fn fraction(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // The top 53 bits fill an f64 mantissa exactly.
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Exponential backoff with a cap and jitter, driven by [`Action`].
///
/// - [`Action::Retry`]: `base × 2^(failures−1)`, capped, with full jitter (anywhere from zero to
///   that bound), the usual choice for transient errors.
/// - [`Action::Backoff`]: the same curve from four times `base`, with equal jitter (at least half
///   the bound), because a throttled caller must slow down, not just spread out.
/// - [`Action::Refresh`]: retry at once after renewing the credential, and only once; a second
///   expiry in a row means something else is wrong.
/// - Anything else: no retry.
///
/// `failures` counts the failed attempts so far, starting at 1. Past `max_retries` the answer is
/// `None`: time to stop.
///
/// ```
/// use std::time::Duration;
/// use minierr::{Action, RetrySchedule};
///
/// let schedule = RetrySchedule::new(Duration::from_millis(100), Duration::from_secs(2), 5);
/// let mut no_jitter = || 0.999_999;
/// let delays: Vec<_> = (1..=6)
///     .map(|n| schedule.delay(Action::Retry, n, &mut no_jitter).map(|d| d.as_millis()))
///     .collect();
/// assert_eq!(delays, [Some(99), Some(199), Some(399), Some(799), Some(1599), None]);
/// assert_eq!(schedule.delay(Action::GiveUp, 1, &mut no_jitter), None);
/// assert_eq!(schedule.delay(Action::Refresh, 1, &mut no_jitter), Some(Duration::ZERO));
/// assert_eq!(schedule.delay(Action::Refresh, 2, &mut no_jitter), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetrySchedule {
    base: Duration,
    cap: Duration,
    max_retries: u32,
}

impl Default for RetrySchedule {
    /// 200 ms base, 30 s cap, 5 retries.
    fn default() -> Self {
        RetrySchedule::new(Duration::from_millis(200), Duration::from_secs(30), 5)
    }
}

impl RetrySchedule {
    /// A schedule starting at `base`, never waiting longer than `cap`, giving up after
    /// `max_retries` retries.
    ///
    /// ```
    /// let s = minierr::RetrySchedule::new(std::time::Duration::from_secs(1), std::time::Duration::from_secs(60), 3);
    /// assert_eq!(s.max_retries(), 3);
    /// ```
    #[must_use]
    pub const fn new(base: Duration, cap: Duration, max_retries: u32) -> Self {
        RetrySchedule {
            base,
            cap,
            max_retries,
        }
    }

    /// How many retries the schedule allows.
    ///
    /// ```
    /// assert_eq!(minierr::RetrySchedule::default().max_retries(), 5);
    /// ```
    #[must_use]
    pub const fn max_retries(&self) -> u32 {
        self.max_retries
    }

    /// The wait before the next try after `failures` failed attempts, or `None` when the action
    /// is not worth retrying or the retries are used up.
    ///
    /// ```
    /// use std::time::Duration;
    /// use minierr::{Action, RetrySchedule, SeededJitter};
    ///
    /// let schedule = RetrySchedule::new(Duration::from_millis(100), Duration::from_secs(10), 3);
    /// let mut jitter = SeededJitter::new(1);
    /// let wait = schedule.delay(Action::Backoff, 1, &mut jitter).unwrap();
    /// // Backoff starts at 4 × base and keeps at least half of it.
    /// assert!(wait >= Duration::from_millis(200) && wait <= Duration::from_millis(400));
    /// ```
    pub fn delay(
        &self,
        action: Action,
        failures: u32,
        jitter: &mut impl Jitter,
    ) -> Option<Duration> {
        if failures == 0 || failures > self.max_retries {
            return None;
        }
        let growth = 1u32.checked_shl(failures - 1).unwrap_or(u32::MAX);
        let fraction = clamp_fraction(jitter.fraction());
        match action {
            Action::Retry => {
                let bound = self.base.saturating_mul(growth).min(self.cap);
                Some(bound.mul_f64(fraction))
            }
            Action::Backoff => {
                let bound = self
                    .base
                    .saturating_mul(4)
                    .saturating_mul(growth)
                    .min(self.cap);
                let half = bound / 2;
                Some(half + half.mul_f64(fraction))
            }
            Action::Refresh if failures == 1 => Some(Duration::ZERO),
            _ => None,
        }
    }
}

/// A fraction in `[0, 1]`: NaN and infinities become 0, everything else is clamped.
fn clamp_fraction(fraction: f64) -> f64 {
    if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_jitter_and_huge_counts_stay_in_bounds() {
        let schedule =
            RetrySchedule::new(Duration::from_secs(1), Duration::from_secs(60), u32::MAX);
        for fraction in [f64::NAN, f64::INFINITY, -1.0, 2.0, 0.5] {
            for failures in [1, 31, 32, 33, u32::MAX] {
                for action in [Action::Retry, Action::Backoff] {
                    let wait = schedule.delay(action, failures, &mut || fraction).unwrap();
                    assert!(
                        wait <= Duration::from_secs(60),
                        "{action} {failures} {fraction}"
                    );
                }
            }
        }
    }

    #[test]
    fn zero_failures_is_not_a_retry() {
        assert_eq!(
            RetrySchedule::default().delay(Action::Retry, 0, &mut || 0.5),
            None
        );
    }
}
