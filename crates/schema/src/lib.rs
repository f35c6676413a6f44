//! Prisma schema to type map: reads a schema with Prisma's own grammar (psl) and resolves
//! every model to the names, fields and required create fields TypeScript must use.

pub mod model;

pub use model::*;
