"""shmring: the shmbench ring from Python (standard library only; NumPy views when NumPy is there).

A single-writer/single-reader ring in a shared segment /dev/shm/NAME, with the binary layout and
protocol of docs/ring-layout.md (the same as io.shmbench.ring.RingLayout in Java and
src/main/c/shmring.h), so Python, C and Java processes share one ring. Create a named ring with
``./run-bench.sh ring create NAME ...``, then::

    import shmring
    with shmring.Ring.attach("telemetry") as ring:
        with ring.reader(policy="newest") as reader:
            message = reader.read(timeout=1.0)      # a Message(index, data), never a torn one
            print(message.index, reader.missed)     # delivered + missed = what the writer wrote

    with shmring.Ring.attach("telemetry") as ring, ring.writer() as writer:
        writer.write(b"snapshot bytes", timeout=5.0)  # BLOCKING waits for room; OVERWRITE never waits

Zero-copy reading, as in Java: ``reader.poll()`` returns the next message's length (or -1),
``reader.payload()`` a memoryview of it in the slot, ``reader.payload_array(dtype)`` a NumPy view
of it (NumPy only needed for this call), and ``reader.validate()`` whether the writer left the slot
alone meanwhile (OVERWRITE); a False makes the message count as missed.

As a program, ``python3 shmring.py write|read NAME --mode M --count N ...`` sends or checks the
probe messages of src/main/c/probe_message.h, with the command line and output of the C programs
(``python3 shmring.py read --help``).

Memory ordering, honestly
-------------------------
Python has no atomic loads or stores and no fences. What this module relies on:

* Each 8-byte sequence word and index is read and written as one item of a ``memoryview`` cast to
  ``'Q'``: CPython copies it with a fixed-size 8-byte ``memcpy``, which compilers emit as one
  aligned 8-byte load or store, and such an access is single-copy atomic on x86-64 and aarch64.
  So a sequence word is never seen half written. (The C standard does not promise the single
  instruction; every CPython build we know of on these two CPUs has it.)
* A payload is copied with an ``mmap`` slice, a ``memcpy`` of any width: it may be torn, which is
  what the seqlock is for.
* Order: the protocol needs the writer's stores to become visible in program order (payload, then
  sequence word, then write index) and the reader's loads to happen in program order (sequence
  word, payload, sequence word again). Each access is a separate C call made by the interpreter,
  so the compiler cannot reorder them; what is left is the CPU.

  - x86-64 (TSO): stores are not reordered with stores, loads not with loads. Program order is
    memory order for what the protocol needs, so the Python writer publishes safely and the
    Python reader's seqlock check (read sequence, copy, re-read sequence) catches every torn
    copy, exactly as the C reader with its acquire loads and fences does.
  - aarch64 (and other weakly ordered CPUs): loads may be satisfied out of order and stores may
    become visible out of order, and nothing in CPython issues a barrier between two of our
    accesses. A Python reader may then see a committed sequence word with a stale payload, or
    pass a torn copy as whole; a Python writer may publish a sequence word before its payload.
    The window is small (hundreds of interpreter instructions lie between two accesses) but it
    is not closed. On such a CPU: do not trust Python for safety; check the payload end to end
    (the probe messages carry a CRC-32 for this reason) and discard what fails, or do the ring
    accesses in C (shmring.h through a small extension or ctypes library) and keep Python for
    what it does with the data. This module warns once on stderr when it runs on a CPU that is
    not x86-64.

Liveness: each side records its pid, start time and heartbeat as the Java and C sides do. Python
cannot compare-and-set, so two Python processes claiming the same side at the same instant may
both believe they won; a ring has one writer and one reader by contract, and a live process
already holding the side is always refused.
"""

import argparse
import errno
import mmap
import os
import platform
import signal
import struct
import sys
import time
import zlib
from collections import namedtuple

