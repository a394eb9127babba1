"""Network pictures and server-rendered pages (templates and static files are package data)."""
