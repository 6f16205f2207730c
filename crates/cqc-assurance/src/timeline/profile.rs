//! Milestones of an assessment and the rules (with sources) that place them.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The milestones of one assessment, in their usual order.
///
/// Ids (the serialised form) are snake_case: `notification`, `factual_accuracy_due`, ...
///
/// ```
/// use cqc_assurance::MilestoneId;
/// let id: MilestoneId = "factual_accuracy_due".parse().unwrap();
/// assert_eq!(id, MilestoneId::FactualAccuracyDue);
/// assert_eq!(id.as_str(), "factual_accuracy_due");
/// assert_eq!("site_visit".parse::<MilestoneId>().unwrap_err().code(), "unknown_milestone");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneId {
    /// CQC's notification email to the Director of Adult Social Services, with the information
    /// return request.
    Notification,
    /// The information return items CQC wants within about a week.
    OneWeekItemsDue,
    /// The rest of the information return (documents, data, case-tracking list, contacts).
    InformationReturnDue,
    /// The council's self-assessment (part of the information return).
    SelfAssessmentDue,
    /// The set-up meeting: the leadership's presentation to the assessors.
    SetUpMeeting,
    /// The latest day by which CQC tells the council its on-site dates.
    OnSiteNotice,
    /// The first day of the on-site visit.
    OnSiteStart,
    /// The last day of the on-site visit.
    OnSiteEnd,
    /// The draft report reaches the council.
    DraftReport,
    /// The council's factual accuracy comments are due.
    FactualAccuracyDue,
    /// The final report and rating are published.
    Publication,
    /// Twenty weeks after notification: the length commonly quoted for the whole assessment.
    TwentyWeekEnd,
}

impl MilestoneId {
    /// Every milestone, in the usual order.
    pub const ALL: [MilestoneId; 12] = [
        MilestoneId::Notification,
        MilestoneId::OneWeekItemsDue,
        MilestoneId::InformationReturnDue,
        MilestoneId::SelfAssessmentDue,
        MilestoneId::SetUpMeeting,
        MilestoneId::OnSiteNotice,
        MilestoneId::OnSiteStart,
        MilestoneId::OnSiteEnd,
        MilestoneId::DraftReport,
        MilestoneId::FactualAccuracyDue,
        MilestoneId::Publication,
        MilestoneId::TwentyWeekEnd,
    ];

    /// The id string, e.g. `factual_accuracy_due`.
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneId::Notification => "notification",
            MilestoneId::OneWeekItemsDue => "one_week_items_due",
            MilestoneId::InformationReturnDue => "information_return_due",
            MilestoneId::SelfAssessmentDue => "self_assessment_due",
            MilestoneId::SetUpMeeting => "set_up_meeting",
            MilestoneId::OnSiteNotice => "on_site_notice",
            MilestoneId::OnSiteStart => "on_site_start",
            MilestoneId::OnSiteEnd => "on_site_end",
            MilestoneId::DraftReport => "draft_report",
            MilestoneId::FactualAccuracyDue => "factual_accuracy_due",
            MilestoneId::Publication => "publication",
            MilestoneId::TwentyWeekEnd => "twenty_week_end",
        }
    }

    /// A name for people.
    ///
    /// ```
    /// assert_eq!(cqc_assurance::MilestoneId::OnSiteStart.name(), "On-site visit: first day");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            MilestoneId::Notification => "Notification from CQC",
            MilestoneId::OneWeekItemsDue => "Information return: one-week items due",
            MilestoneId::InformationReturnDue => "Information return due",
            MilestoneId::SelfAssessmentDue => "Self-assessment due",
            MilestoneId::SetUpMeeting => "Set-up meeting (leadership presentation)",
            MilestoneId::OnSiteNotice => "Notice of on-site dates (latest)",
            MilestoneId::OnSiteStart => "On-site visit: first day",
            MilestoneId::OnSiteEnd => "On-site visit: last day",
            MilestoneId::DraftReport => "Draft report received",
            MilestoneId::FactualAccuracyDue => "Factual accuracy response due",
            MilestoneId::Publication => "Report and rating published",
            MilestoneId::TwentyWeekEnd => "End of the 20 weeks",
        }
    }

    /// Whether this milestone is something that happens, a deadline for the council, or a
    /// marker.
    pub fn kind(self) -> MilestoneKind {
        match self {
            MilestoneId::OneWeekItemsDue
            | MilestoneId::InformationReturnDue
            | MilestoneId::SelfAssessmentDue
            | MilestoneId::FactualAccuracyDue => MilestoneKind::Deadline,
            MilestoneId::TwentyWeekEnd => MilestoneKind::Marker,
            _ => MilestoneKind::Event,
        }
    }

    /// Parses an id (exact snake_case id; hyphens and capitals are accepted too).
    pub fn parse(text: &str) -> Result<MilestoneId> {
        let norm = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        MilestoneId::ALL
            .into_iter()
            .find(|m| m.as_str() == norm)
            .ok_or_else(|| Error::UnknownMilestone {
                path: ".".into(),
                input: text.to_string(),
            })
    }
}

