//! The server side of `/barrier/{n}`: requests wait in rounds of `n`. A round opens when its
//! `n`-th request arrives; if it has not filled up within the timeout it is abandoned and every
//! request in it is told how many were waiting together.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoundState {
    Filling,
    Open,
    Abandoned { arrived: usize },
}

#[derive(Debug)]
struct Round {
    id: u64,
    arrived: usize,
    state: watch::Sender<RoundState>,
}

/// Every barrier of the server, keyed by its party count.
#[derive(Debug)]
pub(crate) struct Barriers {
    timeout: Duration,
    rounds: Mutex<(u64, HashMap<usize, Round>)>,
}

impl Barriers {
    pub(crate) fn new(timeout: Duration) -> Self {
        Self {
            timeout,
            rounds: Mutex::default(),
        }
    }

    pub(crate) fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Waits until `parties` requests (this one included) are here together. On failure,
    /// returns the most that were waiting at once.
    pub(crate) async fn meet(&self, parties: usize) -> Result<(), usize> {
        let (id, mut state) = self.arrive(parties);
        let settled = {
            let waited =
                tokio::time::timeout(self.timeout, state.wait_for(|s| *s != RoundState::Filling));
            match waited.await {
                Ok(Ok(settled)) => Some(*settled),
                _ => None,
            }
        };
        let settled = settled.unwrap_or_else(|| self.abandon(parties, id, &state));
        match settled {
            RoundState::Open => Ok(()),
            RoundState::Abandoned { arrived } => Err(arrived),
            RoundState::Filling => unreachable!("a settled round is open or abandoned"),
        }
    }

    fn arrive(&self, parties: usize) -> (u64, watch::Receiver<RoundState>) {
        let mut guard = self.rounds.lock().unwrap_or_else(PoisonError::into_inner);
        let (next_id, rounds) = &mut *guard;
        let round = rounds.entry(parties).or_insert_with(|| {
            *next_id += 1;
            Round {
                id: *next_id,
                arrived: 0,
                state: watch::Sender::new(RoundState::Filling),
            }
        });
        round.arrived += 1;
        let ticket = (round.id, round.state.subscribe());
        if round.arrived >= parties {
            round.state.send_replace(RoundState::Open);
            rounds.remove(&parties);
        }
        ticket
    }

    /// Called by a request that gave up waiting. If its round is still filling, nobody else
    /// will complete it in time either: abandon it, so the next request starts a fresh round.
    fn abandon(&self, parties: usize, id: u64, state: &watch::Receiver<RoundState>) -> RoundState {
        let mut guard = self.rounds.lock().unwrap_or_else(PoisonError::into_inner);
        let rounds = &mut guard.1;
        if let Some(round) = rounds.get(&parties).filter(|round| round.id == id) {
            let arrived = round.arrived;
            round.state.send_replace(RoundState::Abandoned { arrived });
            rounds.remove(&parties);
        }
        // Either we just abandoned it, or it settled while we were taking the lock.
        *state.borrow()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_full_round_opens_for_everyone() {
        let barriers = Barriers::new(Duration::from_secs(5));
        let (a, b, c) = tokio::join!(barriers.meet(3), barriers.meet(3), barriers.meet(3));
        assert_eq!((a, b, c), (Ok(()), Ok(()), Ok(())));
    }

    #[tokio::test(start_paused = true)]
    async fn rounds_start_afresh_after_opening() {
        let barriers = Barriers::new(Duration::from_secs(5));
        for _ in 0..3 {
            let (a, b) = tokio::join!(barriers.meet(2), barriers.meet(2));
            assert_eq!((a, b), (Ok(()), Ok(())));
        }
    }

    #[tokio::test(start_paused = true)]
    async fn sequential_arrivals_are_told_how_many_waited() {
        let barriers = Barriers::new(Duration::from_secs(5));
        assert_eq!(barriers.meet(2).await, Err(1));
        // The abandoned round does not linger: the next lone request also fails.
        assert_eq!(barriers.meet(2).await, Err(1));
    }

    #[tokio::test(start_paused = true)]
    async fn an_incomplete_round_is_abandoned_for_all_its_members() {
        let barriers = Barriers::new(Duration::from_secs(5));
        let (a, b) = tokio::join!(barriers.meet(3), barriers.meet(3));
        assert_eq!((a, b), (Err(2), Err(2)));
    }

    #[tokio::test(start_paused = true)]
    async fn different_sizes_are_different_barriers() {
        let barriers = Barriers::new(Duration::from_secs(5));
        let (two_a, three, two_b) =
            tokio::join!(barriers.meet(2), barriers.meet(3), barriers.meet(2));
        assert_eq!((two_a, two_b), (Ok(()), Ok(())));
        assert_eq!(three, Err(1));
    }
}
