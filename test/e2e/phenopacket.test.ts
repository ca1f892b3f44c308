import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

/** `--phenopacket`: GA4GH Phenopacket v2 features (observed and excluded), subject sex, and the VCF in files[]. */
describe('vartriage run --phenopacket', () => {
  const dir = tmpDir('vartriage-pp-');
  const packet = (features: unknown[], extra: Record<string, unknown> = {}) => {
    const f = path.join(dir, `pp-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(
      f,
      JSON.stringify({
        id: '<script>alert(1)</script>',
        subject: { id: 'proband', sex: 'FEMALE' },
        phenotypicFeatures: features,
        files: [{ uri: pathToFileURL(DEMO_VCF).href, individualToFileIdentifiers: { proband: 'DEMO-PROBAND' }, fileAttributes: { fileFormat: 'vcf', genomeAssembly: 'GRCh38' } }],
        ...extra,
      }),
    );
    return f;
  };

  it('takes observed and excluded terms, sex and the VCF from the phenopacket', () => {
    const out = path.join(dir, 'ok');
    const f = packet([{ type: { id: 'HP:0001250', label: 'Seizure' } }, { type: { id: 'HP:0004322' } }, { type: { id: 'HP:0000098' }, excluded: true }]);
    const r = runCli(['run', '--phenopacket', f, '--reference', DEMO_BUNDLE, '--out', out, '-q', '--no-store']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const res = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(res.input).toMatchObject({ vcf: DEMO_VCF, sample: 'DEMO-PROBAND', sex: 'female' });
    expect(res.input.hpo.map((t: { id: string }) => t.id)).toEqual(['HP:0001250', 'HP:0004322']);
    expect(res.input.excluded_hpo.map((t: { id: string }) => t.id)).toEqual(['HP:0000098']);
    expect(res.candidates[0].gene.symbol).toBe('KMT2D');
  });

  it('refuses a feature id that is not an HPO id, in one line, without echoing markup unescaped into outputs', () => {
    const out = path.join(dir, 'bad');
    const f = packet([{ type: { id: '<img src=x onerror=alert(1)>' } }]);
    const r = runCli(['run', '--phenopacket', f, '--reference', DEMO_BUNDLE, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/phenotypicFeatures\[0\]\.type\.id .* is not an HPO id/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a remote VCF URI: nothing is downloaded at run time', () => {
    const f = packet([{ type: { id: 'HP:0001250' } }], { files: [{ uri: 'https://example.org/x.vcf.gz', fileAttributes: { fileFormat: 'vcf' } }] });
    const r = runCli(['run', '--phenopacket', f, '--reference', DEMO_BUNDLE, '--out', path.join(dir, 'remote')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is remote; download it and pass --vcf/);
  });
});