impl fmt::Display for MilestoneId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MilestoneId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        MilestoneId::parse(s)
    }
}

/// What sort of milestone it is.
///
/// ```
/// use cqc_assurance::{MilestoneId, MilestoneKind};
/// assert_eq!(MilestoneId::FactualAccuracyDue.kind(), MilestoneKind::Deadline);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// Something that happens (CQC's email, a meeting, the visit, a report). Its actual date,
    /// once recorded, replaces the plan and later milestones follow from it.
    Event,
    /// Something the council must deliver by a date. Its actual date is when it was delivered;
    /// the due date still follows from the rule.
    Deadline,
    /// A reference point (the 20-week mark).
    Marker,
}

/// How far a milestone is from the one it follows.
///
/// ```
/// use cqc_assurance::Offset;
/// assert_eq!(Offset::WorkingDays(10).describe(), "10 working days");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Offset {
    /// Calendar days.
    Days(i32),
    /// Calendar weeks (7 days each).
    Weeks(i32),
    /// Working days (Monday to Friday, less bank holidays and closure days), counted from the
    /// day after.
    WorkingDays(i32),
}

impl Offset {
    /// In words: `3 weeks`, `-6 weeks`, `10 working days`.
    pub fn describe(self) -> String {
        let (n, unit) = match self {
            Offset::Days(n) => (n, "day"),
            Offset::Weeks(n) => (n, "week"),
            Offset::WorkingDays(n) => (n, "working day"),
        };
        format!("{n} {unit}{}", if n.abs() == 1 { "" } else { "s" })
    }

    fn value(self) -> i32 {
        match self {
            Offset::Days(n) | Offset::Weeks(n) | Offset::WorkingDays(n) => n,
        }
    }
}

/// What to do when a computed date is not a working day.
///
/// ```
/// use cqc_assurance::Adjust;
/// assert_eq!(serde_json::to_string(&Adjust::NextWorkingDay).unwrap(), "\"next_working_day\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Adjust {
    /// Keep the date as computed.
    None,
    /// Move to the next working day (deadlines, meetings, visits).
    #[default]
    NextWorkingDay,
    /// Move to the working day before (a "no later than" date such as the on-site notice).
    PreviousWorkingDay,
}

/// The rule that places a milestone: an offset from another milestone, then an adjustment to a
/// working day. JSON: `{"from": "draft_report", "working_days": 10, "adjust": "next_working_day"}`
/// (exactly one of `days`, `weeks`, `working_days`).
///
/// ```
/// use cqc_assurance::{MilestoneId, MilestoneRule, Offset};
/// let rule: MilestoneRule = serde_json::from_str(
///     r#"{"from": "draft_report", "working_days": 10}"#).unwrap();
/// assert_eq!(rule.from, MilestoneId::DraftReport);
/// assert_eq!(rule.offset, Offset::WorkingDays(10));
/// assert_eq!(rule.describe(), "10 working days after draft_report");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawRule", into = "RawRule")]
pub struct MilestoneRule {
    /// The milestone this one is counted from.
    pub from: MilestoneId,
    /// How far from it.
    pub offset: Offset,
    /// Adjustment when the result is not a working day.
    pub adjust: Adjust,
}

impl MilestoneRule {
    /// In words: `3 weeks after notification, moved to the next working day`.
    pub fn describe(&self) -> String {
        let n = self.offset.value();
        let dir = if n < 0 { "before" } else { "after" };
        let abs = match self.offset {
            Offset::Days(n) => Offset::Days(n.abs()),
            Offset::Weeks(n) => Offset::Weeks(n.abs()),
            Offset::WorkingDays(n) => Offset::WorkingDays(n.abs()),
        };
        let adjust = match (self.adjust, self.offset) {
            (_, Offset::WorkingDays(n)) if n != 0 => "",
            (Adjust::NextWorkingDay, _) => ", moved to the next working day",
            (Adjust::PreviousWorkingDay, _) => ", moved to the working day before",
            (Adjust::None, _) => "",
        };
        format!("{} {dir} {}{adjust}", abs.describe(), self.from)
    }
}

