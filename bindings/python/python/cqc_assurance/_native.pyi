"""Type stubs of the compiled module ``cqc_assurance._native`` (the Rust core's binding).

Checked against the built module by ``python -m mypy.stubtest cqc_assurance`` (run by
scripts/test-python.sh): every class is ``@final`` (pyo3 classes cannot be subclassed, except
``Record`` and the exceptions), constructors are ``__new__`` with the runtime's parameters, and
the type aliases below are private because they exist only here, not in the module.
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

_RatingName: TypeAlias = Literal["inadequate", "requires_improvement", "good", "outstanding"]
"""A rating as results give it: ``"inadequate"``, ``"requires_improvement"``, ``"good"`` or
``"outstanding"``."""

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

RATINGS: Tuple[_RatingName, _RatingName, _RatingName, _RatingName]
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

@final
class QualityStatement:
    """One of the nine quality statements, found by id, number or any published name."""

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
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class Theme:
    """One of the four themes."""

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
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class EvidenceCategory:
    """One of the six evidence categories."""

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
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class RatingMethod:
    """``current`` (statement scores) or ``earlier`` (evidence-category scores)."""

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
        """The day after its last day, or None if in force."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class Assessment:
    """Scores under one rating method, read and checked once."""

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
        """Assessed statements' scores by statement id."""
    @property
    def evidence_scores(self) -> Optional[dict[str, dict[str, int]]]:
        """Evidence-category scores by statement (earlier method)."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class BandPosition:
    """Where a result sits in its rating band."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def rating(self) -> _RatingName:
        """The band's rating."""
    @property
    def lower_percent(self) -> int:
        """The band's lowest published percentage."""
    @property
    def upper_percent(self) -> int:
        """The band's highest published percentage."""
    @property
    def percent_above_lower_edge(self) -> int:
        """Published percentage minus the band's lowest (0 = on the edge)."""
    @property
    def next_rating(self) -> Optional[_RatingName]:
        """The next rating up, or None for outstanding."""
    @property
    def points_to_next_rating(self) -> Optional[int]:
        """Score points needed to reach the next rating up, or None for outstanding."""
    @property
    def slack_points(self) -> Optional[int]:
        """Score points that can be lost while keeping the rating, or None for inadequate."""
    @property
    def half(self) -> str:
        """``upper`` or ``lower`` half of the band (the midpoint counts as upper)."""
    @property
    def wording(self) -> str:
        """The position in CQC's words, e.g. "upper threshold of good, nearing outstanding"."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class CategoryScore:
    """One evidence category's score."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def category(self) -> str:
        """The category's id."""
    @property
    def score(self) -> int:
        """Its score, 1-4."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class EvidenceWorking:
    """A statement's evidence-category working (earlier method)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def categories(self) -> list[CategoryScore]:
        """The categories scored."""
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
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class StatementResult:
    """One assessed statement in a result."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def statement(self) -> str:
        """The statement's id."""
    @property
    def quality_statement(self) -> QualityStatement:
        """The statement as an object (number, name, theme...)."""
    @property
    def theme(self) -> str:
        """The theme's id."""
    @property
    def score(self) -> int:
        """The score, 1-4 (earlier method: derived from the evidence categories)."""
    @property
    def evidence(self) -> Optional[EvidenceWorking]:
        """The evidence-category working (earlier method), or None."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class RatingResult:
    """The outcome of rating an assessment."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def method(self) -> str:
        """The method the scores were given under."""
    @property
    def rating(self) -> _RatingName:
        """The overall rating: ``inadequate``, ``requires_improvement``, ``good`` or ``outstanding``."""
    @property
    def rating_label(self) -> str:
        """The rating as CQC prints it, e.g. ``Requires improvement``."""
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
        """The published whole percentage: the exact one rounded up."""
    @property
    def percent_exact(self) -> float:
        """The exact percentage, 100 × total ÷ max."""
    @property
    def statements(self) -> list[StatementResult]:
        """Each assessed statement, in CQC's order."""
    @property
    def band(self) -> BandPosition:
        """Where the result sits in its band."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class Explanation:
    """The steps of a rating in words."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def rating(self) -> _RatingName:
        """The rating explained."""
    @property
    def steps(self) -> list[str]:
        """One sentence or short paragraph per step, in order."""
    # end of generated getters
    def to_text(self) -> str:
        """The steps as numbered lines."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class ScoreIncrease:
    """One statement's score raised."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def statement(self) -> str:
        """The statement's id."""
    @property
    def to_score(self) -> int:
        """The score it would need (``to`` in the JSON form)."""
    # end of generated getters
    @property
    def from_score(self) -> int: ...
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class ImprovementPath:
    """A minimal set of increases reaching the target."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
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
    def rating(self) -> _RatingName:
        """The rating the path reaches."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class ImprovementPlan:
    """Every minimal way to a target rating."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def target(self) -> _RatingName:
        """The rating aimed for."""
    @property
    def current_rating(self) -> _RatingName:
        """The rating now."""
    @property
    def current_total(self) -> int:
        """The total now."""
    @property
    def target_total(self) -> int:
        """The lowest total that gives the target (out of the same maximum)."""
    @property
    def points_needed(self) -> int:
        """Score points needed (0 if already met)."""
    @property
    def already_met(self) -> bool:
        """Whether the scores already give the target or better."""
    @property
    def reachable(self) -> bool:
        """Whether the target can be reached within the limits given."""
    @property
    def paths(self) -> list[ImprovementPath]:
        """Every minimal path, the most realistic first."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class RatingProbability:
    """The probability of one rating."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def rating(self) -> _RatingName:
        """The rating."""
    @property
    def probability(self) -> float:
        """Its probability."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class TotalProbability:
    """The probability of one total."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def total(self) -> int:
        """The total."""
    @property
    def percent(self) -> int:
        """Its published percentage."""
    @property
    def rating(self) -> _RatingName:
        """Its rating."""
    @property
    def probability(self) -> float:
        """Its probability."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class RatingProbabilities:
    """The probability of each rating under uncertain scores."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def assessed(self) -> int:
        """Statements assessed."""
    @property
    def ratings(self) -> list[RatingProbability]:
        """The four ratings' probabilities, worst first."""
    @property
    def most_likely(self) -> _RatingName:
        """The most likely rating (the worse one on a tie)."""
    @property
    def expected_total(self) -> float:
        """Expected total."""
    @property
    def expected_percent_exact(self) -> float:
        """Expected exact percentage."""
    @property
    def totals(self) -> list[TotalProbability]:
        """Every possible total with its probability."""
    # end of generated getters
    @property
    def call(self) -> Record: ...
    def probability(self, rating: _RatingArg) -> float:
        """The probability of exactly this rating."""
    def at_least(self, rating: _RatingArg) -> float:
        """The probability of this rating or better."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class Finding:
    """One inconsistency between published figures and the method."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def kind(self) -> str:
        """``rating_mismatch``, ``percent_mismatch``, ``percent_outside_rating_band`` or ``percent_not_achievable``."""
    @property
    def message(self) -> str:
        """A sentence for people."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class ScoreCorrection:
    """A one-point change to one score that reconciles a record."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def statement(self) -> str:
        """The statement's id."""
    @property
    def published(self) -> int:
        """The score as published."""
    @property
    def corrected(self) -> int:
        """The score that would agree with the published figures."""
    @property
    def percent(self) -> int:
        """The percentage with the corrected score."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class PublishedCheck:
    """Whether published figures follow from published scores."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def computed(self) -> RatingResult:
        """What the method gives for the published scores."""
    @property
    def published_rating(self) -> _RatingName:
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
        """Candidate misprints: one-point changes to one score that reconcile the record."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class PublishedResult:
    """One council's published result."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def council(self) -> str:
        """The council's name (as in the reference table of the 153 councils)."""
    @property
    def gss_code(self) -> str:
        """The council's ONS GSS code."""
    @property
    def region(self) -> str:
        """The council's region id (``north_west``)."""
    @property
    def council_type(self) -> str:
        """The kind of council (``metropolitan_district``)."""
    @property
    def assessment_kind(self) -> Optional[str]:
        """``pilot``, ``baseline`` or ``reassessment``; None for a council with no published assessment found."""
    @property
    def published_precision(self) -> Optional[str]:
        """``day``, ``month`` or ``unknown``: how precisely ``published`` is known."""
    @property
    def published(self) -> Optional[str]:
        """When published: ``YYYY-MM-DD``, or ``YYYY-MM`` where only the month is known; None if unknown. (Text, not a date: many records only give the month.)"""
    @property
    def scores(self) -> Optional[list[int]]:
        """The nine statement scores in CQC's order, or None where not published."""
    @property
    def rating(self) -> Optional[_RatingName]:
        """The published overall rating, or None where no source found states it."""
    @property
    def assessed(self) -> Optional[int]:
        """Statements scored (9), or None without scores."""
    @property
    def percent(self) -> Optional[int]:
        """The overall percentage: stated by a source, else computed from the scores; or None."""
    @property
    def percent_basis(self) -> Optional[str]:
        """``stated`` or ``computed``: where ``percent`` comes from."""
    @property
    def source_kind(self) -> Optional[str]:
        """``cqc``, ``council``, ``press`` or ``scrape``: the kind of the first source."""
    @property
    def cqc_report_url(self) -> Optional[str]:
        """The address of CQC's report, where known."""
    @property
    def current(self) -> bool:
        """Whether this is the council's current result (one per council)."""
    @property
    def sources(self) -> list[str]:
        """Where the figures come from."""
    @property
    def note(self) -> Optional[str]:
        """What to know about the record, or None."""
    @property
    def pilot(self) -> bool:
        """A 2023 pilot assessment (indicative rating, not a formal one)."""
    @property
    def total(self) -> Optional[int]:
        """Total of the nine scores, or None."""
    # end of generated getters
    def assessment(self) -> Optional[Assessment]: ...
    def check(self) -> Optional[PublishedCheck]: ...
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class StatementDistribution:
    """How the published councils scored one statement."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def statement(self) -> str:
        """The statement's id."""
    @property
    def counts(self) -> list[int]:
        """Number of councils scored 1, 2, 3 and 4."""
    @property
    def councils(self) -> int:
        """Councils with a score for the statement."""
    @property
    def mean(self) -> float:
        """Mean score."""
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class Ranking:
    """Where scores would rank among the published councils."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    # @generated getters: record_methods! in bindings/python/src (scripts/generate.sh)
    @property
    def rank(self) -> int:
        """The lowest position of the tie group: 1 + councils with a higher or the same percentage."""
    @property
    def best_rank(self) -> int:
        """The highest position of the tie group: 1 + councils with a higher percentage."""
    @property
    def out_of(self) -> int:
        """Positions in all: the councils compared and the one placed."""
    @property
    def region(self) -> Optional[str]:
        """The region compared within (id), or None."""
    @property
    def council_type(self) -> Optional[str]:
        """The kind of council compared within (id), or None."""
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
    # end of generated getters
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

@final
class PublishedResults:
    """A set of published results (a sequence of ``PublishedResult``)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
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
    def __getitem__(self, key: SupportsIndex, /) -> PublishedResult: ...
    @overload
    def __getitem__(self, key: slice, /) -> list[PublishedResult]: ...
    def __iter__(self) -> Iterator[PublishedResult]: ...
    def find(self, name: str) -> PublishedResult: ...
    def scored(self) -> list[PublishedResult]: ...
    def statement_distribution(self) -> list[StatementDistribution]: ...
    def rating_counts(self) -> dict[str, int]: ...
    def rank(self, scores: _Scores, method: _MethodArg = None) -> Ranking: ...
    def conflicts(self) -> list[Tuple[PublishedResult, PublishedCheck]]: ...
    def to_pandas(self) -> pd.DataFrame:
        """A pandas DataFrame (needs pandas): ``published`` as datetime64, ``rating`` an ordered
        Categorical, scores and totals nullable ``Int8``."""
    def to_dict(self) -> dict[str, Any]:
        """The object as plain Python values with the keys of its JSON form."""
    def to_json(self) -> str:
        """The object as pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table, shown by Jupyter."""

