"""``govkg serve``: uvicorn over the app, after checking the store can be opened."""
from __future__ import annotations

import sys


def run(host: str | None = None, port: int | None = None, store: str | None = None) -> int:
    """Serve until interrupted; 1 with a one-line reason when the store cannot be opened."""
    import uvicorn

    from govkg.api.app import create_app
    from govkg.errors import StoreError
    from govkg.settings import ApiConfig
    from govkg.store import open_store

    config = ApiConfig.from_env()
    config = config.with_(host=host, port=port, store=config.store.with_(store=store))
    for warning in config.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    try:  # fail here with one line rather than in the app's startup
        probe = open_store(config.store, read_only=True)
        try:
            probe.counts()
            kind = type(probe).__name__
        finally:
            probe.close()
    except (StoreError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    # the app opens the store itself, so it follows a rebuilt embedded file (govkg.api.follow)
    app = create_app(config)
    import gc

    # the objects made so far (modules, schema, templates) live as long as the server: keep them out of
    # the collector's full passes, which otherwise pause every request now and then
    gc.collect()
    gc.freeze()
    print(f"govkg: serving on http://{config.host}:{config.port}/ ({kind}; "
          f"API docs at /docs)", file=sys.stderr)
    uvicorn.run(app, host=config.host, port=config.port, log_level="warning", access_log=False)
    return 0
