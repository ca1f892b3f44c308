/**
 * Chain liftover checked against ClinVar's own positions: the 2016 ClinVar release exists on GRCh37
 * and (lifted with UCSC hg19ToHg38, SNVs checked against ClinVar's GRCh38 positions) on GRCh38. Our
 * hg38ToHg19 lift of each GRCh38 SNV must give the GRCh37 position of the same MEASURESET_ID.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ChainLiftover } from '../../src/reference/chainLiftover';
import { hasCommand, SHARED_DATA, sharedAvailable } from '../helpers/cli';

const d = sharedAvailable() && hasCommand('bcftools') ? describe : describe.skip;

function snvsById(file: string): Map<string, { chrom: string; pos: number }> {
  const r = spawnSync('bcftools', ['query', '-i', 'strlen(REF)=1 && strlen(ALT)=1', '-f', '%CHROM\t%POS\t%INFO/MEASURESET_ID\n', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = new Map<string, { chrom: string; pos: number }>();
  for (const l of r.stdout.trim().split('\n')) {
    const [chrom, pos, id] = l.split('\t');
    out.set(id, { chrom: chrom.replace(/^chr/, ''), pos: Number(pos) });
  }
  return out;
}

d('ChainLiftover hg38 -> hg19', () => {
  test('lifts 99.5%+ of sampled ClinVar SNVs to their GRCh37 positions', () => {
    const lift = new ChainLiftover(path.join(SHARED_DATA, 'chains', 'chain_hg38ToHg19.over.chain.gz'));
    const g37 = snvsById(path.join(SHARED_DATA, 'clinvar', 'clinvar.20161102.GRCh37.macarthur.vcf.gz'));
    const g38 = snvsById(path.join(SHARED_DATA, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz'));
    const ids = [...g38.keys()].filter((id, i) => i % 10 === 0 && g37.has(id));
    expect(ids.length).toBeGreaterThan(5000);
    let same = 0;
    for (const id of ids) {
      const a = g38.get(id)!;
      const r = lift.liftInterval(`chr${a.chrom}`, a.pos, a.pos);
      const b = g37.get(id)!;
      if (r && r.chrom === `chr${b.chrom}` && r.start1 === b.pos) same++;
    }
    expect(same / ids.length).toBeGreaterThan(0.995);
  });

  test('an interval across an indel between the assemblies is not lifted', () => {
    const lift = new ChainLiftover(path.join(SHARED_DATA, 'chains', 'chain_hg38ToHg19.over.chain.gz'));
    // A whole chromosome arm spans many alignment gaps: it cannot keep its length.
    expect(lift.liftInterval('chr1', 1_000_000, 50_000_000)).toBeNull();
  });
});
