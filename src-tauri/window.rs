//! The main window and its process's life.
//!
//! Closing the window hides it; when it has stayed hidden for the grace
//! period the whole window process exits, so no WebKit process stays in
//! memory while only the tray runs. Showing it again within the grace period
//! is instant; after it, the tray starts a new window process. Two things
//! keep the process: a tray process being absent (then closing quits, as
//! nothing could bring the window back) and pasted thread text on screen,
//! which is never written anywhere and would be lost.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use hugops_control::{Request, WindowOrder};
use hugops_core::settings::{Theme, WindowSettings};
use tauri::webview::PageLoadEvent;
use tauri::{
    AppHandle, Emitter, Manager, Runtime, WebviewWindow, WebviewWindowBuilder, Window, WindowEvent,
};

use crate::ids::MAIN_WINDOW;
use crate::state::AppState;

/// Event telling the window to open the quick-add form.
pub const QUICK_ADD_EVENT: &str = "hugops://quick-add";

/// Creates the main window from its entry in tauri.conf.json (which has
/// `"create": false` so that nothing opens when the database cannot be).
///
/// A window created hidden (prewarmed) counts as closed: its process ends
/// after the grace period unless the tray orders it shown first.
pub fn create_main<R: Runtime>(
    app: &AppHandle<R>,
    visible: bool,
) -> tauri::Result<WebviewWindow<R>> {
    app.manage(WindowLife::default());
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .cloned()
        .unwrap_or_default();
    WebviewWindowBuilder::from_config(app, &config)?
        .on_page_load(|_, payload| match payload.event() {
            PageLoadEvent::Started => crate::startup_trace::mark("page started"),
            PageLoadEvent::Finished => crate::startup_trace::mark("page finished"),
        })
        .visible(visible)
        .build()
        .inspect(|window| {
            // Set on the built window: a theme given to the builder does not
            // reach the webview's prefers-color-scheme.
            apply_theme(window, window_settings(app).theme);
            if !visible {
                end_after_grace(app, app.state::<WindowLife>().hidden());
            }
        })
}

/// Whether the window is hidden (and since which hide), and whether
/// something on screen must not be lost by ending the process.
#[derive(Default)]
pub struct WindowLife {
    /// Counts hides and shows, so a timer started by an old hide does nothing.
    generation: AtomicU64,
    hidden: AtomicBool,
    keep_alive: AtomicBool,
    /// The page became interactive while the window was hidden.
    ready_unseen: AtomicBool,
}

impl WindowLife {
    /// Marks the window hidden; returns the generation a timer must match.
    fn hidden(&self) -> u64 {
        self.hidden.store(true, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst) + 1
    }

    fn shown(&self) {
        self.hidden.store(false, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// True if and only if the window has stayed hidden since hide
    /// `generation` and nothing on screen asks to keep the process.
    fn may_exit(&self, generation: u64) -> bool {
        self.hidden.load(Ordering::SeqCst)
            && self.generation.load(Ordering::SeqCst) == generation
            && !self.keep_alive.load(Ordering::SeqCst)
    }

    /// Keeps the process while `on` (pasted thread text on screen).
    pub fn keep_alive(&self, on: bool) {
        self.keep_alive.store(on, Ordering::SeqCst);
    }
}

/// Shows the main window, restores it if minimised, and gives it focus.
pub fn show_and_focus<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window(MAIN_WINDOW) else {
        return;
    };
    let life = app.try_state::<WindowLife>();
    if let Some(life) = &life {
        life.shown();
    }
    // Each step is best effort: a window manager may refuse focus, which is
    // no reason to stop showing the window.
    let _ = window.show();
    let _ = window.unminimize();
    let _ = window.set_focus();
    if life.is_some_and(|l| l.ready_unseen.swap(false, Ordering::SeqCst)) {
        crate::startup_trace::mark("interactive");
    }
}

/// The journal has loaded its first page. The start-up trace's
/// `interactive` mark waits until the window is also shown.
pub fn reached_interactive<R: Runtime>(app: &AppHandle<R>) {
    let visible = app
        .get_webview_window(MAIN_WINDOW)
        .is_some_and(|w| w.is_visible().unwrap_or(true));
    if visible {
        crate::startup_trace::mark("interactive");
    } else if let Some(life) = app.try_state::<WindowLife>() {
        life.ready_unseen.store(true, Ordering::SeqCst);
    }
}

/// Shows the main window and asks it to open the quick-add form.
pub fn quick_add<R: Runtime>(app: &AppHandle<R>) {
    show_and_focus(app);
    if let Err(e) = app.emit_to(MAIN_WINDOW, QUICK_ADD_EVENT, ()) {
        eprintln!("hugops: could not open quick add: {e}");
    }
}

/// Closes the main window as its close button does (Ctrl+W, scripts).
pub fn close<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window(MAIN_WINDOW) {
        let _ = window.close();
    }
}

