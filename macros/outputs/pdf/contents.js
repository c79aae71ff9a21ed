// Write each contents entry's page number (macros/outputs/pdf/printer.py read them from the printed
// PDF: the page each link's target lands on). Returns whether any number changed.
(numbers) => {
  let changed = false;
  for (const link of document.querySelectorAll(".wwr-contents a[href^='#']")) {
    const slot = link.querySelector(".wwr-contents__page");
    const number = numbers[decodeURIComponent(link.getAttribute("href").slice(1))];
    const text = number === undefined ? "" : String(number);
    if (slot && slot.textContent !== text) {
      slot.textContent = text;
      changed = true;
    }
  }
  return changed;
};
