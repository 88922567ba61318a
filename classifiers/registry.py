"""Name → factory, with the version in the name, so a stored decision says which model made it."""

from __future__ import annotations

from typing import Any, Callable

from classifiers.category import KeywordCategoryClassifier
from classifiers.safeguarding import PhraseSafeguardingScreen
from classifiers.young_person import CueYoungPersonSignal

FACTORIES: dict[str, Callable[[], Any]] = {
    KeywordCategoryClassifier.model_version: KeywordCategoryClassifier,
    PhraseSafeguardingScreen.model_version: PhraseSafeguardingScreen,
    CueYoungPersonSignal.model_version: CueYoungPersonSignal,
}

DEFAULTS = {
    "category": KeywordCategoryClassifier.model_version,
    "safeguarding": PhraseSafeguardingScreen.model_version,
    "young_person": CueYoungPersonSignal.model_version,
}


def create(name: str) -> Any:
    try:
        return FACTORIES[name]()
    except KeyError:
        raise KeyError(f"unknown classifier {name!r}; known: {', '.join(sorted(FACTORIES))}") from None
