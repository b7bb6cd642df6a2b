#!/usr/bin/python3
"""Stages the scenarios for the web build (run by CMake), in two parts:

- CARDS_DIR/<name>.json: the start of each scenario, up to the last field a library card shows
  (read_scenario_card in core/scenario_card.cpp: format_version, id, title, summary, domain,
  challenge, difficulty, minutes, briefing, and the client's name, role and organisation), closed
  as JSON. These go into rapport.data, which the first frame needs.
- PACK: the rest of every scenario in one file (rapport-scenarios.bin), which the page downloads
  after the first frame's files and writes back into /scenarios/<name>.json (shell.html).

A scenario is written without the whitespace between JSON tokens (6 KB less on the wire after
compression); values, their order and every string are kept exactly, and the repository keeps
the readable files. A card and its rest join back into exactly that compact text: the card
without its last one or two closing braces (two when the client's object goes on in the rest),
then the rest. This script checks the join for every file.

The pack is one line of JSON naming each file, the byte length of its rest and how many closing
braces to take off its card, {"files":[["budget-cut.json",31005,2],...]}, a newline, then the
rests one after another.

    stage_scenarios.py CARDS_DIR PACK INPUT.json [INPUT.json ...]
"""
import json
import os
import sys

# What a library card reads (core/scenario_card.cpp, CardReader): keep these lists the same.
CARD_KEYS = ("format_version", "id", "title", "summary", "domain", "challenge", "difficulty", "minutes", "briefing",
             "client")
CLIENT_CARD_KEYS = ("name", "role", "organisation")


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def prefix(obj, wanted):
    """The keys of `obj` up to the last of `wanted` it holds, in order."""
    keys = list(obj)
    last = max((keys.index(k) for k in wanted if k in obj), default=0)
    return {k: obj[k] for k in keys[: last + 1]}


def split(path, value):
    """The compact text of one scenario as (card, rest, closing braces to take off the card)."""
    if not isinstance(value, dict) or not value:
        sys.exit(f"{path}: a scenario file holds one JSON object with its fields")
    card = prefix(value, CARD_KEYS)
    closers = 1
    client = value.get("client")
    if list(card)[-1] == "client" and isinstance(client, dict) and client:
        card["client"] = prefix(client, CLIENT_CARD_KEYS)
        closers = 2 if len(card["client"]) < len(client) else 1
    card_text, whole = compact(card), compact(value)
    head = card_text[:-closers]
    if not whole.startswith(head) or whole[len(head)] not in ",}":
        sys.exit(f"{path}: its card and the rest do not join back into the scenario")
    return card_text, whole[len(head) :], closers


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    cards_dir, pack_path = argv[1], argv[2]
    index, rests = [], []
    for path in argv[3:]:
        with open(path, encoding="utf-8") as f:
            try:
                value = json.load(f)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}: line {e.lineno}, column {e.colno}: {e.msg}")
        name = os.path.basename(path)
        card, rest, closers = split(path, value)
        with open(os.path.join(cards_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(card)
        data = rest.encode("utf-8")
        index.append([name, len(data), closers])
        rests.append(data)
    with open(pack_path, "wb") as f:
        f.write(compact({"files": index}).encode("utf-8") + b"\n")
        for data in rests:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv)
