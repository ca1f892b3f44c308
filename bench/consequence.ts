/**
 * Consequence and HGVS benchmark (issue #6). Not part of `npm test`: `npm run bench:consequence`.
 * Writes bench/results/consequence.json with agreement rates against
 *  - ClinVar GRCh38 INFO/MC (NCBI's molecular consequence) on the MANE Select transcript, for the
 *    records whose class needs no sequence (no genome FASTA covers the cancer panel genes here);
 *  - the published case variants' HGVS c. (cases/dev.jsonl.gz) on the named RefSeq transcript;
 *  - Ensembl VEP's expected HGVS p. strings on chr21, where sequence exists;
 * and consequence throughput in variants/s. Models: refGene (2017, accessions without version) and
 * its MANE v1.0 rows, read with the minimal reader in bench/lib (see its comment).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { TranscriptSequenceCache } from '../src/annotate/codingSequence';
import { FLANK_BP, transcriptConsequence } from '../src/annotate/consequence';
import { ConsequenceTerm, severityRank } from '../src/annotate/soTerms';
import { IndexedFasta } from '../src/io/fasta';
import type { TranscriptRecord } from '../src/reference/genes';
import { readVepCacheDump } from '../src/reference/parse/vepCacheDump';
import { isSymbolicAllele, trimAlleles } from '../src/variant/normalise';
import { readGenePredLite } from './lib/genePredLite';
import { transcriptSetThroughput } from './lib/transcriptSetThroughput';
import { categorise, clnhgvsAllele, inDifferingPart, McCategory } from './lib/mcCategories';

const DATA = path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
const DATA_DIR = fs.existsSync(DATA) ? DATA : path.resolve(process.cwd(), '..', 'shared', 'data');
const OUT = path.resolve(process.cwd(), 'bench', 'results', 'consequence.json');

const gunzipText = (f: string): string => zlib.gunzipSync(fs.readFileSync(f)).toString('utf8');
const bare = (c: string): string => c.replace(/^chr/, '');
const rate = (ok: number, n: number): number => (n === 0 ? 0 : Math.round((ok / n) * 10000) / 10000);

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

/** Transcripts by contig, sorted by start, with a per-contig bound on length for window queries. */
class TxIndex {
  private readonly by = new Map<string, { list: TranscriptRecord[]; maxLen: number }>();
  constructor(txs: TranscriptRecord[]) {
    for (const t of txs) {
      const k = bare(t.chrom);
      let e = this.by.get(k);
      if (!e) this.by.set(k, (e = { list: [], maxLen: 0 }));
      e.list.push(t);
      e.maxLen = Math.max(e.maxLen, t.end1 - t.start1 + 1);
    }
    for (const e of this.by.values()) e.list.sort((a, b) => a.start1 - b.start1);
  }
  near(chrom: string, pos: number): TranscriptRecord[] {
    const e = this.by.get(bare(chrom));
    if (!e) return [];
    let lo = 0;
    let hi = e.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (e.list[mid].start1 - FLANK_BP <= pos) lo = mid + 1;
      else hi = mid;
    }
    const out: TranscriptRecord[] = [];
    for (let i = lo - 1; i >= 0 && e.list[i].start1 >= pos - e.maxLen - FLANK_BP; i--) if (e.list[i].end1 + FLANK_BP >= pos) out.push(e.list[i]);
    return out;
  }
}

