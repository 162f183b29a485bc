// Starts the GOV.UK Frontend components (error summary focus, radios, checkboxes, service navigation
// toggle, notification banners). Loaded as a module from our own origin, so the pages need no inline
// script and the Content-Security-Policy can forbid all of them.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

// "Print" needs script, so it is hidden until script runs.
document.querySelectorAll('.frontdoor-print').forEach(function (button) {
  button.hidden = false
  button.addEventListener('click', function () { window.print() })
})
