//! What a subcommand returns: its output and exit code (the JS `bin` prints and exits).

/// Exit codes follow tsc/eslint: 0 clean, 1 findings, 2 bad usage or unreadable input.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CliOutput {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

impl CliOutput {
    pub fn ok(stdout: String) -> Self {
        Self { stdout, stderr: String::new(), exit_code: EXIT_OK }
    }
    pub fn usage_error(message: impl Into<String>) -> Self {
        Self { stdout: String::new(), stderr: message.into(), exit_code: EXIT_USAGE }
    }
}
