"""Analyses that read the stored facts and the knowledge base: related articles, popular entities and
events, entity profiles, merged-event listings, the stance board, and what the pages show (``overview``)."""
