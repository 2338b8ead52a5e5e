#!/usr/bin/env python3
"""Does any script from an article run in wirediff's HTML page? Checked in a
real browser (headless Chromium).

Every payload of tests/data/xss-payloads.txt goes into every text field of
two articles (id, source, title, url, published, byline, sentences, the
words that differ, quotes); `wirediff compare --format html` renders them.
Each payload's code sets window.__pwned and writes the attribute
data-pwned="ran" on the page's root element; `chromium --dump-dom` prints the
page as it stands after loading, so a payload that ran shows as that
attribute (the payload's own text only holds 'data-'+'pwned', never the
written form). Three pages are loaded:

  page      wirediff's page as written (escaped, with its CSP);
  no-csp    the same page with the Content-Security-Policy tag removed, so
            escaping alone is tested;
  control   a page with a script that does what a payload would, without
            CSP: it must show the marker, or the check could not see a run.

Usage: scripts/check_html_chromium.py [WIREDIFF] [--chromium PATH]
Prints "scripts run: 0" and exits 0 when nothing ran and the control did;
exits 1 when something ran, 2 when the check itself could not be made.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAYLOADS = os.path.join(ROOT, "tests", "data", "xss-payloads.txt")
MARK = "top.__pwned=1;document.documentElement.setAttribute('data-'+'pwned','ran')"
RAN = 'data-pwned="ran"'
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=3000",
]


def payloads():
    with open(PAYLOADS, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]
    return [l.replace("MARK", MARK) for l in lines]


def article(side, items):
    """One article with every payload in every field; B's sentences differ
    from A's by a word, so the payloads are diff tokens too."""
    joined = " ".join(items)
    extra = "again " if side == "b" else ""
    sentences = []
    for k, p in enumerate(items):
        sentences.append(f"The harbour council said {extra}{p} on day {k}.")
        sentences.append(f"\u201cWe will not sign {p},\u201d said Ana Berg, the union chief.")
    return {
        "id": f"{side}-{joined}",
        "source": f"Wire {joined}",
        "title": f"Harbour talks {side} {joined}",
        "url": f"https://example.org/{joined}",
        "published": f"2024-05-01 {joined}",
        "body": f"By Reporter {joined}\n\n" + "\n\n".join(sentences),
    }


def dump_dom(chromium, page, profile):
    cmd = [chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", "file://" + page]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if r.returncode != 0 or "<html" not in r.stdout:
        raise RuntimeError(f"chromium failed on {page}: {r.stderr.strip()[-400:]}")
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wirediff", nargs="?", default=os.path.join(ROOT, "target/release/wirediff"))
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    if not os.access(args.chromium, os.X_OK):
        print(f"check_html_chromium: {args.chromium} not found", file=sys.stderr)
        return 2
    items = payloads()
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
        for path, side in ((a, "a"), (b, "b")):
            with open(path, "w", encoding="utf-8") as f:
                json.dump(article(side, items), f)
        page = os.path.join(tmp, "page.html")
        r = subprocess.run(
            [args.wirediff, "compare", a, b, "--format", "html", "-o", page],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            print(f"check_html_chromium: wirediff failed: {r.stderr.strip()}", file=sys.stderr)
            return 2
        html = open(page, encoding="utf-8").read()
        if 'http-equiv="Content-Security-Policy"' not in html:
            print("check_html_chromium: the page has no CSP meta tag", file=sys.stderr)
            return 1
        no_csp = os.path.join(tmp, "no-csp.html")
        with open(no_csp, "w", encoding="utf-8") as f:
            f.write(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html))
        control = os.path.join(tmp, "control.html")
        with open(control, "w", encoding="utf-8") as f:
            f.write(f"<!DOCTYPE html><html><body><p>control</p><img src=x onerror=\"{MARK}\"></body></html>")
        seen = {}
        for name, p in (("page", page), ("no-csp", no_csp), ("control", control)):
            profile = tempfile.mkdtemp(dir=tmp, prefix="profile-")
            dom = dump_dom(args.chromium, p, profile)
            seen[name] = dom.count(RAN)
            if name != "control" and "&lt;img src=x onerror=" not in dom:
                print(f"check_html_chromium: {name}: the payloads are not shown as text", file=sys.stderr)
                return 2
    if seen["control"] == 0:
        print("check_html_chromium: the control script did not show; the check sees nothing", file=sys.stderr)
        return 2
    ran = seen["page"] + seen["no-csp"]
    print(f"payloads: {len(items)} in 8 kinds of field, 2 articles")
    print(f"control page: script seen ({seen['control']})")
    print(f"page with CSP: {seen['page']} ran; page without CSP (escaping alone): {seen['no-csp']} ran")
    print(f"scripts run: {ran}")
    return 1 if ran else 0


if __name__ == "__main__":
    sys.exit(main())
