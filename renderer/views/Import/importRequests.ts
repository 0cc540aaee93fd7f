/**
 * File > Import… asks the Import view to open the file picker. The request waits here when
 * the view is not mounted yet (the menu navigates to it first).
 */
type Listener = () => void

let pending = false
const listeners = new Set<Listener>()

export function requestFilePicker(): void {
  if (listeners.size === 0) {
    pending = true
    return
  }
  for (const listener of listeners) listener()
}

/** Subscribes the view; a request made before it mounted is delivered at once. */
export function onFilePickerRequest(listener: Listener): () => void {
  listeners.add(listener)
  if (pending) {
    pending = false
    listener()
  }
  return () => listeners.delete(listener)
}
