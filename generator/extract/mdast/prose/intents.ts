/**
 * What a sentence of an action section MEANS, read from its parts (implementation and field names
 * in inline code, a small vocabulary of verbs and nouns), never from a fixed wording:
 *
 *     empty        无 / 该 API 不需要任何请求参数 / 此接口无响应数据        → the part has no body
 *     array        响应内容为 JSON 数组，每个元素如下 / 返回一个列表          → the tables are elements
 *     scalar       响应为一个字符串 / 返回…，类型为 `number`                 → the body is that scalar
 *     nested       其中 `teacher` 字段的内容如下 / `students` 的每个元素如下   → the next table types that field
 *     variant      以下参数仅 `NapCat` 可用 / 下表适用于`Lagrange`            → what follows is that implementation's
 *     extend       在上表基础上额外返回以下字段                               → its table adds to the base
 *     delta        `x` 参数无效 / `Lagrange` 会忽略 `x` / `x` 为必选 / 多一个 `x` 字段 / `x` 必须为数字类型
 *     example      返回结构见上方示例 / 请参考上方 `NapCat` 的响应数据        → the body comes from there
 *     elsewhere    参数请参考源码 / 参考 [apifox](…)                          → documented outside the page
 *     alternative  方式一 / 模板A / `flag: true` / 当 `mode` 为 `a` 时        → one of several bodies
 *
 * A conditional sentence (如果… / …时) describes a case, not the part: it yields no intent and stays
 * prose. Which part and implementation an intent lands on is the caller's business.
 */
import type { ImplId, TypeRef } from '../../../model/types.js';
import { type Mark, type Statement, fieldsOf, implsOf } from './statement.js';
import {
  ABOVE,
  ALTERNATIVE_LABEL,
  ARRAY_WORD,
  COPULA,
  EACH,
  ELSEWHERE,
  EXAMPLE_NOUN,
  EXAMPLE_ROLE,
  EXTEND,
  FIELD,
  IMPL,
  LIKEWISE,
  NEGATION,
  NEGATION_FILL,
  PARAMS_NOUN,
  POINTER,
  QUANTITY,
  REFER_VERB,
  RESPONSE_NOUN,
  SCALAR,
  SCOPE,
  SUBJECT,
  TYPE,
  VALUE,
  isConditional,
  scalarWord,
} from './vocabulary.js';
import { readDeltas } from './deltas.js';

export type PartName = 'params' | 'response';
export type DeltaOp = 'add' | 'remove' | 'require' | 'optional' | 'type';

export type Intent =
  | { readonly kind: 'empty'; readonly part?: PartName }
  | { readonly kind: 'array'; readonly element?: TypeRef }
  | { readonly kind: 'scalar'; readonly type: TypeRef }
  | { readonly kind: 'nested'; readonly path: readonly string[]; readonly each: boolean }
  | { readonly kind: 'variant'; readonly impl: ImplId; readonly pointer: boolean }
  | { readonly kind: 'extend' }
  | {
      readonly kind: 'delta';
      readonly op: DeltaOp;
      readonly field: string;
      /** Implementations the clause names; empty: those the statement is about. */
      readonly impls: readonly ImplId[];
      /** For `type`: the type the value must have. */
      readonly type?: TypeRef;
    }
  | { readonly kind: 'example'; readonly target?: ImplId; readonly part?: PartName; readonly examplesOnly: boolean }
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'alternative' };

export interface Reading {
  /** Implementations the statement is about (not those it points at, as in 参考上方 `NapCat` 的响应数据). */
  readonly impls: readonly ImplId[];
  readonly intents: readonly Intent[];
}

const re = (source: string) => new RegExp(source, 'i');

/** Everything a statement says, in a stable order (see the table in the file comment). */
export function readStatement(s: Statement): Reading {
  const nested = fieldStatement(s);
  if (nested?.opens) return { impls: implsOf(s), intents: [{ kind: 'nested', path: nested.path, each: nested.each }] };
  const example = exampleRef(s);
  const targets = example?.target ? [example.target] : [];
  const impls = implsOf(s).filter((i) => !targets.includes(i));
  const intents: Intent[] = [];
  const add = (i: Intent | undefined) => void (i && intents.push(i));
  add(example);
  add(example ? undefined : elsewhere(s));
  add(empty(s));
  const body = intents.some((i) => i.kind === 'empty') ? undefined : (arrayBody(s) ?? scalarBody(s));
  add(body);
  intents.push(...readDeltas(s, targets));
  add(variant(s, impls));
  add(extend(s));
  add(alternative(s));
  return { impls, intents };
}

const hasMark = (s: Statement, kind: Mark['kind']) => s.marks.some((m) => m.kind === kind);

