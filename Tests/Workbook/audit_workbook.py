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
        # The figures, then one sheet a table, named by its heading, cut at a whole word to Excel's 31 characters.
        self.assertEqual(self.books["vi"].sheetnames,
                         ["Tổng hợp", "Đơn vị chưa nộp số liệu", "Tệp không hợp lệ", "Miễn trừ đã hết hạn", "Các tiêu chí",
                          "Xếp hạng các đơn vị", "Kết quả từng tiêu chí", "Kế hoạch mua sắm", "Việc cần làm (không mua sắm)",
                          "Phân công theo đơn vị thực hiện", "Chi tiết theo đơn vị"])
        self.assertEqual(self.books["en"].sheetnames,
                         ["Summary", "Units that have not submitted", "Invalid files — not evaluated", "Expired waivers — ignored", "Criteria",
                          "Units ranked", "Each criterion's outcome", "Procurement plan", "Actions (no purchase)",
                          "What falls to each party", "Unit by unit"])

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
            # The day of the audit is a date, shown as the reader writes dates.
            day = next(c for c in sheet["B"] if hasattr(c.value, "date"))
            self.assertEqual(day.value.date().isoformat(), self.audits[lang]["evaluated_on"])
            self.assertEqual(day.number_format, {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}[lang])

    def table(self, lang, index):
        """A table sheet: its notes above, then the header (frozen, filtered), then the rows."""
        sheet = self.books[lang].worksheets[index]
        header_row = int(sheet.freeze_panes[1:]) - 1
        self.assertEqual(sheet.auto_filter.ref.split(":")[0][1:], str(header_row), "the header row carries the filter")
        header = [c.value for c in sheet[header_row]]
        body = [r for r in sheet.iter_rows(min_row=header_row + 1) if any(c.value is not None for c in r)]
        return sheet, header, body

    def test_the_ranking_has_every_unit_as_the_json_ranks_it(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            sheet, header, body = self.table(lang, 5)
            self.assertEqual(sheet.freeze_panes[0], "D", "the name stays in view")
            self.assertEqual(len(body), len(audit["units"]))
            for cells, unit in zip(body, audit["units"]):
                self.assertEqual([c.value for c in cells[:4]], [unit["rank"], unit["code"], unit["name"], unit["passed"]])
                self.assertEqual(cells[5].value, unit["cost"])
                self.assertIn("₫", cells[5].number_format)
                self.assertEqual(cells[6].value.date().isoformat(), unit["facts_date"])
                self.assertEqual(cells[6].number_format, {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}[lang], "a date, shown as the reader writes it")

    def test_the_matrix_has_every_unit_with_its_outcomes_in_words_and_colour(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            sheet, header, body = self.table(lang, 6)
            ids = [c["id"] for c in audit["criteria"]]
            columns = {i: header.index(i) for i in ids}
            self.assertEqual(len(body), len(audit["units"]))
            for cells, unit in zip(body, audit["units"]):
                self.assertEqual(cells[1].value, unit["code"])
                for criterion, outcome in unit["outcomes"].items():
                    cell = cells[columns[criterion]]
                    self.assertEqual(cell.value, LABELS[lang][outcome])
                    self.assertEqual(cell.fill.fgColor.rgb, FILLS[outcome])
                self.assertEqual(cells[-1].value, unit["passed"])
            # The groups, in words above the header: every criterion under one.
            notes = " ".join(str(c.value) for row in sheet.iter_rows(max_row=int(sheet.freeze_panes[1:]) - 2) for c in row if c.value)
            self.assertTrue(all(i in notes for i in ids), notes)

    def test_the_plan_matches_the_json(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            sheet, header, body = self.table(lang, 7)
            *items, total = [[c.value for c in r] for r in body]
            expected = sorted([[i["name"], p["who"], i["unit_cost"], i["quantity"], i["units"], i["total"]]
                               for p in audit["parties"] for i in p["items"]], key=str)
            self.assertEqual(sorted(items, key=str), expected)
            self.assertEqual(total[0], "Tổng cộng" if lang == "vi" else "Total")
            self.assertEqual(total[5], audit["plan"]["total"])
            self.assertEqual(sum(i["total"] for i in audit["plan"]["items"]), audit["plan"]["total"])

    def test_each_units_needs_by_party_match_the_json_lists(self):
        for lang in ("vi", "en"):
            audit = self.audits[lang]
            _, _, body = self.table(lang, 10)
            got = {(r[0].value, r[1].value): (r[3].value, r[4].value or 0) for r in body}
            expected = {}
            for party in audit["parties"]:
                for item in party["items"]:
                    for share in item["by_unit"]:
                        needs, cost = expected.get((party["who"], share["code"]), ([], 0))
                        expected[(party["who"], share["code"])] = (needs + [f'{item["name"]} × {share["quantity"]}'], cost + share["cost"])
                for action in party["actions"]:
                    for share in action["by_unit"]:
                        needs, cost = expected.get((party["who"], share["code"]), ([], 0))
                        expected[(party["who"], share["code"])] = (needs + [action["name"]], cost)
            self.assertEqual(set(got), set(expected))
            for key, (needs, cost) in expected.items():
                with self.subTest(lang=lang, key=key):
                    self.assertEqual(got[key][1], cost)
                    for need in needs:
                        self.assertIn(need.split(" × ")[0], got[key][0])

    def test_not_submitted_and_invalid_files(self):
        audit = self.audits["vi"]
        _, _, missing = self.table("vi", 1)
        self.assertEqual([r[0].value for r in missing], [u["code"] for u in audit["not_submitted"]])
        # The roster's values as the schema labels them, never the file's English words.
        self.assertTrue(all(r[2].value in ("phường", "xã", "đặc khu") for r in missing), missing)
        _, header, invalid = self.table("vi", 2)
        self.assertEqual([r[0].value for r in invalid], [os.path.basename(i["file"]) for i in audit["invalid"]])
        # The problems in words for the city office, with the line to look at; no code, no backtick.
        for row in invalid:
            self.assertNotIn("WC", row[4].value or "", row)
            self.assertNotIn("`", row[4].value or "", row)
        que_son = next(r for r in invalid if r[1].value == "20473")
        self.assertEqual(que_son[2].value, "Xã Quế Sơn")
        self.assertEqual(que_son[3].value, 3)
        self.assertEqual(que_son[4].value, "Dòng 32: Mục Nguồn điện có tên «genrator», có phải «generator» (Máy phát điện dự phòng)?")

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
            book = openpyxl.load_workbook(out)
            index = book.sheetnames.index("Xếp hạng các đơn vị")
            sheet = book.worksheets[index]
            cell = next(c for c in sheet["C"] if c.value and c.value.startswith("=HYPERLINK"))
            self.assertEqual(cell.value, '=HYPERLINK("http://x","y")')
            self.assertEqual(cell.data_type, "s", "a string, never a formula")
            self.assertTrue(cell.quotePrefix, "Excel's quote prefix keeps it text when edited")
            with zipfile.ZipFile(out) as z:
                sheet_xml = z.read(f"xl/worksheets/sheet{index + 1}.xml").decode()
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
