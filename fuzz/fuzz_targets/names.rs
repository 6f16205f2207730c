//! Every name and date parser on arbitrary text: statements, themes, categories, ratings,
//! methods, councils, milestones, dates.
#![no_main]
use cqc_assurance::{
    find_council, parse_date, EvidenceCategory, MilestoneId, QualityStatement, Rating,
    RatingMethod, Theme,
};
use libfuzzer_sys::fuzz_target;

include!("common.rs");

fuzz_target!(|text: &str| {
    for e in [
        QualityStatement::parse(text).err(),
        Theme::parse(text).err(),
        EvidenceCategory::parse(text).err(),
        Rating::parse(text).err(),
        RatingMethod::parse(text).err(),
        find_council(text).err(),
        MilestoneId::parse(text).err(),
    ]
    .into_iter()
    .flatten()
    {
        check_error(&e, false);
    }
    RatingMethod::in_force_on(text);
    if let Err(e) = parse_date(text, "date") {
        check_error(&e, true);
    }
});
