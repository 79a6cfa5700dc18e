# wardcheck — the two commands a newcomer needs are `make audit` and `make test`; both install
# what is missing (libyaml-dev through apt-get) and build first.
SWIFT   ?= swift
PREFIX  ?= /usr/local
BIN     := .build/debug/wardcheck
REPORTS := reports
# `make fuzz`: libFuzzer over load → validate → evaluate → reports, in its own build folder.
FUZZ_SECONDS ?= 30
FUZZ_CONFIG  ?= debug
FUZZ_BUILD   := .build-fuzz
FUZZ_SEEDS   := Tests/Fixtures/facts Tests/Fixtures/yaml-test-suite/invalid Tests/Fixtures/yaml-test-suite/valid Tests/Fixtures/fuzz/regressions

.PHONY: all deps test-deps browser-deps build release test browser-test workbook-test document-deps document-test screenshots verify audit bench bench-serve mutate schema fuzz install clean

all: build

# libyaml and zlib (for the XLSX workbook's zip container) through pkg-config are the system
# dependencies. Install them when missing; when we cannot (no root, no apt-get), say what to run.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1 zlib; then \
	  echo "wardcheck: libyaml or zlib (pkg-config yaml-0.1 zlib) not found; installing libyaml-dev zlib1g-dev with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "wardcheck: run as root: apt-get update && apt-get install -y libyaml-dev pkg-config"; exit 1; fi; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "wardcheck: no apt-get here; install libyaml, zlib and pkg-config with your package manager (e.g. brew install libyaml pkg-config)"; exit 1; fi; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq libyaml-dev zlib1g-dev pkg-config \
	    || { echo "wardcheck: apt-get failed; run: sudo apt-get install -y libyaml-dev zlib1g-dev pkg-config"; exit 1; }; \
	fi

# The SARIF test validates output against the official schema with Python's jsonschema; the
# workbook test opens the audit's XLSX with Python's openpyxl, a reader independent of ours; the
# facts JSON Schema is checked against every sample and fixture with jsonschema, PyYAML reading them.
test-deps:
	@if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python openpyxl for the workbook test"; \
	  python3 -m pip install --quiet openpyxl >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages openpyxl >/dev/null 2>&1 \
	    || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	         $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-openpyxl; } \
	    || { echo "wardcheck: run: python3 -m pip install openpyxl"; exit 1; }; \
	fi
	@if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python jsonschema for the SARIF schema test"; \
	  python3 -m pip install --quiet jsonschema >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages jsonschema >/dev/null 2>&1 \
	    || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	         $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; } \
	    || { echo "wardcheck: run: sudo apt-get install -y python3-jsonschema (or python3 -m pip install jsonschema)"; exit 1; }; \
	fi
	@if ! python3 -c 'import yaml' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python PyYAML for the facts JSON Schema test"; \
	  python3 -m pip install --quiet pyyaml >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages pyyaml >/dev/null 2>&1 \
	    || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	         $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-yaml; } \
	    || { echo "wardcheck: run: sudo apt-get install -y python3-yaml (or python3 -m pip install pyyaml)"; exit 1; }; \
	fi
	@# pre-commit itself runs the hooks of .pre-commit-hooks.yaml in the CI tests (Tests/CI).
	@if ! command -v pre-commit >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python pre-commit for the pre-commit hook test"; \
	  python3 -m pip install --quiet pre-commit >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages pre-commit >/dev/null 2>&1 \
	    || { echo "wardcheck: run: python3 -m pip install pre-commit"; exit 1; }; \
	fi

# A real headless browser for tests that look at pages as people do (the audit page at phone and
# desktop widths): Debian's chromium and chromium-driver, and Python's selenium to drive them.
# apt-get waits for the dpkg lock, which other jobs on a shared machine may hold for a while.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  echo "wardcheck: installing chromium and chromium-driver for the browser tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium chromium-driver >/dev/null \
	    || { echo "wardcheck: run: sudo apt-get install -y chromium chromium-driver"; exit 1; }; \
	fi
	@if ! python3 -c 'import selenium' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python selenium for the browser tests"; \
	  python3 -m pip install --quiet selenium >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages selenium >/dev/null 2>&1 \
	    || { echo "wardcheck: run: python3 -m pip install selenium"; exit 1; }; \
	fi
	@# nginx as the TLS proxy in front of `wardcheck serve` (Tests/Browser/proxy_test.py runs the
	@# documented docs/nginx-wardcheck.conf), openssl for its self-signed certificate. RUNLEVEL=1
	@# keeps the package from starting a system nginx on port 80.
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null 2>&1; then \
	  echo "wardcheck: installing nginx and openssl for the proxy test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get -o DPkg::Lock::Timeout=600 install -y -qq nginx openssl >/dev/null \
	    || { echo "wardcheck: run: sudo apt-get install -y nginx openssl"; exit 1; }; \
	fi
	@# axe-core, the accessibility checker the browser tests run inside each page: PyPI's
	@# axe-playwright-python carries axe.min.js; only that file is used, so Playwright is not installed.
	@if ! python3 -c 'import importlib.util as u, os, sys; s = u.find_spec("axe_playwright_python"); sys.exit(0 if s and os.path.exists(os.path.join(list(s.submodule_search_locations)[0], "axe.min.js")) else 1)' >/dev/null 2>&1; then \
	  echo "wardcheck: installing axe-core (PyPI axe-playwright-python, without its dependencies) for the browser tests"; \
	  python3 -m pip install --quiet --no-deps axe-playwright-python==0.1.8 >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages --no-deps axe-playwright-python==0.1.8 >/dev/null 2>&1 \
	    || { echo "wardcheck: run: python3 -m pip install --no-deps axe-playwright-python"; exit 1; }; \
	fi

