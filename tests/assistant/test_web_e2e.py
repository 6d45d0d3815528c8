"""The real page in headless Debian Chromium: a table, a why and an unanswerable question; XSS."""

from __future__ import annotations

import contextlib
import re
import shutil
import socket

import pytest

from assistant.service import Assistant
from assistant.web_limits import Limits
from index.settings import load_settings

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


ROOMY = Limits(per_minute=6000, burst=1000)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seed_store):
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian chromium is required for the browser tests (.ci/run installs it)")
    from assistant.web import serve

    port = _free_port()  # one browser asks every question of this module: its rate is not what is tested
    demo = serve(Assistant(store=seed_store, settings=load_settings()), port=port, block=False, limits=ROOMY)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1400})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs
        page.goto(server, wait_until="load")
        page.wait_for_selector("#bq-input textarea", timeout=60000)
        yield page
        browser.close()


def ask(page, question: str) -> str:
    before = page.locator("#bq-chat .bq-msg").count()
    page.fill("#bq-input textarea", question)
    page.click("#bq-send")
    page.wait_for_function(f"document.querySelectorAll('#bq-chat .bq-msg').length > {before}", timeout=30000)
    return last(page).inner_text()  # the chat runs in time order: the newest answer is at the bottom


def last(page):
    return page.locator("#bq-chat .bq-msg").last


def test_table_question_shows_highlighted_cell(page, tmp_path):
    text = ask(page, "一般公共服务支出的基本支出是多少")
    assert "1104.72万元" in text
    last(page).locator("details.bq-chip summary").first.click()
    cell = page.locator("details.bq-chip[open] td.hl-cell").first
    assert cell.inner_text() == "1104.72"
    assert "一般公共服务支出" in page.locator("details.bq-chip[open] tr.hl-row").first.inner_text()
    shot = tmp_path / "answer.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_why_question_quotes_the_reason(page):
    text = ask(page, "项目支出为何减少")
    assert "79.9" in text and "不包含市财政" in text
    last(page).locator("details.bq-chip summary").nth(1).click()
    assert page.locator("details.bq-chip[open] mark").count() >= 1


def test_unanswerable_question_abstains(page):
    text = ask(page, "北京市教育局2024年的预算是多少")
    assert "没有" in text
    assert page.locator(".bq-abstain").count() >= 1


