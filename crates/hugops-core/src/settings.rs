//! User settings, stored in the database.
//!
//! Settings live in the `settings` table, one JSON row per top-level key
//! (`nudge`, `paused_until`, `timezone`, `schedule`, `quiet_hours`, `start_at_login`,
//! `start_at_login_asked`, `window`), so one part can change without
//! rewriting the others and older or partial values still load: anything
//! missing takes its default. The CLI edits them one dotted key at a time
//! ([`set_value`]); the UI sends the whole [`Settings`] ([`save`]).

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use rusqlite::OptionalExtension;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::clock::{format_instant, Clock};
use crate::schedule::checkins::{CadenceStep, DEFAULT_CADENCE, DEFAULT_CHECKIN_MINUTES};
use crate::{Error, Result, Store};

/// Everything the user can configure.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Settings {
    /// The weekly appreciation nudge.
    pub nudge: NudgeSettings,
    /// No reminder is shown before this instant (`None`: not paused).
    #[serde(with = "instant_serde::option")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub paused_until: Option<DateTime<Utc>>,
    /// IANA zone name for reminder times; `None` follows the system zone.
    pub timezone: Option<String>,
    /// Check-ins and meeting reminders.
    pub schedule: ScheduleSettings,
    /// When no reminder fires at all.
    pub quiet_hours: QuietHours,
    /// Whether an XDG autostart entry starts HugOps (tray only) at login.
    /// Off until the user says yes, and off in tests.
    pub start_at_login: bool,
    /// Whether the user has answered "start HugOps when I log in?" once, so
    /// the first run asks and no later run does.
    pub start_at_login_asked: bool,
    /// The window's process.
    pub window: WindowSettings,
}

/// The shortest and longest grace period a closed window's process may have.
pub const GRACE_SECONDS_RANGE: std::ops::RangeInclusive<u32> = 1..=3600;

/// How the window's process behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct WindowSettings {
    /// Seconds a closed window's process stays before it exits, releasing its
    /// memory (1 to 3600; a window opened again within them is instant).
    pub grace_seconds: u32,
    /// The window's colours.
    pub theme: Theme,
}

impl Default for WindowSettings {
    fn default() -> Self {
        WindowSettings {
            grace_seconds: 30,
            theme: Theme::System,
        }
    }
}

/// The window's colours: the desktop's light or dark choice, or always one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Result<Theme, String> {
        let name = text.to_ascii_lowercase();
        [Theme::System, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.as_str() == name)
            .ok_or_else(|| format!("expected system, light or dark, got `{text}`"))
    }
}

impl WindowSettings {
    /// How long a closed window's process stays before it exits.
    pub fn grace(&self) -> std::time::Duration {
        std::time::Duration::from_secs(u64::from(self.grace_seconds))
    }
}

/// A nightly stretch of the user's local time in which no reminder fires.
/// It runs from `start` to `end` (excluded) and crosses midnight when `end`
/// is not after `start`; equal times mean no quiet hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct QuietHours {
    pub enabled: bool,
    /// Local time, serialised as `HH:MM`.
    #[serde(with = "time_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub start: NaiveTime,
    /// Local time, serialised as `HH:MM`.
    #[serde(with = "time_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub end: NaiveTime,
}

impl Default for QuietHours {
    fn default() -> Self {
        QuietHours {
            enabled: false,
            start: NaiveTime::from_hms_opt(22, 0, 0).expect("22:00 is a valid time"),
            end: NaiveTime::from_hms_opt(7, 0, 0).expect("07:00 is a valid time"),
        }
    }
}

/// How check-ins are planned and how early meetings are announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ScheduleSettings {
    /// When check-ins happen, counted from the joiner's start date.
    pub cadence: Vec<CadenceStep>,
    /// Length of a check-in, 5 to 240 minutes.
    pub checkin_minutes: u32,
    /// How long before a meeting its reminder comes, 0 to 1440 minutes.
    pub reminder_minutes: u32,
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        ScheduleSettings {
            cadence: DEFAULT_CADENCE.to_vec(),
            checkin_minutes: DEFAULT_CHECKIN_MINUTES,
            reminder_minutes: 10,
        }
    }
}

