//! VEVENTs turned into the instances that overlap a period.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use super::lines::{unescape_text, Component, Property};
use super::recurrence::local_occurrences;
use super::values::{parse_duration, parse_time, RawTime, Span};
use super::zones::{Zone, Zones};
use super::{EventInstance, Expanded, SkipReason, Skipped};
use crate::{Error, Result};

/// How far a local time can be from UTC: wall-clock events that are only
/// listed as skipped count when they come this close to the period.
const WIDEST_UTC_OFFSET: Duration = Duration::hours(14);

/// The clock an event's local times are read on.
#[derive(Debug, Clone, Copy)]
enum Frame<'a> {
    Utc,
    Zoned(Zone<'a>),
}

impl Frame<'_> {
    fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        match self {
            Frame::Utc => local.and_utc(),
            Frame::Zoned(zone) => zone.to_utc(local),
        }
    }

    fn to_local(self, utc: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Frame::Utc => utc.naive_utc(),
            Frame::Zoned(zone) => zone.to_local(utc),
        }
    }
}

/// What DTSTART says about an event.
enum Kind<'a> {
    Timed(Frame<'a>),
    Skip(SkipReason),
}

/// How long each instance lasts.
#[derive(Debug, Clone, Copy)]
enum Length {
    /// From DTEND: the same wall-clock length every time, so that a shift
    /// handed over at 09:00 still ends at 09:00 after a DST change (what
    /// calendar clients show).
    Wall(Duration),
    /// From DURATION: nominal days, then exact time (RFC 5545 §3.3.6).
    Span(Span),
}

impl Length {
    /// End of an instance starting at `local` on `frame`.
    fn end(self, local: NaiveDateTime, frame: Frame<'_>) -> DateTime<Utc> {
        match self {
            Length::Wall(wall) => frame.to_utc(local + wall),
            Length::Span(span) => frame.to_utc(local + Duration::days(span.days)) + span.exact,
        }
    }

    /// An upper bound, to widen search windows by.
    fn longest(self) -> Duration {
        match self {
            Length::Wall(wall) => wall,
            Length::Span(span) => Duration::days(span.days) + span.exact,
        }
        .max(Duration::zero())
    }
}

/// A `RANGE=THISANDFUTURE` override: from its RECURRENCE-ID on, every
/// instance moves by the same wall-clock shift and takes its properties.
struct FutureChange<'c> {
    from: DateTime<Utc>,
    shift: Duration,
    length: Length,
    event: &'c Component,
}

