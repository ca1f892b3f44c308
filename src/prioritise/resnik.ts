import type { DiseaseInfo, HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';

/** One patient term's best match among a disease's terms (Resnik 1995: IC of the most informative common ancestor). */
export interface TermMatch {
  patientTerm: HpoId;
  diseaseTerm: HpoId;
  commonAncestor: HpoId;
  icNats: number;
}

export interface DiseaseMatch {
  diseaseId: string;
  diseaseName: string;
  /** Patient-to-disease best-match average divided by the patient's self-similarity, in [0, 1]. */
  score: number;
  /** Symmetric best-match average in nats (Phenomizer, Köhler et al. 2009). */
  symmetricBmaNats: number;
  /** Symmetric best-match average divided by the patient's self-similarity, capped at 1. */
  symmetricScore: number;
  matches: TermMatch[];
}

/** Scores diseases against a fixed set of patient terms; caches term-pair similarities. */
export class PhenotypeMatcher {
  private readonly patientAncestors: Array<Set<HpoId>>;
  private readonly pairCache = new Map<HpoId, Array<{ ancestor: HpoId; ic: number }>>();
  private readonly selfSimilarity: number;

  constructor(
    private readonly ontology: HpoOntology,
    readonly patientTerms: HpoId[],
  ) {
    this.patientAncestors = patientTerms.map((t) => new Set(ontology.ancestors.get(t) ?? [t]));
    const ics = patientTerms.map((t) => ontology.ic(t));
    this.selfSimilarity = ics.length ? ics.reduce((a, b) => a + b, 0) / ics.length : 0;
  }

  /** Best common ancestor of each patient term with `diseaseTerm`. */
  private micaWith(diseaseTerm: HpoId): Array<{ ancestor: HpoId; ic: number }> {
    const hit = this.pairCache.get(diseaseTerm);
    if (hit) return hit;
    const anc = this.ontology.ancestors.get(diseaseTerm) ?? [];
    const out = this.patientAncestors.map((set) => {
      let best: { ancestor: HpoId; ic: number } = { ancestor: 'HP:0000001' as HpoId, ic: 0 };
      for (const a of anc) {
        if (!set.has(a)) continue;
        const ic = this.ontology.ic(a);
        if (ic > best.ic || (ic === best.ic && a < best.ancestor)) best = { ancestor: a, ic };
      }
      return best;
    });
    this.pairCache.set(diseaseTerm, out);
    return out;
  }

  matchDisease(d: DiseaseInfo): DiseaseMatch {
    const terms = d.terms.filter((t) => !t.negated && this.ontology.ancestors.has(t.termId)).map((t) => t.termId);
    const n = this.patientTerms.length;
    const bestForPatient: TermMatch[] = this.patientTerms.map((p) => ({ patientTerm: p, diseaseTerm: p, commonAncestor: 'HP:0000001' as HpoId, icNats: 0 }));
    let diseaseSide = 0;
    for (const dt of terms) {
      const row = this.micaWith(dt);
      let bestHere = 0;
      for (let i = 0; i < n; i++) {
        const { ancestor, ic } = row[i];
        if (ic > bestHere) bestHere = ic;
        const cur = bestForPatient[i];
        if (ic > cur.icNats || (ic === cur.icNats && ic > 0 && dt < cur.diseaseTerm)) bestForPatient[i] = { patientTerm: this.patientTerms[i], diseaseTerm: dt, commonAncestor: ancestor, icNats: ic };
      }
      diseaseSide += bestHere;
    }
    const patientSide = n ? bestForPatient.reduce((a, m) => a + m.icNats, 0) / n : 0;
    const diseaseAvg = terms.length ? diseaseSide / terms.length : 0;
    return {
      diseaseId: d.id,
      diseaseName: d.name,
      score: this.selfSimilarity > 0 ? Math.min(1, patientSide / this.selfSimilarity) : 0,
      symmetricBmaNats: (patientSide + diseaseAvg) / 2,
      symmetricScore: this.selfSimilarity > 0 ? Math.min(1, (patientSide + diseaseAvg) / 2 / this.selfSimilarity) : 0,
      matches: bestForPatient.filter((m) => m.icNats > 0),
    };
  }
}
