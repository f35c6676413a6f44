//! napi bindings for fixture-validate (see crates/validate).
