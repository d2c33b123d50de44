/**
 * What the generated code costs its users' compiler: `tsc --noEmit` as a fresh process over the
 * types generated from the docs (`--artefacts types`: what the target is about), over everything
 * generated (client, server and runtime too), and over a consumer file that imports it, against tsc
 * over an empty file with the same options (the cost of tsc itself, its lib and @types/node).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCommand, nodeCommand, ratio, ROOT, run, stats, tempDir } from './measure.js';
import type { Row, Section } from './report.js';

const OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  types: ['node'],
  typeRoots: [path.join(ROOT, 'node_modules/@types')],
};

/** A consumer as an app writes it: action names, params and responses through the namespaces. */
const CONSUMER = `import type { napcat, onebot11 } from './out/index.js';
export const names: readonly onebot11.ActionName[] = ['get_login_info'];
export function user(r: onebot11.ResponseOf<'get_login_info'>): number { return r.user_id; }
export type Everything = { [A in napcat.ActionName]: [napcat.ParamsOf<A>, napcat.ResponseOf<A>] };
`;

export async function tscSection(docsDir: string, label: string, runs: number): Promise<Section> {
  // Inside the project, so the generated runtime resolves its packages (ws, ajv) as in a bot project.
  const dir = await tempDir('tsc', path.join(ROOT, 'node_modules/.cache'));
  await run(await generateCommand(['--docs', docsDir, '--out', path.join(dir, 'out')]));
  await run(await generateCommand(['--docs', docsDir, '--out', path.join(dir, 'types'), '--artefacts', 'types']));
  await mkdir(path.join(dir, 'empty'), { recursive: true });
  await writeFile(path.join(dir, 'empty/empty.ts'), 'export {};\n');
  await writeFile(path.join(dir, 'consumer.ts'), CONSUMER);
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  const configs = {
    empty: { compilerOptions: OPTIONS, files: ['empty/empty.ts'] },
    types: { compilerOptions: OPTIONS, include: ['types/**/*.ts'], exclude: ['types/dist'] },
    generated: { compilerOptions: OPTIONS, include: ['out/**/*.ts'], exclude: ['out/dist'] },
    consumer: { compilerOptions: OPTIONS, files: ['consumer.ts'] },
  };
  for (const [name, config] of Object.entries(configs))
    await writeFile(path.join(dir, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const samples: Record<string, number[]> = { empty: [], types: [], generated: [], consumer: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(samples)) {
      const sample = await run(nodeCommand(tsc, ['-p', path.join(dir, `tsconfig.${name}.json`)]), dir);
      if (sample.code !== 0) throw new Error(`tsc ${name} failed:\n${sample.stdout}${sample.stderr}`);
      samples[name]!.push(sample.wallMs);
    }
  }
  const empty = stats(samples.empty!);
  const types = stats(samples.types!);
  const generated = stats(samples.generated!);
  const consumer = stats(samples.consumer!);
  const typesRatio = ratio(types, empty);
  const rows: Row[] = [
    { name: 'tsc --noEmit, an empty program', ...empty, unit: 'ms' },
    {
      name: `tsc --noEmit, the types generated from ${label}`,
      ...types,
      unit: 'ms',
      ratio: { ...typesRatio, of: 'empty' },
      target: { text: '≤ 2×', met: typesRatio.median <= 2 },
    },
    {
      name: `tsc --noEmit, everything generated from ${label} (client, server, runtime too)`,
      ...generated,
      unit: 'ms',
      ratio: { ...ratio(generated, empty), of: 'empty' },
    },
    {
      name: 'tsc --noEmit, a consumer file importing it',
      ...consumer,
      unit: 'ms',
      ratio: { ...ratio(consumer, empty), of: 'empty' },
    },
  ];
  return { title: `Type-checking the generated code (${runs} fresh tsc processes each)`, rows, raw: samples };
}
