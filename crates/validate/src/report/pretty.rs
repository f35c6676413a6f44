//! pretty renderer.
