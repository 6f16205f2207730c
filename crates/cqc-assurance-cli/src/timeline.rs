//! The `timeline` command: every milestone of an assessment from the notification date, on
//! real working days, with the status on a date and an iCalendar file.

use clap::Args;
use cqc_assurance::{
    parse_date, plan_timeline, MilestoneId, TimelineInput, TimelineProfile, WorkingCalendar,
};

use crate::{read_input, to_json, CliError, Outcome};

/// Arguments of `timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The day CQC's notification email arrived (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    notified: Option<String>,
    /// The first day of the on-site visit, as CQC gave it.
    #[arg(long, value_name = "DATE")]
    on_site: Option<String>,
    /// The last day of the on-site visit, as CQC gave it.
    #[arg(long, value_name = "DATE")]
    on_site_end: Option<String>,
    /// The date of the email that sent the draft report.
    #[arg(long, value_name = "DATE")]
    draft_report: Option<String>,
    /// Any other recorded date, as MILESTONE=DATE (repeatable), e.g.
    /// `--actual information_return_due=2025-01-24`.
    #[arg(long, value_name = "ID=DATE")]
    actual: Vec<String>,
    /// Report the status on this date (also fixes the DTSTAMP of the .ics file).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// A timeline document (JSON: notified, actuals, approximate, today, profile, closures,
    /// bank_holidays, council, notes); the options above override its fields.
    #[arg(long, short = 'f', value_name = "FILE")]
    file: Option<String>,
    /// A timeline profile (JSON) replacing the default rules.
    #[arg(long, value_name = "FILE")]
    profile: Option<String>,
    /// The official bank holidays in GOV.UK's bank-holidays.json format.
    #[arg(long, value_name = "FILE")]
    bank_holidays: Option<String>,
    /// A council closure day (repeatable).
    #[arg(long, value_name = "DATE")]
    closure: Vec<String>,
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
    for (flag, value, id) in [
        ("--on-site", &args.on_site, MilestoneId::OnSiteStart),
        ("--on-site-end", &args.on_site_end, MilestoneId::OnSiteEnd),
        (
            "--draft-report",
            &args.draft_report,
            MilestoneId::DraftReport,
        ),
    ] {
        if let Some(v) = value {
            input.actuals.insert(id, parse_date(v, flag)?);
        }
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
        let id = MilestoneId::parse(id).map_err(|e| e.under(&format!("--actual {id}")))?;
        input.actuals.insert(id, parse_date(date, &path)?);
    }
    if let Some(t) = &args.today {
        input.today = Some(parse_date(t, "--today")?);
    }
    if let Some(p) = &args.profile {
        input.profile =
            TimelineProfile::from_json(&read_input(p)?).map_err(|e| e.under("--profile"))?;
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
        input.calendar = WorkingCalendar::with_closures(input.calendar, days);
    }
    let timeline = plan_timeline(&input)?;
    if let Some(path) = &args.ics {
        // With --today the file is reproducible: DTSTAMP is midnight UTC of that day.
        let ics = match input.today {
            Some(t) => timeline.to_ical_on(t),
            None => timeline.to_ical(jiff::Timestamp::now()),
        };
        std::fs::write(path, ics).map_err(|e| CliError::Io(format!("cannot write {path}: {e}")))?;
    }
    Ok(Outcome::ok(if args.json {
        to_json(&timeline)
    } else {
        timeline.to_text()
    }))
}
