// Live progress of a running scan on the overview: polls the scan API, then reloads once it ends.
(function () {
  "use strict";
  var box = document.getElementById("scan-running");
  if (!box) {
    return;
  }
  var id = box.getAttribute("data-scan-id");
  var bar = document.getElementById("scan-progress");
  var text = document.getElementById("scan-progress-text");
  function poll() {
    fetch("/api/v1/scans/" + encodeURIComponent(id), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (scan) {
        if (scan.unitsTotal !== null && scan.unitsTotal !== undefined) {
          bar.max = scan.unitsTotal;
          var failed = scan.unitsFailed || 0;
          bar.value = scan.unitsDone + failed;
          text.textContent = scan.unitsDone + " of " + scan.unitsTotal + " repositories"
            + (failed > 0 ? " (" + failed + " could not be scanned)" : "");
        }
        if (scan.status !== "running") {
          text.textContent = "Scan " + scan.status + "; refreshing…";
          window.location.reload();
          return;
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 500);
})();
