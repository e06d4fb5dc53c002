/*
 * shmring.h: the shmbench ring from C11 (header-only; stdatomic.h and POSIX, nothing else).
 *
 * A single-writer/single-reader ring in a shared segment /dev/shm/NAME, with the binary layout
 * and protocol of docs/ring-layout.md (the same as io.shmbench.ring.RingLayout in Java, so C,
 * Java and Python processes share one ring). Create a named ring with
 * `./run-bench.sh ring create NAME ...`; this header attaches to it, validates the header, and
 * gives you its one writer or its one reader:
 *
 *   shmring ring;
 *   if (shmring_attach(&ring, "telemetry") != SHMRING_OK) { fprintf(stderr, "%s\n", ring.error); exit(3); }
 *   shmring_writer w;
 *   shmring_writer_open(&w, &ring);                       // claims the writer side (pid, heartbeat)
 *   shmring_write(&w, bytes, length, 5 * SHMRING_SECOND); // BLOCKING: waits for room; OVERWRITE: never waits
 *   // zero-copy: shmring_claim / shmring_claim_wait, shmring_copy_in, shmring_commit
 *   shmring_writer_close(&w);
 *   shmring_detach(&ring);
 *
 *   shmring_reader r;
 *   shmring_reader_open(&r, &ring, SHMRING_RESUME_NEWEST);
 *   uint32_t length; uint64_t index;
 *   int rc = shmring_read(&r, buffer, sizeof buffer, &length, &index, SHMRING_SECOND);
 *   // rc == SHMRING_OK: message `index` (0, 1, 2, ...) is in buffer; r.missed says what was skipped
 *
 * Memory orders (docs/ring-layout.md, "Memory order"): the writer publishes a slot's sequence word
 * and the write index with release stores, the reader observes them with acquire loads; in
 * OVERWRITE mode the per-slot seqlock adds a release fence after the "being written" mark and an
 * acquire fence before the reader's second look at the sequence word, and both sides touch the
 * payload with relaxed atomic accesses only, so a torn read is a detected race, not undefined
 * behaviour. In BLOCKING mode no one reads a slot while it is written, so shmring_write and
 * shmring_read copy with memcpy there. The header's memory-order byte says what the Java side
 * uses; C always uses these.
 *
 * Not thread-safe: one thread per writer or reader. Functions return SHMRING_OK (0), a positive
 * "nothing now" status (SHMRING_EMPTY, SHMRING_FULL) or a negative error, with ring->error saying
 * what went wrong in words.
 */
#ifndef SHMRING_H
#define SHMRING_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#if !defined(__x86_64__) && !defined(__aarch64__)
#warning "shmring.h is tested on x86-64 and aarch64 only"
#endif
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the ring layout is little-endian"
#endif

/* ---- layout (docs/ring-layout.md; io.shmbench.ring.RingLayout) -------------------------------- */
#define SHMRING_MAGIC 0x474E495242484D53ULL /* "SHMBRING" read as a little-endian u64 */
#define SHMRING_LAYOUT_VERSION 1u
#define SHMRING_HEADER_SIZE 512u
#define SHMRING_OFF_MAGIC 0
#define SHMRING_OFF_VERSION 8
#define SHMRING_OFF_HEADER_SIZE 12
#define SHMRING_OFF_SLOT_COUNT 16
#define SHMRING_OFF_SLOT_SIZE 20
#define SHMRING_OFF_MODE 24
#define SHMRING_OFF_PADDING 25
#define SHMRING_OFF_MEMORY_ORDER 26
#define SHMRING_OFF_FLAGS 27
#define SHMRING_OFF_WRITER_PID 32
#define SHMRING_OFF_WRITER_START 40
#define SHMRING_OFF_WRITER_HEARTBEAT 48
#define SHMRING_OFF_READER_PID 56
#define SHMRING_OFF_READER_START 64
#define SHMRING_OFF_READER_HEARTBEAT 72
#define SHMRING_OFF_WRITE_INDEX 128
#define SHMRING_FLAG_ALIGN_SLOTS 2u
#define SHMRING_KNOWN_FLAGS 7u
#define SHMRING_SLOT_OFF_SEQUENCE 0
#define SHMRING_SLOT_OFF_LENGTH 8
#define SHMRING_SLOT_HEADER_SIZE 16u
#define SHMRING_MAX_SLOT_COUNT 1073741824u /* 2^30 */
#define SHMRING_MAX_SLOT_SIZE (INT32_MAX - 64)
#define SHMRING_MAX_INDEX ((uint64_t)(INT64_MAX - 2) / 2)
#define SHMRING_NAME_MAX 255
#define SHMRING_DIR "/dev/shm"

