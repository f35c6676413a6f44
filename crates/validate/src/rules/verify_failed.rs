//! `verify-failed`: A factory method or fixture failed when `verifyFactories` ran it against the database.
//!
//! Only the database can show these faults (a unique value reused by a second call, a `connect` to a
//! row that does not exist, a check constraint, a value longer than its column): the static analysis
//! never reports this code. The runner adapter (`runners/verify.js`) builds these diagnostics, at the
//! factory class's declaration, and renders them with the same reporters as `validate`.

use crate::code::Severity;
use crate::code::{Code, RuleDoc};

pub const DOC: RuleDoc = RuleDoc {
    code: Code::VerifyFailed,
    default_severity: Severity::Error,
    what: "A factory method or fixture failed when `verifyFactories` ran it against the database (reported by verify, not by validate).",
    why: "A unique value reused by a second call, a `connect` to a missing row, a check constraint or a value longer than its column compiles and has the right shape; only the database rejects it, in the middle of someone's test.",
    example: "handle: \"test_user\", // createComplete() a second time: unique constraint failed on (handle)",
    fix: "None: the message says what the database rejected and where.",
};
