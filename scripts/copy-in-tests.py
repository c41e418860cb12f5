#!/usr/bin/env python3
"""Counts lines of tests/ that hold interface text the strings file has a key for: a
string literal of 8+ characters that is part of a value of content/en/ui.toml (or holds
one of 8+ characters).

Behaviour tests should read such words from the strings file, so editing a word in
ui.toml never breaks a test. Usage: scripts/copy-in-tests.py [REV] (default: the work
tree), prints the count and, with -v, the lines."""
import re, subprocess, sys, tomllib

verbose = "-v" in sys.argv
args = [a for a in sys.argv[1:] if a != "-v"]
rev = args[0] if args else None

def read(path):
    if rev:
        return subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True).stdout
    return open(path, encoding="utf-8").read()

def files():
    if rev:
        out = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "tests"], capture_output=True, text=True).stdout
    else:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "tests"], capture_output=True, text=True).stdout
    return [f for f in out.split() if f.endswith(".rs")]

values = []
def collect(v):
    if isinstance(v, str):
        values.append(v)
    elif isinstance(v, dict):
        for x in v.values():
            collect(x)
collect(tomllib.loads(read("content/en/ui.toml")))
# Templates are compared by their fixed parts.
pieces = {p.strip() for v in values for p in re.split(r"\{\w+\}", v) if len(p.strip()) >= 4}

count = 0
for path in files():
    for n, line in enumerate(read(path).splitlines(), 1):
        literals = re.findall(r'"((?:[^"\\]|\\.){8,})"', line)
        if any(lit in p or (len(p) >= 8 and p in lit) for lit in literals for p in pieces):
            count += 1
            if verbose:
                print(f"{path}:{n}: {line.strip()}")
print(count)