/// Expands every VEVENT of `calendars` over `[from, to)`.
pub(crate) fn expand(
    path: &Path,
    calendars: &[Component],
    zones: &Zones,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Expanded> {
    let reader = Reader { path, zones };
    let mut vevents = Vec::new();
    for calendar in calendars {
        calendar.descendants("VEVENT", &mut vevents);
    }
    let (masters, overrides) = split_overrides(vevents);

    let mut expanded = Expanded::default();
    for master in masters {
        let summary = summary(master);
        let frame = match reader.kind(master)? {
            Kind::Timed(frame) => frame,
            Kind::Skip(reason) => {
                let near = (from - WIDEST_UTC_OFFSET, to + WIDEST_UTC_OFFSET);
                if !reader.instances(master, Frame::Utc, near)?.is_empty() {
                    expanded.skipped.push(Skipped { summary, reason });
                }
                continue;
            }
        };
        let own_overrides = overrides.get(uid(master)).map_or(&[][..], Vec::as_slice);
        let series = reader.series(master, frame, own_overrides, (from, to))?;
        expanded.events.extend(series);
    }
    expanded.events.sort_by(|a, b| {
        (a.start, a.end, &a.summary, &a.uid).cmp(&(b.start, b.end, &b.summary, &b.uid))
    });
    // A master listed twice would repeat its overrides.
    expanded.events.dedup();
    Ok(expanded)
}

/// Masters, and the overrides of each master's UID. Rule: an event with a
/// RECURRENCE-ID whose UID has no master stands on its own.
fn split_overrides(vevents: Vec<&Component>) -> (Vec<&Component>, HashMap<&str, Vec<&Component>>) {
    let master_uids: HashSet<&str> = vevents
        .iter()
        .filter(|e| e.property("RECURRENCE-ID").is_none())
        .map(|e| uid(e))
        .collect();
    let mut overrides: HashMap<&str, Vec<&Component>> = HashMap::new();
    let mut masters = Vec::new();
    for event in vevents {
        if event.property("RECURRENCE-ID").is_some() && master_uids.contains(uid(event)) {
            overrides.entry(uid(event)).or_default().push(event);
        } else {
            masters.push(event);
        }
    }
    (masters, overrides)
}

/// The UID, trimmed; empty when missing.
fn uid(event: &Component) -> &str {
    event.property("UID").map_or("", |p| p.value.trim())
}

fn is_cancelled(event: &Component) -> bool {
    event
        .property("STATUS")
        .is_some_and(|s| s.value.trim().eq_ignore_ascii_case("CANCELLED"))
}

fn summary(event: &Component) -> String {
    event
        .property("SUMMARY")
        .map(|p| unescape_text(&p.value))
        .unwrap_or_default()
}

/// A `mailto:` address, lowercased, without the scheme; other URIs give None.
fn mail_address(property: &Property) -> Option<String> {
    let value = property.value.trim();
    let scheme = value.get(..7)?;
    scheme
        .eq_ignore_ascii_case("mailto:")
        .then(|| value[7..].trim().to_lowercase())
        .filter(|address| !address.is_empty())
}

fn instance(event: &Component, (start, end): (DateTime<Utc>, DateTime<Utc>)) -> EventInstance {
    EventInstance {
        start,
        end,
        summary: summary(event),
        attendees: event.all("ATTENDEE").filter_map(mail_address).collect(),
        organizer: event.property("ORGANIZER").and_then(mail_address),
        uid: uid(event).to_owned(),
    }
}

/// Reads the time properties of events against the calendar's zones.
struct Reader<'a> {
    path: &'a Path,
    zones: &'a Zones,
}

impl<'a> Reader<'a> {
    fn error(&self, property: &Property, message: impl Into<String>) -> Error {
        Error::bad_file(
            self.path,
            Some(property.line),
            Some(&property.name),
            message,
        )
    }

