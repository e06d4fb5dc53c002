/*
 * shmring_peer: the far end of Q1's shm-ring-c channel, the C counterpart of the JVM's peer
 * (io.shmbench.transport.PeerMain) on shm-ring. The parent JVM creates the two BLOCKING rings
 * exactly as for shm-ring (io.shmbench.transport.ShmRingCTransport) and starts this program with
 * PeerMain's command line; it then does what PeerMain does, step for step, so that shm-ring and
 * shm-ring-c differ only in the language of the peer:
 *
 *   shmring_peer --transport shm-ring-c --role echo|sink --max-size BYTES --parent-pid PID
 *                [--messages N] [--wait spin|yield|block] [--depth N] [--cpu CPU]
 *                [--floor-segment PATH --floor-prime N] [--message-size B] [--rate R]
 *                -- TO_PEER_RING FROM_PEER_RING
 *   shmring_peer --self-test        (checks the CRC-32C code; exit 0 when right)
 *
 *   - with --cpu, pins itself to that CPU first;
 *   - attaches to both rings (reader of TO_PEER_RING, writer of FROM_PEER_RING), with shmring.h's
 *     validation, and to the same-pair floor's segment if given (one 64-bit counter at offset 0,
 *     io.shmbench.transport.FloorChannel: this side writes odd values, the parent even ones), whose
 *     first value (1) says it is ready there;
 *   - sends the empty ready message;
 *   - echo: returns every message unchanged. With a floor, after --floor-prime messages the next
 *     one is the 8-byte schedule (two little-endian int32: series block, floor block;
 *     io.shmbench.transport.FloorSchedule), which it echoes too; then it takes turns for ever:
 *     series-block echoes, floor-block round trips of the floor's counter
 *     (io.shmbench.transport.SamePairFloor);
 *   - sink: copies each message out and adds its bytes to a running CRC-32C; after --messages of
 *     them it sends a 16-byte report (count, CRC-32C; little-endian int64;
 *     io.shmbench.transport.SinkReport) and starts again.
 *
 * Every message is copied out of the ring into a buffer and from there into the other ring, as the
 * JVM's RingChannel does. Waits follow --wait as the JVM's do (io.shmbench.ipc.WaitStrategy for
 * shared memory: spin with a pause instruction; yield; or spin, then sleep with back-off from 1 us
 * to 1 ms); the floor always spins. Every wait looks, each 100 ms, whether the parent is still
 * there and whether it closed this process's stdin, and gives up after a day (the parent's own
 * waits carry the real timeouts). Exit codes, as PeerMain's: 0 the parent closed stdin, 1 failure
 * (the last line of stderr says why), 2 usage, 3 the parent died.
 */
#define _GNU_SOURCE
#include <poll.h>
#include <sched.h>

#include "crc32c.h"
#include "shmring.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2
#define EXIT_PARENT_GONE 3
#define TRANSPORT "shm-ring-c"
#define FLOOR_SEGMENT_SIZE 4096
#define SCHEDULE_SIZE 8
#define MAX_SERIES_BLOCK 512
#define FLOOR_BLOCK 256
#define REPORT_SIZE 16
#define PEER_TIMEOUT_NS (86400LL * SHMRING_SECOND)
#define WATCH_INTERVAL_NS 100000000LL
#define CHECK_EVERY 64

enum wait_mode { WAIT_BLOCK, WAIT_SPIN, WAIT_YIELD };

typedef struct options {
    const char *role;
    long long messages;
    long long max_size;
    int wait;
    long long parent_pid;
    int cpu; /* -1: not pinned */
    const char *floor_segment;
    long long floor_prime; /* -1: no floor */
    const char *to_peer;
    const char *from_peer;
} options;

static const char *program = "shmring_peer";

/* The sink's tally since its last report, for the line it leaves when it exits (as PeerMain's sink does); -1: no sink. */
static long long sink_count = -1;
static uint32_t sink_checksum;