// ---- models -------------------------------------------------------------------------------
const maneRows = readGenePredLite(path.join(DATA_DIR, 'genes', 'MANE.v1.0-x-refGene.hg38.genePred.txt.gz'));
/** MANE Select refGene model per gene symbol, with the MANE versioned accession and span agreement. */
const maneByGene = new Map<string, { tx: TranscriptRecord; maneAcc: string; spanExact: boolean }>();
const maneByAcc = new Map<string, { tx: TranscriptRecord; maneAcc: string; spanExact: boolean }>();
for (const r of maneRows) {
  // extra: score, name2, cdsStartStat, cdsEndStat, exonFrames, mane_refseq, mane_ensembl, mane_status, span_match
  if (r.extra[7] !== 'MANE Select' || !/^chr[0-9XYM]+$/.test(r.tx.chrom)) continue;
  const e = { tx: { ...r.tx, maneSelect: true }, maneAcc: r.extra[5], spanExact: r.extra[8] === 'exact' };
  maneByGene.set(r.tx.geneSymbol, e);
  maneByAcc.set(r.extra[5], e);
}
/** MANE v1.0 transcript spans (summary file, 1-based) by versioned RefSeq accession. */
const maneSpan = new Map<string, [number, number]>();
for (const line of gunzipText(path.join(DATA_DIR, 'genes', 'MANE.GRCh38.v1.0.summary.txt.gz')).split('\n')) {
  const f = line.split('\t');
  if (f.length >= 14 && f[0][0] !== '#') maneSpan.set(f[5], [Number(f[11]), Number(f[12])]);
}
const refGene = readGenePredLite(path.join(DATA_DIR, 'genes', 'refGene.hg38.2017.txt.gz')).filter((r) => /^chr[0-9XYM]+$/.test(r.tx.chrom));
const refGeneByAcc = new Map<string, TranscriptRecord>();
const refGeneByGene = new Map<string, TranscriptRecord[]>();
for (const r of refGene) {
  if (!refGeneByAcc.has(r.tx.accession)) refGeneByAcc.set(r.tx.accession, r.tx);
  let l = refGeneByGene.get(r.tx.geneSymbol);
  if (!l) refGeneByGene.set(r.tx.geneSymbol, (l = []));
  l.push(r.tx);
}

// ---- ClinVar MC -----------------------------------------------------------------------------
/** NCBI's MC names mapped to the Ensembl/SO names we print. */
const MC_NAME: Record<string, ConsequenceTerm[]> = {
  nonsense: ['stop_gained'],
  initiator_codon_variant: ['start_lost'],
  inframe_indel: ['inframe_deletion', 'inframe_insertion', 'protein_altering_variant'],
};
const IGNORED_MC = new Set(['non-coding_transcript_variant', 'genic_upstream_transcript_variant', 'genic_downstream_transcript_variant', 'no_sequence_alteration']);
/** MC terms by record: NCBI's names mapped to ours, terms that say nothing about the MANE transcript dropped. */
function mcTerms(mc: string): Set<string> {
  const theirs = new Set<string>();
  for (const item of mc.split(',')) {
    const name = item.split('|')[1];
    if (IGNORED_MC.has(name)) continue;
    for (const n of MC_NAME[name] ?? [name]) theirs.add(n);
  }
  return theirs;
}

