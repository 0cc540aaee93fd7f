import { TeamSyncSettings } from '../../collaboration/TeamSyncSettings'
import { GeneralSettings } from './GeneralSettings'
import { PricingSettings } from './PricingSettings'
import { PrivacySettings } from './PrivacySettings'
import { RepoAliasSettings } from './RepoAliasSettings'
import { StepRulesSettings } from './StepRulesSettings'
import './SettingsView.css'

/** Workspace settings, shared by the whole team. */
export function SettingsView() {
  return (
    <div className="view settings-view">
      <header className="view-header">
        <h1>Settings</h1>
      </header>
      <p className="settings-intro">These settings belong to the workspace: every teammate computes with the same ones.</p>
      <GeneralSettings />
      <TeamSyncSettings />
      <PrivacySettings />
      <PricingSettings />
      <StepRulesSettings />
      <RepoAliasSettings />
    </div>
  )
}
