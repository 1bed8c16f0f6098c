/**
 * Launching Debian's Chromium for the pose e2e tests and the bench, with the sandbox flags this
 * machine needs and, optionally, a fake camera that plays a y4m clip.
 */
import { chromium, type Browser } from '@playwright/test'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const BASE_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
]

export interface LaunchOptions {
  /** A y4m file the fake camera plays in a loop. */
  fakeCameraY4m?: string
  /** Grant camera permission without a prompt (default true when a fake camera is given). */
  grantCamera?: boolean
  extraArgs?: string[]
}

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const args = [...BASE_ARGS, ...(options.extraArgs ?? [])]
  if (options.fakeCameraY4m) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${options.fakeCameraY4m}`)
    if (options.grantCamera ?? true) args.push('--use-fake-ui-for-media-stream')
    else args.push('--deny-permission-prompts')
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args })
}