/// The JSON form of a rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    weeks: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    working_days: Option<i64>,
    #[serde(default)]
    adjust: Adjust,
}

/// Offsets beyond this (in their unit) are rejected as implausible.
const MAX_OFFSET: i64 = 5_000;

impl RawRule {
    fn validate(&self, path: &str) -> Result<MilestoneRule> {
        let from = MilestoneId::parse(&self.from).map_err(|e| e.under(&format!("{path}.from")))?;
        let given: Vec<(&str, i64)> = [
            ("days", self.days),
            ("weeks", self.weeks),
            ("working_days", self.working_days),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        let [(unit, n)] = given[..] else {
            return Err(Error::InvalidProfile {
                path: path.to_string(),
                message: "a rule needs exactly one of days, weeks or working_days".into(),
            });
        };
        if n.abs() > MAX_OFFSET {
            return Err(Error::InvalidProfile {
                path: format!("{path}.{unit}"),
                message: format!("offset {n} is beyond ±{MAX_OFFSET}"),
            });
        }
        let n = n as i32;
        let offset = match unit {
            "days" => Offset::Days(n),
            "weeks" => Offset::Weeks(n),
            _ => Offset::WorkingDays(n),
        };
        Ok(MilestoneRule {
            from,
            offset,
            adjust: self.adjust,
        })
    }
}

impl TryFrom<RawRule> for MilestoneRule {
    type Error = Error;
    fn try_from(raw: RawRule) -> Result<Self> {
        raw.validate("rule")
    }
}

impl From<MilestoneRule> for RawRule {
    fn from(r: MilestoneRule) -> Self {
        let (days, weeks, working_days) = match r.offset {
            Offset::Days(n) => (Some(n.into()), None, None),
            Offset::Weeks(n) => (None, Some(n.into()), None),
            Offset::WorkingDays(n) => (None, None, Some(n.into())),
        };
        RawRule {
            from: r.from.as_str().to_string(),
            days,
            weeks,
            working_days,
            adjust: r.adjust,
        }
    }
}

/// One milestone of a profile: its rule (none for the notification, which everything else
/// follows) and where the default comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneDefinition {
    /// Which milestone.
    pub id: MilestoneId,
    /// How it is placed; `None` only for the notification.
    pub rule: Option<MilestoneRule>,
    /// Where the rule comes from, and which end of a range it uses.
    pub source: String,
    /// A link to the source, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// How CQC's report page describes the factual accuracy check.
pub const HOW_WE_REPORT_URL: &str =
    "https://www.cqc.org.uk/guidance-regulation/local-authorities/how-we-report-and-share";

/// All the rules of a timeline. [`TimelineProfile::default`] holds the defaults, each with its
/// source; a council can load its own from JSON (the same shape as the default serialises to).
///
/// ```
/// use cqc_assurance::{MilestoneId, Offset, TimelineProfile};
/// let profile = TimelineProfile::default();
/// let fa = profile.definition(MilestoneId::FactualAccuracyDue);
/// assert_eq!(fa.rule.unwrap().offset, Offset::WorkingDays(10));
///
/// // Round trip through JSON, then change a rule.
/// let mut json: serde_json::Value = serde_json::to_value(&profile).unwrap();
/// json["milestones"][2]["rule"]["weeks"] = 4.into();
/// let edited = TimelineProfile::from_json(&json.to_string()).unwrap();
/// assert_eq!(edited.definition(MilestoneId::InformationReturnDue).rule.unwrap().offset,
///            Offset::Weeks(4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineProfile {
    /// The length of the assessment the status counts against, in weeks.
    pub weeks_total: u32,
    /// The shortest notice of the on-site dates the sources document, in weeks; a shorter
    /// notice is reported.
    pub minimum_on_site_notice_weeks: u32,
    /// One definition per milestone, in the usual order.
    pub milestones: Vec<MilestoneDefinition>,
}

