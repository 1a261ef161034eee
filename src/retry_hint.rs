//! When a retry can succeed, where the platform says so: the input a retry crate's schedule
//! needs from a code, kept apart from the decision ([`Action`](crate::Action)) and from any
//! schedule.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The soonest moment a retry can succeed, as the platform documents it.
///
/// minierr only decides *whether* to retry ([`Action`](crate::Action)); the schedule (delays,
/// jitter, caps) belongs to a retry crate such as `backon` or `tower`. A hint is what the
/// platform itself says about timing, so a schedule can wait at least that long.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use minierr::RetryHint;
///
/// let per_minute = RetryHint::After(Duration::from_secs(60));
/// assert_eq!(per_minute.to_string(), "after 60s");
///
/// // A daily quota resets at midnight in Beijing (UTC+8).
/// let daily = RetryHint::NextDay { utc_offset_seconds: 8 * 3600 };
/// assert_eq!(daily.to_string(), "next day UTC+8");
/// // 2026-11-30 15:00 UTC is 23:00 in Beijing: one hour to go.
/// let now = UNIX_EPOCH + Duration::from_secs(1_796_050_800);
/// assert_eq!(daily.earliest_delay(now), Some(Duration::from_secs(3600)));
///
/// assert_eq!(RetryHint::Later.earliest_delay(now), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryHint {
    /// No earlier than this long after the failure (WeChat 45011: the next minute).
    After(Duration),
    /// Not before the next midnight at this offset from UTC: a daily quota (WeChat 45009 resets
    /// at midnight in Beijing, `utc_offset_seconds: 28800`).
    NextDay {
        /// Seconds east of UTC of the clock whose midnight resets the quota.
        utc_offset_seconds: i32,
    },
    /// The platform says "try again later" without saying when: the caller's schedule decides.
    Later,
}

impl RetryHint {
    /// How long to wait from `now`: the stated duration, the time to the next midnight at the
    /// offset, or `None` for [`RetryHint::Later`], where only the caller's schedule can say.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use minierr::RetryHint;
    /// let wait = RetryHint::After(Duration::from_secs(60)).earliest_delay(SystemTime::now());
    /// assert_eq!(wait, Some(Duration::from_secs(60)));
    /// ```
    #[must_use]
    pub fn earliest_delay(self, now: SystemTime) -> Option<Duration> {
        match self {
            RetryHint::After(delay) => Some(delay),
            RetryHint::NextDay { utc_offset_seconds } => {
                const DAY: i64 = 86_400;
                // Before 1970 (a clock gone wrong) counts as the epoch itself.
                let unix = now
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
                let local = unix.saturating_add(i64::from(utc_offset_seconds));
                let into_day = local.rem_euclid(DAY);
                let subsec = now.duration_since(UNIX_EPOCH).map_or(Duration::ZERO, |d| {
                    Duration::from_nanos(d.subsec_nanos().into())
                });
                let whole = u64::try_from(DAY - into_day).unwrap_or(0);
                Some(Duration::from_secs(whole).saturating_sub(subsec))
            }
            RetryHint::Later => None,
        }
    }

    /// Reads the spelling the data tables and the CLI's JSON use: `after 60s`,
    /// `next day UTC+8`, `later`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use minierr::RetryHint;
    /// assert_eq!(RetryHint::parse("after 60s"), Some(RetryHint::After(Duration::from_secs(60))));
    /// assert_eq!(RetryHint::parse("next day UTC+8"), Some(RetryHint::NextDay { utc_offset_seconds: 28800 }));
    /// assert_eq!(RetryHint::parse("soon"), None);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<RetryHint> {
        if text == "later" {
            return Some(RetryHint::Later);
        }
        if let Some(seconds) = text
            .strip_prefix("after ")
            .and_then(|t| t.strip_suffix('s'))
        {
            return seconds
                .parse()
                .ok()
                .map(|s| RetryHint::After(Duration::from_secs(s)));
        }
        let hours = text.strip_prefix("next day UTC")?;
        let hours: i32 = match hours.strip_prefix('+').unwrap_or(hours) {
            "" => 0,
            digits => digits.parse().ok()?,
        };
        (-12..=14).contains(&hours).then_some(RetryHint::NextDay {
            utc_offset_seconds: hours * 3600,
        })
    }
}

impl fmt::Display for RetryHint {
    /// `after 60s`, `next day UTC+8` or `later`: short, stable, and what [`RetryHint::parse`]
    /// reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryHint::After(delay) => write!(f, "after {}s", delay.as_secs()),
            RetryHint::NextDay { utc_offset_seconds } => {
                let (hours, minutes) =
                    (utc_offset_seconds / 3600, (utc_offset_seconds % 3600) / 60);
                match (hours, minutes) {
                    (0, 0) => f.write_str("next day UTC"),
                    (h, 0) => write!(f, "next day UTC{h:+}"),
                    (h, m) => write!(f, "next day UTC{h:+}:{:02}", m.abs()),
                }
            }
            RetryHint::Later => f.write_str("later"),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RetryHint {
    /// The [`Display`](fmt::Display) spelling: `"after 60s"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_day_counts_to_local_midnight() {
        let beijing = RetryHint::NextDay {
            utc_offset_seconds: 8 * 3600,
        };
        // 2026-11-30 16:00:00 UTC is 00:00 in Beijing on 1 December: a whole day to go.
        let midnight = UNIX_EPOCH + Duration::from_secs(1_796_054_400);
        assert_eq!(
            beijing.earliest_delay(midnight),
            Some(Duration::from_secs(86_400))
        );
        let half_second_before = midnight - Duration::from_millis(500);
        assert_eq!(
            beijing.earliest_delay(half_second_before),
            Some(Duration::from_millis(500))
        );
        let utc = RetryHint::NextDay {
            utc_offset_seconds: 0,
        };
        assert_eq!(
            utc.earliest_delay(midnight),
            Some(Duration::from_secs(8 * 3600))
        );
        // A clock before 1970 does not panic.
        assert!(beijing.earliest_delay(UNIX_EPOCH).is_some());
    }

    #[test]
    fn spellings_round_trip() {
        for hint in [
            RetryHint::After(Duration::from_secs(60)),
            RetryHint::After(Duration::from_secs(86_400)),
            RetryHint::NextDay {
                utc_offset_seconds: 8 * 3600,
            },
            RetryHint::NextDay {
                utc_offset_seconds: -5 * 3600,
            },
            RetryHint::NextDay {
                utc_offset_seconds: 0,
            },
            RetryHint::Later,
        ] {
            assert_eq!(RetryHint::parse(&hint.to_string()), Some(hint), "{hint}");
        }
        assert_eq!(RetryHint::parse("next day UTC+15"), None);
        assert_eq!(RetryHint::parse("after s"), None);
    }
}
