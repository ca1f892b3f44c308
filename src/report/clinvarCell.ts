import type { CandidateVariant } from '../prioritise/types';
import { significanceClass } from '../reference/clinvarSignificance';
import { html, SafeHtml } from './escape';
import { significanceLabel, starsLabel } from './format';

/** ClinVar significance as given, coloured by its coarse class, with review stars (0-4). */
export function clinvarSummary(clinvar: CandidateVariant['clinvar']): SafeHtml {
  if (!clinvar) return html`<span class="muted">not in ClinVar</span>`;
  const cls = significanceClass(clinvar.significance);
  return html`<span class="sig-${cls}">${significanceLabel(clinvar.significance)}</span> <span class="stars" title="${clinvar.stars} of 4 review stars" aria-label="${clinvar.stars} of 4 review stars">${starsLabel(clinvar.stars)}</span>`;
}
