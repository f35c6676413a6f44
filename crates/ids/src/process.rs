//! The process's one generator. The napi layer calls only this module, so every `require`,
//! `import`, module-registry reset and `worker_thread` of a process shares one sequence: the
//! addon's shared library is loaded once per process and this static lives in it.

use std::sync::LazyLock;

use crate::counter_clock::CounterClock;
use crate::error::IdError;
use crate::generator::{Generator, IdConfig, WorkerIdArg, WorkerResolver};
use crate::layout::DecodedPk;
use crate::lease;
use crate::worker_id::{self, WorkerAssignment, WorkerRequest, WorkerSource};

/// Reads the real environment and the real lease directory.
struct EnvironmentResolver;

fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

impl WorkerResolver for EnvironmentResolver {
    fn resolve_from_environment(&self) -> Result<WorkerAssignment, IdError> {
        match worker_id::request_from_env(&env_var)? {
            WorkerRequest::Fixed(assignment) => Ok(assignment),
            WorkerRequest::Lease(range) => lease_in(range),
        }
    }

    fn lease(&self) -> Result<WorkerAssignment, IdError> {
        lease_in(worker_id::range_from_env(&env_var)?)
    }
}

fn lease_in(range: worker_id::WorkerRange) -> Result<WorkerAssignment, IdError> {
    let (worker_id, path) = lease::process_lease(range, &lease::lease_dir(&env_var))?;
    Ok(WorkerAssignment { worker_id, source: WorkerSource::Lease { path: path.display().to_string() } })
}

static GENERATOR: LazyLock<Generator<CounterClock, EnvironmentResolver>> =
    LazyLock::new(|| Generator::new(CounterClock::new(), EnvironmentResolver));

pub fn generate_pk() -> Result<u64, IdError> {
    GENERATOR.next_id()
}

pub fn generate_pks(count: f64) -> Result<Vec<u64>, IdError> {
    GENERATOR.next_ids(count)
}

pub fn configure(worker: WorkerIdArg, epoch_ms: Option<f64>) -> Result<IdConfig, IdError> {
    GENERATOR.configure(worker, epoch_ms)
}

pub fn config() -> Result<IdConfig, IdError> {
    GENERATOR.config()
}

pub fn decode_pk(id: u64) -> DecodedPk {
    GENERATOR.decode(id)
}

pub fn pk_from_timestamp(unix_ms: f64) -> Result<u64, IdError> {
    GENERATOR.pk_from_timestamp(unix_ms)
}
