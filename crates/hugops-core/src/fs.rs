//! Writing files so that a reader never sees half of one.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::{Error, Result};

/// Writes a file atomically: `fill` writes everything to a temporary file in
/// the same folder (private to the user, like the database), which is synced
/// and then renamed over `path`. On any failure, `fill`'s included, `path` is
/// left as it was and the temporary file is removed.
///
/// Errors of the file itself are [`Error::Io`] naming `path`.
pub fn write_atomically<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let file_error = |what: &str, e: io::Error| {
        Error::io(path, io::Error::new(e.kind(), format!("{what}: {e}")))
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::io(
            path,
            io::Error::new(io::ErrorKind::InvalidInput, "is a folder; give a file name"),
        ));
    }
    if !dir.is_dir() {
        return Err(Error::io(
            path,
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("folder `{}` does not exist", dir.display()),
            ),
        ));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".hugops-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| file_error("cannot create a temporary file beside it", e))?;
    let mut writer = BufWriter::new(tmp);
    let value = fill(&mut writer)?;
    let tmp = writer
        .into_inner()
        .map_err(|e| file_error("cannot write", e.into_error()))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| file_error("cannot write", e))?;
    tmp.persist(path)
        .map_err(|e| file_error("cannot replace", e.error))?;
    Ok(value)
}

/// Creates a new empty file readable by its owner only; fails with
/// `AlreadyExists` when something is at `path`.
pub(crate) fn create_private_new(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}

/// Creates a folder (and its parents) open to its owner only.
pub(crate) fn create_private_dir(dir: &Path) -> crate::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| crate::Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::ErrorCode;

    fn files_in(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn atomic_write_leaves_the_target_alone_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, "before").unwrap();
        let r: Result<()> = write_atomically(&path, |w| {
            w.write_all(b"half").unwrap();
            Err(Error::invalid("fill", "boom"))
        });
        assert_eq!(r.unwrap_err().to_string(), "fill: boom");
        assert_eq!(fs::read_to_string(&path).unwrap(), "before");
        assert_eq!(files_in(dir.path()), 1, "temp file left behind");

        let n = write_atomically(&path, |w| {
            w.write_all(b"after").map_err(|e| Error::io(&path, e))?;
            Ok(5)
        })
        .unwrap();
        assert_eq!(n, 5);
        assert_eq!(fs::read_to_string(&path).unwrap(), "after");
        assert_eq!(files_in(dir.path()), 1, "temp file left behind");
    }

    #[test]
    fn missing_folder_and_folder_targets_are_refused_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing/out.txt");
        let err = write_atomically(&missing, |_| Ok(())).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Io);
        assert!(err.to_string().contains("missing/out.txt"), "{err}");
        assert!(err.to_string().ends_with("does not exist"), "{err}");
        assert!(!dir.path().join("missing").exists());

        let err = write_atomically(dir.path(), |_| Ok(())).unwrap_err();
        assert_eq!(err.code(), ErrorCode::Io);
        assert!(err.to_string().contains("is a folder"), "{err}");
        assert_eq!(files_in(dir.path()), 0);
    }
}
