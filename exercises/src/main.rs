//! `cargo run -p exercises`: your progress, hints, and `watch`. The tools live in the
//! `progress` package (exercises/progress/); this file is only their front door, so your
//! crate stays quick to rebuild.

fn main() -> std::process::ExitCode {
    progress::main()
}
