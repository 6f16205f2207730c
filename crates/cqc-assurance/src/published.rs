//! Published results of councils' assessments, joined to the 153 councils: the bundled
//! dataset or one read from a CSV of the same format, look-up by name or ONS code, the current
//! result and the history of each council, distributions and rating counts nationally, by
//! region and by type of council, and where a set of scores would rank.

mod councils;
mod csv_format;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::check::{check_published, check_published_percent, Finding, PublishedCheck};
use crate::error::{Error, Result};
use crate::framework::QualityStatement;
use crate::score::{Rating, Score};

pub use councils::{
    councils, find_council_reference, Council, CouncilType, Region, COUNCILS_CSV,
    COUNCIL_ALIASES_CSV,
};
pub use csv_format::PUBLISHED_CSV_COLUMNS;

/// The bundled CSV: every assessment result found for the 153 councils (and a row for each
/// council with none), with its sources; the format is [`PUBLISHED_CSV_COLUMNS`].
pub const BUNDLED_CSV: &str = include_str!("../data/la_published_results.csv");

/// Where the bundled data comes from, its format, its licence and what to know about it.
pub const PROVENANCE: &str = include_str!("../data/README.md");

/// What kind of assessment a result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssessmentKind {
    /// One of the five pilot assessments of 2023: an indicative rating, not a formal one.
    Pilot,
    /// A council's first formal assessment (CQC's baselining round, December 2023 to 2026).
    Baseline,
    /// A later formal assessment, after the baseline.
    Reassessment,
}

impl AssessmentKind {
    /// The id as in the CSV and JSON (`pilot`, `baseline`, `reassessment`).
    pub fn id(self) -> &'static str {
        match self {
            AssessmentKind::Pilot => "pilot",
            AssessmentKind::Baseline => "baseline",
            AssessmentKind::Reassessment => "reassessment",
        }
    }
}

/// How precisely a date is known: a publication date of the published results, or a recorded
/// date of a real assessment (the timeline's recorded cases).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// The day (`YYYY-MM-DD`).
    Day,
    /// The week commencing the date given (its five working days, Monday to Friday).
    Week,
    /// The month only (`YYYY-MM`).
    Month,
    /// No date was found.
    Unknown,
}

impl DatePrecision {
    /// The id as in the CSV and JSON (`day`, `week`, `month`, `unknown`).
    pub fn id(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Unknown => "unknown",
        }
    }
}

/// What kind of source a result's figures rest on (its first source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// CQC's own pages: a report, a press release (or a copy of the press release elsewhere).
    Cqc,
    /// The council: its news pages, committee papers and minutes.
    Council,
    /// Local or trade press, and other third-party articles.
    Press,
    /// A third party's automated scrape of CQC's pages.
    Scrape,
}

impl SourceKind {
    /// The id as in the CSV and JSON (`cqc`, `council`, `press`, `scrape`).
    pub fn id(self) -> &'static str {
        match self {
            SourceKind::Cqc => "cqc",
            SourceKind::Council => "council",
            SourceKind::Press => "press",
            SourceKind::Scrape => "scrape",
        }
    }
}

/// Whether an overall percentage is stated by a source or computed from the scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PercentBasis {
    /// A source states it (and it is checked against the scores and the rating).
    Stated,
    /// Computed from the nine scores by CQC's rule (rounded up).
    Computed,
}

impl PercentBasis {
    /// The id as in the CSV and JSON (`stated`, `computed`).
    pub fn id(self) -> &'static str {
        match self {
            PercentBasis::Stated => "stated",
            PercentBasis::Computed => "computed",
        }
    }
}

