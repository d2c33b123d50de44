/** Where a Markdown link between docs pages points. */
import path from 'node:path';

/** `../event/message.md#私聊消息` from `docs/api/bot.md` → `docs/event/message.md`. */
export function linkedPage(from: string, href: string): string {
  const target = href.split('#')[0]!;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}
