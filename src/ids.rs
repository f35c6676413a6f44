//! napi bindings for fixture-ids (see crates/ids).
