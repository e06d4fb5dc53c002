/*
 * crc32c.h: CRC-32C (Castagnoli, as java.util.zip.CRC32C), running over a sequence of buffers,
 * for shmring_peer's sink: it must do the work the JVM's sink does (io.shmbench.message.MessageChecksum),
 * and report the same value.
 *
 * crc32c_update(0, a) then crc32c_update(that, b) is the CRC-32C of a followed by b, as one
 * java.util.zip.CRC32C fed both. On x86-64 with SSE 4.2 it uses the crc32 instruction, 8 bytes at a
 * time (the JVM's intrinsic also uses it, interleaving three streams on long buffers, so at large
 * sizes the JVM checksums somewhat faster than this); elsewhere a slicing-by-8 table.
 * crc32c_self_test() checks both against the standard check value.
 */
#ifndef CRC32C_H
#define CRC32C_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CRC32C_POLYNOMIAL 0x82F63B78u /* reflected */
#define CRC32C_CHECK 0xE3069283u      /* of the nine bytes "123456789" */

static uint32_t crc32c__table[8][256];

static void crc32c__init_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) {
            c = c & 1 ? CRC32C_POLYNOMIAL ^ (c >> 1) : c >> 1;
        }
        crc32c__table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++) {
        for (int t = 1; t < 8; t++) {
            uint32_t previous = crc32c__table[t - 1][i];
            crc32c__table[t][i] = (previous >> 8) ^ crc32c__table[0][previous & 0xFF];
        }
    }
}

/* The running value's complement in, out: the table and the instruction both work on it. */
static uint32_t crc32c__portable(uint32_t c, const unsigned char *p, size_t n)
{
    while (n >= 8) {
        uint32_t low, high;
        memcpy(&low, p, 4);
        memcpy(&high, p + 4, 4);
        low ^= c;
        c = crc32c__table[7][low & 0xFF] ^ crc32c__table[6][(low >> 8) & 0xFF] ^ crc32c__table[5][(low >> 16) & 0xFF]
            ^ crc32c__table[4][low >> 24] ^ crc32c__table[3][high & 0xFF] ^ crc32c__table[2][(high >> 8) & 0xFF]
            ^ crc32c__table[1][(high >> 16) & 0xFF] ^ crc32c__table[0][high >> 24];
        p += 8;
        n -= 8;
    }
    while (n-- > 0) {
        c = crc32c__table[0][(c ^ *p++) & 0xFF] ^ (c >> 8);
    }
    return c;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CRC32C_HAVE_HARDWARE 1
__attribute__((target("sse4.2"))) static uint32_t crc32c__hardware(uint32_t c, const unsigned char *p, size_t n)
{
    uint64_t wide = c;
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        wide = __builtin_ia32_crc32di(wide, word);
        p += 8;
        n -= 8;
    }
    c = (uint32_t)wide;
    while (n-- > 0) {
        c = __builtin_ia32_crc32qi(c, *p++);
    }
    return c;
}
#else
#define CRC32C_HAVE_HARDWARE 0
#endif

static int crc32c__hardware_chosen = -1;

static inline int crc32c_uses_hardware(void)
{
    if (crc32c__hardware_chosen < 0) {
        crc32c__init_table();
#if CRC32C_HAVE_HARDWARE
        crc32c__hardware_chosen = __builtin_cpu_supports("sse4.2") != 0;
#else
        crc32c__hardware_chosen = 0;
#endif
    }
    return crc32c__hardware_chosen;
}

/* The CRC-32C of what `crc` covered followed by `length` bytes at `data` (start with 0). */
static inline uint32_t crc32c_update(uint32_t crc, const void *data, size_t length)
{
    const unsigned char *p = data;
#if CRC32C_HAVE_HARDWARE
    if (crc32c_uses_hardware()) {
        return ~crc32c__hardware(~crc, p, length);
    }
#else
    crc32c_uses_hardware();
#endif
    return ~crc32c__portable(~crc, p, length);
}

/* 0 when every implementation this CPU can run gives the standard check value and agrees across a split. */
static inline int crc32c_self_test(void)
{
    static const char check[] = "123456789";
    crc32c_uses_hardware();
    int failures = ~crc32c__portable(~0u, (const unsigned char *)check, 9) != CRC32C_CHECK;
    failures += crc32c_update(crc32c_update(0, check, 4), check + 4, 5) != CRC32C_CHECK;
    unsigned char bytes[1001];
    for (size_t i = 0; i < sizeof bytes; i++) {
        bytes[i] = (unsigned char)(i * 131 + 7);
    }
    failures += crc32c_update(0, bytes, sizeof bytes) != ~crc32c__portable(~0u, bytes, sizeof bytes);
    return failures;
}

#endif /* CRC32C_H */
