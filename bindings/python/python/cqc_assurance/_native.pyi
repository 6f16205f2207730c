"""Type stubs of the compiled module ``cqc_assurance._native`` (the Rust core's binding).

Checked against the built module by ``python -m mypy.stubtest cqc_assurance`` (run by
scripts/test-python.sh): every class is ``@final`` (pyo3 classes cannot be subclassed, except
``Record`` and the exceptions), constructors are ``__new__`` with the runtime's parameters, and
the type aliases below are private because they exist only here, not in the module. The
regions marked ``@generated`` are written from the Rust types, and the docstrings of the rest
are the module's own (both by scripts/generate.sh; the tests fail while either is stale).
"""

import datetime
import os
from typing import (
    Any,
    ClassVar,
    Iterable,
    Iterator,
    Literal,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    SupportsIndex,
    Tuple,
    Union,
    final,
    overload,
    type_check_only,
)

import numpy as np
import numpy.typing as npt
import pandas as pd
from typing_extensions import Self, TypeAlias, disjoint_base

__all__ = [
    "CqcError",
    "ScoreError",
    "UnknownNameError",
    "AssessmentError",
    "ProbabilityError",
    "DocumentError",
    "TimelineError",
    "WorkbookError",
    "Record",
    "Timeline",
    "TimelineStatus",
    "WorkingCalendar",
    "Workbook",
    "WorkbookAnalysis",
    "WorkbookCheck",
    "EvidenceImport",
    "WorkbookImport",
    "WorkbookReport",
    "plan_timeline",
    "timeline_profile",
    "england_bank_holidays",
    "easter_sunday",
    "bank_holidays_from_gov_uk_json",
    "check_workbook",
    "analyse_workbook",
    "evidence_from_csv",
    "evidence_to_csv",
    "compare_with_england",
    "TIMELINE_URL",
    "WORKBOOK_VERSION",
    "EVIDENCE_CSV_COLUMNS",
    "QualityStatement",
    "Theme",
    "EvidenceCategory",
    "RatingMethod",
    "Assessment",
    "RatingResult",
    "StatementResult",
    "EvidenceWorking",
    "CategoryScore",
    "BandPosition",
    "Explanation",
    "ImprovementPlan",
    "ImprovementPath",
    "ScoreIncrease",
    "RatingProbabilities",
    "RatingProbability",
    "TotalProbability",
    "PublishedCheck",
    "Finding",
    "ScoreCorrection",
    "PublishedResult",
    "PublishedResults",
    "StatementDistribution",
    "Ranking",
    "rate",
    "explain",
    "improvement_paths",
    "rating_probabilities",
    "check_published",
    "published_results",
    "published_dataframe",
    "find_council",
    "statement_distribution",
    "rank_among_published",
    "themes",
    "quality_statements",
    "evidence_categories",
    "rating_methods",
    "method_in_force_on",
    "parse_rating",
    "rating_label",
    "rating_band",
    "rating_for_percent",
    "rating_for_total",
    "rate_many",
    "RATINGS",
    "FRAMEWORK_URL",
    "EVIDENCE_URL",
    "RATINGS_URL",
    "DOCUMENT_VERSION",
    "PROVENANCE",
    "CORE_VERSION",
]

_RatingArg: TypeAlias = str
"""A rating as functions take it: a canonical name or any usual spelling (``"Requires
improvement"``, ``"Good"``)."""

class _ScoresByStatement(Protocol):
    """A dict (or other mapping) keyed by statement id, name (str) or number (int).

    Only here, not in the module. It stands for ``Mapping[str | int, Any]``, which a
    ``dict[str, int]`` is not (a Mapping is invariant in its key type); these methods read keys
    covariantly, so ``dict[str, int]``, ``dict[int, int]`` and ``{5: 3, "equity": 2}`` all
    match, and a dict with other keys does not."""

    def keys(self) -> Iterable[Union[str, int]]: ...
    def items(self) -> Iterable[Tuple[Union[str, int], Any]]: ...
    def __len__(self) -> int: ...

_Scores: TypeAlias = Union[
    "Assessment",
    str,
    Sequence[Any],
    _ScoresByStatement,
    npt.NDArray[Any],
]
"""Scores as ``rate`` takes them: a list of nine (None = not assessed), a dict keyed by
statement id, number or name, a whole document (dict or JSON text), or an ``Assessment``."""

_MethodArg: TypeAlias = Union[None, str, "RatingMethod"]
_DateArg: TypeAlias = Union[datetime.date, str]
_Document: TypeAlias = Union[str, "os.PathLike[str]", dict[str, Any]]
"""A document as JSON text, the path of a JSON file (``str`` not starting with ``{``, or
``os.PathLike``) or a dict (values may be ``datetime.date``); not any Mapping."""

RATINGS: Tuple[_Rating, _Rating, _Rating, _Rating]
"""The rating names in order; ``rate_many``'s codes index into it."""
FRAMEWORK_URL: str
EVIDENCE_URL: str
RATINGS_URL: str
DOCUMENT_VERSION: int
PROVENANCE: str
CORE_VERSION: str

class CqcError(ValueError):
    """Every error of the library. ``code`` is the core's stable code (the same in Rust, Python and JavaScript), ``family`` its family, ``path`` the offending field of the input (or None) and ``message`` a sentence for people."""

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
    """A score outside 1-4 (or not a whole number), or a published percentage outside 25-100."""

class UnknownNameError(CqcError):
    """A statement, theme, evidence category, rating, method or council name that does not resolve."""

class AssessmentError(CqcError):
    """An assessment of the wrong shape: empty, duplicated, wrong length, wrong method."""

class ProbabilityError(CqcError):
    """A probability distribution that is negative, not finite or does not add up to 1."""

class DocumentError(CqcError):
    """A malformed document: JSON syntax, unknown fields, unsupported version, bad CSV row."""

class TimelineError(CqcError):
    """A date or a timeline that cannot be worked out."""

class WorkbookError(CqcError):
    """The self-assessment workbook or its evidence register."""

@final
class QualityStatement:
    """One of the nine quality statements. ``QualityStatement("Safe pathways, systems and transitions")`` finds one by id, number (``6``, ``"QS6"``) or any published name."""

    def __new__(cls, name: Union[str, int]) -> Self: ...
    def __hash__(self) -> int: ...
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def id(self) -> str:
        """Stable id used in documents, e.g. ``assessing-needs``."""
    @property
    def number(self) -> int:
        """Number 1-9 as in CQC's reports."""
    @property
    def index(self) -> int:
        """Zero-based position 0-8 (the column in arrays of nine scores)."""
    @property
    def name(self) -> str:
        """CQC's name of the statement."""
    @property
    def theme(self) -> Theme:
        """The theme the statement belongs to."""
    @property
    def aliases(self) -> list[str]:
        """Other names seen in CQC reports and press releases."""
    @property
    def description(self) -> str:
        """What the statement looks at, in this project's words (official wording at ``url``)."""
    @property
    def url(self) -> str:
        """CQC's page with the official wording."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values (dict, list, str, int, float, bool, None), with the same keys as its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the object, shown by Jupyter."""

@final
class Theme:
    """One of the four themes. ``Theme("ensuring safety")`` finds one by id, number or name."""

    def __new__(cls, name: Union[str, int]) -> Self: ...
    def __hash__(self) -> int: ...
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def id(self) -> str:
        """Stable id, e.g. ``ensuring-safety``."""
    @property
    def number(self) -> int:
        """Number 1-4."""
    @property
    def name(self) -> str:
        """CQC's name of the theme."""
    @property
    def statements(self) -> list[QualityStatement]:
        """The quality statements under the theme, in order."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values (dict, list, str, int, float, bool, None), with the same keys as its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the object, shown by Jupyter."""

@final
class EvidenceCategory:
    """One of the six evidence categories of CQC's single assessment framework."""

    def __new__(cls, name: str) -> Self: ...
    def __hash__(self) -> int: ...
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def id(self) -> str:
        """Stable id, e.g. ``peoples-experience``."""
    @property
    def index(self) -> int:
        """Zero-based position 0-5."""
    @property
    def name(self) -> str:
        """CQC's name of the category."""
    @property
    def description(self) -> str:
        """What the category covers, in this project's words."""
    @property
    def local_authority_use(self) -> str:
        """``used``, ``not_in_baselining_round`` (outcomes) or ``not_used`` (observation)."""
    @property
    def applies_to_local_authorities(self) -> bool:
        """Whether the category can ever be used for councils (all but observation)."""
    @property
    def url(self) -> str:
        """CQC's page on how evidence categories are used for councils."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values (dict, list, str, int, float, bool, None), with the same keys as its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the object, shown by Jupyter."""

@final
class RatingMethod:
    """A rating method CQC has used: ``current`` (statement scores, from June 2025) or ``earlier`` (evidence-category scores, December 2023 to June 2025)."""

    def __new__(cls, name: str) -> Self: ...
    def __hash__(self) -> int: ...
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def id(self) -> str:
        """``current`` or ``earlier``."""
    @property
    def name(self) -> str:
        """A short name for people."""
    @property
    def source_url(self) -> str:
        """Where the method is published."""
    # end of generated getters
    @property
    def in_force_from(self) -> datetime.date:
        """The first day the method applied."""
    @property
    def in_force_until(self) -> Optional[datetime.date]:
        """The day after the last day the method applied, or None if still in force."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values (dict, list, str, int, float, bool, None), with the same keys as its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the object, shown by Jupyter."""

@final
class Assessment:
    """The scores of an assessment under one rating method, read and checked once. ``Assessment(scores, method=None)`` takes the same inputs as ``rate``."""

    def __new__(cls, scores: _Scores, method: _MethodArg = None) -> Self: ...
    def __hash__(self) -> int: ...
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def method(self) -> str:
        """The rating method: ``current`` or ``earlier``."""
    @property
    def scores(self) -> list[Optional[int]]:
        """Nine entries in CQC's order, None where not assessed (under the earlier method, the scores derived from the evidence categories)."""
    @property
    def total(self) -> int:
        """Sum of the statement scores."""
    @property
    def max(self) -> int:
        """4 × statements assessed."""
    @property
    def assessed(self) -> int:
        """Number of statements assessed (1-9)."""
    # end of generated getters
    @property
    def statement_scores(self) -> dict[str, int]:
        """The assessed statements' scores keyed by statement id."""
    @property
    def evidence_scores(self) -> Optional[dict[str, dict[str, int]]]:
        """Evidence-category scores by statement id (earlier method), or None."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values (dict, list, str, int, float, bool, None), with the same keys as its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the object, shown by Jupyter."""

@final
class RatingResult(_RatingResultFields):
    """The outcome of rating an assessment; ``rating_label`` is the rating as CQC prints it."""

    @property
    def rating_label(self) -> str:
        """The rating as CQC prints it, e.g. ``Requires improvement``."""

@final
class StatementResult(_StatementResultFields):
    """One assessed statement in a rating result; ``quality_statement`` is the statement as an object."""

    @property
    def quality_statement(self) -> QualityStatement:
        """The statement as an object (number, name, theme...)."""

@final
class ScoreIncrease(_ScoreIncreaseFields):
    """One statement's score raised: ``from_score`` and ``to_score`` (``from`` and ``to`` in its JSON form)."""

    @property
    def from_score(self) -> int:
        """Its score now (``from`` in the JSON form)."""
    @property
    def to_score(self) -> int:
        """The score it would need (``to`` in the JSON form)."""

@final
class Explanation(_ExplanationFields):
    """The steps of a rating in words a council officer can check by hand; ``to_text()`` (and ``str()``) as numbered lines."""

    def to_text(self) -> str:
        """The steps as numbered lines."""

