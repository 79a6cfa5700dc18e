#!/usr/bin/env python3
"""wardcheck serve behind Debian's nginx over TLS, as a city would put it on its network.

Runs docs/nginx-wardcheck.conf itself (its ports, name and certificate paths swapped for a free
port, localhost and a self-signed certificate made here) in front of `wardcheck serve --public-url`
bound to loopback, over a copy of the sample city made a git work tree. Then, through the proxy:

- plain HTTP sends people to HTTPS; HEAD is answered; a page asked under another name, and a POST
  from another site, are refused;
- a headless Chromium opens the form, opens a unit's file in it, and submits it with the unit's
  secret: the submission lands as a git commit authored by the unit, the work tree left clean;
- /city sends the browser to the city office's login; the login sets a Secure, HttpOnly,
  SameSite=Strict cookie and opens /city; logging out closes it again;
- wrong secrets from one address are slowed (429 with Retry-After) while another address trying
  another unit is not, and the server's log names the browser's address (from X-Forwarded-For),
  not the proxy's.

    python3 Tests/Browser/proxy_test.py --bin .build/debug/wardcheck
"""
import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import people  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "docs" / "nginx-wardcheck.conf"
FAILURES = []
UNIT = "20352"
UNIT_FILE = "20352-ba-na.yaml"


def check(condition, message):
    """Records a failed expectation and carries on, so one run names every problem."""
    if condition:
        print("  ok   " + message)
    else:
        print("  FAIL " + message)
        FAILURES.append(message)


