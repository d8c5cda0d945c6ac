//! Posting and reading on real threads (on x86 every ordering passes these), and under the model
//! checker, which returns for each load every value the memory model allows: a too-weak
//! ordering fails there, on any machine.

use super::subject::publish::{AlreadyPosted, Board};
use crate::kit::ReadMore;

const READ: ReadMore = ReadMore::here(module_path!());

#[cfg(not(feature = "model"))]
mod on_threads {
    use std::sync::Arc;

    use super::*;
    use crate::kit::race::together;

    #[test]
    fn a_post_is_read_whole_and_only_the_first_counts() {
        let board = Board::new();
        assert_eq!(
            board.read(),
            None,
            "a new board has nothing to read ({READ})"
        );
        assert_eq!(board.post([1, 2, 3]), Ok(()));
        assert_eq!(board.read(), Some([1, 2, 3]), "the posted results ({READ})");
        assert_eq!(
            board.post([4, 5, 6]),
            Err(AlreadyPosted),
            "a second post must be refused ({READ})"
        );
        assert_eq!(
            board.read(),
            Some([1, 2, 3]),
            "a refused post changes nothing ({READ})"
        );
    }

    #[test]
    fn readers_polling_during_a_post_see_all_of_it_or_nothing() {
        let board = Arc::new(Board::new());
        let shared = Arc::clone(&board);
        let seen = together(3, "a poster and two polling readers", move |thread| {
            if thread == 0 {
                shared.post([7, 8, 9]).expect("the only post");
                return Vec::new();
            }
            let mut seen = Vec::new();
            for _ in 0..1_000_000 {
                if let Some(results) = shared.read() {
                    seen.push(results);
                    break;
                }
                std::hint::spin_loop();
            }
            seen
        });
        for results in seen.into_iter().flatten() {
            assert_eq!(
                results,
                [7, 8, 9],
                "a reader saw the board posted but read {results:?}: the results must be \
                 written before the flag says they are ready ({READ})"
            );
        }
        assert_eq!(board.read(), Some([7, 8, 9]));
    }

    #[test]
    fn of_two_racing_posts_exactly_one_wins_whole() {
        for _ in 0..200 {
            let board = Arc::new(Board::new());
            let shared = Arc::clone(&board);
            let outcomes = together(2, "two posters", move |thread| {
                let value = thread as u64 + 1;
                shared.post([value; 3])
            });
            let winners: Vec<usize> = (0..2).filter(|&t| outcomes[t].is_ok()).collect();
            assert_eq!(
                winners.len(),
                1,
                "two posts raced and {} of them were told they won: each checked that the \
                 board was empty before the other claimed it. Claim it in one step ({READ})",
                winners.len()
            );
            let expected = [winners[0] as u64 + 1; 3];
            assert_eq!(
                board.read(),
                Some(expected),
                "the winning post wrote {expected:?} ({READ})"
            );
        }
    }
}

#[cfg(feature = "model")]
mod every_interleaving {
    use shared::sync::{Arc, thread};

    use super::*;
    use crate::kit::race::{FOUND, every_interleaving};

    const NO_LOCKS: &str = "a board has nothing to wait for";

    #[test]
    fn a_reader_never_sees_a_post_half_written() {
        every_interleaving(NO_LOCKS, READ, || {
            let board = Arc::new(Board::new());
            let poster = thread::spawn({
                let board = Arc::clone(&board);
                move || board.post([1, 2, 3])
            });
            let seen = board.read();
            poster
                .join()
                .expect("the poster panicked")
                .expect("the only post");
            if let Some(results) = seen {
                assert!(
                    results == [1, 2, 3],
                    "{FOUND} the reader found the board posted but read {results:?}, not \
                     [1, 2, 3]: it saw the flag's new value and still the old value of a number. \
                     Write the numbers before the flag says they are ready, store the flag \
                     with Release and load it with Acquire: only that pair promises that \
                     whoever sees the flag also sees what was written before it ({READ})"
                );
            }
            let after = board.read();
            assert!(
                after == Some([1, 2, 3]),
                "{FOUND} after the post had finished (and been joined), read() returned \
                 {after:?} ({READ})"
            );
        });
    }

    #[test]
    fn of_two_racing_posts_exactly_one_wins_whole() {
        every_interleaving(NO_LOCKS, READ, || {
            let board = Arc::new(Board::new());
            let other = thread::spawn({
                let board = Arc::clone(&board);
                move || board.post([1, 1, 1])
            });
            let mine = board.post([2, 2, 2]);
            let theirs = other.join().expect("the other poster panicked");
            let read = board.read();
            match (theirs, mine) {
                (Ok(()), Err(AlreadyPosted)) => assert!(
                    read == Some([1, 1, 1]),
                    "{FOUND} the post of [1, 1, 1] won, but the board reads {read:?} ({READ})"
                ),
                (Err(AlreadyPosted), Ok(())) => assert!(
                    read == Some([2, 2, 2]),
                    "{FOUND} the post of [2, 2, 2] won, but the board reads {read:?} ({READ})"
                ),
                (theirs, mine) => panic!(
                    "{FOUND} two racing posts returned {theirs:?} and {mine:?}, and the board \
                     reads {read:?}: exactly one must win. Each checked that the board was \
                     empty before the other claimed it: claim it in one step, with a \
                     compare-exchange ({READ})"
                ),
            }
        });
    }
}
