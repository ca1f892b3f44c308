import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESULTS_SCHEMA } from '../../src/report/results';
import { DEMO_BUNDLE, DEMO_VCF, ROOT, runCli, sharedAvailable, SHARED_DATA, tmpDir } from '../helpers/cli';
import { compileResultsSchema, errorLines, JsonSchema, loadResultsSchema } from '../helpers/resultsSchema';

const HPO = 'HP:0001250,HP:0004322,HP:0001263,HP:0000637';
const validate = compileResultsSchema();

function runAndRead(vcf: string, out: string, extra: string[] = []): Record<string, unknown> {
  const r = runCli(['run', '--vcf', vcf, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q', ...extra]);
  expect(r.stderr.split('\n').filter((l) => /error/.test(l))).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Record<string, unknown>;
}

function expectValid(doc: unknown): void {
  const ok = validate(doc);
  expect(errorLines(validate)).toEqual([]);
  expect(ok).toBe(true);
}

/** Paths of instance keys the schema does not name, following $ref, items and oneOf. */
function undocumentedKeys(instance: unknown, schema: JsonSchema, root: JsonSchema, at = ''): string[] {
  const ref = schema.$ref as string | undefined;
  if (ref) return undocumentedKeys(instance, resolveRef(root, ref), root, at);
  if (Array.isArray(schema.oneOf)) {
    if (instance === null) return [];
    const objectBranch = (schema.oneOf as JsonSchema[]).map((s) => (s.$ref ? resolveRef(root, s.$ref as string) : s)).find((s) => s.type === 'object' || s.properties);
    return objectBranch ? undocumentedKeys(instance, objectBranch, root, at) : [];
  }
  if (Array.isArray(instance)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? instance.flatMap((x, i) => undocumentedKeys(x, items, root, `${at}/${i}`)) : [];
  }
  if (instance === null || typeof instance !== 'object') return [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const extra = schema.additionalProperties as JsonSchema | undefined;
  return Object.entries(instance as Record<string, unknown>).flatMap(([k, v]) => {
    if (props[k]) return undocumentedKeys(v, props[k], root, `${at}/${k}`);
    return extra && typeof extra === 'object' ? [] : [`${at}/${k}`];
  });
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  return ref.replace(/^#\//, '').split('/').reduce<JsonSchema>((node, part) => node[part] as JsonSchema, root);
}

describe('docs/results.schema.json', () => {
  const dir = tmpDir();
  let demo: Record<string, unknown>;
  beforeAll(() => {
    demo = runAndRead(DEMO_VCF, path.join(dir, 'demo'), ['--sex', 'female']);
  });

  it('carries the same version as the code and the prose documentation', () => {
    const schema = loadResultsSchema();
    expect((schema.properties as Record<string, JsonSchema>).schema.const).toBe(RESULTS_SCHEMA);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(fs.readFileSync(path.join(ROOT, 'docs', 'results-schema.md'), 'utf8')).toContain(`\`${RESULTS_SCHEMA}\``);
    expect(demo.schema).toBe(RESULTS_SCHEMA);
  });

  it('accepts results.json of the demo run', () => {
    expectValid(demo);
    expect((demo.candidates as unknown[]).length).toBeGreaterThan(5);
  });

  it('names every field the demo run writes (new fields must be documented)', () => {
    const schema = loadResultsSchema();
    expect(undocumentedKeys(demo, schema, schema)).toEqual([]);
    const extended = JSON.parse(JSON.stringify(demo));
    extended.candidates[0].variants[0].clinvar.new_field = 1;
    extended.candidates[0].gene.new_field = 1;
    expect(undocumentedKeys(extended, schema, schema)).toEqual(['/candidates/0/gene/new_field', '/candidates/0/variants/0/clinvar/new_field']);
  });

  // Each mutation breaks one documented rule; the schema must notice every one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into arbitrary JSON
  const mutations: Array<[string, (r: any) => void]> = [
    ['another schema version', (r) => (r.schema = 'vartriage.results/2')],
    ['a missing required top-level field', (r) => delete r.counts],
    ['a variant without hgvs_c', (r) => delete r.candidates[0].variants[0].hgvs_c],
    ['an unknown zygosity', (r) => (r.candidates[0].variants[0].zygosity = 'triploid')],
    ['five ClinVar stars', (r) => (r.candidates[0].variants[0].clinvar.stars = 5)],
    ['a 0-based position', (r) => (r.candidates[0].variants[0].pos = 0)],
    ['a score above 1', (r) => (r.candidates[0].score = 1.5)],
    ['an HPO id without the HP: prefix', (r) => (r.input.hpo[0].id = '0001250')],
    ['a candidate with no variant', (r) => (r.candidates[0].variants = [])],
    ['a local time without zone', (r) => (r.started = '2025-11-28 00:00:00')],
  ];
  it.each(mutations)('rejects %s', (_name, mutate) => {
    const copy = JSON.parse(JSON.stringify(demo));
    mutate(copy);
    expect(validate(copy)).toBe(false);
  });

  it('names every field a trio run (--ped) writes: pedigree, family genotypes, segregation', () => {
    const trio = path.join(ROOT, 'test', 'fixtures', 'trio');
    const r = runAndRead(path.join(trio, 'trio.vcf.gz'), path.join(dir, 'trio'), ['--ped', path.join(trio, 'trio.ped'), '--top', '50']);
    expectValid(r);
    const schema = loadResultsSchema();
    expect(undocumentedKeys(r, schema, schema)).toEqual([]);
    expect(JSON.stringify(r)).toContain('"segregation"');
  });

  it('names every field a --transcripts all run writes (settings.transcripts, per-variant transcript lists)', () => {
    const r = runAndRead(DEMO_VCF, path.join(dir, 'all'), ['--sex', 'female', '--transcripts', 'all']);
    expectValid(r);
    const schema = loadResultsSchema();
    expect(undocumentedKeys(r, schema, schema)).toEqual([]);
    expect((r.settings as { transcripts: string }).transcripts).toBe('all');
    expect(JSON.stringify(r.candidates)).toContain('"mane_select"');
  });

  it('accepts a file written before settings.transcripts existed (added within version 1)', () => {
    const copy = JSON.parse(JSON.stringify(demo));
    expect(copy.settings.transcripts).toBe('canonical');
    delete copy.settings.transcripts;
    expectValid(copy);
    copy.settings.transcripts = 'pick';
    expect(validate(copy)).toBe(false);
  });

  it('accepts a file written before score_distribution existed (added within version 1)', () => {
    const copy = JSON.parse(JSON.stringify(demo));
    delete copy.score_distribution;
    expectValid(copy);
  });
});

const REAL_CASES = [
  ['NA12878 (GIAB, real calls, chr1-3 and 22)', 'vcf/NA12878.GRCh38.single-sample.from-ngs-bits-trio.vcf.gz'],
  ['a real exome lifted to GRCh38', 'vcf/pfeiffer-exome.hg38.vcf.gz'],
];

(sharedAvailable() ? describe : describe.skip)('results.json of real VCFs against the schema (demo bundle)', () => {
  const dir = tmpDir();
  it.each(REAL_CASES)('%s validates', (_name, file) => {
    const r = runAndRead(path.join(SHARED_DATA, file), path.join(dir, path.basename(file)));
    expectValid(r);
    expect(r.counts).toEqual(expect.objectContaining({ variants: expect.any(Number) }));
    expect((r.counts as { variants: number }).variants).toBeGreaterThan(30000);
  });
});
