//! Published results of councils: the bundled dataset, look-up by name, national distributions
//! and where a set of scores would rank.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::check::{check_published, PublishedCheck};
use crate::error::{Error, Result};
use crate::framework::{normalise_name, QualityStatement};
use crate::score::{Rating, Score};

/// The bundled CSV: 79 councils' published results, each with its source.
pub const BUNDLED_CSV: &str = include_str!("../data/la_published_results.csv");

/// Where the bundled data comes from and what to know about it.
pub const PROVENANCE: &str = include_str!("../data/README.md");

/// One council's published result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedResult {
    /// The council's name as published (without "Council", "City of" and the like).
    pub council: String,
    /// When the result was published: `YYYY-MM-DD` or `YYYY-MM` where only the month is known.
    pub published: Option<String>,
    /// The nine statement scores in CQC's order, where published.
    pub scores: Option<[Score; 9]>,
    /// The published overall rating.
    pub rating: Rating,
    /// Where the figures come from (one or more addresses).
    pub sources: Vec<String>,
    /// What to know about the record (conflicting sources, pilot status).
    pub note: Option<String>,
    /// A pilot assessment (2023): indicative rating and scores, not a formal rating.
    pub pilot: bool,
}

impl PublishedResult {
    /// The scores as an [`Assessment`], where published.
    pub fn assessment(&self) -> Option<Assessment> {
        self.scores
            .and_then(|s| Assessment::from_score_array(s.map(Some)).ok())
    }

    /// Checks the published rating against the published scores, where published.
    pub fn check(&self) -> Option<PublishedCheck> {
        self.assessment()
            .and_then(|a| check_published(&a, self.rating, None).ok())
    }

    /// Total of the nine scores, where published.
    pub fn total(&self) -> Option<u32> {
        self.scores
            .map(|s| s.iter().map(|x| u32::from(x.get())).sum())
    }
}

/// How the published councils scored one statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementDistribution {
    /// The statement.
    pub statement: QualityStatement,
    /// Number of councils scored 1, 2, 3 and 4.
    pub counts: [u32; 4],
    /// Councils with a score for the statement.
    pub councils: u32,
    /// Mean score.
    pub mean: f64,
}

/// Where a set of scores would sit among the published councils with nine scores, by overall
/// percentage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ranking {
    /// 1 + the number of councils with a higher percentage (ties share a rank).
    pub rank: u32,
    /// Councils compared.
    pub councils: u32,
    /// Councils with a higher percentage.
    pub higher: u32,
    /// Councils with the same percentage.
    pub equal: u32,
    /// Councils with a lower percentage.
    pub lower: u32,
    /// Percentage of councils below, counting ties as half: 100 × (lower + equal / 2) ÷ councils.
    pub percentile: f64,
}

/// A set of published results: the bundled one, or one read from a CSV of the same columns.
///
/// ```
/// use cqc_assurance::{PublishedDataset, Rating};
/// let data = PublishedDataset::bundled();
/// let camden = data.find("London Borough of Camden").unwrap();
/// assert_eq!(camden.rating, Rating::Outstanding);
/// assert_eq!(data.find("Windsor & Maidenhead").unwrap().council, "Windsor and Maidenhead");
/// assert_eq!(data.find("Durham County Council").unwrap().council, "County Durham");
/// assert_eq!(data.find("Narnia").unwrap_err().code(), "unknown_council");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedDataset {
    records: Vec<PublishedResult>,
}

const COLUMNS: [&str; 14] = [
    "council",
    "published",
    "qs1",
    "qs2",
    "qs3",
    "qs4",
    "qs5",
    "qs6",
    "qs7",
    "qs8",
    "qs9",
    "overall_rating",
    "source_url",
    "note",
];

/// Words dropped when matching council names.
const NAME_NOISE: [&str; 11] = [
    "council",
    "city",
    "of",
    "the",
    "borough",
    "london",
    "county",
    "metropolitan",
    "royal",
    "district",
    "lb",
];