/// When the weekly "appreciate someone" nudge comes, in the user's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct NudgeSettings {
    pub enabled: bool,
    /// Serialised as `mon` .. `sun`.
    #[serde(with = "weekday_serde")]
    #[cfg_attr(feature = "specta", specta(type = crate::settings::WeekdayName))]
    pub weekday: Weekday,
    /// Local time of day, serialised as `HH:MM`.
    #[serde(with = "time_serde")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub time: NaiveTime,
    /// Whether the user chose the nudge's settings themselves. Until then it
    /// stays quiet in a new user's first week (see [`crate::first_use`]).
    pub set_up: bool,
}

impl Default for NudgeSettings {
    fn default() -> Self {
        NudgeSettings {
            enabled: true,
            weekday: Weekday::Fri,
            time: NaiveTime::from_hms_opt(15, 0, 0).expect("15:00 is a valid time"),
            set_up: false,
        }
    }
}

impl Settings {
    /// The configured zone, if set and known to this build.
    pub fn zone(&self) -> Option<Tz> {
        self.timezone.as_deref().and_then(|name| name.parse().ok())
    }

    /// The zone reminder times are read in: the configured one, else the clock's.
    pub fn effective_zone(&self, clock: &dyn Clock) -> Tz {
        self.zone().unwrap_or_else(|| clock.tz())
    }

    /// Whether reminders are paused at `now`.
    pub fn is_paused(&self, now: DateTime<Utc>) -> bool {
        self.paused_until.is_some_and(|until| until > now)
    }
}

/// The zone the user reads times in: the stored setting, else the clock's.
pub fn user_zone(store: &Store, clock: &dyn Clock) -> Result<Tz> {
    Ok(load(store)?.effective_zone(clock))
}

/// The keys [`set_value`] accepts.
pub const SETTABLE_KEYS: [&str; 13] = [
    "nudge.enabled",
    "nudge.weekday",
    "nudge.time",
    "timezone",
    "schedule.cadence",
    "schedule.checkin_minutes",
    "schedule.reminder_minutes",
    "quiet_hours.enabled",
    "quiet_hours.start",
    "quiet_hours.end",
    "start_at_login",
    "window.grace_seconds",
    "window.theme",
];

/// The stored settings, with defaults for anything missing.
///
/// A stored row this build cannot read (hand-edited, or written by a newer
/// HugOps), including a zone name it does not know, falls back to its
/// default instead of failing: reminders keep working, and the next [`save`]
/// repairs it.
pub fn load(store: &Store) -> Result<Settings> {
    let mut stmt = store.conn().prepare("SELECT key, value FROM settings")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut map = Map::new();
    for row in rows {
        let (key, text) = row?;
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            map.insert(key, value);
        }
    }
    map.retain(|key, value| readable_alone(key, value));
    let mut settings: Settings = serde_json::from_value(Value::Object(map)).unwrap_or_default();
    if settings.zone().is_none() {
        settings.timezone = None;
    }
    Ok(settings)
}

