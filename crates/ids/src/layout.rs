//! The bit layout: 42-bit milliseconds | 12-bit instance id | 10-bit sequence.

/// 2021-01-01T00:00:00Z, the epoch Vrooli configures `nodejs-snowflake` with.
pub const DEFAULT_EPOCH_MS: u64 = 1_609_459_200_000;

pub const TIMESTAMP_BITS: u32 = 42;
pub const WORKER_ID_BITS: u32 = 12;
pub const SEQUENCE_BITS: u32 = 10;

pub const MAX_TIMESTAMP: u64 = (1 << TIMESTAMP_BITS) - 1;
pub const MAX_WORKER_ID: u16 = (1 << WORKER_ID_BITS) - 1;
pub const MAX_SEQUENCE: u16 = (1 << SEQUENCE_BITS) - 1;

const WORKER_SHIFT: u32 = SEQUENCE_BITS;
const TIMESTAMP_SHIFT: u32 = SEQUENCE_BITS + WORKER_ID_BITS;

/// The three fields of an id. `elapsed_ms` is relative to the epoch the id was made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Parts {
    pub elapsed_ms: u64,
    pub worker_id: u16,
    pub sequence: u16,
}

impl Parts {
    /// Packs the fields. The caller keeps each within its width; `debug_assert`s check it.
    pub fn compose(self) -> u64 {
        debug_assert!(self.elapsed_ms <= MAX_TIMESTAMP);
        debug_assert!(self.worker_id <= MAX_WORKER_ID);
        debug_assert!(self.sequence <= MAX_SEQUENCE);
        (self.elapsed_ms << TIMESTAMP_SHIFT) | (u64::from(self.worker_id) << WORKER_SHIFT) | u64::from(self.sequence)
    }

    pub fn split(id: u64) -> Self {
        Self {
            elapsed_ms: id >> TIMESTAMP_SHIFT,
            worker_id: ((id >> WORKER_SHIFT) & u64::from(MAX_WORKER_ID)) as u16,
            sequence: (id & u64::from(MAX_SEQUENCE)) as u16,
        }
    }
}

/// An id read back: `timestamp` is Unix milliseconds (the epoch added back).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodedPk {
    pub timestamp: u64,
    pub worker_id: u16,
    pub sequence: u16,
}

/// Reads an id made with `epoch_ms`.
pub fn decode(id: u64, epoch_ms: u64) -> DecodedPk {
    let parts = Parts::split(id);
    DecodedPk { timestamp: parts.elapsed_ms + epoch_ms, worker_id: parts.worker_id, sequence: parts.sequence }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_and_split_round_trip_at_the_field_limits() {
        for parts in [
            Parts { elapsed_ms: 0, worker_id: 0, sequence: 0 },
            Parts { elapsed_ms: MAX_TIMESTAMP, worker_id: MAX_WORKER_ID, sequence: MAX_SEQUENCE },
            Parts { elapsed_ms: 123_456_789, worker_id: 7, sequence: 1 },
        ] {
            assert_eq!(Parts::split(parts.compose()), parts);
        }
        assert_eq!(Parts { elapsed_ms: MAX_TIMESTAMP, worker_id: MAX_WORKER_ID, sequence: MAX_SEQUENCE }.compose(), u64::MAX);
    }

    #[test]
    fn fields_sit_where_nodejs_snowflake_puts_them() {
        // nodejs-snowflake: idFromTimestamp(epoch) with instance 7 is 7 << 10 = 7168.
        assert_eq!(Parts { elapsed_ms: 0, worker_id: 7, sequence: 0 }.compose(), 7168);
        assert_eq!(Parts { elapsed_ms: 1, worker_id: 0, sequence: 0 }.compose(), 1 << 22);
    }

    #[test]
    fn decode_adds_the_epoch_back() {
        let id = Parts { elapsed_ms: 1000, worker_id: 3, sequence: 9 }.compose();
        assert_eq!(decode(id, DEFAULT_EPOCH_MS), DecodedPk { timestamp: DEFAULT_EPOCH_MS + 1000, worker_id: 3, sequence: 9 });
    }
}
