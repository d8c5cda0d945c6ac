//! MISTAKE: each thread sends its piece's results over a channel when it is done, and they are
//! collected as they arrive: in the order the threads finish, not the order of the items.

use std::sync::mpsc;
use std::thread;

/// Maps on `threads` threads, collecting pieces as they finish.
pub fn parallel_map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    assert!(threads > 0, "parallel_map needs at least one thread");
    if items.is_empty() {
        return Vec::new();
    }
    let (base, extra) = (items.len() / threads, items.len() % threads);
    let (done, finished) = mpsc::channel();
    let f = &f;
    thread::scope(|scope| {
        let mut start = 0;
        for t in 0..threads {
            let end = start + base + usize::from(t < extra);
            let (piece, done) = (&items[start..end], done.clone());
            scope.spawn(move || {
                let _ = done.send(piece.iter().map(f).collect::<Vec<R>>());
            });
            start = end;
        }
    });
    drop(done);
    finished.into_iter().flatten().collect()
}
