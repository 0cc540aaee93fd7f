import type { AgentLogScan as Scan } from '../../platform/bridge'
import { agentToolName } from '../../../shared/importers/logs/agentTools'
import { plural } from '../../../shared/text/plural'
import { formatInstant } from '../../components/LocalTime'
import { formatBytes } from './sources'

/** What a scan of this machine found, before anything is read: folders, files, size, dates. */
export function AgentLogScanResult({ scan, onImport, onPickFolder, onClose }: { scan: Scan; onImport: () => void; onPickFolder: () => void; onClose: () => void }) {
  const found = scan.folders.filter((folder) => folder.files > 0)
  const bytes = scan.files.reduce((sum, file) => sum + file.size, 0)
  return (
    <section className="import-panel" aria-label="Agent log scan">
      <h2>{scan.files.length > 0 ? `Found ${plural(scan.files.length, 'session file')} (${formatBytes(bytes)})` : 'No agent logs found on this machine'}</h2>
      <table className="scan-table">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Folder</th>
            <th scope="col" className="numeric">
              Files
            </th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">Last written</th>
          </tr>
        </thead>
        <tbody>
          {scan.folders.map((folder) => (
            <tr key={folder.path}>
              <td>{agentToolName(folder.tool)}</td>
              <td>
                <code>{folder.path}</code>
              </td>
              <td className="numeric">{folder.exists ? folder.files.toLocaleString() : 'not there'}</td>
              <td className="numeric">{folder.exists ? formatBytes(folder.bytes) : '—'}</td>
              <td>
                {folder.firstModified && folder.lastModified
                  ? `${formatInstant(folder.firstModified, false)} – ${formatInstant(folder.lastModified, false)}`
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="import-muted">
        Only usage, timing, repository, branch and step labels are kept; prompts, code and tool output never leave this machine.
      </p>
      <div className="actions">
        {found.length > 0 && (
          <button type="button" className="primary" onClick={onImport}>
            Import {plural(scan.files.length, 'session file')}
          </button>
        )}
        <button type="button" onClick={onPickFolder}>
          Choose another folder…
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}
