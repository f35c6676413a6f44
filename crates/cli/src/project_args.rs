//! The options that locate a project (schema, factories, config, base class), shared by the
//! commands that read factories besides `validate`.

use std::path::{Path, PathBuf};

use fixture_validate::{Options, SchemaOption};

#[derive(Debug, Clone, clap::Args)]
pub struct ProjectArgs {
    /// The Prisma schema: a .prisma file or a folder of them (default: from the config, else found as the Prisma CLI does).
    #[arg(long, value_name = "PATH")]
    pub schema: Option<PathBuf>,
    /// Factories folder, file or glob; repeatable (default: from the config, else the folder holding the base class).
    #[arg(long, value_name = "PATH|GLOB")]
    pub factories: Vec<String>,
    /// A fixture-native.config.json (default: found from the working directory upwards, or package.json "fixtureNative").
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The base class factories extend (default EnhancedDatabaseFactory; abstract classes of the files whose subclasses name a model are bases too).
    #[arg(long, value_name = "NAME")]
    pub base_class: Option<String>,
}

impl ProjectArgs {
    pub fn options(&self, cwd: &Path) -> Options {
        Options {
            cwd: cwd.to_path_buf(),
            config: self.config.clone(),
            schema: self.schema.as_ref().map(|p| SchemaOption::Path(cwd.join(p))),
            factories: self.factories.clone(),
            base_class: self.base_class.clone(),
            ..Default::default()
        }
    }
}
