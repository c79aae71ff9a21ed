/* Search in practitioners' words: leave common words ("on", "me", "the") out of a search before
   Material's search worker sees it. Material adds a wildcard to every word typed, so "on" would
   otherwise match "online" and "me" "media", and "impact on children" would rank a page about
   on-line behaviours first. The words left out are lunr's own English stop words, which the index
   never holds anyway. A search made only of such words is sent as typed. Then each word that is
   a regular inflection brings the start all its forms share ("filming" brings "film"), so a search
   finds a page whatever form of the word it uses; and each run of two to four words typed is sent run
   together ("won't let in" as "_wontletin"), as practitioners' phrases are indexed (macros/search/phrases.py).

   When the results come back, before Material shows them, each result's score is weighed by the share of
   the words typed that it matches: one page cannot win a search on one of its words when another
   matches them all ("drunk parent": "Threats of violence", whose keywords say "parent", however strongly,
   comes after the pages about parents' drinking). This changes the messages between the page and the worker
   only: what the reader typed stays in the box; nothing is stored or sent anywhere. */
(function () {
  "use strict";

  const QUERY = 2; // Material's SearchMessageType.QUERY
  const RESULT = 3; // ... and SearchMessageType.RESULT
  const COMMON = ("a able about across after all almost also am among an and any are as at be because been but by can cannot " +
    "could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into " +
    "is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own " +
    "rather said say says she should since so some than that the their them then there these they this tis to too twas us " +
    "wants was we were what when where which while who whom why will with would yet you your").split(" ");
  const common = {};
  COMMON.forEach(function (word) { common[word] = true; });

  /* The start every regular form of a word shares: "filming", "filmed" and "films" give "film";
     "cancelled" gives "cancel"; "engaged" gives "engag" (engage, engaging, engagement); "families"
     gives "famil"; "escalate" gives "escalat" and "ambivalent" "ambivalen". Material adds a wildcard to it as to every word, so "filming" also finds a page
     that says "filmed". Null when the word is not an inflection, or the start would be under 4 letters. */
  const MIN_START = 4;

  function sharedStart(word) {
    let base = null;
    const ending = /^(.{3,})(ing|ed)$/.exec(word);
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
    } else if (/(ate|ent)$/.test(word) && word.length > 6) {
      base = word.slice(0, -1); // "escalate" gives "escalat" (escalating), "ambivalent" "ambivalen" (ambivalence)
    }
    if (base && /e$/.test(base)) base = base.slice(0, -1);
    return base && base.length >= MIN_START && base !== word ? base : null;
  }

  /* Practitioners' phrases of two to four words ("won't let in": data/search_phrases.yml, and keywords) are
     indexed as one word, their letters run together after a mark ("_wontletin"), since common words are not
     indexed at all. So each run of two to four words typed is sent that way too, and a page holding the
     phrase matches every word of the run. */
  const LONGEST_PHRASE = 4;
  const PHRASE_MARK = "_"; // so that no word typed matches a phrase as the start of a longer word

  function phrasesIn(typed) {
    const plain = typed.map(function (word) { return word.toLowerCase().replace(/[^a-z0-9]/g, ""); });
    const found = [];
    for (let from = 0; from < plain.length; from++) {
      for (let to = from + 2; to <= Math.min(plain.length, from + LONGEST_PHRASE); to++) {
        if (plain.slice(from, to).every(Boolean)) found.push({ text: PHRASE_MARK + plain.slice(from, to).join(""), from: from, to: to });
      }
    }
    return found;
  }

  /* The query to send, and the words typed, each with the forms sent for it: [["cancelled", "cancel",
     "cancelledvisits"], ["visits", "visit", "cancelledvisits"]]. */
  function prepared(text) {
    const typed = text.trim().split(/\s+/).filter(Boolean);
    const keptAt = typed.map(function (_, at) { return at; }).filter(function (at) {
      return !common[typed[at].toLowerCase().replace(/[^a-z']/g, "").replace(/'.*$/, "")];
    });
    const at = keptAt.length ? keptAt : typed.map(function (_, at) { return at; }); // only common words: sent as typed
    const phrases = phrasesIn(typed);
    const added = [];
    const words = [];
    const positions = []; // where each of `words` was typed
    function add(form) { if (added.indexOf(form) < 0) added.push(form); }
    at.forEach(function (position) {
      const word = typed[position];
      if (!/^[a-z]+$/i.test(word)) { // leave quoted, wildcarded or +/- words as typed
        if (/^[a-z][a-z']*$/i.test(word)) {
          words.push([word.toLowerCase()]);
          positions.push(position);
        }
        return;
      }
      const forms = [word.toLowerCase()];
      const start = sharedStart(forms[0]);
      if (start) {
        forms.push(start);
        add(start);
      }
      words.push(forms);
      positions.push(position);
    });
    phrases.forEach(function (phrase) {
      add(phrase.text);
      words.forEach(function (forms, index) {
        if (phrase.from <= positions[index] && positions[index] < phrase.to) forms.push(phrase.text);
      });
    });
    const query = at.map(function (position) { return typed[position]; }).join(" ");
    return { query: added.length ? query + " " + added.join(" ") : query, words: words };
  }

  /* The share of the words typed that an item (a page's own entry, or one of its sections) matches, in any
     form (Material's `terms`: each word sent, and whether the item matched it). */
  function share(item, words) {
    const terms = item.terms || {};
    return words.filter(function (forms) {
      return forms.some(function (form) { return terms[form] === true; });
    }).length / words.length;
  }

  /* An item's score without the boost Material gives after the search, 1 + (1 + share of words matched)²
     for a page's own entry, 1 + share² for a section: the share is weighed here instead. A page's own
     entry (its title, its opening) still counts twice a section, as Material intends. */
  const ARTICLE = 2;

  function unboosted(item) {
    const terms = Object.keys(item.terms || {});
    const matchedShare = terms.length ? terms.filter(function (term) { return item.terms[term]; }).length / terms.length : 0;
    return (item.score || 0) / (1 + Math.pow((item.parent ? 0 : 1) + matchedShare, 2)) * (item.parent ? 1 : ARTICLE);
  }

  /* The worker's results (one group per page, best first), each item's score weighed by the share of the
     words typed that it matches, and each page ranked by its best item: a page's entry or section matching
     half of the words needs 2^COVERAGE_WEIGHT times the score of one matching them all to come before it.
     Otherwise in the worker's order (sort is stable). */
  const COVERAGE_WEIGHT = 3;

  function byWordsMatched(groups, words) {
    if (!Array.isArray(groups) || words.length < 2) return;
    const weighed = new Map(groups.map(function (group) {
      return [group, Math.max.apply(null, group.map(function (item) {
        return unboosted(item) * Math.pow(share(item, words), COVERAGE_WEIGHT);
      }))];
    }));
    groups.sort(function (a, b) { return weighed.get(b) - weighed.get(a); });
  }

  if (typeof window.Worker !== "function" || !window.Worker.prototype.postMessage) return;
  const sent = new WeakMap(); // each worker's queries awaiting results, oldest first: it answers them in order
  const ranked = new WeakSet();

  /* Material reads each result as its worker's message event's `data`, in a listener added before this
     script runs; so the results are put in order as they are read, once each. */
  const data = window.MessageEvent && Object.getOwnPropertyDescriptor(window.MessageEvent.prototype, "data");
  if (data && data.get && data.configurable) {
    Object.defineProperty(window.MessageEvent.prototype, "data", {
      configurable: true,
      enumerable: data.enumerable,
      get: function () {
        const message = data.get.call(this);
        const queue = this.target && sent.get(this.target);
        if (queue && message && message.type === RESULT && !ranked.has(message)) {
          ranked.add(message);
          const words = queue.shift();
          if (words && message.data) byWordsMatched(message.data.items, words);
        }
        return message;
      },
    });
  }

  const post = window.Worker.prototype.postMessage;
  window.Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      if (!sent.has(this)) sent.set(this, []);
      if (message.data.indexOf('"') < 0) {
        const query = prepared(message.data);
        arguments[0] = { type: message.type, data: query.query };
        sent.get(this).push(query.words);
      } else {
        sent.get(this).push([]);
      }
    }
    return post.apply(this, arguments);
  };
})();
