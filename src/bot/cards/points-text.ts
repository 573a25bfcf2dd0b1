// How score cards write points: hundredths as short decimals ("63", "62.5", "0.25"), signed where they moved.
import { formatPoints, type Hundredths } from '../../domain/points.js';

export function showPoints(value: Hundredths): string {
  return formatPoints(value).replace(/\.00$/, '').replace(/(\.\d)0$/, '$1');
}

export function signedPoints(value: Hundredths): string {
  return value > 0 ? `+${showPoints(value)}` : showPoints(value);
}

/** 56.25% from hundredths of a percent. */
export function showPercent(value: Hundredths): string {
  return showPoints(value);
}
