import 'fake-indexeddb/auto'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { loadAnswersHere } from '../workspace/analysis/answersHere'

// Views answer on the test's thread (there is no worker), as they draw: the analysis is loaded first.
await loadAnswersHere()

afterEach(() => cleanup())
