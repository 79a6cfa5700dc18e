# wardcheck — the two commands a newcomer needs are `make audit` and `make test`; both install
# what is missing (libyaml-dev through apt-get) and build first.
SWIFT   ?= swift
PREFIX  ?= /usr/local
BIN     := .build/debug/wardcheck
REPORTS := reports
UNITS   ?= 3321

.PHONY: all deps test-deps build release test verify audit bench mutate install clean

all: build

# libyaml through pkg-config is the one system dependency. Install it when it is missing;
# when we cannot (no root, no apt-get), say exactly what to run.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1; then \
	  echo "wardcheck: libyaml (pkg-config yaml-0.1) not found; installing libyaml-dev with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "wardcheck: run as root: apt-get update && apt-get install -y libyaml-dev pkg-config"; exit 1; fi; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "wardcheck: no apt-get here; install libyaml and pkg-config with your package manager (e.g. brew install libyaml pkg-config)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config \
	    || { echo "wardcheck: apt-get failed; run: sudo apt-get install -y libyaml-dev pkg-config"; exit 1; }; \
	fi

# The SARIF test validates output against the official schema with Python's jsonschema.
test-deps:
	@if ! python3 -c 'import jsonschema' >/dev/null 2>&1; then \
	  echo "wardcheck: installing Python jsonschema for the SARIF schema test"; \
	  python3 -m pip install --quiet jsonschema >/dev/null 2>&1 \
	    || python3 -m pip install --quiet --user --break-system-packages jsonschema >/dev/null 2>&1 \
	    || { if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	         $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; } \
	    || { echo "wardcheck: run: sudo apt-get install -y python3-jsonschema (or python3 -m pip install jsonschema)"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps test-deps
	$(SWIFT) test
	$(BIN) verify

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
	@$(BIN) audit wards $(AUDIT_DAY) --format csv  -o $(REPORTS)/audit.csv  || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) --format json -o $(REPORTS)/audit.json || [ $$? -le 2 ]
	@$(BIN) audit wards $(AUDIT_DAY) || [ $$? -le 2 ]
	@echo "Báo cáo / reports: $(REPORTS)/audit.html $(REPORTS)/audit.csv $(REPORTS)/audit.json"

# Plants each fault of Tests/Mutations/faults.txt in a copy of the tree and runs the tests: a fault
# that no test catches is a survivor, and zero survivors is the bar. Takes a while (a build per fault).
mutate: deps test-deps
	python3 Tests/Mutations/mutate.py

bench: release
	.build/release/wardcheck-bench --units $(UNITS) --binary .build/release/wardcheck --templates wards/submissions

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/wardcheck/criteria
	install -m 755 .build/release/wardcheck $(DESTDIR)$(PREFIX)/bin/wardcheck
	install -m 644 criteria/*.yaml $(DESTDIR)$(PREFIX)/share/wardcheck/criteria/

clean:
	rm -rf .build $(REPORTS)
