import { InputError } from '../../errors';
import type { HpoTermInput } from '../hpoTypes';

/**
 * Refuses an ontology whose is_a graph has a cycle (an ontology is a DAG; the ancestor closure and
 * information content would be meaningless). Iterative DFS with colours, so deep chains cannot
 * overflow the stack. Names the cycle.
 */
export function checkAcyclic(file: string, terms: HpoTermInput[]): void {
  const parents = new Map(terms.filter((t) => !t.obsolete).map((t) => [t.id, t.parents]));
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const root of parents.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [];
    const stack: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    state.set(root, 1);
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const ps = parents.get(top.id) ?? [];
      if (top.next < ps.length) {
        const p = ps[top.next++];
        if (!parents.has(p)) continue;
        const s = state.get(p);
        if (s === 1) {
          const cycle = [...path.slice(path.indexOf(p)), p];
          throw new InputError(file, `is_a cycle: ${cycle.join(' -> ')} (an ontology must be acyclic)`);
        }
        if (s === undefined) {
          state.set(p, 1);
          path.push(p);
          stack.push({ id: p, next: 0 });
        }
      } else {
        state.set(top.id, 2);
        path.pop();
        stack.pop();
      }
    }
  }
}
