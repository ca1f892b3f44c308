import * as fs from 'node:fs';
import * as path from 'node:path';
import { CANDIDATE_COLUMNS, renderCandidatesTsv } from '../../src/report/tsv';
import { ROOT } from '../helpers/cli';
import { fixtureCandidate, fixtureVariant } from '../helpers/resultsFixture';

/** Column names in the order docs/results-schema.md lists them under "candidates.tsv". */
function documentedColumns(): string[] {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'results-schema.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## candidates.tsv'));
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
}

describe('candidates.tsv', () => {
  it('has the header documented in docs/results-schema.md, in order', () => {
    expect(documentedColumns()).toEqual(CANDIDATE_COLUMNS);
    expect(renderCandidatesTsv([]).split('\n')[0]).toBe(documentedColumns().join('\t'));
  });

  it('writes one row per candidate variant, gene fields repeated, missing values as "."', () => {
    const c = fixtureCandidate({ variants: [fixtureVariant(), fixtureVariant({ pos: 49025200, ref: 'G', alt: 'A', clinvar: null, hgvs_c: 'c.1G>A', id: '.' })] });
    const rows = renderCandidatesTsv([c]).trimEnd().split('\n').map((l) => l.split('\t'));
    expect(rows).toHaveLength(3);
    const byName = (row: string[]) => Object.fromEntries(CANDIDATE_COLUMNS.map((k, i) => [k, row[i]]));
    expect(byName(rows[1])).toMatchObject({ rank: '1', gene: 'KMT2D', pos: '49025149', clinvar_stars: '2', hgvs_c: '.', vcf_id: 'rs1' });
    expect(byName(rows[2])).toMatchObject({ rank: '1', gene: 'KMT2D', pos: '49025200', clinvar_significance: '.', hgvs_c: 'c.1G>A', vcf_id: '.' });
    for (const row of rows) expect(row).toHaveLength(CANDIDATE_COLUMNS.length);
  });

  it('keeps one line per row when values hold tabs or newlines', () => {
    const c = fixtureCandidate({ phenotype: { ...fixtureCandidate().phenotype, disease: { id: 'OMIM:1', name: 'a\tb\nc' } } });
    const lines = renderCandidatesTsv([c]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1].split('\t')[CANDIDATE_COLUMNS.indexOf('disease')]).toBe('OMIM:1 a b c');
  });
});
