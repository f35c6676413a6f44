//! The generator's rules under a fake clock: step-backs, exhausted sequences, reconfiguration,
//! argument checks.

use std::sync::{Arc, Mutex};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use fixture_ids::generator::{WorkerIdArg, WorkerResolver};
use fixture_ids::layout::{MAX_SEQUENCE, Parts};
use fixture_ids::{Clock, DEFAULT_EPOCH_MS, ErrorKind, Generator, IdError, WorkerAssignment, WorkerSource};

/// A clock that reads what the test sets through its `FakeTime` handle. Waiting for a tick moves
/// it one millisecond forward (as real time would) and is counted.
#[derive(Default)]
struct FakeTime {
    now: AtomicU64,
    waits: AtomicUsize,
}

struct FakeClock(Arc<FakeTime>);

impl FakeClock {
    fn at(unix_ms: u64) -> Self {
        FakeClock(Arc::new(FakeTime { now: AtomicU64::new(unix_ms), waits: AtomicUsize::new(0) }))
    }
}

impl FakeTime {
    fn now_ms(&self) -> u64 {
        self.now.load(Ordering::SeqCst)
    }
    fn set(&self, unix_ms: u64) {
        self.now.store(unix_ms, Ordering::SeqCst);
    }
    fn waits(&self) -> usize {
        self.waits.load(Ordering::SeqCst)
    }
}

impl Clock for FakeClock {
    fn now_ms(&mut self) -> u64 {
        self.0.now.load(Ordering::SeqCst)
    }
    fn wait_for_tick(&mut self, seen: u64) -> u64 {
        self.0.waits.fetch_add(1, Ordering::SeqCst);
        let now = self.0.now.load(Ordering::SeqCst);
        assert_eq!(now, seen, "the generator waits on the reading it just took");
        self.0.now.store(now + 1, Ordering::SeqCst);
        now + 1
    }
}

/// Environment says instance `env_id`; leases hand out 100, 101, ...
struct FakeResolver {
    env_id: Result<u16, IdError>,
    next_lease: Mutex<u16>,
}

impl FakeResolver {
    fn env(id: u16) -> Self {
        Self { env_id: Ok(id), next_lease: Mutex::new(100) }
    }
}

impl WorkerResolver for FakeResolver {
    fn resolve_from_environment(&self) -> Result<WorkerAssignment, IdError> {
        self.env_id.clone().map(|worker_id| WorkerAssignment { worker_id, source: WorkerSource::Default })
    }
    fn lease(&self) -> Result<WorkerAssignment, IdError> {
        let mut next = self.next_lease.lock().unwrap();
        *next += 1;
        Ok(WorkerAssignment { worker_id: *next - 1, source: WorkerSource::Lease { path: "fake".into() } })
    }
}

const T0: u64 = DEFAULT_EPOCH_MS + 1_000_000;

/// A generator at T0 and the handle that moves its clock.
fn generator(env_id: u16) -> (Generator<FakeClock, FakeResolver>, Arc<FakeTime>) {
    let clock = FakeClock::at(T0);
    let time = clock.0.clone();
    (Generator::new(clock, FakeResolver::env(env_id)), time)
}

fn parts(id: u64) -> Parts {
    Parts::split(id)
}

fn assert_strictly_increasing(ids: &[u64]) {
    for pair in ids.windows(2) {
        assert!(pair[0] < pair[1], "{} then {}", pair[0], pair[1]);
    }
}

#[test]
fn the_first_id_carries_the_clock_the_instance_and_sequence_zero() {
    let (g, _) = generator(1);
    let id = g.next_id().unwrap();
    assert_eq!(parts(id), Parts { elapsed_ms: T0 - DEFAULT_EPOCH_MS, worker_id: 1, sequence: 0 });
    assert_eq!(g.decode(id).timestamp, T0);
}

