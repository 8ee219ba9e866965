// Added by 'noticegen serve' to the pages it serves, never to built files: reloads the page when a new build is served.
// The page works without it; the server's event stream sends the id of each build, and this page knows its own.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) {
    return;
  }

  var build = script.getAttribute("data-build");
  var events = script.getAttribute("data-events");
  var source = null;

  function connect() {
    source = new EventSource(events);
    source.onmessage = function (event) {
      if (event.data !== build) {
        source.close();
        window.location.reload();
      }
    };
  }

  // A page kept in the back-forward cache must not hold one of the browser's few connections per host.
  window.addEventListener("pagehide", function () {
    if (source) {
      source.close();
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      connect();
    }
  });
  connect();
})();
