//! `#[tokio::main]`: the attribute builds a runtime and runs `main`'s body on it with
//! `block_on`, as `asyncio.run(main())` does in Python. The same experiment as
//! `futures::futures_are_lazy`, written from inside async code.
//!
//! `cargo run -p book-listings --example tokio_main`

// ANCHOR: tokio_main
use std::sync::atomic::{AtomicUsize, Ordering};

use book_listings::futures::count_call;

#[tokio::main]
async fn main() {
    let calls = AtomicUsize::new(0);
    let future = count_call(&calls); // nothing runs yet
    println!("before .await: {} call(s)", calls.load(Ordering::SeqCst));
    future.await; // the body runs now, and this function waits for it
    println!("after .await: {} call(s)", calls.load(Ordering::SeqCst));
}
// ANCHOR_END: tokio_main
