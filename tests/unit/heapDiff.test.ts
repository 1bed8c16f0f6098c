import { describe, expect, it } from 'vitest'
import { codeByFunction, summariseHeap, type Snapshot } from '../bench/heapDiff'

/**
 * A tiny snapshot: a closure `frameFeatures` → its Code → an InstructionStream of 2000 bytes; an
 * anonymous SharedFunctionInfo → Code → InstructionStream of 500 bytes; and an orphan InstructionStream.
 */
function snapshot(): Snapshot {
  const strings = ['frameFeatures', 'system / Code', 'system / InstructionStream', 'system / SharedFunctionInfo', '', 'system / SharedFunctionInfo / kneesCaving']
  const types = ['hidden', 'closure', 'code']
  // node fields: type, name, id, self_size, edge_count
  const nodes = [
    1, 0, 1, 64, 1, // 0 closure frameFeatures → node 1
    2, 1, 2, 40, 1, // 1 Code → node 2
    2, 2, 3, 2000, 0, // 2 InstructionStream
    2, 3, 4, 56, 1, // 3 SFI (anonymous) → node 4
    2, 1, 5, 40, 1, // 4 Code → node 5
    2, 2, 6, 500, 0, // 5 InstructionStream
    2, 2, 7, 300, 0, // 6 InstructionStream nobody holds
    2, 5, 8, 56, 1, // 7 SFI kneesCaving → node 8 (baseline code hangs off its SharedFunctionInfo)
    2, 2, 9, 700, 0 // 8 InstructionStream
  ]
  // edge fields: type, name_or_index, to_node (an index into `nodes`: node × 5)
  const edges = [0, 4, 5, 0, 4, 10, 0, 4, 20, 0, 4, 25, 0, 4, 40]
  return {
    snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [types], edge_fields: ['type', 'name_or_index', 'to_node'] } },
    nodes, edges, strings
  }
}

describe('heapDiff', () => {
  it('names machine code by the function it was compiled for', () => {
    const byFunction = codeByFunction(snapshot())
    expect(byFunction.get('frameFeatures')).toEqual({ count: 1, bytes: 2000 })
    expect(byFunction.get('(anonymous)')).toEqual({ count: 1, bytes: 500 })
    expect(byFunction.get('(unknown)')).toEqual({ count: 1, bytes: 300 })
    expect(byFunction.get('kneesCaving')).toEqual({ count: 1, bytes: 700 })
  })

  it('groups code by type and objects by constructor', () => {
    const summary = summariseHeap(snapshot())
    expect(summary.get('code')).toEqual({ count: 8, bytes: 3692 })
    expect(summary.get('closure frameFeatures')).toEqual({ count: 1, bytes: 64 })
  })
})
