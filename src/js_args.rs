//! JS arguments checked before napi converts them: a wrong type is a `TypeError` naming the
//! function, the argument and what it takes (Node's `ERR_INVALID_ARG_TYPE`), not napi's generic
//! conversion message with the whole value in it.

use std::path::PathBuf;

use napi::bindgen_prelude::{Either, JsObjectValue, JsValue, Object, Unknown};
use napi::{Env, JsTypeError, Status, ValueType};

use crate::ids::type_name;

// Here, with the other argument shapes, so that the schema bindings and this module do not
// import each other.
/// Schema text given directly; `fileName` (default `schema.prisma`) is used in diagnostics.
#[napi(object)]
pub struct SchemaSource {
    pub source: String,
    pub file_name: Option<String>,
}

/// The `cwd` option as a path, else the process's working directory: where every function
/// resolves relative paths.
pub fn cwd_or_process(cwd: Option<String>) -> napi::Result<PathBuf> {
    match cwd {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => std::env::current_dir().map_err(|e| napi::Error::from_reason(format!("cannot read the working directory: {e}"))),
    }
}

/// A string argument, or a `TypeError` naming it.
pub fn text(env: &Env, function: &str, name: &str, value: Unknown) -> napi::Result<String> {
    if !is_text(&value) {
        return Err(type_error(env, format!("{function}: {name} must be a string; got {}", describe(&value))));
    }
    // SAFETY: checked to be a string.
    unsafe { value.cast::<String>() }
}

/// The schema argument of the schema functions: a path, `{ source, fileName? }`, or absent (found
/// from the working directory as the Prisma CLI does).
pub fn schema_input(env: &Env, function: &str, value: Option<Unknown>) -> napi::Result<Option<Either<String, SchemaSource>>> {
    let Some(value) = value.filter(|v| !matches!(v.get_type(), Ok(ValueType::Undefined | ValueType::Null))) else {
        return Ok(None);
    };
    if let Some(got) = schema_mismatch(&value) {
        return Err(type_error(env, format!("{function}: the schema must be a path (string) or {{ source: string, fileName?: string }}; got {got}")));
    }
    if is_text(&value) {
        // SAFETY: checked to be a string.
        return unsafe { value.cast::<String>() }.map(|path| Some(Either::A(path)));
    }
    // SAFETY: an object whose fields were checked above.
    unsafe { value.cast::<SchemaSource>() }.map(|source| Some(Either::B(source)))
}

/// What `value` is instead of a schema (a path, or `{ source: string, fileName?: string }`);
/// `None` when it is one.
pub fn schema_mismatch(value: &Unknown) -> Option<String> {
    if is_text(value) {
        return None;
    }
    if !is_object(value) {
        return Some(describe(value));
    }
    if !property(value, "source").is_ok_and(|source| is_text(&source)) {
        return Some("an object without a string `source`".to_string());
    }
    match property(value, "fileName") {
        Ok(file_name) if absent_or(&file_name, is_text) => None,
        Ok(file_name) => Some(format!("`fileName` as {}", describe(&file_name))),
        Err(_) => Some("`fileName` as an unreadable value".to_string()),
    }
}

/// `type_name`, telling arrays from other objects.
pub fn describe(value: &Unknown) -> String {
    if value.is_array().unwrap_or(false) { "an array".into() } else { type_name(value) }
}

pub fn is_text(value: &Unknown) -> bool {
    value.get_type().ok() == Some(ValueType::String)
}

pub fn is_object(value: &Unknown) -> bool {
    value.get_type().ok() == Some(ValueType::Object) && !value.is_array().unwrap_or(false)
}

pub fn is_texts(value: &Unknown) -> bool {
    if !value.is_array().unwrap_or(false) {
        return false;
    }
    // SAFETY: checked to be an array (an object).
    let Ok(array) = (unsafe { value.cast::<Object>() }) else { return false };
    let count = array.get_array_length().unwrap_or(0);
    (0..count).all(|i| array.get_element::<Unknown>(i).is_ok_and(|v| is_text(&v)))
}

pub fn absent_or(value: &Unknown, check: fn(&Unknown) -> bool) -> bool {
    matches!(value.get_type(), Ok(ValueType::Undefined)) || check(value)
}

pub fn property<'env>(object: &Unknown<'env>, name: &str) -> Result<Unknown<'env>, String> {
    // SAFETY: callers pass objects only.
    let object = unsafe { object.cast::<Object>() }.map_err(|e| e.reason)?;
    object.get_named_property(name).map_err(|e| e.reason)
}

/// Throws a `TypeError` with Node's `ERR_INVALID_ARG_TYPE` code; the returned error tells napi-rs
/// an exception is already pending.
pub fn type_error(env: &Env, message: String) -> napi::Error {
    let error = JsTypeError::from(napi::Error::new("ERR_INVALID_ARG_TYPE", message.clone())).into_unknown(*env);
    match env.throw(error) {
        Ok(()) => napi::Error::new(Status::PendingException, message),
        Err(throw_failed) => throw_failed,
    }
}
