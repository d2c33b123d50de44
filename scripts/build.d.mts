/** Types of scripts/build.mjs, for tests that rebuild `dist/` before using it. */

/** True when `dist/` is missing or older than a generator source or build setting. */
export function isStale(): boolean;

/** Compile generator/ to dist/ (see build.mjs); exits the process when tsc reports errors. */
export function build(): void;
