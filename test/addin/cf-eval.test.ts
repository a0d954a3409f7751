import { describe, expect, it } from 'vitest';
import { compileRule, rowFills } from './cf-eval';

describe('cf-eval (test helper)', () => {
  const cells = [
    [],
    ['x', 'Quá hạn', 3],
    ['y', '', 10],
    ['z', 'Đã hoàn thành đúng hạn', ''],
  ];
  it('evaluates refs relative to the first row, strings, AND/OR/ISNUMBER', () => {
    const red = compileRule('=$B2="Quá hạn"', 2);
    expect([2, 3, 4].map((r) => red(cells, r))).toEqual([true, false, false]);
    const amber = compileRule('=AND(ISNUMBER($C2),$C2<=7)', 2);
    expect([2, 3, 4].map((r) => amber(cells, r))).toEqual([true, false, false]);
    const green = compileRule('=OR($B2="Đã hoàn thành đúng hạn",$B2="Đã hoàn thành quá hạn")', 2);
    expect([2, 3, 4].map((r) => green(cells, r))).toEqual([false, false, true]);
  });
  it('first matching rule wins', () => {
    const fills = rowFills(cells, [
      { address: 'A2:C4', formula: '=$B2="Quá hạn"', fill: 'red' },
      { address: 'A2:C4', formula: '=ISNUMBER($C2)', fill: 'amber' },
    ]);
    expect([...fills]).toEqual([[2, 'red'], [3, 'amber']]);
  });
});
