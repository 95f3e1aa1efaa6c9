"""Evaluation: scoring a page's record against a gold annotation, and the runs behind ``newsgraph eval``."""
