//! Names the shell's pieces know each other by: the window's label and the
//! tray icon's id. They live here, below window.rs and tray.rs, so that
//! neither of those has to import the other for a name.

/// The label of the one window, as in tauri.conf.json.
pub const MAIN_WINDOW: &str = "main";

/// The tray icon's id.
pub const TRAY: &str = "hugops";
