"""Runs a command in a pseudo-terminal, waits for TEXT in its output, interrupts it, and exits
with the command's exit status as a shell reports it (128+n when a signal n ended it).

    python3 .ci/interrupt.py ctrl-c TEXT CMD...   # types Ctrl-C, as a person at a prompt does
    python3 .ci/interrupt.py sigint TEXT CMD...   # SIGINT to the terminal's foreground process
                                                  # group, as the terminal driver sends it

.ci/npm.sh uses it to see exit 130 come back through npx and the npm wrapper. The wait for TEXT
is bounded (a hang guard, not a timed assertion).
"""
import os
import pty
import select
import signal
import sys
import time

mode, text, argv = sys.argv[1], sys.argv[2].encode(), sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.environ["NO_COLOR"] = "1"
    os.environ["TERM"] = "xterm"
    os.execvp(argv[0], argv)

out = b""
def read(deadline):
    global out
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the terminal's other side closed
            return False
        if not chunk:
            return False
        out += chunk
        if text and text in out:
            return True
    return None

found = read(time.monotonic() + 180)
if not found:
    sys.stderr.write("interrupt.py: %r never appeared (%s); output:\n%s\n" % (text.decode(), "timed out" if found is None else "the command ended", out.decode(errors="replace")))
    os.kill(pid, signal.SIGKILL)
    sys.exit(99)
if mode == "ctrl-c":
    os.write(fd, b"\x03")
elif mode == "sigint":
    # pty.fork made the child a session leader: its process group is the terminal's foreground.
    os.killpg(pid, signal.SIGINT)
else:
    sys.exit("interrupt.py: mode must be ctrl-c or sigint")
text = b""
if read(time.monotonic() + 60) is None:
    sys.stderr.write("interrupt.py: the command did not end after the interrupt; output:\n%s\n" % out.decode(errors="replace"))
    os.killpg(pid, signal.SIGKILL)
    sys.exit(98)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace").replace("\r", "") + "\n")
code = os.waitstatus_to_exitcode(status)
sys.exit(128 - code if code < 0 else code)