function clinvarMc() {
  const text = gunzipText(path.join(DATA_DIR, 'clinvar', 'clinvar.20260226.GRCh38.cancer-panel.vcf.gz'));
  const counts: Record<string, number> = {};
  const disagreements: Record<string, number> = {};
  const byCategory: Record<McCategory | 'agree', number> = { agree: 0, model_version: 0, mc_not_on_mane: 0, needs_sequence: 0, ncbi_hgvs_placement: 0, mc_lacks_coding_term: 0, mc_on_other_transcript: 0, unexplained: 0 };
  const examples: Partial<Record<McCategory, string[]>> = {};
  /** Records with an MC term on a gene that has a MANE Select model (the base of the model-difference rate). */
  let withMc = 0;
  let rawAgree = 0;
  let rawCompared = 0;
  let compared = 0;
  let agree = 0;
  let modelVersionAgree = 0;
  for (const line of text.split('\n')) {
    if (line === '' || line[0] === '#') continue;
    const f = line.split('\t', 8);
    const [chrom, posText, , ref, alt, , , info] = f;
    const mc = /(?:^|;)MC=([^;]+)/.exec(info)?.[1];
    const gene = /(?:^|;)GENEINFO=([^:;]+)/.exec(info)?.[1];
    if (isSymbolicAllele(alt) || !/^[ACGTN]+$/.test(ref + alt)) {
      bump(counts, 'skipped_symbolic_or_non_acgt');
      continue;
    }
    if (!mc) {
      bump(counts, 'no_mc');
      continue;
    }
    const mane = gene ? maneByGene.get(gene) : undefined;
    const span = mane ? maneSpan.get(mane.maneAcc) : undefined;
    if (!mane || !span) {
      bump(counts, 'no_mane_refgene_model_for_gene');
      continue;
    }
    const t = trimAlleles(Number(posText), ref, alt);
    const theirs = mcTerms(mc);
    if (theirs.size === 0) {
      bump(counts, 'mc_only_noncoding_or_flanking_terms');
      continue;
    }
    withMc++;
    const c = transcriptConsequence(mane.tx, t.pos, t.ref, t.alt);
    // NCBI's MC has no splice_region_variant: compare our most severe term without it.
    const ourTerms = (c?.terms ?? ['intergenic_variant']).filter((x) => x !== 'splice_region_variant');
    const ours = ourTerms.length > 0 ? ourTerms[0] : 'splice_region_variant';
    const ok = theirs.has(ours);
    const hgvsG = /(?:^|;)CLNHGVS=([^;]+)/.exec(info)?.[1];
    const rec = { pos: t.pos, ref: t.ref, alt: t.alt, mc: theirs, ours, ncbiPlacement: hgvsG ? clnhgvsAllele(hgvsG) : null };
    const theirMost = [...theirs].sort((x, y) => severityRank(x) - severityRank(y))[0];
    // Model-version and off-MANE records are set apart whether or not they happen to agree.
    const modelVersion = inDifferingPart(rec, [mane.tx.start1, mane.tx.end1], span);
    const cat: McCategory | 'agree' = modelVersion ? 'model_version' : ok ? 'agree' : categorise(rec, mane.tx, span, refGeneByGene.get(mane.tx.geneSymbol) ?? []);
    byCategory[cat]++;
    if (cat !== 'needs_sequence') {
      rawCompared++;
      if (ok) rawAgree++;
    }
    if (cat === 'model_version') {
      if (ok) modelVersionAgree++;
      else bump(disagreements, `model_version:mc:${theirMost}->ours:${ours}`);
      continue;
    }
    if (cat === 'mc_not_on_mane' || cat === 'needs_sequence') {
      bump(disagreements, `${cat}:mc:${theirMost}->ours:${ours}`);
      continue;
    }
    compared++;
    if (ok) {
      agree++;
      continue;
    }
    bump(disagreements, `${cat}:mc:${theirMost}->ours:${ours}`);
    const ex = (examples[cat as McCategory] ??= []);
    if (ex.length < 12) ex.push(`${chrom}:${posText} ${ref.length > 12 ? ref.slice(0, 12) + '..' : ref}>${alt.length > 12 ? alt.slice(0, 12) + '..' : alt} ${mane.maneAcc} MC=${[...theirs].join('&')} ours=${c?.terms.join('&')}`);
  }
  return { withMc, compared, agree, rawCompared, rawAgree, modelVersionAgree, byCategory, counts, disagreements, examples };
}

// ---- published cases ----------------------------------------------------------------------
/** Normalised c. for comparison: text after the accession, deleted/duplicated bases dropped (c.76delA = c.76del). */
function normC(h: string): string {
  return h.replace(/^[^:]*:/, '').replace(/(del|dup)[ACGTN]+$/, '$1').replace(/^c\.\((.*)\)$/, 'c.$1');
}

