// renameat2 is only declared under _GNU_SOURCE, which Swift's Glibc module
// does not define; this wrapper makes the atomic swap of output/ reachable.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include "rename_exchange.h"

int schoolsite_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}
