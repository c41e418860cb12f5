#!/usr/bin/env python3
"""A visitor who cannot see the screen, in the real window: the release kiosk under Xvfb,
driven only by keypad keys (xdotool), listened to through a stand-in `spd-say` that logs
what it is asked to say. Walks Home to a questionnaire result in English, lets the idle
wipe run, then walks it again in Spanish; fails when a move is not spoken, a label cannot
be reached, or anything is said after the wipe. Prints the transcript of each walk.

The stand-in follows speech-dispatcher's rules as the kiosk meets them: `-O` and `-L` list
modules and voices in spd-say's own format; `-C -w ... TEXT` cancels what is being said
(the earlier `-w` client returns at once, as spd-say does when its message is cancelled),
then speaks for as long as espeak-ng would at that rate and waits; `-C` alone stops.

Needs: xvfb, xdotool, matchbox-window-manager (Debian packages), a release build.
Usage: scripts/keypad-walk.py [--binary PATH] [--keep DIR]
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

STAND_IN = r"""#!/bin/sh
here=$(dirname "$0")
case "$1" in
  -O) printf 'OUTPUT MODULES\nespeak-ng\n'; exit 0 ;;
  -L) printf 'NAME LANGUAGE VARIANT\n  English (America)  en-US  none\n  Spanish (Spain)  es  none\n'; exit 0 ;;
esac
# -C: whatever is being said stops, and its waiting client returns.
[ -s "$here/speaking" ] && kill "$(cat "$here/speaking")" 2>/dev/null
: > "$here/speaking"
wait_for_it=; rate=0; volume=100; text=
while [ $# -gt 0 ]; do
  case "$1" in
    -w) wait_for_it=1 ;;
    -r) shift; rate=$1 ;;
    -i) shift; volume=$1 ;;
    -l) shift; language=$1 ;;
    -N) shift ;;
    --) shift; text=$*; break ;;
  esac
  shift
done
if [ -z "$text" ]; then printf '%s\tstop\n' "$(date +%s.%N)" >> "$here/log"; exit 0; fi
printf '%s\tsay\t%s\t%s\t%s\t%s\n' "$(date +%s.%N)" "$language" "$rate" "$volume" \
  "$(printf '%s' "$text" | tr '\n\t' '  ')" >> "$here/log"
