/**
 * Decodes a clip into ImageBitmaps once (playing it at normal speed and grabbing every presented
 * frame), so every benchmark combination sees exactly the same frames.
 */

/** Frames wider than this are downscaled, as the app's frame pump does. */
const MAX_WIDTH = 640

export async function decodeClip(url: string, maxFrames: number): Promise<ImageBitmap[]> {
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  video.src = url
  await new Promise<void>((resolve, reject) => {
    video.onloadeddata = () => resolve()
    video.onerror = () => reject(new Error(`Bench clip ${url} did not decode (MediaError ${video.error?.code}).`))
  })
  const frames: ImageBitmap[] = []
  const pending: Promise<void>[] = []
  await new Promise<void>((resolve) => {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      const scale = Math.min(1, MAX_WIDTH / meta.width)
      pending.push(createImageBitmap(video, { resizeWidth: Math.round(meta.width * scale), resizeHeight: Math.round(meta.height * scale) }).then((b) => void frames.push(b)))
      if (frames.length + pending.length >= maxFrames * 2 || video.ended) return resolve()
      video.requestVideoFrameCallback(onFrame)
    }
    video.requestVideoFrameCallback(onFrame)
    video.onended = () => resolve()
    void video.play()
  })
  await Promise.all(pending)
  video.pause()
  return frames.slice(0, maxFrames)
}

/** p-th percentile (0-100) by nearest rank; null for no samples. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** Bytes of JS + WASM memory of this page and its workers, or null where the API is missing. */
export async function agentMemoryBytes(): Promise<number | null> {
  const perf = performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> }
  if (!crossOriginIsolated || !perf.measureUserAgentSpecificMemory) return null
  try {
    return (await perf.measureUserAgentSpecificMemory()).bytes
  } catch {
    return null
  }
}
