/**
 * The construct-handler table every section kind uses: one handler per mdast node type, or an
 * explicit `'ignore'`. What a table does not list is the caller's to report.
 */
import type { RootContent } from 'mdast';
import type { BuildState } from './state.js';

export type Handler<D, N> = (state: BuildState, draft: D, node: N) => void;

export type HandlerTable<D> = {
  [K in RootContent['type']]?: Handler<D, Extract<RootContent, { type: K }>> | 'ignore';
};

/** Runs the node's handler; false when the table does not know the node type. */
export function dispatch<D>(table: HandlerTable<D>, state: BuildState, draft: D, node: RootContent): boolean {
  const handler = table[node.type] as Handler<D, RootContent> | 'ignore' | undefined;
  if (handler === undefined) return false;
  if (handler !== 'ignore') handler(state, draft, node);
  return true;
}
