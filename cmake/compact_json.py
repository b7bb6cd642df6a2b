#!/usr/bin/python3
"""Writes JSON files without the whitespace between tokens, for the web's data package (run by
CMake): the scenarios as packaged for the browser, 6 KB less on the wire after compression. The
values, their order and every string are kept exactly; the repository keeps the readable files.

    compact_json.py OUTPUT_DIR INPUT.json [INPUT.json ...]
"""
import json
import os
import sys


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out_dir = argv[1]
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            try:
                value = json.load(f)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}: line {e.lineno}, column {e.colno}: {e.msg}")
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        with open(os.path.join(out_dir, os.path.basename(path)), "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main(sys.argv)
