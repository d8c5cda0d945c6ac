//! `cargo run -p lesson-01-threading`: Python's threading module, done in Rust, measured.

fn main() -> std::process::ExitCode {
    lesson_01_threading::LESSON.main()
}