# ---- layout (docs/ring-layout.md; io.shmbench.ring.RingLayout) ----------------------------------
MAGIC = 0x474E495242484D53  # "SHMBRING" read as a little-endian u64
LAYOUT_VERSION = 1
HEADER_SIZE = 512
OFF_MAGIC = 0
OFF_VERSION = 8
OFF_HEADER_SIZE = 12
OFF_SLOT_COUNT = 16
OFF_SLOT_SIZE = 20
OFF_MODE = 24
OFF_PADDING = 25
OFF_MEMORY_ORDER = 26
OFF_FLAGS = 27
OFF_WRITER_PID = 32
OFF_WRITER_START = 40
OFF_WRITER_HEARTBEAT = 48
OFF_READER_PID = 56
OFF_READER_START = 64
OFF_READER_HEARTBEAT = 72
OFF_WRITE_INDEX = 128
READ_INDEX_OFFSETS = (136, 192, 256)  # by padding: PACKED, PAD_64, PAD_128
FLAG_ALIGN_SLOTS = 2
KNOWN_FLAGS = 7
SLOT_OFF_SEQUENCE = 0
SLOT_OFF_LENGTH = 8
SLOT_HEADER_SIZE = 16
MAX_SLOT_COUNT = 1073741824  # 2^30
MAX_SLOT_SIZE = 2**31 - 1 - 64
MAX_INDEX = (2**63 - 1 - 2) // 2
NAME_MAX = 255
DIR = "/dev/shm"

BLOCKING, OVERWRITE = 0, 1
MODES = {"blocking": BLOCKING, "overwrite": OVERWRITE}
POLICIES = ("newest", "oldest")  # io.shmbench.ring.LapPolicy
HEARTBEAT_EVERY = 1024
CHECK_INTERVAL = 0.01  # seconds between a wait's liveness checks
START_TOLERANCE_MS = 2000

# exit codes of the programs, as the C programs
EXIT_FAILED, EXIT_USAGE, EXIT_BAD_RING, EXIT_PEER_DIED = 1, 2, 3, 4

if sys.byteorder != "little":
    raise ImportError("the ring layout is little-endian; this machine is not")
_warned_ordering = False


def _warn_ordering_once():
    global _warned_ordering
    if not _warned_ordering and platform.machine() not in ("x86_64", "AMD64"):
        _warned_ordering = True
        sys.stderr.write("shmring.py: warning: on %s, Python's ring accesses are not ordered by the CPU "
                         "(see the module's documentation); check payloads end to end\n" % platform.machine())


class RingError(Exception):
    """Something about the ring went wrong; the message says what, exit_code what a program returns."""
    exit_code = EXIT_FAILED


class SegmentError(RingError):
    """Missing, foreign, malformed or someone else's segment."""
    exit_code = EXIT_BAD_RING


class NameError_(RingError):
    """A bad ring name."""
    exit_code = EXIT_USAGE


class TimeoutError_(RingError):
    pass


class PeerGoneError(RingError):
    """The other side's process died while we waited."""
    exit_code = EXIT_PEER_DIED


Message = namedtuple("Message", "index data")


def name_problem(name):
    """Why ``name`` is no ring name, or None: the rule of io.shmbench.shm.SegmentName."""
    if not name:
        return "it is empty"
    if "/" in name:
        return "it contains '/'; a name is one file name in %s, not a path" % DIR
    if len(name.encode("utf-8")) > NAME_MAX:
        return "it is longer than %d bytes" % NAME_MAX
    for i, c in enumerate(name):
        if not (c.isascii() and (c.isalnum() or c == "_" or (i > 0 and c in ".-"))):
            return "use letters, digits, '.', '_' and '-', not starting with '.' or '-'"
    return None


