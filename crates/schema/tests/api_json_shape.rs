//! The JSON that `loadSchema` and `resolveTypeMap` return (`api_json`) must have exactly the shape
//! index.d.ts declares for them: every key declared, every required key present, nested objects
//! checked against their own interfaces. index.d.ts is generated from the napi structs in
//! src/schema.rs, which no longer build these values, so this keeps the two in step.

use std::collections::BTreeMap;
use std::path::Path;

use fixture_schema::api_json::{loaded_schema_json, type_map_json};
use fixture_schema::{SchemaInput, load};
use serde_json::Value;

/// `interface name -> key -> (optional, TypeScript type)`, read from index.d.ts.
type Interfaces = BTreeMap<String, BTreeMap<String, (bool, String)>>;

fn interfaces(declarations: &str) -> Interfaces {
    let mut found = Interfaces::new();
    let mut current: Option<String> = None;
    for line in declarations.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("export interface ") {
            current = Some(rest.trim_end_matches(" {").trim().to_owned());
            found.entry(current.clone().unwrap()).or_default();
        } else if line == "}" {
            current = None;
        } else if let Some(name) = &current
            && let Some((key, type_text)) = line.split_once(": ")
            && !line.starts_with('*')
            && !line.starts_with("/*")
        {
            let optional = key.ends_with('?');
            found.get_mut(name).unwrap().insert(key.trim_end_matches('?').to_owned(), (optional, type_text.to_owned()));
        }
    }
    found
}

/// The interface a value of `type_text` must follow, and how it is wrapped.
fn check(value: &Value, type_text: &str, interfaces: &Interfaces, at: &str, checked: &mut usize) {
    if let Some(inner) = type_text.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
        if let Some(items) = value.as_array() {
            for (i, item) in items.iter().enumerate() {
                check(item, inner, interfaces, &format!("{at}[{i}]"), checked);
            }
        }
        return;
    }
    if let Some(inner) = type_text.strip_prefix("Record<string, ").and_then(|t| t.strip_suffix('>')) {
        for (key, item) in value.as_object().unwrap_or_else(|| panic!("{at}: expected an object")) {
            check(item, inner, interfaces, &format!("{at}.{key}"), checked);
        }
        return;
    }
    let Some(declared) = interfaces.get(type_text) else { return };
    let object = value.as_object().unwrap_or_else(|| panic!("{at}: expected a {type_text} object, got {value}"));
    for key in object.keys() {
        assert!(declared.contains_key(key), "{at}: key `{key}` is not declared in index.d.ts's {type_text}");
    }
    for (key, (optional, inner)) in declared {
        match object.get(key) {
            Some(item) => check(item, inner, interfaces, &format!("{at}.{key}"), checked),
            None => assert!(optional, "{at}: required key `{key}` of {type_text} is missing"),
        }
    }
    *checked += 1;
}

#[test]
fn api_json_follows_index_d_ts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let declarations = std::fs::read_to_string(root.join("index.d.ts")).expect("index.d.ts at the repository root");
    let interfaces = interfaces(&declarations);
    for name in ["LoadedSchema", "TypeMap", "SchemaModel", "SchemaField", "ModelTypeNames", "SchemaEnum"] {
        assert!(interfaces.get(name).is_some_and(|keys| !keys.is_empty()), "index.d.ts declares {name}");
    }

    let fixtures = root.join("__test__/fixtures/schema");
    let mut checked = 0;
    let mut schemas = 0;
    for entry in std::fs::read_dir(&fixtures).expect("__test__/fixtures/schema") {
        let path = entry.unwrap().path();
        let Ok(schema) = load(&SchemaInput::Path(path.clone())) else { continue };
        schemas += 1;
        let at = path.file_name().unwrap().to_string_lossy().into_owned();
        let loaded: Value = serde_json::from_str(loaded_schema_json(&schema)).unwrap();
        check(&loaded, "LoadedSchema", &interfaces, &format!("{at} loadSchema"), &mut checked);
        let map: Value = serde_json::from_str(type_map_json(&schema)).unwrap();
        check(&map, "TypeMap", &interfaces, &format!("{at} resolveTypeMap"), &mut checked);
    }
    assert!(schemas >= 5, "the edge-case fixtures load ({schemas})");
    assert!(checked > 300, "objects checked: {checked}");
}

#[test]
fn an_undeclared_key_is_caught() {
    let interfaces = interfaces("export interface A {\n  name: string\n  dbName?: string\n}\n");
    let mut checked = 0;
    check(&serde_json::json!({ "name": "x" }), "A", &interfaces, "ok", &mut checked);
    let extra = std::panic::catch_unwind(|| {
        check(&serde_json::json!({ "name": "x", "nativeType": "Uuid" }), "A", &interfaces, "extra", &mut 0)
    });
    assert!(extra.is_err());
    let missing = std::panic::catch_unwind(|| check(&serde_json::json!({ "dbName": "x" }), "A", &interfaces, "missing", &mut 0));
    assert!(missing.is_err());
}
