//! `hugops oncall …`: the on-call ledger. Reports and file views open the
//! database only if it exists (never creating it); `import` creates it.

use std::path::PathBuf;

use chrono::{Duration, NaiveDate};
use hugops_core::clock::{utc_midnight, Clock, Interval};
use hugops_core::oncall::incidents::read_incidents;
use hugops_core::oncall::request::{self, ImportRequest, ReportRequest};
use hugops_core::oncall::roster;
use hugops_core::oncall::sources::read_shift_file;
use hugops_core::{store, Store};

use super::open;
use crate::convert::{OncallImportPlan, OncallOp};
use crate::output::{CmdResult, Stdout};
use crate::print;

pub fn run(op: OncallOp, db: Option<PathBuf>, clock: &dyn Clock, out: &mut Stdout) -> CmdResult {
    match op {
        OncallOp::Report { req, json } => report(&req, json, db, clock, out),
        OncallOp::Shifts {
            file,
            roster: people,
            period,
            json,
        } => {
            let rotation = match people {
                Some(path) => roster::read(&path)?,
                None => Vec::new(),
            };
            let shifts = read_shift_file(&file, &rotation, period.interval())?;
            print::oncall::shifts(out, &shifts, json)
        }
        OncallOp::Incidents { file, json } => {
            print::oncall::incidents(out, &read_incidents(&file)?, json)
        }
        OncallOp::Import(plan) => import(plan, db, clock, out),
    }
}

fn report(
    req: &ReportRequest,
    json: bool,
    db: Option<PathBuf>,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    // No path only when there is no home folder, so no database either.
    let store =
        store::resolve_path(db).map_or(Ok(None), |p| Store::open_existing(p, clock.now()))?;
    print::oncall::report(out, &request::run(store.as_ref(), req)?, json)
}

/// Recurring calendar shifts are expanded over `--from`/`--to`, by default
/// a year either side of today.
fn import(
    plan: OncallImportPlan,
    db: Option<PathBuf>,
    clock: &dyn Clock,
    out: &mut Stdout,
) -> CmdResult {
    let today = clock.today();
    let day = |d: NaiveDate| utc_midnight(d);
    let span = Interval {
        start: plan
            .from
            .map(day)
            .unwrap_or_else(|| day(today) - Duration::days(365)),
        end: plan
            .to
            .map(day)
            .unwrap_or_else(|| day(today) + Duration::days(365)),
    };
    let req = ImportRequest {
        shifts: plan.shifts,
        incidents: plan.incidents,
        roster: plan.roster,
        span,
    };
    let report = request::import_files(&mut open(db, clock)?, &req, clock.now())?;
    print::oncall::imported(out, &report, plan.json)
}
