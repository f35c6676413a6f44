//! Core values to JS and back, the one way the napi layer converts results: out, the value is
//! serialized to JSON in Rust and `JSON.parse`d by the engine; back (a report handed to
//! `formatValidationReport` or `applyFixes`), `JSON.stringify` in the engine and serde in Rust.
//! One string crosses the boundary instead of thousands of objects built or read property by
//! property, and the core types' serde derives are the only description of the shape.
//! The `#[napi(object)]` structs that name these shapes in index.d.ts only declare them.

use napi::bindgen_prelude::{Function, JsObjectValue, ToNapiValue, Unknown};
use napi::{Env, JSON, JsValue, ValueType};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// `value` as a JS value (through JSON: `undefined` for `None` fields that serde skips).
pub fn to_js<'env, T: Serialize>(env: &'env Env, value: &T) -> napi::Result<Unknown<'env>> {
    let json = JsonText::of(value).map_err(napi::Error::from_reason)?;
    parse(env, &json.0)
}

/// A value serialized where it is made, `JSON.parse`d when napi hands it to JS: the argument of a
/// threadsafe function (`watchFactories`' reports, serialized on the watch's thread).
pub struct JsonText(String);

impl JsonText {
    pub fn of<T: Serialize>(value: &T) -> Result<JsonText, String> {
        serde_json::to_string(value).map(JsonText).map_err(|e| format!("cannot serialize the result: {e}"))
    }
}

impl ToNapiValue for JsonText {
    unsafe fn to_napi_value(env: napi::sys::napi_env, value: Self) -> napi::Result<napi::sys::napi_value> {
        let env = Env::from_raw(env);
        Ok(parse(&env, &value.0)?.raw())
    }
}

/// `JSON.parse(json)` in the engine.
pub fn parse<'env>(env: &'env Env, json: &str) -> napi::Result<Unknown<'env>> {
    let namespace: JSON<'env> = env.get_global()?.get_named_property_unchecked("JSON")?;
    let parse: Function<'env, &str, Unknown<'env>> = namespace.get_named_property_unchecked("parse")?;
    parse.call(json)
}

/// A JS value read back into a core type. `what` names it in the error (`formatValidationReport:
/// report`), which says what serde found wrong (a code that is no diagnostic code, a missing field).
pub fn from_js<T: DeserializeOwned>(env: &Env, what: &str, value: Unknown) -> napi::Result<T> {
    if matches!(value.get_type(), Ok(ValueType::Undefined | ValueType::Null)) {
        return Err(napi::Error::from_reason(format!("{what} is missing")));
    }
    let namespace: JSON = env.get_global()?.get_named_property_unchecked("JSON")?;
    let stringify: Function<Unknown, Unknown> = namespace.get_named_property_unchecked("stringify")?;
    let text = stringify.call(value)?;
    if text.get_type()? != ValueType::String {
        return Err(napi::Error::from_reason(format!("{what} is not a JSON value")));
    }
    // SAFETY: checked to be a string.
    let text: String = unsafe { text.cast::<String>() }?;
    serde_json::from_str(&text).map_err(|e| napi::Error::from_reason(format!("{what}: {}", without_position(&e))))
}

/// serde_json's message without "at line 1 column 4711": a position in text the caller never saw.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}
