//! An assessment: the scores of the quality statements assessed, under one rating method, and
//! its JSON document form.

use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{join_path, Error, Result};
use crate::framework::{EvidenceCategory, LocalAuthorityUse, QualityStatement};
use crate::json::Object;
use crate::method::RatingMethod;
use crate::score::{published_percent, Rating, Score};

/// The version of the assessment document this library writes and reads.
pub const DOCUMENT_VERSION: u32 = 1;

/// The evidence-category scores of one quality statement (earlier method).
///
/// ```
/// use cqc_assurance::{EvidenceCategory as C, EvidenceScores, Score};
/// let ev = EvidenceScores::from_pairs([
///     (C::PeoplesExperience, Score::new(3).unwrap()),
///     (C::StaffAndLeaders, Score::new(2).unwrap()),
///     (C::Partners, Score::new(3).unwrap()),
///     (C::Processes, Score::new(2).unwrap()),
/// ]).unwrap();
/// // 10 of 16 = 62.5%, rounded up to 63%: a statement score of 3.
/// assert_eq!(ev.percent(), 63);
/// assert_eq!(ev.statement_score().get(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EvidenceScores {
    scores: [Option<Score>; 6],
}

impl EvidenceScores {
    /// Evidence-category scores from pairs. At least one category; no category twice; only
    /// the four categories used for local authorities in the baselining round (observation is
    /// never used, outcomes was not used while the earlier method applied).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (EvidenceCategory, Score)>) -> Result<Self> {
        let mut scores = [None; 6];
        for (category, score) in pairs {
            let path = category.id();
            check_category_used(category, path)?;
            if scores[category.index()].replace(score).is_some() {
                return Err(Error::DuplicateEvidenceCategory {
                    path: path.to_string(),
                    category: category.id().to_string(),
                });
            }
        }
        if scores.iter().all(Option::is_none) {
            return Err(Error::EmptyAssessment { path: ".".into() });
        }
        Ok(EvidenceScores { scores })
    }

    /// The score of one category, if scored.
    pub fn get(&self, category: EvidenceCategory) -> Option<Score> {
        self.scores[category.index()]
    }

    /// The scored categories with their scores, in framework order.
    pub fn iter(&self) -> impl Iterator<Item = (EvidenceCategory, Score)> + '_ {
        EvidenceCategory::ALL
            .into_iter()
            .filter_map(|c| self.scores[c.index()].map(|s| (c, s)))
    }

    /// Sum of the category scores.
    pub fn total(&self) -> u32 {
        self.iter().map(|(_, s)| u32::from(s.get())).sum()
    }

    /// 4 × the number of categories scored.
    pub fn max(&self) -> u32 {
        4 * self.iter().count() as u32
    }

    /// The exact statement percentage.
    pub fn percent_exact(&self) -> f64 {
        100.0 * f64::from(self.total()) / f64::from(self.max())
    }

    /// The statement percentage rounded up to a whole number (the rounding is inferred from
    /// CQC's published overall scores and applied here the same way; CQC does not state it).
    pub fn percent(&self) -> u8 {
        published_percent(self.total(), self.max())
    }

    /// The statement score the percentage converts to: 25-38% → 1, 39-62% → 2, 63-87% → 3,
    /// 88% and above → 4.
    pub fn statement_score(&self) -> Score {
        let rating = Rating::from_published_percent(self.percent())
            .expect("a percentage of 1-4 scores is always 25-100");
        Score::ALL[rating as usize]
    }
}

fn check_category_used(category: EvidenceCategory, path: &str) -> Result<()> {
    let reason = match category.local_authority_use() {
        LocalAuthorityUse::Used => return Ok(()),
        LocalAuthorityUse::NotUsed => "in local authority assessments",
        LocalAuthorityUse::NotInBaseliningRound => {
            "in local authority assessments under the earlier method (not used in the baselining round)"
        }
    };
    Err(Error::EvidenceCategoryNotUsed {
        path: path.to_string(),
        category: category.id().to_string(),
        reason: reason.to_string(),
    })
}

