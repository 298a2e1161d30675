//! Runs tauri-build, which embeds tauri.conf.json and checks the capabilities.
//!
//! The app's commands are listed here so tauri-build generates an
//! `allow-<command>` permission for each: a command then reaches the webview
//! only if a capability in tauri.conf.json grants it (deny by default).

/// Every command in `src-tauri/command_list.rs`, which is the source; a test
/// there (bindings_tests.rs) fails when this list differs from it.
const COMMANDS: &[&str] = &[
    "kudos_add",
    "kudos_edit",
    "kudos_delete",
    "kudos_undo_delete",
    "kudos_list",
    "kudos_search",
    "kudos_stats",
    "kudos_export",
    "kudos_import",
    "kudos_import_chat",
    "settings_get",
    "settings_set",
    "reminders_pause",
    "reminders_resume",
    "app_info",
    "app_ready",
    "backup_list",
    "backup_now",
    "backup_restore",
    "drafts_get",
    "drafts_save",
    "drafts_clear",
    "drafts_keys",
    "window_keep_alive",
    "window_close",
    "buddies_import_roster",
    "buddies_import_roster_text",
    "buddies_import_history",
    "buddies_import_history_text",
    "buddies_propose",
    "buddies_accept",
    "buddies_pairings",
    "buddies_export",
    "buddies_load",
    "buddies_weights_get",
    "buddies_weights_set",
    "schedule_teams",
    "schedule_checkins",
    "schedule_social",
    "schedule_heatmap",
    "schedule_export_checkins",
    "schedule_export_social",
    "schedule_save_checkins",
    "schedule_save_social",
    "schedule_agenda",
    "schedule_done",
    "schedule_move",
    "reminders_missed",
    "reminders_dismiss",
    "threads_review_text",
    "threads_review_path",
    "threads_watch_get",
    "threads_watch_set",
    "oncall_report",
    "oncall_import",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
