#!/usr/bin/env python3
"""The self-assessment page in a real headless Chromium, driven by Selenium.

Starts `wardcheck serve` on a free loopback port over a copy of the sample city, opens the page,
chooses a unit from the roster, fills in a failing unit and watches the criteria and remedies
change as the answers do, downloads the YAML file and validates it with the built binary, uploads
the sample city's invalid file and finds its errors at their fields, and checks that no width from
360 to 430 px scrolls sideways. With --screenshots DIR it also saves the form and the scorecard at
phone (390 px) and desktop widths.

    python3 Tests/Browser/assessment_test.py --bin .build/debug/wardcheck [--screenshots docs]
"""
import argparse
import base64
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
FAILURES = []


def check(condition, message):
    """Records a failed expectation and carries on, so one run names every problem."""
    if condition:
        print("  ok   " + message)
    else:
        print("  FAIL " + message)
        FAILURES.append(message)


def start_server(binary, wards):
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--wards", str(wards), "--criteria", str(ROOT / "criteria")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        process.kill()
        raise SystemExit("wardcheck serve did not start: " + line + process.stderr.read())
    return process, match.group(0).rstrip("/")


def browser(downloads):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=vi-VN", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver


def phone(driver, width, height=844, mobile=True):
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": mobile})


def desktop(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(1280, 900)


def field(driver, path):
    return driver.find_element(By.CSS_SELECTOR, '[name="%s"]:not([type=radio])' % path)


def choose(driver, path, value):
    """A three-way boolean: clicks the label of the radio with this value."""
    radio = driver.find_element(By.CSS_SELECTOR, '[name="%s"][value="%s"]' % (path, value))
    radio.find_element(By.XPATH, "..").click()


def type_into(driver, path, text):
    element = field(driver, path)
    element.clear()
    element.send_keys(text)


def set_date(driver, path, day):
    # A date input takes keys in the locale's order; setting the value and announcing it is exact.
    driver.execute_script("var e = arguments[0]; e.value = arguments[1];"
                          "e.dispatchEvent(new Event('input', {bubbles: true}));", field(driver, path), day)


def evaluated(driver, count):
    """Waits for more than `count` evaluations to have come back; returns the new count."""
    WebDriverWait(driver, 15).until(lambda d: int(d.find_element(By.ID, "facts").get_attribute("data-evaluated") or 0) > count)
    time.sleep(0.4)  # let a later keystroke's evaluation land too
    WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "status").text == "")
    return int(driver.find_element(By.ID, "facts").get_attribute("data-evaluated"))


def outcome(driver, criterion):
    rows = driver.find_elements(By.CSS_SELECTOR, '#scorecard li[data-criterion="%s"]' % criterion)
    return rows[0].get_attribute("data-outcome") if rows else None


def remedies(driver):
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#scorecard li.remedy")]


def no_sideways_scroll(driver, width):
    # Nothing wider than the screen: no scroll, and no layout viewport widened to fit (a phone would zoom out).
    return driver.execute_script("var d = document.documentElement;"
                                 "return d.scrollWidth <= d.clientWidth && window.innerWidth === arguments[0]", width)


