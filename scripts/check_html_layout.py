#!/usr/bin/env python3
"""Does wirediff's HTML page fit a phone, and print without split rows?
Checked in headless Chromium.

Two reports with a long path, a long id and a long URL (records of a JSONL
file in a deep folder) are rendered with `compare --format html`. The page
is opened, as it is (its Content-Security-Policy included), in headless
Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`):
the viewport is set to 1280 and to 390 CSS px with device-metrics emulation
(a window alone cannot be narrower than 500 px), and an expression evaluated
by the protocol counts the elements that end right of the viewport and reads
the scroll width. Each width is screenshotted at its true size, and the page
is printed to PDF; pdftoppm turns the first pages into PNGs to look at, and
pdftotext is searched for a row label cut from its row (a sentence label
that ends a page).

Usage: scripts/check_html_layout.py WIREDIFF A.json B.json [--out DIR] [--chromium PATH]
Prints "overflow at 390 px: N elements" (and at 1280) and the PDF's pages;
exits 1 when anything overflows, 2 when the check could not be made.
"""

import argparse
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--hide-scrollbars"]

# Elements whose right edge is past the viewport, and the scroll width.
MEASURE = """(() => {
  const w = document.documentElement.clientWidth;
  let n = 0;
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 0.5) n++;
  }
  return JSON.stringify([n, document.documentElement.scrollWidth, w]);
})()"""


class Browser:
    """Headless Chromium over the DevTools protocol on fds 3 and 4: JSON
    messages, each ended by a NUL byte."""

    def __init__(self, binary):
        r_in, w_in = os.pipe()    # we write, Chromium reads on fd 3
        r_out, w_out = os.pipe()  # Chromium writes on fd 4, we read
        def fds():
            os.dup2(r_in, 3)
            os.dup2(w_out, 4)
        self.proc = subprocess.Popen([binary, *FLAGS, "--remote-debugging-pipe", "about:blank"],
                                     pass_fds=(r_in, w_out, 3, 4), preexec_fn=fds,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_in)
        os.close(w_out)
        self.w = os.fdopen(w_in, "wb")
        self.r = os.fdopen(r_out, "rb")
        self.n = 0
        self.buf = b""
        self.events = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def _read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.r.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, session=None, **params):
        self.n += 1
        msg = {"id": self.n, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        self.w.write(json.dumps(msg).encode() + b"\0")
        self.w.flush()
        while True:
            m = self._read()
            if m.get("id") == self.n:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def page(self, method, **params):
        return self.call(method, session=self.session, **params)

    def wait(self, event):
        while True:
            for k, m in enumerate(self.events):
                if m.get("method") == event:
                    del self.events[: k + 1]
                    return m
            self.events.append(self._read())

    def open(self, url, width, height):
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 700)
        self.page("Page.enable")
        self.events.clear()
        self.page("Page.navigate", url=url)
        self.wait("Page.loadEventFired")

    def close(self):
        self.proc.kill()
        self.proc.wait()


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
        # A browser that stops answering must not hang the gate.
        signal.signal(signal.SIGALRM, lambda *_: (_ for _ in ()).throw(RuntimeError("no answer in 120 s")))
        signal.alarm(120)
        browser = None
        bad = 0
        try:
            browser = Browser(args.chromium)
            for w, h in ((1280, 1000), (390, 1200)):
                browser.open("file://" + page, w, h)
                got = browser.page("Runtime.evaluate", expression=MEASURE, returnByValue=True)
                n, scroll, view = json.loads(got["result"]["value"])
                bad += n
                print(f"overflow at {w} px: {n} elements (scroll width/viewport {scroll}/{view})")
                if args.out:
                    os.makedirs(args.out, exist_ok=True)
                    shot = os.path.join(args.out, f"compare-html-{w}.png")
                    png = browser.page("Page.captureScreenshot", format="png")["data"]
                    with open(shot, "wb") as f:
                        f.write(base64.b64decode(png))
                    print(f"screenshot: {shot}")
            # Printed as a reader would: the print style on, A4, no headers.
            pdf = os.path.join(tmp, "page.pdf")
            data = browser.page("Page.printToPDF", paperWidth=8.27, paperHeight=11.69,
                                displayHeaderFooter=False)["data"]
            with open(pdf, "wb") as f:
                f.write(base64.b64decode(data))
        except (RuntimeError, KeyError, OSError) as e:
            print(f"could not measure: {e}", file=sys.stderr)
            return 2
        finally:
            signal.alarm(0)
            if browser:
                browser.close()
        if not shutil.which("pdftotext"):
            print("print: not checked (pdftotext, of poppler-utils, is not installed)")
            return 1 if bad else 0
        pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        n = re.search(r"Pages:\s+(\d+)", pages)
        print(f"print: {n.group(1) if n else '?'} pages")
        if args.out:
            prefix = os.path.join(args.out, "compare-print")
            subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", pdf, prefix], check=False)
            print(f"print: first two pages as {prefix}-*.png")
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
