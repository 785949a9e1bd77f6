/* Keeps a part of the page up to date while something runs on the server.
 *
 * An element with data-poll-url is replaced, every data-poll-seconds (default 1), by the
 * HTML that URL returns; polling stops when the new content carries no data-poll-url
 * (the job has finished). What htmx's hx-trigger="every 1s" does, in a few lines the
 * strict Content-Security-Policy allows (a script file of our own, no inline code).
 */
(function () {
  "use strict";

  function poll(element) {
    var seconds = parseFloat(element.dataset.pollSeconds || "1");
    window.setTimeout(function () {
      fetch(element.dataset.pollUrl, { credentials: "same-origin", headers: { "X-Requested-With": "poll" } })
        .then(function (response) {
          // Sent to the login page (the session ended): show it rather than poll on.
          if (response.redirected) { window.location.reload(); return new Promise(function () {}); }
          if (!response.ok) { throw new Error(response.status); }
          return response.text();
        })
        .then(function (html) {
          var template = document.createElement("template");
          template.innerHTML = html.trim();
          var fresh = template.content.firstElementChild;
          element.replaceWith(fresh);
          if (fresh.dataset.pollUrl) { poll(fresh); }
        })
        .catch(function () { poll(element); });  // a hiccup: try again on the next tick
    }, seconds * 1000);
  }

  document.querySelectorAll("[data-poll-url]").forEach(poll);
})();
