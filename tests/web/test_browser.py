"""The staff web app in real headless Chromium (Playwright driving Debian's chromium), served
by the same waitress server `intake web` runs: sign in, the queue in order, a safeguarding case,
reclassify, override eligibility, send an acknowledgement, extend a deadline. Screenshots of the
queue, a case page and the manager's view are saved under test-artifacts/."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.db.models import Case, Deadline, OutboxMessage
from tests.web.conftest import PASSWORD, WebApp

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (scripts/test installs it)")


@pytest.fixture
def server(web: WebApp) -> Iterator[str]:
    from waitress import create_server

    server = create_server(web.app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://localhost:{server.effective_port}"
    server.close()


@pytest.fixture
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def sign_in(browser: object, base: str, username: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{base}/queue")
    assert "/login" in page.url
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/queue")
    return page


def open_section(page, summary: str) -> None:  # type: ignore[no-untyped-def]
    """Open a folded section of the case page (some open by themselves when they need attention)."""
    section = page.locator("details", has=page.locator("summary", has_text=summary))
    if section.get_attribute("open") is None:
        section.locator("summary").click()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_officer_works_a_safeguarding_case_in_the_browser(web: WebApp, server: str, browser: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = sign_in(browser, server, "olivia")
    rows = page.locator("table.queue tbody tr")
    assert rows.count() >= 6
    safeguarding = web.reference("please help")
    assert safeguarding in rows.first.inner_text() and "Safeguarding" in rows.first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)

    page.get_by_role("link", name=safeguarding).click()
    page.wait_for_url(f"{server}/cases/{safeguarding}")
    assert page.get_by_role("alert").first.is_visible()
    assert "mark on my arm" in page.locator("#message-text").inner_text()
    page.screenshot(path=str(ARTIFACTS / "case.png"), full_page=True)

    # Reclassify: a young person's complaint, not out of scope.
    open_section(page, "Change category or flags")
    page.get_by_label("What to change").select_option("category")
    page.get_by_label("New value").select_option("complaint")
    page.get_by_label("Reason", exact=True).first.fill("a young person complaining about their placement")
    page.get_by_role("button", name="Save the change").click()
    assert "category changed to complaint" in page.get_by_role("status").inner_text()

    # Eligibility: the officer decides it is eligible.
    open_section(page, "Confirm or change eligibility")
    page.locator("#e-decision").select_option("eligible")
    page.locator("#e-reason").fill("the young person complains about their own care")
    page.get_by_role("button", name="Record the decision").click()
    assert "Eligibility recorded: eligible" in page.get_by_role("status").inner_text()

    # The held acknowledgement: preview, then send.
    page.get_by_role("link", name="Preview and send the acknowledgement").click()
    assert safeguarding in page.locator("#preview").inner_text()
    page.get_by_role("button", name="Send this acknowledgement").click()
    assert "Acknowledgement queued" in page.get_by_role("status").inner_text()

    with web.session() as session:
        case = session.scalar(select(Case).where(Case.reference == safeguarding))
        assert case is not None and case.category == "complaint" and case.eligibility_decision == "eligible"
        assert session.scalar(select(OutboxMessage.id).where(OutboxMessage.case_id == case.id,
                                                             OutboxMessage.purpose == "acknowledgement"))


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_manager_extends_a_deadline_and_sees_the_figures(web: WebApp, server: str, browser: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    reference = web.reference("social worker cancelling visits")
    page = sign_in(browser, server, "mo")
    page.goto(f"{server}/cases/{reference}")
    open_section(page, "Extend a deadline")
    page.locator("#x-deadline").select_option("stage1_response")
    page.locator("#x-reason").fill("three teams and the IRO must be asked")
    page.get_by_role("button", name="Extend").click()
    assert "extended to" in page.get_by_role("status").inner_text()
    with web.session() as session:
        row = session.scalar(select(Deadline).join(Case).where(Case.reference == reference,
                                                                Deadline.deadline == "stage1_response"))
        assert row is not None and row.extended

    page.get_by_role("link", name="Manager's view").click()
    assert page.locator("svg[role=img]").count() >= 4
    assert page.get_by_text("safeguarding cases open").is_visible()
    page.screenshot(path=str(ARTIFACTS / "manager.png"), full_page=True)
