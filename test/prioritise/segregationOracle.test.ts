/**
 * Segregation on the real NA12878 trio joint call against bcftools as the oracle:
 * - de novo calls vs a `bcftools view -i` genotype query with the same thresholds (DP >= 10, GQ >= 20);
 * - every de novo call and every homozygous child of a reference parent is a Mendelian error to
 *   `bcftools +mendelian -m x` (Debian's bcftools 1.16 ships +mendelian; +mendelian2 came later).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readShard } from '../../src/annotate/readShard';
import { inflateWholeFile } from '../../src/io/bgzf';
import { readPed } from '../../src/io/ped';
import { readVcfHeader } from '../../src/io/vcfHeader';
import { resolveFamily } from '../../src/prioritise/family';
import { Segregation } from '../../src/prioritise/segregation';
import { readManifest } from '../../src/reference/manifest';
import { wholeFileShard } from '../../src/shard/plan';
import { ContigAliases } from '../../src/variant/contigs';
import { DEMO_BUNDLE, hasCommand, sharedAvailable, SHARED_DATA, tmpDir } from '../helpers/cli';

const TRIO_VCF = path.join(SHARED_DATA, 'vcf', 'NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz');
const [CHILD, FATHER, MOTHER] = ['NA12878x2_80', 'NA12891_14', 'NA12892_18'];

function bcftoolsSites(args: string[]): Set<string> {
  const r = spawnSync('bcftools', args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`bcftools ${args.join(' ')}: ${r.stderr}`);
  return new Set(r.stdout.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').slice(0, 2).join(':')));
}

(sharedAvailable() && hasCommand('bcftools') ? describe : describe.skip)('segregation on the real NA12878 trio vs bcftools', () => {
  const dir = tmpDir();
  const pedFile = path.join(dir, 'trio.ped');
  // The CEPH 1463 pedigree: NA12878 is the daughter of NA12891 and NA12892 (Coriell).
  fs.writeFileSync(pedFile, `CEPH1463 ${CHILD} ${FATHER} ${MOTHER} 2 2\nCEPH1463 ${FATHER} 0 0 1 1\nCEPH1463 ${MOTHER} 0 0 2 1\n`);
  const header = readVcfHeader(TRIO_VCF);
  const family = resolveFamily(readPed(pedFile), header.samples, undefined);
  const read = readShard(wholeFileShard(TRIO_VCF), { sampleColumn: family.columns[0], displayName: TRIO_VCF, compression: 'bgzf', family: { columns: family.columns, build: 'GRCh38' } }, new ContigAliases(readManifest(DEMO_BUNDLE).contigs));
  const seg = new Segregation(family, 'GRCh38');
  // bcftools names a site by the record's CHROM:POS; trimming can move an indel's POS, so key by the VCF line.
  const recordPos = inflateWholeFile(TRIO_VCF, TRIO_VCF).toString('utf8').split('\n').map((l) => l.split('\t', 2)[1]);
  const site = (v: { chrom: string; line?: number }): string => `${v.chrom}:${recordPos[(v.line as number) - 1]}`;

  it('finds the trio and reads every member\'s GT, DP, GQ and AD', () => {
    expect(family.members.map((m) => m.relation)).toEqual(['proband', 'father', 'mother']);
    expect(read.variants.length).toBeGreaterThan(30000);
    expect(read.variants.every((v) => v.family?.length === 3)).toBe(true);
  });

  it('calls de novo exactly where bcftools finds a carrier child of two reference parents with DP >= 10, GQ >= 20', () => {
    const mine = new Set(read.variants.filter((v) => seg.deNovo(seg.states(v)) === true).map(site));
    const oracle = bcftoolsSites(['view', '-H', '-i', 'GT[0]="alt" && GT[1]="RR" && GT[2]="RR" && FMT/DP[1]>=10 && FMT/DP[2]>=10 && FMT/GQ[1]>=20 && FMT/GQ[2]>=20', TRIO_VCF]);
    expect(oracle.size).toBe(192);
    expect([...mine].sort()).toEqual([...oracle].sort());
  });

  it('every de novo call, and every homozygous child of a reference parent, is a Mendelian error to bcftools +mendelian', () => {
    const errors = bcftoolsSites(['+mendelian', TRIO_VCF, '-t', `${MOTHER},${FATHER},${CHILD}`, '-m', 'x']);
    const deNovo = read.variants.filter((v) => seg.deNovo(seg.states(v)) === true);
    const homFromRef = read.variants.filter((v) => {
      const s = seg.single('AR', v);
      return seg.states(v)[0].status === 'homozygous' && !s.fits && /does not carry it/.test(s.explanation) && v.family?.every((c) => c.copies !== null);
    });
    expect(deNovo.length).toBeGreaterThan(100);
    expect(homFromRef.length).toBeGreaterThan(10);
    const notErrors = [...deNovo, ...homFromRef].map(site).filter((k) => !errors.has(k));
    expect(notErrors).toEqual([]);
  });
});
