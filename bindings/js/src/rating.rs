//! The framework, the rating and the published results: the main WebAssembly module of the
//! package (feature `rating`).

use cqc_assurance::{
    self as cqc, Assessment, BandHalf, EvidenceCategory, QualityStatement, Rating, RatingMethod,
    Score, Theme,
};
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert::{
    assessment_arg, document_to_json_text, expect_object, is_list, repr, text_arg, to_json_text,
};
use crate::{thrown, to_js, JsResult};

fn rating_arg(value: &JsValue, path: &str) -> Result<Rating, JsValue> {
    Rating::parse(&text_arg(value)).map_err(|e| thrown(e.under(path)))
}

/// A whole number for a `u32` argument, or `invalid_json` at `path`.
fn whole_number_arg(value: &JsValue, path: &str) -> Result<u32, JsValue> {
    match value.as_f64() {
        Some(f) if f.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&f) => Ok(f as u32),
        _ => Err(thrown(cqc::Error::InvalidJson {
            path: path.into(),
            message: format!("expected a whole number, got {}", repr(value)),
        })),
    }
}

/// The version of the package (the crate's version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

// ---------------------------------------------------------------------------------------
// The framework
// ---------------------------------------------------------------------------------------

/// The assessment framework: themes, quality statements, evidence categories, ratings with
/// their percentage bands, score descriptors and rating methods, with CQC's URLs.
#[wasm_bindgen]
pub fn framework() -> JsResult {
    to_js(&cqc::framework_view())
}

/// A quality statement found by id, number (`5`, `"QS5"`), name or any published variant.
#[wasm_bindgen]
pub fn statement(name: &JsValue) -> JsResult {
    let qs = QualityStatement::parse(&text_arg(name)).map_err(thrown)?;
    to_js(&cqc::StatementView::from(qs))
}

/// A theme found by id, number or name.
#[wasm_bindgen]
pub fn theme(name: &JsValue) -> JsResult {
    let t = Theme::parse(&text_arg(name)).map_err(thrown)?;
    to_js(&cqc::ThemeView::from(t))
}

/// An evidence category found by id or name.
#[wasm_bindgen(js_name = evidenceCategory)]
pub fn evidence_category(name: &JsValue) -> JsResult {
    let c = EvidenceCategory::parse(&text_arg(name)).map_err(thrown)?;
    to_js(&cqc::EvidenceCategoryView::from(c))
}

// ---------------------------------------------------------------------------------------
// Rating
// ---------------------------------------------------------------------------------------

/// The rating of an assessment: rating, total, percentage (exact and as published), each
/// statement's score and the position in the band.
#[wasm_bindgen]
pub fn rate(assessment: &JsValue) -> JsResult {
    to_js(&cqc::rate(&assessment_arg(assessment)?))
}

/// The number of slots [`rate_packed`] writes: 17 fixed, then 3 for each of up to nine
/// statements.
const PACKED_LEN: usize = 17 + 3 * 9;

