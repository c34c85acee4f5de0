//! A rule file using each kind with bad options gives spanned rule-file
//! errors (every one of them) and exit code 2.

mod common;

#[test]
fn bad_options_of_each_kind_are_reported_with_code_frames() {
    for kind in ["quote", "structure", "consistency", "agree"] {
        let rules = format!("tests/fixtures/bad-kind-options/{kind}");
        let (code, _, stderr) = common::run(&[
            "--color",
            "never",
            "--no-default-rules",
            "--rules",
            &rules,
            "-q",
            "seeds/000_a2105e3f9ef73aac.txt",
        ]);
        assert_eq!(code, 2, "{kind}");
        assert!(stderr.contains("error[rule-file]"), "{kind}: {stderr}");
        insta::assert_snapshot!(format!("bad_{kind}_options"), stderr);
    }
}
