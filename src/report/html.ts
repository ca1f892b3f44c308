import type { Candidate } from '../prioritise/types';
import { formatAf } from '../prioritise/variantScore';
import { html, SafeHtml } from './escape';
import type { Results } from './results';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem} h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
h3{font-size:1rem;margin:1.25rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0} th,td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f6f8fa} td.num{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#57606a} .tag{display:inline-block;padding:0 .35rem;border-radius:.3rem;background:#eef2f6;margin:0 .2rem .2rem 0}
.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem;border-radius:.3rem}
footer{margin-top:2.5rem;font-size:12px;color:#57606a}
@media print{body{margin:0;max-width:none;font-size:11px} h2{break-after:avoid} section.candidate{break-inside:avoid} @page{size:A4;margin:15mm}}
`;

function variantLabel(v: Candidate['variants'][number]): string {
  return `${v.chrom}:${v.pos} ${v.ref}>${v.alt}`;
}

function clinvarText(v: Candidate['variants'][number]): string {
  return v.clinvar ? `${v.clinvar.significance.replace(/_/g, ' ')} (${'★'.repeat(v.clinvar.stars)}${'☆'.repeat(4 - v.clinvar.stars)})` : 'not in ClinVar';
}

function scorePlot(candidates: Candidate[]): SafeHtml {
  if (candidates.length === 0) return html``;
  const width = 640;
  const rowH = 18;
  const height = candidates.length * rowH + 10;
  const labelW = 110;
  const bars = candidates.map((c, i) => {
    const w = Math.max(1, Math.round((width - labelW - 60) * c.score));
    const y = 5 + i * rowH;
    return html`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="12">${c.gene.symbol}</text><rect x="${labelW}" y="${y + 2}" width="${w}" height="${rowH - 5}" fill="${i === 0 ? '#0969da' : '#8c959f'}"/><text x="${labelW + w + 4}" y="${y + 12}" font-size="11">${c.score.toFixed(3)}</text>`;
  });
  return html`<svg role="img" aria-label="Combined score of each candidate gene" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function candidateSection(c: Candidate): SafeHtml {
  const matches = c.phenotype.matches.map(
    (m) => html`<tr><td>${m.patient_label} <span class="muted">${m.patient_term}</span></td><td>${m.gene_label} <span class="muted">${m.gene_term}</span></td><td>${m.common_ancestor_label} <span class="muted">${m.common_ancestor}</span></td><td class="num">${m.ic.toFixed(2)}</td></tr>`,
  );
  const variants = c.variants.map(
    (v) => html`<li><strong>${variantLabel(v)}</strong> ${v.zygosity}, ${v.consequence.replace(/_/g, ' ')} on ${v.transcript}${v.location ? html` (${v.location})` : ''};
      gnomAD AF ${v.gnomad ? formatAf(v.gnomad.af) : 'absent'}; ClinVar: ${clinvarText(v)}${v.clinvar ? html` <span class="muted">VariationID ${v.clinvar.id}</span>` : ''}.
      <ul>${v.reasons.map((r) => html`<li>${r}</li>`)}</ul></li>`,
  );
  return html`<section class="candidate" id="gene-${c.gene.symbol}">
  <h3>${c.rank}. ${c.gene.symbol} <span class="muted">score ${c.score.toFixed(3)} = phenotype ${c.phenotype.score.toFixed(3)} × genotype ${c.variant_score.toFixed(3)}</span></h3>
  <p>Best matching disease: ${c.phenotype.disease ? html`<strong>${c.phenotype.disease.name}</strong> <span class="muted">${c.phenotype.disease.id}</span>` : 'none annotated'}.
  Inheritance: ${c.inheritance.explanation}.</p>
  ${c.phenotype.matches.length ? html`<table><thead><tr><th>Patient term</th><th>Disease term</th><th>Common ancestor</th><th>IC (nats)</th></tr></thead><tbody>${matches}</tbody></table>` : html`<p class="muted">No phenotype term matched.</p>`}
  <ul>${variants}</ul>
</section>`;
}

/** The clinician report: one self-contained file, no scripts, no network, printable on A4. */
export function renderReportHtml(r: Results): string {
  const rows = r.candidates.map((c) =>
    c.variants.map(
      (v, i) => html`<tr>${i === 0 ? html`<td class="num" rowspan="${c.variants.length}">${c.rank}</td><td rowspan="${c.variants.length}"><a href="#gene-${c.gene.symbol}">${c.gene.symbol}</a></td><td rowspan="${c.variants.length}">${c.phenotype.disease ? c.phenotype.disease.name : '—'}</td>` : ''}
<td>${variantLabel(v)}</td><td>${v.zygosity}</td><td>${v.consequence.replace(/_/g, ' ')}</td><td>${clinvarText(v)}</td><td class="num">${v.gnomad ? formatAf(v.gnomad.af) : 'absent'}</td>${i === 0 ? html`<td class="num" rowspan="${c.variants.length}">${c.phenotype.score.toFixed(3)}</td><td class="num" rowspan="${c.variants.length}">${c.score.toFixed(3)}</td>` : ''}</tr>`,
    ),
  );
  const sources = r.reference.sources.map((s) => html`<li>${s.kind}: ${s.upstream}, version ${s.version}, ${s.records} records <span class="muted">sha256 ${s.sha256.slice(0, 16)}…</span></li>`);
  const filters = Object.entries(r.counts.per_filter).map(([k, n]) => html`<li>${k.replace(/_/g, ' ')}: ${n} removed</li>`);
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>vartriage report: ${r.input.sample ?? 'sites-only VCF'}</title><style>${new SafeHtml(STYLE)}</style></head>
<body>
<header><h1>Candidate variants for ${r.input.sample ?? 'sites-only VCF'}</h1>
<p class="muted">Build ${r.input.build} · reference bundle ${r.reference.name} · ${r.counts.variants} variants read, ${r.counts.passed_filters} passed filters · generated ${r.started}</p></header>
${r.reference.name === 'demo' ? html`<p class="warn">Demo reference bundle: generated data for trying the tool, not for clinical use.</p>` : ''}
<h2>Patient phenotype</h2>
<p>${r.input.hpo.map((t) => html`<span class="tag">${t.label} <span class="muted">${t.id}</span></span>`)}</p>
<h2>Top candidates</h2>
${r.candidates.length ? html`<table><thead><tr><th>#</th><th>Gene</th><th>Disease</th><th>Variant</th><th>Zygosity</th><th>Consequence</th><th>ClinVar</th><th>gnomAD AF</th><th>Phenotype</th><th>Score</th></tr></thead><tbody>${rows}</tbody></table>${scorePlot(r.candidates)}` : html`<p>No gene passed the filters with a phenotype match.</p>`}
<h2>Evidence per candidate</h2>
${r.candidates.map(candidateSection)}
<footer>
<p>${r.tool.name} ${r.tool.version} · command: <code>${r.command}</code></p>
<p>Reference sources:</p><ul>${sources}</ul>
<p>Filters (population AF above ${r.settings.max_af}, VCF FILTER not PASS, ClinVar benign with 2+ stars, outside genes):</p><ul>${filters}</ul>
<p>Limits: scores rank candidates for review, they do not classify variants. Consequences come from transcript structure${' '}without codon translation where the bundle has no sequence; genes without disease annotations in the bundle's HPO release cannot be ranked by phenotype.</p>
</footer>
</body></html>
`;
  return page.html;
}
