//! Where every [`Action`] is carried out, whichever way it came: the tray
//! menu, a click on a notification, or the control socket.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use hugops_core::notices;
use tokio::sync::Notify;

use crate::action::Action;
use crate::folder_watch::FolderWatch;
use crate::log::warn;
use crate::notifier::{self, Answer, Note};
use crate::state::TrayState;
use crate::window_process::{Launcher, WindowProcess};
use crate::{clipboard_check, pause};

/// The notice shown the first time the window is closed on a desktop that
/// shows no tray items.
const NO_TRAY_NOTICE: &str = "no-tray";
pub const NO_TRAY_TITLE: &str = "HugOps is still running";
pub const NO_TRAY_BODY: &str = "This desktop shows no tray icons, so HugOps keeps running in \
the background: reminders still come. Start HugOps again or click a reminder to open the window.";

pub struct Hub {
    pub state: Arc<TrayState>,
    pub window: Arc<WindowProcess>,
    launcher: Box<dyn Launcher>,
    folders: Arc<FolderWatch>,
    has_icon: AtomicBool,
    menu_changed: Notify,
    quit: Notify,
}

impl Hub {
    pub fn new(
        state: Arc<TrayState>,
        window: Arc<WindowProcess>,
        launcher: Box<dyn Launcher>,
        folders: Arc<FolderWatch>,
    ) -> Hub {
        Hub {
            state,
            window,
            launcher,
            folders,
            has_icon: AtomicBool::new(false),
            menu_changed: Notify::new(),
            quit: Notify::new(),
        }
    }

    /// Carries out `action`; slow work (notifications) runs on its own task.
    pub fn handle(self: &Arc<Self>, action: Action) {
        match action {
            Action::Open | Action::QuickAdd => {
                if let Err(e) = self
                    .window
                    .show(action == Action::QuickAdd, self.launcher.as_ref())
                {
                    warn(format!("could not open the window: {e}"));
                }
            }
            Action::Prewarm => {
                if let Err(e) = self.window.prewarm(self.launcher.as_ref()) {
                    warn(format!("could not start the window process: {e}"));
                }
            }
            Action::CloseWindow => {
                self.window.close();
            }
            Action::CheckClipboard => {
                let hub = Arc::clone(self);
                tokio::spawn(async move {
                    if clipboard_check::check().await == Answer::Opened {
                        hub.handle(Action::Open);
                    }
                });
            }
            Action::TogglePause => {
                if let Err(e) = pause::toggle_pause(&self.state) {
                    warn(format!("could not pause or resume reminders: {e}"));
                }
                self.menu_changed();
            }
            Action::Changed => {
                self.state.changed();
                self.folders.restart();
                self.menu_changed();
            }
            Action::WindowClosed => self.closed_without_tray(),
            Action::Quit => {
                self.window.quit();
                self.quit.notify_one();
            }
        }
    }

    /// Records whether the tray item is shown (a StatusNotifierWatcher took it).
    pub fn set_has_icon(&self, shown: bool) {
        self.has_icon.store(shown, Ordering::Relaxed);
    }

    pub fn has_icon(&self) -> bool {
        self.has_icon.load(Ordering::Relaxed)
    }

    /// Asks for the tray menu's labels to be read again.
    pub fn menu_changed(&self) {
        self.menu_changed.notify_one();
    }

    pub async fn wait_for_menu_change(&self) {
        self.menu_changed.notified().await;
    }

    /// Resolves once Quit was chosen.
    pub async fn wait_for_quit(&self) {
        self.quit.notified().await;
    }

    /// Without a tray icon, the first close says once where HugOps went.
    fn closed_without_tray(self: &Arc<Self>) {
        if self.has_icon() {
            return;
        }
        match notices::first_time(&mut self.state.store(), NO_TRAY_NOTICE) {
            Ok(true) => {
                let hub = Arc::clone(self);
                tokio::spawn(async move {
                    let note = Note::text(NO_TRAY_TITLE, NO_TRAY_BODY);
                    if notifier::show(note).await == Answer::Opened {
                        hub.handle(Action::Open);
                    }
                });
            }
            Ok(false) => {}
            Err(e) => warn(format!("could not record a notice: {e}")),
        }
    }
}
