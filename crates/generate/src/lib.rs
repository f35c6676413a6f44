//! `fixture-native generate`: writes a database fixture factory for a Prisma model in the house
//! style of the project (see [`style`]), from the resolved schema (`fixture-schema`).
//!
//! - [`read_style`] reads the style from the factories a project already has.
//! - [`generate`] renders one model's factory: imports, the base class with its type arguments,
//!   `super("<model>", prisma)`, the delegate, `generateMinimalData`, `generateCompleteData`,
//!   `getFixtures()` with every required category, and a `createFor<Relation>(id)` helper per
//!   to-one relation (a child for an existing parent).
//! - [`class_name`] / [`file_name`]: `tag_translation` -> `TagTranslationDbFactory(.ts)`.
//!
//! - [`project::run`] is the command: resolves the schema, the output folder and the style from the
//!   options and the project's config, picks the models (`--all-missing`: the validator's coverage),
//!   and writes each file atomically inside the project root, never over a file without `force`.

mod data;
mod output;
pub mod names;
pub mod project;
mod render;
pub mod source;
pub mod style;
pub mod values;

pub use output::{GenerateError, Generated, class_name, file_name};
pub use render::generate;
pub use style::{Style, read_style};