def rate(scores: _Scores, method: _MethodArg = None) -> RatingResult:
    """Rates an assessment by CQC's method."""

def explain(scores: _Scores, method: _MethodArg = None) -> Explanation:
    """Explains how the rating follows from the scores."""

def improvement_paths(
    scores: _Scores, target: Optional[_RatingArg] = None, method: _MethodArg = None
) -> ImprovementPlan:
    """Every minimal set of increases reaching ``target`` (default ``good``)."""

def rating_probabilities(
    distributions: Union[str, Sequence[Any], Mapping[Any, Any], npt.NDArray[Any]],
) -> RatingProbabilities:
    """The probability of each rating under uncertain scores."""

def check_published(
    scores: _Scores,
    rating: _RatingArg,
    percent: Optional[Union[int, float]] = None,
    method: _MethodArg = None,
) -> PublishedCheck:
    """Checks published scores against a published rating (and percentage)."""

def published_results() -> PublishedResults:
    """The bundled published results."""

def published_dataframe() -> pd.DataFrame:
    """The bundled published results as a pandas DataFrame."""

def find_council(name: str) -> PublishedResult:
    """A council's published result by name."""

def statement_distribution() -> list[StatementDistribution]:
    """How the published councils scored each statement."""

def rank_among_published(scores: _Scores, method: _MethodArg = None) -> Ranking:
    """Where scores would rank among the published councils."""

