//! The wall clock, re-read only when the millisecond may have changed.
//!
//! Reading the wall clock costs about as much as the rest of a `generatePK` call. Within one
//! millisecond the answer cannot change, so this clock remembers when the last wall-clock
//! reading's millisecond ends and, until then, only reads the CPU's constant-rate counter
//! (x86-64 `rdtsc` with an invariant TSC, aarch64 `cntvct_el0`), several times cheaper.
//!
//! Safety margins, so a reading is never stale: the counter rate is calibrated against the
//! monotonic clock (immune to wall-clock steps) and then overstated by 1/64, the anchor counter
//! value is taken before the wall-clock read, and the last 20 µs of each millisecond always
//! re-read the wall clock. Without a usable counter every call reads the wall clock.

use std::time::{Duration, Instant};

use crate::clock::{Clock, wall_clock_ns};

const NS_PER_MS: u64 = 1_000_000;
/// The end of each millisecond always re-reads the wall clock.
const MARGIN_NS: u64 = 20_000;
/// Calibrate over at least this long...
const MIN_CALIBRATION: Duration = Duration::from_millis(10);
/// ...and start a fresh baseline after this long, following any rate change.
const RECALIBRATE_AFTER_NS: u64 = 1_000_000_000;

/// The last wall-clock reading.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    ticks: u64,
    unix_ms: u64,
    /// Nanoseconds from the reading until `MARGIN_NS` before its millisecond ends.
    ns_usable: u64,
}

#[derive(Debug)]
pub struct CounterClock {
    counter: Option<fn() -> u64>,
    anchor: Option<Anchor>,
    /// Nanoseconds per counter tick, as a 32.32 fixed-point number, overstated by 1/64.
    ns_per_tick_q32: Option<u64>,
    baseline: Option<(u64, Instant)>,
}

impl Default for CounterClock {
    fn default() -> Self {
        Self::new()
    }
}

impl CounterClock {
    pub fn new() -> Self {
        Self::with_counter(counter())
    }

    /// With a given counter (`None`: always read the wall clock). For tests.
    pub fn with_counter(counter: Option<fn() -> u64>) -> Self {
        Self { counter, anchor: None, ns_per_tick_q32: None, baseline: None }
    }

    /// Whether readings can come from the counter (after calibration).
    pub fn has_counter(&self) -> bool {
        self.counter.is_some()
    }

    fn elapsed_ns(&self, from: u64, to: u64) -> Option<u64> {
        let ns_per_tick_q32 = self.ns_per_tick_q32?;
        let ticks = to.checked_sub(from)?;
        u64::try_from((u128::from(ticks) * u128::from(ns_per_tick_q32)) >> 32).ok()
    }

    fn read_wall_clock(&mut self, ticks_before: Option<u64>) -> u64 {
        let unix_ns = wall_clock_ns();
        let unix_ms = unix_ns / NS_PER_MS;
        if let Some(ticks) = ticks_before {
            let ns_left = NS_PER_MS - unix_ns % NS_PER_MS;
            self.anchor = Some(Anchor { ticks, unix_ms, ns_usable: ns_left.saturating_sub(MARGIN_NS) });
            self.calibrate(ticks);
        }
        unix_ms
    }

    /// Measures nanoseconds per tick against the monotonic clock. The order of the reads makes
    /// any delay between them (a preempted thread) overstate the rate, never understate it: the
    /// baseline reads the monotonic clock before the counter, the end reads the counter (`ticks`,
    /// taken before this call) before the monotonic clock.
    fn calibrate(&mut self, ticks: u64) {
        let Some((start_ticks, start)) = self.baseline else {
            self.baseline = self.fresh_baseline();
            return;
        };
        // Once calibrated, the counter itself says when the baseline is old enough to refresh,
        // so the monotonic clock is read only while calibrating.
        if self.ns_per_tick_q32.is_some() && self.elapsed_ns(start_ticks, ticks).is_some_and(|ns| ns < RECALIBRATE_AFTER_NS) {
            return;
        }
        let elapsed = start.elapsed();
        if elapsed < MIN_CALIBRATION {
            return;
        }
        let rate = ticks.checked_sub(start_ticks).filter(|t| *t > 0).map(|t| ((elapsed.as_nanos() << 32) / u128::from(t)) as u64);
        // Between 20 GHz and 1 MHz (Apple silicon's counter runs at 24 MHz), or the counter is
        // not what we think: stop using it.
        match rate.filter(|q| (1u64 << 32) / 20 <= *q && *q <= 1000u64 << 32) {
            Some(q) => self.ns_per_tick_q32 = Some(q + q / 64),
            None => {
                self.counter = None;
                self.anchor = None;
                self.ns_per_tick_q32 = None;
            }
        }
        self.baseline = self.fresh_baseline();
    }

