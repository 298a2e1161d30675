//! The tray item and its menu, as a StatusNotifierItem on the session bus:
//! the next meeting, open the window, log kudos, check a copied thread (while
//! opted into), pause or resume reminders, quit. A click on the icon opens
//! the window where the desktop reports clicks.
//!
//! Each entry only sends an [`Action`]; [`Labels`] holds what the menu
//! shows and is computed from the database by [`labels`].

use hugops_core::schedule::agenda;
use hugops_core::settings;
use hugops_core::threads::watch;
use ksni::menu::{MenuItem, StandardItem};
use tokio::sync::mpsc::UnboundedSender;

use crate::action::Action;
use crate::pause::{pause_label, PAUSE_LABEL};
use crate::state::TrayState;

const NO_MEETING: &str = "No meetings coming up";

/// What the menu shows, read from the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// `Next: Buddy check-in: Ana & Bo (week 2) · Tue 10:00`, in the user's zone.
    pub next: String,
    pub pause: &'static str,
    /// Offer "Check copied thread".
    pub clipboard: bool,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            next: NO_MEETING.to_owned(),
            pause: PAUSE_LABEL,
            clipboard: false,
        }
    }
}

/// The menu's labels at the state's current time.
pub fn labels(state: &TrayState) -> Labels {
    let store = state.store();
    let now = state.clock().now();
    let settings = settings::load(&store).unwrap_or_default();
    let zone = settings.effective_zone(state.clock());
    let next = match agenda::next_meeting(&store, now) {
        Ok(Some(m)) => format!(
            "Next: {} · {}",
            m.title,
            m.start.with_timezone(&zone).format("%a %H:%M")
        ),
        _ => NO_MEETING.to_owned(),
    };
    Labels {
        next,
        pause: pause_label(&settings, now),
        clipboard: watch::watch_settings(&store).is_ok_and(|s| s.clipboard_enabled),
    }
}

/// The tray item.
pub struct TrayItem {
    pub labels: Labels,
    pub actions: UnboundedSender<Action>,
    pub icon: Vec<ksni::Icon>,
    /// Told `false` when the desktop's tray host (the StatusNotifierWatcher)
    /// goes away, `true` when it is back and shows the item again.
    pub on_shown: Box<dyn Fn(bool) + Send>,
}

impl TrayItem {
    fn entry(label: &str, action: Action) -> MenuItem<Self> {
        StandardItem {
            label: label.into(),
            activate: Box::new(move |tray: &mut TrayItem| {
                let _ = tray.actions.send(action);
            }),
            ..Default::default()
        }
        .into()
    }
}

impl ksni::Tray for TrayItem {
    fn id(&self) -> String {
        "hugops".into()
    }

    fn watcher_online(&self) {
        (self.on_shown)(true);
    }

    /// Keeps the item waiting for a tray host to come back (a restarted shell,
    /// a re-enabled extension); meanwhile HugOps behaves as with no tray.
    fn watcher_offline(&self, _reason: ksni::OfflineReason) -> bool {
        (self.on_shown)(false);
        true
    }

    fn title(&self) -> String {
        "HugOps".into()
    }

    fn icon_name(&self) -> String {
        "hugops-desktop".into()
    }

    fn icon_pixmap(&self) -> Vec<ksni::Icon> {
        self.icon.clone()
    }

    fn tool_tip(&self) -> ksni::ToolTip {
        ksni::ToolTip {
            title: "HugOps".into(),
            description: self.labels.next.clone(),
            ..Default::default()
        }
    }

    fn menu_about_to_show(&mut self) {
        let _ = self.actions.send(Action::Prewarm);
    }

    fn activate(&mut self, _x: i32, _y: i32) {
        let _ = self.actions.send(Action::Open);
    }

    fn menu(&self) -> Vec<MenuItem<Self>> {
        let mut items = vec![
            StandardItem {
                label: self.labels.next.clone(),
                enabled: false,
                ..Default::default()
            }
            .into(),
            MenuItem::Separator,
            Self::entry("Open HugOps", Action::Open),
            Self::entry("Log kudos…", Action::QuickAdd),
        ];
        if self.labels.clipboard {
            items.push(Self::entry("Check copied thread", Action::CheckClipboard));
        }
        items.extend([
            MenuItem::Separator,
            Self::entry(self.labels.pause, Action::TogglePause),
            MenuItem::Separator,
            Self::entry("Quit", Action::Quit),
        ]);
        items
    }
}

