//! The tray icon and its menu: open the window, log kudos, check a copied
//! thread (when opted into), pause or resume reminders, quit.
//!
//! Each menu entry calls a plain function ([`open`], [`quick_add`],
//! [`toggle_pause`]); [`toggle_pause`] and [`pause_label`] need no window and
//! are unit-tested. On Linux the icon is an AppIndicator (StatusNotifierItem),
//! which reports no clicks: there the menu is the only way in; on Windows and
//! macOS a left click opens the window.

use chrono::{DateTime, Utc};
use hugops_core::reminders;
use hugops_core::schedule::agenda;
use hugops_core::settings::{self, Settings};
use hugops_core::threads::watch;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::ids::{MAIN_WINDOW, TRAY};
use crate::state::AppState;
use crate::{thread_watch, window};

/// Event telling the window to open the quick-add form.
pub const QUICK_ADD_EVENT: &str = "hugops://quick-add";
/// How long "Pause reminders" pauses them.
pub const PAUSE_MINUTES: i64 = 60;

const PAUSE_LABEL: &str = "Pause reminders for 1 hour";
const RESUME_LABEL: &str = "Resume reminders";

/// A tray menu entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrayAction {
    Open,
    QuickAdd,
    /// Opt-in (Settings → Thread checks): analyse the clipboard's thread.
    CheckClipboard,
    TogglePause,
    Quit,
}

impl TrayAction {
    const ALL: [TrayAction; 5] = [
        TrayAction::Open,
        TrayAction::QuickAdd,
        TrayAction::CheckClipboard,
        TrayAction::TogglePause,
        TrayAction::Quit,
    ];

    /// The menu item id.
    pub fn id(self) -> &'static str {
        match self {
            TrayAction::Open => "open",
            TrayAction::QuickAdd => "quick-add",
            TrayAction::CheckClipboard => "check-clipboard",
            TrayAction::TogglePause => "toggle-pause",
            TrayAction::Quit => "quit",
        }
    }

    /// The action whose menu item has this id.
    pub fn from_id(id: &str) -> Option<TrayAction> {
        TrayAction::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// The label of the pause/resume entry: "Resume" if and only if reminders
/// are paused at `now`.
pub fn pause_label(settings: &Settings, now: DateTime<Utc>) -> &'static str {
    if settings.is_paused(now) {
        RESUME_LABEL
    } else {
        PAUSE_LABEL
    }
}

/// Pauses reminders for [`PAUSE_MINUTES`], or resumes them if paused, and
/// wakes the reminder task. Returns the new settings.
pub fn toggle_pause(state: &AppState) -> hugops_core::Result<Settings> {
    let settings = {
        let mut store = state.store();
        let now = state.clock().now();
        if settings::load(&store)?.is_paused(now) {
            reminders::resume(&mut store)?
        } else {
            reminders::pause_for(&mut store, state.clock(), PAUSE_MINUTES)?
        }
    };
    state.settings_changed();
    Ok(settings)
}

/// Shows the main window.
pub fn open<R: Runtime>(app: &AppHandle<R>) {
    window::show_and_focus(app);
}

/// Shows the main window and asks it to open the quick-add form.
pub fn quick_add<R: Runtime>(app: &AppHandle<R>) {
    window::show_and_focus(app);
    if let Err(e) = app.emit_to(MAIN_WINDOW, QUICK_ADD_EVENT, ()) {
        eprintln!("hugops: could not open quick add: {e}");
    }
}

/// The pause/resume item, kept so its label can follow the settings.
struct PauseItem<R: Runtime>(MenuItem<R>);

/// "Next: …", the next saved meeting (informational, not clickable).
struct NextItem<R: Runtime>(MenuItem<R>);

/// "Check copied thread", in the menu only while opted into.
struct ClipboardItem<R: Runtime> {
    menu: Menu<R>,
    item: MenuItem<R>,
    shown: std::sync::Mutex<bool>,
}

/// Where the clipboard item goes: after "Log kudos…".
const CLIPBOARD_POSITION: usize = 4;

const NO_MEETING: &str = "No meetings coming up";

/// Builds the tray icon and its menu.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let item = |action: TrayAction, label: &str| {
        MenuItem::with_id(app, action.id(), label, true, None::<&str>)
    };
    let pause = item(TrayAction::TogglePause, PAUSE_LABEL)?;
    let next = MenuItem::with_id(app, "next-meeting", NO_MEETING, false, None::<&str>)?;
    let menu = Menu::with_items(
        app,
        &[
            &next,
            &PredefinedMenuItem::separator(app)?,
            &item(TrayAction::Open, "Open HugOps")?,
            &item(TrayAction::QuickAdd, "Log kudos…")?,
            &PredefinedMenuItem::separator(app)?,
            &pause,
            &PredefinedMenuItem::separator(app)?,
            &item(TrayAction::Quit, "Quit")?,
        ],
    )?;
    app.manage(PauseItem(pause));
    app.manage(NextItem(next));
    app.manage(ClipboardItem {
        menu: menu.clone(),
        item: item(TrayAction::CheckClipboard, "Check copied thread")?,
        shown: std::sync::Mutex::new(false),
    });
    TrayIconBuilder::with_id(TRAY)
        .icon(tauri::include_image!("icons/tray.png"))
        .tooltip("HugOps")
        .menu(&menu)
        .show_menu_on_left_click(false)
        .on_menu_event(on_menu_event)
        .on_tray_icon_event(|tray, event| {
            if let TrayIconEvent::Click {
                button: MouseButton::Left,
                button_state: MouseButtonState::Up,
                ..
            } = event
            {
                open(tray.app_handle());
            }
        })
        .build(app)?;
    refresh(app);
    Ok(())
}

