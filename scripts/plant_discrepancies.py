#!/usr/bin/env python3
"""Planted discrepancies: recall by kind and false flags per pair.

usage: plant_discrepancies.py WIREDIFF GVA_DIR [--fold dev|check|all] [--per-kind N] [--show K]

Takes real reports (../shared/eval/gva/articles.jsonl) and, in a copy of
one, changes one fact: a count or an age (`number`), a weekday or a month
day (`date`), a clock time (`time`), the surname of a person GVA lists as a
participant (`name`), the town GVA gives as the place where it stands as a
place of its own, not a word of a court's or a school's name (`place`). Then runs
`wirediff compare ORIGINAL COPY --format json` and counts

- recall by kind: the copy's change is flagged with the right kind (a
  discrepancy of that kind whose copy-side claim text holds the new value);
- wrong kind: flagged, but as another kind;
- false flags per pair: discrepancies that do not hold the planted value.

The facts to change are found by this script's own patterns and GVA's
gold, not by wirediff. Folds split by incident (a hash of its id): `dev`
and `check` halves, so a change made while looking at one half is checked
on the other.
"""
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen", "twenty"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTED = (r"people|persons|victims|men|women|children|others|killed|dead|injured|wounded|"
           r"officers|students|teens|teenagers|shots|rounds|suspects|bullets|homes|cars|"
           r"deputies|adults|boys|girls|times|years|months|days|hours|minutes|miles|feet")
NUM_RE = re.compile(r"\b(\d{1,3}|" + "|".join(NUMBER_WORDS[2:]) + r")\s+(?:\w+\s+)?(?:" + COUNTED + r")\b")
AGE_RE = re.compile(r"\b(\d{1,2})-year-old\b")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
MONTH_RE = re.compile(r"\b(Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|"
                      r"January|February|August|September|October|November|December) (\d{1,2})\b")
TIME_RE = re.compile(r"\b(\d{1,2})(:\d\d)? ?(a\.m\.|p\.m\.)")


def fold_of(incident):
    return "dev" if int(hashlib.sha256(incident.encode()).hexdigest()[:8], 16) % 2 == 0 else "check"


def plant_number(body, rng):
    found = [(m, 1) for m in NUM_RE.finditer(body)] + [(m, 1) for m in AGE_RE.finditer(body)]
    if not found:
        return None
    m, g = rng.choice(found)
    old = m.group(g)
    if old.isdigit():
        v = int(old)
        new = str(v + rng.choice([2, 3, 5]))
    else:
        v = NUMBER_WORDS.index(old.lower())
        new = NUMBER_WORDS[min(v + 2, 20)] if v + 2 <= 20 else str(v + 2)
        if old[0].isupper():
            new = new.capitalize()
    return m.start(g), m.end(g), new


def plant_date(body, rng):
    found = [("w", m) for m in WEEKDAY_RE.finditer(body)] + [("m", m) for m in MONTH_RE.finditer(body)]
    if not found:
        return None
    k, m = rng.choice(found)
    if k == "w":
        i = WEEKDAYS.index(m.group(1))
        return m.start(1), m.end(1), WEEKDAYS[(i + rng.choice([2, 3, 4])) % 7]
    d = int(m.group(2))
    nd = d + 3 if d <= 25 else d - 3
    return m.start(2), m.end(2), str(nd)


def plant_time(body, rng):
    found = list(TIME_RE.finditer(body))
    if not found:
        return None
    m = rng.choice(found)
    h = int(m.group(1))
    if not 1 <= h <= 12:
        return None
    return m.start(1), m.end(1), str(h % 12 + 2 if h % 12 + 2 <= 12 else 1)


def plant_name(body, incident, surnames, rng):
    names = [p["name"] for p in incident.get("participants", []) if p.get("name")]
    spots = []
    for n in names:
        parts = n.replace("'", " ").split()
        if len(parts) < 2:
            continue
        full = re.escape(parts[0]) + r"\s+(?:\w\.?\s+)?(" + re.escape(parts[-1]) + r")\b"
        spots += [m for m in re.finditer(full, body)]
    if not spots:
        return None
    m = rng.choice(spots)
    choices = [s for s in surnames if s not in body]
    return m.start(1), m.end(1), rng.choice(choices)


def plant_place(body, incident, towns, rng):
    town = incident.get("city_or_county", "")
    town = re.sub(r"\s*\(.*\)$", "", town).strip()
    if not town:
        return None
    # The town as a place of its own, not a word of a longer name ("Toledo
    # Municipal Court", "University of Chicago"): a changed court or
    # school name is not a changed place.
    spots = [m for m in re.finditer(r"\b(?:in|near|of|at|from|outside) (" + re.escape(town) + r")\b", body)
             if not re.match(r"[’']?s? ?[A-Z]", body[m.end(1):m.end(1) + 3])
             and not re.search(r"(?:[A-Z]\w*|University|College) (?:in|of|at) $", body[max(0, m.start(1) - 30):m.start(1)])]
    if not spots:
        return None
    m = rng.choice(spots)
    choices = [t for t in towns if t not in body and t != town]
    return m.start(1), m.end(1), rng.choice(choices)


