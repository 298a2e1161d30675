//! `hugops oncall …` flags to the library's types.

use std::path::PathBuf;

use chrono::NaiveDate;
use hugops_core::clock::{parse_instant, Interval};
use hugops_core::oncall::request::ReportRequest;
use hugops_core::oncall::Period;
use hugops_core::{Error, Result};

use super::{date, opt_date};
use crate::args::{Oncall, OncallImportArgs, OncallReportArgs, PeriodArgs};

/// One `hugops oncall` command, checked.
#[derive(Debug)]
pub enum OncallOp {
    /// A file not given is read from the stored ledger.
    Report {
        req: ReportRequest,
        json: bool,
    },
    Shifts {
        file: PathBuf,
        roster: Option<PathBuf>,
        period: Period,
        json: bool,
    },
    Incidents {
        file: PathBuf,
        json: bool,
    },
    Import(OncallImportPlan),
}

/// `hugops oncall import`, checked: at least one file.
#[derive(Debug)]
pub struct OncallImportPlan {
    pub shifts: Option<PathBuf>,
    pub incidents: Option<PathBuf>,
    pub roster: Option<PathBuf>,
    /// Calendar recurrences are expanded over these days; `None`: a year
    /// either side of today.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub json: bool,
}

pub fn plan(cmd: Oncall) -> Result<OncallOp> {
    Ok(match cmd {
        Oncall::Report(a) => OncallOp::Report {
            json: a.json,
            req: report(a)?,
        },
        Oncall::Shifts(a) => OncallOp::Shifts {
            period: period(&a.period)?,
            file: a.file,
            roster: a.roster,
            json: a.json,
        },
        Oncall::Incidents(a) => OncallOp::Incidents {
            file: a.file,
            json: a.json,
        },
        Oncall::Import(a) => OncallOp::Import(import(a)?),
    })
}

fn report(a: OncallReportArgs) -> Result<ReportRequest> {
    Ok(ReportRequest {
        period: period(&a.period)?,
        next: a.next.as_deref().map(next_shift).transpose()?,
        roster: a.roster,
        shifts: a.shifts,
        incidents: a.incidents,
    })
}

fn import(a: OncallImportArgs) -> Result<OncallImportPlan> {
    if a.shifts.is_none() && a.incidents.is_none() {
        return Err(Error::invalid(
            "import",
            "nothing to import: give --shifts, --incidents or both",
        ));
    }
    let (from, to) = (opt_date("from", a.from)?, opt_date("to", a.to)?);
    if let (Some(from), Some(to)) = (from, to) {
        Period::new(from, to)?;
    }
    Ok(OncallImportPlan {
        shifts: a.shifts,
        incidents: a.incidents,
        roster: a.roster,
        from,
        to,
        json: a.json,
    })
}

/// `--from D1 --to D2`: the days `[D1, D2)`, at least one.
fn period(a: &PeriodArgs) -> Result<Period> {
    Period::new(date("from", &a.from)?, date("to", &a.to)?)
}

/// `--next START/END`: two RFC 3339 instants, the end after the start.
fn next_shift(text: &str) -> Result<Interval> {
    let bad = || {
        Error::invalid(
            "next",
            format!("`{text}` is not START/END like 2026-03-09T09:00:00Z/2026-03-16T09:00:00Z"),
        )
    };
    let (start, end) = text.split_once('/').ok_or_else(bad)?;
    let start = parse_instant(start.trim()).ok_or_else(bad)?;
    let end = parse_instant(end.trim()).ok_or_else(bad)?;
    if end <= start {
        return Err(Error::invalid(
            "next",
            format!("`{text}`: the end is not after the start"),
        ));
    }
    Ok(Interval { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_next_shift_is_two_ordered_instants() {
        let i = next_shift("2026-03-09T09:00:00Z/2026-03-16T09:00:00+01:00").unwrap();
        assert_eq!(i.minutes(), 7 * 24 * 60 - 60);
        for bad in [
            "2026-03-09T09:00:00Z",
            "a/b",
            "2026-03-09T09:00:00Z/2026-03-09T09:00:00Z",
        ] {
            let e = next_shift(bad).unwrap_err().to_string();
            assert!(e.starts_with("next: "), "{e}");
        }
    }

    #[test]
    fn a_period_has_at_least_a_day() {
        let p = |from: &str, to: &str| {
            period(&PeriodArgs {
                from: from.into(),
                to: to.into(),
            })
        };
        assert!(p("2026-03-01", "2026-03-02").is_ok());
        assert!(p("2026-03-01", "2026-03-01")
            .unwrap_err()
            .to_string()
            .starts_with("to: "));
        assert!(p("2026-3-1", "2026-03-02")
            .unwrap_err()
            .to_string()
            .starts_with("from: "));
    }
}