[ -n "$wait_for_it" ] || exit 0
# espeak-ng: about 15 characters a second at rate 0, half that at -100, twice at 100.
seconds=$(printf '%s' "$text" | wc -m | awk -v r="$rate" '{print $1 / (15 * 2 ^ (r / 100))}')
sleep "$seconds" & echo $! > "$here/speaking"
wait
"""


class Walk:
    def __init__(self, work, binary, config):
        self.work = work
        self.log = os.path.join(work, "bin", "log")
        self.seen = 0
        self.transcript = []
        env = dict(os.environ)
        env["PATH"] = os.path.join(work, "bin") + ":" + env["PATH"]
        # The stand-in plays no audio; a named sound server is what the kiosk checks.
        env["PULSE_SERVER"] = "stand-in"
        env["XDG_CONFIG_HOME"] = os.path.join(work, "config")
        env["XDG_STATE_HOME"] = os.path.join(work, "state")
        self.kiosk = subprocess.Popen(
            [binary, "--config", config],
            env=env,
            stderr=open(os.path.join(work, "kiosk.log"), "w"),
        )
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--class", "microneedling"],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=60,
        )
        # Voices are listed off the UI thread; the first key waits for them.
        time.sleep(3)

    def lines(self):
        return open(self.log, encoding="utf-8").read().splitlines() if os.path.exists(self.log) else []

    def said(self, within=0.0):
        """What was said since the last call: waits up to `within` seconds for something,
        then until nothing more comes for half a second."""
        deadline = time.monotonic() + within
        while len(self.lines()) == self.seen and time.monotonic() < deadline:
            time.sleep(0.05)
        count = -1
        while count != len(self.lines()):
            count = len(self.lines())
            time.sleep(0.5)
        lines = self.lines()
        new = lines[self.seen :]
        self.seen = len(lines)
        spoken = [line.split("\t") for line in new]
        self.transcript += spoken
        return [part[5] for part in spoken if part[1] == "say"]

    def press(self, key):
        subprocess.run(["xdotool", "key", key], check=True)
        # Every key the kiosk knows answers in words; a slow frame may take a moment.
        return self.said(within=5.0)

    def move_to(self, label):
        """Presses 2 until the control `label` has the focus; each move must be spoken."""
        for _ in range(60):
            spoken = self.press("KP_2")
            if not spoken:
                self.fail(f"a move towards {label!r} was not spoken")
            # "Label, kind." or "Label, kind, state.", after the screen's words on the first.
            if re.search(r"(^|\. )" + re.escape(label) + r", [^,.]+(, [^,.]+)?\.$", spoken[-1]):
                return
        self.fail(f"{label!r} cannot be reached with the keys")

    def fail(self, why):
        for entry in self.transcript[-6:]:
            print("  ", entry[1:], file=sys.stderr)
        sys.exit(f"keypad-walk: {why}")

    def choose(self, label):
        self.move_to(label)
        return self.press("KP_5")

    def quit(self):
        self.kiosk.send_signal(signal.SIGTERM)
        self.kiosk.wait(timeout=10)


def walk_to_a_result(walk, words):
    walk.choose(words["quiz"])
    walk.choose(words["pores"])
    walk.choose(words["continue"])
    walk.choose(words["mild"])
    walk.choose(words["few_days"])
    walk.choose(words["none"])
    walk.choose(words["continue"])
    walk.choose(words["none"])
    result = walk.choose(words["continue"])
    if not any(words["result"] in line for line in result):
        walk.fail(f"the result was not read: {result}")
    where = walk.press("KP_Decimal")
    if not where or words["quiz"] not in where[-1]:
        walk.fail(f"where-am-I said {where}")
    louder = walk.press("KP_Subtract")
    if not louder or not re.search(r"\d+", louder[-1]):
        walk.fail(f"softer said {louder}")


ENGLISH = {
    "quiz": "Is it right for me?",
    "pores": "Enlarged pores",
    "continue": "Continue",
    "mild": "Mild to moderate",
    "few_days": "A few days",
    "none": "None of these",
    "result": "Microneedling is worth discussing",
}
SPANISH = {
    "quiz": "¿Es para mí?",
    "pores": "Poros dilatados",
    "continue": "Continuar",
    "mild": "De leves a moderados",
    "few_days": "Unos días",
    "none": "Ninguna de estas",
    "result": "Vale la pena hablar del microneedling",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "microneedling-kiosk"))
    parser.add_argument("--keep", help="copy the speech log and screenshots here")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="keypad-walk-")
    processes = []
    try:
        os.makedirs(os.path.join(work, "bin"))
        standin = os.path.join(work, "bin", "spd-say")
        with open(standin, "w") as f:
            f.write(STAND_IN)
        os.chmod(standin, 0o755)
        config = os.path.join(work, "config.toml")
        # The shortest idle time and warning the settings allow, so the wipe comes soon.
        with open(config, "w") as f:
            f.write(f'state_dir = "{work}/state"\nidle_timeout_secs = 10\nreading_idle_timeout_secs = 10\nquestionnaire_idle_timeout_secs = 10\nwarning_secs = 20\n')
        read, write = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24"], pass_fds=[write], stderr=subprocess.DEVNULL)
        processes.append(xvfb)
        os.close(write)
        os.environ["DISPLAY"] = ":" + os.read(read, 16).decode().strip()
        processes.append(subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no"], stderr=subprocess.DEVNULL))
        walk = Walk(work, os.path.abspath(args.binary), config)
        processes.append(walk.kiosk)

        started = time.monotonic()
        intro = walk.press("KP_2")
        if not intro or "Press 2" not in intro[0]:
            walk.fail(f"the first key did not turn speech on: {intro}")
        walk_to_a_result(walk, ENGLISH)
        if args.keep:
            subprocess.run(["import", "-window", "root", os.path.join(args.keep, "keypad-walk-en-result.png")], check=True)
        english = time.monotonic() - started
        # Leave it: "Still there?" is spoken, then the wipe, then nothing at all.
        time.sleep(10 + 20 + 3)
        after = walk.said()
        if not after or "?" not in after[0]:
            walk.fail(f"the idle warning was not spoken: {after}")
        time.sleep(5)
        if walk.said():
            walk.fail("something was said after the wipe")
        first_spanish = len(walk.transcript)
        started = time.monotonic()
        walk.press("KP_2")
        walk.choose("Español")
        walk_to_a_result(walk, SPANISH)
        if args.keep:
            subprocess.run(["import", "-window", "root", os.path.join(args.keep, "keypad-walk-es-result.png")], check=True)
        spanish = time.monotonic() - started
        walk.quit()

        def show(name, entries, seconds):
            said = [e for e in entries if e[1] == "say"]
            characters = sum(len(e[5]) for e in said)
            print(f"=== {name}: {len(said)} utterances, {seconds:.0f} s of key presses; heard whole, {characters} characters take {characters / 15 / 60:.1f} min at rate 0")
            for e in entries:
                print("  (stop)" if e[1] == "stop" else f"  [{e[2]} r{e[3]} v{e[4]}] {e[5]}")

        show("English", walk.transcript[:first_spanish], english)
        show("Spanish", walk.transcript[first_spanish:], spanish)
        if args.keep:
            shutil.copy(walk.log, os.path.join(args.keep, "keypad-walk-speech.log"))
        print("keypad-walk: ok")
    finally:
        for process in reversed(processes):
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
