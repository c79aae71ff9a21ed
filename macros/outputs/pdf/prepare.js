// Run in each page `./run pdf` prints (macros/outputs/pdf/printer.py), in print media, before printing.
// The page is served from a loopback address that must never reach paper: a link to another page of the
// site is made a link to its public address (SITE_URL) or, without one, plain text. In-page links
// (#id) stay, and jump within the PDF. Returns what the PDF's metadata and link descriptions need, and
// any loopback address still in the printed text (the command stops on one).
({ publicRoot }) => {
  const here = window.location;
  for (const link of document.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (href.startsWith("#")) continue;
    const target = new URL(href, here.href);
    if (target.origin !== here.origin) continue;
    if (publicRoot) {
      link.setAttribute("href", publicRoot + target.pathname.slice(1) + target.search + target.hash);
    } else {
      link.removeAttribute("href");
    }
  }
  const meta = (name) => (document.querySelector(`meta[name="${name}"]`) || {}).content || "";
  const printed = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  const links = [];
  for (const link of document.querySelectorAll("a[href]")) {
    if (!printed(link)) continue;
    const href = link.getAttribute("href");
    const target = href.startsWith("#") ? decodeURIComponent(href.slice(1)) : link.href;
    links.push([target, link.innerText.replace(/\s+/g, " ").trim()]);
  }
  const text = document.body.innerText;
  const local = [];
  for (const address of [here.origin, here.host, "localhost", "127.0.0.1"]) {
    if (text.includes(address)) local.push(address);
  }
  return {
    title: meta("wwr-pdf-title") || document.title,
    author: meta("author"),
    subject: meta("description"),
    keywords: meta("keywords"),
    links,
    local,
  };
};
