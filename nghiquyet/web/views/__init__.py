"""Pages, one module per resource. Each view reads HTTP, checks access, calls a selector or a
service, and renders; the rules live in :mod:`nghiquyet.core` and the services."""
