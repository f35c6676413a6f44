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

mod maintain;
mod schema;
mod serde_js;
mod session;
mod watch;
mod validate;
