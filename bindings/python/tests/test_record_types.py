"""Every record a result returns is what the stubs declare: its class (by name), every field's
value of the declared type (an int where the stubs say int, a date where they say date), and
no field the stubs do not declare. The stubs' record types are generated from the core's JSON
Schema and the values are written by serde: this checks, on real documents and on random
timelines, that the two agree, independently of both (the stub file is read with `ast`)."""

from __future__ import annotations

import ast
import datetime
import json
import keyword
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import cqc_assurance as cqc
from conftest import CONFORMANCE, EXAMPLES, REPO

STUB = REPO / "bindings" / "python" / "python" / "cqc_assurance" / "_native.pyi"


TYPE_CHECK_ONLY: set[str] = set()


def _read_stubs() -> tuple[dict[str, tuple[list[str], dict[str, ast.expr]]], dict[str, ast.expr]]:
    """The stub's classes (bases, properties with their return annotations) and aliases."""
    tree = ast.parse(STUB.read_text())
    classes: dict[str, tuple[list[str], dict[str, ast.expr]]] = {}
    aliases: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            props = {
                f.name: f.returns
                for f in node.body
                if isinstance(f, ast.FunctionDef)
                and f.returns is not None
                and any(isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list)
            }
            bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
            classes[node.name] = (bases, props)
            if any(ast.unparse(d) == "type_check_only" for d in node.decorator_list):
                TYPE_CHECK_ONLY.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.value is not None:
                aliases[node.target.id] = node.value
    return classes, aliases


CLASSES, ALIASES = _read_stubs()


def fields_of(name: str) -> dict[str, ast.expr]:
    """A class's properties, its bases' included."""
    bases, props = CLASSES[name]
    out: dict[str, ast.expr] = {}
    for b in bases:
        if b in CLASSES:
            out.update(fields_of(b))
    out.update(props)
    return out


def title(record: cqc.Record) -> str:
    return repr(record).split("(", 1)[0]


class Checker:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def record(self, value: Any, name: str, where: str) -> None:
        assert isinstance(value, cqc.Record), f"{where}: {value!r} is not a Record"
        # `_TimelineFields`: a Timeline's fields, in a plain Record titled Timeline.
        shown = name[1 : -len("Fields")] if name.startswith("_") else name
        assert title(value) == shown, f"{where}: a {title(value)} where the stubs say {name}"
        if hasattr(cqc, name):
            assert type(value).__name__ == name, f"{where}: of class {type(value).__name__}"
        else:
            assert type(value) is cqc.Record, f"{where}: of class {type(value).__name__}"
        self.seen.add(name)
        declared = fields_of(name)
        for key in value.keys():
            if keyword.iskeyword(key):
                continue
            assert key in declared, f"{where}.{key}: not declared in the stubs' {name}"
            got = getattr(value, key)
            assert got == value[key] or got is value[key] or got != got
            self.value(got, declared[key], f"{where}.{key}")
        # A class's own attributes (`WorkbookImport.workbook`) are not fields of its value.
        missing = {k for k in declared if k not in value.keys() and not hasattr(type(value), k)}
        assert not missing, f"{where}: {name} declares {missing}, which the record lacks"

    def value(self, v: Any, ann: ast.expr, where: str) -> None:
        if isinstance(ann, ast.Name):
            n = ann.id
            if n in ALIASES:
                return self.value(v, ALIASES[n], where)
            simple = {"int": int, "float": float, "str": str, "bool": bool}
            if n in simple:
                ok = isinstance(v, simple[n]) and (n == "bool" or not isinstance(v, bool))
                assert ok, f"{where}: {v!r} is not {n}"
                return None
            if n == "Record":
                assert isinstance(v, cqc.Record), f"{where}: {v!r} is not a Record"
                return None
            if n == "Any":
                return None
            return self.record(v, n, where)
        if isinstance(ann, ast.Attribute):
            assert ast.unparse(ann) == "datetime.date", f"{where}: {ast.unparse(ann)}"
            assert type(v) is datetime.date, f"{where}: {v!r} is not a date"
            return None
        assert isinstance(ann, ast.Subscript), f"{where}: {ast.unparse(ann)}"
        head = ast.unparse(ann.value)
        args = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        if head == "Optional":
            if v is not None:
                self.value(v, args[0], where)
        elif head == "list":
            assert isinstance(v, list), f"{where}: {v!r} is not a list"
            for i, item in enumerate(v):
                self.value(item, args[0], f"{where}[{i}]")
        elif head == "Literal":
            allowed = [ast.literal_eval(a) for a in args]
            assert v in allowed and type(v) in {type(a) for a in allowed}, (
                f"{where}: {v!r} is not one of {allowed}"
            )
        elif head == "Union":
            errors = []
            for a in args:
                try:
                    self.value(v, a, where)
                    return None
                except AssertionError as e:
                    errors.append(str(e))
            raise AssertionError("; ".join(errors))
        else:
            raise AssertionError(f"{where}: no check for {head}")
        return None


