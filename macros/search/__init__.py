"""Search in practitioners' own words: each page's keywords (the site's additions) and the other
forms of the words it uses, added to the search index that Material's search reads. No mkdocs here."""
