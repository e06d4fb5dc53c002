/*
 * The kernel transports' round trip in C, for issue 13's "within 1.1x of the same mechanism in C".
 *
 * Two processes (fork), pinned to CPUs 0 and 1 as Q1's cross-core pinning pins them, bounce a
 * message of SIZE bytes over one mechanism: pipe (two pipes), fifo (two named pipes), uds (a Unix
 * stream socket pair), tcp (a loopback connection, TCP_NODELAY) or mq (two POSIX message queues).
 * Stream mechanisms frame a message as Q1's transports do: a 4-byte length and the payload in one
 * writev(2); the reader reads the length, then the payload. By default descriptors block (the
 * natural C program); with a fourth argument "poll" they are non-blocking and a side that finds
 * nothing sleeps in poll(2) with a timeout, as Q1's transports do so that every wait can time out.
 *
 * Every round trip is timed with CLOCK_MONOTONIC; prints p50, p99, p99.9 in ns.
 *
 *   gcc -O2 -o /tmp/kernel_roundtrip docs/findings/kernel_roundtrip.c -lrt
 *   /tmp/kernel_roundtrip pipe 64 200000 [poll]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what) { perror(what); exit(1); }

static int use_poll; /* non-blocking descriptors, poll(2) when an operation finds nothing */

/* Sleeps until fd is ready for events; a wait longer than 5 s is an error, as in the suite. */
static void await(int fd, short events) {
    struct pollfd p = {.fd = fd, .events = events};
    int r;
    while ((r = poll(&p, 1, 5000)) < 0 && errno == EINTR) {
    }
    if (r <= 0) die("poll");
}

static void nonblocking(int fd) {
    if (use_poll && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) die("fcntl");
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0) die("sched_setaffinity");
}

static void read_fully(int fd, void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EAGAIN) { await(fd, POLLIN); continue; }
        if (r <= 0) { if (r < 0 && errno == EINTR) continue; die("read"); }
        p += r; n -= (size_t) r;
    }
}

static void send_frame(int fd, const char *msg, uint32_t len) {
    struct iovec iov[2] = {{&len, 4}, {(void *) msg, len}};
    size_t total = 4 + (size_t) len, done = 0;
    while (done < total) {
        ssize_t w = writev(fd, iov, 2);
        if (w < 0 && errno == EAGAIN) { await(fd, POLLOUT); continue; }
        if (w < 0) { if (errno == EINTR) continue; die("writev"); }
        done += (size_t) w;
        for (int i = 0; i < 2 && w > 0; i++) { /* advance past what was written */
            size_t step = (size_t) w < iov[i].iov_len ? (size_t) w : iov[i].iov_len;
            iov[i].iov_base = (char *) iov[i].iov_base + step; iov[i].iov_len -= step; w -= (ssize_t) step;
        }
    }
}

/* Linux: a message queue descriptor is a file descriptor, so poll(2) waits on it. */
static ssize_t mq_recv(mqd_t q, char *buf, size_t size) {
    ssize_t n;
    while ((n = mq_receive(q, buf, size, NULL)) < 0 && errno == EAGAIN) await((int) q, POLLIN);
    return n;
}

static int mq_put(mqd_t q, const char *buf, size_t n) {
    int r;
    while ((r = mq_send(q, buf, n, 0)) != 0 && errno == EAGAIN) await((int) q, POLLOUT);
    return r;
}

static uint32_t recv_frame(int fd, char *buf) {
    uint32_t len;
    read_fully(fd, &len, 4);
    read_fully(fd, buf, len);
    return len;
}

