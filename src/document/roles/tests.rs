//! The role classifier on short pieces of furniture, written for these
//! tests (none is taken from real articles).

use super::*;
use crate::document::Document;

/// The role of every paragraph of `text`.
fn roles(text: &str) -> Vec<Role> {
    Document::parse(text)
        .paragraphs
        .iter()
        .map(|p| p.role)
        .collect()
}

/// The role of `line` in the middle of an article, between two prose
/// paragraphs (so that headline rules do not apply).
fn role_of(line: &str) -> Role {
    let text = format!(
        "The council met on Tuesday to vote on the budget.\n\n{line}\n\nThe vote was seven to two, a clerk said."
    );
    roles(&text)[1]
}

#[test]
fn prose_stays_prose() {
    for line in [
        "The mayor said the new park would open in the spring.",
        "UPDATE: The road has reopened, police said on Friday afternoon.",
        "By the time officers arrived, the driver had left the scene.",
        "CORRECTION: An earlier version of this story misspelled the name of the school.",
        "Police said the man, 34, was taken to a hospital in Springfield.",
        "“We will rebuild,” the principal told parents at a meeting on Monday night.",
        "Expanded Coverage:",
        "The statement read in part:",
        // A long paragraph after a link label is copy: the earlier story.
        "PREVIOUS STORY: The county opened its shelter on Monday after the storm knocked out power to more than four thousand homes, and volunteers worked through the night to set up cots, blankets and a kitchen for the families who came in from the flooded streets.",
    ] {
        assert_eq!(role_of(line), Role::Prose, "{line}");
    }
}

#[test]
fn boilerplate_is_recognised() {
    for line in [
        "© 2019 River City Television",
        "Copyright 2018 Lakeside Media Inc. All rights reserved.",
        "Share this: Facebook",
        "Facebook | Twitter | Email | Print",
        "Like this: Like Loading...",
        "Sign up for our morning newsletter and get the headlines in your inbox",
        "Download the Channel 9 News app for your phone",
        "RELATED: Two hurt in crash on the interstate",
        "Read more: What we know about the flooding",
        "Follow us on Twitter for updates",
        "This is a developing story. Check back for updates.",
        "Click here to see the full map of closures.",
        "Please enable Javascript to watch this video",
        "Sign in using your account with: {* loginWidget *}",
        "Advertisement",
        "———",
        "Thank you for registering!",
        "The storm knocked out power downtown pic.twitter.com/abc123XYZ",
        "— Pat Rivera (@patrivera) June 4, 2019",
        "For more Lakeside news and newsletters create an account at lakeside.example",
    ] {
        assert_eq!(role_of(line), Role::Boilerplate, "{line}");
    }
    // A page scanned from print, with words split at the column breaks.
    let scan =
        "The fair opens on Friday with rides for chil- dren and a show of prize cat- tle. \
                The tickets cost five dol- lars at the gate and park- ing is free for every vis- itor.";
    assert_eq!(role_of(scan), Role::Boilerplate);
    assert_eq!(
        role_of("Both pre- and post-war houses line the street, the survey found."),
        Role::Prose
    );
}

#[test]
fn captions_and_credits_are_recognised() {
    for line in [
        "Image 4 of 12 Neighbours gather outside the church on Sunday.",
        "Firefighters work the scene on Elm Street. (Photo: Dana Cole, Lakeside Gazette)",
        "Buy Photo Students leave the school after the drill.",
        "Mourners light candles at the vigil. (AP Photo/Sam Ortiz)",
        "A memorial grows outside the shop. Jamie Lee/The River Post",
        "Photo: The bridge after it reopened",
        "Marker left at the corner of Fifth and Main (Source: WXYZ)",
        "1:45 Officers describe the chase",
        "Classes resumed on Wednesday at the school. (Published Wednesday, May 2, 2018)",
        "Image via Shutterstock",
    ] {
        assert_eq!(role_of(line), Role::Caption, "{line}");
    }
}

#[test]
fn bylines_and_contacts_are_recognised() {
    for line in [
        "By Jordan Blake",
        "-- Casey Morgan",
        "—Lakeside Gazette Wire",
        "With News Wire Services",
        "The Associated Press contributed to this report.",
        "Lakeside Gazette staff writer Ana Ruiz contributed to this story.",
        "jblake@example.com",
        "@jordanblake",
        "Jordan Blake: (555) 201-3344",
        "Posted: Jun 4, 2019 5:32 PM",
        "ANA RUIZ and JORDAN BLAKE",
        "Associated Press",
    ] {
        assert_eq!(role_of(line), Role::Byline, "{line}");
    }
}

