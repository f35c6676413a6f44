//! sarif renderer.
