import type { RepoAlias } from '../../records/outcome'
import type { Run } from '../../records/run'

/** How a repository name compares: case folded, blanks and a trailing `.git` dropped. */
export function repoKey(name: string): string {
  return name.trim().toLowerCase().replace(/\.git$/, '')
}

/**
 * One identity per repository across agents and sources. Three things make two names one:
 * - the last part of a PR's path is compared with a run's repo by `repoKey`;
 * - a folder's git remote, learned from any session there that records it (Codex writes the
 *   remote, Claude Code only the folder), names every session in that folder;
 * - the team's aliases ("sensor_etl" is "sensor-etl"), followed to the end of a chain.
 */
export class RepoIdentity {
  private readonly aliases = new Map<string, string>()
  /** Folder hash → the remote repository the latest session there recorded. */
  private readonly folderRemotes = new Map<string, { repo: string; start: string }>()

  constructor(runs: readonly Run[], aliases: readonly RepoAlias[]) {
    for (const alias of aliases) if (repoKey(alias.id) !== repoKey(alias.repo)) this.aliases.set(repoKey(alias.id), repoKey(alias.repo))
    for (const run of runs) {
      if (!run.folder || !run.repoFromRemote || !run.repo) continue
      const known = this.folderRemotes.get(run.folder)
      if (!known || run.start > known.start) this.folderRemotes.set(run.folder, { repo: run.repo, start: run.start })
    }
  }

  /** The one key of a repository name: aliases followed (a cycle stops where it repeats). */
  key(name: string): string {
    let key = repoKey(name)
    const seen = new Set<string>()
    while (this.aliases.has(key) && !seen.has(key)) {
      seen.add(key)
      key = this.aliases.get(key)!
    }
    return key
  }

  /** A run's repository, and whether it was learned from another session in the same folder. */
  ofRun(run: Run): { key: string; learnedFromFolder: boolean } | null {
    const learned = !run.repoFromRemote && run.folder ? this.folderRemotes.get(run.folder) : undefined
    if (learned) return { key: this.key(learned.repo), learnedFromFolder: repoKey(learned.repo) !== repoKey(run.repo ?? '') }
    return run.repo ? { key: this.key(run.repo), learnedFromFolder: false } : null
  }
}
