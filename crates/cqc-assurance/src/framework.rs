//! The assessment framework: 4 themes, 9 quality statements, 6 evidence categories.
//!
//! Names are CQC's; descriptions are this project's own summaries. The official wording is at
//! [`FRAMEWORK_URL`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// CQC's page with the official wording of the local authority assessment framework (themes,
/// quality statements, "we" and "I" statements).
pub const FRAMEWORK_URL: &str =
    "https://www.cqc.org.uk/guidance-regulation/local-authorities/assessment-framework";

/// CQC's page on how it uses evidence categories in local authority assessments (updated
/// 23 February 2024).
pub const EVIDENCE_URL: &str =
    "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-will-assess";

/// Finds `input` in a table of names, first as written (ids are the common case and need no
/// work), then normalised. The table of normalised names is built once.
pub(crate) fn find_by_name<T: Copy + Send + Sync + 'static>(
    table: &'static std::sync::OnceLock<Vec<(String, T)>>,
    names: impl FnOnce() -> Vec<(&'static str, T)>,
    input: &str,
) -> Option<T> {
    let table = table.get_or_init(|| {
        names()
            .into_iter()
            .flat_map(|(n, t)| [(n.to_string(), t), (normalise_name(n), t)])
            .collect()
    });
    if let Some((_, t)) = table.iter().find(|(n, _)| n == input) {
        return Some(*t);
    }
    let key = normalise_name(input);
    table.iter().find(|(n, _)| *n == key).map(|(_, t)| *t)
}

/// Lower-cases, turns `&` into `and`, drops punctuation (apostrophes, commas, hyphens, dots)
/// and collapses white space, so that "Partnership & Communities" and "partnership and
/// communities" compare equal.
pub(crate) fn normalise_name(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for ch in input.chars() {
        let piece: &str = match ch {
            '&' => "and",
            '\'' | '\u{2019}' | '\u{2018}' | '.' => "",
            c if c.is_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                // Every name this library knows is ASCII, so ASCII lower-casing is enough: a
                // non-ASCII letter is kept as written (it matches no name, lower-cased or not),
                // and the WebAssembly modules do without Unicode's case tables.
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => {
                pending_space = true;
                continue;
            }
        };
        if !piece.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
            pending_space = true;
        }
    }
    out
}

/// One of the four themes of the local authority assessment.
///
/// ```
/// use cqc_assurance::{QualityStatement, Theme};
/// let theme: Theme = "ensuring safety".parse().unwrap();
/// assert_eq!(theme, Theme::EnsuringSafety);
/// assert_eq!(theme.number(), 3);
/// assert_eq!(theme.statements(), &[QualityStatement::SafeSystems, QualityStatement::Safeguarding]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Theme {
    /// Theme 1: working with people.
    WorkingWithPeople,
    /// Theme 2: providing support.
    ProvidingSupport,
    /// Theme 3: ensuring safety within the system.
    EnsuringSafety,
    /// Theme 4: leadership.
    Leadership,
}

impl Theme {
    /// The four themes in CQC's order.
    pub const ALL: [Theme; 4] = [
        Theme::WorkingWithPeople,
        Theme::ProvidingSupport,
        Theme::EnsuringSafety,
        Theme::Leadership,
    ];

