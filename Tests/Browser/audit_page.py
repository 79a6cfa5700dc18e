#!/usr/bin/env python3
"""The HTML audit as people see it: in a real headless Chromium, at phone and desktop widths.

Run by `make browser-test` (part of `make test`) after the Swift build:

    python3 Tests/Browser/audit_page.py --binary .build/debug/wardcheck [--screenshots DIR]

Each width loads the page the binary writes for the sample wards, and checks what the issue
asks: the page never scrolls sideways (wide tables scroll inside their own box), the answer to
"how ready is the city and what must be bought" is in the first screen with the same figures
as the JSON audit, and the pass-rate bars keep a readable size. The page is the audit's one
document as DocumentHTML writes it: the same sections as every other format. `--screenshots DIR` keeps a PNG
of the first screen at each width (make screenshots writes docs/).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import people  # noqa: E402

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARGS = None
PHONE = (390, 844)
WIDTHS = [(360, 740), PHONE, (430, 932), (1280, 900)]


def grouped(n, lang):
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "vi" else text


def audit(fmt, out, lang):
    """Runs the audit; exit 1 or 2 are findings about the wards, not a failure of the run."""
    run = subprocess.run([ARGS.binary, "audit", "wards", "--format", fmt, "-o", out, "--lang", lang],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in (0, 1, 2) or not os.path.exists(out):
        raise RuntimeError(f"audit --format {fmt} failed ({run.returncode}): {run.stderr}")


def browser():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--hide-scrollbars")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver")
    service = Service(driver_path) if driver_path else Service()
    return webdriver.Chrome(options=options, service=service)


class AuditPageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="wardcheck-browser-")
        cls.pages = {}
        cls.figures = {}
        for lang in ("vi", "en"):
            html = os.path.join(cls.folder, f"audit-{lang}.html")
            data = os.path.join(cls.folder, f"audit-{lang}.json")
            audit("html", html, lang)
            audit("json", data, lang)
            cls.pages[lang] = "file://" + html
            with open(data, encoding="utf-8") as f:
                cls.figures[lang] = json.load(f)
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def open(self, lang, width, height):
        # A phone, not a narrow desktop window: device metrics with touch and the meta viewport honoured.
        mobile = width < 700
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})
        self.driver.get(self.pages[lang])
        self.assertEqual(self.driver.execute_script("return window.innerWidth"), width)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def test_the_page_never_scrolls_sideways(self):
        for lang in ("vi", "en"):
            for width, height in WIDTHS:
                with self.subTest(lang=lang, width=width):
                    self.open(lang, width, height)
                    scroll = self.js("return document.documentElement.scrollWidth")
                    self.assertLessEqual(scroll, width, f"the page is {scroll} px wide in a {width} px window")
                    # Nothing outside a scroll box pokes out of the window either.
                    sticking_out = self.js("""
                        const out = [];
                        for (const e of document.body.querySelectorAll('*')) {
                          if (e.closest('.table')) continue;
                          const r = e.getBoundingClientRect();
                          if (r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5))
                            out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
                        }
                        return out.slice(0, 5);""")
                    self.assertEqual(sticking_out, [])

    def test_wide_tables_scroll_inside_their_own_box(self):
        self.open("vi", *PHONE)
        box = self.js("""const b = document.querySelector('#table-matrix').parentElement;
                         return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX, b.getAttribute('tabindex')];""")
        self.assertGreater(box[0], box[1], "the matrix is wider than a phone, so its box scrolls")
        self.assertIn(box[2], ("auto", "scroll"))
        self.assertEqual(box[3], "0", "and a keyboard can reach the box to scroll it")
        # Scrolling the box leaves the unit's name in view.
        left = self.js("""const b = document.querySelector('#table-matrix').parentElement; b.scrollLeft = 400;
                          return document.querySelector('#table-matrix tbody .name').getBoundingClientRect().left
                                 - b.getBoundingClientRect().left;""")
        self.assertLess(abs(left), 2)

    def test_readiness_and_what_to_buy_are_in_the_first_screen(self):
        for lang in ("vi", "en"):
            summary = self.figures[lang]["summary"]
            plan = self.figures[lang]["plan"]
            for width, height in WIDTHS:
                with self.subTest(lang=lang, width=width):
                    self.open(lang, width, height)

                    def first_screen(selector):
                        e = self.driver.find_element(By.CSS_SELECTOR, selector)
                        r = self.js("return arguments[0].getBoundingClientRect().toJSON()", e)
                        self.assertTrue(e.is_displayed(), selector)
                        self.assertLessEqual(r["bottom"], height, f"{selector} ends at {r['bottom']} of {height}")
                        self.assertGreater(r["height"], 0)
                        return e.text

                    # The headline says it in one sentence: how many of those judged are ready, and the cost.
                    headline = first_screen(".headline")
                    ready = (f"{grouped(summary['ready'], lang)}/{grouped(summary['valid'], lang)}" if lang == "vi"
                             else f"{grouped(summary['ready'], lang)} of {grouped(summary['valid'], lang)} units")
                    self.assertIn(ready, headline.replace("\u00a0", " "))
                    self.assertIn(grouped(summary["total_cost"], lang) + " ₫", headline.replace("\u00a0", " "))
                    self.assertIn(grouped(summary["not_submitted"], lang), headline)
                    if width >= 1000:
                        # On a desk, the figures too.
                        label = "Đạt 16/16" if lang == "vi" else "Ready (16/16)"
                        figure = first_screen(f".figures .figure:nth-child(4)")
                        self.assertEqual(figure.split("\n"), [label, grouped(summary["ready"], lang)])

    def test_bars_stay_readable_on_a_phone(self):
        self.open("vi", *PHONE)
        bars = self.js("""return [...document.querySelectorAll('#criteria .bar')].map(b => {
                            const r = b.getBoundingClientRect();
                            const label = b.parentElement.querySelector('.bar-label').getBoundingClientRect();
                            return [r.width, r.height, label.width]; });""")
        self.assertEqual(len(bars), self.figures["vi"]["summary"]["criteria"])
        for width, height, label in bars:
            self.assertGreaterEqual(width, 250, "a bar keeps most of the phone's width")
            self.assertGreaterEqual(height, 12)
            self.assertGreaterEqual(label, 250, "the criterion's name has its own line above the bar")
        # Each bar's green share is the criterion's pass rate of the units evaluated.
        valid = self.figures["vi"]["summary"]["valid"]
        tallies = {t["id"]: t for t in self.figures["vi"]["tallies"]}
        shares = self.js("""return [...document.querySelectorAll('#criteria .bar-row')].map(row => [
                              row.querySelector('.bar-label').textContent.split(/\s/)[0],
                              (row.querySelector('.seg.o-passed') || {getBoundingClientRect: () => ({width: 0})}).getBoundingClientRect().width,
                              row.querySelector('.bar').getBoundingClientRect().width]);""")
        for criterion, passed, whole in shares:
            self.assertAlmostEqual(passed / whole, tallies[criterion]["passed"] / valid, delta=0.01, msg=criterion)

    def test_people_read_words_and_axe_finds_nothing(self):
        """The report goes to the Party committee: people's words only, and WCAG 2.1 AA."""
        schema = people.load_schema(ROOT)
        for lang in ("vi", "en"):
            for width, height in (PHONE, (1280, 900)):
                with self.subTest(lang=lang, width=width):
                    self.open(lang, width, height)
                    text = self.driver.find_element(By.TAG_NAME, "body").text
                    self.assertEqual(people.file_words(text, schema, lang), [])
                    self.assertEqual(people.broken_across_lines(self.driver), [])
                    self.assertEqual(people.axe_violations(self.driver), [])

    def test_readiness_is_coloured_by_how_ready(self):
        """Green only when every unit judged is ready; amber from half; red below (the sample city)."""
        summary = self.figures["vi"]["summary"]
        self.open("vi", *PHONE)
        tone = self.js("return document.querySelector('.figures .figure:nth-child(4)').className")
        expected = "good" if summary["ready"] == summary["valid"] else "warn" if 2 * summary["ready"] >= summary["valid"] else "bad"
        self.assertIn(expected, tone.split())
        self.assertEqual(expected, "bad", "the sample city is far from ready")

    def test_text_is_big_enough_to_read_on_a_phone(self):
        self.open("vi", *PHONE)
        smallest = self.js("""let min = 100;
            for (const e of document.querySelectorAll('main p, main td, main li, main dt')) {
              if (e.closest('#table-matrix')) continue;
              min = Math.min(min, parseFloat(getComputedStyle(e).fontSize)); }
            return min;""")
        self.assertGreaterEqual(smallest, 12)


def screenshots(folder):
    driver = browser()
    try:
        lang = "vi"
        with tempfile.TemporaryDirectory() as tmp:
            html = os.path.join(tmp, "audit.html")
            audit("html", html, lang)
            for name, (width, height) in (("phone", PHONE), ("desktop", (1280, 900))):
                mobile = width < 700
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
                driver.get("file://" + html)
                path = os.path.join(folder, f"audit-{name}.png")
                driver.save_screenshot(path)
                print(f"wrote {path}")
    finally:
        driver.quit()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--screenshots")
    ARGS, rest = parser.parse_known_args()
    ARGS.binary = os.path.abspath(ARGS.binary)
    if ARGS.screenshots:
        screenshots(os.path.abspath(ARGS.screenshots))
        sys.exit(0)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
