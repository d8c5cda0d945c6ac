//! Where the course's files are.

use std::path::{Path, PathBuf};

/// The workspace root: `COURSE_WORKSPACE` if set (the scaffolding test points the tools at a
/// copy), otherwise the checkout this tool was built from.
pub fn root() -> PathBuf {
    match std::env::var_os("COURSE_WORKSPACE") {
        Some(root) => PathBuf::from(root),
        None => Path::new(env!("CARGO_MANIFEST_DIR"))
            .ancestors()
            .nth(2)
            .expect("exercises/progress sits two levels inside the workspace")
            .to_path_buf(),
    }
}

/// The command that runs cargo: the one running us, if cargo started us.
pub fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}