    /// Stable id (`working-with-people`, `providing-support`, `ensuring-safety`, `leadership`).
    pub fn id(self) -> &'static str {
        match self {
            Theme::WorkingWithPeople => "working-with-people",
            Theme::ProvidingSupport => "providing-support",
            Theme::EnsuringSafety => "ensuring-safety",
            Theme::Leadership => "leadership",
        }
    }

    /// The theme's number, 1-4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// CQC's name of the theme.
    pub fn name(self) -> &'static str {
        match self {
            Theme::WorkingWithPeople => "Working with people",
            Theme::ProvidingSupport => "Providing support",
            Theme::EnsuringSafety => "Ensuring safety within the system",
            Theme::Leadership => "Leadership",
        }
    }

    /// The quality statements under this theme, in order.
    pub fn statements(self) -> &'static [QualityStatement] {
        use QualityStatement::*;
        match self {
            Theme::WorkingWithPeople => &[AssessingNeeds, SupportingHealthierLives, Equity],
            Theme::ProvidingSupport => &[CareProvision, Partnerships],
            Theme::EnsuringSafety => &[SafeSystems, Safeguarding],
            Theme::Leadership => &[Governance, Learning],
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            Theme::WorkingWithPeople => &["how the local authority works with people"],
            Theme::ProvidingSupport => &["how the local authority provides support"],
            Theme::EnsuringSafety => &[
                "ensuring safety",
                "safety",
                "how the local authority ensures safety in the system",
                "how the local authority ensures safety within the system",
            ],
            Theme::Leadership => &["leadership and workforce", "leading well"],
        }
    }

    /// The theme with this id, name or alias (not number: `1` is QS1 where a statement is
    /// meant), ignoring case and punctuation.
    pub(crate) fn by_name(input: &str) -> Option<Theme> {
        let key = normalise_name(input);
        if key.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Theme::parse(input).ok()
    }

    /// The theme's statements in words: `QS4 Care provision, integration and continuity and
    /// QS5 Partnerships and communities`.
    pub(crate) fn statements_in_words(self) -> String {
        let names: Vec<String> = self
            .statements()
            .iter()
            .map(|qs| format!("QS{} {}", qs.number(), qs.name()))
            .collect();
        match names.split_last() {
            Some((last, init)) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            _ => names.join(""),
        }
    }

    /// Finds a theme by id, number, name or alias, ignoring case and punctuation.
    pub fn parse(input: &str) -> Result<Theme> {
        static NAMES: std::sync::OnceLock<Vec<(String, Theme)>> = std::sync::OnceLock::new();
        const NUMBERS: [&str; 4] = ["1", "2", "3", "4"];
        find_by_name(
            &NAMES,
            || {
                Theme::ALL
                    .into_iter()
                    .flat_map(|t| {
                        [t.id(), t.name(), NUMBERS[usize::from(t.number() - 1)]]
                            .into_iter()
                            .chain(t.aliases().iter().copied())
                            .map(move |n| (n, t))
                    })
                    .collect()
            },
            input,
        )
        .ok_or_else(|| Error::UnknownTheme {
            path: ".".into(),
            input: input.to_string(),
        })
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Theme {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Theme::parse(s)
    }
}

/// One of the nine quality statements of the local authority assessment, numbered as in CQC's
/// reports and press releases.
///
/// Parsing accepts the id, the number (`5`, `QS5`), the official name and every published
/// variant, ignoring case and punctuation:
///
/// ```
/// use cqc_assurance::QualityStatement;
/// for name in ["Safe pathways, systems and transitions", "safe-systems", "QS6", "6"] {
///     assert_eq!(name.parse::<QualityStatement>().unwrap(), QualityStatement::SafeSystems);
/// }
/// assert_eq!(
///     "partnership and communities".parse::<QualityStatement>().unwrap(),
///     QualityStatement::Partnerships
/// );
/// assert_eq!(QualityStatement::Partnerships.number(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QualityStatement {
    /// QS1: assessing needs.
    AssessingNeeds,
    /// QS2: supporting people to live healthier lives.
    SupportingHealthierLives,
    /// QS3: equity in experience and outcomes.
    Equity,
    /// QS4: care provision, integration and continuity.
    CareProvision,
    /// QS5: partnerships and communities.
    Partnerships,
    /// QS6: safe systems, pathways and transitions.
    SafeSystems,
    /// QS7: safeguarding.
    Safeguarding,
    /// QS8: governance, management and sustainability.
    Governance,
    /// QS9: learning, improvement and innovation.
    Learning,
}

impl QualityStatement {
    /// The nine statements in CQC's order (QS1 to QS9).
    pub const ALL: [QualityStatement; 9] = [
        QualityStatement::AssessingNeeds,
        QualityStatement::SupportingHealthierLives,
        QualityStatement::Equity,
        QualityStatement::CareProvision,
        QualityStatement::Partnerships,
        QualityStatement::SafeSystems,
        QualityStatement::Safeguarding,
        QualityStatement::Governance,
        QualityStatement::Learning,
    ];

