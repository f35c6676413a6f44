//! Every name the generated `Prisma` namespace holds for a schema.
//!
//! Prisma builds its query schema lazily from the root operations: a type exists when something
//! reachable refers to it (the nested `…Without<Field>…` inputs exist only where a parent input
//! holds that relation). We walk the same graph: [`Node`]s are the types, [`Walk::expand`] lists
//! what each refers to. Then `prisma-client-js` adds TypeScript-only names per model (`GetPayload`,
//! `Delegate`, `…Args`), per enum and scalar (`…FieldRefInput`), and the fixed exports.

use rustc_hash::FxHashSet;

use super::{ResolvedTypeName, TypeIndex, TypeNameKind};
use crate::create_inputs::capitalize;
use crate::{Field, FieldKind, Model, Schema};

/// Names every generated `Prisma` namespace exports whatever the schema (prisma-client-js, Prisma 7).
pub const FIXED_EXPORTS: &[&str] = &[
    "AnyNull", "Args", "At", "AtBasic", "AtLeast", "AtLoose", "AtStrict", "BatchPayload", "Boolean", "Bytes", "Cast",
    "CheckIsLogLevel", "ComputeRaw", "DMMF", "Datasource", "DbNull", "Decimal", "DecimalJsLike", "DefaultPrismaClient",
    "Either", "EitherLoose", "EitherStrict", "Enumerable", "ErrorFormat", "Exact", "ExcludeUnderscoreKeys", "Extends",
    "Extension", "False", "FieldPaths", "FieldRef", "FieldRefInputType", "GetEvents", "GetHavingFields", "GetLogType",
    "GetScalarType", "GlobalOmitConfig", "Has", "InputJsonArray", "InputJsonObject", "InputJsonValue", "IntersectOf",
    "IsObject", "JsonArray", "JsonNull", "JsonObject", "JsonValue", "Key", "Keys", "LogDefinition", "LogEvent", "LogLevel",
    "MaybeTupleToUnion", "Merge", "ModelName", "NoExpand", "Not", "NullTypes", "OptionalFlat", "Or", "Overwrite",
    "PatchUndefined", "Payload", "PickEnumerable", "PrismaAction", "PrismaClientConstructorArgs",
    "PrismaClientInitializationError", "PrismaClientKnownRequestError", "PrismaClientOptions", "PrismaClientRustPanicError",
    "PrismaClientUnknownRequestError", "PrismaClientValidationError", "PrismaPromise", "PrismaVersion", "Prisma__Pick",
    "PromiseReturnType", "PromiseType", "QueryEvent", "RequiredKeys", "Result", "SelectAndInclude", "SelectAndOmit",
    "SelectSubset", "Sql", "Strict", "Subset", "SubsetIntersection", "TransactionClient", "True", "TrueKeys", "TruthyKeys",
    "TupleToUnion", "TypeMap", "TypeMapCb", "UnEnumerate", "Union", "Without", "XOR", "_Either", "_Merge", "_Record",
    "_Strict", "_TupleToUnion", "__Either", "defineExtension", "dmmf", "empty", "getExtensionContext", "getLogLevel",
    "join", "prismaVersion", "raw", "sql", "type", "validator",
    // Query-schema types every schema has.
    "Query", "Mutation", "AffectedRowsOutput", "SortOrder",
];

