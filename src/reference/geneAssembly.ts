import { InputError } from '../errors';
import { primaryContigs } from '../variant/assemblies';
import type { GenomeBuild } from '../variant/build';
import { ContigAliases } from '../variant/contigs';
import type { GeneRecord, TranscriptRecord } from './genes';
import { ManeEntry, maneByAccession } from './parse/maneSummary';
import { TranscriptModel, unversioned } from './parse/transcriptModel';

export interface GeneModelSource {
  file: string;
  models: Iterable<TranscriptModel>;
}

export interface GeneAssemblyCounts {
  transcripts: number;
  genes: number;
  maneSelect: number;
  /** Models on alt/unplaced/patch contigs, skipped. */
  otherContig: number;
  /** The same model (accession and locus) given twice, e.g. by refGene and the MANE-x-refGene file. */
  duplicates: number;
  /** Old gene symbols of the model files replaced by MANE's (currentSymbols). */
  renamedSymbols: number;
}

export interface AssembledGenes {
  genes: GeneRecord[];
  transcripts: TranscriptRecord[];
  counts: GeneAssemblyCounts;
}

/**
 * Turns models from one or more files into the bundle's genes and transcripts:
 * - contigs mapped to the build's canonical names; a model past a contig's end is refused (wrong build);
 * - MANE Select from the model's own flag, or from the MANE summary by unversioned accession
 *   (refGene tables carry no versions); MANE also supplies the protein accession and gene ids;
 * - canonical = the gene's MANE Select transcript; else the source's canonical flag; else the
 *   transcript with the longest CDS, then longest span, then smallest accession (deterministic);
 * - a gene's locus is the span of its transcripts on the contig of its canonical transcript.
 */
export function assembleGeneModels(sources: GeneModelSource[], mane: ManeEntry[], build: GenomeBuild, extraGeneIds: Map<string, string>): AssembledGenes {
  const aliases = new ContigAliases(primaryContigs(build));
  const maneIndex = maneByAccession(mane);
  const maneBySymbol = new Map(mane.map((e) => [e.symbol, e]));
  const counts: GeneAssemblyCounts = { transcripts: 0, genes: 0, maneSelect: 0, otherContig: 0, duplicates: 0, renamedSymbols: 0 };
  const all: Array<TranscriptRecord & { sourceCanonical: boolean; ncbiGeneId: string; hgncId: string }> = [];
  const byLocus = new Map<string, (typeof all)[number]>();
  const models = sources.map((src) => ({ file: src.file, list: [...src.models] }));
  const current = currentSymbols(models.flatMap((src) => src.list), maneIndex);
  counts.renamedSymbols = current.size;
  for (const src of models) {
    for (const model of src.list) {
      const renamed = current.get(model.geneSymbol);
      const m = renamed ? { ...model, geneSymbol: renamed } : model;
      const chrom = aliases.canonical(m.chrom);
      if (!chrom) {
        counts.otherContig++;
        continue;
      }
      const length = aliases.length(chrom) ?? 0;
      if (m.end1 > length) throw new InputError(src.file, `transcript ${m.accession} ends at ${m.end1}, past the end of ${chrom} in ${build} (${length} bp): the file is not of the declared --build ${build}`, m.lineNo);
      const key = `${m.accession}\t${chrom}\t${m.start1}\t${m.end1}`;
      const prior = byLocus.get(key);
      if (prior) {
        counts.duplicates++;
        if (m.maneStatus === 'MANE Select') prior.maneSelect = true;
        continue;
      }
      const entry = maneIndex.get(unversioned(m.accession));
      const maneSelect = m.maneStatus === 'MANE Select' || (entry?.status === 'MANE Select' && (entry.symbol === m.geneSymbol || m.geneSymbol === ''));
      const isRefseq = /^[NX][MR]_/.test(m.accession);
      all.push({
        accession: m.accession,
        geneSymbol: m.geneSymbol || entry?.symbol || '',
        chrom,
        start1: m.start1,
        end1: m.end1,
        strand: m.strand,
        cdsStart1: m.cdsStart1,
        cdsEnd1: m.cdsEnd1,
        exons: m.exons,
        maneSelect,
        canonical: false,
        proteinAccession: m.proteinAccession ?? (entry && m.cdsStart1 !== null ? (isRefseq ? entry.refseqProt : entry.ensemblProt) || null : null),
        biotype: m.biotype,
        sourceCanonical: m.sourceCanonical,
        ncbiGeneId: m.ncbiGeneId,
        hgncId: m.hgncId,
      });
      byLocus.set(key, all[all.length - 1]);
    }
  }
  const bySymbol = new Map<string, typeof all>();
  for (const t of all) {
    if (!t.geneSymbol) continue;
    let list = bySymbol.get(t.geneSymbol);
    if (!list) bySymbol.set(t.geneSymbol, (list = []));
    list.push(t);
  }
  const genes: GeneRecord[] = [];
  for (const [symbol, list] of [...bySymbol].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const canonical = pickCanonical(list);
    canonical.canonical = true;
    const onContig = list.filter((t) => t.chrom === canonical.chrom);
    const m = maneBySymbol.get(symbol);
    genes.push({
      symbol,
      ncbiId: m?.ncbiGeneId || list.find((t) => t.ncbiGeneId)?.ncbiGeneId || extraGeneIds.get(symbol) || '',
      hgncId: m?.hgncId || list.find((t) => t.hgncId)?.hgncId || '',
      chrom: canonical.chrom,
      start1: Math.min(...onContig.map((t) => t.start1)),
      end1: Math.max(...onContig.map((t) => t.end1)),
      strand: canonical.strand,
    });
  }
  const contigOrder = new Map(primaryContigs(build).map((c, i) => [c.name, i]));
  all.sort((a, b) => (contigOrder.get(a.chrom) ?? 0) - (contigOrder.get(b.chrom) ?? 0) || a.start1 - b.start1 || (a.accession < b.accession ? -1 : a.accession > b.accession ? 1 : 0));
  const transcripts: TranscriptRecord[] = all.map(({ sourceCanonical: _s, ncbiGeneId: _n, hgncId: _h, ...t }) => t);
  counts.transcripts = transcripts.length;
  counts.genes = genes.length;
  counts.maneSelect = transcripts.filter((t) => t.maneSelect).length;
  return { genes, transcripts, counts };
}