def themes() -> list[Theme]:
    """The four themes."""

def quality_statements() -> list[QualityStatement]:
    """The nine quality statements."""

def evidence_categories() -> list[EvidenceCategory]:
    """The six evidence categories."""

def rating_methods() -> list[RatingMethod]:
    """Both rating methods, newest first."""

def method_in_force_on(date: _DateArg) -> Optional[RatingMethod]:
    """The method in force on a date."""

def parse_rating(name: str) -> _RatingName:
    """A rating's canonical name."""

def rating_label(rating: _RatingArg) -> str:
    """A rating as CQC prints it."""

def rating_band(rating: _RatingArg) -> Tuple[int, int]:
    """A rating's band of published percentages."""

def rating_for_percent(percent: int) -> Optional[_RatingName]:
    """The rating of a published percentage."""

def rating_for_total(total: int, assessed: int) -> Optional[Tuple[_RatingName, int]]:
    """``(rating, percent)`` of a total out of 4 × assessed."""

def rate_many(
    scores: Union[npt.ArrayLike, Sequence[Sequence[Optional[float]]]],
) -> Tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint8]]:
    """Rates an N×9 array: ``(rating codes, percents)`` as uint8 arrays."""

# --- The timeline and the workbook: Records read from the core's JSON form -------------------

TIMELINE_URL: str
WORKBOOK_VERSION: int
EVIDENCE_CSV_COLUMNS: list[str]