/// Sets the pause/resume label from the stored settings.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    let (Some(item), Some(state)) = (app.try_state::<PauseItem<R>>(), app.try_state::<AppState>())
    else {
        return;
    };
    let settings = settings::load(&state.store());
    match settings {
        Ok(settings) => {
            let _ = item.0.set_text(pause_label(&settings, state.clock().now()));
        }
        Err(e) => eprintln!("hugops: could not read settings: {e}"),
    }
    refresh_clipboard_item(app, &state);
    if let Some(next) = app.try_state::<NextItem<R>>() {
        let _ = next.0.set_text(next_label(&state));
    }
}

/// `Next: Buddy check-in: Ana & Bo (week 2) · Tue 10:00`, in the user's zone.
fn next_label(state: &AppState) -> String {
    let store = state.store();
    let now = state.clock().now();
    let zone = settings::load(&store)
        .map_or_else(|_| state.clock().tz(), |s| s.effective_zone(state.clock()));
    match agenda::next_meeting(&store, now) {
        Ok(Some(m)) => format!(
            "Next: {} · {}",
            m.title,
            m.start.with_timezone(&zone).format("%a %H:%M")
        ),
        _ => NO_MEETING.to_owned(),
    }
}

/// Adds or removes "Check copied thread" as the thread settings say.
fn refresh_clipboard_item<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let Some(entry) = app.try_state::<ClipboardItem<R>>() else {
        return;
    };
    let wanted = watch::watch_settings(&state.store()).is_ok_and(|s| s.clipboard_enabled);
    let mut shown = entry.shown.lock().unwrap_or_else(|p| p.into_inner());
    let done = match (wanted, *shown) {
        (true, false) => entry.menu.insert(&entry.item, CLIPBOARD_POSITION),
        (false, true) => entry.menu.remove(&entry.item),
        _ => return,
    };
    match done {
        Ok(()) => *shown = wanted,
        Err(e) => eprintln!("hugops: could not update the tray menu: {e}"),
    }
}

fn on_menu_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    match TrayAction::from_id(event.id().as_ref()) {
        Some(TrayAction::Open) => open(app),
        Some(TrayAction::QuickAdd) => quick_add(app),
        Some(TrayAction::CheckClipboard) => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { thread_watch::check_clipboard(&app).await });
        }
        Some(TrayAction::TogglePause) => {
            if let Err(e) = toggle_pause(&app.state::<AppState>()) {
                eprintln!("hugops: could not pause or resume reminders: {e}");
            }
            refresh(app);
        }
        Some(TrayAction::Quit) => app.exit(0),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use hugops_core::clock::{parse_instant, FixedClock};
    use hugops_core::Store;

    use super::*;

    fn state_at(now: &str) -> AppState {
        AppState::new(
            Store::open_in_memory().unwrap(),
            Arc::new(FixedClock::at(now)),
        )
    }

    #[test]
    fn label_offers_pause_when_running_and_resume_when_paused() {
        let now = parse_instant("2026-11-27T16:00:00Z").unwrap();
        let mut settings = Settings::default();
        assert_eq!(pause_label(&settings, now), PAUSE_LABEL);
        settings.paused_until = parse_instant("2026-11-27T17:00:00Z");
        assert_eq!(pause_label(&settings, now), RESUME_LABEL);
        settings.paused_until = parse_instant("2026-11-27T15:00:00Z");
        assert_eq!(
            pause_label(&settings, now),
            PAUSE_LABEL,
            "a pause that ended"
        );
    }

    #[test]
    fn toggle_pauses_for_an_hour_then_resumes() {
        let state = state_at("2026-11-27T16:00:00Z");
        let paused = toggle_pause(&state).unwrap();
        assert_eq!(paused.paused_until, parse_instant("2026-11-27T17:00:00Z"));
        assert_eq!(pause_label(&paused, state.clock().now()), RESUME_LABEL);
        let resumed = toggle_pause(&state).unwrap();
        assert_eq!(resumed.paused_until, None);
        assert_eq!(settings::load(&state.store()).unwrap(), resumed);
    }

    #[test]
    fn menu_ids_round_trip() {
        for action in TrayAction::ALL {
            assert_eq!(TrayAction::from_id(action.id()), Some(action));
        }
        assert_eq!(TrayAction::from_id("nope"), None);
    }
}