@final
class RatingProbabilities(_RatingProbabilitiesFields):
    """The probability of each rating when statement scores are uncertain; ``call`` is the headline (one rating when its probability is at least two in three, otherwise too close to call)."""

    def probability(self, rating: _RatingArg) -> float:
        """The probability of exactly this rating."""
    def at_least(self, rating: _RatingArg) -> float:
        """The probability of this rating or better."""

@final
class PublishedResult(_PublishedResultFields):
    """One council's published result; ``assessment()`` gives its scores as an ``Assessment`` and ``check()`` checks its published rating against them."""

    def assessment(self) -> Optional[Assessment]:
        """The scores as an Assessment, or None."""
    def check(self) -> Optional[PublishedCheck]:
        """Checks the published rating against the published scores, or None without scores."""

@final
class PublishedResults:
    """A set of published results: ``published_results()`` gives the bundled one; ``PublishedResults.from_csv(text)`` reads a CSV with the same columns. A sequence of ``PublishedResult``; ``to_pandas()`` gives a DataFrame."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    @staticmethod
    def from_csv(text: str) -> PublishedResults:
        """Reads a CSV in the bundled file's format (its columns, in any order: ``gss_code, council, region, ..., qs1..qs9, ..., overall_rating, source_kind, source_url, cqc_report_url, note``); the first problem is a ``DocumentError`` naming its line and column."""
    @staticmethod
    def from_csv_lenient(text: str) -> Tuple[PublishedResults, list[CqcError]]:
        """Reads a CSV keeping every good row: returns the results and a list of ``CqcError``s, one per bad row (not raised)."""
    @property
    def records(self) -> list[PublishedResult]:
        """Every record, in file order."""
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> PublishedResult: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[PublishedResult]: ...
    def __iter__(self) -> Iterator[PublishedResult]: ...
    def find(self, name: str) -> PublishedResult:
        """Finds a council by name, ignoring case, punctuation and words such as "Council", "City of", "London Borough of"; an unknown name is an ``UnknownNameError`` with suggestions."""
    def scored(self) -> list[PublishedResult]:
        """The records with all nine scores published."""
    def statement_distribution(self) -> list[StatementDistribution]:
        """How the councils with published scores scored each statement."""
    def statement_distribution_by_region(self) -> list[GroupDistribution]:
        """How the councils with published scores scored each statement, in each region."""
    def rating_counts(self) -> dict[str, int]:
        """Number of records with each published rating, worst first."""
    def rating_counts_by_region(self) -> list[RatingCounts]:
        """Number of records with each published rating, in each region."""
    def rating_counts_by_type(self) -> list[RatingCounts]:
        """Number of records with each published rating, for each type of council."""
    def council_rankings(self, council: str) -> Optional[CouncilRankings]:
        """A published council's ranks among all councils, in its region and among councils of its type (by name, alias or ONS code), or None when it has no published scores."""
    def rank(self, scores: _Scores, method: _MethodArg = None) -> Ranking:
        """Where scores (any input ``rate`` takes) would rank among these councils."""
    def conflicts(self) -> list[Tuple[PublishedResult, PublishedCheck]]:
        """The records whose published rating does not follow from their published scores, each with its check."""
    def to_pandas(self) -> pd.DataFrame:
        """The records as a pandas DataFrame, one row per record (an assessment, or a council with none found): ``council``, ``gss_code``, ``region``, ``council_type``, ``assessment_kind``, ``published`` (``datetime64``: the first day the published date can mean, see ``published_precision``), ``published_precision``, ``current``, ``rating`` (an ordered ``Categorical``, inadequate < requires_improvement < good < outstanding), ``pilot``, ``qs1`` .. ``qs9``, ``total``, ``assessed``, ``percent`` (nullable ``Int8``: ``<NA>`` where no source states them), ``percent_basis``, ``source_kind``, ``cqc_report_url``, ``note``, ``sources`` (lists). Needs pandas (an ``ImportError`` saying how to install it otherwise)."""
    def to_dict(self) -> dict[str, Any]:
        """The records as a list of dicts."""
    def to_json(self) -> str:
        """The records as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the records, shown by Jupyter."""

def rate(scores: _Scores, method: _MethodArg = None) -> RatingResult:
    """Rates an assessment by CQC's method. ``scores`` is a list of nine scores in CQC's order (None = not assessed), a dict keyed by statement id, number or any published name, a whole assessment document (dict or JSON text), or an ``Assessment``. ``method`` (``"current"`` or ``"earlier"``) applies when the scores do not say; under ``"earlier"`` a dict maps statements to evidence-category scores."""

def explain(scores: _Scores, method: _MethodArg = None) -> Explanation:
    """Explains, step by step, how the rating follows from the scores (same inputs as ``rate``)."""

def improvement_paths(
    scores: _Scores, target: Optional[_RatingArg] = None, method: _MethodArg = None
) -> ImprovementPlan:
    """Every minimal set of statement score increases that reaches ``target`` (a rating name)."""

def rating_probabilities(
    distributions: Union[str, Sequence[Any], Mapping[Any, Any], npt.NDArray[Any]],
) -> RatingProbabilities:
    """The probability of each rating when statement scores are uncertain. ``distributions`` maps statements to ``[p1, p2, p3, p4]`` (the probabilities of scores 1-4), a certain score, or None (not assessed); as a dict keyed by statement, a list of nine, a document ``{"scores": ...}`` or JSON text."""

def check_published(
    scores: _Scores,
    rating: _RatingArg,
    percent: Optional[Union[int, float]] = None,
    method: _MethodArg = None,
) -> PublishedCheck:
    """Checks published scores against a published rating and, optionally, a published whole percentage; lists every inconsistency and the one-point corrections that would explain it."""

def published_results() -> PublishedResults:
    """The bundled published results (every assessment found for the 153 councils, each with its sources, and a row for each council without one)."""

def published_dataframe() -> pd.DataFrame:
    """The bundled published results as a pandas DataFrame (needs pandas)."""

def find_council(name: str) -> PublishedResult:
    """Finds a council's published result by name ("Liverpool City Council", "Royal Borough of Windsor & Maidenhead"...); an unknown name is an ``UnknownNameError`` with suggestions."""

def statement_distribution() -> list[StatementDistribution]:
    """How the published councils scored each statement, in CQC's order."""

def rank_among_published(scores: _Scores, method: _MethodArg = None) -> Ranking:
    """Where scores (any input ``rate`` takes) would rank among the published councils with nine scores, by overall percentage."""

def themes() -> list[Theme]:
    """The four themes in CQC's order."""

def quality_statements() -> list[QualityStatement]:
    """The nine quality statements in CQC's order (QS1-QS9)."""

def evidence_categories() -> list[EvidenceCategory]:
    """The six evidence categories in the framework's order."""

def rating_methods() -> list[RatingMethod]:
    """Both rating methods, newest first."""

def method_in_force_on(date: _DateArg) -> Optional[RatingMethod]:
    """The rating method in force on a date (a ``datetime.date`` or ISO text), or None before 8 December 2023."""

def parse_rating(name: str) -> _Rating:
    """A rating's canonical name from any spelling (``"Requires Improvement"`` → ``"requires_improvement"``); an unknown name is an ``UnknownNameError``."""

def rating_label(rating: _RatingArg) -> str:
    """A rating as CQC prints it (``"requires_improvement"`` → ``"Requires improvement"``)."""

def rating_band(rating: _RatingArg) -> Tuple[int, int]:
    """The band of published percentages of a rating, inclusive: ``rating_band("good")`` is ``(63, 87)``."""

def rating_for_percent(percent: int) -> Optional[_Rating]:
    """The rating a published whole percentage falls in, or None outside 25-100."""

def rating_for_total(total: int, assessed: int) -> Optional[Tuple[_Rating, int]]:
    """``(rating, published percent)`` of a total out of 4 × ``assessed``, or None when the total is impossible for that many statements."""

def rate_many(
    scores: Union[npt.ArrayLike, Sequence[Sequence[Optional[float]]]],
) -> Tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint8]]:
    """Rates many assessments at once. ``scores`` is an N×9 array of statement scores in CQC's order (a numpy array of any integer or float dtype, a pandas DataFrame, or a list of lists). A statement not assessed is ``0`` (the core's batch convention), ``None`` or ``NaN``. Returns ``(ratings, percents)``, two numpy ``uint8`` arrays of length N: the rating code of each row (0 inadequate, 1 requires improvement, 2 good, 3 outstanding: the index into ``RATINGS``) and its published percentage. The rule is the core's, the same as ``rate()``; the GIL is released while rating. A bad row raises the error of ``rate()`` with its path (``scores[row][column]``)."""

# --- The timeline and the workbook: Records read from the core's JSON form -------------------

TIMELINE_URL: str
WORKBOOK_VERSION: int
EVIDENCE_CSV_COLUMNS: list[str]

# The record types below marked ``@type_check_only`` are only here, for type checkers: at run
# time their objects are ``Record`` itself.
@disjoint_base
class Record:
    """A result read from the core's JSON form: fields as attributes (and ``record["key"]``). Records are made by the library (``Record()`` raises ``TypeError``). Each is read by the JSON Schema of the core's result it holds: a field the result has no value for reads as None, a name the type lacks raises ``AttributeError``, and the stubs declare the types of the fields, generated from the same schema (so a type checker also refuses a misspelt field). The workbook document is read as it is written (its fields untyped; text that is exactly an ISO date is a ``datetime.date``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __getitem__(self, key: str, /) -> Any:
        """A field by name; an unknown field raises ``KeyError``."""
    def keys(self) -> list[str]:
        """The field names: the type's fields (``None`` when the result has no value for one), or the keys of the workbook document."""
    def to_dict(self) -> Any:
        """The record as plain Python values (dates as ISO text, as in its JSON form)."""
    def to_json(self) -> str:
        """The record as pretty-printed JSON text (the core's serialised form)."""
    def _repr_html_(self) -> str:
        """A readable HTML table of the record, shown by Jupyter."""

# @generated record types: the JSON Schema of the core's results (scripts/generate.sh)