/// One row of the dataset: one assessment of a council, or the council's row saying that no
/// published assessment was found (`assessment_kind` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct PublishedResult {
    /// The council's ONS GSS code.
    pub gss_code: String,
    /// The council's name (as in the reference table, [`councils`]).
    pub council: String,
    /// The council's region.
    pub region: Region,
    /// The kind of council.
    pub council_type: CouncilType,
    /// The kind of assessment; `None` for a council with no published assessment found.
    pub assessment_kind: Option<AssessmentKind>,
    /// When the result was published: `YYYY-MM-DD` or `YYYY-MM` where only the month is known.
    pub published: Option<String>,
    /// How precisely `published` is known; `None` for a council with no assessment.
    pub published_precision: Option<DatePrecision>,
    /// The nine statement scores in CQC's order, where a source states them.
    pub scores: Option<[Score; 9]>,
    /// Total of the nine scores, where stated.
    pub total: Option<u32>,
    /// Statements scored (9), where the scores are stated.
    pub assessed: Option<u32>,
    /// The overall percentage: as a source states it, otherwise computed from the scores.
    pub percent: Option<u8>,
    /// Whether `percent` is stated or computed.
    pub percent_basis: Option<PercentBasis>,
    /// The published overall rating; `None` where no source found states it.
    pub rating: Option<Rating>,
    /// The kind of the source the figures are taken from (the first of `sources`).
    pub source_kind: Option<SourceKind>,
    /// Where the figures come from (one or more addresses, the first one used).
    pub sources: Vec<String>,
    /// The address of CQC's report, where known.
    pub cqc_report_url: Option<String>,
    /// What to know about the record (conflicting sources, pilot status).
    pub note: Option<String>,
    /// A pilot assessment (2023): indicative rating and scores, not a formal rating.
    pub pilot: bool,
    /// Whether this is the council's current result: its latest formal assessment (a
    /// reassessment over the baseline), else its pilot, else its row without an assessment.
    pub current: bool,
}

impl PublishedResult {
    /// The scores as an [`Assessment`], where published.
    pub fn assessment(&self) -> Option<Assessment> {
        self.scores
            .and_then(|s| Assessment::from_score_array(s.map(Some)).ok())
    }

    /// The overall percentage a source states, if any.
    pub fn stated_percent(&self) -> Option<u8> {
        self.percent
            .filter(|_| self.percent_basis == Some(PercentBasis::Stated))
    }

    /// Checks the published rating (and a stated percentage) against the published scores,
    /// where both the scores and the rating are published.
    pub fn check(&self) -> Option<PublishedCheck> {
        let rating = self.rating?;
        self.assessment()
            .and_then(|a| check_published(&a, rating, self.stated_percent()).ok())
    }

    /// Every inconsistency of the record with CQC's method: the scores against the rating and
    /// a stated percentage; without scores, a stated percentage against the rating's band and
    /// the percentages nine scores can give.
    pub fn findings(&self) -> Vec<Finding> {
        if let Some(check) = self.check() {
            return check.findings;
        }
        let Some(p) = self.stated_percent() else {
            return Vec::new();
        };
        if let Some(a) = self.assessment() {
            // Scores and a stated percentage but no rating: only the percentage to compare.
            let computed = crate::rating::rate(&a);
            return (computed.percent != p)
                .then(|| Finding {
                    kind: crate::check::FindingKind::PercentMismatch,
                    message: format!(
                        "the scores give {}% but {p}% is published",
                        computed.percent
                    ),
                })
                .into_iter()
                .collect();
        }
        check_published_percent(self.rating, p, 9).unwrap_or_default()
    }

    /// Total of the nine scores, where published.
    pub fn total(&self) -> Option<u32> {
        self.scores
            .map(|s| s.iter().map(|x| u32::from(x.get())).sum())
    }

    /// The first day `published` can mean, as `YYYY-MM-DD`: the day itself, the Monday of a
    /// week, the first of a month known only by its month (`published_precision` says which).
    /// What a table column of dates holds for the record.
    ///
    /// ```
    /// let data = cqc_assurance::PublishedDataset::bundled();
    /// let barnet = data.find("Barnet").unwrap();
    /// assert_eq!(barnet.published.as_deref(), Some("2025-01"));
    /// assert_eq!(barnet.published_from().as_deref(), Some("2025-01-01"));
    /// ```
    pub fn published_from(&self) -> Option<String> {
        let date = self.published.as_deref()?;
        Some(match date.len() {
            7 => format!("{date}-01"),
            _ => date.to_string(),
        })
    }

    /// Whether the row records an assessment (rather than saying none was found).
    pub fn is_assessment(&self) -> bool {
        self.assessment_kind.is_some()
    }
}

/// How the councils compared scored one statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct StatementDistribution {
    /// The statement.
    pub statement: QualityStatement,
    /// Number of councils scored 1, 2, 3 and 4.
    pub counts: [u32; 4],
    /// Councils with a score for the statement.
    pub councils: u32,
    /// Mean score (0 when no council is compared).
    pub mean: f64,
}