    /// Stable id used in JSON documents (`assessing-needs`, ..., `learning`).
    pub fn id(self) -> &'static str {
        match self {
            QualityStatement::AssessingNeeds => "assessing-needs",
            QualityStatement::SupportingHealthierLives => "supporting-healthier-lives",
            QualityStatement::Equity => "equity",
            QualityStatement::CareProvision => "care-provision",
            QualityStatement::Partnerships => "partnerships",
            QualityStatement::SafeSystems => "safe-systems",
            QualityStatement::Safeguarding => "safeguarding",
            QualityStatement::Governance => "governance",
            QualityStatement::Learning => "learning",
        }
    }

    /// The statement's number, 1-9, as in CQC's reports.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Zero-based position (0-8), the index into arrays of nine scores.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The statement with this number (1-9).
    ///
    /// ```
    /// use cqc_assurance::QualityStatement;
    /// assert_eq!(QualityStatement::from_number(7), Some(QualityStatement::Safeguarding));
    /// assert_eq!(QualityStatement::from_number(10), None);
    /// ```
    pub fn from_number(number: u8) -> Option<QualityStatement> {
        (1..=9)
            .contains(&number)
            .then(|| QualityStatement::ALL[usize::from(number - 1)])
    }

    /// The theme this statement belongs to.
    pub fn theme(self) -> Theme {
        match self.number() {
            1..=3 => Theme::WorkingWithPeople,
            4 | 5 => Theme::ProvidingSupport,
            6 | 7 => Theme::EnsuringSafety,
            _ => Theme::Leadership,
        }
    }

    /// CQC's name of the statement.
    pub fn name(self) -> &'static str {
        match self {
            QualityStatement::AssessingNeeds => "Assessing needs",
            QualityStatement::SupportingHealthierLives => {
                "Supporting people to live healthier lives"
            }
            QualityStatement::Equity => "Equity in experience and outcomes",
            QualityStatement::CareProvision => "Care provision, integration and continuity",
            QualityStatement::Partnerships => "Partnerships and communities",
            QualityStatement::SafeSystems => "Safe systems, pathways and transitions",
            QualityStatement::Safeguarding => "Safeguarding",
            QualityStatement::Governance => "Governance, management and sustainability",
            QualityStatement::Learning => "Learning, improvement and innovation",
        }
    }

    /// Other names seen in CQC reports and press releases. Early (2023-24) releases labelled
    /// QS1, QS4, QS6 and QS8 with their themes' names or phrases ("providing support",
    /// "leadership"); those are not taken as statement names, because a theme name is never
    /// one statement: in a list of statements it stands for all of its theme's statements
    /// ([`QualityStatement::parse_list_item`]), and as a score's key it is an error
    /// ([`Error::ThemeNotStatement`]). The published results are read by column, so they do
    /// not depend on these labels.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            QualityStatement::AssessingNeeds => &["Assessing people's needs"],
            QualityStatement::SupportingHealthierLives => &[
                "Supporting people to lead healthier lives",
                "Supporting healthier lives",
            ],
            QualityStatement::Equity => &["Equity in experiences and outcomes"],
            QualityStatement::CareProvision => {
                &["Care provision, integration and continuity of care"]
            }
            QualityStatement::Partnerships => &["Partnership and communities"],
            QualityStatement::SafeSystems => &["Safe pathways, systems and transitions"],
            QualityStatement::Safeguarding => &[],
            QualityStatement::Governance => &[],
            QualityStatement::Learning => &[],
        }
    }

    /// A one-line summary of what the statement looks at (this project's words; the official
    /// wording is at [`QualityStatement::url`]).
    pub fn description(self) -> &'static str {
        match self {
            QualityStatement::AssessingNeeds => {
                "How the council finds out, with each person and carer, what care and support they need, and reviews it in good time."
            }
            QualityStatement::SupportingHealthierLives => {
                "How the council helps people stay well and independent and prevents, reduces or delays the need for care."
            }
            QualityStatement::Equity => {
                "Whether groups likely to face inequality get care, experiences and outcomes as good as everyone else's."
            }
            QualityStatement::CareProvision => {
                "Whether the local care market offers enough good, joined-up, affordable care with real choice and continuity."
            }
            QualityStatement::Partnerships => {
                "How well the council works with the NHS, providers, the voluntary sector and communities."
            }
            QualityStatement::SafeSystems => {
                "Whether people stay safe as they move between services, such as hospital discharge and transition to adulthood."
            }
            QualityStatement::Safeguarding => {
                "How the council meets its adult safeguarding duties and works with partners to keep people safe from abuse and neglect."
            }
            QualityStatement::Governance => {
                "Whether leadership, accountability, risk management and finances give sustainable, good quality care."
            }
            QualityStatement::Learning => {
                "How the council learns from feedback and evidence, improves and innovates, with the people it serves."
            }
        }
    }

    /// CQC's page with the official wording (the "we" and "I" statements).
    pub fn url(self) -> &'static str {
        FRAMEWORK_URL
    }

    /// Finds a statement by id, number (`5`, `QS5`, `qs 5`), name or alias, ignoring case and
    /// punctuation. The error's path is `.`; use [`Error::under`] to place it in a document.
    pub fn parse(input: &str) -> Result<QualityStatement> {
        static NAMES: std::sync::OnceLock<Vec<(String, QualityStatement)>> =
            std::sync::OnceLock::new();
        let names = || {
            QualityStatement::ALL
                .into_iter()
                .flat_map(|qs| {
                    [qs.id(), qs.name()]
                        .into_iter()
                        .chain(qs.aliases().iter().copied())
                        .map(move |n| (n, qs))
                })
                .collect()
        };
        if let Some(qs) = find_by_name(&NAMES, names, input) {
            return Ok(qs);
        }
        let key = normalise_name(input);
        let number = key
            .strip_prefix("qs")
            .map(str::trim)
            .unwrap_or(&key)
            .parse::<u8>()
            .ok();
        if let Some(qs) = number.and_then(QualityStatement::from_number) {
            return Ok(qs);
        }
        if let Some(theme) = Theme::by_name(input) {
            return Err(Error::ThemeNotStatement {
                path: ".".into(),
                input: input.to_string(),
                statements: theme.statements_in_words(),
            });
        }
        Err(Error::UnknownStatement {
            path: ".".into(),
            input: input.to_string(),
            suggestion: QualityStatement::closest(&key).map(|qs| qs.id().to_string()),
        })
    }

    /// Reads one entry of a list of statements (an evidence item's `supports`, an
    /// indicator's `statements`): a statement, or a theme's name, which stands for all of its
    /// statements.
    ///
    /// ```
    /// use cqc_assurance::QualityStatement as QS;
    /// assert_eq!(QS::parse_list_item("QS5").unwrap(), vec![QS::Partnerships]);
    /// assert_eq!(QS::parse_list_item("Providing support").unwrap(), vec![QS::CareProvision, QS::Partnerships]);
    /// // As one statement, a theme's name is an error that names its statements.
    /// let err = "Leadership".parse::<QS>().unwrap_err();
    /// assert_eq!(err.code(), "theme_not_statement");
    /// assert!(err.to_string().contains("QS8 Governance, management and sustainability and QS9"));
    /// ```
    pub fn parse_list_item(input: &str) -> Result<Vec<QualityStatement>> {
        match QualityStatement::parse(input) {
            Ok(qs) => Ok(vec![qs]),
            Err(Error::ThemeNotStatement { .. }) => Ok(Theme::by_name(input)
                .map(|t| t.statements().to_vec())
                .unwrap_or_default()),
            Err(e) => Err(e),
        }
    }

    /// The statement whose id or name shares the longest leading word with `key`, for
    /// "did you mean" hints.
    fn closest(key: &str) -> Option<QualityStatement> {
        let first = key.split(' ').next().filter(|w| w.len() >= 3)?;
        // The first three characters (not bytes: a name may be in any script).
        let stem = &first[..first.char_indices().nth(3).map_or(first.len(), |(i, _)| i)];
        QualityStatement::ALL.into_iter().find(|qs| {
            let name = normalise_name(qs.name());
            let id = normalise_name(qs.id());
            name.split(' ')
                .chain(id.split(' '))
                .any(|w| w.len() >= 3 && (w.starts_with(stem) || first.starts_with(w)))
        })
    }
}

