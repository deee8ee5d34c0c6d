"""The local web app: prepare a plan, run the interview live, take notes that are never lost.

A thin front end over the same services as the CLI (``create_app`` in :mod:`askback.web.app`).
Pages are rendered on the server and enhanced with htmx and a small ``app.js``; every asset is
vendored so the app works offline.
"""
