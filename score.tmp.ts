import { generateTeamRuns, TEAM_WORKFLOWS } from './test/support/generatedWorkflows'
import { mineRecipes } from './shared/mining'
for (const heavy of [false, true]) {
  let minCov = 1, maxImp = 0, fails = 0, maxCands = 0
  for (let seed = 1; seed <= 30; seed++) {
    const g = generateTeamRuns({ seed, runsPerWorkflow: 40, oneOffs: 80, ...(heavy ? { insertion: 0.4, skip: 0.1, subagent: 0.3 } : {}) })
    const wf = new Map(g.map(r => [r.id, r.workflow]))
    const r = mineRecipes(g)
    maxCands = Math.max(maxCands, r.candidates.length)
    for (const { name } of TEAM_WORKFLOWS) {
      const total = g.filter(x => x.workflow === name).length
      const best = r.candidates.map(c => { const m = c.runs.filter(id => wf.get(id) === name).length; return { cov: m / total, imp: 1 - m / c.runs.length } }).sort((a, b) => b.cov - a.cov)[0] ?? { cov: 0, imp: 1 }
      minCov = Math.min(minCov, best.cov); maxImp = Math.max(maxImp, best.imp)
      if (best.cov < 0.8 || best.imp > 0.15) fails++
    }
  }
  console.log(`heavy ${heavy}: minCov ${minCov.toFixed(2)} maxImp ${maxImp.toFixed(2)} fails ${fails}/120 maxCands ${maxCands}`)
}