impl fmt::Display for QualityStatement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for QualityStatement {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        QualityStatement::parse(s)
    }
}

impl Serialize for QualityStatement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for QualityStatement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        QualityStatement::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Theme {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Theme::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// How CQC uses an evidence category in local authority assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LocalAuthorityUse {
    /// Used in every local authority assessment.
    Used,
    /// Part of the framework for local authorities but not used in the initial (baselining)
    /// round of assessments, December 2023 to early 2026.
    NotInBaseliningRound,
    /// Never used for local authorities.
    NotUsed,
}

/// One of the six evidence categories of CQC's single assessment framework.
///
/// ```
/// use cqc_assurance::{EvidenceCategory, LocalAuthorityUse};
/// assert_eq!(EvidenceCategory::Observation.local_authority_use(), LocalAuthorityUse::NotUsed);
/// assert_eq!(EvidenceCategory::local_authority_categories().len(), 4);
/// assert_eq!("Feedback from partners".parse::<EvidenceCategory>().unwrap(), EvidenceCategory::Partners);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EvidenceCategory {
    /// People's experience of care and support.
    PeoplesExperience,
    /// Feedback from staff and leaders.
    StaffAndLeaders,
    /// Feedback from partners.
    Partners,
    /// Observation (never used for local authorities).
    Observation,
    /// Processes.
    Processes,
    /// Outcomes (not used in the baselining round).
    Outcomes,
}

