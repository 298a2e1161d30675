// Shapes exchanged with the Rust side. They follow docs/contract.md exactly:
// snake_case field names, dates as `YYYY-MM-DD`, instants as RFC 3339 UTC.

export type Direction = 'given' | 'received';

/** A stored journal entry. */
export interface Entry {
  id: number;
  direction: Direction;
  person: string;
  /** Present only when set. */
  email?: string;
  message: string;
  tags: string[];
  link: string | null;
  /** `YYYY-MM-DD` */
  occurred_on: string;
  /** `2026-11-24T10:00:00Z` */
  created_at: string;
}

/** What the user gives to add an entry. `occurred_on` defaults to today. */
export interface NewEntry {
  direction: Direction;
  person: string;
  email?: string;
  message: string;
  tags: string[];
  link?: string;
  occurred_on?: string;
}

/** A partial update; absent fields stay as they are. */
export interface EntryPatch {
  direction?: Direction;
  person?: string;
  email?: string | null;
  message?: string;
  tags?: string[];
  link?: string | null;
  occurred_on?: string;
}

/** Which entries to list; every field narrows the result. Dates inclusive. */
export interface Filter {
  direction?: Direction;
  person?: string;
  tag?: string;
  /** `YYYY-MM-DD` */
  from?: string;
  /** `YYYY-MM-DD` */
  to?: string;
  limit?: number;
  offset?: number;
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  given: number;
  received: number;
}

export interface NameCount {
  name: string;
  count: number;
}

export interface Streak {
  current_weeks: number;
  longest_weeks: number;
}

export interface Stats {
  given: number;
  received: number;
  by_month: MonthCount[];
  /** People the user thanked most. */
  top_thanked: NameCount[];
  /** People who thanked the user most. */
  top_thankers: NameCount[];
  tags: NameCount[];
  streak: Streak;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface NudgeSettings {
  enabled: boolean;
  weekday: Weekday;
  /** `HH:MM`, local time */
  time: string;
}

export interface Settings {
  nudge: NudgeSettings;
  /** `2026-11-24T10:00:00Z` or null when reminders run. */
  paused_until: string | null;
  timezone?: string | null;
  schedule: ScheduleSettings;
  quiet_hours: QuietHours;
}

export interface ScheduleSettings {
  /** `day 1`, `week 2`, … */
  cadence: string[];
  checkin_minutes: number;
  reminder_minutes: number;
}

/** No reminder fires between `start` and `end` (local `HH:MM`). */
export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
}

export type ExportFormat = 'md' | 'csv' | 'json';

export interface ImportReport {
  imported: number;
  skipped_duplicates: number;
}

export interface AppInfo {
  version: string;
  db_path: string;
}

/** Stable error codes (snake_case) the UI may branch on. */
export type ErrorCode =
  | 'invalid_input'
  | 'bad_file'
  | 'not_found'
  | 'not_hugops_db'
  | 'storage'
  | 'io'
  /** Raised by the UI itself when an error had no code (e.g. IPC failure). */
  | 'internal';

/** Every backend error reaches the UI as `{code, message}`. */
export interface ApiError {
  code: ErrorCode | (string & {});
  message: string;
  /** The input field the error is about, when there is one. */
  field?: string;
}

// ---- buddy matching --------------------------------------------------------

/** Who someone is, as the matching screen shows them. */
export interface PersonBrief {
  email: string;
  name: string;
  team: string;
  timezone: string;
  start_date: string;
}

export interface Alternative {
  buddy: PersonBrief;
  score: number;
}

export interface ProposalRow {
  joiner: PersonBrief;
  buddy: PersonBrief | null;
  score: number | null;
  reasons: string[];
  locked: boolean;
  unmatched_reason: string | null;
  alternatives: Alternative[];
  intro: string | null;
  /** Set when the pair was accepted earlier: the joiner keeps this buddy. */
  accepted_on: string | null;
}

export interface Proposal {
  today: string;
  people: number;
  rows: ProposalRow[];
  matched: number;
  total_score: number;
  /** `[joiner, buddy]` locks that could not be kept. */
  ignored_locks: Array<[string, string]>;
}

/** `[joiner_email, buddy_email]`. */
export type Lock = [string, string];

export interface RosterImport {
  added: number;
  updated: number;
}

export interface Pairing {
  joiner: string;
  buddy: string;
  paired_on: string;
  score: number | null;
  reasons: string[];
  source: 'accepted' | 'history';
}

export interface BuddyLoad {
  buddy: string;
  name: string;
  capacity: number | null;
  total: number;
  /** `[YYYY-MM, count]`, oldest first. */
  months: Array<[string, number]>;
}

export interface Weights {
  shared_hours: number;
  shared_interests: number;
  low_load: number;
  tenure: number;
}

// ---- schedule --------------------------------------------------------------

export interface AttendeeTime {
  name: string;
  email: string;
  zone: string;
  /** `Tue 2026-12-01 20:30–21:00 +05:30`. */
  when: string;
  outside_hours: boolean;
}

export interface AgendaItem {
  uid: string;
  kind: 'checkin' | 'social';
  title: string;
  start: string;
  end: string;
  attendees: string[];
  outside_hours: string[];
  local_times: AttendeeTime[];
}

export interface Slot {
  start: string;
  end: string;
  in_hours: number;
  outside_hours: string[];
}

export type GroupArg = { kind: 'everyone' } | { kind: 'team'; team: string } | { kind: 'emails'; emails: string[] };

export interface SocialArg {
  group: GroupArg;
  from: string;
  to: string;
  minutes: number;
  top: number;
  every: 'week' | 'month' | null;
  count: number | null;
  title: string;
}

export interface SocialView {
  slots: Slot[];
  outside_hours_count: Record<string, number>;
  agenda: AgendaItem[];
}

export interface Heatmap {
  days: string[];
  cell_minutes: number;
  counts: number[][];
  people: number;
}

// ---- threads ---------------------------------------------------------------

export interface Signal {
  kind: string;
  weight: number;
  /** 1-based message positions. */
  messages: number[];
  evidence: string;
}

export interface Analysis {
  ambiguous: boolean;
  score: number;
  threshold: number;
  messages: number;
  participants: number;
  signals: Signal[];
  suggestion: string;
}

export interface ReviewedMessage {
  position: number;
  author: string;
  text: string;
  ts: string | null;
  signals: string[];
}

export interface ThreadReview {
  channel: string | null;
  first_ts: string | null;
  analysis: Analysis;
  messages: ReviewedMessage[];
}

export interface Review {
  threads: ThreadReview[];
  total: number;
  ambiguous: number;
}

/** Opt-in thread checks outside the window. */
export interface WatchSettings {
  folder_enabled: boolean;
  folder: string | null;
  clipboard_enabled: boolean;
}

/** A meeting saved in the agenda. */
export interface StoredMeeting {
  uid: string;
  kind: 'checkin' | 'social';
  title: string;
  start: string;
  end: string;
  outside_hours: string[];
  status: 'scheduled' | 'done' | 'cancelled';
  moved_from: string | null;
  local_times: Array<{ name: string; email: string; zone: string; start: string; end: string; outside_hours: boolean }>;
}

export interface SaveReport {
  added: number;
  updated: number;
  unchanged: number;
}

export interface MissedReminder {
  kind: string;
  due_at: string;
  title: string;
  body: string;
  uid?: string;
}
