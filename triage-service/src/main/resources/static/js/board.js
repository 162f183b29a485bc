// The duty manager's board, live. The server renders every row (the same template fragment as the
// page), so this script only places rows: a 'board' event replaces them all (on connecting, and again
// after every reconnect, so nothing missed while offline stays missing); an 'alert' event adds,
// replaces or removes one row, keeping the board's order (soonest due first), and updates the counts.
// Changes are announced to screen readers through a polite live region, naming the duty, never a child.
const rows = document.getElementById('alert-rows')
const status = document.getElementById('board-live-status')
const reloadNote = document.getElementById('board-reload-note')
const announcements = document.getElementById('board-announcements')
const region = document.getElementById('alerts-region')
const empty = document.getElementById('alerts-empty')

function parseRows (html) {
  const template = document.createElement('template')
  template.innerHTML = html || ''
  return Array.from(template.content.querySelectorAll('tr'))
}

function showCounts (data) {
  document.getElementById('count-breached').textContent = data.breaches
  document.getElementById('count-warnings').textContent = data.warnings
}

function showEmptyOrTable () {
  const none = rows.querySelectorAll('tr').length === 0
  empty.hidden = !none
  region.hidden = none
}

function place (row) {
  const due = Number(row.dataset.due)
  const later = Array.from(rows.querySelectorAll('tr')).find(function (other) {
    return Number(other.dataset.due) > due
  })
  rows.insertBefore(row, later || null)
}

function setStatus (text) {
  status.textContent = text
  status.hidden = false
}

if (rows && 'EventSource' in window) {
  const source = new EventSource(rows.dataset.stream)
  source.addEventListener('open', function () {
    setStatus('Live: new alerts appear here as they happen, without reloading.')
    reloadNote.hidden = true
  })
  source.addEventListener('error', function () {
    // The browser reconnects by itself; the board event that follows brings the rows up to date.
    setStatus('Reconnecting to live alerts…')
  })
  source.addEventListener('board', function (message) {
    const data = JSON.parse(message.data)
    rows.replaceChildren.apply(rows, parseRows(data.html))
    showCounts(data)
    showEmptyOrTable()
  })
  source.addEventListener('alert', function (message) {
    const data = JSON.parse(message.data)
    const existing = Array.from(rows.querySelectorAll('tr')).find(function (row) {
      return row.dataset.alertId === data.alertId
    })
    if (existing) {
      existing.remove()
    }
    parseRows(data.html).forEach(place)
    showCounts(data)
    showEmptyOrTable()
    if (data.announcement) {
      announcements.textContent = data.announcement
    }
  })
}