_ActionStatus: TypeAlias = Literal["not_started", "in_progress", "blocked", "done", "cancelled"]
_Adjust: TypeAlias = Literal["none", "next_working_day", "previous_working_day"]
_Agreement: TypeAlias = Literal["agree", "council_higher", "council_lower"]
_AssessmentKind: TypeAlias = Literal["pilot", "baseline", "reassessment"]
_BandHalf: TypeAlias = Literal["upper", "lower"]
_Basis: TypeAlias = Literal["actual", "approximate", "planned", "estimated", "inferred"]
_Comparison: TypeAlias = Literal["better", "similar", "worse"]
_CouncilType: TypeAlias = Literal[
    "county",
    "unitary",
    "metropolitan_district",
    "london_borough",
    "other",
]
_DatePrecision: TypeAlias = Literal["day", "week", "month", "unknown"]
_Direction: TypeAlias = Literal["improved", "unchanged", "declined"]
_ErrorFamily: TypeAlias = Literal[
    "score",
    "lookup",
    "assessment",
    "probability",
    "document",
    "timeline",
    "workbook",
]
_EvidenceCategoryId: TypeAlias = Literal[
    "peoples-experience",
    "staff-and-leaders",
    "partners",
    "observation",
    "processes",
    "outcomes",
]
_EvidenceState: TypeAlias = Literal["expired", "stale"]
_FindingKind: TypeAlias = Literal[
    "rating_mismatch",
    "percent_mismatch",
    "percent_outside_rating_band",
    "percent_not_achievable",
]
_InterviewRole: TypeAlias = Literal[
    "lead_member",
    "dass",
    "principal_social_worker",
    "chief_executive",
    "scrutiny_chair",
    "front_line_staff",
    "partners",
    "people_who_draw_on_care",
]
_IssueKind: TypeAlias = Literal[
    "short_on_site_notice",
    "out_of_order",
    "after_deadline",
    "before_notification",
    "pre_election_period",
]
_MilestoneId: TypeAlias = Literal[
    "notification",
    "one_week_items_due",
    "information_return_due",
    "self_assessment_due",
    "case_tracking_list_due",
    "visit_notice",
    "leadership_presentation",
    "data_focus_group",
    "visit",
    "visit_feedback",
    "draft_report",
    "factual_accuracy_due",
    "publication",
    "twenty_week_end",
]
_MilestoneKind: TypeAlias = Literal["event", "deadline", "marker"]
_MilestoneState: TypeAlias = Literal["done", "due_this_week", "overdue", "upcoming"]
_PercentBasis: TypeAlias = Literal["stated", "computed"]
_Rag: TypeAlias = Literal["red", "amber", "green"]
_Rating: TypeAlias = Literal["inadequate", "requires_improvement", "good", "outstanding"]
_RatingMethod: TypeAlias = Literal["current", "earlier"]
_Region: TypeAlias = Literal[
    "north_east",
    "north_west",
    "yorkshire_and_the_humber",
    "east_midlands",
    "west_midlands",
    "east_of_england",
    "london",
    "south_east",
    "south_west",
]
_ReturnItemKind: TypeAlias = Literal["document", "data"]
_ReturnItemStatus: TypeAlias = Literal["not_started", "in_progress", "ready", "submitted"]
_ScoreValue: TypeAlias = Literal[1, 2, 3, 4]
_SourceKind: TypeAlias = Literal["cqc", "council", "press", "scrape"]
_StatementId: TypeAlias = Literal[
    "assessing-needs",
    "supporting-healthier-lives",
    "equity",
    "care-provision",
    "partnerships",
    "safe-systems",
    "safeguarding",
    "governance",
    "learning",
]
_ThemeId: TypeAlias = Literal[
    "working-with-people",
    "providing-support",
    "ensuring-safety",
    "leadership",
]
_WorkbookPart: TypeAlias = Literal[
    "evidence",
    "actions",
    "indicators",
    "information_return",
    "case_tracking",
    "interviews",
    "history",
]

@type_check_only
@final
class AccountEntry(Record):
    """One entry of the assurance account: what people said, what was done, how it shows."""

    @property
    def statement(self) -> Optional[_StatementId]:
        """The statement, if the action has one."""
    @property
    def statement_name(self) -> Optional[str]:
        """The statement's name."""
    @property
    def you_said(self) -> Optional[str]:
        """What people said (the action's ``you_said``)."""
    @property
    def we_did(self) -> str:
        """What was done (the action's description)."""
    @property
    def latest_progress(self) -> Optional[str]:
        """The latest progress note, if any."""
    @property
    def completed(self) -> Optional[datetime.date]:
        """When it was done: the action's last update, or its latest progress note."""
    @property
    def evidence(self) -> list[AccountEvidence]:
        """The evidence that shows it."""

@type_check_only
@final
class AccountEvidence(Record):
    """Evidence shown in the assurance account: its title and link, never its id."""

    @property
    def title(self) -> str:
        """What it is."""
    @property
    def date(self) -> datetime.date:
        """Its date."""
    @property
    def link(self) -> Optional[str]:
        """Where to find it."""

@type_check_only
@final
class ActionCounts(Record):
    """Counts of the action plan."""

    @property
    def total(self) -> int:
        """All actions."""
    @property
    def open(self) -> int:
        """Not started, in progress or blocked."""
    @property
    def done(self) -> int:
        """Done."""
    @property
    def cancelled(self) -> int:
        """Cancelled."""
    @property
    def overdue(self) -> int:
        """Open and past due."""

@type_check_only
@final
class ActionSummary(Record):
    """One action of the plan, as analysed: the action and whether it is overdue."""

    @property
    def index(self) -> int:
        """Position in the plan."""
    @property
    def id(self) -> str:
        """The action's id."""
    @property
    def statement(self) -> Optional[_StatementId]:
        """Its statement, or ``None`` for an action across statements."""
    @property
    def description(self) -> str:
        """What will be done."""
    @property
    def owner(self) -> Optional[str]:
        """Who owns it."""
    @property
    def due(self) -> datetime.date:
        """When it is due."""
    @property
    def status(self) -> _ActionStatus:
        """Where it stands."""
    @property
    def days_overdue(self) -> Optional[int]:
        """Days past due on the analysis date, for an open action past its due date."""
    @property
    def rag(self) -> Optional[_Rag]:
        """Its red, amber or green status, if given."""
    @property
    def updated(self) -> Optional[datetime.date]:
        """When it was last updated, if given."""
    @property
    def latest_progress(self) -> Optional[ProgressNote]:
        """The latest of its progress notes (by date; the last written on a tie)."""

@type_check_only
class _BandPositionFields(Record):
    """Where a result sits in its rating band. Percentage points are whole published percentages; score points are points of statement score (raising one statement from 2 to 3 is one score point)."""

    @property
    def rating(self) -> _Rating:
        """The band's rating."""
    @property
    def lower_percent(self) -> int:
        """The band's lowest published percentage."""
    @property
    def upper_percent(self) -> int:
        """The band's highest published percentage."""
    @property
    def percent_above_lower_edge(self) -> int:
        """Published percentage minus the band's lowest (0 means on the edge)."""
    @property
    def next_rating(self) -> Optional[_Rating]:
        """The next rating up, if any."""
    @property
    def points_to_next_rating(self) -> Optional[int]:
        """Score points needed to reach the next rating up (``None`` for outstanding)."""
    @property
    def slack_points(self) -> Optional[int]:
        """Score points that can be lost while keeping this rating (``None`` for inadequate, which has no band below)."""
    @property
    def half(self) -> _BandHalf:
        """Upper or lower half of the band (the midpoint itself counts as upper)."""
    @property
    def wording(self) -> str:
        """The position in CQC's words, e.g. "upper threshold of good, nearing outstanding"."""

@final
class BandPosition(_BandPositionFields):
    """Where a result sits in its rating band. Percentage points are whole published percentages; score points are points of statement score (raising one statement from 2 to 3 is one score point)."""

@type_check_only
@final
class BankHoliday(Record):
    """One bank holiday: its date, its title and a note such as "Substitute day"."""

    @property
    def date(self) -> datetime.date:
        """The day off."""
    @property
    def title(self) -> str:
        """Its name, as GOV.UK words it."""
    @property
    def notes(self) -> str:
        """"Substitute day" when the holiday replaces one that fell at a weekend; otherwise empty."""

@type_check_only
@final
class Benchmark(Record):
    """Where the predicted (most likely) scores sit among the councils with nine published scores (the current assessment of each) in the published results used: the bundled ones unless others are given ([``analyse_workbook_with``])."""

    @property
    def ranking(self) -> Ranking:
        """Overall position by percentage."""
    @property
    def statements(self) -> list[StatementBenchmark]:
        """Statement by statement."""

@type_check_only
@final
class BriefingStatement(Record):
    """What a role should be ready to say about one statement."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def number(self) -> int:
        """Its number."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def self_score(self) -> Optional[_ScoreValue]:
        """The council's most likely self-score (the lower on a tie)."""
    @property
    def strengths(self) -> list[str]:
        """Strengths, from the workbook."""
    @property
    def areas_for_improvement(self) -> list[str]:
        """Areas for improvement, from the workbook."""
    @property
    def key_figures(self) -> list[KeyFigure]:
        """Indicators linked to the statement."""

@type_check_only
@final
class Calibration(Record):
    """An earlier self-assessment against CQC's published scores of about the same time."""

    @property
    def date(self) -> datetime.date:
        """The self-assessment's date."""
    @property
    def label(self) -> Optional[str]:
        """Its label."""
    @property
    def source(self) -> Optional[str]:
        """Where the published scores come from."""
    @property
    def rows(self) -> list[CalibrationRow]:
        """Statements with both scores, in CQC's order."""
    @property
    def agree(self) -> int:
        """Statements where they agree."""
    @property
    def council_higher(self) -> int:
        """Where the council was higher."""
    @property
    def council_lower(self) -> int:
        """Where it was lower."""
    @property
    def mean_difference(self) -> Optional[float]:
        """The mean of the council's score minus CQC's (positive: the council was generous)."""

@type_check_only
@final
class CalibrationRow(Record):
    """One statement: the council's score beside CQC's."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def self_score(self) -> _ScoreValue:
        """The council's most likely self-score (the lower on a tie)."""
    @property
    def published(self) -> _ScoreValue:
        """CQC's published score."""
    @property
    def agreement(self) -> _Agreement:
        """Whether they agree."""
    @property
    def uncertain(self) -> bool:
        """Whether the self-score was a spread."""

@type_check_only
@final
class CaseTrackingSummary(Record):
    """The case-tracking register in counts (no references, no notes: nothing that could identify a person)."""

    @property
    def total(self) -> int:
        """Cases offered."""
    @property
    def offered(self) -> int:
        """Still only offered."""
    @property
    def selected(self) -> int:
        """Selected by CQC."""
    @property
    def contacted(self) -> int:
        """Contacted."""
    @property
    def done(self) -> int:
        """Done."""
    @property
    def pathways(self) -> list[PathwayCount]:
        """By pathway, most cases first (ties in the order first seen)."""
    @property
    def statements_without_cases(self) -> list[_StatementId]:
        """Statements no case illustrates."""
    @property
    def personal_data_warnings(self) -> int:
        """Fields that look like personal data (each also a warning)."""
    @property
    def pilot_figures(self) -> str:
        """The only published figures for case tracking, and their status."""

@type_check_only
class _CategoryScoreFields(Record):
    """One evidence category's score."""

    @property
    def category(self) -> _EvidenceCategoryId:
        """The category."""
    @property
    def score(self) -> _ScoreValue:
        """Its score."""

@final
class CategoryScore(_CategoryScoreFields):
    """One evidence category's score."""

@type_check_only
@final
class CouncilRankings(Record):
    """A council's position nationally, within its region and among councils of its kind."""

    @property
    def gss_code(self) -> str:
        """The council placed (never compared with itself)."""
    @property
    def council(self) -> str:
        """Its name."""
    @property
    def england(self) -> Ranking:
        """Among all councils with nine published scores."""
    @property
    def region(self) -> Ranking:
        """Within its region."""
    @property
    def council_type(self) -> Ranking:
        """Among councils of its kind."""

@type_check_only
@final
class Coverage(Record):
    """The coverage matrix, statement × evidence category, over the categories CQC uses for councils ([``EvidenceCategory::local_authority_categories``])."""

    @property
    def categories(self) -> list[_EvidenceCategoryId]:
        """The columns."""
    @property
    def rows(self) -> list[CoverageRow]:
        """Nine rows in CQC's order."""
    @property
    def gaps(self) -> list[CoverageGap]:
        """Cells with no current (unexpired) evidence, row by row."""
    @property
    def covered(self) -> int:
        """Cells with at least one current item."""
    @property
    def cells(self) -> int:
        """All cells (9 × categories)."""

@type_check_only
@final
class CoverageCell(Record):
    """One cell of the coverage matrix: the evidence for a statement in a category."""

    @property
    def category(self) -> _EvidenceCategoryId:
        """The category."""
    @property
    def items(self) -> int:
        """Items in the register for this statement and category."""
    @property
    def current(self) -> int:
        """Of these, items not expired on the analysis date."""

@type_check_only
@final
class CoverageGap(Record):
    """A statement and category with no current evidence."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def category(self) -> _EvidenceCategoryId:
        """The category."""

@type_check_only
@final
class CoverageRow(Record):
    """One row of the coverage matrix."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def cells(self) -> list[CoverageCell]:
        """One cell per category, in the order of [``Coverage::categories``]."""

