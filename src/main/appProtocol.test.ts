import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, mimeTypeFor, readAppFile, resolveAppPath, type AppRoots } from './appProtocol'

let base: string
let roots: AppRoots

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'revup-proto-'))
  roots = { rendererDir: join(base, 'renderer'), modelsDir: join(base, 'models') }
  await mkdir(join(roots.rendererDir, 'assets'), { recursive: true })
  await mkdir(join(roots.modelsDir, 'movenet'), { recursive: true })
  await writeFile(join(roots.rendererDir, 'index.html'), '<!doctype html>')
  await writeFile(join(roots.rendererDir, 'assets', 'a.js'), 'export {}')
  await writeFile(join(roots.modelsDir, 'movenet', 'model.json'), '{}')
  await writeFile(join(base, 'secret.txt'), 'secret')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('resolveAppPath', () => {
  it('maps "/" to index.html and assets into the renderer folder', () => {
    expect(resolveAppPath('/', roots)).toMatchObject({ ok: true, filePath: join(roots.rendererDir, 'index.html') })
    expect(resolveAppPath('/assets/a.js?v=1', roots)).toMatchObject({
      ok: true,
      filePath: join(roots.rendererDir, 'assets', 'a.js'),
      mimeType: 'text/javascript; charset=utf-8'
    })
  })

  it('maps /models/... into the models folder', () => {
    expect(resolveAppPath('/models/movenet/model.json', roots)).toMatchObject({
      ok: true,
      filePath: join(roots.modelsDir, 'movenet', 'model.json')
    })
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/models/../../secret.txt',
    '/models/..%2f..%2fsecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/a\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/C:/Windows/win.ini',
    'index.html',
    '/%E0%A4%A'
  ])('rejects %s', (path) => {
    const result = resolveAppPath(path, roots)
    expect(result.ok).toBe(false)
  })
})

describe('readAppFile', () => {
  it('serves a file with isolation headers and the strict CSP', async () => {
    const res = await readAppFile('/index.html', roots)
    expect(res.status).toBe(200)
    expect(res.headers['Cross-Origin-Opener-Policy']).toBe('same-origin')
    expect(res.headers['Cross-Origin-Embedder-Policy']).toBe('require-corp')
    expect(res.headers['Cross-Origin-Resource-Policy']).toBe('same-origin')
    expect(res.headers['Content-Type']).toBe('text/html; charset=utf-8')
    expect(new TextDecoder().decode(res.body)).toBe('<!doctype html>')
  })

  it('answers 404 for missing files and folders, 400 for traversal, never the secret', async () => {
    expect((await readAppFile('/nope.js', roots)).status).toBe(404)
    expect((await readAppFile('/assets', roots)).status).toBe(404)
    const bad = await readAppFile('/../secret.txt', roots)
    expect(bad.status).toBe(400)
    expect(new TextDecoder().decode(bad.body)).not.toContain('secret\n')
  })
})

describe('policy', () => {
  it('allows no remote origin and no JS eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'unsafe-eval'/)
    expect(CONTENT_SECURITY_POLICY).toContain("'wasm-unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:")
    // The threaded WASM backend's workers importScripts() a blob of the backend's JS.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' blob: 'wasm-unsafe-eval'")
  })

  it('knows the model and wasm MIME types', () => {
    expect(mimeTypeFor('x/tfjs-backend-wasm.wasm')).toBe('application/wasm')
    expect(mimeTypeFor('x/group1-shard1of1.bin')).toBe('application/octet-stream')
  })
})
