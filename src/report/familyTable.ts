import type { Candidate, CandidateVariant } from '../prioritise/types';
import { html, SafeHtml } from './escape';

const affectedLabel = (a: boolean | null): string => (a === null ? 'unknown' : a ? 'affected' : 'unaffected');
const num = (x: number | null): string => (x === null ? '.' : String(x));

/** Each family member's genotype at one reported variant (runs with --ped); unknown calls are said so. */
export function familyGenotypeTable(v: CandidateVariant): SafeHtml {
  if (!v.family) return html``;
  const rows = v.family.map(
    (m) =>
      html`<tr><td>${m.id}</td><td>${m.relation}</td><td>${affectedLabel(m.affected)}</td><td>${m.sex}</td><td class="mono">${m.gt ?? '—'}</td><td class="${m.status === 'no call' || m.status === 'low quality' || m.status === 'not sequenced' ? 'fit-no' : ''}">${m.status}</td><td class="num">${num(m.dp)}</td><td class="num">${num(m.gq)}</td><td class="num mono">${m.ad ? m.ad.join(',') : '.'}</td></tr>`,
  );
  return html`<table class="family"><thead><tr><th>Family member</th><th>Relation</th><th>Status</th><th>Sex</th><th>GT</th><th>Read as</th><th class="num">DP</th><th class="num">GQ</th><th class="num">AD (ref,alt)</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The segregation verdict of each mode tried (runs with --ped). */
export function segregationList(c: Candidate): SafeHtml {
  if (!c.segregation) return html``;
  if (c.segregation.length === 0) return html`<p class="small muted">Segregation: no mode of inheritance could be fitted to the genotypes.</p>`;
  const items = c.segregation.map((s) => html`<li><strong>${s.mode}</strong>: <span class="${s.fits ? '' : 'fit-no'}">${s.fits ? 'fits' : 'contradicted'}</span>${s.de_novo === true ? ' · de novo' : ''}${s.phased === true ? ' · phased' : s.phased === false ? ' · unphased' : ''} — ${s.explanation}</li>`);
  return html`<h4>Segregation in the family</h4><ul class="segregation small">${items}</ul>`;
}
