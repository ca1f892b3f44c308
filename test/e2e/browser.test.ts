/// <reference lib="dom" />
// Callbacks passed to page.evaluate/$$eval run in the page, where the DOM types apply.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { browserAvailability, launchBrowser, LoadedReport, openReport } from '../helpers/browser';
import { DEMO_BUNDLE, DEMO_VCF, ROOT, runCli, tmpDir } from '../helpers/cli';
import { IMG_PAYLOAD, SCRIPT_SAMPLE, writeHostileVcf } from '../helpers/hostileVcf';

const HPO = 'HP:0001250,HP:0004322,HP:0001263,HP:0000637';
const ARTIFACTS = path.join(ROOT, 'test', 'e2e', 'artifacts');
/** A4 at 96 px/inch less the report's 12 mm print margins: 186 mm. */
const A4_CONTENT_PX = Math.floor((186 / 25.4) * 96);

const availability = browserAvailability();
const describeBrowser = availability.run ? describe : describe.skip;

interface TableRow {
  rank: string;
  gene: string;
  variant: string;
}

describeBrowser('report.html in headless Chromium', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const dir = tmpDir();
  const demoOut = path.join(dir, 'demo');
  const hostileOut = path.join(dir, 'hostile');

  beforeAll(async () => {
    const demo = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--sex', 'female', '--out', demoOut, '-q'], { SOURCE_DATE_EPOCH: '1764288000' });
    expect(demo.code).toBe(0);
    expect(demo.stderr).not.toMatch(/error/);
    const hostile = runCli(['run', '--vcf', writeHostileVcf(dir), '--hpo', HPO, '--reference', DEMO_BUNDLE, '--no-pass-only', '--out', hostileOut, '-q']);
    expect(hostile.code).toBe(0);
    ({ context, close } = await launchBrowser());
  });

  afterAll(async () => {
    if (close) await close();
  });

  describe('the demo report', () => {
    let report: LoadedReport;
    beforeAll(async () => {
      report = await openReport(context, path.join(demoOut, 'report.html'));
    });

    it('loads with no console errors and no request beyond the file itself', () => {
      expect(report.consoleErrors).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.blocked).toEqual([]);
      expect(report.requests).toEqual([report.url]);
    });

    it('shows the sample, build and the patient HPO terms with labels on the first screen', async () => {
      const { page } = report;
      await expect(page.locator('h1').innerText()).resolves.toContain('DEMO-PROBAND');
      await expect(page.locator('header').innerText()).resolves.toMatch(/Build\s+GRCh38/);
      const terms = await page.locator('ul.terms li').allInnerTexts();
      expect(terms.map((t) => t.replace(/\s+/g, ' '))).toEqual([
        'Seizure HP:0001250',
        'Short stature HP:0004322',
        'Global developmental delay HP:0001263',
        'Long palpebral fissure HP:0000637',
      ]);
      // The table's first row is above the fold of a laptop screen (1280x720 default viewport).
      const box = await page.locator('table.candidates tbody tr').first().boundingBox();
      expect(box && box.y + box.height).toBeLessThan(720);
    });

    it('lists the candidates of results.json in rank order, KMT2D first', async () => {
      const results = JSON.parse(fs.readFileSync(path.join(demoOut, 'results.json'), 'utf8')) as { candidates: Array<{ rank: number; gene: { symbol: string }; variants: unknown[] }> };
      const rows: TableRow[] = await report.page.$$eval('table.candidates tbody tr', (trs) => {
        let rank = '';
        let gene = '';
        return trs.map((tr) => {
          const cells = Array.from(tr.querySelectorAll('td'));
          // Gene-level cells span the rows of a gene's variants; only its first row has them.
          if (cells.length === 10) {
            rank = cells[0].textContent?.trim() ?? '';
            gene = cells[1].textContent?.trim() ?? '';
          }
          const variant = cells[cells.length === 10 ? 3 : 0].textContent?.trim() ?? '';
          return { rank, gene, variant };
        });
      });
      expect(rows[0]).toEqual({ rank: '1', gene: 'KMT2D', variant: 'chr12:49025149 TC>T' });
      const expected = results.candidates.flatMap((c) => c.variants.map(() => ({ rank: String(c.rank), gene: c.gene.symbol })));
      expect(rows.map(({ rank, gene }) => ({ rank, gene }))).toEqual(expected);
      expect(new Set(rows.map((r) => r.gene)).size).toBe(results.candidates.length);
    });

    it('shows the ClinVar significance with stars and the evidence of the top candidate', async () => {
      const { page } = report;
      const firstRow = (await page.locator('table.candidates tbody tr').first().innerText()).replace(/\s+/g, ' ');
      expect(firstRow).toContain('Kabuki syndrome 1');
      expect(firstRow).toContain('heterozygous');
      expect(firstRow).toContain('frameshift variant');
      expect(firstRow).toContain('Pathogenic ★★☆☆');
      await page.locator('table.candidates a', { hasText: 'KMT2D' }).click();
      const evidence = page.locator('section.candidate').first();
      await expect(evidence.isVisible()).resolves.toBe(true);
      const text = (await evidence.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Seizure HP:0001250');
      expect(text).toMatch(/\[ClinVar demo\]/);
      expect(text).toMatch(/\[gnomAD demo\]/);
      expect(text).toMatch(/One variant fits autosomal dominant\./);
    });

    it('draws the score distribution with the top candidate marked', async () => {
      const labels = await report.page.locator('svg.plot text').allTextContents();
      expect(labels).toContain('1. KMT2D');
    });

    it('fits the width of an A4 page when printed', async () => {
      const { page } = report;
      await page.setViewportSize({ width: A4_CONTENT_PX, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 720 });
      expect(overflow).toBeLessThanOrEqual(0);
    });

    it('prints to an A4 PDF', async () => {
      const pdf = await report.page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(20000);
      const text = pdf.toString('latin1');
      // A4 is 595.28 x 841.89 points (ISO 216); Chromium rounds the MediaBox slightly up.
      expect(text).toMatch(/\/MediaBox \[0 0 59[56]\.\d+ 84[12]\.\d+\]/);
      expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    });

    it('writes a full-page screenshot for people to look at', async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'report.png');
      await report.page.screenshot({ path: file, fullPage: true });
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(50000);
    });
  });

  describe('a VCF with HTML in its sample name, IDs, INFO and FILTER', () => {
    let report: LoadedReport;
    beforeAll(async () => {
      report = await openReport(context, path.join(hostileOut, 'report.html'));
    });

    it('runs no script and opens no dialog', () => {
      expect(report.dialogs).toEqual([]);
      expect(report.pageErrors).toEqual([]);
      expect(report.consoleErrors).toEqual([]);
      expect(report.requests).toEqual([report.url]);
    });

    it('has no element created from input markup, and shows the input as text', async () => {
      const { page } = report;
      const counts = await page.evaluate(() => ({
        script: document.querySelectorAll('script').length,
        img: document.querySelectorAll('img').length,
        onerror: document.querySelectorAll('[onerror]').length,
      }));
      expect(counts).toEqual({ script: 0, img: 0, onerror: 0 });
      await expect(page.locator('h1').innerText()).resolves.toContain(SCRIPT_SAMPLE);
      await expect(page.title()).resolves.toContain(SCRIPT_SAMPLE);
      await expect(page.locator('section.candidate').first().innerText()).resolves.toContain(IMG_PAYLOAD);
    });
  });
});

if (!availability.run) {
  describe('report.html in headless Chromium', () => {
    it.skip(`skipped: ${availability.reason}`, () => undefined);
  });
}
