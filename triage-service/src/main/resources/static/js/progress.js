// Keeps a long job's page current while it runs (a projection's rebuild, a rule set's simulation): reads the
// page's progress address (same origin, the signed-in session) every two seconds and updates the tag, the
// <progress> bar and its text. Without script the page has a "Refresh" link instead; with it, the page says it
// updates itself. Screen readers hear a change of state once (a polite live region), not every refresh.
//
// The progress address answers {stateLabel, percent, text, ...}; a `tag` in it is the tag's GOV.UK colour class.
const INTERVAL_MS = 2000
const TAGS = ['govuk-tag--green', 'govuk-tag--yellow', 'govuk-tag--blue', 'govuk-tag--red', 'govuk-tag--grey']

/**
 * @param {object} page
 * @param {string} page.url the progress address
 * @param {{tag: string, bar: string, text: string, announce: string}} page.ids the elements' ids
 * @param {function(object): boolean} page.finished whether a progress is the last there will be
 * @param {boolean} [page.reloadWhenFinished] reload the page (which then shows the outcome) instead of showing the last progress
 * @param {function(object): void} [page.show] shows what else the page has of a progress (its figures)
 */
export function followProgress (page) {
  const tag = document.getElementById(page.ids.tag)
  const bar = document.getElementById(page.ids.bar)
  const text = document.getElementById(page.ids.text)
  const announce = document.getElementById(page.ids.announce)
  let lastState = tag.textContent.trim()
  document.getElementById('refresh-note').hidden = false

  const poll = async function () {
    let progress
    try {
      const response = await fetch(page.url, {
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
    const finished = page.finished(progress)
    if (finished && page.reloadWhenFinished) {
      window.location.reload()
      return false
    }
    if (progress.tag) {
      tag.classList.remove(...TAGS)
      tag.classList.add(progress.tag)
    }
    tag.textContent = progress.stateLabel
    bar.value = progress.percent
    bar.textContent = progress.percent + '%'
    text.textContent = progress.text
    if (page.show) {
      page.show(progress)
    }
    if (progress.stateLabel !== lastState) {
      lastState = progress.stateLabel
      announce.textContent = progress.stateLabel + '. ' + progress.text
    }
    return !finished
  }

  const loop = async function () {
    if (await poll()) {
      window.setTimeout(loop, INTERVAL_MS)
    }
  }
  window.setTimeout(loop, INTERVAL_MS)
}
