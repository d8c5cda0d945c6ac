//! Every plausible mistake in `solutions/mistakes/`, each compiled with its own exercise's tests
//! in a module `<lesson>__<exercise>__<what>` that the build script writes. The mistakes fail
//! on purpose, so plain `cargo test` neither builds nor runs this target (`test = false`);
//! `cargo run -p exercises -- verify` builds it once and runs each mistake in its own process.

#[path = "../../exercises/tests/kit/mod.rs"]
mod kit;

include!(concat!(env!("OUT_DIR"), "/mistakes.rs"));
