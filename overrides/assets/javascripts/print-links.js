/* Print buttons on handout pages work only with script, so this shows them and opens the print dialog.
   On paper a link cannot be followed, so this writes the public address of each link in the page
   content after it, as text shown only in print (not citations, glossary marks or heading anchors,
   which would only clutter the page), and fills in the page's own address where a handout prints it.
   The public address is the hosted site's (its canonical link, from SITE_URL), or the address the page
   was opened at when that is a real web address; never a loopback or file address, which would mean
   nothing to whoever reads the paper: with neither, no address is printed. It reads the page only; it
   stores and sends nothing. */
(function () {
  "use strict";

  var LOCAL_HOST = /^(localhost|.*\.localhost|127(\.\d+){3}|0\.0\.0\.0|\[::1?\])$/i;

  function publicAddress() {
    var canonical = document.querySelector("link[rel=canonical]");
    if (canonical) return canonical.href;
    if (/^https?:$/.test(window.location.protocol) && !LOCAL_HOST.test(window.location.hostname)) {
      return window.location.href.split("#")[0];
    }
    return null;
  }

  function printedAddress(href, base) {
    if (/^https?:/i.test(href)) return href;
    if (/^mailto:/i.test(href)) return decodeURIComponent(href.slice(7).split("?")[0]);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || !base) return null;
    return new URL(href, base).href;
  }

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
    var base = publicAddress();
    // A handout's own address, when the build did not know it (no SITE_URL) but the page has a public one;
    // not in the printed portfolio, where the slots are other pages'.
    Array.prototype.forEach.call(document.querySelectorAll(".wwr-address[hidden]"), function (slot) {
      var slotted = slot.querySelector(".wwr-page-address");
      if (!base || !slotted || slot.closest(".wwr-print-body")) return;
      var link = slotted;
      if (slotted.tagName !== "A") {  // the build leaves an empty slot, never a link with no address
        link = document.createElement("a");
        link.className = "wwr-page-address";
        slotted.replaceWith(link);
      }
      link.setAttribute("href", base);
      link.textContent = base;
      slot.hidden = false;
    });
    Array.prototype.forEach.call(document.querySelectorAll("article a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink") || link.classList.contains("wwr-cite")) return;
      if (link.closest(".wwr-no-print-href, .wwr-screen-only") || link.hasAttribute("download")) return;
      var next = link.nextElementSibling;
      if (next && next.classList.contains("wwr-print-href")) return;
      var shown = printedAddress(href, base);
      if (!shown || link.textContent.trim() === shown) return;
      var printed = document.createElement("span");
      printed.className = "wwr-print-href";
      printed.textContent = " (" + shown + ")";
      link.after(printed);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
})();
