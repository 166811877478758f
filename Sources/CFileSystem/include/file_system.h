#ifndef SCHOOLSITE_FILE_SYSTEM_H
#define SCHOOLSITE_FILE_SYSTEM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int schoolsite_exchange_paths(const char *first, const char *second);

/// Flushes every file of the file system that holds `path` to disk (syncfs).
/// Returns 0 on success, -1 with errno set otherwise.
int schoolsite_sync_file_system(const char *path);

/// Opens the folder at `path`, looked up from the folder `base` (AT_FDCWD: the
/// working folder), as a place to look up paths from (O_PATH: it needs no read
/// permission and reads nothing); not `following` a final symlink, a link
/// fails. Returns the descriptor, or -1 with errno set.
int schoolsite_open_folder(int base, const char *path, int following);

/// Removes `path` and everything below it without following links (nftw,
/// depth first). Returns 0 on success, -1 with errno set at the first failure.
int schoolsite_remove_tree(const char *path);

#endif