/// The scores of an assessment under one [`RatingMethod`]: for each of the nine quality
/// statements either nothing (not assessed) or a score; under the earlier method, the
/// evidence-category scores the statement score comes from.
///
/// ```
/// use cqc_assurance::{Assessment, QualityStatement, RatingMethod};
/// // Liverpool as listed in press coverage.
/// let a = Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap();
/// assert_eq!(a.method(), RatingMethod::Current);
/// assert_eq!(a.total(), 22);
/// assert_eq!(a.max(), 36);
/// assert_eq!(a.score(QualityStatement::Partnerships).unwrap().get(), 2);
///
/// let json = r#"{"version": 1, "method": "current",
///                "scores": {"assessing-needs": 2, "Safeguarding": 3}}"#;
/// let b = Assessment::from_json(json).unwrap();
/// assert_eq!(b.assessed(), 2);
/// assert_eq!(Assessment::from_json(&b.to_json()).unwrap(), b);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Assessment {
    method: RatingMethod,
    scores: [Option<Score>; 9],
    evidence: [Option<EvidenceScores>; 9],
}

impl Assessment {
    /// All nine statements assessed, scores in CQC's order (QS1-QS9), current method.
    pub fn from_scores(scores: &[u8]) -> Result<Assessment> {
        if scores.len() != 9 {
            return Err(Error::WrongLength {
                path: "scores".into(),
                expected: 9,
                found: scores.len(),
            });
        }
        let options: Vec<Option<u8>> = scores.iter().copied().map(Some).collect();
        Assessment::from_optional_scores(&options)
    }

    /// Nine entries in CQC's order, `None` for a statement not assessed; current method. At
    /// least one must be assessed.
    pub fn from_optional_scores(scores: &[Option<u8>]) -> Result<Assessment> {
        if scores.len() != 9 {
            return Err(Error::WrongLength {
                path: "scores".into(),
                expected: 9,
                found: scores.len(),
            });
        }
        let mut out = [None; 9];
        for (i, s) in scores.iter().enumerate() {
            if let Some(v) = s {
                out[i] = Some(match *v {
                    1..=4 => Score::ALL[usize::from(*v) - 1],
                    _ => Score::from_i64(i64::from(*v), &format!("scores[{i}]"))?,
                });
            }
        }
        Assessment::from_score_array(out)
    }

    /// Statement scores by statement, current method: no statement twice, at least one.
    pub fn from_statement_scores(
        pairs: impl IntoIterator<Item = (QualityStatement, Score)>,
    ) -> Result<Assessment> {
        let mut out = [None; 9];
        for (qs, score) in pairs {
            if out[qs.index()].replace(score).is_some() {
                return Err(Error::DuplicateStatement {
                    path: join_path("scores", qs.id()),
                    statement: qs.id().to_string(),
                });
            }
        }
        Assessment::from_score_array(out)
    }

    /// Nine optional statement scores in CQC's order, current method.
    pub fn from_score_array(scores: [Option<Score>; 9]) -> Result<Assessment> {
        if scores.iter().all(Option::is_none) {
            return Err(Error::EmptyAssessment {
                path: "scores".into(),
            });
        }
        Ok(Assessment {
            method: RatingMethod::Current,
            scores,
            evidence: [None; 9],
        })
    }

