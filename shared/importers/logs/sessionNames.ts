/** Readable names derived from a session's working directory and git remote. */

/** "git@github.com:acme/api-server.git", "https://github.com/acme/api-server/" → "api-server". */
export function repoNameFromRemote(url: string): string | null {
  const name = url.trim().replace(/[/\\]+$/, '').replace(/\.git$/i, '').split(/[/:\\]/).pop()
  return name ? name : null
}

/** The last segment of a working directory: "/home/alice/src/api" → "api". */
export function repoNameFromCwd(cwd: string): string | null {
  const name = cwd.trim().replace(/[/\\]+$/, '').split(/[/\\]/).pop()
  return name ? name : null
}

const HOME_DIRECTORY = /^(?:\/home\/|\/Users\/|[A-Za-z]:[\\/]Users[\\/]|\/mnt\/[a-z]\/Users\/)([^/\\]+)/i
const NOT_A_PERSON = new Set(['shared', 'public', 'default', 'runner', 'ubuntu', 'ec2-user', 'admin', 'root', 'user', 'node', 'vscode', 'codespace'])

/**
 * The person a session's files belong to: the user folder in its working directory
 * ("/Users/alice/…" → "alice"). Service and default accounts say nothing about a person → null.
 * The caller pseudonymizes it unless the team turned attribution on.
 */
export function actorNameFromCwd(cwd: string | null): string | null {
  const match = cwd ? HOME_DIRECTORY.exec(cwd) : null
  if (!match) return null
  const name = match[1]
  return NOT_A_PERSON.has(name.toLowerCase()) ? null : name
}
