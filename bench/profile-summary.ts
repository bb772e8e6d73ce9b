/**
 * Summarises a V8 CPU profile (`.cpuprofile`, as written by `node --cpu-prof` or by
 * `npm run bench -- --profile`): the functions with the most self time, the functions with the most
 * inclusive time (time with them on the stack, recursion counted once), and self time by file.
 *
 * Usage: `tsx bench/profile-summary.ts <file.cpuprofile> [--top 25] [--match text]`
 * (`--match` keeps only functions whose name or file contains the text).
 */

import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A readable key of a frame: `name (file:line)`, paths shortened to the project or the package. */
function frameKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const url = frame.url.replace(/^file:\/\//, '');
  const short = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : path.relative(process.cwd(), url);
  return `${name} (${short}:${frame.lineNumber + 1})`;
}

function fileOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const url = frame.url.replace(/^file:\/\//, '');
  return url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : path.relative(process.cwd(), url);
}

export interface ProfileSummary {
  totalMs: number;
  self: [string, number][];
  inclusive: [string, number][];
  files: [string, number][];
}

/** Self and inclusive milliseconds per function, and self milliseconds per file. */
export function summarise(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((nodeId, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    selfByNode.set(nodeId, (selfByNode.get(nodeId) ?? 0) + delta);
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  for (const [nodeId, ms] of selfByNode) {
    totalMs += ms;
    const node = byId.get(nodeId);
    if (!node) continue;
    const key = frameKey(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + ms);
    const file = fileOf(node.callFrame);
    files.set(file, (files.get(file) ?? 0) + ms);
    // Inclusive: every distinct function on the stack of this sample gets its time once.
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (!frame) break;
      const frameName = frameKey(frame);
      if (seen.has(frameName)) continue;
      seen.add(frameName);
      inclusive.set(frameName, (inclusive.get(frameName) ?? 0) + ms);
    }
  }
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs, self: sorted(self), inclusive: sorted(inclusive), files: sorted(files) };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
  if (!file) {
    console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top 25] [--match text]');
    process.exit(2);
  }
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  const matchAt = args.indexOf('--match');
  const match = matchAt >= 0 ? (args[matchAt + 1] ?? '') : '';
  const summary = summarise(JSON.parse(await readFile(file, 'utf8')) as CpuProfile);
  const keep = ([key]: [string, number]) => !match || key.includes(match);
  const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
  const show = (title: string, rows: [string, number][]) => {
    console.log(`\n${title}`);
    for (const [key, ms] of rows.filter(keep).slice(0, top)) {
      console.log(`${ms.toFixed(0).padStart(8)} ms ${pct(ms)}  ${key}`);
    }
  };
  console.log(`${file}: ${summary.totalMs.toFixed(0)} ms sampled`);
  show('self time by function', summary.self);
  show('inclusive time by function', summary.inclusive);
  show('self time by file', summary.files);
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('bench', 'profile-summary.ts'))) {
  await main();
}