enum shmring_mode { SHMRING_BLOCKING = 0, SHMRING_OVERWRITE = 1 };
/* Where an OVERWRITE reader resumes when the writer has lapped it (io.shmbench.ring.LapPolicy). */
enum shmring_lap_policy { SHMRING_RESUME_NEWEST = 0, SHMRING_RESUME_OLDEST = 1 };

enum shmring_status {
    SHMRING_OK = 0,
    SHMRING_EMPTY = 1,          /* no new message yet */
    SHMRING_FULL = 2,           /* BLOCKING: the reader has not freed a slot yet */
    SHMRING_ERR_USAGE = -1,     /* bad name or argument */
    SHMRING_ERR_SEGMENT = -2,   /* missing, foreign, malformed or someone else's segment */
    SHMRING_ERR_TAKEN = -3,     /* a live process already holds this side */
    SHMRING_ERR_CORRUPT = -4,   /* a slot holds what no writer commits */
    SHMRING_ERR_TOO_LARGE = -5, /* a message larger than a slot, or than the caller's buffer */
    SHMRING_ERR_TIMEOUT = -6,   /* a wait reached its deadline */
    SHMRING_ERR_PEER_GONE = -7, /* the other side's process died while we waited */
    SHMRING_ERR_PARENT_GONE = -8 /* with watch_parent set: the process that started us is gone */
};

#define SHMRING_SECOND 1000000000LL
/* Each side stamps its heartbeat once per this many messages, and every check interval while it waits. */
#define SHMRING_HEARTBEAT_EVERY 1024u
#define SHMRING_CHECK_INTERVAL_NS 10000000LL
/* A process whose start time differs by more than this from the recorded one is a reused pid. */
#define SHMRING_START_TOLERANCE_MS 2000

typedef struct shmring {
    unsigned char *base;
    size_t size;
    uint32_t slot_count;
    int slot_count_pow2; /* then a slot is index & (slot_count - 1), else index % slot_count */
    uint32_t slot_size;
    uint32_t max_payload;
    uint8_t mode;
    uint8_t padding;
    uint8_t memory_order;
    uint8_t flags;
    size_t read_index_offset;
    /* Set to 1 to make waits fail with SHMRING_ERR_PARENT_GONE once the parent process is gone. */
    int watch_parent;
    pid_t parent;
    char path[sizeof SHMRING_DIR + SHMRING_NAME_MAX + 1];
    char error[512];
} shmring;

typedef struct shmring_writer {
    shmring *ring;
    uint64_t next;        /* index of the next message = messages published */
    uint64_t cached_read; /* the reader's index when last loaded (BLOCKING) */
    unsigned char *claimed; /* the claimed slot, or NULL */
} shmring_writer;

typedef struct shmring_reader {
    shmring *ring;
    uint64_t next;     /* index of the next message expected */
    uint64_t released; /* the read index last published */
    uint64_t missed;   /* lapped over (OVERWRITE) plus torn reads discarded: delivered + missed = next */
    uint64_t torn;     /* reads the seqlock caught being overwritten (also in missed) */
    int policy;        /* enum shmring_lap_policy */
} shmring_reader;

/* ---- small helpers ------------------------------------------------------------------------------ */

static inline int shmring__fail(shmring *r, int status, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(r->error, sizeof r->error, format, args);
    va_end(args);
    return status;
}

static inline _Atomic uint64_t *shmring__u64(const shmring *r, size_t offset)
{
    return (_Atomic uint64_t *)(void *)(r->base + offset);
}

static inline _Atomic uint32_t *shmring__u32(const shmring *r, size_t offset)
{
    return (_Atomic uint32_t *)(void *)(r->base + offset);
}

static inline uint64_t shmring__load_acquire(const shmring *r, size_t offset)
{
    return atomic_load_explicit(shmring__u64(r, offset), memory_order_acquire);
}

static inline void shmring__store_release(const shmring *r, size_t offset, uint64_t value)
{
    atomic_store_explicit(shmring__u64(r, offset), value, memory_order_release);
}

static inline int64_t shmring_monotonic_ns(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * SHMRING_SECOND + now.tv_nsec;
}

/* A mask for a power-of-two slot count, as the Java side does: a 64-bit division costs tens of cycles on every poll. */
static inline size_t shmring__slot(const shmring *r, uint64_t index)
{
    uint64_t slot = r->slot_count_pow2 ? index & (r->slot_count - 1u) : index % r->slot_count;
    return SHMRING_HEADER_SIZE + (size_t)slot * r->slot_size;
}

static inline uint64_t shmring__committed(uint64_t index) { return 2 * index + 2; }
static inline uint64_t shmring__writing(uint64_t index) { return 2 * index + 1; }

