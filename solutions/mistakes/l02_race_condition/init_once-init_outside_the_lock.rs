//! MISTAKE: the lock is held to look, released for the (slow) initialiser, and taken again to
//! store the value. Two callers can both look before either stores: both initialise.

use shared::sync::{Arc, Mutex, PoisonError};

/// A value built by the first caller whose initialiser succeeds, shared by all.
#[derive(Debug)]
pub struct InitOnce<T> {
    value: Mutex<Option<Arc<T>>>,
}

impl<T> InitOnce<T> {
    /// An empty cell.
    pub fn new() -> Self {
        Self {
            value: Mutex::new(None),
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
        if let Some(value) = self.get() {
            return Ok(value);
        }
        let fresh = Arc::new(init()?);
        *self.value.lock().unwrap() = Some(Arc::clone(&fresh));
        Ok(fresh)
    }
}

impl<T> Default for InitOnce<T> {
    fn default() -> Self {
        Self::new()
    }
}