fn council_key(name: &str) -> String {
    normalise_name(name)
        .split(' ')
        .filter(|w| !NAME_NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl PublishedDataset {
    /// The dataset bundled with the library (see [`PROVENANCE`]).
    pub fn bundled() -> &'static PublishedDataset {
        static DATA: OnceLock<PublishedDataset> = OnceLock::new();
        DATA.get_or_init(|| {
            // The bundled file is checked by the test suite; a bad row there is a build defect,
            // and the rows that do parse are still served.
            let (data, _errors) = PublishedDataset::from_csv_lenient(BUNDLED_CSV);
            data
        })
    }

    /// Reads a CSV with the bundled file's columns; the first bad row is an error.
    pub fn from_csv(text: &str) -> Result<PublishedDataset> {
        let (data, mut errors) = PublishedDataset::from_csv_lenient(text);
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors.remove(0))
        }
    }

    /// Reads a CSV with the bundled file's columns, keeping every good row and returning an
    /// error (with line and field) for each bad one.
    pub fn from_csv_lenient(text: &str) -> (PublishedDataset, Vec<Error>) {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut errors = Vec::new();
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
            Err(e) => {
                errors.push(csv_error(1, "header", &e.to_string()));
                return (PublishedDataset { records: vec![] }, errors);
            }
        };
        let mut index = [0usize; 14];
        for (i, col) in COLUMNS.iter().enumerate() {
            match header.iter().position(|h| h == col) {
                Some(p) => index[i] = p,
                None => {
                    errors.push(csv_error(1, col, "column missing from the header"));
                }
            }
        }
        if !errors.is_empty() {
            return (PublishedDataset { records: vec![] }, errors);
        }
        let mut records = Vec::new();
        for row in reader.records() {
            let row = match row {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    errors.push(csv_error(line, "row", &e.to_string()));
                    continue;
                }
            };
            let line = row.position().map_or(0, |p| p.line());
            let get = |i: usize| row.get(index[i]).unwrap_or("").trim();
            match parse_row(&get, line) {
                Ok(r) => records.push(r),
                Err(e) => errors.push(e),
            }
        }
        (PublishedDataset { records }, errors)
    }

    /// Every record, in file order.
    pub fn records(&self) -> &[PublishedResult] {
        &self.records
    }

    /// The records with all nine scores.
    pub fn scored(&self) -> impl Iterator<Item = &PublishedResult> {
        self.records.iter().filter(|r| r.scores.is_some())
    }

    /// Finds a council by name, ignoring case, punctuation, `&` versus `and`, and words such as
    /// "Council", "City of", "London Borough of", "Royal Borough of", "County".
    pub fn find(&self, name: &str) -> Result<&PublishedResult> {
        let key = council_key(name);
        if let Some(r) = self.records.iter().find(|r| council_key(&r.council) == key) {
            return Ok(r);
        }
        let starts: Vec<&PublishedResult> = self
            .records
            .iter()
            .filter(|r| !key.is_empty() && council_key(&r.council).starts_with(&format!("{key} ")))
            .collect();
        if starts.len() == 1 {
            return Ok(starts[0]);
        }
        let first = key.split(' ').next().unwrap_or("");
        // The first three characters (not bytes: a name may be typed in any script).
        let stem = &first[..first.char_indices().nth(3).map_or(first.len(), |(i, _)| i)];
        let suggestions = self
            .records
            .iter()
            .filter(|r| {
                first.len() >= 3
                    && council_key(&r.council)
                        .split(' ')
                        .any(|w| w.starts_with(stem))
            })
            .map(|r| r.council.clone())
            .take(5)
            .collect();
        Err(Error::UnknownCouncil {
            input: name.to_string(),
            suggestions,
        })
    }

    /// How the councils with published scores scored each statement.
    pub fn statement_distribution(&self) -> Vec<StatementDistribution> {
        QualityStatement::ALL
            .into_iter()
            .map(|qs| {
                let mut counts = [0u32; 4];
                for r in self.scored() {
                    if let Some(s) = r.scores {
                        counts[usize::from(s[qs.index()].get()) - 1] += 1;
                    }
                }
                let councils: u32 = counts.iter().sum();
                let sum: u32 = counts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i as u32 + 1) * c)
                    .sum();
                StatementDistribution {
                    statement: qs,
                    counts,
                    councils,
                    mean: if councils == 0 {
                        0.0
                    } else {
                        f64::from(sum) / f64::from(councils)
                    },
                }
            })
            .collect()
    }

    /// Number of records with each published rating, worst first.
    pub fn rating_counts(&self) -> [(Rating, u32); 4] {
        Rating::ALL.map(|r| {
            (
                r,
                self.records.iter().filter(|x| x.rating == r).count() as u32,
            )
        })
    }

    /// Where an assessment's overall percentage would rank among the councils with nine
    /// published scores (compared exactly, as fractions).
    ///
    /// ```
    /// use cqc_assurance::{Assessment, PublishedDataset};
    /// let r = PublishedDataset::bundled().rank(&Assessment::from_scores(&[4; 9]).unwrap());
    /// assert_eq!(r.rank, 1);
    /// assert_eq!(r.higher, 0);
    /// ```
    pub fn rank(&self, assessment: &Assessment) -> Ranking {
        let (t, m) = (u64::from(assessment.total()), u64::from(assessment.max()));
        let (mut higher, mut equal, mut lower) = (0u32, 0u32, 0u32);
        for total in self.scored().filter_map(PublishedResult::total) {
            // Compare total/36 with t/m as fractions.
            let lhs = u64::from(total) * m;
            let rhs = t * 36;
            match lhs.cmp(&rhs) {
                std::cmp::Ordering::Greater => higher += 1,
                std::cmp::Ordering::Equal => equal += 1,
                std::cmp::Ordering::Less => lower += 1,
            }
        }
        let councils = higher + equal + lower;
        Ranking {
            rank: higher + 1,
            councils,
            higher,
            equal,
            lower,
            percentile: if councils == 0 {
                0.0
            } else {
                100.0 * (f64::from(lower) + f64::from(equal) / 2.0) / f64::from(councils)
            },
        }
    }

    /// Checks every record with scores; returns the inconsistent ones with their checks.
    pub fn conflicts(&self) -> Vec<(&PublishedResult, PublishedCheck)> {
        self.records
            .iter()
            .filter_map(|r| r.check().filter(|c| !c.consistent).map(|c| (r, c)))
            .collect()
    }
}

