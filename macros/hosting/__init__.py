"""What a real web server needs from a build: the Content Security Policy and server settings
(Apache's .htaccess, IIS's web.config, an nginx snippet), and pre-compressed copies of the text
files for servers that send them as they are. No mkdocs here."""

# The header hosts should send with every page; the site works under it (tests/browser/test_csp.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'self'"
)
# Text files worth compressing, and their types (servers must send the types of the uncompressed file).
TEXT_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain",
}
# Files offered for download, which some servers do not know.
DOWNLOAD_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".pdf": "application/pdf",
}
