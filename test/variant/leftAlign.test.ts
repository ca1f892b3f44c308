import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readShard } from '../../src/annotate/readShard';
import { ContigAliases } from '../../src/variant/contigs';
import { leftAlign } from '../../src/variant/normalise';
import { hasCommand, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

/** A reference where position p (1-based) is REF[p - 1]. */
const REF = 'GATTACACACAGGGTTT';
const base = (p: number): string | null => (p >= 1 && p <= REF.length ? REF[p - 1] : null);

describe('leftAlign (Tan et al. 2015)', () => {
  it.each([
    ['a deletion of one CA repeat unit at the right end moves to the left end', 9, 'ACA', 'A', { pos: 4, ref: 'TAC', alt: 'T' }],
    ['an insertion of a repeat unit moves left', 10, 'C', 'CAC', { pos: 4, ref: 'T', alt: 'TAC' }],
    ['a deletion of one G in a G run moves to the run start', 13, 'GG', 'G', { pos: 11, ref: 'AG', alt: 'A' }],
    ['a substitution is unchanged', 5, 'A', 'G', { pos: 5, ref: 'A', alt: 'G' }],
    ['an indel with nothing to its left is kept', 1, 'GA', 'G', { pos: 1, ref: 'GA', alt: 'G' }],
  ])('%s', (_why, pos, ref, alt, expected) => {
    expect(leftAlign(pos, ref, alt, base)).toEqual(expected);
  });

  it('leaves an indel alone where the reference base is unknown', () => {
    expect(leftAlign(10, 'C', 'CAC', () => null)).toEqual({ pos: 10, ref: 'C', alt: 'CAC' });
  });
});

const d = sharedAvailable() && hasCommand('bcftools') ? describe : describe.skip;

d('indel normalisation equals bcftools norm -f on real chr21 records', () => {
  it('gives the same alleles for every indel in the sequenced part of chr21', () => {
    const dir = tmpDir('vartriage-leftalign-');
    const fasta = path.join(SHARED_DATA, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz');
    // Real NA12878 chr21 calls inside the block with real sequence (the FASTA is N elsewhere), renamed to the FASTA's "21".
    const text = zlib.gunzipSync(fs.readFileSync(path.join(SHARED_DATA, 'vcf', 'PG_NA12878_hg38-chr21.vcf.gz'))).toString('utf8');
    const lines = text.split('\n').filter((l) => {
      if (l.startsWith('##contig')) return false;
      if (l.startsWith('#') || !l) return l.length > 0;
      const [, pos] = l.split('\t');
      return Number(pos) > 24_990_000 && Number(pos) < 26_020_000;
    });
    const body = lines.map((l) => (l.startsWith('#') ? l : l.replace(/^chr21\t/, '21\t')));
    body.splice(1, 0, '##contig=<ID=21,length=46709983>');
    const vcf = path.join(dir, 'in.vcf');
    fs.writeFileSync(vcf, body.join('\n') + '\n');
    const norm = spawnSync('bcftools', ['norm', '-f', fasta, '-m', '-any', '-c', 'w', vcf], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(norm.status).toBe(0);
    const expected = norm.stdout
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .filter((c) => c[3].length !== c[4].length)
      .map((c) => `${c[1]}:${c[3]}:${c[4]}`)
      .sort();
    const aliases = new ContigAliases([{ name: 'chr21', length: 46709983, aliases: ['21'] }]);
    const ours = readShard({ index: 0, vcf, ranges: null, regions: null }, { sampleColumn: -1, displayName: 'in.vcf', compression: 'none', fasta }, aliases)
      .variants.filter((v) => v.ref.length !== v.alt.length)
      .map((v) => `${v.pos}:${v.ref}:${v.alt}`)
      .sort();
    expect(expected.length).toBeGreaterThan(200);
    expect(ours).toEqual(expected);
  });
});
