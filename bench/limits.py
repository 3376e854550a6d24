#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/limits.py BINARY [OUT_DIR]: the peak memory of the worst input each
guard still accepts (issue #22, item 5), measured with GNU time.

Each case is the largest or most expensive input of its kind that the
format or the command line accepts, made here; the program must load it
(or export it) with exit 0, and its peak resident memory is what the guard
bounds. Prints a Markdown table (kept in bench/RESULTS.md). Not a test: no
number here is asserted anywhere.
"""
import datetime
import json
import os
import subprocess
import sys

HEAD = {
    "format": "rare-earth-atlas/1", "title": "limits", "updated": "2025",
    "sources": [{"id": "s", "publisher": "p", "title": "t", "date": "2025", "kind": "official"}],
    "regions": [{"id": "CN", "name": "China"}],
    "elements": [{"id": "Dy", "name": "Dysprosium", "group": "heavy", "number": 66}],
    "shares": [{"id": "a", "metric": "m", "year": 2024, "unit": "%", "cite": "s",
                "parts": [{"region": "CN", "value": 1}]}],
}


def write_json_with_junk(path, junk_text):
    head = json.dumps(HEAD)
    with open(path, "w") as f:
        f.write(head[:-1] + ', "junk": ' + junk_text + "}")


def peak(binary, args, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M %e", binary] + args, cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    last = out.stderr.strip().splitlines()[-1].split()
    if out.returncode != 0:
        raise SystemExit(f"{args}: exit {out.returncode}: {out.stderr}")
    return int(last[0]) / 1024, float(last[1])


def main():
    binary = os.path.abspath(sys.argv[1])
    out_dir = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "bench/out/limits")
    os.makedirs(out_dir, exist_ok=True)
    rows = []

    # 999,990 empty objects: just under the object cap (1,000,000).
    path = os.path.join(out_dir, "objects.json")
    write_json_with_junk(path, "[" + ",".join(["{}"] * 999990) + "]")
    rows.append(("999,990 empty objects (cap 1,000,000)", peak(binary, ["--check", path], out_dir)))

    # 4,999,960 numbers: just under the value cap (5,000,000).
    path = os.path.join(out_dir, "values.json")
    write_json_with_junk(path, "[" + ",".join(["0"] * 4999960) + "]")
    rows.append(("4,999,960 numbers (cap 5,000,000 values)", peak(binary, ["--check", path], out_dir)))

    # One series of a point a day from the year 1 to 9999, from CSV: the
    # most points a series may have, then its CSV export.
    csv = os.path.join(out_dir, "days.csv")
    day = datetime.date(1, 1, 1)
    with open(csv, "w") as f:
        f.write("date,value\n")
        for i in range(3652059):
            f.write(f"{(day + datetime.timedelta(days=i)).isoformat()},{100 + i % 1000}.5\n")
    data = dict(HEAD)
    data["prices"] = [{"id": "p", "element": "Dy", "name": "P", "currency": "USD", "unit": "kg",
                       "cite": "s", "points_csv": "days.csv"}]
    path = os.path.join(out_dir, "days.json")
    with open(path, "w") as f:
        json.dump(data, f)
    rows.append(("3,652,059 CSV points (cap: one a day, years 1-9999), --check",
                 peak(binary, ["--check", path], out_dir)))
    rows.append(("the same, --export=prices to CSV (streamed)",
                 peak(binary, [path, "--export=prices", "--output=days-out.csv"], out_dir)))

    # 1 MiB names in every place a chart shows one, each view to PDF.
    big = ("neodymium 稀土 " * 80000)[: 1024 * 1024 // 3]
    data = dict(HEAD)
    data["title"] = big
    data["regions"] = [{"id": "CN", "name": big}]
    data["shares"] = [{"id": "a", "metric": big, "year": 2024, "unit": "%", "cite": "s",
                       "parts": [{"region": "CN", "value": 1}]}]
    data["events"] = [{"id": "e", "date": "2024-03-01", "kind": "policy", "title": big, "cite": "s"}]
    path = os.path.join(out_dir, "long-text.json")
    with open(path, "w") as f:
        json.dump(data, f, ensure_ascii=False)
    rows.append(("1 MiB names, shares to PDF",
                 peak(binary, [path, "--export=shares", "--output=long.pdf"], out_dir)))

    # The largest PNG: 2^28 pixels (16384x16384).
    rows.append(("PNG of 16384x16384 (cap 2^28 pixels)",
                 peak(binary, ["--export=shares", "--size=16384x16384", "--output=big.png"], out_dir)))

    print("| worst accepted input | peak memory | time |")
    print("|---|---|---|")
    for name, (mib, seconds) in rows:
        print(f"| {name} | {mib:.0f} MiB | {seconds:.1f} s |")


if __name__ == "__main__":
    main()
