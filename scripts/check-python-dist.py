"""Checks the Python package's wheel and sdist as a registry and a user see them.

    python scripts/check-python-dist.py WHEEL SDIST

The wheel (read with zipfile, as `unzip -l` lists it) must carry LICENSE-MIT, LICENSE-APACHE
and NOTICE in its .dist-info/licenses/ with the repository's text, and its METADATA must name
them (License-File), state the SPDX licence (License-Expression), have the package README as
its long description (Markdown) and list the classifiers, `Typing :: Typed` among them. The
sdist must carry the same three files at its top. Exit status 1, with every problem listed,
otherwise.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("LICENSE-MIT", "LICENSE-APACHE", "NOTICE")
README = (ROOT / "bindings" / "python" / "README.md").read_text(encoding="utf-8")
# Classifiers the package must show (a registry lists them; `Typing :: Typed` is PEP 561's).
CLASSIFIERS = (
    "Typing :: Typed",
    "Programming Language :: Rust",
    "Programming Language :: Python :: 3",
    "Intended Audience :: Science/Research",
)


def check_wheel(path: Path, problems: list[str]) -> None:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        dist_info = {n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info")}
        if len(dist_info) != 1:
            problems.append(f"{path.name}: expected one .dist-info folder, found {sorted(dist_info)}")
            return
        (info,) = dist_info
        for f in FILES:
            member = f"{info}/licenses/{f}"
            if member not in names:
                problems.append(f"{path.name}: {member} is missing")
            elif z.read(member).decode("utf-8") != (ROOT / f).read_text(encoding="utf-8"):
                problems.append(f"{path.name}: {member} differs from the repository's {f}")
        meta = Parser().parsestr(z.read(f"{info}/METADATA").decode("utf-8"))
    if meta.get("License-Expression") != "MIT OR Apache-2.0":
        problems.append(f"{path.name}: License-Expression is {meta.get('License-Expression')!r}")
    license_files = sorted(meta.get_all("License-File") or [])
    if license_files != sorted(FILES):
        problems.append(f"{path.name}: License-File lists {license_files}")
    if meta.get("Description-Content-Type", "").split(";")[0].strip() != "text/markdown":
        problems.append(f"{path.name}: Description-Content-Type is {meta.get('Description-Content-Type')!r}")
    body = meta.get_payload() or meta.get("Description") or ""
    if body.strip() != README.strip():
        problems.append(f"{path.name}: the long description is not bindings/python/README.md")
    classifiers = meta.get_all("Classifier") or []
    for c in CLASSIFIERS:
        if c not in classifiers:
            problems.append(f"{path.name}: classifier {c!r} is missing")
    print(
        f"check-python-dist: {path.name}: {', '.join(FILES)} in {info}/licenses/, "
        f"long description = README.md ({len(README.splitlines())} lines), "
        f"{len(classifiers)} classifiers"
    )


def check_sdist(path: Path, problems: list[str]) -> None:
    with tarfile.open(path) as t:
        names = t.getnames()
        top = names[0].split("/", 1)[0]
        for f in FILES:
            member = f"{top}/{f}"
            if member not in names:
                problems.append(f"{path.name}: {member} is missing")
                continue
            data = t.extractfile(member)
            if data is None or data.read().decode("utf-8") != (ROOT / f).read_text(encoding="utf-8"):
                problems.append(f"{path.name}: {member} is not the repository's {f}")
    print(f"check-python-dist: {path.name}: {', '.join(FILES)} at {top}/")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    problems: list[str] = []
    check_wheel(Path(argv[1]), problems)
    check_sdist(Path(argv[2]), problems)
    for p in problems:
        print(f"check-python-dist: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
