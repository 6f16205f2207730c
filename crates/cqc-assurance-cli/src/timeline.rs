//! The `timeline` command: every milestone of an assessment from the first notice, on real
//! working days, with the pre-election pause, forecasts from recorded cases, the status on a
//! date and an iCalendar file.

use clap::Args;
use cqc_assurance::{
    parse_date, plan_timeline, ElectionCalendar, ElectionYears, MilestoneId, MilestonePart,
    PreElectionPolicy, TimelineInput, TimelineProfile,
};

use crate::{read_input, to_json, CliError, Outcome};

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The day CQC's first notice (the information return request) arrived (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    notified: Option<String>,
    /// The first day of the visit, as CQC gave it.
    #[arg(long, value_name = "DATE")]
    on_site: Option<String>,
    /// The last day of the visit, as CQC gave it.
    #[arg(long, value_name = "DATE")]
    on_site_end: Option<String>,
    /// The date of the email that sent the draft report.
    #[arg(long, value_name = "DATE")]
    draft_report: Option<String>,
    /// Any recorded date, as MILESTONE=DATE (repeatable), e.g. `--actual visit_notice=2025-06-30`
    /// or `--actual visit=2025-08-18/2025-08-21` (the visit's first and last days).
    #[arg(long, value_name = "ID=DATE")]
    actual: Vec<String>,
    /// Report the status on this date (also fixes the DTSTAMP of the .ics file).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// A timeline document (JSON: notified, actuals, approximate, today, profile, closures,
    /// bank_holidays, pre_election, council, id, notes); the options here override its fields.
    #[arg(long, short = 'f', value_name = "FILE")]
    file: Option<String>,
    /// A timeline profile (JSON) replacing the default rules.
    #[arg(long, value_name = "FILE")]
    profile: Option<String>,
    /// The official bank holidays in GOV.UK's bank-holidays.json format (whole years).
    #[arg(long, value_name = "FILE")]
    bank_holidays: Option<String>,
    /// A council closure day (repeatable). CQC's deadlines stay on England's working days; a
    /// deadline after closure days also shows the council's own date.
    #[arg(long, value_name = "DATE")]
    closure: Vec<String>,
    /// The council (shown, and used in the .ics event ids).
    #[arg(long, value_name = "NAME")]
    council: Option<String>,
    /// An id for this assessment, used in the .ics event ids in place of the council's name.
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    /// A calendar of elections (JSON: years, periods) overriding the bundled one year by year.
    #[arg(long, value_name = "FILE")]
    elections: Option<String>,
    /// The years with a pre-election pause: `every_year` (the default), `none`, or a list such
    /// as `2026,2027`.
    #[arg(long, value_name = "YEARS")]
    election_years: Option<String>,
    /// What to do with a planned publication inside a pre-election period: `move` (default)
    /// or `flag`.
    #[arg(long, value_name = "POLICY")]
    pre_election: Option<String>,
    /// Calendar reminders this many working days before each deadline (0: none; default 3).
    #[arg(long, value_name = "N")]
    reminder_days: Option<u32>,
    /// Write the timeline as an iCalendar file.
    #[arg(long, value_name = "FILE")]
    ics: Option<String>,
    /// Print the default profile (the rules and their sources) as JSON and stop.
    #[arg(long)]
    show_profile: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Runs `timeline`.
