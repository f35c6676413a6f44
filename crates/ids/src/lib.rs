//! Snowflake ids in the layout `nodejs-snowflake` 2.x uses (as Vrooli configures it), plus the
//! public-id helpers `@vrooli/shared` exports next to them.
//!
//! An id is a `u64`: bits 63..22 hold milliseconds since the epoch (default 2021-01-01T00:00:00Z),
//! bits 21..10 the instance (worker) id, bits 9..0 a per-millisecond sequence.
//!
//! [`process`] is the one generator of the process (what the napi layer exposes), reading time
//! through [`CounterClock`]; [`Generator`] is the same machine over any [`Clock`], for tests.

pub mod bigint_text;
pub mod clock;
pub mod counter_clock;
pub mod error;
pub mod generator;
pub mod layout;
pub mod lease;
pub mod pk;
pub mod process;
pub mod public_id;
pub mod worker_id;

pub use clock::{Clock, SystemClock};
pub use counter_clock::CounterClock;
pub use error::{ErrorKind, IdError};
pub use generator::{Generator, IdConfig};
pub use layout::{DEFAULT_EPOCH_MS, DecodedPk, MAX_WORKER_ID};
pub use worker_id::{WorkerAssignment, WorkerRange, WorkerSource};

/// The placeholder id fixtures use before an id is assigned (`@vrooli/shared`'s `DUMMY_ID`).
pub const DUMMY_ID: &str = "0";