# Scores of the earlier method: evidence-category scores for one statement.
EARLIER = {"assessing-needs": {"peoples-experience": 3, "staff-and-leaders": 2, "partners": 3}}


def results() -> list[tuple[str, Any, str]]:
    """Real results of every function that returns records: (where, value, stub type)."""
    wb = cqc.Workbook(EXAMPLES / "liverpool-workbook.json")
    doc = json.loads((EXAMPLES / "liverpool-workbook.json").read_text())
    timeline = cqc.plan_timeline(EXAMPLES / "hounslow-timeline.json", today="2024-02-01")
    evidence = wb.evidence_csv()
    broken = evidence.replace("\n", "\nnot,a,row\n", 1)
    probs = cqc.rating_probabilities([[0.5, 0.5, 0, 0]] * 9)
    # A history row with the published scores, which the analysis calibrates against.
    header, row = wb.register_csv("history").splitlines()[:2]
    cells = row.split(",")
    cells[-10:] = ["2"] * 9 + ["CQC's report"]
    calibrated = wb.import_csv("history", f"{header}\r\n{','.join(cells)}\r\n").workbook
    assert calibrated is not None
    doc["statements"]["equity"]["score"] = 9
    return [
        ("analysis", wb.analyse(as_of="2025-06-01"), "WorkbookAnalysis"),
        ("early analysis", wb.analyse(as_of="2024-01-01"), "WorkbookAnalysis"),
        ("blank", cqc.Workbook.blank("Liverpool").analyse(as_of="2025-06-01"), "WorkbookAnalysis"),
        ("check", cqc.check_workbook(EXAMPLES / "liverpool-workbook.json", "2025-06-01"), "WorkbookCheck"),
        ("bad check", cqc.check_workbook(doc, "2025-06-01"), "WorkbookCheck"),
        ("report", wb.report(as_of="2025-06-01").analysis, "WorkbookAnalysis"),
        ("timeline", timeline, "Timeline"),
        ("planned timeline", cqc.plan_timeline(notified="2025-01-06"), "Timeline"),
        ("status", timeline.status_on("2024-03-01"), "TimelineStatus"),
        ("milestone", timeline.milestone("factual_accuracy_due"), "Milestone"),
        ("import", wb.import_csv("evidence", evidence), "WorkbookImport"),
        ("calibrated", calibrated.analyse(as_of="2025-06-01"), "WorkbookAnalysis"),
        ("bad import", wb.import_csv("evidence", broken), "WorkbookImport"),
        ("evidence", cqc.evidence_from_csv(broken), "EvidenceImport"),
        ("call", probs.call, "RatingCall"),
        ("timeline profile", cqc.timeline_profile(), "TimelineProfile"),
        ("Liverpool's ranks", cqc.published_results().council_rankings("Liverpool"), "CouncilRankings"),
        ("rating", cqc.rate([2, 3, 3, 2, None, 2, 2, 3, 3]), "RatingResult"),
        ("earlier rating", cqc.rate(EARLIER, method="earlier"), "RatingResult"),
        ("explanation", cqc.explain([2, 3, 3, 2, 2, 2, 2, 3, 3]), "Explanation"),
        ("plan", cqc.improvement_paths([2, 3, 3, 2, 2, 2, 2, 3, 3], target="outstanding"), "ImprovementPlan"),
        ("probabilities", probs, "RatingProbabilities"),
        ("published check", cqc.check_published([2, 3, 3, 2, 2, 2, 2, 3, 3], "good", 70), "PublishedCheck"),
        ("ranking", cqc.rank_among_published([2, 3, 3, 2, 2, 2, 2, 3, 3]), "Ranking"),
    ] + [
        (f"published {i}", record, "PublishedResult")
        for i, record in enumerate(cqc.published_results())
    ] + [
        (f"distribution {i}", d, "StatementDistribution")
        for i, d in enumerate(cqc.statement_distribution())
    ] + [
        (f"conflict {i}", check, "PublishedCheck")
        for i, (_, check) in enumerate(cqc.published_results().conflicts())
    ] + [
        (f"bank holiday {i}", day, "BankHoliday")
        for i, day in enumerate(cqc.england_bank_holidays(2025))
    ] + [
        (f"region {i}", group, "GroupDistribution")
        for i, group in enumerate(cqc.published_results().statement_distribution_by_region())
    ] + [
        (f"rating counts {i}", counts, "RatingCounts")
        for i, counts in enumerate(
            cqc.published_results().rating_counts_by_region()
            + cqc.published_results().rating_counts_by_type()
        )
    ]


