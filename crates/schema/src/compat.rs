//! The Prisma 6.x / 7.x divergences, each handled on purpose.
//!
//! `saola-psl` is psl as it was in Prisma 6.x. A schema is valid for us when either Prisma line
//! accepts it (the judge in `__test__/schema.test.mjs` checks the same rule against both engines):
//!
//! 1. **`url` in `datasource`.** 6.x requires it, 7.x forbids it (the URL moved to
//!    `prisma.config.ts`). psl reports a missing `url` and then drops the whole datasource, after
//!    which every `@db.*` attribute fails as "native types not supported". We wrap each built-in
//!    connector so that, when the block has no `url`, it hands psl a stand-in `env("DATABASE_URL")`
//!    expression: the datasource (provider, extensions, relationMode, schemas) is kept and no error is
//!    raised. A present `url`/`directUrl`/`shadowDatabaseUrl` is accepted as 6.x does.
//! 2. **Preview features only 7.x knows** (`partialIndexes`): psl reports "The preview feature … is not
//!    known"; we drop exactly that error for the names in [`PRISMA7_ONLY_PREVIEW_FEATURES`].
//!    Preview features 7.x removed (`metrics`) stay accepted, as 6.x accepts them.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use enumflags2::BitFlags;
use psl::datamodel_connector::{
    Connector, ConnectorCapabilities, ConstraintScope, Flavour, JoinStrategySupport, NativeTypeConstructor,
    NativeTypeInstance, RelationMode, StringFilter,
};
use psl::diagnostics::{Diagnostics, NativeTypeErrorFactory, Span};
use psl::parser_database::{
    ExtensionTypes, IndexAlgorithm, ParserDatabase, ReferentialAction, ScalarFieldType, ScalarType, ast, walkers,
};
use psl::{Datasource, DatasourceConnectorData, PreviewFeature, ValidatedSchema};
use saola_psl as psl;

/// Preview features the 7.x engine accepts and psl 6.x does not know.
pub const PRISMA7_ONLY_PREVIEW_FEATURES: &[&str] = &["partialIndexes"];

/// Whether an error psl reports is one Prisma 7 would not raise (see module docs).
pub fn is_prisma7_accepted_error(message: &str) -> bool {
    PRISMA7_ONLY_PREVIEW_FEATURES
        .iter()
        .any(|feature| message.starts_with(&format!("The preview feature \"{feature}\" is not known.")))
}

/// The built-in connectors, each wrapped to accept a datasource without `url`.
pub fn connectors() -> psl::ConnectorRegistry<'static> {
    static WRAPPED: LazyLock<Vec<&'static dyn Connector>> = LazyLock::new(|| {
        psl::builtin_connectors::BUILTIN_CONNECTORS
            .iter()
            .map(|inner| &*Box::leak(Box::new(UrlOptional { inner: *inner })) as &'static dyn Connector)
            .collect()
    });
    WRAPPED.as_slice()
}

/// `env("DATABASE_URL")`, given to psl in place of a missing `url` (never read: we do not connect).
static STAND_IN_URL: LazyLock<ast::Expression> = LazyLock::new(|| {
    let argument = ast::Argument {
        name: None,
        value: ast::Expression::StringValue("DATABASE_URL".to_owned(), Span::empty()),
        span: Span::empty(),
    };
    let arguments = ast::ArgumentsList { arguments: vec![argument], ..Default::default() };
    ast::Expression::Function("env".to_owned(), arguments, Span::empty())
});

/// Delegates everything to `inner`, except that a datasource block without `url` gets the stand-in.
struct UrlOptional {
    inner: &'static dyn Connector,
}

