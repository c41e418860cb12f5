#!/usr/bin/env python3
"""Helper for scripts/compare-browser.sh (Python 3 standard library only).

  compare-browser.py html GUIDE_DIR OUT.html [FONTS_DIR]
      Renders content/<lang>/guide/*.md (# title, ## card headings, paragraphs,
      - bullets, **bold**, *italic*, diagrams as inline SVG) into one plain HTML page styled roughly like the
      kiosk (cream background, 26 px body text, cards, serif titles; with FONTS_DIR the
      kiosk's own bundled Lato and EB Garamond through @font-face). A mouse drag
      scrolls the page; on release the title says "drag fps=N median=MS frames=N"
      (animation frames in which the page moved), for xdotool to read.

  compare-browser.py watch DISPLAY OUT.tsv SECONDS
      Grabs the whole X screen as fast as it can (MIT-SHM through ctypes, falling back
      to XGetImage) for SECONDS and writes one line per grab: wall-clock time
      (time.time(), seconds) and a CRC-32 of the pixels. Prints "ready" on stdout
      once the first grab is done, so the caller can start the program under test.

  compare-browser.py shot DISPLAY OUT.png
      Saves the screen as a PNG (SHOTS=1 in compare-browser.sh keeps one per step).

  compare-browser.py settle OUT.tsv START QUIET
      Reads a watch file and prints "<settled_ms> <first_content_ms> <pictures>":
      the final picture is the first picture with content (not one flat colour) that
      then stayed unchanged for QUIET seconds (else the last picture); settled_ms is
      the first grab identical to it, counted from START (epoch seconds, as
      `date +%s.%N`, taken just before exec); first_content_ms is the first grab that
      is not one flat colour (an empty root, a blank white or cream window does not
      count); pictures is how many distinct non-flat pictures were seen up to the
      settled one (1 = the first content shown was already the final picture).
"""

import ctypes
import ctypes.util
import html
import os
import re
import sys
import time
import zlib
from pathlib import Path

# ---------------------------------------------------------------------------------------
# Markdown (the subset the guide uses) to HTML


