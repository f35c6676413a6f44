//! `fixture-native typemap`.

use crate::CliOutput;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _cwd: &std::path::Path) -> CliOutput {
    CliOutput::usage_error("fixture-native typemap: not implemented yet\n")
}
