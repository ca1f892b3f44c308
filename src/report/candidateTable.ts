import type { Candidate, CandidateVariant } from '../prioritise/types';
import { clinvarSummary } from './clinvarCell';
import { html, SafeHtml } from './escape';
import { afLabel, consequenceLabel, hgvsLabel, locusLabel, scoreLabel, zygosityLabel } from './format';

/** Anchor of a candidate's evidence section; by rank, since gene symbols come from input data. */
export function evidenceAnchor(c: Pick<Candidate, 'rank'>): string {
  return `candidate-${c.rank}`;
}

/** HGVS when computed, with the VCF locus beneath it; the locus alone otherwise. */
export function variantCell(v: CandidateVariant): SafeHtml {
  const hgvs = hgvsLabel(v);
  return hgvs ? html`<span class="mono">${hgvs}</span><br><span class="muted small mono">${locusLabel(v)}</span>` : html`<span class="mono">${locusLabel(v)}</span>`;
}

function gnomadCell(v: CandidateVariant): SafeHtml {
  return v.gnomad ? html`${afLabel(v.gnomad.af)}` : html`<span class="muted">absent</span>`;
}

function candidateRows(c: Candidate): SafeHtml[] {
  const span = Math.max(1, c.variants.length);
  const geneCells = html`<td class="num" rowspan="${span}">${c.rank}</td>
<td rowspan="${span}"><a href="#${evidenceAnchor(c)}"><strong>${c.gene.symbol}</strong></a></td>
<td rowspan="${span}">${c.phenotype.disease ? c.phenotype.disease.name : html`<span class="muted">none annotated</span>`}${c.inheritance.mode ? html`<br><span class="muted small">${c.inheritance.mode}${c.inheritance.fits ? '' : ' (genotype does not fit)'}</span>` : ''}</td>`;
  const scoreCells = html`<td class="num" rowspan="${span}">${scoreLabel(c.phenotype.score)}</td><td class="num" rowspan="${span}"><strong>${scoreLabel(c.score)}</strong></td>`;
  if (c.variants.length === 0) return [html`<tr>${geneCells}<td colspan="5" class="muted">no variant listed</td>${scoreCells}</tr>`];
  return c.variants.map(
    (v, i) => html`<tr>${i === 0 ? geneCells : ''}<td class="variant">${variantCell(v)}</td><td>${zygosityLabel(v.zygosity)}</td><td>${consequenceLabel(v.consequence)}</td><td>${clinvarSummary(v.clinvar)}</td><td class="num">${gnomadCell(v)}</td>${i === 0 ? scoreCells : ''}</tr>`,
  );
}

/** The first-screen table: one row per candidate variant, gene-level cells spanning them. */
export function candidateTable(candidates: Candidate[]): SafeHtml {
  if (candidates.length === 0) return html`<p><strong>No candidate.</strong> No gene with a variant that passed the filters matched the patient's phenotype.</p>`;
  return html`<table class="candidates">
<thead><tr><th class="num">#</th><th>Gene</th><th>Disease (inheritance)</th><th>Variant</th><th>Zygosity</th><th>Consequence</th><th>ClinVar</th><th class="num">gnomAD AF</th><th class="num">Phenotype match</th><th class="num">Score</th></tr></thead>
<tbody>${candidates.map(candidateRows)}</tbody>
</table>`;
}
