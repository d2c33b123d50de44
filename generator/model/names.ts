/** Identifier spelling shared by the model (type ids) and emitters. */

/** `get_login_info` → `GetLoginInfo`, `.join_group_emoji_chain` → `JoinGroupEmojiChain`, `rkeys` → `Rkeys`. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(joined) || joined === '' ? `T${joined}` : joined;
}

/** Base of an action's type names: `.join_group_emoji_chain` → `HiddenJoinGroupEmojiChain`. */
export function actionTypeBase(name: string): string {
  return (name.startsWith('.') ? 'Hidden' : '') + pascalCase(name);
}

/** The type names generated for an action (`GetCookiesParams`, `GetCookiesResponse`, `…ResponseItem`). */
export function declaredNames(action: string): string[] {
  const base = actionTypeBase(action);
  return [`${base}Params`, `${base}Response`, `${base}ResponseItem`];
}

/**
 * Names a generated types file declares or uses itself, which a docs sub-type must not take:
 * TypeScript's global types and the helpers every file exports.
 */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set(
  'Array Boolean Date Error Function Map Number Object Partial Promise Readonly ReadonlyArray Record RegExp Set String Symbol Message ReceivedMessage MessageSegment Actions ActionName ParamsOf ResponseOf ACTION_NAMES'.split(
    ' ',
  ),
);