def test_every_record_is_what_the_stubs_declare() -> None:
    check = Checker()
    for where, value, name in results():
        check.record(value, name, where)
    # The results meet every record type the stubs declare.
    declared = {n for n in CLASSES if n in TYPE_CHECK_ONLY or n.endswith("Fields")}
    declared |= {n for n, (bases, _) in CLASSES.items() if any(b.endswith("Fields") for b in bases)}
    classes_seen = {n for n in declared if n in check.seen or f"_{n}Fields" in check.seen}
    unseen = {n for n in declared if not n.endswith("Fields")} - classes_seen
    assert not unseen, unseen
    assert len(check.seen) > 45, sorted(check.seen)


def test_a_stub_type_that_lies_fails() -> None:
    wb = cqc.Workbook(EXAMPLES / "liverpool-workbook.json")
    a = wb.analyse(as_of="2025-06-01")
    lie = ast.parse("list[str]", mode="eval").body
    try:
        Checker().value(a.statements, lie, "statements")
    except AssertionError as e:
        assert "is not str" in str(e)
    else:
        raise AssertionError("a list of records passed as a list of str")
    try:
        Checker().value(3.0, ast.parse("int", mode="eval").body, "x")
    except AssertionError:
        pass
    else:
        raise AssertionError("a float passed as an int")


def test_a_field_without_a_value_reads_as_none_and_an_unknown_one_raises() -> None:
    t = cqc.plan_timeline(notified="2025-01-06")
    rule = t.milestone("publication").rule
    # A rule in weeks: serde leaves out its working days.
    assert rule.weeks is not None and "working_days" not in rule.to_dict()
    assert "working_days" in fields_of("MilestoneRule") and "working_days" in rule.keys()
    assert rule.working_days is None and rule["working_days"] is None
    try:
        rule.working_dayz
    except AttributeError as e:
        assert "working_dayz" in str(e)
    else:
        raise AssertionError("a misspelt field read as a value")
    # Only fields of format date are dates: a note that is a date stays text.
    t = cqc.plan_timeline(notified="2025-01-06", notes=["2025-01-06"])
    assert t.notes == ["2025-01-06"] and t.notified == datetime.date(2025, 1, 6)


def test_no_field_is_hidden_by_a_name_of_its_class() -> None:
    """A record reads a field of its type before the names of its class (its
    ``__getattribute__``), so a field named like a method or getter of the class would hide it,
    or be hidden if the order were the other way: no type of any record has one."""
    checked = 0
    for name, (bases, props) in CLASSES.items():
        if "Record" not in bases:
            continue
        # `_RatingResultFields` holds the fields of the class RatingResult; a type without a
        # class of its own (`Milestone`) is a plain Record.
        public = name[1 : -len("Fields")] if name.startswith("_") and name.endswith("Fields") else name
        runtime = getattr(cqc, public, cqc.Record)
        hidden = set(props) & set(dir(runtime))
        assert not hidden, f"{public}: fields named like attributes of {runtime.__name__}: {hidden}"
        checked += 1
    # The check sees what it should: the record types, and the names of the classes.
    assert checked > 50
    assert {"keys", "to_dict", "to_json"} <= set(dir(cqc.Record))
    assert "rating_label" in dir(cqc.RatingResult) and "probability" in dir(cqc.RatingProbabilities)
    # A method is found as before, and a field of the type as a value.
    r = cqc.rate([2, 3, 3, 2, 2, 2, 2, 3, 3])
    assert callable(r.to_dict) and r.rating == "requires_improvement" and r.band.half == "upper"
    assert r.rating_label == "Requires improvement" and type(r).__name__ == "RatingResult"


def test_every_conformance_result_that_is_a_record_is_what_the_stubs_declare() -> None:
    ops = {
        "timeline": lambda inp: (cqc.plan_timeline(inp), "Timeline"),
        "workbook_check": lambda inp: (
            cqc.check_workbook(inp["workbook"], as_of=inp["today"]),
            "WorkbookCheck",
        ),
        "evidence_csv_import": lambda inp: (cqc.evidence_from_csv(inp["csv"]), "EvidenceImport"),
    }
    checked = 0
    for path in sorted(CONFORMANCE.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            if case["op"] not in ops or "error" in case:
                continue
            value, name = ops[case["op"]](case["input"])
            Checker().record(value, name, f"{path.name}: {case['name'][:60]}")
            checked += 1
    assert checked >= 40, checked


@settings(max_examples=60, deadline=None)
@given(
    notified=st.dates(datetime.date(2023, 1, 2), datetime.date(2027, 12, 31)),
    visit_after=st.integers(20, 90),
    today_after=st.integers(-30, 200),
)
def test_random_timelines_are_what_the_stubs_declare(
    notified: datetime.date, visit_after: int, today_after: int
) -> None:
    visit = notified + datetime.timedelta(days=visit_after)
    today = notified + datetime.timedelta(days=today_after)
    t = cqc.plan_timeline(notified=notified, actuals={"visit": visit}, today=today)
    check = Checker()
    check.record(t, "Timeline", "timeline")
    check.record(t.status_on(today), "TimelineStatus", "status")
