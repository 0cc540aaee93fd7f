import { useSettings } from './useSettings'

/** Attribution is off by default: actors are salted pseudonyms, counted but never named. */
export function PrivacySettings() {
  const { settings, set } = useSettings()
  return (
    <section className="settings-section" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">Privacy</h2>
      <label className="checkbox">
        <input type="checkbox" checked={settings.attribution} onChange={(e) => set('attribution', e.target.checked)} />
        Store people's names with imported runs and charges (attribution)
      </label>
      <p className="field-hint">
        Off: names, logins and key owners are replaced by a salted pseudonym when imported, so the team can count distinct
        contributors without knowing who they are. Workfolio never ranks people either way. Prompts, code and tool inputs are
        never stored or synced; only derived metadata such as step labels, tokens and costs.
      </p>
    </section>
  )
}
