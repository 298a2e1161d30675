//! The one list of the commands the webview may call.
//!
//! It is the source: lib.rs registers these commands, the UI's
//! `ui/src/lib/bindings.ts` (types and one typed function per command) is
//! generated from it, and bindings_tests.rs proves that build.rs's `COMMANDS`
//! and the `allow-*` permissions in tauri.conf.json name the same commands.
//!
//! The bindings come from tauri-specta rather than ts-rs because it knows the
//! commands themselves (names, arguments, results and error type), not only
//! the types they carry.

use tauri::Runtime;
use tauri_specta::{collect_commands, Builder, ErrorHandlingMode};

use crate::{
    backup_commands, buddy_commands, commands, draft_commands, oncall_commands, schedule_commands,
    thread_commands, window_commands,
};

/// Every command, ready to register (`invoke_handler`) or to export.
pub fn commands<R: Runtime>() -> Builder<R> {
    Builder::<R>::new()
        // The generated functions throw the `ApiError` a command rejects with,
        // as `invoke` does, instead of wrapping results in `{status, ...}`.
        .error_handling(ErrorHandlingMode::Throw)
        // Ids and counts are i64/usize in Rust; every value HugOps produces
        // fits a JS number exactly (below 2^53), as with plain `invoke`.
        .dangerously_cast_bigints_to_number()
        .commands(collect_commands![
            commands::kudos_add,
            commands::kudos_edit,
            commands::kudos_delete,
            commands::kudos_undo_delete,
            commands::kudos_list,
            commands::kudos_search,
            commands::kudos_stats,
            commands::kudos_export,
            commands::kudos_import,
            commands::kudos_import_chat,
            commands::settings_get,
            commands::settings_set::<tauri::Wry>,
            commands::reminders_pause,
            commands::reminders_resume,
            commands::app_info,
            commands::app_ready::<tauri::Wry>,
            backup_commands::backup_list,
            backup_commands::backup_now,
            backup_commands::backup_restore,
            draft_commands::drafts_get,
            draft_commands::drafts_save,
            draft_commands::drafts_clear,
            draft_commands::drafts_keys,
            window_commands::window_keep_alive,
            window_commands::window_close::<tauri::Wry>,
            buddy_commands::buddies_import_roster,
            buddy_commands::buddies_import_roster_text,
            buddy_commands::buddies_import_history,
            buddy_commands::buddies_import_history_text,
            buddy_commands::buddies_propose,
            buddy_commands::buddies_accept,
            buddy_commands::buddies_pairings,
            buddy_commands::buddies_export,
            buddy_commands::buddies_load,
            buddy_commands::buddies_weights_get,
            buddy_commands::buddies_weights_set,
            schedule_commands::schedule_teams,
            schedule_commands::schedule_checkins,
            schedule_commands::schedule_social,
            schedule_commands::schedule_heatmap,
            schedule_commands::schedule_export_checkins,
            schedule_commands::schedule_export_social,
            schedule_commands::schedule_save_checkins,
            schedule_commands::schedule_save_social,
            schedule_commands::schedule_agenda,
            schedule_commands::schedule_done,
            schedule_commands::schedule_move,
            schedule_commands::reminders_missed,
            schedule_commands::reminders_dismiss,
            thread_commands::threads_review_text,
            thread_commands::threads_review_path,
            thread_commands::threads_watch_get,
            // The runtime here only names the types; Tauri's handler is built
            // for `R` whatever is written (tauri-specta drops the generics).
            thread_commands::threads_watch_set,
            oncall_commands::oncall_report,
            oncall_commands::oncall_import,
        ])
}
