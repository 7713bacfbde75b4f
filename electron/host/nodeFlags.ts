/**
 * Node's own flags for the host process: `npm run web` starts it with them, and so do the bench
 * and the end-to-end tests (test/host/nodeFlags.test.ts holds the script to this list).
 *
 * `--max-semi-space-size=4` (MB): V8's young generation is otherwise allowed 16 MB a half, and a
 * search or a page of 统计 that makes a few MB of short-lived rows grows it to all of that and keeps
 * it. The register's answers are small and short-lived, so scavenges of a 4 MB half stay short.
 * Measured on the million-case register (README, "Measured: 1,000,000 cases, 2026-12-04, night"),
 * the whole bench twice each, in turn: the host's peak memory 259.6 / 268.5 MB without it, 237.9 /
 * 248.9 with it, no operation slower in both runs.
 * It is a start flag: V8 sizes the young generation when the process starts, so setting it from
 * inside the process (v8.setFlagsFromString) changes nothing.
 */
export const HOST_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
