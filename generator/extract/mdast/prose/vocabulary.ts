/**
 * The small vocabulary the intent readers match around markers (see `statement.ts`). Each entry is
 * a regular-expression source, so readers compose them; every word the docs use for one idea sits
 * in one list here, and a new synonym is one edit.
 */
import type { TypeRef } from '../../../model/types.js';
import { FIELD, IMPL, LINK, TYPE, VALUE } from './statement.js';

export { FIELD, IMPL, LINK, TYPE, VALUE };

/** What a params part is called: 参数, 请求参数, 入参. */
export const PARAMS_NOUN = '(?:请求)?(?:参数|入参|输入参数)';
/** What a response part is called: 响应数据, 返回值, 返回内容, 出参. */
export const RESPONSE_NOUN = '(?:(?:响应|返回|回复|回应)(?:数据|值|内容|结果|体)?|出参|返回结果)';
/** The body as the subject of a sentence: 响应内容为…, 返回的是…, 结果是…. */
export const SUBJECT = '(?:响应|返回|回复|回应|结果|输出)(?:的)?(?:内容|数据|值|体|结果)?';
/** Saying something is not there: 没有, 无, 无需, 不需要, 不返回. */
export const NEGATION = '(?:没有|无需|无须|不需要|不需|不用|不必|不带|不含|不接受|不接收|不返回|暂无|无|没)';
/** Between the negation and the noun: 任何, 额外的, 传入. */
export const NEGATION_FILL = '(?:传入|传递|提供|携带|填写|返回)?\\s*(?:任何|额外的?|其他的?|其它的?)?';
/** A copula or list marker between a subject and what it is. */
export const COPULA = '(?:为|是|返回|[:：])';
/** Counting words before a noun: 一个, 一组. */
export const QUANTITY = '(?:一个|一组|一串|一条|一列|单个|一段)';
export const ARRAY_WORD = '(?:数组|列表|array|list)';
/** Every element of an array: 每个元素, 每一项, 每条记录. */
export const EACH = '(?:每一?个(?:元素|成员|对象|项|条目)?|每一?项|每条(?:记录|数据)?|所有(?:元素|成员|项))';
/** A pointer at what follows: 如下, 见下表, 以下. */
export const POINTER = '(?:如下|见下表|下表|以下|下列|下面|下述|如下所示)';

/** Scalar type words written without code. */
const SCALAR_WORDS: readonly (readonly [RegExp, TypeRef])[] = [
  [/^(?:字符串|文本|string|str)$/i, { kind: 'string' }],
  [/^(?:整数|整型|数字|数值|浮点数|小数|number|integer|int|int32|int64|long)$/i, { kind: 'number' }],
  [/^(?:布尔值?|boolean|bool)$/i, { kind: 'boolean' }],
  [/^null$/i, { kind: 'null' }],
];
/** A scalar type named in words or in code (the code marker). */
export const SCALAR = `(?:${TYPE}|字符串|文本|整数|整型|数字|数值|浮点数|小数|布尔值?|string|str|number|integer|int(?:32|64)?|long|boolean|bool|null)(?![A-Za-z])`;

/** The TypeRef of a scalar word (the code marker's type is read from its mark instead). */
export function scalarWord(word: string): TypeRef | undefined {
  return SCALAR_WORDS.find(([re]) => re.test(word))?.[1];
}

/** Words that make a statement conditional: it describes a case, not the part. */
const CONDITIONAL = /如果|若|假如|倘若|的话|否则|除非|情况下|当.{0,24}?时/;
/** `时` as "when", not inside 时间, 同时, 实时, 小时…. */
const WHEN = /(?<![同实及暂临准按定小即])时(?![间刻长区效])/;

export function isConditional(shape: string): boolean {
  return CONDITIONAL.test(shape) || WHEN.test(shape);
}

/** A statement that repeats what the table says (同样是 `number`): it changes nothing. */
export const LIKEWISE = /同样|也是|也为|一样|相同|一致|同上|亦/;

