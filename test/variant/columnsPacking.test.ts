import { belowType, floatType, intType, packColumns, uintType, wholeType } from '../../src/variant/columnsPacking';

describe('columnsPacking: the narrowest exact type per column', () => {
  test.each([
    [[1, 2, NaN, 16777216], Float32Array],
    [[14.79], Float64Array],
    [[0.5, -3, NaN], Float32Array],
    [[16777217], Float64Array],
    [[], Float32Array],
  ])('floatType %p', (values, type) => expect(floatType(Float64Array.from(values), values.length)).toBe(type));

  test.each([
    [[0, 255], Uint8Array],
    [[0, 256], Uint16Array],
    [[70000], Uint32Array],
  ])('uintType %p', (values, type) => expect(uintType(Uint32Array.from(values), values.length)).toBe(type));

  test.each([
    [[-1, 127], Int8Array],
    [[-129, 0], Int16Array],
    [[40000], Int32Array],
  ])('intType %p', (values, type) => expect(intType(Int32Array.from(values), values.length)).toBe(type));

  test.each([
    [[1, 255], Uint8Array],
    [[248956422], Uint32Array],
    [[2 ** 32], Float64Array],
    [[1.5], Float64Array],
    [[NaN], Float64Array],
    [[-1], Float64Array],
  ])('wholeType %p', (values, type) => expect(wholeType(Float64Array.from(values), values.length)).toBe(type));

  test.each([
    [256, Uint8Array],
    [257, Uint16Array],
    [65537, Uint32Array],
  ])('belowType %p', (limit, type) => expect(belowType(limit)).toBe(type));

  test('packColumns gives back the same values in one aligned buffer, only the first `length` of each', () => {
    const f = Float64Array.from([14.79, NaN, 3]);
    const u = Uint32Array.from([1, 2, 300, 9]);
    const i = Int32Array.from([-1, 2]);
    const [a, b, c] = packColumns([
      { src: i, length: 2, type: Int8Array },
      { src: u, length: 3, type: Uint16Array },
      { src: f, length: 3, type: Float64Array },
    ]);
    expect(Array.from(a)).toEqual([-1, 2]);
    expect(Array.from(b)).toEqual([1, 2, 300]);
    expect(Array.from(c)).toEqual([14.79, NaN, 3]);
    expect(a.buffer).toBe(c.buffer);
    for (const v of [a, b, c]) expect(v.byteOffset % v.BYTES_PER_ELEMENT).toBe(0);
  });
});