thread_local! {
    /// The band wordings [`rate_packed`] has given out, by the index it wrote
    /// ([`packed_wording`] reads them; the glue fetches each once).
    static WORDINGS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The fast path of `rate` for the package's JavaScript glue (npm/rate.js; not an entry of
/// the package), for the common call: nine scores, as numbers in `scores` with the statements
/// not assessed (`null` in JavaScript) as bits of `not_assessed`. When the core accepts them
/// (every other number a whole score 1-4, at least one assessed), rates them, writes the
/// result's numbers into `out` (`PACKED_LEN` slots, names as indexes into [`packed_names`])
/// and returns `true`; otherwise writes nothing and returns `false`, and the glue calls `rate`,
/// which reads every form and reports every error with its path.
///
/// Layout: method, rating, total, max, assessed, percent, percent_exact, band rating, band
/// lower_percent, upper_percent, percent_above_lower_edge, next_rating (-1: none),
/// points_to_next_rating (-1: none), slack_points (-1: none), half, wording (an index for
/// [`packed_wording`]), the number of statements; then for each statement its index, its
/// theme's index and its score. The glue builds the same object as `rate` from these (a test
/// compares the two for every vector of scores) several times faster than writing and parsing
/// JSON text.
#[wasm_bindgen(js_name = _ratePacked)]
pub fn rate_packed(scores: &[f64], not_assessed: u32, out: &mut [f64]) -> bool {
    if scores.len() != 9 || out.len() < PACKED_LEN {
        return false;
    }
    let mut given = [None; 9];
    for (i, slot) in given.iter_mut().enumerate() {
        if not_assessed & (1 << i) == 0 {
            match Score::from_f64(scores[i], "") {
                Ok(score) => *slot = Some(score),
                Err(_) => return false,
            }
        }
    }
    let Ok(assessment) = Assessment::from_score_array(given) else {
        return false;
    };
    let r = cqc::rate(&assessment);
    let rating_index = |x: Rating| {
        Rating::ALL
            .iter()
            .position(|&y| y == x)
            .map_or(-1.0, |i| i as f64)
    };
    let theme_index = |t: Theme| {
        Theme::ALL
            .iter()
            .position(|&y| y == t)
            .map_or(-1.0, |i| i as f64)
    };
    let optional = |x: Option<u32>| x.map_or(-1.0, f64::from);
    let band = &r.band;
    let wording = WORDINGS.with_borrow_mut(|known| {
        known
            .iter()
            .position(|w| *w == band.wording)
            .unwrap_or_else(|| {
                known.push(band.wording.to_string());
                known.len() - 1
            })
    });
    let fixed = [
        RatingMethod::ALL
            .iter()
            .position(|&m| m == r.method)
            .map_or(-1.0, |i| i as f64),
        rating_index(r.rating),
        f64::from(r.total),
        f64::from(r.max),
        f64::from(r.assessed),
        f64::from(r.percent),
        r.percent_exact,
        rating_index(band.rating),
        f64::from(band.lower_percent),
        f64::from(band.upper_percent),
        f64::from(band.percent_above_lower_edge),
        band.next_rating.map_or(-1.0, rating_index),
        optional(band.points_to_next_rating),
        optional(band.slack_points),
        match band.half {
            BandHalf::Lower => 0.0,
            BandHalf::Upper => 1.0,
        },
        wording as f64,
        r.statements.len() as f64,
    ];
    out[..17].copy_from_slice(&fixed);
    for (i, st) in r.statements.iter().enumerate() {
        out[17 + 3 * i] = st.statement.index() as f64;
        out[18 + 3 * i] = theme_index(st.theme);
        out[19 + 3 * i] = f64::from(st.score.get());
    }
    true
}

/// The band wording [`rate_packed`] gave out as `index` (for the package's glue).
#[wasm_bindgen(js_name = _packedWording)]
pub fn packed_wording(index: u32) -> Option<String> {
    WORDINGS.with_borrow(|known| known.get(index as usize).cloned())
}

#[derive(Serialize)]
struct PackedNames {
    methods: [RatingMethod; 2],
    ratings: [Rating; 4],
    statements: [QualityStatement; 9],
    themes: [Theme; 4],
    halves: [BandHalf; 2],
}

/// The names [`rate_packed`]'s indexes stand for, as the core writes them (for the package's
/// glue; not an entry of the package).
#[wasm_bindgen(js_name = _packedNames)]
pub fn packed_names() -> JsResult {
    to_js(&PackedNames {
        methods: RatingMethod::ALL,
        ratings: Rating::ALL,
        statements: QualityStatement::ALL,
        themes: Theme::ALL,
        halves: [BandHalf::Lower, BandHalf::Upper],
    })
}

/// The rating worked out step by step.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
#[cfg_attr(test, ts(rename = "Explanation"))]
pub(crate) struct ExplanationOut {
    /// The rating explained.
    rating: Rating,
    /// The working, one group of sentences per step.
    steps: Vec<String>,
    /// The steps numbered, one per line.
    text: String,
}

/// The rating worked out step by step in plain words (`steps`, and `text` numbered).
#[wasm_bindgen]
pub fn explain(assessment: &JsValue) -> JsResult {
    let e = cqc::explain(&assessment_arg(assessment)?);
    let text = e.to_text();
    to_js(&ExplanationOut {
        rating: e.rating,
        steps: e.steps,
        text,
    })
}

/// Every minimal set of statement score increases that reaches `target`.
#[wasm_bindgen(js_name = improvementPaths)]
pub fn improvement_paths(assessment: &JsValue, target: &JsValue) -> JsResult {
    let a = assessment_arg(assessment)?;
    let target = rating_arg(target, "target")?;
    to_js(&cqc::improvement_paths(&a, target))
}

/// The probability of each rating when scores are uncertain: an array of nine (each a score,
/// `null`, or four probabilities for scores 1-4) or a document `{ scores }`.
#[wasm_bindgen(js_name = ratingProbabilities)]
pub fn rating_probabilities(input: &JsValue) -> JsResult {
    let text = if is_list(input) {
        let scores = to_json_text(input, "scores").map_err(thrown)?;
        format!("{{\"scores\":{scores}}}")
    } else {
        expect_object(
            input,
            "an array of nine score distributions or a document { scores }",
        )
        .map_err(thrown)?;
        document_to_json_text(input, &[]).map_err(thrown)?
    };
    to_js(&cqc::rating_probabilities_json(&text).map_err(thrown)?)
}

/// Does a published rating (and percentage) follow from the scores?
#[wasm_bindgen(js_name = checkPublished)]
pub fn check_published(assessment: &JsValue, rating: &JsValue, percent: &JsValue) -> JsResult {
    let a = assessment_arg(assessment)?;
    let rating = rating_arg(rating, "rating")?;
    let percent = if percent.is_undefined() || percent.is_null() {
        None
    } else {
        match percent.as_f64() {
            Some(f) if f.fract() == 0.0 && (0.0..=255.0).contains(&f) => Some(f as u8),
            _ => {
                return Err(thrown(cqc::Error::InvalidPercent {
                    path: "percent".into(),
                    value: repr(percent),
                }))
            }
        }
    };
    to_js(&cqc::check_published(&a, rating, percent).map_err(thrown)?)
}

/// The rating and published percentage of `total` points over `assessed` statements, or
/// `null` where no scores give that total (below 1 or above 4 per statement, or 0 or more than
/// 9 statements).
#[wasm_bindgen(js_name = ratingForTotal)]
pub fn rating_for_total(total: &JsValue, assessed: &JsValue) -> JsResult {
    let total = whole_number_arg(total, "total")?;
    let assessed = whole_number_arg(assessed, "assessed")?;
    match cqc::rating_for_total(total, assessed) {
        Some((rating, percent)) => to_js(&RatingForTotal { rating, percent }),
        None => Ok(JsValue::NULL),
    }
}

/// The rating and published percentage of a total.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub(crate) struct RatingForTotal {
    /// The rating.
    rating: Rating,
    /// The published percentage: 100 × total / maximum, rounded up.
    percent: u8,
}

