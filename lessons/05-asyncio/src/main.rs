//! `cargo run -p lesson-05-asyncio`: Python's asyncio, done with tokio, measured.

fn main() -> std::process::ExitCode {
    lesson_05_asyncio::LESSON.main()
}
