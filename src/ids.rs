//! napi bindings for fixture-ids (see crates/ids): type checks of JS arguments and conversions,
//! nothing more. Errors become `RangeError` (value out of range), `TypeError` (wrong type) or
//! `Error`, with a Node-style `code` and a message saying what is allowed (`generatePK`, which
//! takes no arguments, only fails with plain `Error`s).

use fixture_ids::generator::WorkerIdArg;
use fixture_ids::{ErrorKind, IdError, WorkerSource, pk, process, public_id};
use napi::bindgen_prelude::{BigInt, BigUint64Array, PromiseRaw, Unknown};
use napi::{Env, JsError, JsRangeError, JsTypeError, Status, ValueType};

/// The placeholder id fixtures use before a real id is assigned (`@vrooli/shared`'s `DUMMY_ID`).
#[napi(js_name = "DUMMY_ID")]
pub const DUMMY_ID: &str = fixture_ids::DUMMY_ID;

/// Builds the JS error object for `err`.
fn js_error<'env>(env: &'env Env, err: &IdError) -> Unknown<'env> {
    let message = err.to_string();
    match err.kind() {
        ErrorKind::Range => JsRangeError::from(napi::Error::new("ERR_OUT_OF_RANGE", message)).into_unknown(*env),
        ErrorKind::Type => JsTypeError::from(napi::Error::new("ERR_INVALID_ARG_TYPE", message)).into_unknown(*env),
        ErrorKind::Other => JsError::from(napi::Error::new("ERR_FIXTURE_NATIVE_IDS", message)).into_unknown(*env),
    }
}

/// Throws `err` as its JS class; the returned error tells napi-rs an exception is already pending.
fn throw(env: &Env, err: IdError) -> napi::Error {
    let message = err.to_string();
    match env.throw(js_error(env, &err)) {
        Ok(()) => napi::Error::new(Status::PendingException, message),
        Err(throw_failed) => throw_failed,
    }
}

fn kind(value: &Unknown) -> Option<ValueType> {
    value.get_type().ok()
}

pub(crate) fn type_name(value: &Unknown) -> String {
    match value.get_type() {
        Ok(ValueType::Undefined) => "undefined",
        Ok(ValueType::Null) => "null",
        Ok(ValueType::Boolean) => "a boolean",
        Ok(ValueType::Number) => "a number",
        Ok(ValueType::String) => "a string",
        Ok(ValueType::Symbol) => "a symbol",
        Ok(ValueType::Object) => "an object",
        Ok(ValueType::Function) => "a function",
        Ok(ValueType::External) => "an external",
        Ok(ValueType::BigInt) => "a bigint",
        _ => "an unknown value",
    }
    .to_string()
}

fn is_absent(value: &Option<Unknown>) -> bool {
    match value {
        None => true,
        Some(v) => matches!(v.get_type(), Ok(ValueType::Undefined | ValueType::Null)),
    }
}

/// A JS number argument, or a `TypeError` naming `argument`.
fn number_arg(value: &Unknown, argument: &'static str, expected: &'static str) -> Result<f64, IdError> {
    if kind(value) == Some(ValueType::Number) {
        // SAFETY: the value was just checked to be a number.
        if let Ok(number) = unsafe { value.cast::<f64>() } {
            return Ok(number);
        }
    }
    Err(IdError::WrongType { argument, expected, got: type_name(value) })
}

fn worker_id_arg(value: Option<Unknown>) -> Result<WorkerIdArg, IdError> {
    let Some(value) = value.filter(|_| !is_absent(&value)) else { return Ok(WorkerIdArg::Unset) };
    match value.get_type() {
        Ok(ValueType::Number) => Ok(WorkerIdArg::Number(number_arg(&value, "workerId", "a number")?)),
        Ok(ValueType::String) => {
            // SAFETY: the value was just checked to be a string.
            let text = unsafe { value.cast::<String>() }.unwrap_or_default();
            if text == "auto" { Ok(WorkerIdArg::Auto) } else { Err(IdError::WorkerIdType { got: format!("{text:?}") }) }
        }
        _ => Err(IdError::WorkerIdType { got: type_name(&value) }),
    }
}

fn epoch_arg(value: Option<Unknown>) -> Result<Option<f64>, IdError> {
    if is_absent(&value) {
        return Ok(None);
    }
    let value = value.expect("present");
    number_arg(&value, "epoch", "a number (Unix milliseconds)").map(Some)
}

/// A bigint for a message: its decimal value when it fits in 128 bits.
fn describe_bigint(big: &BigInt) -> String {
    let sign = if big.sign_bit { "-" } else { "" };
    match big.words.as_slice() {
        [] => "0n".to_string(),
        [low] => format!("{sign}{low}n"),
        [low, high] => format!("{sign}{}n", (u128::from(*high) << 64) | u128::from(*low)),
        _ => format!("{sign}a bigint of {} bits", big.words.len() * 64),
    }
}

