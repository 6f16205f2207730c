"""Type stubs of the compiled module ``cqc_assurance._native`` (the Rust core's binding)."""

import datetime
from typing import Any, Iterator, Mapping, Optional, Sequence, Tuple, Union, overload

import numpy as np
import numpy.typing as npt

RatingName = str
"""``"inadequate"``, ``"requires_improvement"``, ``"good"`` or ``"outstanding"`` (any
spelling such as ``"Requires improvement"`` is accepted as input)."""

ScoreValue = Optional[int]
Scores = Union[
    "Assessment",
    str,
    Sequence[Optional[Any]],
    Mapping[Union[str, int], Any],
    npt.NDArray[Any],
]
"""Scores as ``rate`` takes them: a list of nine (None = not assessed), a dict keyed by
statement id, number or name, a whole document (dict or JSON text), or an ``Assessment``."""

MethodArg = Union[None, str, "RatingMethod"]
DateArg = Union[datetime.date, str]
JsonValue = Any

RATINGS: Tuple[str, str, str, str]
"""The rating names in order; ``rate_many``'s codes index into it."""
FRAMEWORK_URL: str
EVIDENCE_URL: str
RATINGS_URL: str
DOCUMENT_VERSION: int
PROVENANCE: str
CORE_VERSION: str

class CqcError(ValueError):
    """Every error of the library, with the core's stable ``code``."""

    code: str
    """The stable machine-readable code, e.g. ``score_out_of_range``."""
    family: str
    """``score``, ``lookup``, ``assessment``, ``probability``, ``document``, ``timeline`` or
    ``workbook``."""
    path: Optional[str]
    """The offending field of the input, e.g. ``scores[4]``, or None."""
    message: str
    """A sentence for people."""

class ScoreError(CqcError):
    """A score outside 1-4 or a published percentage outside 25-100."""

class UnknownNameError(CqcError):
    """A name (statement, theme, category, rating, method, council) that does not resolve."""

class AssessmentError(CqcError):
    """An assessment of the wrong shape: empty, duplicated, wrong length, wrong method."""

class ProbabilityError(CqcError):
    """A probability distribution that is invalid."""

class DocumentError(CqcError):
    """A malformed document: JSON, unknown fields, version, CSV rows."""

class TimelineError(CqcError):
    """A date or timeline that cannot be worked out."""

class WorkbookError(CqcError):
    """The self-assessment workbook or its evidence register."""

class _Record:
    def to_dict(self) -> Any:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

class QualityStatement(_Record):
    """One of the nine quality statements, found by id, number or any published name."""

    def __init__(self, name: Union[str, int]) -> None: ...
    def __hash__(self) -> int: ...
    @property
    def id(self) -> str:
        """Stable id, e.g. ``assessing-needs``."""
    @property
    def number(self) -> int:
        """1-9 as in CQC's reports."""
    @property
    def index(self) -> int:
        """0-8, the column in arrays of nine scores."""
    @property
    def name(self) -> str:
        """CQC's name of the statement."""
    @property
    def theme(self) -> Theme:
        """The statement's theme."""
    @property
    def aliases(self) -> list[str]:
        """Other published names."""
    @property
    def description(self) -> str:
        """What the statement looks at, in this project's words."""
    @property
    def url(self) -> str:
        """CQC's page with the official wording."""

class Theme(_Record):
    """One of the four themes."""

    def __init__(self, name: Union[str, int]) -> None: ...
    def __hash__(self) -> int: ...
    @property
    def id(self) -> str:
        """Stable id, e.g. ``ensuring-safety``."""
    @property
    def number(self) -> int:
        """1-4."""
    @property
    def name(self) -> str:
        """CQC's name of the theme."""
    @property
    def statements(self) -> list[QualityStatement]:
        """The statements under the theme."""

class EvidenceCategory(_Record):
    """One of the six evidence categories."""

    def __init__(self, name: str) -> None: ...
    def __hash__(self) -> int: ...
    @property
    def id(self) -> str:
        """Stable id, e.g. ``peoples-experience``."""
    @property
    def index(self) -> int:
        """0-5."""
    @property
    def name(self) -> str:
        """CQC's name of the category."""
    @property
    def description(self) -> str:
        """What the category covers."""
    @property
    def local_authority_use(self) -> str:
        """``used``, ``not_in_baselining_round`` or ``not_used``."""
    @property
    def applies_to_local_authorities(self) -> bool:
        """Whether councils can ever be scored on it."""
    @property
    def url(self) -> str:
        """CQC's page on evidence categories for councils."""

