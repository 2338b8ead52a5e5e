#!/usr/bin/env python3
"""Score segmentation on the GUM genres in two folds: develop and check.

usage: gum_folds.py WIREDIFF GUM_DIR [--fold develop|check|both] [--examples N]

Each genre file of GUM_DIR (../shared/eval/gum) is split by document position
in the file: even positions (0, 2, 4, ...) are the develop fold, odd ones the
check fold. Change the segmenter looking only at the develop fold's examples
(--fold develop --examples N); before a commit, confirm on the check fold,
whose examples are not printed (docs/segmentation.md, "Developing in folds").
Each fold of each genre goes through ../score_gum.py (found beside GUM_DIR);
prints one line per genre and fold: `GENRE FOLD: boundary F1 X.XXX ...`.
"""
import json
import os
import subprocess
import sys
import tempfile

GENRES = ("news", "interview", "bio", "whow", "voyage", "academic")


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, gum = argv[0], argv[1]
    fold, examples = "both", "0"
    rest = argv[2:]
    while rest:
        if rest[0] == "--fold" and len(rest) > 1:
            fold, rest = rest[1], rest[2:]
        elif rest[0] == "--examples" and len(rest) > 1:
            examples, rest = rest[1], rest[2:]
        else:
            print(f"gum_folds: unknown argument {rest[0]}", file=sys.stderr)
            return 2
    folds = ("develop", "check") if fold == "both" else (fold,)
    if "check" in folds and examples != "0":
        print("gum_folds: examples are for the develop fold only", file=sys.stderr)
        return 2
    scorer = os.path.join(os.path.dirname(os.path.abspath(gum)), "score_gum.py")
    status = 0
    for genre in GENRES:
        path = os.path.join(gum, f"{genre}.jsonl")
        docs = [l for l in open(path, encoding="utf-8") if l.strip()]
        for name in folds:
            parity = 0 if name == "develop" else 1
            part = [d for i, d in enumerate(docs) if i % 2 == parity]
            with tempfile.TemporaryDirectory() as tmp:
                sub = os.path.join(tmp, f"{genre}.jsonl")
                with open(sub, "w", encoding="utf-8") as f:
                    f.writelines(part)
                out = subprocess.run([sys.executable, scorer, binary, sub, "--examples", examples],
                                     capture_output=True, text=True)
            lines = out.stdout.strip().splitlines()
            if out.returncode != 0:
                status = 1
            if examples != "0":
                print("\n".join(l for l in lines if l.startswith("  GUM_") or "boundaries" in l))
            last = lines[-1] if lines else "no output"
            print(f"{genre} {name}: {last.split(': ', 1)[-1]}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
