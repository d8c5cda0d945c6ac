//! `cargo run -p lesson-02-race-condition`: races that safe Rust allows, and their fixes, measured.

fn main() -> std::process::ExitCode {
    lesson_02_race_condition::LESSON.main()
}
