/**
 * The bad-input corpus (test/fixtures/bad/, built by scripts/make-bad-fixtures.ts): one row per
 * real-world oddity with its decided outcome. Either one error line naming file, line and problem
 * with exit 1 and nothing written, or the documented handling with a warning and a count in
 * results.json. Where htslib has an opinion, the `htslib` column checks the fixture really has the
 * oddity (and records where we agree or deliberately differ).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeBadFixtures } from '../../scripts/make-bad-fixtures';
import { writeHpoSqlite } from '../../src/reference/hpo';
import { DEMO_BUNDLE, DEMO_VCF, hasCommand, ROOT, runCli, tmpDir } from '../helpers/cli';

const BAD = path.join(ROOT, 'test', 'fixtures', 'bad');
const fixture = (name: string): string => path.join(BAD, name);

type Outcome =
  /** Exit 1 with exactly one line `vartriage: error: <file>[:<line>]: <problem>`. */
  | { exit: 1; file: string; line?: number; problem: RegExp }
  /** Exit 0 with complete outputs, a warning on stderr and in results.json, and these results fields. */
  | { exit: 0; warning?: RegExp; results: Record<string, unknown> };

interface Case {
  name: string;
  vcf?: string;
  hpo?: string;
  hpoFile?: string;
  bundle?: 'demo' | 'obsolete-hpo';
  /** Why this outcome: what a bcftools/VEP user would expect. */
  why: string;
  /** htslib's verdict on the fixture: `bcftools view -H` (or `bgzip -t`) succeeds or fails. */
  htslib?: { cmd: 'bcftools view -H' | 'bgzip -t'; ok: boolean };
  expect: Outcome;
}