    /// Evidence-category scores by statement: the earlier method. Each statement's score is
    /// derived from its categories.
    ///
    /// ```
    /// use cqc_assurance::{Assessment, EvidenceCategory as C, EvidenceScores, QualityStatement as QS, Score};
    /// let s = |n| Score::new(n).unwrap();
    /// let ev = EvidenceScores::from_pairs([(C::PeoplesExperience, s(2)), (C::Processes, s(3))]).unwrap();
    /// let a = Assessment::from_evidence([(QS::Safeguarding, ev)]).unwrap();
    /// assert_eq!(a.score(QS::Safeguarding), Some(s(3))); // 5/8 = 62.5% → 63% → 3
    /// ```
    pub fn from_evidence(
        pairs: impl IntoIterator<Item = (QualityStatement, EvidenceScores)>,
    ) -> Result<Assessment> {
        let mut evidence = [None; 9];
        for (qs, ev) in pairs {
            if evidence[qs.index()].replace(ev).is_some() {
                return Err(Error::DuplicateStatement {
                    path: join_path("evidence_scores", qs.id()),
                    statement: qs.id().to_string(),
                });
            }
        }
        if evidence.iter().all(Option::is_none) {
            return Err(Error::EmptyAssessment {
                path: "evidence_scores".into(),
            });
        }
        Ok(Assessment {
            method: RatingMethod::Earlier,
            scores: evidence.map(|e| e.map(|e| e.statement_score())),
            evidence,
        })
    }

    /// The same statement scores with one statement's score replaced (current method; an
    /// earlier-method assessment becomes a current-method one with the derived scores).
    pub fn with_score(&self, statement: QualityStatement, score: Score) -> Assessment {
        let mut scores = self.scores;
        scores[statement.index()] = Some(score);
        Assessment {
            method: RatingMethod::Current,
            scores,
            evidence: [None; 9],
        }
    }

    /// The rating method these scores are for.
    pub fn method(&self) -> RatingMethod {
        self.method
    }

    /// The score of a statement, or `None` if it was not assessed. Under the earlier method,
    /// the score derived from the evidence categories.
    pub fn score(&self, statement: QualityStatement) -> Option<Score> {
        self.scores[statement.index()]
    }

    /// Nine entries in CQC's order, `None` where not assessed.
    pub fn score_array(&self) -> [Option<Score>; 9] {
        self.scores
    }

    /// The evidence-category scores of a statement (earlier method only).
    pub fn evidence(&self, statement: QualityStatement) -> Option<&EvidenceScores> {
        self.evidence[statement.index()].as_ref()
    }

    /// The assessed statements with their scores, in CQC's order.
    pub fn statement_scores(&self) -> impl Iterator<Item = (QualityStatement, Score)> + '_ {
        QualityStatement::ALL
            .into_iter()
            .filter_map(|qs| self.scores[qs.index()].map(|s| (qs, s)))
    }

    /// How many statements were assessed (1-9).
    pub fn assessed(&self) -> u32 {
        self.scores.iter().flatten().count() as u32
    }

    /// Sum of the statement scores.
    pub fn total(&self) -> u32 {
        self.scores
            .iter()
            .flatten()
            .map(|s| u32::from(s.get()))
            .sum()
    }

    /// The highest possible total: 4 × statements assessed.
    pub fn max(&self) -> u32 {
        4 * self.assessed()
    }

    /// Reads an assessment document (see [`AssessmentDocument`]); a document without a
    /// `method` field is read as the current method.
    pub fn from_json(text: &str) -> Result<Assessment> {
        Assessment::from_json_with_default(text, RatingMethod::Current)
    }

    /// Reads an assessment document; `default_method` applies when the document has no
    /// `method` field.
    pub fn from_json_with_default(text: &str, default_method: RatingMethod) -> Result<Assessment> {
        let doc = crate::json::parse_naming_duplicates(text, &duplicate_in_document)?;
        RawDocument::read(&doc)?.into_assessment(default_method)
    }

    /// Reads an assessment document from an already parsed JSON value (used by documents that
    /// embed an assessment). Paths in errors are relative to the value.
    ///
    /// ```
    /// let doc = serde_json::json!({"scores": {"equity": 5}});
    /// let err = cqc_assurance::Assessment::from_value(&doc).unwrap_err();
    /// assert_eq!((err.code(), err.path()), ("score_out_of_range", Some("scores.equity")));
    /// ```
    pub fn from_value(value: &Value) -> Result<Assessment> {
        RawDocument::read(value)?.into_assessment(RatingMethod::Current)
    }

    /// The assessment as a document: `{"version": 1, "method": ..., "scores": {...}}` or, for
    /// the earlier method, `"evidence_scores": {statement: {category: score}}`.
    pub fn to_document(&self) -> AssessmentDocument {
        AssessmentDocument {
            version: DOCUMENT_VERSION,
            method: self.method,
            scores: match self.method {
                RatingMethod::Current => Some(self.statement_scores().collect::<Vec<_>>()),
                RatingMethod::Earlier => None,
            },
            evidence_scores: match self.method {
                RatingMethod::Current => None,
                RatingMethod::Earlier => Some(
                    QualityStatement::ALL
                        .into_iter()
                        .filter_map(|qs| {
                            self.evidence[qs.index()].map(|e| (qs, e.iter().collect::<Vec<_>>()))
                        })
                        .collect(),
                ),
            },
        }
    }

    /// The assessment as JSON text (pretty-printed document).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_document()).expect("documents always serialise")
    }
}

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.to_document().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Assessment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Assessment::from_value(&Value::deserialize(d)?)
            .map_err(|e| de::Error::custom(format!("{} [{}]", e, e.code())))
    }
}