/* Why `name` is no ring name, or NULL: the rule of io.shmbench.shm.SegmentName. */
static inline const char *shmring_name_problem(const char *name)
{
    size_t length = name == NULL ? 0 : strlen(name);
    if (length == 0) {
        return "it is empty";
    }
    if (strchr(name, '/') != NULL) {
        return "it contains '/'; a name is one file name in " SHMRING_DIR ", not a path";
    }
    if (length > SHMRING_NAME_MAX) {
        return "it is longer than 255 bytes";
    }
    for (size_t i = 0; i < length; i++) {
        char c = name[i];
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!letter && !(i > 0 && (c == '.' || c == '-'))) {
            return "use letters, digits, '.', '_' and '-', not starting with '.' or '-'";
        }
    }
    return NULL;
}

/*
 * A process's start time in ms since the epoch, as Java's ProcessHandle reports it (boot time plus
 * the start tick in /proc/PID/stat), or 0 when unknown; *zombie is set when the process has exited
 * and waits to be reaped.
 */
static inline int64_t shmring__process_start_ms(pid_t pid, int *zombie)
{
    char path[64];
    char text[1024];
    *zombie = 0;
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    FILE *stat = fopen(path, "r");
    if (stat == NULL) {
        return 0;
    }
    size_t got = fread(text, 1, sizeof text - 1, stat);
    fclose(stat);
    text[got] = '\0';
    char *field = strrchr(text, ')'); /* the command name may hold spaces and parentheses */
    if (field == NULL) {
        return 0;
    }
    char state = 0;
    unsigned long long start_ticks = 0;
    /* after ")": state is field 3, starttime field 22 */
    if (sscanf(field + 1, " %c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
               &state, &start_ticks) != 2) {
        return 0;
    }
    *zombie = state == 'Z' || state == 'X';
    FILE *boot = fopen("/proc/stat", "r");
    if (boot == NULL) {
        return 0;
    }
    long long boot_seconds = 0;
    char line[256];
    while (fgets(line, sizeof line, boot) != NULL) {
        if (sscanf(line, "btime %lld", &boot_seconds) == 1) {
            break;
        }
    }
    fclose(boot);
    long ticks = sysconf(_SC_CLK_TCK);
    if (boot_seconds == 0 || ticks <= 0) {
        return 0;
    }
    return boot_seconds * 1000 + (int64_t)(start_ticks * 1000 / (unsigned long long)ticks);
}

/* Whether the process recorded at pid_offset/start_offset still runs (a reused pid does not count). */
static inline int shmring__side_alive(const shmring *r, size_t pid_offset, size_t start_offset)
{
    uint64_t pid = atomic_load_explicit(shmring__u64(r, pid_offset), memory_order_acquire);
    if (pid == 0 || pid > INT_MAX) {
        return 0;
    }
    if (kill((pid_t)pid, 0) != 0 && errno != EPERM) {
        return 0;
    }
    int64_t recorded = (int64_t)shmring__load_acquire(r, start_offset);
    int zombie;
    int64_t start = shmring__process_start_ms((pid_t)pid, &zombie);
    if (zombie) {
        return 0;
    }
    return recorded == 0 || start == 0 || llabs(start - recorded) <= SHMRING_START_TOLERANCE_MS;
}

static inline void shmring__heartbeat(const shmring *r, size_t heartbeat_offset)
{
    atomic_store_explicit(shmring__u64(r, heartbeat_offset), (uint64_t)shmring_monotonic_ns(), memory_order_relaxed);
}

/* Claims one side for this process: refuses when a live process holds it. */
static inline int shmring__register(shmring *r, size_t pid_offset, size_t start_offset, size_t heartbeat_offset,
                                    const char *role)
{
    _Atomic uint64_t *pid = shmring__u64(r, pid_offset);
    uint64_t previous = atomic_load_explicit(pid, memory_order_acquire);
    if (previous != 0 && shmring__side_alive(r, pid_offset, start_offset)) {
        return shmring__fail(r, SHMRING_ERR_TAKEN, "%s: this ring already has a live %s (pid %llu); a ring has exactly one %s",
                             r->path, role, (unsigned long long)previous, role);
    }
    uint64_t me = (uint64_t)getpid();
    if (!atomic_compare_exchange_strong_explicit(pid, &previous, me, memory_order_acq_rel, memory_order_acquire)) {
        return shmring__fail(r, SHMRING_ERR_TAKEN, "%s: another process attached as %s at the same time (pid %llu)",
                             r->path, role, (unsigned long long)previous);
    }
    int zombie;
    shmring__store_release(r, start_offset, (uint64_t)shmring__process_start_ms(getpid(), &zombie));
    shmring__heartbeat(r, heartbeat_offset);
    return SHMRING_OK;
}

static inline void shmring__unregister(const shmring *r, size_t pid_offset)
{
    uint64_t me = (uint64_t)getpid();
    atomic_compare_exchange_strong_explicit(shmring__u64(r, pid_offset), &me, 0, memory_order_acq_rel, memory_order_relaxed);
}

