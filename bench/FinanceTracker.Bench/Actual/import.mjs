// Actual Budget's own Node API (@actual-app/api, in-process SQLite) adding, then importing, the same generated
// transactions into two accounts of a new local budget; prints the seconds of each as JSON. No server is involved.
//   node import.mjs NODE_MODULES_DIR DATA_DIR LINES_JSON
import { createRequire } from 'node:module';
import { readFileSync, mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [modules, dataDir, input] = process.argv.slice(2);
const api = createRequire(`${modules}/`)('@actual-app/api');
const lines = JSON.parse(readFileSync(input, 'utf8'));
const rows = lines.map(l => ({ date: l.date, amount: Math.round(l.amount * 100), payee_name: l.payee, notes: l.notes }));

mkdirSync(dataDir, { recursive: true });
await api.init({ dataDir });
const seconds = {};
await api.runImport(`bench-${Date.now()}`, async () => {
    const added = await api.createAccount({ name: 'Added', offbudget: false }, 0);
    let started = performance.now();
    await api.addTransactions(added, rows);
    seconds.add = (performance.now() - started) / 1000;

    const imported = await api.createAccount({ name: 'Imported', offbudget: false }, 0);
    started = performance.now();
    const result = await api.importTransactions(imported, rows.map((r, i) => ({ ...r, imported_id: `line-${i}` })));
    seconds.import = (performance.now() - started) / 1000;
    seconds.imported = result.added.length;
});
await api.shutdown();
console.log(JSON.stringify(seconds));
