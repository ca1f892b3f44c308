/**
 * How reliable are ClinVar 2016's pathogenic records, by review stars? Each pathogenic or likely
 * pathogenic record of the 2016 release the dev bundle uses is looked up, by allele, in the 2026
 * ClinVar excerpt of ../shared/data (a gene panel), and its 2026 class counted. This calibrates
 * how much a 0-star assertion ("no assertion criteria provided") counts in ranking
 * (src/reference/clinvarSignificance.ts isPathogenicAssertion) on data that is not the dev cases.
 * Writes bench/results/clinvar-concordance.json.
 *
 *   npm run bench:clinvar
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { reviewStars, SignificanceClass, significanceClass } from '../src/reference/clinvarSignificance';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data', 'clinvar');
const OLD = path.join(DATA, 'clinvar.20161102.GRCh38-lifted.vcf.gz');
const NEW = path.join(DATA, 'clinvar.20260226.GRCh38.cancer-panel.vcf.gz');

/** The INFO value of `key`, or '' when absent. */
function infoValue(info: string, key: string): string {
  const at = info.startsWith(`${key}=`) ? 0 : info.indexOf(`;${key}=`) + 1;
  if (at === 0 && !info.startsWith(`${key}=`)) return '';
  const end = info.indexOf(';', at);
  return info.slice(at + key.length + 1, end < 0 ? undefined : end);
}

function* records(file: string): Generator<{ key: string; info: string }> {
  for (const line of zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t', 8);
    const chrom = f[0].startsWith('chr') ? f[0] : `chr${f[0]}`;
    yield { key: `${chrom}:${f[1]}:${f[3]}:${f[4]}`, info: f[7] };
  }
}

function main(): void {
  for (const f of [OLD, NEW]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: the benchmark needs ../shared/data`);
  const later = new Map<string, SignificanceClass>();
  for (const r of records(NEW)) later.set(r.key, significanceClass(infoValue(r.info, 'CLNSIG')));
  const groups = ['0', '1', '2+'] as const;
  const table = Object.fromEntries(groups.map((g) => [g, { pathogenic: 0, uncertain: 0, conflicting: 0, benign: 0, other: 0 } as Record<SignificanceClass, number>]));
  let pathogenic2016 = 0;
  for (const r of records(OLD)) {
    if (significanceClass(infoValue(r.info, 'CLINICAL_SIGNIFICANCE')) !== 'pathogenic') continue;
    pathogenic2016++;
    const now = later.get(r.key);
    if (now === undefined) continue;
    const stars = reviewStars(infoValue(r.info, 'REVIEW_STATUS'));
    table[stars === 0 ? '0' : stars === 1 ? '1' : '2+'][now]++;
  }
  const byStars = Object.fromEntries(
    groups.map((g) => {
      const t = table[g];
      const n = Object.values(t).reduce((a, b) => a + b, 0);
      return [g, { records: n, classes_2026: t, still_pathogenic: n ? t.pathogenic / n : null, now_benign: n ? t.benign / n : null }];
    }),
  );
  const result = {
    benchmark: 'clinvar-concordance',
    date: new Date().toISOString(),
    method: 'ClinVar 2016-11-02 (MacArthur parse, lifted to GRCh38) pathogenic/likely pathogenic records, grouped by their 2016 review stars, looked up by chrom:pos:ref:alt in ClinVar 2026-02-26 (cancer gene panel excerpt); classes as src/reference/clinvarSignificance.ts significanceClass',
    files: [path.relative(ROOT, OLD), path.relative(ROOT, NEW)],
    pathogenic_2016: pathogenic2016,
    records_2026: later.size,
    by_2016_stars: byStars,
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'clinvar-concordance.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(byStars) + '\n');
}

main();