function cases() {
  const text = gunzipText(path.join(DATA_DIR, 'cases', 'dev.jsonl.gz'));
  const seen = new Set<string>();
  const res = { compared: 0, agree: 0, versionUnverified: 0, versionUnverifiedAgree: 0, needsSequence: 0, noModel: 0, counts: {} as Record<string, number>, disagreements: {} as Record<string, number>, examples: [] as string[] };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const c = JSON.parse(line) as { variants: Array<{ chrom: string; pos: number; ref: string; alt: string; hgvs_c: string | null }> };
    for (const v of c.variants) {
      if (!v.hgvs_c || !/^N[MR]_\d+\.\d+:/.test(v.hgvs_c)) {
        bump(res.counts, 'no_refseq_hgvs_c');
        continue;
      }
      const key = `${v.chrom}:${v.pos}:${v.ref}:${v.alt}:${v.hgvs_c}`;
      if (seen.has(key)) continue; // the same variant in several cases counts once
      seen.add(key);
      const acc = v.hgvs_c.split(':')[0];
      const mane = maneByAcc.get(acc);
      // A refGene model is "the named version" only when MANE names that exact versioned
      // accession and the refGene model's span equals MANE's; otherwise its version is unknown.
      const sameVersion = mane !== undefined && mane.spanExact;
      const tx = sameVersion ? mane.tx : refGeneByAcc.get(acc.split('.')[0]);
      if (!tx) {
        res.noModel++;
        continue;
      }
      const t = trimAlleles(v.pos, v.ref, v.alt);
      const ours = transcriptConsequence(tx, t.pos, t.ref, t.alt)?.hgvsC ?? null;
      if (ours === null) {
        res.needsSequence++;
        continue;
      }
      const ok = normC(ours) === normC(v.hgvs_c);
      if (sameVersion) {
        res.compared++;
        if (ok) res.agree++;
        else {
          bump(res.disagreements, `case_hgvs_c:${kindOf(v.hgvs_c)}`);
          if (res.examples.length < 40) res.examples.push(`${v.chrom}:${v.pos} ${v.ref}>${v.alt} theirs=${v.hgvs_c} ours=${ours}`);
        }
      } else {
        res.versionUnverified++;
        if (ok) res.versionUnverifiedAgree++;
        else bump(res.disagreements, `case_hgvs_c_version_unverified:${kindOf(v.hgvs_c)}`);
      }
    }
  }
  return res;
}

function kindOf(h: string): string {
  if (/[+-]\d+[ACGT]>/.test(h) || /\d[+-]\d/.test(h)) return 'intronic';
  if (/delins/.test(h)) return 'delins';
  if (/del/.test(h)) return 'del';
  if (/dup/.test(h)) return 'dup';
  if (/ins/.test(h)) return 'ins';
  return 'substitution';
}

