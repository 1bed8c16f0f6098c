/**
 * A video file (mp4/webm/mov) as a frame source, played in a <video> element from a blob: URL.
 * A file that will not decode rejects with a sentence naming it. Owns the object URL: dispose().
 */
import { describeVideoError } from './cameraErrors'

/** What <input type=file accept> offers; decoding support is still checked by actually loading. */
export const VIDEO_FILE_ACCEPT = 'video/mp4,video/webm,video/quicktime,.mp4,.webm,.mov,.m4v'

export class VideoFileSource {
  private url: string | null = null

  constructor(private readonly video: HTMLVideoElement) {}

  /** Loads the file and waits until its first frame can be shown. */
  async open(file: File): Promise<{ width: number; height: number; durationS: number }> {
    this.close()
    this.url = URL.createObjectURL(file)
    const video = this.video
    video.srcObject = null
    video.muted = true
    video.playsInline = true
    video.loop = false
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        video.removeEventListener('loadeddata', onLoaded)
        video.removeEventListener('error', onError)
      }
      const onLoaded = () => {
        done()
        if (video.videoWidth === 0) reject(new Error(describeVideoError(file.name, 4)))
        else resolve()
      }
      const onError = () => {
        done()
        reject(new Error(describeVideoError(file.name, video.error?.code)))
      }
      video.addEventListener('loadeddata', onLoaded)
      video.addEventListener('error', onError)
      video.src = this.url!
      video.load()
    })
    return { width: video.videoWidth, height: video.videoHeight, durationS: video.duration }
  }

  close(): void {
    if (this.url) {
      this.video.pause()
      this.video.removeAttribute('src')
      this.video.load()
      URL.revokeObjectURL(this.url)
      this.url = null
    }
  }

  dispose(): void {
    this.close()
  }
}