/// The statement distributions of one group of councils (a region).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct GroupDistribution {
    /// The region, or `None` for England.
    pub region: Option<Region>,
    /// The kind of council, or `None` for every kind.
    pub council_type: Option<CouncilType>,
    /// Councils of the group with nine published scores (current assessment).
    pub councils: u32,
    /// Each statement, in CQC's order.
    pub statements: Vec<StatementDistribution>,
}

/// A group of councils to compare with: England, a region, or the councils of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeerGroup {
    /// All 153 councils.
    England,
    /// The councils of a region.
    Region(Region),
    /// The councils of one kind (all London boroughs, all counties...).
    CouncilType(CouncilType),
}

impl PeerGroup {
    /// The three groups a council belongs to: England, its region, its kind.
    pub fn of(council: &Council) -> [PeerGroup; 3] {
        [
            PeerGroup::England,
            PeerGroup::Region(council.region),
            PeerGroup::CouncilType(council.council_type),
        ]
    }

    /// The group in words: `England`, `North West`, `metropolitan districts`.
    pub fn label(self) -> &'static str {
        match self {
            PeerGroup::England => "England",
            PeerGroup::Region(r) => r.label(),
            PeerGroup::CouncilType(t) => t.plural(),
        }
    }

    /// Whether a record's council is in the group.
    pub fn contains(self, record: &PublishedResult) -> bool {
        match self {
            PeerGroup::England => true,
            PeerGroup::Region(r) => record.region == r,
            PeerGroup::CouncilType(t) => record.council_type == t,
        }
    }

    fn region(self) -> Option<Region> {
        match self {
            PeerGroup::Region(r) => Some(r),
            _ => None,
        }
    }

    fn council_type(self) -> Option<CouncilType> {
        match self {
            PeerGroup::CouncilType(t) => Some(t),
            _ => None,
        }
    }
}

/// Where a set of scores would be placed among the councils of a group with nine published
/// scores (the current assessment of each), by overall percentage compared exactly.
///
/// Ties never count in the council's favour: `rank` is the **lowest** position of the tie
/// group, 1 + the councils with a higher percentage + the councils with the same one, out of
/// `out_of` = the councils compared + the one placed; `best_rank` (1 + higher) is the highest,
/// so a council level with 5 others is shown as "56th-61st". `percentile` is the share of the
/// councils compared that have a strictly lower percentage, 100 × lower ÷ councils (0 when none
/// is compared): consistent with `rank`, as `lower` = `out_of` − `rank`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct Ranking {
    /// The region compared within, or `None`.
    pub region: Option<Region>,
    /// The kind of council compared within, or `None`.
    pub council_type: Option<CouncilType>,
    /// The lowest position of the tie group: 1 + higher + equal.
    pub rank: u32,
    /// The highest position of the tie group: 1 + higher.
    pub best_rank: u32,
    /// Positions in all: the councils compared and the one placed.
    pub out_of: u32,
    /// Councils compared.
    pub councils: u32,
    /// Councils with a higher percentage.
    pub higher: u32,
    /// Councils with the same percentage.
    pub equal: u32,
    /// Councils with a lower percentage.
    pub lower: u32,
    /// Share of the councils compared with a strictly lower percentage, in per cent.
    pub percentile: f64,
}

impl Ranking {
    /// The position in words: `12th of 80` or, with ties, `56th-61st of 80`.
    ///
    /// ```
    /// use cqc_assurance::{Assessment, PublishedDataset};
    /// let best = PublishedDataset::bundled().rank(&Assessment::from_scores(&[4; 9]).unwrap());
    /// assert!(best.position().starts_with("1st of "));
    /// ```
    pub fn position(&self) -> String {
        if self.best_rank == self.rank {
            format!("{} of {}", ordinal(self.rank), self.out_of)
        } else {
            format!(
                "{}-{} of {}",
                ordinal(self.best_rank),
                ordinal(self.rank),
                self.out_of
            )
        }
    }

