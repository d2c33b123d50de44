/**
 * The standard quick operations as ordinary action calls, so an implementation gets them applied
 * through its own handlers without writing anything:
 *
 *   message (private)  reply, auto_escape             → send_msg
 *   message (group)    reply, auto_escape, at_sender  → send_msg (an `at` of the sender first, default on)
 *                      delete                         → delete_msg
 *                      kick                           → set_group_kick   (not for anonymous senders)
 *                      ban, ban_duration (s, 1800)    → set_group_ban, or set_group_anonymous_ban
 *   request (friend)   approve, remark                → set_friend_add_request
 *   request (group)    approve, reason                → set_group_add_request
 *
 * Fields that are absent ask for nothing, as the docs say; other events yield no calls.
 */
import { parseCQString } from '../cq-code.js';
import type { JsonObject } from './types.js';

/** One call that applies (part of) a quick operation. */
export interface QuickOperationCall {
  readonly action: string;
  readonly params: Record<string, unknown>;
}

/** Default `ban_duration`, seconds (30 minutes). */
export const DEFAULT_BAN_DURATION_S: number = 30 * 60;

/** The calls that apply `operation` to `event`, in the order they should run (reply first). */
export function quickOperationCalls(event: JsonObject, operation: JsonObject): QuickOperationCall[] {
  if (event['post_type'] === 'message') return messageCalls(event, operation);
  if (event['post_type'] === 'request') return requestCalls(event, operation);
  return [];
}

function messageCalls(event: JsonObject, op: JsonObject): QuickOperationCall[] {
  const calls: QuickOperationCall[] = [];
  const type = event['message_type'];
  const inGroup = type === 'group' || type === 'discuss';
  const anonymous = event['anonymous'] !== undefined && event['anonymous'] !== null;
  if (op['reply'] !== undefined && op['reply'] !== null) {
    const target =
      type === 'group'
        ? { group_id: event['group_id'] }
        : type === 'discuss'
          ? { discuss_id: event['discuss_id'] }
          : { user_id: event['user_id'] };
    const atSender = inGroup && op['at_sender'] !== false && !anonymous;
    const message = atSender ? withAt(event['user_id'], op['reply'], op['auto_escape'] === true) : op['reply'];
    const escape = !atSender && op['auto_escape'] !== undefined ? { auto_escape: op['auto_escape'] } : {};
    calls.push({ action: 'send_msg', params: { message_type: type, ...target, message, ...escape } });
  }
  if (type !== 'group') return calls;
  const group = { group_id: event['group_id'] };
  if (op['delete'] === true) calls.push({ action: 'delete_msg', params: { message_id: event['message_id'] } });
  if (op['kick'] === true && !anonymous) {
    calls.push({
      action: 'set_group_kick',
      params: { ...group, user_id: event['user_id'], reject_add_request: false },
    });
  }
  if (op['ban'] === true) {
    const duration = op['ban_duration'] ?? DEFAULT_BAN_DURATION_S;
    calls.push(
      anonymous
        ? { action: 'set_group_anonymous_ban', params: { ...group, anonymous: event['anonymous'], duration } }
        : { action: 'set_group_ban', params: { ...group, user_id: event['user_id'], duration } },
    );
  }
  return calls;
}

/** `[at sender, ' ', ...reply]` as segments; a CQ-code string reply is parsed unless `auto_escape`. */
function withAt(userId: unknown, reply: unknown, autoEscape: boolean): unknown[] {
  const at = [
    { type: 'at', data: { qq: String(userId) } },
    { type: 'text', data: { text: ' ' } },
  ];
  if (typeof reply === 'string') {
    return [...at, ...(autoEscape ? [{ type: 'text', data: { text: reply } }] : parseCQString(reply))];
  }
  return [...at, ...(Array.isArray(reply) ? reply : [reply])];
}

function requestCalls(event: JsonObject, op: JsonObject): QuickOperationCall[] {
  if (typeof op['approve'] !== 'boolean') return [];
  const approve = op['approve'];
  if (event['request_type'] === 'friend') {
    const remark = op['remark'] !== undefined ? { remark: op['remark'] } : {};
    return [{ action: 'set_friend_add_request', params: { flag: event['flag'], approve, ...remark } }];
  }
  if (event['request_type'] === 'group') {
    const reason = op['reason'] !== undefined ? { reason: op['reason'] } : {};
    const params = { flag: event['flag'], sub_type: event['sub_type'], approve, ...reason };
    return [{ action: 'set_group_add_request', params }];
  }
  return [];
}