impl Connector for UrlOptional {
    fn provider_name(&self) -> &'static str {
        self.inner.provider_name()
    }
    fn is_provider(&self, name: &str) -> bool {
        self.inner.is_provider(name)
    }
    fn flavour(&self) -> Flavour {
        self.inner.flavour()
    }
    fn name(&self) -> &str {
        self.inner.name()
    }
    fn capabilities(&self) -> ConnectorCapabilities {
        self.inner.capabilities()
    }
    fn native_full_text_search_preview_feature(&self) -> Option<PreviewFeature> {
        self.inner.native_full_text_search_preview_feature()
    }
    fn max_identifier_length(&self) -> usize {
        self.inner.max_identifier_length()
    }
    fn allowed_relation_mode_settings(&self) -> BitFlags<RelationMode> {
        self.inner.allowed_relation_mode_settings()
    }
    fn default_relation_mode(&self) -> RelationMode {
        self.inner.default_relation_mode()
    }
    fn referential_actions(&self, relation_mode: &RelationMode) -> BitFlags<ReferentialAction> {
        self.inner.referential_actions(relation_mode)
    }
    fn foreign_key_referential_actions(&self) -> BitFlags<ReferentialAction> {
        self.inner.foreign_key_referential_actions()
    }
    fn emulated_referential_actions(&self) -> BitFlags<ReferentialAction> {
        self.inner.emulated_referential_actions()
    }
    fn allows_set_null_referential_action_on_non_nullable_fields(&self, relation_mode: RelationMode) -> bool {
        self.inner.allows_set_null_referential_action_on_non_nullable_fields(relation_mode)
    }
    fn supports_referential_action(&self, relation_mode: &RelationMode, action: ReferentialAction) -> bool {
        self.inner.supports_referential_action(relation_mode, action)
    }
    fn scalar_filter_name(&self, scalar_type_name: String, native_type_name: Option<&str>) -> Cow<'_, str> {
        self.inner.scalar_filter_name(scalar_type_name, native_type_name)
    }
    fn string_filters(&self, input_object_name: &str) -> BitFlags<StringFilter> {
        self.inner.string_filters(input_object_name)
    }
    fn validate_native_type_arguments(
        &self,
        native_type: &NativeTypeInstance,
        scalar_type: Option<ScalarType>,
        span: Span,
        diagnostics: &mut Diagnostics,
    ) {
        self.inner.validate_native_type_arguments(native_type, scalar_type, span, diagnostics)
    }
    fn validate_enum(&self, r#enum: walkers::EnumWalker<'_>, diagnostics: &mut Diagnostics) {
        self.inner.validate_enum(r#enum, diagnostics)
    }
    fn validate_model(&self, model: walkers::ModelWalker<'_>, mode: RelationMode, diagnostics: &mut Diagnostics) {
        self.inner.validate_model(model, mode, diagnostics)
    }
    fn validate_view(&self, view: walkers::ModelWalker<'_>, diagnostics: &mut Diagnostics) {
        self.inner.validate_view(view, diagnostics)
    }
    fn validate_relation_field(&self, field: walkers::RelationFieldWalker<'_>, diagnostics: &mut Diagnostics) {
        self.inner.validate_relation_field(field, diagnostics)
    }
    fn validate_datasource(&self, features: BitFlags<PreviewFeature>, ds: &Datasource, diagnostics: &mut Diagnostics) {
        self.inner.validate_datasource(features, ds, diagnostics)
    }
    fn validate_scalar_field_unknown_default_functions(&self, db: &ParserDatabase, diagnostics: &mut Diagnostics) {
        self.inner.validate_scalar_field_unknown_default_functions(db, diagnostics)
    }
    fn constraint_violation_scopes(&self) -> &'static [ConstraintScope] {
        self.inner.constraint_violation_scopes()
    }
    fn available_native_type_constructors(&self) -> &[NativeTypeConstructor] {
        self.inner.available_native_type_constructors()
    }
    fn scalar_type_for_native_type(
        &self,
        native_type: &NativeTypeInstance,
        extension_types: &dyn ExtensionTypes,
    ) -> Option<ScalarFieldType> {
        self.inner.scalar_type_for_native_type(native_type, extension_types)
    }
    fn default_native_type_for_scalar_type(
        &self,
        scalar_type: &ScalarFieldType,
        schema: &ValidatedSchema,
    ) -> Option<NativeTypeInstance> {
        self.inner.default_native_type_for_scalar_type(scalar_type, schema)
    }
    fn native_type_to_parts<'t>(&self, native_type: &'t NativeTypeInstance) -> (&'t str, Cow<'t, [String]>) {
        self.inner.native_type_to_parts(native_type)
    }
    fn find_native_type_constructor(&self, name: &str) -> Option<&NativeTypeConstructor> {
        self.inner.find_native_type_constructor(name)
    }
    fn parse_native_type(
        &self,
        name: &str,
        args: &[String],
        span: Span,
        diagnostics: &mut Diagnostics,
    ) -> Option<NativeTypeInstance> {
        self.inner.parse_native_type(name, args, span, diagnostics)
    }
    fn native_type_supports_compacting(&self, native_type: Option<NativeTypeInstance>) -> bool {
        self.inner.native_type_supports_compacting(native_type)
    }
    fn static_join_strategy_support(&self) -> bool {
        self.inner.static_join_strategy_support()
    }
    fn runtime_join_strategy_support(&self) -> JoinStrategySupport {
        self.inner.runtime_join_strategy_support()
    }
    fn supported_index_types(&self) -> BitFlags<IndexAlgorithm> {
        self.inner.supported_index_types()
    }
    fn supports_index_type(&self, algo: IndexAlgorithm) -> bool {
        self.inner.supports_index_type(algo)
    }
    fn should_suggest_missing_referencing_fields_indexes(&self) -> bool {
        self.inner.should_suggest_missing_referencing_fields_indexes()
    }
    fn native_type_to_string(&self, instance: &NativeTypeInstance) -> String {
        self.inner.native_type_to_string(instance)
    }
    fn native_instance_error(&self, instance: &NativeTypeInstance) -> NativeTypeErrorFactory {
        self.inner.native_instance_error(instance)
    }
    fn validate_url(&self, url: &str) -> Result<(), String> {
        self.inner.validate_url(url)
    }
    fn parse_datasource_properties(
        &self,
        args: &mut HashMap<&str, (Span, &ast::Expression)>,
        diagnostics: &mut Diagnostics,
    ) -> DatasourceConnectorData {
        let data = self.inner.parse_datasource_properties(args, diagnostics);
        // psl reads `url` right after this call; Prisma 7 schemas have none.
        args.entry("url").or_insert((Span::empty(), &*STAND_IN_URL));
        data
    }
    fn is_sql(&self) -> bool {
        self.inner.is_sql()
    }
    fn is_mongo(&self) -> bool {
        self.inner.is_mongo()
    }
    fn supports_shard_keys(&self) -> bool {
        self.inner.supports_shard_keys()
    }
    fn does_manage_udts(&self) -> bool {
        self.inner.does_manage_udts()
    }
}
