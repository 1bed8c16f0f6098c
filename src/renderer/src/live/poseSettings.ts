/**
 * What the live pipeline needs from the runner's settings: the model and backend. The choice itself
 * lives in the app store's settings slice (store/settings.ts: persisted, validated there), shared by
 * the Camera check, the workout and the Settings screen.
 */
import type { PoseModelId } from '../../../pose/catalogue'
import type { BackendChoice } from '../pose/protocol'

export interface PoseSettings {
  model: PoseModelId
  backend: BackendChoice
}
