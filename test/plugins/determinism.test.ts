import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/cli';
import { EXAMPLES, runDemo } from './helpers';

describe('plugins and sources give the same outputs on 1 and N threads', () => {
  it('results.json, candidates.tsv and report.html are byte-identical', () => {
    const dir = tmpDir();
    const extra = ['--config', path.join(EXAMPLES, 'config', 'vartriage.json'), '--plugin', path.join(EXAMPLES, 'plugins', 'depth-aware-score.mjs'), '--plugin', path.join(EXAMPLES, 'plugins', 'qual-filter.cjs')];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    // The same --out both times: it is recorded in the command.
    const out = path.join(dir, 'out');
    const one = runDemo(out, [...extra, '--threads', '1'], env);
    fs.renameSync(out, path.join(dir, 'one'));
    const many = runDemo(out, [...extra, '--threads', '2', '--shard-bytes', '4096'], env);
    expect([one.code, many.code]).toEqual([0, 0]);
    expect(many.results.plugins?.length).toBe(4);
    // Only the number of shards may differ (execution, not results).
    const results = (d: string): Record<string, { shards?: number }> => JSON.parse(fs.readFileSync(path.join(d, 'results.json'), 'utf8'));
    const [a, b] = [results(path.join(dir, 'one')), results(out)];
    expect(b.settings.shards).toBeGreaterThan(1);
    delete a.settings.shards;
    delete b.settings.shards;
    expect(b).toEqual(a);
    for (const f of ['candidates.tsv', 'report.html']) {
      expect(fs.readFileSync(path.join(out, f), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'one', f), 'utf8'));
    }
  });
});
