//! `fixture-native id`.

use crate::CliOutput;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args, _cwd: &std::path::Path) -> CliOutput {
    CliOutput::usage_error("fixture-native id: not implemented yet\n")
}
