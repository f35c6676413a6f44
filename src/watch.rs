//! napi bindings for crates/watch: `watchFactories` (a callback per report) and the
//! `fixture-native validate --watch` of the bin. The reports come from the watch's thread through
//! a threadsafe function, serialized there and `JSON.parse`d on the JS thread (`serde_js`); the
//! process stays alive until `close()`, as with `fs.watch`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use fixture_validate::session::Session;
use napi::Env;
use napi::bindgen_prelude::Unknown;
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};

use crate::js_args::type_error;
use crate::serde_js::JsonText;
use crate::session::JsUpdate;

/// The running watches by id: a watch runs until closed, whether or not JS keeps its handle.
static WATCHES: Mutex<Option<HashMap<u32, fixture_watch::Watch>>> = Mutex::new(None);
static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A running watch.
#[napi]
pub struct FactoryWatch {
    id: u32,
}

#[napi]
impl FactoryWatch {
    /// Stops watching (no report arrives after it returns). Closing twice does nothing.
    #[napi(catch_unwind)]
    pub fn close(&self) {
        let watch = WATCHES.lock().ok().and_then(|mut all| all.as_mut().and_then(|m| m.remove(&self.id)));
        if let Some(mut watch) = watch {
            watch.close();
        }
    }
}

fn register(watch: fixture_watch::Watch) -> FactoryWatch {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut all) = WATCHES.lock() {
        all.get_or_insert_with(HashMap::new).insert(id, watch);
    }
    FactoryWatch { id }
}

/// Watches the factories, the schema, the config and the tsconfig; calls `callback(null, update)`
/// first with the whole report (every diagnostic `added`), then once per change that touches the
/// project, with what changed; `callback(error)` when a run cannot happen (a config that stops
/// parsing), and the watch goes on. An invalid schema is a report (`schema-error`).
#[napi(
    catch_unwind,
    ts_args_type = "options: ValidateOptions | undefined | null, callback: (err: Error | null, update: SessionUpdate) => void"
)]
pub fn watch_factories(env: Env, options: Option<Unknown>, callback: ThreadsafeFunction<JsonText>) -> napi::Result<FactoryWatch> {
    let options = crate::validate::options_from_js(options).map_err(|message| type_error(&env, message.replacen("validateFactories:", "watchFactories:", 1)))?;
    let options = crate::validate::convert_options(options)?;
    let started = std::time::Instant::now();
    let session = Session::new(options).map_err(|e| napi::Error::from_reason(e.message))?;
    let watch = fixture_watch::watch(session, started, fixture_watch::DEFAULT_DEBOUNCE, move |reported| {
        let value = reported.and_then(|r| JsonText::of(&JsUpdate::new(&r.update, &r.paths, Some(r.latency_ms))));
        callback.call(value.map_err(napi::Error::from_reason), ThreadsafeFunctionCallMode::NonBlocking);
    })
    .map_err(napi::Error::from_reason)?;
    Ok(register(watch))
}

/// What the bin writes for one report of `validate --watch`.
#[napi(object)]
pub struct CliChunk {
    pub stdout: String,
    pub stderr: String,
}

/// `fixture-native validate --watch …` for the bin: `write` gets what to print per report.
/// Throws an error with `code: 'InvalidArg'` carrying the usage message (exit code 2) when the
/// arguments are wrong or the first run cannot happen.
#[napi(catch_unwind, ts_args_type = "args: Array<string>, cwd: string, write: (err: Error | null, chunk: CliChunk) => void")]
pub fn watch_cli(args: Vec<String>, cwd: String, write: ThreadsafeFunction<CliChunk>) -> napi::Result<FactoryWatch> {
    let cwd = std::path::PathBuf::from(cwd);
    let usage = |message: String| napi::Error::new(napi::Status::InvalidArg, message);
    let plan = fixture_cli::watch_plan(&args, &cwd).map_err(|out| usage(out.stderr))?;
    let started = std::time::Instant::now();
    let session = Session::new(plan.options.clone()).map_err(|e| usage(format!("fixture-native validate: {}\n", e.message)))?;
    let mut first = true;
    let watch = fixture_watch::watch(session, started, fixture_watch::DEFAULT_DEBOUNCE, move |reported| {
        let chunk = match reported {
            Ok(r) => {
                let stdout = plan.render(&r.update, &r.paths, r.latency_ms, first);
                first = false;
                CliChunk { stdout, stderr: String::new() }
            }
            Err(message) => CliChunk { stdout: String::new(), stderr: plan.render_error(&message) },
        };
        write.call(Ok(chunk), ThreadsafeFunctionCallMode::NonBlocking);
    })
    .map_err(napi::Error::from_reason)?;
    Ok(register(watch))
}
