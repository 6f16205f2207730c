//! The framework as data: one serialisable view of the themes, quality statements, evidence
//! categories, scores, ratings and rating methods, which the command (`framework --json`),
//! Python (`QualityStatement.to_dict()` and its kin), JavaScript (`framework()`,
//! `statement()`) and the conformance runners all write in this one shape.

use serde::Serialize;

use crate::assessment::DOCUMENT_VERSION;
use crate::framework::{
    EvidenceCategory, LocalAuthorityUse, QualityStatement, Theme, EVIDENCE_URL, FRAMEWORK_URL,
};
use crate::method::{RatingMethod, RATINGS_URL};
use crate::score::{Rating, Score};

/// A quality statement as data: its id, number (1-9), position (0-8), name, theme, CQC's
/// description, the other names it is published under and its page on CQC's site.
///
/// ```
/// use cqc_assurance::{QualityStatement, StatementView};
/// let view = StatementView::from(QualityStatement::Partnerships);
/// assert_eq!((view.id, view.number, view.theme), ("partnerships", 5, "providing-support"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "Statement"))]
pub struct StatementView {
    /// The id used in documents (`assessing-needs`).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "QualityStatement"),
        schemars(with = "QualityStatement")
    )]
    pub id: &'static str,
    /// Its number, 1-9 (QS1-QS9).
    pub number: u8,
    /// Its position in CQC's order, 0-8.
    pub index: usize,
    /// CQC's name of it.
    pub name: &'static str,
    /// The id of its theme.
    #[cfg_attr(feature = "declarations", ts(as = "Theme"), schemars(with = "Theme"))]
    pub theme: &'static str,
    /// CQC's "we statement", in short.
    pub description: &'static str,
    /// The other names it is published under.
    pub aliases: &'static [&'static str],
    /// Its page on CQC's site.
    pub url: &'static str,
}

impl From<QualityStatement> for StatementView {
    fn from(qs: QualityStatement) -> Self {
        StatementView {
            id: qs.id(),
            number: qs.number(),
            index: qs.index(),
            name: qs.name(),
            theme: qs.theme().id(),
            description: qs.description(),
            aliases: qs.aliases(),
            url: qs.url(),
        }
    }
}

/// A theme as data: its id, number (1-4), name and the ids of its statements.
///
/// ```
/// use cqc_assurance::{Theme, ThemeView};
/// let view = ThemeView::from(Theme::Leadership);
/// assert_eq!(view.statements, ["governance", "learning"]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "Theme"))]
pub struct ThemeView {
    /// The id used in documents (`working-with-people`).
    #[cfg_attr(feature = "declarations", ts(as = "Theme"), schemars(with = "Theme"))]
    pub id: &'static str,
    /// Its number, 1-4.
    pub number: u8,
    /// CQC's name of it.
    pub name: &'static str,
    /// The ids of its quality statements, in CQC's order.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Vec<QualityStatement>"),
        schemars(with = "Vec<QualityStatement>")
    )]
    pub statements: Vec<&'static str>,
}

impl From<Theme> for ThemeView {
    fn from(t: Theme) -> Self {
        ThemeView {
            id: t.id(),
            number: t.number(),
            name: t.name(),
            statements: t.statements().iter().map(|qs| qs.id()).collect(),
        }
    }
}

/// An evidence category as data: its id, position, name, description and how CQC uses it for
/// councils.
///
/// ```
/// use cqc_assurance::{EvidenceCategory, EvidenceCategoryView};
/// let view = EvidenceCategoryView::from(EvidenceCategory::Observation);
/// assert!(!view.applies_to_local_authorities);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "EvidenceCategory"))]
pub struct EvidenceCategoryView {
    /// The id used in documents (`peoples-experience`).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "EvidenceCategory"),
        schemars(with = "EvidenceCategory")
    )]
    pub id: &'static str,
    /// Its position in CQC's order, 0-5.
    pub index: usize,
    /// CQC's name of it.
    pub name: &'static str,
    /// What it covers.
    pub description: &'static str,
    /// How CQC uses it in assessing councils.
    pub local_authority_use: LocalAuthorityUse,
    /// Whether CQC uses it for councils at all.
    pub applies_to_local_authorities: bool,
}

impl From<EvidenceCategory> for EvidenceCategoryView {
    fn from(c: EvidenceCategory) -> Self {
        EvidenceCategoryView {
            id: c.id(),
            index: c.index(),
            name: c.name(),
            description: c.description(),
            local_authority_use: c.local_authority_use(),
            applies_to_local_authorities: c.applies_to_local_authorities(),
        }
    }
}

