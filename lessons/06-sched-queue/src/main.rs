//! `cargo run -p lesson-06-sched-queue`: Python's sched and queue modules, done in Rust, measured.

fn main() -> std::process::ExitCode {
    lesson_06_sched_queue::LESSON.main()
}