/** Effects on a param or field, with the side of the name the verb stands on. */
export const REMOVE_AFTER =
  '(?:无效|不生效|失效|没有?(?:任何)?(?:效果|作用|用)|无(?:任何)?(?:效果|作用)|不起(?:任何)?作用|被忽略|会被忽略|(?:已|被|已被)?废弃|已弃用|不支持|不可用|不存在|未实现|不被使用|没有被?使用)';
export const REMOVE_BEFORE = '(?:忽略(?:掉)?|不支持|不再支持|移除了?|删除了?|去掉了?|废弃了?|没有|无|不使用|不接受)';
export const OPTIONAL_WORDS =
  '(?:非必[须需选填要]|不是必[须需选填要]的?|不必[须填传]?|可选|选填|可以?不[传填]|可省略|可缺省|可为空)';
export const REQUIRE_WORDS =
  '(?:必选|必填|必需|必要|必传|必须(?:提供|传入?|填写?|指定|给出|携带|带上)?(?![为是在先要大小等])|不(?:能|可|得)(?:省略|缺省|为空|留空|不传))';
export const TYPE_STATEMENT = `(?:(?:必须|只能|应该?|需要?|一定)(?:为|是)|(?:的)?类型(?:必须|应该?|只能)?(?:为|是)|仅(?:支持|接受)|只(?:支持|接受))`;
export const ADD_BEFORE =
  '(?:多(?:一个|了一?个?|出一?个?)|新增(?:了|一个)?|增加(?:了|一个)?|额外(?:有|的|返回|提供|支持|多)?|另有|还有|还会返回|还返回|还支持)';
export const FIELD_NOUN = '(?:参数|字段|属性|键|项)';

/** Body is given elsewhere: 见上方示例, 参考上面的响应示例. */
export const REFER_VERB = '(?:请?参考|请?参见|请?参照|详见|请?见|请看|查看|同|如|与|和|按)';
export const ABOVE = '(?:上方|上面|上文|前面|前文|以上|上述)';
export const EXAMPLE_NOUN = '(?:示例|例子|样例|范例)(?:数据)?';
export const EXAMPLE_ROLE = '(?:响应|请求|返回|参数)?';
/** Documented outside the page: 参考源码, 见 [apifox](…). */
export const ELSEWHERE = `(?:请?参考|请?参见|详见|请?见|请看|查看|参照|以)\\s*(?:${IMPL}\\s*(?:的)?\\s*)?(?:${LINK}|源码|源代码|代码|实现代码|官方文档|接口文档|文档|apifox|链接)`;

/** Extends the base table: 在上表基础上, 额外返回以下字段, 新增下列参数. */
export const EXTEND = [
  '在(?:上表|上述表格?|上面的表格?|此|标准|基础表|原表|原有)的?基础上',
  '除(?:上表|上述|此|以上)(?:字段|参数)?(?:之外|外)',
  '(?:额外|新增|增加|另外|拓展|扩展|还|多)(?:了|出)?(?:会)?(?:返回|提供|支持|包含|有)?(?:以下|下列|如下|下面)?的?(?:字段|参数)',
  '(?:以下|下列|下面)的?(?:字段|参数)(?:为|是)(?:额外|新增|扩展|拓展)',
].join('|');

/** Scope words that tie what follows to one implementation: 仅 `X` 可用, 适用于 `X`, `X` 专用. */
export const SCOPE = '(?:仅|只|专用|独有|特有|适用|对于|针对|中|下|版本|的)';

/** Labels of alternative bodies: 方式一, 模板A, 情况 2. */
export const ALTERNATIVE_LABEL =
  '^(?:方式|模板|对象|情况|形式|格式|写法|版本|选项|方案|用法|场景|变体|结构|object|case|option|form)\\s*(?:[一二三四五六七八九十]+|\\d+|[A-Za-z]|[甲乙丙丁])(?![A-Za-z\\d])';

export const MARKS = { FIELD, IMPL, LINK, TYPE, VALUE };