fn def(
    id: MilestoneId,
    rule: Option<(MilestoneId, Offset, Adjust)>,
    source: &str,
    url: Option<&str>,
) -> MilestoneDefinition {
    MilestoneDefinition {
        id,
        rule: rule.map(|(from, offset, adjust)| MilestoneRule {
            from,
            offset,
            adjust,
        }),
        source: source.to_string(),
        source_url: url.map(str::to_string),
    }
}

impl Default for TimelineProfile {
    fn default() -> Self {
        use Adjust::{NextWorkingDay, PreviousWorkingDay};
        use MilestoneId::*;
        use Offset::*;
        TimelineProfile {
            weeks_total: 20,
            minimum_on_site_notice_weeks: 6,
            milestones: vec![
                def(
                    Notification,
                    None,
                    "The date CQC's email reached the council (recorded, not computed).",
                    None,
                ),
                def(
                    OneWeekItemsDue,
                    Some((Notification, Weeks(1), NextWorkingDay)),
                    "LGA guide for lead members: some information return items are wanted \
                     within a week of notification.",
                    None,
                ),
                def(
                    InformationReturnDue,
                    Some((Notification, Weeks(3), NextWorkingDay)),
                    "CQC (29 January 2024): three weeks to complete the information return; \
                     the LGA guide also gives three weeks for the remaining items.",
                    None,
                ),
                def(
                    SelfAssessmentDue,
                    Some((Notification, Weeks(3), NextWorkingDay)),
                    "CQC (29 January 2024): the self-assessment is part of the information \
                     return, so three weeks. One council's page gives four weeks; change the \
                     rule if CQC's email says so.",
                    None,
                ),
                def(
                    SetUpMeeting,
                    Some((InformationReturnDue, Weeks(1), NextWorkingDay)),
                    "Estimate: sources say only 'a few weeks after notification'. Default taken \
                     from the Hounslow assessment, where the meeting was in the week after the \
                     return was submitted (return 19 January 2024, meeting week of 22 January).",
                    None,
                ),
                def(
                    OnSiteNotice,
                    Some((OnSiteStart, Weeks(-6), PreviousWorkingDay)),
                    "CQC (January 2024): at least 6-8 weeks' notice of the on-site dates. The \
                     default uses the 6-week minimum, so this is the latest day the notice \
                     should come.",
                    None,
                ),
                def(
                    OnSiteStart,
                    Some((Notification, Weeks(9), NextWorkingDay)),
                    "CQC (November 2023): about 9-11 weeks from notification to the on-site \
                     visit. The default uses the early end (9 weeks) so that preparation is not \
                     planned for a later visit than may come; record the dates CQC gives.",
                    None,
                ),
                def(
                    OnSiteEnd,
                    Some((OnSiteStart, WorkingDays(2), NextWorkingDay)),
                    "On-site visits last 2-4 days; the default is 3 working days, as at \
                     Hounslow (20-22 February 2024).",
                    None,
                ),
                def(
                    DraftReport,
                    Some((OnSiteEnd, Weeks(8), NextWorkingDay)),
                    "LGA communications guide: the draft report comes about 8 weeks after the \
                     site visit.",
                    None,
                ),
                def(
                    FactualAccuracyDue,
                    Some((DraftReport, WorkingDays(10), NextWorkingDay)),
                    "CQC, how we report: comments on factual accuracy within 10 working days of \
                     the date of the email sending the draft; extensions only in exceptional \
                     circumstances.",
                    Some(HOW_WE_REPORT_URL),
                ),
                def(
                    Publication,
                    Some((FactualAccuracyDue, Weeks(2), NextWorkingDay)),
                    "Estimate: no published figure. Hounslow's report came out about 2 weeks \
                     after the factual accuracy deadline that the other defaults give (on-site \
                     ended 22 February 2024, published 17 May 2024).",
                    None,
                ),
                def(
                    TwentyWeekEnd,
                    Some((Notification, Weeks(20), Adjust::None)),
                    "Council and LGA pages: about 20 weeks in total (not a CQC figure). The \
                     defaults above add up to about 21 weeks; Hounslow took about 22.",
                    None,
                ),
            ],
        }
    }
}

/// The JSON form of a profile ([`RawProfile::read`]), validated into [`TimelineProfile`].
#[derive(Debug)]
pub(crate) struct RawProfile {
    weeks_total: Option<u32>,
    minimum_on_site_notice_weeks: Option<u32>,
    milestones: Vec<RawDefinition>,
}