const CASES: Case[] = [
  {
    name: 'truncated BGZF (cut inside a block)',
    vcf: fixture('truncated-bgzf.vcf.gz'),
    why: 'a cut transfer; the EOF marker check (run first, before any record is read) says so, there is no line to name',
    htslib: { cmd: 'bgzip -t', ok: false },
    expect: { exit: 1, file: fixture('truncated-bgzf.vcf.gz'), problem: /^BGZF end-of-file marker is missing: the file is truncated/ },
  },
  {
    name: 'truncated BGZF (cut at a block boundary, EOF marker gone)',
    vcf: fixture('truncated-at-block-boundary.vcf.gz'),
    why: 'every block is whole, so only the missing EOF marker shows it; bcftools view refuses it too, records must not vanish silently',
    htslib: { cmd: 'bcftools view -H', ok: false },
    expect: { exit: 1, file: fixture('truncated-at-block-boundary.vcf.gz'), problem: /BGZF end-of-file marker is missing: the file is truncated/ },
  },
  {
    name: 'corrupted block (CRC32 mismatch)',
    vcf: fixture('crc-mismatch.vcf.gz'),
    why: 'data that fails its checksum cannot be trusted (SAMv1 §4.1)',
    htslib: { cmd: 'bgzip -t', ok: false },
    expect: { exit: 1, file: fixture('crc-mismatch.vcf.gz'), problem: /^corrupt BGZF block at byte \d+: CRC32 mismatch/ },
  },
  {
    name: 'index that does not match its file',
    vcf: fixture('index-mismatch.vcf.gz'),
    why: 'a stale .tbi would read the wrong bytes; name the index and say to re-index',
    expect: { exit: 1, file: fixture('index-mismatch.vcf.gz.tbi'), problem: /^does not match index-mismatch\.vcf\.gz: .*re-index it with `tabix -p vcf`/ },
  },
  {
    name: 'CRLF line ends',
    vcf: fixture('crlf-line-ends.vcf'),
    why: 'Windows line ends carry no meaning; read as LF and say so',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, warning: /crlf-line-ends\.vcf: CRLF line ends; read as LF/, results: { counts: { read: { records: 40 } } } },
  },
  {
    name: 'missing #CHROM line',
    vcf: fixture('missing-chrom-line.vcf'),
    why: 'without the column line the samples are unknown (VCF 4.3 §1.5); name the first data line',
    htslib: { cmd: 'bcftools view -H', ok: false },
    expect: { exit: 1, file: fixture('missing-chrom-line.vcf'), line: 39, problem: /^missing the #CHROM header line before the first data line/ },
  },
  {
    name: 'duplicate sample names',
    vcf: fixture('duplicate-sample-names.vcf'),
    why: 'which column is the patient would be a guess',
    htslib: { cmd: 'bcftools view -H', ok: false },
    expect: { exit: 1, file: fixture('duplicate-sample-names.vcf'), line: 39, problem: /^duplicate sample name "DEMO-PROBAND" in the #CHROM line/ },
  },
  {
    name: 'non-ACGTN alleles',
    vcf: fixture('non-acgtn-alleles.vcf'),
    why: 'IUPAC codes and dashes are not VCF alleles; like VEP, skip each with a count rather than fail the exome',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, warning: /^3 allele\(s\) with characters other than A, C, G, T, N skipped$/, results: { counts: { read: { records: 40, non_acgtn_allele: 3 } } } },
  },
  {
    name: 'symbolic alleles and breakends',
    vcf: fixture('symbolic-and-breakend-alleles.vcf'),
    why: 'structural variants are out of scope: <DEL>, <INS:ME:ALU>, <*>, *, and the four breakend forms are skipped and counted',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, warning: /^8 symbolic or breakend allele\(s\) skipped/, results: { counts: { read: { records: 40, alleles: 42, symbolic_or_breakend: 8 } } } },
  },
  {
    name: 'huge INFO field (1 MiB, spanning 17 BGZF blocks)',
    vcf: fixture('huge-info-field.vcf.gz'),
    why: 'long lines are legal; the reader must not assume a line fits a block',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, results: { counts: { variants: 40, read: { records: 40 } } } },
  },
  {
    name: 'POS 0 on an ordinary record',
    vcf: fixture('pos-zero.vcf'),
    why: 'POS 0 is only for telomeres (VCF 4.3 §1.6.1); htslib accepts it, but an SNV there has no base to annotate',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 1, file: fixture('pos-zero.vcf'), line: 40, problem: /^POS 0 is allowed only for a telomeric breakend/ },
  },
  {
    name: 'POS 0 on a telomeric breakend',
    vcf: fixture('pos-zero-telomere-breakend.vcf'),
    why: 'legal per VCF 4.3 §1.6.1; a breakend, so skipped and counted',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, warning: /^1 symbolic or breakend allele\(s\) skipped/, results: { counts: { read: { records: 40, symbolic_or_breakend: 1 } } } },
  },
  {
    name: 'unsorted records (a contig appears again)',
    vcf: fixture('unsorted-contigs.vcf'),
    why: 'the merge-joins need sorted input; say how to sort',
    expect: { exit: 1, file: fixture('unsorted-contigs.vcf'), line: 51, problem: /^records are not sorted: chr1 appears again after chr2 \(sort with `bcftools sort`\)/ },
  },
  {
    name: 'contigs missing from the header',
    vcf: fixture('contigs-missing-from-header.vcf'),
    why: 'htslib warns and goes on: chr1 (undeclared, known to the bundle) is annotated; contigs the bundle lacks are skipped and counted',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, warning: /^2 record\(s\) on contigs the GRCh38 bundle does not have were skipped$/, results: { counts: { variants: 20, read: { records: 22, unknown_contig: 2 } } } },
  },
  {
    name: 'empty VCF (0 bytes)',
    vcf: fixture('empty.vcf'),
    why: 'nothing to read, not even a header',
    htslib: { cmd: 'bcftools view -H', ok: false },
    expect: { exit: 1, file: fixture('empty.vcf'), problem: /^empty file: a VCF needs at least its header$/ },
  },
  {
    name: 'empty VCF (BGZF EOF block only)',
    vcf: fixture('empty.vcf.gz'),
    why: 'the compressed form of an empty file says the same',
    expect: { exit: 1, file: fixture('empty.vcf.gz'), problem: /^empty file: a VCF needs at least its header$/ },
  },
  {
    name: 'header-only VCF (no records)',
    vcf: fixture('header-only.vcf'),
    why: 'a valid VCF with no calls: an empty, complete result, as bcftools gives',
    htslib: { cmd: 'bcftools view -H', ok: true },
    expect: { exit: 0, results: { counts: { variants: 0, candidates: 0, read: { records: 0 } }, candidates: [] } },
  },
  {
    name: 'invalid HPO id',
    hpoFile: fixture('invalid-hpo-id.hpo.txt'),
    why: 'a typo in a phenotype would silently change the ranking',
    expect: { exit: 1, file: fixture('invalid-hpo-id.hpo.txt'), line: 3, problem: /^"HP:12345" is not an HPO id \(expected HP:0000000\)$/ },
  },
  {
    name: 'HPO file with unknown terms (CRLF, labels after a tab)',
    hpoFile: fixture('unknown-terms.hpo.txt'),
    why: 'a term the bundle release does not know cannot be scored; name it and its line',
    expect: { exit: 1, file: fixture('unknown-terms.hpo.txt'), line: 4, problem: /^unknown HPO term HP:9999999 \(not in HPO release/ },
  },
  {
    name: 'obsolete HPO id with replaced_by',
    hpoFile: fixture('obsolete-hpo-ids.hpo.txt'),
    bundle: 'obsolete-hpo',
    why: 'HPO obsoletion policy: follow replaced_by and record the mapping',
    expect: { exit: 0, results: { input: { hpo: [{ id: 'HP:0001250', input: 'HP:0000003', mapped_via: 'replaced_by' }] } } },
  },
  {
    name: 'obsolete HPO id without a replacement',
    hpoFile: fixture('obsolete-hpo-id-without-replacement.hpo.txt'),
    bundle: 'obsolete-hpo',
    why: 'no current term to map to; say it is obsolete rather than unknown',
    expect: { exit: 1, file: fixture('obsolete-hpo-id-without-replacement.hpo.txt'), line: 2, problem: /^HPO term HP:0000004 is obsolete in HPO release test-1 of the bundle and names no replacement/ },
  },
];

