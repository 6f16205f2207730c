// Shared by every target (included with `include!`): the error contract every parser keeps.

/// A snake_case code, a message, and a non-empty path where the error has one; `needs_path`
/// for errors about a field of a document.
#[allow(dead_code)]
fn check_error(e: &cqc_assurance::Error, needs_path: bool) {
    let code = e.code();
    assert!(
        !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "bad code {code:?}"
    );
    let report = e.report();
    assert!(!report.message.is_empty(), "{code}: empty message");
    match e.path() {
        Some(p) => assert!(!p.is_empty(), "{code}: empty path"),
        None => assert!(!needs_path, "{code}: no path ({e})"),
    }
    serde_json::to_string(&report).expect("error reports serialise");
}
