/* Ready reckoner (appendix/ready-reckoner): counts the ticks for each visit, in the table's foot and
   in the tally a phone keeps in view, and shows the action they point to. It keeps nothing: no
   cookies, no storage, no requests. "Clear" resets the form;
   "Print" opens the browser's print dialog. (print-links.js writes the page's public address into the printed footer.) */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("reckoner");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var visits = parseInt(form.getAttribute("data-visits"), 10);
    var reading = document.getElementById("reckoner-reading");

    function update() {
      Array.prototype.forEach.call(form.querySelectorAll("input[type='date']"), function (input) {
        input.classList.toggle("wwr-empty", !input.value);
      });
      var latest = 0;
      // A blank sheet prints blank count cells, to be filled in by hand; once anything is ticked, each
      // visit's count shows, 0 included.
      var any = form.querySelector("input.wwr-tick:checked") !== null;
      for (var visit = 1; visit <= visits; visit += 1) {
        var ticked = form.querySelectorAll("input.wwr-tick[data-visit='" + visit + "']:checked").length;
        document.getElementById("count-" + visit).textContent = any ? String(ticked) : "";
        var tally = form.querySelector("[data-tally='" + visit + "']");
        if (tally) tally.querySelector("b").textContent = String(ticked);
        var action = document.getElementById("action-" + visit);
        action.classList.remove("wwr-reckoner__action--current");
        if (ticked > 0) latest = visit;
      }
      Array.prototype.forEach.call(form.querySelectorAll("[data-tally]"), function (tally) {
        tally.classList.toggle("wwr-reckoner__tally-visit--current", tally.getAttribute("data-tally") === String(latest));
      });
      if (latest === 0) {
        reading.textContent = "No indicators ticked yet.";
        return;
      }
      var current = document.getElementById("action-" + latest);
      current.classList.add("wwr-reckoner__action--current");
      var heading = document.getElementById("visit-" + latest).textContent;
      var text = current.querySelector(".wwr-reckoner__action-text").textContent;
      reading.textContent = "The ticks point to the action under " + heading + ": " + text;
    }

    form.addEventListener("change", update);
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var print = form.querySelector("[data-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
    update();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
