//! The rating methods CQC has used, each dated and sourced.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::framework::normalise_name;

/// CQC's page on how it determines ratings for local authorities (both versions of the method
/// were published there).
pub const RATINGS_URL: &str =
    "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-determine-ratings";

/// How statement scores are arrived at. Both methods then combine statement scores the same way
/// (sum ÷ (4 × statements assessed), rounded up, read against the bands).
///
/// ```
/// use cqc_assurance::RatingMethod;
/// assert_eq!(RatingMethod::default(), RatingMethod::Current);
/// assert_eq!(RatingMethod::in_force_on("2024-05-17"), Some(RatingMethod::Earlier));
/// assert_eq!(RatingMethod::in_force_on("2025-09-24"), Some(RatingMethod::Current));
/// assert_eq!("earlier".parse::<RatingMethod>().unwrap(), RatingMethod::Earlier);
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[cfg_attr(feature = "declarations", ts(rename = "RatingMethodId"))]
#[serde(rename_all = "snake_case")]
pub enum RatingMethod {
    /// From the guidance refresh of about 30 June 2025: each assessed quality statement gets a
    /// score from 1 to 4 directly; no evidence-category scores.
    #[default]
    Current,
    /// From the formal guidance of 8 December 2023 until the refresh: each relevant evidence
    /// category gets a score from 1 to 4; the statement's percentage (rounded up) converts back
    /// to a statement score by the same bands as the overall rating.
    Earlier,
}

impl RatingMethod {
    /// Both methods, newest first.
    pub const ALL: [RatingMethod; 2] = [RatingMethod::Current, RatingMethod::Earlier];

    /// `current` or `earlier`.
    pub fn id(self) -> &'static str {
        match self {
            RatingMethod::Current => "current",
            RatingMethod::Earlier => "earlier",
        }
    }

    /// A short name for people.
    pub fn name(self) -> &'static str {
        match self {
            RatingMethod::Current => "Statement scores (from June 2025)",
            RatingMethod::Earlier => "Evidence-category scores (December 2023 to June 2025)",
        }
    }

    /// The first day the method applied (ISO 8601). The refresh date is approximate: CQC's page
    /// was updated around 30 June 2025.
    pub fn in_force_from(self) -> &'static str {
        match self {
            RatingMethod::Current => "2025-06-30",
            RatingMethod::Earlier => "2023-12-08",
        }
    }

    /// The day after the last day the method applied, if it has been replaced.
    pub fn in_force_until(self) -> Option<&'static str> {
        match self {
            RatingMethod::Current => None,
            RatingMethod::Earlier => Some("2025-06-30"),
        }
    }

    /// The method in force on an ISO date (`YYYY-MM-DD`), or `None` before 8 December 2023 (the
    /// pilots' indicative ratings) or for text that is not such a date.
    pub fn in_force_on(date: &str) -> Option<RatingMethod> {
        let valid = date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !valid {
            return None;
        }
        // ISO dates of one shape compare correctly as strings.
        RatingMethod::ALL.into_iter().find(|m| {
            date >= m.in_force_from() && m.in_force_until().is_none_or(|until| date < until)
        })
    }

    /// The source of the method.
    pub fn source_url(self) -> &'static str {
        RATINGS_URL
    }

    /// Finds a method by id (`current`, `earlier`) or a few synonyms (`2025`, `2023`,
    /// `evidence`, `statement`), ignoring case.
    pub fn parse(input: &str) -> Result<RatingMethod> {
        match normalise_name(input).as_str() {
            "current" | "2025" | "statement" | "statement scores" | "new" => {
                Ok(RatingMethod::Current)
            }
            "earlier"
            | "2023"
            | "evidence"
            | "evidence category"
            | "evidence categories"
            | "old"
            | "previous" => Ok(RatingMethod::Earlier),
            _ => Err(Error::UnknownMethod {
                path: ".".into(),
                input: input.to_string(),
            }),
        }
    }
}

impl fmt::Display for RatingMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for RatingMethod {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        RatingMethod::parse(s)
    }
}
