/**
 * Demo diseases: real OMIM ids and names with a handful of their HPO features (frequencies as
 * fractions where the HPO annotations give them), real inheritance modes and real gene links,
 * and approximate GRCh38 gene spans. Trimmed for the demo: not a substitute for the HPO release.
 */
export interface DemoGene {
  symbol: string;
  ncbiId: string;
  hgncId: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: '+' | '-';
}

export interface DemoDisease {
  id: string;
  name: string;
  genes: string[];
  modes: string[];
  terms: Array<[string, number | null]>;
}

export const DEMO_GENES: DemoGene[] = [
  { symbol: 'LMNA', ncbiId: 'NCBIGene:4000', hgncId: 'HGNC:6636', chrom: 'chr1', start1: 156082573, end1: 156140089, strand: '+' },
  { symbol: 'PCSK9', ncbiId: 'NCBIGene:255738', hgncId: 'HGNC:20001', chrom: 'chr1', start1: 55039548, end1: 55064852, strand: '+' },
  { symbol: 'SCN1A', ncbiId: 'NCBIGene:6323', hgncId: 'HGNC:10585', chrom: 'chr2', start1: 165984641, end1: 166149161, strand: '-' },
  { symbol: 'NSD1', ncbiId: 'NCBIGene:64324', hgncId: 'HGNC:14234', chrom: 'chr5', start1: 177135032, end1: 177301212, strand: '+' },
  { symbol: 'CFTR', ncbiId: 'NCBIGene:1080', hgncId: 'HGNC:1884', chrom: 'chr7', start1: 117287120, end1: 117715971, strand: '+' },
  { symbol: 'FGFR2', ncbiId: 'NCBIGene:2263', hgncId: 'HGNC:3689', chrom: 'chr10', start1: 121478334, end1: 121598458, strand: '-' },
  { symbol: 'KMT2D', ncbiId: 'NCBIGene:8085', hgncId: 'HGNC:7133', chrom: 'chr12', start1: 49018975, end1: 49060794, strand: '-' },
  { symbol: 'PAH', ncbiId: 'NCBIGene:5053', hgncId: 'HGNC:8582', chrom: 'chr12', start1: 102836889, end1: 102958410, strand: '-' },
  { symbol: 'GJB2', ncbiId: 'NCBIGene:2706', hgncId: 'HGNC:4284', chrom: 'chr13', start1: 20187470, end1: 20192938, strand: '-' },
  { symbol: 'BRCA2', ncbiId: 'NCBIGene:675', hgncId: 'HGNC:1101', chrom: 'chr13', start1: 32315508, end1: 32400268, strand: '+' },
  { symbol: 'MYH7', ncbiId: 'NCBIGene:4625', hgncId: 'HGNC:7577', chrom: 'chr14', start1: 23412740, end1: 23435660, strand: '-' },
  { symbol: 'FBN1', ncbiId: 'NCBIGene:2200', hgncId: 'HGNC:3603', chrom: 'chr15', start1: 48408313, end1: 48645709, strand: '-' },
  { symbol: 'ACAN', ncbiId: 'NCBIGene:176', hgncId: 'HGNC:319', chrom: 'chr15', start1: 88803436, end1: 88875354, strand: '+' },
  { symbol: 'TP53', ncbiId: 'NCBIGene:7157', hgncId: 'HGNC:11998', chrom: 'chr17', start1: 7661779, end1: 7687538, strand: '-' },
  { symbol: 'DYRK1A', ncbiId: 'NCBIGene:1859', hgncId: 'HGNC:3091', chrom: 'chr21', start1: 37365790, end1: 37517450, strand: '+' },
  { symbol: 'SHOX', ncbiId: 'NCBIGene:6473', hgncId: 'HGNC:10853', chrom: 'chrX', start1: 624344, end1: 659411, strand: '+' },
  { symbol: 'MECP2', ncbiId: 'NCBIGene:4204', hgncId: 'HGNC:6990', chrom: 'chrX', start1: 154021573, end1: 154097717, strand: '-' },
];

const AD = 'HP:0000006';
const AR = 'HP:0000007';
const XD = 'HP:0001423';

