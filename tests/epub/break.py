"""Writes a deliberately broken copy of an EPUB, for proving that check.mjs fails it.

usage: python3 tests/epub/break.py IN.epub OUT.epub

In the first content document after the title page and the contents, the `lang` and
`xml:lang` attributes are taken off `<html>` and an image with no text alternative, whose file
is not in the book, is put before `</section>`. EPUBCheck must report the missing file and Ace
the missing language and text alternative. Every other entry is copied as it is, `mimetype`
first and stored.
"""

import re
import sys
import zipfile


def main(src, dst):
    with zipfile.ZipFile(src) as zin:
        names = zin.namelist()
        opf = zin.read("EPUB/package.opf").decode("utf-8")
        spine = re.findall(r'<itemref idref="([^"]+)"', opf)
        hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', opf))
        target = "EPUB/" + hrefs[spine[2]]
        with zipfile.ZipFile(dst, "w") as zout:
            for name in names:
                info = zin.getinfo(name)
                data = zin.read(name)
                if name == target:
                    text = data.decode("utf-8")
                    text = re.sub(r' xml:lang="[^"]*" lang="[^"]*"', "", text, count=1)
                    text = text.replace(
                        "</section>", '<img src="missing.png"/>\n</section>', 1
                    )
                    data = text.encode("utf-8")
                zout.writestr(info, data, compress_type=info.compress_type)
    print(f"broke {target} in {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
