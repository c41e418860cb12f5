#!/usr/bin/env python3
"""Lists import cycles between the crate's top-level modules (`src/<module>.rs` or
`src/<module>/`), and inside `ui` between its modules: which module's code names which
other (`crate::x`, `super::x` at the top level of a module, `use super::x` inside `ui`).

Exits 1 and prints each cycle when there is one; prints the dependency graph with -v.
Usage: scripts/module-cycles.py [-v]"""
import os, re, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

def modules(base):
    names = {}
    for entry in sorted(os.listdir(base)):
        path = os.path.join(base, entry)
        if entry.endswith(".rs") and entry not in ("lib.rs", "main.rs", "mod.rs"):
            names[entry[:-3]] = [path]
        elif os.path.isdir(path):
            names[entry] = [os.path.join(dp, f) for dp, _, fs in os.walk(path) for f in fs if f.endswith(".rs")]
    return names

def strip_tests(text):
    # Test modules may use anything, and comments only mention: the code the kiosk runs
    # counts.
    cut = re.search(r"^#\[cfg\(test\)\]\s*\n(#\[path[^\n]*\n)?mod tests", text, re.M)
    text = text[: cut.start()] if cut else text
    return re.sub(r"//[^\n]*", "", text)

def graph(base, pattern):
    mods = modules(base)
    edges = {m: set() for m in mods}
    for m, files in mods.items():
        for f in files:
            if f.endswith("_tests.rs"):
                continue
            text = strip_tests(open(f, encoding="utf-8").read())
            for other in re.findall(pattern, text):
                if other in mods and other != m:
                    edges[m].add(other)
            # `use super::{a, b}` inside a package
            for group in re.findall(pattern.replace(r"(\w+)", r"\{([^}]*)\}"), text):
                for other in re.findall(r"\b(\w+)\b", group):
                    if other in mods and other != m:
                        edges[m].add(other)
    return edges

def cycles(edges):
    found, seen = [], set()
    def walk(node, path):
        for nxt in sorted(edges[node]):
            if nxt in path:
                cycle = path[path.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            elif len(path) < 12:
                walk(nxt, path + [nxt])
    for node in sorted(edges):
        walk(node, [node])
    return found

verbose = "-v" in sys.argv
bad = False
for name, base, pattern in [
    ("crate", root, r"crate::(\w+)"),
    ("ui", os.path.join(root, "ui"), r"super::(\w+)"),
]:
    edges = graph(base, pattern)
    if verbose:
        for m in sorted(edges):
            print(f"{name}::{m} -> {', '.join(sorted(edges[m])) or '-'}")
    for cycle in cycles(edges):
        bad = True
        print(f"cycle in {name}: {' -> '.join(cycle)}")
if not bad:
    print("no import cycles between the crate's modules, nor between ui's")
sys.exit(1 if bad else 0)
