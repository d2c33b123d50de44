/**
 * Event listeners by key prefix. An event's key (`notice.notify.poke`) reaches the listeners on every
 * leading part of it: `notice`, `notice.notify`, `notice.notify.poke`, then those on `'*'`.
 *
 * The types mirror that: with `E = { 'message.group': G; 'message.private': P; 'notice.notify.poke': K }`,
 * `EventPrefix<E>` is `'message' | 'message.group' | … | 'notice' | 'notice.notify' | 'notice.notify.poke'`
 * and `EventOfPrefix<E, 'message'>` is `G | P`.
 */
import type { EventFrame, EventSource } from './transport.js';

/** `a.b.c` → `a` | `a.b` | `a.b.c`. */
type PrefixesOf<K extends string> = K extends `${infer Head}.${infer Rest}` ? Head | `${Head}.${PrefixesOf<Rest>}` : K;

/** Every event key of `E` and every leading dotted part of one. */
export type EventPrefix<E> = { [K in keyof E & string]: PrefixesOf<K> }[keyof E & string];

/** The union of `E[N]` for every key N that is `K` or starts with `K.`. */
export type EventOfPrefix<E, K extends string> = {
  [N in keyof E & string]: N extends K | `${K}.${string}` ? E[N] : never;
}[keyof E & string];

/** What a listener learns besides the event: its key (undefined when `eventKey` could not tell) and the bot. */
export interface EventContext {
  readonly key: string | undefined;
  /** The bot's QQ number when the transport knows it (reverse WebSocket, or the event's `self_id`). */
  readonly selfId: number | undefined;
}

/** A listener may be async; a rejected promise is reported like a throw. */
export type EventListener<T> = (event: T, context: EventContext) => unknown;

/** Subscribes to every event, whatever its key, as the raw frame. */
export const ANY_EVENT = '*';

/**
 * The key of an event from its fields alone: `post_type`, then `.{post_type}_type`, then `.sub_type`
 * when those are strings (`message.group.normal`). Generated code passes the implementation's own
 * `eventKey`, which knows the documented keys; this is the fallback when none is given.
 */
export function structuralEventKey(event: { readonly post_type: string }): string {
  const fields = event as unknown as Readonly<Record<string, unknown>>;
  const detail = fields[`${event.post_type}_type`];
  if (typeof detail !== 'string') return event.post_type;
  const sub = fields['sub_type'];
  return typeof sub === 'string' ? `${event.post_type}.${detail}.${sub}` : `${event.post_type}.${detail}`;
}

/**
 * Listener sets by prefix and the fan-out to them. A listener that throws or rejects goes to `onError`
 * and the others still run.
 */
export class EventRouter {
  readonly #byPrefix = new Map<string, Set<EventListener<EventFrame>>>();
  /** `notice.notify.poke` → its prefixes, computed once per distinct key. */
  readonly #prefixCache = new Map<string, readonly string[]>();

  constructor(
    private readonly eventKey: (event: EventFrame) => string | undefined,
    private readonly onError: (error: unknown, event: EventFrame) => void,
  ) {}

  /** Adds `listener` under `prefix` (or `'*'`); returns the function that removes it. */
  add(prefix: string, listener: EventListener<EventFrame>): () => void {
    const entry: EventListener<EventFrame> = (event, context) => listener(event, context);
    let set = this.#byPrefix.get(prefix);
    if (!set) this.#byPrefix.set(prefix, (set = new Set()));
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.#byPrefix.get(prefix) === set) this.#byPrefix.delete(prefix);
    };
  }

  /** Listeners subscribed under all prefixes. */
  get size(): number {
    let size = 0;
    for (const set of this.#byPrefix.values()) size += set.size;
    return size;
  }

  /**
   * Delivers `event` to the listeners of each prefix of its key, then to `'*'`. An event whose key
   * `eventKey` cannot tell (undefined, or it threw) goes to the listeners on its bare `post_type`.
   */
  dispatch(event: EventFrame, source: EventSource): void {
    let key: string | undefined;
    try {
      key = this.eventKey(event);
    } catch (error) {
      this.onError(error, event);
    }
    const context: EventContext = { key, selfId: source.selfId };
    for (const prefix of key === undefined ? [event.post_type] : this.#prefixes(key)) this.#run(prefix, event, context);
    this.#run(ANY_EVENT, event, context);
  }

  #prefixes(key: string): readonly string[] {
    let prefixes = this.#prefixCache.get(key);
    if (!prefixes) {
      const parts = key.split('.');
      prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
      // Keys come from a bounded vocabulary, but a structural key copies server strings: keep the cache bounded.
      if (this.#prefixCache.size < 1024) this.#prefixCache.set(key, prefixes);
    }
    return prefixes;
  }

  #run(prefix: string, event: EventFrame, context: EventContext): void {
    const set = this.#byPrefix.get(prefix);
    if (!set) return;
    for (const listener of set) {
      try {
        const result = listener(event, context);
        if (isThenable(result)) result.then(undefined, (error: unknown) => this.onError(error, event));
      } catch (error) {
        this.onError(error, event);
      }
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
