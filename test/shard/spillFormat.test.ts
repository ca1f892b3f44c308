import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../../src/annotate/types';
import { InputError } from '../../src/errors';
import { storedContigInOrder, spilledContigInOrder, SpillChunk, VariantSpill, writeSpillChunks } from '../../src/shard/variantSpill';
import { toStored } from '../../src/store/storedVariant';

// Every optional shape the annotator and `merge` produce: nulls, absent keys, empty strings,
// non-ASCII text, family calls, plugin outputs, INFO/MQ on some alleles and `--transcripts all` lists on some gene entries.
function variants(): AnnotatedVariant[] {
  const base = (pos: number): AnnotatedVariant => ({ chrom: 'chr7', pos, ref: 'A', alt: 'G', id: '.', filter: 'PASS', qual: 50.5, zygosity: 'het', line: pos + 10, consequence: 'intergenic_variant', genes: [], gnomad: null, clinvar: null });
  const a = base(100);
  a.call = { gt: '0/1', copies: 1, ploidy: 2, dp: 30, gq: 99, ad: [15, 15] };
  a.mappingQuality = 59.13;
  const b: AnnotatedVariant = {
    ...base(200),
    ref: 'CTTT',
    alt: 'C',
    id: 'rs123;rs456',
    filter: 'LowQual;q10',
    qual: null,
    zygosity: 'hom',
    line: null,
    consequence: 'frameshift_variant',
    genes: [
      { gene: 'BRCA2', transcript: 'NM_000059.4', consequence: 'frameshift_variant', terms: ['frameshift_variant', 'splice_region_variant'], location: 'exon 11/27', maneSelect: true, hgvsC: 'NM_000059.4:c.5946del', hgvsP: null },
      { gene: 'ZAR1L', transcript: 'NR_1.1', consequence: 'upstream_gene_variant', terms: ['upstream_gene_variant'], location: '', maneSelect: false, hgvsC: null, hgvsP: undefined },
      { gene: 'X', transcript: 'NM_2.1', consequence: 'intron_variant', terms: [], location: null, maneSelect: false },
    ],
    gnomad: { af: 0.25, ac: null, an: 1000, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'AC0' },
    clinvar: { id: '9999', significance: 'Pathogenic', reviewStatus: 'criteria provided, single submitter', stars: 1, conditions: ['Fanconi anemia, complementation group D1', 'Maladie éç 中'] },
  };
  b.call = { gt: './.', copies: null, ploidy: 0, dp: null, gq: null, ad: null };
  b.family = [b.call, { gt: '1/1', copies: 2, ploidy: 2, dp: 12, gq: 40, ad: [0, 12] }];
  b.plugins = { annotations: { cadd: 23.5, note: null }, scores: { s: null }, deleteriousness: { value: 0.9, by: 'p' } };
  b.source = { info: 'AC=1,1;AN=2;NOTE=Maladie%3B éç', call: null, altIndex: 2, altCount: 2 };
  a.source = { info: '.', call: 'GT:AD:DP:GQ:PL\t0/1:15,15:30:99:99,0,99', altIndex: 1, altCount: 1 };
  const c: AnnotatedVariant = { ...base(150), qual: -0, line: 2 ** 33, gnomad: { af: 1e-6, ac: 1, an: 152312, nhomalt: 0, grpmaxAf: 3.2e-5, grpmax: 'afr', filter: 'PASS' } };
  c.genes = [{ gene: 'G', transcript: 'NM_3.1', consequence: 'missense_variant', terms: ['missense_variant'], location: 'exon 2/5', maneSelect: true, hgvsC: 'c', hgvsP: 'p', transcripts: [{ transcript: 'NM_3.1', consequence: 'missense_variant', terms: ['missense_variant'], location: 'exon 2/5', maneSelect: true, canonical: true, hgvsC: 'c', hgvsP: 'p' }] }];
  c.mappingQuality = 60;
  return [a, b, c];
}

