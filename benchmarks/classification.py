"""Classifier speed, load time and size, and a TF-IDF + logistic regression baseline.

    .venv/bin/python -m benchmarks.classification [--split test] [--repeat 5]

Run on one core (the process pins itself to one CPU where the OS allows), on
the corpus split given, with the packaged pipelines: the same messages read
`--repeat` times (the mean rate, and the quickest pass's), and once more in a fresh process that has read only the train
split before (messages it has never seen, as a running service meets them). The baseline is trained on
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


def load_figures(runs: int = 3) -> dict[str, float]:
    """The median and the quickest of a few fresh loads: one load on a shared machine can be a second out."""
    seconds = sorted(load_seconds() for _ in range(runs))
    return {"model_load_seconds": round(seconds[runs // 2], 3), "model_load_seconds_best": round(seconds[0], 3)}


def unseen_rate(split: str) -> float:
    """All three classifiers on messages seen for the first time, in a fresh interpreter.

    A running service has met the everyday words before but not the message in front of
    it: the three read the train split once, then the split given once, timed. (The
    repeated passes in ours() read the same messages again and again, so every cache is
    warm there.)
    """
    code = ("import time; from classifiers import corpus; from classifiers.registry import create_defaults\n"
            "m = create_defaults()\n"
            "def run(messages):\n"
            "    for x in messages:\n"
            "        m['category'].classify(x.full_text); m['safeguarding'].classify(x.full_text)\n"
            "        m['young_person'].classify(x.text)\n"
            f"run(corpus.load(split='train')); test = corpus.load(split={split!r})\n"
            "t = time.perf_counter(); run(test); print(len(test) / (time.perf_counter() - t))")
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
    passes = []
    for _ in range(repeat):
        started = time.perf_counter()
        for m in messages:
            models["category"].classify(m.full_text)
            models["safeguarding"].classify(m.full_text)
            models["young_person"].classify(m.text)
        passes.append(time.perf_counter() - started)
    report = metrics.score([m.category for m in messages], predicted, CATEGORIES)
    return {"macro_f1": round(report.macro_f1, 4),
            "complaint_recall": round(report.per_class["complaint"].recall, 4),
            "category_messages_per_second": round(category_rate, 1),
            "all_three_messages_per_second": round(len(texts) * repeat / sum(passes), 1),
            # The quickest pass: what the code costs, with the least of a shared machine's interference in it.
            "all_three_best_pass_messages_per_second": round(len(texts) / min(passes), 1)}


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
        **load_figures(),
        "pipeline_megabytes": round(package_megabytes(), 1),
        "ours": {**ours(messages, args.repeat),
                 "all_three_unseen_messages_per_second": round(unseen_rate(args.split), 1)},
        "baseline_tfidf_logreg": baseline(corpus.load(split="train"), messages, args.repeat),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
