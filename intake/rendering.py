"""The one Jinja2 environment for every message and letter.

StrictUndefined turns a missing variable into an error at render time, so a
template can never send "Dear ," to a family; autoescaping is on for HTML
templates only, because escaping a plain-text email would show "&amp;".
(The staff web pages, templates/web/, are rendered by Flask's own environment,
set up alike in intake.web: same folder, StrictUndefined, HTML escaped.)
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


def long_date(value: dt.date | dt.datetime) -> str:
    """Format a date the way letters to the public write it: Wednesday 30 December 2026."""
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()  # a missing date is a missing variable, not a TypeError
    return f"{value:%A} {value.day} {value:%B %Y}"


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith((".html.j2", ".html"))


@lru_cache(maxsize=4)
def environment(templates_dir: Path = TEMPLATES_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        undefined=jinja2.StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Templates ship with the code and change only with a deploy; checking each file's
        # mtime on every get_template (and every {% include %}) cost more than some renders.
        auto_reload=False,
    )
    env.filters["long_date"] = long_date
    return env


def render(template_name: str, /, **context: Any) -> str:
    """Render one template; a missing variable raises jinja2.UndefinedError."""
    return environment().get_template(template_name).render(**context)
