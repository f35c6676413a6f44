//! Which instance id this process uses when the caller names none.
//!
//! Order: `FIXTURE_NATIVE_WORKER_ID` (an integer or `auto`); else the test runner's worker number
//! (`JEST_WORKER_ID`, then `VITEST_POOL_ID`, both 1-based) placed at the start of the range; else
//! the first id of the range. The range is `FIXTURE_NATIVE_WORKER_RANGE=first-last` (default
//! `1-4095`, so the defaults match Vrooli's instance id 1): CI shards sharing one database give
//! each shard its own range.

use crate::error::IdError;
use crate::layout::MAX_WORKER_ID;

pub const WORKER_ID_VAR: &str = "FIXTURE_NATIVE_WORKER_ID";
pub const WORKER_RANGE_VAR: &str = "FIXTURE_NATIVE_WORKER_RANGE";
pub const JEST_WORKER_VAR: &str = "JEST_WORKER_ID";
pub const VITEST_POOL_VAR: &str = "VITEST_POOL_ID";

/// Inclusive range of instance ids this process may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerRange {
    pub first: u16,
    pub last: u16,
}

impl WorkerRange {
    pub const DEFAULT: WorkerRange = WorkerRange { first: 1, last: MAX_WORKER_ID };

    pub fn contains(self, id: u16) -> bool {
        (self.first..=self.last).contains(&id)
    }

    /// Parses `first-last` (or a single id).
    pub fn parse(text: &str) -> Option<WorkerRange> {
        let text = text.trim();
        let (first, last) = match text.split_once('-') {
            Some((first, last)) => (parse_id(first)?, parse_id(last)?),
            None => {
                let id = parse_id(text)?;
                (id, id)
            }
        };
        (first <= last).then_some(WorkerRange { first, last })
    }
}

/// How an instance id was chosen; reported by `idGeneratorConfig()` so a test can say why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerSource {
    /// Passed to `initIdGenerator` / `configureIdGenerator`.
    Argument,
    /// Read from an environment variable.
    Environment(&'static str),
    /// Leased through a lock file (`workerId: "auto"`).
    Lease { path: String },
    /// Nothing said anything: the first id of the range.
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerAssignment {
    pub worker_id: u16,
    pub source: WorkerSource,
}

/// What the environment asks for: a fixed id, or a lease from a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerRequest {
    Fixed(WorkerAssignment),
    Lease(WorkerRange),
}

fn parse_id(text: &str) -> Option<u16> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u16>().ok().filter(|id| *id <= MAX_WORKER_ID)
}

/// The lease range from the environment.
pub fn range_from_env(var: &dyn Fn(&str) -> Option<String>) -> Result<WorkerRange, IdError> {
    match var(WORKER_RANGE_VAR) {
        None => Ok(WorkerRange::DEFAULT),
        Some(text) => WorkerRange::parse(&text).ok_or(IdError::BadEnvironment {
            variable: WORKER_RANGE_VAR,
            value: text,
            allowed: "use first-last with 0 <= first <= last <= 4095, e.g. 1024-2047",
        }),
    }
}

