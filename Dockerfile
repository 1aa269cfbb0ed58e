# Daria image: the built frontend plus the Python app. Used by docker-compose.yml (tagged
# daria:latest) for the web server, the Celery workers and beat; workers on other machines run
# the same image (docs/scaling.md).
FROM node:20-bookworm-slim AS frontend
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DARIA_DATA_DIR=/data
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY . .
COPY --from=frontend /app/frontend/dist ./frontend/dist
RUN python scripts/compile_messages.py
RUN useradd --create-home daria && mkdir -p /data && chown daria /data
USER daria
EXPOSE 8000
