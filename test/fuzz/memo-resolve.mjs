// Module resolve hook: `prettier` imported from generator/emit/ resolves to the memoising wrapper.
export async function resolve(specifier, context, next) {
  if (specifier === 'prettier' && context.parentURL?.includes('/generator/emit/')) {
    return { url: new URL('./prettier-memo.mjs', import.meta.url).href, shortCircuit: true };
  }
  return next(specifier, context);
}
