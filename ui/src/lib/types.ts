// Shapes exchanged with the Rust side: generated into ./bindings.ts from the
// Rust types (scripts/bindings), re-exported here under the names the UI
// uses. Only the UI's own additions are written out below.

import type {
  ApiError_Serialize as BackendError,
  Count,
  ErrorCode as BackendErrorCode,
  Reminder_Serialize,
  WeekdayName,
} from './bindings';

export type {
  Alternative,
  Analysis,
  AppInfo,
  Backup,
  AttendeeTime,
  BandCounts,
  ChatImportReport,
  Direction,
  ExportFormat,
  GroupArg,
  Heat,
  Heatmap,
  HistoryImport,
  ImportReport,
  LedgerImport,
  MonthCount,
  PersonBrief,
  PersonReport,
  RosterImport,
  SaveReport,
  Signal,
  Stats,
  Streak,
  Suggestion,
  Warning,
  Weights,
} from './bindings';

// What the backend sends back (the serialised side of each type) ...
export type {
  AgendaItem_Serialize as AgendaItem,
  BuddyLoad_Serialize as BuddyLoad,
  Entry_Serialize as Entry,
  Kudos_Serialize as Kudos,
  NudgeSettings_Serialize as NudgeSettings,
  Pairing_Serialize as Pairing,
  Proposal_Serialize as Proposal,
  ProposalRow_Serialize as ProposalRow,
  QuietHours_Serialize as QuietHours,
  Review_Serialize as Review,
  ReviewedMessage_Serialize as ReviewedMessage,
  ScheduleSettings_Serialize as ScheduleSettings,
  ScreenReport_Serialize as ScreenReport,
  Settings_Serialize as Settings,
  Slot_Serialize as Slot,
  SocialView_Serialize as SocialView,
  StoredMeeting_Serialize as StoredMeeting,
  ThreadReview_Serialize as ThreadReview,
  WatchSettings_Serialize as WatchSettings,
} from './bindings';

// ... and what it takes (the deserialised side: optional fields may be left out).
export type {
  EntryPatch_Deserialize as EntryPatch,
  Filter_Deserialize as Filter,
  NewEntry_Deserialize as NewEntry,
  OncallQuery_Deserialize as OncallQuery,
  SocialArg_Deserialize as SocialArg,
} from './bindings';


/** A name and how often it occurs (top people, tags). */
export type NameCount = Count;

export type Weekday = WeekdayName;

/** A pair the user fixed: joiner's and buddy's email. */
export type Lock = [string, string];

/** A meeting reminder too late to fire. */
export type MissedReminder = Reminder_Serialize;

/** The backend's error codes, plus `internal`: raised by the UI itself when an error had no code (e.g. IPC failure). */
export type ErrorCode = BackendErrorCode | 'internal';

/** Every error reaches the UI as `{code, message, field?}`; codes the UI does not know stay strings. */
export interface ApiError extends Omit<BackendError, 'code'> {
  code: ErrorCode | (string & {});
}