    /// The group compared with.
    pub fn group(&self) -> PeerGroup {
        match (self.region, self.council_type) {
            (Some(r), _) => PeerGroup::Region(r),
            (None, Some(t)) => PeerGroup::CouncilType(t),
            (None, None) => PeerGroup::England,
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, `11th`, `21st`...
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A council's position nationally, within its region and among councils of its kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct CouncilRankings {
    /// The council placed (never compared with itself).
    pub gss_code: String,
    /// Its name.
    pub council: String,
    /// Among all councils with nine published scores.
    pub england: Ranking,
    /// Within its region.
    pub region: Ranking,
    /// Among councils of its kind.
    pub council_type: Ranking,
}

/// How many councils of a group have each current rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct RatingCounts {
    /// The region, or `None`.
    pub region: Option<Region>,
    /// The kind of council, or `None`.
    pub council_type: Option<CouncilType>,
    /// Councils in the group.
    pub councils: u32,
    /// Councils whose current result is inadequate, requires improvement, good, outstanding.
    pub counts: [u32; 4],
    /// Of those, councils whose only result is a pilot's indicative rating.
    pub pilot: u32,
    /// Councils with a published assessment whose rating no source found states.
    pub rating_unknown: u32,
    /// Councils with no published assessment found.
    pub no_result: u32,
}

/// A record that does not agree with CQC's method, with every finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inconsistency<'a> {
    /// The record.
    pub record: &'a PublishedResult,
    /// Every inconsistency found.
    pub findings: Vec<Finding>,
    /// The full check (with candidate misprints), where the scores are published.
    pub check: Option<PublishedCheck>,
}

/// A set of published results, one row per assessment (and per council without one), joined
/// to the 153 councils: the bundled one, or one read from a CSV of the same format.
///
/// ```
/// use cqc_assurance::{PublishedDataset, Rating, Region};
/// let data = PublishedDataset::bundled();
/// let camden = data.find("London Borough of Camden").unwrap();
/// assert_eq!(camden.rating, Some(Rating::Outstanding));
/// assert_eq!(data.find("Windsor & Maidenhead").unwrap().council, "Windsor and Maidenhead");
/// assert_eq!(data.find("Durham County Council").unwrap().council, "County Durham");
/// // Every council is there, with or without a result.
/// let manchester = data.find("Manchester").unwrap();
/// assert_eq!((manchester.region, manchester.assessment_kind), (Region::NorthWest, None));
/// assert_eq!(data.current().count(), 153);
/// // Nottingham: the 2023 pilot and the formal report that replaced it.
/// let nottingham = data.history("Nottingham City Council").unwrap();
/// assert_eq!(nottingham.len(), 2);
/// assert!(nottingham[0].pilot && !nottingham[0].current && nottingham[1].current);
/// assert_eq!(data.find("Narnia").unwrap_err().code(), "unknown_council");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedDataset {
    records: Vec<PublishedResult>,
}