def free_ports(count):
    """`count` distinct free ports, held open together while they are picked: picked one at a
    time, or left to `--port 0`, the system may hand the same port out twice."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def wait_for_port(port, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def run(*command, cwd=None, stdin=None):
    result = subprocess.run(command, cwd=cwd, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit("failed: %s\n%s%s" % (" ".join(map(str, command)), result.stdout, result.stderr))
    return result.stdout


def certificate(folder):
    """A self-signed certificate for localhost, good for a day."""
    key, cert = folder / "privkey.pem", folder / "fullchain.pem"
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
        "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost")
    return key, cert


def hashed(binary, name, secret):
    return run(binary, "serve", "--hash-token", name, "--criteria", str(ROOT / "criteria"), stdin=secret + "\n")


def site_config(tls, plain, upstream, key, cert):
    """The documented configuration, with only what differs on a test machine swapped."""
    text = SITE.read_text(encoding="utf-8")
    swaps = [("listen 443 ssl;", "listen 127.0.0.1:%d ssl;" % tls),
             ("listen 80;", "listen 127.0.0.1:%d;" % plain),
             ("server_name wardcheck.danang.gov.vn;", "server_name localhost;"),
             ("/etc/ssl/wardcheck/fullchain.pem", str(cert)),
             ("/etc/ssl/wardcheck/privkey.pem", str(key)),
             ("proxy_pass http://127.0.0.1:8080;", "proxy_pass http://127.0.0.1:%d;" % upstream)]
    for old, new in swaps:
        if old not in text:
            raise SystemExit("docs/nginx-wardcheck.conf no longer holds `%s`: update this test with it" % old)
        text = text.replace(old, new)
    return text


def start_nginx(folder, site):
    """nginx in the foreground in its own prefix, its temp files and logs in the test's folder."""
    (folder / "logs").mkdir(parents=True)
    (folder / "site.conf").write_text(site, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = ("{user}daemon off;\nworker_processes 1;\npid {f}/nginx.pid;\nerror_log {f}/logs/error.log;\n"
            "events {{ worker_connections 256; }}\n"
            "http {{\n  access_log {f}/logs/access.log;\n"
            "  client_body_temp_path {f}/body; proxy_temp_path {f}/proxy; fastcgi_temp_path {f}/fastcgi;\n"
            "  uwsgi_temp_path {f}/uwsgi; scgi_temp_path {f}/scgi;\n"
            "  include {f}/site.conf;\n}}\n").format(user=user, f=folder)
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    test = subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "stderr"],
                          capture_output=True, text=True)
    if test.returncode != 0:
        raise SystemExit("nginx -t refuses the documented configuration:\n" + test.stderr)
    return subprocess.Popen([nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", "stderr"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


class Client:
    """HTTPS requests to the proxy, the certificate checked against the one made here, sent from a chosen loopback address."""

    def __init__(self, port, cert, source="127.0.0.1"):
        self.port, self.source = port, source
        self.context = ssl.create_default_context(cafile=str(cert))

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPSConnection("localhost", self.port, context=self.context,
                                                 source_address=(self.source, 0), timeout=15)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(argument)
    # The certificate is self-signed: the browser is told to take it, as a city's own CA would be trusted.
    options.accept_insecure_certs = True
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def through_the_browser(driver, public, work, wards, unit_secret, city_secret):
    print("the form through the proxy, in Chromium")
    driver.get(public + "/")
    WebDriverWait(driver, 15).until(lambda d: int(d.find_element(By.ID, "facts").get_attribute("data-evaluated") or 0) > 0)
    check(re.match(r"^\d+/16 ", driver.find_element(By.ID, "summary").get_attribute("textContent") or ""),
          "the empty form is scored through the proxy (its POST carries the public Origin)")
    driver.find_element(By.ID, "upload").send_keys(str(ROOT / "wards/submissions" / UNIT_FILE))
    WebDriverWait(driver, 15).until(lambda d: d.find_element(By.ID, "facts").get_attribute("data-uploaded"))
    time.sleep(1)
    check(driver.find_element(By.CSS_SELECTOR, '[name="unit.code"]').get_attribute("value") == UNIT, "the unit's file fills the form")
    token = driver.find_element(By.ID, "token")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", token)
    token.send_keys(unit_secret)
    driver.find_element(By.ID, "submit-button").click()
    WebDriverWait(driver, 20).until(lambda d: "accepted" in (d.find_element(By.ID, "submit-status").get_attribute("class") or "")
                                    or "refused" in (d.find_element(By.ID, "submit-status").get_attribute("class") or ""))
    status = driver.find_element(By.ID, "submit-status")
    check("accepted" in status.get_attribute("class") and UNIT in status.text, "the submission is accepted: " + status.text)

    subject = run("git", "-C", str(wards), "log", "-1", "--format=%an <%ae>|%s")
    check(subject.startswith("Đơn vị %s <%s@wardcheck.invalid>|" % (UNIT, UNIT)) and UNIT_FILE in subject,
          "the submission is a git commit authored by the unit: " + subject.strip())
    body = run("git", "-C", str(wards), "log", "-1", "--format=%b")
    check("127.0.0.1" in body, "its message names the client: " + body.strip())
    changed = run("git", "-C", str(wards), "show", "--name-only", "--format=", "HEAD").split()
    check(changed == ["submissions/" + UNIT_FILE], "the commit holds the unit's file alone: %s" % changed)
    check(run("git", "-C", str(wards), "status", "--porcelain") == "", "the work tree is left clean")
    check(run("git", "-C", str(wards), "rev-list", "--count", "HEAD").strip() == "2", "the version before is still in git, one commit back")

    print("the city pages through the proxy")
    driver.get(public + "/city")
    WebDriverWait(driver, 10).until(lambda d: "/city/login" in d.current_url)
    check(driver.current_url.startswith(public + "/city/login"), "/city sends the browser to the login, on the public address: " + driver.current_url)
    violations = people.axe_violations(driver)
    check(not violations, "axe-core finds no violation on the login page %s" % violations)
    driver.find_element(By.ID, "login-name").send_keys("vanphong")
    driver.find_element(By.ID, "login-secret").send_keys("not the secret")
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "login-status").text)
    check("/city/login" in driver.current_url, "a wrong secret stays on the login: " + driver.find_element(By.ID, "login-status").text)
    secret = driver.find_element(By.ID, "login-secret")
    secret.clear()
    secret.send_keys(city_secret)
    driver.find_element(By.CSS_SELECTOR, "#login button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/").endswith("/city"))
    check(driver.find_elements(By.CSS_SELECTOR, "#table-matrix"), "logged in, the city page opens")
    cookies = {c["name"]: c for c in driver.get_cookies()}
    session = cookies.get("wardcheck_session", {})
    check(session.get("secure") is True and session.get("httpOnly") is True and session.get("sameSite") == "Strict",
          "the session cookie is Secure, HttpOnly and SameSite=Strict: %s" % {k: session.get(k) for k in ("secure", "httpOnly", "sameSite")})
    driver.get(public + "/city/unit/" + UNIT)
    check(driver.find_elements(By.CSS_SELECTOR, "nav.top") and "/city/unit/" in driver.current_url, "and a unit's page")
    driver.get(public + "/city/logout")
    driver.get(public + "/city")
    check("/city/login" in driver.current_url, "logged out, /city asks for the login again")
    problems = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE" and "403" not in entry["message"]]
    check(not problems, "no error in the browser console but the refused login: %s" % problems)


