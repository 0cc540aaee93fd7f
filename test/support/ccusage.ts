import { spawnSync } from 'node:child_process'
import { ccusageBinary } from '../../cli/agentLogs/ccusageBinary'

/**
 * `ccusage ARGS --json --offline` (20.0.24, the conformance reference), parsed. Only PATH and
 * `env` reach it: give it an empty HOME (tempDirs) plus the variables that point it at the
 * fixture store, so it never reads the logs of whoever runs the tests.
 */
export function ccusageJson(args: readonly string[], env: Record<string, string>): any {
  const result = spawnSync(ccusageBinary(), [...args, '--json', '--offline'], {
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (result.status !== 0) throw new Error(`ccusage ${args.join(' ')} failed: ${result.stderr}`)
  return JSON.parse(result.stdout)
}