static void say_what_the_sink_had(void)
{
    if (sink_count >= 0) {
        fprintf(stderr, "peer: sink received %lld messages since its last report, checksum %x\n", sink_count, sink_checksum);
    }
}

static void fail(const char *format, ...) __attribute__((format(printf, 1, 2), noreturn));

/* The last line of stderr, which the parent quotes when the peer did not come up or died. */
static void fail(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "%s: failed: ", program);
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n");
    va_end(args);
    exit(EXIT_FAILED);
}

static void usage(const char *problem, const char *value) __attribute__((noreturn));

static void usage(const char *problem, const char *value)
{
    fprintf(stderr, "%s: %s%s%s%s\n", program, problem, value ? " '" : "", value ? value : "", value ? "'" : "");
    fprintf(stderr, "usage: %s --transport " TRANSPORT " --role echo|sink --max-size BYTES --parent-pid PID\n"
                    "       [--messages N] [--wait spin|yield|block] [--depth N] [--cpu CPU]\n"
                    "       [--floor-segment PATH --floor-prime N] [--message-size B] [--rate R] -- TO_PEER FROM_PEER\n"
                    "       %s --self-test\n",
            program, program);
    exit(EXIT_USAGE);
}

static long long number(const char *option, const char *text, long long low, long long high)
{
    char *end = NULL;
    errno = 0;
    long long value = text == NULL ? 0 : strtoll(text, &end, 10);
    if (text == NULL || end == text || *end != '\0' || errno != 0 || value < low || value > high) {
        char problem[160];
        snprintf(problem, sizeof problem, "%s needs an integer from %lld to %lld, not", option, low, high);
        usage(problem, text == NULL ? "(nothing)" : text);
    }
    return value;
}

/* PeerMain's command line (io.shmbench.transport.PeerProcess writes it); anything else is a usage error. */
static options parse(int argc, char **argv)
{
    options o = {0};
    o.wait = WAIT_BLOCK;
    o.cpu = -1;
    o.floor_prime = -1;
    o.max_size = -1;
    o.parent_pid = -1;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--stdio-data") == 0) {
            usage("--stdio-data is the pipe transport's; this peer serves " TRANSPORT " only", NULL);
        }
        if (v == NULL) {
            usage("unknown option or one without its value:", a);
        }
        if (strcmp(a, "--transport") == 0) {
            if (strcmp(v, TRANSPORT) != 0) {
                usage("this peer serves " TRANSPORT " only, not", v);
            }
        } else if (strcmp(a, "--role") == 0) {
            if (strcmp(v, "echo") != 0 && strcmp(v, "sink") != 0) {
                usage("--role is echo or sink (the C peer serves no source), not", v);
            }
            o.role = v;
        } else if (strcmp(a, "--messages") == 0) {
            o.messages = number(a, v, 0, LLONG_MAX);
        } else if (strcmp(a, "--max-size") == 0) {
            o.max_size = number(a, v, 0, SHMRING_MAX_SLOT_SIZE);
        } else if (strcmp(a, "--wait") == 0) {
            if (strcmp(v, "block") == 0) {
                o.wait = WAIT_BLOCK;
            } else if (strcmp(v, "spin") == 0) {
                o.wait = WAIT_SPIN;
            } else if (strcmp(v, "yield") == 0) {
                o.wait = WAIT_YIELD;
            } else {
                usage("--wait is block, spin or yield, not", v);
            }
        } else if (strcmp(a, "--parent-pid") == 0) {
            o.parent_pid = number(a, v, 1, INT_MAX);
        } else if (strcmp(a, "--cpu") == 0) {
            o.cpu = (int)number(a, v, 0, CPU_SETSIZE - 1);
        } else if (strcmp(a, "--floor-segment") == 0) {
            o.floor_segment = v;
        } else if (strcmp(a, "--floor-prime") == 0) {
            o.floor_prime = number(a, v, -1, INT_MAX);
        } else if (strcmp(a, "--depth") == 0 || strcmp(a, "--message-size") == 0 || strcmp(a, "--rate") == 0) {
            number(a, v, 0, LLONG_MAX); /* the rings are sized by the parent; a sink or an echo sends no messages of its own */
        } else {
            usage("unknown option", a);
        }
        i++;
    }
    if (i + 3 != argc) {
        usage("after '--' come the two ring paths (to the peer, from the peer)", NULL);
    }
    o.to_peer = argv[i + 1];
    o.from_peer = argv[i + 2];
    if (o.role == NULL || o.max_size < 0 || o.parent_pid < 0) {
        usage("--role, --max-size and --parent-pid are required", NULL);
    }
    if ((o.floor_segment == NULL) != (o.floor_prime < 0)) {
        usage("--floor-segment and --floor-prime go together", NULL);
    }
    if (o.floor_segment != NULL && strcmp(o.role, "echo") != 0) {
        usage("only an echo takes turns with a same-pair floor; not a", o.role);
    }
    return o;
}