/// A value kept in the settings table under a key of its own (matching
/// weights, watch options, the first use), outside [`Settings`]; `None` when
/// it is missing or unreadable, so callers fall back to their defaults.
pub(crate) fn stored<T: DeserializeOwned>(store: &Store, key: &str) -> Result<Option<T>> {
    let text: Option<String> = store
        .conn()
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

/// Whether `{key: value}` alone deserialises into [`Settings`].
fn readable_alone(key: &str, value: &Value) -> bool {
    let single = Map::from_iter([(key.to_owned(), value.clone())]);
    serde_json::from_value::<Settings>(Value::Object(single)).is_ok()
}

/// Fails with the first value [`save`] would refuse, naming its key.
pub fn check(settings: &Settings) -> Result<()> {
    if let Some(name) = &settings.timezone {
        check_zone(name)?;
    }
    check_grace(settings.window.grace_seconds)
}

/// Validates and stores all settings in one transaction.
pub fn save(store: &mut Store, settings: &Settings) -> Result<()> {
    check(settings)?;
    let Value::Object(map) = serde_json::to_value(settings).expect("settings serialise") else {
        unreachable!("settings serialise to a JSON object");
    };
    let tx = store.conn_mut().transaction()?;
    for (key, value) in map {
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value.to_string()),
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Sets one setting from text typed by a person (`hugops settings set KEY VALUE`)
/// and returns the settings as stored.
///
/// Keys are [`SETTABLE_KEYS`]: `nudge.enabled` (`true`/`false`/`on`/`off`),
/// `nudge.weekday` (`mon` or `monday` ..), `nudge.time` (`HH:MM`), `timezone`
/// (an IANA name, any case, or `system`), `schedule.cadence` (`day 1, week 2`),
/// `schedule.checkin_minutes` (5 to 240), `schedule.reminder_minutes` (0 to
/// 1440), `quiet_hours.enabled` (as `nudge.enabled`), `quiet_hours.start` and
/// `quiet_hours.end` (`HH:MM`), `start_at_login` (as `nudge.enabled`; it also
/// counts as the first run's question answered), `window.grace_seconds` (1 to
/// 3600). Setting a `nudge.*` key marks the nudge as set up by the user.
/// Errors name the key.
pub fn set_value(store: &mut Store, key: &str, value: &str) -> Result<Settings> {
    update(store, |settings| apply_value(settings, key, value))
}

/// Changes one setting of `settings` as [`set_value`] does, without storing it.
pub fn apply_value(settings: &mut Settings, key: &str, value: &str) -> Result<()> {
    let value = value.trim();
    let invalid = |message: String| Error::invalid(key, message);
    match key {
        "nudge.enabled" => settings.nudge.enabled = parse_switch(value).map_err(invalid)?,
        "nudge.weekday" => settings.nudge.weekday = parse_weekday(value).map_err(invalid)?,
        "nudge.time" => settings.nudge.time = parse_time(value).map_err(invalid)?,
        "timezone" => settings.timezone = parse_zone_input(value).map_err(invalid)?,
        "schedule.cadence" => settings.schedule.cadence = parse_cadence(value).map_err(invalid)?,
        "schedule.checkin_minutes" => {
            settings.schedule.checkin_minutes = parse_minutes(value, 5, 240).map_err(invalid)?
        }
        "schedule.reminder_minutes" => {
            settings.schedule.reminder_minutes = parse_minutes(value, 0, 1440).map_err(invalid)?
        }
        "quiet_hours.enabled" => {
            settings.quiet_hours.enabled = parse_switch(value).map_err(invalid)?
        }
        "quiet_hours.start" => settings.quiet_hours.start = parse_time(value).map_err(invalid)?,
        "quiet_hours.end" => settings.quiet_hours.end = parse_time(value).map_err(invalid)?,
        "start_at_login" => {
            settings.start_at_login = parse_switch(value).map_err(invalid)?;
            settings.start_at_login_asked = true;
        }
        "window.grace_seconds" => {
            settings.window.grace_seconds = parse_grace(value).map_err(invalid)?
        }
        "window.theme" => settings.window.theme = Theme::parse(value).map_err(invalid)?,
        _ => {
            return Err(invalid(format!(
                "unknown setting; known settings: {}",
                SETTABLE_KEYS.join(", ")
            )))
        }
    }
    if key.starts_with("nudge.") {
        settings.nudge.set_up = true;
    }
    Ok(())
}

/// Loads the settings, applies `change`, saves them and returns them as stored.
/// Nothing is written if `change` fails.
pub fn update(
    store: &mut Store,
    change: impl FnOnce(&mut Settings) -> Result<()>,
) -> Result<Settings> {
    let mut settings = load(store)?;
    change(&mut settings)?;
    save(store, &settings)?;
    Ok(settings)
}

/// Every setting as `(dotted key, text)`, for display.
pub fn entries(settings: &Settings) -> Vec<(String, String)> {
    let nudge = &settings.nudge;
    [
        ("nudge.enabled", nudge.enabled.to_string()),
        ("nudge.weekday", weekday_name(nudge.weekday).to_owned()),
        ("nudge.time", format_time(nudge.time)),
        (
            "paused_until",
            settings
                .paused_until
                .map_or_else(|| "none".to_owned(), format_instant),
        ),
        (
            "timezone",
            settings.timezone.clone().unwrap_or_else(|| "system".into()),
        ),
        (
            "schedule.cadence",
            format_cadence(&settings.schedule.cadence),
        ),
        (
            "schedule.checkin_minutes",
            settings.schedule.checkin_minutes.to_string(),
        ),
        (
            "schedule.reminder_minutes",
            settings.schedule.reminder_minutes.to_string(),
        ),
        (
            "quiet_hours.enabled",
            settings.quiet_hours.enabled.to_string(),
        ),
        ("quiet_hours.start", format_time(settings.quiet_hours.start)),
        ("quiet_hours.end", format_time(settings.quiet_hours.end)),
        ("start_at_login", settings.start_at_login.to_string()),
        (
            "window.grace_seconds",
            settings.window.grace_seconds.to_string(),
        ),
        ("window.theme", settings.window.theme.as_str().to_owned()),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value))
    .collect()
}

/// The three-letter lowercase name HugOps uses for a weekday: `mon` .. `sun`.
pub fn weekday_name(day: Weekday) -> &'static str {
    const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    NAMES[day.num_days_from_monday() as usize]
}

