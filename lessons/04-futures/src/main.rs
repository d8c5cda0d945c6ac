//! `cargo run -p lesson-04-futures`: Python's concurrent.futures, done in Rust, measured.

fn main() -> std::process::ExitCode {
    lesson_04_futures::LESSON.main()
}
