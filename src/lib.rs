//! napi layer: converts between JS values and the plain-Rust crates under `crates/`, nothing
//! more. Every export is `catch_unwind` so that a Rust panic surfaces as a JS exception.
#![deny(clippy::all)]

#[macro_use]
extern crate napi_derive;

mod cli;
mod generate;

mod doctor;
mod ids;
mod js_args;
mod panic_probe;
mod project;

mod maintain;
mod schema;
mod serde_js;
mod session;
mod watch;
mod validate;

/// The allocator of the addon's Rust code. A full validation makes many small, short-lived
/// allocations (names, findings, the schema's type-name universe), where mimalloc costs a fraction
/// of the system allocator (`bench/validate.mjs`); memory JS owns is not affected.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
