//! napi bindings for fixture-doctor (see crates/doctor): option and report conversion only.

use fixture_doctor::{Options, doctor as run_doctor};

#[napi(object)]
#[derive(Default)]
pub struct DoctorOptions {
    /// The workspace root, or a folder inside it (the root is found upwards); default `process.cwd()`.
    pub root: Option<String>,
    /// The factories folder (default: `factories` of fixture-native.config.json).
    pub factories: Option<String>,
    /// The package the factories import the id function from (default `"@vrooli/shared"`).
    pub id_package: Option<String>,
    /// The id function's name (default `"generatePK"`).
    pub id_export: Option<String>,
    /// The Prisma schema (default: found per package as the Prisma CLI does).
    pub schema: Option<String>,
}

/// One environment fault, with the command or edit that fixes it.
#[napi(object)]
pub struct DoctorFinding {
    #[napi(ts_type = "'tsconfig-invalid' | 'tsconfig-extends-unresolved' | 'target-below-es2020' | 'test-config-mismatch' | 'module-interop' | 'prisma-schema-invalid' | 'prisma-client-missing' | 'prisma-client-stale' | 'id-import-unresolved' | 'id-entry-missing' | 'id-export-missing' | 'id-build-stale' | 'id-import-cycle' | 'runner-global-setup'")]
    pub code: String,
    #[napi(ts_type = "'error' | 'warning'")]
    pub severity: String,
    /// Absolute path.
    pub file: String,
    /// 1-based; 0 when the finding is about the whole file.
    pub line: u32,
    pub message: String,
    pub fix: String,
}

#[napi(object)]
pub struct DoctorPackage {
    pub name: String,
    /// Relative to the root.
    pub dir: String,
}

/// One row of the tsconfig audit: effective options after `extends`.
#[napi(object)]
pub struct DoctorTsconfig {
    pub package: String,
    pub file: String,
    /// The files it extends, nearest first.
    pub extends: Vec<String>,
    pub target: String,
    pub module: String,
    pub module_resolution: String,
    pub lib: Vec<String>,
    /// Codes of the findings on this file.
    pub findings: Vec<String>,
}

#[napi(object)]
pub struct DoctorPrismaClient {
    pub schema: String,
    pub generator: String,
    pub provider: String,
    pub output: String,
    pub exists: bool,
    /// `true` generated from the schema on disk, `false` from another, `null` unknown.
    pub fresh: Option<bool>,
}

#[napi(object)]
pub struct DoctorIdChain {
    pub from: String,
    pub line: u32,
    pub specifier: String,
    pub resolved_via: Option<String>,
    pub package: Option<String>,
    pub types_entry: Option<String>,
    pub runtime_entry: Option<String>,
    pub source_entry: Option<String>,
    pub declared_in: Option<String>,
    pub ok: bool,
}

#[napi(object)]
pub struct DoctorReport {
    /// `false` iff an error-severity finding exists.
    pub ok: bool,
    pub duration_ms: f64,
    pub root: String,
    pub packages: Vec<DoctorPackage>,
    pub tsconfigs: Vec<DoctorTsconfig>,
    pub prisma_clients: Vec<DoctorPrismaClient>,
    pub id_chain: Option<DoctorIdChain>,
    /// Sorted by file and line.
    pub findings: Vec<DoctorFinding>,
    /// What was not examined and why.
    pub notes: Vec<String>,
}

/// Finds the environment faults behind broken fixtures: tsconfig targets, Prisma client
/// freshness, the id import chain and runner wiring. Throws only for a missing root or path.
#[napi(catch_unwind)]
pub fn doctor(options: Option<DoctorOptions>) -> napi::Result<DoctorReport> {
    let o = options.unwrap_or_default();
    let cwd = crate::js_args::cwd_or_process(None)?;
    let mut core = Options::new(o.root.map(|r| cwd.join(r)).unwrap_or(cwd.clone()));
    core.factories = o.factories.map(|f| cwd.join(f));
    core.schema = o.schema.map(|s| cwd.join(s));
    if let Some(p) = o.id_package {
        core.id_package = p;
    }
    if let Some(e) = o.id_export {
        core.id_export = e;
    }
    let r = run_doctor(&core).map_err(napi::Error::from_reason)?;
    Ok(DoctorReport {
        ok: r.ok,
        duration_ms: r.duration_ms,
        root: r.root,
        packages: r.packages.into_iter().map(|p| DoctorPackage { name: p.name, dir: p.dir }).collect(),
        tsconfigs: r
            .tsconfigs
            .into_iter()
            .map(|t| DoctorTsconfig { package: t.package, file: t.file, extends: t.extends, target: t.target, module: t.module, module_resolution: t.module_resolution, lib: t.lib, findings: t.findings })
            .collect(),
        prisma_clients: r
            .prisma_clients
            .into_iter()
            .map(|c| DoctorPrismaClient { schema: c.schema, generator: c.generator, provider: c.provider, output: c.output, exists: c.exists, fresh: c.fresh })
            .collect(),
        id_chain: r.id_chain.map(|c| DoctorIdChain {
            from: c.from,
            line: c.line,
            specifier: c.specifier,
            resolved_via: c.resolved_via,
            package: c.package,
            types_entry: c.types_entry,
            runtime_entry: c.runtime_entry,
            source_entry: c.source_entry,
            declared_in: c.declared_in,
            ok: c.ok,
        }),
        findings: r
            .findings
            .into_iter()
            .map(|f| DoctorFinding {
                code: f.code.as_str().to_string(),
                severity: match f.severity {
                    fixture_doctor::Severity::Error => "error".into(),
                    fixture_doctor::Severity::Warning => "warning".into(),
                },
                file: f.file,
                line: f.line,
                message: f.message,
                fix: f.fix,
            })
            .collect(),
        notes: r.notes,
    })
}