class RatingMethod(_Record):
    """``current`` (statement scores) or ``earlier`` (evidence-category scores)."""

    def __init__(self, name: str) -> None: ...
    def __hash__(self) -> int: ...
    @property
    def id(self) -> str:
        """``current`` or ``earlier``."""
    @property
    def name(self) -> str:
        """A short name for people."""
    @property
    def in_force_from(self) -> datetime.date:
        """The first day the method applied."""
    @property
    def in_force_until(self) -> Optional[datetime.date]:
        """The day after its last day, or None if in force."""
    @property
    def source_url(self) -> str:
        """Where the method is published."""

class Assessment(_Record):
    """Scores under one rating method, read and checked once."""

    def __init__(self, scores: Scores, method: MethodArg = None) -> None: ...
    def __hash__(self) -> int: ...
    @property
    def method(self) -> str:
        """``current`` or ``earlier``."""
    @property
    def scores(self) -> list[Optional[int]]:
        """Nine entries in CQC's order, None where not assessed."""
    @property
    def statement_scores(self) -> dict[str, int]:
        """Assessed statements' scores by statement id."""
    @property
    def evidence_scores(self) -> Optional[dict[str, dict[str, int]]]:
        """Evidence-category scores by statement (earlier method)."""
    @property
    def total(self) -> int:
        """Sum of the statement scores."""
    @property
    def max(self) -> int:
        """4 × statements assessed."""
    @property
    def assessed(self) -> int:
        """Statements assessed, 1-9."""

class BandPosition(_Record):
    """Where a result sits in its rating band."""

    @property
    def rating(self) -> RatingName: ...
    @property
    def lower_percent(self) -> int: ...
    @property
    def upper_percent(self) -> int: ...
    @property
    def percent_above_lower_edge(self) -> int: ...
    @property
    def next_rating(self) -> Optional[RatingName]: ...
    @property
    def points_to_next_rating(self) -> Optional[int]: ...
    @property
    def slack_points(self) -> Optional[int]: ...
    @property
    def half(self) -> str:
        """``upper`` or ``lower``."""
    @property
    def wording(self) -> str: ...

class CategoryScore(_Record):
    """One evidence category's score."""

    @property
    def category(self) -> str: ...
    @property
    def score(self) -> int: ...

class EvidenceWorking(_Record):
    """A statement's evidence-category working (earlier method)."""

    @property
    def categories(self) -> list[CategoryScore]: ...
    @property
    def total(self) -> int: ...
    @property
    def max(self) -> int: ...
    @property
    def percent_exact(self) -> float: ...
    @property
    def percent(self) -> int: ...

class StatementResult(_Record):
    """One assessed statement in a result."""

    @property
    def statement(self) -> str: ...
    @property
    def quality_statement(self) -> QualityStatement: ...
    @property
    def theme(self) -> str: ...
    @property
    def score(self) -> int: ...
    @property
    def evidence(self) -> Optional[EvidenceWorking]: ...