/// The tray icon as ARGB32 pixels in network byte order, as the
/// StatusNotifierItem spec wants them; empty if the PNG cannot be read.
pub fn icon() -> Vec<ksni::Icon> {
    decode_icon(include_bytes!("../../../icons/tray.png")).map_or_else(Vec::new, |i| vec![i])
}

fn decode_icon(png_bytes: &[u8]) -> Option<ksni::Icon> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    let pixels = &buf[..info.buffer_size()];
    let data = match info.color_type {
        png::ColorType::Rgba => pixels
            .chunks_exact(4)
            .flat_map(|p| [p[3], p[0], p[1], p[2]])
            .collect(),
        png::ColorType::Rgb => pixels
            .chunks_exact(3)
            .flat_map(|p| [0xff, p[0], p[1], p[2]])
            .collect(),
        _ => return None,
    };
    Some(ksni::Icon {
        width: i32::try_from(info.width).ok()?,
        height: i32::try_from(info.height).ok()?,
        data,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use hugops_core::clock::FixedClock;
    use hugops_core::Store;
    use ksni::Tray;

    use super::*;

    fn item(labels: Labels) -> (TrayItem, tokio::sync::mpsc::UnboundedReceiver<Action>) {
        let (actions, rx) = tokio::sync::mpsc::unbounded_channel();
        (
            TrayItem {
                labels,
                actions,
                icon: Vec::new(),
                on_shown: Box::new(|_| {}),
            },
            rx,
        )
    }

    #[test]
    fn a_tray_host_going_and_coming_back_is_reported_and_the_item_waits_for_it() {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (mut tray, _) = item(Labels::default());
        let log = Arc::clone(&seen);
        tray.on_shown = Box::new(move |shown| log.lock().unwrap().push(shown));
        assert!(
            tray.watcher_offline(ksni::OfflineReason::No),
            "the item keeps running"
        );
        tray.watcher_online();
        assert_eq!(*seen.lock().unwrap(), [false, true]);
    }

    fn entry_labels(items: &[MenuItem<TrayItem>]) -> Vec<String> {
        items
            .iter()
            .map(|i| match i {
                MenuItem::Standard(s) => s.label.clone(),
                MenuItem::Separator => "-".into(),
                _ => "?".into(),
            })
            .collect()
    }

    #[test]
    fn the_menu_offers_the_clipboard_check_only_when_opted_into() {
        let (tray, _) = item(Labels::default());
        let plain = entry_labels(&tray.menu());
        assert_eq!(
            plain,
            [
                NO_MEETING,
                "-",
                "Open HugOps",
                "Log kudos…",
                "-",
                PAUSE_LABEL,
                "-",
                "Quit"
            ]
        );
        let (tray, _) = item(Labels {
            clipboard: true,
            ..Labels::default()
        });
        assert!(entry_labels(&tray.menu()).contains(&"Check copied thread".to_owned()));
    }

    #[test]
    fn each_entry_sends_its_action() {
        let (mut tray, mut rx) = item(Labels::default());
        let menu = tray.menu();
        for item in &menu {
            if let MenuItem::Standard(s) = item {
                (s.activate)(&mut tray);
            }
        }
        let mut sent = Vec::new();
        while let Ok(a) = rx.try_recv() {
            sent.push(a);
        }
        assert_eq!(
            sent,
            [
                Action::Open,
                Action::QuickAdd,
                Action::TogglePause,
                Action::Quit
            ]
        );
    }

    #[test]
    fn labels_follow_the_stored_pause() {
        let state = TrayState::new(
            Store::open_in_memory().unwrap(),
            Arc::new(FixedClock::at("2026-11-27T16:00:00Z")),
        );
        assert_eq!(labels(&state), Labels::default());
        crate::pause::toggle_pause(&state).unwrap();
        assert_eq!(labels(&state).pause, crate::pause::RESUME_LABEL);
    }

    #[test]
    fn the_icon_decodes_to_argb_pixels() {
        let icons = icon();
        assert_eq!(icons.len(), 1);
        let i = &icons[0];
        assert!(i.width > 0 && i.height > 0);
        assert_eq!(i.data.len(), (i.width * i.height * 4) as usize);
    }
}