/// Reads the environment (through `var`, so tests need not touch the real one).
pub fn request_from_env(var: &dyn Fn(&str) -> Option<String>) -> Result<WorkerRequest, IdError> {
    let range = range_from_env(var)?;
    if let Some(text) = var(WORKER_ID_VAR) {
        if text.trim().eq_ignore_ascii_case("auto") {
            return Ok(WorkerRequest::Lease(range));
        }
        return match parse_id(&text) {
            Some(worker_id) => Ok(WorkerRequest::Fixed(WorkerAssignment {
                worker_id,
                source: WorkerSource::Environment(WORKER_ID_VAR),
            })),
            None => Err(IdError::BadEnvironment {
                variable: WORKER_ID_VAR,
                value: text,
                allowed: "use an integer from 0 to 4095 or \"auto\"",
            }),
        };
    }
    for variable in [JEST_WORKER_VAR, VITEST_POOL_VAR] {
        let Some(text) = var(variable) else { continue };
        let slot = text.trim().parse::<u32>().ok().filter(|n| *n >= 1);
        let worker_id = slot.and_then(|n| u32::from(range.first).checked_add(n - 1)).filter(|id| *id <= u32::from(range.last));
        return match worker_id {
            Some(id) => Ok(WorkerRequest::Fixed(WorkerAssignment { worker_id: id as u16, source: WorkerSource::Environment(variable) })),
            None => Err(IdError::BadEnvironment {
                variable,
                value: text,
                allowed: "the test runner's worker number (from 1) must fit in FIXTURE_NATIVE_WORKER_RANGE; \
                          widen the range, or set FIXTURE_NATIVE_WORKER_ID (a number or \"auto\")",
            }),
        };
    }
    Ok(WorkerRequest::Fixed(WorkerAssignment { worker_id: range.first, source: WorkerSource::Default }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    fn fixed(id: u16, source: WorkerSource) -> WorkerRequest {
        WorkerRequest::Fixed(WorkerAssignment { worker_id: id, source })
    }

    #[test]
    fn nothing_set_means_instance_one_like_vrooli() {
        assert_eq!(request_from_env(&env(&[])), Ok(fixed(1, WorkerSource::Default)));
    }

    #[test]
    fn the_explicit_variable_wins_over_the_test_runner() {
        let vars = env(&[(WORKER_ID_VAR, "42"), (JEST_WORKER_VAR, "3")]);
        assert_eq!(request_from_env(&vars), Ok(fixed(42, WorkerSource::Environment(WORKER_ID_VAR))));
        let vars = env(&[(WORKER_ID_VAR, " AUTO "), (JEST_WORKER_VAR, "3")]);
        assert_eq!(request_from_env(&vars), Ok(WorkerRequest::Lease(WorkerRange::DEFAULT)));
    }

    #[test]
    fn jest_and_vitest_workers_get_distinct_ids_from_the_range_start() {
        assert_eq!(request_from_env(&env(&[(JEST_WORKER_VAR, "3")])), Ok(fixed(3, WorkerSource::Environment(JEST_WORKER_VAR))));
        assert_eq!(request_from_env(&env(&[(VITEST_POOL_VAR, "2")])), Ok(fixed(2, WorkerSource::Environment(VITEST_POOL_VAR))));
        let shard = env(&[(WORKER_RANGE_VAR, "1024-2047"), (JEST_WORKER_VAR, "1")]);
        assert_eq!(request_from_env(&shard), Ok(fixed(1024, WorkerSource::Environment(JEST_WORKER_VAR))));
        let shard = env(&[(WORKER_RANGE_VAR, "1024-2047")]);
        assert_eq!(request_from_env(&shard), Ok(fixed(1024, WorkerSource::Default)));
    }

    #[test]
    fn a_worker_number_past_the_range_is_an_error_naming_the_variable() {
        let vars = env(&[(WORKER_RANGE_VAR, "10-11"), (JEST_WORKER_VAR, "3")]);
        let err = request_from_env(&vars).unwrap_err();
        assert!(err.to_string().contains("JEST_WORKER_ID=\"3\""), "{err}");
        assert!(request_from_env(&env(&[(JEST_WORKER_VAR, "0")])).is_err());
        assert!(request_from_env(&env(&[(VITEST_POOL_VAR, "x")])).is_err());
    }

    #[test]
    fn bad_values_are_errors_that_say_what_is_allowed() {
        for bad in ["4096", "-1", "1.5", "", "one", "0x10"] {
            let err = request_from_env(&env(&[(WORKER_ID_VAR, bad)])).unwrap_err();
            assert!(err.to_string().contains("from 0 to 4095"), "{bad}: {err}");
        }
        for bad in ["5-4", "0-4096", "a-b", "-", ""] {
            let err = request_from_env(&env(&[(WORKER_RANGE_VAR, bad)])).unwrap_err();
            assert!(err.to_string().contains("first-last"), "{bad}: {err}");
        }
    }

    #[test]
    fn ranges_parse_single_ids_and_spans() {
        assert_eq!(WorkerRange::parse("7"), Some(WorkerRange { first: 7, last: 7 }));
        assert_eq!(WorkerRange::parse(" 0 - 4095 "), Some(WorkerRange { first: 0, last: 4095 }));
    }
}
