//! Commands invoked through Tauri's IPC layer with the mock runtime, against
//! the app's real configuration: argument names, JSON shapes, the
//! `{code, message}` error form, and the capability that grants them.

use std::sync::Arc;

use hugops_core::clock::FixedClock;
use hugops_core::{testing, Store};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

use crate::state::AppState;

fn app() -> App<MockRuntime> {
    app_with(testing::store())
}

fn app_with(store: Store) -> App<MockRuntime> {
    let state = AppState::new(store, Arc::new(FixedClock::at("2026-11-27T16:00:00Z")));
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

/// A roster of `n` people in 20 teams and 6 zones; one in twenty joined in
/// the last 90 days (before 2026-11-27).
fn large_roster(n: usize) -> String {
    const ZONES: [&str; 6] = [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Australia/Sydney",
        "America/Sao_Paulo",
        "UTC",
    ];
    let mut csv = String::from("name,email,team,timezone,start_date\n");
    for i in 0..n {
        let start = if i % 20 == 0 {
            "2026-10-01"
        } else {
            "2024-01-15"
        };
        let zone = ZONES[i % ZONES.len()];
        csv.push_str(&format!(
            "Person {i},p{i}@example.com,team{},{zone},{start}\n",
            i % 20
        ));
    }
    csv
}

#[test]
fn reminder_ticks_run_while_a_large_proposal_is_computed() {
    let mut store = testing::store();
    hugops_core::buddies::import_roster_bytes(
        &mut store,
        "large.csv",
        large_roster(20_000).as_bytes(),
        testing::at("2026-11-27T16:00:00Z"),
    )
    .unwrap();
    let app = app_with(store);
    let main = window(&app, "main");
    let proposing = std::thread::spawn(move || {
        let proposal = invoke(&main, "buddies_propose", json!({ "locks": [] })).unwrap();
        proposal["matched"].as_u64().unwrap()
    });
    // What the reminder task does each time it wakes, over and over until
    // the proposal is done: each needs the database lock.
    let state = app.state::<AppState>();
    let mut ticks_during = 0;
    while !proposing.is_finished() {
        hugops_core::reminders::due(&state.store(), state.clock()).unwrap();
        if !proposing.is_finished() {
            ticks_during += 1;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let matched = proposing.join().unwrap();
    assert!(matched > 900, "{matched} joiners matched");
    assert!(
        ticks_during >= 20,
        "only {ticks_during} reminder checks finished while the proposal ran"
    );
}
