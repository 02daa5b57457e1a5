/**
 * `npm run bench -- --profile DIR`: a CPU profile of each measured path while it is measured (Node's
 * inspector for the main-process paths; Chromium's profiler and a performance trace for the
 * renderer), written to DIR with summary.md, the tables README.md's performance section quotes.
 * Profiling slows what it watches: figures of a profiled run are not the ones to quote.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { profileMarkdown, summarizeCpuProfile, summarizeTrace, traceMarkdown, type CpuProfile, type SourceMaps } from './profileSummary';
import type { Tracing } from './renderer';
import type { SourceMap } from './sourceMap';

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'];

export class BenchProfiler implements Tracing {
  private readonly session = new Session();
  private readonly sections: string[] = [];

  constructor(
    private readonly dir: string,
    /** The renderer bundle's folder: its source maps name the files behind the minified code. */
    private readonly rendererDir: string,
  ) {
    mkdirSync(dir, { recursive: true });
    this.session.connect();
  }

  /** Profiles `run` in this process (the main-process code under test; the simulator runs apart). */
  async node<T>(phase: string, run: () => Promise<T>): Promise<T> {
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 200 });
    await this.session.post('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = await this.session.post('Profiler.stop');
      writeFileSync(join(this.dir, `${phase}.cpuprofile`), JSON.stringify(profile));
      this.sections.push(profileMarkdown(`main process: ${phase}`, summarizeCpuProfile(profile as unknown as CpuProfile)));
    }
  }

  async start(page: Page, phase: string): Promise<() => Promise<void>> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const browser = page.context().browser()!;
    const tracePath = join(this.dir, `${phase}.trace.json`);
    await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
    return async () => {
      const { profile } = await cdp.send('Profiler.stop');
      await browser.stopTracing();
      await cdp.detach();
      writeFileSync(join(this.dir, `${phase}.cpuprofile`), JSON.stringify(profile));
      this.sections.push(profileMarkdown(`renderer: ${phase}`, summarizeCpuProfile(profile as unknown as CpuProfile, this.sourceMaps(page.url()))));
      this.sections.push(traceMarkdown(`renderer: ${phase}`, summarizeTrace(JSON.parse(readFileSync(tracePath, 'utf8')))));
    };
  }

  /** Writes summary.md; returns its path. */
  finish(title: string): string {
    const file = join(this.dir, 'summary.md');
    writeFileSync(file, `# ${title}\n\n${this.sections.join('\n')}`);
    this.session.disconnect();
    return file;
  }

  /** Each chunk's map, by the URL the page loaded it from. */
  private sourceMaps(pageUrl: string): SourceMaps {
    const maps: SourceMaps = new Map();
    const assets = join(this.rendererDir, 'assets');
    const origin = new URL(pageUrl).origin;
    for (const name of readdirSync(assets).filter((file) => file.endsWith('.js.map'))) {
      maps.set(`${origin}/assets/${name.slice(0, -'.map'.length)}`, JSON.parse(readFileSync(join(assets, name), 'utf8')) as SourceMap);
    }
    return maps;
  }
}
