"""The link fetcher refuses every way into the private network, and reads what it may."""

import socket
import ssl
import subprocess

import pytest
from django.test import override_settings

from newsroom.fetch import MAX_BYTES, FetchFailed, FetchRefused, fetch
from tests.local_site import Answer, LocalSite


@pytest.fixture
def site():
    with LocalSite() as site:
        yield site


def allow(site):
    return override_settings(INGEST_ALLOWED_HOSTS=[site.host])


def test_it_fetches_a_page_from_an_allowed_local_host(site):
    url = site.page("/article", "article.html")
    with allow(site):
        fetched = fetch(url)
    assert fetched.status == 200
    assert fetched.content_type == "text/html"
    assert b"ferry timetable" in fetched.body


def test_it_refuses_loopback_without_the_allow_list(site):
    url = site.page("/article", "article.html")
    with override_settings(INGEST_ALLOWED_HOSTS=[]), pytest.raises(FetchRefused, match="loopback"):
        fetch(url)
    assert site.requests == []


def test_it_refuses_the_cloud_metadata_address():
    with override_settings(INGEST_ALLOWED_HOSTS=[]), pytest.raises(FetchRefused, match="link-local"):
        fetch("http://169.254.169.254/latest/meta-data/")


def test_it_refuses_a_name_that_resolves_to_a_private_address(monkeypatch):
    def private(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    monkeypatch.setattr(socket, "getaddrinfo", private)
    with override_settings(INGEST_ALLOWED_HOSTS=[]), pytest.raises(FetchRefused, match="10.1.2.3, a private"):
        fetch("https://intranet.example/report")


def test_the_allow_list_names_a_port(site):
    url = site.page("/article", "article.html")
    with override_settings(INGEST_ALLOWED_HOSTS=["127.0.0.1:1"]), pytest.raises(FetchRefused, match="loopback"):
        fetch(url)


def test_it_refuses_a_redirect_to_a_private_address(site):
    url = site.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    with allow(site), pytest.raises(FetchRefused, match="169.254.169.254, a link-local"):
        fetch(url)


def test_it_follows_a_redirect_it_may(site):
    site.page("/article", "article.html")
    url = site.redirect("/go", "/article", status=301)
    with allow(site):
        assert fetch(url).url == site.url("/article")


def test_it_stops_after_five_redirects(site):
    for n in range(7):
        site.redirect(f"/r{n}", f"/r{n + 1}")
    with allow(site), pytest.raises(FetchRefused, match="More than 5 redirects"):
        fetch(site.url("/r0"))


def test_it_refuses_an_over_size_answer_by_its_length(site):
    site.routes["/big"] = Answer(body=b"a" * (MAX_BYTES + 1))
    with allow(site), pytest.raises(FetchRefused, match="the limit is 5 MB"):
        fetch(site.url("/big"))


def test_it_refuses_an_over_size_answer_that_hides_its_length(site):
    # Compressed it is small; read, it is over the limit: counted as decompressed.
    url = site.gzipped("/bomb", b"<p>" + b"a" * (MAX_BYTES + 10))
    with allow(site), pytest.raises(FetchRefused, match="over the limit of 5 MB"):
        fetch(url)


def test_it_refuses_a_binary_answer(site):
    site.routes["/report.pdf"] = Answer(body=b"%PDF-1.7\x00\x01", content_type="application/pdf")
    with allow(site), pytest.raises(FetchRefused, match="application/pdf, not a web page"):
        fetch(site.url("/report.pdf"))


def test_it_refuses_binary_bytes_sent_as_text(site):
    site.routes["/fake"] = Answer(body=b"\x89PNG\x00\x00\x00", content_type="text/html")
    with allow(site), pytest.raises(FetchRefused, match="binary"):
        fetch(site.url("/fake"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a", "gopher://127.0.0.1:70/", "javascript:alert(1)"]
)
def test_it_refuses_other_schemes(url):
    with pytest.raises(FetchRefused, match="only http:// and https://"):
        fetch(url)


def test_it_sends_conditional_headers_and_reads_not_modified(site):
    site.routes["/feed"] = Answer(body=b"<rss/>", content_type="application/rss+xml", headers={"ETag": '"v1"'})
    with allow(site):
        first = fetch(site.url("/feed"))
        again = fetch(site.url("/feed"), headers={"If-None-Match": first.headers["ETag"]})
    assert first.headers["ETag"] == '"v1"'
    assert again.not_modified


@pytest.fixture
def tls_site(tmp_path, monkeypatch):
    """The local site over TLS, its certificate for news.test, a name that resolves (here) to 127.0.0.1 only."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=news.test",
            "-addext",
            "subjectAltName=DNS:news.test",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    real_getaddrinfo = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host == "news.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr("newsroom.fetch.certifi.where", lambda: str(cert))
    with LocalSite() as site:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        names = []
        context.sni_callback = lambda sock, name, ctx: names.append(name)
        site.server.socket = context.wrap_socket(site.server.socket, server_side=True)
        site.server_names = names
        yield site


def test_https_connects_to_the_checked_address_with_the_name_in_sni(tls_site):
    tls_site.page("/article", "article.html")
    with override_settings(INGEST_ALLOWED_HOSTS=[f"news.test:{tls_site.port}"]):
        fetched = fetch(f"https://news.test:{tls_site.port}/article")
    assert b"ferry timetable" in fetched.body
    assert tls_site.server_names == ["news.test"]
    assert tls_site.requests[0][1]["Host"] == f"news.test:{tls_site.port}"


def test_https_refuses_a_certificate_for_another_name(tls_site, monkeypatch):
    real_getaddrinfo = socket.getaddrinfo

    def also_other(host, port, *args, **kwargs):
        host = "news.test" if host == "other.test" else host
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", also_other)
    with override_settings(INGEST_ALLOWED_HOSTS=["other.test"]), pytest.raises(FetchFailed, match="secure connection"):
        fetch(f"https://other.test:{tls_site.port}/article")
