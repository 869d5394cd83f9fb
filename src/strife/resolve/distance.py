"""How far apart two points on the Earth are: one great-circle distance for the whole of strife.

The geocoder uses it to tell rival readings of a name from neighbours ("Idlib" the town and the
region are one place) and to find the town nearest a coordinate; deduplication uses it to say
whether two reports happened in the same place.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # numpy loads with the array question only: the store's commands ask none (0.15 s of their start)
    import numpy as np

EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres between two points in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def any_within_km(points: np.ndarray, lat: float, lon: float, km: float) -> bool:
    """Is any of `points` ((lat, lon) rows in radians) within `km` of the point: `haversine_km`
    over an array, for a question asked of every place of a country at once."""
    import numpy as np

    phi0, lambda0 = math.radians(lat), math.radians(lon)
    a = np.sin((points[:, 0] - phi0) / 2) ** 2 + math.cos(phi0) * np.cos(points[:, 0]) * np.sin((points[:, 1] - lambda0) / 2) ** 2
    return bool((2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(a, 1.0))) <= km).any())


class Located(Protocol):
    """Anything placed by a latitude and a longitude (a gazetteer reading, a place)."""

    lat: float
    lon: float


def km_apart(a: Located, b: Located) -> float:
    """`haversine_km` between two located things."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)
