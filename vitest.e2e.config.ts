import { defineConfig } from 'vitest/config'

// End-to-end tests drive the built app in Debian's Chromium; one file at a time keeps
// the two cores of CI machines from starving the browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
