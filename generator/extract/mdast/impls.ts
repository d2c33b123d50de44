/** How the docs name implementations and extension tags. */
import type { ActionTag, ImplId } from '../../model/types.js';

const NAMES: Readonly<Record<string, ImplId>> = {
  napcat: 'napcat',
  lagrange: 'lagrange',
  'lagrange.onebot': 'lagrange',
  gocq: 'gocq',
  'go-cqhttp': 'gocq',
  'go-cq': 'gocq',
  gocqhttp: 'gocq',
  onebot: 'onebot11',
  onebot11: 'onebot11',
  'onebot v11': 'onebot11',
};

/** `NapCat`, `lagrange`, `go-cqhttp` → ImplId; anything else undefined. */
export function implFromName(name: string): ImplId | undefined {
  const key = name.trim().toLowerCase();
  // Own keys only: `constructor` or `__proto__` in the docs must not find Object.prototype's.
  return Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
}

/** The first implementation a summary or comment mentions: `点击查看 NapCat 响应示例数据` → napcat. */
export function implMentioned(text: string): ImplId | undefined {
  const m = /napcat|lagrange|go-?cq(?:http)?/i.exec(text);
  return m ? implFromName(m[0]) : undefined;
}

const TAGS: Readonly<Record<string, ActionTag>> = {
  gocq: 'gocq',
  'go-cqhttp': 'gocq',
  napcat: 'napcat',
  lagrange: 'lagrange',
  社区: 'community',
};

/**
 * `(gocq拓展)` → 'gocq', also with more words after the tag (`(gocq拓展 文档未收录 源码)`); `` →
 * 'none'; an unknown word → undefined.
 */
export function tagFromText(text: string): ActionTag | undefined {
  const m = /^\s*[(（]\s*([^\s()（）]*?)\s*(?:拓展|扩展)/.exec(text);
  if (!m) return text.trim() === '' ? 'none' : undefined;
  const key = m[1]!.toLowerCase();
  return Object.hasOwn(TAGS, key) ? TAGS[key] : undefined;
}
