"""strife's HTTP API and web page (`strife serve`): FastAPI over the library, with its OpenAPI spec at /openapi.json.

    from strife.api import create_app
    app = create_app("strife.db", token=None)       # read-only: writing is off without a token
    # uvicorn.run(app, host="127.0.0.1", port=8000), or run_server(app, options, workers=2)

The read functions behind the routes are in `strife.api.reads`, usable without a server.
"""

from strife.api.app import create_app, run_server

__all__ = ["create_app", "run_server"]