/// A JS bigint or string as an id in 1..=2^64-1.
fn pk_arg(value: &Unknown) -> Result<u64, IdError> {
    match value.get_type() {
        Ok(ValueType::BigInt) => {
            // SAFETY: the value was just checked to be a bigint.
            let big = unsafe { value.cast::<BigInt>() }.map_err(|e| IdError::PkOutOfRange { got: e.reason })?;
            pk::pk_from_bigint_words(big.sign_bit, &big.words)
                .ok_or_else(|| IdError::PkOutOfRange { got: describe_bigint(&big) })
        }
        Ok(ValueType::String) => {
            // SAFETY: the value was just checked to be a string.
            let text = unsafe { value.cast::<String>() }.unwrap_or_default();
            pk::parse_pk_text(&text)
        }
        _ => Err(IdError::WrongType { argument: "id", expected: "a bigint or a string", got: type_name(value) }),
    }
}

/// The next Snowflake id of this process: bits 63..22 milliseconds since the epoch, 21..10 the
/// instance id, 9..0 a sequence. Strictly increasing across every thread and module re-load.
// No `Env` parameter, so napi-rs takes its zero-argument fast path for this hot call; its only
// failures (unusable environment, no free lease, clock past the 42-bit field) are plain `Error`s.
#[napi(catch_unwind, js_name = "generatePK")]
pub fn generate_pk() -> napi::Result<u64> {
    process::generate_pk().map_err(|e| napi::Error::new(Status::GenericFailure, e.to_string()))
}

/// `count` ids in one call (consecutive in this process), for bulk seeding. `count` is an
/// integer from 0 to 10,000,000.
#[napi(catch_unwind, js_name = "generatePKs", ts_args_type = "count: number")]
pub fn generate_pks(env: Env, count: Unknown) -> napi::Result<BigUint64Array> {
    number_arg(&count, "count", "a number (an integer from 0 to 10000000)")
        .and_then(process::generate_pks)
        .map(BigUint64Array::new)
        .map_err(|e| throw(&env, e))
}

/// Options of `configureIdGenerator`.
#[napi(object, object_to_js = false)]
pub struct IdGeneratorOptions<'env> {
    /// An integer from 0 to 4095, or `"auto"` to lease an id no other live process on this
    /// machine holds. Omitted: from the environment (see the README).
    #[napi(ts_type = "number | 'auto'")]
    pub worker_id: Option<Unknown<'env>>,
    /// Unix milliseconds the timestamps count from; omitted: 1609459200000 (2021-01-01).
    #[napi(ts_type = "number")]
    pub epoch: Option<Unknown<'env>>,
}

/// The configuration in force.
#[napi(object, object_from_js = false)]
pub struct IdGeneratorConfig {
    pub worker_id: u32,
    pub epoch: f64,
    /// How the instance id was chosen: `argument`, `environment`, `lease` or `default`.
    #[napi(ts_type = "'argument' | 'environment' | 'lease' | 'default'")]
    pub source: String,
    /// The environment variable the instance id came from, if it came from one.
    pub variable: Option<String>,
    /// The lock file held, if the instance id is leased.
    pub lease_file: Option<String>,
}

impl From<fixture_ids::IdConfig> for IdGeneratorConfig {
    fn from(config: fixture_ids::IdConfig) -> Self {
        let (source, variable, lease_file) = match config.source {
            WorkerSource::Argument => ("argument", None, None),
            WorkerSource::Environment(variable) => ("environment", Some(variable.to_string()), None),
            WorkerSource::Lease { path } => ("lease", None, Some(path)),
            WorkerSource::Default => ("default", None, None),
        };
        Self { worker_id: u32::from(config.worker_id), epoch: config.epoch_ms as f64, source: source.to_string(), variable, lease_file }
    }
}

fn configure(worker_id: Option<Unknown>, epoch: Option<Unknown>) -> Result<fixture_ids::IdConfig, IdError> {
    let worker = worker_id_arg(worker_id)?;
    let epoch = epoch_arg(epoch)?;
    process::configure(worker, epoch)
}

/// Sets the instance id and epoch of this process's generator, like `@vrooli/shared`'s function
/// of the same name. Settles after the change is in force; rejects with a `RangeError` or
/// `TypeError` on bad arguments.
#[napi(
    catch_unwind,
    ts_args_type = "workerId?: number | 'auto' | undefined | null, epoch?: number | undefined | null",
    ts_return_type = "Promise<void>"
)]
pub fn init_id_generator<'env>(
    env: &'env Env,
    worker_id: Option<Unknown<'env>>,
    epoch: Option<Unknown<'env>>,
) -> napi::Result<PromiseRaw<'env, ()>> {
    match configure(worker_id, epoch) {
        Ok(_) => PromiseRaw::resolve(env, ()),
        Err(err) => PromiseRaw::reject(env, js_error(env, &err)),
    }
}

