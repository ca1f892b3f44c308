import { candidateTable } from './candidateTable';
import { html, SafeHtml } from './escape';
import { evidenceSection } from './evidence';
import { reportFooter } from './footer';
import { countLabel } from './format';
import { distributionOf, filterFunnelPlot, scoreDistributionPlot } from './plots';
import type { Results } from './results';
import { REPORT_CSS } from './styles';

/** No network, no scripts: only the inline stylesheet and data: images may load. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function pageHeader(r: Results): SafeHtml {
  const sample = r.input.sample ?? 'sites-only VCF';
  return html`<header>
<h1>Candidate variants: ${sample}</h1>
<ul class="meta">
<li><b>Build</b> ${r.input.build}</li>
<li><b>Sex</b> ${r.input.sex}</li>
<li><b>VCF</b> <span class="mono">${basename(r.input.vcf)}</span></li>
<li><b>Reference</b> ${r.reference.name}</li>
<li><b>Variants</b> ${countLabel(r.counts.variants)} read, ${countLabel(r.counts.passed_filters)} passed filters</li>
<li><b>Run</b> ${r.started}</li>
</ul>
</header>`;
}

function notices(r: Results): SafeHtml {
  const demo = r.reference.name === 'demo' ? html`<p class="warn"><strong>Demo reference bundle:</strong> generated data for trying the tool, not for clinical use.</p>` : '';
  const warnings = r.warnings.length ? html`<div class="warn"><strong>Warnings</strong><ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul></div>` : '';
  return html`${demo}${warnings}`;
}

function phenotype(r: Results): SafeHtml {
  const terms = r.input.hpo.map(
    (t) => html`<li>${t.label} <span class="muted small">${t.id}${t.mapped_via ? html`, entered as ${t.input} (${t.mapped_via === 'alt_id' ? 'alternative id' : 'obsolete, replaced'})` : ''}</span></li>`,
  );
  return html`<h2>Patient phenotype (${r.input.hpo.length} HPO term${r.input.hpo.length === 1 ? '' : 's'})</h2><ul class="terms">${terms}</ul>`;
}

function plots(r: Results): SafeHtml {
  const { dist, complete } = distributionOf(r);
  const unscored = complete ? r.counts.genes_considered - dist.genes_scored : 0;
  const caption = complete
    ? html`Combined score of the ${countLabel(dist.genes_scored)} genes that matched the phenotype (bar heights on a log scale); triangles mark the reported candidates.${unscored > 0 ? html` ${countLabel(unscored)} more genes had a passing variant but no phenotype match (score 0).` : ''}`
    : html`Scores of the reported candidates only (this results file predates the full score distribution).`;
  return html`<h2>Overview</h2><div class="plots">
<figure>${scoreDistributionPlot(dist, r.candidates)}<figcaption>${caption}</figcaption></figure>
<figure>${filterFunnelPlot(r)}<figcaption>Variants removed by each filter, then genes remaining (bar lengths on a log scale).</figcaption></figure>
</div>`;
}

/** The clinician report: one self-contained file, no scripts, no network, printable on A4. */
export function renderReportHtml(r: Results): string {
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="${r.tool.name} ${r.tool.version}">
<title>vartriage report: ${r.input.sample ?? 'sites-only VCF'}</title>
<style>${new SafeHtml(REPORT_CSS)}</style></head>
<body>
${pageHeader(r)}
${notices(r)}
${phenotype(r)}
<h2>Top candidates</h2>
<p class="muted small">Score = phenotype match × genotype evidence, from 0 to 1. It orders genes for review; it does not classify variants.</p>
${candidateTable(r.candidates)}
${plots(r)}
<h2>Evidence per candidate</h2>
${r.candidates.length ? r.candidates.map((c) => evidenceSection(c, r.reference.sources)) : html`<p class="muted">No candidate to show.</p>`}
${reportFooter(r)}
</body></html>
`;
  return page.html;
}