describe('columnar spill chunks', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-spillfmt-'));

  it('give back every variant with the same JSON (fields, key order) and the same objects', () => {
    const spill = VariantSpill.create(parent);
    const vs = variants();
    spill.addVariants(0, vs);
    const back = [...spill.inReadOrder()];
    expect(back.map((v) => JSON.stringify(v))).toEqual(vs.map((v) => JSON.stringify(v)));
    expect(back).toEqual(vs);
    expect(Object.is(back[2].qual, -0)).toBe(true);
    // Whole-number columns are written as Int32 only when every value fits.
    const ints = VariantSpill.create(parent);
    ints.addVariants(0, vs.slice(0, 2));
    expect([...ints.inReadOrder()]).toEqual(vs.slice(0, 2));
    ints.remove();
    spill.remove();
  });

  it("decode into the store's rows exactly as toStored makes them (JSON and key order)", () => {
    const spill = VariantSpill.create(parent);
    const vs = variants();
    spill.addVariants(0, vs);
    const stored = [...storedContigInOrder(spill.chunksOf('chr7'))].map((r) => r.stored);
    const expected = [...spilledContigInOrder(spill.chunksOf('chr7'))].map((v) => toStored(v, 0, null, []));
    expect(stored.map((s) => JSON.stringify(s))).toEqual(expected.map((s) => JSON.stringify(s)));
    expect(stored.map((s) => s.pos1)).toEqual([100, 150, 200]);
    // The input record's own fields travel beside the rows, for the cold tier only.
    expect([...storedContigInOrder(spill.chunksOf('chr7'))].map((r) => r.source)).toEqual([...spilledContigInOrder(spill.chunksOf('chr7'))].map((v) => v.source ?? null));
    expect([...storedContigInOrder(spill.chunksOf('chr7'))].filter((r) => r.source !== null)).toHaveLength(2);
    spill.remove();
  });

  describe('a damaged chunk is one InputError naming the file', () => {
    const damagedBy = (change: (file: string) => void): InputError => {
      const spill = VariantSpill.create(parent);
      const chunks: SpillChunk[] = writeSpillChunks(spill.dir, 0, variants());
      spill.add(chunks);
      change(chunks[0].file);
      try {
        for (const read of [() => [...spill.inReadOrder()], () => [...storedContigInOrder(chunks)]]) {
          let err: unknown = null;
          try {
            read();
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(InputError);
          expect((err as InputError).message).toContain(chunks[0].file);
          expect((err as InputError).message).not.toContain('\n');
        }
        let err: unknown = null;
        try {
          [...spill.inReadOrder()];
        } catch (e) {
          err = e;
        }
        return err as InputError;
      } finally {
        spill.remove();
      }
    };

    it('truncated', () => {
      expect(damagedBy((f) => fs.truncateSync(f, fs.statSync(f).size - 9)).message).toMatch(/spill chunk unreadable \(truncated/);
      expect(damagedBy((f) => fs.truncateSync(f, 5)).message).toMatch(/bad magic/);
    });

    it('with a byte changed', () => {
      const msg = damagedBy((f) => {
        const b = fs.readFileSync(f);
        b[b.length - 20] ^= 0x55;
        fs.writeFileSync(f, b);
      }).message;
      expect(msg).toMatch(/checksum mismatch/);
    });

    it('removed', () => {
      expect(damagedBy((f) => fs.rmSync(f)).message).toMatch(/ENOENT/);
    });

    it('replaced by a chunk of another contig', () => {
      const other = fs.mkdtempSync(path.join(parent, 'other-'));
      const [chunk] = writeSpillChunks(other, 0, [{ ...variants()[0], chrom: 'chr8' }]);
      expect(damagedBy((f) => fs.copyFileSync(chunk.file, f)).message).toMatch(/holds 1 alleles of chr8, its listing says 3 of chr7/);
    });
  });
});
