"""
Fetching what staff paste, without becoming a way into the network.

The server fetches any address an editor (or a feed) gives it, so every hop
is checked before a byte is sent: http or https only; the host resolved once,
and refused when any of its addresses is private, loopback, link-local,
multicast or reserved (unless the host is listed in INGEST_ALLOWED_HOSTS);
the connection then made to the very address that was checked, with the
host name only in the Host header and TLS's SNI, so a second DNS answer
cannot swap in another machine. Redirects are followed by hand, each checked
the same way, at most MAX_REDIRECTS. The answer must say it is HTML, XML or
plain text, and is read up to MAX_BYTES (decompressed) within the timeouts.
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings
from django.utils.translation import gettext

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
# The whole fetch, however slowly a server trickles its bytes.
TOTAL_TIMEOUT = 30.0
CHUNK = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = "summit/1.0 (newsroom timeline; +https://github.com/)"

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
# Every type summit reads: pages, feeds and plain text.
TEXT_TYPES = PAGE_TYPES + FEED_TYPES


class FetchError(Exception):
    """A fetch that failed; the message says why, for an editor.
    `transient` failures (timeouts, a server error) may succeed later."""

    transient = False


class FetchRefused(FetchError):
    """A fetch summit will not make (address, scheme, size, type)."""


class FetchFailed(FetchError):
    transient = True


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def allowed_hosts() -> set[str]:
    return {entry.strip().lower() for entry in settings.INGEST_ALLOWED_HOSTS if entry.strip()}


def is_allowed(host: str, port: int) -> bool:
    allowed = allowed_hosts()
    host = host.lower()
    return host in allowed or f"{host}:{port}" in allowed or f"[{host}]:{port}" in allowed


def refusal_reason(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is a public one."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    for kind in ("loopback", "link_local", "multicast", "private", "reserved", "unspecified"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "non-public"
    return None


def resolve(host: str, port: int) -> str:
    """The one address connected to: every address of the host is checked,
    so a name that also points into the private network is refused whole."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchFailed(gettext("The host %(host)s could not be found.") % {"host": host}) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchFailed(gettext("The host %(host)s has no address.") % {"host": host})
    if not is_allowed(host, port):
        for text in addresses:
            reason = refusal_reason(ipaddress.ip_address(text.split("%")[0]))
            if reason:
                raise FetchRefused(
                    gettext(
                        "%(host)s is at %(address)s, a %(kind)s address: summit fetches only from the public "
                        "internet (list a trusted host in INGEST_ALLOWED_HOSTS)."
                    )
                    % {"host": host, "address": text, "kind": reason}
                )
    return addresses[0]


def pool_for(scheme: str, host: str, address: str, port: int) -> urllib3.HTTPConnectionPool:
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT, read=READ_TIMEOUT)
    if scheme == "https":
        # Connect to the checked address; verify the certificate and send SNI for the name.
        return urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
            assert_hostname=host,
            server_hostname=host,
        )
    return urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)


def check_url(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else gettext("no scheme")
        raise FetchRefused(
            gettext("%(url)s has %(scheme)s: summit fetches only http:// and https:// addresses.")
            % {"url": repr(url), "scheme": shown}
        )
    if not parts.hostname:
        raise FetchRefused(gettext("%(url)s names no host.") % {"url": repr(url)})
    if parts.username or parts.password:
        raise FetchRefused(
            gettext("%(url)s carries a user name or password; give the address without them.") % {"url": repr(url)}
        )
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchRefused(gettext("%(url)s has an invalid port.") % {"url": repr(url)}) from None
    return scheme, parts.hostname, port


def media_type(headers) -> tuple[str, str | None]:
    value = headers.get("Content-Type", "")
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, param_value = param.strip().partition("=")
        if name.lower() == "charset" and param_value:
            charset = param_value.strip('"').strip()
    return kind.strip().lower(), charset


def fetch(url: str, *, accept=TEXT_TYPES, headers: dict[str, str] | None = None, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET `url`, following at most MAX_REDIRECTS redirects, each hop checked.
    Raises FetchRefused or FetchFailed with a message for the editor."""
    deadline = time.monotonic() + TOTAL_TIMEOUT
    for _hop in range(MAX_REDIRECTS + 1):
        response = request_once(url, headers or {})
        try:
            location = response.headers.get("Location")
            if response.status in REDIRECT_STATUSES and location:
                url = urljoin(url, location.strip())
                continue
            return read_answer(url, response, accept, max_bytes, deadline)
        finally:
            response.release_conn()
    raise FetchRefused(
        gettext("More than %(most)d redirects; the last pointed to %(url)s.") % {"most": MAX_REDIRECTS, "url": url}
    )


def request_once(url: str, headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
    scheme, host, port = check_url(url)
    address = resolve(host, port)
    parts = urlsplit(url)
    default_port = 443 if scheme == "https" else 80
    host_header = parts.netloc.rsplit("@", 1)[-1] if port != default_port else host
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    sent = {
        "Host": host_header,
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8",
        "Accept-Encoding": "gzip, deflate",
        **headers,
    }
    try:
        return pool_for(scheme, host, address, port).urlopen(
            "GET", target, headers=sent, redirect=False, preload_content=False, assert_same_host=False
        )
    except urllib3.exceptions.SSLError as error:
        raise FetchFailed(
            gettext("%(host)s's secure connection failed: %(error)s.") % {"host": host, "error": error}
        ) from None
    except urllib3.exceptions.TimeoutError:
        raise FetchFailed(gettext("%(host)s did not answer in time.") % {"host": host}) from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(
            gettext("Could not connect to %(host)s: %(error)s.") % {"host": host, "error": error}
        ) from None


def read_answer(url: str, response, accept, max_bytes: int, deadline: float) -> Fetched:
    kept = {name: response.headers[name] for name in ("ETag", "Last-Modified") if name in response.headers}
    if response.status == 304:
        return Fetched(url, 304, "", None, b"", kept)
    if response.status >= 400:
        error = FetchFailed if response.status >= 500 or response.status == 429 else FetchRefused
        answer = f"{response.status} {response.reason or ''}".strip()
        raise error(gettext("%(url)s answered %(answer)s.") % {"url": url, "answer": answer})
    kind, charset = media_type(response.headers)
    if kind not in accept:
        shown = kind or gettext("no type at all")
        raise FetchRefused(
            gettext("%(url)s is %(kind)s, not a web page, feed or plain text; summit reads only those.")
            % {"url": url, "kind": shown}
        )
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchRefused(
            gettext("%(url)s is %(size).1f MB; the limit is %(limit)s MB.")
            % {"url": url, "size": int(length) / 1024 / 1024, "limit": mb(max_bytes)}
        )
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK, decode_content=True):
            body += chunk
            if len(body) > max_bytes:
                raise FetchRefused(
                    gettext("%(url)s is over the limit of %(limit)s MB.") % {"url": url, "limit": mb(max_bytes)}
                )
            if time.monotonic() > deadline:
                raise FetchFailed(
                    gettext("%(url)s took over %(seconds)s s to send.")
                    % {"url": url, "seconds": f"{TOTAL_TIMEOUT:.0f}"}
                )
    except urllib3.exceptions.TimeoutError:
        raise FetchFailed(gettext("%(url)s stopped sending.") % {"url": url}) from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchFailed(gettext("Reading %(url)s failed: %(error)s.") % {"url": url, "error": error}) from None
    if b"\x00" in body[:CHUNK]:
        raise FetchRefused(gettext("%(url)s sent binary data, not text.") % {"url": url})
    return Fetched(url, response.status, kind, charset, bytes(body), kept)


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:g}"
