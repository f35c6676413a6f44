//! The project index: phase-one summaries of every file merged, so that a file can be checked
//! against classes, interfaces and the base class declared in other files. Also decides which
//! classes are factories and what the base class requires of them.

use std::collections::HashMap;

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
    /// Type arguments given to the base class (found along the `extends` chain).
    pub base_args: Vec<TypeExpr>,
    /// Members implemented by the class or a class between it and the base.
    pub implemented: Vec<String>,
}

pub struct ProjectIndex {
    pub classes: HashMap<String, (usize, usize)>,
    pub type_decls: HashMap<String, TypeDecl>,
    pub base: BaseClass,
    /// Factory classes by (file, class index in that file's summary).
    pub factories: Vec<FactoryClass>,
}

fn bare(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

impl ProjectIndex {
    pub fn build(summaries: &[FileSummary], base_class: &str, required_default: &[String]) -> ProjectIndex {
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

        let base_summary = class_of(base_class);
        let fixtures_interface = base_summary
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
        let base = match base_summary {
            Some(b) => BaseClass {
                name: base_class.to_string(),
                file: classes.get(base_class).map(|&(f, _)| f),
                abstract_members: b.abstract_members.clone(),
                slots: b.type_params.iter().enumerate().map(|(i, n)| Slot::from_param_name(n, i)).collect(),
                fixtures_interface,
                required_categories,
            },
            None => BaseClass {
                name: base_class.to_string(),
                file: None,
                abstract_members: ["getPrismaDelegate", "generateMinimalData", "generateCompleteData"].map(String::from).to_vec(),
                slots: vec![Slot::Model, Slot::Create, Slot::Include, Slot::Update],
                fixtures_interface,
                required_categories: required_categories.or_else(|| Some(required_default.to_vec())),
            },
        };

        let mut factories = Vec::new();
        for (f, s) in summaries.iter().enumerate() {
            for (c, class) in s.classes.iter().enumerate() {
                if class.is_abstract || class.name == base_class {
                    continue;
                }
                // Walk up the chain; stop at the base, an unknown class, or a cycle.
                let mut implemented: Vec<String> = class.members.iter().cloned().collect();
                let mut current = class;
                let mut base_args = None;
                // Type parameters of the classes in between, bound to the arguments given below them.
                let mut env: Vec<(String, TypeExpr)> = Vec::new();
                for _ in 0..32 {
                    let Some((parent, args)) = &current.extends else { break };
                    let args: Vec<TypeExpr> = args.iter().map(|a| a.substitute(&env)).collect();
                    if bare(parent) == base_class {
                        base_args = Some(args);
                        break;
                    }
                    let Some(next) = class_of(parent) else { break };
                    implemented.extend(next.members.iter().cloned());
                    env = next.type_params.iter().cloned().zip(args.into_iter().chain(std::iter::repeat(TypeExpr::Opaque))).collect();
                    current = next;
                }
                if let Some(args) = base_args {
                    factories.push(FactoryClass { file: f, class: c, name: class.name.clone(), base_args: args, implemented });
                }
            }
        }
        ProjectIndex { classes, type_decls, base, factories }
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