/* Between two failed attempts of a wait: spin a little, then yield, then sleep up to 1 ms. */
static inline void shmring_idle(unsigned attempt)
{
    if (attempt < 64) {
        return;
    }
    if (attempt < 256) {
        sched_yield();
        return;
    }
    unsigned shift = attempt - 256 < 10 ? attempt - 256 : 10;
    struct timespec pause = {0, 1000L << shift};
    nanosleep(&pause, NULL);
}

/*
 * The checks of a wait, every SHMRING_CHECK_INTERVAL_NS: stamps this side's heartbeat, fails when
 * the peer's process died, when the parent is gone (watch_parent) or at the deadline.
 */
static inline int shmring__check_wait(shmring *r, int64_t deadline, int64_t *next_check, size_t self_heartbeat,
                                      size_t peer_pid, size_t peer_start, const char *peer_role, const char *what)
{
    int64_t now = shmring_monotonic_ns();
    int late = now - deadline > 0;
    if (!late && now - *next_check < 0) {
        return SHMRING_OK;
    }
    *next_check = now + SHMRING_CHECK_INTERVAL_NS;
    shmring__heartbeat(r, self_heartbeat);
    uint64_t pid = atomic_load_explicit(shmring__u64(r, peer_pid), memory_order_acquire);
    if (pid != 0 && !shmring__side_alive(r, peer_pid, peer_start)) {
        return shmring__fail(r, SHMRING_ERR_PEER_GONE, "%s: the %s process (pid %llu) died while waiting %s",
                             r->path, peer_role, (unsigned long long)pid, what);
    }
    if (r->watch_parent && getppid() != r->parent) {
        return shmring__fail(r, SHMRING_ERR_PARENT_GONE, "%s: the process that started this one is gone; stopping",
                             r->path);
    }
    if (late) {
        return shmring__fail(r, SHMRING_ERR_TIMEOUT, "%s: timed out waiting %s (%s %s)", r->path, what, peer_role,
                             pid == 0 ? "absent" : "alive");
    }
    return SHMRING_OK;
}

/* ---- attaching: every check reads inside the file, so a hostile file gets an error, never a fault ---- */

static inline int shmring__validate(shmring *r)
{
    const unsigned char *m = r->base;
    uint64_t magic = shmring__load_acquire(r, SHMRING_OFF_MAGIC);
    if (magic != SHMRING_MAGIC) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: bad magic 0x%016llX (expected 0x%016llX, \"SHMBRING\"): not a shmbench ring",
                             r->path, (unsigned long long)magic, (unsigned long long)SHMRING_MAGIC);
    }
    uint32_t version, header_size, slot_count, slot_size;
    memcpy(&version, m + SHMRING_OFF_VERSION, 4);
    memcpy(&header_size, m + SHMRING_OFF_HEADER_SIZE, 4);
    memcpy(&slot_count, m + SHMRING_OFF_SLOT_COUNT, 4);
    memcpy(&slot_size, m + SHMRING_OFF_SLOT_SIZE, 4);
    if (version != SHMRING_LAYOUT_VERSION) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: layout version %u, this program reads version %u", r->path,
                             version, SHMRING_LAYOUT_VERSION);
    }
    if (header_size != SHMRING_HEADER_SIZE) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: header size %u, expected %u", r->path, header_size,
                             SHMRING_HEADER_SIZE);
    }
    if (slot_count == 0 || slot_count > SHMRING_MAX_SLOT_COUNT) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: slot count %u is outside 1..%u", r->path, slot_count,
                             SHMRING_MAX_SLOT_COUNT);
    }
    if (slot_size <= SHMRING_SLOT_HEADER_SIZE || slot_size % 8 != 0 || slot_size > SHMRING_MAX_SLOT_SIZE) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT,
                             "%s: slot size %u must be a multiple of 8 larger than the %u-byte slot header (and at most %d)",
                             r->path, slot_size, SHMRING_SLOT_HEADER_SIZE, SHMRING_MAX_SLOT_SIZE);
    }
    uint8_t mode = m[SHMRING_OFF_MODE], padding = m[SHMRING_OFF_PADDING];
    uint8_t order = m[SHMRING_OFF_MEMORY_ORDER], flags = m[SHMRING_OFF_FLAGS];
    if (mode > 1 || padding > 2 || order > 4) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: mode %u, padding %u or memory order %u is unknown", r->path,
                             mode, padding, order);
    }
    if (flags & ~SHMRING_KNOWN_FLAGS) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: unknown flag bits 0x%02X", r->path, flags & ~SHMRING_KNOWN_FLAGS);
    }
    if ((flags & SHMRING_FLAG_ALIGN_SLOTS) && slot_size % 64 != 0) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: slot size %u is not a multiple of 64 although the header says slots are aligned",
                             r->path, slot_size);
    }
    uint64_t expected = SHMRING_HEADER_SIZE + (uint64_t)slot_count * slot_size;
    if (expected != r->size) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT,
                             "%s: geometry (%u slots x %u bytes + %u-byte header = %llu bytes) does not match the file size of %zu bytes%s",
                             r->path, slot_count, slot_size, SHMRING_HEADER_SIZE, (unsigned long long)expected, r->size,
                             r->size < expected ? " (truncated?)" : "");
    }
    r->slot_count = slot_count;
    r->slot_count_pow2 = (slot_count & (slot_count - 1u)) == 0;
    r->slot_size = slot_size;
    r->max_payload = slot_size - SHMRING_SLOT_HEADER_SIZE;
    r->mode = mode;
    r->padding = padding;
    r->memory_order = order;
    r->flags = flags;
    r->read_index_offset = padding == 0 ? 136 : padding == 1 ? 192 : 256;
    uint64_t write_index = shmring__load_acquire(r, SHMRING_OFF_WRITE_INDEX);
    uint64_t read_index = shmring__load_acquire(r, r->read_index_offset);
    if (write_index > SHMRING_MAX_INDEX || read_index > SHMRING_MAX_INDEX) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: write index %llu or read index %llu is negative or beyond what a sequence word can number",
                             r->path, (unsigned long long)write_index, (unsigned long long)read_index);
    }
    /* A writer killed between its two commit stores left the write index one short (see shmring_writer_open). */
    if (read_index > write_index + 1) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: read index %llu is beyond the write index %llu", r->path,
                             (unsigned long long)read_index, (unsigned long long)write_index);
    }
    if (mode == SHMRING_BLOCKING && read_index < write_index && write_index - read_index > slot_count) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: write index %llu is more than %u slots ahead of the read index %llu",
                             r->path, (unsigned long long)write_index, slot_count, (unsigned long long)read_index);
    }
    return SHMRING_OK;
}

