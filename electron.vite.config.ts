import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { readAppFile } from './src/main/appProtocol'

/**
 * `npm run dev` serves the renderer from Vite's dev server: give it the model files under /models/ and
 * the cross-origin isolation headers the app's protocol sends, so the WASM backend can use threads there too.
 */
function devModelsAndIsolation(): Plugin {
  const modelsDir = resolve(__dirname, 'models')
  return {
    name: 'revup-dev-models',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
        res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp')
        const path = (req.url ?? '').split('?')[0]
        if (!path.startsWith('/models/')) return next()
        const response = await readAppFile(path, { rendererDir: modelsDir, modelsDir })
        res.writeHead(response.status, response.headers)
        res.end(response.body)
      })
    }
  }
}

// The renderer is built once and served two ways: by the app's custom protocol in Electron,
// and by the test harness over http in plain Chromium. Keep it free of Electron imports.
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } }
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react(), devModelsAndIsolation()],
    resolve: {
      // pose-detection imports '@mediapipe/pose' for its MediaPipe runtime, a classic script with no ES
      // exports. The worker uses the tfjs runtime, so the import resolves to a stand-in that says so.
      alias: { '@mediapipe/pose': resolve(__dirname, 'src/renderer/src/pose/mediapipeStub.ts') }
    },
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
