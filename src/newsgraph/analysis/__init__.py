"""Analyses over the knowledge base: related articles, popular entities, merged events, stance board."""
