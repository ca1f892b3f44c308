/**
 * INFO/MQ enters the call confidence (src/prioritise/mappingQuality.ts): a call at a site whose
 * reads map poorly loses most of its evidence, and says why; a VCF whose MQ is on another scale
 * than 0-60 is ranked without it, with a warning; `annotate --shard` + `merge` decide the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { writeIndexedText } from '../../src/io/indexedTextWriter';
import { VCF_TABIX } from '../../src/io/tabixWriter';
import type { Results } from '../../src/report/results';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

const HPO = ['--hpo-file', path.join(path.dirname(DEMO_VCF), 'demo-proband.hpo.txt')];
/** The demo's causal KMT2D frameshift (samples/README.md). */
const CAUSAL = { chrom: 'chr12', pos: 49025149 };

/** The demo VCF with an MQ header line and INFO/MQ on every record: `mqAt` gives each record's value. */
function demoWithMq(file: string, mqAt: (chrom: string, pos: number) => number): string {
  const text = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8');
  const header: string[] = [];
  const lines: Array<{ text: string; ref: string; beg0: number; end0: number }> = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('##')) header.push(line);
    else if (line.startsWith('#')) header.push('##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS mapping quality">', line);
    else {
      const f = line.split('\t');
      const pos = Number(f[1]);
      f[7] = `${f[7] === '.' ? '' : `${f[7]};`}MQ=${mqAt(f[0], pos)}`;
      lines.push({ text: f.join('\t'), ref: f[0], beg0: pos - 1, end0: pos - 1 + f[3].length });
    }
  }
  writeIndexedText(file, header, lines, VCF_TABIX);
  return file;
}

function run(vcf: string, out: string, extra: string[] = []): Results {
  const r = runCli(['run', '--vcf', vcf, ...HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q', '--no-store', ...extra]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
}

const rankOf = (r: Results, gene: string): number | undefined => r.candidates.find((c) => c.gene.symbol === gene)?.rank;

describe('INFO/MQ in the call confidence', () => {
  const dir = tmpDir();
  const isCausal = (chrom: string, pos: number): boolean => chrom === CAUSAL.chrom && pos === CAUSAL.pos;
  const lowVcf = path.join(dir, 'low.vcf.gz');
  let plain: Results;
  let good: Results;
  let low: Results;
  let otherScale: Results;
  beforeAll(() => {
    plain = run(DEMO_VCF, path.join(dir, 'plain'));
    good = run(demoWithMq(path.join(dir, 'good.vcf.gz'), () => 60), path.join(dir, 'good'));
    low = run(demoWithMq(lowVcf, (c, p) => (isCausal(c, p) ? 20 : 60)), path.join(dir, 'low'));
    // Bowtie 2's scale tops out at 42.
    otherScale = run(demoWithMq(path.join(dir, 'bowtie.vcf.gz'), (c, p) => (isCausal(c, p) ? 20 : 40)), path.join(dir, 'bowtie'));
  }, 120000);

  it('is recorded in results.json: absent without MQ, used with MQ on the 0-60 scale', () => {
    expect(plain.settings.mapping_quality).toBe('absent');
    expect(good.settings.mapping_quality).toBe('used');
    expect(low.settings.mapping_quality).toBe('used');
  });

  it('leaves well-mapped calls nearly as they were', () => {
    expect(good.candidates.map((c) => c.gene.symbol)).toEqual(plain.candidates.map((c) => c.gene.symbol));
    expect(rankOf(good, 'KMT2D')).toBe(1);
    const before = plain.candidates[0].variants[0].score;
    expect(good.candidates[0].variants[0].score).toBeCloseTo(before * 0.981, 2);
  });

  it('takes most of the evidence from a call whose reads map poorly', () => {
    // KMT2D is left with the evidence of its other, intronic, call.
    const kmt2d = low.candidates.find((c) => c.gene.symbol === 'KMT2D');
    expect(kmt2d?.rank ?? Infinity).toBeGreaterThan(1);
    expect(kmt2d?.variants.map((v) => v.pos)).not.toContain(CAUSAL.pos);
    expect(low.candidates[0].gene.symbol).toBe(plain.candidates[1].gene.symbol);
  });

  it('is not used when the calls\' MQ is on another scale, with a warning', () => {
    expect(otherScale.settings.mapping_quality).toBe('off');
    expect(otherScale.warnings).toContainEqual(expect.stringMatching(/^INFO\/MQ not used: the calls' median MQ is 40-45, below 50/));
    expect(otherScale.candidates.map((c) => [c.gene.symbol, c.score])).toEqual(plain.candidates.map((c) => [c.gene.symbol, c.score]));
  });

  it('is decided the same by annotate --shard + merge as by run', () => {
    const shards = [1, 2].map((i) => {
      const out = path.join(dir, `low-${i}.vtshard.gz`);
      expect(runCli(['annotate', '--vcf', lowVcf, '--reference', DEMO_BUNDLE, '--shard', `${i}/2`, '--out', out, '-q']).code).toBe(0);
      return out;
    });
    const mergedOut = path.join(dir, 'merged');
    const r = runCli(['merge', ...shards, ...HPO, '--reference', DEMO_BUNDLE, '--out', mergedOut, '-q', '--no-store']);
    expect(r.code).toBe(0);
    const merged = JSON.parse(fs.readFileSync(path.join(mergedOut, 'results.json'), 'utf8')) as Results;
    expect(merged.settings.mapping_quality).toBe('used');
    expect(merged.candidates).toEqual(low.candidates);
  }, 120000);
});
