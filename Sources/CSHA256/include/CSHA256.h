#ifndef ENTITYD_CSHA256_H
#define ENTITYD_CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (and the SSSE3/SSE4.1 they are used with).
int entityd_sha256_hardware_available(void);

/// The SHA-256 block function over `count` bytes of `data` (a multiple of 64) with the SHA
/// extensions; `state` is the eight-word hash state. Call only when available.
void entityd_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t count);

#endif
