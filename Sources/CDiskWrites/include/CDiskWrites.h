#ifndef WARDCHECK_CDISKWRITES_H
#define WARDCHECK_CDISKWRITES_H

#include <stdint.h>

/// Asks the kernel to start writing `count` bytes of the file from `offset` to the disk, without
/// waiting for them: Linux's sync_file_range(2) with SYNC_FILE_RANGE_WRITE, which Swift's Glibc
/// module leaves out (glibc declares it only under _GNU_SOURCE). 0 when started; -1 with errno
/// set when not; 0 and nothing done where there is no such call (macOS). A start only: the
/// writer's fsync still says whether the bytes reached the disk.
int wardcheck_start_writeback(int fd, int64_t offset, int64_t count);

#endif
