/**
 * `--import ./test/fuzz/memo-hook.ts` (fuzz workers only): the generator's emitter gets prettier's
 * `format` memoised by input. Prettier is deterministic, so the output bytes are the same; the
 * runtime file and the other files most cases share are then formatted once instead of per case.
 */
import { register } from 'node:module';

register('./memo-resolve.mjs', import.meta.url);