/* Attaches to the ring at `path` (any directory); see shmring_attach. */
static inline int shmring_attach_path(shmring *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->base = MAP_FAILED;
    snprintf(r->path, sizeof r->path, "%s", path);
    int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        int error = errno;
        if (error == ENOENT) {
            return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: no such ring (it does not exist; create it with './run-bench.sh ring create NAME')", path);
        }
        if (error == ELOOP) {
            return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s is a symbolic link; rings are attached only as regular files", path);
        }
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: cannot open: %s", path, strerror(error));
    }
    struct stat info;
    if (fstat(fd, &info) != 0) {
        int error = errno;
        close(fd);
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: cannot stat: %s", path, strerror(error));
    }
    if (!S_ISREG(info.st_mode)) {
        close(fd);
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s is not a regular file", path);
    }
    if (info.st_uid != getuid()) {
        close(fd);
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s is owned by uid %ld, not by this user (uid %ld); refusing to attach",
                             path, (long)info.st_uid, (long)getuid());
    }
    if (info.st_size < (off_t)SHMRING_HEADER_SIZE) {
        close(fd);
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: truncated: %lld bytes, a ring header alone needs %u", path,
                             (long long)info.st_size, SHMRING_HEADER_SIZE);
    }
    r->size = (size_t)info.st_size;
    void *base = mmap(NULL, r->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    int error = errno;
    close(fd);
    if (base == MAP_FAILED) {
        return shmring__fail(r, SHMRING_ERR_SEGMENT, "%s: cannot map %zu bytes: %s", path, r->size, strerror(error));
    }
    r->base = base;
    r->parent = getppid();
    int status = shmring__validate(r);
    if (status != SHMRING_OK) {
        munmap(r->base, r->size);
        r->base = MAP_FAILED;
    }
    return status;
}

/* Attaches to the ring /dev/shm/NAME after checking the name, the file's owner and type, and the header. */
static inline int shmring_attach(shmring *r, const char *name)
{
    const char *problem = shmring_name_problem(name);
    if (problem != NULL) {
        memset(r, 0, sizeof *r);
        r->base = MAP_FAILED;
        return shmring__fail(r, SHMRING_ERR_USAGE, "bad ring name '%s': %s", name == NULL ? "" : name, problem);
    }
    char path[sizeof SHMRING_DIR + SHMRING_NAME_MAX + 1];
    snprintf(path, sizeof path, "%s/%s", SHMRING_DIR, name);
    return shmring_attach_path(r, path);
}

/* Unmaps the ring; close its writer or reader first. The file stays (`./run-bench.sh ring remove NAME`). */
static inline void shmring_detach(shmring *r)
{
    if (r->base != MAP_FAILED && r->base != NULL) {
        munmap(r->base, r->size);
    }
    r->base = MAP_FAILED;
}