/// A rating as data: its id, position (0 inadequate to 3 outstanding), label and percentage
/// band.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "RatingInfo"))]
pub struct RatingView {
    /// The rating (`requires_improvement` in documents).
    pub id: Rating,
    /// Its position, 0 (inadequate) to 3 (outstanding).
    pub index: u8,
    /// Its label (`Requires improvement`).
    pub label: &'static str,
    /// The lowest published percentage with this rating.
    pub lower_percent: u8,
    /// The highest.
    pub upper_percent: u8,
}

/// A score as data: the number and CQC's descriptor of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "ScoreInfo"))]
pub struct ScoreView {
    /// The score, 1-4.
    pub score: Score,
    /// CQC's descriptor of it.
    pub descriptor: &'static str,
}

/// A rating method as data: its id, name, when it was in force and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "RatingMethodInfo"))]
pub struct RatingMethodView {
    /// The id used in documents (`current`).
    #[cfg_attr(
        feature = "declarations",
        ts(as = "RatingMethod"),
        schemars(with = "RatingMethod")
    )]
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The date it came into force.
    pub in_force_from: &'static str,
    /// The date it ended, if it has.
    pub in_force_until: Option<&'static str>,
    /// Where CQC publishes it.
    pub source_url: &'static str,
}

impl From<RatingMethod> for RatingMethodView {
    fn from(m: RatingMethod) -> Self {
        RatingMethodView {
            id: m.id(),
            name: m.name(),
            in_force_from: m.in_force_from(),
            in_force_until: m.in_force_until(),
            source_url: m.source_url(),
        }
    }
}

/// The whole framework as data, with CQC's URLs and the assessment document version: what
/// [`framework_view`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(
    feature = "declarations",
    derive(ts_rs::TS, schemars::JsonSchema),
    ts(rename_all = "camelCase")
)]
#[cfg_attr(feature = "declarations", ts(rename = "Framework"))]
pub struct FrameworkView {
    /// The four themes.
    pub themes: Vec<ThemeView>,
    /// The nine quality statements, in CQC's order.
    pub statements: Vec<StatementView>,
    /// The six evidence categories.
    pub evidence_categories: Vec<EvidenceCategoryView>,
    /// The ids of the categories CQC uses for councils.
    #[cfg_attr(
        feature = "declarations",
        ts(as = "Vec<EvidenceCategory>"),
        schemars(with = "Vec<EvidenceCategory>")
    )]
    pub local_authority_categories: Vec<&'static str>,
    /// The four ratings, inadequate first.
    pub ratings: Vec<RatingView>,
    /// The four scores.
    pub scores: Vec<ScoreView>,
    /// The rating methods, the earliest first.
    pub methods: Vec<RatingMethodView>,
    /// CQC's page of the framework.
    pub framework_url: &'static str,
    /// CQC's page of the evidence categories.
    pub evidence_url: &'static str,
    /// CQC's page of the rating rule.
    pub ratings_url: &'static str,
    /// The version of the assessment document format.
    pub document_version: u32,
}

/// The assessment framework as data: themes, quality statements, evidence categories, ratings
/// with their percentage bands, score descriptors and rating methods, with CQC's URLs.
///
/// ```
/// let view = cqc_assurance::framework_view();
/// assert_eq!(view.statements.len(), 9);
/// assert_eq!((view.ratings[2].lower_percent, view.ratings[2].upper_percent), (63, 87));
/// ```
pub fn framework_view() -> FrameworkView {
    FrameworkView {
        themes: Theme::ALL.into_iter().map(ThemeView::from).collect(),
        statements: QualityStatement::ALL
            .into_iter()
            .map(StatementView::from)
            .collect(),
        evidence_categories: EvidenceCategory::ALL
            .into_iter()
            .map(EvidenceCategoryView::from)
            .collect(),
        local_authority_categories: EvidenceCategory::local_authority_categories()
            .iter()
            .map(|c| c.id())
            .collect(),
        ratings: Rating::ALL
            .into_iter()
            .map(|r| RatingView {
                id: r,
                index: r as u8,
                label: r.label(),
                lower_percent: r.band().0,
                upper_percent: r.band().1,
            })
            .collect(),
        scores: Score::ALL
            .into_iter()
            .map(|s| ScoreView {
                score: s,
                descriptor: s.descriptor(),
            })
            .collect(),
        methods: RatingMethod::ALL
            .into_iter()
            .map(RatingMethodView::from)
            .collect(),
        framework_url: FRAMEWORK_URL,
        evidence_url: EVIDENCE_URL,
        ratings_url: RATINGS_URL,
        document_version: DOCUMENT_VERSION,
    }
}
