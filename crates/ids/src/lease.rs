//! `workerId: "auto"`: an instance id no other live process on this machine holds.
//!
//! Each id of the range has a lock file `worker-NNNN.lock` in the lease directory (the OS temp
//! dir, or `FIXTURE_NATIVE_LEASE_DIR`). A process owns an id while it holds an exclusive lock on
//! that file. The operating system drops the lock when the process exits, however it exits, so a
//! dead process's lease is free again without any cleanup; the files themselves stay (empty).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::IdError;
use crate::worker_id::WorkerRange;

pub const LEASE_DIR_VAR: &str = "FIXTURE_NATIVE_LEASE_DIR";

/// A held instance id. Dropping it releases the id.
#[derive(Debug)]
pub struct Lease {
    worker_id: u16,
    path: PathBuf,
    _file: File,
}

impl Lease {
    pub fn worker_id(&self) -> u16 {
        self.worker_id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Takes the lowest free id of `range` in `dir`, creating `dir` if needed.
    pub fn acquire(range: WorkerRange, dir: &Path) -> Result<Lease, IdError> {
        let io_error = |e: std::io::Error| IdError::LeaseIo { dir: dir.display().to_string(), message: e.to_string() };
        std::fs::create_dir_all(dir).map_err(io_error)?;
        for worker_id in range.first..=range.last {
            let path = dir.join(format!("worker-{worker_id:04}.lock"));
            let file = match OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path) {
                Ok(file) => file,
                // Another user's lock file: a lock needs only a read handle, so its id is still
                // ours to take once that user's process is gone.
                Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => match File::open(&path) {
                    Ok(file) => file,
                    Err(_) => continue,
                },
                Err(e) => return Err(io_error(e)),
            };
            match file.try_lock() {
                Ok(()) => return Ok(Lease { worker_id, path, _file: file }),
                Err(TryLockError::WouldBlock) => continue,
                Err(TryLockError::Error(e)) => return Err(io_error(e)),
            }
        }
        Err(IdError::NoFreeWorkerId { first: range.first, last: range.last, dir: dir.display().to_string() })
    }
}

/// The lease directory: `FIXTURE_NATIVE_LEASE_DIR`, else `<OS temp dir>/fixture-native-worker-ids`.
pub fn lease_dir(var: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    match var(LEASE_DIR_VAR) {
        Some(dir) if !dir.trim().is_empty() => PathBuf::from(dir),
        _ => std::env::temp_dir().join("fixture-native-worker-ids"),
    }
}

/// The process's lease, held until exit. One per process: every thread and every re-load of the
/// addon asks for "auto" through here and gets the same id.
static PROCESS_LEASE: Mutex<Option<Lease>> = Mutex::new(None);

/// Returns the process's leased id, taking one from `range` if it holds none in that range.
pub fn process_lease(range: WorkerRange, dir: &Path) -> Result<(u16, PathBuf), IdError> {
    let mut held = PROCESS_LEASE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(lease) = held.as_ref().filter(|lease| range.contains(lease.worker_id)) {
        return Ok((lease.worker_id, lease.path.clone()));
    }
    let lease = Lease::acquire(range, dir)?;
    let taken = (lease.worker_id, lease.path.clone());
    // Replacing the old lease (outside the new range) releases it.
    *held = Some(lease);
    Ok(taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("fixture-ids-lease-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn two_holders_never_share_an_id_and_a_released_id_is_reused() {
        let dir = scratch_dir("share");
        let range = WorkerRange { first: 5, last: 6 };
        let a = Lease::acquire(range, &dir).unwrap();
        let b = Lease::acquire(range, &dir).unwrap();
        assert_eq!((a.worker_id(), b.worker_id()), (5, 6));
        let err = Lease::acquire(range, &dir).unwrap_err();
        assert!(matches!(err, IdError::NoFreeWorkerId { first: 5, last: 6, .. }), "{err}");
        assert!(err.to_string().contains("FIXTURE_NATIVE_WORKER_RANGE"));
        drop(a);
        assert_eq!(Lease::acquire(range, &dir).unwrap().worker_id(), 5);
        drop(b);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_unusable_directory_is_an_error_naming_it() {
        let dir = scratch_dir("file");
        std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
        std::fs::write(&dir, b"not a directory").unwrap();
        let err = Lease::acquire(WorkerRange { first: 1, last: 1 }, &dir.join("sub")).unwrap_err();
        assert!(matches!(err, IdError::LeaseIo { .. }), "{err}");
        assert!(err.to_string().contains(&dir.display().to_string()));
        let _ = std::fs::remove_file(&dir);
    }

    #[test]
    fn the_lease_directory_follows_the_variable() {
        assert_eq!(lease_dir(&|_| Some("leases-here".into())), PathBuf::from("leases-here"));
        assert_eq!(lease_dir(&|_| None), std::env::temp_dir().join("fixture-native-worker-ids"));
    }
}