/** Sentences that end where the noun ends: `没有参数` but not `没有参数校验`. */
const NOUN_END = '(?=$|[\\s，,。.；;！!：:）)]|即|也|就|可|直接|调用|传|请)';
const BARE_NONE = /^(?:无|没有|空|暂无|none|null|-)[。.!！]?$/i;
const NEGATED_NOUN = re(`${NEGATION}\\s*${NEGATION_FILL}\\s*(${PARAMS_NOUN}|${RESPONSE_NOUN}|数据|内容)${NOUN_END}`);
const NOUN_IS_EMPTY = re(`(${PARAMS_NOUN}|${SUBJECT})(?:列表)?\\s*(?:为空|是空的?|为\\s*null)${NOUN_END}`);
const PARAMS_ONLY = re(`^${PARAMS_NOUN}$`);

function empty(s: Statement): Intent | undefined {
  if (hasMark(s, 'field') || hasMark(s, 'value') || isConditional(s.shape)) return undefined;
  const shape = s.shape.replaceAll(IMPL, '').trim();
  if (BARE_NONE.test(shape)) return { kind: 'empty' };
  const m = NEGATED_NOUN.exec(shape) ?? NOUN_IS_EMPTY.exec(shape);
  if (!m) return undefined;
  return { kind: 'empty', part: PARAMS_ONLY.test(m[1]!) ? 'params' : 'response' };
}

const BODY_HEAD = `${SUBJECT}\\s*(?:的)?\\s*(?:将|会|直接|总|均|都)?\\s*${COPULA}?\\s*(?:的是)?\\s*${QUANTITY}?\\s*(?:JSON|json)?\\s*`;
const ARRAY_BODY = re(`${BODY_HEAD}(?:(对象|object)|(${SCALAR}))?\\s*${ARRAY_WORD}(?!\\s*(?:为空|是空|中))`);
/** `每个元素如下`, `条目数组的每个元素：` (a few words may name the array). */
const EACH_ELEMENT = re(
  `(?:^|[：:，,])[^，,。：:]{0,12}?(?:${ARRAY_WORD})?(?:中|里)?的?\\s*${EACH}\\s*(?:的)?\\s*(?:字段|内容|结构|格式)?\\s*(?:都|均|都可能)?\\s*(?:如下|为|是|包括|包含|见下表|[:：]\\s*$)`,
);

/** The body is an array (of what follows, or of the scalar it names). */
function arrayBody(s: Statement): Intent | undefined {
  if (hasMark(s, 'field') || isConditional(s.shape)) return undefined;
  const m = ARRAY_BODY.exec(s.shape);
  if (m) {
    const element = m[2] ? scalarOf(s, m.index + m[0].indexOf(m[2]), m[2]) : undefined;
    return element ? { kind: 'array', element } : { kind: 'array' };
  }
  return EACH_ELEMENT.test(s.shape) ? { kind: 'array' } : undefined;
}

const SCALAR_BODY = re(`${BODY_HEAD}(${SCALAR})(?!\\s*(?:${ARRAY_WORD}|\\[\\]|中|的))`);
const TYPE_IS = re(`(?:类型|格式)\\s*(?:为|是)\\s*(${SCALAR})(?!\\s*(?:${ARRAY_WORD}|\\[\\]))`);
const SUBJECT_ANYWHERE = re(SUBJECT);

/** The body is one scalar: 响应为一个字符串, 返回…，类型为 `number`. */
function scalarBody(s: Statement): Intent | undefined {
  if (hasMark(s, 'field') || isConditional(s.shape) || LIKEWISE.test(s.shape)) return undefined;
  const m = SCALAR_BODY.exec(s.shape) ?? (SUBJECT_ANYWHERE.test(s.shape) ? TYPE_IS.exec(s.shape) : null);
  if (!m) return undefined;
  const type = scalarOf(s, m.index + m[0].lastIndexOf(m[1]!), m[1]!);
  return type ? { kind: 'scalar', type } : undefined;
}

/** A scalar word at a shape index: the code marker's type, or the word's. */
function scalarOf(s: Statement, at: number, word: string): TypeRef | undefined {
  if (word === TYPE) {
    const mark = s.marks.find((m) => m.at === at);
    return mark?.kind === 'type' ? mark.type : undefined;
  }
  return scalarWord(word);
}

const EXAMPLE_REFS: readonly { readonly pattern: RegExp; readonly examplesOnly: boolean }[] = [
  {
    pattern: re(
      `${REFER_VERB}\\s*${ABOVE}?\\s*(?:的)?\\s*(${IMPL})?\\s*(?:的)?\\s*(${EXAMPLE_ROLE})\\s*${EXAMPLE_NOUN}(?!\\s*(?:中|里|不|有误|有出入|有差))`,
    ),
    examplesOnly: true,
  },
  {
    pattern: re(`以\\s*${ABOVE}?\\s*(?:的)?\\s*(${IMPL})?\\s*(?:的)?\\s*(${EXAMPLE_ROLE})\\s*${EXAMPLE_NOUN}为准`),
    examplesOnly: true,
  },
  {
    pattern: re(
      `${REFER_VERB}\\s*${ABOVE}\\s*(?:的)?\\s*(${IMPL})?\\s*(?:的)?\\s*(${EXAMPLE_ROLE})\\s*(?:数据|结构|内容|表格?|定义)`,
    ),
    examplesOnly: false,
  },
  {
    pattern: re(
      `(?:同|与|和|跟)\\s*(${IMPL})\\s*(?:的)?\\s*(${EXAMPLE_ROLE})\\s*(?:数据|结构|内容)?\\s*(?:相同|一致|一样)`,
    ),
    examplesOnly: false,
  },
];

