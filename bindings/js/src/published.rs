//! The published results of every council: look-ups by name or ONS code, the national
//! distribution and ranks (feature `published`, its own WebAssembly module, so that a page that
//! only rates does not download the data of 153 councils).

use cqc_assurance::{self as cqc, Rating};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{assessment_arg, text_arg};
use crate::{thrown, to_js, JsResult};

/// Every published result in the bundled dataset.
#[wasm_bindgen(js_name = publishedResults)]
pub fn published_results() -> JsResult {
    to_js(cqc::published_results())
}

/// The published result of a council, found by name ("Royal Borough of Windsor &
/// Maidenhead" finds "Windsor and Maidenhead").
#[wasm_bindgen(js_name = findCouncil)]
pub fn find_council(name: &JsValue) -> JsResult {
    to_js(cqc::find_council(&text_arg(name)).map_err(thrown)?)
}

/// For each statement, how many councils scored 1, 2, 3 and 4, and the mean.
#[wasm_bindgen(js_name = statementDistribution)]
pub fn statement_distribution() -> JsResult {
    to_js(&cqc::PublishedDataset::bundled().statement_distribution())
}

/// Where an assessment's percentage would rank among the published councils; with a
/// `council` (a name in any usual spelling or an ONS code), its ranks nationally, within its
/// region and among councils of its kind, its own published result left out.
#[wasm_bindgen(js_name = rankAmongPublished)]
pub fn rank_among_published(assessment: &JsValue, council: &JsValue) -> JsResult {
    let assessment = assessment_arg(assessment)?;
    if council.is_undefined() || council.is_null() {
        return to_js(&cqc::rank_among_published(&assessment));
    }
    let council = cqc::find_council_reference(&text_arg(council)).map_err(thrown)?;
    to_js(&cqc::PublishedDataset::bundled().rankings_for(&assessment, council))
}

/// A council's current published scores placed among the other councils nationally, within
/// its region and among councils of its kind; `null` when its scores are not published.
#[wasm_bindgen(js_name = councilRankings)]
pub fn council_rankings(council: &JsValue) -> JsResult {
    let data = cqc::PublishedDataset::bundled();
    match data.council_rankings(&text_arg(council)).map_err(thrown)? {
        Some(r) => to_js(&r),
        None => Ok(JsValue::NULL),
    }
}

/// Current ratings counted in each region, England's nine regions in order, with the councils
/// that have no published result.
#[wasm_bindgen(js_name = publishedRatingCountsByRegion)]
pub fn published_rating_counts_by_region() -> JsResult {
    to_js(&cqc::PublishedDataset::bundled().rating_counts_by_region())
}

/// Current ratings counted for each kind of council (county, London borough...).
#[wasm_bindgen(js_name = publishedRatingCountsByType)]
pub fn published_rating_counts_by_type() -> JsResult {
    to_js(&cqc::PublishedDataset::bundled().rating_counts_by_type())
}

/// How the councils of each region scored each statement (current assessments with nine
/// published scores).
#[wasm_bindgen(js_name = statementDistributionByRegion)]
pub fn statement_distribution_by_region() -> JsResult {
    to_js(&cqc::PublishedDataset::bundled().statement_distribution_by_region())
}

/// Published results read from a CSV in the format the package ships (`published --csv`
/// writes it), for results newer than the bundled ones: the records, or the first bad
/// row's error with its line.
#[wasm_bindgen(js_name = publishedResultsFromCsv)]
pub fn published_results_from_csv(text: &JsValue) -> JsResult {
    let data = cqc::PublishedDataset::from_csv(&text_arg(text)).map_err(thrown)?;
    to_js(data.records())
}

/// How many published councils have a rating.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub(crate) struct RatingCount {
    /// The rating.
    rating: Rating,
    /// How many councils have it.
    councils: u32,
}

/// How many published councils have each rating, worst to best.
#[wasm_bindgen(js_name = publishedRatingCounts)]
pub fn published_rating_counts() -> JsResult {
    let counts: Vec<RatingCount> = cqc::PublishedDataset::bundled()
        .rating_counts()
        .into_iter()
        .map(|(rating, councils)| RatingCount { rating, councils })
        .collect();
    to_js(&counts)
}

/// A published record whose rating does not follow from its scores, with the check.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
#[cfg_attr(test, ts(rename = "PublishedConflict"))]
pub(crate) struct Conflict<'a> {
    /// The published record.
    record: &'a cqc::PublishedResult,
    /// Why its rating does not follow from its scores.
    check: cqc::PublishedCheck,
}

/// Published records whose rating does not follow from their published scores, each with
/// the check that says why.
#[wasm_bindgen(js_name = publishedConflicts)]
pub fn published_conflicts() -> JsResult {
    let conflicts: Vec<Conflict> = cqc::PublishedDataset::bundled()
        .conflicts()
        .into_iter()
        .map(|(record, check)| Conflict { record, check })
        .collect();
    to_js(&conflicts)
}

/// Where the bundled published results come from (the dataset's provenance notes, Markdown).
#[wasm_bindgen(js_name = publishedProvenance)]
pub fn published_provenance() -> String {
    cqc::PROVENANCE.to_string()
}