#[derive(Debug)]
struct RawDefinition {
    id: String,
    rule: Option<RawRule>,
    source: String,
    source_url: Option<String>,
}

impl RawProfile {
    /// Reads the JSON form of a profile at `path` (field types and names; [`RawProfile::validate`]
    /// checks the rest).
    pub(crate) fn read(value: &serde_json::Value, path: &str) -> Result<RawProfile> {
        use crate::json::Object;
        let raw = Object::new(
            value,
            path,
            "a timeline profile {weeks_total, minimum_on_site_notice_weeks, milestones}",
            &["weeks_total", "minimum_on_site_notice_weeks", "milestones"],
        )?;
        let weeks = |key: &str| -> Result<Option<u32>> {
            match raw.i64(key)? {
                None => Ok(None),
                Some(n) => u32::try_from(n).map(Some).map_err(|_| Error::InvalidJson {
                    path: raw.path(key),
                    message: format!(
                        "invalid value: integer `{n}`, expected a whole number of weeks"
                    ),
                }),
            }
        };
        raw.required("milestones", "a list of milestones")?;
        let list_path = raw.path("milestones");
        let mut milestones = Vec::new();
        for (i, m) in raw.list("milestones")?.iter().enumerate() {
            let item_path = format!("{list_path}[{i}]");
            let m = Object::new(
                m,
                &item_path,
                "a milestone {id, rule, source, source_url}",
                &["id", "rule", "source", "source_url"],
            )?;
            let rule = match m.get("rule") {
                None => None,
                Some(r) => Some(RawRule::read(r, &m.path("rule"))?),
            };
            milestones.push(RawDefinition {
                id: m.required_str("id")?.to_string(),
                rule,
                source: m.str("source")?.unwrap_or_default().to_string(),
                source_url: m.str("source_url")?.map(str::to_string),
            });
        }
        Ok(RawProfile {
            weeks_total: weeks("weeks_total")?,
            minimum_on_site_notice_weeks: weeks("minimum_on_site_notice_weeks")?,
            milestones,
        })
    }
}

impl RawRule {
    /// Reads the JSON form of a rule at `path`.
    fn read(value: &serde_json::Value, path: &str) -> Result<RawRule> {
        let raw = crate::json::Object::new(
            value,
            path,
            "a rule {from, days | weeks | working_days, adjust}",
            &["from", "days", "weeks", "working_days", "adjust"],
        )?;
        let adjust = match raw.str("adjust")? {
            None => Adjust::default(),
            Some("none") => Adjust::None,
            Some("next_working_day") => Adjust::NextWorkingDay,
            Some("previous_working_day") => Adjust::PreviousWorkingDay,
            Some(other) => {
                return Err(Error::InvalidJson {
                    path: raw.path("adjust"),
                    message: format!(
                        "unknown variant `{other}`, expected one of `none`, \
                         `next_working_day`, `previous_working_day`"
                    ),
                })
            }
        };
        Ok(RawRule {
            from: raw.required_str("from")?.to_string(),
            days: raw.i64("days")?,
            weeks: raw.i64("weeks")?,
            working_days: raw.i64("working_days")?,
            adjust,
        })
    }
}

impl<'de> Deserialize<'de> for TimelineProfile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        // Through the same reader as `from_json`, so that both accept the same documents.
        let value = serde_json::Value::deserialize(d)?;
        RawProfile::read(&value, "")
            .and_then(|raw| raw.validate(""))
            .map_err(serde::de::Error::custom)
    }
}

