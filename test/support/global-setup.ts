/**
 * Before any test file: the compiled generator (`dist/`) is rebuilt when a generator source is
 * newer than the last build. Tests that run it as users do (the watch process, the determinism
 * child, the build's runtime table) then find it current, and no two of them build at once.
 */
import { build, isStale } from '../../scripts/build.mjs';

export default function setup(): void {
  if (isStale()) build();
}
