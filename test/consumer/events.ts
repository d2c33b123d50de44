/**
 * A bot developer's file against a docs folder's `common/events.ts`, placed at the output's root:
 * events by key, a switch over every post_type, quick operations, the runtime's eventKey. Every
 * line marked `@ts-expect-error` must fail to compile. Compiled against the corpus's output by
 * test/e2e/compile.test.ts.
 */
export const EVENTS_CONSUMER = `import { type EventOf, eventKey, type OneBotEvent, type QuickOperationOf } from './common/events.js';

export function groupOf(event: EventOf<'message.group'>): number {
  // @ts-expect-error a group message has no notice_type
  void event.notice_type;
  return event.group_id;
}

export function describeEvent(event: OneBotEvent): string {
  switch (event.post_type) {
    case 'message':
      return event.message_type === 'group' ? \`group \${event.group_id}\` : \`user \${event.user_id}\`;
    case 'notice':
      return event.notice_type;
    case 'request':
      return event.request_type;
    case 'meta_event':
      return event.meta_event_type;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export const pokes: EventOf<'notice.notify'>['sub_type'][] = ['poke', 'lucky_king', 'honor'];
export const answer: QuickOperationOf<'message.group'> = { reply: [{ type: 'text', data: { text: 'hi' } }], ban: true };
// @ts-expect-error friend requests cannot be answered with a reply
export const wrong: QuickOperationOf<'request.friend'> = { reply: 'hi' };
const wire = { post_type: 'notice', notice_type: 'notify', sub_type: 'poke', group_id: 1 };
export const key: 'notice.notify.poke' | string | undefined = eventKey(wire);
`;
