/**
 * `npx tsx tests/bench/heapDiff.ts <before.heapsnapshot> <after.heapsnapshot> [top] [--code]`: what grew between
 * two V8 heap snapshots (from `npm run bench:soak -- --heap-snapshots <dir>`, or DevTools), as a table of node
 * type + constructor/name with count and self size before and after, largest growth first. Self sizes only:
 * enough to name what accumulates; retainers are for DevTools' comparison view. `--code` tables the machine
 * code (InstructionStream objects: Sparkplug baseline and Maglev/TurboFan optimised alike) by the function it
 * was compiled for instead.
 */
import { readFileSync } from 'node:fs'

export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: (string[] | string)[]; edge_fields?: string[] } }
  nodes: number[]
  edges?: number[]
  strings: string[]
}

/** Retainer hops searched from a piece of machine code to its function (InstructionStream ← Code ← JSFunction/SFI). */
const CODE_OWNER_HOPS = 4
const SFI_PREFIX = 'system / SharedFunctionInfo'

/**
 * Count and self size (bytes) of machine code (`system / InstructionStream`, every tier) per function: the
 * nearest retainer that is a closure or a SharedFunctionInfo names it ("(anonymous)" when it has no name,
 * "(unknown)" when none is within CODE_OWNER_HOPS). Needs the snapshot's edges.
 */
export function codeByFunction(snap: Snapshot): Map<string, { count: number; bytes: number }> {
  const fields = snap.snapshot.meta.node_fields
  const width = fields.length
  const edgeFields = snap.snapshot.meta.edge_fields ?? []
  const edges = snap.edges ?? []
  const types = snap.snapshot.meta.node_types[fields.indexOf('type')] as string[]
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f))
  const toAt = edgeFields.indexOf('to_node')
  const count = snap.nodes.length / width
  const retainers: number[][] = Array.from({ length: count }, () => [])
  for (let node = 0, edge = 0; node < count; node++) {
    for (let k = 0; k < snap.nodes[node * width + edgeCountAt]; k++, edge++) retainers[edges[edge * edgeFields.length + toAt] / width].push(node)
  }
  const name = (node: number) => snap.strings[snap.nodes[node * width + nameAt]]
  const owner = (code: number): string => {
    const seen = new Set([code])
    let frontier = [code]
    for (let hop = 0; hop < CODE_OWNER_HOPS; hop++) {
      const next: number[] = []
      for (const node of frontier) {
        for (const r of retainers[node]) {
          if (seen.has(r)) continue
          seen.add(r)
          if (name(r).startsWith(SFI_PREFIX)) return name(r).slice(SFI_PREFIX.length).replace(/^ \/ /, '') || '(anonymous)'
          if (types[snap.nodes[r * width + typeAt]] === 'closure') return name(r) || '(anonymous)'
          next.push(r)
        }
      }
      frontier = next
    }
    return '(unknown)'
  }
  const out = new Map<string, { count: number; bytes: number }>()
  for (let node = 0; node < count; node++) {
    if (name(node) !== 'system / InstructionStream') continue
    const key = owner(node)
    const entry = out.get(key) ?? { count: 0, bytes: 0 }
    entry.count++
    entry.bytes += snap.nodes[node * width + sizeAt]
    out.set(key, entry)
  }
  return out
}

/** Count and self size (bytes) per "type name" key. */
export function summariseHeap(snap: Snapshot): Map<string, { count: number; bytes: number }> {
  const fields = snap.snapshot.meta.node_fields
  const width = fields.length
  const typeAt = fields.indexOf('type')
  const nameAt = fields.indexOf('name')
  const sizeAt = fields.indexOf('self_size')
  const types = snap.snapshot.meta.node_types[typeAt] as string[]
  const out = new Map<string, { count: number; bytes: number }>()
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]]
    // Strings and code are grouped by type; objects by constructor name.
    const name = type === 'object' || type === 'closure' || type === 'native' ? snap.strings[snap.nodes[i + nameAt]] : ''
    const key = `${type} ${name}`.trim()
    const entry = out.get(key) ?? { count: 0, bytes: 0 }
    entry.count++
    entry.bytes += snap.nodes[i + sizeAt]
    out.set(key, entry)
  }
  return out
}

function main(): void {
  const byCode = process.argv.includes('--code')
  const [beforePath, afterPath, topArg] = process.argv.slice(2).filter((a) => a !== '--code')
  if (!beforePath || !afterPath) throw new Error('usage: heapDiff.ts <before.heapsnapshot> <after.heapsnapshot> [top] [--code]')
  const summarise = byCode ? codeByFunction : summariseHeap
  const before = summarise(JSON.parse(readFileSync(beforePath, 'utf8')) as Snapshot)
  const after = summarise(JSON.parse(readFileSync(afterPath, 'utf8')) as Snapshot)
  const keys = new Set([...before.keys(), ...after.keys()])
  const rows = [...keys].map((k) => {
    const b = before.get(k) ?? { count: 0, bytes: 0 }
    const a = after.get(k) ?? { count: 0, bytes: 0 }
    return { k, b, a, grew: a.bytes - b.bytes }
  }).sort((x, y) => y.grew - x.grew)
  const total = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((s, e) => s + e.bytes, 0)
  console.log(`${byCode ? 'machine code' : 'heap'}: ${(total(before) / 1048576).toFixed(2)} MB → ${(total(after) / 1048576).toFixed(2)} MB (self sizes)`)
  console.log(`| ${byCode ? 'function' : 'type and name'} | count before → after | KB before → after | grew KB |\n|---|---|---|---|`)
  for (const r of rows.slice(0, Number(topArg ?? 25))) {
    console.log(`| ${r.k.slice(0, 60)} | ${r.b.count} → ${r.a.count} | ${(r.b.bytes / 1024).toFixed(0)} → ${(r.a.bytes / 1024).toFixed(0)} | ${(r.grew / 1024).toFixed(0)} |`)
  }
}

if (process.argv[1]?.endsWith('heapDiff.ts')) main()
