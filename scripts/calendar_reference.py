#!/usr/bin/env python3
"""Writes the reference expansion of every calendar in tests/calendars/.

For each `NAME.ics` it writes `NAME.expected.json`: the instances that
Python's `icalendar` and `recurring_ical_events` find between PERIOD_START
and PERIOD_END, as UTC start/end and summary, sorted. All-day and floating
events are left out, as `hugops_core::calendar` lists them as skipped,
and so are cancelled instances, which it drops (recurring_ical_events keeps
them, with STATUS:CANCELLED).
The Rust test `crates/hugops-core/tests/calendar_reference.rs` compares
with these files.

Setup: python3 -m venv /tmp/calvenv
       /tmp/calvenv/bin/pip install icalendar recurring-ical-events
Run:   /tmp/calvenv/bin/python scripts/calendar_reference.py [DIR]
       (DIR: another folder of .ics files, default tests/calendars)
"""

import datetime as dt
import json
import pathlib
import sys

import icalendar
import recurring_ical_events

# The same period is used by the Rust test.
PERIOD_START = dt.datetime(2012, 1, 1, tzinfo=dt.timezone.utc)
PERIOD_END = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)

CALENDARS = pathlib.Path(__file__).resolve().parent.parent / "tests" / "calendars"


def utc(value):
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_timed(value):
    """A DATE-TIME with a zone: neither a whole day nor floating."""
    return isinstance(value, dt.datetime) and value.tzinfo is not None


def instances(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = []
    for event in recurring_ical_events.of(calendar).between(PERIOD_START, PERIOD_END):
        start = event.decoded("DTSTART")
        if not is_timed(start) or str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        end = event.decoded("DTEND") if "DTEND" in event else start
        if "DTEND" not in event and "DURATION" in event:
            end = start + event.decoded("DURATION")
        found.append({"start": utc(start), "end": utc(end), "summary": str(event.get("SUMMARY", ""))})
    found.sort(key=lambda i: (i["start"], i["end"], i["summary"]))
    return found


def main():
    folder = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else CALENDARS
    for path in sorted(folder.glob("*.ics")):
        expected = path.with_name(path.stem + ".expected.json")
        try:
            result = instances(path)
        except Exception as error:  # a file Python cannot read has no reference
            print(f"{path.name}: {error!r}", file=sys.stderr)
            continue
        expected.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(result)} instances", file=sys.stderr)


if __name__ == "__main__":
    main()