static inline uint64_t shmring_write_index(const shmring *r) { return shmring__load_acquire(r, SHMRING_OFF_WRITE_INDEX); }
static inline uint64_t shmring_read_index(const shmring *r) { return shmring__load_acquire(r, r->read_index_offset); }
static inline int shmring_writer_alive(const shmring *r) { return shmring__side_alive(r, SHMRING_OFF_WRITER_PID, SHMRING_OFF_WRITER_START); }
static inline int shmring_reader_alive(const shmring *r) { return shmring__side_alive(r, SHMRING_OFF_READER_PID, SHMRING_OFF_READER_START); }

/* ---- writer ------------------------------------------------------------------------------------ */

/*
 * Claims the writer side. A writer that replaces a dead one carries on where it stopped: at the
 * write index W, or at W + 1 when slot W already holds message W committed (its predecessor died
 * between its two commit stores, and a reader may have taken message W already).
 */
static inline int shmring_writer_open(shmring_writer *w, shmring *r)
{
    memset(w, 0, sizeof *w);
    int status = shmring__register(r, SHMRING_OFF_WRITER_PID, SHMRING_OFF_WRITER_START, SHMRING_OFF_WRITER_HEARTBEAT, "writer");
    if (status != SHMRING_OK) {
        return status;
    }
    w->ring = r;
    uint64_t published = shmring_write_index(r);
    uint64_t sequence = shmring__load_acquire(r, shmring__slot(r, published) + SHMRING_SLOT_OFF_SEQUENCE);
    w->next = sequence == shmring__committed(published) ? published + 1 : published;
    if (w->next != published) {
        shmring__store_release(r, SHMRING_OFF_WRITE_INDEX, w->next);
    }
    w->cached_read = shmring_read_index(r);
    return SHMRING_OK;
}

/*
 * Zero-copy step 1: the next slot's payload (max_payload bytes), or NULL with *status = SHMRING_FULL
 * when a BLOCKING ring has no free slot. In OVERWRITE mode the slot is first marked "being written"
 * (odd sequence word, then a release fence: no payload store may become visible before the mark).
 * Fill it with shmring_copy_in (relaxed atomic stores; in BLOCKING mode plain memcpy will do), then shmring_commit.
 */
static inline unsigned char *shmring_claim(shmring_writer *w, int *status)
{
    shmring *r = w->ring;
    uint64_t n = w->next;
    if (r->mode == SHMRING_BLOCKING && n - w->cached_read >= r->slot_count) {
        w->cached_read = shmring_read_index(r); /* acquire: the reader's copy of that slot is done */
        if (n - w->cached_read >= r->slot_count) {
            *status = SHMRING_FULL;
            return NULL;
        }
    }
    size_t slot = shmring__slot(r, n);
    if (r->mode == SHMRING_OVERWRITE) {
        atomic_store_explicit(shmring__u64(r, slot + SHMRING_SLOT_OFF_SEQUENCE), shmring__writing(n), memory_order_relaxed);
        atomic_thread_fence(memory_order_release);
    }
    w->claimed = r->base + slot;
    *status = SHMRING_OK;
    return w->claimed + SHMRING_SLOT_HEADER_SIZE;
}

/*
 * Copies `length` bytes into a claimed payload at `offset`. Relaxed atomic stores, 8 bytes at a
 * time where aligned: a reader may copy the slot concurrently in OVERWRITE mode, and with atomic
 * accesses on both sides that race is defined (the seqlock then discards what it read).
 */
static inline void shmring_copy_in(unsigned char *payload, size_t offset, const void *source, size_t length)
{
    const unsigned char *from = source;
    size_t i = 0;
    for (; i < length && (offset + i) % 8 != 0; i++) {
        atomic_store_explicit((_Atomic unsigned char *)(payload + offset + i), from[i], memory_order_relaxed);
    }
    for (; i + 8 <= length; i += 8) {
        uint64_t word;
        memcpy(&word, from + i, 8);
        atomic_store_explicit((_Atomic uint64_t *)(void *)(payload + offset + i), word, memory_order_relaxed);
    }
    for (; i < length; i++) {
        atomic_store_explicit((_Atomic unsigned char *)(payload + offset + i), from[i], memory_order_relaxed);
    }
}

/* Zero-copy step 2: publishes the claimed slot with `length` payload bytes. */
static inline int shmring_commit(shmring_writer *w, uint32_t length)
{
    shmring *r = w->ring;
    if (w->claimed == NULL) {
        return shmring__fail(r, SHMRING_ERR_USAGE, "%s: commit without a claim", r->path);
    }
    if (length > r->max_payload) {
        return shmring__fail(r, SHMRING_ERR_TOO_LARGE, "%s: a message of %u bytes does not fit a slot of %u payload bytes",
                             r->path, length, r->max_payload);
    }
    atomic_store_explicit((_Atomic uint32_t *)(void *)(w->claimed + SHMRING_SLOT_OFF_LENGTH), length, memory_order_relaxed);
    /* release: payload and length are visible before the sequence word says "message n committed" */
    atomic_store_explicit((_Atomic uint64_t *)(void *)(w->claimed + SHMRING_SLOT_OFF_SEQUENCE),
                          shmring__committed(w->next), memory_order_release);
    w->next++;
    shmring__store_release(r, SHMRING_OFF_WRITE_INDEX, w->next);
    w->claimed = NULL;
    if (w->next % SHMRING_HEARTBEAT_EVERY == 0) {
        shmring__heartbeat(r, SHMRING_OFF_WRITER_HEARTBEAT);
    }
    return SHMRING_OK;
}

