//! The generator: one mutex-guarded state, any [`Clock`].
//!
//! Rules, in order of priority:
//! 1. Every id is greater than the last one issued, across reconfigurations, so a process never
//!    issues a duplicate. (Id 0 is never issued: it is `DUMMY_ID`.)
//! 2. An id carries the clock's millisecond when the clock is ahead of the last id.
//! 3. When the clock is at or behind the last id's millisecond (same millisecond, or the clock
//!    stepped back), the next id continues from the last one: same millisecond, next sequence.
//! 4. When that millisecond's sequence is used up, the generator waits for the clock to tick and
//!    then moves to the later of the clock's millisecond and the last one + 1. So while the clock
//!    is behind, ids advance at most one millisecond per elapsed millisecond: throughput stays at
//!    the layout's 1,024 per millisecond and the ids' lead over the clock never grows beyond the
//!    step back, shrinking as the clock catches up.
//!
//! Consequence of rule 1: moving the epoch to a later date after ids were issued keeps ids
//! increasing, so their timestamps read ahead of the clock by the shift until it catches up.
//! Configure the epoch before the first id.

use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::clock::Clock;
use crate::error::{IdError, describe_number, integer_in};
use crate::layout::{self, DEFAULT_EPOCH_MS, DecodedPk, MAX_SEQUENCE, MAX_TIMESTAMP, MAX_WORKER_ID, Parts};
use crate::worker_id::{WorkerAssignment, WorkerSource};

pub use crate::error::MAX_BATCH;

/// The instance id argument of `initIdGenerator` / `configureIdGenerator`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WorkerIdArg {
    /// Not given: resolve from the environment.
    Unset,
    /// A JS number, checked here.
    Number(f64),
    /// `"auto"`: lease one.
    Auto,
}

/// The configuration in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdConfig {
    pub worker_id: u16,
    pub epoch_ms: u64,
    pub source: WorkerSource,
}

/// Resolves the instance id when none was given; and `"auto"` leases.
pub trait WorkerResolver: Send + Sync {
    fn resolve_from_environment(&self) -> Result<WorkerAssignment, IdError>;
    fn lease(&self) -> Result<WorkerAssignment, IdError>;
}

struct State<C> {
    clock: C,
    epoch_ms: u64,
    /// `None` until the first id or configuration: the environment is read lazily, so a test
    /// may set variables after loading the addon.
    worker: Option<WorkerAssignment>,
    /// The last id issued (0 before the first, which is why 0 is never issued).
    last_id: u64,
}

pub struct Generator<C: Clock, R: WorkerResolver> {
    resolver: R,
    state: Mutex<State<C>>,
}

impl<C: Clock, R: WorkerResolver> Generator<C, R> {
    pub fn new(clock: C, resolver: R) -> Self {
        Self { resolver, state: Mutex::new(State { clock, epoch_ms: DEFAULT_EPOCH_MS, worker: None, last_id: 0 }) }
    }

