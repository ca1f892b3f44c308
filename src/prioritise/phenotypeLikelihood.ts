import type { DiseaseInfo, HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';

/**
 * Phenotype likelihood ratio of a disease, in the spirit of LIRICAL (Robinson et al. 2020,
 * AJHG 107:403). For each observed patient term t, m is the most informative term that is both an
 * ancestor-or-self of t and implied by the disease's annotations (Resnik's MICA). Then
 *
 *   LR(t | D) = f_D(m) / bg(m)
 *
 * (raised to the power IC(m)/IC(t), the share of the patient term's information the match
 * carries, so a match at a general ancestor counts for little) where f_D(m) is the frequency with which D shows m (the highest frequency among D's annotations
 * at or below m) and bg(m) = e^-IC(m) is the share of annotated diseases showing m. An exact or
 * implied match (m = t) gives f / bg(t); a patient term more specific than anything D states is
 * matched at m, since D says nothing about the step from m to t (P(t | m) is then the same for D
 * and for the background and cancels); an unrelated term has m at the root and LR 1.
 *
 * Excluded patient terms count against diseases that show them: LR = (1 - f_D(e)) / (1 - bg(e)).
 * A term the disease is annotated NOT to have (HPOA qualifier NOT) gets LR = NOT_LR.
 */

/** Frequency assumed for an annotation without one: HPO annotates characteristic features. */
export const DEFAULT_FREQUENCY = 1;
/** An excluded feature is never taken as certain proof against a disease. */
export const MAX_EXCLUDED_FREQUENCY = 0.95;
/** LR of an observed term for a disease annotated as NOT showing it. */
export const NOT_LR = 0.05;

export interface TermEvidence {
  patientTerm: HpoId;
  excluded: boolean;
  /** The disease annotation that explains the match (null for no match). */
  diseaseTerm: HpoId | null;
  /** Most informative common ancestor, and its information content in nats. */
  commonAncestor: HpoId;
  icNats: number;
  frequency: number;
  /** Whether the disease annotation states the frequency (else DEFAULT_FREQUENCY was assumed). */
  frequencyKnown: boolean;
  background: number;
  lr: number;
}

export interface DiseaseLikelihood {
  diseaseId: string;
  diseaseName: string;
  log10Lr: number;
  terms: TermEvidence[];
}

interface Implied {
  frequency: number;
  /** The annotation states a frequency (false when DEFAULT_FREQUENCY was assumed). */
  known: boolean;
  /** The annotation giving that frequency (most specific on ties). */
  source: HpoId;
}

export class PhenotypeLikelihood {
  constructor(
    private readonly ontology: HpoOntology,
    readonly observed: HpoId[],
    readonly excluded: HpoId[],
  ) {}

  private background(id: HpoId): number {
    return Math.exp(-this.ontology.ic(id));
  }

  /** Every term D's annotations imply (annotations propagate to ancestors), with f_D. */
  private implied(d: DiseaseInfo): { byTerm: Map<HpoId, Implied>; negated: Set<HpoId> } {
    const byTerm = new Map<HpoId, Implied>();
    const negated = new Set<HpoId>();
    for (const a of d.terms) {
      if (!this.ontology.terms.has(a.termId)) continue;
      if (a.negated) {
        negated.add(a.termId);
        continue;
      }
      const f = a.frequency ?? DEFAULT_FREQUENCY;
      for (const x of this.ontology.ancestorsOf(a.termId)) {
        const cur = byTerm.get(x);
        if (!cur || f > cur.frequency || (f === cur.frequency && this.ontology.ic(a.termId) > this.ontology.ic(cur.source))) byTerm.set(x, { frequency: f, known: a.frequency !== null, source: a.termId });
      }
    }
    return { byTerm, negated };
  }

  score(d: DiseaseInfo): DiseaseLikelihood {
    const { byTerm, negated } = this.implied(d);
    const terms: TermEvidence[] = [];
    let log10Lr = 0;
    for (const t of this.observed) {
      const anc = this.ontology.ancestorsOf(t);
      if (anc.some((x) => negated.has(x))) {
        terms.push({ patientTerm: t, excluded: false, diseaseTerm: null, commonAncestor: t, icNats: this.ontology.ic(t), frequency: 0, frequencyKnown: true, background: this.background(t), lr: NOT_LR });
        log10Lr += Math.log10(NOT_LR);
        continue;
      }
      let m: HpoId | null = null;
      let best = -1;
      for (const x of anc) {
        if (!byTerm.has(x)) continue;
        const ic = this.ontology.ic(x);
        if (ic > best || (ic === best && m !== null && x < m)) {
          best = ic;
          m = x;
        }
      }
      if (m === null || best <= 0) {
        terms.push({ patientTerm: t, excluded: false, diseaseTerm: null, commonAncestor: (m ?? 'HP:0000001') as HpoId, icNats: 0, frequency: 1, frequencyKnown: false, background: 1, lr: 1 });
        continue;
      }
      const imp = byTerm.get(m) as Implied;
      const bg = this.background(m);
      // A partial match carries only the share IC(m)/IC(t) of the patient term's information.
      const share = Math.min(1, best / Math.max(this.ontology.ic(t), 1e-9));
      const lr = Math.pow(imp.frequency / bg, share);
      terms.push({ patientTerm: t, excluded: false, diseaseTerm: imp.source, commonAncestor: m, icNats: best, frequency: imp.frequency, frequencyKnown: imp.known, background: bg, lr });
      log10Lr += Math.log10(Math.max(lr, 1e-6));
    }
    for (const e of this.excluded) {
      const imp = byTerm.get(e);
      if (!imp) continue;
      const f = Math.min(imp.frequency, MAX_EXCLUDED_FREQUENCY);
      const bg = Math.min(this.background(e), 0.999);
      const lr = (1 - f) / (1 - bg);
      terms.push({ patientTerm: e, excluded: true, diseaseTerm: imp.source, commonAncestor: e, icNats: this.ontology.ic(e), frequency: f, frequencyKnown: imp.known, background: bg, lr });
      log10Lr += Math.log10(lr);
    }
    return { diseaseId: d.id, diseaseName: d.name, log10Lr, terms };
  }
}
