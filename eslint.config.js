import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectronOutsideMain = {
  paths: [{ name: 'electron', message: 'Only src/main and src/preload may import electron.' }]
}

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'models/', 'node_modules/', 'test-results/', 'playwright-report/', 'tests/.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noElectronOutsideMain]
    }
  },
  {
    // src/shared runs in the worker, the renderer, main and Node tests alike: pure TypeScript only.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared must stay pure TypeScript.' },
            { name: 'react', message: 'src/shared must stay pure TypeScript.' },
            { name: 'react-dom', message: 'src/shared must stay pure TypeScript.' }
          ],
          patterns: [
            { group: ['@tensorflow/*', '@tensorflow-models/*', '@mediapipe/*'], message: 'No model runtimes in src/shared.' },
            { group: ['node:*', 'fs', 'path', 'child_process', 'os'], message: 'No Node built-ins in src/shared.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing outside it.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' }
  }
)
