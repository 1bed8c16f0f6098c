/**
 * The first look at an IPC call's arguments, before any parsing: is this plain data within the
 * verb's budget (ipcLimits.ts)? One iterative walk that stops at the first thing over a cap, so a
 * 10⁷-item array or a 10⁴-deep nesting is refused after reading a length, and a BigInt, a circular
 * reference or a class instance never reaches zod or JSON.stringify. Never recurses, so no nesting
 * can overflow the stack. The preload runs it before sending (an oversize payload never crosses
 * IPC, so main never spends time deserialising it) and main's handlers run it again before parsing.
 */
import { VERB_DESCRIPTIONS, type Verb } from './ipc'
import { PAYLOAD_BUDGETS, type PayloadBudget } from './ipcLimits'
import { cutText, fieldPath, formatCount } from './text'

/** Where in the argument list the problem is, and what it is, e.g. { where: 'argument 1.title', problem: '...' }. */
export interface PayloadProblem {
  where: string
  problem: string
}

interface Visit {
  value: unknown
  key: string | number | null
  parent: Visit | null
  depth: number
  /** Set on the marker that takes a container off the current path once its children are done. */
  leaving?: object
}

/** null when `args` fits the budget; otherwise the first problem found, naming the field without quoting its value. */
export function checkPayload(args: unknown, budget: PayloadBudget): PayloadProblem | null {
  const stack: Visit[] = [{ value: args, key: null, parent: null, depth: 0 }]
  // Containers on the path from the root to the current value: meeting one again is a cycle. Shared
  // (non-circular) references are fine; structured clone keeps them and they are counted each time.
  const onPath = new Set<object>()
  let values = 0
  let textChars = 0
  const tooMuchText = (at: Visit): PayloadProblem =>
    problemAt(at, `together its texts are more than ${formatCount(budget.maxTextChars)} characters`)

  while (stack.length > 0) {
    const visit = stack.pop()!
    if (visit.leaving) {
      onPath.delete(visit.leaving)
      continue
    }
    if (++values > budget.maxValues) return problemAt(visit, `the request holds more than ${formatCount(budget.maxValues)} values`)
    const value = visit.value
    switch (typeof value) {
      case 'undefined':
      case 'boolean':
      case 'number':
        continue
      case 'string':
        if (value.length > budget.maxStringChars) {
          return problemAt(visit, `text of ${formatCount(value.length)} characters (at most ${formatCount(budget.maxStringChars)})`)
        }
        textChars += value.length
        if (textChars > budget.maxTextChars) return tooMuchText(visit)
        continue
      case 'bigint':
        return problemAt(visit, 'a BigInt, where only plain numbers are accepted')
      case 'symbol':
      case 'function':
        return problemAt(visit, `a ${typeof value}, which is not data`)
    }
    if (value === null) continue
    const container = value as object
    if (onPath.has(container)) return problemAt(visit, 'it contains itself (a circular reference)')
    if (visit.depth >= budget.maxDepth) return problemAt(visit, `nested more than ${budget.maxDepth} levels deep`)

    let children: [string | number, unknown][]
    if (Array.isArray(container)) {
      if (container.length > budget.maxArrayItems) {
        return problemAt(visit, `a list of ${formatCount(container.length)} items (at most ${formatCount(budget.maxArrayItems)})`)
      }
      children = Array.from(container, (item, i) => [i, item])
    } else {
      const proto: unknown = Object.getPrototypeOf(container)
      if (proto !== Object.prototype && proto !== null) return problemAt(visit, `${describeKind(container)}, which is not plain data`)
      const keys = Object.keys(container)
      if (keys.length > budget.maxObjectKeys) {
        return problemAt(visit, `an object with ${formatCount(keys.length)} keys (at most ${formatCount(budget.maxObjectKeys)})`)
      }
      for (const key of keys) {
        if (key.length > budget.maxKeyChars) {
          return problemAt(visit, `a key of ${formatCount(key.length)} characters ("${cutText(key, 20)}", at most ${formatCount(budget.maxKeyChars)})`)
        }
        textChars += key.length
        if (textChars > budget.maxTextChars) return tooMuchText(visit)
      }
      children = keys.map((key) => [key, (container as Record<string, unknown>)[key]])
    }
    onPath.add(container)
    stack.push({ value: undefined, key: null, parent: null, depth: 0, leaving: container })
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ value: children[i][1], key: children[i][0], parent: visit, depth: visit.depth + 1 })
    }
  }
  return null
}

/** The verb's budget check as the sentence a failed Result carries, or null when the arguments fit. */
export function oversizePayloadError(verb: Verb, args: unknown): string | null {
  const found = checkPayload(args, PAYLOAD_BUDGETS[verb])
  return found === null ? null : `The request to ${VERB_DESCRIPTIONS[verb]} is not valid: ${found.where}: ${found.problem}.`
}

function problemAt(visit: Visit, problem: string): PayloadProblem {
  const keys: (string | number)[] = []
  for (let v: Visit | null = visit; v !== null && v.key !== null; v = v.parent) keys.unshift(v.key)
  return { where: fieldPath(keys, { argumentList: true, empty: 'the arguments' }), problem }
}

function describeKind(value: object): string {
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name
  return typeof name === 'string' && name.length > 0 ? `a ${cutText(name, 30)}` : 'an object of an unknown kind'
}