    fn lock(&self) -> MutexGuard<'_, State<C>> {
        // The state is consistent between statements, so a panic elsewhere cannot leave it torn.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn worker_of(&self, state: &mut State<C>) -> Result<u16, IdError> {
        if let Some(worker) = &state.worker {
            return Ok(worker.worker_id);
        }
        let worker = self.resolver.resolve_from_environment()?;
        let id = worker.worker_id;
        state.worker = Some(worker);
        Ok(id)
    }

    /// Sets the instance id and epoch (`None` = the default epoch). Checks everything before
    /// changing anything, so a rejected call leaves the previous configuration in force.
    pub fn configure(&self, worker: WorkerIdArg, epoch_ms: Option<f64>) -> Result<IdConfig, IdError> {
        let epoch_ms = match epoch_ms {
            None => DEFAULT_EPOCH_MS,
            Some(value) => {
                let now_ms = self.lock().clock.now_ms();
                integer_in(value, 0, now_ms).ok_or_else(|| IdError::EpochOutOfRange { got: describe_number(value), now_ms })?
            }
        };
        let assignment = match worker {
            WorkerIdArg::Unset => self.resolver.resolve_from_environment()?,
            WorkerIdArg::Auto => self.resolver.lease()?,
            WorkerIdArg::Number(value) => WorkerAssignment {
                worker_id: integer_in(value, 0, u64::from(MAX_WORKER_ID))
                    .ok_or_else(|| IdError::WorkerIdOutOfRange { got: describe_number(value) })? as u16,
                source: WorkerSource::Argument,
            },
        };
        let mut state = self.lock();
        state.epoch_ms = epoch_ms;
        state.worker = Some(assignment.clone());
        Ok(IdConfig { worker_id: assignment.worker_id, epoch_ms, source: assignment.source })
    }

    /// The configuration in force, resolving the instance id from the environment if needed.
    pub fn config(&self) -> Result<IdConfig, IdError> {
        let mut state = self.lock();
        self.worker_of(&mut state)?;
        let worker = state.worker.clone().expect("resolved above");
        Ok(IdConfig { worker_id: worker.worker_id, epoch_ms: state.epoch_ms, source: worker.source })
    }

    pub fn epoch_ms(&self) -> u64 {
        self.lock().epoch_ms
    }

    /// The next id.
    pub fn next_id(&self) -> Result<u64, IdError> {
        let mut state = self.lock();
        let worker_id = self.worker_of(&mut state)?;
        self.issue(&mut state, worker_id)
    }

    /// `count` ids in one call (under one lock, so they are consecutive in this process).
    pub fn next_ids(&self, count: f64) -> Result<Vec<u64>, IdError> {
        let count = integer_in(count, 0, MAX_BATCH).ok_or_else(|| IdError::CountOutOfRange { got: describe_number(count) })?;
        let mut ids = Vec::with_capacity(count as usize);
        let mut state = self.lock();
        let worker_id = self.worker_of(&mut state)?;
        for _ in 0..count {
            ids.push(self.issue(&mut state, worker_id)?);
        }
        Ok(ids)
    }

    fn issue(&self, state: &mut State<C>, worker_id: u16) -> Result<u64, IdError> {
        let now_ms = state.clock.now_ms();
        let last = Parts::split(state.last_id);
        let elapsed = now_ms.saturating_sub(state.epoch_ms);
        let next = if elapsed > last.elapsed_ms {
            Parts { elapsed_ms: elapsed, worker_id, sequence: 0 }
        } else if worker_id == last.worker_id && last.sequence < MAX_SEQUENCE {
            Parts { sequence: last.sequence + 1, ..last }
        } else if worker_id > last.worker_id {
            // A higher instance id sorts after the last id within the same millisecond.
            Parts { elapsed_ms: last.elapsed_ms, worker_id, sequence: 0 }
        } else {
            let ticked = state.clock.wait_for_tick(now_ms).saturating_sub(state.epoch_ms);
            Parts { elapsed_ms: ticked.max(last.elapsed_ms + 1), worker_id, sequence: 0 }
        };
        if next.elapsed_ms > MAX_TIMESTAMP {
            return Err(IdError::TimestampExhausted { epoch_ms: state.epoch_ms });
        }
        let id = next.compose();
        debug_assert!(id > state.last_id);
        state.last_id = id;
        Ok(id)
    }

    /// Reads an id with the configured epoch.
    pub fn decode(&self, id: u64) -> DecodedPk {
        layout::decode(id, self.epoch_ms())
    }

    /// The smallest id this instance can have for the Unix millisecond `unix_ms`
    /// (what `nodejs-snowflake`'s `idFromTimestamp` returns).
    pub fn pk_from_timestamp(&self, unix_ms: f64) -> Result<u64, IdError> {
        let mut state = self.lock();
        let worker_id = self.worker_of(&mut state)?;
        let min_ms = state.epoch_ms;
        let max_ms = min_ms + MAX_TIMESTAMP;
        let unix_ms = integer_in(unix_ms, min_ms, max_ms)
            .ok_or_else(|| IdError::TimestampOutOfRange { got: describe_number(unix_ms), min_ms, max_ms })?;
        Ok(Parts { elapsed_ms: unix_ms - min_ms, worker_id, sequence: 0 }.compose())
    }
}
