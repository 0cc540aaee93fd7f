import { EmptyState } from '../../components/EmptyState'

export function SettingsView() {
  return (
    <div className="view">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <EmptyState title="Workspace settings">
        Currency, fiscal quarters, privacy (pseudonymous actors unless the team turns attribution on), the pricing table
        in use and the step-labelling rules — shared by the whole team.
      </EmptyState>
    </div>
  )
}
