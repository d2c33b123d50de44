/**
 * The key of a received event, as the generated events module names it (`EventMap`):
 * `post_type`, then the detail type, then `sub_type`, the longest key the docs describe.
 *
 *     eventKeyIn(names, { notice: 'notice_type' },
 *                { post_type: 'notice', notice_type: 'notify', sub_type: 'poke', … })   →  'notice.notify.poke'
 *     eventKeyIn(names, { message_sent: 'message_type' },
 *                { post_type: 'message_sent', message_type: 'group', … })             →  'message_sent.group'
 *
 * The detail type's field depends on the post_type (`message` → `message_type`, and
 * `message_sent`, the bot's own messages, → `message_type` too), so the caller passes the table
 * its docs give. Hand-written and copied verbatim into `generated/runtime/`; it imports nothing.
 */

/** post_type → the field whose value is the second part of the key (`meta_event` → `meta_event_type`). */
export type DetailFields = Readonly<Record<string, string>>;

/**
 * The longest of `post_type.detail.sub_type`, `post_type.detail` and `post_type` that `names` lists,
 * or undefined (an event the docs do not describe, or a value that is no event at all). Only string
 * values make a key; a post_type with no entry in `detailFields` is looked up by itself.
 */
export function eventKeyIn<K extends string>(
  names: readonly K[],
  detailFields: DetailFields,
  event: { readonly post_type: string },
): K | undefined {
  const fields = event as unknown as Readonly<Record<string, unknown>>;
  const postType = fields['post_type'];
  if (typeof postType !== 'string') return undefined;
  const candidates: string[] = [];
  const detailField = Object.prototype.hasOwnProperty.call(detailFields, postType) ? detailFields[postType] : undefined;
  const detail = detailField === undefined ? undefined : fields[detailField];
  if (typeof detail === 'string') {
    const sub = fields['sub_type'];
    if (typeof sub === 'string') candidates.push(`${postType}.${detail}.${sub}`);
    candidates.push(`${postType}.${detail}`);
  }
  candidates.push(postType);
  const known: readonly string[] = names;
  return candidates.find((k): k is K => known.includes(k));
}