/* ---- waiting: the JVM's strategies, and the parent watched as PeerMain watches it -------------- */

typedef struct watch {
    pid_t parent;
    int64_t deadline;
    int64_t next_look;
} watch;

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause(); /* what Thread.onSpinWait() compiles to on x86 */
#elif defined(__aarch64__)
    __asm__ __volatile__("isb" ::: "memory");
#endif
}

/* Exits as PeerMain does when the parent is gone (3) or closed this process's stdin (0). */
static void look_at_parent(const watch *w)
{
    if (getppid() != w->parent) {
        say_what_the_sink_had();
        fprintf(stderr, "peer: parent pid %ld is gone; exiting\n", (long)w->parent);
        exit(EXIT_PARENT_GONE);
    }
    struct pollfd in = {.fd = 0, .events = POLLIN};
    if (poll(&in, 1, 0) > 0) {
        char ignored[64];
        if ((in.revents & (POLLHUP | POLLERR | POLLNVAL)) || read(0, ignored, sizeof ignored) <= 0) {
            say_what_the_sink_had();
            fprintf(stderr, "peer: stdin closed by the parent; exiting\n");
            exit(0);
        }
    }
}

/* After the attempt-th failed attempt of one wait (0-based). */
static inline void idle(watch *w, int mode, unsigned attempt, const char *waiting_for)
{
    if (mode == WAIT_SPIN) {
        cpu_relax();
    } else if (mode == WAIT_YIELD) {
        sched_yield();
    } else if (attempt < 100) {
        cpu_relax();
    } else {
        unsigned shift = attempt - 100 < 10 ? attempt - 100 : 10;
        struct timespec pause = {0, 1000L << shift};
        nanosleep(&pause, NULL);
    }
    if (attempt % CHECK_EVERY == CHECK_EVERY - 1) {
        int64_t now = shmring_monotonic_ns();
        if (now - w->next_look >= 0) {
            w->next_look = now + WATCH_INTERVAL_NS;
            look_at_parent(w);
        }
        if (now - w->deadline > 0) {
            fail("timed out waiting %s", waiting_for);
        }
    }
}

static void start_wait(watch *w)
{
    w->deadline = shmring_monotonic_ns() + PEER_TIMEOUT_NS;
}

/* ---- the two rings ---------------------------------------------------------------------------- */

typedef struct channel {
    shmring in_ring;
    shmring out_ring;
    shmring_reader reader;
    shmring_writer writer;
    int wait;
    watch *watch;
} channel;

static void attach(shmring *ring, const char *path, long long max_size)
{
    if (shmring_attach_path(ring, path) != SHMRING_OK) {
        fail("%s", ring->error);
    }
    if (ring->mode != SHMRING_BLOCKING) {
        fail("%s is an OVERWRITE ring; " TRANSPORT " runs over BLOCKING rings", path);
    }
    if (ring->max_payload < max_size) {
        fail("%s carries messages of up to %u bytes, less than --max-size %lld", path, ring->max_payload, max_size);
    }
}

