"""End to end: `streamlit run app.py` against the test KB, driven in Debian's headless Chromium.

Screenshots go to artifacts/ (git-ignored). Skipped when /usr/bin/chromium is missing, unless
KB_REQUIRE_BROWSER=1 (then that is a failure).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "郑州跨境电商交易额是多少"
ANSWER_NUMBER = "1458.8"

pytestmark = pytest.mark.browser


def require_browser() -> None:
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install playwright; no browser download needed)"
    if missing:
        if os.environ.get("KB_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KB_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 60) -> float:
    """Seconds until the server answers its health check."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout:.0f} s")


@contextmanager
def streamlit_server(index_dir: Path):
    """A `streamlit run app.py` subprocess on a free port; yields its URL."""
    port = free_port()
    env = dict(os.environ, KB_INDEX_DIR=str(index_dir))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def chromium_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
            yield page
        finally:
            browser.close()


def ask(page, question: str, timeout_ms: int = 120_000) -> None:
    """Type a question into the search page and wait until the cited results are on screen."""
    box = page.get_by_label("问题或关键词")
    box.wait_for(timeout=timeout_ms)
    box.fill(question)
    box.press("Enter")
    page.get_by_text("共 ", exact=False).first.wait_for(timeout=timeout_ms)


def test_search_then_indicators_in_chromium(demo_kb):
    require_browser()
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server(Path(demo_kb.index_dir)) as url, chromium_page() as page:
        page.goto(url, wait_until="domcontentloaded")
        ask(page, QUESTION)
        answer = page.locator("mark", has_text="郑州").first
        answer.wait_for(timeout=60_000)
        assert page.get_by_text(ANSWER_NUMBER, exact=False).count() > 0
        assert page.get_by_text("004_13c680af1f380253.txt 字符", exact=False).count() > 0
        # document text is rendered escaped: no element from the corpus becomes live markup
        assert page.locator("script:has-text('不应出现')").count() == 0
        page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

        page.get_by_role("link", name="指标").first.click()
        page.get_by_text("下载 CSV").first.wait_for(timeout=60_000)
        page.locator("[data-testid='stVegaLiteChart'], .vega-embed").first.wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "indicators.png"), full_page=True)
    assert (ARTIFACTS / "search.png").stat().st_size > 10_000
    assert (ARTIFACTS / "indicators.png").stat().st_size > 10_000


