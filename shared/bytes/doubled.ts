type GrowableArray = Uint8Array | Int32Array | Uint32Array | Float64Array

/** A typed array of twice the length holding `array`'s elements first: how the append-only tables grow. */
export function doubled<T extends GrowableArray>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
  bigger.set(array)
  return bigger
}