static void open_channel(channel *c, const options *o, watch *w)
{
    attach(&c->out_ring, o->from_peer, o->max_size);
    attach(&c->in_ring, o->to_peer, o->max_size);
    if (shmring_writer_open(&c->writer, &c->out_ring) != SHMRING_OK) {
        fail("%s", c->out_ring.error);
    }
    if (shmring_reader_open(&c->reader, &c->in_ring, SHMRING_RESUME_NEWEST) != SHMRING_OK) {
        fail("%s", c->in_ring.error);
    }
    c->wait = o->wait;
    c->watch = w;
}

/* Copies the next message into buffer (capacity bytes); its length. */
static uint32_t receive(channel *c, unsigned char *buffer, uint32_t capacity)
{
    uint32_t length;
    uint64_t index;
    int status = shmring_try_read(&c->reader, buffer, capacity, &length, &index);
    if (status == SHMRING_EMPTY) {
        start_wait(c->watch);
        for (unsigned attempt = 0; status == SHMRING_EMPTY; attempt++) {
            idle(c->watch, c->wait, attempt, "for a message");
            status = shmring_try_read(&c->reader, buffer, capacity, &length, &index);
        }
    }
    if (status != SHMRING_OK) {
        fail("%s", c->in_ring.error);
    }
    return length;
}

/* Copies length bytes of message into the next free slot and publishes it. */
static void send(channel *c, const unsigned char *message, uint32_t length)
{
    int status;
    unsigned char *slot = shmring_claim(&c->writer, &status);
    if (slot == NULL) {
        start_wait(c->watch);
        for (unsigned attempt = 0; slot == NULL; attempt++) {
            idle(c->watch, c->wait, attempt, "for a free slot (the parent is not reading)");
            slot = shmring_claim(&c->writer, &status);
        }
    }
    memcpy(slot, message, length); /* BLOCKING: the parent reads the slot only after the commit */
    if (shmring_commit(&c->writer, length) != SHMRING_OK) {
        fail("%s", c->out_ring.error);
    }
}

/* ---- the same-pair floor: one counter in one cache line ---------------------------------------- */

typedef struct floor_line {
    _Atomic uint64_t *counter;
    uint64_t value; /* the counter value this side last wrote or saw */
    watch *watch;
} floor_line;

/* Maps the floor's segment with the checks io.shmbench.shm.SharedSegment.attach makes. */
static void floor_attach(floor_line *f, const char *path, watch *w)
{
    int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        fail("floor: cannot open %s: %s", path, strerror(errno));
    }
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != getuid()) {
        fail("floor: %s is not a regular file of this user", path);
    }
    if (info.st_size < FLOOR_SEGMENT_SIZE) {
        fail("floor: %s has %lld bytes, expected %d", path, (long long)info.st_size, FLOOR_SEGMENT_SIZE);
    }
    void *base = mmap(NULL, FLOOR_SEGMENT_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        fail("floor: cannot map %s: %s", path, strerror(errno));
    }
    f->counter = base;
    f->value = 0;
    f->watch = w;
}

static inline void floor_send(floor_line *f)
{
    atomic_store_explicit(f->counter, ++f->value, memory_order_release);
}

static inline void floor_receive(floor_line *f)
{
    uint64_t expected = f->value + 1;
    if (atomic_load_explicit(f->counter, memory_order_acquire) != expected) {
        start_wait(f->watch);
        for (unsigned attempt = 0; atomic_load_explicit(f->counter, memory_order_acquire) != expected; attempt++) {
            idle(f->watch, WAIT_SPIN, attempt, "for the parent's floor counter");
        }
    }
    f->value = expected;
}

/* ---- the roles ---------------------------------------------------------------------------------- */

static void echo(channel *c, unsigned char *buffer, uint32_t capacity)
{
    for (;;) {
        send(c, buffer, receive(c, buffer, capacity));
    }
}

static int32_t little_endian_int(const unsigned char *bytes)
{
    uint32_t value;
    memcpy(&value, bytes, 4);
    return (int32_t)value;
}

