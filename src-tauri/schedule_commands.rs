//! Commands of the Schedule screen: each is one call into
//! `hugops_core::schedule`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use hugops_core::reminders::{self, Reminder};
use hugops_core::schedule::agenda::{self, SaveReport, StoredMeeting};
use hugops_core::schedule::heatmap::Heatmap;
use hugops_core::schedule::local::AgendaItem;
use hugops_core::schedule::{self, Every, Group, Meeting, SocialOptions, SocialPlan};
use hugops_core::settings;
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::ApiError;
use crate::state::AppState;

type Result<T> = std::result::Result<T, ApiError>;

/// A planned social, with each meeting's local times.
#[derive(Debug, Serialize, specta::Type)]
pub struct SocialView {
    #[serde(flatten)]
    pub plan: SocialPlan,
    /// The series again, with every attendee's local time.
    #[serde(rename = "agenda")]
    pub series: Vec<AgendaItem>,
}

/// Who a social is for, as the window sends it.
#[derive(Debug, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum GroupArg {
    Everyone,
    Team { team: String },
    Emails { emails: Vec<String> },
}

impl From<GroupArg> for Group {
    fn from(g: GroupArg) -> Self {
        match g {
            GroupArg::Everyone => Group::Everyone,
            GroupArg::Team { team } => Group::Team(team),
            GroupArg::Emails { emails } => Group::Emails(emails),
        }
    }
}

/// A social's options, as the window sends them.
#[derive(Debug, Deserialize, specta::Type)]
pub struct SocialArg {
    pub group: GroupArg,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub minutes: u32,
    pub top: usize,
    /// `week` or `month`, with `count`.
    pub every: Option<String>,
    pub count: Option<u32>,
    #[serde(default)]
    pub title: String,
    /// The first meeting's chosen start (one of the plan's `slots`); `None` takes the best.
    #[serde(default)]
    pub start: Option<DateTime<Utc>>,
}

impl SocialArg {
    fn into_parts(self) -> (Group, SocialOptions) {
        let repeat = match (self.every.as_deref(), self.count) {
            (Some("month"), Some(n)) => Some((Every::Month, n)),
            (Some("week"), Some(n)) => Some((Every::Week, n)),
            _ => None,
        };
        let opts = SocialOptions {
            from: self.from,
            to: self.to,
            minutes: self.minutes,
            top: self.top,
            repeat,
            title: self.title,
            start: self.start,
        };
        (self.group.into(), opts)
    }
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_teams(state: State<'_, AppState>) -> Result<Vec<String>> {
    Ok(schedule::stored::teams(&state.store())?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_checkins(
    state: State<'_, AppState>,
    today: Option<NaiveDate>,
) -> Result<Vec<AgendaItem>> {
    let today = today.unwrap_or_else(|| state.clock().today());
    Ok(schedule::stored::accepted_checkins_agenda(
        &state.store(),
        today,
    )?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_social(state: State<'_, AppState>, social: SocialArg) -> Result<SocialView> {
    let (group, opts) = social.into_parts();
    let store = state.store();
    let plan = schedule::stored::social(&store, &group, opts)?;
    let meetings = plan.series.iter().map(|m| m.meeting.clone()).collect();
    let series = schedule::stored::with_local_times(&store, meetings)?;
    Ok(SocialView { plan, series })
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_heatmap(
    state: State<'_, AppState>,
    group: GroupArg,
    day: NaiveDate,
) -> Result<Heatmap> {
    let store = state.store();
    let zone = settings::user_zone(&store, state.clock())?;
    Ok(schedule::stored::heatmap(&store, &group.into(), day, zone)?)
}

/// Writes the check-ins of every accepted pair (from `today`) to `path`.
#[tauri::command]
#[specta::specta]
pub async fn schedule_export_checkins(
    state: State<'_, AppState>,
    today: Option<NaiveDate>,
    path: PathBuf,
) -> Result<usize> {
    let (today, now) = (
        today.unwrap_or_else(|| state.clock().today()),
        state.clock().now(),
    );
    let store = state.store();
    let meetings = schedule::stored::accepted_checkins(&store, today)?;
    schedule::stored::export_ics(&store, &meetings, &path, now)?;
    Ok(meetings.len())
}

/// Plans the social again (the same options give the same meetings) and
/// writes its series to `path`.
#[tauri::command]
#[specta::specta]
pub async fn schedule_export_social(
    state: State<'_, AppState>,
    social: SocialArg,
    path: PathBuf,
) -> Result<usize> {
    let now = state.clock().now();
    let (group, opts) = social.into_parts();
    let store = state.store();
    let plan = schedule::stored::social(&store, &group, opts)?;
    let meetings: Vec<Meeting> = plan.series.into_iter().map(|m| m.meeting).collect();
    schedule::stored::export_ics(&store, &meetings, &path, now)?;
    Ok(meetings.len())
}

/// Saves the check-ins of every accepted pair to the agenda (they get reminders).
#[tauri::command]
#[specta::specta]
pub async fn schedule_save_checkins(
    state: State<'_, AppState>,
    today: Option<NaiveDate>,
) -> Result<SaveReport> {
    let (today, now) = (
        today.unwrap_or_else(|| state.clock().today()),
        state.clock().now(),
    );
    let saved = schedule::stored::save_accepted_checkins(&mut state.store(), today, now)?;
    state.settings_changed();
    Ok(saved)
}

/// Plans the social again and saves its series to the agenda.
#[tauri::command]
#[specta::specta]
pub async fn schedule_save_social(
    state: State<'_, AppState>,
    social: SocialArg,
) -> Result<SaveReport> {
    let now = state.clock().now();
    let (group, opts) = social.into_parts();
    let saved = schedule::stored::save_social(&mut state.store(), &group, opts, now)?;
    state.settings_changed();
    Ok(saved)
}

/// The saved meetings not ended yet, soonest first.
#[tauri::command]
#[specta::specta]
pub async fn schedule_agenda(state: State<'_, AppState>) -> Result<Vec<StoredMeeting>> {
    let now = state.clock().now();
    Ok(agenda::agenda(&state.store(), now, None)?)
}

#[tauri::command]
#[specta::specta]
pub async fn schedule_done(state: State<'_, AppState>, uid: String) -> Result<StoredMeeting> {
    let now = state.clock().now();
    let done = agenda::mark_done(&mut state.store(), &uid, now)?;
    state.settings_changed();
    Ok(done)
}

/// Moves a meeting to `start` (its length kept).
#[tauri::command]
#[specta::specta]
pub async fn schedule_move(
    state: State<'_, AppState>,
    uid: String,
    start: DateTime<Utc>,
) -> Result<StoredMeeting> {
    let now = state.clock().now();
    let moved = agenda::move_meeting(&mut state.store(), &uid, start, now)?;
    state.settings_changed();
    Ok(moved)
}

/// Meeting reminders too late to fire, for the app to list.
#[tauri::command]
#[specta::specta]
pub async fn reminders_missed(state: State<'_, AppState>) -> Result<Vec<Reminder>> {
    Ok(reminders::missed(&state.store(), state.clock())?)
}

#[tauri::command]
#[specta::specta]
pub async fn reminders_dismiss(
    state: State<'_, AppState>,
    kind: String,
    due: DateTime<Utc>,
) -> Result<()> {
    Ok(reminders::dismiss(
        &mut state.store(),
        &kind,
        due,
        state.clock(),
    )?)
}