@type_check_only
class _EvidenceImportFields(Record):
    """What a CSV file of a register gave: the items of its good rows, and one error per problem (``line 4: category``), so that nothing is dropped without a word."""

    @property
    def items(self) -> list[EvidenceItem]:
        """The good rows' items, in file order."""
    @property
    def errors(self) -> list[ErrorReport]:
        """Problems with the file, the header or rows, in file order."""
    @property
    def warnings(self) -> list[str]:
        """What the reader noticed and did that a person should know: an encoding guessed, a separator other than the comma, extra columns kept in notes."""
    @property
    def rows(self) -> int:
        """The data rows read (blank rows not counted): ``rows - items.len()`` rows were rejected."""

@final
class EvidenceImport(_EvidenceImportFields):
    """What a CSV file of a register gave: the items of its good rows, and one error per problem (``line 4: category``), so that nothing is dropped without a word."""

@type_check_only
@final
class DirectionOfTravel(Record):
    """The direction of travel, statement by statement."""

    @property
    def statements(self) -> list[StatementTravel]:
        """The nine statements."""
    @property
    def improved(self) -> int:
        """Statements improved."""
    @property
    def unchanged(self) -> int:
        """Unchanged."""
    @property
    def declined(self) -> int:
        """Declined."""

@type_check_only
@final
class ErrorReport(Record):
    """An error in the form every binding shows it: Python's ``CqcError`` attributes and JavaScript's ``Error`` properties carry exactly these fields."""

    @property
    def code(self) -> str:
        """The stable code, e.g. ``score_out_of_range``."""
    @property
    def family(self) -> _ErrorFamily:
        """The family, e.g. ``score``."""
    @property
    def message(self) -> str:
        """A sentence for people."""
    @property
    def path(self) -> Optional[str]:
        """The offending field, where there is one."""

@type_check_only
@final
class EvidenceAttention(Record):
    """An evidence item that is stale or expired on the analysis date."""

    @property
    def index(self) -> int:
        """Position in the register."""
    @property
    def id(self) -> str:
        """The item's id."""
    @property
    def title(self) -> str:
        """Its title."""
    @property
    def owner(self) -> Optional[str]:
        """Its owner."""
    @property
    def state(self) -> _EvidenceState:
        """Expired or stale."""
    @property
    def since(self) -> datetime.date:
        """The date that passed (expiry, review, or date + review period)."""
    @property
    def days(self) -> int:
        """Days from that date to the analysis date."""
    @property
    def reason(self) -> str:
        """Why, in words."""

@type_check_only
@final
class EvidenceItem(Record):
    """One item of the evidence register: a document, survey, audit, case file review or the like that supports one or more quality statements."""

    @property
    def id(self) -> str:
        """The council's reference for the item (unique in the workbook)."""
    @property
    def title(self) -> str:
        """What it is."""
    @property
    def category(self) -> _EvidenceCategoryId:
        """Which of CQC's evidence categories it belongs to."""
    @property
    def supports(self) -> list[_StatementId]:
        """The statements it supports (at least one; an item may support several)."""
    @property
    def owner(self) -> Optional[str]:
        """Who is responsible for it."""
    @property
    def date(self) -> datetime.date:
        """The date of the item (when it was written, run or last updated)."""
    @property
    def review_by(self) -> Optional[datetime.date]:
        """When it must be reviewed."""
    @property
    def expires(self) -> Optional[datetime.date]:
        """The last day it may be relied on."""
    @property
    def link(self) -> Optional[str]:
        """Where to find it (an address or a file path)."""
    @property
    def notes(self) -> Optional[str]:
        """Anything else about it (an import keeps here the columns a spreadsheet added that are not fields of the register)."""

@type_check_only
class _EvidenceWorkingFields(Record):
    """The evidence-category working of one statement (earlier method)."""

    @property
    def categories(self) -> list[CategoryScore]:
        """The categories scored, with their scores."""
    @property
    def total(self) -> int:
        """Sum of the category scores."""
    @property
    def max(self) -> int:
        """4 × categories scored."""
    @property
    def percent_exact(self) -> float:
        """Exact statement percentage."""
    @property
    def percent(self) -> int:
        """Statement percentage rounded up."""

@final
class EvidenceWorking(_EvidenceWorkingFields):
    """The evidence-category working of one statement (earlier method)."""

@type_check_only
class _ExplanationFields(Record):
    """The steps of a rating, in words a council officer can follow and check by hand."""

    @property
    def rating(self) -> _Rating:
        """The rating explained."""
    @property
    def steps(self) -> list[str]:
        """One sentence or short paragraph per step, in order."""

@type_check_only
class _FindingFields(Record):
    """One inconsistency between published figures and the method."""

    @property
    def kind(self) -> _FindingKind:
        """What kind."""
    @property
    def message(self) -> str:
        """A sentence for people."""

@final
class Finding(_FindingFields):
    """One inconsistency between published figures and the method."""

@type_check_only
@final
class Forecast(Record):
    """For a milestone not yet reached: the dates the recorded cases imply, counted from the last milestone this timeline has recorded for which cases exist. ``from`` is read as ``record["from"]``."""

    @property
    def from_end(self) -> bool:
        """Counted from the last day of the visit."""
    @property
    def from_date(self) -> datetime.date:
        """Its date in this timeline."""
    @property
    def shortest_days(self) -> int:
        """The shortest recorded time from it, in calendar days."""
    @property
    def longest_days(self) -> int:
        """The longest, in calendar days."""
    @property
    def earliest(self) -> datetime.date:
        """``from_date`` plus the shortest time."""
    @property
    def latest(self) -> datetime.date:
        """``from_date`` plus the longest time."""
    @property
    def cases(self) -> list[str]:
        """The councils whose recorded dates it rests on."""
    @property
    def imprecise(self) -> bool:
        """Whether any of those dates is known only to the week or month (the range is then widened to cover every day they can be)."""
    @property
    def text(self) -> str:
        """In words, with the number of cases."""

@type_check_only
@final
class GroupDistribution(Record):
    """The statement distributions of one group of councils (a region)."""

    @property
    def region(self) -> Optional[_Region]:
        """The region, or ``None`` for England."""
    @property
    def council_type(self) -> Optional[_CouncilType]:
        """The kind of council, or ``None`` for every kind."""
    @property
    def councils(self) -> int:
        """Councils of the group with nine published scores (current assessment)."""
    @property
    def statements(self) -> list[StatementDistribution]:
        """Each statement, in CQC's order."""

@type_check_only
class _ImprovementPathFields(Record):
    """A set of score increases that together reach the target rating, and from which no point can be taken away without missing it."""

    @property
    def increases(self) -> list[ScoreIncrease]:
        """The increases, in CQC's statement order."""
    @property
    def points(self) -> int:
        """Score points added in all."""
    @property
    def percent(self) -> int:
        """The published percentage the path reaches."""
    @property
    def rating(self) -> _Rating:
        """The rating the path reaches."""

@final
class ImprovementPath(_ImprovementPathFields):
    """A set of score increases that together reach the target rating, and from which no point can be taken away without missing it."""

@type_check_only
class _ImprovementPlanFields(Record):
    """Every minimal way from an assessment's scores to a target rating."""

    @property
    def target(self) -> _Rating:
        """The rating aimed for."""
    @property
    def current_rating(self) -> _Rating:
        """The rating now."""
    @property
    def current_total(self) -> int:
        """The total now."""
    @property
    def target_total(self) -> int:
        """The lowest total that gives the target (out of the same maximum)."""
    @property
    def points_needed(self) -> int:
        """Score points needed (0 if the target is already met)."""
    @property
    def already_met(self) -> bool:
        """Whether the current scores already give the target or better."""
    @property
    def reachable(self) -> bool:
        """Whether the target can be reached within the options' limits (without limits it always can: all 4s give 100%)."""
    @property
    def paths(self) -> list[ImprovementPath]:
        """Every minimal path, the most realistic first (see [``improvement_paths_with``]); empty if the target is already met or cannot be reached within the limits."""

@final
class ImprovementPlan(_ImprovementPlanFields):
    """Every minimal way from an assessment's scores to a target rating."""

@type_check_only
@final
class IndicatorComparison(Record):
    """One indicator against the England average."""

    @property
    def index(self) -> int:
        """Position in the workbook's list."""
    @property
    def name(self) -> str:
        """What it measures."""
    @property
    def collection(self) -> str:
        """Survey or collection."""
    @property
    def year(self) -> Optional[str]:
        """Year of the council's figure."""
    @property
    def england_year(self) -> Optional[str]:
        """Year of the England figure, where it differs from the council's."""
    @property
    def unit(self) -> Optional[str]:
        """Unit."""
    @property
    def value(self) -> Optional[float]:
        """The council's figure, if entered."""
    @property
    def england_average(self) -> float:
        """England's."""
    @property
    def higher_is_better(self) -> bool:
        """Whether higher is better."""
    @property
    def tolerance(self) -> float:
        """The tolerance used for "similar"."""
    @property
    def difference(self) -> Optional[float]:
        """Council minus England, if entered."""
    @property
    def comparison(self) -> Optional[_Comparison]:
        """Better, similar or worse; ``None`` if the council's figure is not entered."""
    @property
    def statements(self) -> list[_StatementId]:
        """Statements it speaks to."""
    @property
    def reference(self) -> Optional[str]:
        """Where the figures come from."""

@type_check_only
@final
class InformationReturnStatus(Record):
    """The information return tracker: counts and gaps."""

    @property
    def items(self) -> list[ReturnItemSummary]:
        """Every item, in the tracker's order."""
    @property
    def total(self) -> int:
        """All items."""
    @property
    def documents(self) -> int:
        """Documents."""
    @property
    def data(self) -> int:
        """Data."""
    @property
    def not_started(self) -> int:
        """Items not started."""
    @property
    def in_progress(self) -> int:
        """Items in progress."""
    @property
    def ready(self) -> int:
        """Items ready to send."""
    @property
    def submitted(self) -> int:
        """Items sent."""
    @property
    def without_evidence(self) -> list[str]:
        """References of items with no evidence linked."""
    @property
    def overdue(self) -> list[str]:
        """References of items not submitted and past due, most overdue first."""
    @property
    def without_due_date(self) -> int:
        """Items with no due date (neither their own nor the timeline's)."""
    @property
    def statements_without_items(self) -> list[_StatementId]:
        """Statements no item supports."""
    @property
    def deadline(self) -> Optional[datetime.date]:
        """The timeline's information return deadline, when the workbook has a timeline."""

@type_check_only
@final
class Interval(Record):
    """The time between two recorded dates. ``from`` is read as ``record["from"]``."""

    @property
    def from_end(self) -> bool:
        """The earlier date is the last day of the visit."""
    @property
    def to(self) -> _MilestoneId:
        """The later milestone."""
    @property
    def from_date(self) -> datetime.date:
        """The earlier date."""
    @property
    def to_date(self) -> datetime.date:
        """The later date."""
    @property
    def calendar_days(self) -> int:
        """Calendar days between them."""
    @property
    def weeks(self) -> str:
        """The same as weeks and days, e.g. ``12 weeks 3 days``."""
    @property
    def working_days(self) -> int:
        """Working days in England after ``from_date`` up to and including ``to_date``."""
    @property
    def approximate(self) -> bool:
        """Whether either date is only approximately known."""

@type_check_only
@final
class InterviewSchedule(Record):
    """The interview schedule and the briefing pack."""

    @property
    def visit(self) -> Optional[VisitDays]:
        """The visit's days, when the workbook's timeline gives them."""
    @property
    def interviews(self) -> list[ScheduledInterview]:
        """Interviews by date and time (undated ones last, in the workbook's order)."""
    @property
    def briefings(self) -> list[RoleBriefing]:
        """One briefing per role scheduled, in the order of [``InterviewRole::ALL``]."""

