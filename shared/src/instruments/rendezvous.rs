//! A rendezvous: a meeting point that opens only when every party is waiting at once.

use std::fmt;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// A meeting point for `parties` threads or tasks that opens only when all of them are waiting
/// at the same time; sequential code can never get past it, concurrent code always does. A
/// party that gives up after the timeout leaves again, so parties that come one after another
/// never add up to a meeting.
///
/// It is a *latch*: once open it stays open, and a party arriving later passes at once. Use a
/// fresh one per experiment, or a [`RoundBarrier`](super::RoundBarrier) to repeat one. Unlike
/// `std::sync::Barrier`, waiting gives up after a timeout, so a test of sequential code fails
/// with an explanation instead of hanging. Cloning gives another handle to the same meeting
/// point.
#[derive(Debug, Clone)]
pub struct Rendezvous {
    shared: Arc<State>,
}

#[derive(Debug)]
struct State {
    parties: usize,
    timeout: Duration,
    meeting: Mutex<Meeting>,
    all_here: Condvar,
    all_here_async: tokio::sync::Notify,
}

/// Who is waiting now. A party that gives up leaves, so parties that come one after another
/// never add up to a meeting.
#[derive(Debug, Default)]
struct Meeting {
    waiting: usize,
    most_at_once: usize,
    open: bool,
}

/// Why a [`Rendezvous`] or a [`RoundBarrier`](super::RoundBarrier) did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotTogether {
    /// How many parties were expected.
    pub parties: usize,
    /// The most that were ever waiting at the same time.
    pub arrived: usize,
    /// How long this party waited.
    pub waited: Duration,
}

impl fmt::Display for NotTogether {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "only {} of {} parties were waiting at the same time after {:?}: \
             the work ran one after another, not at the same time",
            self.arrived, self.parties, self.waited
        )
    }
}

impl std::error::Error for NotTogether {}

impl Rendezvous {
    /// A meeting point for `parties` (at least 1) that gives up after `timeout`.
    pub fn new(parties: usize, timeout: Duration) -> Self {
        Self {
            shared: Arc::new(State {
                parties: parties.max(1),
                timeout,
                meeting: Mutex::default(),
                all_here: Condvar::new(),
                all_here_async: tokio::sync::Notify::new(),
            }),
        }
    }

    fn meeting(&self) -> MutexGuard<'_, Meeting> {
        self.shared
            .meeting
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts this party in; the one that completes the meeting opens it for good and wakes
    /// everybody. Returns whether it is open.
    fn arrive(&self) -> bool {
        let state = &self.shared;
        let mut meeting = self.meeting();
        meeting.waiting += 1;
        meeting.most_at_once = meeting.most_at_once.max(meeting.waiting);
        if meeting.waiting >= state.parties && !meeting.open {
            meeting.open = true;
            state.all_here.notify_all();
            state.all_here_async.notify_waiters();
        }
        meeting.open
    }

    /// This party gave up: it leaves (unless the meeting opened meanwhile) and says why.
    fn give_up(&self) -> Result<(), NotTogether> {
        let mut meeting = self.meeting();
        if meeting.open {
            return Ok(());
        }
        meeting.waiting -= 1;
        Err(NotTogether {
            parties: self.shared.parties,
            arrived: meeting.most_at_once,
            waited: self.shared.timeout,
        })
    }

    /// Blocks this thread until every party is here, or fails after the timeout.
    pub fn wait(&self) -> Result<(), NotTogether> {
        let state = &self.shared;
        self.arrive();
        let (meeting, _) = state
            .all_here
            .wait_timeout_while(self.meeting(), state.timeout, |m| !m.open)
            .unwrap_or_else(PoisonError::into_inner);
        if meeting.open {
            return Ok(());
        }
        drop(meeting);
        self.give_up()
    }

    /// Waits (without blocking the thread) until every party has arrived, or fails after the
    /// timeout. Works in any tokio runtime, including one with a paused clock.
    pub async fn wait_async(&self) -> Result<(), NotTogether> {
        let state = &self.shared;
        let all_here = state.all_here_async.notified();
        tokio::pin!(all_here);
        // Register before arriving, so the last party's notify cannot slip past us.
        all_here.as_mut().enable();
        if self.arrive() {
            return Ok(());
        }
        match tokio::time::timeout(state.timeout, all_here).await {
            Ok(()) => Ok(()),
            Err(_) => self.give_up(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;

    const PATIENCE: Duration = Duration::from_secs(10);

    #[test]
    fn opens_for_concurrent_threads_and_stays_open() {
        let meet = Rendezvous::new(3, PATIENCE);
        let results: Vec<_> = thread::scope(|s| {
            let handles: Vec<_> = (0..3).map(|_| s.spawn(|| meet.wait())).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert_eq!(meet.wait(), Ok(()), "a latch: late arrivals pass at once");
    }

    #[test]
    fn parties_that_gave_up_do_not_count_towards_a_later_meeting() {
        let meet = Rendezvous::new(3, Duration::from_millis(30));
        for _ in 0..5 {
            let error = meet
                .wait()
                .expect_err("one party at a time never meets three");
            assert_eq!(error.arrived, 1);
        }
        let pair: Vec<_> = thread::scope(|s| {
            let handles: Vec<_> = (0..2).map(|_| s.spawn(|| meet.wait())).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(pair.iter().all(Result::is_err), "two of three: {pair:?}");
    }

    #[test]
    fn refuses_sequential_code() {
        let meet = Rendezvous::new(2, Duration::from_millis(50));
        let error = meet.wait().expect_err("a lone party must not pass");
        assert_eq!((error.parties, error.arrived), (2, 1));
        assert!(error.to_string().contains("one after another"), "{error}");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn opens_for_concurrent_tasks() {
        let meet = Rendezvous::new(3, PATIENCE);
        let tasks: Vec<_> = (0..3)
            .map(|_| {
                let meet = meet.clone();
                tokio::spawn(async move { meet.wait_async().await })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
    }

    #[tokio::test(start_paused = true)]
    async fn refuses_sequential_tasks() {
        let meet = Rendezvous::new(2, Duration::from_secs(5));
        let error = meet
            .wait_async()
            .await
            .expect_err("a lone task must not pass");
        assert_eq!(error.arrived, 1);
    }
}
