// How large a file iops reads: a data file over 1 MiB is refused (dues are one file a year).
export const MAX_FILE_BYTES = 1024 * 1024;