def monotonic_ns():
    """CLOCK_MONOTONIC, the clock of the heartbeats and of the probe messages' stamps."""
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def _process_start(pid):
    """(start ms since the epoch as Java's ProcessHandle says, or 0 when unknown; whether a zombie)."""
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            text = f.read().decode("ascii", "replace")
        fields = text[text.rindex(")") + 2:].split()
        state, start_ticks = fields[0], int(fields[19])
        with open("/proc/stat") as f:
            boot = next(int(line.split()[1]) for line in f if line.startswith("btime "))
        return boot * 1000 + start_ticks * 1000 // os.sysconf("SC_CLK_TCK"), state in ("Z", "X")
    except (OSError, ValueError, IndexError, StopIteration):
        return 0, False


class Ring:
    """An attached ring: validated geometry, and the one writer or the one reader of this process."""

    def __init__(self, path):
        self.path = path
        self._mm = None
        self._words = self._ints = None
        try:
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            raise SegmentError("%s: no such ring (it does not exist; create it with "
                               "'./run-bench.sh ring create NAME')" % path) from None
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise SegmentError("%s is a symbolic link; rings are attached only as regular files" % path) from None
            raise SegmentError("%s: cannot open: %s" % (path, e.strerror)) from None
        try:
            info = os.fstat(fd)
            if not (info.st_mode & 0o170000 == 0o100000):
                raise SegmentError("%s is not a regular file" % path)
            if info.st_uid != os.getuid():
                raise SegmentError("%s is owned by uid %d, not by this user (uid %d); refusing to attach"
                                   % (path, info.st_uid, os.getuid()))
            if info.st_size < HEADER_SIZE:
                raise SegmentError("%s: truncated: %d bytes, a ring header alone needs %d"
                                   % (path, info.st_size, HEADER_SIZE))
            if info.st_size % 8:
                raise SegmentError("%s: %d bytes is no ring's size (a whole number of 8-byte words)"
                                   % (path, info.st_size))
            self._mm = mmap.mmap(fd, info.st_size, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
        finally:
            os.close(fd)
        # One 8-byte item per sequence word or index: one aligned load or store each (module docs).
        self._words = memoryview(self._mm).cast("Q")
        self._ints = memoryview(self._mm).cast("I")
        self.parent = os.getppid()
        self.watch_parent = False
        try:
            self._validate()
        except BaseException:
            self.close()
            raise

    @classmethod
    def attach(cls, name):
        """Attaches to /dev/shm/NAME after checking the name, the file's owner and type, and the header."""
        problem = name_problem(name)
        if problem:
            raise NameError_("bad ring name '%s': %s" % (name, problem))
        return cls(os.path.join(DIR, name))

    def _validate(self):
        size = len(self._mm)
        magic = self._u64(OFF_MAGIC)
        if magic != MAGIC:
            raise SegmentError('%s: bad magic 0x%016X (expected 0x%016X, "SHMBRING"): not a shmbench ring'
                               % (self.path, magic, MAGIC))
        version, header_size, slot_count, slot_size = struct.unpack_from("<IIII", self._mm, OFF_VERSION)
        if version != LAYOUT_VERSION:
            raise SegmentError("%s: layout version %d, this program reads version %d" % (self.path, version, LAYOUT_VERSION))
        if header_size != HEADER_SIZE:
            raise SegmentError("%s: header size %d, expected %d" % (self.path, header_size, HEADER_SIZE))
        if not 1 <= slot_count <= MAX_SLOT_COUNT:
            raise SegmentError("%s: slot count %d is outside 1..%d" % (self.path, slot_count, MAX_SLOT_COUNT))
        if slot_size <= SLOT_HEADER_SIZE or slot_size % 8 or slot_size > MAX_SLOT_SIZE:
            raise SegmentError("%s: slot size %d must be a multiple of 8 larger than the %d-byte slot header (and at most %d)"
                               % (self.path, slot_size, SLOT_HEADER_SIZE, MAX_SLOT_SIZE))
        mode, padding, order, flags = struct.unpack_from("<BBBB", self._mm, OFF_MODE)
        if mode > 1 or padding > 2 or order > 4:
            raise SegmentError("%s: mode %d, padding %d or memory order %d is unknown" % (self.path, mode, padding, order))
        if flags & ~KNOWN_FLAGS:
            raise SegmentError("%s: unknown flag bits 0x%02X" % (self.path, flags & ~KNOWN_FLAGS))
        if flags & FLAG_ALIGN_SLOTS and slot_size % 64:
            raise SegmentError("%s: slot size %d is not a multiple of 64 although the header says slots are aligned"
                               % (self.path, slot_size))
        expected = HEADER_SIZE + slot_count * slot_size
        if expected != size:
            raise SegmentError("%s: geometry (%d slots x %d bytes + %d-byte header = %d bytes) does not match the file size "
                               "of %d bytes%s" % (self.path, slot_count, slot_size, HEADER_SIZE, expected, size,
                                                  " (truncated?)" if size < expected else ""))
        self.slot_count, self.slot_size, self.max_payload = slot_count, slot_size, slot_size - SLOT_HEADER_SIZE
        self.mode, self.padding, self.memory_order, self.flags = mode, padding, order, flags
        self.read_index_offset = READ_INDEX_OFFSETS[padding]
        write_index, read_index = self.write_index(), self.read_index()
        if write_index > MAX_INDEX or read_index > MAX_INDEX:
            raise SegmentError("%s: write index %d or read index %d is negative or beyond what a sequence word can number"
                               % (self.path, write_index, read_index))
        if read_index > write_index + 1:  # + 1: a writer killed between its two commit stores
            raise SegmentError("%s: read index %d is beyond the write index %d" % (self.path, read_index, write_index))
        if mode == BLOCKING and read_index < write_index and write_index - read_index > slot_count:
            raise SegmentError("%s: write index %d is more than %d slots ahead of the read index %d"
                               % (self.path, write_index, slot_count, read_index))

    # one aligned 8-byte access each (see the module's documentation)
    def _u64(self, offset):
        return self._words[offset >> 3]

    def _set_u64(self, offset, value):
        self._words[offset >> 3] = value

    def _slot(self, index):
        return HEADER_SIZE + (index % self.slot_count) * self.slot_size

    def write_index(self):
        return self._u64(OFF_WRITE_INDEX)

    def read_index(self):
        return self._u64(self.read_index_offset)

    def mode_name(self):
        return "overwrite" if self.mode == OVERWRITE else "blocking"

    def writer(self):
        """Claims the writer side of this ring."""
        return Writer(self)

    def reader(self, policy="newest"):
        """Claims the reader side; an OVERWRITE reader lapped by its writer resumes at the newest or the oldest message."""
        return Reader(self, policy)

    def _side_alive(self, pid_offset, start_offset):
        pid = self._u64(pid_offset)
        if pid == 0 or pid > 2**31:
            return False
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        recorded = self._u64(start_offset)
        start, zombie = _process_start(pid)
        return not zombie and (recorded == 0 or start == 0 or abs(start - recorded) <= START_TOLERANCE_MS)

    def writer_alive(self):
        return self._side_alive(OFF_WRITER_PID, OFF_WRITER_START)

    def reader_alive(self):
        return self._side_alive(OFF_READER_PID, OFF_READER_START)

    def close(self):
        """Unmaps the ring (the file stays: ``./run-bench.sh ring remove NAME``)."""
        for view in (self._words, self._ints):
            if view is not None:
                view.release()
        self._words = self._ints = None
        if self._mm is not None:
            self._mm.close()
            self._mm = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Side:
    """What the writer and the reader share: registration, heartbeat and the checks of a wait."""

    def __init__(self, ring, role, pid_offset, start_offset, heartbeat_offset, peer):
        _warn_ordering_once()
        self.ring, self.role, self.peer = ring, role, peer
        self._pid_offset, self._heartbeat_offset = pid_offset, heartbeat_offset
        self._peer_pid, self._peer_start = (OFF_READER_PID, OFF_READER_START) if role == "writer" else \
            (OFF_WRITER_PID, OFF_WRITER_START)
        previous = ring._u64(pid_offset)
        if previous and ring._side_alive(pid_offset, start_offset):
            raise RingError("%s: this ring already has a live %s (pid %d); a ring has exactly one %s"
                            % (ring.path, role, previous, role))
        ring._set_u64(pid_offset, os.getpid())
        ring._set_u64(start_offset, _process_start(os.getpid())[0])
        self.heartbeat()
        self._closed = False

    def heartbeat(self):
        self.ring._set_u64(self._heartbeat_offset, monotonic_ns())

    def _wait(self, attempt, deadline, what):
        """Between two failed attempts: idles, and every CHECK_INTERVAL checks the peer, the parent and the deadline."""
        time.sleep(0 if attempt < 16 else min(0.001, 0.00001 * (attempt - 15)))
        now = time.monotonic()
        if attempt % 16 == 15 or now > deadline:
            self.heartbeat()
            pid = self.ring._u64(self._peer_pid)
            if pid and not self.ring._side_alive(self._peer_pid, self._peer_start):
                raise PeerGoneError("%s: the %s process (pid %d) died while waiting %s" % (self.ring.path, self.peer, pid, what))
            if self.ring.watch_parent and os.getppid() != self.ring.parent:
                raise RingError("%s: the process that started this one is gone; stopping" % self.ring.path)
            if now > deadline:
                raise TimeoutError_("%s: timed out waiting %s (%s %s)" % (self.ring.path, what, self.peer,
                                                                          "alive" if pid else "absent"))

    def close(self):
        """Gives the side up (the other side then sees it absent, not dead)."""
        if not self._closed and self.ring._words is not None:
            self._closed = True
            self._detach()
            if self.ring._u64(self._pid_offset) == os.getpid():
                self.ring._set_u64(self._pid_offset, 0)

    def _detach(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class Writer(_Side):
    """The ring's only writer. BLOCKING: waits (with a deadline) while the reader is a ring behind.
    OVERWRITE: never waits; marks the slot odd first (the seqlock) so a racing reader sees it torn."""

    def __init__(self, ring):
        super().__init__(ring, "writer", OFF_WRITER_PID, OFF_WRITER_START, OFF_WRITER_HEARTBEAT, "reader")
        published = ring.write_index()
        # a writer killed between its two commit stores left message W committed but unpublished
        if ring._u64(ring._slot(published) + SLOT_OFF_SEQUENCE) == 2 * published + 2:
            published += 1
            ring._set_u64(OFF_WRITE_INDEX, published)
        self.next = published
        self._cached_read = ring.read_index()

    def try_write(self, data, pause=None):
        """Copies and publishes ``data`` (bytes-like); False when a BLOCKING ring is full. ``pause``, if
        given, is called between the two halves of the copy (fault tests: a writer stopped mid-message)."""
        ring, n = self.ring, self.next
        if len(data) > ring.max_payload:
            raise RingError("%s: a message of %d bytes does not fit a slot of %d payload bytes"
                            % (ring.path, len(data), ring.max_payload))
        if ring.mode == BLOCKING and n - self._cached_read >= ring.slot_count:
            self._cached_read = ring.read_index()
            if n - self._cached_read >= ring.slot_count:
                return False
        slot = ring._slot(n)
        if ring.mode == OVERWRITE:
            ring._set_u64(slot + SLOT_OFF_SEQUENCE, 2 * n + 1)  # being written
        start = slot + SLOT_HEADER_SIZE
        half = len(data) // 2
        ring._mm[start:start + half] = data[:half]
        if pause is not None:
            pause()
        ring._mm[start + half:start + len(data)] = data[half:]
        ring._ints[(slot + SLOT_OFF_LENGTH) >> 2] = len(data)
        ring._set_u64(slot + SLOT_OFF_SEQUENCE, 2 * n + 2)  # committed
        self.next = n + 1
        ring._set_u64(OFF_WRITE_INDEX, self.next)
        if self.next % HEARTBEAT_EVERY == 0:
            self.heartbeat()
        return True

    def write(self, data, timeout=10.0, pause=None):
        """Like try_write, waiting up to ``timeout`` seconds for room; raises TimeoutError_ or PeerGoneError."""
        deadline = time.monotonic() + timeout
        attempt = 0
        while not self.try_write(data, pause):
            self._wait(attempt, deadline, "for a free slot")
            attempt += 1


class Reader(_Side):
    """The ring's only reader. Never hands over a torn message; in OVERWRITE mode counts every message it
    did not deliver in ``missed`` (lapped over, or ``torn``: overwritten while copied), so that
    delivered + missed = written."""

    def __init__(self, ring, policy="newest"):
        if policy not in POLICIES:
            raise RingError("unknown lap policy %r; use newest or oldest" % (policy,))
        super().__init__(ring, "reader", OFF_READER_PID, OFF_READER_START, OFF_READER_HEARTBEAT, "writer")
        self.policy = policy
        self.next = self._released = ring.read_index()
        self.missed = self.torn = 0
        self._current = None  # (slot offset, sequence word, length) of the message poll() found

    def _release(self):
        if self._released != self.next:
            self._released = self.next
            self.ring._set_u64(self.ring.read_index_offset, self.next)

    def poll(self):
        """Moves to the next message without waiting and returns its length, or -1 when none is there.
        Zero-copy: read it with payload() or payload_array(), then ask validate() (OVERWRITE)."""
        ring = self.ring
        self._release()
        while True:
            n = self.next
            slot = ring._slot(n)
            expected = 2 * n + 2
            sequence = ring._u64(slot + SLOT_OFF_SEQUENCE)
            if sequence == expected:
                length = ring._ints[(slot + SLOT_OFF_LENGTH) >> 2]
                if length > ring.max_payload:
                    if ring._u64(slot + SLOT_OFF_SEQUENCE) == sequence:
                        raise RingError("%s: slot %d holds message %d with length %d, outside 0..%d (corrupt segment)"
                                        % (ring.path, n % ring.slot_count, n, length, ring.max_payload))
                    continue  # overwritten while we looked: the next round sees the lap
                self._current = (slot, sequence, length)
                self.next = n + 1
                if self.next % HEARTBEAT_EVERY == 0:
                    self.heartbeat()
                return length
            if ring.mode == BLOCKING or sequence < expected:
                return -1  # not written yet, or being written
            # lapped: the slot holds a later message; W - slot_count .. W - 1 may still be there
            write_index = ring.write_index()
            resume = max(n + 1, write_index - (1 if self.policy == "newest" else ring.slot_count))
            self.missed += resume - n
            self.next = resume

    def payload(self):
        """The current message in place, as a memoryview (valid until the next poll; may be torn in OVERWRITE)."""
        slot, _, length = self._checked_current()
        start = slot + SLOT_HEADER_SIZE
        return memoryview(self.ring._mm)[start:start + length]

    def payload_array(self, dtype, count=-1):
        """The current message in place as a NumPy array (zero-copy; NumPy must be installed for this call only)."""
        try:
            import numpy
        except ImportError:
            raise RingError("payload_array needs NumPy, which is not installed; use payload() or read()") from None
        slot, _, length = self._checked_current()
        return numpy.frombuffer(self.ring._mm, dtype=dtype, count=count if count >= 0 else length // numpy.dtype(dtype).itemsize,
                                offset=slot + SLOT_HEADER_SIZE)

    def validate(self):
        """After reading in place: True when the writer did not touch the slot meanwhile. False means what was
        read may be torn; the message then counts as missed."""
        slot, sequence, _ = self._checked_current()
        if self.ring._u64(slot + SLOT_OFF_SEQUENCE) == sequence:
            return True
        self.torn += 1
        self.missed += 1
        return False

    def _checked_current(self):
        if self._current is None:
            raise RingError("no message polled yet")
        return self._current

    def try_read(self):
        """The next whole message as a Message(index, data: bytes), or None when none is there."""
        while True:
            length = self.poll()
            if length < 0:
                return None
            slot, _, _ = self._current
            start = slot + SLOT_HEADER_SIZE
            data = self.ring._mm[start:start + length]
            if self.ring.mode == BLOCKING or self.validate():
                return Message(self.next - 1, data)

    def read(self, timeout=10.0):
        """Like try_read, waiting up to ``timeout`` seconds; raises TimeoutError_, or PeerGoneError once a dead
        writer's last messages are read."""
        deadline = time.monotonic() + timeout
        attempt = 0
        while True:
            message = self.try_read()
            if message is not None:
                return message
            try:
                self._wait(attempt, deadline, "for a message")
            except PeerGoneError:
                message = self.try_read()  # what the writer published before it died is still delivered
                if message is None:
                    raise
                return message
            attempt += 1

    def _detach(self):
        self._release()


# ---- the probe messages of src/main/c/probe_message.h ---------------------------------------------
PROBE_MIN_LENGTH = 20
_FILLER = bytes(range(256)) * 4096  # the filler byte at offset i is (i + 7 * sequence) mod 256
_PROBE_HEAD = struct.Struct("<Qq")


def probe_length(sequence, largest):
    return PROBE_MIN_LENGTH + sequence * 7 % (largest - PROBE_MIN_LENGTH + 1)


def probe_fill(sequence, stamp, length):
    start = (16 + 7 * sequence) % 256
    body = _PROBE_HEAD.pack(sequence, stamp) + _FILLER[start:start + length - 20]
    return body + struct.pack("<I", zlib.crc32(body))


def probe_check(data, sequence):
    """(whether data is whole and is message ``sequence``, its stamp)."""
    if len(data) < PROBE_MIN_LENGTH:
        return False, 0
    number, stamp = _PROBE_HEAD.unpack_from(data)
    crc, = struct.unpack_from("<I", data, len(data) - 4)
    return crc == zlib.crc32(data[:-4]) and number == sequence, stamp


# ---- the programs ----------------------------------------------------------------------------------
class _Stop(Exception):
    pass


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="shmring.py", description="Write or check probe messages on the ring "
                                     "/dev/shm/NAME, as src/main/c/shmring_writer and shmring_reader do.")
    sides = parser.add_subparsers(dest="side", required=True)
    for side in ("write", "read"):
        p = sides.add_parser(side)
        p.add_argument("name", metavar="NAME")
        p.add_argument("--mode", choices=sorted(MODES), required=True)
        p.add_argument("--count", type=_number(int, 1, 10**15), required=True)
        p.add_argument("--rate", type=_number(float, 0, 1e9), default=0.0,
                       help="writes (write) or wake-ups taking everything new (read) per second; 0: as fast as possible")
        p.add_argument("--timeout", type=_number(float, 0.001, 86400), default=30.0)
        p.add_argument("--watch-parent", action="store_true", help="stop when the process that started this one is gone")
        if side == "write":
            p.add_argument("--bytes", type=_number(int, PROBE_MIN_LENGTH, 1 << 20), default=0,
                           help="largest message (default: the ring's largest)")
            p.add_argument("--dwell-us", type=_number(int, 0, 10**6), default=0,
                           help="pause in the middle of each message (fault tests)")
        else:
            p.add_argument("--policy", choices=POLICIES, default="newest")
            p.add_argument("--quiet", action="store_true", help="print the summary only")
    return parser.parse_args(argv)


def _number(kind, low, high):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError("'%s' is not a number" % text) from None
        if not (low <= value <= high) or value != value:
            raise argparse.ArgumentTypeError("'%s' is outside %s..%s" % (text, low, high))
        return value
    return parse


def _sleep_until(when_ns):
    delay = (when_ns - monotonic_ns()) / 1e9
    if delay > 0:
        time.sleep(delay)


def _run_writer(args, ring):
    largest = args.bytes or ring.max_payload
    if largest > ring.max_payload:
        sys.stderr.write("error: --bytes %d: this ring's slots hold messages of %d to %d bytes\n"
                         % (largest, PROBE_MIN_LENGTH, ring.max_payload))
        return EXIT_USAGE
    pause = (lambda: time.sleep(args.dwell_us / 1e6)) if args.dwell_us else None
    with ring.writer() as writer:
        first, written = writer.next, 0
        period = int(1e9 / args.rate) if args.rate > 0 else 0
        start = monotonic_ns()
        try:
            for written in range(args.count):
                if period:
                    _sleep_until(start + written * period)
                if ring.watch_parent and os.getppid() != ring.parent:
                    raise RingError("%s: the process that started this writer is gone; stopping" % ring.path)
                n = writer.next
                writer.write(probe_fill(n, monotonic_ns(), probe_length(n, largest)), args.timeout, pause)
            written = args.count
        finally:
            print("summary written=%d first=%d" % (written, first), flush=True)
    return 0


def _run_reader(args, ring):
    tally = {"delivered": 0, "corrupt": 0, "reported": 0}
    status = 0
    with ring.reader(args.policy) as reader:
        end = reader.next + args.count

        def take(message):
            whole, stamp = probe_check(message.data, message.index)
            tally["delivered"] += 1
            if not whole:
                tally["corrupt"] += 1
                sys.stderr.write("error: message %d (%d bytes) is corrupt: its CRC or its sequence is wrong\n"
                                 % (message.index, len(message.data)))
            elif not args.quiet:
                print("seq=%d age_ms=%.3f missed=%d length=%d" % (message.index, (monotonic_ns() - stamp) / 1e6,
                                                                   reader.missed - tally["reported"], len(message.data)))
            tally["reported"] = reader.missed

        try:
            period = int(1e9 / args.rate) if args.rate > 0 else 0
            start = last_news = monotonic_ns()
            tick = 0
            while reader.next < end:
                if not period:
                    take(reader.read(args.timeout))
                    continue
                tick += 1
                _sleep_until(start + tick * period)
                before = reader.next
                while reader.next < end:
                    message = reader.try_read()
                    if message is None:
                        break
                    take(message)
                if ring.watch_parent and os.getppid() != ring.parent:
                    raise RingError("%s: the process that started this reader is gone; stopping" % ring.path)
                now = monotonic_ns()
                if reader.next != before:
                    last_news = now
                elif ring._u64(OFF_WRITER_PID) and not ring.writer_alive():
                    raise PeerGoneError("%s: the writer process died" % ring.path)
                elif now - last_news > args.timeout * 1e9:
                    raise TimeoutError_("%s: no new message for %.1f s" % (ring.path, args.timeout))
        except RingError as e:
            sys.stderr.write("error: %s\n" % e)
            status = e.exit_code
        finally:
            print("summary delivered=%d missed=%d torn=%d corrupt=%d position=%d"
                  % (tally["delivered"], reader.missed, reader.torn, tally["corrupt"], reader.next), flush=True)
    return EXIT_FAILED if tally["corrupt"] else status


def main(argv=None):
    import faulthandler
    faulthandler.enable()  # a SIGBUS (the file truncated under us) prints where, instead of dying silently

    def stop(signal_number, frame):
        raise _Stop(signal_number)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    args = _arguments(argv)
    try:
        with Ring.attach(args.name) as ring:
            ring.watch_parent = args.watch_parent
            if ring.mode != MODES[args.mode]:
                raise SegmentError("%s is in %s mode, not %s as --mode says" % (ring.path, ring.mode_name(), args.mode))
            return (_run_writer if args.side == "write" else _run_reader)(args, ring)
    except RingError as e:
        sys.stderr.write("error: %s\n" % e)
        return e.exit_code
    except _Stop as e:
        sys.stderr.write("stopped by signal %d\n" % e.args[0])
        return 128 + e.args[0]


if __name__ == "__main__":
    sys.exit(main())
