// Exact points arithmetic: every amount of points inside the domain is an integer count of hundredths.
//
// Why: the checklist has half points (0.5 per hazard) and the composite is compared at two decimals
// (89.99 is 合格, 90.00 is 优秀). Binary floating point cannot represent 0.1 or 89.99 exactly, so sums
// of many claims would drift. Integers of hundredths add, compare and sort exactly, and they map 1:1
// onto the database's Decimal(10,2).
import { DomainError } from './errors.js';

/** Integer number of hundredths of a point (150 = 1.50 points). */
export type Hundredths = number;

/** Largest magnitude that fits Decimal(10,2): 99,999,999.99. */
export const MAX_HUNDREDTHS: Hundredths = 9_999_999_999;

/** True when `value` is finite and has at most two decimal places (0.5, 89.99; not 0.125). */
export function hasAtMostTwoDecimals(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 && Math.abs(Math.round(scaled)) <= MAX_HUNDREDTHS;
}

/** Converts a decimal number of points (as written in rules files: 0.5, 20) to hundredths. */
export function toHundredths(points: number): Hundredths {
  if (!hasAtMostTwoDecimals(points)) {
    throw new DomainError('INVALID_POINTS', `points must have at most two decimals: ${points}`);
  }
  // Math.round removes the binary noise (0.29 * 100 = 28.999999999999996); +0 folds -0 into 0.
  return Math.round(points * 100) + 0;
}

/** Converts hundredths back to a JS number of points, for display or JSON; never to compute with. */
export function fromHundredths(value: Hundredths): number {
  assertHundredths(value);
  return value / 100;
}

const DECIMAL_TEXT = /^([+-])?(\d{1,8})(?:\.(\d{1,2}))?$/;

/**
 * Parses decimal text exactly ("89.99", "-2", "0.5") as the database returns Decimal(10,2);
 * going through a JS number first would lose nothing here, but text is what Prisma's Decimal gives.
 */
export function parsePoints(text: string): Hundredths {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) throw new DomainError('INVALID_POINTS', `not a decimal with at most two places: ${text}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return sign === '-' ? -magnitude + 0 : magnitude;
}

/** Formats hundredths as fixed two-decimal text ("89.99", "-2.00", "0.50") for Decimal(10,2) and exports. */
export function formatPoints(value: Hundredths): string {
  assertHundredths(value);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Throws unless `value` is a safe integer within the Decimal(10,2) range. */
export function assertHundredths(value: Hundredths): void {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_HUNDREDTHS) {
    throw new DomainError('INVALID_POINTS', `not an integer number of hundredths: ${value}`);
  }
}

/** Sum of hundredths; exact because every term is an integer. */
export function sumHundredths(values: Iterable<Hundredths>): Hundredths {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Clamps to [min, max]. */
export function clampHundredths(value: Hundredths, min: Hundredths, max: Hundredths): Hundredths {
  return Math.min(max, Math.max(min, value));
}

/**
 * Integer division rounded half away from zero (2.5 → 3, -2.5 → -3): the rounding used for averages,
 * rates and weighted composites, stated once so every report rounds the same way.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new DomainError('INVALID_POINTS', `cannot divide ${numerator} by ${denominator}`);
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const a = Math.abs(numerator);
  const b = Math.abs(denominator);
  const quotient = Math.floor(a / b);
  const remainder = a - quotient * b;
  return sign * (remainder * 2 >= b ? quotient + 1 : quotient) + 0;
}
