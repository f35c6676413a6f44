//! Findings are data: a code, a severity, where, what is wrong and the exact fix.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// A tsconfig that cannot be read, is not JSONC, or has an `extends` cycle.
    TsconfigInvalid,
    /// An `extends` that resolves to no file.
    TsconfigExtendsUnresolved,
    /// A config below ES2020 whose files use BigInt literals or the id API.
    TargetBelowEs2020,
    /// A test config (tsconfig.test.json, a Jest/Vitest transform) that compiles differently from the package's own.
    TestConfigMismatch,
    /// A package whose emitted module system cannot load a workspace dependency's.
    ModuleInterop,
    /// A schema Prisma rejects: `prisma generate` fails on it, so no client can be current.
    PrismaSchemaInvalid,
    /// No generated Prisma client where the generator writes it.
    PrismaClientMissing,
    /// The generated client embeds another schema than the one on disk.
    PrismaClientStale,
    /// The id package cannot be resolved from the factories.
    IdImportUnresolved,
    /// The id package resolves to files that do not exist (an absent build).
    IdEntryMissing,
    /// The resolved id module does not export the id function.
    IdExportMissing,
    /// The id package's build output is older than its sources.
    IdBuildStale,
    /// An import cycle through the id module chain.
    IdImportCycle,
    /// A Jest/Vitest config that does not run this package's globalSetup.
    RunnerGlobalSetup,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TsconfigInvalid => "tsconfig-invalid",
            Self::TsconfigExtendsUnresolved => "tsconfig-extends-unresolved",
            Self::TargetBelowEs2020 => "target-below-es2020",
            Self::TestConfigMismatch => "test-config-mismatch",
            Self::ModuleInterop => "module-interop",
            Self::PrismaSchemaInvalid => "prisma-schema-invalid",
            Self::PrismaClientMissing => "prisma-client-missing",
            Self::PrismaClientStale => "prisma-client-stale",
            Self::IdImportUnresolved => "id-import-unresolved",
            Self::IdEntryMissing => "id-entry-missing",
            Self::IdExportMissing => "id-export-missing",
            Self::IdBuildStale => "id-build-stale",
            Self::IdImportCycle => "id-import-cycle",
            Self::RunnerGlobalSetup => "runner-global-setup",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// Absolute path.
    pub file: String,
    /// 1-based; 0 when the finding is about the whole file.
    pub line: u32,
    pub message: String,
    /// The exact command or edit that fixes it.
    pub fix: String,
}

impl Finding {
    pub fn new(
        code: Code,
        severity: Severity,
        file: &std::path::Path,
        line: u32,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            file: file.display().to_string(),
            line,
            message: message.into(),
            fix: fix.into(),
        }
    }
}