/// The JSON document form of an [`Assessment`], as written by [`Assessment::to_json`].
///
/// Reading accepts more than is written:
/// - `version`: optional, must be 1;
/// - `method`: `current` (default) or `earlier`;
/// - `scores` (current method): an object keyed by statement id, number or any published name,
///   or an array of nine in CQC's order with `null` for a statement not assessed;
/// - `evidence_scores` (earlier method): an object keyed by statement, each an object keyed by
///   evidence category;
/// - nothing else: unknown fields are rejected, and so is a key given twice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
pub struct AssessmentDocument {
    /// Always [`DOCUMENT_VERSION`].
    pub version: u32,
    /// The rating method.
    pub method: RatingMethod,
    /// Statement scores (current method).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_pairs")]
    #[cfg_attr(
        feature = "declarations",
        ts(
            as = "Option<std::collections::BTreeMap<QualityStatement, Score>>",
            optional
        ),
        schemars(with = "Option<std::collections::BTreeMap<QualityStatement, Score>>")
    )]
    pub scores: Option<Vec<(QualityStatement, Score)>>,
    /// Evidence-category scores (earlier method).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "ser_evidence"
    )]
    #[cfg_attr(
        feature = "declarations",
        ts(
            as = "Option<std::collections::BTreeMap<QualityStatement, std::collections::BTreeMap<EvidenceCategory, Score>>>",
            optional
        ),
        schemars(
            with = "Option<std::collections::BTreeMap<QualityStatement, std::collections::BTreeMap<EvidenceCategory, Score>>>"
        )
    )]
    pub evidence_scores: Option<EvidencePairs>,
}

fn ser_pairs<S: Serializer>(
    v: &Option<Vec<(QualityStatement, Score)>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let pairs = v.as_deref().unwrap_or_default();
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (qs, score) in pairs {
        map.serialize_entry(qs.id(), score)?;
    }
    map.end()
}

/// Evidence-category scores by statement, in document order.
pub type EvidencePairs = Vec<(QualityStatement, Vec<(EvidenceCategory, Score)>)>;

fn ser_evidence<S: Serializer>(
    v: &Option<EvidencePairs>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    struct Inner<'a>(&'a [(EvidenceCategory, Score)]);
    impl Serialize for Inner<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for (c, score) in self.0 {
                map.serialize_entry(c.id(), score)?;
            }
            map.end()
        }
    }
    let pairs = v.as_deref().unwrap_or_default();
    let mut map = s.serialize_map(Some(pairs.len()))?;
    for (qs, cats) in pairs {
        map.serialize_entry(qs.id(), &Inner(cats))?;
    }
    map.end()
}

