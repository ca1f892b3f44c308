/** `npm run bench`: every benchmark script in turn; each writes its JSON under bench/results/. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const BENCHES = ['reading', 'reference', 'store', 'genome', 'consequence', 'clinvarConcordance', 'cases'];

let failed = 0;
for (const name of BENCHES) {
  const script = path.join(__dirname, `${name}.js`);
  if (!fs.existsSync(script)) continue;
  process.stderr.write(`bench: ${name}\n`);
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', script], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
