"""The trained pipelines shipped inside the package, and their manifest.

`intake train` writes classifiers/models/<name>/ (a spaCy pipeline directory)
and manifest.json (versions, tuned thresholds, the corpus fingerprint and the
dev figures). A fresh install classifies at once: nothing is downloaded.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

MODELS_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"
SHARED_TOKENIZER = "classifiers.SharedEnglishTokenizer.v1"


class ModelMissing(RuntimeError):
    """The pipelines are not where they should be: the install is incomplete."""


def manifest(models_dir: Path = MODELS_DIR) -> dict[str, Any]:
    path = models_dir / MANIFEST
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissing(f"no trained classifiers at {models_dir}: run `intake train` "
                           "(or reinstall the package, which ships them)") from None
    return data


@functools.cache
def english() -> Language:
    """The blank English pipeline whose vocabulary and tokenizer every shipped pipeline shares."""
    return spacy.blank("en")


def shared_tokenizer() -> Callable[[Language], Tokenizer]:
    return lambda nlp: english().tokenizer


registry.tokenizers.register(SHARED_TOKENIZER, func=shared_tokenizer)


@functools.cache
def pipeline(name: str, models_dir: Path = MODELS_DIR) -> Language:
    """Loaded once per process: every worker thread shares one read-only pipeline.

    Every pipeline was trained with spacy.blank("en")'s tokenizer, so all share one,
    built once: building English's special cases was a quarter of the load time for
    each pipeline, and reading the saved copy adds them a second time. A test checks
    the shared one is each pipeline's saved tokenizer byte for byte.
    """
    path = models_dir / name
    if not path.is_dir():
        raise ModelMissing(f"no trained {name} pipeline at {path}: run `intake train`")
    return spacy.load(path, vocab=english().vocab, exclude=["tokenizer"],
                      config={"nlp": {"tokenizer": {"@tokenizers": SHARED_TOKENIZER}}})


def save(models_dir: Path, pipelines: dict[str, Language], data: dict[str, Any]) -> None:
    models_dir.mkdir(parents=True, exist_ok=True)
    for name, nlp in pipelines.items():
        nlp.to_disk(models_dir / name)
    (models_dir / MANIFEST).write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    pipeline.cache_clear()
