//! `as_completed`: handles' outcomes in the order the tasks finish, not the order they were
//! submitted.
//!
//! Built as Python builds it: every handle gets a done-callback ([`Handle::when_done`]) that
//! sends the handle's position down a channel. Receiving from that channel therefore gives the
//! positions in finishing order, and each is received only once its task is done, so taking
//! its result never waits.

use crossbeam::channel::{self, Receiver};

use crate::handle::{Handle, Outcome};

// ANCHOR: as_completed
/// Yields `(position, outcome)` for each handle as its task finishes; `position` is the
/// handle's place in `handles`, so the caller can tell which input it was.
pub fn as_completed<T: Send + 'static>(
    handles: impl IntoIterator<Item = Handle<T>>,
) -> AsCompleted<T> {
    let (finished, in_finishing_order) = channel::unbounded();
    let handles: Vec<Option<Handle<T>>> = handles
        .into_iter()
        .enumerate()
        .map(|(position, handle)| {
            let finished = finished.clone();
            // Runs on the worker that finishes the task, or here if it is done already.
            handle.when_done(move || {
                let _ = finished.send(position);
            });
            Some(handle)
        })
        .collect();
    AsCompleted {
        remaining: handles.len(),
        handles,
        in_finishing_order,
    }
}

/// The iterator [`as_completed()`] returns.
#[derive(Debug)]
pub struct AsCompleted<T> {
    handles: Vec<Option<Handle<T>>>,
    in_finishing_order: Receiver<usize>,
    remaining: usize,
}

impl<T> Iterator for AsCompleted<T> {
    type Item = (usize, Outcome<T>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            return None;
        }
        // Every task ends up done (a task dropped unrun is marked cancelled), so each
        // callback sends once, and this waits only while nothing new has finished.
        let position = self.in_finishing_order.recv().ok()?;
        self.remaining -= 1;
        let handle = self.handles[position].take()?;
        Some((position, handle.result()))
    }
}
// ANCHOR_END: as_completed

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Executor;
    use crossbeam::channel::bounded;
    use shared::instruments::within;
    use std::time::Duration;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn outcomes_come_in_finishing_order() {
        let got = within(PATIENCE, "as_completed", || {
            let pool = Executor::new(3);
            // Channels decide the finishing order: 2, then 0, then 1.
            let (gates, opened): (Vec<_>, Vec<_>) = (0..3).map(|_| bounded::<()>(1)).unzip();
            let handles: Vec<_> = opened
                .into_iter()
                .enumerate()
                .map(|(n, gate)| {
                    pool.submit(move || {
                        gate.recv().unwrap();
                        n * 10
                    })
                })
                .collect();
            let mut done = as_completed(handles);
            let mut got = Vec::new();
            for n in [2, 0, 1] {
                gates[n].send(()).unwrap();
                got.push(done.next().unwrap());
            }
            assert!(done.next().is_none());
            got
        });
        assert_eq!(got, [(2, Ok(20)), (0, Ok(0)), (1, Ok(10))]);
    }

    #[test]
    fn handles_already_done_come_out_at_once() {
        let pool = Executor::new(1);
        let handle = pool.submit(|| 5);
        drop(pool); // runs the task
        assert_eq!(as_completed([handle]).collect::<Vec<_>>(), [(0, Ok(5))]);
        assert_eq!(as_completed(Vec::<Handle<u8>>::new()).next(), None);
    }
}
