// Type declarations of the npm package `cqc-assurance`: its functions and their inputs,
// written by hand, except the JSDoc of each function, which is the doc comment of its Rust
// function in bindings/js/src (scripts/generate.sh copies it; tests/jsdoc.test.mjs fails while
// one differs). The results' types are generated from the Rust types into types.d.ts
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

/** The version of the package (the crate's version). */
export function version(): string;

/**
 * The assessment framework: themes, quality statements, evidence categories, ratings with their
 * percentage bands, score descriptors and rating methods, with CQC's URLs.
 */
export function framework(): Framework;

/** A quality statement found by id, number (`5`, `"QS5"`), name or any published variant. */
export function statement(name: string | number): Statement;

/** A theme found by id, number or name. */
export function theme(name: string | number): Theme;

/** An evidence category found by id or name. */
export function evidenceCategory(name: string): EvidenceCategory;

/**
 * The rating of an assessment: rating, total, percentage (exact and as published), each statement's
 * score and the position in the band.
 */
export function rate(assessment: AssessmentInput): RatingResult;

/** The rating worked out step by step in plain words (`steps`, and `text` numbered). */
export function explain(assessment: AssessmentInput): Explanation;

/** Every minimal set of statement score increases that reaches `target`. */
export function improvementPaths(assessment: AssessmentInput, target: RatingInput): ImprovementPlan;

/**
 * The probability of each rating when scores are uncertain: an array of nine (each a score, `null`,
 * or four probabilities for scores 1-4) or a document `{ scores }`.
 */
export function ratingProbabilities(input: ProbabilityInput): RatingProbabilities;

/** Does a published rating (and percentage) follow from the scores? */
export function checkPublished(
  assessment: AssessmentInput,
  rating: RatingInput,
  percent?: number | null,
): PublishedCheck;

/**
 * The rating and published percentage of `total` points over `assessed` statements, or `null` where
 * no scores give that total (below 1 or above 4 per statement, or 0 or more than 9 statements).
 */
export function ratingForTotal(total: number, assessed: number): RatingForTotal | null;

/**
 * The assessment as the core's normalised document (`{ version, method, scores }` or
 * `evidenceScores`), keyed by statement id: what to store or send to another service.
 */
export function assessmentDocument(assessment: AssessmentInput): AssessmentDocument;

/**
 * Ratings of many assessments at once: `scores` is a `Uint8Array` of rows of nine (QS1-QS9, `0` =
 * not assessed), so its length is a multiple of 9. Returns `{ ratings, percents }`, one
 * `Uint8Array` entry per row (rating index 0 inadequate … 3 outstanding, published percentage). The
 * first bad row throws, at `scores[row][column]`. Any other argument, another typed array included,
 * is refused (`invalid_json` at `scores`): converting it here would wrap or truncate values (NaN
 * would become 0, "not assessed").
 */
export function rateMany(scores: Uint8Array): RateManyResult;

/** Every published result in the bundled dataset. */
export function publishedResults(): PublishedResult[];

/**
 * The published result of a council, found by name ("Royal Borough of Windsor & Maidenhead" finds
 * "Windsor and Maidenhead").
 */
export function findCouncil(name: string): PublishedResult;

/** For each statement, how many councils scored 1, 2, 3 and 4, and the mean. */
export function statementDistribution(): StatementDistribution[];

/** Where an assessment's percentage would rank among the published councils. */
export function rankAmongPublished(assessment: AssessmentInput): Ranking;
/**
 * With a council (a name in any usual spelling or an ONS code): its ranks nationally, within its
 * region and among councils of its kind, its own published result left out.
 */
export function rankAmongPublished(assessment: AssessmentInput, council: string): CouncilRankings;

/**
 * A council's current published scores placed among the other councils nationally, within its
 * region and among councils of its kind; `null` when its scores are not published.
 */
export function councilRankings(council: string): CouncilRankings | null;

/**
 * Current ratings counted in each region, England's nine regions in order, with the councils that
 * have no published result.
 */
export function publishedRatingCountsByRegion(): RatingCounts[];

/** Current ratings counted for each kind of council (county, London borough...). */
export function publishedRatingCountsByType(): RatingCounts[];

/**
 * How the councils of each region scored each statement (current assessments with nine published
 * scores).
 */
export function statementDistributionByRegion(): GroupDistribution[];

/**
 * Published results read from a CSV in the format the package ships (`published --csv` writes it),
 * for results newer than the bundled ones: the records, or the first bad row's error with its line.
 */
export function publishedResultsFromCsv(text: string): PublishedResult[];

/** How many published councils have each rating, worst to best. */
export function publishedRatingCounts(): RatingCount[];

/**
 * Published records whose rating does not follow from their published scores, each with the check
 * that says why.
 */
