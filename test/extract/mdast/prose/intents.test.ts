/**
 * The intent reader (generator/extract/mdast/prose): each intent is read from MANY wordings of the
 * same statement, written for this test, and must NOT be read from sentences that only share words
 * with it. A row is one sentence (Markdown, inline code and links as the docs write them) and the
 * intents read from it, compactly:
 *
 *     empty:params  array  array:string  scalar:number  nested:teacher  nested:students[]
 *     variant:napcat  extend  remove:x@napcat,lagrange  require:x  optional:x  add:x  type:x=number
 *     example  example:response  example→napcat:body  elsewhere  alternative
 */
import type { PhrasingContent } from 'mdast';
import { parseMarkdown } from '../../../../generator/parse/processor.js';
import { type Intent, readStatement } from '../../../../generator/extract/mdast/prose/intents.js';
import { statementOf } from '../../../../generator/extract/mdast/prose/statement.js';
import type { TypeRef } from '../../../../generator/model/types.js';
import { type Row, table } from '../../../support/table.js';

function typeName(t: TypeRef): string {
  return t.kind === 'array' ? `${typeName(t.element)}[]` : t.kind;
}

function compact(i: Intent): string {
  switch (i.kind) {
    case 'empty':
      return i.part ? `empty:${i.part}` : 'empty';
    case 'array':
      return i.element ? `array:${typeName(i.element)}` : 'array';
    case 'scalar':
      return `scalar:${typeName(i.type)}`;
    case 'nested':
      return `nested:${i.path.join('.')}${i.each ? '[]' : ''}`;
    case 'variant':
      return `variant:${i.impl}`;
    case 'delta':
      return `${i.op}:${i.field}${i.type ? `=${typeName(i.type)}` : ''}${i.impls.length ? `@${i.impls.join(',')}` : ''}`;
    case 'example':
      return `example${i.target ? `→${i.target}` : ''}${i.part ? `:${i.part}` : ''}${i.examplesOnly ? '' : ':body'}`;
    default:
      return i.kind;
  }
}

/** The first paragraph of the Markdown, read. */
function read({ given }: { given: string }): string[] {
  const first = parseMarkdown(given).children[0];
  const children: PhrasingContent[] = first?.type === 'paragraph' ? first.children : [];
  return readStatement(statementOf(children)).intents.map(compact);
}

const intents = (title: string, rows: readonly Row<string, string[]>[]) => table(title, rows, read);

intents('empty: the part has no body', [
  ['bare 无', { given: '无', want: ['empty'] }],
  ['bare 无 with a full stop', { given: '无。', want: ['empty'] }],
  ['bare 没有', { given: '没有', want: ['empty'] }],
  ['不需要 + 任何 + 请求参数', { given: '该 API 不需要任何请求参数', want: ['empty:params'] }],
  ['无需参数, then more words', { given: '此接口无需参数即可调用', want: ['empty:params'] }],
  ['没有 + 响应数据', { given: '本 API 没有响应数据', want: ['empty:response'] }],
  ['不返回任何数据', { given: '调用后不返回任何数据', want: ['empty:response'] }],
  ['无返回值', { given: '无返回值', want: ['empty:response'] }],
  ['响应数据为空', { given: '响应数据为空', want: ['empty:response'] }],
  ['没有入参', { given: '这个接口没有入参', want: ['empty:params'] }],
  ['响应为 null', { given: '响应为 null', want: ['empty:response'] }],
  [
    'for one implementation (a tip naming it)',
    { given: '该 API 在 `NapCat` 中没有响应数据', want: ['empty:response', 'variant:napcat'] },
  ],
  ['not: a param without effect', { given: '`x` 参数无效', want: ['remove:x'] }],
  ['not: a noun that goes on (参数校验)', { given: '该接口没有参数校验，请自行检查', want: [] }],
  ['not: a condition', { given: '没有参数时返回全部好友', want: [] }],
  ['not: 无需 something else', { given: '无需登录即可调用', want: [] }],
  ['not: 如果 … 没有响应数据', { given: '如果没有响应数据，说明调用失败', want: [] }],
  ['not: 没有返回值的字段 (a modifier)', { given: '没有返回值的字段会被省略', want: [] }],
]);