impl EvidenceCategory {
    /// The six categories in the framework's order.
    pub const ALL: [EvidenceCategory; 6] = [
        EvidenceCategory::PeoplesExperience,
        EvidenceCategory::StaffAndLeaders,
        EvidenceCategory::Partners,
        EvidenceCategory::Observation,
        EvidenceCategory::Processes,
        EvidenceCategory::Outcomes,
    ];

    /// Stable id (`peoples-experience`, `staff-and-leaders`, `partners`, `observation`,
    /// `processes`, `outcomes`).
    pub fn id(self) -> &'static str {
        match self {
            EvidenceCategory::PeoplesExperience => "peoples-experience",
            EvidenceCategory::StaffAndLeaders => "staff-and-leaders",
            EvidenceCategory::Partners => "partners",
            EvidenceCategory::Observation => "observation",
            EvidenceCategory::Processes => "processes",
            EvidenceCategory::Outcomes => "outcomes",
        }
    }

    /// Zero-based position (0-5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// CQC's name of the category.
    pub fn name(self) -> &'static str {
        match self {
            EvidenceCategory::PeoplesExperience => "People's experience",
            EvidenceCategory::StaffAndLeaders => "Feedback from staff and leaders",
            EvidenceCategory::Partners => "Feedback from partners",
            EvidenceCategory::Observation => "Observation",
            EvidenceCategory::Processes => "Processes",
            EvidenceCategory::Outcomes => "Outcomes",
        }
    }

    /// A one-line summary in this project's words.
    pub fn description(self) -> &'static str {
        match self {
            EvidenceCategory::PeoplesExperience => {
                "What people who draw on care, and their carers, say about it: surveys, case tracking, conversations."
            }
            EvidenceCategory::StaffAndLeaders => {
                "What the council's staff and leaders say: interviews, focus groups, staff surveys."
            }
            EvidenceCategory::Partners => {
                "What the NHS, providers, the voluntary sector and other partners say about working with the council."
            }
            EvidenceCategory::Observation => {
                "Seeing care delivered; used for care providers, not for councils."
            }
            EvidenceCategory::Processes => {
                "Policies, strategies, plans and the data that show how the council's processes work."
            }
            EvidenceCategory::Outcomes => {
                "Measured results for people and communities; not used in the first round of council assessments."
            }
        }
    }

    /// Whether and when CQC uses this category for local authorities (source: [`EVIDENCE_URL`]).
    pub fn local_authority_use(self) -> LocalAuthorityUse {
        match self {
            EvidenceCategory::Observation => LocalAuthorityUse::NotUsed,
            EvidenceCategory::Outcomes => LocalAuthorityUse::NotInBaseliningRound,
            _ => LocalAuthorityUse::Used,
        }
    }

    /// Whether the category can ever be used for local authorities (every category but
    /// observation).
    pub fn applies_to_local_authorities(self) -> bool {
        self.local_authority_use() != LocalAuthorityUse::NotUsed
    }

    /// The four categories used in local authority assessments in the baselining round:
    /// people's experience, staff and leaders, partners, processes.
    pub fn local_authority_categories() -> &'static [EvidenceCategory] {
        &[
            EvidenceCategory::PeoplesExperience,
            EvidenceCategory::StaffAndLeaders,
            EvidenceCategory::Partners,
            EvidenceCategory::Processes,
        ]
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            EvidenceCategory::PeoplesExperience => &["people's experiences", "experience"],
            EvidenceCategory::StaffAndLeaders => &[
                "staff and leaders",
                "staff and leaders feedback",
                "feedback from staff",
                "staff",
            ],
            EvidenceCategory::Partners => &["partners feedback", "feedback from partner"],
            EvidenceCategory::Observation => &[],
            EvidenceCategory::Processes => &["process"],
            EvidenceCategory::Outcomes => &["outcome"],
        }
    }

    /// Finds a category by id, name or alias, ignoring case and punctuation.
    pub fn parse(input: &str) -> Result<EvidenceCategory> {
        static NAMES: std::sync::OnceLock<Vec<(String, EvidenceCategory)>> =
            std::sync::OnceLock::new();
        find_by_name(
            &NAMES,
            || {
                EvidenceCategory::ALL
                    .into_iter()
                    .flat_map(|c| {
                        [c.id(), c.name()]
                            .into_iter()
                            .chain(c.aliases().iter().copied())
                            .map(move |n| (n, c))
                    })
                    .collect()
            },
            input,
        )
        .ok_or_else(|| Error::UnknownEvidenceCategory {
            path: ".".into(),
            input: input.to_string(),
        })
    }
}