def main():
    args = sys.argv[1:]
    binary, gva = args[0], args[1]
    fold = args[args.index("--fold") + 1] if "--fold" in args else "all"
    per_kind = int(args[args.index("--per-kind") + 1]) if "--per-kind" in args else 150
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    incidents = {}
    with open(os.path.join(gva, "incidents.jsonl")) as f:
        for line in f:
            i = json.loads(line)
            incidents[i["incident"]] = i
    articles = []
    with open(os.path.join(gva, "articles.jsonl")) as f:
        for line in f:
            a = json.loads(line)
            if fold == "all" or fold_of(a["incident"]) == fold:
                articles.append(a)
    surnames = sorted({p["name"].split()[-1] for i in incidents.values()
                       for p in i.get("participants", []) if p.get("name") and len(p["name"].split()) > 1
                       and p["name"].split()[-1].isalpha()})
    towns = sorted({re.sub(r"\s*\(.*\)$", "", i["city_or_county"]).strip() for i in incidents.values()
                    if i.get("city_or_county")})
    rng = random.Random(15)
    rng.shuffle(articles)
    tmp = tempfile.mkdtemp(prefix="plant-")
    jobs = []
    for kind in ("number", "date", "time", "name", "place"):
        n = 0
        for a in articles:
            if n >= per_kind:
                break
            body = a["body"]
            inc = incidents.get(a["incident"], {})
            spot = {"number": lambda: plant_number(body, rng), "date": lambda: plant_date(body, rng),
                    "time": lambda: plant_time(body, rng),
                    "name": lambda: plant_name(body, inc, surnames, rng),
                    "place": lambda: plant_place(body, inc, towns, rng)}[kind]()
            if not spot:
                continue
            s, e, new = spot
            if body[s:e] == new:
                continue
            b = dict(a, id=a["id"] + "-planted", body=body[:s] + new + body[e:])
            pa = os.path.join(tmp, f"{kind}-{n}-a.json")
            pb = os.path.join(tmp, f"{kind}-{n}-b.json")
            json.dump(a, open(pa, "w"))
            json.dump(b, open(pb, "w"))
            line_start = body.rfind("\n", 0, s) + 1
            line_end = body.find("\n", e)
            context = body[line_start:line_end if line_end >= 0 else len(body)]
            jobs.append((kind, pa, pb, body[s:e], new, a["id"], context))
            n += 1

    def run(job):
        kind, pa, pb, old, new, aid, context = job
        out = subprocess.run([binary, "compare", pa, pb, "--format", "json"], capture_output=True, text=True)
        return job, (json.loads(out.stdout) if out.returncode == 0 else None)

    planted, hit, wrong, false_flags, failures = Counter(), Counter(), Counter(), 0, 0
    misses = defaultdict(list)
    falses = []
    with ThreadPoolExecutor(max_workers=2) as ex:
        for job, res in ex.map(run, jobs):
            kind, _, _, old, new, aid, context = job
            if res is None:
                failures += 1
                continue
            planted[kind] += 1
            holds = [d for d in res["discrepancies"]
                     if any(c["article"] == 1 and new in c["text"] for c in d["claims"])]
            if any(d["kind"] == kind for d in holds):
                hit[kind] += 1
            elif holds:
                wrong[kind] += 1
                misses[kind].append((aid, old, new, "as " + holds[0]["kind"], context))
            else:
                misses[kind].append((aid, old, new, "missed", context))
            others = [d for d in res["discrepancies"] if d not in holds]
            false_flags += len(others)
            falses += [(aid, d) for d in others]
    pairs = sum(planted.values())
    for k in planted:
        print(f"planted {k}: {hit[k]}/{planted[k]} recall {hit[k] / planted[k]:.3f} (wrong kind {wrong[k]})")
    total = sum(hit.values())
    print(f"planted all: {total}/{pairs} recall {total / max(pairs, 1):.3f}; false flags {false_flags} "
          f"({false_flags / max(pairs, 1):.3f} per pair); failures {failures}; fold {fold}")
    for k, ms in misses.items():
        for m in ms[:show]:
            print(f"  miss {k}: {m[0]} {m[1]!r} -> {m[2]!r} {m[3]} :: {m[4][:200]}")
    for aid, d in falses[:show]:
        print(f"  false: {aid} {d['kind']} {d['what']} " + " / ".join(c["text"] for c in d["claims"]))
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