def over_https(port, cert, public, unit_secret):
    print("requests through the proxy")
    ours = Client(port, cert)
    status, headers, body = ours.request("HEAD", "/")
    check(status == 200 and body == b"" and "text/html" in headers.get("content-type", ""), "HEAD / is answered without a body: %d" % status)
    check("max-age" in headers.get("strict-transport-security", ""), "nginx adds Strict-Transport-Security")
    status, headers, _ = ours.request("GET", "/city")
    check(status == 303 and headers.get("location", "").startswith("/city/login?next="), "/city without a session: 303 to the login (%d %s)"
          % (status, headers.get("location")))
    status, _, _ = ours.request("GET", "/", headers={"Host": "evil.example"})
    check(status == 403, "a page asked under another name (DNS rebinding) is refused: %d" % status)
    answers = json.dumps({"answers": {"unit.code": UNIT}}).encode()
    status, _, _ = ours.request("POST", "/api/evaluate", answers, {"Content-Type": "application/json", "Origin": "https://evil.example"})
    check(status == 403, "a POST from another site is refused: %d" % status)
    status, _, body = ours.request("POST", "/api/evaluate", answers, {"Content-Type": "application/json", "Origin": public})
    check(status == 200 and b'"scored"' in body, "a POST from the public origin is scored: %d" % status)

    # Wrong secrets from 127.0.0.2 (the proxy sees that address; wardcheck sees the proxy's 127.0.0.1).
    stranger = Client(port, cert, source="127.0.0.2")
    wrong = json.dumps({"answers": {"unit.code": "20203"}, "token": "0" * 32 + "x"}).encode()
    headers = {"Content-Type": "application/json", "Origin": public}
    statuses = [stranger.request("POST", "/api/submit", wrong, headers)[0] for _ in range(10)]
    check(statuses == [403] * 10, "ten wrong secrets are refused, 403 each: %s" % statuses)
    status, answered, _ = stranger.request("POST", "/api/submit", wrong, headers)
    check(status == 429 and int(answered.get("retry-after", "0")) > 0, "the eleventh: 429 with Retry-After %s" % answered.get("retry-after"))
    other = json.dumps({"answers": {"unit.code": "20211"}, "token": "0" * 32 + "x"}).encode()
    status, _, _ = Client(port, cert, source="127.0.0.3").request("POST", "/api/submit", other, headers)
    check(status == 403, "another address trying another unit is not slowed by them: %d" % status)
    status, _, _ = Client(port, cert, source="127.0.0.3").request("POST", "/api/submit", wrong, headers)
    check(status == 429, "but the unit tried ten times is slowed for every address: %d" % status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    binary = str(Path(args.bin).resolve())
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not nginx or not shutil.which("openssl"):
        raise SystemExit("nginx and openssl are needed (make browser-deps installs them)")

    work = Path(tempfile.mkdtemp(prefix="wardcheck-proxy-"))
    server = proxy = driver = None
    try:
        wards = work / "wards"
        shutil.copytree(ROOT / "wards", wards)
        run("git", "init", "-q", str(wards))
        run("git", "-C", str(wards), "-c", "user.name=Văn phòng", "-c", "user.email=vanphong@example.invalid",
            "add", "-A")
        run("git", "-C", str(wards), "-c", "user.name=Văn phòng", "-c", "user.email=vanphong@example.invalid",
            "commit", "-q", "-m", "Hồ sơ ban đầu")
        unit_secret, city_secret = secrets.token_hex(16), secrets.token_hex(16)
        (work / "tokens").write_text(hashed(binary, UNIT, unit_secret), encoding="utf-8")
        (work / "city-tokens").write_text(hashed(binary, "vanphong", city_secret), encoding="utf-8")
        key, cert = certificate(work)

        # nginx's two ports and wardcheck's own, all known before either starts: the public URL
        # names the first, and wardcheck must not be given it (it once was, by `--port 0`).
        tls, plain, upstream_port = free_ports(3)
        public = "https://localhost:%d" % tls
        log = work / "server.log"
        server = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", str(upstream_port), "--public-url", public, "--wards", str(wards),
             "--criteria", str(ROOT / "criteria"), "--accept-submissions", str(work / "tokens"),
             "--city-tokens", str(work / "city-tokens"), "--log", str(log)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        if not match:
            server.kill()
            raise SystemExit("wardcheck serve did not start: " + server.stderr.read())
        upstream = int(match.group(1))

        proxy = start_nginx(work / "nginx", site_config(tls, plain, upstream, key, cert))
        if not wait_for_port(tls) or not wait_for_port(plain):
            proxy.kill()
            raise SystemExit("nginx did not start: " + proxy.stderr.read())
        print("nginx at %s (and http://localhost:%d) in front of wardcheck serve at 127.0.0.1:%d" % (public, plain, upstream))

        connection = http.client.HTTPConnection("localhost", plain, timeout=10)
        connection.request("GET", "/city?lang=en")
        response = connection.getresponse()
        check(response.status == 301 and response.getheader("Location") == "https://localhost/city?lang=en",
              "plain HTTP sends people to HTTPS: %d %s" % (response.status, response.getheader("Location")))
        connection.close()

        over_https(tls, cert, public, unit_secret)
        driver = browser()
        through_the_browser(driver, public, work, wards, unit_secret, city_secret)

        logged = log.read_text(encoding="utf-8")
        check(re.search(r"submission accepted code=%s file=%s client=127\.0\.0\.1 .*version=[0-9a-f]{7,}" % (UNIT, re.escape(UNIT_FILE)), logged),
              "the log records the submission with its commit")
        check(re.search(r"submission refused status=403 reason=token .*client=127\.0\.0\.2", logged),
              "the log names the browser's address from X-Forwarded-For, not the proxy's")
        check(re.search(r"submission refused status=429 reason=throttled .*client=127\.0\.0\.3", logged), "and the slowed attempt")
        check(re.search(r"login refused status=403 reason=secret", logged), "and the wrong login")
        check(unit_secret not in logged and city_secret not in logged, "no secret is written to the log")
    finally:
        if driver:
            driver.quit()
        for process in (proxy, server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)

    if FAILURES:
        print("%d failed:" % len(FAILURES))
        for failure in FAILURES:
            print("  - " + failure)
        sys.exit(1)
    print("wardcheck behind nginx: every check passed")


if __name__ == "__main__":
    main()
