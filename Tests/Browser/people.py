"""What a person meets on a page, checked the same way by every browser test.

- `axe_violations(driver)`: axe-core, run inside the page, every rule it runs by default (WCAG 2.0,
  2.1 A and AA and its best practices). axe-core comes from PyPI's axe-playwright-python, which
  carries axe.min.js; only that file is used (Selenium injects it), not Playwright.
- `file_words(text, schema)`: the file's vocabulary that must never reach a page meant for people:
  backticks, diagnostic codes (WC101), key paths (power.generator.present), raw enum keys
  (special_zone), true/false, YYYY, ISO dates (2026-12-04).
- `broken_across_lines(driver)`: amounts of đồng and dates that the layout split over two lines.
"""
import importlib.util
import os
import re

import yaml


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe-core not found: python3 -m pip install --no-deps axe-playwright-python")
    path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


_AXE = None


def axe_violations(driver):
    """Every violation axe-core finds on the page as it is now: [(rule id, impact, targets)]."""
    global _AXE
    if _AXE is None:
        _AXE = axe_source()
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(_AXE)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  done(r.violations.map(function (v) {"
        "    return [v.id, v.impact, v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })];"
        "  }));"
        "}).catch(function (e) { done([['axe-error', String(e), []]]); });")
    return [tuple(v) for v in result]


def load_schema(root):
    with open(os.path.join(root, "criteria", "facts.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def file_words(text, schema, lang):
    """The pieces of the file's own language in `text`, which a person should never read."""
    found = []
    if "`" in text:
        found.append("a backtick")
    found += ["code " + m for m in re.findall(r"\bWC\d{3}\b", text)]
    for field in schema["fields"]:
        path = field["path"]
        if "." in path and path in text:
            found.append("key path " + path)
        if field["type"] == "enum":
            labels = field.get("labels", {})
            for value in map(str, field["values"]):
                # A key that is its own label in this language ("mountain" in English) is a word.
                if labels.get(value, {}).get(lang) == value:
                    continue
                if re.search(r"(?<![\w-])" + re.escape(value) + r"(?![\w-])", text):
                    found.append("enum key " + value)
    found += ["true/false: " + m for m in re.findall(r"\b(?:true|false)\b", text)]
    if "YYYY" in text:
        found.append("YYYY")
    found += ["ISO date " + m for m in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)]
    return found


# Finds each amount in đồng and each date in a text node, and returns those whose characters do
# not all sit on one line box.
_BROKEN = r"""
var out = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
var pattern = /\d{1,3}(?:[.,]\d{3})*[\s\u00a0]₫|\b\d{2}\/\d{2}\/\d{4}\b|\b\d{1,2}[\s\u00a0](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[\s\u00a0]\d{4}\b/g;
var node;
while ((node = walker.nextNode())) {
  var style = node.parentElement && getComputedStyle(node.parentElement);
  if (!style || style.display === 'none' || style.visibility === 'hidden' || node.parentElement.closest('[hidden], details:not([open]), .visually-hidden, option, select, script, style')) continue;
  var m;
  pattern.lastIndex = 0;
  while ((m = pattern.exec(node.data))) {
    var range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) tops[Math.round(r.top)] = true; });
    if (Object.keys(tops).length > 1) out.push(m[0]);
  }
}
return out;
"""


def broken_across_lines(driver):
    return driver.execute_script(_BROKEN)
