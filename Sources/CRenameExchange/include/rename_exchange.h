#ifndef RENAME_EXCHANGE_SHIM_H
#define RENAME_EXCHANGE_SHIM_H

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise.
int schoolsite_exchange_paths(const char *first, const char *second);

#endif
