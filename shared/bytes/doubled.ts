type GrowableArray = Uint8Array | Int32Array | Uint32Array | Float64Array

/** A typed array of twice the length (or `atLeast`, when more) holding `array`'s elements first: how the append-only tables grow. */
export function doubled<T extends GrowableArray>(array: T, atLeast = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, atLeast))
  bigger.set(array)
  return bigger
}
