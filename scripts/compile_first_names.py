"""Compile ``src/newsgraph/lexicon/data/first_names.tsv`` from the first-name lists of Faker.

    pip install --target /tmp/faker faker && PYTHONPATH=/tmp/faker python scripts/compile_first_names.py

Faker (MIT licence, github.com/joke2k/faker) keeps first-name lists for about eighty locales, drawn
from national name statistics. A name is kept when it is written in the Latin alphabet as one
capitalised word and at least two locales list it: a name only one list gives is too often an
ordinary word of that list's language ("Royal", "Male", "Add" in the English census list). The
output is sorted and deterministic for one Faker version. Faker is needed only to compile the table,
never at run time.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "lexicon" / "data" / "first_names.tsv"
_ATTRIBUTES = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_names_male_romanized",
    "first_names_female_romanized",
)
_LATIN_NAME = re.compile(r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž'\-]+")
MIN_LOCALES = 2


def first_names() -> tuple[str, dict[str, set[str]]]:
    """Faker's version and every Latin-script first name with the locales that list it."""
    import faker
    import faker.providers.person as person

    names: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{module.name}"), "Provider", None)
        if provider is None:
            continue
        for attribute in _ATTRIBUTES:
            values = provider.__dict__.get(attribute)
            if not values or isinstance(values, property):
                continue
            for name in values:
                if isinstance(name, str) and _LATIN_NAME.fullmatch(name):
                    names.setdefault(name, set()).add(module.name)
    return faker.VERSION, names


def render(version: str, names: dict[str, set[str]]) -> str:
    kept = sorted(n for n, locales in names.items() if len(locales) >= MIN_LOCALES)
    head = [
        "# First names, one a row, compiled by scripts/compile_first_names.py from the first-name lists of",
        f"# Faker {version} (MIT licence, Copyright (c) 2012 Daniele Faraglia, github.com/joke2k/faker): the",
        f"# Latin-script names that at least {MIN_LOCALES} of its locales list. Do not edit by hand.",
        "# name: as written; locales: how many locale lists give it.",
        "name\tlocales",
    ]
    return "\n".join(head + [f"{n}\t{len(names[n])}" for n in kept]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    version, names = first_names()
    args.out.write_text(render(version, names), encoding="utf-8")
    print(f"{args.out}: {sum(len(v) >= MIN_LOCALES for v in names.values())} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