/* Like shmring_claim, waiting up to timeout_ns for the reader to free a slot (BLOCKING). */
static inline unsigned char *shmring_claim_wait(shmring_writer *w, int64_t timeout_ns, int *status)
{
    unsigned char *payload = shmring_claim(w, status);
    int64_t deadline = shmring_monotonic_ns() + timeout_ns;
    int64_t next_check = 0;
    for (unsigned attempt = 0; payload == NULL && *status == SHMRING_FULL; attempt++) {
        shmring_idle(attempt);
        *status = shmring__check_wait(w->ring, deadline, &next_check, SHMRING_OFF_WRITER_HEARTBEAT,
                                      SHMRING_OFF_READER_PID, SHMRING_OFF_READER_START, "reader", "for a free slot");
        if (*status == SHMRING_OK) {
            payload = shmring_claim(w, status);
        }
    }
    return payload;
}

/*
 * Copies and publishes one message, waiting up to timeout_ns for room (BLOCKING; OVERWRITE never
 * waits): SHMRING_OK or an error (SHMRING_ERR_TIMEOUT, SHMRING_ERR_PEER_GONE, ...).
 */
static inline int shmring_write(shmring_writer *w, const void *message, uint32_t length, int64_t timeout_ns)
{
    shmring *r = w->ring;
    if (length > r->max_payload) {
        return shmring__fail(r, SHMRING_ERR_TOO_LARGE, "%s: a message of %u bytes does not fit a slot of %u payload bytes",
                             r->path, length, r->max_payload);
    }
    int status;
    unsigned char *payload = shmring_claim_wait(w, timeout_ns, &status);
    if (payload == NULL) {
        return status;
    }
    if (r->mode == SHMRING_BLOCKING) {
        /* No reader touches a slot before its commit, so plain stores do: memcpy, as fast as the JVM's copy. */
        memcpy(payload, message, length);
    } else {
        shmring_copy_in(payload, 0, message, length);
    }
    return shmring_commit(w, length);
}

/* Gives the writer side up (the reader then sees it absent, not dead). */
static inline void shmring_writer_close(shmring_writer *w)
{
    if (w->ring != NULL) {
        shmring__unregister(w->ring, SHMRING_OFF_WRITER_PID);
        w->ring = NULL;
    }
}

/* ---- reader ------------------------------------------------------------------------------------ */

/* Claims the reader side; it starts at the ring's read index and resumes by `policy` when lapped. */
static inline int shmring_reader_open(shmring_reader *rd, shmring *r, int policy)
{
    memset(rd, 0, sizeof *rd);
    if (policy != SHMRING_RESUME_NEWEST && policy != SHMRING_RESUME_OLDEST) {
        return shmring__fail(r, SHMRING_ERR_USAGE, "unknown lap policy %d", policy);
    }
    int status = shmring__register(r, SHMRING_OFF_READER_PID, SHMRING_OFF_READER_START, SHMRING_OFF_READER_HEARTBEAT, "reader");
    if (status != SHMRING_OK) {
        return status;
    }
    rd->ring = r;
    rd->next = rd->released = shmring_read_index(r);
    rd->policy = policy;
    return SHMRING_OK;
}

/* Copies `length` payload bytes out with relaxed atomic loads (the mirror of shmring_copy_in). */
static inline void shmring_copy_out(void *target, const unsigned char *payload, size_t length)
{
    unsigned char *to = target;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t word = atomic_load_explicit((_Atomic uint64_t *)(void *)(payload + i), memory_order_relaxed);
        memcpy(to + i, &word, 8);
    }
    for (; i < length; i++) {
        to[i] = atomic_load_explicit((_Atomic unsigned char *)(payload + i), memory_order_relaxed);
    }
}

/* Publishes the read index: in BLOCKING mode this frees the slots read so far (release: after the copies). */
static inline void shmring__release(shmring_reader *rd)
{
    if (rd->released != rd->next) {
        rd->released = rd->next;
        shmring__store_release(rd->ring, rd->ring->read_index_offset, rd->next);
    }
}

/*
 * Takes the next message without waiting: SHMRING_OK with the message in `target` (at most
 * `capacity` bytes), its length in *length and its index in *index; SHMRING_EMPTY when none is
 * there; or an error. Never hands over a torn message: in OVERWRITE mode a read the writer
 * overwrote meanwhile is counted in torn and missed, and the next message is tried.
 */
