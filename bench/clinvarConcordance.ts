/**
 * How reliable are ClinVar 2016's pathogenic records, by review stars? Each pathogenic or likely
 * pathogenic record of the 2016 release the dev bundle uses is looked up, by allele, in the 2026
 * ClinVar excerpt of ../shared/data (a gene panel), and its 2026 class counted. This calibrates
 * how much a 0-star assertion ("no assertion criteria provided") counts in ranking
 * (src/reference/clinvarSignificance.ts isPathogenicAssertion) on data that is not the dev cases.
 * The benign and likely benign records are counted the same way: how often such a classification
 * later turned pathogenic sets what a benign assertion counts (src/prioritise/clinvarEvidence.ts).
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

type ClassCounts = Record<SignificanceClass, number>;
const STAR_GROUPS = ['0', '1', '2+'] as const;
type StarGroup = (typeof STAR_GROUPS)[number];

function emptyCounts(): ClassCounts {
  return { pathogenic: 0, uncertain: 0, conflicting: 0, benign: 0, other: 0 };
}

function starGroup(stars: number): StarGroup {
  return stars === 0 ? '0' : stars === 1 ? '1' : '2+';
}

export interface Concordance {
  /** 2016 records of each class, by their 2016 review stars, with their 2026 classes. */
  pathogenic: Record<StarGroup, ClassCounts>;
  benign: Record<StarGroup, ClassCounts>;
  pathogenic2016: number;
  benign2016: number;
  records2026: number;
}

/** Counts, for the 2016 pathogenic and benign classes, what the same alleles are in the later file. */
export function concordance(oldFile: string, newFile: string): Concordance {
  const later = new Map<string, SignificanceClass>();
  for (const r of records(newFile)) later.set(r.key, significanceClass(infoValue(r.info, 'CLNSIG')));
  const groups = () => Object.fromEntries(STAR_GROUPS.map((g) => [g, emptyCounts()])) as Record<StarGroup, ClassCounts>;
  const out: Concordance = { pathogenic: groups(), benign: groups(), pathogenic2016: 0, benign2016: 0, records2026: later.size };
  for (const r of records(oldFile)) {
    const cls = significanceClass(infoValue(r.info, 'CLINICAL_SIGNIFICANCE'));
    if (cls !== 'pathogenic' && cls !== 'benign') continue;
    if (cls === 'pathogenic') out.pathogenic2016++;
    else out.benign2016++;
    const now = later.get(r.key);
    if (now === undefined) continue;
    out[cls][starGroup(reviewStars(infoValue(r.info, 'REVIEW_STATUS')))][now]++;
  }
  return out;
}

/** Per star group: the records, their 2026 classes, and the shares that kept or flipped their class. */
function summarise(table: Record<StarGroup, ClassCounts>, was: 'pathogenic' | 'benign') {
  return Object.fromEntries(
    STAR_GROUPS.map((g) => {
      const t = table[g];
      const n = Object.values(t).reduce((a, b) => a + b, 0);
      const share = (k: number): number | null => (n ? k / n : null);
      const shares = was === 'pathogenic' ? { still_pathogenic: share(t.pathogenic), now_benign: share(t.benign) } : { still_benign: share(t.benign), now_pathogenic: share(t.pathogenic) };
      return [g, { records: n, classes_2026: t, ...shares }];
    }),
  );
}

function main(): void {
  for (const f of [OLD, NEW]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: the benchmark needs ../shared/data`);
  const c = concordance(OLD, NEW);
  const byStars = summarise(c.pathogenic, 'pathogenic');
  const benignByStars = summarise(c.benign, 'benign');
  const result = {
    benchmark: 'clinvar-concordance',
    date: new Date().toISOString(),
    method: 'ClinVar 2016-11-02 (MacArthur parse, lifted to GRCh38) pathogenic/likely pathogenic records, and benign/likely benign ones, grouped by their 2016 review stars, looked up by chrom:pos:ref:alt in ClinVar 2026-02-26 (cancer gene panel excerpt); classes as src/reference/clinvarSignificance.ts significanceClass',
    files: [path.relative(ROOT, OLD), path.relative(ROOT, NEW)],
    pathogenic_2016: c.pathogenic2016,
    benign_2016: c.benign2016,
    records_2026: c.records2026,
    by_2016_stars: byStars,
    benign_by_2016_stars: benignByStars,
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'clinvar-concordance.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify({ pathogenic: byStars, benign: benignByStars }) + '\n');
}

if (require.main === module) main();
