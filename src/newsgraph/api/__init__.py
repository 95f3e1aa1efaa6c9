"""The REST API (FastAPI): the app (:mod:`newsgraph.api.app`, ``create_app``), its routes per resource,
response schemas, the error envelope, dependencies, the result cache and the server (``newsgraph serve``)."""
