// Keeps a simulation's page current while it is queued or running: reads the page's progress address (same
// origin, the signed-in session) every two seconds and updates the tag, the <progress> bar and its text. Once the
// simulation has finished it reloads the page, which then shows the report (or that it was cancelled). Without
// script the page has a "Refresh" link instead. Screen readers hear a change of state once (a polite live
// region), not every refresh.
const root = document.getElementById('simulation-progress')
const INTERVAL_MS = 2000

if (root && root.dataset.progressUrl && root.dataset.finished !== 'true') {
  const tag = document.getElementById('simulation-state')
  const bar = document.getElementById('simulation-bar')
  const text = document.getElementById('simulation-progress-text')
  const announce = document.getElementById('simulation-announce')
  let lastState = tag.textContent.trim()
  document.getElementById('refresh-note').hidden = false

  const poll = async function () {
    let progress
    try {
      const response = await fetch(root.dataset.progressUrl, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        cache: 'no-store'
      })
      if (!response.ok) {
        return true
      }
      progress = await response.json()
    } catch (e) {
      return true // a network blip: try again next time
    }
    if (progress.finished) {
      window.location.reload()
      return false
    }
    tag.textContent = progress.stateLabel
    bar.value = progress.percent
    bar.textContent = progress.percent + '%'
    text.textContent = progress.text
    if (progress.stateLabel !== lastState) {
      lastState = progress.stateLabel
      announce.textContent = progress.stateLabel + '. ' + progress.text
    }
    return true
  }

  const loop = async function () {
    if (await poll()) {
      window.setTimeout(loop, INTERVAL_MS)
    }
  }
  window.setTimeout(loop, INTERVAL_MS)
}