intents('array: the body is an array', [
  ['响应内容为 JSON 数组，每个元素如下', { given: '响应内容为 JSON 数组，每个元素如下：', want: ['array'] }],
  ['返回一个数组', { given: '返回一个数组', want: ['array'] }],
  ['返回的是一个列表，每一项如下', { given: '返回的是一个列表，每一项如下', want: ['array'] }],
  ['对象数组', { given: '响应数据是对象数组', want: ['array'] }],
  ['array in English', { given: '结果为 array', want: ['array'] }],
  ['only 每个元素的字段如下', { given: '每个元素的字段如下：', want: ['array'] }],
  ['数组中每一项包含以下字段', { given: '数组中每一项包含以下字段', want: ['array'] }],
  ['words naming the array, then 每个元素', { given: '记录数组的每个元素：', want: ['array'] }],
  ['an array of a scalar word', { given: '返回一个字符串数组', want: ['array:string'] }],
  ['an array of numbers', { given: '响应为整数列表', want: ['array:number'] }],
  ['not: 列表 in a condition', { given: '如果列表为空，部分实现会返回 null', want: [] }],
  ['not: a field that is an array', { given: '`items` 为数组', want: [] }],
  ['not: 返回的列表 … 时', { given: '返回的列表为空时表示没有好友', want: [] }],
  ['not: a field note speaking of 数组', { given: '消息内容，数组中的消息段全部为 node 段', want: [] }],
  ['not: 列表 as a plain noun', { given: '注意列表可能很长', want: [] }],
]);

intents('scalar: the body is one value of a stated type', [
  ['响应为一个字符串', { given: '响应为一个字符串，即语音的 URL。', want: ['scalar:string'] }],
  ['类型为 `number` after 返回', { given: '返回当前机器人的 QQ 号，类型为 `number`', want: ['scalar:number'] }],
  ['返回值是 `boolean`', { given: '返回值是 `boolean`', want: ['scalar:boolean'] }],
  ['响应数据为整数', { given: '响应数据为整数，表示消息 ID', want: ['scalar:number'] }],
  ['返回一个 string', { given: '返回一个 string', want: ['scalar:string'] }],
  ['结果是布尔值', { given: '结果是布尔值', want: ['scalar:boolean'] }],
  ['a format in code', { given: '返回 `int64` 类型的时间戳', want: ['scalar:number'] }],
  ['成功后返回一个数字', { given: '调用成功后返回一个数字', want: ['scalar:number'] }],
  ['not: 同样 (it repeats the table)', { given: '返回值同样是 `number` 类型', want: [] }],
  ['not: a field must be a number', { given: '`duration` 必须为数字类型', want: ['type:duration=number'] }],
  ['not: a condition', { given: '如果返回字符串则表示失败', want: [] }],
  ['not: a field of the body', { given: '返回的数据中 `time` 为字符串', want: [] }],
  ['not: something inside the body', { given: '响应数据中的时间为数字', want: [] }],
]);

intents('nested: the next table types a named field', [
  ['其中 `x` 字段的内容如下', { given: '其中 `teacher` 字段的内容如下：', want: ['nested:teacher'] }],
  ['`x` 的每个元素如下', { given: '`students` 的每个元素如下：', want: ['nested:students[]'] }],
  ['`x` 对象的结构如下', { given: '`info` 对象的结构如下', want: ['nested:info'] }],
  ['另外，`x` 数组中每一项的字段如下', { given: '另外，`list` 数组中每一项的字段如下：', want: ['nested:list[]'] }],
  ['下表为 `x` 的字段', { given: '下表为 `owner` 的字段：', want: ['nested:owner'] }],
  ['a dotted path', { given: '`a.b` 字段说明：', want: ['nested:a.b'] }],
  ['`x` 列表的每个成员如下', { given: '`members` 列表的每个成员如下', want: ['nested:members[]'] }],
  ['见下表', { given: '`group` 字段的格式见下表', want: ['nested:group'] }],
  ['not: the same as another response', { given: '`status` 字段的内容和 `get_status` 的响应相同。', want: [] }],
  ['not: the field is a string', { given: '`x` 字段的内容为 JSON 字符串', want: [] }],
  ['not: a condition', { given: '如果 `x` 不为空，其内容如下：', want: [] }],
  ['not: two fields', { given: '`a` 和 `b` 字段的内容如下：', want: [] }],
]);

