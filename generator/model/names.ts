/** Identifier spelling shared by the model (type ids) and emitters. */

/** `get_login_info` → `GetLoginInfo`, `.join_group_emoji_chain` → `JoinGroupEmojiChain`, `rkeys` → `Rkeys`. */
export function pascalCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]/.test(joined) || joined === '' ? `T${joined}` : joined;
}
