"""Macros for the prose pages in `content/`, loaded by mkdocs-macros (`module_name: macros`).

The data itself is loaded and validated once, by the `portfolio` plugin (plugin.py); each
macro here just renders a template from `overrides/portfolio/` with that data. Macro
output is Markdown that mkdocs converts with the rest of the page.
"""

from __future__ import annotations

from .errors import did_you_mean
from .render import md, url


def define_env(env):
    """Register one macro per card or list kind that prose pages can place."""
    plugin = env.conf.plugins["portfolio"]

    def fragment(template: str, **context):
        return plugin.render_fragment(template, env.page, **context)

    @env.macro
    def resistance_type_index():
        """The resistant behaviours, each with its summary and a link to its page."""
        return fragment("resistance_type_index.md")

    @env.macro
    def case_study_index():
        """Every case study with its one-line summary and the resistance types it illustrates."""
        return fragment("case_study_index.md")

    @env.macro
    def factor_list(list_id: str):
        """One of Part One's lists (what underlies resistance, when it manifests)."""
        return fragment("factor_list.md", entry=_entry(plugin, "factor_lists", list_id))

    @env.macro
    def key_messages(set_id: str):
        """The key messages that close a Part."""
        return fragment("key_messages.md", entry=_entry(plugin, "key_messages", set_id))

    @env.macro
    def question_set(set_id: str):
        """A set of reflective questions, with the behaviours it helps with."""
        return fragment("question_set.md", entry=_entry(plugin, "question_sets", set_id))

    @env.macro
    def ready_reckoner():
        """The Disguised Compliance Ready Reckoner table and its actions."""
        return fragment("ready_reckoner.md", entry=plugin.data.ready_reckoner)

    @env.macro
    def course_catalogue():
        """All courses, filterable by provider, length and audience."""
        return fragment("course_catalogue.md")

    @env.macro
    def training_resource_index():
        """The training resources listed with the courses."""
        return fragment("training_resource_index.md")

    @env.macro
    def tool_index():
        """Part Five's tools with links to their pages."""
        return fragment("tool_index.md")

    @env.macro
    def resource_table():
        """Part Six's additional resources as a table."""
        return fragment("resource_table.md")

    @env.macro
    def bibliography():
        """The reference list, one anchor per reference, with the pages that cite it."""
        return fragment("bibliography.md")

    @env.macro
    def local_contacts():
        """The committee's local contacts (data/local/contacts.yml)."""
        return fragment("local_contacts.md")

    @env.macro
    def changelog():
        """The 'What's changed' list (data/changelog.yml), newest first."""
        return fragment("changelog.md")

    @env.macro
    def setting(path: str):
        """One of the committee's settings (data/site.yml), e.g. setting("contact.name"), as safe text."""
        value = plugin.data.site
        for part in path.split("."):
            value = getattr(value, part)
        return md(str(value))

    @env.macro
    def contact_email():
        """The committee's contact address as a mail link."""
        email = plugin.data.site.contact.email
        return f"[{md(email)}](mailto:{url(email)})"

    @env.macro
    def contact_phone():
        """The committee's contact phone as a list item, when it has one."""
        phone = plugin.data.site.contact.phone
        return f"- Telephone: {md(phone)}" if phone else ""

    @env.macro
    def glossary_table():
        """Every abbreviation and term with its expansion."""
        return fragment("glossary_table.md")


def _entry(plugin, kind: str, entry_id: str):
    entries = plugin.data.by_id[kind]
    if entry_id not in entries:
        raise KeyError(f"no {kind} entry with id '{entry_id}'{did_you_mean(entry_id, entries)}")
    return entries[entry_id]