def run(binary, screenshots):
    work = Path(tempfile.mkdtemp(prefix="wardcheck-browser-"))
    wards = work / "wards"
    shutil.copytree(ROOT / "wards", wards)
    downloads = work / "downloads"
    downloads.mkdir()
    server, url = start_server(binary, wards)
    driver = browser(downloads)
    today = datetime.date.today()
    try:
        print("page " + url)
        driver.get(url + "/")
        check(driver.title.startswith("Tự đánh giá"), "the page opens in Vietnamese: " + driver.title)
        count = evaluated(driver, 0)
        check("Chưa chấm được" in driver.find_element(By.ID, "scorecard").text, "an empty form is not scored yet")

        # The roster fills the unit's name, type, terrain and villages from its code.
        type_into(driver, "unit.code", "20352")
        count = evaluated(driver, count)
        check(field(driver, "unit.name").get_attribute("value") == "Xã Bà Nà", "the roster fills the name")
        check(Select(field(driver, "unit.type")).first_selected_option.get_attribute("value") == "commune", "and the type")
        check(Select(field(driver, "unit.terrain")).first_selected_option.get_attribute("value") == "mountain", "and the terrain")
        check(field(driver, "unit.villages").get_attribute("value") == "22", "and the villages")
        check(outcome(driver, "TC06") == "not_reported", "nothing reported yet: TC06 is not reported")
        check(driver.find_element(By.ID, "summary").get_attribute("textContent").startswith("0/16"), "the summary bar says 0/16")

        # A failing unit: a 3 kVA generator with 12 hours of fuel in a mountain commune.
        choose(driver, "power.generator.present", "true")
        type_into(driver, "power.generator.capacity_kva", "3")
        type_into(driver, "power.generator.fuel_hours", "12")
        set_date(driver, "power.generator.last_test", (today - datetime.timedelta(days=10)).isoformat())
        type_into(driver, "staffing.officials", "31")
        type_into(driver, "equipment.computers.working", "25")
        count = evaluated(driver, count)
        check(outcome(driver, "TC06") == "failed", "TC06 fails")
        check(any("Thay máy phát 3 kVA bằng máy từ 5 kVA" in r for r in remedies(driver)), "remedy: replace the 3 kVA generator")
        check(any("Dự trữ nhiên liệu đủ chạy 24 giờ (hiện 12 giờ)" in r for r in remedies(driver)),
              "remedy: fuel for 24 h, the mountain threshold")
        check(outcome(driver, "TC08") == "failed", "TC08 fails with 25 computers for 31 officials")
        check(any("Mua thêm 6 máy tính" in r for r in remedies(driver)), "remedy: buy 6 computers")

        # A bigger generator: the replacement goes, the fuel remedy stays.
        type_into(driver, "power.generator.capacity_kva", "10")
        count = evaluated(driver, count)
        check(not any("Thay máy phát" in r for r in remedies(driver)), "the replacement remedy is gone at 10 kVA")
        check(outcome(driver, "TC06") == "failed", "TC06 still fails on fuel")
        type_into(driver, "power.generator.fuel_hours", "48")
        type_into(driver, "equipment.computers.working", "31")
        count = evaluated(driver, count)
        check(outcome(driver, "TC06") == "passed", "TC06 passes with 48 hours of fuel")
        check(outcome(driver, "TC08") == "passed", "TC08 passes with 31 computers")
        check(not any("máy tính" in r for r in remedies(driver)), "no computer to buy")

        # A field error lands on its field.
        type_into(driver, "staffing.trained", "40")
        count = evaluated(driver, count)
        errors = driver.find_element(By.CSS_SELECTOR, '[data-errors-for="staffing.trained"]')
        check(errors.is_displayed() and "WC112" in errors.text, "trained above officials is reported at its field: " + errors.text)
        type_into(driver, "staffing.trained", "30")
        count = evaluated(driver, count)
        check(not errors.is_displayed(), "and cleared when corrected")

        # No sideways scrolling on phones, with the scorecard and its remedies shown (the page is
        # opened again at each width; the answers come back from the browser's storage).
        for width in (360, 390, 430):
            phone(driver, width)
            driver.refresh()
            evaluated(driver, 0)
            check(outcome(driver, "TC06") == "passed" and remedies(driver), "the answers come back at %d px" % width)
            check(no_sideways_scroll(driver, width), "no sideways scroll at %d px" % width)
            driver.get(url + "/city/unit/20352")
            check(no_sideways_scroll(driver, width), "nor on a unit's page at %d px" % width)
            driver.get(url + "/")
            evaluated(driver, 0)

        if screenshots:
            shoot(driver, screenshots)

        # Download the answers and validate the file with the binary.
        desktop(driver)
        driver.find_element(By.ID, "download").click()
        downloaded = downloads / "20352.yaml"
        for _ in range(50):
            if downloaded.exists() and downloaded.stat().st_size > 0:
                break
            time.sleep(0.2)
        check(downloaded.exists(), "the YAML file is downloaded as 20352.yaml")
        if downloaded.exists():
            validate = subprocess.run([binary, "validate", str(downloaded), "--criteria", str(ROOT / "criteria")],
                                      capture_output=True, text=True)
            check(validate.returncode == 0, "wardcheck validate accepts it: " + validate.stdout + validate.stderr)
            text = downloaded.read_text(encoding="utf-8")
            check("    capacity_kva: 10\n" in text and '  name: "Xã Bà Nà"\n' in text, "it holds the answers")
            checked = subprocess.run([binary, "check", str(downloaded), "--criteria", str(ROOT / "criteria")],
                                     capture_output=True, text=True)
            check(re.search(r"^\d+/16 tiêu chí đạt", checked.stdout, re.M) is not None, "wardcheck check scores it")

        # Upload the sample city's invalid file: its values fill the form, its errors show at their fields.
        driver.find_element(By.ID, "upload").send_keys(str(ROOT / "wards/submissions/20473-que-son.yaml"))
        WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "facts").get_attribute("data-uploaded"))
        time.sleep(1)  # no later evaluation of the form may replace what the file's own check said
        check(field(driver, "unit.code").get_attribute("value") == "20473", "the upload fills the code")
        check(field(driver, "equipment.printers.working").get_attribute("value") == "4.5", "and the printers as written")
        firewall = driver.find_element(By.CSS_SELECTOR, '[data-errors-for="security.firewall"]')
        check(firewall.is_displayed() and "yes" in firewall.text, "firewall: yes is reported at its field")
        power = driver.find_element(By.CSS_SELECTOR, '[data-errors-for="power"]')
        check(power.is_displayed() and "genrator" in power.text, "the misspelt generator block at the power section")

        # The English page.
        desktop(driver)
        driver.get(url + "/?lang=en")
        check(driver.title.startswith("Self-assessment"), "the English page: " + driver.title)

        problems = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not problems, "no error in the browser console: %s" % problems)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def capture(driver, path):
    # The viewport exactly as a person sees it, fixed bar included: CDP's capture, not beyond the viewport.
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def shoot(driver, folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    # A whole unit's facts, for a scorecard that shows failures and their remedies: the sample
    # city's Xã Bà Nà, opened as an office would open its file.
    desktop(driver)
    driver.find_element(By.ID, "upload").send_keys(str(ROOT / "wards/submissions/20352-ba-na.yaml"))
    WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "facts").get_attribute("data-uploaded"))
    time.sleep(1)
    # Phone: the top of the form, then the scorecard. The page is opened again at that width;
    # the answers come back from the browser's storage, as they would on a phone.
    # Mobile emulation can lay a reloaded page out taller than the emulated screen, which would
    # crop the fixed bar out of the picture; a 390 px desktop viewport renders the same layout.
    phone(driver, 390, mobile=False)
    driver.refresh()
    evaluated(driver, 0)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    time.sleep(1)
    capture(driver, folder / "serve-form-phone.png")
    driver.execute_script("document.getElementById('result').scrollIntoView()")
    time.sleep(0.5)
    capture(driver, folder / "serve-scorecard-phone.png")
    # Desktop: the form beside the scorecard, at a power section with a failing criterion.
    desktop(driver)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_script("document.getElementById('f-power').scrollIntoView()")
    time.sleep(0.5)
    capture(driver, folder / "serve-desktop.png")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    print("  screenshots in " + str(folder))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=str(ROOT / ".build/debug/wardcheck"))
    parser.add_argument("--screenshots")
    arguments = parser.parse_args()
    run(os.path.abspath(arguments.bin), arguments.screenshots)
    if FAILURES:
        print("browser test: %d failed" % len(FAILURES))
        sys.exit(1)
    print("browser test: all passed")


if __name__ == "__main__":
    main()
