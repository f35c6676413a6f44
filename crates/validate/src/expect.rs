//! What an object literal is expected to be, from a declared type: a Prisma input (checked field
//! by field), an array, record or object of such, the fixtures interface (categories), or
//! nothing we check. Type aliases and interfaces of the analysed files are expanded, with their
//! type parameters substituted.

use fixture_schema::{Schema, TypeNameKind};

use crate::index::ProjectIndex;
use crate::types::{TypeDecl, TypeExpr};

/// A Prisma input type to check an object literal against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputSpec {
    pub model: String,
    pub kind: TypeNameKind,
    /// `Partial<…>`: no field is required.
    pub partial: bool,
    /// Either the checked or the unchecked variant (`XOR<…>` of a nested write): `kind` is the
    /// checked one.
    pub either: bool,
}

impl InputSpec {
    pub fn new(model: &str, kind: TypeNameKind) -> Self {
        Self { model: model.to_string(), kind, partial: false, either: false }
    }
    pub fn is_create(&self) -> bool {
        self.kind.is_create_input()
    }
    /// Input kinds whose fields we know.
    pub fn is_checkable(&self) -> bool {
        self.kind.is_create_input() || self.kind.is_update_input()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    Input(InputSpec),
    Array(Box<Expect>),
    /// `Record<string, T>` or `{ [key: string]: T }`
    Record(Box<Expect>),
    /// An object type of the analysed files: known members are checked, nothing else.
    Object { props: Vec<(String, Expect)>, index: Option<Box<Expect>> },
    /// The fixtures interface (`DbTestFixtures<Create, Update>`).
    Fixtures { create: Option<InputSpec>, update: Option<InputSpec> },
    /// `Prisma.<Model>Include` (`select: false`) or `Prisma.<Model>Select` (`select: true`).
    Shape { model: String, select: bool },
    /// `Prisma.<Model>WhereInput` (`unique: false`) or `Prisma.<Model>WhereUniqueInput`.
    Where { model: String, unique: bool },
    /// `Prisma.<Model>OrderByWithRelationInput` (or an array of it).
    OrderBy { model: String },
    Opaque,
}

impl Expect {
    pub fn is_opaque(&self) -> bool {
        matches!(self, Expect::Opaque)
    }
}

pub struct Evaluator<'c> {
    pub schema: &'c Schema,
    pub index: &'c ProjectIndex,
}

fn prisma_name(name: &str) -> Option<&str> {
    name.strip_prefix("Prisma.")
}