@pytest.mark.parametrize("evil", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"])
def test_xss_is_shown_as_text(page, evil):
    ask(page, evil)
    assert evil in page.locator("#bq-chat").inner_text()
    assert page.dialogs == []


def test_a_conversation_follows_up_in_time_order(page):
    page.click("#bq-clear")
    page.wait_for_function("document.querySelectorAll('#bq-chat .bq-msg').length == 0", timeout=30000)
    assert "433.00" in ask(page, "项目支出是多少？")
    assert "512.90" in ask(page, "那去年呢？")  # the subject carried from the turn before
    assert "不包含市财政" in ask(page, "为什么？")  # and its change's reason quoted
    questions = page.locator("#bq-chat .bq-q").all_inner_texts()
    assert [q.removeprefix("问：") for q in questions] == ["项目支出是多少？", "那去年呢？", "为什么？"]
    box = last(page).bounding_box()
    assert box is not None and box["y"] < page.viewport_size["height"]  # scrolled into view


def _post(url: str, body: bytes) -> tuple[int, dict]:
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url + "api/ask", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as err:
        return err.code, json.load(err)


def test_json_api_answers_and_follows_up(server):
    import json

    status, first = _post(server, json.dumps({"question": "项目支出是多少？"}).encode())
    assert status == 200 and first["value"] == 433.0 and first["citations"][0]["kind"] == "cell"
    assert first["plan"]["parts"][0]["op"] == "lookup"
    body = json.dumps({"question": "那去年呢？", "previous": first["turn"]}).encode()
    status, then = _post(server, body)
    assert status == 200 and then["value"] == 512.9 and "上年" in then["text"]


@pytest.mark.parametrize(("body", "status", "said"), [
    (b"not json", 400, "JSON"),
    (b'{"question": ""}', 400, "question"),
    (b'["a"]', 400, "JSON 对象"),
    (b'{"question": "x", "previous": 3}', 400, "previous"),
    (b'{"question": "' + "问".encode() * 2000 + b'"}', 413, "过大"),
])
def test_json_api_rejects_bad_requests(server, body, status, said):
    got, found = _post(server, body)
    assert got == status and said in found["error"]


def _status(url: str, data: bytes | None = None, headers: dict | None = None) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


_FORM = (b'--x\r\nContent-Disposition: form-data; name="files"; filename="a.bin"\r\n\r\n'
         + b"a" * 1000 + b"\r\n--x--\r\n")


@pytest.mark.parametrize(("path", "data", "expect"), [
    ("gradio_api/upload", _FORM, 404),  # no file can be stored through the page
    ("upload", _FORM, 404),
    ("gradio_api/file=/etc/passwd", None, 404),  # nor read
    ("file=/etc/passwd", None, 404),
    ("monitoring", None, 404),
    ("gradio_api/vibe-code", None, 404),
    ("login", b"", 404),
    ("", None, 200),  # the page and what it loads
    ("config", None, 200),
    ("theme.css", None, 200),
    ("api/documents", None, 200),
])
def test_the_server_answers_only_the_page_and_its_api(server, path, data, expect):
    headers = {"Content-Type": "multipart/form-data; boundary=x"} if data == _FORM else {}
    assert _status(server + path, data, headers) == expect


@contextlib.contextmanager
def another_page(page, assistant: Assistant, staff: bool = False):
    """The module's browser on a page of another server (its own store or settings), ready to ask."""
    from assistant.web import serve

    port = _free_port()
    running = serve(assistant, port=port, block=False, limits=ROOMY, staff=staff)
    other = page.context.browser.new_page()  # the module's browser, another server
    try:
        other.goto(f"http://127.0.0.1:{port}/", wait_until="load")
        other.wait_for_selector("#bq-input textarea", timeout=60000)
        yield other
    finally:
        other.close()
        running.close()


def test_a_document_ingested_while_the_page_runs_appears(page, tmp_path):
    from index.ingest import ingest_paths
    from index.sqlite_store import SQLiteStore
    from tests.conftest import SAMPLES, SEED

    store = SQLiteStore(tmp_path / "store.sqlite3")
    ingest_paths([SEED], store)
    with another_page(page, Assistant(store=store, settings=load_settings())) as other:
        assert "建设和管理委员会" not in other.content()
        ingest_paths([SAMPLES / "text" / "shanghai_putuo_jgw_2026_budget.txt"], store)
        other.reload(wait_until="load")
        other.wait_for_function("document.body.innerText.includes('建设和管理委员会')", timeout=30000)


def test_a_choice_asks_again_of_the_disclosure_clicked(page, sample_store):
    with another_page(page, Assistant(store=sample_store, settings=load_settings())) as other:
        other.fill("#bq-input textarea", "支出总计是多少")
        other.click("#bq-send")
        other.wait_for_selector("button.bq-choice", timeout=30000)
        assert "--doc" not in other.locator("#bq-chat").inner_text()
        other.locator("button.bq-choice", has_text="石家庄市总工会").click()
        other.wait_for_function("document.querySelectorAll('#bq-chat .bq-q').length == 2", timeout=30000)
        assert "4154.03万元" in other.locator("#bq-chat .bq-msg").last.inner_text()


_CONTRAST = """() => {
  const lum = (rgb) => { const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let worst = 21;
  for (const el of document.querySelectorAll('#bq-chat .bq-msg, #bq-chat .bq-text, #bq-chat .bq-choice')) {
    const s = getComputedStyle(el);
    let bg = s.backgroundColor, p = el;
    while (bg === 'rgba(0, 0, 0, 0)' && p.parentElement) {
      p = p.parentElement; bg = getComputedStyle(p).backgroundColor; }
    const [a, b] = [lum(s.color), lum(bg)].sort((x, y) => y - x);
    worst = Math.min(worst, (a + 0.05) / (b + 0.05));
  }
  return worst;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_readable_on_every_screen(page, server, tmp_path, scheme, width):
    other = page.context.browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    try:
        other.goto(f"{server}?__theme={scheme}", wait_until="load")
        other.wait_for_selector("#bq-input textarea", timeout=60000)
        other.fill("#bq-input textarea", "基本支出和项目支出各是多少？一般公共服务支出的基本支出是多少")
        other.click("#bq-send")
        other.wait_for_selector("#bq-chat .bq-a", timeout=30000)
        other.locator("details.bq-chip summary").first.click()
        shot = tmp_path / f"{scheme}-{width}.png"
        other.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        overflow = other.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{overflow}px wider than the {width}px screen"
        assert other.evaluate(_CONTRAST) >= 4.5  # WCAG AA for text
        if scheme == "dark":
            assert other.evaluate("() => document.body.classList.contains('dark') || "
                                  "!!document.querySelector('.dark')")
    finally:
        other.close()


def test_feedback_is_recorded_for_staff(page, seed_store, tmp_path):
    from assistant.feedback import read
    from index.settings import Settings

    settings = Settings(home=tmp_path, embed_model=None, models_home=load_settings().models_home)
    with another_page(page, Assistant(store=seed_store, settings=settings)) as other:
        other.fill("#bq-input textarea", "项目支出是多少")
        other.click("#bq-send")
        other.wait_for_selector("#bq-chat .bq-feedback", timeout=30000)
        other.fill("#bq-chat .bq-comment", "<b>数字</b>对吗")
        other.click("#bq-chat .bq-vote[data-vote='down']")
        other.wait_for_function("document.querySelector('.bq-thanks').textContent.includes('已收到')")
    [entry] = read(tmp_path)
    assert entry["vote"] == "down" and entry["comment"] == "<b>数字</b>对吗"
    assert entry["question"] == "项目支出是多少" and "433.00" in entry["answer"]


@pytest.mark.parametrize(("body", "said"), [
    (b'{"vote": "maybe", "question": "q"}', "vote"),
    (b'{"vote": "up"}', "question"),
    (b'{"vote": "up", "question": "q", "comment": "' + "长".encode() * 600 + b'"}', "过长"),
])
def test_bad_feedback_is_refused(server, body, said):
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(server + "api/feedback", data=body, headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 400 and said in json.load(info.value)["error"]


def test_the_public_page_has_no_audit_view(page):
    """The audit is for staff (`serve --staff`): the public page shows only the chat."""
    assert page.get_by_role("tab", name="问答").count() == 1
    assert page.get_by_role("tab", name="一致性审计（工作人员）").count() == 0


def test_the_audit_tab_sorts_and_filters(page, sample_store):
    with another_page(page, Assistant(store=sample_store, settings=load_settings()), staff=True) as other:
        other.get_by_role("tab", name="一致性审计（工作人员）").click()
        other.get_by_label("文档").click()
        other.get_by_role("option", name=re.compile("规划和自然资源局")).click()
        other.wait_for_selector("table.bq-audit", timeout=30000)
        problems = other.locator("table.bq-audit").first
        other.locator("table.bq-audit").first.locator("th", has_text="差额").click()

        def differences() -> list[float]:
            return [float(t) for t in problems.locator("tbody tr td:nth-child(8)").all_inner_texts() if t]

        found = differences()
        assert len(found) >= 2 and found == sorted(found)
        problems.locator("th", has_text="差额").click()  # again: the other way
        assert differences() == sorted(found, reverse=True)
        other.locator("select").first.select_option("error")
        shown = [r for r in problems.locator("tbody tr").all() if r.is_visible()]
        assert shown and all(r.get_attribute("data-sev") == "error" for r in shown)


def test_a_prior_year_follow_up_cites_last_years_own_table(page, sample_store):
    with another_page(page, Assistant(store=sample_store, settings=load_settings())) as other:
        for asked, question in enumerate(("万里街道2025年一般公共服务支出是多少", "那去年呢"), 1):
            other.fill("#bq-input textarea", question)
            other.click("#bq-send")
            other.wait_for_function(f"document.querySelectorAll('#bq-chat .bq-q').length == {asked}",
                                    timeout=30000)
        last = other.locator("#bq-chat .bq-msg").last
        assert "2,932,700" in last.inner_text() and "2024年预算" in last.inner_text()  # grouped on the page
        last.locator("details.bq-chip summary").first.click()
        assert "2,932,700" in last.locator("details.bq-chip[open] td.hl-cell").first.inner_text()


def _ask_from(address: str, url: str) -> tuple[int, str]:
    import httpx

    with httpx.Client(transport=httpx.HTTPTransport(local_address=address), timeout=60) as client:
        reply = client.post(url + "api/ask", json={"question": "支出总计是多少"})
        return reply.status_code, reply.headers.get("retry-after", "")


def test_a_flooding_client_is_slowed_and_another_is_served(seed_store):
    """Each client address has its own bucket: the one that floods gets 429 with Retry-After, a
    client at another address is answered meanwhile, and the page's own events count the same way."""
    from assistant.web import serve

    port = _free_port()
    running = serve(Assistant(store=seed_store, settings=load_settings()), port=port, block=False,
                    limits=Limits(per_minute=6, burst=3))
    url = f"http://127.0.0.1:{port}/"
    try:
        flood = [_ask_from("127.0.0.1", url) for _ in range(5)]
        assert [s for s, _ in flood] == [200, 200, 200, 429, 429]
        assert int(flood[-1][1]) >= 1  # says when to come back
        assert _ask_from("127.0.0.2", url)[0] == 200
        assert _status(url + "gradio_api/queue/join", b"{}", {"Content-Type": "application/json"}) == 429
    finally:
        running.close()
