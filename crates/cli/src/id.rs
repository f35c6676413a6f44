//! `fixture-native id`: generate Snowflake ids and show what they hold.

use fixture_ids::generator::WorkerIdArg;
use fixture_ids::{DecodedPk, IdError, pk, process};

use crate::CliOutput;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many ids to generate (default 1, or 0 when --decode is given).
    #[arg(long, value_name = "N")]
    count: Option<u32>,
    /// Decode an existing id (decimal, or 0x/0o/0b); repeatable.
    #[arg(long, value_name = "ID")]
    decode: Vec<String>,
    /// Instance id to generate with: 0..4095 or "auto" (default: from the environment).
    #[arg(long, value_name = "N|auto")]
    worker_id: Option<String>,
    /// Epoch in Unix milliseconds (default 1609459200000, 2021-01-01).
    #[arg(long, value_name = "MS")]
    epoch: Option<u64>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// Largest --count: the table is for reading, not for bulk generation (use generatePKs).
const MAX_COUNT: u32 = 100_000;

pub fn run(args: Args, _cwd: &std::path::Path) -> CliOutput {
    match collect(&args) {
        Ok(rows) => CliOutput::ok(if args.json { render_json(&rows) } else { render_table(&rows) }),
        Err(message) => CliOutput::usage_error(format!("fixture-native id: {message}\n")),
    }
}

struct Row {
    id: u64,
    decoded: DecodedPk,
}

fn collect(args: &Args) -> Result<Vec<Row>, String> {
    let text = |e: IdError| e.to_string();
    if args.worker_id.is_some() || args.epoch.is_some() {
        let worker = match args.worker_id.as_deref().map(str::trim) {
            None => WorkerIdArg::Unset,
            Some("auto") => WorkerIdArg::Auto,
            Some(n) => WorkerIdArg::Number(n.parse::<f64>().map_err(|_| format!("--worker-id must be an integer from 0 to 4095 or \"auto\"; got {n:?}"))?),
        };
        process::configure(worker, args.epoch.map(|e| e as f64)).map_err(text)?;
    }
    let count = args.count.unwrap_or(if args.decode.is_empty() { 1 } else { 0 });
    if count > MAX_COUNT {
        return Err(format!("--count must be at most {MAX_COUNT}; got {count}"));
    }
    let mut ids = process::generate_pks(f64::from(count)).map_err(text)?;
    for given in &args.decode {
        ids.push(pk::parse_pk_text(given).map_err(text)?);
    }
    Ok(ids.into_iter().map(|id| Row { id, decoded: process::decode_pk(id) }).collect())
}

fn render_table(rows: &[Row]) -> String {
    let mut out = format!("{:<20}  {:<24}  {:>6}  {:>8}\n", "id", "timestamp (UTC)", "worker", "sequence");
    for row in rows {
        out.push_str(&format!(
            "{:<20}  {:<24}  {:>6}  {:>8}\n",
            row.id,
            iso_utc(row.decoded.timestamp),
            row.decoded.worker_id,
            row.decoded.sequence
        ));
    }
    out
}

fn render_json(rows: &[Row]) -> String {
    let items: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            serde_json::json!({
                // A string: JSON numbers lose precision past 2^53.
                "id": row.id.to_string(),
                "timestamp": row.decoded.timestamp,
                "iso": iso_utc(row.decoded.timestamp),
                "workerId": row.decoded.worker_id,
                "sequence": row.decoded.sequence,
            })
        })
        .collect();
    format!("{}\n", serde_json::Value::Array(items))
}

/// Unix milliseconds as `YYYY-MM-DDTHH:MM:SS.mmmZ` (proleptic Gregorian, UTC).
fn iso_utc(unix_ms: u64) -> String {
    let days = unix_ms / 86_400_000;
    let ms_of_day = unix_ms % 86_400_000;
    let (year, month, day) = civil_date(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        ms_of_day / 3_600_000,
        ms_of_day / 60_000 % 60,
        ms_of_day / 1000 % 60,
        ms_of_day % 1000
    )
}

/// Days since 1970-01-01 to (year, month, day): count 400-year eras of 146,097 days from
/// 0000-03-01, so that leap days fall at the end of each counted year.
fn civil_date(days_since_1970: u64) -> (u64, u64, u64) {
    const DAYS_0000_03_01_TO_1970: u64 = 719_468;
    let days = days_since_1970 + DAYS_0000_03_01_TO_1970;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}


#[cfg(test)]
mod tests {
    use super::*;
    use fixture_ids::layout;

    fn run_args(args: &[&str]) -> CliOutput {
        let argv: Vec<String> = std::iter::once("id").chain(args.iter().copied()).map(String::from).collect();
        crate::run(&argv, std::path::Path::new("."))
    }

    #[test]
    fn iso_dates_at_known_instants() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(layout::DEFAULT_EPOCH_MS), "2021-01-01T00:00:00.000Z");
        assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_utc(4_102_444_799_999), "2099-12-31T23:59:59.999Z");
    }

    #[test]
    fn decode_prints_the_parts_of_a_given_id() {
        // 7 << 10 | 5 at the epoch's first millisecond, 1000 ms later.
        let id = (1000u64 << 22) | (7 << 10) | 5;
        let out = run_args(&["--decode", &id.to_string()]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let line = out.stdout.lines().nth(1).unwrap();
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields, vec![id.to_string().as_str(), "2021-01-01T00:00:01.000Z", "7", "5"]);
    }

    #[test]
    fn generated_ids_are_listed_in_increasing_order_with_json() {
        let out = run_args(&["--count", "3", "--json"]);
        assert_eq!(out.exit_code, 0, "{}", out.stderr);
        let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let ids: Vec<u64> = rows.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().parse().unwrap()).collect();
        assert_eq!(ids.len(), 3);
        assert!(ids[0] < ids[1] && ids[1] < ids[2]);
    }

    #[test]
    fn bad_ids_and_counts_are_usage_errors() {
        let out = run_args(&["--decode", "abc"]);
        assert_eq!(out.exit_code, crate::EXIT_USAGE);
        assert!(out.stderr.contains("from 1 to 18446744073709551615"), "{}", out.stderr);
        let out = run_args(&["--count", "100001"]);
        assert_eq!(out.exit_code, crate::EXIT_USAGE);
        let out = run_args(&["--worker-id", "5000"]);
        assert_eq!(out.exit_code, crate::EXIT_USAGE);
        assert!(out.stderr.contains("0 to 4095"), "{}", out.stderr);
    }
}