impl Evaluator<'_> {
    pub fn eval(&self, ty: &TypeExpr) -> Expect {
        self.eval_depth(ty, 0)
    }

    /// The Prisma input a type names (through `Partial<…>` and aliases), if any.
    pub fn input_of(&self, ty: &TypeExpr) -> Option<InputSpec> {
        match self.eval(ty) {
            Expect::Input(spec) => Some(spec),
            _ => None,
        }
    }

    fn eval_depth(&self, ty: &TypeExpr, depth: u32) -> Expect {
        if depth > 12 {
            return Expect::Opaque;
        }
        match ty {
            TypeExpr::Ref { name, args, .. } => self.eval_ref(name, args, depth),
            TypeExpr::Array(t) => wrap_array(self.eval_depth(t, depth + 1)),
            TypeExpr::Union(ts) => {
                let mut candidates: Vec<Expect> =
                    ts.iter().filter(|t| **t != TypeExpr::Nullish).map(|t| self.eval_depth(t, depth + 1)).collect();
                if candidates.len() == 1 {
                    return candidates.pop().unwrap_or(Expect::Opaque);
                }
                // `T | T[]` and other unions: we cannot tell which member a literal is meant to be.
                Expect::Opaque
            }
            TypeExpr::Object(o) => {
                let props: Vec<(String, Expect)> = o
                    .props
                    .iter()
                    .map(|p| (p.name.clone(), self.eval_depth(&p.ty, depth + 1)))
                    .filter(|(_, e)| !e.is_opaque())
                    .collect();
                let index = o.index.as_ref().map(|t| self.eval_depth(t, depth + 1)).filter(|e| !e.is_opaque());
                match (props.is_empty(), index) {
                    (true, Some(i)) => Expect::Record(Box::new(i)),
                    (true, None) => Expect::Opaque,
                    (false, index) => Expect::Object { props, index: index.map(Box::new) },
                }
            }
            _ => Expect::Opaque,
        }
    }

    fn eval_ref(&self, name: &str, args: &[TypeExpr], depth: u32) -> Expect {
        if let Some(bare) = prisma_name(name) {
            let Some(resolved) = fixture_schema::type_names::resolve(self.schema, bare) else { return Expect::Opaque };
            let Some(model) = resolved.model else { return Expect::Opaque };
            match resolved.kind {
                TypeNameKind::Include => return Expect::Shape { model, select: false },
                TypeNameKind::Select => return Expect::Shape { model, select: true },
                TypeNameKind::WhereInput => return Expect::Where { model, unique: false },
                TypeNameKind::WhereUniqueInput => return Expect::Where { model, unique: true },
                TypeNameKind::OrderByWithRelationInput => return Expect::OrderBy { model },
                _ => {}
            }
            let spec = InputSpec::new(&model, resolved.kind);
            return if spec.is_checkable() { Expect::Input(spec) } else { Expect::Opaque };
        }
        let arg = |i: usize| args.get(i).map(|a| self.eval_depth(a, depth + 1)).unwrap_or(Expect::Opaque);
        match name {
            "Partial" => match arg(0) {
                Expect::Input(mut spec) => {
                    spec.partial = true;
                    Expect::Input(spec)
                }
                _ => Expect::Opaque,
            },
            "Array" | "ReadonlyArray" => wrap_array(arg(0)),
            "Record" => match arg(1) {
                Expect::Opaque => Expect::Opaque,
                e => Expect::Record(Box::new(e)),
            },
            "Promise" | "Readonly" | "NonNullable" => arg(0),
            _ if self.index.is_fixtures_interface(name) => {
                let create = args.first().and_then(|a| self.input_of(a));
                let update = match args.get(1) {
                    Some(a) => self.input_of(a),
                    None => create.clone().map(|mut c| {
                        c.partial = true;
                        c
                    }),
                };
                Expect::Fixtures { create, update }
            }
            _ => match self.index.type_decls.get(name) {
                Some(decl) => self.eval_decl(decl, args, depth),
                None => Expect::Opaque,
            },
        }
    }

    fn eval_decl(&self, decl: &TypeDecl, args: &[TypeExpr], depth: u32) -> Expect {
        let mut env: Vec<(String, TypeExpr)> = Vec::new();
        for (i, p) in decl.params.iter().enumerate() {
            let t = args.get(i).cloned().or_else(|| p.default.as_ref().map(|d| d.substitute(&env))).unwrap_or(TypeExpr::Opaque);
            env.push((p.name.clone(), t));
        }
        let body = decl.body.substitute(&env);
        let mut own = self.eval_depth(&body, depth + 1);
        // Members inherited through `extends` join the object's own.
        for parent in &decl.extends {
            if let Expect::Object { props: parent_props, index: parent_index } = self.eval_depth(&parent.substitute(&env), depth + 1) {
                match &mut own {
                    Expect::Object { props, index } => {
                        for p in parent_props {
                            if !props.iter().any(|(n, _)| *n == p.0) {
                                props.push(p);
                            }
                        }
                        if index.is_none() {
                            *index = parent_index;
                        }
                    }
                    Expect::Opaque => own = Expect::Object { props: parent_props, index: parent_index },
                    _ => {}
                }
            }
        }
        own
    }
}

fn wrap_array(e: Expect) -> Expect {
    match e {
        Expect::Opaque => Expect::Opaque,
        e => Expect::Array(Box::new(e)),
    }
}
