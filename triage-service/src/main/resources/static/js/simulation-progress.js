// A simulation's page while it is queued or running (progress.js): once the simulation has finished it reloads the
// page, which then shows the report (or that it was cancelled).
import { followProgress } from './progress.js'

const root = document.getElementById('simulation-progress')

if (root && root.dataset.progressUrl && root.dataset.finished !== 'true') {
  followProgress({
    url: root.dataset.progressUrl,
    ids: { tag: 'simulation-state', bar: 'simulation-bar', text: 'simulation-progress-text', announce: 'simulation-announce' },
    finished: progress => progress.finished,
    reloadWhenFinished: true
  })
}
