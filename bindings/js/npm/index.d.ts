// Type declarations of the npm package `cqc-assurance`, written and checked by hand against the
// Rust core's serialised types (field names in camelCase; string values exactly as the core
// writes them). Every function throws a `CqcError` (see below) on bad input.
//
// This file declares the root `cqc-assurance` (the whole API) and every type once; the
// sub-paths' files (rating.d.ts, timeline.d.ts, workbook.d.ts) re-export from it.

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

/** Stable ids of the nine quality statements, in CQC's order (QS1-QS9). */
export type StatementId =
  | "assessing-needs"
  | "supporting-healthier-lives"
  | "equity"
  | "care-provision"
  | "partnerships"
  | "safe-systems"
  | "safeguarding"
  | "governance"
  | "learning";

/** Stable ids of the four themes. */
export type ThemeId = "working-with-people" | "providing-support" | "ensuring-safety" | "leadership";

/** Stable ids of the six evidence categories of CQC's single assessment framework. */
export type EvidenceCategoryId =
  | "peoples-experience"
  | "staff-and-leaders"
  | "partners"
  | "observation"
  | "processes"
  | "outcomes";

/** The four ratings, worst to best (their index 0-3 is what `rateMany` returns). */
export type RatingId = "inadequate" | "requires_improvement" | "good" | "outstanding";

/** The rating methods: statement scores (from 30 June 2025) or evidence-category scores (earlier). */
export type RatingMethodId = "current" | "earlier";

/** A score as the core returns it: a whole number from 1 to 4. */
export type ScoreValue = 1 | 2 | 3 | 4;

/** Nine scores in CQC's order (QS1-QS9). */
export type NineScoreValues = [
  ScoreValue, ScoreValue, ScoreValue,
  ScoreValue, ScoreValue, ScoreValue,
  ScoreValue, ScoreValue, ScoreValue,
];

/** The milestones of an assessment's timeline, in their usual order. */
export type MilestoneId =
  | "notification"
  | "one_week_items_due"
  | "information_return_due"
  | "self_assessment_due"
  | "case_tracking_list_due"
  | "visit_notice"
  | "leadership_presentation"
  | "data_focus_group"
  | "visit"
  | "visit_feedback"
  | "draft_report"
  | "factual_accuracy_due"
  | "publication"
  | "twenty_week_end";

/**
 * The ids a document may use for recorded dates: the milestones, `visit_end` (the visit's last
 * day), and the earlier ids still read (`on_site_notice` is `visit_notice`, `set_up_meeting`
 * is `leadership_presentation`, `on_site_start` and `on_site_end` the visit's first and last
 * days).
 */
export type MilestoneKey =
  | MilestoneId
  | "visit_end"
  | "on_site_notice"
  | "set_up_meeting"
  | "on_site_start"
  | "on_site_end";

/** A calendar date: a `YYYY-MM-DD` string, or a `Date` (its calendar date in local time). */
export type DateInput = string | Date;

/** How CQC uses an evidence category for local authorities. */
export type LocalAuthorityUse = "used" | "not_in_baselining_round" | "not_used";

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** The core's stable error codes (the same strings in Rust, Python and JavaScript). */
export type ErrorCode =
  | "score_out_of_range"
  | "unknown_statement"
  | "theme_not_statement"
  | "duplicate_statement"
  | "duplicate_evidence_category"
  | "empty_assessment"
  | "wrong_length"
  | "unknown_evidence_category"
  | "evidence_category_not_used"
  | "unknown_theme"
  | "unknown_rating"
  | "unknown_method"
  | "method_mismatch"
  | "invalid_probability"
  | "invalid_percent"
  | "invalid_json"
  | "unsupported_version"
  | "invalid_csv"
  | "csv_encoding"
  | "csv_separator"
  | "invalid_xlsx"
  | "fewer_items"
  | "unknown_council"
  | "invalid_date"
  | "unknown_milestone"
  | "dates_out_of_order"
  | "conflicting_dates"
  | "missing_date"
  | "date_out_of_range"
  | "invalid_profile"
  | "invalid_holidays"
  | "incomplete_holidays"
  | "missing_statement"
  | "duplicate_id"
  | "empty_field"
  | "unknown_action_status"
  | "unknown_rag"
  | "unknown_choice"
  | "unknown_reference"
  | "invalid_value"
  | "report_render"
  | "unknown_region"
  | "unknown_council_type";

/** The families of error codes. */
export type ErrorFamily =
  | "score"
  | "lookup"
  | "assessment"
  | "probability"
  | "document"
  | "timeline"
  | "workbook";

/**
 * What every function of this package throws on bad input: a plain `Error` (no subclass) with
 * the core's `code`, `family` and the `path` of the offending field (`"scores[4]"`,
 * `"scores.safeguarding"`, `"target"`), or `null` where the error is not about one field.
 *
 * ```ts
 * try { rate([2, 3, 3, 2, 5, 2, 2, 3, 3]); }
 * catch (e) { if ((e as CqcError).code === "score_out_of_range") { ... } }
 * ```
 */