export const DEMO_DISEASES: DemoDisease[] = [
  { id: 'OMIM:147920', name: 'Kabuki syndrome 1', genes: ['KMT2D'], modes: [AD], terms: [['HP:0001250', null], ['HP:0004322', null], ['HP:0001263', 1], ['HP:0000637', 1], ['HP:0001249', 1], ['HP:0001252', 0.91], ['HP:0000175', 0.45], ['HP:0000365', 0.67], ['HP:0000486', null], ['HP:0000252', null], ['HP:0001631', null]] },
  { id: 'OMIM:607208', name: 'Developmental and epileptic encephalopathy 6A (Dravet syndrome)', genes: ['SCN1A'], modes: [AD], terms: [['HP:0001250', 1], ['HP:0002069', 0.9], ['HP:0001263', 0.8], ['HP:0001249', 0.8], ['HP:0001251', 0.5], ['HP:0000717', 0.3], ['HP:0002360', 0.4]] },
  { id: 'OMIM:101600', name: 'Pfeiffer syndrome', genes: ['FGFR2'], modes: [AD], terms: [['HP:0001363', 1], ['HP:0000244', 0.8], ['HP:0011304', 0.9], ['HP:0000520', 0.8], ['HP:0000316', 0.7], ['HP:0001156', 0.5], ['HP:0000365', 0.3]] },
  { id: 'OMIM:612555', name: 'Breast-ovarian cancer, familial, susceptibility to, 2', genes: ['BRCA2'], modes: [AD], terms: [['HP:0003002', null], ['HP:0100615', null]] },
  { id: 'OMIM:151623', name: 'Li-Fraumeni syndrome', genes: ['TP53'], modes: [AD], terms: [['HP:0003002', null], ['HP:0002664', null]] },
  { id: 'OMIM:312750', name: 'Rett syndrome', genes: ['MECP2'], modes: [XD], terms: [['HP:0001250', 0.8], ['HP:0000252', 0.8], ['HP:0000717', 0.9], ['HP:0001263', 1], ['HP:0001252', 0.6], ['HP:0002650', 0.5], ['HP:0002360', 0.7]] },
  { id: 'OMIM:154700', name: 'Marfan syndrome', genes: ['FBN1'], modes: [AD], terms: [['HP:0000098', 0.9], ['HP:0001166', 0.9], ['HP:0002650', 0.6], ['HP:0000520', null]] },
  { id: 'OMIM:115200', name: 'Cardiomyopathy, dilated, 1A', genes: ['LMNA'], modes: [AD], terms: [['HP:0001644', 1], ['HP:0001631', 0.1]] },
  { id: 'OMIM:192600', name: 'Cardiomyopathy, familial hypertrophic, 1', genes: ['MYH7'], modes: [AD], terms: [['HP:0001639', 1]] },
  { id: 'OMIM:220290', name: 'Deafness, autosomal recessive 1A', genes: ['GJB2'], modes: [AR], terms: [['HP:0000407', 1], ['HP:0000365', 1]] },
  { id: 'OMIM:261600', name: 'Phenylketonuria', genes: ['PAH'], modes: [AR], terms: [['HP:0001249', 0.9], ['HP:0001250', 0.3], ['HP:0000252', 0.3], ['HP:0000717', 0.2]] },
  { id: 'OMIM:117550', name: 'Sotos syndrome', genes: ['NSD1'], modes: [AD], terms: [['HP:0000098', 0.9], ['HP:0001249', 0.9], ['HP:0001263', 0.9], ['HP:0001250', 0.25], ['HP:0002650', 0.3], ['HP:0001252', 0.7]] },
  { id: 'OMIM:165800', name: 'Short stature and advanced bone age, with or without early-onset osteoarthritis', genes: ['ACAN'], modes: [AD], terms: [['HP:0004322', 1], ['HP:0001156', 0.5]] },
  { id: 'OMIM:127300', name: 'Leri-Weill dyschondrosteosis', genes: ['SHOX'], modes: [XD], terms: [['HP:0004322', 1], ['HP:0001156', 0.3]] },
  { id: 'OMIM:614104', name: 'Intellectual developmental disorder, autosomal dominant 7', genes: ['DYRK1A'], modes: [AD], terms: [['HP:0000252', 1], ['HP:0001249', 1], ['HP:0001250', 0.6], ['HP:0000717', 0.6], ['HP:0001263', 1]] },
  { id: 'OMIM:219700', name: 'Cystic fibrosis', genes: ['CFTR'], modes: [AR], terms: [['HP:0001510', 0.5]] },
  { id: 'OMIM:123500', name: 'Crouzon syndrome', genes: ['FGFR2'], modes: [AD], terms: [['HP:0001363', 1], ['HP:0000520', 1], ['HP:0000316', 0.8], ['HP:0000486', 0.5]] },
];
