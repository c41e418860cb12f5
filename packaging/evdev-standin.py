#!/usr/bin/python3
"""Input devices that read as the kernel's evdev does, for packaging/test-sleep-until-touch.sh.

Mounts a FUSE file system at MOUNTPOINT holding one file per NAME (event devices) and a
file `inject`. Reading an event file follows evdev's rules (drivers/input/evdev.c):

- a read() shorter than one struct input_event (24 bytes on 64-bit) fails with EINVAL;
- each open file has its own queue, which only sees events injected while it is open;
- a read blocks until that queue holds an event, then returns as many whole events as
  fit in the read, never part of one.

Writing a line `NAME` (or `NAME COUNT`) to `inject` queues COUNT events (default 1) for
every open reader of that device, the way a touch reaches every program reading it. The
files use direct I/O, so each read() reaches this program with the reader's own size.

Usage: python3 evdev-standin.py MOUNTPOINT NAME... (Debian: python3-fusepy, fuse)
"""

import ctypes
import errno
import stat
import struct
import sys
import threading
import time

import fusepy
from fusepy import FUSE, FuseOSError, Operations

# A reader killed while it waits must get its answer, or the kernel keeps it waiting
# (uninterruptibly, once the request is here): with the mount option `intr`, libfuse
# marks the request interrupted, and the read gives up with EINTR, as evdev's does.
fusepy._libfuse.fuse_interrupted.restype = ctypes.c_int

EVENT_SIZE = 24  # struct input_event: struct timeval (16), type, code (2 each), value (4)
EV_SYN, EV_KEY, BTN_TOUCH = 0, 1, 0x14A


def event(kind, code, value):
    now = time.time()
    return struct.pack("llHHi", int(now), int(now % 1 * 1e6), kind, code, value)


class Evdev(Operations):
    use_ns = True

    def __init__(self, names):
        self.names = set(names)
        self.lock = threading.Condition()
        self.queues = {}  # file handle -> [device name, bytearray of whole events]
        self.next_fh = 1
        self.stopping = False

    def getattr(self, path, fh=None):
        now = int(time.time() * 1e9)
        base = {"st_uid": 0, "st_gid": 0, "st_atime": now, "st_mtime": now, "st_ctime": now}
        if path == "/":
            return dict(base, st_mode=stat.S_IFDIR | 0o755, st_nlink=2)
        if path == "/inject":
            return dict(base, st_mode=stat.S_IFREG | 0o200, st_nlink=1, st_size=0)
        if path[1:] in self.names:
            return dict(base, st_mode=stat.S_IFREG | 0o444, st_nlink=1, st_size=0)
        raise FuseOSError(errno.ENOENT)

    def readdir(self, path, fh):
        return [".", "..", "inject", *sorted(self.names)]

    def open(self, path, flags):
        name = path[1:]
        if name == "inject":
            return 0
        if name not in self.names:
            raise FuseOSError(errno.ENOENT)
        with self.lock:
            fh = self.next_fh
            self.next_fh += 1
            self.queues[fh] = [name, bytearray()]
            return fh

    def release(self, path, fh):
        with self.lock:
            self.queues.pop(fh, None)
            self.lock.notify_all()
        return 0

    def read(self, path, size, offset, fh):
        if size < EVENT_SIZE:
            raise FuseOSError(errno.EINVAL)
        with self.lock:
            while fh in self.queues and not self.queues[fh][1] and not self.stopping:
                if fusepy._libfuse.fuse_interrupted():
                    raise FuseOSError(errno.EINTR)
                self.lock.wait(0.1)
            if fh not in self.queues or self.stopping:
                raise FuseOSError(errno.ENODEV)
            queue = self.queues[fh][1]
            whole = size // EVENT_SIZE * EVENT_SIZE
            data = bytes(queue[:whole])
            del queue[:whole]
            return data

    def truncate(self, path, length, fh=None):
        return 0

    def write(self, path, data, offset, fh):
        if path != "/inject":
            raise FuseOSError(errno.EACCES)
        for line in data.decode().splitlines():
            words = line.split()
            if not words:
                continue
            name, count = words[0], int(words[1]) if len(words) > 1 else 1
            if name not in self.names:
                raise FuseOSError(errno.ENOENT)
            # One touch report: touch down and its sync, as a touchscreen sends it.
            report = (event(EV_KEY, BTN_TOUCH, 1) + event(EV_SYN, 0, 0)) * count
            with self.lock:
                for device, queue in self.queues.values():
                    if device == name:
                        queue.extend(report)
                self.lock.notify_all()
        return len(data)

    def destroy(self, path):
        with self.lock:
            self.stopping = True
            self.lock.notify_all()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    FUSE(Evdev(sys.argv[2:]), sys.argv[1], foreground=True, direct_io=True, intr=True)
