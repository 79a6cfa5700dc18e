#!/usr/bin/env python3
"""The audit as an administrative document (`wardcheck audit --format docx`), read as the city
office and the Party committee's office would read it: opened with python-docx, its layout
measured against Decree 30/2020/NĐ-CP (A4; margins 20, 20, 30, 15 mm; Times New Roman; the
national title and motto; number, place and date; "BÁO CÁO"; "Nơi nhận"; the signature; page
numbers from the second page), its figures compared with the JSON report of the same run, and
converted to PDF by LibreOffice, whose pages are then read back with pdftotext.

Also prints the HTML audit with headless Chromium and reads the PDF: A4 pages, the report's
title at the top of each and "Trang n / N" at the bottom.

    python3 Tests/Documents/official_document_test.py --bin .build/debug/wardcheck
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Mm

ROOT = Path(__file__).resolve().parents[2]
failures = 0


def check(ok, what):
    global failures
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures += 1


def vi_number(n):
    """1234567 as Vietnamese writes it, worked out here rather than by the code under test: 1.234.567."""
    return "{:,}".format(n).replace(",", ".")


def cell_texts(table):
    return [[c.text.strip() for c in row.cells] for row in table.rows]


def run(binary, args, **kw):
    return subprocess.run([str(binary)] + args, capture_output=True, cwd=ROOT, **kw)


def official_document(binary, work):
    print("the audit as an administrative document")
    # The office's settings file gives the heading; an option given beside it takes its place
    # (the file's signer is on leave this month).
    settings = work / "van-ban.yaml"
    settings.write_text("""official: 1
parent_body: "UBND thành phố Đà Nẵng"
issuer: "Sở Khoa học và Công nghệ"
number: "125/BC-SKHCN"
place: "Đà Nẵng"
authority: "KT. Giám đốc"
position: "Phó Giám đốc"
signer: "Trần Thị Bình"
recipients:
  - "Ban Chỉ đạo Trung ương"
  - "Thường trực Thành ủy"
  - "Lưu: VT, CNTT"