intents('variant: what follows belongs to one implementation', [
  ['以下参数仅 `X` 可用', { given: '以下参数仅 `NapCat` 可用', want: ['variant:napcat'] }],
  ['下表适用于`X`', { given: '下表适用于`Lagrange`', want: ['variant:lagrange'] }],
  ['`X` 专用', { given: '`NapCat` 专用', want: ['variant:napcat'] }],
  ['为`X`独有', { given: '为`Lagrange`独有', want: ['variant:lagrange'] }],
  ['a bare implementation word', { given: '仅 NapCat 支持下列字段', want: ['variant:napcat'] }],
  ['对于 `go-cqhttp`', { given: '对于 `go-cqhttp`，结构如下', want: ['variant:gocq'] }],
  ['only the name', { given: '`NapCat`', want: ['variant:napcat'] }],
  ['在 `X` 中', { given: '在 `Lagrange` 中', want: ['variant:lagrange'] }],
  ['not: two implementations', { given: '`NapCat` 和 `Lagrange` 都支持', want: [] }],
  ['not: a field of one implementation', { given: '`NapCat` 的 `color` 参数没有作用', want: ['remove:color@napcat'] }],
  [
    'not: a pointer at another body',
    { given: '请参考上方 `NapCat` 的响应数据', want: ['example→napcat:response:body'] },
  ],
  ['not: every implementation', { given: '以下参数适用于所有实现', want: [] }],
]);

intents('extend: the table adds to the base', [
  ['在上表基础上额外返回以下字段', { given: '在上表基础上额外返回以下字段', want: ['extend'] }],
  ['额外返回下列字段', { given: '额外返回下列字段', want: ['extend'] }],
  ['新增以下参数', { given: '新增以下参数', want: ['extend'] }],
  ['除上表字段外', { given: '除上表字段外，还有：', want: ['extend'] }],
  ['此外还会返回以下字段', { given: '此外还会返回以下字段', want: ['extend'] }],
  ['拓展字段如下', { given: '拓展字段如下', want: ['extend'] }],
  ['在此基础上增加了以下参数', { given: '在此基础上增加了以下参数', want: ['extend'] }],
  ['下列字段为新增', { given: '下列字段为新增', want: ['extend'] }],
  ['not: one named field (that is add)', { given: '多一个 `x` 字段', want: ['add:x'] }],
  ['not: a variant that replaces', { given: '以下参数仅 `NapCat` 可用', want: ['variant:napcat'] }],
  ['not: a pointer at the table', { given: '字段说明见下表', want: [] }],
  ['not: 额外 before something else', { given: '额外说明：此接口较慢', want: [] }],
]);

intents('delta: a param or field changes', [
  ['remove: 参数无效', { given: '`message_seq` 参数无效', want: ['remove:message_seq'] }],
  [
    'remove: two implementations, verb at the end',
    { given: '参数 `notify` 在 `NapCat` 和 `Lagrange` 中都不生效', want: ['remove:notify@napcat,lagrange'] },
  ],
  ['remove: 忽略 before the field', { given: '`Lagrange` 会忽略 `keep_old` 参数', want: ['remove:keep_old@lagrange'] }],
  ['remove: 没有作用', { given: '`NapCat` 的 `color` 参数没有作用', want: ['remove:color@napcat'] }],
  ['remove: 被废弃', { given: '`busid` 在 `NapCat` 中被废弃', want: ['remove:busid@napcat'] }],
  ['remove: a list of fields', { given: '`a`、`b` 参数无效', want: ['remove:a', 'remove:b'] }],
  ['remove: 不支持 before the field', { given: '不支持 `x` 参数', want: ['remove:x'] }],
  ['remove: 不起作用', { given: '`x` 字段不起作用', want: ['remove:x'] }],
  ['require: 为必选', { given: '`count` 为必选', want: ['require:count'] }],
  ['require: 必须提供', { given: '必须提供 `count` 参数', want: ['require:count'] }],
  ['require: 必填', { given: '`count` 必填', want: ['require:count'] }],
  ['require: 不能省略', { given: '`count` 参数不能省略', want: ['require:count'] }],
  ['optional: 为可选', { given: '`id` 为可选', want: ['optional:id'] }],
  ['optional: 非必填 (not 必填)', { given: '`id` 非必填', want: ['optional:id'] }],
  ['optional: 二选一', { given: '`x` 与 `y` 二选一', want: ['optional:x', 'optional:y'] }],
  ['optional: 可以不传', { given: '`x` 可以不传', want: ['optional:x'] }],
  [
    'type: 必须为数字类型 (not required)',
    { given: '`duration` 必须为数字类型，传入字符串会直接报错', want: ['type:duration=number'] },
  ],
  ['type: 的类型为 `string`', { given: '`x` 的类型为 `string`', want: ['type:x=string'] }],
  ['type: 只能是布尔值', { given: '`x` 只能是布尔值', want: ['type:x=boolean'] }],
  ['type: 是 number 类型', { given: '`user_id` 是 number 类型', want: ['type:user_id=number'] }],
  [
    'add and remove in two clauses',
    {
      given: '`message_seq` 参数无效，多一个 `message_id` 字段，表示起始消息 ID',
      want: ['remove:message_seq', 'add:message_id'],
    },
  ],
  ['add: 新增', { given: '新增 `extra` 参数', want: ['add:extra'] }],
  ['add: 额外返回', { given: '额外返回 `qage` 字段', want: ['add:qage'] }],
  ['add: 还有', { given: '还有 `tag` 字段', want: ['add:tag'] }],
  ['not: a value constraint (必须为正数)', { given: '`x` 必须为正数', want: [] }],
  ['not: a condition', { given: '`x` 为空时无效', want: [] }],
  ['not: 无效 of something else', { given: '`x` 传入无效值会报错', want: [] }],
  ['not: 同样 (it repeats the table)', { given: '`csrf_token` 同样是 `number` 类型', want: [] }],
  ['not: 情况下', { given: '在不提供 `folder` 参数的情况下默认上传到根目录', want: [] }],
  ['not: 仅支持 a value', { given: '`file` 仅支持 `文件路径` 一种方式', want: [] }],
  ['not: 增加 a value', { given: '增加 `x` 的值可以提高速度', want: [] }],
  ['not: 必须先调用', { given: '必须先调用 `login`', want: [] }],
]);

