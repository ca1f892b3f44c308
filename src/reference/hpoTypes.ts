/** An HPO term id such as "HP:0001250". */
export type HpoId = string & { readonly __brand: 'HpoId' };
/** A disease id such as "OMIM:147920" or "ORPHA:2322". */
export type DiseaseId = string;

export interface HpoTermInput {
  id: string;
  label: string;
  parents: string[];
  altIds: string[];
  obsolete: boolean;
  replacedBy?: string;
}

export interface DiseaseAnnotationInput {
  diseaseId: DiseaseId;
  diseaseName: string;
  termId: string;
  /** Fraction of patients with the feature, when the annotation gives one (HPOA Frequency column). */
  frequency: number | null;
  /** HPOA Qualifier NOT: the disease is known not to show the feature. */
  negated: boolean;
}

export interface DiseaseGeneInput {
  diseaseId: DiseaseId;
  geneSymbol: string;
  ncbiGeneId: string;
}

/** Mode-of-inheritance annotations (HPOA aspect I, terms under HP:0000005). */
export interface DiseaseInheritanceInput {
  diseaseId: DiseaseId;
  modeId: string;
}
