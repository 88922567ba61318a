"""Classifier speed, load time and size, and a TF-IDF + logistic regression baseline.

    .venv/bin/python -m benchmarks.classification [--split test] [--repeat 5]

Run on one core (the process pins itself to one CPU where the OS allows), on
the corpus split given, with the packaged pipelines. The baseline is trained on
the same train split and scored on the same messages, so the two lines compare
like with like; scikit-learn is a benchmark-only dependency (extra `benchmark`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from classifiers import corpus, metrics, store
from classifiers.corpus import CATEGORIES
from classifiers.registry import create_defaults


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def load_seconds() -> float:
    """A fresh interpreter: import, read the manifest, load all three pipelines."""
    code = ("import time; t = time.perf_counter(); from classifiers.registry import create_defaults; "
            "create_defaults(); print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def package_megabytes() -> float:
    return sum(p.stat().st_size for p in Path(store.MODELS_DIR).rglob("*") if p.is_file()) / 1e6


def ours(messages: list[corpus.LabelledMessage], repeat: int) -> dict[str, float]:
    models = create_defaults()
    texts = [m.full_text for m in messages]
    started = time.perf_counter()
    for _ in range(repeat):
        predicted = [models["category"].classify(t).label for t in texts]
    category_rate = len(texts) * repeat / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(repeat):
        for m in messages:
            models["category"].classify(m.full_text)
            models["safeguarding"].classify(m.full_text)
            models["young_person"].classify(m.text)
    all_rate = len(texts) * repeat / (time.perf_counter() - started)
    report = metrics.score([m.category for m in messages], predicted, CATEGORIES)
    return {"macro_f1": round(report.macro_f1, 4),
            "complaint_recall": round(report.per_class["complaint"].recall, 4),
            "category_messages_per_second": round(category_rate, 1),
            "all_three_messages_per_second": round(all_rate, 1)}


def baseline(train: list[corpus.LabelledMessage], messages: list[corpus.LabelledMessage],
             repeat: int) -> dict[str, float]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                          LogisticRegression(max_iter=2000, C=10.0))
    model.fit([m.full_text for m in train], [m.category for m in train])
    started = time.perf_counter()
    for _ in range(repeat):
        predicted = [model.predict([m.full_text])[0] for m in messages]  # one at a time, as the service would
    rate = len(messages) * repeat / (time.perf_counter() - started)
    report = metrics.score([m.category for m in messages], list(predicted), CATEGORIES)
    return {"macro_f1": round(report.macro_f1, 4),
            "complaint_recall": round(report.per_class["complaint"].recall, 4),
            "category_messages_per_second": round(rate, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=corpus.SPLITS, default="test")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pin_to_one_core()
    messages = corpus.load(split=args.split)
    result = {
        "split": args.split, "messages": len(messages),
        "model_load_seconds": round(load_seconds(), 3),
        "pipeline_megabytes": round(package_megabytes(), 1),
        "ours": ours(messages, args.repeat),
        "baseline_tfidf_logreg": baseline(corpus.load(split="train"), messages, args.repeat),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
