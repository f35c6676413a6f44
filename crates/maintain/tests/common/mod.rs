//! What the integration tests share.

pub use fixture_test_support::copy_dir;
