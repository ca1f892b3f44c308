import type { ResultsCandidate, ResultsVariant } from './results';

/** Columns of candidates.tsv, documented in docs/results-schema.md; missing values are '.'. */
export const CANDIDATE_COLUMNS = [
  'rank', 'score', 'gene', 'phenotype_score', 'variant_score', 'disease', 'inheritance', 'chrom', 'pos', 'ref', 'alt',
  'zygosity', 'consequence', 'transcript', 'gnomad_af', 'clinvar_significance', 'clinvar_stars', 'clinvar_id',
  // Added after the first release: appended so scripts that read columns by position keep working.
  'hgvs_c', 'hgvs_p', 'vcf_id', 'transcripts',
];

/**
 * `--transcripts all`: every annotated transcript of the gene as `ACC|consequence|hgvs_c`, joined by
 * commas (the layout of VEP's CSQ field), MANE Select first; '.' under `canonical` and `mane`.
 */
function transcriptsCell(v: ResultsVariant): string | null {
  return v.transcripts ? v.transcripts.map((t) => `${t.transcript}|${t.consequence}|${t.hgvs_c ?? ''}`).join(',') : null;
}

function annotationCell(x: string | number | boolean | null | undefined): string | number | null {
  return typeof x === 'boolean' ? (x ? 'true' : 'false') : (x ?? null);
}

/** TSV fields cannot hold tabs or newlines; they are replaced by spaces. */
function cell(x: string | number | null | undefined): string {
  if (x === null || x === undefined || x === '') return '.';
  return String(x).replace(/[\t\r\n]/g, ' ');
}

/** Columns appended for a run with plugins: annotation names, then score plugin names (README "Extending vartriage"). */
export interface PluginColumns {
  annotations: string[];
  scores: string[];
}

/** One row per candidate variant (a recessive gene with two variants has two rows with the same rank). */
export function renderCandidatesTsv(candidates: ResultsCandidate[], extra: PluginColumns = { annotations: [], scores: [] }): string {
  const rows = [[...CANDIDATE_COLUMNS, ...extra.annotations, ...extra.scores].join('\t')];
  for (const c of candidates) {
    for (const v of c.variants) {
      rows.push(
        [
          c.rank, c.score, c.gene.symbol, c.phenotype.score, c.variant_score, c.phenotype.disease ? `${c.phenotype.disease.id} ${c.phenotype.disease.name}` : null,
          c.inheritance.mode, v.chrom, v.pos, v.ref, v.alt, v.zygosity, v.consequence, v.transcript, v.gnomad ? v.gnomad.af : null,
          v.clinvar?.significance, v.clinvar?.stars, v.clinvar?.id, v.hgvs_c, v.hgvs_p, v.id, transcriptsCell(v),
          ...extra.annotations.map((n) => annotationCell(v.annotations?.[n])), ...extra.scores.map((n) => v.plugin_scores?.[n]),
        ].map(cell).join('\t'),
      );
    }
  }
  return rows.join('\n') + '\n';
}
