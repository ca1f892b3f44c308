import type { Candidate, CandidateVariant, TermMatchOut } from '../prioritise/types';
import { evidenceAnchor, variantCell } from './candidateTable';
import { clinvarSummary } from './clinvarCell';
import { html, SafeHtml } from './escape';
import { familyGenotypeTable, segregationList } from './familyTable';
import { afLabel, consequenceLabel, countLabel, ReferenceSource, scoreLabel, sourceCitation, zygosityLabel } from './format';
import type { ResultsVariant } from './results';

/** A fact followed by the bundle source and release it comes from. */
function cited(fact: SafeHtml | string, sources: ReferenceSource[], kind: string): SafeHtml {
  return html`${fact} <span class="source">[${sourceCitation(sources, kind)}]</span>`;
}

function matchTable(matches: TermMatchOut[]): SafeHtml {
  if (matches.length === 0) return html`<p class="muted">No patient term matched a term of this disease.</p>`;
  const rows = matches.map(
    (m) => html`<tr><td>${m.patient_label} <span class="muted small">${m.patient_term}</span></td><td>${m.gene_label} <span class="muted small">${m.gene_term}</span></td><td>${m.common_ancestor_label} <span class="muted small">${m.common_ancestor}</span></td><td class="num">${m.ic.toFixed(2)}</td></tr>`,
  );
  return html`<table><thead><tr><th>Patient term</th><th>Best matching disease term</th><th>Most informative common ancestor</th><th class="num">IC (nats)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function gnomadFact(v: CandidateVariant): SafeHtml {
  const g = v.gnomad;
  if (!g) return html`absent`;
  const grpmax = g.grpmax_af !== null && g.grpmax ? html`; highest in group ${g.grpmax}: ${afLabel(g.grpmax_af)}` : '';
  return html`AF ${afLabel(g.af)} (${countLabel(g.ac)} of ${countLabel(g.an)} alleles, ${countLabel(g.nhomalt)} homozygous)${grpmax}`;
}

function clinvarFact(v: CandidateVariant): SafeHtml {
  const c = v.clinvar;
  if (!c) return html`<span class="muted">not in ClinVar</span>`;
  const conditions = c.conditions.length ? html`; conditions: ${c.conditions.map((x) => x.replace(/_/g, ' ')).join('; ')}` : '';
  return html`${clinvarSummary(c)} <span class="muted">${c.review_status.replace(/_/g, ' ')}</span>; VariationID ${c.id}${conditions}`;
}

/** One line of plugin and configured-source values (runs with plugins only); empty values are left out. */
function pluginFacts(v: CandidateVariant): SafeHtml | string {
  if (!v.annotations && !v.plugin_scores) return '';
  const shown = (x: string | number | boolean): string => (typeof x === 'number' ? String(Number(x.toPrecision(4))) : String(x));
  const parts = [...Object.entries(v.annotations ?? {}), ...Object.entries(v.plugin_scores ?? {})].filter((e): e is [string, string | number | boolean] => e[1] !== null);
  const line = parts.length ? parts.map(([k, x]) => `${k} ${shown(x)}`).join(' · ') : 'no value from the configured sources and plugins';
  return html`<dt>Plugins</dt><dd class="plugin-facts">${line} <span class="source">[plugins]</span></dd>
`;
}

/** `--transcripts all`: the gene's other annotated transcripts, MANE Select first. */
function otherTranscripts(v: ResultsVariant): SafeHtml {
  const others = (v.transcripts ?? []).filter((t) => t.transcript !== v.transcript);
  if (others.length === 0) return html``;
  return html`
<dt>Other transcripts</dt><dd class="transcripts">${others.map((t, i) => html`${i > 0 ? ' · ' : ''}${t.transcript}${t.mane_select ? ' (MANE Select)' : ''} ${consequenceLabel(t.consequence)}${t.hgvs_c ? html` <span class="mono">${t.hgvs_c.replace(/^[^:]*:/, '')}</span>` : ''}`)}</dd>`;
}

/** GT, reads and GQ of the proband's call as the VCF gives them (all from an untrusted file: escaped by html``). */
function readSupport(v: CandidateVariant): SafeHtml | string {
  const c = v.call;
  if (!c) return '';
  const parts = [html`GT <span class="mono">${c.gt}</span>`];
  if (c.ad) parts.push(html`${c.ad[1]} of ${c.ad[0] + c.ad[1]} reads ALT`);
  else if (c.dp !== null) parts.push(html`depth ${c.dp}`);
  if (c.gq !== null) parts.push(html`GQ ${c.gq}`);
  return html` (${parts.map((p, i) => html`${i > 0 ? ', ' : ''}${p}`)})`;
}

function variantFacts(v: ResultsVariant, sources: ReferenceSource[]): SafeHtml {
  const vcfId = v.id && v.id !== '.' ? html`<dt>VCF ID</dt><dd class="mono">${v.id}</dd>` : '';
  return html`<div class="variant-facts">
<p>${variantCell(v)}</p>
<dl class="facts">
<dt>Genotype</dt><dd>${zygosityLabel(v.zygosity)}${readSupport(v)} <span class="source">[sample VCF]</span></dd>${vcfId}
<dt>Consequence</dt><dd>${cited(html`${consequenceLabel(v.consequence)} on ${v.transcript}${v.location ? html` (${v.location})` : ''}`, sources, 'genes')}</dd>${otherTranscripts(v)}
<dt>Population</dt><dd>${cited(gnomadFact(v), sources, 'gnomad')}</dd>
<dt>ClinVar</dt><dd>${cited(clinvarFact(v), sources, 'clinvar')}</dd>
${pluginFacts(v)}<dt>Variant score</dt><dd>${scoreLabel(v.score)}<ul class="reasons">${v.reasons.map((r) => html`<li>${r}</li>`)}</ul></dd>
</dl>${familyGenotypeTable(v)}</div>`;
}

function otherDiseases(c: Candidate): SafeHtml {
  const others = c.gene.diseases.filter((d) => d.id !== c.phenotype.disease?.id);
  if (others.length === 0) return html``;
  return html`<p class="small">Other diseases of ${c.gene.symbol}: ${others.map((d, i) => html`${i ? '; ' : ''}${d.name} <span class="muted">${d.id}, match ${scoreLabel(d.phenotype_score)}</span>`)}.</p>`;
}

/** Explanations are written as clauses; the report shows them as sentences. */
function sentence(text: string): string {
  const t = text.trim();
  return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : '';
}

/** One candidate's evidence: why it scores as it does, with each fact's source. */
export function evidenceSection(c: Candidate, sources: ReferenceSource[]): SafeHtml {
  const disease = c.phenotype.disease;
  return html`<section class="candidate" id="${evidenceAnchor(c)}">
<h3>${c.rank}. ${c.gene.symbol}${disease ? html` · ${disease.name} <span class="muted small">${disease.id}</span>` : ''}</h3>
<p>Score <strong>${scoreLabel(c.score)}</strong> = phenotype match ${scoreLabel(c.phenotype.score)} × genotype ${scoreLabel(c.variant_score)}.
Inheritance${c.gene.inheritance.length ? html` of the gene's diseases: ${c.gene.inheritance.join(', ')}` : ': none annotated'}. <span class="${c.inheritance.fits ? '' : 'fit-no'}">${sentence(c.inheritance.explanation)}</span></p>
<h4>Phenotype match <span class="source">[${sourceCitation(sources, 'hpo')}]</span></h4>
${matchTable(c.phenotype.matches)}
${otherDiseases(c)}
${segregationList(c)}
<h4>${c.variants.length === 1 ? 'Variant' : `Variants (${c.variants.length})`}</h4>
${c.variants.map((v) => variantFacts(v, sources))}
</section>`;
}
