//! Contract tests of the `hugops` command line: each runs the built binary
//! on a database in a temporary folder, with the clock fixed by
//! `HUGOPS_NOW` / `HUGOPS_TZ` (see `support`).

mod support;

mod backup;
mod bad_files;
mod bad_flags;
mod crash;
mod database;
mod disk;
mod export_import;
mod import_chat;
mod kudos_add;
mod kudos_delete;
mod kudos_edit;
mod kudos_list;
mod kudos_search;
mod match_cmd;
mod match_db;
mod oncall;
mod output;
mod reminders;
mod review;
mod schedule_agenda;
mod schedule_checkins;
mod schedule_ics;
mod schedule_social;
mod schedule_support;
mod settings;
mod stats;
mod thread_cmd;
