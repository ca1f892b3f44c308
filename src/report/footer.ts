import { html, SafeHtml } from './escape';
import { filterCounts } from './filterLabels';
import { countLabel, sourceName } from './format';
import type { Results } from './results';

function sourcesTable(r: Results): SafeHtml {
  const rows = r.reference.sources.map(
    (s) => html`<tr><td>${sourceName(s.kind)}</td><td>${s.upstream}</td><td>${s.version}</td><td class="num">${countLabel(s.records)}</td><td class="mono sha">${s.sha256}</td></tr>`,
  );
  return html`<table><thead><tr><th>Source</th><th>Upstream</th><th>Version</th><th class="num">Records</th><th>SHA-256 of the bundle file</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Plugins and configured sources of the run, with what they did (runs with plugins only). */
function pluginsTable(r: Results): SafeHtml | string {
  if (!r.plugins?.length) return '';
  const rows = r.plugins.map((p) => {
    const c = r.counts.plugins?.[p.name];
    const did = c ? `${c.dropped ? `${countLabel(c.dropped)} removed; ` : ''}${c.skipped ? `${countLabel(c.skipped)} skipped after errors` : ''}` : '';
    return html`<tr><td>${p.name}</td><td>${p.kind}${p.match ? ` (by ${p.match})` : ''}</td><td>${p.version}</td><td class="mono">${p.path}</td><td>${did}</td></tr>`;
  });
  return html`<h3>Plugins and configured sources</h3><table><thead><tr><th>Name</th><th>Kind</th><th>Version</th><th>File</th><th>Effect</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function filtersTable(r: Results): SafeHtml {
  const rows = filterCounts(r).map((f) => html`<tr><td>removed: ${f.description}</td><td class="num">${countLabel(f.removed)}</td></tr>`);
  const read = r.counts.read;
  const skipped: Array<[string, number]> = [
    ['structural (symbolic or breakend) alleles, not assessed', read.symbolic_or_breakend],
    ['alleles with characters other than A, C, G, T, N', read.non_acgtn_allele],
    ['alleles not carried by the sample', read.not_carried],
    ['no-call genotypes', read.no_call],
    ['records on contigs the bundle does not have', read.unknown_contig],
  ];
  const skippedRows = skipped.filter(([, n]) => n > 0).map(([what, n]) => html`<tr><td>skipped before filtering: ${what}</td><td class="num">${countLabel(n)}</td></tr>`);
  return html`<table><thead><tr><th>Step (in order)</th><th class="num">Count</th></tr></thead><tbody>
<tr><td>VCF records read (${countLabel(read.alleles)} alleles)</td><td class="num">${countLabel(read.records)}</td></tr>${skippedRows}
<tr><td>variants annotated</td><td class="num">${countLabel(r.counts.variants)}</td></tr>${rows}
<tr><td><strong>passed all filters</strong></td><td class="num"><strong>${countLabel(r.counts.passed_filters)}</strong></td></tr>
<tr><td>genes with a passing variant</td><td class="num">${countLabel(r.counts.genes_considered)}</td></tr>
<tr><td>candidate genes reported (at most ${r.settings.top})</td><td class="num">${countLabel(r.counts.candidates)}</td></tr>
</tbody></table>`;
}

/** What the method cannot see; each item is a reason a causal variant could be missing from the list. */
function limits(r: Results): SafeHtml {
  const items = [
    'The score ranks genes for review; it is not an ACMG/AMP classification and does not by itself establish a diagnosis.',
    `Only genes with disease annotations in the bundle's HPO release (${r.reference.sources.find((s) => s.kind === 'hpo')?.version ?? 'unknown'}) can match the phenotype; newer gene-disease associations are missed.`,
    'Structural variants, copy-number changes, repeat expansions and mosaicism are not assessed; variants outside the VCF (uncovered regions) cannot be found.',
    'Phase is unknown: two heterozygous variants in a recessive gene may lie on the same copy.',
    'Consequences come from one representative transcript per gene in the bundle; HGVS is shown only where it was computed, otherwise the VCF position.',
    'Absence from gnomAD means absent from the gnomAD data in the bundle, which may not cover every region.',
  ];
  return html`<ul>${items.map((t) => html`<li>${t}</li>`)}</ul>`;
}

/** Provenance: how the report was made, from what, and what it cannot tell. */
export function reportFooter(r: Results): SafeHtml {
  return html`<footer>
<h2>How this report was made</h2>
<p>${r.tool.name} ${r.tool.version}, results schema <code>${r.schema}</code>, run ${r.started}.</p>
<p>Command: <code>${r.command}</code></p>
<p>Input: <code>${r.input.vcf}</code>, sample ${r.input.sample ?? 'none (sites-only VCF)'}, build ${r.input.build}, sex ${r.input.sex}.</p>
<h3>Reference bundle ${r.reference.name} (${r.reference.build})</h3>
${sourcesTable(r)}
${pluginsTable(r)}
<h3>Filters and counts</h3>
${filtersTable(r)}
<h3>Limits of the method</h3>
${limits(r)}
</footer>`;
}