@type_check_only
@final
class KeyFigure(Record):
    """A key figure for a briefing: an indicator linked to the statement."""

    @property
    def name(self) -> str:
        """What it measures."""
    @property
    def value(self) -> Optional[float]:
        """The council's figure."""
    @property
    def england_average(self) -> float:
        """England's."""
    @property
    def unit(self) -> Optional[str]:
        """The unit."""
    @property
    def year(self) -> Optional[str]:
        """The year of the council's figure."""
    @property
    def comparison(self) -> Optional[_Comparison]:
        """Better, similar or worse than England."""

@type_check_only
@final
class Milestone(Record):
    """One milestone of a computed timeline."""

    @property
    def id(self) -> _MilestoneId:
        """Its id, e.g. ``factual_accuracy_due``."""
    @property
    def name(self) -> str:
        """A name for people."""
    @property
    def kind(self) -> _MilestoneKind:
        """Event, deadline or marker."""
    @property
    def date(self) -> datetime.date:
        """When it happens (events) or is due (deadlines); for the visit, its first day."""
    @property
    def end(self) -> Optional[datetime.date]:
        """The visit's last day (``None`` for one-day milestones)."""
    @property
    def end_basis(self) -> Optional[_Basis]:
        """How ``end`` is known."""
    @property
    def length_days(self) -> Optional[int]:
        """For the visit: its length in calendar days, first and last included."""
    @property
    def length_working_days(self) -> Optional[int]:
        """For the visit: its working days, first and last included."""
    @property
    def basis(self) -> _Basis:
        """How ``date`` is known."""
    @property
    def firm(self) -> bool:
        """Whether the date is fixed: recorded, or a deadline counted by CQC's rules from recorded dates through deadlines only (a due date counted from a planned visit could move)."""
    @property
    def planned(self) -> datetime.date:
        """What the rule gives from the dates before it (for comparison with an actual date)."""
    @property
    def actual(self) -> Optional[datetime.date]:
        """The recorded date: when it happened, or for a deadline when it was delivered."""
    @property
    def rule(self) -> Optional[MilestoneRule]:
        """The rule, ``None`` for the notification."""
    @property
    def rule_text(self) -> str:
        """The rule in words."""
    @property
    def source(self) -> str:
        """Where the rule comes from."""
    @property
    def source_url(self) -> Optional[str]:
        """A link to the source, where there is one."""
    @property
    def moved_from(self) -> Optional[str]:
        """When the rule's date was not used: that date and why (``2025-04-18 (Good Friday)``, a pre-election period)."""
    @property
    def council_date(self) -> Optional[datetime.date]:
        """For a deadline on or after a council closure day: the council's own date, its last day open on or before CQC's (CQC's date stays on England's working days)."""
    @property
    def council_note(self) -> Optional[str]:
        """The closure days that touch this deadline, in words."""
    @property
    def reminder(self) -> Optional[datetime.date]:
        """For a deadline: the day of the calendar reminder (the profile's working days before, on the council's working days)."""
    @property
    def forecast(self) -> Optional[Forecast]:
        """What the recorded cases imply for a milestone not yet reached."""
    @property
    def state(self) -> Optional[_MilestoneState]:
        """Where it stands on the status date (when one was given)."""
    @property
    def implied_by(self) -> Optional[_MilestoneId]:
        """The later recorded milestone that shows it happened, when nothing of its own is recorded."""
    @property
    def calendar_days_remaining(self) -> Optional[int]:
        """Calendar days from the status date to ``date`` (negative when past)."""
    @property
    def working_days_remaining(self) -> Optional[int]:
        """The council's working days after the status date up to and including ``date`` (negative when past)."""

@type_check_only
@final
class MilestoneDefinition(Record):
    """One milestone of a profile: its rule (none for the notification, which everything else follows) and where the default comes from."""

    @property
    def id(self) -> _MilestoneId:
        """Which milestone."""
    @property
    def rule(self) -> Optional[MilestoneRule]:
        """How it is placed; ``None`` only for the notification."""
    @property
    def fixed(self) -> Optional[bool]:
        """Whether the rule is CQC's own published rule (the 10 working days for factual accuracy), so that a date it gives from recorded dates is firm; the other rules are estimates from what councils and the LGA report, and CQC's emails set the real dates."""
    @property
    def source(self) -> str:
        """Where the rule comes from, and which end of a range it uses."""
    @property
    def source_url(self) -> Optional[str]:
        """A link to the source, where there is one."""

@type_check_only
@final
class MilestoneRule(Record):
    """The rule that places a milestone: an offset from another milestone (from the last day of the visit when ``from_end``), then an adjustment to a working day. JSON: ``{"from": "draft_report", "working_days": 10, "adjust": "next_working_day"}`` (exactly one of ``days``, ``weeks``, ``working_days``; ``"from": "visit_end"`` counts from the visit's last day). ``from`` is read as ``record["from"]``."""

    @property
    def days(self) -> Optional[int]:
        """Calendar days after it."""
    @property
    def weeks(self) -> Optional[int]:
        """Weeks after it."""
    @property
    def working_days(self) -> Optional[int]:
        """Working days after it."""
    @property
    def adjust(self) -> _Adjust:
        """Where a date that is not a working day moves."""

@type_check_only
@final
class NextAssessment(Record):
    """The window in which the next assessment would come if CQC's proposed cycle is agreed. ``from`` is read as ``record["from"]``."""

    @property
    def from_basis(self) -> _Basis:
        """How the publication date is known."""
    @property
    def earliest(self) -> datetime.date:
        """The earliest (the cycle's shortest years after publication)."""
    @property
    def latest(self) -> datetime.date:
        """The latest."""
    @property
    def status(self) -> str:
        """``proposal`` while the cycle needs the Secretary of State's agreement."""
    @property
    def text(self) -> str:
        """In words, labelled as a proposal."""
    @property
    def source(self) -> str:
        """Where the proposal comes from."""
    @property
    def source_url(self) -> Optional[str]:
        """A link to it."""

@type_check_only
@final
class OverdueAction(Record):
    """An open action past its due date."""

    @property
    def index(self) -> int:
        """Position in the plan."""
    @property
    def id(self) -> str:
        """The action's id."""
    @property
    def statement(self) -> Optional[_StatementId]:
        """Its statement."""
    @property
    def description(self) -> str:
        """What was to be done."""
    @property
    def owner(self) -> Optional[str]:
        """Who owns it."""
    @property
    def due(self) -> datetime.date:
        """When it was due."""
    @property
    def status(self) -> _ActionStatus:
        """Where it stands."""
    @property
    def days_overdue(self) -> int:
        """Days past due on the analysis date."""

@type_check_only
@final
class PartChange(Record):
    """What an import did, or would have done, to one register."""

    @property
    def part(self) -> _WorkbookPart:
        """The register."""
    @property
    def before(self) -> int:
        """Items before."""
    @property
    def after(self) -> int:
        """Items after."""
    @property
    def replaced(self) -> int:
        """Items replaced by a row with the same key (in either mode)..."""
    @property
    def unchanged(self) -> int:
        """...of which this many were the same as before."""
    @property
    def added(self) -> int:
        """Rows with a new key, added."""
    @property
    def kept(self) -> int:
        """Items not in the file and kept (merge)."""
    @property
    def removed(self) -> list[str]:
        """The keys of the items not in the file and removed (replace), as people read them."""

@type_check_only
@final
class PathwayCount(Record):
    """Cases of one care pathway or client group."""

    @property
    def pathway(self) -> str:
        """The pathway as entered (the first spelling seen)."""
    @property
    def cases(self) -> int:
        """Cases."""

@type_check_only
@final
class PreElectionPeriod(Record):
    """One pre-election period, in which CQC publishes no local authority reports."""

    @property
    def title(self) -> str:
        """``Local elections of 6 May 2027``."""
    @property
    def start(self) -> datetime.date:
        """The first day: the publication of the notice of election."""
    @property
    def end(self) -> datetime.date:
        """The last day: polling day."""
    @property
    def start_is_latest_notice(self) -> bool:
        """Whether ``start`` is the latest day the law allows for the notice (it may come earlier); false when the notice day was given."""
    @property
    def note(self) -> str:
        """Why this year differs from the rule, when it does."""
    @property
    def source_url(self) -> Optional[str]:
        """The source."""

@type_check_only
@final
class Prediction(Record):
    """The predicted outcome of the self-scores. Every figure beside the headline comes from one stated [``Scenario``], whose rating is the rating called or, when it is too close to call, the worse of the ratings in contention: so the total, percentage, band position, rank and benchmark never show a better position than the headline supports."""

    @property
    def call(self) -> RatingCall:
        """The headline: one rating when its probability is at least two in three ([``CALL_THRESHOLD``](crate::CALL_THRESHOLD)), otherwise too close to call."""
    @property
    def scored(self) -> int:
        """Statements with a self-score."""
    @property
    def uncertain(self) -> int:
        """Of these, statements whose self-score is a spread of probabilities rather than one score (0: the prediction is the rating of the scores as entered)."""
    @property
    def probabilities(self) -> _RatingProbabilitiesFields:
        """The probability of each rating, and of each total and published percentage."""
    @property
    def scenario(self) -> Scenario:
        """The scores the figures beside the headline are worked out from."""

@type_check_only
@final
class ProgressNote(Record):
    """A dated note of an action's progress."""

    @property
    def date(self) -> datetime.date:
        """When it was written (or what it reports happened)."""
    @property
    def note(self) -> str:
        """What happened."""

@type_check_only
class _PublishedCheckFields(Record):
    """The outcome of [``check_published``]."""

    @property
    def computed(self) -> RatingResult:
        """What the method gives for the published scores."""
    @property
    def published_rating(self) -> _Rating:
        """The rating as published."""
    @property
    def published_percent(self) -> Optional[int]:
        """The percentage as published, if given."""
    @property
    def consistent(self) -> bool:
        """True when there are no findings."""
    @property
    def findings(self) -> list[Finding]:
        """Every inconsistency found."""
    @property
    def corrections(self) -> list[ScoreCorrection]:
        """Changes of one point to one published score that would reconcile the record, when it is inconsistent: candidate misprints."""

@final
class PublishedCheck(_PublishedCheckFields):
    """The outcome of [``check_published``]."""

@type_check_only
class _PublishedResultFields(Record):
    """One row of the dataset: one assessment of a council, or the council's row saying that no published assessment was found (``assessment_kind`` is ``None``)."""

    @property
    def gss_code(self) -> str:
        """The council's ONS GSS code."""
    @property
    def council(self) -> str:
        """The council's name (as in the reference table, [``councils``])."""
    @property
    def region(self) -> _Region:
        """The council's region."""
    @property
    def council_type(self) -> _CouncilType:
        """The kind of council."""
    @property
    def assessment_kind(self) -> Optional[_AssessmentKind]:
        """The kind of assessment; ``None`` for a council with no published assessment found."""
    @property
    def published(self) -> Optional[str]:
        """When the result was published: ``YYYY-MM-DD`` or ``YYYY-MM`` where only the month is known."""
    @property
    def published_precision(self) -> Optional[_DatePrecision]:
        """How precisely ``published`` is known; ``None`` for a council with no assessment."""
    @property
    def scores(self) -> Optional[list[_ScoreValue]]:
        """The nine statement scores in CQC's order, where a source states them."""
    @property
    def total(self) -> Optional[int]:
        """Total of the nine scores, where stated."""
    @property
    def assessed(self) -> Optional[int]:
        """Statements scored (9), where the scores are stated."""
    @property
    def percent(self) -> Optional[int]:
        """The overall percentage: as a source states it, otherwise computed from the scores."""
    @property
    def percent_basis(self) -> Optional[_PercentBasis]:
        """Whether ``percent`` is stated or computed."""
    @property
    def rating(self) -> Optional[_Rating]:
        """The published overall rating; ``None`` where no source found states it."""
    @property
    def source_kind(self) -> Optional[_SourceKind]:
        """The kind of the source the figures are taken from (the first of ``sources``)."""
    @property
    def sources(self) -> list[str]:
        """Where the figures come from (one or more addresses, the first one used)."""
    @property
    def cqc_report_url(self) -> Optional[str]:
        """The address of CQC's report, where known."""
    @property
    def note(self) -> Optional[str]:
        """What to know about the record (conflicting sources, pilot status)."""
    @property
    def pilot(self) -> bool:
        """A pilot assessment (2023): indicative rating and scores, not a formal rating."""
    @property
    def current(self) -> bool:
        """Whether this is the council's current result: its latest formal assessment (a reassessment over the baseline), else its pilot, else its row without an assessment."""