#[test]
fn byline_lengths_are_bounded_exactly() {
    // A name of 40 characters after its capital before a phone number, a
    // time stamp 40 characters after `Posted`, a wire of 30 characters.
    let name = |n: usize| format!("J{}", "o".repeat(n));
    let is_byline = |text: &str| super::is_byline(text, Characters::of(text));
    assert!(is_byline(&format!("{}: (555) 201-3344", name(40))));
    assert!(!is_byline(&format!("{}: (555) 201-3344", name(41))));
    assert!(is_byline(&format!("Posted {}5 PM", "x".repeat(39))));
    assert!(!is_byline(&format!("Posted {}5 PM", "x".repeat(41))));
    assert!(is_byline(&format!("{} Wire", "w".repeat(30))));
    assert!(is_byline(&format!("The {} Wire.", "w".repeat(30))));
    assert!(!is_byline(&format!("{} Wire", "w".repeat(31))));
    // Accented names count characters, not bytes.
    assert!(is_byline(&format!("J{}: 555-201-3344", "é".repeat(40))));
}

#[test]
fn transcripts_are_recognised() {
    for line in [
        "Dispatcher: “Is anyone hurt?”",
        "Caller: \"He has a gun, please hurry\"",
        "Q: Where were you when the lights went out?",
        "REPORTER: Did you see the car?",
        ">> WE ARE LIVE OUTSIDE THE COURTHOUSE",
        "WEBVTT THE NEWS AT SIX",
    ] {
        assert_eq!(role_of(line), Role::Transcript, "{line}");
    }
    let captions = "GOOD EVENING AND THANK YOU FOR JOINING US. ".repeat(8);
    assert_eq!(role_of(captions.trim()), Role::Transcript);
    // A label with a colon is not a speaker.
    assert_eq!(
        role_of("UPDATE: “We are safe,” the family wrote on Sunday evening."),
        Role::Prose
    );
}

#[test]
fn datelines_alone_and_at_the_start_of_a_paragraph() {
    assert_eq!(role_of("SPRINGFIELD (WXYZ) -"), Role::Dateline);
    assert_eq!(role_of("DETROIT —"), Role::Dateline);
    let doc = Document::parse(
        "Crash closes bridge\n\nSPRINGFIELD, Ill. (AP) — A truck hit the bridge on Monday, police said.",
    );
    let lede = &doc.paragraphs[1];
    assert_eq!(lede.role, Role::Prose);
    assert_eq!(
        lede.dateline.map(|d| doc.slice(d)),
        Some("SPRINGFIELD, Ill. (AP) — ")
    );
    // A dash after capitals that starts a lowercase clause is no dateline.
    let doc = Document::parse("Intro line here.\n\nFBI - which declined to comment - was there.");
    assert_eq!(doc.paragraphs[1].dateline, None);
}

#[test]
fn headline_dek_teaser_and_subheadings() {
    let text = "Storm closes schools across the county\n\n\
                Dozens of roads flooded overnight\n\n\
                All county schools will stay closed on Friday after a night of heavy rain.\n\n\
                LAKESIDE — All county schools will stay closed on Friday after a night of heavy rain.\n\n\
                The superintendent said buses could not reach several rural routes.\n\n\
                What Parents Should Know\n\n\
                Meals will be handed out at the central library from 10 a.m., officials said.";
    assert_eq!(
        roles(text),
        [
            Role::Headline, // headline
            Role::Headline, // dek: unterminated
            Role::Headline, // teaser, repeated by the lede after its dateline
            Role::Prose,    // lede
            Role::Prose,
            Role::Headline, // subheading
            Role::Prose,
        ]
    );
}

#[test]
fn a_first_paragraph_that_is_a_sentence_is_prose() {
    let text = "The council approved the budget on Tuesday.\n\nIt takes effect in July.";
    assert_eq!(roles(text), [Role::Prose, Role::Prose]);
    // Hard-wrapped prose is never a headline.
    let text = "The council approved the budget\non Tuesday after a long debate\n\nIt takes effect in July.";
    assert_eq!(roles(text)[0], Role::Prose);
    // A headline that ends on an abbreviation.
    assert_eq!(
        roles("Migrants cross into the U.S.\n\nText.")[0],
        Role::Headline
    );
}

