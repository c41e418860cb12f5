#!/usr/bin/env python3
"""A stand-in for systemd's service manager, as far as the kiosk's watchdog goes.

Runs a command the way microneedling-kiosk-cage.service runs cage with the kiosk inside:
this process plays cage (the service's main process), so the kiosk is its child and gets
WATCHDOG_PID=<this process>, NOTIFY_SOCKET and WATCHDOG_USEC, as systemd hands them to
the main process and cage passes them on. The notify socket follows sd_notify(3) and
systemd's rules: a Unix datagram socket, one message per datagram, the sender's pid taken
from its credentials (SO_PASSCRED, as NotifyAccess=all checks membership); the watchdog
starts at READY=1 (Type=notify); each WATCHDOG=1 restarts it; when WatchdogSec passes
without one, the process is killed with SIGABRT (systemd's WatchdogSignal=) and, as with
Restart=always, started again.

Usage:
  notify-standin.py watchdog USEC FREEZE_AFTER -- COMMAND...
      Runs COMMAND with MICRONEEDLING_KIOSK_TEST_FREEZE_AFTER_SECS=FREEZE_AFTER, expects
      READY=1 and regular pings, then the stuck frame, the pings stopping and the kill
      within USEC; then starts COMMAND again (no freeze) and expects READY=1 again.
  notify-standin.py idle USEC SECONDS -- COMMAND...
      Runs COMMAND untouched with the watchdog on and reports its CPU time over SECONDS
      (from 5 s after READY=1) and the pings it sent.
Prints what it saw; exits 1 when the kiosk did not behave.
"""

import os
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

START = time.monotonic()
FREEZE_VARIABLE = "MICRONEEDLING_KIOSK_TEST_FREEZE_AFTER_SECS"
TICKS = os.sysconf("SC_CLK_TCK")
CHILDREN = []  # every process started, ended on a failure


def now():
    return time.monotonic() - START


def say(text):
    print(f"[{now():7.2f} s] {text}", flush=True)


class Manager:
    def __init__(self, usec):
        self.usec = usec
        self.dir = tempfile.mkdtemp(prefix="notify-standin-")
        self.path = os.path.join(self.dir, "notify")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.log_lines = []

    def start(self, command, extra_env):
        env = dict(os.environ)
        env.update(extra_env)
        env.update(
            NOTIFY_SOCKET=self.path,
            WATCHDOG_USEC=str(self.usec),
            WATCHDOG_PID=str(os.getpid()),
        )
        child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
        CHILDREN.append(child)
        say(f"started pid {child.pid}: {' '.join(command)}")

        def pump(stream, pid):
            for line in stream:
                line = line.rstrip("\n")
                self.log_lines.append((now(), pid, line))
                if "hangs" in line or "watchdog" in line or "first frame" in line:
                    say(f"kiosk {pid} says: {line}")

        threading.Thread(target=pump, args=(child.stderr, child.pid), daemon=True).start()
        return child

    def receive(self, timeout):
        """One message: (pid, text), or None after timeout seconds."""
        ready, _, _ = select.select([self.sock], [], [], max(timeout, 0))
        if not ready:
            return None
        data, ancillary, _, _ = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        pid = None
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid, _, _ = struct.unpack("iII", payload[:12])
        return pid, data.decode(errors="replace")

    def wait_ready(self, child, limit):
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            message = self.receive(deadline - time.monotonic())
            if message is None:
                break
            pid, text = message
            if "READY=1" in text.split("\n"):
                say(f"READY=1 from pid {pid}")
                if pid != child.pid:
                    fail(f"READY=1 came from pid {pid}, not the kiosk ({child.pid})")
                return now()
        fail(f"no READY=1 within {limit} s (Type=notify would time the start out)")

    def close(self):
        self.sock.close()
        os.unlink(self.path)
        os.rmdir(self.dir)


def fail(text):
    say(f"FAIL: {text}")
    for child in CHILDREN:
        if child.poll() is None:
            child.kill()
            child.wait()
    sys.exit(1)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime


def watchdog(usec, freeze_after, command):
    timeout = usec / 1e6
    manager = Manager(usec)
    child = manager.start(command, {FREEZE_VARIABLE: str(freeze_after)})
    manager.wait_ready(child, 30)
    pings = []
    deadline = time.monotonic() + timeout
    while True:
        message = manager.receive(deadline - time.monotonic())
        if message is None:
            break
        pid, text = message
        if text == "WATCHDOG=1":
            pings.append(now())
            deadline = time.monotonic() + timeout
    # WatchdogSec passed without a ping: systemd's WatchdogSignal.
    killed = now()
    say(f"no WATCHDOG=1 for {timeout:.1f} s: SIGABRT to pid {child.pid}")
    child.send_signal(signal.SIGABRT)
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    time.sleep(0.2)
    froze = next((t for t, _, line in manager.log_lines if "hangs for ever" in line), None)
    gaps = [b - a for a, b in zip(pings, pings[1:])]
    say(f"{len(pings)} pings; gaps between them {min(gaps, default=0):.2f}-{max(gaps, default=0):.2f} s")
    if froze is None:
        fail("the kiosk never reported its stuck frame: it was killed without hanging")
    if len(pings) < 3:
        fail(f"only {len(pings)} pings before the stuck frame")
    if max(gaps, default=0) > timeout:
        fail("a gap between pings was longer than the watchdog allows")
    if any(t > froze + 0.1 for t in pings):
        fail("pings went on after the frame hung")
    last = pings[-1]
    say(
        f"stuck frame at {froze:.2f} s, last ping at {last:.2f} s, killed at {killed:.2f} s: "
        f"the stuck frame lasted {killed - froze:.2f} s before the restart "
        f"(at most WatchdogSec {timeout:.1f} s after the last ping, which came at most "
        f"{timeout / 2:.1f} s before it)"
    )
    # Restart=always: the kiosk comes back.
    time.sleep(0.5)
    again = manager.start(command, {})
    started = now()
    ready = manager.wait_ready(again, 30)
    say(f"restarted kiosk ready {ready - started:.2f} s after its start, {ready - froze:.2f} s after the frame hung")
    again.terminate()
    again.wait(10)
    manager.close()
    say("OK: a stuck frame loop stops the pings and is restarted")


def idle(usec, seconds, command):
    manager = Manager(usec)
    child = manager.start(command, {})
    ready = manager.wait_ready(child, 30)
    pings = []
    settle_until = time.monotonic() + 5
    while time.monotonic() < settle_until:
        message = manager.receive(settle_until - time.monotonic())
        if message and message[1] == "WATCHDOG=1":
            pings.append(now())
    start_ticks, start = cpu_ticks(child.pid), now()
    measured = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        message = manager.receive(end - time.monotonic())
        if message and message[1] == "WATCHDOG=1":
            measured.append(now())
    ticks = cpu_ticks(child.pid) - start_ticks
    say(
        f"watchdog {usec / 1e6:.0f} s: over {seconds} s untouched (from {start:.1f} s, READY at {ready:.1f} s) "
        f"the kiosk used {ticks} CPU ticks ({ticks / TICKS:.2f} s of CPU, {100 * ticks / TICKS / seconds:.2f} % of a core) "
        f"and sent {len(measured)} pings"
    )
    child.terminate()
    child.wait(10)
    manager.close()


if __name__ == "__main__":
    if len(sys.argv) < 6 or sys.argv[4] != "--":
        sys.exit(__doc__)
    mode, usec, number, command = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[5:]
    if mode == "watchdog":
        watchdog(usec, number, command)
    elif mode == "idle":
        idle(usec, int(number), command)
    else:
        sys.exit(__doc__)