@disjoint_base
class Record:
    """A result read from the core's JSON form: fields as attributes (and ``record["key"]``);
    nested objects are Records, text that is exactly an ISO date is a ``datetime.date``.

    Records are made by the library (``Record()`` raises ``TypeError``); the classes below are
    its only subclasses."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __getattribute__(self, name: str, /) -> Any:
        """A field as an attribute; an unknown field raises ``AttributeError``."""
    def __getitem__(self, key: str, /) -> Any:
        """A field by name; an unknown field raises ``KeyError``."""
    def keys(self) -> list[str]:
        """The field names."""
    def to_dict(self) -> Any:
        """Plain Python values (dates as ISO text, as in JSON)."""
    def to_json(self) -> str:
        """Pretty-printed JSON text."""
    def _repr_html_(self) -> str:
        """A readable HTML table."""

@final
class Timeline(Record):
    """A computed assessment timeline."""

    def milestone(self, id: str) -> Record:
        """One milestone by id, e.g. ``factual_accuracy_due``."""
    def to_text(self) -> str:
        """The timeline as text for people."""
    def to_ical(self, stamp: Optional[_DateArg] = None) -> str:
        """The milestones as iCalendar text, stamped with ``stamp`` (today when None)."""
    def status_on(self, today: _DateArg) -> TimelineStatus:
        """Where the assessment stands on a date."""

@final
class TimelineStatus(Record):
    """Where an assessment stands on a date."""

@final
class WorkingCalendar:
    """Working days in England: weekdays less bank holidays and closure days."""

    def __new__(
        cls,
        bank_holidays: Optional[Sequence[Mapping[str, Any]]] = None,
        closures: Optional[Sequence[_DateArg]] = None,
    ) -> Self: ...
    def with_gov_uk_json(self, text: str) -> WorkingCalendar: ...
    def is_working_day(self, date: _DateArg) -> bool: ...
    def non_working_reason(self, date: _DateArg) -> Optional[str]: ...
    def add_working_days(self, date: _DateArg, n: int) -> datetime.date: ...
    def working_days_between(self, start: _DateArg, end: _DateArg) -> int: ...
    def on_or_after(self, date: _DateArg) -> datetime.date: ...
    def on_or_before(self, date: _DateArg) -> datetime.date: ...
    def bank_holidays(self, year: int) -> list[Record]: ...
    def closures(self) -> list[datetime.date]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def _repr_html_(self) -> str: ...

@final
class Workbook(Record):
    """A council's self-assessment workbook."""

    def __new__(cls, document: _Document) -> Self: ...
    @staticmethod
    def blank(council: str) -> Workbook:
        """A blank workbook: nine statements not yet scored."""
    def analyse(self, as_of: Optional[_DateArg] = None) -> WorkbookAnalysis: ...
    def report(self, as_of: Optional[_DateArg] = None) -> WorkbookReport: ...
    def evidence_csv(self) -> str: ...
    def register_csv(self, part: str) -> str:
        """A register (``evidence``, ``actions``, ``indicators``, ``information_return``,
        ``case_tracking``, ``interviews`` or ``history``) as CSV text, as ``workbook export-*``
        writes it."""
    def import_csv(
        self,
        part: str,
        data: Union[str, bytes, bytearray, os.PathLike[str]],
        *,
        mode: str = "replace",
        keep_good_rows: bool = False,
        allow_fewer: bool = False,
    ) -> WorkbookImport:
        """Imports a register from CSV; the result's ``workbook`` is the new workbook or None."""

