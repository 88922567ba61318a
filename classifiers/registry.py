"""Name → factory. The stored decision carries the model's own version (name + corpus fingerprint)."""

from __future__ import annotations

from typing import Any, Callable

from classifiers.category import SpacyCategoryClassifier
from classifiers.safeguarding import SafeguardingScreen
from classifiers.young_person import YoungPersonSignal

FACTORIES: dict[str, Callable[[], Any]] = {
    "category.spacy": SpacyCategoryClassifier,
    "safeguarding.spacy": SafeguardingScreen,
    "young_person.spacy": YoungPersonSignal,
}

DEFAULTS = {
    "category": "category.spacy",
    "safeguarding": "safeguarding.spacy",
    "young_person": "young_person.spacy",
}


def create(name: str) -> Any:
    try:
        factory = FACTORIES[name]
    except KeyError:
        raise KeyError(f"unknown classifier {name!r}; known: {', '.join(sorted(FACTORIES))}") from None
    return factory()


def create_defaults() -> dict[str, Any]:
    return {role: create(name) for role, name in DEFAULTS.items()}
