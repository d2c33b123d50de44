/** Requests to a helper thread and their answers, across a real MessageChannel. */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import { formatBatch } from '../generator/emit/format.js';
import { compileBatch } from '../generator/emit/targets/compiled.js';
import { answerHelp, type HelpAnswer, HelpLine, type HelpRequest } from '../generator/help.js';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) (c.port1.close(), c.port2.close());
});

/** A HelpLine on port1 whose requests are answered on port2 by answerHelp. */
function line(): HelpLine {
  const channel = new MessageChannel();
  channels.push(channel);
  const help = new HelpLine((request) => channel.port1.postMessage(request));
  channel.port1.on('message', (answer: HelpAnswer) => help.receive(answer));
  channel.port2.on('message', async (request: HelpRequest) => channel.port2.postMessage(await answerHelp(request)));
  return help;
}

test('format and compile requests are answered with what this thread computes, each by its id', async () => {
  const help = line();
  const statements = ['export   const a = "x"', 'export interface B {b:number}'];
  const files: [string, string][] = [['a.ts', '// @generated\nexport const probeHelp: number = 1;\n']];
  // Both in flight at once: the answers are matched by id, not by order.
  const [formatted, twins] = await Promise.all([help.format(statements), help.compile(files)]);
  expect(formatted).toEqual(await formatBatch(statements));
  expect(twins).toEqual(compileBatch(files));
});

test('an answer of the wrong kind is an error, not a silent empty result', async () => {
  const help = new HelpLine((request: HelpRequest) =>
    queueMicrotask(() => help.receive({ type: 'formatted', id: request.id, texts: [] })),
  );
  await expect(help.compile([['a.ts', 'export {};\n']])).rejects.toThrow('help: formatted answers a compile request');
});
