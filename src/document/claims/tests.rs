//! Each claim form on text written for these tests, and the near misses
//! that must not be read as claims.

use super::*;

/// The counts of `text` (one paragraph of prose after a headline), as
/// `subject=value` strings, in order.
fn counts(text: &str) -> Vec<String> {
    counts_with(&DEFAULT, text)
}

fn counts_with(extractor: &Extractor, text: &str) -> Vec<String> {
    let full = format!("Story\n\n{text}\n");
    let doc = Document::parse(&full);
    let claims = extractor.extract(&doc);
    claims
        .counts()
        .map(|(_, _, c)| {
            format!(
                "{}={}",
                extractor.subjects()[usize::from(c.subject.0)].name,
                c.value
            )
        })
        .collect()
}

fn has(text: &str, expected: &[&str]) {
    let found = counts(text);
    for e in expected {
        assert!(
            found.iter().any(|f| f == e),
            "`{e}` not in {found:?} for `{text}`"
        );
    }
}

fn lacks(text: &str, absent: &[&str]) {
    let found = counts(text);
    for e in absent {
        assert!(
            !found.iter().any(|f| f.starts_with(e)),
            "`{e}` in {found:?} for `{text}`"
        );
    }
}

#[test]
fn figures_before_their_trigger() {
    has("Two were killed in the shooting.", &["killed=2"]);
    has("Two men were wounded on Friday.", &["injured=2"]);
    has("Police said three people are dead.", &["killed=3"]);
    has(
        "One dead, three injured after a fight.",
        &["killed=1", "injured=3"],
    );
    has("The blast left three people hurt.", &["injured=3"]);
    has("At least four people have died.", &["killed=at least 4"]);
    has(
        "More than a dozen people were hurt.",
        &["injured=more than 12"],
    );
    has(
        "Two other people were taken to a hospital and hospitalized.",
        &[],
    );
    has("Three others were hospitalized.", &["hospitalised=3"]);
    has("The two victims died at the scene.", &["killed=2"]);
    has("Six people were missing after the storm.", &["missing=6"]);
    has("Two teens were arrested.", &["arrested=2"]);
    has("Three injured people were taken away.", &["injured=3"]);
}

#[test]
fn figures_after_their_trigger() {
    has(
        "A gunman opened fire, killing two and wounding three others.",
        &["killed=2", "injured=3"],
    );
    has("The crash killed four people.", &["killed=4"]);
    has("The gunman shot three people.", &["shot=3"]);
    has("Police arrested 12 protesters.", &[]);
    has("Police arrested 12 people.", &["arrested=12"]);
}

#[test]
fn shot_is_its_own_subject() {
    let found = counts("Two people were shot, one fatally.");
    assert!(found.contains(&"shot=2".to_string()), "{found:?}");
    assert!(found.contains(&"killed=1".to_string()), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|f| f == "killed=2" || f.starts_with("injured")),
        "{found:?}"
    );
    has("Two men were shot and killed.", &["shot=2", "killed=2"]);
    has("A man was fatally shot.", &["shot=1", "killed=1"]);
    has(
        "Three people were shot and wounded.",
        &["shot=3", "injured=3"],
    );
    has("Two were shot dead.", &["shot=2", "killed=2"]);
}

#[test]
fn one_person_as_the_subject() {
    has("A 23-year-old man was killed Sunday.", &["killed=1"]);
    has(
        "He was shot and killed near his home.",
        &["shot=1", "killed=1"],
    );
    has(
        "The victim was pronounced dead at the scene.",
        &["killed=1"],
    );
    has("John Smith was arrested Monday.", &["arrested=1"]);
    let doc_text = "Story\n\nA man was killed.\n";
    let doc = Document::parse(doc_text);
    let claims = extract(&doc);
    let (_, _, count) = claims.counts().next().expect("a count");
    assert_eq!(count.form, CountForm::Singular);
}

#[test]
fn zero_counts() {
    has("No one was injured.", &["injured=0"]);
    has("Nobody was hurt in the crash.", &["injured=0"]);
    has("There were no injuries.", &["injured=0"]);
    has("Police made no arrests.", &["arrested=0"]);
    // Not a zero: others were hurt, only not seriously; nor one person.
    lacks("No one was seriously hurt.", &["injured"]);
    lacks("No one else was hurt.", &["injured"]);
    lacks("No one was injured.", &["injured=1"]);
    lacks("The two children were not injured.", &["injured"]);
    lacks("The officer was not hurt.", &["injured"]);
}