@type_check_only
class _RankingFields(Record):
    """Where a set of scores would be placed among the councils of a group with nine published scores (the current assessment of each), by overall percentage compared exactly. Ties never count in the council's favour: ``rank`` is the **lowest** position of the tie group, 1 + the councils with a higher percentage + the councils with the same one, out of ``out_of`` = the councils compared + the one placed; ``best_rank`` (1 + higher) is the highest, so a council level with 5 others is shown as "56th-61st". ``percentile`` is the share of the councils compared that have a strictly lower percentage, 100 × lower ÷ councils (0 when none is compared): consistent with ``rank``, as ``lower`` = ``out_of`` − ``rank``."""

    @property
    def region(self) -> Optional[_Region]:
        """The region compared within, or ``None``."""
    @property
    def council_type(self) -> Optional[_CouncilType]:
        """The kind of council compared within, or ``None``."""
    @property
    def rank(self) -> int:
        """The lowest position of the tie group: 1 + higher + equal."""
    @property
    def best_rank(self) -> int:
        """The highest position of the tie group: 1 + higher."""
    @property
    def out_of(self) -> int:
        """Positions in all: the councils compared and the one placed."""
    @property
    def councils(self) -> int:
        """Councils compared."""
    @property
    def higher(self) -> int:
        """Councils with a higher percentage."""
    @property
    def equal(self) -> int:
        """Councils with the same percentage."""
    @property
    def lower(self) -> int:
        """Councils with a lower percentage."""
    @property
    def percentile(self) -> float:
        """Share of the councils compared with a strictly lower percentage, in per cent."""

@final
class Ranking(_RankingFields):
    """Where a set of scores would be placed among the councils of a group with nine published scores (the current assessment of each), by overall percentage compared exactly. Ties never count in the council's favour: ``rank`` is the **lowest** position of the tie group, 1 + the councils with a higher percentage + the councils with the same one, out of ``out_of`` = the councils compared + the one placed; ``best_rank`` (1 + higher) is the highest, so a council level with 5 others is shown as "56th-61st". ``percentile`` is the share of the councils compared that have a strictly lower percentage, 100 × lower ÷ councils (0 when none is compared): consistent with ``rank``, as ``lower`` = ``out_of`` − ``rank``."""

@type_check_only
@final
class RatingCall(Record):
    """The headline a set of uncertain scores supports: one rating when its probability is at least [``CALL_THRESHOLD``], otherwise "too close to call" between the ratings in contention."""

    @property
    def too_close_to_call(self) -> bool:
        """Whether no rating reaches [``CALL_THRESHOLD``]."""
    @property
    def rating(self) -> Optional[_Rating]:
        """The rating called, or ``None`` when it is too close to call."""
    @property
    def probability(self) -> float:
        """The probability of the most likely rating."""
    @property
    def contenders(self) -> list[RatingProbability]:
        """The ratings the headline names, worst first: the rating called, or every rating with a probability of at least [``CONTENDER_THRESHOLD``]."""
    @property
    def prudent_rating(self) -> _Rating:
        """The rating the figures beside the headline assume: the rating called, or the worst rating in contention (a close call is never read in the council's favour)."""
    @property
    def headline(self) -> str:
        """The headline in words: ``Good (probability 83%)``, ``Good (no uncertainty entered)`` or ``Too close to call: requires improvement 50% or good 50%``."""

@type_check_only
@final
class RatingCounts(Record):
    """How many councils of a group have each current rating."""

    @property
    def region(self) -> Optional[_Region]:
        """The region, or ``None``."""
    @property
    def council_type(self) -> Optional[_CouncilType]:
        """The kind of council, or ``None``."""
    @property
    def councils(self) -> int:
        """Councils in the group."""
    @property
    def counts(self) -> list[int]:
        """Councils whose current result is inadequate, requires improvement, good, outstanding."""
    @property
    def pilot(self) -> int:
        """Of those, councils whose only result is a pilot's indicative rating."""
    @property
    def rating_unknown(self) -> int:
        """Councils with a published assessment whose rating no source found states."""
    @property
    def no_result(self) -> int:
        """Councils with no published assessment found."""

@type_check_only
class _RatingProbabilitiesFields(Record):
    """The distribution of the rating when scores are uncertain."""

    @property
    def assessed(self) -> int:
        """Statements included."""
    @property
    def ratings(self) -> list[RatingProbability]:
        """The four ratings with their probabilities, worst first."""
    @property
    def most_likely(self) -> _Rating:
        """The most probable rating (the worse one on a tie)."""
    @property
    def call(self) -> RatingCall:
        """The headline: one rating if it has a probability of at least two in three, otherwise too close to call."""
    @property
    def expected_total(self) -> float:
        """Expected total of statement scores."""
    @property
    def expected_percent_exact(self) -> float:
        """Expected exact percentage (an average: the published percentage is always a whole number, whose distribution is [``RatingProbabilities::totals``])."""
    @property
    def totals(self) -> list[TotalProbability]:
        """Every total with a non-zero probability, lowest first, with its published percentage: the distribution of the published percentage."""

@type_check_only
class _RatingProbabilityFields(Record):
    """The probability of one rating."""

    @property
    def rating(self) -> _Rating:
        """The rating."""
    @property
    def probability(self) -> float:
        """Its probability."""

@final
class RatingProbability(_RatingProbabilityFields):
    """The probability of one rating."""

@type_check_only
class _RatingResultFields(Record):
    """The outcome of rating an assessment."""

    @property
    def method(self) -> _RatingMethod:
        """The method the scores were given under."""
    @property
    def rating(self) -> _Rating:
        """The overall rating."""
    @property
    def total(self) -> int:
        """Sum of the statement scores."""
    @property
    def max(self) -> int:
        """4 × statements assessed."""
    @property
    def assessed(self) -> int:
        """Number of statements assessed (1-9)."""
    @property
    def percent(self) -> int:
        """The published whole percentage: the exact percentage rounded up."""
    @property
    def percent_exact(self) -> float:
        """The exact percentage, 100 × total ÷ max."""
    @property
    def statements(self) -> list[StatementResult]:
        """Each assessed statement, in CQC's order."""
    @property
    def band(self) -> BandPosition:
        """Where the result sits in its band."""

@type_check_only
@final
class ReassessmentCycle(Record):
    """The proposed cycle of re-assessment: the window of the next assessment after a publication. A proposal, not a rule (see [``ReassessmentCycle::status``])."""

    @property
    def min_years(self) -> int:
        """The earliest re-assessment, in years after publication."""
    @property
    def max_years(self) -> int:
        """The latest, in years after publication."""
    @property
    def status(self) -> str:
        """``proposal`` while the cycle needs the Secretary of State's agreement."""
    @property
    def source(self) -> str:
        """Where it comes from."""
    @property
    def source_url(self) -> Optional[str]:
        """A link to the source."""

@type_check_only
@final
class ReturnItemSummary(Record):
    """One information return item, as analysed."""

    @property
    def index(self) -> int:
        """Position in the tracker."""
    @property
    def reference(self) -> str:
        """The item's reference."""
    @property
    def title(self) -> str:
        """What is asked for."""
    @property
    def kind(self) -> _ReturnItemKind:
        """Document or data."""
    @property
    def statements(self) -> list[_StatementId]:
        """The statements it supports."""
    @property
    def owner(self) -> Optional[str]:
        """Who gathers it."""
    @property
    def due(self) -> Optional[datetime.date]:
        """When it is due: its own date, or the timeline's information return deadline."""
    @property
    def due_from_timeline(self) -> bool:
        """Whether ``due`` is the timeline's deadline (the item has no date of its own)."""
    @property
    def status(self) -> _ReturnItemStatus:
        """Where it stands."""
    @property
    def evidence(self) -> int:
        """Evidence items that answer it."""
    @property
    def days_overdue(self) -> Optional[int]:
        """Days past due on the analysis date, for an item not yet submitted."""

@type_check_only
@final
class RoleBriefing(Record):
    """The briefing pack for one role."""

    @property
    def role(self) -> _InterviewRole:
        """The role."""
    @property
    def label(self) -> str:
        """In words."""
    @property
    def statements_source(self) -> str:
        """Where the list of statements comes from: the schedule, or the project's default mapping and why."""
    @property
    def statements(self) -> list[BriefingStatement]:
        """The statements, in CQC's order."""

@type_check_only
@final
class Scenario(Record):
    """One set of statement scores, rated by CQC's rule: the basis of every figure in a report's summary (total, percentage, band position, rank, benchmark)."""

    @property
    def description(self) -> str:
        """What the scores are, in words: ``the self-scores as entered``, ``the most likely score of each statement (the lower score on a tie)``, or ``the most likely scores that give requires improvement, the worse of the ratings too close to call``."""
    @property
    def probability(self) -> float:
        """The probability of exactly these scores (1 when no self-score is uncertain)."""
    @property
    def result(self) -> RatingResult:
        """The scores rated: total, percentage, rating and position in the band."""

@type_check_only
@final
class ScheduledInterview(Record):
    """One interview of the schedule, as analysed."""

    @property
    def index(self) -> int:
        """Position in the workbook's list."""
    @property
    def role(self) -> _InterviewRole:
        """Who is interviewed."""
    @property
    def role_label(self) -> str:
        """The role in words."""
    @property
    def date(self) -> Optional[datetime.date]:
        """The day."""
    @property
    def time(self) -> Optional[str]:
        """The time."""
    @property
    def statements(self) -> list[_StatementId]:
        """The statements to prepare for (the interview's own, or the role's defaults)."""
    @property
    def on_visit_day(self) -> Optional[bool]:
        """Whether the day is one of the visit's days; ``None`` without a date or a timeline."""

@type_check_only
class _ScoreCorrectionFields(Record):
    """A single published score which, if it were different, would make the record consistent: a candidate misprint."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def published(self) -> _ScoreValue:
        """The score as published."""
    @property
    def corrected(self) -> _ScoreValue:
        """The score that would agree with the published rating (and percentage)."""
    @property
    def percent(self) -> int:
        """The percentage with the corrected score."""

@final
class ScoreCorrection(_ScoreCorrectionFields):
    """A single published score which, if it were different, would make the record consistent: a candidate misprint."""

@type_check_only
class _ScoreIncreaseFields(Record):
    """One statement's score raised. ``from`` is read as ``record["from"]``."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def to(self) -> _ScoreValue:
        """The score it would need."""

@type_check_only
@final
class StatementBenchmark(Record):
    """How the published councils scored one statement, against the workbook's most likely score."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def score(self) -> _ScoreValue:
        """The workbook's most likely score."""
    @property
    def counts(self) -> list[int]:
        """Councils scored 1, 2, 3 and 4."""
    @property
    def councils(self) -> int:
        """Councils compared."""
    @property
    def mean(self) -> float:
        """Their mean score."""
    @property
    def lower(self) -> int:
        """Councils with a lower score."""
    @property
    def same(self) -> int:
        """Councils with the same score."""
    @property
    def higher(self) -> int:
        """Councils with a higher score."""