    fn fresh_baseline(&self) -> Option<(u64, Instant)> {
        let read = self.counter?;
        let start = Instant::now();
        Some((read(), start))
    }
}

impl Clock for CounterClock {
    fn now_ms(&mut self) -> u64 {
        let Some(read) = self.counter else { return self.read_wall_clock(None) };
        let ticks = read();
        if let Some(anchor) = self.anchor
            && self.elapsed_ns(anchor.ticks, ticks).is_some_and(|ns| ns < anchor.ns_usable)
        {
            return anchor.unix_ms;
        }
        self.read_wall_clock(Some(ticks))
    }
}

/// The CPU's constant-rate counter, if this machine has one we trust.
fn counter() -> Option<fn() -> u64> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__cpuid, _rdtsc};
        // CPUID 0x8000_0007 EDX bit 8: the TSC runs at a constant rate in every power state.
        #[allow(unused_unsafe)]
        let invariant = unsafe { __cpuid(0x8000_0000).eax >= 0x8000_0007 && (__cpuid(0x8000_0007).edx >> 8) & 1 == 1 };
        #[allow(unused_unsafe)]
        fn read() -> u64 {
            // SAFETY: rdtsc has no preconditions on x86-64.
            unsafe { _rdtsc() }
        }
        invariant.then_some(read as fn() -> u64)
    }
    #[cfg(target_arch = "aarch64")]
    {
        fn read() -> u64 {
            let ticks: u64;
            // SAFETY: the virtual counter is readable from user space on Linux, macOS and Windows.
            unsafe { std::arch::asm!("mrs {}, cntvct_el0", out(reg) ticks, options(nomem, nostack, preserves_flags)) };
            ticks
        }
        Some(read as fn() -> u64)
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reading lies between wall-clock readings taken just before and just after it:
    /// never stale, never ahead.
    fn assert_never_stale(clock: &mut CounterClock, for_ms: u64) -> usize {
        let until = wall_clock_ns() / NS_PER_MS + for_ms;
        let mut readings = 0;
        loop {
            let before = wall_clock_ns() / NS_PER_MS;
            let reading = clock.now_ms();
            let after = wall_clock_ns() / NS_PER_MS;
            assert!(before <= reading && reading <= after, "{before} <= {reading} <= {after}");
            readings += 1;
            if after >= until {
                return readings;
            }
        }
    }

    #[test]
    fn the_counter_clock_matches_the_wall_clock_over_calibration_and_after() {
        let mut clock = CounterClock::new();
        let readings = assert_never_stale(&mut clock, 150);
        assert!(readings > 1000);
        if clock.has_counter() {
            assert!(clock.ns_per_tick_q32.is_some(), "calibrated within 150 ms");
        }
    }

    fn since_first_call_ns() -> u128 {
        static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        START.get_or_init(Instant::now).elapsed().as_nanos()
    }

    #[test]
    fn counters_from_24_mhz_to_3_ghz_calibrate_and_stay_exact() {
        fn apple_silicon_like() -> u64 {
            (since_first_call_ns() * 24 / 1000) as u64
        }
        fn three_ghz() -> u64 {
            (since_first_call_ns() * 3) as u64
        }
        for (counter, ns_per_tick) in [(apple_silicon_like as fn() -> u64, 1000.0 / 24.0), (three_ghz, 1.0 / 3.0)] {
            let mut clock = CounterClock::with_counter(Some(counter));
            assert_never_stale(&mut clock, 60);
            assert!(clock.has_counter());
            let measured = clock.ns_per_tick_q32.expect("calibrated") as f64 / 4_294_967_296.0;
            // Never understated (that would make readings stale). Overstated by 1/64, and more if
            // the thread was preempted between the baseline's reads: that only costs speed.
            assert!(measured >= ns_per_tick && measured < ns_per_tick * 10.0, "{measured} ns per tick, expected about {ns_per_tick}");
        }
    }

    #[test]
    fn without_a_counter_it_reads_the_wall_clock() {
        let mut clock = CounterClock::with_counter(None);
        assert_never_stale(&mut clock, 20);
        assert!(clock.anchor.is_none());
    }

    #[test]
    fn a_counter_that_does_not_advance_is_dropped() {
        fn stuck() -> u64 {
            42
        }
        let mut clock = CounterClock::with_counter(Some(stuck));
        assert_never_stale(&mut clock, 30);
        assert!(!clock.has_counter(), "a counter that never moves cannot be calibrated");
    }
}
