// prettier, with `format` memoised by (options, text); see memo-hook.ts. Plain JS: it is loaded
// through a resolve hook, outside tsx's reach.
import * as prettier from 'prettier';

export * from 'prettier';

const cache = new Map();

export function format(text, options) {
  const key = `${JSON.stringify(options)}\0${text}`;
  const found = cache.get(key);
  if (found) return found;
  if (cache.size > 5000) cache.clear(); // bounded: the fuzzer runs for minutes
  const formatted = prettier.format(text, options);
  cache.set(key, formatted);
  return formatted;
}
