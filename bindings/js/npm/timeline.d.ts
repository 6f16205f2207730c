// Type declarations of the sub-path `cqc-assurance/timeline`: the timeline module
// (`cqc_assurance_timeline_bg.wasm`): the assessment timeline on real working days, bank
// holidays, working-day arithmetic.
//
// Every declaration is in index.d.ts (the root `cqc-assurance`, the whole API); this file
// re-exports this module's functions and every type they take, return or throw, nothing else.
// bindings/js/tests/entries.test.mjs checks both lists against index.d.ts and the module.

export {
  timeline, timelineIcs, timelineText, timelineProfile, bankHolidays, bankHolidaysFromGovUk,
  easterSunday, isWorkingDay, nonWorkingReason, addWorkingDays, workingDaysBetween,
} from "./index.js";

export type {
  MilestoneId, MilestoneKey, DateInput, ErrorCode, ErrorFamily, CqcError, MilestoneRuleInput,
  MilestoneDefinitionInput, ReassessmentCycleInput, TimelineProfileInput, BankHolidayInput,
  CalendarInput, ElectionYearInput, ElectionPeriodInput, PreElectionInput, VisitInput,
  TimelineInput, Adjust, Basis, MilestoneKind, MilestoneState, IssueKind, MilestoneRule, Forecast,
  Milestone, TimelineIssue, Interval, TimelineStatus, PreElectionPeriod, NextAssessment, Timeline,
  MilestoneDefinition, ReassessmentCycle, TimelineProfile, BankHoliday,
} from "./index.js";
