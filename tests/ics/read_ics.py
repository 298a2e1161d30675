#!/usr/bin/env python3
"""Independent reader of the calendar files HugOps writes.

Usage: read_ics.py FILE

Parses FILE with Python's `icalendar` package (not HugOps code) and prints
JSON: {"calendar": {...}, "events": [{uid, summary, description, start, end,
organizer, attendees: [{email, cn}], rrule, occurrence}]}, times as UTC instants
(YYYY-MM-DDTHH:MM:SSZ). An event with an RRULE is expanded (with dateutil,
which icalendar depends on) into one entry per occurrence, numbered from 0 in
`occurrence`; other events have `occurrence` null. Exits 1 with a message on stderr if the file cannot
be parsed or an event lacks a required property.
"""

import datetime
import json
import sys

import icalendar
from dateutil import rrule as recurrence


def utc(prop):
    value = prop.dt
    if not isinstance(value, datetime.datetime):
        raise ValueError(f"{value!r} is a date, not a date-time")
    if value.tzinfo is None:
        raise ValueError(f"{value!r} is a floating time, not UTC")
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def address(value):
    text = str(value)
    return text[len("mailto:"):] if text.lower().startswith("mailto:") else text


def attendees(event):
    found = event.get("ATTENDEE", [])
    if not isinstance(found, list):
        found = [found]
    return [{"email": address(a), "cn": str(a.params.get("CN", ""))} for a in found]


def event_json(event):
    for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if name not in event:
            raise ValueError(f"an event has no {name}")
    rrule = event.get("RRULE")
    return {
        "uid": str(event["UID"]),
        "summary": str(event["SUMMARY"]),
        "description": str(event.get("DESCRIPTION", "")),
        "stamp": utc(event["DTSTAMP"]),
        "start": utc(event["DTSTART"]),
        "end": utc(event["DTEND"]),
        "organizer": address(event["ORGANIZER"]) if "ORGANIZER" in event else None,
        "attendees": attendees(event),
        "rrule": rrule.to_ical().decode() if rrule is not None else None,
    }


def occurrences(event):
    """The entries of one VEVENT: itself, or each occurrence of its RRULE."""
    first = event_json(event)
    if first["rrule"] is None:
        return [dict(first, occurrence=None)]
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    rule = recurrence.rrulestr(first["rrule"], dtstart=start)
    out = []
    for k, begin in enumerate(rule):
        fmt = lambda t: t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append(dict(first, start=fmt(begin), end=fmt(begin + (end - start)), occurrence=k))
    return out


def main(argv):
    if len(argv) != 2:
        print("usage: read_ics.py FILE", file=sys.stderr)
        return 2
    with open(argv[1], "rb") as f:
        data = f.read()
    try:
        cal = icalendar.Calendar.from_ical(data)
        if cal.name != "VCALENDAR":
            raise ValueError(f"top component is {cal.name}, not VCALENDAR")
        out = {
            "calendar": {
                "version": str(cal.get("VERSION", "")),
                "prodid": str(cal.get("PRODID", "")),
                "calscale": str(cal.get("CALSCALE", "")),
            },
            "events": [o for e in cal.walk("VEVENT") for o in occurrences(e)],
        }
    except Exception as e:  # any parse problem is a failure of the writer
        print(f"{argv[1]}: {e}", file=sys.stderr)
        return 1
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