impl fmt::Display for EvidenceCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for EvidenceCategory {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        EvidenceCategory::parse(s)
    }
}

impl Serialize for EvidenceCategory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for EvidenceCategory {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        EvidenceCategory::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_published_variant_parses() {
        use QualityStatement::*;
        let cases = [
            ("Assessing people’s needs", AssessingNeeds),
            (
                "Supporting people to lead healthier lives",
                SupportingHealthierLives,
            ),
            ("supporting healthier lives", SupportingHealthierLives),
            ("Equity in experiences and outcomes", Equity),
            (
                "Care provision, integration and continuity of care",
                CareProvision,
            ),
            ("Partnership & communities", Partnerships),
            ("SAFE PATHWAYS, SYSTEMS AND TRANSITIONS", SafeSystems),
            ("Governance, management and sustainability", Governance),
            ("Learning, improvement, and innovation", Learning),
            ("qs 9", Learning),
        ];
        for (name, qs) in cases {
            assert_eq!(QualityStatement::parse(name).unwrap(), qs, "{name}");
        }
        // Theme names and the early press releases' theme phrases are never one statement.
        for name in [
            "how the local authority ensures safety in the system",
            "How the local authority works with people",
            "Providing support",
            "Leadership",
            "Working with people",
            "ensuring-safety",
        ] {
            let err = QualityStatement::parse(name).unwrap_err();
            assert_eq!(err.code(), "theme_not_statement", "{name}");
            let theme = Theme::parse(name).unwrap();
            assert_eq!(
                QualityStatement::parse_list_item(name).unwrap(),
                theme.statements()
            );
        }
    }

    #[test]
    fn ids_names_and_numbers_are_distinct_and_round_trip() {
        for qs in QualityStatement::ALL {
            assert_eq!(QualityStatement::parse(qs.id()).unwrap(), qs);
            assert_eq!(QualityStatement::parse(qs.name()).unwrap(), qs);
            assert_eq!(QualityStatement::from_number(qs.number()), Some(qs));
            assert!(qs.theme().statements().contains(&qs));
        }
        let total: usize = Theme::ALL.iter().map(|t| t.statements().len()).sum();
        assert_eq!(total, 9);
    }

    #[test]
    fn unknown_names_are_errors_with_hints() {
        let err = QualityStatement::parse("assesing").unwrap_err();
        assert_eq!(err.code(), "unknown_statement");
        assert!(err.to_string().contains("assessing-needs"), "{err}");
        assert!(QualityStatement::parse("").is_err());
        assert!(QualityStatement::parse("0").is_err());
        assert!(QualityStatement::parse("10").is_err());
    }

    #[test]
    fn normalisation() {
        assert_eq!(
            normalise_name("  People’s   Experience! "),
            "peoples experience"
        );
        assert_eq!(normalise_name("A&B"), "a and b");
        assert_eq!(normalise_name("safe-systems"), "safe systems");
    }
}
