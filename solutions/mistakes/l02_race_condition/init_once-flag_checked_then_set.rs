//! MISTAKE: an atomic flag says whether the value is there, read and then set as two steps:
//! two callers can both read `false`, and both initialise.

use shared::sync::atomic::{AtomicBool, Ordering};
use shared::sync::{Arc, Mutex, PoisonError};

/// A value built by the first caller whose initialiser succeeds, shared by all.
#[derive(Debug)]
pub struct InitOnce<T> {
    value: Mutex<Option<Arc<T>>>,
    ready: AtomicBool,
}

impl<T> InitOnce<T> {
    /// An empty cell.
    pub fn new() -> Self {
        Self {
            value: Mutex::new(None),
            ready: AtomicBool::new(false),
        }
    }

    /// The value, if it has been initialised.
    pub fn get(&self) -> Option<Arc<T>> {
        self.value
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The value, running `init` first if there is none yet.
    pub fn get_or_try_init<E>(&self, init: impl FnOnce() -> Result<T, E>) -> Result<Arc<T>, E> {
        if self.ready.load(Ordering::SeqCst) {
            return Ok(self.get().expect("ready means stored"));
        }
        let fresh = Arc::new(init()?);
        *self.value.lock().unwrap() = Some(Arc::clone(&fresh));
        self.ready.store(true, Ordering::SeqCst);
        Ok(fresh)
    }
}

impl<T> Default for InitOnce<T> {
    fn default() -> Self {
        Self::new()
    }
}
