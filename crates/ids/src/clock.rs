//! Where the generator reads time. Injectable so tests can step the clock back or hold it still.

use std::time::{SystemTime, UNIX_EPOCH};

pub trait Clock: Send + Sync {
    /// Unix time in milliseconds.
    fn now_ms(&self) -> u64;

    /// Blocks until the clock reads something other than `seen` and returns the new reading.
    /// "Other", not "later": if the clock steps back while we wait, waiting on would hang.
    fn wait_for_tick(&self, seen: u64) -> u64 {
        loop {
            let now = self.now_ms();
            if now != seen {
                return now;
            }
            std::hint::spin_loop();
        }
    }
}

/// The wall clock (`SystemTime`), as `nodejs-snowflake` uses it.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        // A clock before 1970 reads as 0; the generator then continues from its last id.
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
    }
}
