"""One error shape for the whole API, request limits, and the headers every response carries.

Every API error is `{"error": {"status": 404, "message": "...", "details": [...]}}`; a page
gets the same message as an HTML page. No traceback ever reaches the client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .params import MAX_QUERY_STRING, InvalidParameter

log = logging.getLogger(__name__)

MAX_PATH = 1024  # bytes in a URL path
SECURITY_HEADERS = {
    # Article text is untrusted: even if markup slipped through, no inline script may run.
    "content-security-policy": ("default-src 'self'; script-src 'self'; style-src 'self'; "
                                "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

PageRenderer = Callable[[Request, int, str], Response]


def error_body(status: int, message: str, details: list[dict[str, Any]] | None = None
               ) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "message": message}
    if details:
        error["details"] = details
    return {"error": error}


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


class Guard:
    """Refuses oversized URLs before any work is done, and adds the security headers."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope["query_string"]) > MAX_QUERY_STRING or len(scope["path"]) > MAX_PATH:
            message = (f"the URL is too long: at most {MAX_PATH} bytes of path and "
                       f"{MAX_QUERY_STRING} of query string")
            await JSONResponse(error_body(414, message), 414)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install_error_handlers(app: FastAPI, render_page: PageRenderer) -> None:
    """API requests get the JSON error shape; pages get `render_page`'s HTML."""

    def respond(request: Request, status: int, message: str,
                details: list[dict[str, Any]] | None = None) -> Response:
        if is_api(request):
            return JSONResponse(error_body(status, message, details), status)
        return render_page(request, status, message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return respond(request, exc.status_code, str(exc.detail))

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [{"parameter": str(error["loc"][-1]), "problem": error["msg"]}
                   for error in exc.errors()]
        message = "; ".join(f"{d['parameter']}: {d['problem']}" for d in details)
        return respond(request, 422, f"invalid request: {message}", details)

    async def invalid_parameter(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InvalidParameter)
        return respond(request, 422, f"invalid request: {exc}",
                       [{"parameter": exc.name, "problem": exc.problem}])

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
        return respond(request, 500, "the server failed to answer this request; see its log")

    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(InvalidParameter, invalid_parameter)
    app.add_exception_handler(Exception, server_error)