class RatingResult(_Record):
    """The outcome of rating an assessment."""

    @property
    def method(self) -> str: ...
    @property
    def rating(self) -> RatingName: ...
    @property
    def rating_label(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def max(self) -> int: ...
    @property
    def assessed(self) -> int: ...
    @property
    def percent(self) -> int: ...
    @property
    def percent_exact(self) -> float: ...
    @property
    def statements(self) -> list[StatementResult]: ...
    @property
    def band(self) -> BandPosition: ...

class Explanation(_Record):
    """The steps of a rating in words."""

    @property
    def rating(self) -> RatingName: ...
    @property
    def steps(self) -> list[str]: ...
    def to_text(self) -> str:
        """The steps as numbered lines."""

class ScoreIncrease(_Record):
    """One statement's score raised."""

    @property
    def statement(self) -> str: ...
    @property
    def from_score(self) -> int: ...
    @property
    def to_score(self) -> int: ...

class ImprovementPath(_Record):
    """A minimal set of increases reaching the target."""

    @property
    def increases(self) -> list[ScoreIncrease]: ...
    @property
    def points(self) -> int: ...
    @property
    def percent(self) -> int: ...
    @property
    def rating(self) -> RatingName: ...

class ImprovementPlan(_Record):
    """Every minimal way to a target rating."""

    @property
    def target(self) -> RatingName: ...
    @property
    def current_rating(self) -> RatingName: ...
    @property
    def current_total(self) -> int: ...
    @property
    def target_total(self) -> int: ...
    @property
    def points_needed(self) -> int: ...
    @property
    def already_met(self) -> bool: ...
    @property
    def paths(self) -> list[ImprovementPath]: ...

class RatingProbability(_Record):
    """The probability of one rating."""

    @property
    def rating(self) -> RatingName: ...
    @property
    def probability(self) -> float: ...

class TotalProbability(_Record):
    """The probability of one total."""

    @property
    def total(self) -> int: ...
    @property
    def percent(self) -> int: ...
    @property
    def rating(self) -> RatingName: ...
    @property
    def probability(self) -> float: ...

class RatingProbabilities(_Record):
    """The probability of each rating under uncertain scores."""

    @property
    def assessed(self) -> int: ...
    @property
    def ratings(self) -> list[RatingProbability]: ...
    @property
    def most_likely(self) -> RatingName: ...
    @property
    def expected_total(self) -> float: ...
    @property
    def expected_percent_exact(self) -> float: ...
    @property
    def expected_percent(self) -> float: ...
    @property
    def totals(self) -> list[TotalProbability]: ...
    def probability(self, rating: RatingName) -> float:
        """The probability of exactly this rating."""
    def at_least(self, rating: RatingName) -> float:
        """The probability of this rating or better."""

class Finding(_Record):
    """One inconsistency between published figures and the method."""

    @property
    def kind(self) -> str: ...
    @property
    def message(self) -> str: ...

class ScoreCorrection(_Record):
    """A one-point change to one score that reconciles a record."""

    @property
    def statement(self) -> str: ...
    @property
    def published(self) -> int: ...
    @property
    def corrected(self) -> int: ...
    @property
    def percent(self) -> int: ...

class PublishedCheck(_Record):
    """Whether published figures follow from published scores."""

    @property
    def computed(self) -> RatingResult: ...
    @property
    def published_rating(self) -> RatingName: ...
    @property
    def published_percent(self) -> Optional[int]: ...
    @property
    def consistent(self) -> bool: ...
    @property
    def findings(self) -> list[Finding]: ...
    @property
    def corrections(self) -> list[ScoreCorrection]: ...

class PublishedResult(_Record):
    """One council's published result."""

    @property
    def council(self) -> str: ...
    @property
    def published(self) -> Optional[str]:
        """``YYYY-MM-DD`` or ``YYYY-MM``, or None."""
    @property
    def scores(self) -> Optional[list[int]]: ...
    @property
    def rating(self) -> RatingName: ...
    @property
    def sources(self) -> list[str]: ...
    @property
    def note(self) -> Optional[str]: ...
    @property
    def pilot(self) -> bool: ...
    @property
    def total(self) -> Optional[int]: ...
    def assessment(self) -> Optional[Assessment]: ...
    def check(self) -> Optional[PublishedCheck]: ...

class StatementDistribution(_Record):
    """How the published councils scored one statement."""

    @property
    def statement(self) -> str: ...
    @property
    def counts(self) -> list[int]:
        """Councils scored 1, 2, 3 and 4."""
    @property
    def councils(self) -> int: ...
    @property
    def mean(self) -> float: ...

class Ranking(_Record):
    """Where scores would rank among the published councils."""

    @property
    def rank(self) -> int: ...
    @property
    def councils(self) -> int: ...
    @property
    def higher(self) -> int: ...
    @property
    def equal(self) -> int: ...
    @property
    def lower(self) -> int: ...
    @property
    def percentile(self) -> float: ...

class PublishedResults(_Record):
    """A set of published results (a sequence of ``PublishedResult``)."""

    @staticmethod
    def from_csv(text: str) -> PublishedResults:
        """Reads a CSV with the bundled columns; the first bad row raises."""
    @staticmethod
    def from_csv_lenient(text: str) -> Tuple[PublishedResults, list[CqcError]]:
        """Reads a CSV keeping good rows; returns the errors of bad rows."""
    @property
    def records(self) -> list[PublishedResult]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> PublishedResult: ...
    @overload
    def __getitem__(self, index: slice) -> list[PublishedResult]: ...
    def __iter__(self) -> Iterator[PublishedResult]: ...
    def find(self, name: str) -> PublishedResult: ...
    def scored(self) -> list[PublishedResult]: ...
    def statement_distribution(self) -> list[StatementDistribution]: ...
    def rating_counts(self) -> dict[str, int]: ...
    def rank(self, scores: Scores, method: MethodArg = None) -> Ranking: ...
    def conflicts(self) -> list[Tuple[PublishedResult, PublishedCheck]]: ...
    def to_pandas(self) -> Any:
        """A pandas DataFrame (needs pandas)."""

def rate(scores: Scores, method: MethodArg = None) -> RatingResult:
    """Rates an assessment by CQC's method."""

def explain(scores: Scores, method: MethodArg = None) -> Explanation:
    """Explains how the rating follows from the scores."""

def improvement_paths(
    scores: Scores, target: Optional[RatingName] = None, method: MethodArg = None
) -> ImprovementPlan:
    """Every minimal set of increases reaching ``target`` (default ``good``)."""

def rating_probabilities(distributions: Union[str, Sequence[Any], Mapping[Any, Any]]) -> RatingProbabilities:
    """The probability of each rating under uncertain scores."""

def check_published(
    scores: Scores,
    rating: RatingName,
    percent: Optional[Union[int, float]] = None,
    method: MethodArg = None,
) -> PublishedCheck:
    """Checks published scores against a published rating (and percentage)."""

def published_results() -> PublishedResults:
    """The bundled published results."""

def published_dataframe() -> Any:
    """The bundled published results as a pandas DataFrame."""

def find_council(name: str) -> PublishedResult:
    """A council's published result by name."""

def statement_distribution() -> list[StatementDistribution]:
    """How the published councils scored each statement."""

def rank_among_published(scores: Scores, method: MethodArg = None) -> Ranking:
    """Where scores would rank among the published councils."""

def themes() -> list[Theme]:
    """The four themes."""

def quality_statements() -> list[QualityStatement]:
    """The nine quality statements."""

def evidence_categories() -> list[EvidenceCategory]:
    """The six evidence categories."""

def rating_methods() -> list[RatingMethod]:
    """Both rating methods, newest first."""

def method_in_force_on(date: DateArg) -> Optional[RatingMethod]:
    """The method in force on a date."""

def parse_rating(name: str) -> RatingName:
    """A rating's canonical name."""

def rating_label(rating: RatingName) -> str:
    """A rating as CQC prints it."""

def rating_band(rating: RatingName) -> Tuple[int, int]:
    """A rating's band of published percentages."""

def rating_for_percent(percent: int) -> Optional[RatingName]:
    """The rating of a published percentage."""

def rating_for_total(total: int, assessed: int) -> Optional[Tuple[RatingName, int]]:
    """``(rating, percent)`` of a total out of 4 × assessed."""

def rate_many(
    scores: Union[npt.ArrayLike, Sequence[Sequence[Optional[float]]]],
) -> Tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint8]]:
    """Rates an N×9 array: ``(rating codes, percents)`` as uint8 arrays."""

