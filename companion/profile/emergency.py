"""Default local emergency numbers by country (ISO 3166 alpha-2); the patient can change it."""

from __future__ import annotations

_NUMBERS = {
    "US": "911",
    "CA": "911",
    "MX": "911",
    "PH": "911",
    "AR": "911",
    "GB": "999",
    "IE": "112",
    "HK": "999",
    "SG": "995",
    "MY": "999",
    "AU": "000",
    "NZ": "111",
    "JP": "119",
    "KR": "119",
    "TW": "119",
    "CN": "120",
    "IN": "112",
    "ZA": "10177",
    "BR": "192",
    "IL": "101",
    "CH": "144",
}
EUROPEAN_DEFAULT = "112"


def emergency_number_for(country_code: str) -> str:
    """112 works across the EU and many other places, so it is the fallback."""
    return _NUMBERS.get(country_code.upper(), EUROPEAN_DEFAULT)


def uses_fahrenheit(country_code: str) -> bool:
    return country_code.upper() in {"US", "LR", "MM", "BS", "BZ", "KY", "PW"}
