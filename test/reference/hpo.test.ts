/**
 * HPO sources into hpo.sqlite: frequencies, obsolete-term mapping and disease-gene links, checked
 * against the source files themselves (read here with zcat/awk-free plain parsing of the raw text).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildBundle } from '../../src/reference/build';
import { HpoOntology } from '../../src/reference/hpoOntology';
import type { HpoId } from '../../src/reference/hpoTypes';
import { parseFrequency } from '../../src/reference/parse/hpoa';
import { parseHpoObo } from '../../src/reference/parse/hpoObo';
import { silentLogger } from '../../src/log';
import { SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

test.each([
  ['HP:0040280', 1],
  ['HP:0040281', 0.895],
  ['HP:0040282', 0.545],
  ['HP:0040283', 0.17],
  ['HP:0040284', 0.025],
  ['HP:0040285', 0],
  ['3/4', 0.75],
  ['0/7', 0],
  ['25%', 0.25],
  ['12.5%', 0.125],
  ['', null],
  ['5/4', undefined],
  ['often', undefined],
  ['101%', undefined],
])('HPOA frequency %p -> %p', (text, fraction) => {
  expect(parseFrequency(text)).toBe(fraction);
});

test('hp.obo: alt_id, obsolete and replaced_by are read', () => {
  const o = parseHpoObo(path.join(__dirname, 'fixtures', 'small-ontology.obo'));
  expect(o.version).toBe('2023-01-27');
  const byId = new Map(o.terms.map((t) => [t.id, t]));
  expect(byId.get('HP:0000152')).toMatchObject({ label: 'Abnormality of head or neck', altIds: ['HP:0000153'], parents: ['HP:0000118'], obsolete: false });
  expect(byId.get('HP:0000234')).toMatchObject({ obsolete: true, replacedBy: 'HP:0000152' });
});

const d = sharedAvailable() ? describe : describe.skip;
d('HPO 2023-01-27 from ../shared/data', () => {
  const dir = tmpDir('vartriage-hpo-');
  const hpo = path.join(SHARED_DATA, 'hpo');
  let ontology: HpoOntology;
  beforeAll(() => {
    buildBundle({
      out: path.join(dir, 'b'), build: 'GRCh38', gnomad: [], genes: [], force: false, log: silentLogger,
      hpo: path.join(hpo, 'hp.v2023-01-27.json.gz'), hpoAnnotations: path.join(hpo, 'phenotype.hpoa.gz'), genesToPhenotype: path.join(hpo, 'genes_to_phenotype.txt.gz'),
    });
    ontology = HpoOntology.load(path.join(dir, 'b', 'hpo.sqlite'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('obsolete ids map to current terms (alt_id and replaced_by as hp.json states them)', () => {
    expect(ontology.resolve('HP:0004715')).toEqual({ id: 'HP:0000003', via: 'alt_id', input: 'HP:0004715' });
    expect(ontology.resolve('HP:0000057')).toEqual({ id: 'HP:0008665', via: 'replaced_by', input: 'HP:0000057' });
    expect(ontology.ancestors.get('HP:0001250' as HpoId)).toContain('HP:0000118');
  });

  test('every (disease, gene) pair of genes_to_phenotype is in the bundle', () => {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(hpo, 'genes_to_phenotype.txt.gz'))).toString('utf8');
    const pairs = new Set<string>();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const c = line.split('\t');
      pairs.add(`${c[8]}\t${c[1]}`);
    }
    expect(pairs.size).toBeGreaterThan(10000);
    for (const p of pairs) {
      const [disease, gene] = p.split('\t');
      expect([p, ontology.diseases.get(disease)?.genes.includes(gene)]).toEqual([p, true]);
    }
  });

  test('Pfeiffer syndrome: name, FGFR1/FGFR2 links, autosomal dominant, NOT rows negated', () => {
    const pfeiffer = ontology.diseases.get('OMIM:101600')!;
    expect(pfeiffer.name).toMatch(/Pfeiffer/i);
    expect(pfeiffer.genes).toEqual(expect.arrayContaining(['FGFR1', 'FGFR2']));
    expect(pfeiffer.inheritance).toContain('HP:0000006');
    const text = zlib.gunzipSync(fs.readFileSync(path.join(hpo, 'phenotype.hpoa.gz'))).toString('utf8');
    const negatedRows = text.split('\n').filter((l) => l.split('\t')[2] === 'NOT' && l.split('\t')[10] === 'P');
    expect(negatedRows.length).toBeGreaterThan(100);
    const [diseaseId, , , termId] = negatedRows[0].split('\t');
    expect(ontology.diseases.get(diseaseId)!.terms.find((t) => t.termId === termId)?.negated).toBe(true);
  });
});
