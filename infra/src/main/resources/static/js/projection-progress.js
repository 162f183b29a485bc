// A projection's status page while it rebuilds (the shared /js/progress.js): the figures too, and it stops once the
// projection is up to date.
import { followProgress } from './progress.js'

const root = document.getElementById('projection-progress')

function text (id, value) {
  const element = document.getElementById(id)
  if (element) {
    element.textContent = String(value)
  }
}

if (root && root.dataset.progressUrl) {
  followProgress({
    url: root.dataset.progressUrl,
    ids: { tag: 'projection-state', bar: 'rebuild-progress', text: 'rebuild-progress-text', announce: 'projection-announce' },
    finished: progress => progress.done && progress.state === 'UP_TO_DATE',
    show: progress => {
      text('projection-position', progress.position)
      text('projection-head', progress.head)
      text('projection-lag', progress.lag)
    }
  })
}
