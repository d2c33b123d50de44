/**
 * The helper thread's side of the work the emitters share (emit/share.ts): requests to format
 * statements or compile twins, answered on whichever thread has the time. In a CLI run the worker
 * emits and the main thread answers (cli-run.ts); the answers are exactly what the asking thread
 * would have computed itself.
 *
 *     ask     { type: 'format', id, statements }      answer  { type: 'formatted', id, texts }
 *     ask     { type: 'compile', id, files }          answer  { type: 'compiled', id, twins }
 */
import type { CompileHelper, Twins } from './emit/targets/compiled.js';

export type HelpRequest =
  | { readonly type: 'format'; readonly id: number; readonly statements: readonly string[] }
  | { readonly type: 'compile'; readonly id: number; readonly files: readonly (readonly [string, string])[] };

export type HelpAnswer =
  | { readonly type: 'formatted'; readonly id: number; readonly texts: string[] }
  | { readonly type: 'compiled'; readonly id: number; readonly twins: Twins[] };

/**
 * The answer to `request`, computed on this thread. prettier and TypeScript are loaded on the
 * first request that needs them (see preloadHelp to load them earlier, when the thread is idle).
 */
export async function answerHelp(request: HelpRequest): Promise<HelpAnswer> {
  if (request.type === 'format') {
    const { formatBatch } = await import('./emit/format.js');
    return { type: 'formatted', id: request.id, texts: await formatBatch(request.statements) };
  }
  const { compileBatch } = await import('./emit/targets/compiled.js');
  return { type: 'compiled', id: request.id, twins: compileBatch(request.files) };
}

/** Loads what answerHelp needs (prettier, TypeScript), so that the first answer does not wait for it. */
export async function preloadHelp(): Promise<void> {
  const { loadPrettier } = await import('./emit/format.js');
  loadPrettier();
  await import('./emit/targets/compiled.js');
}

/** The asking side: sends requests with `send` and settles each when `receive` gets its answer. */
export class HelpLine {
  private readonly pending = new Map<number, (answer: HelpAnswer) => void>();
  private ids = 0;

  constructor(private readonly send: (request: HelpRequest) => void) {}

  /** Formatted statements, as formatBatch gives them. */
  readonly format = async (statements: readonly string[]): Promise<string[]> => {
    const answer = await this.ask((id) => ({ type: 'format', id, statements }));
    if (answer.type !== 'formatted') throw new Error(`help: ${answer.type} answers a format request`);
    return answer.texts;
  };

  /** Twins, as compileBatch gives them. */
  readonly compile: CompileHelper = async (files) => {
    const answer = await this.ask((id) => ({ type: 'compile', id, files }));
    if (answer.type !== 'compiled') throw new Error(`help: ${answer.type} answers a compile request`);
    return answer.twins;
  };

  /** An answer from the other thread. */
  receive(answer: HelpAnswer): void {
    this.pending.get(answer.id)?.(answer);
    this.pending.delete(answer.id);
  }

  private ask(request: (id: number) => HelpRequest): Promise<HelpAnswer> {
    const id = this.ids++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send(request(id));
    });
  }
}
