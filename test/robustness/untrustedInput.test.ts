/**
 * Untrusted input: a VCF's sample name, IDs and INFO values, and the file's own path, are data. They
 * never run in a shell, never become a file path, and reach HTML only escaped. The hostile strings
 * carry canaries: `$(touch ...)` would create a file, `<img onerror>` would be a tag in the report.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { CANDIDATE_COLUMNS } from '../../src/report/tsv';
import { CLI, DEMO_BUNDLE, DEMO_VCF, ROOT, tmpDir } from '../helpers/cli';

const CANARY = 'PWNED-by-untrusted-input';
const SAMPLE = `<img src=x onerror=alert(1)>"'&$(touch ${CANARY})\`touch ${CANARY}\`;../../${CANARY}`;
const RECORD_ID = `<script>alert("id")</script>$(touch ${CANARY})`;
const INFO_NOTE = `<b>bold</b>$(touch ${CANARY})`;
/** Every tag the report template itself writes; anything else in report.html came from input. */
/** Every element the report templates write (src/report/*.ts); an input string must never add one. */
const TEMPLATE_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'nav', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'strong', 'b', 'em', 'small', 'br',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'div', 'section', 'figure', 'figcaption', 'details', 'summary',
  'svg', 'g', 'text', 'rect', 'line', 'path', 'circle', 'title', 'footer', 'code',
]);

describe('hostile sample name, IDs, INFO values and file name', () => {
  const sandbox = tmpDir('vartriage-untrusted-');
  const vcfDir = path.join(sandbox, `in $(touch ${CANARY}) <b>`);
  const vcf = path.join(vcfDir, `patient';touch ${CANARY};'.vcf`);
  const out = path.join(sandbox, 'out');
  let r: ReturnType<typeof spawnSync>;
  const args = () => ['run', '--vcf', vcf, '--hpo', 'HP:0001250,HP:0004322', '--reference', DEMO_BUNDLE, '--out', out, '--sex', 'female'];

  beforeAll(() => {
    fs.mkdirSync(vcfDir);
    const text = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8');
    const hostile = text
      .split('\n')
      .map((l) => {
        if (l.startsWith('#CHROM')) return l.replace(/\tDEMO-PROBAND$/, `\t${SAMPLE}`);
        if (!l || l.startsWith('#')) return l;
        const cols = l.split('\t');
        cols[2] = RECORD_ID;
        cols[7] = `${cols[7]};NOTE=${INFO_NOTE}`;
        return cols.join('\t');
      })
      .join('\n');
    fs.writeFileSync(vcf, hostile.replace('##INFO=<ID=DP,', '##INFO=<ID=NOTE,Number=1,Type=String,Description="free text">\n##INFO=<ID=DP,'));
    // cwd is the sandbox: a shell that ran any of the strings would drop the canary here.
    r = spawnSync(process.execPath, [CLI, ...args()], { cwd: sandbox, encoding: 'utf8' });
  });

  const canaries = (): string[] => fs.readdirSync(sandbox, { recursive: true }).map(String).filter((f) => f.includes(CANARY) && !f.startsWith('in $('));

  it('runs, ranks as usual and executes nothing', () => {
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.input.sample).toBe(SAMPLE);
    expect(results.candidates[0].gene.symbol).toBe('KMT2D');
    expect(results.candidates[0].variants[0].id).toBe(RECORD_ID);
    expect(canaries()).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, CANARY))).toBe(false);
  });

  it('writes only the three outputs: the sample name never becomes a path', () => {
    expect(fs.readdirSync(out).sort()).toEqual(['candidates.tsv', 'report.html', 'results.json', 'store']);
    expect(fs.readdirSync(sandbox).sort()).toEqual([path.basename(vcfDir), 'out'].sort());
  });

  it('report.html holds no tag the template did not write, and shows the strings escaped', () => {
    const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].filter((t) => !TEMPLATE_TAGS.has(t))).toEqual([]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;$(touch');
    // Attribute values cannot be closed early by a quote from input.
    for (const m of html.matchAll(/<[a-z][^>]*>/gi)) expect(m[0]).not.toMatch(/onerror|<script/i);
  });

  it('candidates.tsv keeps its columns', () => {
    const rows = fs.readFileSync(path.join(out, 'candidates.tsv'), 'utf8').trimEnd().split('\n');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.split('\t')).toHaveLength(CANDIDATE_COLUMNS.length);
  });

  it('the recorded command is shell-quoted: a shell parses it back to the same arguments and runs nothing', () => {
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(results.command.startsWith('vartriage run ')).toBe(true);
    const parsed = spawnSync('sh', ['-c', `printf '%s\\0' ${results.command.slice('vartriage '.length)}`], { cwd: sandbox, encoding: 'utf8' });
    expect(parsed.status).toBe(0);
    expect(parsed.stdout.split('\0').slice(0, -1)).toEqual(args());
    expect(canaries()).toEqual([]);
  });

  it('src/ never starts a shell or a child process', () => {
    const files = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /child_process|\bexecSync\b|\bspawn\(/.test(fs.readFileSync(path.join(ROOT, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