#[test]
fn role_sets_and_names() {
    for role in Role::ALL {
        assert_eq!(Role::from_name(role.name()), Some(role));
    }
    assert_eq!(Role::from_name("furniture"), None);
    let set = RoleSet::new([Role::Prose, Role::Headline]);
    assert_eq!(set, RoleSet::PROSE_AND_HEADLINE);
    assert!(set.contains(Role::Headline) && !set.contains(Role::Caption));
    assert_eq!(set.to_string(), "prose, headline");
    assert!(Role::ALL.iter().all(|&r| RoleSet::ALL.contains(r)));
}

#[test]
fn a_widget_of_doubled_teasers_is_boilerplate_but_one_doubled_paragraph_is_not() {
    let widget = "Headline about a fire\n\n\
                  The fire started in a kitchen on Elm Street, officials said.\n\n\
                  Council votes to repave Main Street next spring.\n\n\
                  Council votes to repave Main Street next spring.\n\n\
                  A new bakery opens downtown with a line around the block.\n\n\
                  A new bakery opens downtown with a line around the block.\n\n\
                  No one was hurt in the fire, the chief said.";
    assert_eq!(
        roles(widget),
        [
            Role::Headline,
            Role::Prose,
            Role::Boilerplate,
            Role::Boilerplate,
            Role::Boilerplate,
            Role::Boilerplate,
            Role::Prose,
        ]
    );
    // A single paste further down stays prose: it is the copy's own slip.
    let paste = "Headline about a fire\n\n\
                 The fire started in a kitchen on Elm Street, officials said.\n\n\
                 Two neighbours called for help after seeing smoke.\n\n\
                 The family had moved in a month ago.\n\n\
                 Crews stayed on the scene for three hours.\n\n\
                 Crews stayed on the scene for three hours.";
    assert!(roles(paste)[1..].iter().all(|&r| r == Role::Prose));
}

#[test]
fn update_markers_separators_and_second_datelines_start_new_versions() {
    let text = "Second victim dies after shooting\n\n\
                UPDATE (4:10 p.m.): A second victim died at the hospital, police said.\n\n\
                The police chief asked for witnesses to come forward.\n\n\
                ORIGINAL STORY:\n\n\
                LAKESIDE — One man was killed in a shooting on Elm Street on Monday.\n\n\
                -----\n\n\
                LAKESIDE — Police are at the scene of a shooting on Elm Street.\n\n\
                RIVERTON — A later dateline also starts a new version.";
    let doc = Document::parse(text);
    let sections: Vec<usize> = doc.paragraphs.iter().map(|p| p.section).collect();
    assert_eq!(sections, [0, 1, 1, 2, 2, 3, 4, 5]);
    // `Updated: Jun 4, 2019` is a time stamp (a byline), not a new version.
    let doc = Document::parse("Title here\n\nUpdated: Jun 4, 2019 5:32 PM\n\nText follows here.");
    assert!(doc.paragraphs.iter().all(|p| p.section == 0));
}

#[test]
fn a_page_title_cut_before_the_site_name() {
    let title =
        "Council members argue for hours over the plan to close the librar - WXYZ 7 News Lakeside";
    let end = title.find(" - ").unwrap();
    assert!(is_cut_title_word(title, end));
    // A short title, or one with no site name after it, is not cut.
    assert!(!is_cut_title_word("Library closes - WXYZ 7 News", 15));
    let plain =
        "Council members argue for hours over the plan to close the library - and then vote";
    assert!(!is_cut_title_word(plain, plain.find(" - ").unwrap()));
}

#[test]
fn every_role_pattern_compiles_in_every_form() {
    // Those built ahead of the first document, and those STARTS gates.
    let gated = [
        &super::BOILERPLATE_START,
        &super::CAPTION_START,
        &super::TRANSCRIPT,
        &super::DATELINE,
        &super::UPDATE_MARKER,
    ];
    for pattern in super::PATTERNS.into_iter().chain(gated) {
        pattern.check_every_form().unwrap();
    }
}