@final
class WorkbookAnalysis(Record):
    """A workbook's analysis on a date."""

@final
class WorkbookCheck(Record):
    """Every problem of a workbook document."""

@final
class EvidenceImport(Record):
    """An evidence register read from CSV (``items``, ``errors``)."""

@final
class WorkbookImport(Record):
    """What importing a register from CSV did (``written``, ``errors``, ``warnings``,
    ``rows``, ``rejected``, ``changes``)."""

    @property
    def workbook(self) -> Optional[Workbook]: ...

@final
class WorkbookReport:
    """The self-assessment report of a workbook."""

    def html(self) -> str: ...
    def markdown(self) -> str: ...
    @property
    def analysis(self) -> WorkbookAnalysis: ...
    def _repr_html_(self) -> str: ...

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
    """Plans an assessment timeline on real working days."""

def england_bank_holidays(year: int) -> list[Record]:
    """Bank holidays of England and Wales in a year, by rule."""

def easter_sunday(year: int) -> datetime.date:
    """Easter Sunday of a year."""

def bank_holidays_from_gov_uk_json(text: str, division: str = "england-and-wales") -> list[Record]:
    """Bank holidays from GOV.UK's bank-holidays.json."""

def check_workbook(document: _Document, as_of: Optional[_DateArg] = None) -> WorkbookCheck:
    """Every problem of a workbook document, and its analysis when it reads."""

def analyse_workbook(
    workbook: Union[Workbook, _Document], as_of: Optional[_DateArg] = None
) -> WorkbookAnalysis:
    """A workbook's analysis on a date."""

def evidence_from_csv(text: str) -> EvidenceImport:
    """An evidence register read from CSV."""

def evidence_to_csv(items: Iterable[Union[Record, Mapping[str, Any]]]) -> str:
    """Evidence items as CSV."""

def compare_with_england(value: float, england: float, higher_is_better: bool, tolerance: float) -> str:
    """``better``, ``similar`` or ``worse``."""