@type_check_only
class _StatementDistributionFields(Record):
    """How the councils compared scored one statement."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def counts(self) -> list[int]:
        """Number of councils scored 1, 2, 3 and 4."""
    @property
    def councils(self) -> int:
        """Councils with a score for the statement."""
    @property
    def mean(self) -> float:
        """Mean score (0 when no council is compared)."""

@final
class StatementDistribution(_StatementDistributionFields):
    """How the councils compared scored one statement."""

@type_check_only
class _StatementResultFields(Record):
    """One assessed statement in a result."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def theme(self) -> _ThemeId:
        """Its theme."""
    @property
    def score(self) -> _ScoreValue:
        """Its score (under the earlier method, derived from the evidence categories)."""
    @property
    def evidence(self) -> Optional[EvidenceWorking]:
        """The evidence-category working (earlier method only)."""

@type_check_only
@final
class StatementSummary(Record):
    """One statement's self-assessment, as analysed."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def number(self) -> int:
        """Its number, 1-9."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def theme(self) -> _ThemeId:
        """Its theme."""
    @property
    def distribution(self) -> Optional[list[float]]:
        """Probabilities of scores 1-4, or ``None`` if not scored."""
    @property
    def most_likely_score(self) -> Optional[_ScoreValue]:
        """The most likely score (the lower one on a tie), if scored."""
    @property
    def scenario_score(self) -> Optional[_ScoreValue]:
        """The score in the prediction's [``Scenario``], if scored."""
    @property
    def expected_score(self) -> Optional[float]:
        """The expected score, if scored."""
    @property
    def uncertain(self) -> bool:
        """Whether the self-score is a spread of probabilities rather than one score."""
    @property
    def evidence_items(self) -> int:
        """Evidence items supporting it (expired ones included)."""
    @property
    def indicators(self) -> int:
        """Indicators linked to it."""
    @property
    def open_actions(self) -> int:
        """Open actions for it."""
    @property
    def strengths(self) -> list[str]:
        """Strengths, as entered."""
    @property
    def areas_for_improvement(self) -> list[str]:
        """Areas for improvement, as entered."""

@type_check_only
@final
class StatementTravel(Record):
    """A statement's self-scores over time."""

    @property
    def statement(self) -> _StatementId:
        """The statement."""
    @property
    def number(self) -> int:
        """Its number."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def points(self) -> list[TravelPoint]:
        """Earlier self-assessments by date, then the current one."""
    @property
    def direction(self) -> Optional[_Direction]:
        """The current expected score against the latest earlier one that scored the statement; ``None`` when either is missing."""
    @property
    def compared_with(self) -> Optional[datetime.date]:
        """The date of the earlier self-assessment compared with."""
    @property
    def uncertain(self) -> bool:
        """Whether either score compared is a spread (the direction is of the expected scores)."""

@type_check_only
class _TimelineFields(Record):
    """A computed timeline: every milestone with its date, the inconsistencies found, the durations between recorded dates, the pre-election periods, the window of the next assessment and, when a status date was given, the status."""

    @property
    def council(self) -> Optional[str]:
        """The council, when given."""
    @property
    def id(self) -> Optional[str]:
        """The assessment's id, when given."""
    @property
    def notified(self) -> datetime.date:
        """The first notice's date (recorded or estimated)."""
    @property
    def notified_basis(self) -> _Basis:
        """Whether ``notified`` was recorded or estimated."""
    @property
    def notified_estimate(self) -> Optional[str]:
        """How the notification date was estimated, when it was."""
    @property
    def milestones(self) -> list[Milestone]:
        """The milestones, in date order."""
    @property
    def issues(self) -> list[TimelineIssue]:
        """Inconsistencies in the dates."""
    @property
    def intervals(self) -> list[Interval]:
        """Durations between consecutive recorded dates, then from the first to the last."""
    @property
    def status(self) -> Optional[TimelineStatus]:
        """The status on the status date, when one was given."""
    @property
    def weeks_total(self) -> int:
        """The council's planning figure in weeks (the profile's; not CQC's)."""
    @property
    def planning_note(self) -> str:
        """What the planning weeks are, and are not."""
    @property
    def pre_election(self) -> list[PreElectionPeriod]:
        """The pre-election periods from the first notice to the latest date the plan or the forecasts reach."""
    @property
    def pre_election_note(self) -> str:
        """What the pre-election settings assume."""
    @property
    def publication_check(self) -> str:
        """The publication against the pre-election periods, in a sentence: moved out of one, flagged, after one, or not near any; and whether the recorded cases' range spans one."""
    @property
    def forecast_note(self) -> str:
        """What the forecasts rest on."""
    @property
    def next_assessment(self) -> Optional[NextAssessment]:
        """The window of the next assessment (a proposal)."""
    @property
    def reminder_working_days(self) -> int:
        """Calendar reminders: working days before each deadline."""
    @property
    def notes(self) -> list[str]:
        """Notes carried over from the input."""

@type_check_only
@final
class TimelineIssue(Record):
    """An inconsistency in the dates; the timeline is still computed."""

    @property
    def kind(self) -> _IssueKind:
        """What sort of problem."""
    @property
    def milestone(self) -> _MilestoneId:
        """The milestone concerned."""
    @property
    def message(self) -> str:
        """A sentence for people."""
    @property
    def depends_on_plan(self) -> bool:
        """Whether the finding depends on a planned or estimated date rather than recorded ones."""

@type_check_only
@final
class TimelineProfile(Record):
    """All the rules of a timeline. [``TimelineProfile::default``] holds the defaults, each with its source, read from the bundled ``data/timeline_profile.json``; a council can load its own from JSON (the same shape as the default serialises to; fields it leaves out keep the default)."""

    @property
    def weeks_total(self) -> int:
        """The council-side planning figure the status counts weeks against (20; not CQC's)."""
    @property
    def weeks_total_source(self) -> str:
        """Where the planning figure comes from, and what it is not."""
    @property
    def minimum_on_site_notice_weeks(self) -> int:
        """The shortest notice of the visit's dates the sources document, in weeks; a shorter notice is reported."""
    @property
    def minimum_on_site_notice_source(self) -> str:
        """Where the minimum notice comes from."""
    @property
    def visit_working_days(self) -> int:
        """How many working days the visit lasts when its last day is not recorded (first and last days included)."""
    @property
    def visit_source(self) -> str:
        """Where the visit's length comes from."""
    @property
    def visit_source_url(self) -> Optional[str]:
        """A link to it."""
    @property
    def reminder_working_days(self) -> int:
        """Reminders in calendar files: this many working days before each deadline (0: none)."""
    @property
    def reassessment(self) -> ReassessmentCycle:
        """The proposed re-assessment cycle."""
    @property
    def milestones(self) -> list[MilestoneDefinition]:
        """One definition per milestone, in the usual order."""

@type_check_only
class _TimelineStatusFields(Record):
    """Where the assessment stands on a date."""

    @property
    def today(self) -> datetime.date:
        """The status date."""
    @property
    def days_elapsed(self) -> int:
        """Calendar days since the first notice (negative before it)."""
    @property
    def weeks_elapsed(self) -> int:
        """Whole weeks since the first notice."""
    @property
    def week_number(self) -> int:
        """The week of the assessment the status date is in: week 1 is the day of the first notice and the six days after it (0 before the first notice). The same number everywhere."""
    @property
    def weeks_total(self) -> int:
        """The council's planning figure the weeks are counted against (20; not CQC's)."""
    @property
    def calendar_days_to_end(self) -> int:
        """Calendar days from the status date to the end of the planning weeks."""
    @property
    def working_days_to_end(self) -> int:
        """Working days from the status date to the end of the planning weeks."""
    @property
    def done(self) -> list[_MilestoneId]:
        """Milestones done (recorded, or shown by a later recorded date)."""
    @property
    def due_this_week(self) -> list[_MilestoneId]:
        """Milestones in the current week, not yet done."""
    @property
    def overdue(self) -> list[_MilestoneId]:
        """Milestones whose date has passed with nothing to show they happened."""
    @property
    def next(self) -> Optional[_MilestoneId]:
        """The next milestone not yet done, from the status date on."""
    @property
    def next_date(self) -> Optional[datetime.date]:
        """Its date."""
    @property
    def calendar_days_to_next(self) -> Optional[int]:
        """Calendar days to it."""
    @property
    def working_days_to_next(self) -> Optional[int]:
        """Working days to it."""
    @property
    def summary(self) -> str:
        """The status in one sentence, as the command and the report print it."""

@final
class TimelineStatus(_TimelineStatusFields):
    """Where the assessment stands on a date."""

@type_check_only
class _TotalProbabilityFields(Record):
    """The probability of one total."""

    @property
    def total(self) -> int:
        """The total of statement scores."""
    @property
    def percent(self) -> int:
        """Its published percentage."""
    @property
    def rating(self) -> _Rating:
        """The rating it gives."""
    @property
    def probability(self) -> float:
        """Its probability."""

@final
class TotalProbability(_TotalProbabilityFields):
    """The probability of one total."""

@type_check_only
@final
class TravelPoint(Record):
    """One self-assessment's score for a statement."""

    @property
    def date(self) -> datetime.date:
        """The date of the self-assessment (the analysis date for the current one)."""
    @property
    def label(self) -> str:
        """Its label (``current`` for the workbook's own scores)."""
    @property
    def expected(self) -> Optional[float]:
        """The expected score (the score itself when certain)."""
    @property
    def most_likely(self) -> Optional[_ScoreValue]:
        """The most likely score."""
    @property
    def uncertain(self) -> bool:
        """Whether the score was a spread of probabilities."""

@type_check_only
@final
class VisitDays(Record):
    """The on-site visit's days, from the timeline."""

    @property
    def first(self) -> datetime.date:
        """The first day."""
    @property
    def last(self) -> datetime.date:
        """The last day."""
    @property
    def basis(self) -> _Basis:
        """How the first day is known (recorded, planned...)."""
    @property
    def firm(self) -> bool:
        """Whether the date is fixed."""

@type_check_only
@final
class WarningRecord(Record):
    """A problem worth a look that does not stop the workbook being read: a statement not scored, a statement with no evidence, a high self-score against poor indicators..."""

    @property
    def code(self) -> str:
        """Stable code: ``statement_not_scored``, ``no_evidence``, ``score_above_indicators``, ``low_score_without_action``, ``category_not_in_use``, ``review_before_date``, ``timeline_not_planned``, ``interview_outside_visit``, and when a field of the case register (or an interview's note) looks like personal data ``possible_name``, ``possible_nhs_number``, ``possible_date_of_birth``."""
    @property
    def path(self) -> Optional[str]:
        """The field concerned, where there is one."""
    @property
    def statement(self) -> Optional[_StatementId]:
        """The statement concerned, where there is one."""
    @property
    def message(self) -> str:
        """A sentence for people."""

