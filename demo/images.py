"""Generated pictures for the demo content and the tests (nothing is downloaded)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from core.text import vietnamese_slugify


def demo_image(title, colour=(11, 83, 148), size=(960, 540)):
    """A generated picture, found again by its title on later runs."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, size[0], 60):
        draw.line([(step, size[1]), (step + size[1] // 2, 0)], fill=(255, 255, 255), width=2)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = f"{vietnamese_slugify(title)[:60]}.png"
    return Image.objects.create(title=title, file=ImageFile(buffer, name=filename))