export interface CqcError extends Error {
  name: "CqcError";
  code: ErrorCode;
  family: ErrorFamily;
  path: string | null;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/**
 * Statement scores keyed by statement: the id (`"assessing-needs"`), the number (`"5"`,
 * `"QS5"`) or any published name (`"Partnership & communities"`). A score is a whole number
 * 1-4; `null` means not assessed. Anything else (`NaN`, `"3"`, `2.5`, `undefined`) is an error.
 */
export interface StatementScoresInput {
  readonly [statement: string]: number | null;
}

/** Nine scores in CQC's order (QS1-QS9), `null` for a statement not assessed. */
export type NineScoresInput = readonly (number | null)[];

/** An assessment under the current method: statement scores. */
export interface CurrentMethodDocument {
  readonly version?: 1;
  readonly method?: "current";
  readonly scores: NineScoresInput | StatementScoresInput;
}

/**
 * An assessment under the earlier method: for each statement, its evidence-category scores
 * (keyed by category id or name), from which the statement score is derived.
 */
export interface EarlierMethodDocument {
  readonly version?: 1;
  readonly method: "earlier";
  readonly evidenceScores: {
    readonly [statement: string]: { readonly [category: string]: number | null };
  };
}

/** What the rating functions take: nine scores, or an assessment document. */
export type AssessmentInput = NineScoresInput | CurrentMethodDocument | EarlierMethodDocument;

/** A rating as input: its id or label, ignoring case (`"good"`, `"Requires improvement"`). */
export type RatingInput = RatingId | string;

/**
 * The uncertainty about one statement's score: a score (certain), `null` (not assessed) or the
 * probabilities of scores 1, 2, 3 and 4 (each 0-1, adding up to 1).
 */
export type ScoreDistributionInput =
  | number
  | null
  | readonly [number, number, number, number];

/** The input of `ratingProbabilities`: nine distributions in order, or keyed by statement. */
export type ProbabilityInput =
  | readonly ScoreDistributionInput[]
  | {
      readonly version?: 1;
      readonly scores:
        | readonly ScoreDistributionInput[]
        | { readonly [statement: string]: ScoreDistributionInput };
    };

// ---------------------------------------------------------------------------------------------
// The framework
// ---------------------------------------------------------------------------------------------

export interface Statement {
  id: StatementId;
  /** 1-9, as in CQC's reports. */
  number: number;
  /** 0-8: the position in arrays of nine scores. */
  index: number;
  /** CQC's name. */
  name: string;
  theme: ThemeId;
  /** A one-line summary in this project's words (the official wording is at `url`). */
  description: string;
  /** Other names seen in CQC's reports and press releases. */
  aliases: string[];
  url: string;
}

export interface Theme {
  id: ThemeId;
  /** 1-4. */
  number: number;
  name: string;
  statements: StatementId[];
}

export interface EvidenceCategory {
  id: EvidenceCategoryId;
  /** 0-5. */
  index: number;
  name: string;
  description: string;
  localAuthorityUse: LocalAuthorityUse;
  appliesToLocalAuthorities: boolean;
}

export interface RatingInfo {
  id: RatingId;
  /** 0-3, worst to best. */
  index: number;
  /** As CQC prints it: `"Requires improvement"`. */
  label: string;
  /** The band of published percentages giving this rating, inclusive. */
  lowerPercent: number;
  upperPercent: number;
}

export interface ScoreInfo {
  score: ScoreValue;
  /** What the score means in CQC's terms. */
  descriptor: string;
}

export interface RatingMethodInfo {
  id: RatingMethodId;
  name: string;
  /** ISO date. */
  inForceFrom: string;
  /** ISO date, or `null` while in force. */
  inForceUntil: string | null;
  sourceUrl: string;
}

export interface Framework {
  themes: Theme[];
  statements: Statement[];
  evidenceCategories: EvidenceCategory[];
  /** The four categories used for local authorities in the baselining round. */
  localAuthorityCategories: EvidenceCategoryId[];
  ratings: RatingInfo[];
  scores: ScoreInfo[];
  methods: RatingMethodInfo[];
  frameworkUrl: string;
  evidenceUrl: string;
  ratingsUrl: string;
  /** The version of assessment documents this package reads and writes. */
  documentVersion: number;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export interface CategoryScore {
  category: EvidenceCategoryId;
  score: ScoreValue;
}

/** How a statement's score came from its evidence categories (earlier method only). */
export interface EvidenceWorking {
  categories: CategoryScore[];
  total: number;
  max: number;
  percentExact: number;
  /** Rounded up. */
  percent: number;
}

export interface StatementResult {
  statement: StatementId;
  theme: ThemeId;
  score: ScoreValue;
  /** Present under the earlier method. */
  evidence?: EvidenceWorking;
}

/** Where a result sits in its rating's band. */
export interface BandPosition {
  rating: RatingId;
  lowerPercent: number;
  upperPercent: number;
  percentAboveLowerEdge: number;
  /** `null` for outstanding. */
  nextRating: RatingId | null;
  /** Score points needed to reach the next rating; `null` for outstanding. */
  pointsToNextRating: number | null;
  /** Score points that can be lost without dropping a rating; `null` for inadequate. */
  slackPoints: number | null;
  half: "upper" | "lower";
  /** E.g. `"upper threshold of requires improvement, nearing good"`. */
  wording: string;
}

export interface RatingResult {
  method: RatingMethodId;
  rating: RatingId;
  total: number;
  max: number;
  /** How many statements were assessed (1-9). */
  assessed: number;
  /** The published percentage: 100 × total / max, rounded up. */
  percent: number;
  percentExact: number;
  statements: StatementResult[];
  band: BandPosition;
}

export interface Explanation {
  rating: RatingId;
  /** The working, one sentence group per step. */
  steps: string[];
  /** The steps numbered, one per line. */
  text: string;
}

export interface ScoreIncrease {
  statement: StatementId;
  from: ScoreValue;
  to: ScoreValue;
}

export interface ImprovementPath {
  increases: ScoreIncrease[];
  points: number;
  percent: number;
  rating: RatingId;
}

export interface ImprovementPlan {
  target: RatingId;
  currentRating: RatingId;
  currentTotal: number;
  targetTotal: number;
  pointsNeeded: number;
  alreadyMet: boolean;
  /** Whether the target can be reached within the limits given. */
  reachable: boolean;
  /** Every minimal set of increases, the most realistic first (single steps, lowest scores first); empty when already met or out of reach. */
  paths: ImprovementPath[];
}

export interface RatingProbability {
  rating: RatingId;
  probability: number;
}

export interface TotalProbability {
  total: number;
  percent: number;
  rating: RatingId;
  probability: number;
}

export interface RatingProbabilities {
  assessed: number;
  /** One per rating, worst to best. */
  ratings: RatingProbability[];
  /** The most probable rating (the worse one on a tie). */
  mostLikely: RatingId;
  /** The headline: one rating at two in three or more, otherwise too close to call. */
  call: RatingCall;
  expectedTotal: number;
  /** An average: the published percentage is a whole number, distributed as `totals`. */
  expectedPercentExact: number;
  totals: TotalProbability[];
}

/** The headline a set of uncertain scores supports. */
export interface RatingCall {
  tooCloseToCall: boolean;
  /** The rating called, or null when it is too close to call. */
  rating: RatingId | null;
  /** The probability of the most likely rating. */
  probability: number;
  /** The ratings the headline names, worst first. */
  contenders: RatingProbability[];
  /** The rating the figures beside the headline assume (the worst in contention). */
  prudentRating: RatingId;
  /** `Good (probability 83%)` or `Too close to call: requires improvement 50% or good 50%`. */
  headline: string;
}

export type FindingKind =
  | "rating_mismatch"
  | "percent_mismatch"
  | "percent_outside_rating_band"
  | "percent_not_achievable";

export interface Finding {
  kind: FindingKind;
  message: string;
}

export interface ScoreCorrection {
  statement: StatementId;
  published: ScoreValue;
  corrected: ScoreValue;
  percent: number;
}

export interface PublishedCheck {
  computed: RatingResult;
  publishedRating: RatingId;
  publishedPercent: number | null;
  consistent: boolean;
  findings: Finding[];
  /** Single-score changes that would make the record consistent (when it is not). */
  corrections: ScoreCorrection[];
}

export interface RatingForTotal {
  rating: RatingId;
  percent: number;
}

/** The core's normalised assessment document. */
export interface AssessmentDocument {
  version: 1;
  method: RatingMethodId;
  /** Current method: scores of the assessed statements. */
  scores?: { [statement in StatementId]?: ScoreValue };
  /** Earlier method: evidence-category scores of the assessed statements. */
  evidenceScores?: {
    [statement in StatementId]?: { [category in EvidenceCategoryId]?: ScoreValue };
  };
}

/** The result of `rateMany`: one entry per row. */
export interface RateManyResult {
  /** Rating index per row: 0 inadequate, 1 requires improvement, 2 good, 3 outstanding. */
  ratings: Uint8Array;
  /** Published percentage per row. */
  percents: Uint8Array;
}

export type RegionId =
  | "north_east"
  | "north_west"
  | "yorkshire_and_the_humber"
  | "east_midlands"
  | "west_midlands"
  | "east_of_england"
  | "london"
  | "south_east"
  | "south_west";

export type CouncilTypeId = "county" | "unitary" | "metropolitan_district" | "london_borough" | "other";

/** One assessment of a council, or the council's row saying no assessment was found. */
export interface PublishedResult {
  /** ONS GSS code of the council. */
  gssCode: string;
  council: string;
  region: RegionId;
  councilType: CouncilTypeId;
  /** `null`: no published assessment found for the council. */
  assessmentKind: "pilot" | "baseline" | "reassessment" | null;
  /** `YYYY-MM` or `YYYY-MM-DD`, where known. */
  published: string | null;
  /** How precisely `published` is known (`week`: the week commencing the date). */
  publishedPrecision: "day" | "week" | "month" | "unknown" | null;
  /** QS1-QS9, or `null` where the scores were not published. */
  scores: NineScoreValues | null;
  total: number | null;
  assessed: number | null;
  /** Stated by a source, else computed from the scores (`percentBasis`). */
  percent: number | null;
  percentBasis: "stated" | "computed" | null;
  /** `null` where no source found states the rating. */
  rating: RatingId | null;
  sourceKind: "cqc" | "council" | "press" | "scrape" | null;
  sources: string[];
  cqcReportUrl: string | null;
  note: string | null;
  /** A pilot assessment (2023): an indicative rating. */
  pilot: boolean;
  /** The council's current result (one per council). */
  current: boolean;
}

export interface StatementDistribution {
  statement: StatementId;
  /** Councils that scored 1, 2, 3 and 4. */
  counts: [number, number, number, number];
  councils: number;
  mean: number;
}

export interface Ranking {
  region: RegionId | null;
  councilType: CouncilTypeId | null;
  /** The lowest position of the tie group (1 + higher + equal): ties count against the council. */
  rank: number;
  /** The highest position of the tie group (1 + higher). */
  bestRank: number;
  /** Positions in all: the councils compared and the one placed. */
  outOf: number;
  councils: number;
  higher: number;
  equal: number;
  lower: number;
  percentile: number;
}

export interface RatingCount {
  rating: RatingId;
  councils: number;
}

/** A council's position nationally, within its region and among councils of its kind. */
export interface CouncilRankings {
  gssCode: string;
  council: string;
  england: Ranking;
  region: Ranking;
  councilType: Ranking;
}

/** How many councils of a group (a region or a kind of council) have each current rating. */
export interface RatingCounts {
  region: RegionId | null;
  councilType: CouncilTypeId | null;
  councils: number;
  /** Inadequate, requires improvement, good, outstanding. */
  counts: [number, number, number, number];
  /** Of those, councils whose only result is a pilot's indicative rating. */
  pilot: number;
  /** Councils with a published assessment whose rating no source found states. */
  ratingUnknown: number;
  /** Councils with no published assessment found. */
  noResult: number;
}

/** How the councils of one region scored each statement. */
export interface GroupDistribution {
  region: RegionId | null;
  councilType: CouncilTypeId | null;
  /** Councils of the group with nine published scores (current assessment). */
  councils: number;
  statements: StatementDistribution[];
}

export interface PublishedConflict {
  record: PublishedResult;
  check: PublishedCheck;
}

// ---------------------------------------------------------------------------------------------
// The timeline
// ---------------------------------------------------------------------------------------------

/**
 * A rule placing a milestone: exactly one of `days`, `weeks` or `workingDays` after `from`
 * (`"visit_end"`: the visit's last day).
 */
export interface MilestoneRuleInput {
  readonly from: MilestoneId | "visit_end";
  readonly days?: number;
  readonly weeks?: number;
  readonly workingDays?: number;
  readonly adjust?: Adjust;
}

export interface MilestoneDefinitionInput {
  readonly id: MilestoneId;
  readonly rule?: MilestoneRuleInput | null;
  readonly fixed?: boolean;
  readonly source?: string;
  readonly sourceUrl?: string | null;
}

export interface ReassessmentCycleInput {
  readonly minYears: number;
  readonly maxYears: number;
  readonly status?: string;
  readonly source?: string;
  readonly sourceUrl?: string | null;
}

/**
 * Timeline rules (every milestone must be defined; other fields left out keep the default's):
 * see `timelineProfile()` for the defaults.
 */
export interface TimelineProfileInput {
  readonly description?: string;
  readonly weeksTotal?: number;
  readonly weeksTotalSource?: string;
  readonly minimumOnSiteNoticeWeeks?: number;
  readonly minimumOnSiteNoticeSource?: string;
  readonly visitWorkingDays?: number;
  readonly visitSource?: string;
  readonly visitSourceUrl?: string | null;
  readonly reminderWorkingDays?: number;
  readonly reassessment?: ReassessmentCycleInput;
  readonly milestones: readonly MilestoneDefinitionInput[];
}

export interface BankHolidayInput {
  readonly date: DateInput;
  readonly title?: string;
  readonly notes?: string;
}

/**
 * A working calendar: official bank holidays (replacing the rules for their years, each year
 * whole) and closure days.
 */
export interface CalendarInput {
  readonly bankHolidays?: readonly BankHolidayInput[];
  readonly closures?: readonly DateInput[];
}

/** A year of local elections that differs from the rule, or whose notice day is known. */
export interface ElectionYearInput {
  readonly year: number;
  readonly pollingDay?: DateInput;
  readonly noElections?: boolean;
  readonly notice?: DateInput;
  readonly note?: string;
  readonly sourceUrl?: string;
}

export interface ElectionPeriodInput {
  readonly title: string;
  readonly start: DateInput;
  readonly end: DateInput;
  readonly note?: string;
  readonly sourceUrl?: string;
}

/** Pre-election settings: which years pause publication, move or flag, the calendar's overrides. */
export interface PreElectionInput {
  readonly electionYears?: "every_year" | "none" | readonly number[];
  readonly policy?: "move" | "flag";
  readonly calendar?: {
    readonly rule?: string;
    readonly years?: readonly ElectionYearInput[];
    readonly periods?: readonly ElectionPeriodInput[];
  };
}

/** The visit in `actuals`: its first day, `START/END`, or `{ start, end }`. */
export type VisitInput = DateInput | { readonly start: DateInput; readonly end?: DateInput };

/** What a timeline is computed from. `notified` or at least one actual is needed. */
export interface TimelineInput {
  /** The day CQC's first notice arrived. */
  readonly notified?: DateInput;
  /** What actually happened, keyed by milestone id. Later milestones re-plan from these. */
  readonly actuals?: { readonly [milestone in MilestoneKey]?: milestone extends "visit" ? VisitInput : DateInput };
  /** Actuals whose exact day is not known. */
  readonly approximate?: readonly MilestoneKey[];
  /** The date to report the status on. */
  readonly today?: DateInput;
  readonly profile?: TimelineProfileInput;
  /** The council's own closure days (they give its own dates, never move CQC's). */
  readonly closures?: readonly DateInput[];
  /** Official bank holidays replacing the rules for their years (whole years). */
  readonly bankHolidays?: readonly BankHolidayInput[];
  readonly preElection?: PreElectionInput;
  readonly council?: string;
  /** An id for the assessment, used in the .ics event ids in place of the council. */
  readonly id?: string;
  readonly notes?: readonly string[];
}

export type Adjust = "none" | "next_working_day" | "previous_working_day";
export type Basis = "actual" | "approximate" | "planned" | "estimated" | "inferred";
export type MilestoneKind = "event" | "deadline" | "marker";
export type MilestoneState = "done" | "due_this_week" | "overdue" | "upcoming";
export type IssueKind =
  | "short_on_site_notice"
  | "out_of_order"
  | "after_deadline"
  | "before_notification"
  | "pre_election_period";

export interface MilestoneRule {
  from: MilestoneId | "visit_end";
  days?: number;
  weeks?: number;
  workingDays?: number;
  adjust: Adjust;
}

/** What the recorded cases imply for a milestone not yet reached. */
export interface Forecast {
  from: MilestoneId;
  fromEnd: boolean;
  fromDate: string;
  shortestDays: number;
  longestDays: number;
  earliest: string;
  latest: string;
  /** The councils whose recorded dates the range rests on. */
  cases: string[];
  imprecise: boolean;
  text: string;
}

export interface Milestone {
  id: MilestoneId;
  name: string;
  kind: MilestoneKind;
  /** `YYYY-MM-DD`: the actual date where recorded, else the planned one; the visit's first day. */
  date: string;
  /** The visit's last day. */
  end: string | null;
  endBasis: Basis | null;
  /** The visit's length, first and last days included. */
  lengthDays: number | null;
  lengthWorkingDays: number | null;
  basis: Basis;
  /** Recorded, or counted from recorded dates by CQC's own rule. */
  firm: boolean;
  planned: string;
  actual: string | null;
  rule: MilestoneRule | null;
  ruleText: string;
  source: string;
  sourceUrl: string | null;
  /** Why the date moved off its rule (a weekend, a bank holiday, a pre-election period), if it did. */
  movedFrom: string | null;
  /** For a deadline after closure days: the council's last open day before CQC's date. */
  councilDate: string | null;
  councilNote: string | null;
  /** For a deadline: the day of the calendar reminder. */
  reminder: string | null;
  forecast: Forecast | null;
  /** On the status date, when `today` was given. */
  state: MilestoneState | null;
  /** The later recorded milestone that shows it happened. */
  impliedBy: MilestoneId | null;
  calendarDaysRemaining: number | null;
  workingDaysRemaining: number | null;
}

export interface TimelineIssue {
  kind: IssueKind;
  milestone: MilestoneId;
  message: string;
  dependsOnPlan: boolean;
}

export interface Interval {
  from: MilestoneId;
  /** Counted from the visit's last day. */
  fromEnd: boolean;
  to: MilestoneId;
  fromDate: string;
  toDate: string;
  calendarDays: number;
  weeks: string;
  workingDays: number;
  approximate: boolean;
}

export interface TimelineStatus {
  today: string;
  daysElapsed: number;
  weeksElapsed: number;
  /** Week 1 is the first notice's day and the six after it (0 before it). */
  weekNumber: number;
  weeksTotal: number;
  calendarDaysToEnd: number;
  workingDaysToEnd: number;
  done: MilestoneId[];
  dueThisWeek: MilestoneId[];
  overdue: MilestoneId[];
  next: MilestoneId | null;
  nextDate: string | null;
  calendarDaysToNext: number | null;
  workingDaysToNext: number | null;
  /** The status in one sentence. */
  summary: string;
}

export interface PreElectionPeriod {
  title: string;
  start: string;
  end: string;
  startIsLatestNotice: boolean;
  note: string;
  sourceUrl: string | null;
}

/** The window of the next assessment if CQC's proposed cycle is agreed (a proposal). */
export interface NextAssessment {
  from: string;
  fromBasis: Basis;
  earliest: string;
  latest: string;
  status: string;
  text: string;
  source: string;
  sourceUrl: string | null;
}

export interface Timeline {
  council: string | null;
  id: string | null;
  notified: string;
  notifiedBasis: Basis;
  notifiedEstimate: string | null;
  milestones: Milestone[];
  issues: TimelineIssue[];
  intervals: Interval[];
  /** Present when `today` was given. */
  status: TimelineStatus | null;
  weeksTotal: number;
  planningNote: string;
  preElection: PreElectionPeriod[];
  preElectionNote: string;
  publicationCheck: string;
  forecastNote: string;
  nextAssessment: NextAssessment | null;
  reminderWorkingDays: number;
  notes: string[];
}

export interface MilestoneDefinition {
  id: MilestoneId;
  rule: MilestoneRule | null;
  fixed?: boolean;
  source: string;
  sourceUrl?: string;
}

export interface ReassessmentCycle {
  minYears: number;
  maxYears: number;
  status: string;
  source: string;
  sourceUrl?: string;
}

export interface TimelineProfile {
  weeksTotal: number;
  weeksTotalSource: string;
  minimumOnSiteNoticeWeeks: number;
  minimumOnSiteNoticeSource: string;
  visitWorkingDays: number;
  visitSource: string;
  visitSourceUrl?: string;
  reminderWorkingDays: number;
  reassessment: ReassessmentCycle;
  milestones: MilestoneDefinition[];
}

export interface BankHoliday {
  date: string;
  title: string;
  notes: string;
}

// ---------------------------------------------------------------------------------------------
// The self-assessment workbook
// ---------------------------------------------------------------------------------------------

/** A JSON value: what a workbook file may contain. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (a parsed workbook file; keys exactly as in the file). */
export interface JsonObject {
  [key: string]: JsonValue;
}

export type ActionStatus = "not_started" | "in_progress" | "blocked" | "done" | "cancelled";
export type Comparison = "better" | "similar" | "worse";
export type Rag = "red" | "amber" | "green";

/** A dated note of progress on an action. */
export interface ProgressNote {
  date: string;
  note: string;
}
export type EvidenceState = "expired" | "stale";

/** A problem as data (the same fields as a thrown `CqcError`). */
export interface ErrorReport {
  code: ErrorCode;
  family: ErrorFamily;
  message: string;
  path: string | null;
}

export interface Warning {
  code: string;
  path: string | null;
  statement: StatementId | null;
  message: string;
}

export interface Prediction {
  call: RatingCall;
  scored: number;
  /** Statements whose self-score is a spread of probabilities. */
  uncertain: number;
  probabilities: RatingProbabilities;
  /** The scores every figure beside the headline comes from. */
  scenario: Scenario;
}

export interface Scenario {
  description: string;
  probability: number;
  result: RatingResult;
}

export interface StatementSummary {
  statement: StatementId;
  number: number;
  name: string;
  theme: ThemeId;
  distribution: [number, number, number, number] | null;
  /** The most likely score (the lower on a tie). */
  mostLikelyScore: ScoreValue | null;
  /** The score in the prediction's scenario. */
  scenarioScore: ScoreValue | null;
  expectedScore: number | null;
  /** Whether the self-score is a spread of probabilities. */
  uncertain: boolean;
  evidenceItems: number;
  indicators: number;
  openActions: number;
  strengths: string[];
  areasForImprovement: string[];
}

export interface CoverageCell {
  category: EvidenceCategoryId;
  items: number;
  current: number;
}

export interface Coverage {
  categories: EvidenceCategoryId[];
  rows: { statement: StatementId; cells: CoverageCell[] }[];
  gaps: { statement: StatementId; category: EvidenceCategoryId }[];
  covered: number;
  cells: number;
}

export interface EvidenceAttention {
  index: number;
  id: string;
  title: string;
  owner: string | null;
  state: EvidenceState;
  since: string;
  days: number;
  reason: string;
}

export interface IndicatorComparison {
  index: number;
  name: string;
  collection: string;
  year: string | null;
  /** The year of the England figure, when the workbook gives it. */
  englandYear: string | null;
  unit: string | null;
  value: number | null;
  englandAverage: number;
  higherIsBetter: boolean;
  tolerance: number;
  difference: number | null;
  comparison: Comparison | null;
  statements: StatementId[];
  reference: string | null;
}

export interface OverdueAction {
  index: number;
  id: string;
  statement: StatementId | null;
  description: string;
  owner: string | null;
  due: string;
  status: ActionStatus;
  daysOverdue: number;
}

export interface ActionSummary {
  index: number;
  id: string;
  statement: StatementId | null;
  description: string;
  owner: string | null;
  due: string;
  status: ActionStatus;
  daysOverdue: number | null;
  rag: Rag | null;
  /** When the action was last updated (the workbook's `updated`), if given. */
  updated: string | null;
  /** The latest of its progress notes, if any. */
  latestProgress: ProgressNote | null;
}

export interface ActionCounts {
  total: number;
  open: number;
  done: number;
  cancelled: number;
  overdue: number;
}

export interface StatementBenchmark {
  statement: StatementId;
  score: ScoreValue;
  counts: [number, number, number, number];
  councils: number;
  mean: number;
  lower: number;
  same: number;
  higher: number;
}

export interface WorkbookAnalysis {
  council: string;
  asOf: string;
  method: RatingMethodId;
  prediction: Prediction | null;
  statements: StatementSummary[];
  coverage: Coverage;
  evidenceItems: number;
  evidenceAttention: EvidenceAttention[];
  indicators: IndicatorComparison[];
  actions: ActionCounts;
  actionPlan: ActionSummary[];
  overdueActions: OverdueAction[];
  warnings: Warning[];
  benchmark: { ranking: Ranking; statements: StatementBenchmark[] } | null;
  timeline: Timeline | null;
  /** The information return tracker's counts and gaps, when the workbook has one. */
  informationReturn: InformationReturnStatus | null;
  /** The case-tracking register in counts (no references or notes), when it has one. */
  caseTracking: CaseTrackingSummary | null;
  /** The interview schedule and the briefing pack per role, when it has interviews. */
  interviews: InterviewSchedule | null;
  /** The direction of travel per statement, when it has earlier self-assessments. */
  directionOfTravel: DirectionOfTravel | null;
  /** Earlier self-assessments against CQC's published scores, where given. */
  calibration: Calibration[];
  /** "You said, we did": the actions done, with their evidence, without internal ids. */
  assuranceAccount: AccountEntry[];
}

export type ReturnItemKind = "document" | "data";
export type ReturnItemStatus = "not_started" | "in_progress" | "ready" | "submitted";
export type CaseStatus = "offered" | "selected" | "contacted" | "done";
export type InterviewRole =
  | "lead_member"
  | "dass"
  | "principal_social_worker"
  | "chief_executive"
  | "scrutiny_chair"
  | "front_line_staff"
  | "partners"
  | "people_who_draw_on_care";

export interface ReturnItemSummary {
  index: number;
  reference: string;
  title: string;
  kind: ReturnItemKind;
  statements: StatementId[];
  owner: string | null;
  /** Its own due date, or the timeline's information return deadline. */
  due: string | null;
  dueFromTimeline: boolean;
  status: ReturnItemStatus;
  /** Evidence items linked. */
  evidence: number;
  daysOverdue: number | null;
}

export interface InformationReturnStatus {
  items: ReturnItemSummary[];
  total: number;
  documents: number;
  data: number;
  notStarted: number;
  inProgress: number;
  ready: number;
  submitted: number;
  withoutEvidence: string[];
  overdue: string[];
  withoutDueDate: number;
  statementsWithoutItems: StatementId[];
  deadline: string | null;
}

export interface CaseTrackingSummary {
  total: number;
  offered: number;
  selected: number;
  contacted: number;
  done: number;
  pathways: { pathway: string; cases: number }[];
  statementsWithoutCases: StatementId[];
  personalDataWarnings: number;
  pilotFigures: string;
}

export interface ScheduledInterview {
  index: number;
  role: InterviewRole;
  roleLabel: string;
  date: string | null;
  time: string | null;
  statements: StatementId[];
  onVisitDay: boolean | null;
}

export interface KeyFigure {
  name: string;
  value: number | null;
  englandAverage: number;
  unit: string | null;
  year: string | null;
  comparison: Comparison | null;
}

export interface BriefingStatement {
  statement: StatementId;
  number: number;
  name: string;
  selfScore: ScoreValue | null;
  strengths: string[];
  areasForImprovement: string[];
  keyFigures: KeyFigure[];
}

export interface RoleBriefing {
  role: InterviewRole;
  label: string;
  statementsSource: string;
  statements: BriefingStatement[];
}

export interface InterviewSchedule {
  visit: { first: string; last: string; basis: Basis; firm: boolean } | null;
  interviews: ScheduledInterview[];
  briefings: RoleBriefing[];
}

export type Direction = "improved" | "unchanged" | "declined";

export interface StatementTravel {
  statement: StatementId;
  number: number;
  name: string;
  points: {
    date: string;
    label: string;
    expected: number | null;
    mostLikely: ScoreValue | null;
    uncertain: boolean;
  }[];
  direction: Direction | null;
  comparedWith: string | null;
  uncertain: boolean;
}

export interface DirectionOfTravel {
  statements: StatementTravel[];
  improved: number;
  unchanged: number;
  declined: number;
}

export interface Calibration {
  date: string;
  label: string | null;
  source: string | null;
  rows: {
    statement: StatementId;
    selfScore: ScoreValue;
    published: ScoreValue;
    agreement: "agree" | "council_higher" | "council_lower";
    uncertain: boolean;
  }[];
  agree: number;
  councilHigher: number;
  councilLower: number;
  meanDifference: number | null;
}

export interface AccountEntry {
  statement: StatementId | null;
  statementName: string | null;
  youSaid: string | null;
  weDid: string;
  latestProgress: string | null;
  completed: string | null;
  evidence: { title: string; date: string; link: string | null }[];
}

export interface WorkbookCheck {
  valid: boolean;
  /** Every problem found (not only the first). */
  errors: ErrorReport[];
  warnings: Warning[];
  /** Present when the workbook is valid. */
  analysis: WorkbookAnalysis | null;
}

export interface EvidenceItem {
  id: string;
  title: string;
  category: EvidenceCategoryId;
  supports: StatementId[];
  owner?: string;
  date: string;
  reviewBy?: string;
  expires?: string;
  link?: string;
  /** Anything else; an import keeps here the columns a spreadsheet added. */
  notes?: string;
}

export interface EvidenceImport {
  /** The good rows, in file order. */
  items: EvidenceItem[];
  /**
   * Every problem: the file (`csv_encoding`, `csv_separator`), the header, or a bad row
   * (`invalid_csv`, path `line N: column`, N the row number a spreadsheet shows).
   */
  errors: ErrorReport[];
  /** What the reader did that a person should know (an encoding guessed, extra columns kept). */
  warnings: string[];
  /** The data rows read (blank rows not counted). */
  rows: number;
}

// ---------------------------------------------------------------------------------------------
// Functions
// ---------------------------------------------------------------------------------------------

/** The package version. */
export function version(): string;

/** The framework: themes, statements, evidence categories, ratings, scores, methods. */
export function framework(): Framework;

/** A quality statement by id, number (`5`, `"QS5"`) or any published name. */
export function statement(name: string | number): Statement;

/** A theme by id, number or name. */
export function theme(name: string | number): Theme;

/** An evidence category by id or name. */
export function evidenceCategory(name: string): EvidenceCategory;

/** The rating of an assessment, exactly as CQC works it out. */
export function rate(assessment: AssessmentInput): RatingResult;

/** The rating worked out step by step, in plain words. */
export function explain(assessment: AssessmentInput): Explanation;

/** Every minimal set of score increases that reaches `target`. */
export function improvementPaths(assessment: AssessmentInput, target: RatingInput): ImprovementPlan;

/** The probability of each rating when scores are uncertain (exact enumeration). */
export function ratingProbabilities(input: ProbabilityInput): RatingProbabilities;

/** Whether a published rating (and percentage, 25-100) follows from the scores. */
export function checkPublished(
  assessment: AssessmentInput,
  rating: RatingInput,
  percent?: number | null,
): PublishedCheck;

/** The rating of `total` points over `assessed` statements; `null` if no scores give it. */
export function ratingForTotal(total: number, assessed: number): RatingForTotal | null;

/** The assessment as the core's normalised document, keyed by statement id. */
export function assessmentDocument(assessment: AssessmentInput): AssessmentDocument;

/**
 * Many assessments at once: rows of nine scores (QS1-QS9) in one `Uint8Array` (its length a
 * multiple of 9), `0` = not assessed. The first bad row throws (`path`
 * `"scores[row][column]"`); another typed array is refused, not converted.
 */
export function rateMany(scores: Uint8Array): RateManyResult;

/** Every result in the bundled dataset of published council assessments. */
export function publishedResults(): PublishedResult[];

/** A council's published result, by name (tolerant of "City Council", "&", punctuation). */
export function findCouncil(name: string): PublishedResult;

/** For each statement, how many published councils scored 1-4. */
export function statementDistribution(): StatementDistribution[];

/** Where an assessment's percentage would rank among the published councils. */
export function rankAmongPublished(assessment: AssessmentInput): Ranking;
/**
 * With a council (a name in any usual spelling or an ONS code): its ranks nationally, within its
 * region and among councils of its kind, its own published result left out.
 */
export function rankAmongPublished(assessment: AssessmentInput, council: string): CouncilRankings;

/** A council's published scores ranked among the others; `null` when its scores are not published. */
export function councilRankings(council: string): CouncilRankings | null;

/** Current ratings counted in each region, England's nine regions in order. */
export function publishedRatingCountsByRegion(): RatingCounts[];

/** Current ratings counted for each kind of council. */
export function publishedRatingCountsByType(): RatingCounts[];

/** How the councils of each region scored each statement. */
export function statementDistributionByRegion(): GroupDistribution[];

/**
 * Published results from a CSV in the format the package ships (`cqc-assurance published --csv`
 * writes it): the records, or a thrown error naming the first bad row's line.
 */
export function publishedResultsFromCsv(text: string): PublishedResult[];

/** How many published councils have each rating, worst to best. */
export function publishedRatingCounts(): RatingCount[];

/** Published records whose rating does not follow from their scores. */
export function publishedConflicts(): PublishedConflict[];

/** Where the bundled published results come from (Markdown). */
export function publishedProvenance(): string;

/** The timeline of an assessment: milestones on real working days, issues, intervals, status. */
export function timeline(input: TimelineInput): Timeline;

/**
 * The timeline as an iCalendar (RFC 5545) file. `stamp` is the creation time written into it:
 * now if absent, a `Date`'s instant, or midnight UTC of a `YYYY-MM-DD` string (reproducible).
 */
export function timelineIcs(input: TimelineInput, stamp?: DateInput): string;

/** The timeline as plain text. */
export function timelineText(input: TimelineInput): string;

/** The default timeline rules with their sources. */
export function timelineProfile(): TimelineProfile;

/** The bank holidays of `year` in England and Wales. */
export function bankHolidays(year: number, calendar?: CalendarInput | null): BankHoliday[];

/** Bank holidays from GOV.UK's `bank-holidays.json` (parsed or text); division defaults to `england-and-wales`. */
export function bankHolidaysFromGovUk(data: object | string, division?: string): BankHoliday[];

/** Easter Sunday of `year`, `YYYY-MM-DD`. */
export function easterSunday(year: number): string;

/** Whether `date` is a working day (not a weekend, bank holiday or closure day). */
export function isWorkingDay(date: DateInput, calendar?: CalendarInput | null): boolean;

/** Why `date` is not a working day, or `null` if it is one. */
export function nonWorkingReason(date: DateInput, calendar?: CalendarInput | null): string | null;

/** `date` plus `days` working days (negative: back), `YYYY-MM-DD`. */
export function addWorkingDays(date: DateInput, days: number, calendar?: CalendarInput | null): string;

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: DateInput, to: DateInput, calendar?: CalendarInput | null): number;

/**
 * Checks a self-assessment workbook (the file format, as JSON text or the parsed object) and,
 * when valid, analyses it as of `today`. Problems are returned in `errors`, not thrown.
 */
export function checkWorkbook(workbook: string | JsonObject, today: DateInput): WorkbookCheck;

/** Reads an evidence register in CSV; good rows are kept, bad rows reported by line and field. */
export function evidenceFromCsv(text: string): EvidenceImport;

/** How an indicator compares with England's average (`tolerance` in the indicator's unit). */
export function compareWithEngland(
  value: number,
  england: number,
  higherIsBetter: boolean,
  tolerance: number,
): Comparison;

// --- The workbook document, its registers as CSV (cqc-assurance/workbook) ---

/** The registers of a workbook that are read and written as tables. */
export type WorkbookPart =
  | "evidence"
  | "actions"
  | "indicators"
  | "information_return"
  | "case_tracking"
  | "interviews"
  | "history";

/** How imported rows combine with a register; each option is off unless given. */
export interface ImportCsvOptions {
  /** `replace` (the default: the register becomes the file's rows) or `merge` by key. */
  mode?: "replace" | "merge";
  /** Import the good rows even when some are rejected (each still reported). */
  keepGoodRows?: boolean;
  /** Accept a register with fewer items than before (replace removes items not in the file). */
  allowFewer?: boolean;
}

/** What an import did (or would have done) to one register. */
export interface PartChange {
  part: WorkbookPart;
  before: number;
  after: number;
  replaced: number;
  unchanged: number;
  added: number;
  kept: number;
  /** The keys of the items removed (replace). */
  removed: string[];
}

/** The result of {@link importCsv}. */
export interface CsvImportResult {
  /** Whether the import may be written: `workbook` holds the result. */
  written: boolean;
  /** Every problem, in file order (`invalid_csv` at `line N: column`, `fewer_items`, ...). */
  errors: ErrorReport[];
  /** What the reader noticed that a person should know (an encoding guessed, columns kept). */
  warnings: string[];
  /** The data rows read (blank rows not counted). */
  rows: number;
  /** The rows rejected. */
  rejected: number;
  changes: PartChange[];
  /** The workbook with the import applied, as the object of its file, or `null`. */
  workbook: JsonObject | null;
}

/**
 * A new workbook for a council (the core's starter: nine statements not yet scored, the
 * indicators of CQC's metrics list with England's figures), as the object of its JSON file.
 */
export function newWorkbook(council: string): JsonObject;

/**
 * Imports a register from the bytes (or text) of a CSV file into a workbook, as the command's
 * `workbook import-*` does: any encoding Excel saves, UK dates, every row checked, nothing lost
 * unless the options say so. Throws the workbook's first problem if it does not read.
 */
export function importCsv(
  workbook: string | JsonObject,
  part: WorkbookPart,
  bytes: Uint8Array | ArrayBuffer | string,
  options?: ImportCsvOptions,
): CsvImportResult;

/** A register as CSV (UTF-8 with a byte-order mark, CRLF), which {@link importCsv} reads back. */
export function registerToCsv(workbook: string | JsonObject, part: WorkbookPart): string;

