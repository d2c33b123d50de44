/**
 * A small hand-written slice of what the generator emits for an implementation (`Actions`, `EventMap`,
 * `eventKey`), so the client tests and type tests do not depend on generated output.
 */
export interface LoginInfo {
  user_id: number;
  nickname: string;
}
export interface SendMsgParams {
  message: string;
  user_id?: number;
  group_id?: number;
}
export interface GetCookiesParams {
  domain?: string;
}

export interface Actions {
  get_login_info: { params: Record<string, never>; response: LoginInfo };
  get_cookies: { params: GetCookiesParams; response: { cookies: string } };
  send_msg: { params: SendMsgParams; response: { message_id: number } };
  clean_cache: { params: Record<string, never>; response: null };
  set_restart: { params: { delay?: number }; response: null };
  get_status: { params: Record<string, never>; response: { online: boolean } };
}

interface EventBase {
  time?: number;
  self_id?: number;
}
export interface GroupMessageEvent extends EventBase {
  post_type: 'message';
  message_type: 'group';
  group_id: number;
}
export interface PrivateMessageEvent extends EventBase {
  post_type: 'message';
  message_type: 'private';
  user_id: number;
}
export interface PokeEvent extends EventBase {
  post_type: 'notice';
  notice_type: 'notify';
  sub_type: 'poke';
  target_id: number;
}
export interface HeartbeatEvent extends EventBase {
  post_type: 'meta_event';
  meta_event_type: 'heartbeat';
}

export interface EventMap {
  'message.group': GroupMessageEvent;
  'message.private': PrivateMessageEvent;
  'notice.notify.poke': PokeEvent;
  'meta_event.heartbeat': HeartbeatEvent;
}

const EVENT_NAMES: readonly string[] = [
  'message.group',
  'message.private',
  'notice.notify.poke',
  'meta_event.heartbeat',
];

/** As generated: the longest documented key that fits the event, or undefined. */
export function eventKey(event: { readonly post_type: string }): keyof EventMap | undefined {
  const fields = event as unknown as Readonly<Record<string, unknown>>;
  const detail = `${event.post_type}.${String(fields[`${event.post_type}_type`])}`;
  const candidates = [`${detail}.${String(fields['sub_type'])}`, detail, event.post_type];
  return candidates.find((k): k is keyof EventMap => EVENT_NAMES.includes(k));
}