/**
 * Old gene symbols of the model files mapped to the ones MANE gives (HGNC's approved symbol when
 * MANE was released): refGene tables keep the symbol a transcript had when it was dumped (FAM134B
 * for RETREG1, CECR1 for ADA2), while HPO annotations and clinical reports use the current one, so
 * without this a renamed gene would have no disease and be reported under a name a clinician no
 * longer uses. A symbol is renamed when one of its transcripts' accessions is a MANE transcript of
 * another symbol, all such transcripts agree on that symbol, and MANE gives the old symbol to none of
 * them; the gene's other transcripts follow it.
 */
function currentSymbols(models: TranscriptModel[], maneIndex: Map<string, ManeEntry>): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  const confirmed = new Set<string>();
  for (const m of models) {
    const entry = maneIndex.get(unversioned(m.accession));
    if (!entry || !entry.symbol || !m.geneSymbol) continue;
    if (entry.symbol === m.geneSymbol) {
      confirmed.add(m.geneSymbol);
      continue;
    }
    let targets = seen.get(m.geneSymbol);
    if (!targets) seen.set(m.geneSymbol, (targets = new Set()));
    targets.add(entry.symbol);
  }
  const renames = new Map<string, string>();
  // A symbol that MANE still gives to one of its transcripts is current, even if another of them moved.
  for (const [old, targets] of seen) if (targets.size === 1 && !confirmed.has(old)) renames.set(old, [...targets][0]);
  return renames;
}

function pickCanonical<T extends TranscriptRecord & { sourceCanonical: boolean }>(list: T[]): T {
  const cdsLength = (t: T): number => (t.cdsStart1 === null || t.cdsEnd1 === null ? 0 : t.exons.reduce((s, [a, b]) => s + Math.max(0, Math.min(b, t.cdsEnd1!) - Math.max(a, t.cdsStart1!) + 1), 0));
  const ranked = [...list].sort(
    (a, b) =>
      Number(b.maneSelect) - Number(a.maneSelect) ||
      Number(b.sourceCanonical) - Number(a.sourceCanonical) ||
      cdsLength(b) - cdsLength(a) ||
      b.end1 - b.start1 - (a.end1 - a.start1) ||
      (a.accession < b.accession ? -1 : a.accession > b.accession ? 1 : 0) ||
      a.chrom.localeCompare(b.chrom),
  );
  return ranked[0];
}
