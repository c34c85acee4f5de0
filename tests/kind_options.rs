//! A rule file using each kind with bad options gives spanned rule-file
//! errors (every one of them) and exit code 2.

use std::process::Command;

#[test]
fn bad_options_of_each_kind_are_reported_with_code_frames() {
    for kind in ["quote", "structure", "consistency", "agree"] {
        let rules = format!("tests/fixtures/bad-kind-options/{kind}");
        let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args([
                "--color",
                "never",
                "--no-default-rules",
                "--rules",
                &rules,
                "-q",
                "seeds/000_a2105e3f9ef73aac.txt",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("the factlint binary runs");
        assert_eq!(output.status.code(), Some(2), "{kind}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("error[rule-file]"), "{kind}: {stderr}");
        insta::assert_snapshot!(format!("bad_{kind}_options"), stderr);
    }
}
