#!/usr/bin/env python3
"""The audit workbook read back by a reader that is not ours (openpyxl), figure by figure
against the JSON audit of the same wards. Run by `make workbook-test` (part of `make test`):

    python3 Tests/Workbook/audit_workbook.py --binary .build/debug/wardcheck
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARGS = None
LABELS = {
    "vi": {"passed": "đạt", "failed": "không đạt", "not_reported": "chưa báo cáo", "waived": "miễn trừ"},
    "en": {"passed": "passed", "failed": "failed", "not_reported": "not reported", "waived": "waived"},
}
FILLS = {"passed": "FFDAFBE1", "failed": "FFFFE4E0", "not_reported": "FFFFF3C4", "waived": "FFDCECFF"}


def run(folder, *args, cwd=ROOT):
    result = subprocess.run([ARGS.binary, "audit", folder, *args], cwd=cwd, capture_output=True)
    if result.returncode not in (0, 1, 2):
        raise RuntimeError(f"audit {args} failed ({result.returncode}): {result.stderr.decode()}")
    return result


def rows(sheet, first=2):
    return [list(r) for r in sheet.iter_rows(min_row=first, values_only=True) if any(v is not None for v in r)]


class AuditWorkbookTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="wardcheck-xlsx-")
        cls.books, cls.audits, cls.paths = {}, {}, {}
        for lang in ("vi", "en"):
            path = os.path.join(cls.folder, f"audit-{lang}.xlsx")
            run("wards", "--format", "xlsx", "-o", path, "--lang", lang)
            cls.paths[lang] = path
            cls.books[lang] = openpyxl.load_workbook(path)
            cls.audits[lang] = json.loads(run("wards", "--format", "json", "--lang", lang).stdout)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_the_package_holds_every_part_and_no_temporary_file_is_left(self):
        with zipfile.ZipFile(self.paths["vi"]) as z:
            self.assertIsNone(z.testzip())
            names = set(z.namelist())
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]:
            self.assertIn(part, names)
        self.assertEqual(sorted(os.listdir(self.folder)), ["audit-en.xlsx", "audit-vi.xlsx"])

    def test_sheets_are_named_in_the_report_language(self):
        self.assertEqual(self.books["vi"].sheetnames,
                         ["Tóm tắt", "Bảng đơn vị", "Kế hoạch mua sắm", "Theo đơn vị thực hiện", "Việc cần làm", "Chưa nộp", "Tệp lỗi"])
        self.assertEqual(self.books["en"].sheetnames,
                         ["Summary", "Units", "Purchase plan", "By party and unit", "Actions", "Not submitted", "Invalid files"])

    def test_summary_figures_are_numbers_equal_to_the_json(self):
        for lang in ("vi", "en"):
            summary = self.audits[lang]["summary"]
            sheet = self.books[lang].worksheets[0]
            values = {r[0]: r[1] for r in rows(sheet, 5) if r[0] is not None}
            label = {"vi": {"valid": "Đơn vị đã đánh giá", "ready": "Đạt 16/16", "not_submitted": "Chưa nộp số liệu",
                            "invalid": "Tệp không hợp lệ", "roster_units": "Đơn vị trong danh sách", "total_cost": "Tổng chi phí ước tính",
                            "files": "Tệp đã nộp", "not_ready": "Chưa đạt đủ", "incomplete": "Đơn vị còn thiếu số liệu",
                            "with_waivers": "Đơn vị có miễn trừ"},
                     "en": {"valid": "Units evaluated", "ready": "Ready (16/16)", "not_submitted": "Not submitted",
                            "invalid": "Invalid files", "roster_units": "Units in the roster", "total_cost": "Estimated total cost",
                            "files": "Files submitted", "not_ready": "Not yet ready", "incomplete": "Units with facts not reported",
                            "with_waivers": "Units holding a waiver"}}[lang]
            for key, text in label.items():
                with self.subTest(lang=lang, key=key):
                    self.assertIsInstance(values[text], int)
                    self.assertEqual(values[text], summary[key])
            self.assertAlmostEqual(values["Bình quân tiêu chí đạt" if lang == "vi" else "Mean criteria met"], summary["mean_passed"])
            cost = next(c for c in sheet["B"] if c.value == summary["total_cost"])
            self.assertIn("₫", cost.number_format)

    def test_the_matrix_has_every_unit_with_its_outcomes_coloured(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            sheet = self.books[lang].worksheets[1]
            self.assertEqual(sheet.freeze_panes, "D2")
            header = [c.value for c in sheet[1]]
            ids = [c["id"] for c in audit["criteria"]]
            columns = {i: header.index(next(h for h in header if h and h.startswith(i + " "))) for i in ids}
            body = list(sheet.iter_rows(min_row=2))
            self.assertEqual(len(body), len(audit["units"]))
            for cells, unit in zip(body, audit["units"]):
                self.assertEqual(cells[0].value, unit["rank"])
                self.assertEqual(cells[1].value, unit["code"])
                self.assertEqual(cells[2].value, unit["name"])
                self.assertEqual(cells[3].value.date().isoformat(), unit["facts_date"])
                self.assertEqual(cells[3].number_format, {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}[lang], "a date, shown as the reader writes it")
                for criterion, outcome in unit["outcomes"].items():
                    cell = cells[columns[criterion]]
                    self.assertEqual(cell.value, LABELS[lang][outcome])
                    self.assertEqual(cell.fill.fgColor.rgb, FILLS[outcome])
                met = header.index("Đạt" if lang == "vi" else "Met")
                cost = header.index("Chi phí" if lang == "vi" else "Cost")
                self.assertEqual(cells[met].value, unit["passed"])
                self.assertEqual(cells[cost].value, unit["cost"])
                self.assertIn("₫", cells[cost].number_format)

    def test_the_plan_by_party_matches_the_json(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            sheet = self.books[lang].worksheets[2]
            self.assertEqual(sheet.freeze_panes, "A2")
            lines = rows(sheet)
            *items, total = lines
            expected = [[p["who"], i["name"], i["quantity"], i["units"], i["unit_cost"], i["total"], i["unpriced_units"] or None]
                        for p in audit["parties"] for i in p["items"]]
            self.assertEqual(items, expected)
            self.assertEqual(total[5], audit["plan"]["total"])
            self.assertEqual(sum(i["total"] for i in audit["plan"]["items"]), audit["plan"]["total"])

    def test_each_units_needs_by_party_match_the_json_lists(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            got = {}
            for who, code, _, _, name, quantity, _, cost in rows(self.books[lang].worksheets[3]):
                got[(who, name, code)] = (quantity, cost)
            expected = {}
            for party in audit["parties"]:
                for item in party["items"]:
                    for share in item["by_unit"]:
                        expected[(party["who"], item["name"], share["code"])] = (share["quantity"], share["cost"])
                for action in party["actions"]:
                    for share in action["by_unit"]:
                        expected[(party["who"], action["name"], share["code"])] = (share["quantity"], None)
            self.assertEqual(got, expected)

    def test_actions_and_not_submitted_units(self):
        audit = self.audits["vi"]
        actions = rows(self.books["vi"].worksheets[4])
        self.assertEqual(len(actions), sum(len(u["remedies"]) for u in audit["units"]))
        missing = rows(self.books["vi"].worksheets[5])
        self.assertEqual([r[0] for r in missing], [u["code"] for u in audit["not_submitted"]])
        # The roster's values as the schema labels them, never the file's English words.
        self.assertTrue(all(r[2] in ("phường", "xã", "đặc khu") for r in missing), missing)
        invalid = rows(self.books["vi"].worksheets[6])
        self.assertEqual([r[0] for r in invalid[:len(audit["invalid"])]], [i["file"] for i in audit["invalid"]])
        # The problems in words for the city office; codes only in the technical column at the right.
        for row in invalid:
            self.assertNotIn("WC", row[4] or "", row)
            self.assertNotIn("`", row[4] or "", row)
        que_son = next(r for r in invalid if r[1] == "20473")
        self.assertEqual(que_son[2], "Xã Quế Sơn")
        self.assertIn("Mục Nguồn điện có tên «genrator», có phải «generator» (Máy phát điện dự phòng)?", que_son[4])
        self.assertIn("WC101", que_son[5])

    def test_ward_text_that_looks_like_a_formula_stays_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(ROOT, "Tests", "Fixtures", "facts", "ready-ward.yaml")
            with open(source, encoding="utf-8") as f:
                text = f.read()
            hostile = text.replace('name: "Phường Thử Nghiệm"', 'name: "=HYPERLINK(\\"http://x\\",\\"y\\")"')
            self.assertNotEqual(hostile, text)
            with open(os.path.join(tmp, "hostile.yaml"), "w", encoding="utf-8") as f:
                f.write(hostile)
            out = os.path.join(tmp, "hostile.xlsx")
            run(tmp, "--format", "xlsx", "-o", out)
            sheet = openpyxl.load_workbook(out).worksheets[1]
            cell = sheet["C2"]
            self.assertEqual(cell.value, '=HYPERLINK("http://x","y")')
            self.assertEqual(cell.data_type, "s", "a string, never a formula")
            self.assertTrue(cell.quotePrefix, "Excel's quote prefix keeps it text when edited")
            with zipfile.ZipFile(out) as z:
                sheet_xml = z.read("xl/worksheets/sheet2.xml").decode()
            self.assertNotIn("<f>", sheet_xml)

    def test_the_workbook_is_never_written_to_a_terminal_but_may_go_to_a_pipe(self):
        piped = run("wards", "--format", "xlsx")
        self.assertTrue(piped.stdout.startswith(b"PK\x03\x04"), "a zip on a pipe")
        # A pseudo-terminal on standard output: refused with a message, nothing written.
        import pty
        leader, follower = pty.openpty()
        try:
            refused = subprocess.run([ARGS.binary, "audit", "wards", "--format", "xlsx"], cwd=ROOT,
                                     stdout=follower, stderr=subprocess.PIPE)
        finally:
            os.close(follower)
        os.set_blocking(leader, False)
        try:
            written = os.read(leader, 4096)
        except (BlockingIOError, OSError):
            written = b""
        os.close(leader)
        self.assertEqual(refused.returncode, 2)
        self.assertIn(b"-o", refused.stderr)
        self.assertEqual(written, b"")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.binary = os.path.abspath(ARGS.binary)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
