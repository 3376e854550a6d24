#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""make-world-geo.py: converts Natural Earth's country boundaries, as the npm
package world-atlas packages them (TopoJSON), into data/world-110m.atlasgeo,
the small line-based file the map view reads.

Run once by a maintainer, not by the build: the output is committed, so
building needs neither npm nor the network.

    mkdir /tmp/wa && cd /tmp/wa && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    apt-get install iso-codes
    build-aux/make-world-geo.py /tmp/wa/package > data/world-110m.atlasgeo

Sources, both redistributable:
- world-atlas 2.0.2 (ISC licence, Mike Bostock): Natural Earth 4.1.0 Admin 0
  countries at 1:110m, and at 1:50m for the states too small for 1:110m.
  Natural Earth is in the public domain.
- Debian's iso-codes (LGPL-2.1+): ISO 3166-1 numeric to alpha-2 codes, the
  English names, and their Simplified Chinese translations
  (/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo).

Stdlib only, so that any Python 3 runs it.

The file format (UTF-8, one record a line, fields separated by tabs):

    ATLASGEO<TAB>1
    #<TAB>a comment (source and licence)
    Q<TAB>100                      quantisation: units per degree
    C<TAB>CN<TAB>156<TAB>China<TAB>中国
                                   a country: alpha-2 ("" when ISO has none:
                                   Kosovo, N. Cyprus, Somaliland), numeric,
                                   English name, Chinese name ("" if none)
    R<TAB>lon lat dlon dlat ...    a ring of the last country: its first
                                   point, then each point as the difference
                                   from the one before, in 1/Q degrees
    P<TAB>lon lat                  a state too small for 1:110m: where it is
                                   (the centre of its largest 1:50m ring)

The first ring of a polygon is its outline and the others its holes; the
map fills each country with the even-odd rule, so their winding does not
matter.  Coordinates stay longitude and latitude: the program projects them
(Equal Earth, at any size) when it draws.
"""

import gettext
import json
import sys

Q = 100  # 0.01 degree: about 1 km, far below a pixel of a world map at 4K

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_ZH_MO = "/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo"

# Antarctica holds no rare-earth mining, refining or trade and would take a
# seventh of the map's height from the countries that do.
LEFT_OUT = {"010"}

# Points-only states: in 1:50m but not 1:110m, and places a dataset on rare
# earths names (trade hubs and refiners).
SMALL_STATES = {"702", "096", "048", "344", "446", "438", "492", "674", "480",
                "462", "634", "174", "780"}


def decode_arcs(topology):
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(arcs, indices):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their end point.
        points.extend(arc if not points else arc[1:])
    return points


def clip(points, keep):
    """Sutherland-Hodgman against the line lon = 180: the part of the ring
    where keep(lon) holds, with the edges that cross the line cut there."""
    out = []
    for i, (x1, y1) in enumerate(points):
        x0, y0 = points[i - 1]
        inside0, inside1 = keep(x0), keep(x1)
        if inside0 != inside1:
            t = (180.0 - x0) / (x1 - x0)
            out.append((180.0, y0 + t * (y1 - y0)))
        if inside1:
            out.append((x1, y1))
    return out


def split_at_antimeridian(points):
    """TopoJSON keeps rings on the sphere: one that crosses 180 degrees
    (Russia's Chukotka, Fiji) jumps from +180 to -180 and, drawn flat,
    would run across the whole map.  Such a ring is made continuous (east
    longitudes past 180), then cut into its part west of the line and its
    part east of it, moved back by 360 degrees."""
    if not any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:] + points[:1])):
        return [points]
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        unwrapped.append((lon, lat))
    # Rings unwrapped to the west are shifted east so the cut is at +180.
    if min(x for x, _ in unwrapped) < -180:
        unwrapped = [(x + 360, y) for x, y in unwrapped]
    west = clip(unwrapped, lambda x: x <= 180)
    east = [(x - 360, y) for x, y in clip(unwrapped, lambda x: x >= 180)]
    return [ring for ring in (west, east) if len(ring) >= 3]


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def quantise(points):
    out = []
    for lon, lat in points:
        q = (round(lon * Q), round(lat * Q))
        if not out or out[-1] != q:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # the program closes every ring
    return out


def ring_area(points):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
                   in zip(points, points[1:] + points[:1]))) / 2


def ring_centre(points):
    """The area centroid of a ring, in its own units."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if a == 0:
        return points[0]
    return cx / (3 * a), cy / (3 * a)


def write_ring(out, points):
    if len(points) < 3:
        return
    fields = [f"{points[0][0]} {points[0][1]}"]
    fields += [f"{x1 - x0} {y1 - y0}" for (x0, y0), (x1, y1) in zip(points, points[1:])]
    out.write("R\t" + " ".join(fields) + "\n")


def iso_table():
    with open(ISO_JSON, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    try:
        with open(ISO_ZH_MO, "rb") as f:
            zh = gettext.GNUTranslations(f)
    except OSError:
        zh = None
    table = {}
    for entry in entries:
        # The short name people use ("Bolivia"), else the ISO name.
        english = entry.get("common_name", entry["name"])
        chinese = ""
        if zh is not None:
            for msgid in (entry.get("common_name"), entry["name"]):
                if msgid and zh.gettext(msgid) != msgid:
                    chinese = zh.gettext(msgid)
                    break
        table[entry["numeric"]] = (entry["alpha_2"], english, chinese)
    return table


def clean(text):
    return text.replace("\t", " ").replace("\n", " ")


def main():
    package = sys.argv[1] if len(sys.argv) > 1 else "."
    with open(f"{package}/countries-110m.json", encoding="utf-8") as f:
        world = json.load(f)
    with open(f"{package}/countries-50m.json", encoding="utf-8") as f:
        world50 = json.load(f)
    iso = iso_table()
    out = sys.stdout
    out.write("ATLASGEO\t1\n")
    out.write("#\tNatural Earth 4.1.0 Admin 0 countries, 1:110m (public domain), "
              "from the npm package world-atlas 2.0.2 (ISC); codes and names "
              "from Debian's iso-codes; made by build-aux/make-world-geo.py\n")
    out.write(f"Q\t{Q}\n")

    arcs = decode_arcs(world)
    seen = set()
    for geometry in world["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id", "")
        if numeric in LEFT_OUT:
            continue
        alpha2, english, chinese = iso.get(numeric, ("", geometry["properties"]["name"], ""))
        seen.add(numeric)
        out.write(f"C\t{alpha2}\t{numeric}\t{clean(english)}\t{clean(chinese)}\n")
        for polygon in polygons(geometry):
            for ring in polygon:
                for part in split_at_antimeridian(ring_points(arcs, ring)):
                    write_ring(out, quantise(part))

    arcs50 = decode_arcs(world50)
    for geometry in world50["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id", "")
        if numeric not in SMALL_STATES or numeric in seen or numeric not in iso:
            continue
        rings = [ring_points(arcs50, polygon[0]) for polygon in polygons(geometry)]
        largest = max(rings, key=ring_area)
        lon, lat = ring_centre(largest)
        alpha2, english, chinese = iso[numeric]
        out.write(f"C\t{alpha2}\t{numeric}\t{clean(english)}\t{clean(chinese)}\n")
        out.write(f"P\t{round(lon * Q)} {round(lat * Q)}\n")


if __name__ == "__main__":
    main()
