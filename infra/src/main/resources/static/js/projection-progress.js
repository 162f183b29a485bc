// Keeps a projection's status page current while it rebuilds: reads the page's progress address
// (same origin, the signed-in session) every two seconds and updates the tag, the <progress> bar,
// its text and the figures. It stops once the projection is up to date. Without script the page has
// a "Refresh" link instead. Screen readers hear a change of state once (a polite live region), not
// every refresh.
const root = document.getElementById('projection-progress')
const INTERVAL_MS = 2000
const TAGS = ['govuk-tag--green', 'govuk-tag--yellow', 'govuk-tag--blue', 'govuk-tag--red', 'govuk-tag--grey']

function text (id, value) {
  const element = document.getElementById(id)
  if (element) {
    element.textContent = String(value)
  }
}

if (root && root.dataset.progressUrl) {
  const tag = document.getElementById('projection-state')
  const bar = document.getElementById('rebuild-progress')
  let lastState = tag ? tag.textContent.trim() : ''
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
    tag.classList.remove(...TAGS)
    tag.classList.add(progress.tag)
    tag.textContent = progress.stateLabel
    bar.value = progress.percent
    bar.textContent = progress.percent + '%'
    text('rebuild-progress-text', progress.text)
    text('projection-position', progress.position)
    text('projection-head', progress.head)
    text('projection-lag', progress.lag)
    if (progress.stateLabel !== lastState) {
      lastState = progress.stateLabel
      text('projection-announce', progress.stateLabel + '. ' + progress.text)
    }
    return !progress.done || progress.state !== 'UP_TO_DATE'
  }

  const loop = async function () {
    if (await poll()) {
      window.setTimeout(loop, INTERVAL_MS)
    }
  }
  window.setTimeout(loop, INTERVAL_MS)
}