/// `scores` as written: an object keyed by quality statement, or an array of nine.
#[derive(Debug, Clone, Copy)]
pub(crate) enum RawScores<'a> {
    Map(&'a Map<String, Value>),
    List(&'a [Value]),
}

impl<'a> RawScores<'a> {
    /// What `scores` must be, as an error names it.
    pub(crate) const EXPECTED: &'static str =
        "an object keyed by quality statement, or an array of nine scores";

    /// Reads `scores` at `path`.
    pub(crate) fn read(value: &'a Value, path: &str) -> Result<RawScores<'a>> {
        match value {
            Value::Object(map) => Ok(RawScores::Map(map)),
            Value::Array(list) => Ok(RawScores::List(list)),
            other => Err(crate::json::invalid_type(other, Self::EXPECTED, path)),
        }
    }
}

/// A key given twice in an assessment (or probability) document, named as the same statement
/// or category given under two names is: a statement of `scores` or `evidence_scores`, an
/// evidence category of a statement's evidence scores.
pub(crate) fn duplicate_in_document(object: &str, key: &str, path: &str) -> Option<Error> {
    match object.split_once('.') {
        None if object == "scores" || object == "evidence_scores" => QualityStatement::parse(key)
            .ok()
            .map(|qs| Error::DuplicateStatement {
                path: path.into(),
                statement: qs.id().into(),
            }),
        Some(("evidence_scores", _)) => {
            EvidenceCategory::parse(key)
                .ok()
                .map(|c| Error::DuplicateEvidenceCategory {
                    path: path.into(),
                    category: c.id().into(),
                })
        }
        _ => None,
    }
}

/// The fields of an assessment document (see [`AssessmentDocument`]).
const DOCUMENT_FIELDS: [&str; 4] = ["version", "method", "scores", "evidence_scores"];

/// An assessment document's fields as written (`null` is the same as absent).
pub(crate) struct RawDocument<'a> {
    version: Option<&'a Value>,
    method: Option<&'a str>,
    scores: Option<RawScores<'a>>,
    /// `{statement: {category: score}}`, each object with its path.
    evidence_scores: Option<Object<'a, 'static>>,
}

impl<'a> RawDocument<'a> {
    fn read(doc: &'a Value) -> Result<RawDocument<'a>> {
        let what = "an assessment document {version, method, scores, evidence_scores}";
        let raw = Object::new(doc, "", what, &DOCUMENT_FIELDS)?;
        Ok(RawDocument {
            version: raw.get("version"),
            method: raw.str("method")?,
            scores: raw
                .get("scores")
                .map(|v| RawScores::read(v, "scores"))
                .transpose()?,
            evidence_scores: raw
                .get("evidence_scores")
                .map(|v| Object::open(v, "evidence_scores", "an object"))
                .transpose()?,
        })
    }
}

/// Reads a score from a JSON value: a whole number 1-4, or `null` (not assessed) where
/// `allow_null`.
pub(crate) fn score_from_value(
    value: &serde_json::Value,
    path: &str,
    allow_null: bool,
) -> Result<Option<Score>> {
    match value {
        serde_json::Value::Null if allow_null => Ok(None),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Score::from_i64(i, path).map(Some)
            } else if let Some(f) = n.as_f64() {
                Score::from_f64(f, path).map(Some)
            } else {
                Err(Error::ScoreOutOfRange {
                    path: path.into(),
                    value: n.to_string(),
                })
            }
        }
        other => Err(Error::ScoreOutOfRange {
            path: path.into(),
            value: other.to_string(),
        }),
    }
}

/// Resolves a statement key of a document (id, number or name), with the path of the key.
pub(crate) fn statement_key(key: &str, path: &str) -> Result<QualityStatement> {
    // The parser's errors are at `.`: placed at the key.
    QualityStatement::parse(key).map_err(|e| e.under(path))
}

