//! Writing the workbook document: the `Serialize` of [`Workbook`], version first, each
//! statement's entry under its id, and optional parts only when they are set.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::{SelfScore, StatementEntry, Workbook, DEFAULT_REVIEW_AFTER_MONTHS, WORKBOOK_VERSION};

impl Serialize for Workbook {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("version", &WORKBOOK_VERSION)?;
        map.serialize_entry("council", &self.council)?;
        map.serialize_entry("method", &self.method)?;
        if let Some(n) = &self.notes {
            map.serialize_entry("notes", n)?;
        }
        if let Some(m) = &self.protective_marking {
            map.serialize_entry("protective_marking", m)?;
        }
        if self.review_after_months != DEFAULT_REVIEW_AFTER_MONTHS {
            map.serialize_entry("review_after_months", &self.review_after_months)?;
        }
        map.serialize_entry("statements", &StatementsSer(&self.statements))?;
        map.serialize_entry("evidence", &self.evidence)?;
        map.serialize_entry("indicators", &self.indicators)?;
        map.serialize_entry("actions", &self.actions)?;
        if let Some(t) = &self.timeline {
            map.serialize_entry("timeline", t)?;
        }
        if !self.information_return.is_empty() {
            map.serialize_entry("information_return", &self.information_return)?;
        }
        if !self.case_tracking.is_empty() {
            map.serialize_entry("case_tracking", &self.case_tracking)?;
        }
        if !self.interviews.is_empty() {
            map.serialize_entry("interviews", &self.interviews)?;
        }
        if !self.history.is_empty() {
            map.serialize_entry("history", &self.history)?;
        }
        map.end()
    }
}

struct StatementsSer<'a>(&'a [StatementEntry]);

impl Serialize for StatementsSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for e in self.0 {
            map.serialize_entry(e.statement.id(), &EntrySer(e))?;
        }
        map.end()
    }
}

struct EntrySer<'a>(&'a StatementEntry);

impl Serialize for EntrySer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = self.0;
        let mut map = s.serialize_map(None)?;
        match &e.self_score {
            SelfScore::NotScored => map.serialize_entry("self_score", &Value::Null)?,
            SelfScore::Score(score) => map.serialize_entry("self_score", score)?,
            SelfScore::Distribution(d) => map.serialize_entry("self_score", d)?,
            SelfScore::EvidenceCategories(ev) => {
                let cats: serde_json::Map<String, Value> = ev
                    .iter()
                    .map(|(c, s)| (c.id().to_string(), Value::from(s.get())))
                    .collect();
                map.serialize_entry("evidence_scores", &cats)?;
            }
        }
        map.serialize_entry("strengths", &e.strengths)?;
        map.serialize_entry("areas_for_improvement", &e.areas_for_improvement)?;
        if let Some(n) = &e.narrative {
            map.serialize_entry("narrative", n)?;
        }
        map.end()
    }
}
