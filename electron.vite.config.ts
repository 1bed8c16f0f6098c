import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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
    plugins: [react()],
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
