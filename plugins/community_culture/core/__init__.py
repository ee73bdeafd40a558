"""The plain core: loading, problems, text, Markdown, images. Knows nothing of MkDocs."""