static int cmp(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return (x > y) - (x < y);
}

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "poll") == 0)) {
        fprintf(stderr, "usage: %s pipe|fifo|uds|tcp|mq SIZE COUNT [poll]\n", argv[0]);
        return 2;
    }
    use_poll = argc == 5;
    const char *mech = argv[1];
    uint32_t size = (uint32_t) atoi(argv[2]);
    long count = atol(argv[3]), warm = count / 10;
    int is_mq = strcmp(mech, "mq") == 0;
    int p_in = -1, p_out = -1, c_in = -1, c_out = -1, listener = -1, port = 0;
    mqd_t q_to_child = (mqd_t) -1, q_to_parent = (mqd_t) -1;
    char fifo_a[64], fifo_b[64], mq_a[64], mq_b[64];
    if (strcmp(mech, "pipe") == 0) {
        int a[2], b[2];
        if (pipe(a) || pipe(b)) die("pipe");
        p_out = a[1]; c_in = a[0]; c_out = b[1]; p_in = b[0];
    } else if (strcmp(mech, "uds") == 0) {
        int sv[2];
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) die("socketpair");
        p_in = p_out = sv[0]; c_in = c_out = sv[1];
    } else if (strcmp(mech, "fifo") == 0) {
        snprintf(fifo_a, sizeof fifo_a, "/tmp/kr-%d-a", getpid());
        snprintf(fifo_b, sizeof fifo_b, "/tmp/kr-%d-b", getpid());
        if (mkfifo(fifo_a, 0600) || mkfifo(fifo_b, 0600)) die("mkfifo");
    } else if (strcmp(mech, "tcp") == 0) {
        struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
        socklen_t len = sizeof addr;
        listener = socket(AF_INET, SOCK_STREAM, 0);
        if (listener < 0 || bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 1)
                || getsockname(listener, (struct sockaddr *) &addr, &len)) die("tcp listen");
        port = ntohs(addr.sin_port);
    } else if (is_mq) {
        struct mq_attr attr = {.mq_maxmsg = 10, .mq_msgsize = size ? size : 1};
        snprintf(mq_a, sizeof mq_a, "/kr-%d-a", getpid());
        snprintf(mq_b, sizeof mq_b, "/kr-%d-b", getpid());
        int flags = O_CREAT | O_EXCL | O_RDWR | (use_poll ? O_NONBLOCK : 0);
        q_to_child = mq_open(mq_a, flags, 0600, &attr);
        q_to_parent = mq_open(mq_b, flags, 0600, &attr);
        if (q_to_child == (mqd_t) -1 || q_to_parent == (mqd_t) -1) die("mq_open");
    } else {
        fprintf(stderr, "unknown mechanism %s\n", mech);
        return 2;
    }
    char *buf = calloc(1, size + 8);
    pid_t child = fork();
    if (child < 0) die("fork");
    if (child == 0) { /* the echo */
        pin(1);
        if (strcmp(mech, "fifo") == 0) {
            if ((c_in = open(fifo_a, O_RDONLY)) < 0 || (c_out = open(fifo_b, O_WRONLY)) < 0) die("open fifo");
        } else if (strcmp(mech, "tcp") == 0) {
            struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
            int one = 1;
            c_in = c_out = socket(AF_INET, SOCK_STREAM, 0);
            if (connect(c_in, (struct sockaddr *) &addr, sizeof addr)) die("connect");
            setsockopt(c_in, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        }
        if (!is_mq) { nonblocking(c_in); nonblocking(c_out); }
        for (long i = 0; i < warm + count; i++) {
            if (is_mq) {
                ssize_t n = mq_recv(q_to_child, buf, size ? size : 1);
                if (n < 0 || mq_put(q_to_parent, buf, (size_t) n)) die("child mq");
            } else {
                uint32_t n = recv_frame(c_in, buf);
                send_frame(c_out, buf, n);
            }
        }
        _exit(0);
    }
    pin(0);
    if (strcmp(mech, "fifo") == 0) {
        if ((p_out = open(fifo_a, O_WRONLY)) < 0 || (p_in = open(fifo_b, O_RDONLY)) < 0) die("open fifo");
    } else if (strcmp(mech, "tcp") == 0) {
        int one = 1;
        p_in = p_out = accept(listener, NULL, NULL);
        if (p_in < 0) die("accept");
        setsockopt(p_in, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    if (!is_mq) { nonblocking(p_in); nonblocking(p_out); }
    long *times = malloc(sizeof(long) * (size_t) count);
    for (long i = 0; i < warm + count; i++) {
        long start = now_ns();
        memcpy(buf, &i, size < sizeof i ? size : sizeof i);
        if (is_mq) {
            if (mq_put(q_to_child, buf, size) || mq_recv(q_to_parent, buf, size ? size : 1) < 0) die("parent mq");
        } else {
            send_frame(p_out, buf, size);
            recv_frame(p_in, buf);
        }
        if (i >= warm) times[i - warm] = now_ns() - start;
    }
    waitpid(child, NULL, 0);
    if (strcmp(mech, "fifo") == 0) { unlink(fifo_a); unlink(fifo_b); }
    if (is_mq) { mq_unlink(mq_a); mq_unlink(mq_b); }
    qsort(times, (size_t) count, sizeof(long), cmp);
    printf("%s%s %u B: p50 %ld ns, p99 %ld ns, p99.9 %ld ns (%ld round trips)\n", mech, use_poll ? " (poll)" : "", size, times[count / 2],
           times[count * 99 / 100], times[count * 999 / 1000], count);
    return 0;
}