# The official document (audit --format docx) opened by python-docx and converted to PDF by
# LibreOffice; poppler's pdfinfo and pdftotext read the PDFs (the DOCX's and the printed HTML's).
document-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
	  echo "wardcheck: installing LibreOffice Writer and poppler-utils for the document test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
	         libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null \
	    || { echo "wardcheck: run: sudo apt-get install -y libreoffice-writer-nogui poppler-utils"; exit 1; }; \
	fi
	@if ! python3 -c 'import docx' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python python-docx for the document test"; \
	  python3 -m pip install --quiet python-docx >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages python-docx >/dev/null 2>&1 \
	    || { echo "wardcheck: run: python3 -m pip install python-docx"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build

# On Linux the release binary carries the Swift runtime and Foundation inside it: loading and
# relocating a dozen shared libraries was most of the start-up of a one-file `check`.
STATIC  ?= $(if $(filter Linux,$(shell uname -s)),--static-swift-stdlib,)
release: deps
	$(SWIFT) build -c release $(STATIC)

test: deps test-deps browser-deps document-deps
	$(SWIFT) test
	$(BIN) verify
	$(MAKE) --no-print-directory workbook-test document-test browser-test

# The audit as an administrative document (Decree 30/2020's layout, figures against the JSON,
# LibreOffice's PDF) and the HTML audit printed by headless Chromium (A4, title, page numbers).
document-test: document-deps browser-deps
	python3 Tests/Documents/official_document_test.py --bin $(BIN)

# The audit workbook read back by openpyxl, figure by figure against the JSON audit.
workbook-test: test-deps
	python3 Tests/Workbook/audit_workbook.py --binary $(BIN)

# The audit page in headless Chromium at phone and desktop widths (Tests/Browser/audit_page.py),
# the self-assessment page against `wardcheck serve` (Tests/Browser/assessment_test.py), and the
# server behind nginx over TLS with the documented configuration (Tests/Browser/proxy_test.py).
browser-test: test-deps browser-deps
	python3 Tests/Browser/audit_page.py --binary $(BIN)
	python3 Tests/Browser/assessment_test.py --bin $(BIN)
	python3 Tests/Browser/proxy_test.py --bin $(BIN)

# The first screen of the audit page, and the self-assessment form and scorecard, at phone and
# desktop widths, for the README.
screenshots: build browser-deps
	python3 Tests/Browser/audit_page.py --binary $(BIN) --screenshots docs
	python3 Tests/Browser/assessment_test.py --bin $(BIN) --screenshots docs

verify: build
	$(BIN) verify

# The city audit over the shipped wards: prints the summary and writes the three reports.
# Every unit is judged on one day: AS_OF=YYYY-MM-DD, or today when unset.
# Exit 1 (criteria not met) and 2 (an invalid submission) are findings, not failures of the run.
AS_OF ?=
AUDIT_DAY = $(if $(AS_OF),--as-of $(AS_OF),)
audit: build
	@mkdir -p $(REPORTS)
	@echo "Ngày đánh giá / evaluation day: $(if $(AS_OF),$(AS_OF),hôm nay / today, $$(TZ=Asia/Ho_Chi_Minh date +%F)) (đổi bằng / set with AS_OF=YYYY-MM-DD)"
	@$(BIN) audit wards $(AUDIT_DAY) --format html -o $(REPORTS)/audit.html || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) --format xlsx -o $(REPORTS)/audit.xlsx || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) --format csv  -o $(REPORTS)/audit.csv  || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) --format json -o $(REPORTS)/audit.json || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) || [ $$? -le 2 ]
	@echo "Báo cáo / reports: $(REPORTS)/audit.html $(REPORTS)/audit.xlsx $(REPORTS)/audit.csv $(REPORTS)/audit.json"

# Plants each fault of Tests/Mutations/faults.txt in a copy of the tree and runs the tests: a fault
# that no test catches is a survivor, and zero survivors is the bar. Takes a while (a build per fault).
mutate: deps test-deps
	python3 Tests/Mutations/mutate.py

# After editing criteria/facts.yaml: regenerate the JSON Schema editors use (a test checks it is current).
schema: build
	$(BIN) schema -o criteria/facts.schema.json