fn format_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// `day 1, week 1, week 2`: comma-separated, at least one, no repeats.
fn parse_cadence(text: &str) -> Result<Vec<CadenceStep>, String> {
    let mut steps: Vec<CadenceStep> = Vec::new();
    for item in text.split(',') {
        let step = CadenceStep::parse(item)?;
        if steps.iter().any(|s| s.offset_days() == step.offset_days()) {
            return Err(format!(
                "`{}` falls on the same day as another check-in",
                item.trim()
            ));
        }
        steps.push(step);
    }
    Ok(steps)
}

fn format_cadence(steps: &[CadenceStep]) -> String {
    let items: Vec<String> = steps.iter().map(ToString::to_string).collect();
    items.join(", ")
}

fn parse_minutes(text: &str, min: u32, max: u32) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            format!("expected a whole number of minutes from {min} to {max}, got `{text}`")
        })
}

fn parse_grace(text: &str) -> Result<u32, String> {
    text.parse::<u32>()
        .ok()
        .filter(|n| GRACE_SECONDS_RANGE.contains(n))
        .ok_or_else(|| grace_message(text))
}

fn check_grace(seconds: u32) -> Result<()> {
    if GRACE_SECONDS_RANGE.contains(&seconds) {
        Ok(())
    } else {
        Err(Error::invalid(
            "window.grace_seconds",
            grace_message(&seconds.to_string()),
        ))
    }
}

fn grace_message(got: &str) -> String {
    format!(
        "expected a whole number of seconds from {} to {}, got `{got}`",
        GRACE_SECONDS_RANGE.start(),
        GRACE_SECONDS_RANGE.end()
    )
}

fn parse_switch(text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "true" | "on" => Ok(true),
        "false" | "off" => Ok(false),
        _ => Err(format!("expected true, false, on or off, got `{text}`")),
    }
}

fn parse_weekday(text: &str) -> Result<Weekday, String> {
    text.parse()
        .map_err(|_| format!("expected a weekday like mon or monday, got `{text}`"))
}

fn parse_time(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|_| format!("expected a time as HH:MM (24-hour), got `{text}`"))
}

/// `system` means "follow the machine"; zone names are matched in any case
/// and stored in their canonical spelling.
fn parse_zone_input(text: &str) -> Result<Option<String>, String> {
    if text.eq_ignore_ascii_case("system") {
        return Ok(None);
    }
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(text))
        .map(|tz| Some(tz.name().to_owned()))
        .ok_or_else(|| unknown_zone(text))
}

fn check_zone(name: &str) -> Result<()> {
    name.parse::<Tz>()
        .map(drop)
        .map_err(|_| Error::invalid("timezone", unknown_zone(name)))
}