""", encoding="utf-8")
    heading = ["--official", str(settings), "--signer", "Nguyễn Văn An"]
    path = work / "bao-cao.docx"
    made = run(binary, ["audit", "wards", "--as-of", "2026-12-04", "--format", "docx", "-o", str(path)] + heading)
    check(path.exists() and made.returncode in (0, 1, 2), "written: exit %d %s" % (made.returncode, made.stderr.decode()[-300:]))
    report = json.loads(run(binary, ["audit", "wards", "--as-of", "2026-12-04", "--format", "json"]).stdout)
    summary = report["summary"]
    d = docx.Document(str(path))

    # The page: A4, the decree's margins, a different first page whose header is empty, and a
    # PAGE field centred in the header of the others.
    s = d.sections[0]
    check(abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5), "A4 portrait")
    margins = [round(m / Mm(1)) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    check(margins == [20, 20, 30, 15], "margins top, bottom, left, right in mm: %s" % margins)
    check(s.different_first_page_header_footer, "the first page has its own header")
    check(s.first_page_header.paragraphs[0].text.strip() == "", "with no page number on it")
    header_xml = s.header._element.xml
    check("PAGE" in header_xml and 'w:val="center"' in header_xml, "the other pages are numbered, centred at the top")

    # The font: Times New Roman throughout, 14 pt for the text, 12 pt in tables.
    fonts = d.styles.element.xml
    check('w:ascii="Times New Roman"' in fonts and 'w:hAnsi="Times New Roman"' in fonts, "Times New Roman by default")
    body_sizes = {r.font.size.pt for p in d.paragraphs for r in p.runs if r.font.size}
    check(body_sizes <= {14.0, 13.0}, "paragraphs in 13–14 pt: %s" % sorted(body_sizes))

    # The national heading: issuer left, national title and motto right, then number, place and date.
    top = cell_texts(d.tables[0])[0]
    check(top[0].split("\n")[:2] == ["UBND THÀNH PHỐ ĐÀ NẴNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "the parent body and the issuer in capitals: %r" % top[0])
    check("Số: 125/BC-SKHCN" in top[0], "the number and symbol")
    check(top[1].split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "the national title and motto: %r" % top[1])
    check("Đà Nẵng, ngày 04 tháng 12 năm 2026" in top[1], "place and date, the day under 10 written 04")
    date_run = [r for p in d.tables[0].rows[0].cells[1].paragraphs for r in p.runs if "ngày" in r.text]
    check(date_run and date_run[0].italic, "the date in italics")

    texts = [p.text for p in d.paragraphs]
    title = [p for p in d.paragraphs if p.text == "BÁO CÁO"]
    check(title and title[0].runs[0].bold and title[0].alignment == 1, "BÁO CÁO, bold and centred")
    subject = texts[texts.index("BÁO CÁO") + 1] if "BÁO CÁO" in texts else ""
    check(subject.startswith("Kết quả đánh giá mức độ sẵn sàng theo 16 tiêu chí") and "04/12/2026" in subject, "what it reports: " + subject)

    # The figures are the JSON's.
    headline = "%d/%d đơn vị đã đánh giá đạt 16/16" % (summary["ready"], summary["valid"])
    check(any(t.startswith(headline) for t in texts), "the headline: " + headline)
    roster_sum = summary["ready"] + summary["not_ready"] + summary["units_invalid"] + summary["units_duplicated"] + summary["not_submitted"]
    check(roster_sum == summary["roster_units"], "every roster unit accounted for: %d = %d" % (roster_sum, summary["roster_units"]))
    check("- Tổng chi phí ước tính: %s ₫" % vi_number(summary["total_cost"]) in texts, "the total cost: %s ₫" % vi_number(summary["total_cost"]))
    check("- Đạt 16/16: %d" % summary["ready"] in texts, "units ready")
    check("- Chưa nộp số liệu: %d" % summary["not_submitted"] in texts, "units not submitted")

    tables = [cell_texts(t) for t in d.tables]
    criteria = next((t for t in tables if t[0][:4] == ["Mã", "Tiêu chí", "Nhóm", "Đạt"]), None)
    check(criteria is not None, "the criteria table")
    if criteria:
        rows = {r[0]: [int(x.replace(".", "")) for x in r[3:9]] for r in criteria[1:]}
        expected = {t["id"]: [t["passed"], t["failed"], t["not_reported"], t["not_evaluable"], t["waived"], t["blocking"]] for t in report["tallies"]}
        check(rows == expected, "each criterion's counts equal the JSON's tallies (%d criteria)" % len(expected))
        check([r[0] for r in criteria[1:]] == [t["id"] for t in report["tallies"]], "biggest blocker first, as the JSON")
    plan = next((t for t in tables if t[0][:2] == ["Hạng mục", "Đơn vị thực hiện"]), None)
    check(plan is not None, "the procurement plan")
    if plan:
        check(plan[-1][0] == "Tổng cộng" and plan[-1][-1] == vi_number(report["plan"]["total"]) + " ₫", "its total row: %s" % plan[-1])
        check(len(plan) - 2 == len(report["plan"]["items"]), "one row per plan line: %d" % (len(plan) - 2))
    ranking = next((t for t in tables if t[0][:3] == ["Hạng", "Mã", "Đơn vị"]), None)
    check(ranking is not None and len(ranking) - 1 == summary["valid"], "every evaluated unit ranked")
    # The matrix: its groups over the criteria in a first header row, one mark a criterion for each unit.
    matrix = next((t for t in tables if len(t) > 1 and t[1][:3] == ["Hạng", "Mã", "Đơn vị"]), None)
    check(matrix is not None and len(matrix) - 2 == summary["valid"], "the matrix, every evaluated unit in it")
    if matrix:
        ids = [c["id"] for c in report["criteria"]]
        marks = {"passed": "✓", "failed": "✗", "not_reported": "?", "not_evaluable": "!", "waived": "~"}
        header = matrix[1]
        got = {r[1]: {i: r[header.index(i)] for i in ids} for r in matrix[2:]}
        expected = {u["code"]: {i: marks[o] for i, o in u["outcomes"].items()} for u in report["units"]}
        check(got == expected, "each unit's marks are the JSON's outcomes")

    closing = cell_texts(d.tables[-1])[0]
    check(closing[0].split("\n") == ["Nơi nhận:", "- Ban Chỉ đạo Trung ương;", "- Thường trực Thành ủy;", "- Lưu: VT, CNTT."], "Nơi nhận: %r" % closing[0])
    signature = [line for line in closing[1].split("\n") if line.strip()]
    check(signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"], "the signature block: %r" % signature)

    everything = "\n".join(texts + [c for t in tables for r in t for c in r])
    check(not re.search(r"\d{4}-\d{2}-\d{2}", everything), "no ISO date")
    check(not re.search(r"error\[|WC\d{3}|\.yaml:\d", everything.replace("20473-que-son.yaml", "")), "no diagnostic code or file position")

    # Blanks to fill by hand when nothing is given.
    bare = work / "bare.docx"
    run(binary, ["audit", "wards", "--as-of", "2026-12-04", "--format", "docx", "-o", str(bare)])
    top = cell_texts(docx.Document(str(bare)).tables[0])[0]
    check("Số: ……………" in top[0] and "……………, ngày 04 tháng 12 năm 2026" in top[1], "without options, dotted blanks to fill: %r" % top)

    # LibreOffice opens it and prints it: A4 pages, numbered from the second.
    if shutil.which("soffice") is None:
        check(False, "LibreOffice (soffice) is installed")
        return
    converted = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(path)],
                               capture_output=True, timeout=300)
    pdf = work / "bao-cao.pdf"
    check(pdf.exists(), "LibreOffice converts it to PDF: " + converted.stderr.decode()[-200:])
    if pdf.exists():
        pdf_pages(pdf, expect_title=None)


def pdf_pages(pdf, expect_title):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    w, h = float(size.group(1)), float(size.group(2))
    check(pages >= 2, "%d pages" % pages)
    check({round(w), round(h)} == {595, 842}, "A4 pages: %.0f × %.0f pt" % (w, h))
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
             for n in range(1, pages + 1)]
    if expect_title is None:
        check("BÁO CÁO" in texts[0] and "Nơi nhận:" in texts[-1], "the first page opens with BÁO CÁO, the last closes with Nơi nhận")
        first_lines = [next((l.strip() for l in t.splitlines() if l.strip()), "") for t in texts]
        check(first_lines[1:] == [str(n) for n in range(2, pages + 1)], "pages 2 to %d numbered at the top" % pages)
        check(first_lines[0] != "1", "the first page carries no number")
    else:
        for n, text in enumerate(texts, start=1):
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            check(lines and expect_title in lines[0], "page %d: the title at the top" % n)
            check(lines and lines[-1] == "Trang %d / %d" % (n, pages), "page %d: «Trang %d / %d» at the bottom: %r" % (n, n, pages, lines[-1] if lines else ""))


def printed_page(binary, work):
    print("the HTML audit printed")
    page = work / "audit.html"
    run(binary, ["audit", "wards", "--as-of", "2026-12-04", "--format", "html", "-o", str(page)])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    pdf = work / "audit.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + str(pdf), page.as_uri()], capture_output=True, timeout=120)
    check(pdf.exists(), "Chromium prints it to PDF")
    if pdf.exists():
        pdf_pages(pdf, expect_title="Kiểm tra sẵn sàng 16 tiêu chí")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    args = parser.parse_args()
    binary = Path(args.bin).resolve()
    work = Path(tempfile.mkdtemp(prefix="wardcheck-document-"))
    try:
        official_document(binary, work)
        printed_page(binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("official document test: " + ("all passed" if failures == 0 else "%d failed" % failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