intents('example: the body is given by an example or another body', [
  ['见上方示例', { given: '返回结构见上方示例', want: ['example'] }],
  ['参考上面的响应示例', { given: '参考上面的响应示例', want: ['example:response'] }],
  ['请参考上方 `X` 的响应数据', { given: '请参考上方 `NapCat` 的响应数据', want: ['example→napcat:response:body'] }],
  ['见示例', { given: '见示例', want: ['example'] }],
  ['详见上文请求示例', { given: '详见上文请求示例', want: ['example:params'] }],
  ['与 `X` 相同', { given: '与 `Lagrange` 相同', want: ['example→lagrange:body'] }],
  ['以 … 示例为准', { given: '以上方 `NapCat` 的示例为准', want: ['example→napcat'] }],
  ['同上方 X 的返回结构', { given: '同上方 NapCat 的返回结构', want: ['example→napcat:response:body'] }],
  ['not: the source code', { given: '参数请参考源码', want: ['elsewhere'] }],
  ['not: a field in the example', { given: '示例中的 `time` 为秒', want: [] }],
  ['not: a pointer at the table', { given: '见下表', want: [] }],
  ['not: the example disagrees', { given: '与示例不符的以表格为准', want: [] }],
  ['not: a link to examples', { given: '有关例子可从[这个链接](https://example.com/x)找到', want: [] }],
]);

intents('elsewhere: documented outside the page', [
  ['参数请参考源码', { given: '该 API 较为特殊，参数请参考源码', want: ['elsewhere'] }],
  ['参考 + a link', { given: '参考 [apifox](https://example.com/a)', want: ['elsewhere'] }],
  ['详见官方文档', { given: '详见官方文档', want: ['elsewhere'] }],
  ['请参见实现代码', { given: '请参见实现代码', want: ['elsewhere'] }],
  ['见 + a link', { given: '参数格式见 [这里](https://example.com/b)', want: ['elsewhere'] }],
  ['以源码为准', { given: '以源码为准', want: ['elsewhere'] }],
  ['请查看接口文档', { given: '请查看接口文档', want: ['elsewhere'] }],
  ['one implementation’s source', { given: '具体字段参考 go-cqhttp 源码', want: ['elsewhere'] }],
  ['not: the implementations’ notes', { given: '请参考 OneBot 实现的相关说明', want: [] }],
  ['not: an example', { given: '见上方示例', want: ['example'] }],
  ['not: one field’s values', { given: '`x` 的取值见文档', want: [] }],
  ['not: no pointer', { given: '源码中有注释', want: [] }],
]);

intents('alternative: one of several bodies', [
  ['模板A', { given: '模板A', want: ['alternative'] }],
  ['方式一 with words after', { given: '方式一：使用 URL', want: ['alternative'] }],
  ['a flag in code', { given: '`flag: true`', want: ['alternative'] }],
  ['当 `x` 为 `v` 时', { given: '当 `mode` 为 `a` 时', want: ['alternative'] }],
  ['对象2', { given: '对象2', want: ['alternative'] }],
  ['情况 3', { given: '情况 3', want: ['alternative'] }],
  ['写法B with a colon', { given: '写法B：', want: ['alternative'] }],
  ['`x` = `v` 时', { given: '`type` = `image` 时', want: ['alternative'] }],
  ['not: 方式 without an ordinal', { given: '方式很多，见下表', want: [] }],
  ['not: 模板 as a word', { given: '模板引擎已弃用', want: [] }],
  ['not: a condition on a field', { given: '`x` 为空时无效', want: [] }],
  ['not: an English word starting with option', { given: 'Optionally', want: [] }],
]);
