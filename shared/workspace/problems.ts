/** An entry that failed validation on read: reported to the user, skipped, never thrown. */
export interface RecordProblem {
  collection: string
  id: string
  message: string
}

export interface ReadResult<T> {
  records: T[]
  problems: RecordProblem[]
}
