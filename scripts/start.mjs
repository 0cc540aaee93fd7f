// `npm start`: the desktop app. Where Electron cannot run (no binary, no display), say so in
// one line and run the same app in the browser, exactly as `npm run serve` does.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'

function electronUnavailableReason() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display'
  try {
    const require = createRequire(import.meta.url)
    // electron's index.js returns the binary's path, downloading it on first use.
    const binary = require('electron')
    if (typeof binary !== 'string' || !existsSync(binary)) return 'its binary is not installed'
    return null
  } catch {
    return 'its binary is not installed and cannot be downloaded'
  }
}

const reason = electronUnavailableReason()
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const [command, args] = reason ? [npm, ['run', '--silent', 'serve']] : [npm, ['run', '--silent', 'dev:electron']]
if (reason) console.log(`Electron cannot run here (${reason}); starting Workfolio in the browser instead.`)
const child = spawn(command, args, { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