#[test]
fn ids_within_one_millisecond_count_up_the_sequence() {
    let (g, clock) = generator(1);
    let ids: Vec<u64> = (0..5).map(|_| g.next_id().unwrap()).collect();
    assert_eq!(ids.iter().map(|id| parts(*id).sequence).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
    assert_strictly_increasing(&ids);
    clock.set(T0 + 1);
    assert_eq!(parts(g.next_id().unwrap()), Parts { elapsed_ms: T0 + 1 - DEFAULT_EPOCH_MS, worker_id: 1, sequence: 0 });
}

#[test]
fn an_exhausted_sequence_waits_for_the_next_millisecond() {
    let (g, clock) = generator(1);
    let ids = g.next_ids(f64::from(MAX_SEQUENCE) + 1.0).unwrap();
    assert_eq!(clock.waits(), 0, "1024 ids fit in one millisecond");
    assert_eq!(parts(*ids.last().unwrap()).sequence, MAX_SEQUENCE);
    let next = g.next_id().unwrap();
    assert_eq!(clock.waits(), 1);
    assert_eq!(parts(next), Parts { elapsed_ms: T0 + 1 - DEFAULT_EPOCH_MS, worker_id: 1, sequence: 0 });
    assert!(next > *ids.last().unwrap());
}

#[test]
fn a_batch_spanning_many_milliseconds_waits_once_per_millisecond() {
    let (g, clock) = generator(9);
    let ids = g.next_ids(10_240.0).unwrap();
    assert_eq!(clock.waits(), 9);
    assert_strictly_increasing(&ids);
    assert_eq!(parts(ids[10_239]).elapsed_ms, T0 + 9 - DEFAULT_EPOCH_MS);
}

#[test]
fn a_clock_stepping_back_never_reuses_a_timestamp() {
    let (g, clock) = generator(1);
    clock.set(T0 + 500);
    let before = g.next_id().unwrap();
    clock.set(T0); // NTP steps the clock back 500 ms
    let after: Vec<u64> = (0..3).map(|_| g.next_id().unwrap()).collect();
    assert!(after[0] > before);
    for id in &after {
        assert_eq!(parts(*id).elapsed_ms, T0 + 500 - DEFAULT_EPOCH_MS, "continues from the last issued millisecond");
    }
    assert_eq!(parts(after[2]).sequence, 3);
    // Once the clock passes the last id again, ids follow the clock.
    clock.set(T0 + 501);
    assert_eq!(parts(g.next_id().unwrap()), Parts { elapsed_ms: T0 + 501 - DEFAULT_EPOCH_MS, worker_id: 1, sequence: 0 });
}

#[test]
fn exhausting_the_sequence_while_the_clock_is_behind_advances_one_millisecond_per_tick() {
    let (g, clock) = generator(1);
    clock.set(T0 + 500);
    let first = g.next_id().unwrap();
    clock.set(T0);
    let ids = g.next_ids(3.0 * 1024.0).unwrap();
    assert_strictly_increasing(&ids);
    assert!(ids[0] > first);
    // The last id's millisecond had 1023 left; then two more milliseconds, each after one tick.
    assert_eq!(clock.waits(), 3);
    assert_eq!(parts(*ids.last().unwrap()).elapsed_ms, T0 + 503 - DEFAULT_EPOCH_MS);
    // The clock moved only 3 ms (ticks), so the lead over it did not grow beyond the step back.
    assert_eq!(clock.now_ms(), T0 + 3);
}

#[test]
fn id_zero_is_never_issued_even_at_the_epoch_with_instance_zero() {
    let g = Generator::new(FakeClock::at(T0), FakeResolver::env(1));
    g.configure(WorkerIdArg::Number(0.0), Some(T0 as f64)).unwrap();
    let id = g.next_id().unwrap();
    assert_eq!(id, 1);
}

#[test]
fn reconfiguring_keeps_ids_increasing_and_distinct() {
    let (g, clock) = generator(1);
    let a = g.next_id().unwrap();
    g.configure(WorkerIdArg::Number(2.0), None).unwrap();
    let b = g.next_id().unwrap();
    assert_eq!(parts(b), Parts { elapsed_ms: parts(a).elapsed_ms, worker_id: 2, sequence: 0 });
    // A lower instance id in the same millisecond would sort lower: it moves to the next millisecond.
    g.configure(WorkerIdArg::Number(0.0), None).unwrap();
    let c = g.next_id().unwrap();
    assert_eq!(parts(c), Parts { elapsed_ms: parts(a).elapsed_ms + 1, worker_id: 0, sequence: 0 });
    assert_strictly_increasing(&[a, b, c]);
    // An earlier epoch makes elapsed times larger; moving back keeps ids above the last one.
    g.configure(WorkerIdArg::Number(5.0), Some(1_234_567_890_000.0)).unwrap();
    let d = g.next_id().unwrap();
    assert_eq!(g.decode(d).timestamp, clock.now_ms());
    g.configure(WorkerIdArg::Number(1.0), Some(DEFAULT_EPOCH_MS as f64)).unwrap();
    let e = g.next_id().unwrap();
    assert_strictly_increasing(&[c, d, e]);
}

#[test]
fn unset_worker_id_reads_the_environment_and_auto_leases() {
    let (g, _) = generator(7);
    assert_eq!(g.config().unwrap().worker_id, 7);
    let config = g.configure(WorkerIdArg::Auto, None).unwrap();
    assert_eq!(config.worker_id, 100);
    assert!(matches!(config.source, WorkerSource::Lease { .. }));
    assert_eq!(parts(g.next_id().unwrap()).worker_id, 100);
    assert_eq!(g.configure(WorkerIdArg::Unset, None).unwrap().worker_id, 7);
}

#[test]
fn an_unusable_environment_surfaces_on_the_first_id_not_at_load() {
    let resolver = FakeResolver { env_id: Err(IdError::NoFreeWorkerId { first: 1, last: 1, dir: "d".into() }), next_lease: Mutex::new(0) };
    let g = Generator::new(FakeClock::at(T0), resolver);
    assert!(matches!(g.next_id(), Err(IdError::NoFreeWorkerId { .. })));
    g.configure(WorkerIdArg::Number(3.0), None).unwrap();
    assert_eq!(parts(g.next_id().unwrap()).worker_id, 3);
}

#[test]
fn bad_worker_ids_are_range_errors_and_leave_the_configuration_alone() {
    let (g, _) = generator(1);
    g.configure(WorkerIdArg::Number(4.0), None).unwrap();
    for bad in [-1.0, 4096.0, 1.5, f64::NAN, f64::INFINITY] {
        let err = g.configure(WorkerIdArg::Number(bad), None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Range);
        assert!(err.to_string().contains("integer from 0 to 4095 or \"auto\""), "{err}");
    }
    assert_eq!(g.configure(WorkerIdArg::Number(4095.0), None).unwrap().worker_id, 4095);
    g.configure(WorkerIdArg::Number(4.0), None).unwrap();
    assert!(g.configure(WorkerIdArg::Number(9.0), Some(-1.0)).is_err());
    assert_eq!(g.config().unwrap().worker_id, 4, "a rejected call changes nothing");
}

#[test]
fn bad_epochs_are_range_errors_naming_the_allowed_span() {
    let (g, _) = generator(1);
    for bad in [-1.0, (T0 + 1) as f64, 0.5, f64::NAN] {
        let err = g.configure(WorkerIdArg::Unset, Some(bad)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Range);
        assert!(err.to_string().contains(&format!("from 0 (1970) to now ({T0})")), "{err}");
    }
    assert_eq!(g.configure(WorkerIdArg::Unset, Some(0.0)).unwrap().epoch_ms, 0);
    assert_eq!(g.configure(WorkerIdArg::Unset, Some(T0 as f64)).unwrap().epoch_ms, T0);
}

#[test]
fn bad_counts_are_range_errors() {
    let (g, _) = generator(1);
    assert_eq!(g.next_ids(0.0).unwrap(), Vec::<u64>::new());
    for bad in [-1.0, 1.5, 10_000_001.0, f64::NAN] {
        let err = g.next_ids(bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Range);
        assert!(err.to_string().contains("count must be an integer from 0 to 10000000"), "{err}");
    }
}

#[test]
fn pk_from_timestamp_is_the_smallest_id_of_that_millisecond() {
    let (g, _) = generator(7);
    assert_eq!(g.pk_from_timestamp(DEFAULT_EPOCH_MS as f64).unwrap(), 7 << 10);
    let id = g.next_id().unwrap();
    let floor = g.pk_from_timestamp(g.decode(id).timestamp as f64).unwrap();
    assert!(floor <= id && id - floor < 1024);
    let err = g.pk_from_timestamp((DEFAULT_EPOCH_MS - 1) as f64).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Range);
    assert!(err.to_string().contains(&format!("from {DEFAULT_EPOCH_MS} (the epoch)")), "{err}");
    assert!(g.pk_from_timestamp(1.5e12 + 0.5).is_err());
}

#[test]
fn the_42_bit_field_running_out_is_an_error_not_a_wrap() {
    let g = Generator::new(FakeClock::at(DEFAULT_EPOCH_MS + (1 << 42)), FakeResolver::env(1));
    assert!(matches!(g.next_id(), Err(IdError::TimestampExhausted { .. })));
}

#[test]
fn threads_sharing_a_generator_never_collide() {
    let (g, _) = generator(3);
    let per_thread: Vec<Vec<u64>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| (0..3000).map(|_| g.next_id().unwrap()).collect::<Vec<u64>>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<u64> = per_thread.iter().flatten().copied().collect();
    for ids in &per_thread {
        assert_strictly_increasing(ids);
    }
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), 12_000);
}
