//! Fixture factory validator.
