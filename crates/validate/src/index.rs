//! The project index: phase-one summaries of every file merged, so that a file can be checked
//! against classes, interfaces and the base class declared in other files. Also decides which
//! classes are factories and what the base class requires of them.

use std::collections::HashMap;

use fixture_schema::Schema;

use crate::summary::{ClassSummary, FileSummary};
use crate::types::{TypeDecl, TypeExpr};

/// What a type argument slot of the base class holds, judged from the parameter's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Model,
    Create,
    Include,
    Update,
    Other,
}

impl Slot {
    pub fn from_param_name(name: &str, position: usize) -> Slot {
        if name.contains("Include") {
            Slot::Include
        } else if name.contains("Update") {
            Slot::Update
        } else if name.contains("Create") {
            Slot::Create
        } else if position == 0 || name.contains("Model") {
            Slot::Model
        } else {
            Slot::Other
        }
    }
}

/// What the base class requires, read from its source or Vrooli's defaults.
#[derive(Debug, Clone)]
pub struct BaseClass {
    pub name: String,
    /// The file declaring it, when among the analysed files.
    pub file: Option<usize>,
    pub abstract_members: Vec<String>,
    pub slots: Vec<Slot>,
    /// The interface `getFixtures` returns (`DbTestFixtures`).
    pub fixtures_interface: String,
    /// Its required members; `None` when the interface is not among the analysed files.
    pub required_categories: Option<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct FactoryClass {
    pub file: usize,
    pub class: usize,
    pub name: String,
    /// The base class it extends: an index into [`ProjectIndex::bases`].
    pub base: usize,
    /// Type arguments given to the base class (found along the `extends` chain).
    pub base_args: Vec<TypeExpr>,
    /// Members implemented by the class or a class between it and the base.
    pub implemented: Vec<String>,
}

pub struct ProjectIndex {
    pub classes: HashMap<String, (usize, usize)>,
    pub type_decls: HashMap<String, TypeDecl>,
    /// The factory base classes: the configured ones first (the first is the primary, named in
    /// help texts), then the abstract classes found to be bases, by name.
    pub bases: Vec<BaseClass>,
    /// Factory classes by (file, class index in that file's summary).
    pub factories: Vec<FactoryClass>,
}

fn bare(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// A concrete class and the base its `extends` chain reaches, before the base is known to be one.
struct Candidate {
    file: usize,
    class: usize,
    base: String,
    base_args: Vec<TypeExpr>,
    implemented: Vec<String>,
    /// `super("…")` strings and delegates along the chain.
    super_strings: Vec<String>,
    delegates: Vec<String>,
}

impl ProjectIndex {
    /// `configured` are the base classes the options name (at least one). Other abstract classes
    /// among the files are bases too when a subclass names a model (see [`names_a_model`]).
    pub fn build(summaries: &[FileSummary], configured: &[String], required_default: &[String], schema: &Schema) -> ProjectIndex {
        let mut classes = HashMap::new();
        let mut type_decls = HashMap::new();
        for (f, s) in summaries.iter().enumerate() {
            for (c, class) in s.classes.iter().enumerate() {
                classes.entry(class.name.clone()).or_insert((f, c));
            }
            for (name, decl) in &s.type_decls {
                type_decls.entry(name.clone()).or_insert_with(|| decl.clone());
            }
        }
        let class_of = |name: &str| -> Option<&ClassSummary> {
            classes.get(bare(name)).map(|&(f, c): &(usize, usize)| &summaries[f].classes[c])
        };
        let is_configured = |name: &str| configured.iter().any(|b| b == bare(name));

        // Every concrete class whose chain reaches a configured base (the nearest wins) or, failing
        // that, an abstract class of the files (the top-most one of the chain).
        let mut candidates = Vec::new();
        for (f, s) in summaries.iter().enumerate() {
            for (c, class) in s.classes.iter().enumerate() {
                if class.is_abstract || is_configured(&class.name) {
                    continue;
                }
                let mut implemented: Vec<String> = class.members.iter().cloned().collect();
                let mut super_strings: Vec<String> = class.super_string.iter().cloned().collect();
                let mut delegates: Vec<String> = class.delegate.iter().cloned().collect();
                let mut current = class;
                // Type parameters of the classes in between, bound to the arguments given below them.
                let mut env: Vec<(String, TypeExpr)> = Vec::new();
                let mut found: Option<(String, Vec<TypeExpr>)> = None;
                let mut top_abstract: Option<(String, Vec<TypeExpr>, usize)> = None;
                for _ in 0..32 {
                    let Some((parent, args)) = &current.extends else { break };
                    let args: Vec<TypeExpr> = args.iter().map(|a| a.substitute(&env)).collect();
                    if is_configured(parent) {
                        found = Some((bare(parent).to_string(), args));
                        break;
                    }
                    let Some(next) = class_of(parent) else { break };
                    if next.is_abstract {
                        top_abstract = Some((next.name.clone(), args.clone(), implemented.len()));
                    }
                    implemented.extend(next.members.iter().cloned());
                    super_strings.extend(next.super_string.iter().cloned());
                    delegates.extend(next.delegate.iter().cloned());
                    env = next.type_params.iter().cloned().zip(args.into_iter().chain(std::iter::repeat(TypeExpr::Opaque))).collect();
                    current = next;
                }
                let (base, base_args) = match (found, top_abstract) {
                    (Some(found), _) => found,
                    (None, Some((name, args, own))) => {
                        // What the base itself implements does not count as implemented by the subclass.
                        implemented.truncate(own);
                        (name, args)
                    }
                    (None, None) => continue,
                };
                candidates.push(Candidate { file: f, class: c, base, base_args, implemented, super_strings, delegates });
            }
        }

        let mut names: Vec<String> = configured.to_vec();
        let mut found_bases: Vec<&str> = candidates
            .iter()
            .filter(|k| !is_configured(&k.base) && class_of(&k.base).is_some_and(makes_fixtures) && names_a_model(k, schema))
            .map(|k| k.base.as_str())
            .collect();
        found_bases.sort_unstable();
        found_bases.dedup();
        names.extend(found_bases.into_iter().map(String::from));

        let bases: Vec<BaseClass> = names.iter().map(|n| base_class(n, class_of(n), classes.get(n.as_str()).map(|&(f, _)| f), &type_decls, required_default)).collect();
        let factories = candidates
            .into_iter()
            .filter_map(|k| {
                let base = names.iter().position(|n| *n == k.base)?;
                let name = summaries[k.file].classes[k.class].name.clone();
                Some(FactoryClass { file: k.file, class: k.class, name, base, base_args: k.base_args, implemented: k.implemented })
            })
            .collect();
        ProjectIndex { classes, type_decls, bases, factories }
    }

    /// The primary base class (the first configured one).
    pub fn base(&self) -> &BaseClass {
        &self.bases[0]
    }

    /// Whether `name` is the fixtures interface (`DbTestFixtures`) of one of the base classes.
    pub fn is_fixtures_interface(&self, name: &str) -> bool {
        self.bases.iter().any(|b| b.fixtures_interface == name)
    }

    /// The declared type of parameter `index` of instance method `method` of `class`, found along
    /// the `extends` chain with each class's type parameters replaced by the arguments given.
    /// `from_file`'s own class of that name wins over one declared elsewhere.
    pub fn method_param_type(&self, summaries: &[FileSummary], from_file: usize, class: &str, method: &str, is_static: bool, index: usize) -> Option<TypeExpr> {
        let mut env: Vec<(String, TypeExpr)> = Vec::new();
        let mut current = summaries[from_file]
            .classes
            .iter()
            .find(|c| c.name == bare(class))
            .or_else(|| self.classes.get(bare(class)).map(|&(f, c)| &summaries[f].classes[c]))?;
        for _ in 0..32 {
            if let Some((_, _, params)) = current.method_params.iter().find(|(n, s, _)| n == method && *s == is_static) {
                return params.get(index).cloned().flatten().map(|t| t.substitute(&env));
            }
            let (parent, args) = current.extends.as_ref()?;
            let next = self.classes.get(bare(parent)).map(|&(f, c)| &summaries[f].classes[c])?;
            env = next
                .type_params
                .iter()
                .enumerate()
                .map(|(i, name)| (name.clone(), args.get(i).map(|a| a.substitute(&env)).unwrap_or(TypeExpr::Opaque)))
                .collect();
            current = next;
        }
        None
    }

    pub fn factory_at(&self, file: usize, class_name: &str) -> Option<&FactoryClass> {
        self.factories.iter().find(|f| f.file == file && f.name == class_name)
    }
}

/// What a base class requires, read from its declaration, or Vrooli's defaults when it is not
/// among the files.
fn base_class(name: &str, summary: Option<&ClassSummary>, file: Option<usize>, type_decls: &HashMap<String, TypeDecl>, required_default: &[String]) -> BaseClass {
    let fixtures_interface = summary
        .and_then(|b| b.get_fixtures_return.as_ref())
        .and_then(|t| match t {
            TypeExpr::Ref { name, .. } => Some(bare(name).to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "DbTestFixtures".to_string());
    let required_categories = type_decls.get(&fixtures_interface).and_then(|d: &TypeDecl| match &d.body {
        TypeExpr::Object(o) => Some(o.props.iter().filter(|p| !p.optional).map(|p| p.name.clone()).collect()),
        _ => None,
    });
    match summary {
        Some(b) => BaseClass {
            name: name.to_string(),
            file,
            abstract_members: b.abstract_members.clone(),
            slots: b.type_params.iter().enumerate().map(|(i, n)| Slot::from_param_name(n, i)).collect(),
            fixtures_interface,
            required_categories,
        },
        None => BaseClass {
            name: name.to_string(),
            file: None,
            abstract_members: ["getPrismaDelegate", "generateMinimalData", "generateCompleteData"].map(String::from).to_vec(),
            slots: vec![Slot::Model, Slot::Create, Slot::Include, Slot::Update],
            fixtures_interface,
            required_categories: required_categories.or_else(|| Some(required_default.to_vec())),
        },
    }
}

/// Whether an abstract class is about fixtures, not any class over a model (a repository): it has
/// a create-input type parameter (`TCreate`, `TPrismaCreateInput`) or a `getFixtures` member.
fn makes_fixtures(base: &ClassSummary) -> bool {
    base.type_params.iter().enumerate().any(|(i, n)| Slot::from_param_name(n, i) == Slot::Create)
        || base.abstract_members.iter().chain(base.members.iter()).any(|m| m == "getFixtures")
}

/// Whether a subclass names a model of the schema, as a factory does: a `super("…")` string (the
/// model, its `@@map` name, or the model in another case), a type argument that is a model or
/// one of its `Prisma.*` types, or a `getPrismaDelegate()` delegate.
fn names_a_model(k: &Candidate, schema: &Schema) -> bool {
    let by_string = k.super_strings.iter().any(|s| schema.model(s).is_some() || schema.model_by_db_name(s).is_some() || schema.models.iter().any(|m| crate::names::same_letters(&m.name, s)));
    let by_type = k.base_args.iter().any(|t| match t {
        TypeExpr::Ref { name, .. } => match name.strip_prefix("Prisma.") {
            Some(b) => fixture_schema::type_names::resolve(schema, b).is_some_and(|r| r.model.is_some()),
            None => schema.model(name).is_some(),
        },
        _ => false,
    });
    let by_delegate = k.delegates.iter().any(|d| schema.model_by_delegate(d).is_some());
    by_string || by_type || by_delegate
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::rules::testing::{BASE, SCHEMA, TAG_FACTORY, at, find, line_of, run};

    /// A second style of base class: the subclass gives only input types and `getFixtures()`.
    const SET_BASE: &str = r#"import type { DbTestFixtures } from "./base.js";
export abstract class FixtureSet<TCreate, TUpdate = Partial<TCreate>> {
    protected abstract getFixtures(): DbTestFixtures<TCreate, TUpdate>;
    describe(): string { return "fixtures"; }
}
"#;
    const USER_SET: &str = r#"import type { Prisma } from "@prisma/client";
import { FixtureSet } from "./set.js";
import type { DbTestFixtures } from "./base.js";
export class UserFixtureSet extends FixtureSet<Prisma.UserCreateInput, Prisma.UserUpdateInput> {
    protected getFixtures(): DbTestFixtures<Prisma.UserCreateInput, Prisma.UserUpdateInput> {
        return {
            minimal: { id: 1n, name: "a" },
            complete: { id: 2n, name: "b", handle: "h" },
            invalid: {},
            edgeCases: { bot: { id: 3n, name: "c", isBot: true } },
        };
    }
}
"#;
    /// A third: the model as a `super("…")` string and a delegate, one abstract builder.
    const SEED_BASE: &str = r#"export abstract class SeedFactory<TCreate> {
    constructor(protected model: string, protected prisma: any) {}
    protected abstract buildData(): TCreate;
    protected abstract getPrismaDelegate(): any;
}
"#;
    const TRANSLATION_SEED: &str = r#"import type { Prisma } from "@prisma/client";
import { SeedFactory } from "./seed.js";
export class TranslationSeed extends SeedFactory<Prisma.tag_translationUncheckedCreateInput> {
    constructor(prisma: any) { super("tag_translation", prisma); }
    protected getPrismaDelegate() { return this.prisma.tag_translation; }
    protected buildData(): Prisma.tag_translationUncheckedCreateInput {
        return { id: 1n, language: "en", tagId: 2n };
    }
}
"#;

    fn factories(files: &[(&str, &str)]) -> Vec<String> {
        let mut all: Vec<(PathBuf, String)> = vec![(PathBuf::from("/t/base.ts"), BASE.to_string())];
        all.extend(files.iter().map(|(n, t)| (PathBuf::from(format!("/t/{n}")), t.to_string())));
        let report = crate::validate_sources(SCHEMA, all, None, None).unwrap();
        let mut out: Vec<String> = report.factories.iter().map(|f| format!("{} {}", f.class_name, f.model.as_deref().unwrap_or("-"))).collect();
        out.sort();
        out
    }

    #[test]
    fn abstract_classes_whose_subclasses_name_a_model_are_bases() {
        let files = [("tag.ts", TAG_FACTORY), ("set.ts", SET_BASE), ("user.ts", USER_SET), ("seed.ts", SEED_BASE), ("translation.ts", TRANSLATION_SEED)];
        assert_eq!(factories(&files), vec!["TagDbFactory tag", "TranslationSeed tag_translation", "UserFixtureSet User"]);
        assert_eq!(run(&files), Vec::<String>::new());
    }

    #[test]
    fn an_abstract_class_whose_subclasses_name_no_model_is_no_base() {
        let src = r#"export abstract class Cache<T> { protected abstract load(): T; }
export class NameCache extends Cache<string> { protected load() { return "n"; } }
export class TagLikeCache extends Cache<{ tag: string }> { protected load() { return { tag: "t" }; } }
"#;
        assert_eq!(factories(&[("cache.ts", src)]), Vec::<String>::new());
        // A class over a model that makes no fixtures (no create input, no `getFixtures`) is none either.
        let repository = r#"import type { tag } from "@prisma/client";
export abstract class Repository<TModel> { constructor(protected model: string, protected prisma: any) {} protected abstract find(): TModel; }
export class TagRepository extends Repository<tag> { constructor(prisma: any) { super("tag", prisma); } protected find(): tag { throw new Error("x"); } }
"#;
        assert_eq!(factories(&[("repo.ts", repository)]), Vec::<String>::new());
    }

    /// Each base's own abstract members, the attribution and the fixtures checks hold for
    /// factories of the other bases as for the configured one.
    #[test]
    fn each_base_requires_its_own_abstract_members_and_its_factories_are_checked() {
        let no_fixtures = "import type { Prisma } from \"@prisma/client\";\nimport { FixtureSet } from \"./set.js\";\nexport class EmptySet extends FixtureSet<Prisma.UserCreateInput> {}\n";
        let no_builder = TRANSLATION_SEED.replace("protected buildData()", "protected build()");
        let r = run(&[("set.ts", SET_BASE), ("empty.ts", no_fixtures), ("seed.ts", SEED_BASE), ("translation.ts", &no_builder)]);
        assert_eq!(r, vec![format!("missing-abstract-method {}", find(no_fixtures, "EmptySet")), format!("missing-abstract-method {}", find(&no_builder, "TranslationSeed"))]);
        let report = crate::validate_sources(
            SCHEMA,
            vec![("/t/base.ts".into(), BASE.into()), ("/t/set.ts".into(), SET_BASE.into()), ("/t/empty.ts".into(), no_fixtures.into())],
            None,
            None,
        )
        .unwrap();
        assert!(report.diagnostics.iter().any(|d| d.message.contains("`getFixtures` of `FixtureSet`")), "{:?}", report.diagnostics);

        // A fixture of the wrong shape, an update type of another model, a missing category.
        let bad = USER_SET
            .replace("name: \"b\", handle", "nmae: \"b\", handle")
            .replace("extends FixtureSet<Prisma.UserCreateInput, Prisma.UserUpdateInput>", "extends FixtureSet<Prisma.UserCreateInput, Prisma.tagUpdateInput>")
            .replace("            edgeCases: { bot: { id: 3n, name: \"c\", isBot: true } },\n", "");
        assert_eq!(
            run(&[("set.ts", SET_BASE), ("user.ts", &bad)]),
            vec![
                format!("type-model-mismatch {}", find(&bad, "Prisma.tagUpdateInput")),
                format!("missing-fixture-category {}", at(&bad, line_of(&bad, "return {"), "{")),
                format!("missing-required-field {}", find(&bad, "complete:")),
                format!("unknown-field {}", find(&bad, "nmae")),
            ]
        );
    }
}
