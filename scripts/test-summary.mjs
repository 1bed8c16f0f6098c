// Prints one closing line for the whole `npm test` run, from the vitest and Playwright JSON reports:
// "test: N passed, N failed, N skipped". Fails when a report is missing or no test ran.
import { readFileSync } from 'node:fs'

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    console.error(`test-summary: cannot read ${path} (${error.message}); did that test step run?`)
    process.exit(1)
  }
}

const unit = read('reports/unit.json')
const e2e = read('reports/e2e.json')

const passed = unit.numPassedTests + (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0)
const failed = unit.numFailedTests + (e2e.stats.unexpected ?? 0)
const skipped = unit.numPendingTests + unit.numTodoTests + (e2e.stats.skipped ?? 0)

console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests + unit.numTodoTests} skipped`)
console.log(`e2e: ${e2e.stats.expected} passed, ${e2e.stats.unexpected} failed, ${e2e.stats.skipped} skipped`)
console.log(`test: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0 || passed === 0) process.exit(1)
