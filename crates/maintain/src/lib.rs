//! Keeping fixtures in step with the schema: applying the validator's certain fixes (`fix`),
//! what a schema change breaks (`diff`), which fields fixtures exercise (`coverage`), and a
//! reference of every factory (`docs`). Plain Rust; the CLI and the napi layer only render
//! and convert.

pub mod coverage;
pub mod diff;
pub mod docs;
pub mod facts;
pub mod fix;
pub mod project;
