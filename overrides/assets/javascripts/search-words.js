/* Search in practitioners' words: leave common words ("on", "me", "the") out of a search before
   Material's search worker sees it. Material adds a wildcard to every word typed, so "on" would
   otherwise match "online" and "me" "media", and "impact on children" would rank a page about
   on-line behaviours first. The words left out are lunr's own English stop words, which the index
   never holds anyway. A search made only of such words is sent as typed. Then each word that is
   a regular inflection brings the start all its forms share ("filming" brings "film"), so a search
   finds a page whatever form of the word it uses. This changes the message to the worker only: what
   the reader typed stays in the box; nothing is stored or sent anywhere. */
(function () {
  "use strict";

  var QUERY = 2; // Material's SearchMessageType.QUERY
  var COMMON = ("a able about across after all almost also am among an and any are as at be because been but by can cannot " +
    "could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into " +
    "is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own " +
    "rather said say says she should since so some than that the their them then there these they this tis to too twas us " +
    "wants was we were what when where which while who whom why will with would yet you your").split(" ");
  var common = {};
  COMMON.forEach(function (word) { common[word] = true; });

  function withoutCommonWords(query) {
    var words = query.split(/\s+/);
    var kept = words.filter(function (word) {
      return !common[word.toLowerCase().replace(/[^a-z']/g, "").replace(/'.*$/, "")];
    });
    return kept.join(" ").trim() ? kept.join(" ") : query;
  }

  /* The start every regular form of a word shares: "filming", "filmed" and "films" give "film";
     "cancelled" gives "cancel"; "engaged" gives "engag" (engage, engaging, engagement); "families"
     gives "famil". Material adds a wildcard to it as to every word, so "filming" also finds a page
     that says "filmed". Null when the word is not an inflection, or the start would be under 4 letters. */
  var MIN_START = 4;

  function sharedStart(word) {
    var base = null;
    var ending = /^(.{3,})(ing|ed)$/.exec(word);
    if (ending) {
      base = ending[1];
      if (ending[2] === "ed" && /i$/.test(base)) base = base.slice(0, -1);
      else if (base.length > 3 && base[base.length - 1] === base[base.length - 2] && "slz".indexOf(base[base.length - 1]) < 0) base = base.slice(0, -1);
      else if (/ll$/.test(base) && base.length > 4) base = base.slice(0, -1);
    } else if (/ies$/.test(word) && word.length > 4) {
      base = word.slice(0, -3);
    } else if (/(ches|shes|sses|xes)$/.test(word)) {
      base = word.slice(0, -2);
    } else if (/s$/.test(word) && !/(ss|us|is)$/.test(word) && word.length > MIN_START) {
      base = word.slice(0, -1);
    }
    if (base && /e$/.test(base)) base = base.slice(0, -1);
    return base && base.length >= MIN_START && base !== word ? base : null;
  }

  function withSharedStarts(query) {
    var added = [];
    query.split(/\s+/).forEach(function (word) {
      if (!/^[a-z]+$/i.test(word)) return; // leave quoted, wildcarded or +/- words as typed
      var start = sharedStart(word.toLowerCase());
      if (start && added.indexOf(start) < 0) added.push(start);
    });
    return added.length ? query + " " + added.join(" ") : query;
  }

  if (typeof window.Worker !== "function" || !window.Worker.prototype.postMessage) return;
  var post = window.Worker.prototype.postMessage;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && message.data.indexOf('"') < 0) {
      arguments[0] = { type: message.type, data: withSharedStarts(withoutCommonWords(message.data)) };
    }
    return post.apply(this, arguments);
  };
})();
