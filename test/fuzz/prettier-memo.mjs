// prettier, with `format` memoised by (options, text); see memo-hook.ts. Plain JS: it is loaded
// through a resolve hook, outside tsx's reach.
import * as prettier from 'prettier';

export * from 'prettier';

const cache = new Map();
/** Characters held by the cache (keys and texts): bounded, the fuzzer runs for many minutes. */
let held = 0;
const BUDGET = 64 * 1024 * 1024;

export function format(text, options) {
  const key = `${JSON.stringify(options)}\0${text}`;
  const found = cache.get(key);
  if (found) return found;
  if (cache.size > 5000 || held > BUDGET) (cache.clear(), (held = 0));
  const formatted = prettier.format(text, options);
  cache.set(key, formatted);
  held += key.length * 2; // the formatted text is about as long as its input
  return formatted;
}
