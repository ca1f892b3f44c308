import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DEMO_VCF, hasCommand, sharedAvailable, SHARED_DATA, tmpDir } from '../helpers/cli';
import { errorLines, runDemo } from './helpers';

const CLINVAR = path.join(SHARED_DATA, 'clinvar', 'clinvar.20260226.GRCh38.cancer-panel.vcf.gz');
const REGION = '13:32332000-32357000';

/** bcftools as the oracle: the records of the real ClinVar VCF at one position. */
function bcftools(region: string): Array<{ pos: number; ref: string; alt: string; id: string; clnsig: string }> {
  const r = spawnSync('bcftools', ['query', '-r', region, '-f', '%POS\t%REF\t%ALT\t%ID\t%CLNSIG\n', CLINVAR], { encoding: 'utf8' });
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => {
    const [pos, ref, alt, id, clnsig] = l.split('\t');
    return { pos: Number(pos), ref, alt, id, clnsig: clnsig === '.' ? '' : clnsig };
  });
}

/** Real ClinVar (VCF, chromosome names without "chr") as a configured source on a sample of real ClinVar alleles. */
(sharedAvailable() && hasCommand('bcftools') ? describe : describe.skip)('a real VCF as a configured source (ClinVar 2026-02 cancer panel)', () => {
  const dir = tmpDir();
  // Real BRCA2 alleles with one ALT (SNVs and a deletion that trimming must match), as a het sample on the demo's header.
  const picked = bcftools(REGION).filter((r) => !r.alt.includes(',')).filter((_, i) => i % 40 === 0).slice(0, 8);
  const header = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8').split('\n').filter((l) => l.startsWith('#'));
  const vcf = path.join(dir, 'brca2-real-alleles.vcf');
  fs.writeFileSync(vcf, [...header, ...picked.map((r) => `chr13\t${r.pos}\t.\t${r.ref}\t${r.alt}\t100\tPASS\tDP=40\tGT:AD:DP:GQ\t0/1:20,20:40:99`)].join('\n') + '\n');
  const cfg = path.join(dir, 'clinvar.json');
  fs.writeFileSync(cfg, JSON.stringify({
    sources: [
      { name: 'clinvar_real', file: CLINVAR, version: '2026-02-26', match: 'allele', fields: [{ field: 'ID', as: 'clinvar_real_id' }, { field: 'CLNSIG', as: 'clinvar_real_sig' }] },
      { name: 'clinvar_near', file: CLINVAR, version: '2026-02-26', match: 'overlap', fields: [{ field: 'CLNSIG', as: 'clinvar_overlap_sigs', op: 'concat' }] },
    ],
  }));

  it('matches by allele and by overlap as bcftools sees the file', () => {
    expect(picked.length).toBeGreaterThan(3);
    const r = runDemo(path.join(dir, 'out'), ['--config', cfg, '--top', '50', '--max-af', '1'], {}, vcf);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const shown = r.results.candidates.flatMap((c) => c.variants).filter((v) => v.chrom === 'chr13');
    expect(shown.length).toBeGreaterThan(0);
    // Every shown allele was taken from ClinVar, so each must have found itself.
    expect(shown.every((v) => typeof v.annotations?.clinvar_real_id === 'string')).toBe(true);
    for (const v of shown) {
      const atPos = bcftools(`13:${v.pos}-${v.pos + v.ref.length - 1}`);
      const same = atPos.find((o) => o.pos === v.pos && o.ref === v.ref && o.alt === v.alt);
      expect(v.annotations?.clinvar_real_id).toBe(same?.id);
      expect(v.annotations?.clinvar_real_sig).toBe(same?.clnsig);
      expect(v.annotations?.clinvar_overlap_sigs).toBe([...new Set(atPos.map((o) => o.clnsig).filter(Boolean))].join(',') || null);
    }
  });
});
