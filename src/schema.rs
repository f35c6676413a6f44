//! napi bindings for fixture-schema (see crates/schema).
