//! Owned TypeScript type expressions: the slice of the type language the validator reasons
//! about (references with arguments, arrays, unions, object literal types), lifted out of the
//! arena so that declarations from one file can be used while checking another.

use oxc_ast::ast::{PropertyKey, TSSignature, TSType, TSTypeName, TSTypeParameterDeclaration};

#[derive(Debug, Clone, PartialEq)]
pub enum TypeExpr {
    /// `Name`, `Prisma.Name`, `Name<Args>`; `name` is the dotted name as written.
    Ref { name: String, args: Vec<TypeExpr>, start: u32, end: u32 },
    Array(Box<TypeExpr>),
    Union(Vec<TypeExpr>),
    Intersection(Vec<TypeExpr>),
    Object(ObjectType),
    /// `null` or `undefined`: dropped from unions when looking for the object shape.
    Nullish,
    /// Anything else (`any`, keywords, functions, mapped and conditional types, …).
    Opaque,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectType {
    pub props: Vec<PropType>,
    /// `[key: string]: T`
    pub index: Option<Box<TypeExpr>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PropType {
    pub name: String,
    pub optional: bool,
    pub ty: TypeExpr,
}

/// A generic declaration (`interface` or `type` alias) usable across files.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDecl {
    pub params: Vec<TypeParam>,
    pub body: TypeExpr,
    /// `interface X extends Y<…>`
    pub extends: Vec<TypeExpr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeParam {
    pub name: String,
    pub default: Option<TypeExpr>,
}

pub fn type_name_text(name: &TSTypeName<'_>) -> String {
    match name {
        TSTypeName::IdentifierReference(id) => id.name.to_string(),
        TSTypeName::QualifiedName(q) => format!("{}.{}", type_name_text(&q.left), q.right.name),
        TSTypeName::ThisExpression(_) => "this".to_string(),
    }
}

pub fn property_key_name(key: &PropertyKey<'_>) -> Option<String> {
    key.static_name().map(|n| n.to_string())
}

pub fn lift(ty: &TSType<'_>) -> TypeExpr {
    match ty {
        TSType::TSTypeReference(r) => TypeExpr::Ref {
            name: type_name_text(&r.type_name),
            args: r.type_arguments.as_ref().map(|a| a.params.iter().map(lift).collect()).unwrap_or_default(),
            start: r.span.start,
            end: r.span.end,
        },
        TSType::TSArrayType(a) => TypeExpr::Array(Box::new(lift(&a.element_type))),
        TSType::TSUnionType(u) => TypeExpr::Union(u.types.iter().map(lift).collect()),
        TSType::TSIntersectionType(u) => TypeExpr::Intersection(u.types.iter().map(lift).collect()),
        TSType::TSParenthesizedType(p) => lift(&p.type_annotation),
        TSType::TSTypeLiteral(lit) => TypeExpr::Object(lift_members(&lit.members)),
        TSType::TSNullKeyword(_) | TSType::TSUndefinedKeyword(_) => TypeExpr::Nullish,
        TSType::TSTypeOperatorType(op) => lift(&op.type_annotation),
        _ => TypeExpr::Opaque,
    }
}

pub fn lift_members(members: &[TSSignature<'_>]) -> ObjectType {
    let mut object = ObjectType::default();
    for member in members {
        match member {
            TSSignature::TSPropertySignature(p) => {
                let Some(name) = property_key_name(&p.key) else { continue };
                let ty = p.type_annotation.as_ref().map_or(TypeExpr::Opaque, |t| lift(&t.type_annotation));
                object.props.push(PropType { name, optional: p.optional, ty });
            }
            TSSignature::TSIndexSignature(i) => {
                object.index = Some(Box::new(lift(&i.type_annotation.type_annotation)));
            }
            _ => {}
        }
    }
    object
}

pub fn lift_params(params: Option<&TSTypeParameterDeclaration<'_>>) -> Vec<TypeParam> {
    params.map_or_else(Vec::new, |p| {
        p.params
            .iter()
            .map(|tp| TypeParam { name: tp.name.name.to_string(), default: tp.default.as_ref().map(lift) })
            .collect()
    })
}

impl TypeExpr {
    /// Replaces type parameters by their arguments.
    pub fn substitute(&self, env: &[(String, TypeExpr)]) -> TypeExpr {
        match self {
            TypeExpr::Ref { name, args, start, end } => {
                if args.is_empty()
                    && let Some((_, t)) = env.iter().find(|(n, _)| n == name)
                {
                    return t.clone();
                }
                TypeExpr::Ref {
                    name: name.clone(),
                    args: args.iter().map(|a| a.substitute(env)).collect(),
                    start: *start,
                    end: *end,
                }
            }
            TypeExpr::Array(t) => TypeExpr::Array(Box::new(t.substitute(env))),
            TypeExpr::Union(ts) => TypeExpr::Union(ts.iter().map(|t| t.substitute(env)).collect()),
            TypeExpr::Intersection(ts) => TypeExpr::Intersection(ts.iter().map(|t| t.substitute(env)).collect()),
            TypeExpr::Object(o) => TypeExpr::Object(ObjectType {
                props: o
                    .props
                    .iter()
                    .map(|p| PropType { name: p.name.clone(), optional: p.optional, ty: p.ty.substitute(env) })
                    .collect(),
                index: o.index.as_ref().map(|t| Box::new(t.substitute(env))),
            }),
            other => other.clone(),
        }
    }
}
