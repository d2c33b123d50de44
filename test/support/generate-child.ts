/**
 * Run by tests as a separate process: `node --import tsx generate-child.ts DOCS [reverse]` prints the
 * generated files as JSON (`[[path, text], …]`). With `reverse`, the pages are handed to the
 * pipeline in reverse order, so a test can prove the output depends on neither order nor cwd.
 */
import { generateFromDocs } from '../../generator/generate.js';
import { readDocs } from '../../generator/parse/read-docs.js';

const [docsDir, order] = process.argv.slice(2);
const docs = await readDocs(docsDir!);
const { files } = await generateFromDocs(order === 'reverse' ? [...docs].reverse() : docs);
process.stdout.write(JSON.stringify([...files]));
