/**
 * `npm run generate`: the compiled CLI (dist/generator/cli.js), rebuilt first when a generator
 * source is newer than the last build, so an edit to the generator is never run stale.
 */
import { build, isStale } from './build.mjs';

if (isStale()) {
  process.stderr.write('onebot-codegen: generator sources changed; compiling to dist/ first\n');
  build();
}
const { main } = await import('../dist/generator/cli.js');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`onebot-codegen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
