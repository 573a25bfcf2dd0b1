// Exact points arithmetic: conversion, parsing, formatting and rounding never drift.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  formatPoints,
  fromHundredths,
  hasAtMostTwoDecimals,
  parsePoints,
  sumHundredths,
  toHundredths,
} from '../../../src/domain/points.js';

describe('toHundredths', () => {
  it.each([
    [0, 0], [0.5, 50], [20, 2000], [89.99, 8999], [90, 9000], [0.29, 29], [1.005 - 0.005, 100], [-2, -200], [-0, 0],
  ])('%d points → %d hundredths', (points, expected) => {
    expect(toHundredths(points)).toBe(expected);
    expect(Object.is(toHundredths(points), -0)).toBe(false);
  });

  it.each([[0.125], [0.001], [Number.NaN], [Number.POSITIVE_INFINITY], [1e12]])('rejects %d', (points) => {
    expect(() => toHundredths(points)).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
    expect(hasAtMostTwoDecimals(points)).toBe(false);
  });

  it('sums many 0.1s exactly where floats drift', () => {
    const tenths = Array.from({ length: 1000 }, () => 0.1);
    expect(tenths.reduce((a, b) => a + b, 0)).not.toBe(100);
    expect(sumHundredths(tenths.map(toHundredths))).toBe(10000);
    expect(fromHundredths(10000)).toBe(100);
  });
});

describe('parsePoints / formatPoints', () => {
  it.each([
    ['89.99', 8999], ['90', 9000], ['90.00', 9000], ['0.5', 50], ['-2', -200], ['-2.00', -200], ['+1.2', 120], [' 3.10 ', 310], ['-0.00', 0],
  ])('parses %s', (text, expected) => {
    expect(parsePoints(text)).toBe(expected);
  });

  it.each([['1.234'], ['abc'], [''], ['1e3'], ['1,000'], ['123456789.00']])('rejects %s', (text) => {
    expect(() => parsePoints(text)).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
  });

  it.each([
    [8999, '89.99'], [9000, '90.00'], [50, '0.50'], [0, '0.00'], [-200, '-2.00'], [-5, '-0.05'], [9_999_999_999, '99999999.99'],
  ])('formats %d as %s', (value, text) => {
    expect(formatPoints(value)).toBe(text);
  });

  it('rejects non-integers and out-of-range values when formatting', () => {
    expect(() => formatPoints(0.5)).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
    expect(() => formatPoints(10_000_000_000)).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
  });

  it('round-trips every Decimal(10,2) value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }), (value) => {
        expect(parsePoints(formatPoints(value))).toBe(value);
      }),
    );
  });
});

describe('divideRounded', () => {
  it.each([
    [5, 2, 3], [-5, 2, -3], [4, 3, 1], [5, 3, 2], [1, 3, 0], [899_950, 100, 9000], [899_949, 100, 8999], [0, 7, 0], [7, -2, -4],
  ])('%d / %d → %d (half away from zero)', (a, b, expected) => {
    expect(divideRounded(a, b)).toBe(expected);
  });

  it('refuses division by zero', () => {
    expect(() => divideRounded(1, 0)).toThrow(expect.objectContaining({ code: 'INVALID_POINTS' }));
  });
});
