//! `hugops review …` flags to the library's types.

use std::path::PathBuf;

use crate::args::Review;

/// One `hugops review` command, checked.
#[derive(Debug)]
pub enum ReviewOp {
    Lint {
        file: PathBuf,
        json: bool,
        fail_on_findings: bool,
    },
    Eval {
        dir: PathBuf,
        json: bool,
    },
    New {
        out: Option<PathBuf>,
    },
}

pub fn plan(cmd: Review) -> ReviewOp {
    match cmd {
        Review::Lint(a) => ReviewOp::Lint {
            file: a.file,
            json: a.json,
            fail_on_findings: a.fail_on_findings,
        },
        Review::Eval(a) => ReviewOp::Eval {
            dir: a.dir,
            json: a.json,
        },
        Review::New(a) => ReviewOp::New { out: a.out },
    }
}