#[test]
fn the_alternation_of_start_tests_matches_where_one_of_them_does() {
    let parts = [
        BOILERPLATE_START_PATTERN,
        CAPTION_START_PATTERN,
        TRANSCRIPT_PATTERN,
        DATELINE_PATTERN,
        UPDATE_MARKER_PATTERN,
    ];
    // A comment would swallow the parenthesis closing its part.
    assert!(parts.iter().all(|part| !part.contains('#')));
    let texts = [
        "The mayor said the new park would open in the spring.",
        "Copyright 2015 The Daily News. All rights reserved.",
        "Read more: Council votes on the budget",
        "Image 3 of 9",
        "Photo: Jane Doe",
        "10:42 Police arrive",
        "Dispatcher: \"What is your emergency?\"",
        "Q: Where were you?",
        ">> THE SHOW CONTINUES",
        "CHICAGO (AP) — A man was shot",
        "LOUISVILLE, Ky. (WDRB) -- Police said",
        "UPDATE (5:04 p.m.): The road has reopened.",
        "“Updated: the council met",
        "Editor’s note: this story was corrected",
        "By Jane Doe",
        "",
        "   ",
        "FBI - the agency said",
        "for more CNN news and newsletters create an account",
        "Follow us on Twitter",
    ];
    for text in texts {
        let one_of_them = [
            &BOILERPLATE_START,
            &CAPTION_START,
            &TRANSCRIPT,
            &DATELINE,
            &UPDATE_MARKER,
        ]
        .iter()
        .any(|regex| regex.is_match(text));
        assert_eq!(STARTS.is_match(text), one_of_them, "{text:?}");
    }
    // Each test matches some of the texts, so the comparison means something.
    for regex in [
        &BOILERPLATE_START,
        &CAPTION_START,
        &TRANSCRIPT,
        &DATELINE,
        &UPDATE_MARKER,
    ] {
        assert!(texts.iter().any(|text| regex.is_match(text)));
    }
}

#[test]
fn credit_line_lengths_are_bounded_exactly() {
    // A credit line has at most 60 words: the paragraph is counted past
    // the short tests' bound only when it has a `/`.
    let credit = |words: usize| format!("{}Jamie Lee/The River Post", "crowds ".repeat(words - 5));
    assert_eq!(role_of(&credit(60)), Role::Caption);
    assert_eq!(role_of(&credit(61)), Role::Prose);
    assert_eq!(role_of(&credit(26)), Role::Caption);
}

/// `may_be_caption` answers no only where [`CAPTION_ANYWHERE`] cannot
/// match: on random texts made of a form of one of its tests, changed at
/// random (letters in the other case, other white space) between random
/// pieces, whenever the regex matches the quick test says yes; and it
/// says no often enough to be worth asking.
#[test]
fn the_quick_caption_test_passes_every_caption_the_regex_finds() {
    const FORMS: &[&str] = &[
        "(photo:",
        "(photos:",
        "buy photo",
        "photo by",
        "photo credit",
        "photo courtesy",
        "view as gallery",
        "view full caption",
        "(AP Photo",
        "(Reuters Photo",
        "(AFP Photo",
        "(Getty Photo",
        "via AP)",
        "(Source: Jane)",
        "(Photo Jane Doe)",
        "(Image: x)",
        "(Credit: Ann)",
        "(Courtesy Z)",
        "(Published May",
        ".—Jane",
        "” — Jane Doe",
        "! —  Ann Lee Mo",
        "\" — Ann",
        "? —Émile",
    ];
    const PIECES: &[&str] = &[
        "(", ")", "photo", "view", " ", "x", "_", "é", "7", ".", "—", "”", "\"", "Jane", "a", "ſ",
        "\u{212a}", "’", "\u{a0}", "\n",
    ];
    const SPACES: &[&str] = &[" ", " ", "\u{a0}", "\n", "\t", "\u{2009}", "\u{b}", "  "];
    let mut random = crate::test_random::Random(0x51_7CC1_B727_220A);
    let (mut matched, mut turned_away) = (0, 0);
    for _ in 0..30_000 {
        let mut text = String::new();
        for _ in 0..random.below(4) {
            text.push_str(random.pick(PIECES));
        }
        for c in random.pick(FORMS).chars() {
            match c {
                ' ' if random.below(3) == 0 => text.push_str(random.pick(SPACES)),
                c if c.is_ascii_alphabetic() && random.below(4) == 0 => {
                    text.push(if c.is_ascii_lowercase() {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    })
                }
                c => text.push(c),
            }
        }
        if random.below(2) == 0 {
            for _ in 0..random.below(4) {
                text.push_str(random.pick(PIECES));
            }
        }
        let quick = may_be_caption(&text);
        if CAPTION_ANYWHERE.is_match(&text) {
            assert!(quick, "{text:?}");
            matched += 1;
        }
        turned_away += usize::from(!quick);
    }
    assert!(
        matched > 5000 && turned_away > 2000,
        "{matched} {turned_away}"
    );
}
