/* Search in practitioners' words: leave common words ("on", "me", "the") out of a search before
   Material's search worker sees it. Material adds a wildcard to every word typed, so "on" would
   otherwise match "online" and "me" "media", and "impact on children" would rank a page about
   on-line behaviours first. The words left out are lunr's own English stop words, which the index
   never holds anyway. A search made only of such words is sent as typed. This changes the message
   to the worker only: what the reader typed stays in the box; nothing is stored or sent anywhere. */
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

  if (typeof window.Worker !== "function" || !window.Worker.prototype.postMessage) return;
  var post = window.Worker.prototype.postMessage;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && message.data.indexOf('"') < 0) {
      arguments[0] = { type: message.type, data: withoutCommonWords(message.data) };
    }
    return post.apply(this, arguments);
  };
})();
