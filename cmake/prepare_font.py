#!/usr/bin/python3
"""Prepares a packaged font at build time (Debian's python3-fonttools; run by CMake).

    prepare_font.py SOURCE.otf OUTPUT.ttf FIRST-LAST [FIRST-LAST ...]   (code points in hex)

Keeps only the characters in the given ranges (the ranges ui/theme.cpp asks Dear ImGui for), drops
the OpenType layout tables (kerning and substitutions: Dear ImGui 1.90 reads neither, and they were
a sixth of each file; the page's text fields, which use the regular font, go unkerned), and turns CFF (cubic) outlines into TrueType (quadratic)
ones. stb_truetype, which builds ImGui's font atlas, reads a TrueType glyph in one pass but runs a
CFF glyph's charstring program several times; the atlas of the first frame builds about twice as
fast, and the two Inter files shrink from 271 KB to about 120 KB each.
"""
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

# Largest distance, in font units (Inter: 2,816 per em), between a cubic curve and the quadratic
# curves replacing it: 4 units is 0.06 px on the largest heading the app draws (40 px), and fewer
# quadratic pieces take 5.8 KB off the two fonts on the wire (1 unit: 62,918 bytes gzipped, 4:
# 57,108).
MAX_ERROR = 4.0


def parse_ranges(args):
    codepoints = set()
    for arg in args:
        first, _, last = arg.partition("-")
        codepoints.update(range(int(first, 16), int(last or first, 16) + 1))
    return sorted(codepoints)


def to_truetype(font):
    """Replaces the CFF table by glyf/loca with the same glyphs, advances and names."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = newTable("maxp")  # version 1.0: fontTools fills the outline counts when saving
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                  "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    source, output, ranges = argv[1], argv[2], parse_ranges(argv[3:])
    font = TTFont(source)
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GPOS", "GSUB", "GDEF"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=ranges)
    subsetter.subset(font)
    if "CFF " in font:
        to_truetype(font)
    font["post"].formatType = 3.0  # no glyph names
    font.save(output)


if __name__ == "__main__":
    main(sys.argv)
