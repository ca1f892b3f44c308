import * as path from 'node:path';
import { InputError } from '../errors';
import type { TermInput } from '../io/hpoInput';
import type { Logger } from '../log';
import { HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';
import { Manifest, sourceFile } from '../reference/manifest';
import type { PatientTermOut } from '../report/results';

export interface PhenotypeRequest {
  /** Observed and excluded patient terms as given (from --hpo, --hpo-file, a phenopacket...). */
  phenotype: { observed: TermInput[]; excluded: TermInput[] };
  /** What to do with a term the bundle's HPO release does not know: stop, or skip it with a warning. */
  unknownHpo: 'error' | 'skip';
}

/** The patient's terms resolved against the bundle's HPO release. */
export interface Phenotype {
  ontology: HpoOntology;
  observed: PatientTermOut[];
  excluded: PatientTermOut[];
  warnings: string[];
}

function resolveTerms(inputs: TermInput[], ontology: HpoOntology, unknown: PhenotypeRequest['unknownHpo'], warnings: string[]): PatientTermOut[] {
  const out: PatientTermOut[] = [];
  const seen = new Set<string>();
  for (const t of inputs) {
    const r = ontology.resolve(t.id);
    const release = ontology.meta.get('version') ?? '?';
    if (!r && ontology.terms.get(t.id as HpoId)?.obsolete) {
      throw new InputError(t.source, `HPO term ${t.id} is obsolete in HPO release ${release} of the bundle and names no replacement; choose a current term`, t.line);
    }
    if (!r && unknown === 'skip') {
      warnings.push(`${t.source}${t.line ? `:${t.line}` : ''}: unknown HPO term ${t.id} (not in HPO release ${release} of the bundle) skipped`);
      continue;
    }
    if (!r) throw new InputError(t.source, `unknown HPO term ${t.id} (not in HPO release ${release} of the bundle; --unknown-hpo skip ignores such terms)`, t.line);
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, label: ontology.label(r.id), input: t.id, ...(r.via ? { mapped_via: r.via } : {}) });
  }
  return out;
}

/** Loads the bundle's HPO and resolves the patient's terms; checked before any annotation starts. */
export function resolvePhenotype(req: PhenotypeRequest, bundleDir: string, referenceArg: string, manifest: Manifest, log: Logger): Phenotype {
  const hpoFile = sourceFile(bundleDir, manifest, 'hpo');
  if (!hpoFile) throw new InputError(path.join(referenceArg, 'manifest.json'), 'bundle has no hpo source; phenotype ranking needs one');
  const ontology = HpoOntology.load(hpoFile);
  if (req.phenotype.observed.length === 0) throw new InputError('--hpo', 'no observed HPO terms given (use --hpo HP:0001250,..., --hpo-file FILE or --phenopacket FILE)');
  const warnings: string[] = [];
  const observed = resolveTerms(req.phenotype.observed, ontology, req.unknownHpo, warnings);
  const excluded = resolveTerms(req.phenotype.excluded, ontology, req.unknownHpo, warnings).filter((t) => !observed.some((p) => p.id === t.id));
  // Only reachable with --unknown-hpo skip: the lab asked to go on without unknown terms, so the
  // genes are ranked by genotype alone and every output says so.
  if (observed.length === 0) warnings.push(`none of the observed HPO terms is in HPO release ${ontology.meta.get('version') ?? '?'} of the bundle: genes are ranked by genotype alone`);
  for (const w of warnings) log.warn(w);
  return { ontology, observed, excluded, warnings };
}