/** The demo bundle with a tiny hpo.sqlite holding obsolete terms, one with replaced_by and one without. */
function makeObsoleteHpoBundle(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(DEMO_BUNDLE)) if (f !== 'hpo.sqlite') fs.symlinkSync(path.join(DEMO_BUNDLE, f), path.join(dir, f));
  const term = (id: string, label: string, parents: string[], extra: { obsolete?: boolean; replacedBy?: string } = {}) => ({ id, label, parents, altIds: [], obsolete: false, ...extra });
  writeHpoSqlite(
    path.join(dir, 'hpo.sqlite'),
    { version: 'test-1' },
    [
      term('HP:0000001', 'All', []),
      term('HP:0000118', 'Phenotypic abnormality', ['HP:0000001']),
      term('HP:0001250', 'Seizure', ['HP:0000118']),
      term('HP:0004322', 'Short stature', ['HP:0000118']),
      term('HP:0000003', 'obsolete test term with a replacement', [], { obsolete: true, replacedBy: 'HP:0001250' }),
      term('HP:0000004', 'obsolete test term without a replacement', [], { obsolete: true }),
    ],
    [
      { diseaseId: 'OMIM:147920', diseaseName: 'Kabuki syndrome 1', termId: 'HP:0001250', frequency: null, negated: false },
      { diseaseId: 'OMIM:147920', diseaseName: 'Kabuki syndrome 1', termId: 'HP:0004322', frequency: null, negated: false },
    ],
    [{ diseaseId: 'OMIM:147920', geneSymbol: 'KMT2D', ncbiGeneId: '8085' }],
    [{ diseaseId: 'OMIM:147920', modeId: 'HP:0000006' }],
  );
  return dir;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bad-input corpus: decided outcome per oddity', () => {
  const work = tmpDir('vartriage-bad-');
  const bundles: Record<NonNullable<Case['bundle']>, string> = { demo: DEMO_BUNDLE, 'obsolete-hpo': '' };
  beforeAll(() => {
    bundles['obsolete-hpo'] = makeObsoleteHpoBundle(path.join(work, 'obsolete-hpo-bundle'));
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const out = path.join(work, `out-${i}`);
    const args = ['run', '--vcf', c.vcf ?? DEMO_VCF, '--reference', bundles[c.bundle ?? 'demo'], '--out', out, '--threads', '2'];
    args.push(...(c.hpoFile ? ['--hpo-file', c.hpoFile] : ['--hpo', c.hpo ?? 'HP:0001250']));
    const r = runCli(args);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    const lines = r.stderr.trim().split('\n');
    if (c.expect.exit === 1) {
      const errors = lines.filter((l) => l.includes('error'));
      expect(errors).toHaveLength(1);
      expect(lines[lines.length - 1]).toBe(errors[0]);
      const prefix = `vartriage: error: ${escapeRe(c.expect.file)}${c.expect.line === undefined ? '' : `:${c.expect.line}`}: `;
      expect(errors[0]).toMatch(new RegExp(`^${prefix}`));
      expect(errors[0].replace(new RegExp(`^${prefix}`), '')).toMatch(c.expect.problem);
      expect(r.code).toBe(1);
      expect(fs.existsSync(out)).toBe(false);
    } else {
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
      expect(fs.readdirSync(out).sort()).toEqual(['candidates.tsv', 'report.html', 'results.json', 'store']);
      const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
      expect(results).toMatchObject(c.expect.results);
      if (c.expect.warning) {
        const warning = c.expect.warning;
        expect(results.warnings.filter((w: string) => warning.test(w))).toHaveLength(1);
        expect(lines.filter((l) => l.startsWith('vartriage: warning: ') && warning.test(l.slice('vartriage: warning: '.length)))).toHaveLength(1);
      }
    }
  });

  const oracleCases = CASES.filter((c) => c.htslib && c.vcf);
  const htslibPresent = hasCommand('bcftools') && hasCommand('bgzip');
  (htslibPresent ? it.each : it.skip.each)(oracleCases.map((c) => [c.name, c] as const))('htslib agrees the fixture is %s', (_name, c) => {
    const { cmd, ok } = c.htslib as NonNullable<Case['htslib']>;
    const [bin, ...flags] = cmd.split(' ');
    const r = spawnSync(bin, [...flags, c.vcf as string], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect({ cmd, ok: r.status === 0 }).toEqual({ cmd, ok });
  });

  it('the committed corpus is what scripts/make-bad-fixtures.ts builds from the demo', () => {
    const rebuilt = path.join(work, 'rebuilt');
    const names = makeBadFixtures(rebuilt);
    expect(names).toEqual(fs.readdirSync(BAD).sort());
    for (const n of names) expect({ n, same: fs.readFileSync(path.join(rebuilt, n)).equals(fs.readFileSync(path.join(BAD, n))) }).toEqual({ n, same: true });
  });

  it('every fixture in the corpus is used by a row', () => {
    const used = new Set(CASES.flatMap((c) => [c.vcf, c.hpoFile]).filter((f): f is string => !!f).map((f) => path.basename(f)));
    const unused = fs.readdirSync(BAD).filter((f) => !f.endsWith('.tbi') && !used.has(f));
    expect(unused).toEqual([]);
  });
});
