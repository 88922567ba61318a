"""`intake train`, `intake evaluate` and `intake correct`: the classifiers' life cycle."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from classifiers import corpus, store
from classifiers.corpus import CorpusError
from classifiers.training import train_all
from intake import evaluation
from intake.commands.common import emit, handle_errors, settings_from
from intake.casework import find_case
from intake.corrections import training_messages
from intake.staff_actions.reclassify import reclassify
from intake.db.session import session_factory
from intake.errors import IntakeError
from intake.services import engine_for


class LabelledDataError(IntakeError):
    exit_code = 2


@click.command()
@click.option("--seed", default=13, show_default=True, help="Same corpus and seed, same model.")
@click.option("--with-corrections", is_flag=True,
              help="Add the team's corrections (from the configured database) to the training data.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=store.MODELS_DIR,
              show_default=True, help="Where to write the pipelines (the packaged ones by default).")
@click.option("--architecture", type=click.Choice(["bow", "ensemble"]), default="bow", show_default=True)
@click.option("--epochs", default=10, show_default=True)
@click.pass_context
@handle_errors
def train(ctx: click.Context, seed: int, with_corrections: bool, output: Path, architecture: str,
          epochs: int) -> None:
    """Train the category, safeguarding and young_person pipelines on the corpus's train split.

    Thresholds are tuned on the dev split; the test split is left for `intake evaluate`.
    """
    try:
        messages, dev = corpus.load(split="train"), corpus.load(split="dev")
    except CorpusError as exc:
        raise LabelledDataError(str(exc)) from None
    if with_corrections:
        with session_factory(engine_for(settings_from(ctx)))() as session:
            corrections = list(training_messages(session))
        click.echo(f"adding {len(corrections)} corrected cases to the training data", err=True)
        messages += corrections
    summary = train_all(messages, dev, seed=seed, models_dir=output, architecture=architecture,  # type: ignore[arg-type]
                        epochs=epochs)
    emit({"output": str(output), "versions": summary.versions, "counts": summary.counts, "dev": summary.dev})


@click.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--split", type=click.Choice(corpus.SPLITS), default="test", show_default=True,
              help="Which split of the project's corpus, when no PATH is given.")
@click.option("--eligibility", is_flag=True, help="Evaluate the eligibility rules instead.")
@click.option("--json", "as_json", is_flag=True, help="The headline figures as one JSON object.")
@handle_errors
def evaluate(path: Path | None, split: corpus.Split, eligibility: bool, as_json: bool) -> None:
    """Per-class precision, recall and F1, macro-F1, the confusion matrix and throughput.

    PATH is a .jsonl file of labelled messages or a folder of labelled .eml files
    (see intake/evaluation.py); without it, the corpus's test split.
    """
    if eligibility:
        from intake.eligibility import evaluation as eligibility_evaluation
        report = eligibility_evaluation.evaluate(path or eligibility_evaluation.DEFAULT_PATH)
        click.echo(json.dumps(eligibility_evaluation.summary(report)) if as_json
                   else eligibility_evaluation.format_report(report))
        return
    try:
        messages = evaluation.load_labelled(path) if path else corpus.load(split=split)
    except CorpusError as exc:
        raise LabelledDataError(str(exc)) from None
    result = evaluation.evaluate(messages)
    click.echo(json.dumps(evaluation.summary(result)) if as_json else evaluation.format_evaluation(result))


@click.command()
@click.argument("reference")
@click.option("--category", type=click.Choice(corpus.CATEGORIES), help="The right category.")
@click.option("--safeguarding/--no-safeguarding", default=None, help="Set or clear the safeguarding flag.")
@click.option("--young-person/--no-young-person", default=None, help="Set or clear the young_person flag.")
@click.option("--evidence", default="", help="The sentence that shows the risk (with --safeguarding).")
@click.option("--by", "officer", required=True, help="Who is making the correction.")
@click.option("--reason", required=True, help="Why: goes in the case trail.")
@click.pass_context
@handle_errors
def correct(ctx: click.Context, reference: str, category: str | None, safeguarding: bool | None,
            young_person: bool | None, evidence: str, officer: str, reason: str) -> None:
    """Correct a case's category or flags; stored for `intake train --with-corrections`."""
    changes = [("category", category)] if category else []
    changes += [(name, "true" if value else "false") for name, value in
                (("safeguarding", safeguarding), ("young_person", young_person)) if value is not None]
    if not changes:
        raise LabelledDataError("nothing to correct: give --category, --safeguarding/--no-safeguarding "
                                "or --young-person/--no-young-person")
    settings = settings_from(ctx)
    calendar = settings.working_calendar()
    with session_factory(engine_for(settings))() as session, session.begin():
        case = find_case(session, reference)
        now = dt.datetime.now(dt.timezone.utc)
        done = [field for field, value in changes
                if reclassify(session, settings, case, field, value, by=officer, reason=reason, at=now,
                              calendar=calendar, evidence=evidence if field == "safeguarding" else "")]
    emit({"case_reference": reference, "corrected": done})


COMMANDS = (train, evaluate, correct)
