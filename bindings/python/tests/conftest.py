"""Shared fixtures: where the repository's shared files are."""

import pathlib

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
CONFORMANCE = REPO / "tests" / "conformance"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO
