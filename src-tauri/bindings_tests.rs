//! The UI's generated bindings and the places that repeat the command list
//! agree with command_list.rs.
//!
//! `scripts/bindings` regenerates `ui/src/lib/bindings.ts` by running
//! [`bindings_file_is_generated_from_the_commands`] with
//! `HUGOPS_BINDINGS_OUT` set to where the file should be written.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use specta_typescript::Typescript;
use tauri::test::MockRuntime;
use tauri_specta::{BuilderConfiguration, LanguageExt};

use crate::command_list;

const BINDINGS: &str = "ui/src/lib/bindings.ts";
const HEADER: &str =
    "// Generated from src-tauri/command_list.rs by scripts/bindings: do not edit.";

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn export_bindings(path: &Path) {
    command_list::commands::<MockRuntime>()
        .export(Typescript::default().header(HEADER), path)
        .expect("the bindings could not be generated");
}

#[test]
fn bindings_file_is_generated_from_the_commands() {
    if let Some(out) = std::env::var_os("HUGOPS_BINDINGS_OUT") {
        export_bindings(Path::new(&out));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("bindings.ts");
    export_bindings(&fresh);
    let committed = std::fs::read_to_string(repo_file(BINDINGS)).unwrap_or_default();
    assert!(
        std::fs::read_to_string(&fresh).unwrap() == committed,
        "{BINDINGS} is not what the Rust commands generate: run scripts/bindings"
    );
}

/// Collects the command names tauri-specta registers, as an export target.
struct CommandNames<'a>(&'a mut BTreeSet<String>);

impl LanguageExt for CommandNames<'_> {
    type Error = std::io::Error;

    fn export(self, cfg: &BuilderConfiguration, _path: &Path) -> Result<(), Self::Error> {
        self.0
            .extend(cfg.commands.iter().map(|f| f.name().to_string()));
        Ok(())
    }
}

fn registered_commands() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    command_list::commands::<MockRuntime>()
        .export(CommandNames(&mut names), Path::new(""))
        .unwrap();
    names
}

/// The quoted names in build.rs's `COMMANDS` array.
fn build_rs_commands() -> BTreeSet<String> {
    let source = std::fs::read_to_string(repo_file("build.rs")).unwrap();
    let start = source
        .find("const COMMANDS")
        .expect("build.rs has COMMANDS");
    let list = &source[start..];
    let list = &list[..list.find("];").expect("COMMANDS ends with `];`")];
    list.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The app's own `allow-<command>` permissions in tauri.conf.json, as
/// command names (`allow-kudos-add` → `kudos_add`).
fn granted_commands() -> BTreeSet<String> {
    let conf: Value =
        serde_json::from_str(&std::fs::read_to_string(repo_file("tauri.conf.json")).unwrap())
            .unwrap();
    let mut names = BTreeSet::new();
    for capability in conf["app"]["security"]["capabilities"].as_array().unwrap() {
        for permission in capability["permissions"].as_array().unwrap() {
            let permission = permission.as_str().unwrap();
            if let Some(command) = permission.strip_prefix("allow-") {
                names.insert(command.replace('-', "_"));
            }
        }
    }
    names
}

#[test]
fn build_rs_lists_every_registered_command() {
    assert_eq!(build_rs_commands(), registered_commands());
}

#[test]
fn the_capability_grants_every_registered_command() {
    assert_eq!(granted_commands(), registered_commands());
}
