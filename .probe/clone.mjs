import v8 from 'node:v8';
const { readDocTree } = await import('../dist/generator/parse/read-docs.js');
const { buildModel } = await import('../dist/generator/generate.js');
const tree = await readDocTree('../shared/onebot-11-docs');
const { model } = buildModel(tree.docs);
for (let i = 0; i < 5; i++) { const t = performance.now(); const b = v8.serialize(model); const t1 = performance.now(); v8.deserialize(b); const t2 = performance.now(); console.log('bytes', b.length, 'ser', (t1-t).toFixed(1), 'de', (t2-t1).toFixed(1)); }
const out = new Map(); for (let i = 0; i < 173; i++) out.set('f' + i, 'x'.repeat(20000) + i);
for (let i = 0; i < 3; i++) { const t = performance.now(); const b = v8.serialize([...out]); const t1 = performance.now(); v8.deserialize(b); console.log('files ser', (t1 - t).toFixed(1), 'de', (performance.now() - t1).toFixed(1)); }