# Times audit and check against libyaml alone parsing the same synthetic units (the floor), with
# peak memory, for each size in SIZES (a country is 3,321 units). REFERENCE=path/to/another/wardcheck
# also checks that both builds print the same figures, byte for byte. Units go to .build-bench/.
# Then a national roll-up: 34 generated provinces totalling 3,321 units, each audited to JSON, then
# `rollup` of the 34 reports and of the 34 folders, timed.
SIZES     ?= 93,3321,100000
REFERENCE ?=
bench: release
	.build/release/wardcheck-bench --sizes $(SIZES) --binary .build/release/wardcheck --templates wards/submissions $(if $(REFERENCE),--reference $(REFERENCE),)
	@$(MAKE) --no-print-directory bench-serve

# The web server under load, with wrk (Debian's package, installed when missing): 50 concurrent
# clients posting one unit's answers to /api/evaluate for 10 seconds; then the soak
# (Tests/Bench/soak.py): SOAK_SECONDS of 200 clients going round evaluate, upload and /city while
# 50 idle and 50 slow connections are held: requests/s, p99, errors (the bar is zero), peak memory.
SOAK_SECONDS ?= 60
bench-serve: release
	@if ! command -v wrk >/dev/null 2>&1; then \
	  echo "wardcheck: installing wrk with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq install -y wrk >/dev/null 2>&1 \
	    || { $$SUDO apt-get -qq update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -qq install -y wrk >/dev/null; } \
	    || { echo "wardcheck: SKIPPED the server bench: wrk cannot be installed (sudo apt-get install -y wrk)"; exit 0; }; \
	fi; \
	log=$$(mktemp); .build/release/wardcheck-serve --port 0 --wards wards >$$log 2>&1 & pid=$$!; \
	for i in $$(seq 50); do grep -q 'http://' $$log && break; sleep 0.1; done; \
	url=$$(grep -o 'http://[^ ]*' $$log | head -1); \
	echo "wardcheck serve at $$url: POST /api/evaluate, 50 connections, 2 threads, 10 s"; \
	wrk -t2 -c50 -d10s --latency -s Tests/Bench/evaluate.lua "$${url}api/evaluate"; status=$$?; \
	kill $$pid; rm -f $$log; [ $$status = 0 ] || exit $$status; \
	python3 Tests/Bench/soak.py --server .build/release/wardcheck-serve --seconds $(SOAK_SECONDS)

# Seeds are the fixtures; what the fuzzer learns goes to $(FUZZ_BUILD)/corpus, never into Tests/.
# A crash stops the run with its input in $(FUZZ_BUILD)/crashes/: copy it into
# Tests/Fixtures/fuzz/regressions/ (FuzzRegressionCLITests replays that folder on every test run).
fuzz: deps
	$(SWIFT) build -c $(FUZZ_CONFIG) --product wardcheck-fuzz --scratch-path $(FUZZ_BUILD) \
	  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -parse-as-library
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/crashes
	@{ grep -o 'path: [a-z0-9_.]*' criteria/facts.yaml | sed 's/path: //' | tr '.' '\n' | sort -u | sed 's/.*/"&: "/'; \
	   cat Tests/Fixtures/fuzz/yaml.dict; } > $(FUZZ_BUILD)/fuzz.dict
	WARDCHECK_CRITERIA=criteria $(FUZZ_BUILD)/$(FUZZ_CONFIG)/wardcheck-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -dict=$(FUZZ_BUILD)/fuzz.dict -artifact_prefix=$(FUZZ_BUILD)/crashes/ -print_final_stats=1 \
	  $(FUZZ_BUILD)/corpus $(FUZZ_SEEDS)

# Only the command-line tool and its criteria, without the web server and its HTTP stack: what
# CI needs (action.yml, docs/ci/wardcheck.gitlab-ci.yml) and builds faster.
.PHONY: install-cli ci-test
install-cli: deps
	$(SWIFT) build -c release $(STATIC) --product wardcheck
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/wardcheck/criteria
	install -m 755 .build/release/wardcheck $(DESTDIR)$(PREFIX)/bin/wardcheck
	install -m 644 criteria/*.yaml criteria/facts.schema.json $(DESTDIR)$(PREFIX)/share/wardcheck/criteria/

# The CI conventions alone (swift test runs them too, through CIConventionsCLITests): the
# pre-commit hooks under pre-commit, the GitHub action and the GitLab template run locally.
ci-test: build test-deps
	python3 Tests/CI/pre_commit_test.py --bin $(BIN)
	python3 Tests/CI/action_test.py --bin $(BIN)
	python3 Tests/CI/gitlab_template_test.py --bin $(BIN)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/wardcheck/criteria
	install -m 755 .build/release/wardcheck $(DESTDIR)$(PREFIX)/bin/wardcheck
	install -m 755 .build/release/wardcheck-serve $(DESTDIR)$(PREFIX)/bin/wardcheck-serve
	install -m 644 criteria/*.yaml criteria/facts.schema.json $(DESTDIR)$(PREFIX)/share/wardcheck/criteria/

clean:
	rm -rf .build $(FUZZ_BUILD) $(REPORTS)
