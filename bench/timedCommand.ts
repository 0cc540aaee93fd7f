import { spawnSync } from 'node:child_process'

/** Runs a command under GNU time for its wall time, peak RSS and CPU time (user + system). */
export function timedCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { stdout: string; seconds: number; cpuSeconds: number; maxRssMB: number } {
  const started = performance.now()
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], { env, encoding: 'utf8', maxBuffer: 256 << 20 })
  const seconds = (performance.now() - started) / 1000
  if (run.status !== 0) throw new Error(`${command} failed:\n${run.stderr}`)
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN)
  return { stdout: run.stdout, seconds, cpuSeconds: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'), maxRssMB: field('Maximum resident set size \\(kbytes\\)') / 1024 }
}