/** The body is given by an example, or by another implementation's body. */
function exampleRef(s: Statement): Extract<Intent, { kind: 'example' }> | undefined {
  if (hasMark(s, 'field') || isConditional(s.shape)) return undefined;
  for (const { pattern, examplesOnly } of EXAMPLE_REFS) {
    const m = pattern.exec(s.shape);
    if (!m) continue;
    const implAt = m[1] ? m.index + m[0].indexOf(IMPL) : -1;
    const mark = s.marks.find((k) => k.at === implAt);
    const role = m[2] ?? '';
    const part: PartName | undefined = /请求|参数/.test(role) ? 'params' : role ? 'response' : undefined;
    return {
      kind: 'example',
      ...(mark?.kind === 'impl' ? { target: mark.impl } : {}),
      ...(part ? { part } : {}),
      examplesOnly,
    };
  }
  return undefined;
}

const ELSEWHERE_RE = re(ELSEWHERE);

function elsewhere(s: Statement): Intent | undefined {
  return !hasMark(s, 'field') && ELSEWHERE_RE.test(s.shape) ? { kind: 'elsewhere' } : undefined;
}

const SCOPE_RE = re(SCOPE);
const POINTER_RE = re(POINTER);

/** One implementation and no field: what follows (or what the sentence says) is that implementation's. */
function variant(s: Statement, impls: readonly ImplId[]): Intent | undefined {
  if (impls.length !== 1 || hasMark(s, 'field')) return undefined;
  const rest = s.shape.replace(IMPL, '');
  if (!SCOPE_RE.test(rest) && !POINTER_RE.test(rest) && rest.replace(/[\s:：]/g, '') !== '') return undefined;
  return { kind: 'variant', impl: impls[0]!, pointer: POINTER_RE.test(rest) };
}

const EXTEND_RE = re(`(?:${EXTEND})`);

function extend(s: Statement): Intent | undefined {
  return !hasMark(s, 'field') && EXTEND_RE.test(s.shape) ? { kind: 'extend' } : undefined;
}

const LABEL_RE = re(ALTERNATIVE_LABEL);
const CONDITION_LABEL = re(
  `^(?:当|若|如果)?\\s*${FIELD}\\s*(?:为|是|=|==|[:：])\\s*(?:(?:${VALUE}|${TYPE})\\s*(?:时|的情况)?|[^\\s，,。时]{1,8}\\s*(?:时|的情况))\\s*[:：]?$`,
);

/** A label for one of several bodies: 方式一, 模板A, `flag: true`, 当 `mode` 为 `a` 时. */
function alternative(s: Statement): Intent | undefined {
  const shape = s.shape.replace(/[:：。]\s*$/, '');
  if (LABEL_RE.test(shape) || (shape === VALUE && s.marks.length === 1) || CONDITION_LABEL.test(s.shape))
    return { kind: 'alternative' };
  return undefined;
}

const FIELD_LEAD = re(`^(?:其中|另外|此外|而|以及|${POINTER}(?:为|是)?)?\\s*[，,]?\\s*$`);
const ABOUT_FIELD = /^\s*(?:不同)?(?:字段|的|对象|数组|列表|参数|中的?|里的?|每)/;
const OPENS = re(`(?:${POINTER})\\s*[:：]?\\s*$|[:：]\\s*$`);
const EACH_RE = re(EACH);

/**
 * A sentence that opens with a field in inline code and speaks of it:
 *
 *     其中 `sender` 字段的内容如下：        → { path: ['sender'], opens: true, each: false }
 *     `students` 的每个元素如下：           → { path: ['students'], opens: true, each: true }
 *     `status` 字段的内容和 … 相同。        → { path: ['status'], opens: false, … }  (about the field)
 */
export function fieldStatement(s: Statement): { path: string[]; opens: boolean; each: boolean } | undefined {
  const first = s.marks[0];
  if (first?.kind !== 'field' || !FIELD_LEAD.test(s.shape.slice(0, first.at))) return undefined;
  const after = s.shape.slice(first.at + 1);
  if (!ABOUT_FIELD.test(after)) return undefined;
  const opens = OPENS.test(after) && !isConditional(after) && fieldsOf(s).length === 1;
  return { path: first.name.split('.'), opens, each: EACH_RE.test(after) };
}
