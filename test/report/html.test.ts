import { renderReportHtml } from '../../src/report/html';
import type { Results } from '../../src/report/results';
import { fixtureCandidate, fixtureResults, fixtureVariant } from '../helpers/resultsFixture';

/** Every tag name the report itself writes; input can add none. */
const REPORT_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'h4', 'ul', 'li', 'b', 'p', 'strong', 'span', 'div', 'table', 'thead', 'tbody',
  'tr', 'th', 'td', 'a', 'br', 'code', 'section', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'svg', 'rect', 'text', 'line', 'path', 'footer',
]);

function tagsOf(page: string): Set<string> {
  return new Set([...page.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
}

function textOf(page: string): string {
  return page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>"\'`&';

/** Puts the hostile string in every string field that comes from an input file or the command line. */
function hostileResults(): Results {
  const v = fixtureVariant({
    call: { gt: HOSTILE, dp: 30, gq: 99, ad: [15, 15] },
    id: HOSTILE, transcript: HOSTILE, location: HOSTILE, hgvs_c: HOSTILE, hgvs_p: HOSTILE, consequence: HOSTILE, reasons: [HOSTILE], chrom: HOSTILE,
    gnomad: { af: 0.001, ac: 1, an: 1000, nhomalt: 0, grpmax_af: 0.002, grpmax: HOSTILE },
    clinvar: { id: HOSTILE, significance: HOSTILE, stars: 1, conditions: [HOSTILE], review_status: HOSTILE },
  });
  const c = fixtureCandidate({
    gene: { symbol: HOSTILE, id: HOSTILE, diseases: [{ id: HOSTILE, name: HOSTILE, phenotype_score: 0.5, log10_lr: 1 }, { id: 'OMIM:1', name: HOSTILE, phenotype_score: 0.1, log10_lr: 1 }], inheritance: [HOSTILE] },
    phenotype: { score: 0.5, log10_lr: 0.5, disease: { id: HOSTILE, name: HOSTILE }, matches: [{ patient_term: HOSTILE, patient_label: HOSTILE, gene_term: HOSTILE, gene_label: HOSTILE, common_ancestor: HOSTILE, common_ancestor_label: HOSTILE, ic: 1, excluded: false, frequency: 1, lr: 2 }] },
    inheritance: { mode: HOSTILE, fits: false, explanation: HOSTILE },
    variants: [v],
  });
  const base = fixtureResults();
  return {
    ...base,
    command: HOSTILE,
    input: { vcf: HOSTILE, sample: HOSTILE, build: HOSTILE, sex: HOSTILE, hpo: [{ id: HOSTILE, label: HOSTILE, input: HOSTILE, mapped_via: 'alt_id' }], excluded_hpo: [{ id: HOSTILE, label: HOSTILE, input: HOSTILE }] },
    reference: { name: HOSTILE, build: HOSTILE, sources: base.reference.sources.map((s) => ({ ...s, version: HOSTILE, upstream: HOSTILE, sha256: HOSTILE })) },
    warnings: [HOSTILE],
    candidates: [c],
  };
}

describe('renderReportHtml', () => {
  it('escapes input in every field: no tag or event handler from input reaches the markup', () => {
    const page = renderReportHtml(hostileResults());
    expect([...tagsOf(page)].filter((t) => !REPORT_TAGS.has(t))).toEqual([]);
    expect(page).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    // ...and the input is still there, as text, in the title, header, table and evidence.
    expect(page.split('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;').length).toBeGreaterThan(20);
  });

  it('is self-contained: nothing to fetch, no script, only in-page links', () => {
    const page = renderReportHtml(fixtureResults());
    expect(page).not.toMatch(/<(script|link|iframe|object|embed|img)\b/i);
    expect(page).not.toMatch(/\bsrc=/i);
    expect(page).not.toMatch(/url\(|@import/i);
    for (const m of page.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
  });

  it.each([
    ['HGVS c. and p. when computed, with the locus beneath', { hgvs_c: 'c.5538del', hgvs_p: 'p.(Gln1847fs)' }, ['NM_003482.4:c.5538del (p.(Gln1847fs))', 'chr12:49025149 TC&gt;T']],
    ['an HGVS string that already names its transcript as given', { hgvs_c: 'NM_000001.1:c.1A>G', hgvs_p: null }, ['NM_000001.1:c.1A&gt;G']],
    ['the VCF locus when no HGVS was computed', {}, ['chr12:49025149 TC&gt;T']],
    ['long alleles shortened on screen', { ref: 'A', alt: 'A' + 'C'.repeat(40) }, ['chr12:49025149 A&gt;ACCCCCCCCC…(41 bp)']],
  ])('shows the variant as %s', (_name, over, expected) => {
    const page = renderReportHtml(fixtureResults({ candidates: [fixtureCandidate({ variants: [fixtureVariant(over)] })] }));
    const table = page.slice(page.indexOf('<table class="candidates">'), page.indexOf('</table>', page.indexOf('<table class="candidates">')));
    for (const e of expected) expect(table).toContain(e);
  });

  it('puts the facts of the first screen in the candidate table', () => {
    const text = textOf(renderReportHtml(fixtureResults({ candidates: [fixtureCandidate({ variants: [fixtureVariant({ gnomad: { af: 0.000123, ac: 3, an: 24390, nhomalt: 0, grpmax_af: null, grpmax: '' } })] })] })));
    expect(text).toContain('1 KMT2D Kabuki syndrome 1 autosomal dominant chr12:49025149 TC&gt;T heterozygous frameshift variant Pathogenic ★★☆☆ 1.23e-4 0.950 0.900');
    expect(text).toContain('Short stature HP:0004322');
    expect(text).toMatch(/Build GRCh38/);
  });

  it('cites the bundle release of each variant fact in the evidence', () => {
    const text = textOf(renderReportHtml(fixtureResults()));
    expect(text).toContain('[ClinVar 2026-02-26]');
    expect(text).toContain('[gnomAD v4.0]');
    expect(text).toContain('[gene models MANE v1.0]');
    expect(text).toContain('[HPO 2023-01-27]');
    expect(text).toContain('Short stature HP:0004322 Short stature HP:0004322 Short stature HP:0004322 1.73');
    expect(text).toContain('conditions: Kabuki syndrome 1');
  });

  it("shows the proband's reads and GQ beside the genotype", () => {
    const page = renderReportHtml(fixtureResults({ candidates: [fixtureCandidate({ variants: [fixtureVariant({ call: { gt: '0/1', dp: 250, gq: 99, ad: [190, 60] } })] })] }));
    expect(textOf(page)).toContain('Genotype heterozygous (GT 0/1 , 60 of 250 reads ALT, GQ 99) [sample VCF]');
  });

  it('flags a genotype that does not fit the mode of inheritance', () => {
    const page = renderReportHtml(fixtureResults({ candidates: [fixtureCandidate({ inheritance: { mode: 'autosomal recessive', fits: false, explanation: 'genotype fits none of autosomal recessive: score halved' } })] }));
    expect(page).toContain('(genotype does not fit)');
    expect(page).toContain('<span class="fit-no">Genotype fits none of autosomal recessive: score halved.</span>');
  });

  it('lists the tool version, command, sources with checksums, filters with counts and limits in the footer', () => {
    const page = renderReportHtml(fixtureResults());
    const footer = textOf(page.slice(page.indexOf('<footer>')));
    expect(footer).toContain('vartriage 0.1.0');
    expect(footer).toContain('vartriage run --vcf p.vcf.gz --hpo HP:0004322 --reference ref --out out');
    expect(footer).toContain('a'.repeat(64));
    expect(footer).toContain('removed: gnomAD AF above 0.0200');
    expect(footer).toMatch(/removed: VCF FILTER not PASS 5 /);
    expect(footer).toMatch(/Limits of the method/);
    expect(footer).toMatch(/not an ACMG\/AMP classification/);
  });

  it('says so when no gene is a candidate', () => {
    const text = textOf(renderReportHtml(fixtureResults({ candidates: [], counts: { ...fixtureResults().counts, candidates: 0 } })));
    expect(text).toContain('No candidate.');
  });

  it('marks the demo bundle as not for clinical use, and only the demo bundle', () => {
    expect(renderReportHtml(fixtureResults({ reference: { ...fixtureResults().reference, name: 'demo' } }))).toContain('not for clinical use');
    expect(renderReportHtml(fixtureResults())).not.toContain('not for clinical use');
  });

  it('still renders results written before score_distribution existed', () => {
    const r = fixtureResults();
    delete r.score_distribution;
    expect(renderReportHtml(r)).toContain('Scores of the reported candidates only');
  });

  it('is a pure function of the results (same input, same bytes)', () => {
    expect(renderReportHtml(fixtureResults())).toBe(renderReportHtml(fixtureResults()));
  });
});
