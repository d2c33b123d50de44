/**
 * Documented examples that do not fit the types their own tables state: doc inconsistencies, kept
 * as data with the reason, per docs folder. The export tests assert this list exactly, so a new
 * inconsistency (or one the docs fixed) fails until the list is updated.
 *
 * Key: `<example file:line> <implementation> <action> <request|response>` (see `caseKey`).
 */
const BOT_PAGE: readonly (readonly [string, string])[] = [
  [
    'api/bot.md:1157 napcat get_robot_uin_range response',
    'the table says `minUin` is a number; the example has a string',
  ],
  [
    'api/bot.md:655 napcat set_qq_profile response',
    'the docs say there is no response data; the NapCat example has some',
  ],
  [
    'api/bot.md:426 lagrange get_version_info response',
    'the table lists `nt_protocol` as always present; the Lagrange example leaves it out',
  ],
];

const CORPUS_ONLY: readonly (readonly [string, string])[] = [
  ['api/friend.md:141 onebot11 get_friend_list request', 'the docs say there are no params; the example sends one'],
  ['api/friend.md:141 gocq get_friend_list request', 'the docs say there are no params; the example sends one'],
  ['api/friend.md:141 lagrange get_friend_list request', 'the docs say there are no params; the example sends one'],
  [
    'api/friend.md:151 napcat get_friend_list response',
    'the NapCat table lists birthday fields as always present; the example entries leave them out',
  ],
  [
    'api/friend.md:165 lagrange get_friend_list response',
    'the Lagrange table lists `q_id` as always present; the example entries leave it out',
  ],
  [
    'api/friend.md:262 gocq get_unidirectional_friend_list response',
    'the table names the account field `user_id`; the example entries use another name',
  ],
  [
    'api/file.md:434 napcat create_group_file_folder request',
    'the NapCat table requires `folder_name`; the example sends the folder under another key',
  ],
];

/** Known inconsistencies of a docs folder (by its name: `docs-src`, `onebot-11-docs`): key → reason. */
export function knownDocInconsistencies(folder: string): Map<string, string> {
  const rows = folder === 'docs-src' ? BOT_PAGE : [...BOT_PAGE, ...CORPUS_ONLY];
  return new Map(rows.map(([key, reason]) => [`${folder}/${key}`, reason]));
}

/**
 * Examples the JSON Schema accepts only because it leaves objects open, which quicktype's stricter
 * Python classes (one class per array, every field checked) reject: doc inconsistencies too.
 */
const PYTHON_ONLY: readonly (readonly [string, string])[] = [
  [
    'api/bot.md:1253 napcat get_recent_contact response',
    'the latest message fills `post_type` and `message_type` with placeholder strings instead of event literals',
  ],
];

/** Known Python decoding failures of a docs folder beyond `knownDocInconsistencies`: key → reason. */
export function knownPythonFailures(folder: string): Map<string, string> {
  const rows = folder === 'docs-src' ? [] : PYTHON_ONLY;
  return new Map(rows.map(([key, reason]) => [`${folder}/${key}`, reason]));
}
