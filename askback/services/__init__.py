"""What the front ends call that belongs to no single layer: companies, the profile, backups.

Beside these, the CLI and the web app call the layers' own services (research, plan, assess,
demo, people). No front end reads or writes the store itself; every rule a value must meet
lives here or in :mod:`askback.core.rules`.
"""
