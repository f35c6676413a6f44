//! Walks psl's parser database into the resolved [`Schema`]: models and views in declaration
//! order (`@@ignore`d ones left out), fields as the DMMF lists them (`@ignore`d and `Unsupported`
//! fields left out of `fields`), enums and composite types.

use saola_psl::parser_database::{ParserDatabase, ScalarFieldType, ast, walkers};
use saola_psl::schema_ast::ast::WithSpan;

use crate::defaults::default_json;
use crate::line_index::{ColumnUnit, LineIndex};
use crate::{
    CompositeType, Enum, EnumValue, Field, FieldKind, Model, ModelTypeNames, Schema, SchemaSpan, UniqueIndex, UnsupportedField,
    create_inputs,
};

/// Builds the resolved schema. `files` are `(name, text)` in the order psl received them.
pub fn resolve(db: &ParserDatabase, provider: &str, preview_features: Vec<String>, files: &[(String, String)]) -> Schema {
    let indexes: Vec<LineIndex<'_>> = files.iter().map(|(_, text)| LineIndex::with_unit(text, ColumnUnit::Chars)).collect();
    let span_of = |span: saola_psl::diagnostics::Span| {
        let at = if (span.file_id.0 as usize) < files.len() { span.file_id.0 as usize } else { 0 };
        let file = &files[at].0;
        let (line, column) = indexes[at].locate(span.start as u32);
        Some(SchemaSpan { file: file.clone(), line, column, start: span.start as u32, end: span.end as u32 })
    };

    let mut models: Vec<Model> = db
        .walk_tops()
        .filter_map(|top| top.id.1.as_model_id().map(|model_id| db.walk((top.id.0, model_id))))
        .filter(|model: &walkers::ModelWalker<'_>| !model.is_ignored())
        .map(|model| resolve_model(model, !provider.is_empty(), &span_of))
        .collect();

    let enums = db
        .walk_enums()
        .map(|e| Enum {
            name: e.name().to_owned(),
            db_name: e.mapped_name().map(str::to_owned),
            values: e
                .values()
                .map(|v| EnumValue { name: v.name().to_owned(), db_name: v.mapped_name().map(str::to_owned) })
                .collect(),
        })
        .collect();

    let types = db
        .walk_composite_types()
        .map(|ct| CompositeType { name: ct.name().to_owned(), fields: ct.fields().map(|f| composite_field(f, &span_of)).collect() })
        .collect();

    let mut schema = Schema {
        files: files.iter().map(|(name, _)| name.clone()).collect(),
        provider: provider.to_owned(),
        source_hash: crate::typemap_source::source_hash(files),
        models: Vec::new(),
        enums,
        types,
        preview_features,
        warnings: Vec::new(),
        type_index: Default::default(),
        lookup: Default::default(),
        api_json: Default::default(),
    };
    // Required create fields depend on the other side of each relation: compute once all models exist.
    let required: Vec<(Vec<String>, Vec<String>)> = {
        schema.models = std::mem::take(&mut models);
        schema
            .models
            .iter()
            .map(|m| (create_inputs::required_create_fields(&schema, m), create_inputs::required_unchecked_create_fields(&schema, m)))
            .collect()
    };
    for (model, (checked, unchecked)) in schema.models.iter_mut().zip(required) {
        model.required_create_fields = checked;
        model.required_unchecked_create_fields = unchecked;
    }
    schema
}

/// `has_connector`: a datasource names the database; without one (psl's empty connector) Prisma
/// generates no `createMany` inputs.
fn resolve_model(
    model: walkers::ModelWalker<'_>,
    has_connector: bool,
    span_of: &dyn Fn(saola_psl::diagnostics::Span) -> Option<SchemaSpan>,
) -> Model {
    let name = model.name().to_owned();
    let is_view = model.ast_model().is_view();
    let id_fields: Vec<String> =
        model.primary_key().map(|pk| pk.fields().map(|f| f.name().to_owned()).collect()).unwrap_or_default();
    let unique_indexes: Vec<UniqueIndex> = model
        .indexes()
        .filter(|index| index.is_unique() && !index.is_defined_on_field())
        .map(|index| UniqueIndex { name: index.name().map(str::to_owned), fields: index.fields().map(|f| f.name().to_owned()).collect() })
        .collect();
    let unique_fields = unique_indexes.iter().map(|u| u.fields.clone()).collect();
    let primary_key_name = model.primary_key().and_then(|pk| pk.name()).map(str::to_owned);

    // Scalar fields used in some `@relation(fields: …)` of this model: the DMMF's `isReadOnly`.
    let foreign_keys: Vec<ast::FieldId> = model
        .relation_fields()
        .filter(|rf| !rf.is_ignored())
        .flat_map(|rf| rf.fields().into_iter().flatten().map(|sf| sf.field_id()).collect::<Vec<_>>())
        .collect();

    let mut fields = Vec::new();
    let mut unsupported_fields = Vec::new();
    for field in model.fields() {
        match field.refine() {
            Some(walkers::RefinedFieldWalker::Scalar(sf)) => {
                if sf.is_ignored() {
                    continue;
                }
                if let ScalarFieldType::Unsupported(_) = sf.scalar_field_type() {
                    let type_name = match &sf.ast_field().field_type {
                        ast::FieldType::Unsupported(text, _) => text.clone(),
                        other => other.name().to_owned(),
                    };
                    unsupported_fields.push(UnsupportedField {
                        name: sf.name().to_owned(),
                        type_name,
                        is_required: sf.ast_field().arity.is_required(),
                        has_default_value: sf.default_value().is_some(),
                    });
                    continue;
                }
                fields.push(scalar_field(sf, foreign_keys.contains(&sf.field_id()), span_of));
            }
            Some(walkers::RefinedFieldWalker::Relation(rf)) => {
                if rf.is_ignored() || rf.related_model().is_ignored() {
                    continue;
                }
                fields.push(relation_field(rf, span_of));
            }
            None => {}
        }
    }

    let supports_create = !is_view && !unsupported_fields.iter().any(|u| u.is_required && !u.has_default_value);
    let has_unique = model.unique_criterias().next().is_some();
    let mut types = ModelTypeNames::for_model(&name, supports_create, !is_view, has_unique, fields.iter().any(Field::is_relation));
    if !has_connector {
        types.create_many_input = None;
    }

    Model {
        delegate: delegate_name(&name),
        db_name: model.mapped_name().map(str::to_owned),
        is_view,
        id_fields,
        unique_fields,
        unique_indexes,
        primary_key_name,
        types,
        fields,
        required_create_fields: Vec::new(),
        required_unchecked_create_fields: Vec::new(),
        unsupported_fields,
        span: span_of(model.ast_model().span()),
        name,
    }
}

/// The PrismaClient property for a model: only the first character is lower-cased.
pub fn delegate_name(model: &str) -> String {
    let mut chars = model.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl ModelTypeNames {
    /// The names Prisma generates for a model; `None` where it generates none.
    pub fn for_model(name: &str, supports_create: bool, supports_update: bool, has_unique: bool, has_relations: bool) -> Self {
        let named = |suffix: &str| format!("{name}{suffix}");
        let when = |condition: bool, suffix: &str| condition.then(|| named(suffix));
        ModelTypeNames {
            model: name.to_owned(),
            create_input: when(supports_create, "CreateInput"),
            unchecked_create_input: when(supports_create, "UncheckedCreateInput"),
            update_input: when(supports_update, "UpdateInput"),
            unchecked_update_input: when(supports_update, "UncheckedUpdateInput"),
            create_many_input: when(supports_create, "CreateManyInput"),
            where_input: named("WhereInput"),
            where_unique_input: when(has_unique, "WhereUniqueInput"),
            order_by_with_relation_input: named("OrderByWithRelationInput"),
            select: named("Select"),
            include: when(has_relations, "Include"),
        }
    }
}

fn scalar_field(
    sf: walkers::ScalarFieldWalker<'_>,
    is_foreign_key: bool,
    span_of: &dyn Fn(saola_psl::diagnostics::Span) -> Option<SchemaSpan>,
) -> Field {
    let model = sf.model();
    let (kind, type_name) = match sf.scalar_field_type() {
        ScalarFieldType::Enum(id) => (FieldKind::Enum, model.walk(id).name().to_owned()),
        ScalarFieldType::CompositeType(id) => (FieldKind::Object, model.walk(id).name().to_owned()),
        ScalarFieldType::BuiltInScalar(scalar) => (FieldKind::Scalar, scalar.as_str().to_owned()),
        ScalarFieldType::Extension(_) | ScalarFieldType::Unsupported(_) => {
            (FieldKind::Unsupported, sf.ast_field().field_type.name().to_owned())
        }
    };
    let arity = sf.ast_field().arity;
    // The DMMF does not mark the id field unique, even with an explicit `@unique` beside `@id`.
    let is_unique = !sf.is_single_pk() && model.indexes().any(|index| {
        index.is_unique() && index.fields().len() == 1 && index.fields().next().map(|f| f.field_id()) == Some(sf.field_id())
    });
    Field {
        name: sf.name().to_owned(),
        kind,
        type_name,
        is_list: arity.is_list(),
        is_required: !arity.is_optional(),
        is_id: sf.is_single_pk(),
        is_unique,
        is_updated_at: sf.is_updated_at(),
        has_default_value: sf.default_value().is_some(),
        default: sf.default_value().map(|d| default_json(d.value(), sf.scalar_type())),
        db_name: sf.mapped_name().map(str::to_owned),
        relation_name: None,
        relation_from_fields: None,
        relation_to_fields: None,
        is_read_only: is_foreign_key,
        native_type: sf.raw_native_type().map(|(_, name, _, _)| name.to_owned()),
        native_type_args: sf.raw_native_type().map(|(_, _, args, _)| args.to_vec()).unwrap_or_default(),
        span: span_of(sf.ast_field().span()),
    }
}

fn relation_field(
    rf: walkers::RelationFieldWalker<'_>,
    span_of: &dyn Fn(saola_psl::diagnostics::Span) -> Option<SchemaSpan>,
) -> Field {
    let arity = rf.ast_field().arity;
    let from: Vec<String> = rf.fields().map(|fs| fs.map(|f| f.name().to_owned()).collect()).unwrap_or_default();
    let to: Vec<String> = rf.referenced_fields().map(|fs| fs.map(|f| f.name().to_owned()).collect()).unwrap_or_default();
    Field {
        name: rf.name().to_owned(),
        kind: FieldKind::Object,
        type_name: rf.related_model().name().to_owned(),
        is_list: arity.is_list(),
        is_required: !arity.is_optional(),
        is_id: false,
        is_unique: false,
        is_updated_at: false,
        has_default_value: false,
        default: None,
        db_name: None,
        relation_name: Some(rf.relation_name().to_string()),
        relation_from_fields: Some(from),
        relation_to_fields: Some(to),
        is_read_only: false,
        native_type: None,
        native_type_args: Vec::new(),
        span: span_of(rf.ast_field().span()),
    }
}

fn composite_field(
    field: walkers::CompositeTypeFieldWalker<'_>,
    span_of: &dyn Fn(saola_psl::diagnostics::Span) -> Option<SchemaSpan>,
) -> Field {
    let (kind, type_name, scalar) = match field.r#type() {
        ScalarFieldType::Enum(id) => (FieldKind::Enum, field.walk(id).name().to_owned(), None),
        ScalarFieldType::CompositeType(id) => (FieldKind::Object, field.walk(id).name().to_owned(), None),
        ScalarFieldType::BuiltInScalar(scalar) => (FieldKind::Scalar, scalar.as_str().to_owned(), Some(scalar)),
        _ => (FieldKind::Unsupported, field.ast_field().field_type.name().to_owned(), None),
    };
    let arity = field.arity();
    Field {
        name: field.name().to_owned(),
        kind,
        type_name,
        is_list: arity.is_list(),
        is_required: !arity.is_optional(),
        is_id: false,
        is_unique: false,
        is_updated_at: false,
        has_default_value: field.default_value().is_some(),
        default: field.default_value().map(|value| default_json(value, scalar)),
        db_name: field.mapped_name().map(str::to_owned),
        relation_name: None,
        relation_from_fields: None,
        relation_to_fields: None,
        is_read_only: false,
        native_type: field.raw_native_type().map(|(_, name, _, _)| name.to_owned()),
        native_type_args: field.raw_native_type().map(|(_, _, args, _)| args.to_vec()).unwrap_or_default(),
        span: span_of(field.ast_field().span()),
    }
}
