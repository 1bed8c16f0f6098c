import { describe, expect, it } from 'vitest'
import { FrameSlot, type SlotFrame } from './frameSlot'

class FakeFrame implements SlotFrame {
  released = false
  constructor(readonly id: number) {}
  release(): void {
    this.released = true
  }
}

function setup() {
  const sent: number[] = []
  const slot = new FrameSlot<FakeFrame>((f) => sent.push(f.id))
  return { sent, slot }
}

describe('FrameSlot', () => {
  it('sends the first frame at once', () => {
    const { sent, slot } = setup()
    expect(slot.submit(new FakeFrame(1))).toBe('sent')
    expect(sent).toEqual([1])
    expect(slot.busy).toBe(true)
  })

  it('keeps one frame waiting and replaces it with newer ones, releasing the old', () => {
    const { sent, slot } = setup()
    slot.submit(new FakeFrame(1))
    const second = new FakeFrame(2)
    expect(slot.submit(second)).toBe('queued')
    expect(slot.submit(new FakeFrame(3))).toBe('replaced')
    expect(second.released).toBe(true)
    expect(slot.droppedCount).toBe(1)
    expect(sent).toEqual([1])
  })

  it('never queues more than one frame however many arrive', () => {
    const { sent, slot } = setup()
    const frames = Array.from({ length: 100 }, (_, i) => new FakeFrame(i))
    for (const f of frames) slot.submit(f)
    expect(frames.filter((f) => !f.released)).toHaveLength(2)
    slot.complete()
    slot.complete()
    expect(sent).toEqual([0, 99])
    expect(slot.busy).toBe(false)
  })

  it('sends the waiting frame when the in-flight one completes', () => {
    const { sent, slot } = setup()
    slot.submit(new FakeFrame(1))
    slot.submit(new FakeFrame(2))
    expect(slot.hasWaiting).toBe(true)
    slot.complete()
    expect(sent).toEqual([1, 2])
    expect(slot.hasWaiting).toBe(false)
    expect(slot.busy).toBe(true)
  })

  it('clear releases the waiting frame', () => {
    const { slot } = setup()
    slot.submit(new FakeFrame(1))
    const waiting = new FakeFrame(2)
    slot.submit(waiting)
    slot.clear()
    expect(waiting.released).toBe(true)
    expect(slot.busy).toBe(false)
  })
})
