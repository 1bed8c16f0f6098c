/**
 * A small seeded generator of hostile IPC payloads for the handler fuzz test: random JSON-like
 * values (what structured clone can carry), path-traversal strings, hostile shapes (BigInt,
 * circular, deeply nested, huge keys, huge arrays, numbers sent as strings), and valid payloads with
 * one part mutated. Seeded, so a failure replays exactly.
 */

/** Every generated string that could become a file name carries this, so the test can search for it. */
export const FUZZ_MARK = 'FUZZMARK'

export type Random = () => number

/** mulberry32: tiny, fast, good enough to drive a fuzzer. Returns floats in [0, 1). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '..',
  '../',
  `../../${FUZZ_MARK}`,
  `..\\..\\${FUZZ_MARK}`,
  `/tmp/${FUZZ_MARK}`,
  `C:\\Windows\\${FUZZ_MARK}`,
  `s-20250105-140322-k3j9x2/../../${FUZZ_MARK}`,
  's-20250105-140322-K3J9X2',
  's-20250105-140322-k3j9x',
  's-20250105-140322-k3j9x2 ',
  '%2e%2e%2f',
  `${FUZZ_MARK}\u0000.json`,
  'summary.json',
  'journal.jsonl',
  '__proto__',
  'constructor',
  '😀'.repeat(50),
  '\u202e',
  'x'.repeat(5000),
  'x'.repeat(200_000),
  'squat',
  'csv',
  'json',
  'video',
  'camera'
]

const NUMBERS = [0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, 2 ** 53 + 1, -(2 ** 31), 1e308, 5e-324, 101, 3601]

/** Any value structured clone can carry (no functions, no class instances). */
export function randomValue(random: Random, depth = 0): unknown {
  const r = random()
  if (r < 0.06) return undefined
  if (r < 0.12) return null
  if (r < 0.18) return random() < 0.5
  if (r < 0.34) return random() < 0.5 ? pick(random, NUMBERS) : (random() - 0.5) * 10 ** Math.floor(random() * 12)
  if (r < 0.6) return random() < 0.7 ? pick(random, HOSTILE_STRINGS) : randomString(random)
  if (depth > 3) return null
  if (r < 0.78) return Array.from({ length: Math.floor(random() * 6) }, () => randomValue(random, depth + 1))
  const obj: Record<string, unknown> = {}
  const keys = ['kind', 'at', 'id', 'title', 'source', 'exercise', 'setIndex', 'event', 'type', 't', '__proto__', 'constructor', 'path', 'text']
  for (let i = Math.floor(random() * 5); i > 0; i--) {
    const key = random() < 0.7 ? pick(random, keys) : randomString(random)
    // Plain assignment to '__proto__' would set the prototype; define it as data like JSON.parse does.
    Object.defineProperty(obj, key, { value: randomValue(random, depth + 1), enumerable: true, configurable: true, writable: true })
  }
  return obj
}

function randomString(random: Random): string {
  const alphabet = `abcxyz-_./\\:%\u0000é ${FUZZ_MARK}`
  return Array.from({ length: Math.floor(random() * 24) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
}

/** Nesting far deeper than any payload: 10,000 levels. */
const DEEP_LEVELS = 10_000
/** The reproduction's sizes: a 1,000,000-character key, a 1,000,000-item array. */
const HUGE = 1_000_000

function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 0
  for (let i = 0; i < levels; i++) value = wrap(value)
  return value
}

/**
 * Shapes that broke or stalled handlers before: each kind by name, made once (the big ones are
 * shared between payloads, so handlers must not and do not change them).
 */
export function hostileShapes(): Record<string, unknown[]> {
  const circularObject: Record<string, unknown> = { kind: 'note', at: 1, text: 'loop' }
  circularObject.self = circularObject
  const circularArray: unknown[] = [1]
  circularArray.push(circularArray)
  const hugeKey = 'k'.repeat(HUGE)
  return {
    bigint: [10n, { at: 2n ** 64n, setIndex: 1n }, [1n]],
    circular: [circularObject, circularArray, { a: { b: circularArray } }],
    deeplyNested: [nested(DEEP_LEVELS, (a) => ({ a })), nested(DEEP_LEVELS, (a) => [a])],
    hugeKey: [{ [hugeKey]: 1 }, { kind: 'note', at: 1, text: 'x', [hugeKey]: true }],
    hugeArray: [new Array<number>(HUGE).fill(0.5), { w: 640, h: 480, r: new Array<number>(HUGE).fill(0) }],
    numberAsString: ['1', '-0', '1e309', 'NaN', '0x10', ' 42 ', '١٢', { at: '1736085802000', setIndex: '1', effort: '7' }]
  }
}

/** A deep copy of `value` with one random place replaced (by `replacement()` when given), deleted, or given an extra key. */
export function mutate(random: Random, value: unknown, replacement?: () => unknown): unknown {
  const copy = structuredClone(value)
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        containers.push({ parent: node, key: i })
        walk(v)
      })
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        containers.push({ parent: node as Record<string, unknown>, key: k })
        walk(v)
      }
    }
  }
  walk(copy)
  if (containers.length === 0) return replacement ? replacement() : randomValue(random)
  const { parent, key } = pick(random, containers)
  if (replacement) {
    ;(parent as Record<string | number, unknown>)[key] = replacement()
    return copy
  }
  const action = random()
  if (action < 0.6) (parent as Record<string | number, unknown>)[key] = randomValue(random)
  else if (action < 0.8) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1)
    else delete parent[key as string]
  } else if (!Array.isArray(parent)) parent[`${FUZZ_MARK}-${Math.floor(random() * 1000)}`] = randomValue(random)
  else parent.push(randomValue(random))
  return copy
}
