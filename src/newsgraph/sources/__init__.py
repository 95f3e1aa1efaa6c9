"""Web sources: the SSRF-safe fetcher, robots.txt and politeness, RSS/Atom feeds, sitemaps, WARC archives."""