fn unknown_zone(name: &str) -> String {
    format!("unknown time zone `{name}`; expected an IANA name like Europe/Berlin, or system")
}

/// A weekday as settings serialise it (`mon` .. `sun`): its type in the
/// generated bindings only.
#[cfg(feature = "specta")]
#[derive(Serialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum WeekdayName {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

mod weekday_serde {
    use chrono::Weekday;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &Weekday, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::weekday_name(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Weekday, D::Error> {
        super::parse_weekday(&String::deserialize(d)?).map_err(D::Error::custom)
    }
}

mod time_serde {
    use chrono::NaiveTime;
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(time: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_time(*time))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        super::parse_time(&String::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// Instants as `YYYY-MM-DDTHH:MM:SSZ`, the way the rest of HugOps writes them.
pub(crate) mod instant_serde {
    use chrono::{DateTime, Utc};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::clock::format_instant(*t))
    }

    /// The same for `Option`, with `null` for `None`.
    pub mod option {
        use chrono::{DateTime, Utc};
        use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            Option::<String>::deserialize(d)?
                .map(|text| {
                    crate::clock::parse_instant(&text).ok_or_else(|| {
                        D::Error::custom(format!(
                            "expected an instant like 2026-11-24T10:00:00Z, got `{text}`"
                        ))
                    })
                })
                .transpose()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::parse_instant;

    fn store() -> Store {
        Store::open_in_memory().unwrap()
    }

    fn stored_rows(store: &Store) -> Vec<(String, String)> {
        let mut stmt = store
            .conn()
            .prepare("SELECT key, value FROM settings ORDER BY key")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    }

    fn put_row(store: &Store, key: &str, json: &str) {
        store
            .conn()
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                (key, json),
            )
            .unwrap();
    }

    fn custom() -> Settings {
        Settings {
            nudge: NudgeSettings {
                enabled: false,
                weekday: Weekday::Mon,
                time: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
                set_up: true,
            },
            paused_until: parse_instant("2026-11-24T10:00:00Z"),
            timezone: Some("Europe/Berlin".into()),
            schedule: ScheduleSettings {
                cadence: vec![CadenceStep::Day(2), CadenceStep::Week(3)],
                checkin_minutes: 45,
                reminder_minutes: 5,
            },
            quiet_hours: QuietHours {
                enabled: true,
                start: NaiveTime::from_hms_opt(21, 30, 0).unwrap(),
                end: NaiveTime::from_hms_opt(6, 45, 0).unwrap(),
            },
            start_at_login: true,
            start_at_login_asked: true,
            window: WindowSettings {
                grace_seconds: 5,
                theme: Theme::Dark,
            },
        }
    }

    #[test]
    fn defaults_are_friday_afternoon_enabled_unpaused_system_zone() {
        let s = load(&store()).unwrap();
        assert_eq!(s, Settings::default());
        assert!(s.nudge.enabled);
        assert_eq!(s.nudge.weekday, Weekday::Fri);
        assert_eq!(format_time(s.nudge.time), "15:00");
        assert_eq!((s.paused_until, s.timezone), (None, None));
    }

    #[test]
    fn setting_a_nudge_key_marks_the_nudge_as_set_up_and_other_keys_do_not() {
        let mut st = store();
        assert!(
            !set_value(&mut st, "quiet_hours.enabled", "on")
                .unwrap()
                .nudge
                .set_up
        );
        let s = set_value(&mut st, "nudge.time", "15:00").unwrap();
        assert!(s.nudge.set_up, "even when the value is the default");
        assert!(load(&st).unwrap().nudge.set_up);
    }

