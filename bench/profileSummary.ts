/**
 * What a CPU profile (.cpuprofile, from Node's inspector or Chromium's) and a Chromium performance
 * trace say the time went to, as short tables: self time by area (SAM Desk's own folders, each
 * package, Node's modules, garbage collection, idle) and the busiest functions. Pure: files in,
 * Markdown out.
 */
import { indexSourceMap, originalSource, type LineIndex, type SourceMap } from './sourceMap';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Maps a script URL (a renderer chunk) to its source map, so that time lands on original files. */
export type SourceMaps = Map<string, SourceMap>;

/** The folder or package a source path belongs to: `electron/core/tenants`, `react-dom`, `node:https`. */
export function areaOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalized);
  if (pkg) return pkg[1]!;
  if (normalized.startsWith('node:')) return normalized.split('/')[0]!;
  const own = /(electron\/(?:core\/)?[^/]+|renderer\/src(?:\/components|\/store|\/screens)?|test\/(?:sim|harness|support)|bench)\//.exec(normalized);
  if (own) return own[1]!;
  return normalized ? 'other' : '(native)';
}

interface Attributed {
  area: string;
  place: string;
}

function attribute(frame: CallFrame, maps: SourceMaps, indexes: Map<string, LineIndex>): Attributed {
  const special = ['(idle)', '(program)', '(garbage collector)', '(root)'];
  if (special.includes(frame.functionName)) return { area: frame.functionName, place: frame.functionName };
  let path = frame.url.replace(/^file:\/\//, '');
  const map = maps.get(frame.url);
  if (map) {
    let index = indexes.get(frame.url);
    if (!index) indexes.set(frame.url, (index = indexSourceMap(map)));
    path = originalSource(map, index, frame.lineNumber, frame.columnNumber) ?? path;
  }
  const short = path.replace(/^.*?((?:node_modules|electron|renderer|test|bench)\/)/, '$1');
  return { area: areaOf(path), place: `${frame.functionName || '(anonymous)'} ${short}${map ? '' : `:${frame.lineNumber + 1}`}` };
}

export interface ProfileSummary {
  totalMs: number;
  areas: Array<[string, number]>;
  functions: Array<[string, number]>;
}

export function summarizeCpuProfile(profile: CpuProfile, maps: SourceMaps = new Map(), top = 12): ProfileSummary {
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });
  const indexes = new Map<string, LineIndex>();
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id);
    if (!ms) continue;
    const { area, place } = attribute(node.callFrame, maps, indexes);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    if (area !== '(idle)') functions.set(place, (functions.get(place) ?? 0) + ms);
  }
  const byTime = (entries: Map<string, number>) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, areas: byTime(areas), functions: byTime(functions) };
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

/** The renderer main thread's events of the kinds that say where a frame's time went, summed by kind. */
const RENDERING_EVENTS = ['EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MajorGC', 'MinorGC'];

export function summarizeTrace(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): Array<[string, number]> {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const mainThreads = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const byKind = new Map<string, number>();
  for (const event of events) {
    if (event.ph !== 'X' || !RENDERING_EVENTS.includes(event.name) || !mainThreads.has(`${event.pid}:${event.tid}`)) continue;
    byKind.set(event.name, (byKind.get(event.name) ?? 0) + (event.dur ?? 0) / 1000);
  }
  return [...byKind].sort((a, b) => b[1] - a[1]);
}

const cell = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

export function profileMarkdown(title: string, summary: ProfileSummary): string {
  return [
    `### ${title} (${cell(summary.totalMs)} sampled)`,
    '',
    '| self time by area | ms |',
    '| --- | --- |',
    ...summary.areas.map(([area, ms]) => `| ${area} | ${cell(ms)} |`),
    '',
    '| busiest functions (self time) | ms |',
    '| --- | --- |',
    ...summary.functions.map(([place, ms]) => `| \`${place.replace(/\|/g, '\\|')}\` | ${cell(ms)} |`),
    '',
  ].join('\n');
}

export function traceMarkdown(title: string, kinds: Array<[string, number]>): string {
  return [
    `### ${title}: the renderer's main thread (events can nest: a forced layout inside a script counts in both)`,
    '',
    '| event | ms |',
    '| --- | --- |',
    ...kinds.map(([kind, ms]) => `| ${kind} | ${cell(ms)} |`),
    '',
  ].join('\n');
}
