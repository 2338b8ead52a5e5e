#!/usr/bin/env python3
"""Score quote speakers on folds of a PolNeAR set (the development discipline
of docs/quotes.md).

usage: score_quote_folds.py WIREDIFF SET_DIR [--folds 0,1] [--errors]

SET_DIR is ../shared/eval/polnear-train (text/ and attributions.jsonl). Its
articles, sorted by file name, fall in three folds by index mod 3: develop on
folds 0 and 1 (`--folds 0,1`, the default), look at errors there only
(`--errors`), and check fold 2 (`--folds 2`) before each commit. `--folds all`
scores the whole set. The figures are ../shared/eval/score_quotes.py's, run on
the chosen articles only.

--errors prints, for the chosen folds, each recalled gold quote whose speaker
is wrong or empty (gold source, wirediff's speaker and cue, the quote) and
each gold quote not recalled.
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    args = sys.argv[1:]
    errors = "--errors" in args
    args = [a for a in args if a != "--errors"]
    folds = "0,1"
    if "--folds" in args:
        i = args.index("--folds")
        folds = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    binary, set_dir = args
    texts = Path(set_dir) / "text"
    files = sorted(texts.glob("*.txt"))
    if folds != "all":
        chosen = {int(f) for f in folds.split(",")}
        files = [f for i, f in enumerate(files) if i % 3 in chosen]
    eval_dir = Path(set_dir).parent
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        subprocess.run([binary, "quotes", *map(str, files), "--format", "json"], stdout=out, check=False)
    stems = {f.stem for f in files}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as gold:
        for line in open(Path(set_dir) / "attributions.jsonl", encoding="utf-8"):
            if json.loads(line)["article"] in stems:
                gold.write(line)
    scorer = eval_dir / "score_quotes.py"
    subprocess.run([sys.executable, str(scorer), out.name, gold.name], check=False)
    if errors:
        print_errors(scorer, out.name, gold.name)
    os.unlink(out.name)
    os.unlink(gold.name)


def print_errors(scorer, result_path, gold_path):
    sys.path.insert(0, str(scorer.parent))
    import score_quotes as sq

    result = json.load(open(result_path, encoding="utf-8"))
    got = {Path(a["path"]).stem: a.get("quotes", []) for a in result["articles"]}
    seen = set()
    for line in open(gold_path, encoding="utf-8"):
        r = json.loads(line)
        art = r["article"]
        if not r.get("content"):
            continue
        source = (r.get("source") or {}).get("text") or ""
        for m in sq.QUOTED.finditer(r["content"]["text"]):
            q = m.group(1)
            if len(sq.words(q)) < 4 or (art, sq.norm(q)) in seen:
                continue
            seen.add((art, sq.norm(q)))
            nq = sq.norm(q)
            match = next((t for t in got.get(art, [])
                          if nq in sq.norm(t["text"]) or (len(sq.norm(t["text"])) > 20 and sq.norm(t["text"]) in nq)), None)
            if match is None:
                print(f"MISSED\t{art}\t{q[:80]}")
                continue
            gold_names = sq.names_in(source)
            if not gold_names or sq.norm(source) in sq.PRONOUNS:
                continue
            if gold_names & sq.names_in(match.get("speaker") or ""):
                continue
            kind = "EMPTY" if not match.get("speaker") else "WRONG"
            print(f"{kind}\t{art}\tgold={source!r}\tgot={match.get('speaker')!r}\tcue={match.get('cue')!r}\t{q[:70]}")


if __name__ == "__main__":
    main()