    #[test]
    fn json_shape_matches_the_contract() {
        let json = serde_json::to_value(custom()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "nudge": {"enabled": false, "weekday": "mon", "time": "09:30", "set_up": true},
                "paused_until": "2026-11-24T10:00:00Z",
                "timezone": "Europe/Berlin",
                "schedule": {"cadence": ["day 2", "week 3"], "checkin_minutes": 45, "reminder_minutes": 5},
                "quiet_hours": {"enabled": true, "start": "21:30", "end": "06:45"},
                "start_at_login": true,
                "start_at_login_asked": true,
                "window": {"grace_seconds": 5, "theme": "dark"},
            })
        );
        let back: Settings = serde_json::from_value(json).unwrap();
        assert_eq!(back, custom());
    }

    #[test]
    fn save_then_load_round_trips_one_row_per_key() {
        let mut st = store();
        save(&mut st, &custom()).unwrap();
        assert_eq!(load(&st).unwrap(), custom());
        let rows = stored_rows(&st);
        let keys: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "nudge",
                "paused_until",
                "quiet_hours",
                "schedule",
                "start_at_login",
                "start_at_login_asked",
                "timezone",
                "window"
            ]
        );
        assert_eq!(rows[1].1, "\"2026-11-24T10:00:00Z\"");
        save(&mut st, &Settings::default()).unwrap();
        assert_eq!(load(&st).unwrap(), Settings::default());
        assert_eq!(stored_rows(&st)[1].1, "null");
    }

    #[test]
    fn partial_and_older_values_load_with_defaults() {
        let st = store();
        put_row(&st, "nudge", r#"{"enabled": false}"#);
        let s = load(&st).unwrap();
        assert!(!s.nudge.enabled);
        assert_eq!(s.nudge.weekday, Weekday::Fri);
        assert_eq!(format_time(s.nudge.time), "15:00");
        let partial: Settings = serde_json::from_str(r#"{"nudge": {"time": "08:05"}}"#).unwrap();
        assert_eq!(format_time(partial.nudge.time), "08:05");
        assert!(partial.nudge.enabled);
        assert_eq!(partial.paused_until, None);
    }

    #[test]
    fn unreadable_or_unknown_rows_fall_back_without_touching_the_rest() {
        let st = store();
        put_row(&st, "nudge", r#"{"enabled": false, "weekday": "someday"}"#);
        put_row(&st, "timezone", r#""Asia/Tokyo""#);
        put_row(&st, "from_the_future", r#"{"x": 1}"#);
        let s = load(&st).unwrap();
        assert_eq!(s.nudge, NudgeSettings::default());
        assert_eq!(s.timezone.as_deref(), Some("Asia/Tokyo"));
    }

    #[test]
    fn unknown_stored_zone_loads_as_system_so_saving_still_works() {
        let mut st = store();
        put_row(&st, "timezone", r#""Europe/Atlantis""#);
        let s = load(&st).unwrap();
        assert_eq!(s.timezone, None);
        save(&mut st, &s).unwrap();
        let s = set_value(&mut st, "nudge.enabled", "off").unwrap();
        assert_eq!(load(&st).unwrap(), s);
    }

    #[test]
    fn unknown_time_zone_is_rejected_and_nothing_is_written() {
        let mut st = store();
        let bad = Settings {
            timezone: Some("Mars/Olympus_Mons".into()),
            ..custom()
        };
        let err = save(&mut st, &bad).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        assert!(err.to_string().starts_with("timezone: "), "{err}");
        assert!(err.to_string().contains("Mars/Olympus_Mons"), "{err}");
        assert!(stored_rows(&st).is_empty());
    }

    #[test]
    fn set_value_parses_human_input() {
        let mut st = store();
        assert!(
            !set_value(&mut st, "nudge.enabled", "off")
                .unwrap()
                .nudge
                .enabled
        );
        assert!(
            set_value(&mut st, "nudge.enabled", "TRUE")
                .unwrap()
                .nudge
                .enabled
        );
        let s = set_value(&mut st, "nudge.weekday", "Monday").unwrap();
        assert_eq!(s.nudge.weekday, Weekday::Mon);
        let s = set_value(&mut st, "nudge.weekday", "thu").unwrap();
        assert_eq!(s.nudge.weekday, Weekday::Thu);
        let s = set_value(&mut st, "nudge.time", " 09:45 ").unwrap();
        assert_eq!(format_time(s.nudge.time), "09:45");
        let s = set_value(&mut st, "timezone", "america/new_york").unwrap();
        assert_eq!(s.timezone.as_deref(), Some("America/New_York"));
        assert_eq!(load(&st).unwrap(), s);
        assert_eq!(
            set_value(&mut st, "timezone", "system").unwrap().timezone,
            None
        );
    }

    #[test]
    fn schedule_settings_default_and_set() {
        let mut st = store();
        let s = load(&st).unwrap().schedule;
        assert_eq!(s.cadence, DEFAULT_CADENCE);
        assert_eq!((s.checkin_minutes, s.reminder_minutes), (30, 10));
        let s = set_value(&mut st, "schedule.cadence", "Day 1, week 3,week 6").unwrap();
        assert_eq!(
            s.schedule.cadence,
            [
                CadenceStep::Day(1),
                CadenceStep::Week(3),
                CadenceStep::Week(6)
            ]
        );
        let s = set_value(&mut st, "schedule.checkin_minutes", "45").unwrap();
        assert_eq!(s.schedule.checkin_minutes, 45);
        let s = set_value(&mut st, "schedule.reminder_minutes", "0").unwrap();
        assert_eq!(s.schedule.reminder_minutes, 0);
        assert_eq!(load(&st).unwrap(), s);
        for (key, value) in [
            ("schedule.cadence", "day 1, month 2"),
            ("schedule.cadence", "day 8, week 1"),
            ("schedule.cadence", ""),
            ("schedule.checkin_minutes", "4"),
            ("schedule.checkin_minutes", "241"),
            ("schedule.reminder_minutes", "-1"),
        ] {
            let err = set_value(&mut st, key, value).unwrap_err();
            assert!(err.to_string().starts_with(&format!("{key}: ")), "{err}");
        }
        assert_eq!(load(&st).unwrap(), s);
    }

    #[test]
    fn quiet_hours_default_off_and_set() {
        let mut st = store();
        let q = load(&st).unwrap().quiet_hours;
        assert!(!q.enabled);
        assert_eq!(
            (format_time(q.start), format_time(q.end)),
            ("22:00".into(), "07:00".into())
        );
        set_value(&mut st, "quiet_hours.enabled", "on").unwrap();
        set_value(&mut st, "quiet_hours.start", "23:15").unwrap();
        let s = set_value(&mut st, "quiet_hours.end", "06:00").unwrap();
        assert!(s.quiet_hours.enabled);
        assert_eq!(format_time(s.quiet_hours.start), "23:15");
        assert_eq!(format_time(s.quiet_hours.end), "06:00");
        assert_eq!(load(&st).unwrap(), s);
        for (key, value) in [
            ("quiet_hours.enabled", "sometimes"),
            ("quiet_hours.start", "24:00"),
            ("quiet_hours.end", "7am"),
        ] {
            let err = set_value(&mut st, key, value).unwrap_err();
            assert!(err.to_string().starts_with(&format!("{key}: ")), "{err}");
        }
        assert_eq!(load(&st).unwrap(), s);
    }

    #[test]
    fn start_at_login_is_off_and_unasked_until_set() {
        let mut st = store();
        let s = load(&st).unwrap();
        assert!(!s.start_at_login && !s.start_at_login_asked);
        let s = set_value(&mut st, "start_at_login", "off").unwrap();
        assert!(!s.start_at_login && s.start_at_login_asked);
        assert!(
            set_value(&mut st, "start_at_login", "on")
                .unwrap()
                .start_at_login
        );
        let err = set_value(&mut st, "start_at_login", "soon").unwrap_err();
        assert!(err.to_string().starts_with("start_at_login: "), "{err}");
        assert!(load(&st).unwrap().start_at_login);
    }

    #[test]
    fn the_theme_follows_the_desktop_until_one_is_chosen() {
        let mut st = store();
        assert_eq!(load(&st).unwrap().window.theme, Theme::System);
        let s = set_value(&mut st, "window.theme", "Dark").unwrap();
        assert_eq!(s.window.theme, Theme::Dark);
        assert_eq!(load(&st).unwrap().window.theme, Theme::Dark);
        assert_eq!(load(&st).unwrap().window.grace_seconds, 30, "the rest kept");
        let err = set_value(&mut st, "window.theme", "sepia").unwrap_err();
        assert_eq!(err.field(), Some("window.theme"));
        assert!(err.to_string().contains("system, light or dark"), "{err}");
    }

    #[test]
    fn window_grace_defaults_to_30_seconds_and_is_checked_on_every_path() {
        let mut st = store();
        let s = load(&st).unwrap();
        assert_eq!(s.window.grace(), std::time::Duration::from_secs(30));
        let s = set_value(&mut st, "window.grace_seconds", "1").unwrap();
        assert_eq!(s.window.grace_seconds, 1);
        let s = set_value(&mut st, "window.grace_seconds", "3600").unwrap();
        assert_eq!(load(&st).unwrap().window.grace_seconds, 3600);
        for value in ["0", "3601", "-5", "half a minute"] {
            let err = set_value(&mut st, "window.grace_seconds", value).unwrap_err();
            assert_eq!(err.field(), Some("window.grace_seconds"), "{value}");
            assert!(err.to_string().contains("1 to 3600"), "{err}");
        }
        let bad = Settings {
            window: WindowSettings {
                grace_seconds: 0,
                ..WindowSettings::default()
            },
            ..s.clone()
        };
        let err = save(&mut st, &bad).unwrap_err();
        assert_eq!(err.field(), Some("window.grace_seconds"));
        assert_eq!(load(&st).unwrap(), s);
    }

    #[test]
    fn settings_sent_without_quiet_hours_keep_the_default() {
        let s: Settings = serde_json::from_str(r#"{"nudge": {"enabled": false}}"#).unwrap();
        assert_eq!(s.quiet_hours, QuietHours::default());
    }

    #[test]
    fn set_value_errors_name_the_key() {
        let mut st = store();
        for (key, value) in [
            ("nudge.enabled", "maybe"),
            ("nudge.weekday", "thurs"),
            ("nudge.time", "25:00"),
            ("nudge.time", "3pm"),
            ("timezone", "Atlantis/Capital"),
            ("nudge.colour", "blue"),
        ] {
            let err = set_value(&mut st, key, value).unwrap_err();
            assert_eq!(err.code(), crate::ErrorCode::InvalidInput, "{key}");
            assert!(err.to_string().starts_with(&format!("{key}: ")), "{err}");
        }
        assert!(stored_rows(&st).is_empty());
    }

    #[test]
    fn entries_list_every_setting_as_text() {
        let pairs = entries(&custom());
        let expected = [
            ("nudge.enabled", "false"),
            ("nudge.weekday", "mon"),
            ("nudge.time", "09:30"),
            ("paused_until", "2026-11-24T10:00:00Z"),
            ("timezone", "Europe/Berlin"),
            ("schedule.cadence", "day 2, week 3"),
            ("schedule.checkin_minutes", "45"),
            ("schedule.reminder_minutes", "5"),
            ("quiet_hours.enabled", "true"),
            ("quiet_hours.start", "21:30"),
            ("quiet_hours.end", "06:45"),
            ("start_at_login", "true"),
            ("window.grace_seconds", "5"),
            ("window.theme", "dark"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(pairs, expected);
        let defaults = entries(&Settings::default());
        assert_eq!(defaults[3].1, "none");
        assert_eq!(defaults[4].1, "system");
    }

    #[test]
    fn pause_state_and_zone_fallback() {
        let s = custom();
        let before = parse_instant("2026-11-24T09:59:59Z").unwrap();
        assert!(s.is_paused(before));
        assert!(!s.is_paused(s.paused_until.unwrap()));
        let clock =
            crate::clock::FixedClock::at("2026-11-24T10:00:00Z").with_tz(chrono_tz::Asia::Tokyo);
        assert_eq!(s.effective_zone(&clock), chrono_tz::Europe::Berlin);
        assert_eq!(
            Settings::default().effective_zone(&clock),
            chrono_tz::Asia::Tokyo
        );
    }
}