impl PublishedDataset {
    /// The dataset bundled with the library (see [`PROVENANCE`]).
    pub fn bundled() -> &'static PublishedDataset {
        static DATA: OnceLock<PublishedDataset> = OnceLock::new();
        DATA.get_or_init(|| PublishedDataset {
            // The bundled file is checked whole by the test suite (it reads without a problem
            // and gives these records): it is read as written.
            records: csv_format::read_bundled(BUNDLED_CSV),
        })
    }

    /// Reads a CSV in the bundled file's format ([`PUBLISHED_CSV_COLUMNS`], as written by
    /// [`PublishedDataset::to_csv`]); the first problem is the error. Records whose figures
    /// disagree with the method are kept, not dropped: [`PublishedDataset::inconsistencies`]
    /// reports them.
    pub fn from_csv(text: &str) -> Result<PublishedDataset> {
        let (data, mut errors) = PublishedDataset::from_csv_lenient(text);
        if errors.is_empty() {
            Ok(data)
        } else {
            Err(errors.remove(0))
        }
    }

    /// Reads a CSV in the bundled file's format, keeping every good row and returning an
    /// error (`invalid_csv`, at `line N: column`) for every problem of every bad row. Councils
    /// the file has no row for get a row saying no assessment was found.
    ///
    /// ```
    /// use cqc_assurance::PublishedDataset;
    /// let mut csv = PublishedDataset::bundled().to_csv();
    /// // Manchester's result comes out: fill in its row (as a person would in a spreadsheet).
    /// let row = csv.lines().find(|l| l.starts_with("E08000003,")).unwrap().to_string();
    /// let filled = "E08000003,Manchester,North West,metropolitan district,baseline,2026-07,,\
    ///               3,3,3,2,3,3,3,3,3,,,,,Good,press,https://example.org/manchester,,";
    /// csv = csv.replace(&row, filled);
    /// let (data, errors) = PublishedDataset::from_csv_lenient(&csv);
    /// assert!(errors.is_empty(), "{errors:?}");
    /// let m = data.find("Manchester").unwrap();
    /// assert_eq!((m.total, m.percent), (Some(26), Some(73)));
    /// // A bad value is reported at its line and column, and its row left out.
    /// let bad = csv.replace(filled, &filled.replace(",3,3,2,", ",3,7,2,"));
    /// let (_, errors) = PublishedDataset::from_csv_lenient(&bad);
    /// assert_eq!(errors[0].path(), Some(format!("line {}: qs3", 1 + csv.lines().position(|l| l == filled).unwrap()).as_str()));
    /// ```
    pub fn from_csv_lenient(text: &str) -> (PublishedDataset, Vec<Error>) {
        let (records, errors) = csv_format::read(text);
        (PublishedDataset { records }, errors)
    }

    /// Writes the dataset in the format [`PublishedDataset::from_csv`] reads (the bundled
    /// file's): one row per record, every derived column filled in.
    pub fn to_csv(&self) -> String {
        csv_format::write(&self.records)
    }

    /// Every row: each assessment, and a row for each council without one, in file order.
    pub fn records(&self) -> &[PublishedResult] {
        &self.records
    }

    /// Every assessment (the rows for councils without one left out).
    pub fn assessments(&self) -> impl Iterator<Item = &PublishedResult> {
        self.records.iter().filter(|r| r.is_assessment())
    }

    /// One row per council (153): its current result, or its row without an assessment.
    pub fn current(&self) -> impl Iterator<Item = &PublishedResult> {
        self.records.iter().filter(|r| r.current)
    }

    /// The current results with all nine scores: what rankings and distributions compare
    /// (one assessment per council: its latest formal one, else its pilot).
    pub fn scored(&self) -> impl Iterator<Item = &PublishedResult> {
        self.current().filter(|r| r.scores.is_some())
    }

    /// A council from the reference table, by GSS code or any usual spelling (see
    /// [`find_council_reference`]).
    pub fn council(&self, name_or_code: &str) -> Result<&'static Council> {
        find_council_reference(name_or_code)
    }

    /// The current result of a council, found by GSS code or any usual spelling of its name
    /// ("St. Helens", "Bristol, City of", "Kingston upon Hull", "Manchester City Council"); for
    /// a council with no published assessment, its row saying so.
    pub fn find(&self, name_or_code: &str) -> Result<&PublishedResult> {
        let council = find_council_reference(name_or_code)?;
        self.current()
            .find(|r| r.gss_code == council.gss_code)
            .ok_or_else(|| Error::UnknownCouncil {
                input: name_or_code.to_string(),
                suggestions: Vec::new(),
            })
    }

    /// Every assessment of a council, oldest first (pilot, baseline, reassessments); empty
    /// when none was found.
    pub fn history(&self, name_or_code: &str) -> Result<Vec<&PublishedResult>> {
        let council = find_council_reference(name_or_code)?;
        let mut out: Vec<&PublishedResult> = self
            .assessments()
            .filter(|r| r.gss_code == council.gss_code)
            .collect();
        out.sort_by(|a, b| {
            (a.assessment_kind, a.published.as_deref())
                .cmp(&(b.assessment_kind, b.published.as_deref()))
        });
        Ok(out)
    }

    /// How the councils with nine published scores (current assessment) scored each
    /// statement.
    pub fn statement_distribution(&self) -> Vec<StatementDistribution> {
        self.statement_distribution_in(PeerGroup::England)
    }

    /// How the councils of a group with nine published scores scored each statement.
    pub fn statement_distribution_in(&self, group: PeerGroup) -> Vec<StatementDistribution> {
        QualityStatement::ALL
            .into_iter()
            .map(|qs| {
                let mut counts = [0u32; 4];
                for r in self.scored().filter(|r| group.contains(r)) {
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

    /// Each statement's distribution in each of the nine regions, in ONS order.
    ///
    /// ```
    /// use cqc_assurance::{PublishedDataset, Region};
    /// let by_region = PublishedDataset::bundled().statement_distribution_by_region();
    /// let nw = by_region.iter().find(|g| g.region == Some(Region::NorthWest)).unwrap();
    /// assert!(nw.statements.iter().all(|s| s.councils == nw.councils));
    /// ```
    pub fn statement_distribution_by_region(&self) -> Vec<GroupDistribution> {
        Region::ALL
            .into_iter()
            .map(|region| {
                let group = PeerGroup::Region(region);
                GroupDistribution {
                    region: Some(region),
                    council_type: None,
                    councils: self.scored().filter(|r| group.contains(r)).count() as u32,
                    statements: self.statement_distribution_in(group),
                }
            })
            .collect()
    }

    /// Number of councils whose current result has each rating, worst first (pilot
    /// indicative ratings included; councils with no known rating left out).
    pub fn rating_counts(&self) -> [(Rating, u32); 4] {
        let c = self.rating_counts_in(PeerGroup::England);
        let mut i = 0;
        Rating::ALL.map(|r| {
            i += 1;
            (r, c.counts[i - 1])
        })
    }

    /// How many councils of a group have each current rating, how many of those ratings are
    /// a pilot's, and how many councils have no known rating or no result.
    pub fn rating_counts_in(&self, group: PeerGroup) -> RatingCounts {
        let mut out = RatingCounts {
            region: group.region(),
            council_type: group.council_type(),
            councils: 0,
            counts: [0; 4],
            pilot: 0,
            rating_unknown: 0,
            no_result: 0,
        };
        for r in self.current().filter(|r| group.contains(r)) {
            out.councils += 1;
            match (r.assessment_kind, r.rating) {
                (None, _) => out.no_result += 1,
                (Some(_), None) => out.rating_unknown += 1,
                (Some(kind), Some(rating)) => {
                    let i = Rating::ALL.iter().position(|x| *x == rating).unwrap_or(0);
                    out.counts[i] += 1;
                    if kind == AssessmentKind::Pilot {
                        out.pilot += 1;
                    }
                }
            }
        }
        out
    }

    /// Rating counts in each region, in ONS order.
    pub fn rating_counts_by_region(&self) -> Vec<RatingCounts> {
        Region::ALL
            .into_iter()
            .map(|r| self.rating_counts_in(PeerGroup::Region(r)))
            .collect()
    }

    /// Rating counts for each kind of council.
    pub fn rating_counts_by_type(&self) -> Vec<RatingCounts> {
        CouncilType::ALL
            .into_iter()
            .map(|t| self.rating_counts_in(PeerGroup::CouncilType(t)))
            .collect()
    }

    /// Where an assessment's overall percentage would be placed among all councils with nine
    /// published scores (see [`Ranking`] for ties and the percentile).
    ///
    /// ```
    /// use cqc_assurance::{Assessment, PublishedDataset};
    /// let data = PublishedDataset::bundled();
    /// let r = data.rank(&Assessment::from_scores(&[4; 9]).unwrap());
    /// assert_eq!((r.rank, r.best_rank, r.higher), (1, 1, 0));
    /// // Camden's 32/36 is shared by Kensington and Chelsea: placed with the same scores, a
    /// // council would be 1st-3rd, reported as 3rd.
    /// let camden = data.find("Camden").unwrap().assessment().unwrap();
    /// let r = data.rank(&camden);
    /// assert_eq!((r.best_rank, r.rank, r.out_of - r.councils), (1, 3, 1));
    /// ```
    pub fn rank(&self, assessment: &Assessment) -> Ranking {
        self.rank_in(assessment, PeerGroup::England)
    }

    /// Where an assessment would be placed among the councils of a group with nine published
    /// scores.
    pub fn rank_in(&self, assessment: &Assessment, group: PeerGroup) -> Ranking {
        self.rank_among(assessment, group, None)
    }

    /// Where a council's assessment would be placed nationally, in its region and among
    /// councils of its kind, never compared with the council's own published result.
    ///
    /// ```
    /// use cqc_assurance::{find_council_reference, Assessment, PublishedDataset};
    /// let data = PublishedDataset::bundled();
    /// let sefton = find_council_reference("Sefton").unwrap();
    /// let r = data.rankings_for(&Assessment::from_scores(&[3; 9]).unwrap(), sefton);
    /// assert_eq!(r.region.region, Some(sefton.region));
    /// assert!(r.region.councils < r.england.councils);
    /// ```
    pub fn rankings_for(&self, assessment: &Assessment, council: &Council) -> CouncilRankings {
        let [england, region, kind] =
            PeerGroup::of(council).map(|g| self.rank_among(assessment, g, Some(&council.gss_code)));
        CouncilRankings {
            gss_code: council.gss_code.clone(),
            council: council.name.clone(),
            england,
            region,
            council_type: kind,
        }
    }

    /// A council's current published scores placed among the other councils nationally, in
    /// its region and among councils of its kind; `None` when its scores are not published.
    pub fn council_rankings(&self, name_or_code: &str) -> Result<Option<CouncilRankings>> {
        let council = find_council_reference(name_or_code)?;
        let record = self.find(&council.gss_code)?;
        Ok(record.assessment().map(|a| self.rankings_for(&a, council)))
    }

    fn rank_among(
        &self,
        assessment: &Assessment,
        group: PeerGroup,
        exclude: Option<&str>,
    ) -> Ranking {
        let (t, m) = (u64::from(assessment.total()), u64::from(assessment.max()));
        let (mut higher, mut equal, mut lower) = (0u32, 0u32, 0u32);
        let compared = self
            .scored()
            .filter(|r| group.contains(r) && Some(r.gss_code.as_str()) != exclude);
        for total in compared.filter_map(PublishedResult::total) {
            // Compare total/36 with t/m as fractions.
            match (u64::from(total) * m).cmp(&(t * 36)) {
                std::cmp::Ordering::Greater => higher += 1,
                std::cmp::Ordering::Equal => equal += 1,
                std::cmp::Ordering::Less => lower += 1,
            }
        }
        let councils = higher + equal + lower;
        Ranking {
            region: group.region(),
            council_type: group.council_type(),
            rank: 1 + higher + equal,
            best_rank: 1 + higher,
            out_of: councils + 1,
            councils,
            higher,
            equal,
            lower,
            percentile: if councils == 0 {
                0.0
            } else {
                100.0 * f64::from(lower) / f64::from(councils)
            },
        }
    }

    /// The records with scores and a rating whose rating (or stated percentage) does not
    /// follow from the scores, with their checks (every assessment, history included).
    pub fn conflicts(&self) -> Vec<(&PublishedResult, PublishedCheck)> {
        self.records
            .iter()
            .filter_map(|r| r.check().filter(|c| !c.consistent).map(|c| (r, c)))
            .collect()
    }

    /// Every record that disagrees with CQC's method, with all its findings: scores against
    /// the rating and a stated percentage, and, without scores, a stated percentage against
    /// the rating's band (history included).
    pub fn inconsistencies(&self) -> Vec<Inconsistency<'_>> {
        self.records
            .iter()
            .filter_map(|record| {
                let findings = record.findings();
                (!findings.is_empty()).then(|| Inconsistency {
                    record,
                    check: record.check(),
                    findings,
                })
            })
            .collect()
    }
}

/// The bundled published results (shorthand for `PublishedDataset::bundled().records()`).
pub fn published_results() -> &'static [PublishedResult] {
    PublishedDataset::bundled().records()
}

/// Finds a council's current result in the bundled dataset, by GSS code or any usual spelling
/// of its name; for a council with no published assessment, its row saying so.
///
/// ```
/// let liverpool = cqc_assurance::find_council("Liverpool City Council").unwrap();
/// assert_eq!(liverpool.rating.unwrap().as_str(), "good");
/// let manchester = cqc_assurance::find_council("Manchester").unwrap();
/// assert_eq!((manchester.gss_code.as_str(), manchester.rating), ("E08000003", None));
/// ```
pub fn find_council(name_or_code: &str) -> Result<&'static PublishedResult> {
    PublishedDataset::bundled().find(name_or_code)
}

/// Where an assessment would be placed among the bundled published results (nationally).
pub fn rank_among_published(assessment: &Assessment) -> Ranking {
    PublishedDataset::bundled().rank(assessment)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_file_reads_without_errors_and_joins_every_council() {
        let (data, errors) = PublishedDataset::from_csv_lenient(BUNDLED_CSV);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(data.current().count(), 153);
        let mut codes: Vec<&str> = data.current().map(|r| r.gss_code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 153);
        // Rows in the file: one per assessment and one per council without one.
        assert_eq!(data.records().len(), BUNDLED_CSV.lines().count() - 1);
        // The file is written exactly as `to_csv` writes it, and the quick reader of the
        // bundled file gives the same records as the checking one.
        assert_eq!(data.to_csv(), BUNDLED_CSV);
        assert_eq!(PublishedDataset::bundled(), &data);
    }

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 56, 61, 101, 111, 112]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "56th",
                "61st", "101st", "111th", "112th"
            ]
        );
    }
}
