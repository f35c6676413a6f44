//! Where the generator reads time. Injectable so tests can step the clock back or hold it still.
//! The generator owns its clock and calls it under its lock, so a clock may keep state (`&mut`).

use std::time::{SystemTime, UNIX_EPOCH};

pub trait Clock: Send {
    /// Unix time in milliseconds.
    fn now_ms(&mut self) -> u64;

    /// Blocks until the clock reads something other than `seen` and returns the new reading.
    /// "Other", not "later": if the clock steps back while we wait, waiting on would hang.
    fn wait_for_tick(&mut self, seen: u64) -> u64 {
        loop {
            let now = self.now_ms();
            if now != seen {
                return now;
            }
            std::hint::spin_loop();
        }
    }
}

/// The wall clock (`SystemTime`), read on every call, as `nodejs-snowflake` reads it.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

/// Unix nanoseconds of the wall clock; a clock before 1970 reads as 0 (the generator then
/// continues from its last id).
pub fn wall_clock_ns() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

impl Clock for SystemClock {
    fn now_ms(&mut self) -> u64 {
        wall_clock_ns() / 1_000_000
    }
}
