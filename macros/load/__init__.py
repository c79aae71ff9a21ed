"""Reading `data/` and `content/` into one validated, cross-linked data set, once per build.

`load_project` is the one entry: it returns the SiteData and the prose index, or raises
DataError listing every problem found, each as `file:line: field: reason`. Nothing here
imports mkdocs, so commands and other engines use it as the build does.
"""

from .errors import DataError, DataProblem
from .project import Project, load_project, load_site_data
from .warnings import things_to_check

__all__ = ["DataError", "DataProblem", "Project", "load_project", "load_site_data", "things_to_check"]
