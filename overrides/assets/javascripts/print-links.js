/* Print buttons on handout pages work only with script, so this shows them and opens the print dialog.
   On paper a link cannot be followed, so print.css shows its address after it. This records the
   full address of each link in the page content (not citations, glossary marks or heading
   anchors, which would only clutter the page). It reads the page only; it stores and sends nothing. */
(function () {
  "use strict";

  function mark() {
    // "Print this handout" buttons are hidden until this script can make them work.
    Array.prototype.forEach.call(document.querySelectorAll("button[data-print-page]"), function (button) {
      button.hidden = false;
      if (button.getAttribute("data-ready")) return;
      button.setAttribute("data-ready", "true");
      button.addEventListener("click", function () { window.print(); });
    });
    // "Report a problem" mails this page's full address, wherever the site is hosted; an offline copy
    // (file://) gives the hosted site's address when it was built with one (its canonical link).
    var canonical = document.querySelector("link[rel=canonical]");
    var address = window.location.protocol === "file:" && canonical ? canonical.href : window.location.href;
    Array.prototype.forEach.call(document.querySelectorAll("a.wwr-report[href^='mailto:']"), function (link) {
      var body = encodeURIComponent("Page: " + address + "\n\nWhat is wrong:\n");
      link.setAttribute("href", link.getAttribute("href").replace(/body=[^&]*/, "body=" + body));
    });
    Array.prototype.forEach.call(document.querySelectorAll(".wwr-page-address"), function (slot) {
      if (!slot.textContent) slot.textContent = address.split("#")[0];
    });
    var links = document.querySelectorAll("article a[href]");
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink") || link.classList.contains("wwr-cite")) return;
      if (link.closest(".wwr-no-print-href")) return;
      link.setAttribute("data-print-href", link.href);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
})();
