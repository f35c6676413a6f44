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
    let typed = facts::typed_fixture_fields(&project.schema, &project.files);
    let report = coverage(&project, &facts, &typed);
    let stdout = match args.format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Pretty => pretty(&report),
    };
    let under = args.min.filter(|min| report.under(*min));
    let stderr = under
        .map(|min| {
            let exact = report.fields_written as f64 * 100.0 / report.fields_total.max(1) as f64;
            format!("fixture-native coverage: {} of {} fields written ({exact:.2}%), under --min {min}\n", report.fields_written, report.fields_total)
        })
        .unwrap_or_default();
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
    if !r.misnamed.is_empty() {
        let each: Vec<String> = r
            .misnamed
            .iter()
            .map(|m| {
                let counted = m.counted_for.as_deref().map(|c| format!("counted for `{c}`")).unwrap_or_else(|| "counted for no model".into());
                format!("{} names `{}` ({counted})", m.class_name, m.named)
            })
            .collect();
        out.push_str(&format!("Factories name models the schema lacks: {}.\n", each.join("; ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn examples() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").canonicalize().unwrap()
    }

    fn cli(args: &[&str]) -> crate::CliOutput {
        let args: Vec<String> = std::iter::once("coverage").chain(args.iter().copied()).map(String::from).collect();
        crate::run(&args, &examples())
    }

    #[test]
    fn clean_example_models_categories_and_field_shares() {
        let out = cli(&["--config", "fixture-native.config.json", "--format", "json"]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let r: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert_eq!(r["modelsTotal"], 12);
        assert_eq!(r["modelsWithFactory"], 12);
        let model = |name: &str| r["models"].as_array().unwrap().iter().find(|m| m["model"] == name).unwrap().clone();
        let team = model("team");
        assert_eq!(team["factories"], serde_json::json!(["TeamDbFactory"]));
        assert_eq!(team["categories"], serde_json::json!(["minimal", "complete", "invalid", "edgeCases", "variants", "updates"]));
        // `members`, `tags` and `creditAccount` are written by nested writes; the back-relations
        // `resources`/`payments` and the timestamps by nothing.
        assert_eq!(team["unwritten"], serde_json::json!(["createdAt", "updatedAt", "resources", "payments"]));
        assert_eq!((team["written"].as_u64(), team["fields"].as_u64()), (Some(8), Some(12)));
        // `accountId` written on the unchecked input counts for the relation `account`.
        assert_eq!(model("credit_ledger_entry")["unwritten"], serde_json::json!([]));
        // Typed fixture modules count too: only userFixtures.ts (`… satisfies Prisma.UserCreateInput`)
        // writes `memberships`.
        assert_eq!(model("User")["unwritten"], serde_json::json!(["createdAt", "updatedAt", "invitedUsers", "tagsCreated", "resources", "payments"]));
        // Nested creates count for the related model (email rows are created inside users too).
        assert_eq!(model("email")["percent"], 100.0);
        let pretty = cli(&["--config", "fixture-native.config.json"]);
        assert!(pretty.stdout.contains("12 of 12 models have a factory; fixtures write 92 of 115 fields (80.0%)."), "{}", pretty.stdout);
    }

    #[test]
    fn min_fails_under_the_share_and_broken_set_lists_models_without_factories() {
        assert_eq!(cli(&["--config", "fixture-native.config.json", "--min", "80"]).exit_code, 0);
        let under = cli(&["--config", "fixture-native.config.json", "--min", "90%"]);
        assert_eq!(under.exit_code, 1);
        assert!(under.stderr.contains("92 of 115 fields written (80.00%), under --min 90"), "{}", under.stderr);
        // Exactly, not the rounded share: 92/115 is 80.0 % to one decimal, 80.0000 % exactly;
        // 80.01 is over it.
        assert_eq!(cli(&["--config", "fixture-native.config.json", "--min", "80.0"]).exit_code, 0);
        assert_eq!(cli(&["--config", "fixture-native.config.json", "--min", "80.01"]).exit_code, 1);
        assert_eq!(cli(&["--config", "fixture-native.config.json", "--min", "120"]).exit_code, 2);
        let broken = cli(&["--config", "broken.config.json"]);
        assert_eq!(broken.exit_code, 0);
        assert!(broken.stdout.contains("\nteam "), "{}", broken.stdout);
        assert!(broken.stdout.lines().any(|l| l.starts_with("team ") && l.ends_with("(no factory)")), "{}", broken.stdout);
        assert!(broken.stdout.contains("Factories name models the schema lacks: UserDbFactory names `user` (counted for `User`)."), "{}", broken.stdout);
        assert_eq!(cli(&["--config", "no-such.json"]).exit_code, 2);
    }
}
