//! `hugops thread …` and `hugops kudos import-chat` flags to the library's types.

use std::path::PathBuf;

use hugops_core::threads::analysis::DEFAULT_THRESHOLD;
use hugops_core::threads::parse::Format;
use hugops_core::{Error, Result};

use crate::args::{ImportChatArgs, Thread};

/// One `hugops thread` command, checked.
#[derive(Debug)]
pub enum ThreadOp {
    Check(CheckPlan),
    Eval {
        dir: PathBuf,
        threshold: f64,
        json: bool,
    },
}

/// `hugops thread check`, checked.
#[derive(Debug)]
pub struct CheckPlan {
    /// `-`: standard input.
    pub path: PathBuf,
    pub format: Format,
    pub threshold: f64,
    pub json: bool,
    pub fail_if_ambiguous: bool,
}

/// `hugops kudos import-chat`, checked.
#[derive(Debug)]
pub struct ImportChatPlan {
    /// `-`: standard input.
    pub export: PathBuf,
    pub me: String,
    pub format: Format,
    pub json: bool,
}

pub fn plan(cmd: Thread) -> Result<ThreadOp> {
    Ok(match cmd {
        Thread::Check(a) => ThreadOp::Check(CheckPlan {
            format: a.format.parse()?,
            threshold: threshold(a.threshold.as_deref())?,
            path: a.path,
            json: a.json,
            fail_if_ambiguous: a.fail_if_ambiguous,
        }),
        Thread::Eval(a) => ThreadOp::Eval {
            threshold: threshold(a.threshold.as_deref())?,
            dir: a.dir,
            json: a.json,
        },
    })
}

pub fn import_chat(a: ImportChatArgs) -> Result<ImportChatPlan> {
    if a.me.trim().is_empty() {
        return Err(Error::invalid("me", "must not be empty"));
    }
    Ok(ImportChatPlan {
        format: a.format.parse()?,
        export: a.export,
        me: a.me,
        json: a.json,
    })
}

/// `--threshold`: a number in [0, 1], 0.5 when not given.
fn threshold(text: Option<&str>) -> Result<f64> {
    let Some(text) = text else {
        return Ok(DEFAULT_THRESHOLD);
    };
    match text.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(Error::invalid(
            "threshold",
            format!("`{text}` is not a number between 0 and 1"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_is_a_number_in_the_unit_interval() {
        assert_eq!(threshold(None).unwrap(), DEFAULT_THRESHOLD);
        assert_eq!(threshold(Some("0")).unwrap(), 0.0);
        assert_eq!(threshold(Some("1")).unwrap(), 1.0);
        assert_eq!(threshold(Some(" 0.75")).unwrap(), 0.75);
        for bad in ["1.01", "-0.1", "NaN", "inf", "half", ""] {
            let e = threshold(Some(bad)).unwrap_err().to_string();
            assert!(e.starts_with("threshold: "), "{e}");
        }
    }
}
