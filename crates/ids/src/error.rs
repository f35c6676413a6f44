//! Errors, typed so the napi layer can throw the JS class that fits (`RangeError`, `TypeError`).

use std::fmt;

/// The largest `generatePKs` batch: ten seconds of ids at the layout's ceiling, 80 MB. Here, with
/// the errors that name it (the generator checks it).
pub const MAX_BATCH: u64 = 10_000_000;
/// Longest `generatePublicId(length)`; far past any use, short of an accidental huge allocation.
pub const MAX_PUBLIC_ID_LENGTH: u64 = 1024;

/// Which JS error class an [`IdError`] maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An argument of the right type with a value outside what is allowed.
    Range,
    /// An argument of the wrong type.
    Type,
    /// Not an argument problem: the environment, the file system, the clock running out.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// `workerId` argument: a number that is not an integer in 0..=4095.
    WorkerIdOutOfRange { got: String },
    /// `workerId` argument of a type other than number or the string "auto".
    WorkerIdType { got: String },
    /// `epoch` argument: not an integer, before 1970, or after `now_ms`.
    EpochOutOfRange { got: String, now_ms: u64 },
    /// `count` argument of `generatePKs`.
    CountOutOfRange { got: String },
    /// `pkFromTimestamp` argument outside the span the 42-bit field can hold for this epoch.
    TimestampOutOfRange { got: String, min_ms: u64, max_ms: u64 },
    /// An id (bigint or string) that is not in 1..=2^64-1 or not a BigInt literal.
    PkOutOfRange { got: String },
    /// `generatePublicId` length.
    PublicIdLengthOutOfRange { got: String },
    /// An argument whose JS type is wrong (named by the napi layer).
    WrongType { argument: &'static str, expected: &'static str, got: String },
    /// An environment variable the instance id is read from holds something unusable.
    BadEnvironment { variable: &'static str, value: String, allowed: &'static str },
    /// Every instance id of the lease range is held by a live process on this machine.
    NoFreeWorkerId { first: u16, last: u16, dir: String },
    /// The lease directory could not be used.
    LeaseIo { dir: String, message: String },
    /// The 42-bit timestamp field is full (about 139 years after the epoch).
    TimestampExhausted { epoch_ms: u64 },
    /// The operating system's random source failed.
    Random { message: String },
}

impl IdError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            IdError::WorkerIdOutOfRange { .. }
            | IdError::EpochOutOfRange { .. }
            | IdError::CountOutOfRange { .. }
            | IdError::TimestampOutOfRange { .. }
            | IdError::PkOutOfRange { .. }
            | IdError::PublicIdLengthOutOfRange { .. } => ErrorKind::Range,
            IdError::WorkerIdType { .. } | IdError::WrongType { .. } => ErrorKind::Type,
            IdError::BadEnvironment { .. }
            | IdError::NoFreeWorkerId { .. }
            | IdError::LeaseIo { .. }
            | IdError::TimestampExhausted { .. }
            | IdError::Random { .. } => ErrorKind::Other,
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::WorkerIdOutOfRange { got } => {
                write!(f, "workerId must be an integer from 0 to 4095 or \"auto\"; got {got}")
            }
            IdError::WorkerIdType { got } => {
                write!(f, "workerId must be a number (an integer from 0 to 4095) or the string \"auto\"; got {got}")
            }
            IdError::EpochOutOfRange { got, now_ms } => write!(
                f,
                "epoch must be an integer number of Unix milliseconds from 0 (1970) to now ({now_ms}); got {got}"
            ),
            IdError::CountOutOfRange { got } => write!(
                f,
                "count must be an integer from 0 to {}; got {got}",
                MAX_BATCH
            ),
            IdError::TimestampOutOfRange { got, min_ms, max_ms } => write!(
                f,
                "unixMs must be an integer from {min_ms} (the epoch) to {max_ms} (the last millisecond the 42-bit field holds); got {got}"
            ),
            IdError::PkOutOfRange { got } => write!(
                f,
                "an id must be a bigint or an integer string from 1 to 18446744073709551615 (2^64-1); got {got}"
            ),
            IdError::PublicIdLengthOutOfRange { got } => write!(
                f,
                "length must be an integer from 1 to {}; got {got}",
                MAX_PUBLIC_ID_LENGTH
            ),
            IdError::WrongType { argument, expected, got } => write!(f, "{argument} must be {expected}; got {got}"),
            IdError::BadEnvironment { variable, value, allowed } => {
                write!(f, "environment variable {variable}={value:?} is not usable: {allowed}")
            }
            IdError::NoFreeWorkerId { first, last, dir } => write!(
                f,
                "workerId \"auto\": every instance id from {first} to {last} is leased by a live process (lock files in {dir}); \
                 widen FIXTURE_NATIVE_WORKER_RANGE or stop the other processes"
            ),
            IdError::LeaseIo { dir, message } => write!(
                f,
                "workerId \"auto\": cannot use the lease directory {dir}: {message}; set FIXTURE_NATIVE_LEASE_DIR to a writable directory"
            ),
            IdError::TimestampExhausted { epoch_ms } => write!(
                f,
                "the 42-bit timestamp field is exhausted for epoch {epoch_ms}; configure a later epoch"
            ),
            IdError::Random { message } => write!(f, "the operating system's random source failed: {message}"),
        }
    }
}

impl std::error::Error for IdError {}

/// Renders a JS number argument for a message: integers without a fraction, the rest as Rust prints them.
pub fn describe_number(value: f64) -> String {
    if value.is_finite() && value.fract() == 0.0 && value.abs() < 1e21 {
        format!("{value:.0}")
    } else if value.is_nan() {
        "NaN".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "Infinity".to_string() } else { "-Infinity".to_string() }
    } else {
        value.to_string()
    }
}

/// Converts a JS number to an integer in `min..=max`, or `None` if it is not one.
pub fn integer_in(value: f64, min: u64, max: u64) -> Option<u64> {
    if !value.is_finite() || value.fract() != 0.0 || value < min as f64 || value > max as f64 {
        return None;
    }
    Some(value as u64)
}