pub fn timeline(args: TimelineArgs) -> Result<Outcome, CliError> {
    if args.show_profile {
        return Ok(Outcome::ok(to_json(&TimelineProfile::default())));
    }
    let mut input = match &args.file {
        Some(f) => TimelineInput::from_json(&read_input(f)?)?,
        None => TimelineInput::default(),
    };
    if let Some(n) = &args.notified {
        input.notified = Some(parse_date(n, "--notified")?);
    }
    if let Some(v) = &args.on_site {
        input
            .actuals
            .insert(MilestoneId::Visit, parse_date(v, "--on-site")?);
    }
    if let Some(v) = &args.on_site_end {
        input.visit_end = Some(parse_date(v, "--on-site-end")?);
    }
    if let Some(v) = &args.draft_report {
        input
            .actuals
            .insert(MilestoneId::DraftReport, parse_date(v, "--draft-report")?);
    }
    for a in &args.actual {
        let path = format!("--actual {a}");
        let Some((id, date)) = a.split_once('=') else {
            return Err(cqc_assurance::Error::InvalidDate {
                path,
                input: a.clone(),
            }
            .into());
        };
        let (id, part) =
            MilestoneId::parse_part(id).map_err(|e| e.under(&format!("--actual {id}")))?;
        match (id, part, date.split_once('/')) {
            (MilestoneId::Visit, MilestonePart::Start, Some((s, e))) => {
                input.actuals.insert(id, parse_date(s.trim(), &path)?);
                input.visit_end = Some(parse_date(e.trim(), &path)?);
            }
            (MilestoneId::Visit, MilestonePart::End, _) => {
                input.visit_end = Some(parse_date(date, &path)?);
            }
            _ => {
                input.actuals.insert(id, parse_date(date, &path)?);
            }
        }
    }
    if let Some(t) = &args.today {
        input.today = Some(parse_date(t, "--today")?);
    }
    if let Some(p) = &args.profile {
        input.profile =
            TimelineProfile::from_json(&read_input(p)?).map_err(|e| e.under("--profile"))?;
    }
    if let Some(n) = args.reminder_days {
        input.profile.reminder_working_days = n;
    }
    if let Some(h) = &args.bank_holidays {
        input.calendar = input
            .calendar
            .with_gov_uk_json(&read_input(h)?)
            .map_err(|e| e.under("--bank-holidays"))?;
    }
    if !args.closure.is_empty() {
        let days = args
            .closure
            .iter()
            .map(|c| parse_date(c, "--closure"))
            .collect::<Result<Vec<_>, _>>()?;
        input.calendar = input.calendar.with_closures(days);
    }
    if let Some(c) = &args.council {
        input.council = Some(c.clone());
    }
    if let Some(i) = &args.id {
        input.id = Some(i.clone());
    }
    if let Some(e) = &args.elections {
        let doc =
            ElectionCalendar::from_json(&read_input(e)?).map_err(|e| e.under("--elections"))?;
        input.pre_election.calendar = input.pre_election.calendar.merged(&doc);
    }
    if let Some(y) = &args.election_years {
        input.pre_election.election_years = election_years(y)?;
    }
    if let Some(p) = &args.pre_election {
        input.pre_election.policy = match p.as_str() {
            "move" => PreElectionPolicy::Move,
            "flag" => PreElectionPolicy::Flag,
            other => {
                return Err(cqc_assurance::Error::InvalidValue {
                    path: "--pre-election".into(),
                    message: format!("{other:?} is not move or flag"),
                }
                .into())
            }
        };
    }
    let timeline = plan_timeline(&input)?;
    if let Some(path) = &args.ics {
        // With --today the file is reproducible: DTSTAMP is midnight UTC of that day.
        let ics = match input.today {
            Some(t) => timeline.to_ical_on(t),
            None => timeline.to_ical(jiff::Timestamp::now()),
        };
        crate::files::write_atomic(path, ics.as_bytes())?;
    }
    Ok(Outcome::ok(if args.json {
        to_json(&timeline)
    } else {
        timeline.to_text()
    }))
}

/// `every_year`, `none` or `2026,2027`.
fn election_years(text: &str) -> Result<ElectionYears, CliError> {
    match text.trim() {
        "every_year" | "every-year" | "every" => Ok(ElectionYears::EveryYear),
        "none" => Ok(ElectionYears::Years(Vec::new())),
        list => list
            .split(',')
            .map(|y| {
                y.trim().parse::<i16>().map_err(|_| {
                    CliError::from(cqc_assurance::Error::InvalidValue {
                        path: "--election-years".into(),
                        message: format!(
                            "{y:?} is not a year (expected every_year, none or a list such as \
                             2026,2027)"
                        ),
                    })
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(ElectionYears::Years),
    }
}