@type_check_only
class _WorkbookAnalysisFields(Record):
    """Everything the workbook says as of a date."""

    @property
    def council(self) -> str:
        """The council."""
    @property
    def as_of(self) -> datetime.date:
        """The date the analysis is for."""
    @property
    def method(self) -> _RatingMethod:
        """The rating method of the self-scores."""
    @property
    def prediction(self) -> Optional[Prediction]:
        """The prediction, or ``None`` if no statement is scored."""
    @property
    def statements(self) -> list[StatementSummary]:
        """The nine statements."""
    @property
    def coverage(self) -> Coverage:
        """Evidence coverage."""
    @property
    def evidence_items(self) -> int:
        """Evidence items in the register."""
    @property
    def evidence_attention(self) -> list[EvidenceAttention]:
        """Stale or expired evidence."""
    @property
    def indicators(self) -> list[IndicatorComparison]:
        """Indicators against England, in the workbook's order."""
    @property
    def actions(self) -> ActionCounts:
        """Action plan counts."""
    @property
    def action_plan(self) -> list[ActionSummary]:
        """Every action of the plan, in the plan's order."""
    @property
    def overdue_actions(self) -> list[OverdueAction]:
        """Open actions past due, most overdue first."""
    @property
    def warnings(self) -> list[WarningRecord]:
        """Consistency warnings."""
    @property
    def benchmark(self) -> Optional[Benchmark]:
        """Position among published councils, if any statement is scored."""
    @property
    def timeline(self) -> Optional[_TimelineFields]:
        """The assessment timeline with its status on the analysis date, if the workbook has one."""
    @property
    def information_return(self) -> Optional[InformationReturnStatus]:
        """The information return tracker's counts and gaps, if the workbook has one."""
    @property
    def case_tracking(self) -> Optional[CaseTrackingSummary]:
        """The case-tracking register in counts, if the workbook has one."""
    @property
    def interviews(self) -> Optional[InterviewSchedule]:
        """The interview schedule and briefing pack, if the workbook has interviews."""
    @property
    def direction_of_travel(self) -> Optional[DirectionOfTravel]:
        """The direction of travel per statement, if the workbook has earlier self-assessments."""
    @property
    def calibration(self) -> list[Calibration]:
        """Earlier self-assessments against CQC's published scores, where given."""
    @property
    def assurance_account(self) -> list[AccountEntry]:
        """The assurance account ("you said, we did") from the actions done."""

@final
class WorkbookAnalysis(_WorkbookAnalysisFields):
    """Everything the workbook says as of a date."""

@type_check_only
class _WorkbookCheckFields(Record):
    """The result of checking a workbook document: every error (each with its path), and, when it reads, its warnings and analysis."""

    @property
    def valid(self) -> bool:
        """No errors."""
    @property
    def errors(self) -> list[ErrorReport]:
        """Every problem that stops the workbook being read."""
    @property
    def warnings(self) -> list[WarningRecord]:
        """Warnings (empty when there are errors)."""
    @property
    def analysis(self) -> Optional[WorkbookAnalysis]:
        """The analysis, when the workbook reads."""

@final
class WorkbookCheck(_WorkbookCheckFields):
    """The result of checking a workbook document: every error (each with its path), and, when it reads, its warnings and analysis."""

@type_check_only
class _WorkbookImportFields(Record):
    """What a [``WorkbookImport``] serialises as: whether the workbook was written and what happened, without the workbook (which the bindings hand back as the object of its file)."""

    @property
    def written(self) -> bool:
        """Whether the import gave a workbook to write."""
    @property
    def errors(self) -> list[ErrorReport]:
        """Every problem, in file order."""
    @property
    def warnings(self) -> list[str]:
        """What the reader noticed that a person should know."""
    @property
    def rows(self) -> int:
        """The data rows read (blank rows not counted)."""
    @property
    def rejected(self) -> int:
        """The rows rejected."""
    @property
    def changes(self) -> list[PartChange]:
        """What happened (or would have happened) to each register imported."""

# end of generated record types

@final
class Timeline(_TimelineFields):
    """A computed assessment timeline: ``milestones`` (each with ``date``, ``basis``, ``planned``, ``actual``, ``rule_text``, ``source``...), ``issues``, ``intervals``, ``status`` and more, as in the core's JSON form, dates as ``datetime.date``."""

    def milestone(self, id: str) -> Milestone:
        """One milestone by id (``factual_accuracy_due``, ...)."""
    def to_text(self) -> str:
        """The timeline as text for people."""
    def to_ical(self, stamp: Optional[_DateArg] = None) -> str:
        """The milestones as an iCalendar file (RFC 5545), stamped with ``stamp`` (a date; today when None) so that the same timeline and date give the same bytes."""
    def status_on(self, today: _DateArg) -> TimelineStatus:
        """Where the assessment stands on ``today`` (a date), with this timeline's working calendar."""

@final
class WorkingCalendar:
    """Working days: Monday to Friday less bank holidays in England (by rule, or official lists given as ``bank_holidays``) and the council's own ``closures``."""

    def __new__(
        cls,
        bank_holidays: Optional[Sequence[Mapping[str, Any]]] = None,
        closures: Optional[Sequence[_DateArg]] = None,
    ) -> Self: ...
    def with_gov_uk_json(self, text: str) -> WorkingCalendar:
        """A calendar whose official bank holidays come from GOV.UK's ``bank-holidays.json`` text (England and Wales), with the same closures."""
    def is_working_day(self, date: _DateArg) -> bool:
        """Whether ``date`` is a working day."""
    def non_working_reason(self, date: _DateArg) -> Optional[str]:
        """Why ``date`` is not a working day (``Saturday``, ``Good Friday``...), or None if it is one."""
    def add_working_days(self, date: _DateArg, n: int) -> datetime.date:
        """The date ``n`` working days after ``date`` (before it when ``n`` is negative)."""
    def working_days_between(self, start: _DateArg, end: _DateArg) -> int:
        """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    def on_or_after(self, date: _DateArg) -> datetime.date:
        """The first working day on or after ``date``."""
    def on_or_before(self, date: _DateArg) -> datetime.date:
        """The last working day on or before ``date``."""
    def bank_holidays(self, year: int) -> list[BankHoliday]:
        """The bank holidays of a year (official where given, otherwise by rule): Records with ``date``, ``title``, ``notes``."""
    def closures(self) -> list[datetime.date]:
        """The council's closure days."""
    def to_dict(self) -> dict[str, Any]:
        """The calendar as plain Python values."""
    def to_json(self) -> str:
        """The calendar as JSON text (``bank_holidays``, ``closures``)."""
    def _repr_html_(self) -> str:
        """An HTML table of the calendar."""

@final
class Workbook(Record):
    """A council's self-assessment workbook, read from its JSON document (dict or text); the first problem raises (use ``check_workbook`` for all of them). Fields as in the document."""

    def __getattribute__(self, name: str, /) -> Any:
        """A field of the document as written; an unknown field raises ``AttributeError``."""
    def __new__(cls, document: _Document) -> Self: ...
    @staticmethod
    def blank(council: str) -> Workbook:
        """A blank workbook for a council: nine statements not yet scored, and nothing else."""
    @staticmethod
    def starter(council: str) -> Workbook:
        """A workbook to start from, as the command's ``workbook init`` and the npm package's ``starterWorkbook`` make it: a blank workbook plus the indicators CQC's detailed metrics list for assessing needs, each with the England figure and the council's own left to fill in."""
    def analyse(self, as_of: Optional[_DateArg] = None) -> WorkbookAnalysis:
        """The analysis as of a date (today when None)."""
    def report(self, as_of: Optional[_DateArg] = None) -> WorkbookReport:
        """The report as of a date (today when None)."""
    def to_xlsx(self) -> bytes:
        """The workbook as an Excel file (``.xlsx`` bytes), as the command's ``workbook export-xlsx`` writes it: one sheet per part, dates as dates, the registers' choices as drop-down lists. ``Workbook.from_xlsx`` reads it back."""
    @staticmethod
    def from_xlsx(data: Union[bytes, bytearray, str, os.PathLike[str]]) -> Workbook:
        """A workbook read from its Excel file (bytes, or the path of the file), as the command's ``workbook import-xlsx`` reads it; the first problem raises, with its code and path."""
    def evidence_csv(self) -> str:
        """The evidence register as CSV text."""
    def register_csv(self, part: str) -> str:
        """A register (``evidence``, ``actions``, ``indicators``, ``information_return``, ``case_tracking``, ``interviews`` or ``history``) as CSV text, as the command's ``workbook export-*`` writes it and ``import_csv`` reads it back."""
    def import_csv(
        self,
        part: str,
        data: Union[str, bytes, bytearray, os.PathLike[str]],
        *,
        mode: str = "replace",
        keep_good_rows: bool = False,
        allow_fewer: bool = False,
    ) -> WorkbookImport:
        """Imports a register from CSV (text, bytes in any encoding the readers take, or a path), as the command's ``workbook import-*`` does: every row checked, replace or merge by key, nothing lost unless asked. The workbook itself is unchanged: the result's ``workbook`` is the new one, or None when nothing may be written."""

@final
class WorkbookImport(_WorkbookImportFields):
    """What importing a register from CSV did (``written``, ``errors``, ``warnings``, ``rows``, ``rejected``, ``changes``), and the new ``workbook`` when it may be written."""

    @property
    def workbook(self) -> Optional[Workbook]:
        """The workbook with the import applied, or None when nothing may be written."""

@final
class WorkbookReport:
    """The self-assessment report of a workbook: ``html()`` (one self-contained file), ``markdown()`` and ``docx()`` (a Word document), with the ``analysis`` it shows."""

    def html(self) -> str:
        """One self-contained HTML file (inline CSS and SVG)."""
    def markdown(self) -> str:
        """The same report as Markdown."""
    def docx(self) -> bytes:
        """The same report as a Word document (``.docx`` bytes), as the command's ``report --docx`` writes it."""
    @property
    def analysis(self) -> WorkbookAnalysis:
        """The analysis the report shows."""
    def _repr_html_(self) -> str:
        """The report in Jupyter: its HTML."""

def plan_timeline(
    document: Optional[_Document] = None,
    *,
    notified: Optional[_DateArg] = None,
    actuals: Optional[Mapping[str, Union[_DateArg, Mapping[str, _DateArg]]]] = None,
    approximate: Optional[Sequence[str]] = None,
    today: Optional[_DateArg] = None,
    profile: Optional[Mapping[str, Any]] = None,
    closures: Optional[Sequence[_DateArg]] = None,
    bank_holidays: Optional[Sequence[Mapping[str, Any]]] = None,
    council: Optional[str] = None,
    notes: Optional[Sequence[str]] = None,
) -> Timeline:
    """Plans an assessment timeline: every milestone from notification to publication on real working days, re-planned from the actual dates given, with issues, intervals and (with ``today``) the status. Give the timeline input document (dict or JSON text, as the core reads it) or the keyword arguments; dates may be ``datetime.date`` or ISO text."""

def england_bank_holidays(year: int) -> list[BankHoliday]:
    """The bank holidays of England and Wales in a year, by rule (with the one-off days): Records with ``date``, ``title`` and ``notes``."""

def timeline_profile() -> TimelineProfile:
    """The default timeline rules: each milestone with its rule and source, the planning weeks, the re-assessment cycle."""

def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday of a year."""

def bank_holidays_from_gov_uk_json(
    text: str, division: str = "england-and-wales"
) -> list[BankHoliday]:
    """Bank holidays read from GOV.UK's ``bank-holidays.json`` text for one division (``england-and-wales`` by default)."""

def check_workbook(document: _Document, as_of: Optional[_DateArg] = None) -> WorkbookCheck:
    """Reads and analyses a workbook document, reporting every problem rather than the first."""

def analyse_workbook(
    workbook: Union[Workbook, _Document], as_of: Optional[_DateArg] = None
) -> WorkbookAnalysis:
    """Analyses a workbook (a ``Workbook``, or its document as dict or text) as of a date."""

def evidence_from_csv(text: str) -> EvidenceImport:
    """Reads an evidence register from CSV, keeping every good row."""

def evidence_to_csv(items: Iterable[Union[Record, Mapping[str, Any]]]) -> str:
    """Writes evidence items (Records or dicts with the register's fields) as CSV."""

def compare_with_england(value: float, england: float, higher_is_better: bool, tolerance: float) -> str:
    """Compares a council's figure with England's: ``better``, ``similar`` or ``worse``."""
