// renameat2, syncfs and O_PATH are only declared under _GNU_SOURCE, which Swift's
// Glibc module does not define; these wrappers make them reachable from Swift.
#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <unistd.h>
#include "file_system.h"

int schoolsite_exchange_paths(const char *first, const char *second) {
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}

int schoolsite_sync_file_system(const char *path) {
    int descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return -1;
    int result = syncfs(descriptor);
    close(descriptor);
    return result;
}

int schoolsite_open_folder(int base, const char *path, int following) {
    return openat(base, path, O_PATH | O_DIRECTORY | O_CLOEXEC | (following ? 0 : O_NOFOLLOW));
}

static int remove_entry(const char *path, const struct stat *info, int type, struct FTW *where) {
    (void)info;
    (void)where;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

int schoolsite_remove_tree(const char *path) {
    return nftw(path, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
}
