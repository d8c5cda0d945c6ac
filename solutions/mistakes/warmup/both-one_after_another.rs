//! MISTAKE: runs the closures one after the other. The results are right, so a test that only
//! checks results would pass it; the suite's rendezvous test must not.

/// Runs `a`, then `b`.
pub fn both<A, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B)
where
    A: Send,
    B: Send,
{
    (a(), b())
}
