// Reads a VChart spec (what Feishu's chart component takes, reference §5.3) into a small model
// the SVG renderer draws: bar/line/area with series, or pie/donut; anything else becomes a table.
import { isObj, list, str, type Obj } from './html.js';

export interface Series {
  name: string;
  values: (number | null)[];
}

export type ChartModel =
  | { kind: 'cartesian'; mark: 'bar' | 'line' | 'area'; horizontal: boolean; stack: boolean; categories: string[]; series: Series[]; labels: boolean }
  | { kind: 'pie'; slices: { name: string; value: number }[]; inner: number; labels: boolean }
  | { kind: 'table'; type: string; rows: Obj[] };

export interface ChartHead {
  title: string | undefined;
  colors: string[] | undefined;
}

function valuesOf(data: unknown): Obj[] {
  if (Array.isArray(data)) return data.flatMap((d) => (isObj(d) && Array.isArray(d.values) ? valuesOf(d.values) : isObj(d) ? [d] : []));
  if (isObj(data) && Array.isArray(data.values)) return data.values.filter(isObj);
  return [];
}

const first = (field: unknown): string | undefined => str(Array.isArray(field) ? field[0] : field);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

export function chartHead(spec: Obj): ChartHead {
  const title = isObj(spec.title) && spec.title.visible !== false ? str(spec.title.text) : undefined;
  const color = Array.isArray(spec.color) ? spec.color : isObj(spec.color) ? list(spec.color.range) : undefined;
  const colors = color?.map(str).filter((c): c is string => c !== undefined && /^#[0-9a-f]{3,8}$|^rgba?\([\d\s.,%]+\)$/i.test(c));
  return { title, colors: colors && colors.length > 0 ? colors : undefined };
}

function labelsOn(spec: Obj): boolean {
  return isObj(spec.label) && spec.label.visible === true;
}

function cartesian(spec: Obj, type: 'bar' | 'line' | 'area', rows: Obj[]): ChartModel {
  const horizontal = type === 'bar' && spec.direction === 'horizontal';
  const catField = first(horizontal ? spec.yField : spec.xField);
  const valField = first(horizontal ? spec.xField : spec.yField);
  const seriesField = str(spec.seriesField);
  const categories: string[] = [];
  const byName = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const cat = str(catField ? row[catField] : undefined) ?? '';
    if (!categories.includes(cat)) categories.push(cat);
    const name = seriesField ? (str(row[seriesField]) ?? '') : (valField ?? '');
    const bucket = byName.get(name) ?? new Map<string, number | null>();
    bucket.set(cat, num(valField ? row[valField] : undefined));
    byName.set(name, bucket);
  }
  const series = [...byName].map(([name, bucket]) => ({ name, values: categories.map((c) => bucket.get(c) ?? null) }));
  return { kind: 'cartesian', mark: type, horizontal, stack: spec.stack === true, categories, series, labels: labelsOn(spec) };
}

export function chartModel(input: Obj): ChartModel {
  let spec = input;
  // A `common` chart draws several series; the page draws the first one with the shared data.
  if (spec.type === 'common' && isObj(list(spec.series)[0])) spec = { ...spec, ...(list(spec.series)[0] as Obj) };
  const rows = valuesOf(spec.data ?? input.data);
  const type = str(spec.type) ?? '';
  if (type === 'bar' || type === 'line' || type === 'area') return cartesian(spec, type, rows);
  if (type === 'pie' || type === 'rose') {
    const cat = str(spec.categoryField);
    const val = str(spec.valueField);
    const slices = rows.map((r) => ({ name: str(cat ? r[cat] : undefined) ?? '', value: num(val ? r[val] : undefined) ?? 0 })).filter((s) => s.value > 0);
    const inner = typeof spec.innerRadius === 'number' ? Math.min(Math.max(spec.innerRadius, 0), 0.9) : 0;
    return { kind: 'pie', slices, inner, labels: labelsOn(spec) };
  }
  return { kind: 'table', type, rows };
}
