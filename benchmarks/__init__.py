"""Benchmark of the portfolio generator (issue 7); run `python -m benchmarks [--quick]`.

It measures what the generator costs over hand-written Markdown: every synthetic project
is built twice, once by the generator and once as a static copy of the very same pages,
so the ratio isolates the generator from mkdocs and the theme. See BENCHMARKS.md.
"""
