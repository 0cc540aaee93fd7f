/**
 * Reads a document's updates as y-indexeddb keeps them (database `name`, store `updates`), so
 * the analysis worker loads the workspace itself instead of the window encoding its whole state
 * (400 ms of the window's time for a ledger holding a million charges) and posting it.
 *
 * The window opened the database first (it awaits y-indexeddb before anything else), and
 * IndexedDB runs a read after every write begun before it, so what is read here holds every
 * change the window made before it asked: later ones it posts.
 */
export function readStoredUpdates(name: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(name)
    // Never create the database: y-indexeddb creates its stores when it does.
    opening.onupgradeneeded = () => opening.transaction?.abort()
    opening.onerror = () => reject(opening.error ?? new Error(`the workspace's store ${name} is not on this device`))
    opening.onsuccess = () => {
      const db = opening.result
      const reading = db.transaction('updates', 'readonly').objectStore('updates').getAll()
      reading.onsuccess = () => {
        db.close()
        resolve(reading.result as Uint8Array[])
      }
      reading.onerror = () => {
        db.close()
        reject(reading.error)
      }
    }
  })
}
