import type { AnnotatedVariant } from '../annotate/types';
import type { PluginFacts, PluginVariant } from './types';

/** INFO text of a VCF record as a record of key to value (`true` for a flag), VCF 4.3 §1.6.1 column 8. */
export function infoRecord(text: string): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  if (text === '' || text === '.') return out;
  for (const kv of text.split(';')) {
    if (kv === '') continue;
    const eq = kv.indexOf('=');
    if (eq < 0) out[kv] = true;
    else out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

/** The plugin's view of an annotated variant; `annotations` and `scores` are the variant's live facts. */
export function pluginVariant(a: AnnotatedVariant, info: string, facts: PluginFacts): PluginVariant {
  return {
    chrom: a.chrom,
    pos: a.pos,
    ref: a.ref,
    alt: a.alt,
    id: a.id,
    filter: a.filter,
    qual: a.qual,
    zygosity: a.zygosity,
    consequence: a.consequence,
    genes: a.genes.map((g) => ({ gene: g.gene, transcript: g.transcript, consequence: g.consequence, hgvsC: g.hgvsC ?? null, hgvsP: g.hgvsP ?? null })),
    gnomad: a.gnomad ? { af: a.gnomad.af, grpmaxAf: a.gnomad.grpmaxAf } : null,
    clinvar: a.clinvar ? { significance: a.clinvar.significance, stars: a.clinvar.stars } : null,
    info: infoRecord(info),
    annotations: facts.annotations,
    scores: facts.scores,
  };
}

/** `chr1:123 A>G`, as plugin error lines name a variant. */
export function variantLabel(v: { chrom: string; pos: number; ref: string; alt: string }): string {
  return `${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
}
