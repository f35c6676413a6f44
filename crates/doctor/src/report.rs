//! Renderers: `pretty` (one block per finding, then a summary), `json` (the report as data) and
//! `markdown` (the audit table the repair plan asks for, then the findings).

use std::fmt::Write;

use crate::{Report, Severity};

fn rel<'a>(report: &Report, file: &'a str) -> &'a str {
    file.strip_prefix(&report.root)
        .map(|r| r.trim_start_matches('/'))
        .filter(|r| !r.is_empty())
        .unwrap_or(file)
}

fn location(report: &Report, file: &str, line: u32) -> String {
    if line > 0 {
        format!("{}:{line}", rel(report, file))
    } else {
        rel(report, file).to_string()
    }
}

pub fn pretty(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "{} - {sev} {}: {}",
            location(report, &f.file, f.line),
            f.code.as_str(),
            f.message
        );
        let _ = writeln!(out, "  fix: {}\n", f.fix);
    }
    let _ = writeln!(
        out,
        "tsconfigs: {} in {} packages",
        report.tsconfigs.len(),
        report.packages.len()
    );
    for c in &report.prisma_clients {
        let state = match (c.exists, c.fresh) {
            (false, _) => "missing",
            (true, Some(true)) => "current",
            (true, Some(false)) => "stale",
            (true, None) => "present (freshness unknown)",
        };
        let _ = writeln!(
            out,
            "prisma client: {} ({} `{}`) -> {}: {state}",
            c.schema, c.provider, c.generator, c.output
        );
    }
    if let Some(chain) = &report.id_chain {
        let _ = writeln!(
            out,
            "id chain: {}:{} imports \"{}\" -> {} -> {}{}",
            chain.from,
            chain.line,
            chain.specifier,
            chain
                .runtime_entry
                .as_deref()
                .or(chain.types_entry.as_deref())
                .unwrap_or("(unresolved)"),
            chain
                .declared_in
                .as_deref()
                .unwrap_or("(declaration not found)"),
            if chain.ok { "" } else { " [broken]" }
        );
    }
    for n in &report.notes {
        let _ = writeln!(out, "note: {n}");
    }
    let _ = writeln!(
        out,
        "{} error(s), {} warning(s) in {:.1} ms",
        report.errors(),
        report.warnings(),
        report.duration_ms
    );
    out
}

pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default() + "\n"
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# fixture-native doctor\n");
    let _ = writeln!(out, "## TypeScript configurations\n");
    let _ = writeln!(
        out,
        "| package | tsconfig | extends | target | module | moduleResolution | lib | findings |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for r in &report.tsconfigs {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.package),
            cell(&r.file),
            cell(&if r.extends.is_empty() {
                "-".into()
            } else {
                r.extends.join(" → ")
            }),
            cell(&r.target),
            cell(&r.module),
            cell(&r.module_resolution),
            cell(&r.lib.join(", ")),
            cell(&if r.findings.is_empty() {
                "ok".into()
            } else {
                r.findings.join(", ")
            })
        );
    }
    if !report.prisma_clients.is_empty() {
        let _ = writeln!(out, "\n## Prisma clients\n");
        let _ = writeln!(
            out,
            "| schema | generator | provider | output | exists | current |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for c in &report.prisma_clients {
            let fresh = match c.fresh {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {fresh} |",
                cell(&c.schema),
                cell(&c.generator),
                c.provider,
                cell(&c.output),
                if c.exists { "yes" } else { "no" }
            );
        }
    }
    if let Some(c) = &report.id_chain {
        let _ = writeln!(out, "\n## Id import chain\n");
        let _ = writeln!(out, "| step | value |\n|---|---|");
        let rows = [
            ("imported in", Some(format!("{}:{}", c.from, c.line))),
            ("specifier", Some(c.specifier.clone())),
            ("resolved via", c.resolved_via.clone()),
            ("package", c.package.clone()),
            ("types entry", c.types_entry.clone()),
            ("run-time entry", c.runtime_entry.clone()),
            ("source entry", c.source_entry.clone()),
            ("declared in", c.declared_in.clone()),
            (
                "status",
                Some(if c.ok { "ok".into() } else { "broken".into() }),
            ),
        ];
        for (k, v) in rows {
            let _ = writeln!(out, "| {k} | {} |", cell(&v.unwrap_or_else(|| "-".into())));
        }
    }
    let _ = writeln!(out, "\n## Findings\n");
    if report.findings.is_empty() {
        let _ = writeln!(out, "None.");
    }
    for f in &report.findings {
        let _ = writeln!(
            out,
            "- **{}** `{}` {}: {}\n  - fix: {}",
            f.code.as_str(),
            location(report, &f.file, f.line),
            match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            f.message,
            f.fix
        );
    }
    for n in &report.notes {
        let _ = writeln!(out, "\n> note: {n}");
    }
    out
}
