//! A panic anywhere in a command is exit code 2 with a message, not a crash of the caller.

#[test]
fn a_panic_is_an_internal_error_with_exit_code_2() {
    let out = fixture_cli::run(&["__panic-for-testing".to_string()], std::path::Path::new("."));
    assert_eq!(out.exit_code, fixture_cli::EXIT_USAGE);
    assert!(out.stderr.starts_with("fixture-native: internal error: a panic forced by"), "{}", out.stderr);
    assert!(out.stderr.contains("please report it"), "{}", out.stderr);
    // The process goes on: the next command works.
    assert_eq!(fixture_cli::run(&["id".to_string(), "--decode".to_string(), "780738078040916992".to_string()], std::path::Path::new(".")).exit_code, 0);
}
