#!/usr/bin/env python3
"""Fails when modules of the crate import each other in a circle.

Reads every `src/**/*.rs`, maps each file to its module path (`src/render/
terminal.rs` is `render::terminal`, `src/quotes/mod.rs` is `quotes`), and
collects the modules each one names through `crate::…`, `super::…` or
`self::…` paths (in `use` lines and inline paths alike, tests included). A
path is resolved to the longest module it names. Then, in every folder, the
graph of sibling modules is searched for a cycle: a child naming its parent,
or a parent its child, is nesting, not a circle, and is left out; a use of
a module inside a sibling folder counts as a use of that sibling.

Usage: python3 .ci/no_cycles.py [SRC_DIR]   (default: src)
Exit status 0 when there is no cycle, 1 with one line per cycle otherwise.
"""
import os
import re
import sys


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def strip_comments(text):
    """The code alone: comments removed and every string and character
    literal emptied (prose and CSS hold `::` and braces), same length
    otherwise so nothing else moves."""
    out, k, n = [], 0, len(text)
    while k < n:
        c = text[k]
        if text.startswith("//", k):
            e = text.find("\n", k)
            k = n if e < 0 else e
        elif text.startswith("/*", k):
            depth, k = 1, k + 2
            while k < n and depth:
                if text.startswith("/*", k):
                    depth, k = depth + 1, k + 2
                elif text.startswith("*/", k):
                    depth, k = depth - 1, k + 2
                else:
                    k += 1
        elif c == "r" and re.match(r'r#*"', text[k:k + 8]) and not (k and (text[k - 1].isalnum() or text[k - 1] == "_")):
            hashes = re.match(r'r(#*)"', text[k:]).group(1)
            e = text.find('"' + hashes, k + len(hashes) + 2)
            out.append('""')
            k = n if e < 0 else e + 1 + len(hashes)
        elif c == '"':
            k += 1
            while k < n and text[k] != '"':
                k += 2 if text[k] == "\\" else 1
            out.append('""')
            k += 1
        elif c == "'" and re.match(r"'(\\.[^']*|[^\\'])'", text[k:k + 12]):
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[k:k + 12])
            out.append("' '")
            k += m.end()
        else:
            out.append(c)
            k += 1
    return "".join(out)


PATH = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
# `use crate::a::{b, c::d}`: the names inside one level of braces.
GROUP = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^{}]*)\}")


def paths(text):
    for m in GROUP.finditer(text):
        base = m.group(2).split("::")[1:]
        for part in m.group(3).split(","):
            part = part.strip().split(" as ")[0].strip()
            if part and part != "self":
                yield m.start(), m.group(1), base + [p for p in part.split("::") if p]
            else:
                yield m.start(), m.group(1), base
    for m in PATH.finditer(text):
        yield m.start(), m.group(1), m.group(2).split("::")[1:]


def resolve(ctx, root, rest, modules):
    """The longest known module the path names, as a tuple. `ctx` is the
    module the path is written in (an inline `mod` adds a level)."""
    if root == "crate":
        at = ()
    elif root == "self":
        at = ctx
    else:
        at = ctx[:-1]
        while rest and rest[0] == "super":
            rest = rest[1:]
            at = at[:-1]
    while at and at[-1] == INLINE:
        at = at[:-1]
    best = at
    cur = at
    for part in rest:
        cur = cur + (part,)
        if cur in modules:
            best = cur
        else:
            break
    return best


INLINE = "<inline>"
MOD = re.compile(r"\bmod\s+[A-Za-z_][A-Za-z0-9_]*\s*\{")


def inline_depth(text):
    """For each inline `mod name { … }` block, its byte range; a path's
    context is its file's module plus one level per block around it."""
    blocks = []
    for m in MOD.finditer(text):
        depth, k = 0, m.end() - 1
        while k < len(text):
            if text[k] == "{":
                depth += 1
            elif text[k] == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        blocks.append((m.end(), k))
    return lambda pos: sum(1 for s, e in blocks if s <= pos < e)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    files = {}
    for d, _, names in os.walk(src):
        for n in names:
            if n.endswith(".rs"):
                p = os.path.join(d, n)
                files[module_of(src, p)] = p
    modules = set(files)
    edges = {m: set() for m in modules}
    for me, p in files.items():
        with open(p, encoding="utf-8") as f:
            text = strip_comments(f.read())
        depth = inline_depth(text)
        for pos, root, rest in paths(text):
            ctx = me + (INLINE,) * depth(pos)
            target = resolve(ctx, root, list(rest), modules)
            if target != me:
                edges[me].add(target)

    cycles = []
    # Per folder: siblings are the modules with the same parent.
    parents = {m[:-1] for m in modules if m}
    for parent in sorted(parents):
        sibs = sorted(m for m in modules if m and m[:-1] == parent)
        g = {s: set() for s in sibs}
        for s in modules:
            if len(s) <= len(parent) or s[: len(parent)] != parent:
                continue
            here = s[: len(parent) + 1]
            for t in edges.get(s, ()):
                if len(t) <= len(parent) or t[: len(parent)] != parent:
                    continue
                there = t[: len(parent) + 1]
                if there != here and there in g:
                    g[here].add(there)
        cycles += find_cycles(g)
    for c in cycles:
        names = ["::".join(m) for m in c]
        print("import cycle: " + " -> ".join(names + names[:1]))
    if cycles:
        print(f"no_cycles: {len(cycles)} cycle(s) between modules; move what both "
              "sides use into one module both import")
        return 1
    print(f"no_cycles: {len(modules)} modules, no import cycle")
    return 0


def find_cycles(g):
    """One cycle per strongly connected component of more than one node."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(path_through(g, sorted(comp)))

    for v in sorted(g):
        if v not in index:
            strong(v)
    return out


def path_through(g, comp):
    """A shortest cycle through the first module of a component."""
    start = comp[0]
    members = set(comp)
    prev = {start: None}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(g[v]):
            if w == start:
                path = [v]
                while prev[path[-1]] is not None:
                    path.append(prev[path[-1]])
                return list(reversed(path))
            if w in members and w not in prev:
                prev[w] = v
                queue.append(w)
    return comp


if __name__ == "__main__":
    sys.exit(main())
