import fc from 'fast-check';
import { RecentIds } from '../src/lib/recent-ids';

/** The two generations as plain sets, copied per version: what RecentIds must behave as. */
interface Model {
  current: Set<string>;
  previous: Set<string>;
}
const modelAdd = (m: Model, id: string, limit: number): Model => {
  if (m.current.has(id)) return m;
  if (m.current.size >= limit) return { current: new Set([id]), previous: m.current };
  return { current: new Set([...m.current, id]), previous: m.previous };
};

describe('recent ids', () => {
  it('remember the last ids in two generations, and every version stays as it was (also when an older one is added to)', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '__proto__', 'constructor');
    // [add to the newest version?, else which earlier one (modulo those so far), the id]
    const op = fc.tuple(fc.boolean(), fc.nat(), id);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(op, { maxLength: 120 }), (limit, ops) => {
        const versions: Array<[RecentIds, Model]> = [[RecentIds.EMPTY, { current: new Set(), previous: new Set() }]];
        for (const [newest, which, added] of ops) {
          // The newest version (the reducer's case), or an older one (a branch).
          const from = newest ? versions[versions.length - 1] : versions[which % versions.length];
          versions.push([from[0].add(added, limit), modelAdd(from[1], added, limit)]);
        }
        const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '__proto__', 'constructor', 'z'];
        for (const [version, model] of versions) {
          for (const x of ids) expect(version.has(x)).toBe(model.current.has(x) || model.previous.has(x));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('adding an id it remembers in the current generation returns the same version', () => {
    const one = RecentIds.EMPTY.add('s1');
    expect(one.add('s1')).toBe(one);
    expect(RecentIds.EMPTY.has('s1')).toBe(false);
  });
});