    fn required<'c>(&self, event: &'c Component, name: &str) -> Result<&'c Property> {
        event.property(name).ok_or_else(|| {
            Error::bad_file(
                self.path,
                Some(event.line),
                Some(name),
                format!("VEVENT has no {name}"),
            )
        })
    }

    fn parse(&self, property: &Property, value: &str) -> Result<RawTime> {
        parse_time(value).map_err(|message| self.error(property, message))
    }

    /// The zone of the property's TZID parameter, if it has one.
    fn zone(&self, property: &Property) -> Result<Option<Zone<'a>>> {
        let Some(tzid) = property.param("TZID") else {
            return Ok(None);
        };
        self.zones.resolve(tzid).map(Some).ok_or_else(|| {
            self.error(
                property,
                format!("unknown time zone `{tzid}`: not an IANA or Windows name, and no VTIMEZONE defines it"),
            )
        })
    }

    /// Timed, all-day or floating, from DTSTART.
    fn kind(&self, event: &Component) -> Result<Kind<'a>> {
        let start = self.required(event, "DTSTART")?;
        let zone = self.zone(start)?;
        Ok(match (self.parse(start, &start.value)?, zone) {
            (RawTime::Date(_), _) => Kind::Skip(SkipReason::AllDay),
            (RawTime::Utc(_), _) => Kind::Timed(Frame::Utc),
            (RawTime::Local(_), Some(zone)) => Kind::Timed(Frame::Zoned(zone)),
            (RawTime::Local(_), None) => Kind::Skip(SkipReason::Floating),
        })
    }

    /// One DATE or DATE-TIME `value` of `property` as UTC. Rules: local
    /// times without TZID and dates (at midnight) are read on the event's
    /// `frame`.
    fn instant(&self, property: &Property, value: &str, frame: Frame<'a>) -> Result<DateTime<Utc>> {
        let zone = self.zone(property)?;
        let local = |local: NaiveDateTime| zone.map_or(frame, Frame::Zoned).to_utc(local);
        Ok(match self.parse(property, value)? {
            RawTime::Utc(utc) => utc,
            RawTime::Local(time) => local(time),
            RawTime::Date(date) => local(date.and_hms_opt(0, 0, 0).expect("midnight")),
        })
    }

    fn length(&self, event: &Component, start: NaiveDateTime, frame: Frame<'a>) -> Result<Length> {
        if let Some(end) = event.property("DTEND") {
            let end_local = frame.to_local(self.instant(end, &end.value, frame)?);
            if end_local < start {
                return Err(self.error(end, "DTEND is before DTSTART"));
            }
            return Ok(Length::Wall(end_local - start));
        }
        if let Some(duration) = event.property("DURATION") {
            let span = parse_duration(&duration.value).map_err(|m| self.error(duration, m))?;
            return Ok(Length::Span(span));
        }
        let all_day = matches!(self.kind(event)?, Kind::Skip(SkipReason::AllDay));
        // RFC 5545 §3.6.1: a day without DTEND lasts the day, a time none.
        Ok(Length::Span(Span {
            days: i64::from(all_day),
            exact: Duration::zero(),
        }))
    }

    /// The instances of a timed `master` over `window`, its `overrides`
    /// applied. Rules: an override replaces the instance its RECURRENCE-ID
    /// names, or with `RANGE=THISANDFUTURE` that one and every later one; a
    /// cancelled override removes them; a cancelled master keeps only its
    /// single-instance overrides.
    fn series(
        &self,
        master: &Component,
        frame: Frame<'a>,
        overrides: &[&Component],
        window: (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<Vec<EventInstance>> {
        let mut found = Vec::new();
        let mut replaced = HashSet::new();
        let mut changes = Vec::new();
        for over in overrides {
            let rid = over.property("RECURRENCE-ID").expect("overrides have one");
            let rid_utc = self.instant(rid, &rid.value, frame)?;
            if rid
                .param("RANGE")
                .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"))
            {
                changes.push(self.future_change(over, rid_utc, frame)?);
                continue;
            }
            replaced.insert(rid_utc);
            if is_cancelled(over) {
                continue;
            }
            if let Kind::Timed(own) = self.kind(over)? {
                let instances = self.instances(over, own, window)?;
                found.extend(instances.into_iter().map(|span| instance(over, span)));
            }
        }
        if is_cancelled(master) {
            return Ok(found);
        }
        changes.sort_by_key(|change| change.from);
        let widest = changes
            .iter()
            .map(|c| c.shift.abs() + c.length.longest())
            .max()
            .unwrap_or_default();
        let near = (window.0 - widest, window.1 + widest);
        for (start, end) in self.instances(master, frame, near)? {
            if replaced.contains(&start) {
                continue;
            }
            let (event, span) = match changes.iter().rev().find(|c| c.from <= start) {
                None => (master, (start, end)),
                Some(change) if is_cancelled(change.event) => continue,
                Some(change) => {
                    let local = frame.to_local(start) + change.shift;
                    let span = (frame.to_utc(local), change.length.end(local, frame));
                    (change.event, span)
                }
            };
            if overlaps(span.0, span.1, window) {
                found.push(instance(event, span));
            }
        }
        Ok(found)
    }

    fn future_change<'c>(
        &self,
        over: &'c Component,
        rid: DateTime<Utc>,
        frame: Frame<'a>,
    ) -> Result<FutureChange<'c>> {
        let start = self.required(over, "DTSTART")?;
        let own_start = frame.to_local(self.instant(start, &start.value, frame)?);
        Ok(FutureChange {
            from: rid,
            shift: own_start - frame.to_local(rid),
            length: self.length(over, own_start, frame)?,
            event: over,
        })
    }

    /// Start and end of every instance of `event` that overlaps `window`.
    fn instances(
        &self,
        event: &Component,
        frame: Frame<'a>,
        window: (DateTime<Utc>, DateTime<Utc>),
    ) -> Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
        let start_property = self.required(event, "DTSTART")?;
        let start = frame.to_local(self.instant(start_property, &start_property.value, frame)?);
        let length = self.length(event, start, frame)?;

        // Rule: a DATE in EXDATE removes every occurrence on that local day.
        let mut exdates = Vec::new();
        let mut excluded_days = Vec::new();
        for exdate in recurrence(event, "EXDATE") {
            for value in list(&exdate.value) {
                match self.parse(exdate, value)? {
                    RawTime::Date(day) => excluded_days.push(day),
                    _ => exdates.push(frame.to_local(self.instant(exdate, value, frame)?)),
                }
            }
        }
        let mut rdates = Vec::new();
        let mut periods = Vec::new();
        for rdate in recurrence(event, "RDATE") {
            for value in list(&rdate.value) {
                match value.split_once('/') {
                    Some((first, second)) => {
                        periods.push(self.period(rdate, first, second, frame)?)
                    }
                    None => rdates.push(frame.to_local(self.instant(rdate, value, frame)?)),
                }
            }
        }
        let excluded = |local: NaiveDateTime| {
            exdates.contains(&local) || excluded_days.contains(&local.date())
        };
        periods.retain(|(start, _)| !excluded(frame.to_local(*start)));

        let margin = Duration::days(2);
        let local_window = (
            frame.to_local(window.0) - length.longest() - margin,
            frame.to_local(window.1) + margin,
        );
        let rules: Vec<_> = recurrence(event, "RRULE").collect();
        let starts = local_occurrences(
            self.path,
            start,
            &rules,
            &rdates,
            &exdates,
            local_window,
            &|utc| frame.to_local(utc),
        )?;
        let mut spans: Vec<_> = starts
            .into_iter()
            .filter(|local| !excluded_days.contains(&local.date()))
            .map(|local| (frame.to_utc(local), length.end(local, frame)))
            .collect();
        spans.extend(periods);
        spans.retain(|&(start, end)| overlaps(start, end, window));
        Ok(spans)
    }

    /// An RDATE PERIOD: `start/end` or `start/duration`.
    fn period(
        &self,
        rdate: &Property,
        first: &str,
        second: &str,
        frame: Frame<'a>,
    ) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
        let start = self.instant(rdate, first, frame)?;
        let end = if second
            .trim_start_matches(['+', '-'])
            .starts_with(['P', 'p'])
        {
            let span = parse_duration(second).map_err(|m| self.error(rdate, m))?;
            frame.to_utc(frame.to_local(start) + Duration::days(span.days)) + span.exact
        } else {
            self.instant(rdate, second, frame)?
        };
        Ok((start, end))
    }
}

/// The recurrence properties `name` of `event`. Rule: an event with a
/// RECURRENCE-ID is that one instance, whatever rules it repeats.
fn recurrence<'e>(event: &'e Component, name: &'e str) -> impl Iterator<Item = &'e Property> + 'e {
    let single = event.property("RECURRENCE-ID").is_some();
    event.all(name).filter(move |_| !single)
}

/// The values of a comma-separated list property, blanks dropped.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|v| !v.is_empty())
}

/// Rule: an instance overlaps `[from, to)` if it starts before `to` and
/// ends after `from`; a zero-length one counts if it starts in the period.
fn overlaps(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> bool {
    start < to && (end > from || (start == end && start >= from))
}
