"""Request guard: a write is authenticated and its size bounded before a byte of body is read.

FastAPI reads and parses a request body before it runs a view's dependencies, so the token
check in `api.require_token` alone would let anyone make the server buffer any body. This ASGI
middleware runs first:
- a request to a write route (`WRITE_ROUTES`) without the right token is answered 401/403 at
  once, its body never read;
- a declared `Content-Length` over the limit is answered 413 at once; a body sent without one
  (chunked) is counted as it arrives and cut off with 413 past the limit.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["BodyGuard", "is_write_route", "token_problem"]

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# (method, path or path prefix ending in "/") of the API's token-protected writes
WRITE_ROUTES = (("POST", "/api/documents"), ("POST", "/api/review"), ("DELETE", "/api/review/"))


def is_write_route(method: str, path: str) -> bool:
    path = path.rstrip("/") or "/"
    return any(
        method == m and (path == p or (p.endswith("/") and path.startswith(p)))
        for m, p in WRITE_ROUTES
    )


def token_problem(authorization: str, expected: str | None) -> tuple[int, str] | None:
    """(status, message) when the Authorization header does not carry `expected`, else None."""
    if expected is None:
        return 403, "writes are disabled: start bilat serve with --token or --token-file"
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        return 401, "a valid 'Authorization: Bearer <token>' header is required"
    return None


class _TooLarge(HTTPException):
    """Raised from the body stream; an HTTPException so that FastAPI's body parsing passes it
    on (it turns any other error there into a 400) and the app's handler answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body too large: the limit is {limit:,} bytes")


class BodyGuard:
    """See the module docstring. `respond(scope, status, message)` builds the error response in
    the API's one error shape; `token()` gives the write token now in force."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int,
        token: Callable[[], str | None],
        respond: Callable[[Scope, int, str], ASGIApp],
    ) -> None:
        self.app, self.max_body, self.token, self.respond = app, max_body, token, respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope)
        if problem is not None:
            await self.respond(scope, *problem)(scope, receive, send)
            return
        started = False

        async def counted_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, self._counting(receive), counted_send)
        except _TooLarge:
            if started:
                raise
            await self.respond(scope, 413, self._too_large())(scope, receive, send)
            # (inside the FastAPI app the 413 is answered by its HTTPException handler)

    def _problem(self, scope: Scope) -> tuple[int, str] | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if is_write_route(scope["method"], scope["path"]):
            denied = token_problem(headers.get("authorization", ""), self.token())
            if denied is not None:
                return denied
        length = headers.get("content-length", "")
        if length.isascii() and length.isdigit() and int(length) > self.max_body:
            return 413, self._too_large()
        return None

    def _too_large(self) -> str:
        return f"request body too large: the limit is {self.max_body:,} bytes"

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge(self.max_body)
            return message

        return wrapped
