/*
 * probe_message.h: the self-checking messages of shmring_writer and shmring_reader (and of
 * shmring.py's writer and reader, and the interop tests in Java), so a reader in any language
 * can check every message without knowing the writer:
 *
 *   offset     size  field (little-endian)
 *   0          8     sequence: the message's index in the ring (0, 1, 2, ...)
 *   8          8     stamp: CLOCK_MONOTONIC ns when the writer published it (the reader's age)
 *   16         n     filler: the byte at offset i is (i + 7 * sequence) mod 256
 *   length-4   4     CRC-32 (zlib's, IEEE 802.3) of bytes [0, length - 4)
 *
 * Message n is probe_length(n, largest) bytes long: the lengths cycle through
 * PROBE_MIN_LENGTH..largest, so the slot's length field is exercised too.
 */
#ifndef PROBE_MESSAGE_H
#define PROBE_MESSAGE_H

#include <stdint.h>
#include <string.h>

#define PROBE_MIN_LENGTH 20u

static inline uint32_t probe_crc32(const unsigned char *data, size_t length)
{
    static uint32_t table[256];
    static int ready;
    if (!ready) {
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++) {
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            table[i] = c;
        }
        ready = 1;
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < length; i++) {
        crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}

static inline uint32_t probe_length(uint64_t sequence, uint32_t largest)
{
    return PROBE_MIN_LENGTH + (uint32_t)(sequence * 7 % (largest - PROBE_MIN_LENGTH + 1));
}

/* Writes message `sequence` of `length` bytes (at least PROBE_MIN_LENGTH) into `message`. */
static inline void probe_fill(unsigned char *message, uint64_t sequence, int64_t stamp, uint32_t length)
{
    memcpy(message, &sequence, 8);
    memcpy(message + 8, &stamp, 8);
    for (uint32_t i = 16; i < length - 4; i++) {
        message[i] = (unsigned char)(i + 7 * sequence);
    }
    uint32_t crc = probe_crc32(message, length - 4);
    memcpy(message + length - 4, &crc, 4);
}

/* Whether `message` is whole (its CRC holds) and is message `sequence`; its stamp goes to *stamp. */
static inline int probe_check(const unsigned char *message, uint32_t length, uint64_t sequence, int64_t *stamp)
{
    if (length < PROBE_MIN_LENGTH) {
        return 0;
    }
    uint32_t crc;
    uint64_t number;
    memcpy(&crc, message + length - 4, 4);
    memcpy(&number, message, 8);
    memcpy(stamp, message + 8, 8);
    return crc == probe_crc32(message, length - 4) && number == sequence;
}

#endif /* PROBE_MESSAGE_H */
