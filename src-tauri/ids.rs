//! Names the shell's pieces know each other by: the window's label. It lives
//! here, below window.rs and the commands, so that none of them has to
//! import another for a name.

/// The label of the one window, as in tauri.conf.json.
pub const MAIN_WINDOW: &str = "main";
