/* Ready reckoner (appendix/ready-reckoner): counts the ticks for each visit, in the table's foot and
   in the tally a phone keeps in view, and shows the action they point to: the one under the latest
   visit with a tick, and says so in the tally and the line under the actions. It keeps nothing: no
   cookies, no storage, no requests. "Clear" resets the form and offers "Undo", which puts back exactly
   what the form held, until the form is changed again; "Print" opens the browser's print dialog.
   (print-links.js writes the page's public address into the printed footer.) */
(function () {
  "use strict";

  function setup() {
    const form = document.getElementById("reckoner");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    const visits = parseInt(form.getAttribute("data-visits"), 10);
    const reading = document.getElementById("reckoner-reading");
    const reads = form.querySelector(".wwr-reckoner__tally-reads");
    const undoLine = form.querySelector(".wwr-reckoner__undo");
    const undo = form.querySelector("[data-undo]");
    const clear = form.querySelector("button[type='reset']");
    let cleared = null; // what each field held before Clear, while Undo is offered

    function fields() {
      return Array.prototype.slice.call(form.querySelectorAll("input"));
    }

    function update() {
      fields().forEach(function (input) {
        if (input.type === "date") input.classList.toggle("wwr-empty", !input.value);
      });
      let latest = 0;
      // A blank sheet prints blank count cells, to be filled in by hand; once anything is ticked, each
      // visit's count shows, 0 included.
      const any = form.querySelector("input.wwr-tick:checked") !== null;
      for (let visit = 1; visit <= visits; visit += 1) {
        const ticked = form.querySelectorAll("input.wwr-tick[data-visit='" + visit + "']:checked").length;
        document.getElementById("count-" + visit).textContent = any ? String(ticked) : "";
        const tally = form.querySelector("[data-tally='" + visit + "']");
        if (tally) tally.querySelector("b").textContent = String(ticked);
        document.getElementById("action-" + visit).classList.remove("wwr-reckoner__action--current");
        if (ticked > 0) latest = visit;
      }
      Array.prototype.forEach.call(form.querySelectorAll("[data-tally]"), function (tally) {
        tally.classList.toggle("wwr-reckoner__tally-visit--current", tally.getAttribute("data-tally") === String(latest));
      });
      if (latest === 0) {
        reading.textContent = "No indicators ticked yet.";
        if (reads) reads.textContent = "No ticks yet";
        return;
      }
      const current = document.getElementById("action-" + latest);
      current.classList.add("wwr-reckoner__action--current");
      const heading = document.getElementById("visit-" + latest).textContent;
      const text = current.querySelector(".wwr-reckoner__action-text").textContent;
      reading.textContent = heading + " is the latest visit with a tick, so the action under it applies. " + text;
      if (reads) reads.textContent = "Action from " + heading + ": the latest visit with a tick";
    }

    function forget() {
      cleared = null;
      if (undoLine) undoLine.hidden = true;
    }

    form.addEventListener("input", forget);
    form.addEventListener("change", function () {
      forget();
      update();
    });
    // The reset event comes before the form is emptied: what it held is read here.
    form.addEventListener("reset", function () {
      const held = fields().map(function (input) {
        return input.type === "checkbox" ? input.checked : input.value;
      });
      const anything = held.some(function (value) { return value === true || (typeof value === "string" && value !== ""); });
      window.setTimeout(function () {
        update();
        if (!anything || !undoLine || !undo) return;
        cleared = held;
        undoLine.hidden = false;
        reading.textContent = "The form was cleared. To put back what it held, press Undo.";
      }, 0);
    });
    if (undo) {
      undo.addEventListener("click", function () {
        if (!cleared) return;
        const held = cleared;
        fields().forEach(function (input, index) {
          if (input.type === "checkbox") input.checked = held[index];
          else input.value = held[index];
        });
        forget();
        update();
        reading.textContent = "Put back as it was. " + reading.textContent;
        if (clear) clear.focus();
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    const print = form.querySelector("[data-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
    update();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
