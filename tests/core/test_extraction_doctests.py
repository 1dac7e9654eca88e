"""The examples in the extraction modules' docstrings still hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "nghiquyet.core.extraction",
    "nghiquyet.core.extraction.figures",
    "nghiquyet.core.extraction.indicators",
    "nghiquyet.core.extraction.lexicon",
    "nghiquyet.core.extraction.roles",
    "nghiquyet.core.extraction.segments",
    "nghiquyet.core.extraction.sources",
    "nghiquyet.core.extraction.units",
]


@pytest.mark.parametrize("name", MODULES)
def test_the_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