# --- The timeline and the workbook: Records read from the core's JSON form -------------------

TIMELINE_URL: str
WORKBOOK_VERSION: int
EVIDENCE_CSV_COLUMNS: list[str]

class Record:
    """A result read from the core's JSON form: fields as attributes (and ``record["key"]``);
    nested objects are Records, text that is exactly an ISO date is a ``datetime.date``."""

    def __getattr__(self, name: str) -> Any: ...
    def __getitem__(self, key: str) -> Any: ...
    def keys(self) -> list[str]:
        """The field names."""
    def to_dict(self) -> Any:
        """Plain Python values (dates as ISO text, as in JSON)."""
    def to_json(self) -> str:
        """Pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table."""

class Timeline(Record):
    """A computed assessment timeline."""

    def milestone(self, id: str) -> Record:
        """One milestone by id, e.g. ``factual_accuracy_due``."""
    def to_text(self) -> str:
        """The timeline as text for people."""
    def to_ical(self, stamp: Optional[DateArg] = None) -> str:
        """The milestones as iCalendar text, stamped with ``stamp`` (today when None)."""
    def status_on(self, today: DateArg) -> TimelineStatus:
        """Where the assessment stands on a date."""

class TimelineStatus(Record):
    """Where an assessment stands on a date."""

class WorkingCalendar:
    """Working days in England: weekdays less bank holidays and closure days."""

    def __init__(
        self,
        bank_holidays: Optional[Sequence[Mapping[str, Any]]] = None,
        closures: Optional[Sequence[DateArg]] = None,
    ) -> None: ...
    def with_gov_uk_json(self, text: str) -> WorkingCalendar: ...
    def is_working_day(self, date: DateArg) -> bool: ...
    def non_working_reason(self, date: DateArg) -> Optional[str]: ...
    def add_working_days(self, date: DateArg, n: int) -> datetime.date: ...
    def working_days_between(self, start: DateArg, end: DateArg) -> int: ...
    def on_or_after(self, date: DateArg) -> datetime.date: ...
    def on_or_before(self, date: DateArg) -> datetime.date: ...
    def bank_holidays(self, year: int) -> list[Record]: ...
    def closures(self) -> list[datetime.date]: ...
    def to_dict(self) -> Any: ...
    def to_json(self) -> str: ...
    def _repr_html_(self) -> str: ...

class Workbook(Record):
    """A council's self-assessment workbook."""

    def __init__(self, document: Union[str, Mapping[str, Any]]) -> None: ...
    @staticmethod
    def blank(council: str) -> Workbook:
        """A blank workbook: nine statements not yet scored."""
    def analyse(self, as_of: Optional[DateArg] = None) -> WorkbookAnalysis: ...
    def report(self, as_of: Optional[DateArg] = None) -> WorkbookReport: ...
    def evidence_csv(self) -> str: ...

class WorkbookAnalysis(Record):
    """A workbook's analysis on a date."""

class WorkbookCheck(Record):
    """Every problem of a workbook document."""

class EvidenceImport(Record):
    """An evidence register read from CSV (``items``, ``errors``)."""

class WorkbookReport:
    """The self-assessment report of a workbook."""

    def html(self) -> str: ...
    def markdown(self) -> str: ...
    @property
    def analysis(self) -> WorkbookAnalysis: ...
    def _repr_html_(self) -> str: ...

def plan_timeline(
    document: Union[None, str, Mapping[str, Any]] = None,
    *,
    notified: Optional[DateArg] = None,
    actuals: Optional[Mapping[str, DateArg]] = None,
    approximate: Optional[Sequence[str]] = None,
    today: Optional[DateArg] = None,
    profile: Optional[Mapping[str, Any]] = None,
    closures: Optional[Sequence[DateArg]] = None,
    bank_holidays: Optional[Sequence[Mapping[str, Any]]] = None,
    council: Optional[str] = None,
    notes: Optional[Sequence[str]] = None,
) -> Timeline:
    """Plans an assessment timeline on real working days."""

def england_bank_holidays(year: int) -> list[Record]:
    """Bank holidays of England and Wales in a year, by rule."""

def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday of a year."""

def bank_holidays_from_gov_uk_json(text: str, division: str = "england-and-wales") -> list[Record]:
    """Bank holidays from GOV.UK's bank-holidays.json."""

def check_workbook(document: Union[str, Mapping[str, Any]], as_of: Optional[DateArg] = None) -> WorkbookCheck:
    """Every problem of a workbook document, and its analysis when it reads."""

def analyse_workbook(
    workbook: Union[Workbook, str, Mapping[str, Any]], as_of: Optional[DateArg] = None
) -> WorkbookAnalysis:
    """A workbook's analysis on a date."""

def evidence_from_csv(text: str) -> EvidenceImport:
    """An evidence register read from CSV."""

def evidence_to_csv(items: Sequence[Union[Record, Mapping[str, Any]]]) -> str:
    """Evidence items as CSV."""

def compare_with_england(value: float, england: float, higher_is_better: bool, tolerance: float) -> str:
    """``better``, ``similar`` or ``worse``."""
