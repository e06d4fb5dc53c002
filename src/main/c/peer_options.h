/*
 * peer_options.h: the command line shared by shmring_writer and shmring_reader, checked strictly
 * (a bad value is a usage error, exit 2, that quotes it), the signal handling both need, and
 * their attaching.
 */
#ifndef PEER_OPTIONS_H
#define PEER_OPTIONS_H

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "shmring.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2
#define EXIT_BAD_RING 3
#define EXIT_PEER_DIED 4

typedef struct peer_options {
    const char *name;
    int mode;            /* enum shmring_mode */
    uint64_t count;      /* messages to write, or to account for (delivered + missed) */
    double rate;         /* messages (writer) or wake-ups (reader) per second; 0: as fast as possible */
    uint32_t bytes;      /* writer: largest message (0: the ring's largest) */
    double timeout;      /* seconds any one wait may take */
    uint32_t dwell_us;   /* writer: pause in the middle of each message (fault tests) */
    int policy;          /* reader: enum shmring_lap_policy */
    int quiet;           /* reader: the summary only */
    int watch_parent;    /* stop when the process that started this one is gone */
} peer_options;

static volatile sig_atomic_t peer_stop_signal;

static void peer_on_signal(int signal_number)
{
    peer_stop_signal = signal_number;
}

/* SIGINT and SIGTERM end the loop, so the program detaches and prints its summary; SIGBUS gets words. */
static void peer_on_sigbus(int signal_number)
{
    static const char text[] = "error: SIGBUS: the ring's file was truncated under this process; the ring is unusable\n";
    (void)signal_number;
    ssize_t ignored = write(2, text, sizeof text - 1);
    (void)ignored;
    _exit(EXIT_FAILED);
}

static inline void peer_install_signals(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = peer_on_signal;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    action.sa_handler = peer_on_sigbus;
    sigaction(SIGBUS, &action, NULL);
}

static void peer_usage(const char *program, const char *problem, const char *value)
{
    if (problem != NULL) {
        fprintf(stderr, "error: %s%s%s%s\n", problem, value ? " '" : "", value ? value : "", value ? "'" : "");
    }
    fprintf(stderr,
            "usage: %s NAME --mode blocking|overwrite --count N [--rate HZ] [--timeout SECONDS] [--watch-parent]\n"
            "       writer only: [--bytes LARGEST] [--dwell-us MICROSECONDS]\n"
            "       reader only: [--policy newest|oldest] [--quiet]\n"
            "NAME is the ring /dev/shm/NAME (./run-bench.sh ring create NAME ...).\n",
            program);
    exit(EXIT_USAGE);
}

static double peer_number(const char *program, const char *option, const char *text, double low, double high)
{
    char *end = NULL;
    errno = 0;
    double value = text == NULL ? NAN : strtod(text, &end);
    if (text == NULL || end == text || *end != '\0' || errno != 0 || !isfinite(value) || value < low || value > high) {
        char problem[128];
        snprintf(problem, sizeof problem, "%s needs a number from %g to %g, not", option, low, high);
        peer_usage(program, problem, text == NULL ? "(nothing)" : text);
    }
    return value;
}

/* Parses argv; `writer` says which side's options are allowed. Exits 2 on anything wrong. */
static peer_options peer_parse(int argc, char **argv, int writer)
{
    peer_options o = {0};
    o.mode = -1;
    o.timeout = 30;
    const char *program = argv[0];
    int have_count = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            peer_usage(program, NULL, NULL);
        } else if (strcmp(a, "--mode") == 0) {
            if (v == NULL || (strcmp(v, "blocking") != 0 && strcmp(v, "overwrite") != 0)) {
                peer_usage(program, "--mode is blocking or overwrite, not", v == NULL ? "(nothing)" : v);
            }
            o.mode = strcmp(v, "overwrite") == 0;
            i++;
        } else if (strcmp(a, "--count") == 0) {
            o.count = (uint64_t)peer_number(program, a, v, 1, 1e15);
            have_count = 1;
            i++;
        } else if (strcmp(a, "--rate") == 0) {
            o.rate = peer_number(program, a, v, 0, 1e9);
            i++;
        } else if (strcmp(a, "--timeout") == 0) {
            o.timeout = peer_number(program, a, v, 0.001, 86400);
            i++;
        } else if (strcmp(a, "--watch-parent") == 0) {
            o.watch_parent = 1;
        } else if (writer && strcmp(a, "--bytes") == 0) {
            o.bytes = (uint32_t)peer_number(program, a, v, 20, 1 << 30);
            i++;
        } else if (writer && strcmp(a, "--dwell-us") == 0) {
            o.dwell_us = (uint32_t)peer_number(program, a, v, 0, 1e6);
            i++;
        } else if (!writer && strcmp(a, "--policy") == 0) {
            if (v == NULL || (strcmp(v, "newest") != 0 && strcmp(v, "oldest") != 0)) {
                peer_usage(program, "--policy is newest or oldest, not", v == NULL ? "(nothing)" : v);
            }
            o.policy = strcmp(v, "oldest") == 0; /* SHMRING_RESUME_OLDEST */
            i++;
        } else if (!writer && strcmp(a, "--quiet") == 0) {
            o.quiet = 1;
        } else if (a[0] == '-') {
            peer_usage(program, "unknown option", a);
        } else if (o.name == NULL) {
            o.name = a;
        } else {
            peer_usage(program, "one ring name only; unexpected", a);
        }
    }
    if (o.name == NULL) {
        peer_usage(program, "the ring's NAME is missing", NULL);
    }
    if (o.mode < 0) {
        peer_usage(program, "--mode is missing", NULL);
    }
    if (!have_count) {
        peer_usage(program, "--count is missing", NULL);
    }
    return o;
}

/* Sleeps until `when` (CLOCK_MONOTONIC ns); false when a signal asked to stop. */
static inline int peer_sleep_until(int64_t when)
{
    struct timespec at = {when / 1000000000LL, when % 1000000000LL};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL) == EINTR) {
        if (peer_stop_signal) {
            return 0;
        }
    }
    return !peer_stop_signal;
}

/*
 * Attaches to the ring the options name and checks it is in --mode: 0, or the exit code (said on
 * stderr): EXIT_USAGE for a bad name, EXIT_BAD_RING for a ring that cannot be used.
 */
static inline int peer_attach(shmring *ring, const peer_options *o)
{
    int status = shmring_attach(ring, o->name);
    if (status != SHMRING_OK) {
        fprintf(stderr, "error: %s\n", ring->error);
        return status == SHMRING_ERR_USAGE ? EXIT_USAGE : EXIT_BAD_RING;
    }
    ring->watch_parent = o->watch_parent;
    if (ring->mode != o->mode) {
        fprintf(stderr, "error: %s is in %s mode, not %s as --mode says\n", ring->path,
                ring->mode ? "overwrite" : "blocking", o->mode ? "overwrite" : "blocking");
        shmring_detach(ring);
        return EXIT_BAD_RING;
    }
    return 0;
}

#endif /* PEER_OPTIONS_H */
