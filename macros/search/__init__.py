"""Search in practitioners' own words: each page's keywords (the site's additions) and its hyphenated
words written solid, added to the search index that Material's search reads. No mkdocs here."""
