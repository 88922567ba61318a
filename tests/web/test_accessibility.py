"""Issue #8: the staff web app is usable by keyboard and screen reader, with enough contrast.

Every page is checked in real headless Chromium (Debian's, through Playwright) by axe-core
(the copy bundled in the axe-playwright-python package) against the WCAG 2.0/2.1 A and AA
rules and axe's best practices: a serious or critical violation fails, the rest are printed.
Then the keyboard alone: the skip link, the tab order of the queue, a folded section of a
case page opened, filled and submitted with the result announced, and signing in."""

from __future__ import annotations

import re

import pytest

from intake.staff_actions import listing
from tests.support.scanned_letters import Letter, typed_pdf
from tests.web.conftest import PASSWORD, WebApp, signed_in
from tests.web.test_browser import CHROMIUM, browser, server, sign_in  # noqa: F401  (fixtures)

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (scripts/test installs it)"),
              pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, heading order...).
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}


def axe_check(page, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Run axe on the page as it is now; fail on serious or critical violations, print and return the rest."""
    results = axe_sync.Axe().run(page, options=AXE_OPTIONS)
    lines, blocking = [], []
    for violation in results.response["violations"]:
        targets = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        line = f"{name}: {violation['id']} ({violation['impact']}) {violation['help']} – {targets}"
        (blocking if violation["impact"] in BLOCKING else lines).append(line)
    for line in lines:
        print("axe:", line)
    assert not blocking, "\n".join(blocking)
    return lines


def open_all_sections(page) -> None:  # type: ignore[no-untyped-def]
    page.eval_on_selector_all("details", "all => all.forEach(d => d.open = true)")


def focused(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return page.evaluate("""() => {
        const e = document.activeElement;
        return {tag: e.tagName.toLowerCase(), id: e.id || '', text: (e.innerText || e.value || '').trim(),
                name: e.getAttribute('name') || '', href: e.getAttribute('href') || ''};
    }""")


def tab_until(page, matches, limit: int = 40) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element matches; fail if it takes more than `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
    raise AssertionError(f"Tab never reached the element; last was {element}")


@pytest.fixture
def automated_id(web: WebApp) -> int:
    """A message of the demo mail kept as automated mail (no case), for its own page."""
    with web.session() as session:
        waiting = listing.automated(session)
    assert waiting, "the demo mail has no automated message"
    return waiting[0].id


@pytest.fixture
def letter_reference(web: WebApp) -> str:
    """A posted letter added by hand, so the letters page has a letter to print (and its case a scan)."""
    from tests.web.test_letters_page import upload

    page = upload(signed_in(web, "olivia"), typed_pdf(Letter()), "letter.pdf", received="2026-12-21")
    found = re.search(r"Letter added: case (CSC-\d{4}-\d{4})", page)
    assert found, page[:2000]
    return found.group(1)


def test_every_page_passes_axe(web: WebApp, server: str, browser: object,  # noqa: F811
                               automated_id: int, letter_reference: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{server}/login")
    reported = axe_check(page, "/login")
    page.get_by_label("Username").fill("olivia")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    reported += axe_check(page, "/login (a problem)")
    page.close()

    page = sign_in(browser, server, "olivia")
    reported += axe_check(page, "/queue")
    page.goto(f"{server}/queue?category=complaint&overdue=1")
    reported += axe_check(page, "/queue (filtered)")

    safeguarding = web.reference("please help")
    page.goto(f"{server}/cases/{safeguarding}")
    open_all_sections(page)
    reported += axe_check(page, f"/cases/{safeguarding} (safeguarding, every section open)")

    # The demo's only held acknowledgement is the safeguarding case's, out of scope: first the refusal...
    page.goto(f"{server}/cases/{safeguarding}?preview=acknowledgement")
    reported += axe_check(page, f"/cases/{safeguarding}?preview=acknowledgement (refused)")
    # ...then, once it is a complaint, the preview (and the complaint's own sections).
    page.get_by_label("What to change").select_option("category")
    page.get_by_label("New value").select_option("complaint")
    page.locator("#r-reason").fill("a young person complaining about their placement")
    page.get_by_role("button", name="Save the change").click()
    assert "category changed to complaint" in page.get_by_role("status").inner_text()
    reported += axe_check(page, f"/cases/{safeguarding} (after a change)")
    page.goto(f"{server}/cases/{safeguarding}?preview=acknowledgement")
    assert page.locator("#preview").is_visible()
    open_all_sections(page)
    reported += axe_check(page, f"/cases/{safeguarding}?preview=acknowledgement")

    complaint = web.reference("social worker cancelling visits")
    page.goto(f"{server}/cases/{complaint}")
    open_all_sections(page)
    reported += axe_check(page, f"/cases/{complaint} (a complaint, every section open)")

    for path in ("/messages/automated", "/messages/quarantined", f"/messages/{automated_id}", "/letters",
                 f"/cases/{letter_reference}"):
        page.goto(f"{server}{path}")
        reported += axe_check(page, path)
    page.close()

    page = sign_in(browser, server, "mo")
    page.goto(f"{server}/manager")
    reported += axe_check(page, "/manager")
    page.goto(f"{server}/cases/{safeguarding}")
    open_all_sections(page)
    reported += axe_check(page, f"/cases/{safeguarding} (as a manager)")
    print(f"axe: {len(reported)} minor or moderate findings")


def test_the_queue_by_keyboard(web: WebApp, server: str, browser: object) -> None:  # noqa: F811
    page = sign_in(browser, server, "olivia")
    page.goto(f"{server}/queue")  # afresh: nothing focused yet
    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["text"] == "Skip to main content" and skip["href"] == "#main", skip
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # shown on screen when focused
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    # From main: the filter form, control by control, then the first case in the queue.
    order = []
    for _ in range(7):
        page.keyboard.press("Tab")
        element = focused(page)
        order.append(element["id"] or element["name"] or element["text"])
    first_case = web.reference("please help")
    assert order == ["f-category", "f-stage", "f-status", "f-officer", "overdue", "Filter", first_case], order

    # The filter works from the keyboard: tick "Overdue only" with Space, submit with Enter.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["name"] == "overdue"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/queue?*overdue=1*")

    page.goto(f"{server}/queue")
    page.get_by_role("link", name=first_case).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/cases/{first_case}")


def test_a_note_added_by_keyboard_alone(web: WebApp, server: str, browser: object) -> None:  # noqa: F811
    reference = web.reference("social worker cancelling visits")
    page = sign_in(browser, server, "olivia")
    page.goto(f"{server}/cases/{reference}")
    note = page.locator("details", has=page.locator("summary", has_text="Add a note"))
    assert note.get_attribute("open") is None and not page.locator("#n-text").is_visible()

    tab_until(page, lambda e: e["tag"] == "summary" and e["text"] == "Add a note", limit=60)
    page.keyboard.press("Enter")
    assert note.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "n-text"
    page.keyboard.type("rang the complainant; she will send the visit dates")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Add the note"
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    status = page.get_by_role("status")
    assert status.inner_text() == "Note added"
    # The result is read out: the banner takes focus when the page loads.
    assert page.evaluate("document.activeElement.getAttribute('role')") == "status"
    assert "rang the complainant" in page.locator(".trail").inner_text()

    # Space opens a folded section too, and a select can be worked with the arrow keys.
    steps = page.locator("details", has=page.locator("summary", has_text="Record a step"))
    tab_until(page, lambda e: e["tag"] == "summary" and e["text"] == "Record a step", limit=60)
    page.keyboard.press("Space")
    assert steps.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "s-event"


def test_sign_in_by_keyboard_alone(web: WebApp, server: str, browser: object) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(f"{server}/login")
    assert focused(page)["id"] == "username"  # autofocus: the page's one job
    page.keyboard.type("olivia")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "not right" in alert.inner_text()
    assert page.locator("#username").get_attribute("aria-describedby") == "problem"

    # Back in the username (kept as typed), on to the password again, then the button.
    assert focused(page)["id"] == "username" and page.locator("#username").input_value() == "olivia"
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Sign in"
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/queue")
    assert page.locator("nav a[aria-current=page]").inner_text() == "Queue"


# The ring each focused control shows: its outline or its box-shadow must be at least 2px and contrast
# 3:1 (WCAG 1.4.11) with whatever is behind the control.
FOCUS_RING = """() => {
  const e = document.activeElement, style = getComputedStyle(e);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let behind = e.parentElement, bg = 'rgb(255, 255, 255)';
  while (behind) { const c = getComputedStyle(behind).backgroundColor;
    if (rgb(c).length === 3 || rgb(c)[3] > 0) { bg = c; break; } behind = behind.parentElement; }
  const rings = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) rings.push(ratio(style.outlineColor, bg));
  for (const m of style.boxShadow.matchAll(/(rgba?\\([^)]*\\))\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px\\s+(-?[\\d.]+)px/g))
    if (parseFloat(m[5]) >= 2) rings.push(ratio(m[1], bg));
  return {what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.innerText || e.name || '').trim().slice(0, 40),
          best: Math.max(0, ...rings)};
}"""


def test_every_control_shows_its_focus(web: WebApp, server: str, browser: object,  # noqa: F811
                                       letter_reference: str) -> None:
    page = sign_in(browser, server, "mo")
    paths = ["/queue", f"/cases/{web.reference('please help')}", "/manager", "/letters", "/messages/automated"]
    seen = 0
    for path in paths:
        page.goto(f"{server}{path}")
        open_all_sections(page)
        start = None
        for _ in range(120):
            page.keyboard.press("Tab")
            ring = page.evaluate(FOCUS_RING)
            if ring["what"] == start:
                break  # round the page once
            start = start or ring["what"]
            if ring["what"].startswith("body"):
                continue
            seen += 1
            assert ring["best"] >= 3, f"{path}: {ring['what']} has no visible focus ({ring['best']:.2f}:1)"
    assert seen > 60
