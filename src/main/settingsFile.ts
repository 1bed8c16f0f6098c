/**
 * The runner's settings as one JSON file (settings.json in the data folder), written atomically.
 * The renderer owns what is inside; main only checks it is a small JSON object and versions the file.
 */
import { join } from 'node:path'
import { fail, ok, type Result, type StoredSettings } from '../shared/ipc'
import { describeStorageError, errorCode } from './sessions/storageErrors'
import { nodeStoreFs, type StoreFs } from './sessions/storeFs'

export const SETTINGS_FILE = 'settings.json'
export const SETTINGS_SCHEMA_VERSION = 1

export class SettingsFile {
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly fs: StoreFs = nodeStoreFs
  ) {
    this.path = join(dataDir, SETTINGS_FILE)
  }

  /** null when nothing was saved yet. A damaged file is reported, not replaced, until the runner saves again. */
  async load(): Promise<Result<StoredSettings | null>> {
    let text: string
    try {
      text = await this.fs.readFile(this.path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return ok(null)
      return fail(`Could not read your settings: ${describeStorageError(error)}`)
    }
    try {
      const raw = JSON.parse(text) as unknown
      if (typeof raw !== 'object' || raw === null || !('settings' in raw) || !('schemaVersion' in raw)) {
        return fail('Your settings file is damaged (expected { schemaVersion, settings }); defaults are used until you save.')
      }
      const { schemaVersion, settings } = raw as { schemaVersion: unknown; settings: unknown }
      if (schemaVersion !== SETTINGS_SCHEMA_VERSION) {
        return fail(`Your settings file has schema version ${String(schemaVersion)}; this RevUp reads version ${SETTINGS_SCHEMA_VERSION}.`)
      }
      if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
        return fail('Your settings file is damaged (settings is not an object); defaults are used until you save.')
      }
      return ok(settings as StoredSettings)
    } catch {
      return fail('Your settings file is cut short or is not valid JSON; defaults are used until you save.')
    }
  }

  async save(settings: StoredSettings): Promise<Result<null>> {
    try {
      await this.fs.mkdir(join(this.path, '..'), { recursive: true })
      await this.fs.writeFileAtomic(this.path, `${JSON.stringify({ schemaVersion: SETTINGS_SCHEMA_VERSION, settings }, null, 2)}\n`)
      return ok(null)
    } catch (error) {
      return fail(`Could not save your settings: ${describeStorageError(error)}`)
    }
  }
}
