//! Renderers: the report as text for people (`pretty`, tsc-like), and for machines (`json`,
//! `sarif`, `junit`, `github`). Each takes the finished report; none does analysis.

pub mod github;
pub mod json;
pub mod junit;
pub mod pretty;
pub mod sarif;
