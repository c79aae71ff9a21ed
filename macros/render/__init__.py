"""Templates (overrides/portfolio/) into page Markdown, HTML and CSS. Python decides what to show;
the templates decide how. Nothing here imports mkdocs."""
