# govkg API and pages. Built by docker-compose.yml, which runs it beside Neo4j.
# On start it builds the graph from corpus/, loads it into the configured store and serves.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GOVKG_API_HOST=0.0.0.0 GOVKG_API_PORT=8000 GOVKG_DB_PATH=/data/graph.lbdb

WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY corpus ./corpus
# a plain install: ontology, queries, templates and static files are package data
RUN pip install . && rm -rf src

RUN useradd --create-home --uid 10001 govkg && mkdir -p /data && chown govkg /data
USER govkg
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status != 200)"
# build → load (Neo4j when GOVKG_NEO4J_URI is set, else the embedded store) → serve
CMD ["sh", "-c", "govkg build corpus --out /data/build && govkg load /data/build && exec govkg serve"]
