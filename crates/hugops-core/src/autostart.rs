//! Starting HugOps at login: an XDG autostart entry.
//!
//! Per the XDG autostart spec, a desktop environment starts every
//! `$XDG_CONFIG_HOME/autostart/*.desktop` entry (`~/.config` when the variable
//! is unset or not absolute) when the user logs in. HugOps' entry starts the
//! desktop binary with `--hidden`: the tray only, no window. Turning the
//! setting off removes the file.
//!
//! The entry leaves out `NoDisplay=true` and `Hidden`: `NoDisplay` would hide
//! it from the desktop's list of startup programs, where the user should be
//! able to see and turn it off, and `Hidden=true` means "deleted".

use std::io;
use std::path::{Path, PathBuf};

use crate::fs::write_atomically;
use crate::settings::{self, Settings};
use crate::{Error, Result, Store};

/// The entry's file name inside the autostart folder.
pub const FILE_NAME: &str = "hugops.desktop";

/// The argument that starts the tray without opening the window.
pub const HIDDEN_ARG: &str = "--hidden";

/// The user's config folder: `$XDG_CONFIG_HOME` when it is set and absolute,
/// else `~/.config` (on Linux; the platform's config folder elsewhere).
pub fn config_dir() -> Result<PathBuf> {
    directories::BaseDirs::new()
        .map(|dirs| dirs.config_dir().to_path_buf())
        .ok_or_else(|| {
            Error::io(
                "~/.config",
                io::Error::new(io::ErrorKind::NotFound, "no home folder"),
            )
        })
}

/// Where the entry lives below `config_dir`.
pub fn entry_path(config_dir: &Path) -> PathBuf {
    config_dir.join("autostart").join(FILE_NAME)
}

/// The entry's text for starting `exe` (an absolute path) hidden.
///
/// `Exec` quotes the path as the Desktop Entry spec asks: in double quotes,
/// with `"`, `` ` ``, `$` and `\` escaped by a backslash, `%` doubled (it
/// starts a field code), and then the value's own escapes applied (`\\`,
/// `\n`, …). Fails when the path is not UTF-8 or not absolute.
pub fn render(exe: &Path) -> Result<String> {
    let text = exe.to_str().ok_or_else(|| {
        Error::invalid(
            "start_at_login",
            format!("`{}` is not a UTF-8 path", exe.display()),
        )
    })?;
    if !exe.is_absolute() {
        return Err(Error::invalid(
            "start_at_login",
            format!("`{text}` is not an absolute path"),
        ));
    }
    Ok(format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Version=1.5\n\
         Name=HugOps\n\
         Comment=Kudos journal, buddies and check-ins: starts in the tray\n\
         Exec={} {HIDDEN_ARG}\n\
         Icon=hugops-desktop\n\
         Terminal=false\n\
         Categories=Office;\n\
         X-GNOME-Autostart-enabled=true\n",
        escape_value(&quote_arg(text))
    ))
}

/// Writes the entry starting `exe` hidden (atomically, creating the
/// autostart folder when needed) and returns its path.
pub fn enable(config_dir: &Path, exe: &Path) -> Result<PathBuf> {
    let text = render(exe)?;
    let path = entry_path(config_dir);
    let dir = path.parent().expect("the entry is inside a folder");
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    write_atomically(&path, |out| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io(&path, e))
    })?;
    Ok(path)
}

/// Removes the entry; returns true if and only if there was one.
pub fn disable(config_dir: &Path) -> Result<bool> {
    let path = entry_path(config_dir);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Whether HugOps' entry is present.
pub fn is_enabled(config_dir: &Path) -> bool {
    entry_path(config_dir).is_file()
}

/// Writes or removes the entry so it matches `enabled`.
pub fn apply(enabled: bool, config_dir: &Path, exe: &Path) -> Result<()> {
    if enabled {
        enable(config_dir, exe).map(drop)
    } else {
        disable(config_dir).map(drop)
    }
}

/// Where the entry goes and what it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The user's config folder ([`config_dir`]); the entry is below it.
    pub config_dir: PathBuf,
    /// The absolute path of the `hugops-desktop` binary.
    pub exe: PathBuf,
}

impl Target {
    /// The user's config folder and `exe`.
    pub fn new(exe: PathBuf) -> Result<Target> {
        Ok(Target {
            config_dir: config_dir()?,
            exe,
        })
    }
}

/// Applies `change` to the stored settings and saves them; when it turns
/// `start_at_login` on or off, the settings are checked and then the entry is
/// written or removed before they are stored, so on failure neither changes. Settings saved with
/// `start_at_login` unchanged leave the entry alone. Returns the settings as
/// stored.
pub fn update_settings(
    store: &mut Store,
    target: &Target,
    change: impl FnOnce(&mut Settings) -> Result<()>,
) -> Result<Settings> {
    let before = settings::load(store)?;
    let mut next = before.clone();
    change(&mut next)?;
    settings::check(&next)?;
    if next.start_at_login != before.start_at_login {
        apply(next.start_at_login, &target.config_dir, &target.exe)?;
    }
    settings::save(store, &next)?;
    settings::load(store)
}

