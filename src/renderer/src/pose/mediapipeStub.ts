/**
 * Build-time stand-in for '@mediapipe/pose'. pose-detection's ESM bundle imports `Pose` from it for
 * its 'mediapipe' runtime, but the package is a classic script with no ES exports, so bundlers
 * fail on that import. RevUp only uses the 'tfjs' runtime in the worker; the official MediaPipe
 * runtime is loaded as a plain script from /models/mediapipe/ where it is wanted (the benchmark).
 * Alias '@mediapipe/pose' to this file in the renderer build.
 */
export class Pose {
  constructor() {
    throw new Error("The MediaPipe runtime is not bundled in RevUp's pose worker; use runtime 'tfjs'.")
  }
}

export const VERSION = 'not-bundled'