fn csv_error(line: u64, field: &str, message: &str) -> Error {
    Error::InvalidCsv {
        path: format!("line {line}: {field}"),
        line,
        message: message.to_string(),
    }
}

fn parse_row<'a>(get: &dyn Fn(usize) -> &'a str, line: u64) -> Result<PublishedResult> {
    let council = get(0).to_string();
    if council.is_empty() {
        return Err(csv_error(line, "council", "council name is empty"));
    }
    let published = match get(1) {
        "" => None,
        d if is_partial_date(d) => Some(d.to_string()),
        d => {
            return Err(csv_error(
                line,
                "published",
                &format!("expected YYYY-MM or YYYY-MM-DD, got {d:?}"),
            ))
        }
    };
    let raw: Vec<&str> = (2..11).map(get).collect();
    let scores = if raw.iter().all(|s| s.is_empty()) {
        None
    } else {
        let mut out = [Score::MIN; 9];
        for (i, s) in raw.iter().enumerate() {
            let field = format!("qs{}", i + 1);
            let v: i64 = s.parse().map_err(|_| {
                csv_error(
                    line,
                    &field,
                    &format!(
                        "score must be a whole number from 1 to 4 (or all nine empty), got {s:?}"
                    ),
                )
            })?;
            out[i] =
                Score::from_i64(v, &field).map_err(|e| csv_error(line, &field, &e.to_string()))?;
        }
        Some(out)
    };
    let rating = Rating::parse(get(11)).map_err(|_| {
        csv_error(
            line,
            "overall_rating",
            &format!("unknown rating {:?}", get(11)),
        )
    })?;
    let sources = get(12)
        .split(" ; ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let note = Some(get(13).to_string()).filter(|s| !s.is_empty());
    let pilot = note
        .as_deref()
        .is_some_and(|n| n.starts_with("Pilot assessment"));
    Ok(PublishedResult {
        council,
        published,
        scores,
        rating,
        sources,
        note,
        pilot,
    })
}

fn is_partial_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.clone().all(|i| b[i].is_ascii_digit());
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// The bundled published results (shorthand for `PublishedDataset::bundled().records()`).
pub fn published_results() -> &'static [PublishedResult] {
    PublishedDataset::bundled().records()
}

/// Finds a council in the bundled published results.
///
/// ```
/// let liverpool = cqc_assurance::find_council("Liverpool City Council").unwrap();
/// assert_eq!(liverpool.rating.as_str(), "good");
/// ```
pub fn find_council(name: &str) -> Result<&'static PublishedResult> {
    PublishedDataset::bundled().find(name)
}

/// Rates where an assessment would rank among the bundled published results.
pub fn rank_among_published(assessment: &Assessment) -> Ranking {
    PublishedDataset::bundled().rank(assessment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_file_parses_without_errors() {
        let (data, errors) = PublishedDataset::from_csv_lenient(BUNDLED_CSV);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(data.records().len(), 79);
        assert_eq!(data.scored().count(), 75);
        assert_eq!(data.records().iter().filter(|r| r.pilot).count(), 2);
    }

    #[test]
    fn bad_rows_are_reported_and_good_rows_kept() {
        let csv = "council,published,qs1,qs2,qs3,qs4,qs5,qs6,qs7,qs8,qs9,overall_rating,source_url,note\n\
                   A,2025-01,2,2,2,2,2,2,2,2,2,Requires improvement,x,\n\
                   B,2025-01,2,2,2,2,7,2,2,2,2,Good,x,\n\
                   C,Jan 2025,,,,,,,,,,Good,x,\n\
                   D,,,,,,,,,,,Brilliant,x,\n\
                   E,,,,,,,,,,,Good,x,\n";
        let (data, errors) = PublishedDataset::from_csv_lenient(csv);
        assert_eq!(data.records().len(), 2);
        let paths: Vec<_> = errors
            .iter()
            .map(|e| e.path().unwrap().to_string())
            .collect();
        assert_eq!(
            paths,
            ["line 3: qs5", "line 4: published", "line 5: overall_rating"]
        );
        assert!(errors.iter().all(|e| e.code() == "invalid_csv"));
    }

    #[test]
    fn lookup_tolerance() {
        let d = PublishedDataset::bundled();
        for (q, want) in [
            (
                "Royal Borough of Kensington & Chelsea",
                "Kensington and Chelsea",
            ),
            ("bristol city council", "Bristol"),
            ("St. Helens", "St Helens"),
            ("southend on sea", "Southend-on-Sea"),
            ("Leicester", "Leicester"),
            ("Leicestershire County Council", "Leicestershire"),
            ("Kensington", "Kensington and Chelsea"),
        ] {
            assert_eq!(d.find(q).unwrap().council, want, "{q}");
        }
        let err = d.find("Liverpol").unwrap_err();
        assert!(err.to_string().contains("Liverpool"), "{err}");
    }
}