def inline(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", text)
    # Links lead nowhere offline: keep their text.
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return text


# Diagrams (```steps, ```timeline, ```bars) as inline SVG, drawn as the kiosk draws them
# (src/ui/diagram_view.rs): numbered circles with captions side by side; rows with a label
# on the left and a bar on one time axis, a range solid to its first number and outlined
# to its second. The browser then lays out and paints the same pictures per frame.

ACCENT, SOFT, MUTED, TEXT = "#2E6A62", "#E3EFEC", "#62584F", "#2F2A26"
HOURS = {"h": 1, "hour": 1, "day": 24, "week": 168, "month": 720}


def hours(time):
    """The end points of a time ("4–6 weeks", "up to 1 day", "<1 day") in hours."""
    numbers = [int(n) for n in re.findall(r"\d+", time)]
    unit = re.search(r"(hour|day|week|month|h)\b|(hour|day|week|month)s", time)
    scale = HOURS[(unit.group(1) or unit.group(2)) if unit else "day"]
    if re.match(r"\s*(up to|<)", time):
        numbers = [0] + numbers
    return [n * scale for n in numbers] or [0]


def wrapped(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    return lines + [line]


def svg_text(x, y, lines, size, anchor="start", color=TEXT):
    spans = "".join(
        f'<tspan x="{x}" dy="{size * 1.3 if i else 0}">{html.escape(l)}</tspan>'
        for i, l in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" font-size="{size}" fill="{color}" text-anchor="{anchor}">{spans}</text>'


def diagram_to_svg(kind, lines, width=1028):
    lines = [l.strip() for l in lines if l.strip()]
    if kind == "steps":
        column = width / len(lines)
        parts, height = [], 0
        for i, caption in enumerate(lines):
            cx = column * i + column / 2
            parts.append(f'<circle cx="{cx}" cy="32" r="28" fill="{ACCENT}"/>')
            parts.append(svg_text(cx, 42, [str(i + 1)], 28, "middle", "#FFFFFF"))
            caption = wrapped(caption, int(column / 12))
            parts.append(svg_text(cx, 100, caption, 23, "middle"))
            height = max(height, 100 + len(caption) * 30)
    else:
        start = next((l[6:].strip() for l in lines if l.startswith("start:")), None)
        rows = [l.split("|", 1) for l in lines if "|" in l]
        times = [hours(t) for _, t in rows]
        most = max(max(t) for t in times) or 1
        left, right = width * 0.36, width - 20
        scale = (right - left) / most
        parts, y = [], 10
        for (label, _), t in zip(rows, times):
            label = wrapped(label.strip(), int(left / 12))
            parts.append(svg_text(0, y + 24, label, 23))
            a, b = t[0], t[-1]
            parts.append(f'<rect x="{left}" y="{y}" width="{a * scale}" height="30" rx="6" fill="{ACCENT}"/>')
            if b > a:
                parts.append(
                    f'<rect x="{left + a * scale}" y="{y}" width="{(b - a) * scale}" height="30" rx="6" '
                    f'fill="{SOFT}" stroke="{ACCENT}" stroke-width="2"/>'
                )
            y += max(30, len(label) * 30) + 14
        parts.append(f'<line x1="{left}" y1="{y}" x2="{right}" y2="{y}" stroke="{MUTED}" stroke-width="2"/>')
        if start:
            parts.append(svg_text(left, y + 30, [start], 20, "start", MUTED))
        height = y + 50
    return (
        f'<svg role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'style="display:block;margin:8px 0 14px">' + "".join(parts) + "</svg>"
    )


def page_to_html(markdown):
    out, para, items, in_card = [], [], [], False
    fence = None

    def flush():
        nonlocal para, items
        if para:
            out.append("<p>" + inline(" ".join(para)) + "</p>")
            para = []
        if items:
            out.append("<ul>" + "".join("<li>" + inline(i) + "</li>" for i in items) + "</ul>")
            items = []

    for raw in markdown.splitlines():
        line = raw.strip()
        if fence is not None:
            if line.startswith("```"):
                out.append(diagram_to_svg(fence[0], fence[1]))
                fence = None
            else:
                fence[1].append(line)
        elif line.startswith("```"):
            flush()
            fence = (line[3:].strip(), [])
        elif not line:
            flush()
        elif line.startswith("## "):
            flush()
            if in_card:
                out.append("</section>")
            out.append('<section class="card"><h2>' + inline(line[3:]) + "</h2>")
            in_card = True
        elif line.startswith("# "):
            flush()
            if in_card:
                out.append("</section>")
                in_card = False
            out.append("<h1>" + inline(line[2:]) + "</h1>")
        elif re.match(r"^[-*+] ", line):
            if para:
                flush()
            items.append(line[2:])
        elif items and raw.startswith(("  ", "\t")):
            items[-1] += " " + line
        else:
            if items:
                flush()
            para.append(line)
    flush()
    if in_card:
        out.append("</section>")
    return "\n".join(out)


STYLE = """
html { background: #FAF6F0; }
body { user-select: none; margin: 0; padding: 40px 64px 120px; color: #2F2A26; background: #FAF6F0;
  font: 26px/1.4 Lato, "Lato", "DejaVu Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; }
h1 { font: 64px/1.2 "EB Garamond", Garamond, "DejaVu Serif", serif; font-weight: normal;
  margin: 48px 0 24px; }
.card { background: #FFFDF9; border: 1px solid #E4D9CB; border-radius: 18px;
  padding: 28px 36px; margin: 0 0 18px; }
h2 { font-size: 32px; line-height: 1.4; color: #2E6A62; margin: 0 0 8px; }
p { margin: 0 0 14px; }
ul { margin: 0 0 14px; padding-left: 36px; }
li { margin: 0 0 6px; }
li::marker { color: #2E6A62; }
strong { font-weight: bold; }
"""

SCRIPT = """
// A mouse drag scrolls the page, as a finger would (X11 hands touches over as mouse
// events). While the button is down, every animation frame in which the scroll position
// moved is counted; on release the title reports the rate and the median frame interval.
(function () {
  var down = false, lastY = 0, lastScroll = 0, moved = [];
  function tick(now) {
    if (!down) return;
    if (window.scrollY !== lastScroll) { lastScroll = window.scrollY; moved.push(now); }
    requestAnimationFrame(tick);
  }
  addEventListener('pointerdown', function (e) {
    down = true; lastY = e.clientY; lastScroll = window.scrollY; moved = [];
    requestAnimationFrame(tick);
  });
  addEventListener('pointermove', function (e) {
    if (!down) return;
    window.scrollBy(0, lastY - e.clientY);
    lastY = e.clientY;
  });
  addEventListener('pointerup', function () {
    down = false;
    var n = moved.length, gaps = [];
    for (var i = 1; i < n; i++) gaps.push(moved[i] - moved[i - 1]);
    gaps.sort(function (a, b) { return a - b; });
    var fps = n > 1 ? (n - 1) * 1000 / (moved[n - 1] - moved[0]) : 0;
    var median = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 0;
    document.title = 'drag fps=' + fps.toFixed(1) + ' median=' + median.toFixed(1) + ' frames=' + n;
  });
})();
"""


def font_faces(fonts_dir):
    """@font-face rules for the kiosk's own bundled fonts, so both draw the same faces."""
    if not fonts_dir:
        return ""
    faces = [
        ("Lato", "Lato-Regular.ttf", "normal", "normal"),
        ("Lato", "Lato-Bold.ttf", "bold", "normal"),
        ("Lato", "Lato-Italic.ttf", "normal", "italic"),
        ("EB Garamond", "EBGaramond12-Regular.otf", "normal", "normal"),
    ]
    rules = []
    for family, name, weight, style in faces:
        path = Path(fonts_dir, name).resolve()
        if path.exists():
            rules.append(
                f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
                f"font-weight: {weight}; font-style: {style}; }}"
            )
    return "\n".join(rules) + "\n"


def guide_to_html(guide_dir, out, fonts_dir=None):
    pages = sorted(Path(guide_dir).glob("*.md"))
    if not pages:
        sys.exit(f"no guide pages in {guide_dir}")
    body = "\n".join(page_to_html(p.read_text(encoding="utf-8")) for p in pages)
    doc = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        "<title>Guide</title>\n<style>" + font_faces(fonts_dir) + STYLE + "</style>\n</head><body><main>\n"
        + body
        + "\n</main>\n<script>" + SCRIPT + "</script>\n</body></html>\n"
    )
    Path(out).write_text(doc, encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Screen grabs


class XShmSegmentInfo(ctypes.Structure):
    _fields_ = [
        ("shmseg", ctypes.c_ulong),
        ("shmid", ctypes.c_int),
        ("shmaddr", ctypes.c_void_p),
        ("readOnly", ctypes.c_int),
    ]


class Grabber:
    def __init__(self, display):
        self.x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        x = self.x
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultScreen.argtypes = [ctypes.c_void_p]
        x.XRootWindow.restype = ctypes.c_ulong
        x.XRootWindow.argtypes = [ctypes.c_void_p, ctypes.c_int]
        for f in ("XDisplayWidth", "XDisplayHeight", "XDefaultDepth"):
            getattr(x, f).argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XDefaultVisual.restype = ctypes.c_void_p
        x.XDefaultVisual.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XGetImage.restype = ctypes.c_void_p
        x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            sys.exit(f"cannot open display {display}")
        scr = x.XDefaultScreen(self.dpy)
        self.root = x.XRootWindow(self.dpy, scr)
        self.w, self.h = x.XDisplayWidth(self.dpy, scr), x.XDisplayHeight(self.dpy, scr)
        self.size = self.w * self.h * 4
        self.shm = None
        try:
            self._init_shm(scr)
        except Exception as e:  # noqa: BLE001 - any failure: slower path
            print(f"MIT-SHM unavailable ({e}); using XGetImage", file=sys.stderr)
            self.shm = None

    def _init_shm(self, scr):
        xext = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
        libc = ctypes.CDLL(None, use_errno=True)
        libc.shmget.restype = ctypes.c_int
        libc.shmat.restype = ctypes.c_void_p
        libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        libc.shmctl.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
        xext.XShmQueryExtension.argtypes = [ctypes.c_void_p]
        if not xext.XShmQueryExtension(self.dpy):
            raise RuntimeError("no MIT-SHM")
        xext.XShmCreateImage.restype = ctypes.c_void_p
        xext.XShmCreateImage.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint,
                                         ctypes.c_int, ctypes.c_char_p,
                                         ctypes.POINTER(XShmSegmentInfo),
                                         ctypes.c_uint, ctypes.c_uint]
        xext.XShmAttach.argtypes = [ctypes.c_void_p, ctypes.POINTER(XShmSegmentInfo)]
        xext.XShmGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p,
                                      ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
        depth = self.x.XDefaultDepth(self.dpy, scr)
        visual = self.x.XDefaultVisual(self.dpy, scr)
        info = XShmSegmentInfo()
        image = xext.XShmCreateImage(self.dpy, visual, depth, 2, None, ctypes.byref(info),
                                     self.w, self.h)  # 2 = ZPixmap
        if not image:
            raise RuntimeError("XShmCreateImage failed")
        shmid = libc.shmget(0, self.size, 0o1600)  # IPC_PRIVATE, IPC_CREAT|0600
        if shmid < 0:
            raise RuntimeError("shmget failed")
        addr = libc.shmat(shmid, None, 0)
        libc.shmctl(shmid, 0, None)  # IPC_RMID: freed when both sides detach
        info.shmid, info.shmaddr, info.readOnly = shmid, addr, 0
        # XImage.data sits after width, height, xoffset, format (4 ints) and the data
        # pointer is the 5th field; set it so XShmGetImage writes into our segment.
        ctypes.cast(image + 16, ctypes.POINTER(ctypes.c_void_p))[0] = addr
        if not xext.XShmAttach(self.dpy, ctypes.byref(info)):
            raise RuntimeError("XShmAttach failed")
        self.x.XSync(self.dpy, 0)
        self.xext, self.image, self.info = xext, image, info
        self.buf = (ctypes.c_char * self.size).from_address(addr)
        self.shm = True
        self.grab()  # fails here rather than later

    def pixels(self):
        """The last grab's pixels (MIT-SHM), or a fresh grab's."""
        if self.shm:
            return bytes(self.buf)
        image = self.x.XGetImage(self.dpy, self.root, 0, 0, self.w, self.h, 0xFFFFFFFF, 2)
        data = ctypes.cast(image + 16, ctypes.POINTER(ctypes.c_void_p))[0]
        pixels = bytes((ctypes.c_char * self.size).from_address(data))
        self._destroy(image)
        return pixels

    def _destroy(self, image):
        # XDestroyImage is a macro; free through the image's own destroy function.
        destroy = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)(
            ctypes.cast(image + 96, ctypes.POINTER(ctypes.c_void_p))[0])
        destroy(image)

    def grab(self):
        """CRC-32 of the whole screen's pixels."""
        if self.shm:
            if not self.xext.XShmGetImage(self.dpy, self.root, self.image, 0, 0, 0xFFFFFFFF):
                raise RuntimeError("XShmGetImage failed")
            return zlib.crc32(self.buf)
        image = self.x.XGetImage(self.dpy, self.root, 0, 0, self.w, self.h, 0xFFFFFFFF, 2)
        data = ctypes.cast(image + 16, ctypes.POINTER(ctypes.c_void_p))[0]
        crc = zlib.crc32((ctypes.c_char * self.size).from_address(data))
        self._destroy(image)
        return crc


def watch(display, out, seconds):
    g = Grabber(display)
    rows, uniform = [], {}
    end = time.time() + seconds
    while True:
        now = time.time()
        crc = g.grab()
        if crc not in uniform:
            # A new picture: is it one flat colour (an empty window or a cleared frame)?
            # Checked once per distinct picture, so it costs nothing while grabbing.
            pixels = g.pixels()
            uniform[crc] = pixels == pixels[:4] * (len(pixels) // 4)
        rows.append((now, crc))
        if len(rows) == 1:
            print("ready", flush=True)
        if now > end:
            break
    with open(out, "w") as f:
        for t, crc in rows:
            f.write(f"{t:.4f}\t{crc:08x}\t{'flat' if uniform[crc] else 'content'}\n")


def settle(path, start, quiet):
    rows = []
    for line in Path(path).read_text().splitlines():
        t, crc, kind = line.split("\t")
        rows.append((float(t), crc, kind == "content"))
    rows = [r for r in rows if r[0] >= start] or rows[-1:]
    if not rows:
        print("? ? 0")
        return
    # Runs of one picture: [first seen, last seen, hash, has content].
    runs = []
    for t, crc, content in rows:
        if runs and runs[-1][2] == crc:
            runs[-1][1] = t
        else:
            runs.append([t, t, crc, content])
    # The final picture: the first one with content that then held for `quiet` seconds.
    final = next((r[2] for r in runs if r[3] and r[1] - r[0] >= quiet), runs[-1][2])
    settled = next(t for t, crc, _ in rows if crc == final)
    first_content = next((t for t, _, content in rows if content), None)
    pictures = len({crc for t, crc, content in rows if content and t <= settled})
    ms = lambda t: "?" if t is None else str(round((t - start) * 1000))  # noqa: E731
    print(ms(settled), ms(first_content), pictures)


def shot(display, out):
    """Saves the screen as a PNG (standard library only)."""
    g = Grabber(display)
    g.grab()
    bgrx = g.pixels()
    rows = []
    stride = g.w * 4
    for y in range(g.h):
        line = bgrx[y * stride:(y + 1) * stride]
        rgb = bytearray(g.w * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = line[2::4], line[1::4], line[0::4]
        rows.append(b"\0" + bytes(rgb))

    def chunk(kind, data):
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))

    header = g.w.to_bytes(4, "big") + g.h.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
           + chunk(b"IDAT", zlib.compress(b"".join(rows), 6)) + chunk(b"IEND", b""))
    Path(out).write_bytes(png)


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "html" and len(sys.argv) in (4, 5):
        guide_to_html(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "watch" and len(sys.argv) == 5:
        watch(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif len(sys.argv) >= 2 and sys.argv[1] == "shot" and len(sys.argv) == 4:
        shot(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 2 and sys.argv[1] == "settle" and len(sys.argv) == 5:
        settle(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
