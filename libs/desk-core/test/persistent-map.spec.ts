import fc from 'fast-check';
import { pmGet, pmRemove, pmSet, type PersistentMap } from '../src/lib/persistent-map';

describe('persistent map', () => {
  it('behaves like a Map, and old versions never change', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('s31597', 's618190', 's31596', 's618191', '__proto__'));
    const op = fc.tuple(fc.boolean(), key, fc.integer());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        let map: PersistentMap<number> = undefined;
        const model = new Map<string, number>();
        const versions: Array<[PersistentMap<number>, Map<string, number>]> = [];
        for (const [isSet, k, v] of ops) {
          map = isSet ? pmSet(map, k, v) : pmRemove(map, k);
          if (isSet) model.set(k, v);
          else model.delete(k);
          versions.push([map, new Map(model)]);
        }
        const keys = new Set(ops.map(([, k]) => k));
        for (const [version, snapshot] of versions) {
          for (const k of keys) expect(pmGet(version, k)).toBe(snapshot.get(k));
        }
        if (model.size === 0) expect(map).toBeUndefined(); // canonical when empty
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys whose 32-bit hashes collide apart', () => {
    // FNV-1a("s31597") === FNV-1a("s618190")
    let map = pmSet(pmSet(undefined, 's31597', 1), 's618190', 2);
    expect([pmGet(map, 's31597'), pmGet(map, 's618190')]).toEqual([1, 2]);
    map = pmSet(map, 's618190', 3);
    expect(pmGet(map, 's618190')).toBe(3);
    map = pmSet(map, 'other', 4);
    map = pmRemove(map, 's31597');
    expect([pmGet(map, 's31597'), pmGet(map, 's618190'), pmGet(map, 'other')]).toEqual([undefined, 3, 4]);
  });

  it('returns the same version when nothing changes', () => {
    const map = pmSet(pmSet(undefined, 'a', 1), 'b', 2);
    expect(pmSet(map, 'a', 1)).toBe(map);
    expect(pmRemove(map, 'zzz')).toBe(map);
  });

  it('holds 10,000 keys', () => {
    let map: PersistentMap<number> = undefined;
    for (let i = 0; i < 10_000; i++) map = pmSet(map, `session-${i}`, i);
    for (let i = 0; i < 10_000; i += 97) expect(pmGet(map, `session-${i}`)).toBe(i);
    for (let i = 0; i < 10_000; i++) map = pmRemove(map, `session-${i}`);
    expect(map).toBeUndefined();
  });
});
