"""Development-time step: turn world-atlas's countries-110m TopoJSON into the workbench's shapes.

    npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/vendor_world.py package/countries-110m.json \
        src/newsevents/web/static/world-110m.json

The output is a small JSON list of countries, each ``{"name": ..., "rings": [[lon, lat, ...]]}``
(flat coordinate lists rounded to 0.1 degree). world-atlas is ISC-licensed (its LICENSE is kept
next to the output); its shapes come from Natural Earth, which is in the public domain.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc if not points else arc[1:])
    flat: list[float] = []
    for lon, lat in points:
        flat += [round(lon, 1), round(lat, 1)]
    return flat


def convert(topo: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decode_arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = geom.get("arcs", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        elif geom.get("type") != "MultiPolygon":
            continue
        rings = [ring(r, arcs) for poly in polys for r in poly]
        out.append({"name": geom.get("properties", {}).get("name", ""), "rings": rings})
    return out


def main(argv: list[str]) -> None:
    src, dst = Path(argv[1]), Path(argv[2])
    shapes = convert(json.loads(src.read_text()))
    dst.write_text(json.dumps(shapes, separators=(",", ":")) + "\n")
    print(f"{len(shapes)} countries -> {dst} ({dst.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv)
