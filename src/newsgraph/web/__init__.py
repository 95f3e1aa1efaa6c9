"""The web pages: Jinja2 templates, local static assets, and the routes in :mod:`newsgraph.web.pages`."""
