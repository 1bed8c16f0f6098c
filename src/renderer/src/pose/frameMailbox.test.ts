import { describe, expect, it, vi } from 'vitest'
import { FrameMailbox } from './frameMailbox'
import type { FrameRequest, WorkerReply } from './protocol'

function setup() {
  let queue = Promise.resolve()
  const estimating: number[] = []
  const replies: WorkerReply[] = []
  let finish: (() => void) | null = null
  const mailbox = new FrameMailbox(
    (task) => void (queue = queue.then(task)),
    (frame) => new Promise<void>((resolve) => {
      estimating.push(frame.id)
      finish = () => {
        frame.image.close()
        resolve()
      }
    }),
    (r) => replies.push(r),
    () => Promise.resolve()
  )
  const frame = (id: number): FrameRequest => ({ type: 'frame', id, timestampMs: id, image: { close: vi.fn() } as unknown as VideoFrame })
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }
  return { mailbox, estimating, replies, frame, settle, finish: () => finish?.() }
}

describe('FrameMailbox (frames waiting in the pose worker)', () => {
  it('estimates one frame, keeps the newest waiting and drops the ones it replaced, each closed once', async () => {
    const { mailbox, estimating, replies, frame, settle, finish } = setup()
    const frames = [1, 2, 3, 4].map(frame)
    frames.forEach((f) => mailbox.put(f))
    await settle()
    expect(estimating).toEqual([1])
    expect(replies).toEqual([{ type: 'frame-dropped', id: 2 }, { type: 'frame-dropped', id: 3 }])
    finish()
    await settle()
    expect(estimating).toEqual([1, 4]) // the newest, at once: no round trip to the client
    finish()
    await settle()
    for (const f of frames) expect(f.image.close).toHaveBeenCalledTimes(1)
  })
})

describe('nextTask', () => {
  it('resolves after messages already queued for this thread', async () => {
    const order: string[] = []
    const channel = new MessageChannel()
    const delivered = new Promise<void>((resolve) => (channel.port1.onmessage = () => {
      order.push('frame message')
      channel.port1.close()
      resolve()
    }))
    channel.port2.postMessage(null)
    const { nextTask } = await import('./frameMailbox')
    await nextTask().then(() => order.push('next task'))
    await delivered
    expect(order).toEqual(['frame message', 'next task'])
  })
})
