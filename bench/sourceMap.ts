/**
 * Just enough of Source Map v3 (https://tc39.es/ecma426/) to say which original file a position in
 * a minified bundle came from: the profile summary attributes the renderer's time to packages and
 * to SAM Desk's own files instead of to mangled names.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** One segment's numbers (Base64 VLQ: 5 bits a digit, continuation bit 32, sign in the lowest bit). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`not a Base64 VLQ digit: ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

export interface SourceMap {
  sources: string[];
  mappings: string;
}

/** For each generated line, its segments as [generated column, source index], in column order. */
export type LineIndex = Array<Array<[number, number]>>;

export function indexSourceMap(map: SourceMap): LineIndex {
  let source = 0;
  return map.mappings.split(';').map((line) => {
    let column = 0;
    const segments: Array<[number, number]> = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta === undefined) continue;
      source += sourceDelta;
      segments.push([column, source]);
      // The original line and column (fields 3 and 4) are not needed here, but they are deltas too.
    }
    return segments;
  });
}

/** The original source of a 0-based generated line and column, or undefined where nothing maps. */
export function originalSource(map: SourceMap, index: LineIndex, line: number, column: number): string | undefined {
  const segments = index[line];
  if (!segments?.length) return undefined;
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments[middle]![0] <= column) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found < 0 ? undefined : map.sources[segments[found]![1]];
}