/// The filter family of a scalar: `Int`, `Bool`, `String`, `Uuid` (PostgreSQL `@db.Uuid` strings
/// have their own filters), `Enum<Name>`, …
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Base {
    name: String,
    enum_name: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FilterFlavour {
    Plain,
    Nested,
    WithAggregates,
    NestedWithAggregates,
}

/// A relation-write input type nested under a parent, for relation field `field` of `model`
/// (the field leading back to the parent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NestedKind {
    CreateNested { unchecked: bool },
    UpdateNested { unchecked: bool },
    CreateWithout { unchecked: bool },
    UpdateWithout { unchecked: bool },
    CreateOrConnect,
    CreateManyEnvelope,
    CreateMany,
    UpsertWithWhereUnique,
    UpdateWithWhereUnique,
    UpdateManyWithWhere,
    UncheckedUpdateManyWithout,
    UpsertWithout,
    UpdateToOneWithWhere,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Node {
    Named(&'static str),
    Model(usize, ModelType),
    Nested(usize, usize, NestedKind),
    Filter(Base, bool, FilterFlavour),
    ListFilter(Base),
    UpdateOperations(Base, bool),
    FieldRef(String),
    /// `<Model>Create<field>Input` / `<Model>Update<field>Input` (`true`) of a scalar list field.
    ScalarListInput(usize, String, bool),
    /// `<Model><Name>CompoundUniqueInput` of a compound `@@id` / `@@unique`.
    CompoundUnique(usize, String),
    /// A type of a MongoDB composite type (`type` block), by position in `Schema::types`.
    Composite(usize, CompositeNode),
    /// `<Type>Create<field>Input` / `<Type>Update<field>Input` of a composite type's scalar list.
    CompositeListInput(usize, String, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CompositeNode {
    Output,
    Where,
    Filter,
    NullableFilter,
    ListFilter,
    ObjectEquality,
    Create,
    Update,
    CreateEnvelope,
    NullableCreateEnvelope,
    ListCreateEnvelope,
    UpdateEnvelope,
    NullableUpdateEnvelope,
    ListUpdateEnvelope,
    Upsert,
    UpdateMany,
    DeleteMany,
    OrderBy,
    OrderByCompositeAggregate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ModelType {
    Output,
    Where,
    WhereUnique,
    ScalarWhere,
    ScalarWhereWithAggregates,
    OrderByWithRelation,
    OrderByWithAggregation,
    OrderByRelationAggregate,
    CountOrderBy,
    AvgOrderBy,
    SumOrderBy,
    MinOrderBy,
    MaxOrderBy,
    ListRelationFilter,
    ScalarRelationFilter,
    NullableScalarRelationFilter,
    Create,
    UncheckedCreate,
    Update,
    UncheckedUpdate,
    CreateMany,
    UpdateManyMutation,
    UncheckedUpdateMany,
    Aggregate,
    GroupBy,
    CountAggregate,
    AvgAggregate,
    SumAggregate,
    MinAggregate,
    MaxAggregate,
    CountOutput,
    ScalarFieldEnum,
    CreateManyAndReturn,
    UpdateManyAndReturn,
    OrderByRelevance,
    OrderByRelevanceFieldEnum,
}

struct Walk<'a> {
    schema: &'a Schema,
    seen: FxHashSet<Node>,
    pending: Vec<Node>,
    /// Connectors where `mode: insensitive` exists.
    insensitive: bool,
    returning: bool,
    /// Scalar lists (and so `List…FieldRefInput`s) exist on this connector.
    scalar_lists: bool,
    /// `null` ordering (`SortOrderInput`) exists on this connector.
    nulls_order: bool,
    /// `_relevance` ordering: MySQL, or PostgreSQL with `fullTextSearchPostgres`.
    relevance: bool,
    mongo: bool,
}

pub(super) fn build(schema: &Schema) -> TypeIndex {
    let provider = schema.provider.as_str();
    let mut walk = Walk {
        schema,
        seen: FxHashSet::default(),
        pending: Vec::new(),
        insensitive: matches!(provider, "postgresql" | "postgres" | "cockroachdb" | "mongodb"),
        returning: matches!(provider, "postgresql" | "postgres" | "cockroachdb" | "sqlite"),
        scalar_lists: matches!(provider, "postgresql" | "postgres" | "cockroachdb" | "mongodb"),
        nulls_order: provider != "mongodb",
        mongo: provider == "mongodb",
        relevance: provider == "mysql"
            || (matches!(provider, "postgresql" | "postgres") && schema.preview_features.iter().any(|f| f == "fullTextSearchPostgres")),
    };
    if schema.preview_features.iter().any(|f| f == "relationJoins") {
        walk.push(Node::Named("RelationLoadStrategy"));
    }
    if provider != "mongodb" {
        walk.push(Node::Named("TransactionIsolationLevel"));
    }
    for (index, model) in schema.models.iter().enumerate() {
        use ModelType::*;
        let mut roots = vec![Output, Where, WhereUnique, OrderByWithRelation, OrderByWithAggregation, ScalarWhereWithAggregates, Aggregate, GroupBy, ScalarFieldEnum];
        if model.types.create_input.is_some() {
            roots.extend([Create, UncheckedCreate]);
        }
        if model.types.create_many_input.is_some() {
            roots.push(CreateMany);
            if walk.returning {
                roots.push(CreateManyAndReturn);
            }
        }
        if model.types.update_input.is_some() {
            roots.extend([Update, UncheckedUpdate, UpdateManyMutation, UncheckedUpdateMany]);
            if walk.returning {
                roots.push(UpdateManyAndReturn);
            }
        }
        if model.types.where_unique_input.is_none() {
            roots.retain(|r| *r != WhereUnique);
        }
        for root in roots {
            walk.push(Node::Model(index, root));
        }
    }
    while let Some(node) = walk.pending.pop() {
        walk.expand(&node);
    }

    let mut index = TypeIndex::default();
    // Sized once (the client's own names are a few dozen per model): no rehash of thousands of keys.
    index.names.reserve(FIXED_EXPORTS.len() + schema.enums.len() + walk.seen.len() + 32 * (schema.models.len() + schema.types.len()));
    let mut add = |name: String, model: Option<&str>, kind: TypeNameKind| {
        index.names.entry(name).or_insert(ResolvedTypeName { model: model.map(str::to_owned), kind });
    };
    for name in FIXED_EXPORTS {
        add((*name).to_owned(), None, TypeNameKind::Other);
    }
    // An enum no field uses is in no input or output type, so neither the query schema nor the
    // client's `Prisma` namespace has it (it is still a top-level export of the client).
    let used = |name: &str| {
        schema.models.iter().flat_map(|m| &m.fields).chain(schema.types.iter().flat_map(|t| &t.fields)).any(|f| f.kind == FieldKind::Enum && f.type_name == name)
    };
    for e in schema.enums.iter().filter(|e| used(&e.name)) {
        add(e.name.clone(), None, TypeNameKind::Other);
    }
    let nodes: Vec<Node> = walk.seen.iter().cloned().collect();
    for node in &nodes {
        let (name, model, kind) = walk.describe(node);
        add(name, model, kind);
    }
    let features = ClientFeatures { returning: walk.returning, raw: provider == "mongodb" };
    for model in &schema.models {
        client_names(model, features, &mut add);
    }
    // Composite types are selected like models: their select, omit and payload types.
    for composite in &schema.types {
        let t = composite.name.as_str();
        for suffix in ["Select", "SelectScalar", "Omit", "GetPayload", "FieldRefs", "DefaultArgs"] {
            add(format!("{t}{suffix}"), None, TypeNameKind::Other);
        }
        add(format!("${t}Payload"), None, TypeNameKind::Other);
        if composite.fields.iter().any(|f| f.kind == FieldKind::Object) {
            add(format!("{t}Include"), None, TypeNameKind::Other);
        }
    }
    // prisma-client-js splits each JSON filter into a `…Base` type and a wrapper.
    let json_filters: Vec<String> = index
        .names
        .keys()
        .filter(|n| (n.starts_with("Json") || n.starts_with("NestedJson")) && n.ends_with("Filter") && *n != "JsonNullValueFilter")
        .cloned()
        .collect();
    for name in json_filters {
        index.names.insert(format!("{name}Base"), ResolvedTypeName { model: None, kind: TypeNameKind::Other });
    }
    for (name, resolved) in &index.names {
        if let (Some(model), false) = (&resolved.model, resolved.kind == TypeNameKind::Other) {
            index.by_model_kind.insert((model.clone(), resolved.kind.clone()), name.clone());
        }
    }
    index
}

impl<'a> Walk<'a> {
    fn push(&mut self, node: Node) {
        // Most pushes name a type already seen: look before cloning.
        if !self.seen.contains(&node) {
            self.seen.insert(node.clone());
            self.pending.push(node);
        }
    }

    fn model(&self, index: usize) -> &'a Model {
        &self.schema.models[index]
    }

    fn model_index(&self, name: &str) -> Option<usize> {
        self.schema.model_position(name)
    }

    fn base(&self, model: &Model, field: &Field) -> Base {
        match field.kind {
            FieldKind::Enum => Base { name: format!("Enum{}", field.type_name), enum_name: Some(field.type_name.clone()) },
            _ => {
                let name = match field.type_name.as_str() {
                    "Boolean" => "Bool".to_owned(),
                    "String" if self.is_uuid(model, field) => "Uuid".to_owned(),
                    other => other.to_owned(),
                };
                Base { name, enum_name: None }
            }
        }
    }

    /// PostgreSQL/CockroachDB `@db.Uuid` strings get `Uuid…` filters.
    fn is_uuid(&self, _model: &Model, field: &Field) -> bool {
        field.native_type.as_deref() == Some("Uuid") && matches!(self.schema.provider.as_str(), "postgresql" | "postgres" | "cockroachdb")
    }

    fn scalar_fields(model: &Model) -> impl Iterator<Item = &Field> {
        model.fields.iter().filter(|f| !f.is_relation() && f.kind != FieldKind::Object)
    }

    fn field_ref(&mut self, type_name: &str, list: bool) {
        if list && !self.scalar_lists {
            return;
        }
        self.push(Node::FieldRef(if list { format!("List{type_name}FieldRefInput") } else { format!("{type_name}FieldRefInput") }));
    }

    fn filter_refs(&mut self, base: &Base, nullable: bool, flavour: FilterFlavour) {
        let scalar = base.enum_name.as_deref().map(|e| format!("Enum{e}")).unwrap_or_else(|| match base.name.as_str() {
            "Bool" => "Boolean".to_owned(),
            "Uuid" => "String".to_owned(),
            other => other.to_owned(),
        });
        let nested = match flavour {
            FilterFlavour::Plain | FilterFlavour::Nested => FilterFlavour::Nested,
            FilterFlavour::WithAggregates | FilterFlavour::NestedWithAggregates => FilterFlavour::NestedWithAggregates,
        };
        if base.name == "Json" {
            self.field_ref("Json", false);
            // SQL connectors filter JSON by path, with `mode`, and tell the JSON and database nulls
            // apart; MongoDB only compares.
            if !self.mongo {
                self.push(Node::Named("JsonNullValueFilter"));
                self.field_ref("String", false);
                self.push(Node::Named("QueryMode"));
                self.field_ref("EnumQueryMode", false);
            }
        } else {
            self.push(Node::Filter(base.clone(), nullable, nested));
            self.field_ref(&scalar, false);
            if base.name != "Bool" {
                self.field_ref(&scalar, true);
            }
            if matches!(base.name.as_str(), "String") && self.insensitive && matches!(flavour, FilterFlavour::Plain | FilterFlavour::WithAggregates) {
                self.push(Node::Named("QueryMode"));
            }
        }
        if matches!(flavour, FilterFlavour::WithAggregates | FilterFlavour::NestedWithAggregates) {
            let int = Base { name: "Int".to_owned(), enum_name: None };
            self.push(Node::Filter(int, nullable, FilterFlavour::Nested));
            self.push(Node::Filter(base.clone(), nullable, FilterFlavour::Nested));
            let avg = match base.name.as_str() {
                "Int" | "BigInt" | "Float" => Some("Float"),
                "Decimal" => Some("Decimal"),
                _ => None,
            };
            if let Some(avg) = avg {
                self.push(Node::Filter(Base { name: avg.to_owned(), enum_name: None }, nullable, FilterFlavour::Nested));
            }
        }
    }

    fn expand(&mut self, node: &Node) {
        match node {
            Node::Model(index, kind) => self.expand_model(*index, *kind),
            Node::Nested(index, field, kind) => self.expand_nested(*index, *field, *kind),
            Node::Filter(base, nullable, flavour) => {
                let (base, nullable, flavour) = (base.clone(), *nullable, *flavour);
                self.filter_refs(&base, nullable, flavour)
            }
            Node::ListFilter(base) => {
                let scalar = base.enum_name.as_deref().map(|e| format!("Enum{e}")).unwrap_or_else(|| base.name.replace("Bool", "Boolean"));
                self.field_ref(&scalar, true);
                if base.name != "Json" {
                    self.field_ref(&scalar, false);
                }
            }
            Node::Named("SortOrderInput") => self.push(Node::Named("NullsOrder")),
            Node::Composite(index, kind) => self.expand_composite(*index, *kind),
            _ => {}
        }
    }

    fn expand_model(&mut self, index: usize, kind: ModelType) {
        use ModelType::*;
        let model = self.model(index);
        let numeric = Self::scalar_fields(model).any(|f| matches!(f.type_name.as_str(), "Int" | "BigInt" | "Float" | "Decimal") && f.kind == FieldKind::Scalar);
        match kind {
            Output => {
                if model.fields.iter().any(|f| f.is_relation() && f.is_list) {
                    self.push(Node::Model(index, CountOutput));
                }
                for field in model.fields.iter().filter(|f| !f.is_relation() && f.kind == FieldKind::Object) {
                    if let Some(ct) = self.composite_index(&field.type_name) {
                        self.push(Node::Composite(ct, CompositeNode::Output));
                    }
                }
                for field in model.relation_fields() {
                    if let Some(target) = self.model_index(&field.type_name) {
                        self.push(Node::Model(target, Output));
                        if field.is_list {
                            self.push(Node::Model(target, Where));
                            self.push(Node::Model(target, OrderByWithRelation));
                            self.push(Node::Model(target, ScalarFieldEnum));
                            if self.model(target).types.where_unique_input.is_some() {
                                self.push(Node::Model(target, WhereUnique));
                            }
                        } else if !field.is_required {
                            self.push(Node::Model(target, Where));
                        }
                    }
                }
            }
            Aggregate | GroupBy => {
                self.push(Node::Model(index, CountAggregate));
                self.push(Node::Model(index, MinAggregate));
                self.push(Node::Model(index, MaxAggregate));
                if numeric {
                    self.push(Node::Model(index, AvgAggregate));
                    self.push(Node::Model(index, SumAggregate));
                }
            }
            Where | WhereUnique | ScalarWhere | ScalarWhereWithAggregates => {
                let flavour = if kind == ScalarWhereWithAggregates { FilterFlavour::WithAggregates } else { FilterFlavour::Plain };
                if kind != ScalarWhereWithAggregates && kind != ScalarWhere {
                    self.push(Node::Model(index, Where));
                }
                if kind == WhereUnique {
                    let pk = (model.id_fields.len() > 1).then(|| (model.primary_key_name.clone(), model.id_fields.clone()));
                    let uniques = model.unique_indexes.iter().filter(|u| u.fields.len() > 1).map(|u| (u.name.clone(), u.fields.clone()));
                    for (name, fields) in pk.into_iter().chain(uniques) {
                        let name = name.map(|n| capitalize(&n)).unwrap_or_else(|| fields.iter().map(|f| capitalize(f)).collect());
                        self.push(Node::CompoundUnique(index, name));
                    }
                }
                for field in Self::scalar_fields(model) {
                    let base = self.base(model, field);
                    if field.is_list {
                        let name = if base.name == "Uuid" { "String".to_owned() } else { base.name };
                        self.push(Node::ListFilter(Base { name, enum_name: base.enum_name }));
                    } else if base.name == "Json" {
                        self.push(Node::Filter(base.clone(), !field.is_required, flavour));
                    } else {
                        self.push(Node::Filter(base, !field.is_required, flavour));
                    }
                }
                if kind != ScalarWhereWithAggregates {
                    for field in model.fields.iter().filter(|f| !f.is_relation() && f.kind == FieldKind::Object) {
                        self.composite_where(field);
                    }
                }
                if matches!(kind, Where | WhereUnique) {
                    for field in model.relation_fields() {
                        if let Some(target) = self.model_index(&field.type_name) {
                            let filter = if field.is_list {
                                ListRelationFilter
                            } else if field.is_required {
                                ScalarRelationFilter
                            } else {
                                NullableScalarRelationFilter
                            };
                            self.push(Node::Model(target, filter));
                            self.push(Node::Model(target, Where));
                        }
                    }
                }
            }
            ListRelationFilter | ScalarRelationFilter | NullableScalarRelationFilter => self.push(Node::Model(index, Where)),
            OrderByWithRelation | OrderByWithAggregation => {
                self.push(Node::Named("SortOrder"));
                if self.nulls_order && Self::scalar_fields(model).any(|f| !f.is_required) {
                    self.push(Node::Named("SortOrderInput"));
                }
                if kind == OrderByWithRelation && self.relevance && Self::scalar_fields(model).any(|f| f.type_name == "String") {
                    self.push(Node::Model(index, OrderByRelevance));
                    self.push(Node::Model(index, OrderByRelevanceFieldEnum));
                }
                if kind == OrderByWithAggregation {
                    for sub in [CountOrderBy, MinOrderBy, MaxOrderBy] {
                        self.push(Node::Model(index, sub));
                    }
                    if numeric {
                        self.push(Node::Model(index, AvgOrderBy));
                        self.push(Node::Model(index, SumOrderBy));
                    }
                } else {
                    for field in model.relation_fields() {
                        if let Some(target) = self.model_index(&field.type_name) {
                            self.push(Node::Model(target, if field.is_list { OrderByRelationAggregate } else { OrderByWithRelation }));
                        }
                    }
                    for field in model.fields.iter().filter(|f| !f.is_relation() && f.kind == FieldKind::Object) {
                        self.composite_order_by(field);
                    }
                }
            }
            Create | UncheckedCreate | Update | UncheckedUpdate | CreateMany | UpdateManyMutation | UncheckedUpdateMany => {
                let type_kind = match kind {
                    Create => TypeNameKind::CreateInput,
                    UncheckedCreate => TypeNameKind::UncheckedCreateInput,
                    Update => TypeNameKind::UpdateInput,
                    UncheckedUpdate => TypeNameKind::UncheckedUpdateInput,
                    CreateMany => TypeNameKind::CreateManyInput,
                    UpdateManyMutation => TypeNameKind::UpdateManyMutationInput,
                    _ => TypeNameKind::UncheckedUpdateManyInput,
                };
                self.expand_input(index, &type_kind);
            }
            _ => {}
        }
    }

    /// What the fields of a create/update input refer to.
    fn expand_input(&mut self, index: usize, kind: &TypeNameKind) {
        let model = self.model(index);
        let Some(fields) = crate::create_inputs::selected_fields(self.schema, model, kind) else { return };
        let update = kind.is_update_input();
        let unchecked = matches!(
            kind,
            TypeNameKind::UncheckedCreateInput
                | TypeNameKind::UncheckedUpdateInput
                | TypeNameKind::UncheckedUpdateManyInput
                | TypeNameKind::CreateManyInput
                | TypeNameKind::UncheckedCreateWithout { .. }
                | TypeNameKind::UncheckedUpdateWithout { .. }
                | TypeNameKind::UncheckedUpdateManyWithout { .. }
                | TypeNameKind::CreateManyNested { .. }
        );
        for field in fields {
            if field.is_relation() {
                let Some(field_index) = crate::model::field_position(model, field) else { continue };
                let Some((target, opposite_index)) = self.schema.opposite_position(index, field_index) else { continue };
                let nested = if update { NestedKind::UpdateNested { unchecked } } else { NestedKind::CreateNested { unchecked } };
                self.push(Node::Nested(target, opposite_index, nested));
            } else if field.kind == FieldKind::Object {
                self.composite_write(field, update);
            } else if field.is_list {
                self.push(Node::ScalarListInput(index, field.name.clone(), update));
            } else if field.type_name == "Json" {
                // MongoDB has one null: its JSON inputs take `null` directly.
                if !self.mongo {
                    self.push(Node::Named(if field.is_required { "JsonNullValueInput" } else { "NullableJsonNullValueInput" }));
                }
            } else if update {
                let base = self.base(model, field);
                let base = Base { name: if base.name == "Uuid" { "String".to_owned() } else { base.name }, enum_name: base.enum_name };
                self.push(Node::UpdateOperations(base, !field.is_required));
            }
        }
    }

    fn expand_nested(&mut self, index: usize, field_index: usize, kind: NestedKind) {
        use NestedKind::*;
        let model = self.model(index);
        let field = &model.fields[field_index];
        let Some(parent) = self.schema.opposite_field(model, field) else { return };
        let supports_create = model.types.create_input.is_some();
        let one_to_many = parent.is_list && !field.is_list && model.types.create_many_input.is_some();
        let push = |walk: &mut Self, kind: NestedKind| walk.push(Node::Nested(index, field_index, kind));
        let unique = |walk: &mut Self| {
            if walk.model(index).types.where_unique_input.is_some() {
                walk.push(Node::Model(index, ModelType::WhereUnique));
            }
        };
        // What a nested create envelope offers; a nested update envelope offers it too.
        let create_side = |walk: &mut Self| {
            if supports_create {
                push(walk, CreateWithout { unchecked: false });
                push(walk, CreateWithout { unchecked: true });
                push(walk, CreateOrConnect);
                if one_to_many {
                    push(walk, CreateManyEnvelope);
                }
            }
            unique(walk);
        };
        match kind {
            CreateNested { .. } => create_side(self),
            UpdateNested { .. } => {
                create_side(self);
                if parent.is_list {
                    if supports_create {
                        push(self, UpsertWithWhereUnique);
                    }
                    push(self, UpdateWithWhereUnique);
                    push(self, UpdateManyWithWhere);
                    self.push(Node::Model(index, ModelType::ScalarWhere));
                } else {
                    if supports_create {
                        push(self, UpsertWithout);
                    }
                    push(self, UpdateToOneWithWhere);
                    push(self, UpdateWithout { unchecked: false });
                    push(self, UpdateWithout { unchecked: true });
                    if !parent.is_required {
                        self.push(Node::Model(index, ModelType::Where));
                    }
                }
            }
            CreateOrConnect => {
                unique(self);
                push(self, CreateWithout { unchecked: false });
                push(self, CreateWithout { unchecked: true });
            }
            CreateManyEnvelope => push(self, CreateMany),
            UpsertWithWhereUnique | UpsertWithout => {
                if kind == UpsertWithWhereUnique {
                    unique(self);
                } else {
                    self.push(Node::Model(index, ModelType::Where));
                }
                push(self, UpdateWithout { unchecked: false });
                push(self, UpdateWithout { unchecked: true });
                push(self, CreateWithout { unchecked: false });
                push(self, CreateWithout { unchecked: true });
            }
            UpdateWithWhereUnique => {
                unique(self);
                push(self, UpdateWithout { unchecked: false });
                push(self, UpdateWithout { unchecked: true });
            }
            UpdateToOneWithWhere => {
                self.push(Node::Model(index, ModelType::Where));
                push(self, UpdateWithout { unchecked: false });
                push(self, UpdateWithout { unchecked: true });
            }
            UpdateManyWithWhere => {
                self.push(Node::Model(index, ModelType::ScalarWhere));
                self.push(Node::Model(index, ModelType::UpdateManyMutation));
                push(self, UncheckedUpdateManyWithout);
            }
            CreateWithout { unchecked } => {
                let relation_field = field.name.clone();
                let kind = if unchecked { TypeNameKind::UncheckedCreateWithout { relation_field } } else { TypeNameKind::CreateWithout { relation_field } };
                self.expand_input(index, &kind);
            }
            UpdateWithout { unchecked } => {
                let relation_field = field.name.clone();
                let kind = if unchecked { TypeNameKind::UncheckedUpdateWithout { relation_field } } else { TypeNameKind::UpdateWithout { relation_field } };
                self.expand_input(index, &kind);
            }
            CreateMany => {
                self.expand_input(index, &TypeNameKind::CreateManyNested { relation_field: field.name.clone() });
            }
            UncheckedUpdateManyWithout => {
                self.expand_input(index, &TypeNameKind::UncheckedUpdateManyWithout { relation_field: field.name.clone() });
            }
        }
    }

    fn composite_index(&self, name: &str) -> Option<usize> {
        self.schema.types.iter().position(|t| t.name == name)
    }

    /// The filter of a composite field in a where input, and its equality input.
    fn composite_where(&mut self, field: &Field) {
        let Some(ct) = self.composite_index(&field.type_name) else { return };
        let filter = if field.is_list {
            CompositeNode::ListFilter
        } else if field.is_required {
            CompositeNode::Filter
        } else {
            CompositeNode::NullableFilter
        };
        self.push(Node::Composite(ct, filter));
        self.push(Node::Composite(ct, CompositeNode::ObjectEquality));
    }

    /// The envelope of a composite field in a create (`update == false`) or update input.
    fn composite_write(&mut self, field: &Field, update: bool) {
        use CompositeNode::*;
        let Some(ct) = self.composite_index(&field.type_name) else { return };
        let envelope = match (update, field.is_list, field.is_required) {
            (false, true, _) => ListCreateEnvelope,
            (false, false, true) => CreateEnvelope,
            (false, false, false) => NullableCreateEnvelope,
            (true, true, _) => ListUpdateEnvelope,
            (true, false, true) => UpdateEnvelope,
            (true, false, false) => NullableUpdateEnvelope,
        };
        self.push(Node::Composite(ct, envelope));
        self.push(Node::Composite(ct, Create));
    }

    fn composite_order_by(&mut self, field: &Field) {
        let Some(ct) = self.composite_index(&field.type_name) else { return };
        self.push(Node::Composite(ct, if field.is_list { CompositeNode::OrderByCompositeAggregate } else { CompositeNode::OrderBy }));
    }

    fn expand_composite(&mut self, index: usize, kind: CompositeNode) {
        use CompositeNode::*;
        let fields: &'a [Field] = &self.schema.types[index].fields;
        match kind {
            Output => {
                for field in fields.iter().filter(|f| f.kind == FieldKind::Object) {
                    if let Some(ct) = self.composite_index(&field.type_name) {
                        self.push(Node::Composite(ct, Output));
                    }
                }
            }
            Where => {
                for field in fields {
                    if field.kind == FieldKind::Object {
                        self.composite_where(field);
                    } else {
                        let base = self.composite_base(field);
                        if field.is_list {
                            self.push(Node::ListFilter(base));
                        } else {
                            self.push(Node::Filter(base, !field.is_required, FilterFlavour::Plain));
                        }
                    }
                }
            }
            Filter | NullableFilter | ListFilter => {
                self.push(Node::Composite(index, ObjectEquality));
                self.push(Node::Composite(index, Where));
            }
            ObjectEquality => {
                for field in fields.iter().filter(|f| f.kind == FieldKind::Object) {
                    if let Some(ct) = self.composite_index(&field.type_name) {
                        self.push(Node::Composite(ct, ObjectEquality));
                    }
                }
            }
            Create | Update => {
                let update = kind == Update;
                for field in fields {
                    if field.kind == FieldKind::Object {
                        // Inside a composite, a create nests the other type's create directly;
                        // an update goes through the envelope.
                        if update {
                            self.composite_write(field, true);
                        } else if let Some(ct) = self.composite_index(&field.type_name) {
                            self.push(Node::Composite(ct, Create));
                        }
                    } else if field.is_list {
                        self.push(Node::CompositeListInput(index, field.name.clone(), update));
                    } else if update && field.type_name != "Json" {
                        let base = self.composite_base(field);
                        self.push(Node::UpdateOperations(base, !field.is_required));
                    }
                }
            }
            CreateEnvelope | NullableCreateEnvelope | ListCreateEnvelope => self.push(Node::Composite(index, Create)),
            UpdateEnvelope => {
                self.push(Node::Composite(index, Create));
                self.push(Node::Composite(index, Update));
            }
            NullableUpdateEnvelope => {
                self.push(Node::Composite(index, Create));
                self.push(Node::Composite(index, Upsert));
            }
            Upsert => {
                self.push(Node::Composite(index, Create));
                self.push(Node::Composite(index, Update));
            }
            ListUpdateEnvelope => {
                self.push(Node::Composite(index, Create));
                self.push(Node::Composite(index, UpdateMany));
                self.push(Node::Composite(index, DeleteMany));
            }
            UpdateMany => {
                self.push(Node::Composite(index, Where));
                self.push(Node::Composite(index, Update));
            }
            DeleteMany => self.push(Node::Composite(index, Where)),
            OrderBy => {
                self.push(Node::Named("SortOrder"));
                for field in fields.iter().filter(|f| f.kind == FieldKind::Object) {
                    self.composite_order_by(field);
                }
            }
            OrderByCompositeAggregate => self.push(Node::Named("SortOrder")),
        }
    }

    fn composite_base(&self, field: &Field) -> Base {
        match field.kind {
            FieldKind::Enum => Base { name: format!("Enum{}", field.type_name), enum_name: Some(field.type_name.clone()) },
            _ => Base { name: if field.type_name == "Boolean" { "Bool".to_owned() } else { field.type_name.clone() }, enum_name: None },
        }
    }

    /// The generated name of a node, the model it belongs to and its kind.
    fn describe(&self, node: &Node) -> (String, Option<&'a str>, TypeNameKind) {
        use ModelType::*;
        match node {
            Node::Named(name) => ((*name).to_owned(), None, TypeNameKind::Other),
            Node::FieldRef(name) => (name.clone(), None, TypeNameKind::Other),
            Node::Composite(index, kind) => {
                use CompositeNode::*;
                let t = self.schema.types[*index].name.as_str();
                let suffix = match kind {
                    Output => "",
                    Where => "WhereInput",
                    Filter => "CompositeFilter",
                    NullableFilter => "NullableCompositeFilter",
                    ListFilter => "CompositeListFilter",
                    ObjectEquality => "ObjectEqualityInput",
                    Create => "CreateInput",
                    Update => "UpdateInput",
                    CreateEnvelope => "CreateEnvelopeInput",
                    NullableCreateEnvelope => "NullableCreateEnvelopeInput",
                    ListCreateEnvelope => "ListCreateEnvelopeInput",
                    UpdateEnvelope => "UpdateEnvelopeInput",
                    NullableUpdateEnvelope => "NullableUpdateEnvelopeInput",
                    ListUpdateEnvelope => "ListUpdateEnvelopeInput",
                    Upsert => "UpsertInput",
                    UpdateMany => "UpdateManyInput",
                    DeleteMany => "DeleteManyInput",
                    OrderBy => "OrderByInput",
                    OrderByCompositeAggregate => "OrderByCompositeAggregateInput",
                };
                (format!("{t}{suffix}"), None, TypeNameKind::Other)
            }
            Node::CompositeListInput(index, field, update) => {
                let t = self.schema.types[*index].name.as_str();
                (format!("{t}{}{field}Input", if *update { "Update" } else { "Create" }), None, TypeNameKind::Other)
            }
            Node::CompoundUnique(index, name) => {
                let m = self.model(*index).name.as_str();
                (format!("{m}{name}CompoundUniqueInput"), Some(m), TypeNameKind::Other)
            }
            Node::ScalarListInput(index, field, update) => {
                let m = self.model(*index).name.as_str();
                (format!("{m}{}{field}Input", if *update { "Update" } else { "Create" }), Some(m), TypeNameKind::Other)
            }
            Node::Filter(base, nullable, flavour) => {
                let nullable = if *nullable { "Nullable" } else { "" };
                let name = match flavour {
                    FilterFlavour::Plain => format!("{}{nullable}Filter", base.name),
                    FilterFlavour::Nested => format!("Nested{}{nullable}Filter", base.name),
                    FilterFlavour::WithAggregates => format!("{}{nullable}WithAggregatesFilter", base.name),
                    FilterFlavour::NestedWithAggregates => format!("Nested{}{nullable}WithAggregatesFilter", base.name),
                };
                (name, None, TypeNameKind::Other)
            }
            Node::ListFilter(base) => (format!("{}NullableListFilter", base.name), None, TypeNameKind::Other),
            Node::UpdateOperations(base, nullable) => {
                (format!("{}{}FieldUpdateOperationsInput", if *nullable { "Nullable" } else { "" }, base.name), None, TypeNameKind::Other)
            }
            Node::Model(index, kind) => {
                let model = self.model(*index);
                let m = model.name.as_str();
                let c = capitalize(m);
                let (name, type_kind) = match kind {
                    Output => (m.to_owned(), TypeNameKind::Model),
                    Where => (format!("{m}WhereInput"), TypeNameKind::WhereInput),
                    WhereUnique => (format!("{m}WhereUniqueInput"), TypeNameKind::WhereUniqueInput),
                    ScalarWhere => (format!("{m}ScalarWhereInput"), TypeNameKind::Other),
                    ScalarWhereWithAggregates => (format!("{m}ScalarWhereWithAggregatesInput"), TypeNameKind::Other),
                    OrderByWithRelation => (format!("{m}OrderByWithRelationInput"), TypeNameKind::OrderByWithRelationInput),
                    OrderByWithAggregation => (format!("{m}OrderByWithAggregationInput"), TypeNameKind::Other),
                    OrderByRelationAggregate => (format!("{m}OrderByRelationAggregateInput"), TypeNameKind::Other),
                    CountOrderBy => (format!("{m}CountOrderByAggregateInput"), TypeNameKind::Other),
                    AvgOrderBy => (format!("{m}AvgOrderByAggregateInput"), TypeNameKind::Other),
                    SumOrderBy => (format!("{m}SumOrderByAggregateInput"), TypeNameKind::Other),
                    MinOrderBy => (format!("{m}MinOrderByAggregateInput"), TypeNameKind::Other),
                    MaxOrderBy => (format!("{m}MaxOrderByAggregateInput"), TypeNameKind::Other),
                    ListRelationFilter => (format!("{c}ListRelationFilter"), TypeNameKind::Other),
                    ScalarRelationFilter => (format!("{c}ScalarRelationFilter"), TypeNameKind::Other),
                    NullableScalarRelationFilter => (format!("{c}NullableScalarRelationFilter"), TypeNameKind::Other),
                    OrderByRelevance => (format!("{m}OrderByRelevanceInput"), TypeNameKind::Other),
                    OrderByRelevanceFieldEnum => (format!("{m}OrderByRelevanceFieldEnum"), TypeNameKind::Other),
                    Create => (format!("{m}CreateInput"), TypeNameKind::CreateInput),
                    UncheckedCreate => (format!("{m}UncheckedCreateInput"), TypeNameKind::UncheckedCreateInput),
                    Update => (format!("{m}UpdateInput"), TypeNameKind::UpdateInput),
                    UncheckedUpdate => (format!("{m}UncheckedUpdateInput"), TypeNameKind::UncheckedUpdateInput),
                    CreateMany => (format!("{m}CreateManyInput"), TypeNameKind::CreateManyInput),
                    UpdateManyMutation => (format!("{m}UpdateManyMutationInput"), TypeNameKind::UpdateManyMutationInput),
                    UncheckedUpdateMany => (format!("{m}UncheckedUpdateManyInput"), TypeNameKind::UncheckedUpdateManyInput),
                    Aggregate => (format!("Aggregate{c}"), TypeNameKind::Other),
                    GroupBy => (format!("{c}GroupByOutputType"), TypeNameKind::Other),
                    CountAggregate => (format!("{c}CountAggregateOutputType"), TypeNameKind::Other),
                    AvgAggregate => (format!("{c}AvgAggregateOutputType"), TypeNameKind::Other),
                    SumAggregate => (format!("{c}SumAggregateOutputType"), TypeNameKind::Other),
                    MinAggregate => (format!("{c}MinAggregateOutputType"), TypeNameKind::Other),
                    MaxAggregate => (format!("{c}MaxAggregateOutputType"), TypeNameKind::Other),
                    CountOutput => (format!("{c}CountOutputType"), TypeNameKind::Other),
                    ScalarFieldEnum => (format!("{c}ScalarFieldEnum"), TypeNameKind::Other),
                    CreateManyAndReturn => (format!("CreateMany{m}AndReturnOutputType"), TypeNameKind::Other),
                    UpdateManyAndReturn => (format!("UpdateMany{m}AndReturnOutputType"), TypeNameKind::Other),
                };
                (name, Some(m), type_kind)
            }
            Node::Nested(index, field_index, kind) => {
                use NestedKind::*;
                let model = self.model(*index);
                let m = model.name.as_str();
                let field = &model.fields[*field_index];
                let f = capitalize(&field.name);
                let parent_is_list = self.schema.opposite_field(model, field).is_some_and(|p| p.is_list);
                let parent_is_required = self.schema.opposite_field(model, field).is_some_and(|p| p.is_required);
                let relation_field = field.name.clone();
                let u = |unchecked: bool| if unchecked { "Unchecked" } else { "" };
                let (name, type_kind) = match kind {
                    CreateNested { unchecked } => {
                        let many = if parent_is_list { "Many" } else { "One" };
                        (format!("{m}{}CreateNested{many}Without{f}Input", u(*unchecked)), TypeNameKind::Other)
                    }
                    UpdateNested { unchecked } => {
                        let shape = if parent_is_list {
                            "Many"
                        } else if parent_is_required {
                            "OneRequired"
                        } else {
                            "One"
                        };
                        (format!("{m}{}Update{shape}Without{f}NestedInput", u(*unchecked)), TypeNameKind::Other)
                    }
                    CreateWithout { unchecked: false } => (format!("{m}CreateWithout{f}Input"), TypeNameKind::CreateWithout { relation_field }),
                    CreateWithout { unchecked: true } => {
                        (format!("{m}UncheckedCreateWithout{f}Input"), TypeNameKind::UncheckedCreateWithout { relation_field })
                    }
                    UpdateWithout { unchecked: false } => (format!("{m}UpdateWithout{f}Input"), TypeNameKind::UpdateWithout { relation_field }),
                    UpdateWithout { unchecked: true } => {
                        (format!("{m}UncheckedUpdateWithout{f}Input"), TypeNameKind::UncheckedUpdateWithout { relation_field })
                    }
                    CreateOrConnect => (format!("{m}CreateOrConnectWithout{f}Input"), TypeNameKind::Other),
                    CreateManyEnvelope => (format!("{m}CreateMany{f}InputEnvelope"), TypeNameKind::Other),
                    CreateMany => (format!("{m}CreateMany{f}Input"), TypeNameKind::CreateManyNested { relation_field }),
                    UpsertWithWhereUnique => (format!("{m}UpsertWithWhereUniqueWithout{f}Input"), TypeNameKind::Other),
                    UpdateWithWhereUnique => (format!("{m}UpdateWithWhereUniqueWithout{f}Input"), TypeNameKind::Other),
                    UpdateManyWithWhere => (format!("{m}UpdateManyWithWhereWithout{f}Input"), TypeNameKind::Other),
                    UncheckedUpdateManyWithout => {
                        (format!("{m}UncheckedUpdateManyWithout{f}Input"), TypeNameKind::UncheckedUpdateManyWithout { relation_field })
                    }
                    UpsertWithout => (format!("{m}UpsertWithout{f}Input"), TypeNameKind::Other),
                    UpdateToOneWithWhere => (format!("{m}UpdateToOneWithWhereWithout{f}Input"), TypeNameKind::Other),
                };
                (name, Some(m), type_kind)
            }
        }
    }
}

/// What the connector offers that changes the client's per-model names.
#[derive(Clone, Copy)]
struct ClientFeatures {
    /// `createManyAndReturn` / `updateManyAndReturn`.
    returning: bool,
    /// `findRaw` / `aggregateRaw` (MongoDB).
    raw: bool,
}

/// The TypeScript-only names prisma-client-js generates for a model: always the read operations'
/// argument types and payloads; the write operations' only where the model takes those writes.
fn client_names(model: &Model, features: ClientFeatures, add: &mut impl FnMut(String, Option<&str>, TypeNameKind)) {
    let m = model.name.as_str();
    let c = capitalize(m);
    let own = |suffix: &str| format!("{m}{suffix}");
    let has_include = model.types.include.is_some();
    let creates = model.types.create_input.is_some();
    let creates_many = model.types.create_many_input.is_some();
    let writes = model.types.update_input.is_some();
    add(own("Select"), Some(m), TypeNameKind::Select);
    if has_include {
        add(own("Include"), Some(m), TypeNameKind::Include);
    }
    let mut suffixes = vec![
        "GetPayload", "Delegate", "DefaultArgs", "Omit", "FieldRefs", "SelectScalar", "CountArgs", "FindManyArgs", "FindFirstArgs",
        "FindFirstOrThrowArgs", "FindUniqueArgs", "FindUniqueOrThrowArgs", "GroupByArgs",
    ];
    if creates {
        suffixes.push("CreateArgs");
    }
    if creates && writes {
        suffixes.push("UpsertArgs");
    }
    if creates_many {
        suffixes.push("CreateManyArgs");
        if features.returning {
            suffixes.extend(["CreateManyAndReturnArgs", "SelectCreateManyAndReturn"]);
            if has_include {
                suffixes.push("IncludeCreateManyAndReturn");
            }
        }
    }
    if writes {
        suffixes.extend(["UpdateArgs", "UpdateManyArgs", "DeleteArgs", "DeleteManyArgs"]);
        if features.returning {
            suffixes.extend(["UpdateManyAndReturnArgs", "SelectUpdateManyAndReturn"]);
            if has_include {
                suffixes.push("IncludeUpdateManyAndReturn");
            }
        }
    }
    if features.raw {
        suffixes.extend(["FindRawArgs", "AggregateRawArgs"]);
    }
    for suffix in suffixes {
        add(own(suffix), Some(m), TypeNameKind::Other);
    }
    add(format!("${m}Payload"), Some(m), TypeNameKind::Other);
    add(format!("Prisma__{m}Client"), Some(m), TypeNameKind::Other);
    add(format!("Get{c}AggregateType"), Some(m), TypeNameKind::Other);
    add(format!("Get{c}GroupByPayload"), Some(m), TypeNameKind::Other);
    let numeric = model.fields.iter().any(|f| f.kind == FieldKind::Scalar && matches!(f.type_name.as_str(), "Int" | "BigInt" | "Float" | "Decimal"));
    let mut aggregates = vec!["AggregateArgs", "CountAggregateInputType", "MinAggregateInputType", "MaxAggregateInputType"];
    if numeric {
        aggregates.extend(["AvgAggregateInputType", "SumAggregateInputType"]);
    }
    for suffix in aggregates {
        add(format!("{c}{suffix}"), Some(m), TypeNameKind::Other);
    }
    let list_relations: Vec<&Field> = model.relation_fields().filter(|f| f.is_list).collect();
    if !list_relations.is_empty() {
        add(format!("{c}CountOutputTypeDefaultArgs"), Some(m), TypeNameKind::Other);
        add(format!("{c}CountOutputTypeSelect"), Some(m), TypeNameKind::Other);
        for field in &list_relations {
            add(format!("{c}CountOutputTypeCount{}Args", capitalize(&field.name)), Some(m), TypeNameKind::Other);
        }
    }
    for field in model.relation_fields().filter(|f| f.is_list || !f.is_required) {
        add(format!("{m}${}Args", field.name), Some(m), TypeNameKind::Other);
    }
}
