/**
 * `npx tsx tests/bench/heapDiff.ts <before.heapsnapshot> <after.heapsnapshot> [top]`: what grew between two V8
 * heap snapshots (from `npm run bench:soak -- --heap-snapshots <dir>`, or DevTools), as a table of node
 * type + constructor/name with count and self size before and after, largest growth first. Self sizes only:
 * enough to name what accumulates; retainers are for DevTools' comparison view.
 */
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: (string[] | string)[] } }
  nodes: number[]
  strings: string[]
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
  const [beforePath, afterPath, topArg] = process.argv.slice(2)
  if (!beforePath || !afterPath) throw new Error('usage: heapDiff.ts <before.heapsnapshot> <after.heapsnapshot> [top]')
  const before = summariseHeap(JSON.parse(readFileSync(beforePath, 'utf8')) as Snapshot)
  const after = summariseHeap(JSON.parse(readFileSync(afterPath, 'utf8')) as Snapshot)
  const keys = new Set([...before.keys(), ...after.keys()])
  const rows = [...keys].map((k) => {
    const b = before.get(k) ?? { count: 0, bytes: 0 }
    const a = after.get(k) ?? { count: 0, bytes: 0 }
    return { k, b, a, grew: a.bytes - b.bytes }
  }).sort((x, y) => y.grew - x.grew)
  const total = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((s, e) => s + e.bytes, 0)
  console.log(`heap: ${(total(before) / 1048576).toFixed(2)} MB → ${(total(after) / 1048576).toFixed(2)} MB (self sizes)`)
  console.log('| type and name | count before → after | KB before → after | grew KB |\n|---|---|---|---|')
  for (const r of rows.slice(0, Number(topArg ?? 25))) {
    console.log(`| ${r.k.slice(0, 60)} | ${r.b.count} → ${r.a.count} | ${(r.b.bytes / 1024).toFixed(0)} → ${(r.a.bytes / 1024).toFixed(0)} | ${(r.grew / 1024).toFixed(0)} |`)
  }
}

if (process.argv[1]?.endsWith('heapDiff.ts')) main()