#[test]
fn events() {
    has(
        "Police are investigating a double shooting.",
        &["shot=at least 2"],
    );
    has("It was a triple homicide.", &["killed=3"]);
    has("The death toll rose to five on Monday.", &["killed=5"]);
    has("A second victim has died.", &["killed=at least 2"]);
    lacks("He is a double murder suspect.", &["killed"]);
}

#[test]
fn figures_that_are_no_counts() {
    lacks(
        "A 23-year-old man was at the party.",
        &["killed", "injured"],
    );
    lacks("He was shot 5 times in the chest.", &["shot=5"]);
    lacks(
        "The fire destroyed a two-story house.",
        &["killed", "injured"],
    );
    lacks(
        "He was shot in the 1200 block of Main Street.",
        &["shot=1200"],
    );
    lacks(
        "Shots were fired at 2:30 a.m. and one hit a car.",
        &["shot=2", "shot=30"],
    );
    lacks(
        "Police found a .40-caliber handgun; 9 mm casings lay near.",
        &["shot", "killed"],
    );
    lacks("He was injured in 2014 in a crash.", &["injured=2014"]);
    lacks("He was killed in a $500 robbery.", &["killed=500"]);
    lacks("A child under the age of 10 was killed.", &["killed=10"]);
    lacks("The gunman fired one shot.", &["shot=1"]);
}

#[test]
fn context_flags() {
    let text = "Story\n\nA total of 344 people were killed in Baltimore last year.\n\n\
        Five people were killed in weekend shootings across the city.\n\n\
        \"Two people were killed,\" a neighbour said.\n\n\
        He killed three people and then himself.\n";
    let doc = Document::parse(text);
    let claims = extract(&doc);
    let contexts: Vec<Context> = claims.counts().map(|(_, claim, _)| claim.context).collect();
    assert_eq!(contexts.len(), 4, "{contexts:?}");
    assert!(contexts[0].background);
    assert!(contexts[1].roundup);
    assert!(contexts[2].quoted);
    assert!(contexts[3].shooter_apart && contexts[3].is_clear());
    // Only the clear one is the article's stated figure.
    let stated = claims
        .stated(SubjectId::KILLED)
        .and_then(|i| claims.count(i));
    assert_eq!(stated.map(|c| c.value.nominal), Some(3.0));
}

#[test]
fn update_markers() {
    let text = "Story\n\nTwo people were killed.\n\nA third victim later died.\n\n\
        The death toll has risen to four.\n";
    let doc = Document::parse(text);
    let claims = extract(&doc);
    let updates: Vec<bool> = claims.counts().map(|(_, c, _)| c.update).collect();
    assert_eq!(updates, [false, true, true]);
    let stated = claims
        .stated(SubjectId::KILLED)
        .and_then(|i| claims.count(i));
    assert_eq!(stated.map(|c| c.value.nominal), Some(4.0));
}

#[test]
fn migrants_in_the_seed_wording() {
    has(
        "Over 150 have been arrested, officials said.",
        &["arrested=more than 150"],
    );
    has(
        "Over 150 of the identified individuals have been detained.",
        &["arrested=more than 150"],
    );
    has(
        "Eight Tajik nationals were arrested in June.",
        &["arrested=8"],
    );
    lacks(
        "More than 400 migrants crossed the border.",
        &["killed", "injured", "shot"],
    );
    lacks(
        "The FBI is looking for more than a dozen Uzbek nationals.",
        &["killed", "injured"],
    );
}

#[test]
fn subjects_added_by_the_caller() {
    let extractor = Extractor::with_subjects(vec![
        Subject::new("evacuated").verb("evacuate"),
        Subject::new("homes destroyed")
            .words(["destroyed"])
            .nouns(["homes", "houses"]),
    ]);
    let found = counts_with(&extractor, "About 300 residents were evacuated.");
    assert!(
        found.contains(&"evacuated=about 300".to_string()),
        "{found:?}"
    );
    let found = counts_with(&extractor, "The fire destroyed 20 homes.");
    assert_eq!(found, ["homes destroyed=20"]);
    let found = counts_with(&extractor, "Twelve houses were destroyed.");
    assert_eq!(found, ["homes destroyed=12"]);
    // People are no homes.
    let found = counts_with(&extractor, "Twelve people were destroyed.");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(extractor.subject_id("evacuated"), Some(SubjectId(6)));
    assert_eq!(
        Subject::new("x").verb("arrest").words,
        ["arrest", "arrests", "arrested", "arresting"]
    );
}

