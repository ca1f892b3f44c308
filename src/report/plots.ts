import type { Candidate } from '../prioritise/types';
import { html, SafeHtml } from './escape';
import { filterCounts } from './filterLabels';
import { countLabel } from './format';
import type { Results } from './results';
import { scoreDistribution, ScoreDistribution } from './scoreDistribution';

/**
 * Inline SVG plots. Coordinates are rounded to 0.1 px so the markup is stable across platforms
 * (byte-identical reports).
 */

const ACCENT = '#0969da';
const BAR = '#8c959f';

function px(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Log-scaled length, so a bin of 3 genes stays visible beside one of 3,000. */
function logLength(n: number, max: number, full: number): number {
  return max <= 0 ? 0 : (Math.log10(1 + n) / Math.log10(1 + max)) * full;
}

/** Histogram of all gene scores with the reported candidates marked beneath it. */
export function scoreDistributionPlot(dist: ScoreDistribution, candidates: Candidate[]): SafeHtml {
  const width = 560;
  const left = 40;
  const right = 14;
  const top = 16;
  const plotH = 120;
  const labelledRanks = 3;
  const height = top + plotH + 30 + labelledRanks * 13 + 6;
  const plotW = width - left - right;
  const x = (score: number) => left + Math.max(0, Math.min(1, score)) * plotW;
  const axisY = top + plotH;
  const max = Math.max(0, ...dist.counts);
  const binW = plotW / dist.counts.length;
  const bars = dist.counts.map((n, i) => {
    if (n === 0) return html``;
    const h = Math.max(1, logLength(n, max, plotH));
    return html`<rect x="${px(left + i * binW + 1)}" y="${px(axisY - h)}" width="${px(binW - 2)}" height="${px(h)}" fill="${BAR}"/><text x="${px(left + (i + 0.5) * binW)}" y="${px(axisY - h - 3)}" text-anchor="middle" font-size="10">${n}</text>`;
  });
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (t) => html`<line x1="${px(x(t))}" y1="${axisY}" x2="${px(x(t))}" y2="${axisY + 4}" stroke="#57606a"/><text x="${px(x(t))}" y="${axisY + 15}" text-anchor="middle" font-size="10">${t.toFixed(1)}</text>`,
  );
  const rugY = axisY + 24;
  // Lowest rank drawn last so rank 1 is on top where markers overlap.
  const marks = [...candidates].reverse().map((c) => {
    const cx = x(c.score);
    const fill = c.rank === 1 ? ACCENT : '#24292f';
    const label = c.rank <= labelledRanks ? html`<text x="${px(cx)}" y="${px(rugY + 6 + c.rank * 13)}" text-anchor="${cx > width - 80 ? 'end' : cx < left + 40 ? 'start' : 'middle'}" font-size="11" fill="${fill}">${c.rank}. ${c.gene.symbol}</text>` : '';
    return html`<path d="M${px(cx)} ${px(rugY - 6)} l-4 8 h8 z" fill="${fill}"><title>${c.rank}. ${c.gene.symbol} ${c.score.toFixed(3)}</title></path>${label}`;
  });
  return html`<svg class="plot" role="img" aria-labelledby="dist-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title id="dist-title">Combined score of all scored genes, reported candidates marked</title>
<text x="4" y="${top + 4}" font-size="10" fill="#57606a">genes</text>
<line x1="${left}" y1="${axisY}" x2="${width - right}" y2="${axisY}" stroke="#57606a"/>${ticks}${bars}${marks}
</svg>`;
}

/** How many variants each filter removed, and how many genes and candidates remained. */
export function filterFunnelPlot(r: Pick<Results, 'counts' | 'settings' | 'score_distribution'>): SafeHtml {
  const rows: Array<{ label: string; n: number; removed: boolean }> = [{ label: 'variants read', n: r.counts.variants, removed: false }];
  for (const f of filterCounts(r)) rows.push({ label: `removed: ${f.name.replace(/_/g, ' ')}`, n: f.removed, removed: true });
  rows.push({ label: 'passed filters', n: r.counts.passed_filters, removed: false });
  rows.push({ label: 'genes with a passing variant', n: r.counts.genes_considered, removed: false });
  if (r.score_distribution) rows.push({ label: 'genes matching the phenotype', n: r.score_distribution.genes_scored, removed: false });
  rows.push({ label: 'reported candidates', n: r.counts.candidates, removed: false });
  const width = 460;
  const labelW = 180;
  const countW = 64;
  const rowH = 18;
  const height = rows.length * rowH + 6;
  const full = width - labelW - countW;
  const max = Math.max(...rows.map((x) => x.n));
  const bars = rows.map((row, i) => {
    const y = 3 + i * rowH;
    const w = row.n > 0 ? Math.max(1, logLength(row.n, max, full)) : 0;
    return html`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end" font-size="11"${row.removed ? html` fill="#57606a"` : ''}>${row.label}</text><rect x="${labelW}" y="${y + 2}" width="${px(w)}" height="${rowH - 6}" fill="${row.removed ? '#d0d7de' : BAR}"/><text x="${px(labelW + w + 4)}" y="${y + 12}" font-size="11">${countLabel(row.n)}</text>`;
  });
  return html`<svg class="plot" role="img" aria-labelledby="funnel-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">
<title id="funnel-title">Variants removed by each filter and genes remaining</title>${bars}
</svg>`;
}

/** Distribution from results.json, or from the candidates alone for results written before it existed. */
export function distributionOf(r: Pick<Results, 'score_distribution' | 'candidates'>): { dist: ScoreDistribution; complete: boolean } {
  if (r.score_distribution) return { dist: r.score_distribution, complete: true };
  return { dist: scoreDistribution(r.candidates.map((c) => c.score)), complete: false };
}
