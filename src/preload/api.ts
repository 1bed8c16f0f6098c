/**
 * The verbs of the IPC contract over one `invoke` function (ipcRenderer.invoke in the preload).
 * Arguments over a verb's size budget (src/shared/ipcLimits.ts) are answered here with a failed
 * Result and never sent: main's thread would otherwise spend seconds deserialising them before its
 * own check could refuse them. No electron import, so it is unit tested in Node.
 */
import { fail, IPC_CHANNELS, VERBS, type RevUpApi, type Verb } from '../shared/ipc'
import { oversizePayloadError } from '../shared/ipcPayload'

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>

export function makeApi(invoke: Invoke): RevUpApi {
  const send = (verb: Verb, args: unknown[]): Promise<unknown> => {
    const oversize = oversizePayloadError(verb, args)
    return oversize === null ? invoke(IPC_CHANNELS[verb], ...args) : Promise.resolve(fail(oversize))
  }
  return Object.fromEntries(VERBS.map((verb) => [verb, (...args: unknown[]) => send(verb, args)])) as unknown as RevUpApi
}