impl RawProfile {
    /// Checks the profile: every milestone exactly once, only the notification without a rule,
    /// rules that refer to known milestones without a cycle.
    pub(crate) fn validate(&self, prefix: &str) -> Result<TimelineProfile> {
        let at = |p: String| crate::error::join_path(prefix, &p);
        let invalid = |path: String, message: String| Error::InvalidProfile {
            path: at(path),
            message,
        };
        let mut milestones: Vec<MilestoneDefinition> = Vec::new();
        for (i, d) in self.milestones.iter().enumerate() {
            let id = MilestoneId::parse(&d.id)
                .map_err(|e| e.under(&at(format!("milestones[{i}].id"))))?;
            if milestones.iter().any(|m| m.id == id) {
                return Err(invalid(
                    format!("milestones[{i}].id"),
                    format!("milestone {id} is defined twice"),
                ));
            }
            let rule = match &d.rule {
                Some(r) => Some(r.validate(&at(format!("milestones[{i}].rule")))?),
                None => None,
            };
            match (id, rule) {
                (MilestoneId::Notification, Some(_)) => {
                    return Err(invalid(
                        format!("milestones[{i}].rule"),
                        "the notification is recorded, not computed: it takes no rule".into(),
                    ))
                }
                (MilestoneId::Notification, None) => {}
                (_, None) => {
                    return Err(invalid(
                        format!("milestones[{i}].rule"),
                        format!("milestone {id} needs a rule"),
                    ))
                }
                (_, Some(r)) if r.from == id => {
                    return Err(invalid(
                        format!("milestones[{i}].rule.from"),
                        format!("milestone {id} cannot be counted from itself"),
                    ))
                }
                _ => {}
            }
            milestones.push(MilestoneDefinition {
                id,
                rule,
                source: d.source.clone(),
                source_url: d.source_url.clone(),
            });
        }
        for id in MilestoneId::ALL {
            if !milestones.iter().any(|m| m.id == id) {
                return Err(invalid(
                    "milestones".into(),
                    format!("milestone {id} is missing"),
                ));
            }
        }
        let profile = TimelineProfile {
            weeks_total: self.weeks_total.unwrap_or(20),
            minimum_on_site_notice_weeks: self.minimum_on_site_notice_weeks.unwrap_or(6),
            milestones,
        };
        if profile.weeks_total == 0 || profile.weeks_total > 520 {
            return Err(invalid(
                "weeks_total".into(),
                format!(
                    "{} weeks is not a plausible assessment length",
                    profile.weeks_total
                ),
            ));
        }
        // Every chain of rules must lead back to the notification.
        for (i, m) in profile.milestones.iter().enumerate() {
            let mut seen = vec![m.id];
            let mut cur = m.id;
            while let Some(rule) = profile.definition(cur).rule {
                cur = rule.from;
                if seen.contains(&cur) {
                    return Err(invalid(
                        format!("milestones[{i}].rule.from"),
                        format!(
                            "the rules form a cycle: {}",
                            seen.iter()
                                .chain([&cur])
                                .map(|m| m.as_str())
                                .collect::<Vec<_>>()
                                .join(" -> ")
                        ),
                    ));
                }
                seen.push(cur);
            }
        }
        Ok(profile)
    }
}

impl TimelineProfile {
    /// Reads a profile from JSON (the shape [`TimelineProfile::default`] serialises to).
    /// Errors: `invalid_json` for malformed JSON, `unknown_milestone` for an id that is not one,
    /// `invalid_profile` for a missing or duplicated milestone, a missing rule or a cycle.
    ///
    /// ```
    /// let err = cqc_assurance::TimelineProfile::from_json(r#"{"milestones": []}"#).unwrap_err();
    /// assert_eq!(err.code(), "invalid_profile");
    /// ```
    pub fn from_json(text: &str) -> Result<TimelineProfile> {
        RawProfile::read(&crate::json::parse(text)?, "")?.validate("")
    }

    /// Checks a profile built in code (fields are public): the same rules as
    /// [`from_json`](Self::from_json).
    pub fn validate(&self) -> Result<()> {
        let raw = RawProfile {
            weeks_total: Some(self.weeks_total),
            minimum_on_site_notice_weeks: Some(self.minimum_on_site_notice_weeks),
            milestones: self
                .milestones
                .iter()
                .map(|m| RawDefinition {
                    id: m.id.as_str().to_string(),
                    rule: m.rule.map(RawRule::from),
                    source: m.source.clone(),
                    source_url: m.source_url.clone(),
                })
                .collect(),
        };
        raw.validate("profile").map(|_| ())
    }

    /// The definition of one milestone.
    pub fn definition(&self, id: MilestoneId) -> &MilestoneDefinition {
        self.milestones
            .iter()
            .find(|m| m.id == id)
            .expect("a validated profile defines every milestone")
    }

    /// The milestones in an order where each comes after the one it is counted from.
    pub(crate) fn evaluation_order(&self) -> Vec<MilestoneId> {
        let mut order: Vec<MilestoneId> = Vec::with_capacity(self.milestones.len());
        while order.len() < self.milestones.len() {
            for m in &self.milestones {
                if order.contains(&m.id) {
                    continue;
                }
                match m.rule {
                    None => order.push(m.id),
                    Some(r) if order.contains(&r.from) => order.push(m.id),
                    _ => {}
                }
            }
        }
        order
    }
}
