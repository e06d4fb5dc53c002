/*
 * shmring_reader NAME --mode blocking|overwrite --count N [--rate HZ] [--policy newest|oldest] ...
 *
 * Reads probe messages (probe_message.h) from the ring /dev/shm/NAME until N messages are
 * accounted for (delivered + missed), checking each one's CRC and sequence. Without --rate it
 * reads each message as soon as it is there; with --rate HZ it wakes HZ times a second and takes
 * everything new, as a telemetry agent polling at a fixed rate. One line per message:
 *   seq=S age_ms=A missed=M length=L     (M: messages skipped just before this one)
 * unless --quiet, then a summary:
 *   summary delivered=D missed=M torn=T corrupt=C position=P
 * Exit 0: all N accounted for, none corrupt; 1: a corrupt message, a timeout, a signal; 2: usage (a bad name too);
 * 3: the ring is missing, not a ring, not yours, or not in --mode; 4: the writer died before N.
 */
#define _POSIX_C_SOURCE 200809L
#include "peer_options.h"
#include "probe_message.h"
#include "shmring.h"

typedef struct tally {
    uint64_t delivered;
    uint64_t corrupt;
    uint64_t missed_reported; /* reader.missed at the last message printed */
} tally;

/* Checks and prints one message. */
static void take(const peer_options *o, const shmring_reader *reader, tally *t, const unsigned char *message,
                 uint32_t length, uint64_t index)
{
    int64_t stamp;
    int whole = probe_check(message, length, index, &stamp);
    int64_t now = shmring_monotonic_ns();
    t->delivered++;
    if (!whole) {
        uint64_t number;
        memcpy(&number, message, 8);
        t->corrupt++;
        fprintf(stderr, "error: message %llu (%u bytes) is corrupt: its CRC or its sequence (%llu) is wrong\n",
                (unsigned long long)index, length, (unsigned long long)number);
    } else if (!o->quiet) {
        printf("seq=%llu age_ms=%.3f missed=%llu length=%u\n", (unsigned long long)index, (now - stamp) / 1e6,
               (unsigned long long)(reader->missed - t->missed_reported), length);
    }
    t->missed_reported = reader->missed;
}

int main(int argc, char **argv)
{
    peer_options o = peer_parse(argc, argv, 0);
    peer_install_signals();
    shmring ring;
    int refused = peer_attach(&ring, &o);
    if (refused) {
        return refused;
    }
    shmring_reader reader;
    if (shmring_reader_open(&reader, &ring, o.policy) != SHMRING_OK) {
        fprintf(stderr, "error: %s\n", ring.error);
        shmring_detach(&ring);
        return EXIT_FAILED;
    }
    unsigned char *message = malloc(ring.max_payload ? ring.max_payload : 1);
    uint64_t end = reader.next + o.count;
    tally t = {0};
    int64_t timeout = (int64_t)(o.timeout * 1e9);
    int64_t period = o.rate > 0 ? (int64_t)(1e9 / o.rate) : 0;
    int64_t start = shmring_monotonic_ns();
    int64_t last_news = start;
    int status = SHMRING_OK;
    uint32_t length;
    uint64_t index;
    for (uint64_t tick = 1; reader.next < end && !peer_stop_signal; tick++) {
        if (period == 0) {
            status = shmring_read(&reader, message, ring.max_payload, &length, &index, timeout);
            if (status != SHMRING_OK) {
                break;
            }
            take(&o, &reader, &t, message, length, index);
            continue;
        }
        if (!peer_sleep_until(start + (int64_t)tick * period)) {
            break;
        }
        uint64_t before = reader.next;
        while (reader.next < end && (status = shmring_try_read(&reader, message, ring.max_payload, &length, &index)) == SHMRING_OK) {
            take(&o, &reader, &t, message, length, index);
        }
        if (status < 0) {
            break;
        }
        status = SHMRING_OK; /* SHMRING_EMPTY: everything new was taken */
        if (o.watch_parent && getppid() != ring.parent) {
            snprintf(ring.error, sizeof ring.error, "%s: the process that started this reader is gone; stopping", ring.path);
            status = SHMRING_ERR_PARENT_GONE;
            break;
        }
        int64_t now = shmring_monotonic_ns();
        if (reader.next != before) {
            last_news = now;
            continue;
        }
        if (!shmring_writer_alive(&ring) && atomic_load(shmring__u64(&ring, SHMRING_OFF_WRITER_PID)) != 0) {
            snprintf(ring.error, sizeof ring.error, "%s: the writer process died", ring.path);
            status = SHMRING_ERR_PEER_GONE;
            break;
        }
        if (now - last_news > timeout) {
            snprintf(ring.error, sizeof ring.error, "%s: no new message for %.1f s", ring.path, o.timeout);
            status = SHMRING_ERR_TIMEOUT;
            break;
        }
    }
    printf("summary delivered=%llu missed=%llu torn=%llu corrupt=%llu position=%llu\n", (unsigned long long)t.delivered,
           (unsigned long long)reader.missed, (unsigned long long)reader.torn, (unsigned long long)t.corrupt,
           (unsigned long long)reader.next);
    fflush(stdout);
    free(message);
    shmring_reader_close(&reader);
    shmring_detach(&ring);
    if (status != SHMRING_OK) {
        fprintf(stderr, "error: %s\n", ring.error);
    }
    if (t.corrupt > 0) {
        return EXIT_FAILED;
    }
    if (status == SHMRING_ERR_PEER_GONE) {
        return EXIT_PEER_DIED;
    }
    if (status != SHMRING_OK) {
        return EXIT_FAILED;
    }
    if (peer_stop_signal) {
        fprintf(stderr, "stopped by signal %d at message %llu\n", (int)peer_stop_signal, (unsigned long long)reader.next);
        return 128 + peer_stop_signal;
    }
    return 0;
}
