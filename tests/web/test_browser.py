"""The web app in a real browser: Debian's Chromium driven by Playwright against `askback serve`.

Only what needs a browser is here: htmx behaviour, autosave, keyboard use, a killed server,
escaping as the browser sees it, and the README's screenshots (written to docs/screenshots
when ASKBACK_SCREENSHOTS=1, else to a temporary folder so a test run leaves the repo clean).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx
import pytest
from embedders import copy_shipped_vectors

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (make test installs it)")
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SAVED = re.compile(r"^saved \d\d:\d\d:\d\d$")

pytestmark = [
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium"
    ),
    pytest.mark.slow,
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    """``askback serve`` in its own process, as a user starts it."""

    home: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "ASKBACK_HOME": str(self.home)}
        env.pop("ASKBACK_DATABASE_URL", None)
        if self.log is not None:
            self.log.close()
        self.log = (self.home.parent / f"serve-{self.port}.log").open("ab")
        command = [sys.executable, "-m", "askback", "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"askback serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError(f"askback serve did not answer in 30 s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing; what is on disk is all there is."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.log is not None:
            self.log.close()

    def output(self) -> str:
        if self.log is not None:
            self.log.flush()
        return (self.home.parent / f"serve-{self.port}.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_home: Path) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("serve") / "home")
    running.home.mkdir()
    copy_shipped_vectors(demo_home, running.home)  # a machine that has used askback before
    running.start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("ASKBACK_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


class Problems:
    """JavaScript errors and refused resources (CSP): a page that logs one is broken somewhere."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.expected: list[re.Pattern[str]] = []

    def watch(self, page: Page) -> Page:
        page.on("pageerror", lambda error: self.seen.append(f"page error: {error}"))
        page.on("console", lambda m: self.note(m.text) if m.type == "error" else None)
        return page

    def note(self, text: str) -> None:
        if not any(p.search(text) for p in self.expected):
            self.seen.append(f"console: {text}")


@pytest.fixture
def problems() -> Iterator[Problems]:
    found = Problems()
    yield found
    assert found.seen == []


def open_page(browser: Browser, problems: Problems, **options: Any) -> Page:
    context = browser.new_context(viewport=DESKTOP, **options)
    context.set_default_timeout(10_000)
    return problems.watch(context.new_page())


def research(page: Page, slug: str, source: str | None = None) -> None:
    """Start research from a company's card and wait until it is done."""
    card = page.locator(f"#c-{slug}")
    if source is not None:
        card.get_by_label("Research from a site or a folder").fill(source)
    card.get_by_role("button", name="Research").click()
    expect(card.locator(".job")).to_be_visible()
    expect(card.locator(".job-done")).to_be_visible(timeout=120_000)


