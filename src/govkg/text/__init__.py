"""Stage 1, text: read a gazette file (any encoding), repair its lines (markup, doubled bold,
spaced names, page furniture), give it a simplified-character shadow, and segment an issue into
its documents (文号, title, issuer, date, lines). It makes no facts."""