/// The assessment as the core's normalised document (`{ version, method, scores }` or
/// `evidenceScores`), keyed by statement id: what to store or send to another service.
#[wasm_bindgen(js_name = assessmentDocument)]
pub fn assessment_document(assessment: &JsValue) -> JsResult {
    to_js(&assessment_arg(assessment)?.to_document())
}

/// Ratings of many assessments at once: `scores` is a `Uint8Array` of rows of nine (QS1-QS9,
/// `0` = not assessed), so its length is a multiple of 9. Returns `{ ratings, percents }`, one
/// `Uint8Array` entry per row (rating index 0 inadequate … 3 outstanding, published percentage).
/// The first bad row throws, at `scores[row][column]`. Any other argument, another typed array
/// included, is refused (`invalid_json` at `scores`): converting it here would wrap or truncate
/// values (NaN would become 0, "not assessed").
#[wasm_bindgen(js_name = rateMany)]
pub fn rate_many(scores: &JsValue) -> JsResult {
    let array = scores.dyn_ref::<Uint8Array>().ok_or_else(|| {
        thrown(cqc::Error::InvalidJson {
            path: "scores".into(),
            message: not_a_uint8_array(scores),
        })
    })?;
    let data = array.to_vec();
    let rows = data.len() / 9;
    let mut ratings = vec![0u8; rows];
    let mut percents = vec![0u8; rows];
    cqc::rate_batch(&data, &mut ratings, &mut percents).map_err(thrown)?;
    let out = Object::new();
    Reflect::set(&out, &"ratings".into(), &Uint8Array::from(&ratings[..]))?;
    Reflect::set(&out, &"percents".into(), &Uint8Array::from(&percents[..]))?;
    Ok(out.into())
}

/// What `rateMany` says of an argument that is not a `Uint8Array`: which typed array or buffer
/// it is, and what to pass instead.
fn not_a_uint8_array(value: &JsValue) -> String {
    const WANTED: &str =
        "rateMany takes a Uint8Array of rows of nine scores (a multiple of 9 values, 0 = not assessed)";
    if js_sys::ArrayBuffer::is_view(value) {
        let name = Reflect::get(value, &"constructor".into())
            .and_then(|c| Reflect::get(&c, &"name".into()))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_else(|| "typed array".into());
        format!(
            "{WANTED}, got a {name}: other typed arrays are not converted, since a conversion \
             would wrap or truncate values; copy the scores (whole numbers 0-4) into a Uint8Array"
        )
    } else if value.is_instance_of::<js_sys::ArrayBuffer>() {
        format!("{WANTED}, got an ArrayBuffer: pass new Uint8Array(buffer)")
    } else if Array::is_array(value) {
        format!(
            "{WANTED}, got an array: copy the scores (whole numbers 0-4, row after row) into a \
             Uint8Array, or rate each row with rate()"
        )
    } else {
        format!("{WANTED}, got {}", repr(value))
    }
}
