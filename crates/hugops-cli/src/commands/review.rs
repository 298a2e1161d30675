//! `hugops review …`: reads files only, no database is opened.

use std::io::Write;

use hugops_core::reviews::{self, eval, template};

use crate::convert::ReviewOp;
use crate::output::{CmdResult, Failure, Stdout};
use crate::print;

pub fn run(op: ReviewOp, out: &mut Stdout) -> CmdResult {
    match op {
        ReviewOp::Lint {
            file,
            json,
            fail_on_findings,
        } => {
            let draft = reviews::read_draft(&file)?;
            let lint = reviews::lint(&draft);
            print::review::lint(out, &file, &draft, &lint, json)?;
            if fail_on_findings && !lint.findings.is_empty() {
                out.flush()?;
                return Err(Failure::Status(1));
            }
            Ok(())
        }
        ReviewOp::Eval { dir, json } => print::review::eval(out, &eval::evaluate_dir(&dir)?, json),
        ReviewOp::New { out: None } => Ok(out.write_all(template::TEMPLATE.as_bytes())?),
        ReviewOp::New { out: Some(path) } => {
            template::write_template(&path)?;
            print::review::written(out, &path)
        }
    }
}