static inline int shmring_try_read(shmring_reader *rd, void *target, uint32_t capacity, uint32_t *length, uint64_t *index)
{
    shmring *r = rd->ring;
    for (;;) {
        uint64_t n = rd->next;
        size_t slot = shmring__slot(r, n);
        _Atomic uint64_t *sequence_word = shmring__u64(r, slot + SHMRING_SLOT_OFF_SEQUENCE);
        uint64_t expected = shmring__committed(n);
        uint64_t sequence = atomic_load_explicit(sequence_word, memory_order_acquire);
        if (sequence == expected) {
            uint32_t size = atomic_load_explicit(shmring__u32(r, slot + SHMRING_SLOT_OFF_LENGTH), memory_order_relaxed);
            if (size > r->max_payload) {
                atomic_thread_fence(memory_order_acquire);
                if (atomic_load_explicit(sequence_word, memory_order_relaxed) == sequence) {
                    return shmring__fail(r, SHMRING_ERR_CORRUPT, "%s: slot %llu holds message %llu with length %u, outside 0..%u (corrupt segment)",
                                         r->path, (unsigned long long)(n % r->slot_count), (unsigned long long)n, size, r->max_payload);
                }
                continue; /* overwritten while we looked: the next round sees the lap */
            }
            if (size > capacity) {
                return shmring__fail(r, SHMRING_ERR_TOO_LARGE, "%s: a buffer of %u bytes cannot hold message %llu of %u bytes",
                                     r->path, capacity, (unsigned long long)n, size);
            }
            if (r->mode == SHMRING_BLOCKING) {
                /* The writer reuses the slot only after the release below: nothing races with this copy. */
                memcpy(target, r->base + slot + SHMRING_SLOT_HEADER_SIZE, size);
            } else {
                shmring_copy_out(target, r->base + slot + SHMRING_SLOT_HEADER_SIZE, size);
            }
            rd->next = n + 1;
            if (r->mode == SHMRING_OVERWRITE) {
                /* seqlock: the copy's loads complete before the sequence word is looked at again */
                atomic_thread_fence(memory_order_acquire);
                if (atomic_load_explicit(sequence_word, memory_order_relaxed) != sequence) {
                    rd->torn++;
                    rd->missed++;
                    continue;
                }
            }
            *length = size;
            *index = n;
            shmring__release(rd);
            if (rd->next % SHMRING_HEARTBEAT_EVERY == 0) {
                shmring__heartbeat(r, SHMRING_OFF_READER_HEARTBEAT);
            }
            return SHMRING_OK;
        }
        if (r->mode == SHMRING_BLOCKING || sequence < expected) {
            shmring__release(rd);
            return SHMRING_EMPTY; /* not written yet, or being written (expected - 1) */
        }
        /* Lapped: the slot holds a later message. Messages W - slot_count .. W - 1 may still be there. */
        uint64_t write_index = shmring_write_index(r);
        uint64_t back = rd->policy == SHMRING_RESUME_NEWEST ? 1 : r->slot_count;
        uint64_t resume = write_index > back ? write_index - back : 0;
        if (resume < n + 1) {
            resume = n + 1; /* the write index lags the slot we saw: at least move past it */
        }
        rd->missed += resume - n;
        rd->next = resume;
    }
}

/* Like shmring_try_read, waiting up to timeout_ns for a message. */
static inline int shmring_read(shmring_reader *rd, void *target, uint32_t capacity, uint32_t *length, uint64_t *index,
                               int64_t timeout_ns)
{
    int status = shmring_try_read(rd, target, capacity, length, index);
    int64_t deadline = shmring_monotonic_ns() + timeout_ns;
    int64_t next_check = 0;
    for (unsigned attempt = 0; status == SHMRING_EMPTY; attempt++) {
        shmring_idle(attempt);
        status = shmring__check_wait(rd->ring, deadline, &next_check, SHMRING_OFF_READER_HEARTBEAT,
                                     SHMRING_OFF_WRITER_PID, SHMRING_OFF_WRITER_START, "writer", "for a message");
        if (status == SHMRING_ERR_PEER_GONE) {
            /* what the writer published before it died is still delivered */
            int last = shmring_try_read(rd, target, capacity, length, index);
            return last == SHMRING_EMPTY ? status : last;
        }
        if (status == SHMRING_OK) {
            status = shmring_try_read(rd, target, capacity, length, index);
        }
    }
    return status;
}

/* Gives the reader side up, publishing where it stopped so a successor starts after it. */
static inline void shmring_reader_close(shmring_reader *rd)
{
    if (rd->ring != NULL) {
        shmring__release(rd);
        shmring__unregister(rd->ring, SHMRING_OFF_READER_PID);
        rd->ring = NULL;
    }
}

#endif /* SHMRING_H */
