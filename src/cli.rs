//! `runCli`: the JS `bin` hands its argv here and writes what comes back.

#[napi(object)]
pub struct CliResult {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Runs the `fixture-native` command line in-process. Writes nothing to the terminal itself.
#[napi(catch_unwind)]
pub fn run_cli(args: Vec<String>, cwd: Option<String>) -> napi::Result<CliResult> {
    let cwd = match cwd {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}")))?,
    };
    let out = fixture_cli::run(&args, &cwd);
    Ok(CliResult { stdout: out.stdout, stderr: out.stderr, exit_code: out.exit_code })
}