/// The synchronous twin of `initIdGenerator`; returns the configuration now in force.
#[napi(catch_unwind, ts_args_type = "options?: IdGeneratorOptions | undefined | null")]
pub fn configure_id_generator(env: Env, options: Option<Unknown>) -> napi::Result<IdGeneratorConfig> {
    let result = match options.filter(|_| !is_absent(&options)) {
        None => configure(None, None),
        Some(value) if kind(&value) == Some(ValueType::Object) => {
            // SAFETY: the value was just checked to be an object; absent fields read as None.
            match unsafe { value.cast::<IdGeneratorOptions>() } {
                Ok(opts) => configure(opts.worker_id, opts.epoch),
                Err(e) => Err(IdError::WrongType { argument: "options", expected: "an object", got: e.reason }),
            }
        }
        Some(value) => Err(IdError::WrongType {
            argument: "options",
            expected: "an object { workerId?, epoch? }",
            got: type_name(&value),
        }),
    };
    result.map(IdGeneratorConfig::from).map_err(|e| throw(&env, e))
}

/// The configuration in force (reading the environment if nothing was configured yet).
#[napi(catch_unwind)]
pub fn id_generator_config(env: Env) -> napi::Result<IdGeneratorConfig> {
    process::config().map(IdGeneratorConfig::from).map_err(|e| throw(&env, e))
}

/// `@vrooli/shared`'s rule: a bigint, or a string `BigInt()` accepts, with a value from 1 to
/// 2^64-1. Everything else (numbers, negatives, junk, null) is `false`.
#[napi(catch_unwind, js_name = "validatePK", ts_args_type = "id: unknown")]
pub fn validate_pk(id: Unknown) -> bool {
    match id.get_type() {
        Ok(ValueType::BigInt | ValueType::String) => pk_arg(&id).is_ok(),
        _ => false,
    }
}

/// The parts of an id made with the configured epoch.
#[napi(object, object_from_js = false)]
pub struct DecodedPk {
    /// Unix milliseconds.
    pub timestamp: f64,
    pub worker_id: u32,
    pub sequence: u32,
}

/// Reads an id (a bigint or an integer string) with the configured epoch.
#[napi(catch_unwind, js_name = "decodePK", ts_args_type = "id: bigint | string")]
pub fn decode_pk(env: Env, id: Unknown) -> napi::Result<DecodedPk> {
    let id = pk_arg(&id).map_err(|e| throw(&env, e))?;
    let parts = process::decode_pk(id);
    Ok(DecodedPk { timestamp: parts.timestamp as f64, worker_id: u32::from(parts.worker_id), sequence: u32::from(parts.sequence) })
}

/// The smallest id this instance can have in the Unix millisecond `unixMs` (for range queries
/// such as "created after"); equals `nodejs-snowflake`'s `idFromTimestamp`.
#[napi(catch_unwind, js_name = "pkFromTimestamp", ts_args_type = "unixMs: number")]
pub fn pk_from_timestamp(env: Env, unix_ms: Unknown) -> napi::Result<u64> {
    number_arg(&unix_ms, "unixMs", "a number (Unix milliseconds)")
        .and_then(process::pk_from_timestamp)
        .map_err(|e| throw(&env, e))
}

/// A random public id of `length` characters (default 12) from `0-9a-z`, from the operating
/// system's cryptographic random source.
#[napi(catch_unwind, ts_args_type = "length?: number | undefined | null")]
pub fn generate_public_id(env: Env, length: Option<Unknown>) -> napi::Result<String> {
    let length = if is_absent(&length) {
        Ok(public_id::DEFAULT_LENGTH as f64)
    } else {
        number_arg(length.as_ref().expect("present"), "length", "a number (an integer from 1 to 1024)")
    };
    length.and_then(public_id::generate).map_err(|e| throw(&env, e))
}

/// True for a string of 10 to 12 characters from `0-9a-z`.
#[napi(catch_unwind, ts_args_type = "id: unknown")]
pub fn validate_public_id(id: Unknown) -> bool {
    if kind(&id) != Some(ValueType::String) {
        return false;
    }
    // SAFETY: the value was just checked to be a string.
    unsafe { id.cast::<String>() }.is_ok_and(|text| public_id::is_valid(&text))
}

/// Twelve random characters from `0-9a-z` (`@vrooli/shared`'s `nanoid()`).
#[napi(catch_unwind)]
pub fn nanoid(env: Env) -> napi::Result<String> {
    public_id::nanoid().map_err(|e| throw(&env, e))
}