// ---- HGVS p. where sequence exists: VEP's expected p. strings on chr21 ---------------------
function vepProtein() {
  const vep = path.join(DATA_DIR, 'genes', 'vep-testdata');
  const fa = IndexedFasta.open(path.join(DATA_DIR, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz'));
  const seq = new TranscriptSequenceCache(fa);
  const models = new Map<string, TranscriptRecord>();
  for (const r of readGenePredLite(path.join(vep, 'vep_testdb_e84_chr21.genePred.txt'))) models.set(r.tx.accession, { ...r.tx, proteinAccession: r.extra[7] || null });
  for (const t of readVepCacheDump(path.join(vep, 'vep84_cache_merged_chr21_25-26Mb.tsv'))) if (!models.has(t.transcript.accession)) models.set(t.transcript.accession, t.transcript);
  // The genomic variants behind VEP's p. expectations (see test/annotate/vepOracle.test.ts).
  const byProtein: Record<string, [number, string, string]> = {
    'ENSP00000284967.6': [25585733, 'C', 'T'], 'NP_059142.2': [25585733, 'C', 'T'], 'XP_011527953.1': [25585733, 'C', 'T'],
    'ENSP00000382948.3': [25764755, 'G', 'A'], 'ENSP00000291568.5': [43774705, 'C', 'T'],
  };
  const rows = fs.readFileSync(path.join(vep, 'oracle', 'vep_t_expected_hgvs_strings.tsv'), 'utf8').split('\n').filter((l) => l.includes(':p.'));
  let compared = 0;
  let agree = 0;
  const disagreements: Record<string, number> = {};
  for (const row of rows) {
    const expected = row.split('\t')[1];
    const v = byProtein[expected.split(':')[0]];
    if (!v || expected.endsWith('Glu2Asp')) {
      bump(disagreements, 'vep_p_input_parsing_not_applicable');
      continue;
    }
    compared++;
    const ours = [...models.values()].map((t) => transcriptConsequence(t, v[0], v[1], v[2], seq)?.hgvsP ?? '').map((p) => p.replace(':p.(', ':p.').replace(/\)$/, ''));
    if (ours.includes(expected)) agree++;
    else bump(disagreements, `vep_p:${expected}`);
  }
  fa.close();
  return { compared, agree, disagreements };
}

// ---- throughput ---------------------------------------------------------------------------
function readVcfAlleles(file: string): Array<[string, number, string, string]> {
  const out: Array<[string, number, string, string]> = [];
  for (const line of gunzipText(file).split('\n')) {
    if (line === '' || line[0] === '#') continue;
    const f = line.split('\t', 5);
    for (const alt of f[4].split(',')) {
      if (isSymbolicAllele(alt)) continue;
      const t = trimAlleles(Number(f[1]), f[3], alt);
      out.push([f[0], t.pos, t.ref, t.alt]);
    }
  }
  return out;
}

function throughput(alleles: Array<[string, number, string, string]>, index: TxIndex, seq: TranscriptSequenceCache | null): { variants: number; transcript_pairs: number; seconds: number; variants_per_s: number } {
  const pairs = alleles.map((a) => index.near(a[0], a[1]));
  let n = 0;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < alleles.length; i++) {
    const [, pos, ref, alt] = alleles[i];
    for (const tx of pairs[i]) {
      const c = transcriptConsequence(tx, pos, ref, alt, seq);
      if (c) sink += c.terms.length + (c.hgvsC?.length ?? 0);
      n++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink < 0) console.log(sink);
  return { variants: alleles.length, transcript_pairs: n, seconds: Math.round(seconds * 1000) / 1000, variants_per_s: Math.round(alleles.length / seconds) };
}

function main(): void {
  const mc = clinvarMc();
  const cs = cases();
  const vp = vepProtein();
  const exome = readVcfAlleles(path.join(DATA_DIR, 'vcf', 'pfeiffer-exome.hg38.vcf.gz'));
  const refIndex = new TxIndex(refGene.map((r) => r.tx));
  const exomeRun = throughput(exome, refIndex, null);
  // --transcripts on the dev bundle's gene models (`npm run bundle:dev`; VARTRIAGE_DEV_BUNDLE to point elsewhere).
  const devBundle = process.env.VARTRIAGE_DEV_BUNDLE ?? path.resolve(process.cwd(), 'bench', 'work', 'grch38-dev');
  const setRuns = transcriptSetThroughput(exome, path.join(devBundle, 'genes.sqlite'));
  // With sequence: NA12878 chr21 against the Ensembl chr21 models, where the FASTA is real.
  const fa = IndexedFasta.open(path.join(DATA_DIR, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz'));
  const ens = readGenePredLite(path.join(DATA_DIR, 'genes', 'vep-testdata', 'ensembl_e84_chr21_from_vep_test_gff.genePred.txt')).map((r) => r.tx);
  const chr21 = readVcfAlleles(path.join(DATA_DIR, 'vcf', 'PG_NA12878_hg38-chr21.vcf.gz'));
  const seqRun = throughput(chr21, new TxIndex(ens), new TranscriptSequenceCache(fa));
  const result = {
    schema: 1,
    generated_by: 'npm run bench:consequence',
    node: process.version,
    mc_compared: mc.compared,
    mc_agreement: rate(mc.agree, mc.compared),
    mc_model_difference_records: mc.byCategory.model_version,
    mc_model_difference_rate: rate(mc.byCategory.model_version, mc.withMc),
    mc_not_on_mane_records: mc.byCategory.mc_not_on_mane,
    hgvs_c_compared: cs.compared,
    hgvs_c_agreement: rate(cs.agree, cs.compared),
    hgvs_p_compared: vp.compared,
    hgvs_p_agreement: rate(vp.agree, vp.compared),
    variants_per_s: exomeRun.variants_per_s,
    disagreements: { ...mc.disagreements, ...cs.disagreements, ...vp.disagreements },
    notes: {
      mc: 'ClinVar cancer-panel VCF (2026-02-26). Ours: the most severe term (splice_region_variant set aside: NCBI MC has none) on the refGene 2017 model of the MANE Select transcript of GENEINFO\'s gene; agreement = that term is among the record\'s MC terms (nonsense=stop_gained, initiator_codon_variant=start_lost, inframe_indel=either in-frame term; non-coding_transcript_variant and up/downstream terms ignored). Every record is put in one category (bench/lib/mcCategories.ts): model_version = the refGene model\'s span differs from MANE v1.0\'s (MANE summary) and the variant lies in the differing part (mc_model_difference_*: reported apart, never agreement); mc_not_on_mane = outside the MANE v1.0 transcript and our model, so MC describes another transcript (mc_not_on_mane_records: reported apart); needs_sequence = our structure-only CDS term vs an MC codon-level term (missense, synonymous, nonsense, stop/start lost): no FASTA covers these genes. mc_compared/mc_agreement = all other records. Their disagreements stay counted against us, each explained where possible: ncbi_hgvs_placement (our own code at NCBI\'s CLNHGVS placement, 3\'-shifted or as the duplicated bases, gives MC\'s term; we annotate the left-aligned VCF position as VEP does), mc_on_other_transcript, mc_lacks_coding_term (MC names only intron/UTR terms for an indel we place in the MANE CDS, mostly records from 2024 on), unexplained. mc_detail.agreement_without_setting_apart is the figure before anything is set apart.',
      hgvs_c: 'cases/dev.jsonl.gz, distinct variants with a RefSeq c.; compared only where MANE v1.0 names that exact versioned accession and the refGene model spans the same as MANE; all other accessions are matched without version and reported apart (hgvs_c_version_unverified), never as agreement. c. compared after the accession, with deleted/duplicated bases dropped (c.76delA = c.76del). Deletions/duplications/insertions need the genome for the 3\' rule: without a FASTA for these genes they are counted as needs_sequence.',
      hgvs_p: 'Only chr21 and chrM have sequence here: HGVS p. is measured against Ensembl VEP\'s expected p. strings (parentheses removed from ours). Output form: ACC:p.(Ala331Thr), HGVS predicted-consequence style.',
      variants_per_s: 'transcriptConsequence calls on the Pfeiffer exome (GRCh38) against all refGene 2017 transcripts within 5 kb, without FASTA; overlap lookup excluded from timing.',
    },
    mc_detail: {
      records_with_mc: mc.withMc,
      categories: mc.byCategory,
      model_difference_agreement_not_counted: rate(mc.modelVersionAgree, mc.byCategory.model_version),
      agreement_without_setting_apart: { compared: mc.rawCompared, agreement: rate(mc.rawAgree, mc.rawCompared), note: 'every record whose class needs no sequence, model-version and off-MANE records included: the figure before any record is set apart' },
      counts: mc.counts,
      examples: mc.examples,
    },
    hgvs_c_detail: { version_unverified: cs.versionUnverified, version_unverified_agreement: rate(cs.versionUnverifiedAgree, cs.versionUnverified), needs_sequence: cs.needsSequence, no_model: cs.noModel, counts: cs.counts, examples: cs.examples },
    throughput: {
      exome_no_fasta: exomeRun,
      na12878_chr21_with_fasta: seqRun,
      exome_transcript_sets: setRuns ?? 'dev bundle absent: run `npm run bundle:dev` or set VARTRIAGE_DEV_BUNDLE',
    },
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify({ ...result, disagreements: undefined, mc_detail: undefined, hgvs_c_detail: { ...result.hgvs_c_detail, examples: undefined } }, null, 2));
}

main();
