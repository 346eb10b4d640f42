"""The NukeViet database, read over a MySQL/MariaDB connection and never written to.

Every query is a SELECT, the session is switched to read-only transactions, and tables or
columns a NukeViet version lacks (4.4 has no authors list nor history) are looked up in
information_schema first, so the import skips them instead of failing.
"""

from urllib.parse import unquote, urlsplit

import pymysql
import pymysql.cursors
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def parse_source(url):
    """Connection keywords from ``mysql://user:pass@host:3306/db``."""
    parts = urlsplit(url or "")
    database = parts.path.lstrip("/")
    if parts.scheme not in {"mysql", "mariadb"} or not parts.hostname or not database:
        raise CommandError(
            _("The source must look like mysql://user:password@host:3306/database, not %(url)s")
            % {"url": url}
        )
    return {
        "host": parts.hostname,
        "port": parts.port or 3306,
        "user": unquote(parts.username or ""),
        "password": unquote(parts.password or ""),
        "database": unquote(database),
    }


class Source:
    """A read-only view of one NukeViet 4 database: its tables, columns and modules."""

    def __init__(self, url, prefix="nv4", lang="vi"):
        self.prefix, self.lang = prefix, lang
        settings = parse_source(url)
        self.database = settings["database"]
        try:
            self.connection = pymysql.connect(
                **settings,
                charset="utf8mb4",
                cursorclass=pymysql.cursors.DictCursor,
                connect_timeout=15,
                autocommit=True,
            )
            self._execute("SET SESSION TRANSACTION READ ONLY")
        except pymysql.MySQLError as error:
            raise CommandError(
                _("Cannot connect to the NukeViet database: %(error)s") % {"error": error}
            ) from None
        self.tables = {
            row["name"]
            for row in self.query(
                "SELECT table_name AS name FROM information_schema.tables WHERE table_schema=%s",
                [self.database],
            )
        }
        self._columns = {}
        if self.table("modules") not in self.tables:
            raise CommandError(
                _(
                    "No NukeViet tables with prefix %(prefix)s and language %(lang)s in "
                    "%(db)s (table %(table)s is missing). Check --prefix and --lang."
                )
                % {
                    "prefix": prefix,
                    "lang": lang,
                    "db": self.database,
                    "table": self.table("modules"),
                }
            )

    def _execute(self, sql, params=None):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def query(self, sql, params=None):
        """Rows of a SELECT as dicts; a lost connection is fatal (the run resumes later)."""
        try:
            return list(self._execute(sql, params))
        except pymysql.OperationalError as error:
            raise CommandError(
                _("The connection to the NukeViet database failed: %(error)s") % {"error": error}
            ) from None

    def table(self, name, system=False):
        """The full table name: ``nv4_users`` (system) or ``nv4_vi_news_rows``."""
        return f"{self.prefix}_{name}" if system else f"{self.prefix}_{self.lang}_{name}"

    def has(self, table):
        return table in self.tables

    def columns(self, table):
        if table not in self._columns:
            self._columns[table] = {
                row["name"]
                for row in self.query(
                    "SELECT column_name AS name FROM information_schema.columns "
                    "WHERE table_schema=%s AND table_name=%s",
                    [self.database, table],
                )
            }
        return self._columns[table]

    def select(self, table, wanted, where="", params=None, order=""):
        """SELECT the ``wanted`` columns the table has; missing ones come back as their default.

        ``wanted`` maps column names to defaults. Returns [] when the table itself is missing.
        """
        if not self.has(table):
            return []
        present = [name for name in wanted if name in self.columns(table)]
        sql = f"SELECT {', '.join(f'`{name}`' for name in present)} FROM `{table}`"
        if where:
            sql += f" WHERE {where}"
        if order:
            sql += f" ORDER BY {order}"
        rows = self.query(sql, params)
        missing = {name: default for name, default in wanted.items() if name not in present}
        for row in rows:
            row.update(missing)
        return rows

    def modules(self, module_file):
        """The modules (virtual copies included) built on ``module_file``: news, laws, page."""
        return self.select(
            self.table("modules"),
            {"title": "", "module_file": "", "module_data": "", "custom_title": "", "act": 1},
            where="module_file=%s",
            params=[module_file],
            order="weight, title" if "weight" in self.columns(self.table("modules")) else "title",
        )

    def close(self):
        self.connection.close()
