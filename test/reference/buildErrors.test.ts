/**
 * Bad input to `vartriage reference build`: one line naming the file (and line), exit code 1, and no
 * bundle or temporary directory left behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

const FIX = path.join(__dirname, 'fixtures');
const work = tmpDir('vartriage-build-errors-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function expectCleanFailure(args: string[], message: RegExp): void {
  const out = path.join(work, `bundle-${Math.random().toString(36).slice(2)}`);
  const r = runCli(['reference', 'build', '--out', out, '--quiet', ...args]);
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^vartriage: error: /);
  expect(lines[0]).toMatch(message);
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(work).filter((f) => f.startsWith(path.basename(out)))).toEqual([]);
}

const cases: Array<[string, string[], RegExp]> = [
  ['ontology with an is_a cycle', ['--build', 'GRCh38', '--hpo', path.join(FIX, 'is-a-cycle.obo')], /is-a-cycle\.obo: is_a cycle: HP:\d+ -> .* -> HP:\d+/],
  ['ontology with an unknown parent, naming the line', ['--build', 'GRCh38', '--hpo', path.join(FIX, 'unknown-parent.obo')], /unknown-parent\.obo:16: HP:0000152 is_a HP:9999999: the parent is not a term/],
  ['a VCF without ClinVar INFO fields given as ClinVar', ['--build', 'GRCh38', '--clinvar', path.join(FIX, 'no-clinvar-info.vcf')], /no-clinvar-info\.vcf: header declares neither CLNSIG\+CLNREVSTAT/],
  ['a VCF without AF or AC/AN given as gnomAD', ['--build', 'GRCh38', '--gnomad', path.join(FIX, 'no-clinvar-info.vcf')], /no-clinvar-info\.vcf: header declares neither INFO\/AF nor INFO\/AC\+AN/],
  ['contigs of the other build', ['--build', 'GRCh38', '--gnomad', path.join(FIX, 'grch37-contigs.vcf')], /grch37-contigs\.vcf: ##contig 1 has length 249250621, but GRCh38's 1 is 248956422 \(that is GRCh37's length\)/],
  ['an unsorted gnomAD file, naming the line', ['--build', 'GRCh38', '--gnomad', path.join(FIX, 'unsorted-gnomad.vcf')], /unsorted-gnomad\.vcf:5: POS 100 after 200: records must be sorted/],
  ['a missing input file', ['--build', 'GRCh38', '--clinvar', path.join(FIX, 'nope.vcf.gz')], /nope\.vcf\.gz: no such file/],
];

test.each(cases)('%s', (_name, args, message) => expectCleanFailure(args, message));

test('an existing bundle is not replaced without --force', () => {
  const out = path.join(work, 'exists');
  fs.mkdirSync(out);
  const r = runCli(['reference', 'build', '--out', out, '--build', 'GRCh38', '--hpo', path.join(FIX, 'small-ontology.obo')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/already exists: choose another --out or pass --force/);
});

const d = sharedAvailable() ? describe : describe.skip;
d('truncated downloads of real files', () => {
  test('a BGZF VCF cut short (no EOF block)', () => {
    const cut = path.join(work, 'clinvar-truncated.vcf.gz');
    fs.writeFileSync(cut, fs.readFileSync(path.join(SHARED_DATA, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz')).subarray(0, 300_000));
    expectCleanFailure(['--build', 'GRCh38', '--clinvar', cut], /clinvar-truncated\.vcf\.gz: (truncated BGZF|BGZF end-of-file marker is missing)/);
  });
  test('a plain-gzip annotation file cut short, after a good ontology was already built', () => {
    const cut = path.join(work, 'phenotype-truncated.hpoa.gz');
    fs.writeFileSync(cut, fs.readFileSync(path.join(SHARED_DATA, 'hpo', 'phenotype.hpoa.gz')).subarray(0, 100_000));
    expectCleanFailure(['--build', 'GRCh38', '--hpo', path.join(FIX, 'small-ontology.obo'), '--hpo-annotations', cut], /phenotype-truncated\.hpoa\.gz: truncated gzip/);
  });
  test('a GRCh37 ClinVar VCF (no ##contig lines) given as GRCh38 is refused at the first position past a contig end, or built on the wrong build is caught by gene models', () => {
    const refGene = path.join(SHARED_DATA, 'genes', 'refGene.hg38.2017.txt.gz');
    expectCleanFailure(['--build', 'GRCh37', '--genes', refGene], /refGene\.hg38\.2017\.txt\.gz:\d+: transcript \S+ ends at \d+, past the end of chr\w+ in GRCh37/);
  });
});
