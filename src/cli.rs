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
    let cwd = crate::js_args::cwd_or_process(cwd)?;
    let out = fixture_cli::run(&args, &cwd);
    Ok(CliResult { stdout: out.stdout, stderr: out.stderr, exit_code: out.exit_code })
}