/// Carries out an order from the tray process.
pub fn obey<R: Runtime>(app: &AppHandle<R>, order: WindowOrder) {
    match order {
        WindowOrder::Show => show_and_focus(app),
        WindowOrder::QuickAdd => quick_add(app),
        WindowOrder::Close => close(app),
        WindowOrder::Quit => app.exit(0),
    }
}

/// Window event hook: closing the main window hides it and, after the grace
/// period, ends the process; without a tray process it closes (and quits).
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle();
    let linked = app
        .try_state::<AppState>()
        .is_some_and(|s| s.tray().connected());
    if window.label() != MAIN_WINDOW || !linked {
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    app.state::<AppState>().tray().send(Request::Closed);
    end_after_grace(app, app.state::<WindowLife>().hidden());
}

/// Ends the process when the window is still hidden, since hide
/// `generation`, once the grace period is over.
fn end_after_grace<R: Runtime>(app: &AppHandle<R>, generation: u64) {
    let grace = grace_period(app);
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(grace).await;
        if app.state::<WindowLife>().may_exit(generation) {
            app.exit(0);
        }
    });
}

/// Shows `theme` in the window at once (the webview's `prefers-color-scheme`
/// follows it).
pub fn apply_theme<R: Runtime>(window: &WebviewWindow<R>, theme: Theme) {
    if let Err(e) = window.set_theme(tauri_theme(theme)) {
        eprintln!("hugops: could not change the window's theme: {e}");
    }
}

/// Tauri's theme for `theme`: `None` follows the desktop.
fn tauri_theme(theme: Theme) -> Option<tauri::Theme> {
    match theme {
        Theme::System => None,
        Theme::Light => Some(tauri::Theme::Light),
        Theme::Dark => Some(tauri::Theme::Dark),
    }
}

/// How long a closed window's process stays: the `window.grace_seconds`
/// setting (the default when it cannot be read).
fn grace_period<R: Runtime>(app: &AppHandle<R>) -> Duration {
    window_settings(app).grace()
}

/// The stored window settings (the defaults when they cannot be read).
fn window_settings<R: Runtime>(app: &AppHandle<R>) -> WindowSettings {
    app.try_state::<AppState>()
        .and_then(|s| hugops_core::settings::load(&s.store()).ok())
        .unwrap_or_default()
        .window
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_may_end_only_after_the_latest_hide_with_nothing_to_keep() {
        let life = WindowLife::default();
        let first = life.hidden();
        assert!(life.may_exit(first));
        life.shown();
        assert!(!life.may_exit(first), "shown again after the hide");
        let second = life.hidden();
        assert!(!life.may_exit(first), "an older hide's timer");
        assert!(life.may_exit(second));
        life.keep_alive(true);
        assert!(!life.may_exit(second), "pasted thread on screen");
        life.keep_alive(false);
        assert!(life.may_exit(second));
    }
}
