//! A test hook: a Rust panic on demand, so tests can prove that a panic in any export becomes a JS
//! `Error` and the Node process lives on. Present in every build because CI compares index.js and
//! index.d.ts with a fresh release build; it does nothing but panic.

/// Testing only: panics inside Rust with `message`. The call throws an `Error`; nothing else happens.
#[napi(catch_unwind, js_name = "__panicForTesting")]
pub fn panic_for_testing(message: String) {
    panic!("{message}")
}
