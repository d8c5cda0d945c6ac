//! The smallest complete tokio program: `#[tokio::main]` builds a runtime and runs `main` on
//! it, as `asyncio.run(main())` does in Python. Run it with
//! `cargo run -p lesson-05-asyncio --example hello_tokio`.

use std::time::Duration;

// ANCHOR: hello
async fn greet(name: &str, wait: Duration) -> String {
    tokio::time::sleep(wait).await; // gives the thread to other tasks while waiting
    format!("hello, {name}")
}

#[tokio::main]
async fn main() {
    // Both greetings wait at the same time: about 200 ms in all, not 300.
    let (a, b) = tokio::join!(
        greet("Ada", Duration::from_millis(200)),
        greet("Grace", Duration::from_millis(100)),
    );
    println!("{a}; {b}");
}
// ANCHOR_END: hello
