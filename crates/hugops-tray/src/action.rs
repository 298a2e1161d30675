//! What can be asked of the tray, from its menu, a notification, or the
//! control socket: one list, handled in one place ([`crate::hub::Hub`]).

/// Something for the tray to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the window, starting its process when there is none.
    Open,
    /// Show the window with the quick-add form open.
    QuickAdd,
    /// The tray menu is opening: start the window process hidden, so that
    /// "Open HugOps" finds it ready.
    Prewarm,
    /// Close the window, as its close button does.
    CloseWindow,
    /// Analyse the clipboard's thread (opt-in, Settings → Thread checks).
    CheckClipboard,
    /// Pause reminders for an hour, or resume them.
    TogglePause,
    /// Settings or stored reminders changed elsewhere: look again now.
    Changed,
    /// The window was closed (hidden).
    WindowClosed,
    /// Quit the window process and the tray.
    Quit,
}
