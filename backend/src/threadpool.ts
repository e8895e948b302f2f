/**
 * SQLite statements, argon2 hashes and file reads share libuv's thread pool (4 threads by default).
 * A write that waits for SQLite's lock holds its thread while it waits; with a few of those and a few
 * password hashes, the statement that would release the lock can find no thread. More threads make
 * that starvation far less likely. Imported first by server.ts: libuv reads this when the pool starts.
 */
process.env['UV_THREADPOOL_SIZE'] ??= '16';
