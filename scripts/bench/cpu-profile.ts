import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  percent: number;
}

/**
 * The functions with the most self time in the largest `.cpuprofile` of `dir` (the
 * server process; tsx's wrapper writes a tiny one beside it), idle time left out. With
 * several workers each writes its own; the largest stands for them.
 */
export function hottestFunctions(dir: string, top = 25): { file: string; busyMs: number; functions: HotFunction[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  const file = files[0];
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; us: number }>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)") return;
    busy += us;
    const where = `${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(apps|packages)\//, "$1/")}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${where}`;
    const entry = self.get(key) ?? { name: frame.functionName || "(anonymous)", where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  const functions = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((f) => ({ name: f.name, where: f.where, selfMs: Math.round(f.us / 1000), percent: (100 * f.us) / busy }));
  return { file, busyMs: Math.round(busy / 1000), functions };
}