/// A valid score (or `null`) read without building an error path; `None` when the value needs
/// the full check (and its error).
fn quick_score(v: &serde_json::Value) -> Option<Option<Score>> {
    match v {
        serde_json::Value::Null => Some(None),
        serde_json::Value::Number(n) => match n.as_u64() {
            Some(k @ 1..=4) => Some(Some(Score::ALL[k as usize - 1])),
            _ => None,
        },
        _ => None,
    }
}

/// Reads the `scores` field (object or array of nine) into nine optional scores.
pub(crate) fn scores_from_raw(raw: RawScores<'_>, path: &str) -> Result<[Option<Score>; 9]> {
    let mut out: [Option<Score>; 9] = [None; 9];
    match raw {
        RawScores::List(list) => {
            if list.len() != 9 {
                return Err(Error::WrongLength {
                    path: path.into(),
                    expected: 9,
                    found: list.len(),
                });
            }
            for (i, v) in list.iter().enumerate() {
                out[i] = match quick_score(v) {
                    Some(s) => s,
                    None => score_from_value(v, &format!("{path}[{i}]"), true)?,
                };
            }
        }
        RawScores::Map(entries) => {
            let mut seen = [false; 9];
            for (key, v) in entries {
                // The path is only built when there is an error to report.
                let p = || join_path(path, key);
                let qs = match QualityStatement::parse(key) {
                    Ok(qs) => qs,
                    // Parsed again only to report the error at its path.
                    Err(_) => statement_key(key, &p())?,
                };
                if std::mem::replace(&mut seen[qs.index()], true) {
                    return Err(Error::DuplicateStatement {
                        path: p(),
                        statement: qs.id().to_string(),
                    });
                }
                out[qs.index()] = match quick_score(v) {
                    Some(s) => s,
                    None => score_from_value(v, &p(), true)?,
                };
            }
        }
    }
    if out.iter().all(Option::is_none) {
        return Err(Error::EmptyAssessment { path: path.into() });
    }
    Ok(out)
}

pub(crate) fn check_version(value: Option<&serde_json::Value>, path: &str) -> Result<()> {
    match value {
        None => Ok(()),
        Some(v) if v.as_u64() == Some(u64::from(DOCUMENT_VERSION)) => Ok(()),
        Some(v) => Err(Error::UnsupportedVersion {
            path: path.into(),
            found: v.to_string(),
            supported: DOCUMENT_VERSION,
        }),
    }
}