/// One `Exec` argument, always double-quoted (Desktop Entry spec, "The Exec
/// key"), with `%` doubled so no field code is read into it.
fn quote_arg(arg: &str) -> String {
    let mut out = String::with_capacity(arg.len() + 2);
    out.push('"');
    for c in arg.chars() {
        match c {
            '"' | '`' | '$' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '%' => out.push_str("%%"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value of type string (Desktop Entry spec, "Possible value types").
fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// The entry's keys and values, checking the group header and that no
    /// key appears twice.
    fn keys(text: &str) -> BTreeMap<String, String> {
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("[Desktop Entry]"));
        let mut map = BTreeMap::new();
        for line in lines {
            let (key, value) = line.split_once('=').expect("key=value");
            assert!(
                map.insert(key.to_owned(), value.to_owned()).is_none(),
                "{key} twice"
            );
        }
        map
    }

    #[test]
    fn entry_starts_the_binary_hidden_with_every_required_key() {
        let text = render(Path::new("/opt/HugOps/hugops-desktop")).unwrap();
        let map = keys(&text);
        assert_eq!(map["Type"], "Application");
        assert_eq!(map["Name"], "HugOps");
        assert_eq!(map["Exec"], r#""/opt/HugOps/hugops-desktop" --hidden"#);
        assert_eq!(map["Icon"], "hugops-desktop");
        assert_eq!(map["X-GNOME-Autostart-enabled"], "true");
        assert_eq!(map["Terminal"], "false");
        assert_eq!(map["Version"], "1.5");
        assert!(!map["Comment"].is_empty());
        assert!(!map.contains_key("Hidden") && !map.contains_key("NoDisplay"));
        assert!(text.ends_with('\n'));
    }

    #[test]
    fn exec_quotes_reserved_characters_as_the_spec_says() {
        let text = render(Path::new(r#"/home/a b/$x`y"z\w/100%/hugops-desktop"#)).unwrap();
        // Quoted: \$ \` \" \\ ; then the string escape doubles each backslash.
        assert_eq!(
            keys(&text)["Exec"],
            r#""/home/a b/\\$x\\`y\\"z\\\\w/100%%/hugops-desktop" --hidden"#
        );
        let text = render(Path::new("/tmp/new\nline/hugops-desktop")).unwrap();
        assert_eq!(
            keys(&text)["Exec"],
            r#""/tmp/new\nline/hugops-desktop" --hidden"#
        );
    }

    #[test]
    fn saving_settings_writes_or_removes_the_entry_only_when_the_switch_moves() {
        let dir = tempfile::tempdir().unwrap();
        let target = Target {
            config_dir: dir.path().to_path_buf(),
            exe: PathBuf::from("/usr/bin/hugops-desktop"),
        };
        let mut st = crate::testing::store();
        let on = update_settings(&mut st, &target, |s| {
            settings::apply_value(s, "start_at_login", "on")
        })
        .unwrap();
        assert!(on.start_at_login && on.start_at_login_asked);
        assert!(is_enabled(dir.path()));
        // Another setting saved: a removed entry is not written back.
        disable(dir.path()).unwrap();
        update_settings(&mut st, &target, |s| {
            settings::apply_value(s, "nudge.enabled", "off")
        })
        .unwrap();
        assert!(!is_enabled(dir.path()));
        enable(dir.path(), &target.exe).unwrap();
        let off = update_settings(&mut st, &target, |s| {
            s.start_at_login = false;
            Ok(())
        })
        .unwrap();
        assert!(!off.start_at_login);
        assert!(!is_enabled(dir.path()));
        assert_eq!(settings::load(&st).unwrap(), off);
    }

    #[test]
    fn a_failed_entry_leaves_the_settings_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        // The autostart folder cannot be created: a file is in its way.
        std::fs::write(dir.path().join("autostart"), "").unwrap();
        let target = Target {
            config_dir: dir.path().to_path_buf(),
            exe: PathBuf::from("/usr/bin/hugops-desktop"),
        };
        let mut st = crate::testing::store();
        let err = update_settings(&mut st, &target, |s| {
            s.start_at_login = true;
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::Io);
        assert!(!settings::load(&st).unwrap().start_at_login);
    }

    #[test]
    fn a_relative_path_is_refused() {
        let err = render(Path::new("hugops-desktop")).unwrap_err();
        assert_eq!(err.field(), Some("start_at_login"));
    }

    #[test]
    fn enable_writes_into_autostart_and_disable_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let exe = Path::new("/usr/bin/hugops-desktop");
        assert!(!is_enabled(dir.path()));
        let path = enable(dir.path(), exe).unwrap();
        assert_eq!(path, dir.path().join("autostart/hugops.desktop"));
        assert!(is_enabled(dir.path()));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            render(exe).unwrap()
        );
        // Enabling again replaces the entry, leaving nothing else behind.
        apply(true, dir.path(), Path::new("/opt/hugops-desktop")).unwrap();
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains("Exec=\"/opt/hugops-desktop\" --hidden"));
        let names: Vec<_> = std::fs::read_dir(dir.path().join("autostart"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["hugops.desktop"]);
        assert!(disable(dir.path()).unwrap());
        assert!(!is_enabled(dir.path()));
        assert!(!disable(dir.path()).unwrap());
        apply(false, dir.path(), exe).unwrap();
        assert!(!path.exists());
    }
}
