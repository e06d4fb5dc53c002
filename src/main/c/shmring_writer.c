/*
 * shmring_writer NAME --mode blocking|overwrite --count N [--rate HZ] [--bytes LARGEST] ...
 *
 * Writes N probe messages (probe_message.h) into the ring /dev/shm/NAME at HZ messages a second
 * (0: as fast as the ring takes them), then prints "summary written=N first=F" (F: the index of
 * its first message) and detaches. --dwell-us pauses in the middle of every message, between its
 * two halves, so that a kill lands inside a message (the fault tests). Exit 0 done; 1 failed (a
 * wait timed out, the reader died, a signal stopped it); 2 usage, a bad name included; 3 the ring is missing, not a
 * ring, not yours, or not in --mode.
 */
#define _POSIX_C_SOURCE 200809L
#include "peer_options.h"
#include "probe_message.h"
#include "shmring.h"

int main(int argc, char **argv)
{
    peer_options o = peer_parse(argc, argv, 1);
    peer_install_signals();
    shmring ring;
    int refused = peer_attach(&ring, &o);
    if (refused) {
        return refused;
    }
    uint32_t largest = o.bytes ? o.bytes : ring.max_payload;
    if (largest > ring.max_payload || largest < PROBE_MIN_LENGTH) {
        fprintf(stderr, "error: --bytes %u: this ring's slots hold messages of %u to %u bytes\n", largest,
                PROBE_MIN_LENGTH, ring.max_payload);
        shmring_detach(&ring);
        return EXIT_USAGE;
    }
    shmring_writer writer;
    if (shmring_writer_open(&writer, &ring) != SHMRING_OK) {
        fprintf(stderr, "error: %s\n", ring.error);
        shmring_detach(&ring);
        return EXIT_FAILED;
    }
    unsigned char *message = malloc(largest);
    uint64_t first = writer.next;
    int64_t period = o.rate > 0 ? (int64_t)(1e9 / o.rate) : 0;
    int64_t start = shmring_monotonic_ns();
    int64_t timeout = (int64_t)(o.timeout * 1e9);
    int status = SHMRING_OK;
    uint64_t written = 0;
    for (; written < o.count; written++) {
        if (period > 0 ? !peer_sleep_until(start + (int64_t)written * period) : peer_stop_signal) {
            break;
        }
        if (o.watch_parent && getppid() != ring.parent) {
            snprintf(ring.error, sizeof ring.error, "%s: the process that started this writer is gone; stopping", ring.path);
            status = SHMRING_ERR_PARENT_GONE;
            break;
        }
        uint64_t n = writer.next;
        uint32_t length = probe_length(n, largest);
        unsigned char *payload = shmring_claim_wait(&writer, timeout, &status);
        if (payload == NULL) {
            break;
        }
        probe_fill(message, n, shmring_monotonic_ns(), length);
        uint32_t half = length / 2;
        shmring_copy_in(payload, 0, message, half);
        if (o.dwell_us > 0) {
            struct timespec pause = {0, (long)o.dwell_us * 1000};
            nanosleep(&pause, NULL);
        }
        shmring_copy_in(payload, half, message + half, length - half);
        status = shmring_commit(&writer, length);
        if (status != SHMRING_OK) {
            break;
        }
    }
    printf("summary written=%llu first=%llu\n", (unsigned long long)written, (unsigned long long)first);
    fflush(stdout);
    free(message);
    shmring_writer_close(&writer);
    shmring_detach(&ring);
    if (status != SHMRING_OK) {
        fprintf(stderr, "error: %s\n", ring.error);
        return EXIT_FAILED;
    }
    if (peer_stop_signal) {
        fprintf(stderr, "stopped by signal %d after %llu messages\n", (int)peer_stop_signal, (unsigned long long)written);
        return 128 + peer_stop_signal;
    }
    return 0;
}
