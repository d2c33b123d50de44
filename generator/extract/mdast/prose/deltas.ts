/**
 * Changes a sentence states for named params or fields, one clause at a time (clauses split at
 * `，` `；` `。`), from the field names in inline code and the verb next to them:
 *
 *     `message_seq` 参数无效，多一个 `message_id` 字段   → remove message_seq; add message_id
 *     参数 `notify` 在 `NapCat` 和 `Lagrange` 中都不生效    → remove notify (napcat, lagrange)
 *     `Lagrange` 会忽略 `keep_old` 参数                    → remove keep_old
 *     `count` 为必选 / 必须提供 `count`                    → require count
 *     `id` 为可选 / `id` 非必填 / `a` 与 `b` 二选一          → optional
 *     `duration` 必须为数字类型                            → type number (never "required")
 *
 * A conditional clause (`x` 为空时无效) states no change.
 */
import type { ImplId, TypeRef } from '../../../model/types.js';
import type { DeltaOp, Intent } from './intents.js';
import { type Clause, type Statement, clausesOf } from './statement.js';
import {
  ADD_BEFORE,
  FIELD,
  FIELD_NOUN,
  LIKEWISE,
  OPTIONAL_WORDS,
  REMOVE_AFTER,
  REMOVE_BEFORE,
  REQUIRE_WORDS,
  SCALAR,
  TYPE,
  TYPE_STATEMENT,
  isConditional,
  scalarWord,
} from './vocabulary.js';

const re = (source: string) => new RegExp(source, 'i');
/** What may stand between a field and the end of its clause after the verb. */
const TAIL = `\\s*(?:了|的)?\\s*(?:${FIELD_NOUN})?\\s*[:：]?$`;
const NOT_FIELD = `[^${FIELD}]*?`;
/** One field or a list of them: `a`、`b` / `a` 和 `b`. */
const FIELDS = `${FIELD}(?:\\s*(?:、|和|与|及|以及|或|/)\\s*${FIELD})*`;

const RULES: readonly { readonly op: DeltaOp; readonly patterns: readonly RegExp[] }[] = [
  {
    op: 'optional',
    patterns: [re(`${FIELDS}${NOT_FIELD}(?:${OPTIONAL_WORDS}|二选一|任选其一|选其一)${TAIL}`)],
  },
  {
    op: 'type',
    patterns: [
      re(`${FIELD}${NOT_FIELD}${TYPE_STATEMENT}\\s*(?:一个)?\\s*(${SCALAR})`),
      re(`${FIELD}\\s*(?:${FIELD_NOUN})?\\s*(?:为|是)\\s*(${SCALAR})\\s*(?:类型|型)`),
    ],
  },
  {
    op: 'require',
    patterns: [
      re(`${FIELDS}${NOT_FIELD}(?:为|是)?\\s*${REQUIRE_WORDS}${TAIL}`),
      re(`(?:必须|需要|务必)(?:提供|传入?|填写?|指定|携带)\\s*(?:${FIELD_NOUN})?\\s*${FIELD}`),
    ],
  },
  {
    op: 'remove',
    patterns: [
      re(`${FIELDS}${NOT_FIELD}${REMOVE_AFTER}${TAIL}`),
      re(`${REMOVE_BEFORE}\\s*(?:${FIELD_NOUN})?\\s*${FIELD}`),
    ],
  },
  { op: 'add', patterns: [re(`${ADD_BEFORE}\\s*(?:${FIELD_NOUN})?\\s*${FIELD}\\s*(?:${FIELD_NOUN}|$)`)] },
];

/** Delta intents of every clause; `targets` are implementations the sentence points at, not about. */
export function readDeltas(s: Statement, targets: readonly ImplId[]): Intent[] {
  return clausesOf(s).flatMap((c) => clauseDeltas(c, targets));
}

function clauseDeltas(c: Clause, targets: readonly ImplId[]): Intent[] {
  const fields = c.marks.filter((m) => m.kind === 'field');
  if (fields.length === 0 || isConditional(c.shape) || LIKEWISE.test(c.shape)) return [];
  const impls = [...new Set(c.marks.flatMap((m) => (m.kind === 'impl' && !targets.includes(m.impl) ? [m.impl] : [])))];
  for (const { op, patterns } of RULES) {
    const m = patterns.map((p) => p.exec(c.shape)).find(Boolean);
    if (!m) continue;
    const type = op === 'type' ? typeAt(c, m) : undefined;
    if (op === 'type' && !type) return [];
    // The fields the verb governs: those inside the match (`a`、`b` 无效 names both).
    const names = fields.filter((f) => f.at >= m.index && f.at < m.index + m[0].length).map((f) => f.name);
    return names.map((field): Intent => ({ kind: 'delta', op, field, impls, ...(type ? { type } : {}) }));
  }
  return [];
}

function typeAt(c: Clause, m: RegExpExecArray): TypeRef | undefined {
  const word = m[1]!;
  if (word !== TYPE) return scalarWord(word);
  const at = m.index + m[0].lastIndexOf(TYPE);
  const mark = c.marks.find((k) => k.at === at);
  return mark?.kind === 'type' ? mark.type : undefined;
}
