#!/usr/bin/env python3
"""Print the evaluation figures and fail when one falls below the baseline.

usage: gate.py WIREDIFF EVAL_DIR BASELINE.json

Each figure comes from a scorer in EVAL_DIR (../shared/eval, beside the
checkout); BASELINE.json holds the lowest figure each may fall to. Raise a
baseline in the same commit that raises the figure. When EVAL_DIR is absent
the gate says so and passes: the figures need the shared data.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    return out.stdout + out.stderr


def main():
    binary, eval_dir, baseline_path = sys.argv[1:4]
    if not os.path.isdir(eval_dir):
        print(f"skipped: {eval_dir} is absent, no evaluation figures")
        return 0
    baseline = json.load(open(baseline_path))
    figures = {}

    seg = os.path.join(eval_dir, "score_segmentation.py")
    for key, rules in (("golden_rules_en", "golden_rules_en.jsonl"),
                       ("golden_rules_pysbd48", "golden_rules_en_pysbd48.jsonl")):
        text = run([sys.executable, seg, binary, os.path.join(eval_dir, "golden_rules_en", rules)])
        m = re.search(r"golden rules: (\d+)/(\d+)", text)
        figures[key] = int(m.group(1)) if m else 0
        print(f"{key}: {m.group(0) if m else 'no figure'}")

    # Sentence-boundary F1 on real documents of each GUM genre. GUM's own
    # splits at semicolons, colons and some dashes are left in the score (they
    # are not news style, so they stay misses: docs/segmentation.md).
    gum = os.path.join(eval_dir, "score_gum.py")
    for genre in ("news", "interview", "bio", "whow", "voyage", "academic"):
        text = run([sys.executable, gum, binary, os.path.join(eval_dir, "gum", f"{genre}.jsonl")])
        m = re.search(r"gum \w+: boundary F1 ([\d.]+)(.*)", text)
        failed = m is None or "FAILED" in m.group(2)
        figures[f"gum_f1_{genre}"] = 0 if failed else float(m.group(1))
        print(m.group(0) if m else f"gum {genre}: no figure")

    seeds = sorted(os.listdir("seeds"))
    afp = next(os.path.join("seeds", s) for s in seeds if "afp" in s)
    reuters = next(os.path.join("seeds", s) for s in seeds if "reuters" in s)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
        subprocess.run([binary, "compare", afp, reuters, "--format", "json"], stdout=tmp, check=False)
    text = run([sys.executable, os.path.join(eval_dir, "score_seeds.py"), tmp.name])
    print("".join("  " + l + "\n" for l in text.splitlines()), end="")
    m = re.search(r"score: (\d+)/(\d+)", text)
    figures["seeds_checks"] = int(m.group(1)) if m else 0

    # dev is the check nobody tunes on; train (840 articles) is where speaker
    # work is developed, in folds (scripts/score_quote_folds.py).
    for split, prefix in (("polnear-dev", "quotes"), ("polnear-train", "train_quotes")):
        texts = os.path.join(eval_dir, split, "text")
        if not os.path.isdir(texts):
            print(f"skipped: {texts} is absent")
            continue
        files = sorted(os.path.join(texts, f) for f in os.listdir(texts) if f.endswith(".txt"))
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
            subprocess.run([binary, "quotes", *files, "--format", "json"], stdout=tmp, check=False)
        text = run([sys.executable, os.path.join(eval_dir, "score_quotes.py"), tmp.name,
                    os.path.join(eval_dir, split, "attributions.jsonl")])
        m = re.search(r"quotes: recall ([\d.]+) speaker ([\d.]+) precision ([\d.]+)", text)
        if m:
            (figures[prefix + "_recall"], figures[prefix + "_speaker"],
             figures[prefix + "_precision"]) = map(float, m.groups())
        print(f"{split} quotes: {m.group(0) if m else 'no figure'}")

    discrepancy_figures(binary, eval_dir, figures)

    # N-way compare on BASIL's triplets: every run succeeds, and the groups
    # keep the pairwise alignments (scripts/score_nway.py).
    basil = os.path.join(eval_dir, "basil", "articles.jsonl")
    if os.path.isfile(basil):
        text = run([sys.executable, "scripts/score_nway.py", binary, basil])
        m = re.search(r"nway basil: (\d+) events, (\d+) failed; .* \(share ([\d.]+)\)", text)
        if m:
            figures["nway_basil_none_failed"] = 1 if int(m.group(2)) == 0 else 0
            figures["nway_basil_kept_share"] = float(m.group(3))
        print(m.group(0) if m else "nway basil: no figure")
    else:
        print(f"skipped: {basil} is absent")

    bench = os.path.join(os.path.dirname(os.path.abspath(eval_dir)), "bench")
    if os.path.isfile(os.path.join(bench, "make_workloads.py")):
        workload_figures(binary, bench, eval_dir, figures)
    else:
        print(f"skipped: {bench} is absent, no workload figures")

    # XSS payloads in every field, rendered in headless Chromium: 1 when
    # none ran (and the check's control script did), else 0.
    if os.access("/usr/bin/chromium", os.X_OK):
        text = run([sys.executable, "scripts/check_html_chromium.py", binary])
        figures["html_xss_none_ran"] = 1 if re.search(r"^scripts run: 0$", text, re.M) else 0
        print(f"html xss in chromium: {text.strip().splitlines()[-1] if text.strip() else 'no figure'}")
    else:
        figures["html_xss_none_ran"] = 1
        print("skipped: /usr/bin/chromium is absent, no browser check")

    # The page's layout in headless Chromium: 1 when nothing overflows at
    # 1280 and 390 px and (where poppler is installed) no printed page ends
    # on a row label cut from its row.
    if os.access("/usr/bin/chromium", os.X_OK):
        with tempfile.TemporaryDirectory() as shots:
            text = run([sys.executable, "scripts/check_html_layout.py", binary,
                        "tests/data/basil/pair1_a.json", "tests/data/basil/pair1_b.json",
                        "--out", shots])
        over = re.findall(r"^overflow at \d+ px: (\d+) elements", text, re.M)
        cut = re.findall(r"^print: (\d+) pages end on a row label", text, re.M)
        fits = len(over) == 2 and all(n == "0" for n in over + cut)
        figures["html_layout_fits"] = 1 if fits else 0
        print(f"html layout in chromium: {'; '.join(l for l in text.splitlines() if 'overflow' in l or 'row label' in l)}")
    else:
        figures["html_layout_fits"] = 1
        print("skipped: /usr/bin/chromium is absent, no layout check")

    # The score below which a pair is drawn whole, checked on the BASIL
    # events it was not chosen on: accuracy of telling a readable diff.
    basil = os.path.join(eval_dir, "basil", "articles.jsonl")
    if os.path.isfile(basil):
        text = run([sys.executable, "scripts/calibrate_whole_rows.py", binary, basil])
        m = re.search(r"^check: \d+ alignments, accuracy at [\d.]+: ([\d.]+)", text, re.M)
        figures["whole_rows_check_accuracy"] = float(m.group(1)) if m else 0.0
        print(f"whole rows: {text.strip().splitlines()[-2] if text.strip() else 'no figure'}")

    failed = [k for k, low in baseline.items() if figures.get(k, 0) < low]
    for k in failed:
        print(f"REGRESSION {k}: {figures.get(k)} < baseline {baseline[k]}")
    print(f"gate: {len(baseline) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


def discrepancy_figures(binary, eval_dir, figures):
    """Discrepancy flags: none on the seeds; planted changes in real GVA
    reports found with the right kind (check fold, 200 a kind), overall and
    for the weakest kind, and the share of planted pairs with no other flag;
    the share of GVA same-incident pairs with no flag at all (most report
    pairs agree on most facts, so flags must stay rare)."""
    seeds = sorted(os.listdir("seeds"))
    afp = next(os.path.join("seeds", s) for s in seeds if "afp" in s)
    reuters = next(os.path.join("seeds", s) for s in seeds if "reuters" in s)
    out = subprocess.run([binary, "compare", afp, reuters, "--format", "json"],
                         capture_output=True, text=True).stdout
    try:
        flags = len(json.loads(out).get("discrepancies", []))
    except ValueError:
        flags = -1
    figures["seeds_no_false_discrepancy"] = 1 if flags == 0 else 0
    print(f"seeds discrepancies: {flags}")
    gva = os.path.join(eval_dir, "gva")
    if not os.path.isdir(gva):
        print(f"skipped: {gva} is absent")
        return
    text = run([sys.executable, "scripts/plant_discrepancies.py", binary, gva, "--fold", "check",
                "--per-kind", "200"])
    kinds = [float(x) for x in re.findall(r"planted \w+: \d+/\d+ recall ([\d.]+)", text)]
    m = re.search(r"planted all: (\d+)/(\d+) recall ([\d.]+); false flags (\d+)", text)
    if m:
        figures["discrepancy_planted_recall"] = float(m.group(3))
        figures["discrepancy_planted_min_kind_recall"] = min(kinds) if kinds else 0
        figures["discrepancy_planted_clean_share"] = round(1 - int(m.group(4)) / max(int(m.group(2)), 1), 4)
    print("".join("  " + l + "\n" for l in text.splitlines() if l.startswith("planted")), end="")
    text = run([sys.executable, "scripts/score_gva_discrepancies.py", binary, gva])
    m = re.search(r"gva pairs: (\d+) compared", text)
    f = re.search(r"gva flags: (\d+)", text)
    if m and f:
        figures["gva_discrepancy_unflagged_share"] = round(1 - int(f.group(1)) / max(int(m.group(1)), 1), 4)
    print("".join("  " + l + "\n" for l in text.splitlines()), end="")


def workload_figures(binary, bench, eval_dir, figures):
    """ALIGN F1 at K = 30, 300, 3000 and DEDUP F1 at 10k on the shared
    benchmark workloads (generated: deterministic, about 5 s), scored the
    way ../shared/bench/run_peers.py scores them; BASIL same-story F1."""
    sys.path.insert(0, bench)
    import run_peers as rp

    with tempfile.TemporaryDirectory() as wl:
        subprocess.run([sys.executable, os.path.join(bench, "make_workloads.py"),
                        "--sizes-align", "30,300,3000", "--sizes-dedup", "10000", wl],
                       check=True, capture_output=True)
        for k in (30, 300, 3000):
            wdir = os.path.join(wl, "align", f"k{k}")
            golds = rp.load_align_gold(wdir)
            pairs = {}
            for d in rp.pair_dirs(wdir):
                name = os.path.basename(d)
                out = os.path.join(wl, "out.json")
                with open(out, "w") as f:
                    subprocess.run([binary, "compare", os.path.join(d, "A.txt"), os.path.join(d, "B.txt"),
                                    "--format", "json"], stdout=f, check=False)
                try:
                    pairs[name] = rp.Harness.wirediff_align_pairs(None, d, golds[name], out)
                except (ValueError, KeyError, IndexError, AttributeError) as e:
                    print(f"align K={k} {name}: bad output ({e})")
            acc = rp.score_align(golds, pairs)
            figures[f"align_f1_k{k}"] = round(acc["F1"], 4)
            print(f"align K={k}: P {acc['P']:.4f} R {acc['R']:.4f} F1 {acc['F1']:.4f}")

        pred = os.path.join(wl, "pairs.jsonl")
        with open(pred, "w") as f:
            subprocess.run([binary, "dedup", os.path.join(wl, "dedup", "n10000.jsonl"), "--format", "jsonl"],
                           stdout=f, check=False)
        text = run([sys.executable, "scripts/score_dedup.py", os.path.join(wl, "dedup", "n10000.gold.json"), pred])
        m = re.search(r"F1 ([\d.]+)", text)
        figures["dedup_f1_10k"] = float(m.group(1)) if m else 0
        print(f"dedup 10k: {text.splitlines()[0] if text else 'no figure'}")

    text = run([sys.executable, "scripts/score_basil_dedup.py", binary,
                os.path.join(eval_dir, "basil", "articles.jsonl")])
    m = re.search(r"F1 ([\d.]+)", text)
    figures["basil_same_story_f1"] = float(m.group(1)) if m else 0
    print(f"basil same-story: {text.splitlines()[0] if text else 'no figure'}")

    text = run([sys.executable, "scripts/score_gva_dedup.py", binary,
                os.path.join(eval_dir, "gva", "articles.jsonl")])
    m = re.search(r"P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", text)
    figures["gva_same_incident_precision"] = float(m.group(1)) if m else 0
    figures["gva_same_incident_f1"] = float(m.group(3)) if m else 0
    print(f"gva same-incident: {text.splitlines()[0] if text else 'no figure'}")


if __name__ == "__main__":
    sys.exit(main())