def test_the_whole_flow(server: Server, browser: Browser, problems: Problems, shots: Path) -> None:
    page = open_page(browser, problems)

    # Companies: add the demo company, research it and watch its progress.
    page.goto(server.url + "/")
    page.get_by_role("button", name="Add the demo company").click()
    research(page, "northwind-relay")
    done = page.locator("#c-northwind-relay .job-done")
    expect(done).to_contain_text("16 pages read")
    done.get_by_role("link", name="See the facts").click()
    expect(page.get_by_role("heading", name="What Northwind Relay says about itself")).to_be_visible()
    expect(page.locator(".topic").first).to_be_visible()

    # Profile: one more priority.
    page.get_by_role("link", name="Profile").click()
    page.get_by_label("Remote work").fill("2")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()

    # Plan builder: interviewer, stage, minutes; then reorder, swap, remove and add, by keyboard where it matters.
    page.goto(server.url + "/plans/new?company=northwind-relay")
    page.get_by_label("Interviewer").select_option("hiring-manager")
    page.get_by_label("Stage").select_option("team")
    page.get_by_label("Minutes").fill("15")
    page.get_by_role("button", name="Build the plan").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+$"))
    plan_url = page.url
    main = page.locator("#plan-items ol.items:not(.backups) > li")
    expect(main).to_have_count(6)
    first, second = main.nth(0).locator(".item-text").inner_text(), main.nth(1).locator(".item-text").inner_text()
    main.nth(1).get_by_role("button", name=re.compile("^Move up")).focus()
    page.keyboard.press("Enter")
    expect(main.nth(0).locator(".item-text")).to_have_text(second)
    expect(main.nth(1).locator(".item-text")).to_have_text(first)
    # The focus comes back after htmx settles the swap, a moment after the new text shows.
    page.wait_for_function("document.activeElement && document.activeElement.closest('li') !== null")
    focused = page.evaluate("document.activeElement.closest('li').querySelector('.item-text').textContent")
    assert focused == second  # the keyboard stays with the question it moved

    backup = page.locator(".backups > li").first
    backup_text = backup.locator(".item-text").inner_text()
    backup.get_by_role("button", name=re.compile("^Swap in")).click()
    expect(main.locator(".item-text", has_text=backup_text)).to_have_count(1)

    removed = main.nth(5).locator(".item-text").inner_text()
    main.nth(5).get_by_role("button", name=re.compile("^Remove")).click()
    expect(main).to_have_count(5)
    expect(main.locator(".item-text", has_text=removed)).to_have_count(0)

    own = "How did last November's routing outage change the way on-call works for this team?"
    page.get_by_label("Your question").fill(own)
    expect(page.locator("#lint-verdict")).to_contain_text(
        re.compile("Looks good|Could be better|linter unavailable"), timeout=60_000
    )
    page.get_by_role("button", name="Add to the plan").click()
    expect(main).to_have_count(6)
    expect(main.nth(5).locator(".item-text")).to_have_text(own)
    expect(page.get_by_label("Your question")).to_have_value("")
    page.screenshot(path=str(shots / "plan-builder.png"), full_page=True, clip={"x": 0, "y": 0, **DESKTOP})

    # Live: tick with the keyboard, type notes, find a follow-up, start the timer.
    page.get_by_role("link", name="Live", exact=True).click()
    cards = page.locator("ol.questions:not(.backups) > li.q")
    expect(cards).to_have_count(6)
    page.keyboard.press("j")
    page.keyboard.press("a")
    expect(cards.nth(0).locator('button[id^="asked-"]')).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("j")
    page.keyboard.press("n")
    note = "Six people: two seniors, three mids, one junior; the newest joined in May."
    page.keyboard.type(note, delay=5)
    expect(cards.nth(1).locator(".save-state")).to_have_text(SAVED, timeout=5_000)
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("c")
    expect(cards.nth(2).locator('button[id^="covered-"]')).to_have_attribute("aria-pressed", "true")
    page.get_by_role("textbox", name="General notes").fill("Next step: a call with the team lead on Thursday.")
    expect(page.locator("#notes .save-state")).to_have_text(SAVED, timeout=5_000)
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.keyboard.type("on-call rota")
    expect(page.locator("#related li").first).to_be_visible()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    expect(page.locator("#related li")).to_have_count(0)
    page.keyboard.press("Escape")
    page.keyboard.press("t")
    expect(page.locator("#timer-toggle")).to_have_text("Pause")
    for viewport, name in ((DESKTOP, "live-view.png"), (PHONE, "live-view-phone.png")):
        page.set_viewport_size(viewport)
        page.evaluate("document.activeElement.blur()")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.screenshot(path=str(shots / name), full_page=True, clip={"x": 0, "y": 0, **viewport})
    page.set_viewport_size(DESKTOP)

    # Reload: ticks and notes come from the server.
    page.reload()
    expect(cards.nth(0).locator('button[id^="asked-"]')).to_have_attribute("aria-pressed", "true")
    expect(cards.nth(2).locator('button[id^="covered-"]')).to_have_attribute("aria-pressed", "true")
    expect(cards.nth(1).locator("textarea")).to_have_value(note)
    expect(page.get_by_role("textbox", name="General notes")).to_have_value(
        "Next step: a call with the team lead on Thursday."
    )

    # Short on time: the planner's pick is highlighted, the rest dimmed.
    plan_id = plan_url.rsplit("/", 1)[1]
    page.evaluate(
        "([key, ms]) => localStorage.setItem(key, JSON.stringify({elapsed: ms, startedAt: null}))",
        [f"askback:timer:{plan_id}", (15 - 3) * 60_000],
    )
    page.reload()
    expect(page.locator("#timer-left")).to_have_text("3:00")
    expect(page.locator("#timer-advice")).to_contain_text("Keep the highlighted one")
    expect(page.locator(".q.keep")).to_have_count(1)
    expect(page.locator(".q.drop")).to_have_count(3)

    # After: an answer with a rating, and a rating per category.
    page.get_by_role("link", name="After", exact=True).click()
    answer = page.locator("li.answer").first
    answer.get_by_label("Their answer").fill("Two seniors, three mids and a junior who joined in May.")
    answer.get_by_role("radio", name="4", exact=True).check()
    answer.get_by_role("button", name="Save answer").click()
    expect(answer.locator(".save-state")).to_have_text("saved · rated 4")
    page.get_by_role("group", name="People").get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("button", name="Save ratings").click()
    expect(page.get_by_text("Ratings saved.")).to_be_visible()
    expect(page.get_by_role("group", name="People").get_by_role("radio", name="4", exact=True)).to_be_checked()
    expect(page.locator("li.answer").first.get_by_label("Their answer")).to_have_value(
        "Two seniors, three mids and a junior who joined in May."
    )

    # Print: the cheat sheet, on paper and as a PDF.
    page.get_by_role("link", name="Print", exact=True).click()
    expect(page.locator(".sheet-questions > li")).to_have_count(6)
    expect(page.locator(".sheet-questions")).to_contain_text(own)
    page.emulate_media(media="print")
    expect(page.locator(".sheet-tools")).to_be_hidden()
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF") and download.value.suggested_filename.endswith("-northwind-relay.pdf")
    page.context.close()


