/** Modes for disease entries that state none (src/prioritise/diseaseModes.ts). */
import { modesFor } from '../../src/prioritise/diseaseModes';
import type { DiseaseInfo } from '../../src/reference/hpoOntology';
import type { DiseaseId, HpoId } from '../../src/reference/hpoTypes';

const AD = 'HP:0000006' as HpoId;
const AR = 'HP:0000007' as HpoId;

function disease(id: string, terms: string[], modes: HpoId[] = [], negated: string[] = []): DiseaseInfo {
  return {
    id: id as DiseaseId,
    name: id,
    terms: [...terms.map((t) => ({ termId: t as HpoId, frequency: null, negated: false })), ...negated.map((t) => ({ termId: t as HpoId, frequency: null, negated: true }))],
    inheritance: modes,
    genes: ['G'],
  };
}

// One gene, two OMIM entries with different modes, and ORPHA entries without a mode.
const dominant = disease('OMIM:1', ['HP:1', 'HP:2', 'HP:3'], [AD]);
const recessive = disease('OMIM:2', ['HP:7', 'HP:8', 'HP:9'], [AR]);
const orphaLikeRecessive = disease('ORPHA:3', ['HP:7', 'HP:8', 'HP:5']);
const orphaUnrelated = disease('ORPHA:4', ['HP:20', 'HP:21']);
const orphaTied = disease('ORPHA:5', ['HP:1', 'HP:7']);
const orphaOnlyNegatedOverlap = disease('ORPHA:6', ['HP:30'], [], ['HP:1', 'HP:2']);
const gene = [dominant, recessive, orphaLikeRecessive, orphaUnrelated, orphaTied, orphaOnlyNegatedOverlap];

describe('modesFor', () => {
  test.each([
    ['a stated mode is kept', dominant, ['AD']],
    ['an entry without a mode takes the mode of the most alike entry (Jaccard of terms)', orphaLikeRecessive, ['AR']],
    ['with no overlap at all, the modes of every other entry of the gene', orphaUnrelated, ['AD', 'AR']],
    ['equally alike entries give the union of their modes', orphaTied, ['AD', 'AR']],
    ['terms annotated as NOT present do not make entries alike', orphaOnlyNegatedOverlap, ['AD', 'AR']],
  ])('%s', (_why, d, expected) => {
    expect(modesFor(d, gene)).toEqual(expected);
  });

  test('a gene whose entries state no mode gives none', () => {
    expect(modesFor(orphaUnrelated, [orphaUnrelated, orphaTied])).toEqual([]);
  });
});
