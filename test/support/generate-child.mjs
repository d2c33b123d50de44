/**
 * Run by tests as a separate process: `node generate-child.mjs DOCS [reverse]` prints the files the
 * compiled generator (`dist/`, rebuilt by the tests' global setup when a source is newer) makes of DOCS, as JSON
 * (`[[path, text], …]`). With `reverse`, the pages are handed to the pipeline in reverse order, so
 * a test can prove the output depends on neither order nor cwd nor a TypeScript loader.
 *
 * Sources only (no `package.json`, no compiled `dist/`): each twin is TypeScript's rendering of one
 * source file alone, so equal sources make equal twins, and compiling them again here would add a
 * third of the run for nothing the comparison can find.
 */
const { generateFromDocs } = await import('../../dist/generator/generate.js');
const { readDocs } = await import('../../dist/generator/parse/read-docs.js');

const [docsDir, order] = process.argv.slice(2);
const docs = await readDocs(docsDir);
const { files } = await generateFromDocs(order === 'reverse' ? [...docs].reverse() : docs, { package: false });
process.stdout.write(JSON.stringify([...files]));
