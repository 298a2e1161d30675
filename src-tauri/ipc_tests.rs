//! Commands invoked through Tauri's IPC layer with the mock runtime, against
//! the app's real configuration: argument names, JSON shapes, the
//! `{code, message}` error form, and the capability that grants them.

use std::sync::Arc;

use hugops_core::clock::FixedClock;
use hugops_core::Store;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

fn app() -> App<MockRuntime> {
    let state = AppState::new(
        Store::open_in_memory().unwrap(),
        Arc::new(FixedClock::at("2026-11-27T16:00:00Z")),
    );
    crate::with_commands(mock_builder())
        .manage(state)
        .build(tauri::generate_context!())
        .unwrap()
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .unwrap()
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().unwrap(),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn added_kudos_comes_back_from_the_list() {
    let app = app();
    let main = window(&app, "main");
    let entry = json!({
        "direction": "given",
        "person": "Zoë Okafor",
        "message": "Thanks for the calm incident call",
        "tags": ["ownership"],
    });
    let added = invoke(&main, "kudos_add", json!({ "entry": entry })).unwrap();
    assert_eq!(added["person"], "Zoë Okafor");
    assert_eq!(
        added["occurred_on"], "2026-11-27",
        "today by the fixed clock"
    );
    let listed = invoke(&main, "kudos_list", json!({ "filter": {} })).unwrap();
    assert_eq!(listed, json!([added]));
}

#[test]
fn errors_reach_the_ui_as_code_and_message() {
    let app = app();
    let main = window(&app, "main");
    let err = invoke(&main, "kudos_delete", json!({ "id": 999 })).unwrap_err();
    assert_eq!(err["code"], "not_found");
    assert_eq!(err["message"], "entry 999 not found");
    let err = invoke(&main, "reminders_pause", json!({ "minutes": 0 })).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
}

#[test]
fn pause_and_resume_return_the_settings() {
    let app = app();
    let main = window(&app, "main");
    let paused = invoke(&main, "reminders_pause", json!({ "minutes": 60 })).unwrap();
    assert_eq!(paused["paused_until"], "2026-11-27T17:00:00Z");
    let resumed = invoke(&main, "reminders_resume", json!({})).unwrap();
    assert_eq!(resumed["paused_until"], Value::Null);
    assert_eq!(invoke(&main, "settings_get", json!({})).unwrap(), resumed);
}

#[test]
fn only_the_main_window_is_granted_the_commands() {
    let app = app();
    let other = window(&app, "other");
    let err = invoke(&other, "app_info", json!({})).unwrap_err();
    assert!(
        err.as_str().is_some_and(|e| e.contains("not allowed")),
        "{err}"
    );
}

#[test]
fn export_takes_the_format_by_its_short_name() {
    let app = app();
    let main = window(&app, "main");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kudos.csv");
    let n = invoke(
        &main,
        "kudos_export",
        json!({ "format": "csv", "path": path }),
    )
    .unwrap();
    assert_eq!(n, 0);
    assert!(path.exists());
    let err = invoke(
        &main,
        "kudos_export",
        json!({ "format": "pdf", "path": path }),
    )
    .unwrap_err();
    assert!(err.as_str().is_some_and(|e| e.contains("pdf")), "{err}");
}
