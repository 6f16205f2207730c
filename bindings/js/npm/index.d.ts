// Type declarations of the npm package `cqc-assurance`: its functions and their inputs,
// written by hand. The results' types are generated from the Rust types into types.d.ts
// (field names in camelCase, values exactly as the core writes them) and re-exported here.
// Every function throws a `CqcError` (see below) on bad input.
//
// This file declares the root `cqc-assurance` (the whole API); the sub-paths' files
// (rating.d.ts, timeline.d.ts, workbook.d.ts) re-export from it.

export * from "./types.js";
import type {
  Adjust,
  AssessmentDocument,
  BankHoliday,
  Comparison,
  CouncilRankings,
  CsvImport,
  ErrorCode,
  ErrorFamily,
  EvidenceCategory,
  EvidenceItem,
  Explanation,
  Framework,
  GroupDistribution,
  ImprovementPlan,
  MilestoneId,
  PublishedCheck,
  PublishedConflict,
  PublishedResult,
  Ranking,
  RatingCount,
  RatingCounts,
  RatingForTotal,
  RatingId,
  RatingProbabilities,
  RatingResult,
  Statement,
  StatementDistribution,
  Theme,
  Timeline,
  TimelineProfile,
  WorkbookCheck,
  WorkbookImport,
  WorkbookPart,
} from "./types.js";

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** The result of `rateMany`: one entry per row. */
export interface RateManyResult {
  /** Rating index per row: 0 inadequate, 1 requires improvement, 2 good, 3 outstanding. */
  ratings: Uint8Array;
  /** Published percentage per row. */
  percents: Uint8Array;
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

// ---------------------------------------------------------------------------------------------
// The self-assessment workbook
// ---------------------------------------------------------------------------------------------

/** A JSON value: what a workbook file may contain. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (a parsed workbook file; keys exactly as in the file). */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The evidence register read from CSV: the good rows, and every problem with the file or a row. */
export type EvidenceImport = CsvImport<EvidenceItem>;

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
export function planTimeline(input: TimelineInput): Timeline;

/** @deprecated `planTimeline` under its name before 0.2.0: use `planTimeline`. */
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

/** How imported rows combine with a register; each option is off unless given. */
export interface ImportCsvOptions {
  /** `replace` (the default: the register becomes the file's rows) or `merge` by key. */
  mode?: "replace" | "merge";
  /** Import the good rows even when some are rejected (each still reported). */
  keepGoodRows?: boolean;
  /** Accept a register with fewer items than before (replace removes items not in the file). */
  allowFewer?: boolean;
}

/** The result of {@link importCsv}. */
export interface CsvImportResult extends WorkbookImport {
  /** The workbook with the import applied, as the object of its file, or `null`. */
  workbook: JsonObject | null;
}

/**
 * A new workbook for a council (the core's starter: nine statements not yet scored, the
 * indicators of CQC's metrics list with England's figures), as the object of its JSON file.
 */
export function starterWorkbook(council: string): JsonObject;

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

