//! `fixture-native coverage`: models with and without factories, the fixture categories of
//! each, and the share of each model's fields the fixtures write.
//!
//! Exit codes: 0, 1 when the field share is under `--min`, 2 bad usage or unreadable input.

use std::path::Path;

use fixture_maintain::coverage::{CoverageReport, coverage};
use fixture_maintain::{facts, project};

use crate::project_args::ProjectArgs;
use crate::{CliOutput, EXIT_FINDINGS, EXIT_OK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table per model and a total.
    Pretty,
    /// The report as JSON.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    project: ProjectArgs,
    /// Exit 1 when the share of fields written (all models) is under this percentage.
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    min: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pretty")]
    format: Format,
}

fn parse_percent(text: &str) -> Result<f64, String> {
    let value: f64 = text.trim_end_matches('%').parse().map_err(|_| format!("\"{text}\" is not a number"))?;
    if (0.0..=100.0).contains(&value) { Ok(value) } else { Err(format!("{value} is not between 0 and 100")) }
}

pub fn run(args: Args, cwd: &Path) -> CliOutput {
    let project = match project::load(&args.project.options(cwd)) {
        Ok(p) => p,
        Err(e) => return CliOutput::usage_error(format!("fixture-native coverage: {e}\n")),
    };
    let facts = facts::collect(&project.schema, &project.report.factories, &project.categories);
    let report = coverage(&project, &facts);
    let stdout = match args.format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Pretty => pretty(&report),
    };
    let under = args.min.filter(|min| report.percent < *min);
    let stderr = under.map(|min| format!("fixture-native coverage: {:.1}% of fields written, under --min {min}\n", report.percent)).unwrap_or_default();
    CliOutput { stdout, stderr, exit_code: if under.is_some() { EXIT_FINDINGS } else { EXIT_OK } }
}

fn pretty(r: &CoverageReport) -> String {
    let width = r.models.iter().map(|m| m.model.len()).max().unwrap_or(5).max(5);
    let mut out = format!("{:<width$}  {:>6}  {:>7}  factory / categories\n", "model", "fields", "written");
    for m in &r.models {
        let who = if m.factories.is_empty() { "(no factory)".to_string() } else { format!("{} [{}]", m.factories.join(", "), m.categories.join(", ")) };
        out.push_str(&format!("{:<width$}  {:>2}/{:<3}  {:>6.1}%  {who}\n", m.model, m.written, m.fields, m.percent));
    }
    out.push_str(&format!(
        "\n{} of {} models have a factory; fixtures write {} of {} fields ({:.1}%).\n",
        r.models_with_factory, r.models_total, r.fields_written, r.fields_total, r.percent
    ));
    if !r.unknown_models.is_empty() {
        out.push_str(&format!("Factories name models the schema lacks: {}.\n", r.unknown_models.join(", ")));
    }
    out
}
