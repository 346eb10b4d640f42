"""gunicorn settings for every app server (deploy/systemd/portal@.service passes --bind).

Workers follow the CPU count unless GUNICORN_WORKERS says otherwise; a worker is replaced after
about a thousand requests (GUNICORN_MAX_REQUESTS; 0 never, as the benchmark runs them to show a
worker's memory after 10,000 requests) so memory growth never accumulates; the access log is the app's own
one line per request (logger portal.request), so gunicorn writes none.
"""

import multiprocessing
import os

wsgi_app = "site_config.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = 100
accesslog = None
errorlog = "-"
loglevel = "warning"
# Only nginx on the same machine may say what the client's scheme and address were.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm"
