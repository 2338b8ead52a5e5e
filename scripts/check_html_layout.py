#!/usr/bin/env python3
"""Does wirediff's HTML page fit a phone, and print without split rows?
Checked in headless Chromium.

Two reports with a long path, a long id and a long URL (records of a JSONL
file in a deep folder) are rendered with `compare --format html`. A copy of
the page, its Content-Security-Policy tag removed, gets a measuring script
that writes onto the root element how many elements end right of the
viewport (data-overflow) and the page's scroll width; `--dump-dom` at 1280
and 390 px reads them. Headless Chromium lays out no window narrower than
500 px, so "390 px" is a 500 px window (where the page's narrow layout,
below 700 px, is on) with the root element 390 px wide, measured against
390. The page is also screenshotted at both widths (the 390 one 500 px
wide, its right edge blank) and printed to PDF; pdftoppm turns the first
pages into PNGs to look at, and pdftotext is searched for a row label cut
from its row (a sentence label that ends a page).

Usage: scripts/check_html_layout.py WIREDIFF A.json B.json [--out DIR] [--chromium PATH]
Prints "overflow at 390 px: N elements" (and at 1280) and the PDF's pages;
exits 1 when anything overflows, 2 when the check could not be made.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars", "--virtual-time-budget=3000"]

MEASURE = """<script>
addEventListener('load', () => {
  const w = Math.min(document.documentElement.clientWidth, WIDTH);
  let n = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5) n++;
  }
  document.documentElement.setAttribute('data-overflow', String(n));
  document.documentElement.setAttribute('data-scroll', String(document.documentElement.scrollWidth) + '/' + w);
});
</script>"""


def long_records(a_path, b_path, tmp):
    deep = os.path.join(tmp, "newsroom", "archive", "2031", "05", "17", "wires", "incoming")
    os.makedirs(deep)
    feed = os.path.join(deep, "all-wires-and-partner-feeds-of-the-day.jsonl")
    ids = []
    with open(feed, "w", encoding="utf-8") as f:
        for k, p in enumerate([a_path, b_path]):
            with open(p, encoding="utf-8") as g:
                rec = json.load(g)
            rec["id"] = f"{k}-" + rec.get("id", "x") + "-update-number-seven-final-version-with-corrections"
            rec["url"] = (rec.get("url") or "https://news.example/") + "?utm_source=" + "x" * 80
            ids.append(rec["id"])
            f.write(json.dumps(rec) + "\n")
    return feed, ids


def chromium(binary, *args, timed=True):
    flags = FLAGS if timed else [f for f in FLAGS if not f.startswith("--virtual-time")]
    return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120)


def narrowed(html, width):
    """The page with its root element `width` px wide (see the docstring)."""
    return html.replace("</head>", f"<style>html {{ width: {width}px; }}</style></head>")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wirediff")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--out", default=None, help="where screenshots and PDF pages go")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed, ids = long_records(args.a, args.b, tmp)
        page = os.path.join(tmp, "page.html")
        r = subprocess.run([args.wirediff, "compare", feed, "--ids", *ids, "--format", "html", "-o", page],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 2
        html = open(page, encoding="utf-8").read()
        measured = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
        bad = 0
        for w in (1280, 390):
            mpath = os.path.join(tmp, f"measured-{w}.html")
            page_w = measured.replace("</head>", MEASURE.replace("WIDTH", str(w)) + "</head>")
            if w < 500:
                page_w = narrowed(page_w, w)
            open(mpath, "w", encoding="utf-8").write(page_w)
            dom = chromium(args.chromium, f"--window-size={max(w, 500)},900", "--dump-dom", "file://" + mpath).stdout
            m = re.search(r'data-overflow="(\d+)"', dom)
            s = re.search(r'data-scroll="([^"]+)"', dom)
            if not m:
                print(f"could not measure at {w} px", file=sys.stderr)
                return 2
            n = int(m.group(1))
            bad += n
            print(f"overflow at {w} px: {n} elements (scroll width/viewport {s.group(1) if s else '?'})")
        if args.out:
            os.makedirs(args.out, exist_ok=True)
            narrow = os.path.join(tmp, "narrow.html")
            open(narrow, "w", encoding="utf-8").write(narrowed(html, 390))
            for w, h, src in ((1280, 1000, page), (390, 1200, narrow)):
                shot = os.path.join(args.out, f"compare-html-{w}.png")
                chromium(args.chromium, f"--window-size={max(w, 500)},{h}", f"--screenshot={shot}", "file://" + src)
                print(f"screenshot: {shot}")
            pdf = os.path.join(tmp, "page.pdf")
            chromium(args.chromium, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "file://" + page, timed=False)
            if os.path.exists(pdf) and shutil.which("pdftoppm"):
                prefix = os.path.join(args.out, "compare-print")
                subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", pdf, prefix], check=False)
                pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
                n = re.search(r"Pages:\s+(\d+)", pages)
                print(f"print: {n.group(1) if n else '?'} pages; first two as {prefix}-*.png")
                text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
                cut = 0
                for pg in text.split("\f"):
                    last = [l for l in pg.splitlines() if l.strip()][-1:] or [""]
                    if re.fullmatch(r"\s*[AB]\d+(\+\d+)*\s*", last[0]):
                        cut += 1
                print(f"print: {cut} pages end on a row label cut from its row")
                bad += cut
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