def test_a_script_in_a_researched_page_is_shown_as_text(
    server: Server, browser: Browser, problems: Problems, tmp_path: Path
) -> None:
    from askback.research.service import research as run_research
    from askback.runtime import Runtime, no_model

    site = tmp_path / "site"
    site.mkdir()
    (site / "values.html").write_text(
        "<!doctype html><html><head><title>Values</title></head><body><main><h1>Our values</h1>"
        "<p>We value transparency: every engineer can read the roadmap and the incident reviews.</p>"
        "<p>Our values say we write <script>alert('raw')</script> code that customers trust.</p>"
        "<p>Each engineer gets a learning budget of $2,000 a year for "
        "&lt;script&gt;alert('xss')&lt;/script&gt; courses and books.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )

    # Topics by keyword: this test is about what the browser shows.
    runtime = Runtime.open(f"sqlite:///{server.home / 'askback.db'}", load_embedder=no_model)
    run_research(runtime, "Scripted Inc", [str(site)])
    runtime.close()

    page = open_page(browser, problems)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(server.url + "/")
    page.locator("#c-scripted-inc").get_by_role("link", name=re.compile("facts$")).click()
    quote = page.locator("blockquote", has_text="learning budget")
    expect(quote).to_contain_text("for <script>alert('xss')</script> courses and books.")
    assert page.locator("main script").count() == 0
    page.reload()
    page.wait_for_timeout(300)
    assert dialogs == []
    page.context.close()


def test_pages_fit_a_phone_and_work_without_javascript(server: Server, browser: Browser, problems: Problems) -> None:
    from askback.plan.service import prepare
    from askback.runtime import Runtime, no_model

    runtime = Runtime.open(f"sqlite:///{server.home / 'askback.db'}", load_embedder=no_model)
    plan = prepare(runtime, "Phone Co", interviewer="recruiter", minutes=10)
    runtime.close()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = problems.watch(context.new_page())
    for path in (
        "/",
        "/profile",
        "/plans",
        "/plans/new",
        "/companies/phone-co",
        *(f"/plans/{plan.id}{suffix}" for suffix in ("", "/live", "/after", "/print")),
    ):
        page.goto(server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path

    page.goto(f"{server.url}/plans/{plan.id}/live")
    card = page.locator("li.q").first
    card.get_by_role("button", name="Asked").click()
    expect(page.locator("li.q").first.get_by_role("button", name="Asked")).to_have_attribute("aria-pressed", "true")
    page.locator("li.q").first.locator("textarea").fill("Typed without JavaScript.")
    page.locator("li.q").first.get_by_role("button", name="Save note").click()
    expect(page.locator("li.q").first.locator("textarea")).to_have_value("Typed without JavaScript.")
    page.get_by_role("searchbox", name="Follow-up finder").fill("salary band")
    page.get_by_role("button", name="Find").click()
    expect(page.locator("#related li").first).to_be_visible()
    context.close()


def test_a_killed_server_loses_at_most_the_last_two_seconds(
    browser: Browser, problems: Problems, tmp_path: Path
) -> None:
    from askback.plan.service import prepare
    from askback.runtime import Runtime, no_model

    home = tmp_path / "home"
    runtime = Runtime.open(f"sqlite:///{home / 'askback.db'}", load_embedder=no_model)
    plan = prepare(runtime, "Acme Robotics", interviewer="peer", minutes=10)
    runtime.close()
    server = Server(home)
    server.start()
    try:
        page = open_page(browser, problems)
        page.goto(f"{server.url}/plans/{plan.id}/live")
        card = page.locator("li.q").first
        state = card.locator(".save-state")
        card.locator("textarea").click()
        typed = "The manager has eight reports"
        page.keyboard.type(typed, delay=10)
        page.wait_for_timeout(2_000)
        page.keyboard.type(" and", delay=0)
        server.kill()  # while typing: " and" is not saved yet

        # The page says so and keeps trying.
        page.keyboard.type(" will hire two more in spring.", delay=0)
        problems.expected.append(re.compile("ERR_CONNECTION_REFUSED"))  # the point of this test
        expect(state).to_contain_text("not saved, retrying", timeout=5_000)

        server.start()
        fresh = open_page(browser, problems)
        fresh.goto(f"{server.url}/plans/{plan.id}/live")
        assert fresh.locator("li.q").first.locator("textarea").input_value().startswith(typed)
        fresh.context.close()

        # The retry delivers the rest once the server is back.
        expect(state).to_have_text(SAVED, timeout=20_000)
        again = open_page(browser, problems)
        again.goto(f"{server.url}/plans/{plan.id}/live")
        expect(again.locator("li.q").first.locator("textarea")).to_have_value(
            typed + " and will hire two more in spring."
        )
        again.context.close()
        page.context.close()
    finally:
        server.stop()