static void echo_with_floor(channel *c, unsigned char *buffer, uint32_t capacity, floor_line *floor, long long prime)
{
    for (long long i = 0; i < prime; i++) {
        send(c, buffer, receive(c, buffer, capacity));
    }
    uint32_t length = receive(c, buffer, capacity);
    if (length != SCHEDULE_SIZE) {
        fail("expected the %d-byte floor schedule after the priming messages, got %u bytes: parent and peer disagree about "
             "the priming count", SCHEDULE_SIZE, length);
    }
    int32_t series_block = little_endian_int(buffer);
    int32_t floor_block = little_endian_int(buffer + 4);
    if (series_block < 1 || series_block > MAX_SERIES_BLOCK || floor_block < 1 || floor_block > FLOOR_BLOCK) {
        fail("the floor schedule message is malformed: a floor schedule alternates 1..%d series round trips with 1..%d "
             "floor round trips, not %d and %d", MAX_SERIES_BLOCK, FLOOR_BLOCK, series_block, floor_block);
    }
    send(c, buffer, length);
    for (;;) {
        for (int32_t i = 0; i < series_block; i++) {
            send(c, buffer, receive(c, buffer, capacity));
        }
        for (int32_t i = 0; i < floor_block; i++) {
            floor_receive(floor);
            floor_send(floor);
        }
    }
}

static void sink(channel *c, unsigned char *buffer, uint32_t capacity, long long messages)
{
    unsigned char report[REPORT_SIZE];
    sink_count = 0;
    sink_checksum = 0;
    for (;;) {
        uint32_t length = receive(c, buffer, capacity);
        sink_checksum = crc32c_update(sink_checksum, buffer, length);
        if (++sink_count == messages) {
            uint64_t fields[2] = {(uint64_t)sink_count, sink_checksum};
            memcpy(report, fields, sizeof report);
            send(c, report, REPORT_SIZE);
            sink_checksum = 0;
            sink_count = 0;
        }
    }
}

static void pin(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) {
        fail("cannot pin to CPU %d: %s", cpu, strerror(errno));
    }
    fprintf(stderr, "peer %ld: working thread pinned to CPU %d\n", (long)getpid(), cpu);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--self-test") == 0) {
        int failures = crc32c_self_test();
        printf("crc32c: %s, %s\n", crc32c_uses_hardware() ? "crc32 instruction" : "table", failures ? "WRONG" : "ok");
        return failures ? EXIT_FAILED : 0;
    }
    options o = parse(argc, argv);
    watch w = {.parent = (pid_t)o.parent_pid, .next_look = 0};
    if (getppid() != w.parent) {
        fail("parent pid %lld is not this process's parent (%ld)", o.parent_pid, (long)getppid());
    }
    if (o.cpu >= 0) {
        pin(o.cpu);
    }
    fprintf(stderr, "peer %ld: " TRANSPORT " %s, max %lld bytes, %s waits, C peer (CRC-32C by %s)\n", (long)getpid(), o.role,
            o.max_size, o.wait == WAIT_SPIN ? "SPIN" : o.wait == WAIT_YIELD ? "YIELD" : "BLOCK",
            crc32c_uses_hardware() ? "the crc32 instruction" : "table");
    channel c;
    open_channel(&c, &o, &w);
    floor_line floor;
    if (o.floor_segment != NULL) {
        floor_attach(&floor, o.floor_segment, &w);
        floor_send(&floor); /* ready on the floor */
    }
    uint32_t capacity = (uint32_t)(o.max_size > REPORT_SIZE ? o.max_size : REPORT_SIZE);
    unsigned char *buffer = aligned_alloc(64, (capacity + 63) / 64 * 64);
    if (buffer == NULL) {
        fail("cannot allocate a buffer of %u bytes", capacity);
    }
    send(&c, buffer, 0); /* ready */
    if (strcmp(o.role, "sink") == 0) {
        sink(&c, buffer, capacity, o.messages);
    } else if (o.floor_segment != NULL) {
        echo_with_floor(&c, buffer, capacity, &floor, o.floor_prime);
    } else {
        echo(&c, buffer, capacity);
    }
    return 0; /* the roles end only by exit(): the parent closes stdin, or dies */
}
