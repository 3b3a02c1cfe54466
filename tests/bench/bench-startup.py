#!/usr/bin/python3
# bench-startup.py — time from process start to the first drawn frame of the window, for Kursplan
# with the demo courses and with 10,000 courses, side by side with GNOME Text Editor, under Xvfb.
#
# The first frame is the moment the application's pixels appear on the (black) screen, watched from
# outside with XGetImage, so both programs are measured the same way.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import ctypes.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get('BENCH_RUNS', '5'))
TIMEOUT = 30.0

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class XMapEvent(ctypes.Structure):
    _fields_ = [('type', ctypes.c_int), ('serial', ctypes.c_ulong), ('send_event', ctypes.c_int),
                ('display', ctypes.c_void_p), ('event', ctypes.c_ulong),
                ('window', ctypes.c_ulong), ('override_redirect', ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [('type', ctypes.c_int), ('xmap', XMapEvent), ('pad', ctypes.c_long * 24)]


class XImage(ctypes.Structure):
    _fields_ = [('width', ctypes.c_int), ('height', ctypes.c_int), ('xoffset', ctypes.c_int),
                ('format', ctypes.c_int), ('data', ctypes.POINTER(ctypes.c_uint8)),
                ('byte_order', ctypes.c_int), ('bitmap_unit', ctypes.c_int),
                ('bitmap_bit_order', ctypes.c_int), ('bitmap_pad', ctypes.c_int),
                ('depth', ctypes.c_int), ('bytes_per_line', ctypes.c_int),
                ('bits_per_pixel', ctypes.c_int)]


class Display:
    """Watches the screen of an Xvfb started with a black root window (-br): a new top-level
    window shows black until its program draws into it."""

    def __init__(self, name):
        self.x11 = ctypes.CDLL(ctypes.util.find_library('X11'))
        x11 = self.x11
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XDefaultRootWindow.restype = ctypes.c_ulong
        x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        x11.XPending.argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x11.XGetImage.restype = ctypes.POINTER(XImage)
        x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                  ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x11.XDestroyImage = x11.XFree  # the image's data is freed with the server's reply
        x11.XFree.argtypes = [ctypes.c_void_p]

        # Windows vanish while we look at them: ignore the errors that causes.
        handler_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self.error_handler = handler_type(lambda dpy, error: 0)
        x11.XSetErrorHandler.argtypes = [handler_type]
        x11.XSetErrorHandler(self.error_handler)

        self.dpy = x11.XOpenDisplay(name.encode())
        if not self.dpy:
            raise RuntimeError(f'cannot open display {name}')
        self.root = x11.XDefaultRootWindow(self.dpy)
        x11.XSelectInput(self.dpy, self.root, SUBSTRUCTURE_NOTIFY_MASK)
        x11.XSync(self.dpy, 1)

    def drawn(self, x, y, width, height):
        """Whether anything but black shows in that part of the screen."""
        image = self.x11.XGetImage(self.dpy, self.root, x, y, width, height, 0xffffffff, 2)
        if not image:
            return False
        try:
            size = image.contents.bytes_per_line * image.contents.height
            return any(ctypes.string_at(image.contents.data, size))
        finally:
            self.x11.XFree(image.contents.data)
            self.x11.XFree(image)

    def time_first_frame(self, argv, env):
        """Seconds from spawning argv to its window's mapping, and to its first drawn pixels."""
        x11 = self.x11
        event = XEvent()
        x11.XSync(self.dpy, 1)
        start = time.monotonic()
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        mapped = None
        try:
            while time.monotonic() < start + TIMEOUT:
                while mapped is None and x11.XPending(self.dpy):
                    x11.XNextEvent(self.dpy, ctypes.byref(event))
                    if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                        mapped = time.monotonic()
                # Look at a band across the top, where any window is, and the middle.
                if mapped is not None and (self.drawn(0, 0, 1400, 48) or
                                           self.drawn(300, 300, 400, 200)):
                    return mapped - start, time.monotonic() - start
                time.sleep(0.001)
            raise RuntimeError(f'{argv[0]} drew no window within {TIMEOUT:.0f} s')
        finally:
            proc.terminate()
            try:
                proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
            # Clear the screen for the next program: wait until its window is gone.
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and (self.drawn(0, 0, 1400, 48) or
                                                   self.drawn(300, 300, 400, 200)):
                time.sleep(0.01)
            while x11.XPending(self.dpy):
                x11.XNextEvent(self.dpy, ctypes.byref(event))


def start_xvfb():
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(['Xvfb', '-displayfd', str(write_fd), '-screen', '0', '1400x900x24',
                             '-br', '-nolisten', 'tcp'], pass_fds=[write_fd],
                            stderr=subprocess.DEVNULL)
    os.close(write_fd)
    number = b''
    while not number.endswith(b'\n'):
        chunk = os.read(read_fd, 16)
        if not chunk:
            raise RuntimeError('Xvfb did not start')
        number += chunk
    os.close(read_fd)
    return xvfb, ':' + number.decode().strip()


def describe(name, times):
    mapped = [m * 1000 for m, _ in times]
    drawn = [d * 1000 for _, d in times]
    print(f'  {name:<34} first frame median {statistics.median(drawn):6.0f} ms '
          f'(min {min(drawn):4.0f}, max {max(drawn):4.0f}); window mapped at '
          f'{statistics.median(mapped):4.0f} ms')
    return statistics.median(drawn)


def main():
    # bench-startup.py [KURSPLAN [BENCH_SEARCH]]; the environment can name them instead.
    kursplan = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('KURSPLAN_BIN')
    bench_search = sys.argv[2] if len(sys.argv) > 2 else os.environ.get('KURSPLAN_BENCH_SEARCH')
    if kursplan is None:
        sys.exit('bench-startup: name the built kursplan (argument or KURSPLAN_BIN)')
    editor = shutil.which('gnome-text-editor')

    work = tempfile.mkdtemp(prefix='kursplan-bench-')
    xvfb, display = start_xvfb()
    try:
        env = dict(os.environ, DISPLAY=display, GTK_A11Y='none', NO_AT_BRIDGE='1')
        env.pop('WAYLAND_DISPLAY', None)
        # Both programs as a user starts them: each picks its own renderer (the tests' cairo
        # would spare GNOME Text Editor the OpenGL set-up that Kursplan skips without a GPU).
        env.pop('GSK_RENDERER', None)
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        x = Display(display)

        demo_db = os.path.join(work, 'demo.db')
        catalogue = os.environ.get('KURSPLAN_BENCH_DB')
        if not catalogue or not os.path.exists(catalogue):
            if not bench_search:
                sys.exit('bench-startup: set KURSPLAN_BENCH_DB or KURSPLAN_BENCH_SEARCH')
            catalogue = os.path.join(work, 'catalogue.db')
            subprocess.run([bench_search, '--make-catalogue', catalogue], check=True, env=env)

        runs = {
            "kursplan, a new user's database": [kursplan, '--db', demo_db],
            'kursplan, 10,000 courses': [kursplan, '--db', catalogue],
        }
        if editor:
            runs['gnome-text-editor --standalone'] = [editor, '--standalone']
        else:
            print('  (gnome-text-editor is not installed: no comparison)')

        # One unmeasured start each: creates the demo database and warms the file cache.
        for argv in runs.values():
            x.time_first_frame(argv, env)

        times = {name: [] for name in runs}
        for _ in range(RUNS):
            for name, argv in runs.items():
                times[name].append(x.time_first_frame(argv, env))

        print(f'start to first frame under Xvfb, {RUNS} runs each, '
              f'GSK_RENDERER={env.get("GSK_RENDERER", "(default)")}:')
        medians = {name: describe(name, t) for name, t in times.items()}
        if editor:
            reference = medians['gnome-text-editor --standalone']
            for name in runs:
                if name.startswith('kursplan'):
                    print(f'  {name}: {medians[name] / reference:.2f} × GNOME Text Editor '
                          f'(target ≤ 300 ms and no slower than it)')
    finally:
        xvfb.terminate()
        xvfb.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
