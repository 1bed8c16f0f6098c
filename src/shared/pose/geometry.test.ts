import { describe, expect, it } from 'vitest'
import { angleAt, distance, elevationDeg, leanFromVertical, lineDeviation, midpoint, signedLeanFromVertical, toPixels } from './geometry'

describe('geometry (pixel space)', () => {
  it('converts normalised keypoints to pixels so angles respect the aspect ratio', () => {
    expect(toPixels({ x: 0.5, y: 0.25 }, 1280, 720)).toEqual({ x: 640, y: 180 })
  })

  it('measures the angle at a joint', () => {
    expect(angleAt({ x: 0, y: -10 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(90)
    expect(angleAt({ x: 0, y: -10 }, { x: 0, y: 0 }, { x: 0, y: 10 })).toBeCloseTo(180)
    expect(angleAt({ x: 10, y: -10 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(45)
    expect(angleAt({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 0 })).toBeNaN()
  })

  it('measures distances and midpoints', () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5)
    expect(midpoint({ x: 0, y: 0 }, { x: 4, y: 2 })).toEqual({ x: 2, y: 1 })
  })

  it('gives a signed deviation from a line, positive above it in the image', () => {
    const a = { x: 0, y: 100 }
    const b = { x: 200, y: 100 }
    expect(lineDeviation({ x: 100, y: 80 }, a, b)).toBeCloseTo(20)
    expect(lineDeviation({ x: 100, y: 130 }, a, b)).toBeCloseTo(-30)
    // Same sign convention when the line is drawn right to left.
    expect(lineDeviation({ x: 100, y: 80 }, b, a)).toBeCloseTo(20)
  })

  it('measures lean from vertical and elevation from horizontal', () => {
    expect(leanFromVertical({ x: 0, y: 100 }, { x: 0, y: 0 })).toBeCloseTo(0)
    expect(leanFromVertical({ x: 0, y: 100 }, { x: 100, y: 0 })).toBeCloseTo(45)
    expect(signedLeanFromVertical({ x: 0, y: 100 }, { x: -100, y: 0 })).toBeCloseTo(-45)
    expect(elevationDeg({ x: 0, y: 100 }, { x: 100, y: 100 })).toBeCloseTo(0)
    expect(elevationDeg({ x: 0, y: 100 }, { x: -100, y: 0 })).toBeCloseTo(45)
  })
})
