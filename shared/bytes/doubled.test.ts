import { expect, test } from 'vitest'
import { doubled } from './doubled'

test('a doubled typed array keeps its kind and its elements first, zeros after', () => {
  const grown = doubled(Float64Array.of(1.5, -2, 3))
  expect(grown).toBeInstanceOf(Float64Array)
  expect([...grown]).toEqual([1.5, -2, 3, 0, 0, 0])
  expect([...doubled(Int32Array.of(-7))]).toEqual([-7, 0])
})

test('grown to at least a length when twice is not enough', () => {
  expect([...doubled(Int32Array.of(4, 5), 5)]).toEqual([4, 5, 0, 0, 0])
  expect(doubled(Int32Array.of(4, 5), 3).length).toBe(4)
})
