"""newsgraph: who did what to whom, who said what, and who stayed silent — with evidence."""

__version__ = "0.1.0"
