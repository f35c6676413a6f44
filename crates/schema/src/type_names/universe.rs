//! Every name the generated `Prisma` namespace holds for a schema.

use super::{ResolvedTypeName, TypeIndex, TypeNameKind};
use crate::create_inputs::capitalize;
use crate::{Model, Schema};

/// Names every generated `Prisma` namespace exports, whatever the schema.
pub const FIXED_EXPORTS: &[&str] = &[
    "PrismaClientKnownRequestError",
    "PrismaClientUnknownRequestError",
    "PrismaClientRustPanicError",
    "PrismaClientInitializationError",
    "PrismaClientValidationError",
    "Decimal",
    "Metrics",
    "Metric",
    "MetricHistogram",
    "MetricHistogramBucket",
    "Extension",
    "Extensions",
    "defineExtension",
    "getExtensionContext",
    "Args",
    "Payload",
    "Result",
    "Exact",
    "PrismaVersion",
    "prismaVersion",
    "sql",
    "empty",
    "join",
    "raw",
    "Sql",
    "Decimal",
    "DecimalJsLike",
    "JsonObject",
    "JsonArray",
    "JsonValue",
    "InputJsonObject",
    "InputJsonArray",
    "InputJsonValue",
    "NullableJsonNullValueInput",
    "JsonNullValueInput",
    "JsonNullValueFilter",
    "NullTypes",
    "DbNull",
    "JsonNull",
    "AnyNull",
    "TransactionClient",
    "TransactionIsolationLevel",
    "SortOrder",
    "NullsOrder",
    "QueryMode",
    "PrismaPromise",
    "LogLevel",
    "LogDefinition",
    "LogEvent",
    "QueryEvent",
    "PrismaClientOptions",
    "ErrorFormat",
    "TypeMap",
    "TypeMapCb",
    "ModelName",
    "Datasource",
    "Datasources",
    "DatasourceUrl",
    "PrismaAction",
    "MiddlewareParams",
    "BatchPayload",
    "AffectedRowsOutput",
    "GlobalOmitConfig",
    "GetLogType",
    "GetEvents",
    "InternalArgs",
    "DefaultArgs",
    "Enumerable",
    "RequiredKeys",
    "Subset",
    "SelectSubset",
    "SubsetIntersection",
    "XOR",
    "Without",
    "Optional",
    "Merge",
    "AtLeast",
    "Boolean",
    "True",
    "False",
    "Or",
    "Not",
    "Keys",
    "Key",
    "Has",
    "Extends",
    "Record",
    "Cast",
    "GetScalarType",
    "FieldPaths",
    "GetHavingFields",
    "TupleToUnion",
    "MaybeTupleToUnion",
    "PickEnumerable",
    "ExcludeUnderscoreKeys",
    "FieldRef",
    "StringFieldRefInput",
    "IntFieldRefInput",
];

pub(super) fn build(schema: &Schema) -> TypeIndex {
    let mut index = TypeIndex::default();
    for name in FIXED_EXPORTS {
        index.names.insert((*name).to_owned(), ResolvedTypeName { model: None, kind: TypeNameKind::Other });
    }
    for model in &schema.models {
        model_names(schema, model, &mut index);
    }
    index
}

fn model_names(schema: &Schema, model: &Model, index: &mut TypeIndex) {
    let mut add = |name: String, kind: TypeNameKind| {
        index.names.insert(name, ResolvedTypeName { model: Some(model.name.clone()), kind });
    };
    let types = &model.types;
    add(types.model.clone(), TypeNameKind::Model);
    let main = [
        (&types.create_input, TypeNameKind::CreateInput),
        (&types.unchecked_create_input, TypeNameKind::UncheckedCreateInput),
        (&types.update_input, TypeNameKind::UpdateInput),
        (&types.unchecked_update_input, TypeNameKind::UncheckedUpdateInput),
        (&types.create_many_input, TypeNameKind::CreateManyInput),
        (&types.where_unique_input, TypeNameKind::WhereUniqueInput),
        (&types.include, TypeNameKind::Include),
    ];
    for (name, kind) in main {
        if let Some(name) = name {
            add(name.clone(), kind);
        }
    }
    add(types.where_input.clone(), TypeNameKind::WhereInput);
    add(types.order_by_with_relation_input.clone(), TypeNameKind::OrderByWithRelationInput);
    add(types.select.clone(), TypeNameKind::Select);
    let name = &model.name;
    if types.update_input.is_some() {
        add(format!("{name}UpdateManyMutationInput"), TypeNameKind::UpdateManyMutationInput);
        add(format!("{name}UncheckedUpdateManyInput"), TypeNameKind::UncheckedUpdateManyInput);
    }
    for field in model.relation_fields() {
        let Some(opposite) = schema.opposite_field(model, field) else { continue };
        let parent = schema.model(&field.type_name);
        let parent_creates = parent.is_some_and(|p| p.types.create_input.is_some());
        let parent_updates = parent.is_some_and(|p| p.types.update_input.is_some());
        let f = capitalize(&field.name);
        let relation_field = field.name.clone();
        if types.create_input.is_some() && (parent_creates || parent_updates) {
            add(format!("{name}CreateWithout{f}Input"), TypeNameKind::CreateWithout { relation_field: relation_field.clone() });
            add(
                format!("{name}UncheckedCreateWithout{f}Input"),
                TypeNameKind::UncheckedCreateWithout { relation_field: relation_field.clone() },
            );
            if opposite.is_list && !field.is_list {
                add(format!("{name}CreateMany{f}Input"), TypeNameKind::CreateManyNested { relation_field: relation_field.clone() });
            }
        }
        if types.update_input.is_some() && parent_updates {
            add(format!("{name}UpdateWithout{f}Input"), TypeNameKind::UpdateWithout { relation_field: relation_field.clone() });
            add(
                format!("{name}UncheckedUpdateWithout{f}Input"),
                TypeNameKind::UncheckedUpdateWithout { relation_field: relation_field.clone() },
            );
            if opposite.is_list {
                add(
                    format!("{name}UncheckedUpdateManyWithout{f}Input"),
                    TypeNameKind::UncheckedUpdateManyWithout { relation_field: relation_field.clone() },
                );
            }
        }
    }
}