export function publishedConflicts(): PublishedConflict[];

/** Where the bundled published results come from (the dataset's provenance notes, Markdown). */
export function publishedProvenance(): string;

/**
 * The timeline of an assessment: every milestone with its date, rule and source, the
 * inconsistencies found in recorded dates, intervals, and the status on `today` if given
 * (`plan_timeline` in Rust and Python).
 */
export function planTimeline(input: TimelineInput): Timeline;

/** @deprecated `planTimeline` under its name before 0.2.0: use `planTimeline`. */
export function timeline(input: TimelineInput): Timeline;

/**
 * The timeline as an iCalendar (RFC 5545) file, one all-day event per milestone (the visit one busy
 * event from its first to its last day, reminders on deadlines, ids that survive a re-plan).
 * `stamp` is the creation time written into the file: now if absent, a `Date`'s instant, or
 * midnight UTC of a `YYYY-MM-DD` string (for reproducible files).
 */
export function timelineIcs(input: TimelineInput, stamp?: DateInput): string;

/** The timeline as plain text for people. */
export function timelineText(input: TimelineInput): string;

/** The default timeline rules, each milestone with its rule and source. */
export function timelineProfile(): TimelineProfile;

/**
 * The bank holidays of `year` in England and Wales (by rule, or from `calendar`'s official list
 * where it has one for that year).
 */
export function bankHolidays(year: number, calendar?: CalendarInput | null): BankHoliday[];

/**
 * Bank holidays read from GOV.UK's `bank-holidays.json` (the parsed object or its text), for one
 * division (default `england-and-wales`).
 */
export function bankHolidaysFromGovUk(data: object | string, division?: string): BankHoliday[];

/** Easter Sunday of `year`, as `YYYY-MM-DD`. */
export function easterSunday(year: number): string;

/** Whether `date` is a working day (not a weekend, bank holiday or closure day). */
export function isWorkingDay(date: DateInput, calendar?: CalendarInput | null): boolean;

/**
 * Why `date` is not a working day (`"Saturday"`, the bank holiday, `"closure day"`), or `null` for
 * a working day.
 */
export function nonWorkingReason(date: DateInput, calendar?: CalendarInput | null): string | null;

/** `date` plus `days` working days (negative: back), as `YYYY-MM-DD`. */
export function addWorkingDays(date: DateInput, days: number, calendar?: CalendarInput | null): string;

/**
 * The number of working days after `from` up to and including `to` (negative if `to` is before
 * `from`).
 */
export function workingDaysBetween(from: DateInput, to: DateInput, calendar?: CalendarInput | null): number;

/**
 * Checks a workbook (the object of its JSON file, or the text) and, when it is valid, analyses it
 * as of `today`: every problem with its code and path in `errors` (not only the first, and none
 * thrown), warnings, and the analysis (prediction, coverage, stale evidence, indicators against
 * England, overdue actions, benchmark, timeline).
 */
export function checkWorkbook(workbook: string | JsonObject, today: DateInput): WorkbookCheck;

/**
 * Reads an evidence register in CSV: the rows that are good, and every bad row's error
 * (`invalid_csv` with `line N: field`); good rows are kept.
 */
export function evidenceFromCsv(text: string): EvidenceImport;

/**
 * How an indicator compares with England's average: `better`, `similar` (the difference is within
 * `tolerance`, in the indicator's own unit) or `worse`.
 */
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
 * A new workbook for a council: the core's starter (nine statements not yet scored, the indicators
 * CQC's metrics list with England's figures and the council's left empty), as the object of its
 * file.
 */
export function starterWorkbook(council: string): JsonObject;

/**
 * Imports a register (`evidence`, `actions`, `indicators`, `information_return`, `case_tracking`,
 * `interviews` or `history`) from the bytes (or text) of a CSV file into a workbook, as the
 * command's `workbook import-*` does: any encoding Excel saves, UK dates, every row checked,
 * replace or merge by key, nothing lost without being asked; a workbook that does not read throws
 * its first problem. The result says what happened (`written`, `errors` with code and path,
 * `warnings`, `rows`, `rejected`, `changes`) and, when written, holds the new workbook as the
 * object of its file in `workbook`.
 */
export function importCsv(
  workbook: string | JsonObject,
  part: WorkbookPart,
  bytes: Uint8Array | ArrayBuffer | string,
  options?: ImportCsvOptions,
): CsvImportResult;

/**
 * A register of the workbook as CSV, as the command's `workbook export-*` writes it (UTF-8 with a
 * byte-order mark, CRLF, formula-like cells guarded), which {@link importCsv} reads back.
 */
export function registerToCsv(workbook: string | JsonObject, part: WorkbookPart): string;

