//! Watches a project's factory folders, schema, config and tsconfig (with `notify`) and hands
//! every change to a validation [`Session`], which re-checks only what the change touches.
//!
//! Events arriving within `debounce` of each other are one change: an editor's atomic save
//! (write a temp file, rename it over the original) is one report, not three. After an event that
//! ends a write (a file closed after writing, a rename) the quiet time is shorter (`SETTLED`): the
//! save is complete, only its rename may still follow, within microseconds. A schema with a
//! syntax error mid-edit is a report (`schema-error`) and the watch goes on; a run that cannot
//! happen at all (a config that stops parsing) is an `Err` to the callback, and the watch goes on.

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use fixture_validate::session::{Session, Update};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{EventKind, RecursiveMode, Watcher};

pub use fixture_validate::session;

/// One report of the watch: the update, and how long it took from the first file event of
/// the change to the report (debounce included).
#[derive(Debug, Clone)]
pub struct Reported {
    pub update: Update,
    /// The paths of the change.
    pub paths: Vec<PathBuf>,
    /// From the first event to the report, in milliseconds.
    pub latency_ms: f64,
}

/// A running watch; stops when closed or dropped.
pub struct Watch {
    stop: Option<mpsc::Sender<Message>>,
    thread: Option<JoinHandle<()>>,
}

enum Message {
    /// Paths, when the event came, and whether it ended a write.
    Changed(Vec<PathBuf>, Instant, bool),
    WatchFailed(String),
    Stop,
}

/// The default quiet time that ends a change.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(5);

/// The quiet time after an event that ends a write (a close after writing, a rename).
pub const SETTLED: Duration = Duration::from_millis(1);

/// Starts watching. `on_report` first gets the session's whole report (everything `added`; its
/// `duration_ms` counted from `started`, before the session was built), then one call per change
/// that concerns the project; it runs on the watch's thread.
pub fn watch<F>(session: Session, started: Instant, debounce: Duration, mut on_report: F) -> Result<Watch, String>
where
    F: FnMut(Result<Reported, String>) + Send + 'static,
{
    let (tx, rx) = mpsc::channel();
    let events = tx.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let message = match event {
            Ok(event) => {
                let ends_write = matches!(event.kind, EventKind::Access(AccessKind::Close(AccessMode::Write)) | EventKind::Modify(ModifyKind::Name(_)));
                if matches!(event.kind, EventKind::Access(_)) && !ends_write {
                    return;
                }
                Message::Changed(event.paths, Instant::now(), ends_write)
            }
            Err(e) => Message::WatchFailed(e.to_string()),
        };
        // The receiver is gone only after the watch stopped.
        let _ = events.send(message);
    })
    .map_err(|e| format!("cannot start the file watcher: {e}"))?;
    let mut watched: Vec<(PathBuf, bool)> = Vec::new();
    add_roots(&mut watcher, &mut watched, &session)?;

    let thread = std::thread::Builder::new()
        .name("fixture-watch".into())
        .spawn(move || {
            let mut session = session;
            let report = session.report_since(started);
            let first = Update { added: report.diagnostics.clone(), removed: Vec::new(), report };
            on_report(Ok(Reported { update: first, paths: Vec::new(), latency_ms: 0.0 }));
            while let Some((paths, first_event)) = next_change(&rx, debounce, &session) {
                let outcome = match paths {
                    Err(message) => Err(message),
                    Ok(paths) => session.update(&paths).map_err(|e| e.message).map(|update| {
                        // A config edit may name other folders: watch them too.
                        if let Err(e) = add_roots(&mut watcher, &mut watched, &session) {
                            on_report(Err(e));
                        }
                        Reported { update, paths, latency_ms: first_event.elapsed().as_secs_f64() * 1000.0 }
                    }),
                };
                on_report(outcome);
            }
            drop(watcher);
        })
        .map_err(|e| format!("cannot start the watch thread: {e}"))?;
    Ok(Watch { stop: Some(tx), thread: Some(thread) })
}

/// The next change that concerns the session: its paths (deduplicated) once `debounce` passed
/// without another event, and the time of its first event. `None` when the watch stops.
fn next_change(rx: &mpsc::Receiver<Message>, debounce: Duration, session: &Session) -> Option<(Result<Vec<PathBuf>, String>, Instant)> {
    loop {
        let (mut paths, first, mut ends_write) = match rx.recv().ok()? {
            Message::Stop => return None,
            Message::WatchFailed(e) => return Some((Err(format!("the file watcher failed: {e}")), Instant::now())),
            Message::Changed(paths, at, ends_write) => (paths, at, ends_write),
        };
        loop {
            let quiet = if ends_write { SETTLED.min(debounce) } else { debounce };
            match rx.recv_timeout(quiet) {
                Ok(Message::Changed(more, _, ends)) => {
                    paths.extend(more);
                    ends_write = ends;
                }
                Ok(Message::Stop) | Err(mpsc::RecvTimeoutError::Disconnected) => return None,
                Ok(Message::WatchFailed(_)) => {}
                Err(mpsc::RecvTimeoutError::Timeout) => break,
            }
        }
        paths.sort();
        paths.dedup();
        paths.retain(|p| session.concerns(p));
        if !paths.is_empty() {
            return Some((Ok(paths), first));
        }
    }
}

fn add_roots(watcher: &mut notify::RecommendedWatcher, watched: &mut Vec<(PathBuf, bool)>, session: &Session) -> Result<(), String> {
    for (root, recursive) in session.watch_roots() {
        if watched.iter().any(|(w, r)| *w == root && (*r || !recursive)) {
            continue;
        }
        let mode = if recursive { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
        watcher.watch(&root, mode).map_err(|e| format!("{}: cannot watch: {e}", root.display()))?;
        watched.push((root, recursive));
    }
    Ok(())
}

impl Watch {
    /// Stops watching and waits for the report under way, if any.
    pub fn close(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(Message::Stop);
        }
        if let Some(thread) = self.thread.take()
            && thread.thread().id() != std::thread::current().id()
        {
            let _ = thread.join();
        }
    }

    pub fn is_closed(&self) -> bool {
        self.stop.is_none()
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.close();
    }
}