/// The claims of one kind, read from `text` after a headline.
fn claims_of(text: &str) -> Vec<ClaimKind> {
    let full = format!("Story\n\n{text}\n");
    let doc = Document::parse(&full);
    extract(&doc).claims.into_iter().map(|c| c.kind).collect()
}

fn ages(text: &str) -> Vec<(String, u32)> {
    claims_of(text)
        .into_iter()
        .filter_map(|k| match k {
            ClaimKind::Age(a) => Some((a.person.full, a.age)),
            _ => None,
        })
        .collect()
}

fn names(text: &str) -> Vec<String> {
    claims_of(text)
        .into_iter()
        .filter_map(|k| match k {
            ClaimKind::Name(n) => Some(n.full),
            _ => None,
        })
        .collect()
}

#[test]
fn ages_of_named_people() {
    assert_eq!(
        ages("John Smith, 23, was shot."),
        [("John Smith".into(), 23)]
    );
    assert_eq!(
        ages("Police named 23-year-old John Smith."),
        [("John Smith".into(), 23)]
    );
    assert_eq!(ages("Smith, who was 23, died."), [("Smith".into(), 23)]);
    assert_eq!(
        ages("John Smith (23) was shot."),
        [("John Smith".into(), 23)]
    );
    assert_eq!(
        ages("Mary Jones, 41, of Dayton, was hurt."),
        [("Mary Jones".into(), 41)]
    );
    // Not ages: a count, an address, a time.
    assert!(ages("Police said 23 people were hurt.").is_empty());
    assert!(ages("He lived at 23 Main Street.").is_empty());
    assert!(ages("On Tuesday, 23 were arrested.").is_empty());
}

#[test]
fn names_in_name_positions() {
    assert_eq!(names("Officer John Smith said he saw it."), ["John Smith"]);
    assert_eq!(
        names("Sgt. Mary Jones declined to comment."),
        ["Mary Jones"]
    );
    assert_eq!(
        names("Police identified the victim as Dej-Oudom Kham."),
        ["Dej-Oudom Kham"]
    );
    assert_eq!(names("Mary Jones, of Dayton, was hurt."), ["Mary Jones"]);
    assert_eq!(names("Jane Doe said the shots woke her."), ["Jane Doe"]);
    // Places, days and organisations in the same positions are no names.
    assert!(names("The Dayton Police Department said Monday.").is_empty());
    assert!(names("On Tuesday, police said nothing.").is_empty());
}

#[test]
fn names_co_refer_by_surname_or_first_name() {
    let a = PersonName::from_tokens(&["Dej-Oudom", "Kham"], None).expect("a name");
    let b = PersonName::from_tokens(&["Dej-Odoum", "Kham"], None).expect("a name");
    let c = PersonName::from_tokens(&["Kham"], None).expect("a name");
    let d = PersonName::from_tokens(&["Dej-Oudom", "Khan"], None).expect("a name");
    let e = PersonName::from_tokens(&["Mary", "Jones"], None).expect("a name");
    assert!(a.co_refers(&b) && a.co_refers(&c) && a.co_refers(&d));
    assert!(!a.co_refers(&e));
    assert_eq!(edit_distance("Dej-Oudom", "Dej-Odoum"), 2);
    assert_eq!(edit_distance("Smith", "smith"), 0);
}

fn dates(text: &str) -> Vec<DateClaim> {
    claims_of(text)
        .into_iter()
        .filter_map(|k| match k {
            ClaimKind::Date(d) => Some(d),
            _ => None,
        })
        .collect()
}

