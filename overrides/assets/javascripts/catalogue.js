/* Course catalogue filter (content/courses/index.md): shows the courses that match the chosen
   provider, length and audience, and, when asked, only those with dates. It works on the page alone: it stores nothing and requests
   nothing. Without script the form stays hidden and every course is listed. */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("course-filters");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var courses = Array.prototype.slice.call(document.querySelectorAll(".wwr-course"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var flags = Array.prototype.slice.call(form.querySelectorAll("input[data-flag]"));
    var status = form.querySelector(".wwr-filter-status");

    function matches(course, select) {
      if (!select.value) return true;
      var values = (course.getAttribute("data-" + select.getAttribute("data-facet")) || "").split("|");
      return values.indexOf(select.value) !== -1;
    }

    function apply() {
      var shown = 0;
      courses.forEach(function (course) {
        var match = selects.every(function (select) { return matches(course, select); }) &&
          flags.every(function (flag) { return !flag.checked || course.getAttribute("data-" + flag.getAttribute("data-flag")) === "yes"; });
        course.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " of " + courses.length + " courses shown";
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
