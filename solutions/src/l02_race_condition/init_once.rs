//! Lesson 02: initialise once, and try again after a failure.
//!
//! One lock held across the look and the initialisation makes them one step: a second caller
//! blocks in `lock()` until the first is done, then finds the value (or, after a failure, the
//! empty cell, and runs its own initialiser). Running the initialiser under the lock is the
//! point here, not an accident: it is what makes the others wait instead of initialising too.
//!
//! If an initialiser panics, the lock is poisoned but the cell is still empty, which is a valid
//! state: the next caller takes the lock anyway and tries again.

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
        let mut value = self.value.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(value) = &*value {
            return Ok(Arc::clone(value));
        }
        // Still holding the lock: anyone else asking now waits for this initialiser.
        let fresh = Arc::new(init()?);
        *value = Some(Arc::clone(&fresh));
        Ok(fresh)
    }
}

impl<T> Default for InitOnce<T> {
    fn default() -> Self {
        Self::new()
    }
}
