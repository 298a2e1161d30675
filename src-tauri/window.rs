//! The main window: created at startup, hidden (not closed) when the user
//! closes it, so HugOps keeps living in the tray and reminders keep coming.

use tauri::{
    AppHandle, Manager, Runtime, WebviewWindow, WebviewWindowBuilder, Window, WindowEvent,
};

use crate::ids::{MAIN_WINDOW, TRAY};

/// Creates the main window from its entry in tauri.conf.json (which has
/// `"create": false` so that nothing opens when the database cannot be).
pub fn create_main<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .cloned()
        .unwrap_or_default();
    WebviewWindowBuilder::from_config(app, &config)?.build()
}

/// Shows the main window, restores it if minimised, and gives it focus.
pub fn show_and_focus<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    // Each step is best effort: a window manager may refuse focus, which is
    // no reason to stop showing the window.
    let _ = window.show();
    let _ = window.unminimize();
    let _ = window.set_focus();
}

/// Window event hook: closing the main window hides it to the tray instead
/// (when there is a tray to bring it back from).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if let WindowEvent::CloseRequested { api, .. } = event {
        if window.label() == MAIN_WINDOW && window.app_handle().tray_by_id(TRAY).is_some() {
            api.prevent_close();
            let _ = window.hide();
        }
    }
}

/// WebKit settings, as environment variables the web process inherits, that
/// keep a window of forms and lists small in memory. Each costs nothing this
/// window needs; figures are total PSS from `bench/desktop` (README).
#[cfg(target_os = "linux")]
const LIGHT_RENDERING: &[(&str, &str)] = &[
    // Accelerated compositing keeps a GPU (or llvmpipe software GL) context
    // in the web process: about 90 MB.
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    // The DMA-BUF renderer only serves accelerated compositing: about 5 MB.
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    // JavaScriptCore's JIT tiers: about 12 MB of code and compiler for a UI
    // whose scripts are short event handlers (the interpreter runs them).
    ("JSC_useJIT", "0"),
];

/// Applies [`LIGHT_RENDERING`], except where the user has set a variable
/// themselves. Must run before any thread starts.
pub fn prefer_light_rendering() {
    #[cfg(target_os = "linux")]
    for (name, value) in LIGHT_RENDERING {
        if std::env::var_os(name).is_none() {
            std::env::set_var(name, value);
        }
    }
}