impl RawDocument<'_> {
    fn into_assessment(self, default_method: RatingMethod) -> Result<Assessment> {
        check_version(self.version, "version")?;
        let method = match self.method {
            None => default_method,
            Some(m) => RatingMethod::parse(m).map_err(|e| e.under("method"))?,
        };
        match method {
            RatingMethod::Current => {
                if self.evidence_scores.is_some() {
                    return Err(Error::MethodMismatch {
                        path: "evidence_scores".into(),
                        message: "evidence-category scores belong to the earlier method; set \"method\": \"earlier\" or give statement scores in \"scores\"".into(),
                    });
                }
                let raw = self.scores.ok_or_else(|| Error::EmptyAssessment {
                    path: "scores".into(),
                })?;
                Assessment::from_score_array(scores_from_raw(raw, "scores")?)
            }
            RatingMethod::Earlier => {
                if self.scores.is_some() {
                    return Err(Error::MethodMismatch {
                        path: "scores".into(),
                        message: "the earlier method scores evidence categories: give \"evidence_scores\" {statement: {category: score}}, or use \"method\": \"current\"".into(),
                    });
                }
                let raw = self.evidence_scores.ok_or_else(|| Error::EmptyAssessment {
                    path: "evidence_scores".into(),
                })?;
                let mut pairs = Vec::new();
                let mut seen = [false; 9];
                for key in raw.keys() {
                    let p = raw.path(key);
                    let cats = raw.value(key).unwrap_or(&Value::Null);
                    let cats = Object::open(cats, &p, "an object")?;
                    let qs = statement_key(key, &p)?;
                    if std::mem::replace(&mut seen[qs.index()], true) {
                        return Err(Error::DuplicateStatement {
                            path: p,
                            statement: qs.id().to_string(),
                        });
                    }
                    let mut cat_pairs = Vec::new();
                    let mut seen_cat = [false; 6];
                    for ckey in cats.keys() {
                        let cp = cats.path(ckey);
                        let v = cats.value(ckey).unwrap_or(&Value::Null);
                        let cat = EvidenceCategory::parse(ckey).map_err(|_| {
                            Error::UnknownEvidenceCategory {
                                path: cp.clone(),
                                input: ckey.to_string(),
                            }
                        })?;
                        check_category_used(cat, &cp)?;
                        if std::mem::replace(&mut seen_cat[cat.index()], true) {
                            return Err(Error::DuplicateEvidenceCategory {
                                path: cp,
                                category: cat.id().to_string(),
                            });
                        }
                        if let Some(score) = score_from_value(v, &cp, true)? {
                            cat_pairs.push((cat, score));
                        }
                    }
                    if cat_pairs.is_empty() {
                        // A statement listed with no scored category is not assessed.
                        continue;
                    }
                    let ev = EvidenceScores::from_pairs(cat_pairs).map_err(|e| e.under(&p))?;
                    pairs.push((qs, ev));
                }
                Assessment::from_evidence(pairs)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_and_object_forms_agree() {
        let a = Assessment::from_json(r#"{"scores": [2,3,3,2,2,2,2,3,3]}"#).unwrap();
        let b = Assessment::from_json(
            r#"{"version": 1, "method": "current", "scores": {
            "QS1": 2, "Supporting people to lead healthier lives": 3, "equity": 3,
            "care-provision": 2, "Partnership and communities": 2, "safe-systems": 2,
            "safeguarding": 2, "governance": 3, "learning": 3}}"#,
        )
        .unwrap();
        assert_eq!(a, b);
        assert_eq!(
            a,
            Assessment::from_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap()
        );
    }

    #[test]
    fn errors_carry_codes_and_paths() {
        let cases = [
            (
                r#"{"scores": [2,3,3,2,0,2,2,3,3]}"#,
                "score_out_of_range",
                "scores[4]",
            ),
            (r#"{"scores": [2,3,3,2,2,2,2,3]}"#, "wrong_length", "scores"),
            (
                r#"{"scores": {"assessing": 2}}"#,
                "unknown_statement",
                "scores.assessing",
            ),
            (
                r#"{"scores": {"assessing-needs": 2, "Assessing needs": 3}}"#,
                "duplicate_statement",
                "scores.Assessing needs",
            ),
            (
                r#"{"scores": {"assessing-needs": 2, "assessing-needs": 3}}"#,
                "duplicate_statement",
                "scores.assessing-needs",
            ),
            (r#"{"scores": {}}"#, "empty_assessment", "scores"),
            (
                r#"{"scores": [null,null,null,null,null,null,null,null,null]}"#,
                "empty_assessment",
                "scores",
            ),
            (r#"{}"#, "empty_assessment", "scores"),
            (
                r#"{"scores": [2,3,3,2,2,2,2,3,3], "extra": 1}"#,
                "invalid_json",
                ".",
            ),
            (r#"{"scores": [2,3,3,2,2,2,2,3,3]"#, "invalid_json", "."),
            (r#"{"scores": [2,3,3,2,2,2,2,3,3]} x"#, "invalid_json", "."),
            (
                r#"{"version": 2, "scores": [2,3,3,2,2,2,2,3,3]}"#,
                "unsupported_version",
                "version",
            ),
            (
                r#"{"method": "newest", "scores": [2,3,3,2,2,2,2,3,3]}"#,
                "unknown_method",
                "method",
            ),
            (
                r#"{"scores": [2,3,3,2,2.5,2,2,3,3]}"#,
                "score_out_of_range",
                "scores[4]",
            ),
            (
                r#"{"scores": [2,3,3,2,"2",2,2,3,3]}"#,
                "score_out_of_range",
                "scores[4]",
            ),
            (
                r#"{"method": "earlier", "evidence_scores": {"safeguarding": {"observation": 3}}}"#,
                "evidence_category_not_used",
                "evidence_scores.safeguarding.observation",
            ),
            (
                r#"{"method": "earlier", "evidence_scores": {"safeguarding": {"outcomes": 3}}}"#,
                "evidence_category_not_used",
                "evidence_scores.safeguarding.outcomes",
            ),
            (
                r#"{"method": "earlier", "evidence_scores": {"safeguarding": {"vibes": 3}}}"#,
                "unknown_evidence_category",
                "evidence_scores.safeguarding.vibes",
            ),
            (
                r#"{"method": "earlier", "scores": [2,3,3,2,2,2,2,3,3]}"#,
                "method_mismatch",
                "scores",
            ),
            (
                r#"{"evidence_scores": {"safeguarding": {"processes": 3}}}"#,
                "method_mismatch",
                "evidence_scores",
            ),
        ];
        for (json, code, path) in cases {
            let err = Assessment::from_json(json).unwrap_err();
            assert_eq!(err.code(), code, "{json}: {err}");
            if code != "invalid_json" {
                assert_eq!(err.path(), Some(path), "{json}: {err}");
            }
        }
        let err =
            Assessment::from_json(r#"{"scores": [2,3,3,2,2,2,2,3,3], "extra": 1}"#).unwrap_err();
        assert!(err.to_string().contains("extra"), "{err}");
    }

    #[test]
    fn what_is_not_a_document_is_refused_in_the_documents_terms() {
        // A list was once read as an empty assessment, and messages named Rust types.
        for text in ["[]", "[2, 3]", "3", "null", "\"scores\"", "true"] {
            for err in [
                Assessment::from_json(text).unwrap_err(),
                crate::rating_probabilities_json(text).unwrap_err(),
            ] {
                assert_eq!(
                    (err.code(), err.path()),
                    ("invalid_json", Some(".")),
                    "{text}"
                );
                let message = err.to_string();
                assert!(message.contains("document {version"), "{text}: {message}");
                assert!(!message.contains("struct"), "{text}: {message}");
            }
        }
        // A key given twice: the statement's or category's own error where the key is one.
        let cases = [
            (
                r#"{"scores": {"equity": 3, "equity": 2}}"#,
                "duplicate_statement",
                "scores.equity",
            ),
            (
                r#"{"scores": [2,3,3,2,2,2,2,3,3], "scores": [2]}"#,
                "invalid_json",
                "scores",
            ),
            (
                r#"{"method": "earlier", "evidence_scores": {"equity": {"partners": 3, "partners": 2}}}"#,
                "duplicate_evidence_category",
                "evidence_scores.equity.partners",
            ),
            (
                r#"{"scores": {"nope": 3, "nope": 2}}"#,
                "invalid_json",
                "scores.nope",
            ),
            (r#"{"scores": [2,3,3,2,2,2,2,3,3]"#, "invalid_json", "."),
        ];
        for (text, code, path) in cases {
            let err = Assessment::from_json(text).unwrap_err();
            assert_eq!(
                (err.code(), err.path()),
                (code, Some(path)),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn earlier_method_document() {
        let a = Assessment::from_json(
            r#"{"method": "earlier", "evidence_scores": {
                "assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3, "processes": 2},
                "safeguarding": {"People's experience": 1, "processes": 2}
            }}"#,
        )
        .unwrap();
        assert_eq!(a.method(), RatingMethod::Earlier);
        assert_eq!(a.score(QualityStatement::AssessingNeeds).unwrap().get(), 3);
        // 3/8 = 37.5% → 38% → 1.
        assert_eq!(a.score(QualityStatement::Safeguarding).unwrap().get(), 1);
        assert_eq!(Assessment::from_json(&a.to_json()).unwrap(), a);
    }
}
