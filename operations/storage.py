"""Media storage that never leaves half a file behind when the disk is full or unwritable."""

import os

from django.core.files.storage import FileSystemStorage


class MediaWriteError(Exception):
    """The media folder refused a new file (full, read-only, no permission); nothing was kept."""


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError as error:
            if not existed and os.path.lexists(full_path):
                os.remove(full_path)
            raise MediaWriteError(name) from error