#[test]
fn dates_and_weekdays() {
    let found = dates("It happened on Tuesday.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].weekday, Some(Weekday::Tuesday));
    let found = dates("It happened Tuesday, Oct. 4, 2016, downtown.");
    assert_eq!(
        (
            found[0].weekday,
            found[0].month,
            found[0].day,
            found[0].year
        ),
        (Some(Weekday::Tuesday), Some(10), Some(4), Some(2016))
    );
    let found = dates("Police said Oct. 4 was the day.");
    assert_eq!((found[0].month, found[0].day), (Some(10), Some(4)));
    let found = dates("Shots rang out Sunday night.");
    assert_eq!(found[0].part, Some("night"));
    assert!(dates("You may leave in March.").is_empty());
    assert!(dates("We may 4 times ask.").is_empty());
    // Oct. 4, 2016 was a Tuesday; Oct. 4, 2017 a Wednesday.
    assert_eq!(weekday_of(2016, 10, 4), Some(Weekday::Tuesday));
    assert_eq!(weekday_of(2017, 10, 4), Some(Weekday::Wednesday));
    assert_eq!(weekday_of(2024, 2, 29), Some(Weekday::Thursday));
    assert_eq!(weekday_of(2023, 2, 29), None);
}

#[test]
fn the_articles_own_time() {
    let text = "Story\n\nUpdated 5:04 PM EST Mar 24, 2014\n\nTwo were hurt.\n\n\
        Posted: March 23, 2014\n";
    let doc = Document::parse(text);
    let time = extract(&doc).time.expect("a time");
    assert_eq!((time.year, time.month, time.day), (2014, 3, 24));
    assert_eq!(time.minutes, Some(17 * 60 + 4));
    assert!(time.updated);
    let doc = Document::parse("Story\n\nNothing dated here.\n");
    assert_eq!(extract(&doc).time, None);
}

fn places(text: &str) -> Vec<Place> {
    claims_of(text)
        .into_iter()
        .filter_map(|k| match k {
            ClaimKind::Place(p) => Some(p),
            _ => None,
        })
        .collect()
}

#[test]
fn places_of_the_event() {
    assert_eq!(
        places("He was shot in the 1200 block of Main Street."),
        [Place::Block {
            number: 1200,
            street: "Main Street".into()
        }]
    );
    assert_eq!(
        places("A car crashed on Elm Avenue."),
        [Place::Street("Elm Avenue".into())]
    );
    assert_eq!(
        places("It happened in Dayton, Ohio, late Sunday."),
        [Place::City {
            city: "Dayton".into(),
            state: Some("Ohio".into())
        }]
    );
    let doc = Document::parse("Story\n\nDAYTON, Ohio — Two men were hurt.\n");
    let found: Vec<Place> = extract(&doc)
        .claims
        .into_iter()
        .filter_map(|c| match c.kind {
            ClaimKind::Place(p) => Some(p),
            _ => None,
        })
        .collect();
    assert_eq!(
        found,
        [Place::City {
            city: "DAYTON".into(),
            state: Some("Ohio".into())
        }]
    );
}

#[test]
fn spans_are_the_claims_words() {
    let text = "Story\n\nPolice said two people were killed on Tuesday.\n";
    let doc = Document::parse(text);
    let claims = extract(&doc);
    let spans: Vec<&str> = claims.claims.iter().map(|c| doc.slice(c.span)).collect();
    assert_eq!(spans, ["two people were killed", "Tuesday"]);
}

#[test]
fn captions_and_boilerplate_are_not_read() {
    let text = "Story\n\nOne man was hurt.\n\n(Photo: Five people were killed / AP)\n\n\
        Copyright 2016 The Associated Press. All rights reserved.\n";
    assert_eq!(counts_of_doc(text), ["injured=1"]);
}

fn counts_of_doc(text: &str) -> Vec<String> {
    let doc = Document::parse(text);
    extract(&doc)
        .counts()
        .map(|(_, _, c)| {
            format!(
                "{}={}",
                builtin_subject_name(c.subject).unwrap_or("?"),
                c.value
            )
        })
        .collect()
}

/// An article with one count of `subject` and an optional time.
fn article(text: &str, time: Option<(i32, u8, u8)>) -> ArticleClaims {
    let full = format!("Story\n\n{text}\n");
    let doc = Document::parse(&full);
    let mut claims = extract(&doc);
    claims.time = time.map(|(year, month, day)| ArticleTime {
        year,
        month,
        day,
        minutes: None,
        updated: false,
    });
    claims
}

#[test]
fn the_story_takes_the_latest_figure_when_articles_are_dated() {
    let story = resolve(&[
        article("Three people were killed.", Some((2016, 10, 5))),
        article("Two people were killed.", Some((2016, 10, 4))),
    ]);
    let killed = story.value(SubjectId::KILLED).expect("killed");
    assert_eq!((killed.value.nominal, killed.basis), (3.0, Basis::Latest));
    assert_eq!(story.disagreements.len(), 1);
    let d = &story.disagreements[0];
    assert_eq!((d.earlier.article, d.later.article), (1, 0));
    assert_eq!(d.kind, DisagreementKind::Update);
}

#[test]
fn the_story_takes_the_consensus_when_articles_are_not_dated() {
    let story = resolve(&[
        article("Two people were killed and three were injured.", None),
        article("Two people were killed and four were injured.", None),
        article("Four people were killed.", None),
    ]);
    let killed = story.value(SubjectId::KILLED).expect("killed");
    assert_eq!(
        (killed.value.nominal, killed.basis),
        (2.0, Basis::Consensus)
    );
    let kinds: Vec<(SubjectId, DisagreementKind)> = story
        .disagreements
        .iter()
        .map(|d| (d.subject, d.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            (SubjectId::KILLED, DisagreementKind::Contradiction),
            (SubjectId::KILLED, DisagreementKind::Contradiction),
            (SubjectId::INJURED, DisagreementKind::Contradiction),
        ]
    );
    // Like with like: no killed figure is compared with an injured one.
    assert!(story.value(SubjectId::INJURED).is_some());
}

#[test]
fn a_claim_marked_as_an_update_is_an_update() {
    let story = resolve(&[
        article("Two people were killed.", None),
        article("A third victim later died.", None),
    ]);
    assert_eq!(story.disagreements.len(), 1, "{story:?}");
    assert_eq!(story.disagreements[0].kind, DisagreementKind::Update);
    assert_eq!(story.disagreements[0].later.article, 1);
    // A bound that allows the other figure is no disagreement.
    let story = resolve(&[
        article("At least two people were killed.", None),
        article("Three people were killed.", None),
    ]);
    assert!(story.disagreements.is_empty(), "{story:?}");
}

#[test]
fn every_span_lies_on_char_boundaries() {
    let text = "Story\n\nJosé Núñez, 23, was shot — “two were killed” — on Tuesday, Oct. 4.\n\n\
        DAYTON, Ohio — Dos personas murieron en el bloque 1200 of Main Street.\n";
    let doc = Document::parse(text);
    for claim in extract(&doc).claims {
        assert!(text.is_char_boundary(claim.span.start as usize));
        assert!(text.is_char_boundary(claim.span.end as usize));
    }
}

#[test]
fn nouns_of_what_happened() {
    has(
        "It follows the arrest of eight Tajik nationals.",
        &["arrested=8"],
    );
    has("Officials arrest eight Tajik nationals.", &["arrested=8"]);
    has(
        "Police are investigating the deaths of two teens.",
        &["killed=2"],
    );
    lacks("The arrest of one is not enough.", &["arrested"]);
}

/// The seed articles (the ISIS-linked smuggling story) are about
/// migrants: their arrests read as `arrested`, and no count of killed,
/// injured or shot people is read as the story's own.
#[test]
fn the_seeds_read_arrests_and_no_casualties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut arrested = Vec::new();
    for path in paths {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc = Document::parse(&text);
        let claims = extract(&doc);
        for (_, claim, count) in claims.counts() {
            let casualty = matches!(
                count.subject,
                SubjectId::KILLED | SubjectId::INJURED | SubjectId::SHOT
            );
            assert!(
                !(casualty && claim.context.is_clear()),
                "{}: `{}` read as the story's {}",
                path.display(),
                doc.slice(claim.span),
                builtin_subject_name(count.subject).unwrap_or("?")
            );
            if count.subject == SubjectId::ARRESTED {
                arrested.push(count.value.to_string());
            }
        }
    }
    assert!(
        arrested.iter().any(|v| v == "more than 150"),
        "{arrested:?}"
    );
    assert!(arrested.iter().any(|v| v == "8"), "{arrested:?}");
}

#[test]
fn derived_figures_fill_what_no_article_states() {
    let story = resolve(&[
        article("Three people were shot, one fatally.", None),
        article("Three people were shot.", None),
    ]);
    assert_eq!(story.derived_injured().map(|q| q.nominal), Some(2.0));
    assert_eq!(story.derived_killed(), None, "killed is stated");
    let story = resolve(&[article("A man was shot and wounded Tuesday.", None)]);
    assert_eq!(story.derived_killed().map(|q| q.nominal), Some(0.0));
    assert_eq!(story.derived_injured(), None, "injured is stated");
    let story = resolve(&[article("Police said nothing more.", None)]);
    assert_eq!(
        (story.derived_killed(), story.derived_injured()),
        (None, None)
    );
}

#[test]
fn curly_and_straight_apostrophes_are_one_name() {
    assert_eq!(
        names("Officer Ron O\u{2019}Brien said so."),
        ["Ron O'Brien"]
    );
}
